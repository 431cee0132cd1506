"""Rules of :mod:`bilat.extract.indicators` that need no regexes of their own: whose figure it is
(reporter and partner from the roles of the states around it), its period, and its change.

Kept apart so that each module stays small; everything language-specific still comes from
``lang/<code>/indicators.toml`` through the grammar the caller passes in.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from bilat.extract.actors import ActorMatch, find_actors
from bilat.extract.numbers import parse_number

if TYPE_CHECKING:
    from bilat.extract.indicator_grammar import _Grammar
    from bilat.extract.indicators import IndicatorContext, _Amount

NEAR = 40  # how far a marker may stand from what it qualifies

Roles = list[tuple[ActorMatch, str]]
# A transcript's speaker label at the start of a sentence: "Kassym-Jomart Tokayev:", "В.Путин :".
_LABEL = re.compile(r"^[\W_]*((?:[\w.'\-]+\s+){0,8}?[^\W\d_][\w.'\-]*)\s?:\s")


def codes(roles: Roles, *wanted: str) -> list[str]:
    """The states of ``roles`` whose role is one of ``wanted``, in text order."""
    return [a.code for a, r in roles if r in wanted]


def other_of_pair(ctx: IndicatorContext, code: str | None) -> str | None:
    """The state of the document's pair that is not ``code``."""
    return next((c for c in (ctx.reporter, ctx.partner) if c and c != code), None)


def parties(
    kind: str, clause: Roles, sentence: list[str], ctx: IndicatorContext, group: bool, after: int, cue_at: int
) -> tuple[str | None, str | None]:
    """Reporter and partner of one figure from the roles of the states in its clause."""
    rep: str | None = None
    par: str | None = None
    source = codes(clause, "source")
    if source and kind in ("trade_turnover", "services_turnover", "exports", "imports"):
        # "по российской статистике", "according to Polish data": that state's own figure.
        rep = source[0]
        return rep, other_of_pair(ctx, rep) if rep in (ctx.reporter, ctx.partner) else next(
            (c for c in (*sentence, ctx.partner, ctx.reporter) if c and c != rep), None
        )
    if kind in ("trade_turnover", "services_turnover", "services"):
        pair = codes(clause, "between", "own", "adj")
        other = codes(clause, "with", "from", "to")
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
        elif ctx.speaker:
            # "our trade" in a speech: the speaker's state, with the other state of the talks.
            rep = ctx.speaker
            par = other_of_pair(ctx, rep)
    elif kind.endswith("exports"):
        rep = next(iter(codes(clause, "own", "adj", "from")), None)
        par = next((c for c in codes(clause, "to", "with") if c != rep), None)
    elif kind.endswith("imports"):
        # "imports to Ukraine from Germany", "Lithuania, from which Ukraine imported ...".
        par = next(iter(codes(clause, "from", "with")), None)
        rep = next((c for c in codes(clause, "to") if c != par), None)
        rep = rep or next((c for c in codes(clause, "own", "adj") if c != par), None)
        par = par or next((c for c in codes(clause, "own") if c != rep), None)
    elif kind.startswith(("fdi", "investment")):
        par = next(iter(codes(clause, "adj", "from", "own")), None)
        rep = next((c for c in codes(clause, "to") if c != par), None)
        if rep is None and par is not None and par == ctx.reporter:
            rep, par = ctx.partner, par
    elif kind == "companies_with_partner_capital":
        par = next(iter(codes(clause, "adj", "with", "from")), None)
        rep = next((c for c in codes(clause, "to", "own") if c != par), None)
    elif kind == "aid":
        # "American aid", "допомога Польщі": a state named as the aid's own is its donor.
        donor = [a.code for a, r in clause if r == "adj" and abs(a.start - cue_at) <= NEAR]
        rep = next(iter(donor), None) or next(iter(codes(clause, "own", "adj")), None) or ctx.reporter
        par = next((c for c in codes(clause, "to") if c != rep), None)
        if par is None and not group:
            # "Poland gave Ukraine aid": the other state of the sentence, else the document's pair.
            par = next((c for c in (*sentence, ctx.partner, ctx.reporter) if c and c != rep), None)
        return rep, par
    elif kind == "cost":
        late = [(a, r) for a, r in clause if a.start >= after]
        rep = next(iter(codes(late, "own", "to")), None) or ctx.reporter or next(iter(codes(clause, "own")), None)
        return rep, None
    if rep is None:
        rep = next((c for c in (ctx.reporter, ctx.partner, *sentence) if c and c != par), None)
    if par is None:
        par = next((c for c in (ctx.partner, *sentence, ctx.reporter) if c and c != rep), None)
    return rep, par


