"""World leaders named without a role resolve to their state (SCHEMA.md: "Putin and Macron").

    leader("Макрон" latin "Makron", "2019-03-01") -> LeaderHit(code="FR", role="president", ...)
    find_leaders("Зеленський провів переговори з Ердоганом", "uk", date) -> [LeaderMatch(... TR ...)]

The table ``extract/leaders.tsv`` (language independent, documented in its header and in
docs/leaders.md) holds one row per office: surname key, Latin variants, first names, full
name, state or organisation code, role, term, flags and Persian spellings. A name is matched
by its Latin form: exactly (accents dropped) against the surname and its variants, or by a
soft spelling that folds the differences between transliterations ("Makron" = "Macron",
"Sholts" = "Scholz"; five letters or more). The office is the one held at the given date; without
a date only a surname whose rows all carry one code resolves. Surnames flagged
``needs_first_name`` ("May", "Kim", "Johnson") resolve only with a matching first name or role.

In running text (:func:`find_leaders`) only capitalised words are looked at (cased scripts),
with the case endings of ``lang/<code>/leaders.toml`` taken off; Persian text is searched for
the table's Persian spellings only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import groupby
from pathlib import Path

from bilat import lang as langdata
from bilat.extract.people_rules import LOWER, NOT_LOWER
from bilat.extract.translit import to_latin
from bilat.fuse.names import ascii_letters

_TABLE = Path(__file__).with_name("leaders.tsv")
_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
#: lower-case words that may stand inside a surname ("von der Leyen", "bin Salman")
_PARTICLES = frozenset({"von", "der", "van", "de", "di", "da", "le", "la", "bin", "ben", "ibn", "al", "el",
                        "as", "fon", "дер", "фон", "ван", "де", "ди", "да", "ле", "бин", "бен", "ибн", "аль", "эль",
                        "ель", "ас", "ля"})
#: role labels that name no particular office: any leader may bear them
_GENERIC_ROLES = frozenset({"leader", "head of state", "chair", "head of delegation"})
_SAME_ROLE = ({"prime minister", "chancellor", "premier"}, {"president", "head of state", "leader"})
_MIN_SOFT = 5


@dataclass(frozen=True, slots=True)
class Office:
    """One row of the table: one person in one office for one term."""

    surname: str
    variants: tuple[str, ...]
    first: tuple[str, ...]
    name: str
    code: str
    role: str
    start: str
    end: str  # "" while in office
    needs_first_name: bool
    fa: tuple[str, ...]

    def active(self, date: str) -> bool:
        """Whether the office was held on ``date`` (ISO, possibly only a year or a month)."""
        n = len(date)
        return self.start[:n] <= date and (not self.end or date < self.end[:n])


@dataclass(frozen=True, slots=True)
class LeaderHit:
    """The state (or organisation) a leader's name stands for, and the office."""

    code: str
    role: str
    name: str  # full name in Latin letters
    start: str
    end: str


@dataclass(frozen=True, slots=True)
class LeaderMatch:
    """A leader named in running text: the span (surname, and the first name when written)."""

    start: int
    end: int
    text: str  # the words as written
    base: str  # the surname with its case ending taken off
    hit: LeaderHit


def _split(field: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in field.split("|") if x.strip())


@cache
def offices() -> tuple[Office, ...]:
    """Every row of the table."""
    out = []
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = [x.strip() for x in line.split("\t")]
        f += [""] * (10 - len(f))
        out.append(Office(f[0], _split(f[1]), _split(f[2]), f[3], f[4], f[5], f[6], f[7],
                          "needs_first_name" in f[8], _split(f[9])))
    return tuple(out)


@lru_cache(maxsize=32768)
def _flat(latin: str) -> str:
    """Lower-case ASCII letters only ("Le Drian" -> "ledrian", "Erdoğan" -> "erdogan")."""
    # memoised: the same words (first names of the table, transliterated surnames) come back often
    return ascii_letters(latin).replace(" ", "")


_HARD_C = re.compile(r"c(?![hzs])")
_FINAL_Z = re.compile(r"(?<=[lrnt])z$")


