"""Name tables for the actor finder: every surface form of every state and organisation.

One table per language, built lazily from CLDR (babel) country names, every ISO 3166-1
name pycountry gives (short, common and official: "Slovak Republic", "Турецкая
Республика"), and the language's data files in ``lang/<code>/``:

``actors.toml``
    ``[inflection]`` maps the final letters of a nominative word to the endings that
    replace them (every key that fits gives its forms; ``""`` is the default);
    ``equivalents`` pairs spellings that stand for each other in every name (ё/е,
    apostrophes, ZWNJ, "Türkiye"/"Turkey"); ``[adjective]``
    has ``endings`` appended to every stem of ``adjectives.tsv`` and ``linkers`` for the
    first half of hyphenated compounds; ``suffixes`` maps attached suffixes to the ``how``
    they give (Persian ی, ها ...) and ``suffix_blocked`` the final letters
    after which a suffix is something else (ezafe ی after ا); ``stop`` lists forms never matched, ``stop_initial``
    forms not matched at the start of a sentence; ``self`` lists "our country" phrases;
    ``not_actors`` lists phrases that hold a name but are no state ("New Jersey", "New
    Mexico"): they are read as one unit and give nothing.
``countries_extra.tsv``, ``adjectives.tsv``, ``capitals.tsv``, ``places.tsv``, ``orgs.tsv``
    rows ``CODE<TAB>name``. A word written ``=word`` is never inflected. In ``orgs.tsv``,
    ``FR,DE,PL<TAB>name`` names a group of states (each is a party), and ``?name`` a body
    that states have too ("?Security Council"): it is the organisation's only when no
    state stands next to it (see :func:`bilat.extract.actors.find_actors`).

An entry whose first letter is lower case matches with either case of that letter; any
other entry matches its exact case. All forms are keyed by their tokens joined by one space.
"""

from __future__ import annotations

import gettext
import itertools
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bilat import lang as langdata
from bilat.extract import table_cache

#: a word: letters, with the Arabic-script short vowels written inside it ("کِیمن" is one word)
TOKEN = re.compile(r"(?:\w|[\u064b-\u0653\u0655-\u065f\u0670])+")
#: what may stand between the words of one name: spaces, ZWNJ, hyphens, apostrophes, ezafe marks
GAP = re.compile(r"[\s\u200c\u200d\u0654\-\u2010\u2011\u2013\u2014.'\u2019\u02bc&]{1,3}")
PARENS = re.compile(r"\([^)]*\)")
PARENS_IN = re.compile(r"\(([^)]*)\)")
MAX_FORMS = 4000  # cap on the inflected variants of one multi-word name

#: historical states and organisations that CLDR does not name, in every language's tables
EXTRA_CODES = ("SU", "YU")


@dataclass(slots=True)
class Table:
    """The surface forms of one language, keyed by space-joined tokens."""

    exact: dict[str, tuple[str, str]] = field(default_factory=dict)
    lower: dict[str, tuple[str, str]] = field(default_factory=dict)
    width: dict[str, int] = field(default_factory=dict)  # first token -> most tokens of a form
    stop_initial: frozenset[str] = frozenset()
    person_like: frozenset[str] = frozenset()
    suffixes: dict[str, str] = field(default_factory=dict)
    #: every word that may begin a form -> the most tokens of the forms it begins, ``width`` with the
    #: case rule folded in: a capitalised word also begins its lower-case entry's forms ("Норвежской")
    starts: dict[str, int] = field(default_factory=dict)
    #: the first tokens (one or more, not all) of every form of ``exact`` and of ``lower`` of several
    #: tokens: a run of words that is none of these can be continued into no form
    heads_exact: frozenset[str] = frozenset()
    heads_lower: frozenset[str] = frozenset()


def tokens(text: str) -> list[str]:
    """The word tokens of a name or phrase."""
    return TOKEN.findall(text)


_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