def period(dates: list[tuple[int, int, str | None]], start: int, end: int, limit: int) -> tuple[bool, str | None]:
    """(whether a date was found, its value) for a figure at start..end: the closest date before, else after."""
    before = [d for d in dates if d[1] <= start]
    if before:
        return True, before[-1][2]
    after = [d for d in dates if d[0] >= end and d[0] < limit]
    if after:
        return True, after[0][2]
    return False, None


def changes(g: _Grammar, v: str, amounts: list[_Amount]) -> dict[int, float]:
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
            for w in rx.finditer(v, max(0, m.start() - NEAR), min(len(v), m.end() + 25)):
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


def respectively(
    g: _Grammar, v: str, amounts: list[_Amount], roles: list[tuple[ActorMatch, str]], reporter: str | None
) -> dict[int, str]:
    """In "Romania and China, 4.7 and 4.2 thousand respectively" the states go in order, one per amount."""
    rx = g.markers.get("respectively")
    if rx is None or not rx.search(v):
        return {}
    states = list(dict.fromkeys(a.code for a, _ in roles if a.code != reporter))
    if len(states) < 2 or len(states) != len(amounts):
        return {}
    return dict(enumerate(states))


def speaker(text: str, lang: str | None, ctx: IndicatorContext) -> IndicatorContext:
    """A transcript's speaker label ("President of Kazakhstan Kassym-Jomart Tokayev:", "В.Путин :") sets the speaker."""
    m = _LABEL.match(text)
    if not m:
        return ctx
    words = m.group(1).split()
    last = words[-1]
    person = last[:1].isupper() and ((len(words) >= 2 and words[-2][:1].isupper()) or "." in last[:-1])
    if not person or any(w[:1].islower() and len(w) > 3 for w in words):
        return ctx  # "Our trade is growing: ..." is no label
    key = last.split(".")[-1].lower()
    state = _label_state(m.group(1), lang)
    if state:
        return replace(ctx, speaker=state, speakers=(*ctx.speakers, (key, state)))
    return replace(ctx, speaker=dict(ctx.speakers).get(key))


@lru_cache(maxsize=4096)
def _label_state(label: str, lang: str | None) -> str | None:
    """The state a speaker label names, if any. A transcript repeats its few labels at every turn
    ("В.Путин:"): each is looked up once."""
    return next((a.code for a in find_actors(label, lang) if len(a.code) == 2), None)


def source_of(
    g: _Grammar, v: str, lo: int, a: _Amount, clause: list[tuple[ActorMatch, str]], ctx: IndicatorContext
) -> str | None:
    """Whose statistics a figure is: "по российской [статистике]", "according to your data"."""
    own = ctx.speaker or ctx.reporter
    marks = [(m.start(), own) for m in _iter(g, "source_own", v, lo, a.start)]
    marks += [(m.start(), other_of_pair(ctx, own)) for m in _iter(g, "source_other", v, lo, a.start)]
    marks += [(x.start, x.code) for x, r in clause if r == "source" and x.start < a.start]
    return max(marks)[1] if marks else None


def _iter(g: _Grammar, name: str, v: str, start: int, end: int) -> list[re.Match[str]]:
    rx = g.markers.get(name)
    return list(rx.finditer(v, start, end)) if rx and end > start else []