def _prefold(flat: str) -> str:
    """Spellings that differ across Latin orthographies: "sch" -> "sh", a hard "c" -> "k", final "z" -> "ts"."""
    flat = flat.replace("sch", "sh")
    if "c" in flat:
        flat = _HARD_C.sub("k", flat)
    return _FINAL_Z.sub("ts", flat) if "z" in flat else flat


_FOLD = (("dzh", "j"), ("dz", "j"), ("zh", "j"), ("kh", "h"), ("ch", "c"), ("sh", "s"), ("sz", "s"),
         ("cz", "c"), ("ts", "c"), ("tz", "c"), ("ks", "x"), ("ph", "f"), ("w", "v"), ("q", "k"))
_REPEAT = re.compile(r"(.)\1+")


@lru_cache(maxsize=16384)
def _soft(flat: str) -> str:
    """A spelling with the differences between transliterations folded: digraphs ("sh", "sz",
    "ts", "kh"), a hard "c", "o"/"a" and "e"/"i"/"y"/"j", doubled letters
    ("Makron" = "Macron", "Lukashenka" = "Łukaszenko", "Sholts" = "Scholz")."""
    w = _prefold(flat)
    for a, b in _FOLD:
        w = w.replace(a, b)
    # "o"/"a", "e"/"i"/"y"/"j" (no target is a source: the same as one translation table)
    w = w.replace("o", "a").replace("e", "i").replace("y", "i").replace("j", "i")
    if "\n" in w:  # never in a flat spelling; "." of the pattern below would not cross it
        return _REPEAT.sub(r"\1", w)
    return "".join([c for c, _ in groupby(w)])  # doubled letters once: faster than _REPEAT.sub


@cache
def _index() -> tuple[dict[str, list[Office]], dict[str, list[Office]], dict[str, list[Office]]]:
    """Offices by exact flat spelling, by soft spelling (:func:`_soft`), and by Persian spelling."""
    exact: dict[str, list[Office]] = defaultdict(list)
    soft: dict[str, list[Office]] = defaultdict(list)
    fa: dict[str, list[Office]] = defaultdict(list)
    for o in offices():
        forms = {_flat(v) for v in (o.surname, *o.variants)}
        for form in forms:
            exact[form].append(o)
            if len(form) >= _MIN_SOFT:
                f = _soft(form)
                # also with one vowel less: a base-form rule may have taken one ("Сассу" -> "Сасс")
                keys = {f} | ({f[:i] + f[i + 1 :] for i in range(1, len(f)) if f[i] in "aiu"} if len(f) > 6 else set())
                for k in keys:
                    if o not in soft[k]:
                        soft[k].append(o)
        for sp in o.fa:
            fa[_fa_norm(sp)].append(o)
    return exact, soft, fa


def _fa_norm(s: str) -> str:
    return re.sub(r"[\s\u200c]+", " ", s.replace("ي", "ی").replace("ك", "ک")).strip()


def _surname_offices(flat: str) -> list[Office]:
    """The offices of a surname spelled ``flat``: exactly, or by its soft spelling (five letters or more)."""
    exact, soft, _ = _index()
    if flat in exact:
        return list(exact[flat])
    if len(flat) < _MIN_SOFT:
        return []
    return list(soft.get(_soft(flat), ()))


def _first_matches(first: Sequence[Sequence[str]], o: Office) -> bool:
    """Whether first-name words (each with its flat spellings) name this office's holder."""
    singles = {f for forms in first for f in forms}
    joined = set(singles)
    for k in (2, 3):
        for i in range(len(first) - k + 1):
            combos = [""]
            for forms in first[i : i + k]:
                combos = [c + f for c in combos for f in forms][:64]
            joined.update(combos)
    for f in o.first:
        ff = _flat(f)
        if not ff:
            continue
        if ff in joined:
            return True
        # a name of several words, its last word still declined ("Кім Чэн Ына")
        if (" " in f or "-" in f) and any(c.startswith(ff) and len(c) - len(ff) <= 2 for c in joined):
            return True
        if len(ff) >= 4 and " " not in f and "-" not in f and any(w.startswith(ff[:4]) for w in singles):
            return True
        if len(ff) >= 3 and any(_soft(w) == _soft(ff) for w in joined):
            return True
    return False


