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

from bilat.extract.actors import ActorMatch, find_actors
from bilat.extract.dates import find_dates
from bilat.extract.indicator_grammar import _Grammar, _grammar, _may_match, _view
from bilat.extract.indicator_rules import NEAR as _NEAR
from bilat.extract.indicator_rules import changes as _changes
from bilat.extract.indicator_rules import other_of_pair, parties, respectively, source_of, speaker
from bilat.extract.indicator_rules import period as _period
from bilat.extract.numbers import parse_number, slash_is_reversed
from bilat.normalise.text import norm_view

__all__ = ["IndicatorContext", "IndicatorMatch", "find_indicators", "has_reversed_decimals"]

_DIGIT = re.compile(r"\d")
# The characters ``norm_view`` writes for others: unified Persian letters, ASCII digits, ".", " ".
_SERVICES = {
    "trade_turnover": "services_turnover",
    "services": "services_turnover",
    "exports": "services_exports",
    "imports": "services_imports",
}
_AS_OF = {"fdi_inflow": "fdi_stock", "investment_inflow": "investment_stock"}
_TOPICS = frozenset(("trade_turnover", "exports", "imports", "aid"))
_STOCKS = frozenset(("investment_stock", "fdi_stock", "companies_with_partner_capital"))
_CUE_AFTER = 60  # how far after an amount an indicator word may stand ("4,2 млн — прамыя інвестыцыі")
_TOPIC_TTL = 2  # how many sentences an indicator word goes on naming the figures of ("... Domovilis. Na 800 mln")


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
    pub_date: str | None = None  # the document's publication date: "last year", "over nine months"
    speaker: str | None = None  # the state of whoever speaks now in a transcript ("our trade")
    speakers: tuple[tuple[str, str], ...] = ()  # last word of a speaker label -> state
    topic: str | None = None  # the indicator the last sentences spoke of, for figures that do not repeat it
    topic_reporter: str | None = None
    topic_ttl: int = 0


@dataclass(slots=True)
class _Amount:
    start: int
    end: int
    value: float
    unit: str  # ISO code, "@name" while ambiguous, or "count"
    raw: str
    goods: bool = False  # a count of goods ("65 thousand cars"), not of companies


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
    last: tuple[str, float] | None = None  # the currency of the amount before

    def flush() -> None:
        # "51 billion dollars ..., by the other count 50-odd billion": the currency said before.
        if bare and last and bare[3] >= 1e6:
            out.append(_Amount(bare[0], bare[1], round(bare[2] * last[1], 6), last[0], ""))

    for m in g.amount.finditer(v):
        sym, cur, raw = m.group("sym"), m.group("cur"), m.group("num")
        scale = _scale(g, m.group("scale"))
        if raw is None:  # a number word: only before a scale word ("two billion")
            if scale <= 1:
                continue
            raw, n, rev = m.group("wnum"), g.numwords.get(m.group("wnum")), False
        else:
            rev = g.slash and "/" in raw and slash_is_reversed(raw)
            n = parse_number(raw, g.decimal, ctx.reversed_decimals or rev)
        if n is None:
            continue
        if not (sym or cur):
            flush()
            bare = None
            goods = g.goods.match(v, m.end()) if g.goods else None
            if goods and m.group("num"):
                out.append(_Amount(m.start(), goods.end(), n * scale, "count", raw, goods=True))
            elif scale > 1:
                bare = (m.start(), m.end(), n * scale, scale)
            continue
        seen_reversed |= rev
        unit, factor = _unit(g, cur or sym)
        if not unit:
            continue
        start, n = m.start(), n * scale
        if bare and bare[3] > scale and v[bare[1] : start].strip() in g.preps_and:
            start, n = bare[0], n + bare[2]
        else:
            flush()
        bare = None
        last = (unit, factor)
        out.append(_Amount(start, m.end(), round(n * factor, 6), unit, raw))
    flush()
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
    """Each state with its role: adj, own, from, to, with, between, source (from the words before it)."""
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
            if r == "source" and a.how != "adjective":
                r = None  # "по российской [статистике]", not "по России"
            if r is not None and (a.how != "adjective" or r in ("from", "with", "between", "source")):
                role = r
        out.append((a, role))
    return out


def _dates(g: _Grammar, text: str, v: str, lang: str | None, pub: str | None) -> list[tuple[int, int, str | None]]:
    """The periods a sentence states: dates, and "last year" or "over nine months" seen from the publication."""
    out = []
    rx = g.markers.get("compare")

    def base(start: int) -> bool:  # "compared with 2020": the base of a comparison
        return bool(rx) and any(len(v[x.end() : start].split()) <= 1 for x in rx.finditer(v, max(0, start - 30), start))

    for d in find_dates(text, lang):
        if not d.value or d.value.startswith("--") or base(d.start):
            continue
        value: str | None = d.value
        if d.value_end:
            value = d.value[:4] if d.value_end[:4] == d.value[:4] else None
        out.append((d.start, d.end, value))
    if pub and pub[:4].isdigit():
        for prx, offset in g.periods:
            for m in prx.finditer(v):
                if not base(m.start()) and not any(s <= m.start() < e for s, e, _ in out):
                    out.append((m.start(), m.end(), str(int(pub[:4]) + offset)))
        out.sort()
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


