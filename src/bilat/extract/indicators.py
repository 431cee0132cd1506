"""Economic figures about a pair of states: trade, investment, aid, costs, companies.

One normalised sentence at a time: an amount (number, scale word, currency) is
tied to the nearest indicator word of its clause, its states get roles from the
words before them ("imports from Norway"), its period is the closest date before
it, and a percentage next to an increase or decrease word is its change.
All words live in ``lang/<code>/indicators.toml``; code never branches on a
language. The caller carries an :class:`IndicatorContext` from sentence to sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from bilat import lang as langdata
from bilat.extract.actors import ActorMatch, find_actors
from bilat.extract.dates import find_dates
from bilat.extract.numbers import NUMBER, SLASH_NUMBER, parse_number, slash_is_reversed
from bilat.normalise.text import norm_view

__all__ = ["IndicatorContext", "IndicatorMatch", "find_indicators", "has_reversed_decimals"]

_DIGIT = re.compile(r"\d")
_EXTRA = str.maketrans({"\u200c": " ", "\u2019": "'", "\u02bc": "'", "ё": "е", "Ё": "Е", "\u066c": ","})
_SERVICES = {
    "trade_turnover": "services_turnover",
    "services": "services_turnover",
    "exports": "services_exports",
    "imports": "services_imports",
}
_AS_OF = {"fdi_inflow": "fdi_stock", "investment_inflow": "investment_stock"}
_STOCKS = frozenset(("investment_stock", "fdi_stock", "companies_with_partner_capital"))
_CUE_AFTER = 60  # how far after an amount an indicator word may stand ("4,2 млн — прамыя інвестыцыі")
_NEAR = 40  # how far a marker may stand from what it qualifies


@dataclass(frozen=True, slots=True)
class IndicatorMatch:
    """One economic figure found in a sentence."""

    start: int  # span of the figure's phrase (indicator word .. amount and currency)
    end: int
    indicator: str
    value: float
    unit: str  # ISO 4217 code or "count"
    period: str | None
    reporter: str | None
    partner: str | None
    change_pct: float | None = None


@dataclass(frozen=True, slots=True)
class IndicatorContext:
    """What the document said before the current sentence."""

    reporter: str | None = None  # the document's own state
    partner: str | None = None  # the document's main other state
    period: str | None = None  # the last period stated for a flow figure
    reversed_decimals: bool = False  # the document writes Persian "a/b" numbers with groups swapped


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


def _alt(entries: list[str], head: bool = True) -> str:
    return "|".join(_entry(e, head) for e in sorted(set(entries), key=len, reverse=True))


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
    cue = re.compile("|".join(f"(?P<{k}>{_alt(v)})" for k, v in cues.items() if v) or r"(?!x)x")
    scales = dict(d.get("scale", {}))
    syms = dict(d.get("symbols", {}))
    curs = dict(d.get("currency", {}))
    scale_alt = f"(?:{_alt(list(scales), head=False)})\\.?"  # "$5bn"
    sym_alt = _alt(list(syms))
    cur_alt = f"(?:{_alt(list(curs) + list(syms), head=False)})\\.?"
    num = SLASH_NUMBER if d.get("slash_decimal") else NUMBER
    amount = re.compile(
        rf"(?:(?P<sym>{sym_alt})\s?)?(?P<num>{num})(?P<scale>(?:\s*(?:{scale_alt})){{0,2}})(?:\s*(?P<cur>{cur_alt}))?"
    )
    markers = d.get("markers", {})
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
    )


@dataclass(slots=True)
class _Amount:
    start: int
    end: int
    value: float
    unit: str  # ISO code, "@name" while ambiguous, or "count"
    raw: str


def _scale(g: _Grammar, s: str) -> float:
    factor, i, s = 1.0, 0, s.strip()
    while i < len(s):
        if s[i].isspace():
            i += 1
            continue
        for rx, f in g.scale_re:
            m = rx.match(s, i)
            if m:
                factor *= f
                i = m.end()
                break
        else:
            break
    return factor


def _unit(g: _Grammar, s: str) -> tuple[str, float]:
    for rx, unit, factor in g.currency:
        if rx.fullmatch(s) or rx.fullmatch(s.rstrip(".")):
            return unit, factor
    return "", 1.0


def _amounts(g: _Grammar, v: str, ctx: IndicatorContext) -> tuple[list[_Amount], bool]:
    """Money amounts and company counts in the view, and whether a reversed "a/b" number was seen."""
    out: list[_Amount] = []
    seen_reversed = False
    bare: tuple[int, int, float, float] | None = None  # "13 میلیون" before "و 272 هزار تومان"
    for m in g.amount.finditer(v):
        sym, cur, raw = m.group("sym"), m.group("cur"), m.group("num")
        rev = g.slash and "/" in raw and slash_is_reversed(raw)
        n = parse_number(raw, g.decimal, ctx.reversed_decimals or rev)
        scale = _scale(g, m.group("scale"))
        if n is None:
            continue
        if not (sym or cur):
            bare = (m.start(), m.end(), n * scale, scale) if scale > 1 else None
            continue
        seen_reversed |= rev
        unit, factor = _unit(g, cur or sym)
        if not unit:
            continue
        start, n = m.start(), n * scale
        if bare and bare[3] > scale and v[bare[1] : start].strip() in g.preps_and:
            start, n = bare[0], n + bare[2]
        bare = None
        out.append(_Amount(start, m.end(), round(n * factor, 6), unit, raw))
    taken = [(a.start, a.end) for a in out]
    for m in g.count.finditer(v):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        out.append(_Amount(m.start(), m.end(), float(m.group("num")), "count", m.group("num")))
    out.sort(key=lambda a: a.start)
    return out, seen_reversed


def _has(g: _Grammar, name: str, v: str, start: int, end: int) -> re.Match[str] | None:
    rx = g.markers.get(name)
    return rx.search(v, max(0, start), max(0, end)) if rx else None


def _roles(g: _Grammar, v: str, actors: list[ActorMatch]) -> list[tuple[ActorMatch, str]]:
    """Each state with its role: adj, own, from, to, with, between (from the words before it)."""
    out: list[tuple[ActorMatch, str]] = []
    for a in actors:
        words = re.findall(r"[\w.]+", v[max(0, a.start - 30) : a.start])[-2:]
        role = "adj" if a.how == "adjective" else "own"
        if words:
            r = g.preps.get(words[-1])
            if r is None and len(words) == 2 and not words[-1][:1].isdigit():
                r = g.preps.get(words[0])
                r = None if r == "and" else r
            if r == "and":
                r = out[-1][1] if out else None
            if r is not None and (a.how != "adjective" or r in ("from", "with", "between")):
                role = r
        out.append((a, role))
    return out


def _codes(roles: list[tuple[ActorMatch, str]], *wanted: str) -> list[str]:
    return [a.code for a, r in roles if r in wanted]


def _parties(
    kind: str, clause: list[tuple[ActorMatch, str]], sentence: list[str], ctx: IndicatorContext, group: bool, after: int
) -> tuple[str | None, str | None]:
    """Reporter and partner of one figure from the roles of the states in its clause."""
    rep: str | None = None
    par: str | None = None
    if kind in ("trade_turnover", "services_turnover", "services"):
        pair = _codes(clause, "between", "own", "adj")
        other = _codes(clause, "with", "from", "to")
        if other:
            par = other[0]
            rep = next((c for c in pair if c != par), None)
        elif len(pair) >= 2:
            rep = ctx.reporter if ctx.reporter in pair else pair[0]
            par = next(c for c in pair if c != rep) if len(set(pair)) > 1 else None
        elif pair:
            if pair[0] == ctx.reporter or not ctx.reporter:
                rep = pair[0]
            else:
                par = pair[0]
    elif kind.endswith("exports"):
        rep = next(iter(_codes(clause, "own", "adj", "from")), None)
        par = next((c for c in _codes(clause, "to", "with") if c != rep), None)
    elif kind.endswith("imports"):
        par = next(iter(_codes(clause, "from", "with")), None)
        rep = next((c for c in _codes(clause, "own", "adj", "to") if c != par), None)
    elif kind.startswith(("fdi", "investment")):
        par = next(iter(_codes(clause, "adj", "from", "own")), None)
        rep = next((c for c in _codes(clause, "to") if c != par), None)
        if rep is None and par is not None and par == ctx.reporter:
            rep, par = ctx.partner, par
    elif kind == "companies_with_partner_capital":
        par = next(iter(_codes(clause, "adj", "with", "from")), None)
        rep = next((c for c in _codes(clause, "to", "own") if c != par), None)
    elif kind == "aid":
        rep = next(iter(_codes(clause, "own", "adj")), None) or ctx.reporter
        par = next((c for c in _codes(clause, "to") if c != rep), None)
        if par is None and not group:
            # "Poland gave Ukraine aid": the other state of the sentence, else the document's pair.
            par = next((c for c in (*sentence, ctx.partner, ctx.reporter) if c and c != rep), None)
        return rep, par
    elif kind == "cost":
        late = [(a, r) for a, r in clause if a.start >= after]
        rep = next(iter(_codes(late, "own", "to")), None) or ctx.reporter or next(iter(_codes(clause, "own")), None)
        return rep, None
    if rep is None:
        rep = next((c for c in (ctx.reporter, ctx.partner, *sentence) if c and c != par), None)
    if par is None:
        par = next((c for c in (ctx.partner, *sentence, ctx.reporter) if c and c != rep), None)
    return rep, par


def _period(dates: list[tuple[int, int, str | None]], start: int, end: int, limit: int) -> tuple[bool, str | None]:
    """(whether a date was found, its value) for a figure at start..end: the closest date before, else after."""
    before = [d for d in dates if d[1] <= start]
    if before:
        return True, before[-1][2]
    after = [d for d in dates if d[0] >= end and d[0] < limit]
    if after:
        return True, after[0][2]
    return False, None


def _dates(g: _Grammar, text: str, v: str, lang: str | None) -> list[tuple[int, int, str | None]]:
    out = []
    for d in find_dates(text, lang):
        if d.value.startswith("--"):
            continue
        rx = g.markers.get("compare")
        if rx and any(len(v[x.end() : d.start].split()) <= 1 for x in rx.finditer(v, max(0, d.start - 30), d.start)):
            continue
        value: str | None = d.value
        if d.value_end:
            value = d.value[:4] if d.value_end[:4] == d.value[:4] else None
        out.append((d.start, d.end, value))
    return out


def has_reversed_decimals(text: str, lang: str | None) -> bool:
    """Whether a document writes "a/b" numbers with swapped groups ("۵/۹۱۷" for 917.5): prime the context with it."""
    g = _grammar(lang)
    if not g.slash:
        return False
    v = _view(text)
    return any(
        m.group("num") and "/" in m.group("num") and slash_is_reversed(m.group("num"))
        for m in g.amount.finditer(v)
        if m.group("sym") or m.group("cur")
    )


def find_indicators(
    text: str, lang: str | None, ctx: IndicatorContext = IndicatorContext()
) -> tuple[list[IndicatorMatch], IndicatorContext]:
    """The economic figures in one normalised sentence, and the context updated for the next one."""
    if not text or not _DIGIT.search(norm_view(text)):
        return [], ctx
    g = _grammar(lang)
    v = _view(text)
    cues = [(m.start(), m.end(), m.lastgroup or "") for m in g.cue.finditer(v)]
    if not cues and not g.count.search(v):
        return [], ctx
    amounts, rev = _amounts(g, v, ctx)
    if rev and not ctx.reversed_decimals:
        ctx = replace(ctx, reversed_decimals=True)
    dates = _dates(g, text, v, lang)
    if not amounts:
        if cues:
            years = [d[2] for d in dates if d[2] and len(d[2]) <= 7]
            if years:
                ctx = replace(ctx, period=years[-1])
        return [], ctx
    actors = [
        a
        for a in find_actors(text, lang, self_code=ctx.reporter)
        if len(a.code) == 2 and not any(x.start <= a.start < x.end for x in amounts)  # not "долларов США"
    ]
    roles = _roles(g, v, actors)
    sentence = list(dict.fromkeys(a.code for a in actors))
    not_services = g.markers.get("not_services")
    blocked = [(m.start(), m.end()) for m in not_services.finditer(v)] if not_services else []
    services_at = [s for s, e, k in cues if k == "services" and not any(bs <= s < be for bs, be in blocked)]
    changes = _changes(g, v, amounts)
    out: list[IndicatorMatch] = []
    prev_kind: str | None = None
    last_period = ctx.period
    for i, a in enumerate(amounts):
        lo = amounts[i - 1].end if i else 0
        hi = amounts[i + 1].start if i + 1 < len(amounts) else len(v)
        kind, span_start, span_end = _kind(g, v, a, cues, lo, hi, prev_kind, services_at)
        if (
            kind is None
            or _has(g, "forecast", v, max(lo, a.start - 60), a.start)
            or _has(g, "forecast", v, a.end, min(hi, a.end + 25))
        ):
            continue
        prev_kind = kind if a.unit != "count" else prev_kind
        found, period = _period(dates, a.start, a.end, hi)
        if kind in _AS_OF and period and len(period) == 10:  # a flow "on 1 January" is a stock
            kind = _AS_OF[kind]
        if not found and kind not in _STOCKS:
            period = ctx.period
        elif found and kind not in _STOCKS and period:
            last_period = period
        clause = [(x, r) for x, r in roles if lo <= x.start < hi]
        group = bool(_has(g, "group", v, lo, hi))
        rep, par = _parties(kind, clause, sentence, ctx, group, min(span_start, a.start))
        unit = a.unit
        if unit.startswith("@"):
            table = g.ambiguous.get(unit[1:], {})
            unit = next(
                (table[c] for c in (rep, par, ctx.reporter, ctx.partner) if c in table), table.get("default", "XXX")
            )
        out.append(
            IndicatorMatch(
                min(span_start, a.start), max(span_end, a.end), kind, a.value, unit,
                # A flow is by year (SCHEMA.md); a stock keeps the date it is "as of".
                period if kind in _STOCKS or not period else period[:4], rep, par, changes.get(i),
            )
        )
    return out, replace(ctx, period=last_period)


def _kind(
    g: _Grammar,
    v: str,
    a: _Amount,
    cues: list[tuple[int, int, str]],
    lo: int,
    hi: int,
    prev_kind: str | None,
    services_at: list[int],
) -> tuple[str | None, int, int]:
    """The indicator of an amount and the span of its phrase."""
    if a.unit == "count":
        tail = v[a.end : a.end + _NEAR]
        mid = v[a.start : a.end]
        if _has(g, "capital", tail, 0, len(tail)) or _has(g, "capital", mid, 0, len(mid)):
            cap = _has(g, "capital", v, a.end, a.end + _NEAR)
            return "companies_with_partner_capital", a.start, cap.end() if cap else a.end
        return None, a.start, a.end
    before = [c for c in cues if lo <= c[0] and c[1] <= a.start]
    after = [c for c in cues if a.end <= c[0] < min(hi, a.end + _CUE_AFTER)]
    if before:
        cs, ce, kind = before[-1]
        window = (max(lo, cs - _NEAR), a.start)
        start, end = cs, a.end
    elif after:
        cs, ce, kind = after[0]
        window = (a.end, ce)
        start, end = a.start, ce
    elif prev_kind:
        return prev_kind, a.start, a.end
    else:
        return None, a.start, a.end
    if kind in _SERVICES and (kind == "services" or any(s < a.start for s in services_at)):
        return _SERVICES[kind], start, end
    if kind == "investment":
        stock = _has(g, "stock", v, 0, a.start) or _has(g, "stock", v, *window)
        direct = _has(g, "direct", v, *window)
        kind = (
            ("fdi_stock" if stock else "fdi_inflow")
            if direct
            else ("investment_stock" if stock else "investment_inflow")
        )
    return kind, start, end


def _changes(g: _Grammar, v: str, amounts: list[_Amount]) -> dict[int, float]:
    """Percent changes by the index of the money amount they belong to."""
    out: dict[int, float] = {}
    money = [i for i, a in enumerate(amounts) if a.unit != "count"]
    if not money:
        return out
    for m in g.percent.finditer(v):
        if any(a.start <= m.start() < a.end for a in amounts):
            continue
        near = []
        for name, sign in (("increase", 1.0), ("decrease", -1.0)):
            rx = g.markers.get(name)
            if rx is None:
                continue
            for w in rx.finditer(v, max(0, m.start() - _NEAR), min(len(v), m.end() + 25)):
                near.append((min(abs(w.start() - m.end()), abs(m.start() - w.end())), sign))
        if not near:
            continue
        sign = min(near)[1]
        n = parse_number(m.group("num"), g.decimal)
        if n is None:
            continue
        prior = [i for i in money if amounts[i].end <= m.start()]
        idx = prior[-1] if prior else next((i for i in money if amounts[i].start >= m.end()), None)
        if idx is not None and idx not in out:
            out[idx] = sign * n
    return out
