"""The grammar of :mod:`bilat.extract.indicators` for one language: its cue words, amounts,
currencies, scale words, markers and periods, compiled from ``lang/<code>/indicators.toml`` into
regexes once per language (or once for all languages together, when the language is unknown).

Kept apart so that each module stays small; the grammar is data, and nothing here branches on a
language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from bilat import lang as langdata
from bilat.extract.numbers import NUMBER, SLASH_NUMBER
from bilat.extract.triggers import first_chars, required_literals, screened
from bilat.normalise.text import norm_view

# The characters ``norm_view`` writes for others: unified Persian letters, ASCII digits, ".", " ".
_VIEW_WRITES = frozenset("\u06cc\u06a9. 0123456789")
_EXTRA = str.maketrans({"\u200c": " ", "\u200b": " ", "\u2019": "'", "\u02bc": "'", "ё": "е", "Ё": "Е", "\u066c": ","})
_PERIODS = {"last_year": -1, "this_year": 0}


@dataclass(frozen=True, slots=True)
class _Grammar:
    decimal: str
    slash: bool
    cue: re.Pattern[str]  # one named group per cue kind
    amount: re.Pattern[str]
    count: re.Pattern[str]
    percent: re.Pattern[str]
    markers: dict[str, re.Pattern[str] | None]
    preps: dict[str, str]  # word -> role
    preps_and: frozenset[str]  # "and" words, and "" (nothing between)
    scale_re: list[tuple[re.Pattern[str], float]]
    currency: list[tuple[re.Pattern[str], str, float]]
    ambiguous: dict[str, dict[str, str]]
    periods: list[tuple[re.Pattern[str], int]]  # "last year" -> -1 year from the publication date
    numwords: dict[str, float]  # "two" in "two billion"
    goods: re.Pattern[str] | None  # "65 thousand units", "8,500 cars": a count of goods
    scale_any: re.Pattern[str]
    # Substrings one of which every match of ``cue`` / ``count`` holds (None: unknown, always run):
    # most sentences with a number name no indicator, and these spare running the long patterns.
    cue_needs: tuple[str, ...] | None = None
    count_needs: tuple[str, ...] | None = None
    # Whether ``scale_any`` finds the same in the text as in its ``norm_view`` (no character the view
    # writes, such as a Persian letter or a plain space, is in its words), sparing that view.
    scale_plain: bool = False


def _view(text: str) -> str:
    """A same-length lower-case view: digits ASCII, Persian letters unified, ZWNJ as a space."""
    v = norm_view(text).translate(_EXTRA)
    low = v.lower()
    return low if len(low) == len(v) else "".join(c.lower() if len(c.lower()) == 1 else c for c in v)


def _entry(e: str, head: bool = True) -> str:
    """The regex of one data entry: words joined by optional spaces, "*" for any ending."""
    parts = []
    for w in _view(e).split():
        star = w.endswith("*")
        w = w.rstrip("*")
        parts.append(re.escape(w) + (r"\w*" if star else ""))
    body = r"\s*".join(parts)
    e = e.rstrip("*")
    head = r"(?<!\w)" if head and e[:1].isalnum() else ""
    tail = r"(?!\w)" if e[-1:].isalnum() or e.endswith("*") else ""
    return head + body + tail


_HEAD = r"(?<!\w)"


def _alt(entries: list[str], head: bool = True) -> str:
    """The entries as one alternation, longest first. A run of entries that each start a word shares
    one ``(?<!\\w)`` (the same match: it looks at the same place for each) so that the regex engine
    gives up mid-word at once and tries the rest by their first letter."""
    out: list[str] = []
    run: list[str] = []
    for e in sorted(set(entries), key=lambda e: (-len(e), e)):  # ties by text: the same in every process
        x = _entry(e, head)
        if x.startswith(_HEAD):
            run.append(x[len(_HEAD) :])
            continue
        if run:
            out.append(f"{_HEAD}(?:{'|'.join(run)})")
            run = []
        out.append(x)
    if run:
        out.append(f"{_HEAD}(?:{'|'.join(run)})")
    return "|".join(out)


def _groups(groups: dict[str, list[str]]) -> str:
    """One named group per entry list. When every entry starts a word, the ``(?<!\\w)`` goes once in
    front of them all (the same match: it looks at the same place for each), which lets the regex
    engine give up mid-word at once instead of in each group."""
    if all(e.rstrip("*")[:1].isalnum() for v in groups.values() for e in v):
        body = "|".join(f"(?P<{k}>{_alt(v, head=False)})" for k, v in groups.items())
        return rf"(?<!\w)(?:{body})" if body else ""
    return "|".join(f"(?P<{k}>{_alt(v)})" for k, v in groups.items())


def _merge(codes: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for code in codes:
        for key, val in langdata.toml(code, "indicators.toml").items():
            if isinstance(val, dict):
                sub = out.setdefault(key, {})
                for k, v in val.items():
                    sub[k] = (sub.get(k, []) + v) if isinstance(v, list) and isinstance(sub.get(k), list) else v
            else:
                out.setdefault(key, val)
    return out


@cache
def _grammar(code: str | None) -> _Grammar:
    codes = (code,) if code else tuple(c for c in langdata.available() if langdata.path(c, "indicators.toml").exists())
    d = _merge(codes)
    cues = d.get("cues", {})
    cue = screened(_groups({k: v for k, v in cues.items() if v}) or r"(?!x)x")
    scales = dict(d.get("scale", {}))
    syms = dict(d.get("symbols", {}))
    curs = dict(d.get("currency", {}))
    scale_alt = f"(?:{_alt(list(scales), head=False)})\\.?"  # "$5bn"
    sym_alt = _alt(list(syms))
    cur_alt = f"(?:{_alt(list(curs) + list(syms), head=False)})\\.?"
    num = SLASH_NUMBER if d.get("slash_decimal") else NUMBER
    markers = d.get("markers", {})
    numwords = {_view(k): float(x) for k, x in d.get("numbers", {}).items()}
    words = f"|(?P<wnum>{_alt(list(numwords))})" if numwords else ""
    filler = f"(?:\\s*(?:{_alt(markers['filler'])}))?" if markers.get("filler") else ""
    # Every amount starts with a symbol, a digit or a number word: a look-ahead for those spares
    # trying the whole pattern at every other place.
    # (An empty symbol group lets a match start with the space before the number: no look-ahead then.)
    firsts = [first_chars(re.compile(sym_alt)) if sym_alt else None,
              first_chars(re.compile(_alt(list(numwords)))) if numwords else frozenset()]
    look = "" if None in firsts else rf"(?=[\d{''.join(map(re.escape, sorted(set().union(*firsts))))}])"
    amount = re.compile(
        rf"{look}(?:(?P<sym>{sym_alt})\s?)?(?:(?P<num>{num}){words}){filler}"
        rf"(?P<scale>(?:\s*(?:{scale_alt})){{0,2}})(?:\s*(?P<cur>{cur_alt}))?"
    )
    company = _alt(markers.get("company", [])) or r"(?!x)x"
    count = re.compile(rf"(?<![\d.,/])(?P<num>\d+)\s+(?:(?P<mid>\w+)\s+)?(?P<co>{company})")
    percent = re.compile(rf"(?P<num>{num})\s*(?:{_alt(markers.get('percent', ['%']))})")
    currency = []
    for k, v in list(curs.items()) + list(syms.items()):
        unit, factor = (v[0], float(v[1])) if isinstance(v, list) else (v, 1.0)
        currency.append((re.compile(_entry(k) + r"\.?"), unit, factor))
    currency.sort(key=lambda t: -len(t[0].pattern))
    preps = {}
    for role, words in d.get("preps", {}).items():
        for w in words:
            preps.setdefault(_view(w), role)
    return _Grammar(
        decimal=d.get("decimal", "."),
        slash=bool(d.get("slash_decimal")),
        cue=cue,
        amount=amount,
        count=count,
        percent=percent,
        markers={k: re.compile(_alt(v)) if v else None for k, v in markers.items()},
        preps=preps,
        preps_and=frozenset([""] + [w for w, r in preps.items() if r == "and"]),
        scale_re=[(re.compile(_entry(k, False) + r"\.?"), float(f)) for k, f in scales.items()],
        currency=currency,
        ambiguous=d.get("ambiguous", {}),
        periods=[(re.compile(_alt(v)), int(_PERIODS[k])) for k, v in d.get("periods", {}).items() if v],
        numwords=numwords,
        scale_any=re.compile(_alt(list(scales), head=False) or r"(?!x)x"),
        goods=re.compile(rf"\s*(?:\w+\s+){{0,2}}?(?:{_alt(markers['goods'])})") if markers.get("goods") else None,
        cue_needs=required_literals(cue),
        count_needs=required_literals(count),
        scale_plain=not set("".join(map(_view, scales))) & _VIEW_WRITES,
    )


def _may_match(needs: tuple[str, ...] | None, v: str) -> bool:
    """Whether a pattern whose matches hold one of ``needs`` can match ``v`` (None: it may)."""
    return needs is None or any(x in v for x in needs)
