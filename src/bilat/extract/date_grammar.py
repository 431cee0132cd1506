"""The per-language date grammar of :mod:`bilat.extract.dates`: tokens, words and the compiled regex
built from ``lang/<code>/months.tsv``, ``months_jalali.tsv`` and ``dates.toml``, and the tokeniser."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from bilat import lang as langdata
from bilat.extract.trie import trie

_RELATIVE = {"day_before_yesterday": -2, "yesterday": -1, "today": 0, "tomorrow": 1}
_SPACES = re.compile(r"[\s\u200c]+")
_TRANSLATE = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩يىك", "01234567890123456789ییک")


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    kinds: dict[str, Any]  # "num" | "date" | "mon" | "post" | "pre" | "to" | "and" | "rel" | "wd" -> value


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    day: int | None = None
    month: int | None = None
    year: int | None = None
    mcal: str = "gregorian"  # calendar of the month name
    ycal: str | None = None  # calendar named by a marker after the year
    marked: bool = False  # a year word stands next to the year
    lent_year: bool = False  # a bare year that gave its year to earlier items
    adjective: bool = False  # named by a month adjective ("червневої"): a month without a preposition


@dataclass(frozen=True, slots=True)
class _Grammar:
    tokens: re.Pattern[str]
    words: dict[str, dict[str, Any]]
    exact: dict[str, frozenset[str]]
    gap: re.Pattern[str]
    prep_tail: re.Pattern[str] | None
    word_check: re.Pattern[str] | None
    day_suffixes: frozenset[str]
    year_suffixes: frozenset[str]
    orders: frozenset[str]
    numeric_mdy: bool
    jalali: tuple[int, int] | None
    jalali_pivot: int | None  # 2-digit Solar Hijri years up to this are 14xx, the others 13xx
    day_check: re.Pattern[str] | None


def _codes() -> tuple[str, ...]:
    """Languages with date data."""
    return tuple(sorted(p.name for p in langdata.ROOT.iterdir() if (p / "dates.toml").exists()))


def _norm(form: str) -> str:
    """A form with Persian letters and digits unified and one plain space between words."""
    return _SPACES.sub(" ", form.translate(_TRANSLATE)).strip()


def _trie(forms: set[str]) -> str:
    """A regex matching any of ``forms`` (lower case), factored on common prefixes so it runs fast;
    a space in a form stands for any run of spaces and ZWNJs."""
    return trie(forms, lambda ch: r"[\s\u200c]+" if ch == " " else re.escape(ch))


@cache
def _grammar(code: str | None) -> _Grammar:
    """The compiled date grammar of one language, or of all of them for ``None`` or a code without data."""
    codes = _codes()
    return _grammar_of((code,) if code in codes else codes)


@cache
def _grammar_of(codes: tuple[str, ...]) -> _Grammar:
    """The compiled date grammar over the data of ``codes``."""
    words: dict[str, dict[str, Any]] = {}
    exact: dict[str, set[str]] = {}  # lower-case key -> the only spellings allowed
    loose: set[str] = set()  # keys some language matches in any case
    glued: set[str] = set()
    preps: set[str] = set()
    fillers: set[str] = set()
    relword: set[str] = set()
    day_suf: set[str] = set()
    year_suf: set[str] = set()
    orders: set[str] = set()
    mdy = True
    jalali: tuple[int, int] | None = None
    pivot: int | None = None
    day_words: set[str] = set()

    def add(form: str, kind: str, value: Any, case_sensitive: bool) -> None:
        form = _norm(form)
        key = form.lower()
        words.setdefault(key, {}).setdefault(kind, value)
        if case_sensitive:
            exact.setdefault(key, set()).add(form)
        else:
            loose.add(key)

    for code in codes:
        cfg = langdata.toml(code, "dates.toml")
        cased = bool(cfg.get("case_sensitive", False))
        for calendar, name in (("gregorian", "months.tsv"), ("jalali", "months_jalali.tsv")):
            for row in langdata.tsv(code, name):
                for form in row[1:]:
                    if form.startswith("~"):  # a month adjective: exactly as written, no preposition needed
                        add(form[1:], "madj", (calendar, int(row[0])), True)
                        relword.add(_norm(form[1:]).lower())
                    elif form:
                        add(form, "mon", (calendar, int(row[0])), cased)
                        if calendar == "gregorian":
                            relword.add(_norm(form).lower())
        hint = "ambiguous" if "jalali_years" in cfg else None  # a bare year here may be Solar Hijri
        for form in cfg.get("year_after", []):
            add(form, "post", hint, cased)
            glued.add(_norm(form).lower())
        for calendar, forms in cfg.get("calendar_markers", {}).items():
            for form in forms:
                add(form, "post", calendar, cased)
                glued.add(_norm(form).lower())
        for form in cfg.get("year_before", []):
            add(form, "pre", hint, cased)
        for form in cfg.get("range_to", []):
            add(form, "to", None, cased)
        for form in cfg.get("list_and", []):
            add(form, "and", _norm(form), cased)
        for name, forms in cfg.get("relative", {}).items():
            for form in forms:
                add(form, "rel", _RELATIVE[name], cased)
                relword.add(_norm(form).lower())
        for weekday, forms in enumerate(cfg.get("weekdays", [])):
            for prep in cfg.get("weekday_preps", []):
                for form in forms:
                    add(f"{prep} {form}", "wd", weekday, cased)
                    relword.add(_norm(form).lower())
        for day, forms in enumerate(cfg.get("day_words", []), start=1):
            for form in forms:
                add(form, "day", day, cased)
                day_words.add(_norm(form).lower())
        preps.update(_norm(f).lower() for f in cfg.get("year_preps", []))
        fillers.update(_norm(f).lower() for f in cfg.get("fillers", []))
        day_suf.update(f.lower() for f in cfg.get("day_suffixes", []))
        year_suf.update(f.lower() for f in cfg.get("year_suffixes", []))
        orders.update(cfg.get("orders", ["dmy"]))
        mdy = mdy and cfg.get("numeric_order", "dmy") == "mdy"
        if "jalali_years" in cfg:
            lo, hi = cfg["jalali_years"]
            jalali = (min(lo, jalali[0]), max(hi, jalali[1])) if jalali else (lo, hi)
        pivot = cfg.get("jalali_short_year_pivot", pivot)

    word_keys = {k for k in words if re.search(r"\w", k)}
    punct = "|".join(re.escape(k) for k in sorted(set(words) - word_keys, key=len, reverse=True)) or "(?!)"
    # A number is not a date part when it is glued to other digits, a decimal,
    # a time, a percentage, or a word ("28-я", "1990s", "5%", "8/1", "330,0").
    not_after = r"(?<![\d.,/:])"
    not_before = r"(?!\d|[.,/:]\d|\s?%|[-‐‑]?[^\W\d_])"
    tokens = re.compile(
        rf"(?=\d){not_after}(?:"
        rf"(?P<dmy>(?P<a1>\d{{1,2}})(?P<s1>[./])(?P<a2>\d{{1,2}})(?P=s1)(?P<a3>\d{{4}}){not_before})"
        rf"|(?P<ymd>(?P<b1>\d{{4}})(?P<s2>[-/.])(?P<b2>\d{{1,2}})(?P=s2)(?P<b3>\d{{1,2}}){not_before})"
        rf"|(?P<num>\d{{1,4}})(?:(?P<suf>{_trie(day_suf | year_suf)})|(?P<glued>{_trie(glued)})(?!\w))?"
        rf"{not_before})"
        rf"|(?<![\w\u200c])(?P<word>{_trie(word_keys)})(?!\w)"
        rf"|(?P<punct>{punct})"
    )
    filler = rf"|(?<![\w\u200c])(?:{_trie(fillers)})(?!\w)" if fillers else ""
    return _Grammar(
        tokens=tokens,
        words=words,
        exact={k: frozenset(v) for k, v in exact.items() if k not in loose},
        gap=re.compile(rf"(?:[\s\u200c]+{filler})*"),
        prep_tail=re.compile(rf"(?<![\w\u200c])(?:{_trie(preps)})[\s\u200c]+\Z") if preps else None,
        word_check=re.compile(rf"(?<![\w\u200c])(?:{_trie(relword)})", re.IGNORECASE) if relword else None,
        day_suffixes=frozenset(day_suf),
        year_suffixes=frozenset(year_suf),
        orders=frozenset(orders),
        numeric_mdy=mdy,
        jalali=jalali,
        jalali_pivot=pivot,
        day_check=re.compile(rf"(?<![\w\u200c])(?:{_trie(day_words)})(?!\w)") if day_words else None,
    )


def _lower(text: str) -> str:
    """``text`` in lower case, keeping every offset (a character whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _tokenise(text: str, low: str, g: _Grammar) -> list[_Tok]:
    """The date tokens of ``text`` (``low`` is its lower case), in order."""
    out: list[_Tok] = []
    for m in g.tokens.finditer(low):
        if m.group("dmy"):
            a, b, y = int(m["a1"]), int(m["a2"]), int(m["a3"])
            if b > 12 or (a <= 12 and g.numeric_mdy):
                a, b = b, a
            out.append(_Tok(m.start(), m.end(), {"date": ("gregorian", y, b, a)}))
        elif m.group("ymd"):
            y, mo, d = int(m["b1"]), int(m["b2"]), int(m["b3"])
            cal = "jalali" if g.jalali and g.jalali[0] <= y <= g.jalali[1] else "gregorian"
            out.append(_Tok(m.start(), m.end(), {"date": (cal, y, mo, d)}))
        elif m.group("num"):
            digits, suf = m["num"], (m["suf"] or "").lower()
            out.append(_Tok(m.start(), m.end("num") + len(m["suf"] or ""), {"num": (int(digits), len(digits), suf)}))
            if m.group("glued"):
                out.append(_Tok(m.start("glued"), m.end(), g.words.get(_SPACES.sub(" ", m["glued"]), {})))
        else:
            key = m.group()
            if not key.isalnum():  # a letter or digit run holds no space to make plain
                key = _SPACES.sub(" ", key)
            kinds = g.words.get(key)
            if kinds and (key not in g.exact or _SPACES.sub(" ", text[m.start() : m.end()]) in g.exact[key]):
                out.append(_Tok(m.start(), m.end(), kinds))
    return out