def _forecast(g: _Grammar, v: str, lo: int, hi: int, a: _Amount) -> bool:
    """Whether the figure is a plan, a goal or a forecast ("to reach $10 billion", "$5 billion will be")."""
    if _has(g, "forecast", v, max(lo, a.start - 60), a.start):
        return True
    end = min(hi, a.end + 25)
    brk = _has(g, "clause", v, a.end, end)  # "$3 billion and will reach $9 billion": the next clause's
    return bool(_has(g, "forecast", v, a.end, brk.start() if brk else end))


def find_indicators(
    text: str, lang: str | None, ctx: IndicatorContext = IndicatorContext()
) -> tuple[list[IndicatorMatch], IndicatorContext]:
    """The economic figures in one normalised sentence, and the context updated for the next one."""
    if not text:
        return [], ctx
    g = _grammar(lang)
    if ":" in text[:120]:
        ctx = speaker(text, lang, ctx)
    # The view writes ASCII digits for digits only: a digit in the text is one in its view.
    if not _DIGIT.search(text) and not (g.numwords and g.scale_any.search(
            (text if g.scale_plain else norm_view(text)).lower())):
        return [], replace(ctx, topic_ttl=ctx.topic_ttl - 1) if ctx.topic_ttl else ctx
    v = _view(text)
    cues = [(m.start(), m.end(), m.lastgroup or "") for m in g.cue.finditer(v)] if _may_match(g.cue_needs, v) else []
    ttl = _TOPIC_TTL if cues else ctx.topic_ttl - 1
    topic = cues[-1][2] if cues else (ctx.topic if ttl > 0 else None)
    topic = topic if topic in _TOPICS else None
    ctx = replace(ctx, topic=topic, topic_ttl=max(ttl, 0), topic_reporter=ctx.topic_reporter if topic else None)
    if not cues and not topic and not (_may_match(g.count_needs, v) and g.count.search(v)):
        return [], ctx
    amounts, rev = _amounts(g, v, ctx)
    if rev and not ctx.reversed_decimals:
        ctx = replace(ctx, reversed_decimals=True)
    dates = _dates(g, text, v, lang, ctx.pub_date)
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
    prev_kind: str | None = None if cues else topic
    last_period = ctx.period
    resp = respectively(g, v, amounts, roles, ctx.topic_reporter or ctx.reporter)
    for i, a in enumerate(amounts):
        lo = amounts[i - 1].end if i else 0
        hi = amounts[i + 1].start if i + 1 < len(amounts) else len(v)
        kind, span_start, span_end = _kind(g, v, a, cues, lo, hi, prev_kind, services_at)
        if kind is None or _forecast(g, v, lo, hi, a) or (kind == "aid" and _has(g, "fundraising", v, 0, len(v))):
            continue  # a plan or a forecast; money a campaign collected is no state's aid
        prev_kind = kind if a.unit != "count" or a.goods else prev_kind
        found, period = _period(dates, a.start, a.end, hi)
        if kind in _AS_OF and period and len(period) == 10:  # a flow "on 1 January" is a stock
            kind = _AS_OF[kind]
        if not found and kind not in _STOCKS:
            period = ctx.period
        elif found and kind not in _STOCKS and period:
            last_period = period
        clause = [(x, r) for x, r in roles if lo <= x.start < hi]
        group = bool(_has(g, "group", v, lo, hi))
        cue_at = span_start if span_start < a.start else span_end
        source = source_of(g, v, lo, a, clause, ctx)
        if source:
            rep, par = source, other_of_pair(ctx, source)
        elif not cues:
            # A figure that goes on with the last sentences' indicator names only its other state.
            rep = ctx.topic_reporter or ctx.reporter
            par = resp.get(i) or next((c for c in (*[x.code for x, _ in clause], *sentence) if c != rep), None)
            if par is None:
                continue
        else:
            rep, par = parties(kind, clause, sentence, ctx, group, min(span_start, a.start), cue_at)
        if a.goods and (kind not in ("exports", "imports") or (resp.get(i) or par) not in sentence):
            continue  # a count of goods is traded and names the state it comes from
        par = resp.get(i) or par
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
    ctx = replace(ctx, period=last_period)
    if out and out[-1].indicator in _TOPICS:
        ctx = replace(ctx, topic=out[-1].indicator, topic_ttl=_TOPIC_TTL, topic_reporter=out[-1].reporter)
    return out, ctx


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
    if a.unit == "count" and not a.goods:
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