@cache
def _bmp_token() -> re.Pattern[str]:
    """``TOKEN`` for texts within the Basic Multilingual Plane, as one class of its characters: ``re``
    tests that by a bitmap, faster than ``\\w`` (a Unicode lookup a character)."""
    one = re.compile(TOKEN.pattern[:-1])  # one character of a token
    chars = [c for c in range(0x10000) if one.match(chr(c))]
    ranges: list[list[int]] = []
    for c in chars:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    spans = (re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
    return re.compile("[" + "".join(spans) + "]+")


def token_pattern(text: str) -> re.Pattern[str]:
    """A pattern that finds the same tokens in ``text`` as ``TOKEN``, the faster one where it can."""
    return TOKEN if _BEYOND_BMP.search(text) else _bmp_token()


@cache
def splitter(token: re.Pattern[str]) -> re.Pattern[str]:
    """``token`` as a group: its ``split`` gives the text between the tokens and the tokens in turn,
    ``[gap, token, gap, ..., token, gap]``, whose lengths add up to every offset."""
    return re.compile(f"({token.pattern})")


def lower_first(word: str) -> str:
    """The word with its first letter in lower case."""
    return word[:1].lower() + word[1:]


@cache
def _capitals() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Every lower case a capital letter has, by its first character, with the capitals that give it
    ("k": [("k", ("K", "\u212a"))], "i": [("i", ("I",)), ("i\u0307", ("\u0130",))])."""
    by_lower: dict[str, list[str]] = {}
    for c in map(chr, range(sys.maxunicode + 1)):
        if c.isupper():
            by_lower.setdefault(c.lower(), []).append(c)
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for low, caps in by_lower.items():
        out.setdefault(low[0], []).append((low, tuple(caps)))
    return out


def starts(width: dict[str, int]) -> dict[str, int]:
    """``Table.starts`` of a ``width``: each word W maps to the larger of ``width[W]`` and, when W's
    first letter is a capital, ``width[lower_first(W)]``, so the finder needs one lookup a word and
    one set test a sentence. Every capital whose lower case begins a key gives a word here (the
    Kelvin sign as well as K), so no word the two lookups would find is missing."""
    out = dict(width)
    capitals = _capitals()
    for key, n in width.items():
        for low, caps in capitals.get(key[0], ()):
            if key.startswith(low):
                for c in caps:
                    word = c + key[len(low) :]  # lower_first(word) == key
                    out[word] = max(out.get(word, 0), n)
    return out


def heads(forms: dict[str, tuple[str, str]]) -> frozenset[str]:
    """``Table.heads_exact`` (or ``heads_lower``) of a table's forms."""
    out = set()
    for key in forms:
        words = key.split(" ")
        out.update(" ".join(words[:j]) for j in range(1, len(words)))
    return frozenset(out)


def _endings(inflection: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    return sorted(inflection.items(), key=lambda kv: -len(kv[0]))


def inflect_word(word: str, rules: list[tuple[str, list[str]]]) -> list[str]:
    """Every case form of one word: its final letters replaced by each ending of its class."""
    if word.startswith("="):
        return [word[1:]]
    if len(word) <= 2 or (word.isupper() and len(word) > 1) or (word.islower() and len(word) <= 3):
        return [word]
    # Every class whose ending fits: "Сірыя" ends like the plural adjective "-ыя" and like a
    # noun in "-я"; only the noun's forms are real, and the others are no words at all.
    forms = [word]
    for key, ends in rules:
        if word.endswith(key) and len(word) - len(key) >= 2:
            stem = word[: len(word) - len(key)] if key else word
            forms += [stem + e for e in ends]
    return list(dict.fromkeys(forms))


def inflect(name: str, rules: list[tuple[str, list[str]]]) -> list[str]:
    """Every inflected form of a (multi-word) name, word by word."""
    words = name.split()
    variants = [inflect_word(w, rules) for w in words]
    total = 1
    for v in variants:
        total *= len(v)
    if total > MAX_FORMS:  # inflect the last word only
        variants = [[w.lstrip("=")] for w in words[:-1]] + [variants[-1]]
    return [" ".join(p) for p in itertools.product(*variants)]


def _key(form: str) -> str:
    return " ".join(tokens(form))


def _variants(form: str, equivalents: list[list[str]]) -> list[str]:
    out = [form]
    for a, b in equivalents:
        out += [f.replace(a, b) for f in out if a in f]
    return list(dict.fromkeys(out))


class _Builder:
    def __init__(self, code: str) -> None:
        self.cfg = langdata.toml(code, "actors.toml")
        self.rules = _endings(self.cfg.get("inflection", {}))
        self.equiv = self.cfg.get("equivalents", [])
        self.stop = frozenset(self.cfg.get("stop", []))
        self.table = Table(
            stop_initial=frozenset(self.cfg.get("stop_initial", [])),
            person_like=frozenset(self.cfg.get("person_like", [])),
            suffixes=dict(self.cfg.get("suffixes", {})),
        )

    def add(self, form: str, code: str, how: str) -> None:
        for variant in _variants(form, self.equiv):
            key = _key(variant)
            if not key or variant in self.stop or key in self.stop:
                continue
            target = self.table.lower if key[:1].islower() else self.table.exact
            if key[:1].islower():
                key = lower_first(key)
            target.setdefault(key, (code, how))
            first = key.split(" ", 1)[0]
            self.table.width[first] = max(self.table.width.get(first, 1), key.count(" ") + 1)

    def add_name(self, name: str, code: str, how: str, inflected: bool = True) -> None:
        forms = inflect(name, self.rules) if inflected else [name]
        forms = [f.lstrip("=").replace(" =", " ") for f in forms]
        blocked = self.cfg.get("suffix_blocked", {})
        for suffix, shows in self.table.suffixes.items():
            base = forms[0]
            if how == "name" and not base.endswith(tuple(blocked.get(suffix, ()))):
                self.add(base + suffix, code, how if shows == "name" else shows)
        self.add(forms[0], code, how)
        for f in forms[1:]:
            self.add(f, code, how)


def _iso_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries)


@cache
def cldr_names(code: str) -> dict[str, str]:
    """Country names of one language: CLDR first, pycountry's translations where CLDR has none."""
    import babel
    import pycountry

    iso = _iso_codes()
    try:
        terr = babel.Locale.parse(code).territories
    except (babel.UnknownLocaleError, ValueError):
        terr = {}
    out = {k: v for k, v in terr.items() if k in iso}
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code])
    except OSError:
        tr = None
    for c in pycountry.countries:
        if c.alpha_2 not in out:
            out[c.alpha_2] = tr.gettext(c.name) if tr else c.name
    return out


