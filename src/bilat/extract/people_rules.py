"""The compiled people-finding rules of a language, from ``lang/<code>/people.toml`` (see people.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from bilat import lang as langdata

_WORD = r"[^\W\d_]+(?:[-'\u2019\u200c][^\W\d_]+)*"
#: one piece of a name: an initial ("В.") or a word
_PIECE = re.compile(r"(?P<ini>[^\W\d_]\.)|(?P<word>" + _WORD + ")")
_GAP = re.compile(r"[ \t\u00a0\u200c]*")
_GAP_PIECE = re.compile(_GAP.pattern + f"(?:{_PIECE.pattern})")  # _GAP then _PIECE, in one match
_SIDE_GAP = re.compile(r"\s*[,\u060c]?\s*")
_SPACES = re.compile(r"\s*")
_WORD_RE = re.compile(_WORD)


def _ranges(chars: list[str]) -> str:
    """A character class body for these characters, as ranges."""
    cps, out, i = sorted(map(ord, chars)), [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append(re.escape(chr(cps[i])) + (f"-{re.escape(chr(cps[j]))}" if j > i else ""))
        i = j + 1
    return "".join(out)


#: the lower-case letters of the first scripts (Latin, Greek, Cyrillic): a word starting with one is
#: never capitalised, so the searches for capitalised words below skip it inside the pattern
LOWER = frozenset(c for c in map(chr, range(0x600)) if c.islower() and re.fullmatch(r"[^\W\d_]", c))
assert not any(c.isupper() for c in LOWER)
NOT_LOWER = rf"[^\W\d_{_ranges(sorted(LOWER))}]"  # a letter that may be upper-case
#: the name pieces people.bare looks at: a _PIECE whose first letter is not known to be lower-case
#: (a superset: bare() still tests str.isupper), not after a letter, digit or point, nor after a
#: letter and a joiner (inside a piece); the class first, so that the search skips to such letters,
#: then the rest of _PIECE after its first letter (an initial's point, or the rest of a word)
_BARE_PIECE = re.compile(NOT_LOWER + r"(?<![^\W_].)(?<!\..)(?<![^\W\d_][-'\u2019\u200c].)"
                         r"(?:\.|[^\W\d_]*(?:[-'\u2019\u200c][^\W\d_]+)*)")


@dataclass(frozen=True, slots=True, eq=False)  # one object per language (_rules): hashed by identity
class _Rules:
    roles: re.Pattern[str]  # any role phrase (to tell role words from names)
    # any phrase or modifier pattern at a word start: a role can start only where this matches,
    # so the sentence is searched once instead of trying every word (one alternation of the
    # very patterns, so it matches wherever one of them does)
    starts: re.Pattern[str]
    phrases: dict[str, tuple[tuple[re.Pattern[str], str], ...]]  # first letter -> (phrase, label)
    modifiers: dict[str, tuple[tuple[re.Pattern[str], str], ...]]
    unmodified: frozenset[str]
    domains: tuple[tuple[re.Pattern[str], str], ...]
    honorific: re.Pattern[str] | None
    link: re.Pattern[str] | None  # between a role and its state ("of the")
    filler: re.Pattern[str] | None  # between a role (or state) and the name
    possessive: re.Pattern[str] | None
    conj: re.Pattern[str] | None
    located: re.Pattern[str] | None
    verbs: re.Pattern[str] | None
    stop: re.Pattern[str] | None
    surname_end: re.Pattern[str] | None
    patronymic: tuple[str, ...]
    particles: frozenset[str]
    strong: tuple[tuple[str, str], ...]
    weak: tuple[tuple[str, str], ...]
    oblique: tuple[str, ...]
    caseless: bool
    max_words: int
    shape: re.Pattern[str]  # _shape(max_words)


def _alt(items: Sequence[str]) -> str:
    return "|".join(sorted((i.replace(" ", r"\s+") for i in items), key=len, reverse=True))


def _opt(items: Sequence[str], whole: bool = True, flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    if not items:
        return None
    body = f"(?:{_alt(items)})"
    return re.compile(rf"(?<!\w){body}(?!\w)" if whole else body, flags)


def _by_first(items: list[tuple[re.Pattern[str], str]]) -> dict[str, tuple[tuple[re.Pattern[str], str], ...]]:
    """Patterns keyed by the lower-case first letter they can start with ("" for any)."""
    out: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    for pat, label in items:
        first = pat.pattern[:1]
        out.setdefault(first.lower() if first.isalpha() else "", []).append((pat, label))
    return {k: tuple(v) for k, v in out.items()}


def _longest(table: dict[str, tuple[tuple[re.Pattern[str], str], ...]], text: str, pos: int) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for pat, label in (*table.get(text[pos : pos + 1].lower(), ()), *table.get("", ())):
        m = pat.match(text, pos)
        if m is not None and (best is None or m.end() > best[0]):
            best = (m.end(), label)
    return best


_LOOKBEHINDS = re.compile(r"^(?:\(\?<[!=][^()]*\))+")


def _starts(modifiers: list[tuple[re.Pattern[str], str]], phrases: list[tuple[re.Pattern[str], str]],
            dom_alt: str) -> re.Pattern[str]:
    """Where a role can start: a word start where one of the modifier or phrase patterns matches.

    Only ever a superset of those places (_role_at decides): the very patterns, grouped by the
    first letter _longest files them under, behind a lookahead so that most words fail on one
    test; leading lookbehinds dropped (they only narrow a match); and the phrases that open with
    the domain alternation ("{domain} minister", "{domain} secretary") sharing one copy of it.
    """
    groups: dict[str, list[str]] = {}
    after_domain: list[str] = []
    for key, items in _by_first([*modifiers, *phrases]).items():
        for p, _ in items:
            if key == "" and p.pattern.startswith(dom_alt):
                after_domain.append(p.pattern[len(dom_alt) :])
            else:
                groups.setdefault(key, []).append(_LOOKBEHINDS.sub("", p.pattern))
    if after_domain:
        groups.setdefault("", []).append(f"{dom_alt}(?:{'|'.join(after_domain)})")
    body = "|".join((f"(?={re.escape(k)})" if k else "") + f"(?:{'|'.join(ps)})" for k, ps in groups.items())
    return re.compile(rf"(?<!\w)(?=[^\W\d_])(?:{body or '(?!)'})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Role:
    start: int
    end: int
    label: str
    head: str  # the first word ("заместителя", "Министром")


def _role_at(r: _Rules, text: str, pos: int) -> _Role | None:
    """The role phrase (with a modifier such as "deputy") that starts at ``pos``."""
    if pos and (text[pos - 1].isalnum() or text[pos - 1] == "_"):
        return None
    mod = _longest(r.modifiers, text, pos)
    hit = _longest(r.phrases, text, mod[0]) if mod else None
    if hit is None:
        mod, hit = None, _longest(r.phrases, text, pos)
    if hit is None:
        return None
    label = hit[1]
    if mod is not None and label not in r.unmodified:
        label = f"{mod[1]} {label}"
    head = text[pos : hit[0]].split(None, 1)[0]
    return _Role(pos, hit[0], label, head)


@cache
def _shape(max_words: int) -> re.Pattern[str]:
    """Name shapes over piece kinds (I initial, W word, P particle): "IIW", "WII", "WW", "WIW"."""
    return re.compile(rf"I{{1,3}}(?:P{{0,3}}W){{1,2}}|W(?:I{{1,2}}W|P{{0,3}}W){{0,{max_words - 1}}}(?:I{{1,3}})?")


@cache
def _rules(code: str) -> _Rules:
    data = langdata.toml(code, "people.toml")
    domains = data.get("domains", {})
    dom_alt = f"(?:{_alt([p for ps in domains.values() for p in ps])})" if domains else "(?!)"
    mods = data.get("modifiers", {})
    phrases: list[tuple[re.Pattern[str], str]] = []
    for label, items in data.get("roles", {}).items():
        for phrase in items:
            body = phrase.replace("{domain}", dom_alt).replace(" ", r"\s+")
            phrases.append((re.compile(body + r"(?!\w)", re.IGNORECASE), label))
    modifiers = [
        (re.compile(m.replace(" ", r"\s+") + r"\s+", re.IGNORECASE), label)
        for label, items in mods.items()
        for m in items
    ]
    every = _alt([p for ps in data.get("roles", {}).values() for p in ps]).replace("{domain}", dom_alt)
    rules = data.get("inflection", {})
    return _Rules(
        roles=re.compile(f"(?:{every or '(?!)'})", re.IGNORECASE),
        starts=_starts(modifiers, phrases, dom_alt),
        phrases=_by_first(phrases),
        modifiers=_by_first(modifiers),
        unmodified=frozenset(k for k, v in data.get("unmodified", {}).items() if v),
        domains=tuple((re.compile(_alt(ps), re.IGNORECASE), d) for d, ps in domains.items()),
        honorific=_opt(data.get("honorifics", [])),
        link=_opt(data.get("links", []), whole=False),
        filler=_opt(data.get("fillers", []), whole=False),
        possessive=_opt(data.get("possessive", []), whole=False),
        conj=_opt(data.get("conjunctions", [])),
        located=_opt(data.get("located", [])),
        verbs=re.compile(f"(?:{_alt(v)})(?!\\w)", re.IGNORECASE) if (v := data.get("person_verbs")) else None,
        stop=_opt(data.get("stop", []), whole=False),
        surname_end=re.compile(f"(?:{_alt(ends)})$") if (ends := data.get("surname_endings")) else None,
        patronymic=tuple(data.get("patronymic_endings", [])),
        particles=frozenset(data.get("particles", [])),
        strong=tuple(sorted(rules.get("strong", {}).items(), key=lambda kv: -len(kv[0]))),
        weak=tuple(sorted(rules.get("weak", {}).items(), key=lambda kv: -len(kv[0]))),
        oblique=tuple(data.get("oblique_endings", [])),
        caseless=bool(data.get("caseless", False)),
        max_words=int(data.get("max_words", 4)),
        shape=_shape(int(data.get("max_words", 4))),
    )


@cache
def _months(code: str) -> frozenset[str]:
    return frozenset(f.lower() for row in langdata.tsv(code, "months.tsv") for f in row[1:])


@lru_cache(maxsize=8192)
def _never_name(code: str, word: str) -> bool:
    """Whether a word is a month, a stop word, an honorific or a role word."""
    r = _rules(code)
    if word.lower() in _months(code):
        return True
    if r.stop is not None and r.stop.fullmatch(word):
        return True
    if r.honorific is not None and r.honorific.fullmatch(word):
        return True
    return r.roles.fullmatch(word) is not None


@lru_cache(maxsize=16384)  # the same name words come back sentence after sentence
def _base(word: str, r: _Rules, oblique: bool | None) -> str:
    """The nominative of one name word: the longest matching ending rule, if the case allows."""
    if oblique is False or len(word) < 4:
        return word
    tables = (r.strong, r.weak) if oblique else (r.strong,)
    best: tuple[str, str] | None = None
    for table in tables:
        for end, repl in table:
            if word.endswith(end) and len(word) - len(end) >= 2 and (best is None or len(end) > len(best[0])):
                best = (end, repl)
                break
    if best is None:
        return word
    return word[: len(word) - len(best[0])] + best[1]