def _role_fits(role: str, o: Office) -> bool:
    """Whether a stated role label can be this office ("minister" fits "foreign minister",
    "president" fits "Commission president")."""
    if role == o.role or role in _GENERIC_ROLES:
        return True
    if any(role in group and o.role in group for group in _SAME_ROLE):
        return True
    return set(role.lower().split()) <= set(o.role.lower().split())


def _resolve(cands: Iterable[Office], first: Sequence[Sequence[str]], date: str | None, role: str | None,
             first_given: bool) -> tuple[LeaderHit | None, bool]:
    rows = list(dict.fromkeys(cands))
    named = [o for o in rows if _first_matches(first, o)] if first else []
    if named:
        rows = named
    elif first_given:
        return None, False  # "Jill Biden": another person of that surname
    if role:
        rows = [o for o in rows if _role_fits(role, o)]
    if not named and not role:
        rows = [o for o in rows if not o.needs_first_name]
    if date:
        rows = [o for o in rows if o.active(date)]
    if not rows or len({o.code for o in rows}) != 1:
        return None, False
    o = max(rows, key=lambda r: r.start)
    return LeaderHit(o.code, o.role, o.name, o.start, o.end), bool(named)


def resolve(cands: Iterable[Office], first: Sequence[Sequence[str]] = (), date: str | None = None,
            role: str | None = None, first_given: bool = False) -> LeaderHit | None:
    """The office among ``cands`` (one surname's rows) that a mention names, or ``None``.

    ``first`` holds the first-name words written with the surname, each with its flat
    spellings; ``first_given`` says such words were written, so that a first name that fits
    no row means another person. A date keeps the rows in office then; without one, the rows
    must all carry one code.
    """
    return _resolve(cands, first, date, role, first_given)[0]


def leader(name_or_latin: str, date: str | None = None, role: str | None = None) -> LeaderHit | None:
    """The office a person's name stands for on ``date`` (``None``: only a name with one code).

    ``name_or_latin`` is a Latin form ("Recep Tayyip Erdogan", "Makron", "Si Tszinpin") or a
    Persian spelling. ``role`` (an English label) narrows the rows and lets a surname flagged
    ``needs_first_name`` resolve ("Prime Minister May").
    """
    text = name_or_latin.strip()
    if not text:
        return None
    if re.search(r"[\u0600-\u06ff]", text):
        cands = _index()[2].get(_fa_norm(text), [])
        return resolve(cands, (), date, role, False) if cands else None
    words = [_flat(w) for w in _WORD.findall(text.replace("-", " ")) if _flat(w)]
    if not words:
        return None
    n = len(words)
    # the surname: the last words ("Emmanuel Makron", "Ursula fon der Liaien"), or the first
    # (Chinese and Korean order: "Si Tszinpin", "Kim Chen Yn")
    for size in (3, 2, 1):
        for start in dict.fromkeys((n - size, 0)):
            if start < 0:
                continue
            cands = _surname_offices("".join(words[start : start + size]))
            if not cands:
                continue
            rest = words[:start] if start else words[size:]
            rest = [w for w in rest if len(w) > 1 or start == 0]
            hit = resolve(cands, [[w] for w in rest], date, role, bool(rest))
            if hit is not None:
                return hit
    return None


# -- running text --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Lang:
    endings: tuple[tuple[str, str], ...]  # (ending, replacement), longest first
    alternates: tuple[tuple[re.Pattern[str], str], ...]
    caseless: bool


@cache
def _lang(code: str) -> _Lang:
    data = langdata.toml(code, "leaders.toml")
    ends = []
    for e in data.get("endings", []):
        end, _, repl = e.partition(">")
        ends.append((end, repl))
    ends.sort(key=lambda er: -len(er[0]))
    alts = tuple((re.compile(a), b) for a, b in data.get("alternates", []))
    caseless = bool(langdata.toml(code, "people.toml").get("caseless", False))
    return _Lang(tuple(ends), alts, caseless)