@cache
def pycountry_names(code: str) -> dict[str, tuple[str, ...]]:
    """Every ISO 3166-1 name pycountry gives a code (short, common, official), in one language.

    Names written "Korea, Republic of" are left out: their official form ("Republic of
    Korea") is there as well.
    """
    import pycountry

    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code])
    except OSError:
        tr = None
    out: dict[str, tuple[str, ...]] = {}
    for c in pycountry.countries:
        names = []
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if not name:
                continue
            local = tr.gettext(name) if tr else name
            if code != "en" and local == name:
                continue  # no translation: an English name in another language's text is rare
            if local[:1].islower() and not local.startswith("the "):
                local = local[:1].upper() + local[1:]  # "науру" in one translation: a name all the same
            if "," not in local and "،" not in local:
                names.append(local)
        out[c.alpha_2] = tuple(dict.fromkeys(names))
    return out


def _rows(code: str, name: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in langdata.tsv(code, name) if len(r) >= 2 and r[1]]


def name_parts(name: str) -> list[str]:
    """The names one CLDR or ISO name holds: "М’янма (Бірма)" is both names; "Фолклендские
    (Мальвинские) острова" is the name without the brackets, plus the bracketed word when it
    is a name (capitalised, not an abbreviation such as "САР"); "Гонконг, ОАР Китаю" is
    "Гонконг"; "Bosnia & Herzegovina" is also "Bosnia and Herzegovina"."""
    outside = " ".join(PARENS.sub(" ", name).split())
    outside = re.split(r"[,،]\s", outside)[0]  # "Гонконг, ОАР Китаю": the name before the comma
    inside = [p.strip() for p in PARENS_IN.findall(name)]
    names = [outside] + [p for p in inside if p[:1].isupper() and not p.isupper()]
    return names + [n.replace(" & ", " and ") for n in names if " & " in n]


@cache
def table(code: str) -> Table:
    """The name table of one language, built once per process, or read from the disk cache
    (``bilat.extract.table_cache``) when none of what it is built from has changed since."""
    return table_cache.cached(f"gazetteer-{code}", _inputs(code), lambda: _build(code), _pack, _unpack)


#: the data files a language's table is built from (with CLDR's and pycountry's names)
_DATA_FILES = ("actors.toml", "countries_extra.tsv", "orgs.tsv", "capitals.tsv", "places.tsv", "adjectives.tsv")


def _inputs(code: str) -> list[object]:
    """Everything a table depends on: this code, the language's files, the versions of babel and pycountry."""
    return [Path(__file__), Path(langdata.__file__), *(langdata.path(code, n) for n in _DATA_FILES),
            table_cache.version("babel"), table_cache.version("pycountry"), code]


def _pack(t: Table) -> tuple[object, ...]:
    return (t.exact, t.lower, t.width, t.stop_initial, t.person_like, t.suffixes, t.starts, t.heads_exact,
            t.heads_lower)


def _unpack(v: tuple[object, ...]) -> Table:
    return Table(*v)  # type: ignore[arg-type]


def _build(code: str) -> Table:
    b = _Builder(code)
    for phrase in b.cfg.get("not_actors", []):
        b.add_name(phrase, "", "none")  # in every case: "Латинской Америки" is no state either
    for c, name in _rows(code, "countries_extra.tsv"):
        b.add_name(name, c, "name")
    for c, name in cldr_names(code).items():
        for part in name_parts(name):
            b.add_name(part, c, "name")
    for c, names in pycountry_names(code).items():
        for name in names:
            for part in name_parts(name):
                b.add_name(part, c, "name")
    for c, name in _rows(code, "orgs.tsv"):
        if "," in c:  # a group of states under one name ("Weimar Triangle"): each is a party
            b.add_name(name, c, "group")
        elif name.startswith("?"):  # a body that other states have too ("Security Council")
            b.add_name(name[1:], c, "org-body")
        else:
            b.add_name(name, c, "org")
    for c, name in _rows(code, "capitals.tsv"):
        b.add_name(name, c, "capital")
    for c, name in _rows(code, "places.tsv"):
        b.add_name(name, c, "place")
    adj = b.cfg.get("adjective", {})
    ends = adj.get("endings", [""])
    linkers = adj.get("linkers", [])
    for c, stem in _rows(code, "adjectives.tsv"):
        for e in ends:
            b.add(stem + e, c, "adjective")
        for e in linkers:
            b.add(stem + e + "-", c, "adjective-linker")
    for phrase in b.cfg.get("self", []):
        b.add(phrase, "", "self")
    b.table.starts = starts(b.table.width)
    b.table.heads_exact, b.table.heads_lower = heads(b.table.exact), heads(b.table.lower)
    return b.table


def display_name(code: str, lang: str) -> str | None:
    """The first name a language's data gives a code: CLDR, then the extra and org tables."""
    names = cldr_names(lang)
    if code in names:
        return names[code]
    for file in ("countries_extra.tsv", "orgs.tsv"):
        for c, name in _rows(lang, file):
            if c == code:
                return name.replace("=", "")
    return None