@lru_cache(maxsize=16384)
def _forms(word: str, code: str) -> tuple[tuple[str, str], ...]:
    """(base, flat Latin) readings of one word: as written and with each case ending off."""
    lg = _lang(code)
    bases = [word]
    for end, repl in lg.endings:
        if word.endswith(end) and len(word) - len(end) >= 2:
            bases.append(word[: len(word) - len(end)] + repl)
    out: list[tuple[str, str]] = []
    for b in dict.fromkeys(bases):
        latin = to_latin(b, code)
        for variant in {latin, *(p.sub(r, latin) for p, r in lg.alternates)}:
            flat = _flat(variant)
            if flat and (b, flat) not in out:
                out.append((b, flat))
    return tuple(out)


#: a word that may be capitalised: one of _WORD's words whose first letter is not known to be
#: lower-case (the class first, so that the search skips to such letters; the lookbehinds keep
#: it at a word's start; the rest is _WORD's pattern after its first letter)
_CAP_WORD = re.compile(NOT_LOWER + r"(?<![^\W\d_].)(?<![^\W\d_][-'\u2019].)[^\W\d_]*(?:[-'\u2019][^\W\d_]+)*")
#: the word right after a run's word, with only spaces between
_NEXT_WORD = re.compile(r"[ \u00a0]*(" + _WORD.pattern + ")")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def _runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words (with surname particles inside) joined only by spaces or hyphens."""
    # Only the words that may be capitalised are visited (_CAP_START); a lower-case word is looked
    # at only right after a run's word, where it may be a particle. Skipping the others changes
    # nothing: such a word ends the run, and the next capitalised word is not joined across it.
    runs: list[list[re.Match[str]]] = []
    cur: list[re.Match[str]] = []
    particles = _PARTICLES
    for m in _CAP_WORD.finditer(text):
        w = m.group()
        cap = w[0].isupper() and not (len(w) > 1 and w.isupper())  # _capitalised, inline
        if not cur:
            if not cap:
                continue
            cur.append(m)
        else:
            joined = not text[cur[-1].end() : m.start()].strip(" \u00a0")
            if cap:
                if not joined:
                    runs.append(cur)
                    cur = []
                cur.append(m)
            elif joined and w.lower() in particles:
                cur.append(m)
            else:
                runs.append(cur)
                cur = []
                continue
        # lower-case particles right after ("von der Leyen"); other words are left to end the run
        while (t := _NEXT_WORD.match(text, cur[-1].end())) is not None \
                and (p := t.group(1))[0] in LOWER and p.lower() in particles:
            cur.append(_WORD.match(text, t.start(1)) or t)  # (always a word there)
    if cur:
        runs.append(cur)
    # particles at a run's end are not part of a name (a run starts with a capitalised word)
    out = []
    for r in runs:
        k = len(r)
        while not _capitalised(r[k - 1].group()):
            k -= 1
        out.append(r[:k])
    return out


@lru_cache(maxsize=32768)
def _lookup_words(words: tuple[str, ...], code: str) -> tuple[tuple[Office, ...], str]:
    head = "".join(_flat(to_latin(w, code)) for w in words[:-1])
    for base, flat in _forms(words[-1], code):
        cands = _surname_offices(head + flat)
        if cands:
            return tuple(cands), "".join(w + " " for w in words[:-1]) + base
    return (), ""


# lower-case particles a surname may begin with ("von der Leyen", "bin Salman", "фон дер Ляйен")
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "du", "la", "le", "bin", "al", "el", "da", "di",
                        "фон", "дер", "ван", "де", "бин", "бен", "аль", "ль", "дзе"})


def find_leaders(text: str, lang: str | None, date: str | None = None) -> list[LeaderMatch]:
    """Leaders named in ``text`` (one sentence) without needing a role, left to right."""
    if not lang or not text:
        return []
    if _lang(lang).caseless:
        return _find_caseless(text, date)
    found: list[tuple[bool, LeaderMatch]] = []
    for run in _runs(text):
        words = tuple([m.group() for m in run])
        surnames = _surnames(words, lang)
        if not surnames:
            continue  # most runs: no word of it is a leader's surname
        caps = tuple([_capitalised(w) for w in words])
        for i, size, cands, base in surnames:
            got = _match_at(run, words, caps, i, size, cands, base, lang, date)
            if got is not None:
                found.append(got)
    # overlapping readings: one with its first name first ("Macky Sall" over "Macky"), then the longest
    found.sort(key=lambda nm: (not nm[0], -(nm[1].end - nm[1].start), nm[1].start))
    out: list[LeaderMatch] = []
    for _, m in found:
        if not any(o.start < m.end and m.start < o.end for o in out):
            out.append(m)
    return sorted(out, key=lambda m: m.start)


@lru_cache(maxsize=32768)
def _surnames(words: tuple[str, ...], lang: str) -> tuple[tuple[int, int, tuple[Office, ...], str], ...]:
    """For each word of a run where a leader's surname starts: (word index, its number of words,
    the offices, the base form). The longest reading wins (3, 2, then 1 words). It depends on
    the words alone (not on the date nor on the spaces between them): runs repeat across
    sentences ("Moscow", "Sergei Lavrov"), and most hold no surname at all."""
    caps = [_capitalised(w) for w in words]
    n = len(words)
    out = []
    for i in range(n):
        if not caps[i] and words[i].lower() not in _PARTICLES:
            continue  # no size below can start here
        for size in (3, 2, 1):
            if i + size > n or not (caps[i] or (size > 1 and words[i].lower() in _PARTICLES)) \
                    or not caps[i + size - 1]:
                continue
            cands, base = _lookup_words(words[i : i + size], lang)
            if cands:
                out.append((i, size, cands, base))
                break
    return tuple(out)


def _match_at(run: Sequence[re.Match[str]], words: tuple[str, ...], caps: tuple[bool, ...], i: int, size: int,
              cands: tuple[Office, ...], base: str, lang: str, date: str | None) -> tuple[bool, LeaderMatch] | None:
    """The leader whose surname (``size`` words with these offices, :func:`_surnames`) starts at
    word ``i`` of a run, with the first name when written (``words`` and ``caps``: the run's
    words and whether each is capitalised)."""
    n = len(run)
    part = run[i : i + size]
    before = [j for j in range(max(0, i - 3), i) if caps[j]]
    after = list(range(i + size, min(n, i + size + 2)))
    # the first name: the fewest words right before the surname (or after it, in the
    # surname-first order) that name a holder
    sides = [before[-k:] for k in range(1, len(before) + 1)] + [after[:k] for k in range(1, len(after) + 1)]
    for idx in sides:
        side = [run[j] for j in idx]
        hit, named = _resolve(cands, [[f for _, f in _forms(words[j], lang)] for j in idx], date, None, False)
        if named and hit is not None:
            words = [*part, *side] if side[0].start() > part[0].start() else [*side, *part]
            s, e = words[0].start(), words[-1].end()
            return True, LeaderMatch(s, e, words[0].string[s:e], base, hit)
    hit = resolve(cands, (), date)
    if hit is None:
        return None
    s, e = part[0].start(), part[-1].end()
    return False, LeaderMatch(s, e, part[0].string[s:e], base, hit)


@cache
def _fa_pattern() -> re.Pattern[str]:
    """Every Persian spelling of the table, longest first, as whole words."""
    spellings = sorted(_index()[2], key=len, reverse=True)
    body = "|".join(re.escape(sp).replace(r"\ ", r"[\s\u200c]+") for sp in spellings)
    return re.compile(rf"(?<![^\W\d_]|\u200c)(?:{body})(?![^\W\d_]|\u200c)")


def _find_caseless(text: str, date: str | None) -> list[LeaderMatch]:
    found: list[LeaderMatch] = []
    for m in _fa_pattern().finditer(_fa_norm_same_length(text)):
        sp = _fa_norm(m.group())
        cands = _index()[2].get(sp, [])
        hit = resolve([o for o in cands if " " in sp or not o.needs_first_name], (), date)
        if hit is None and " " in sp and cands:
            hit = resolve(cands, (), date, cands[0].role)
        if hit is not None:
            found.append(LeaderMatch(m.start(), m.end(), text[m.start() : m.end()], sp, hit))
    return found


def _fa_norm_same_length(text: str) -> str:
    return text.replace("ي", "ی").replace("ك", "ک")
