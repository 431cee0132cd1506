"""From one sentence's triggers, dates, actors and people to event mentions with roles.

Roles follow SCHEMA.md: visitor's state -> host state; sending -> receiving state for
credentials; imposer -> target for sanctions; the initiator of a phone call; donor ->
recipient; speaker -> addressee. Role words (destination prepositions, "against", "on the
initiative of", "ambassador") come from each language's ``events.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from bilat import lang as langdata
from bilat.extract.actors import ActorMatch
from bilat.extract.dates import DateMatch
from bilat.extract.kinds import KINDS
from bilat.extract.periods import NO_DATE
from bilat.extract.roles import (
    before_reason,
    complete_roles,
    dyads,
    ends_with,
    find_roles,
    joint,
    thanked_for_aid,
    with_partners,
)
from bilat.extract.triggers import Lexicon, Trigger, lexicon
from bilat.records import Location, Person


@dataclass(frozen=True, slots=True)
class Draft:
    """An event mention before it gets its document, evidence and id."""

    kind: str
    trigger: Trigger
    date: str | None
    date_end: str | None
    actors: tuple[str, ...]
    source: tuple[str, ...]
    target: tuple[str, ...]
    location: Location | None
    people: tuple[Person, ...]
    confidence: float
    stated: bool = True  # the date is stated in the sentence itself


@dataclass(slots=True)
class Context:
    """What the document says around a sentence: its own state, its main pair, the dates just before."""

    lang: str | None
    self_code: str | None = None
    pair: tuple[str, ...] = ()
    pub_date: str | None = None
    prev_dates: list[DateMatch] = field(default_factory=list)
    prev_kinds: frozenset[str] = frozenset()  # the kinds of the acts the dates just before were written for
    goes_on: bool = False  # the sentence's act is held with the parties of the last one ("We discussed with him")
    prev_people: tuple[Person, ...] = ()
    prev_actors: tuple[str, ...] = ()  # the states of the last event of the paragraph
    prev_named: tuple[str, ...] = ()  # the states the sentence just before names
    # The document's own state may complete an event that names one party; not so for a country's
    # news site reporting foreign events (it may still when an unnamed official acts: "the President").
    self_fills: bool = True


_WORD = re.compile(r"[^\s,.;:!?«»“”\"()]+")


def _party(a: ActorMatch, low: str, lex: Lexicon, reach: int = 3) -> bool:
    """Whether a state named by its adjective takes part: "the Russian side", "the Slovak foreign minister"
    do; "the Russian invasion", "American sanctions" name a topic (SCHEMA.md: the parties, not every
    state named). The party nouns are ``party_nouns`` in the language's [roles]; without them every
    adjective counts."""
    nouns = lex.roles.get("party_nouns")
    possessive = a.how == "name" and low[a.end : a.end + 2] in ("'s", "’s")
    if not (a.how == "adjective" or possessive) or nouns is None:
        return True
    if possessive:
        # "Russia's war against Ukraine" names a topic; "Russia's foreign minister" a party
        return _noun_within(nouns, low, a.end + 2, a.end + 60, reach)
    if (low[a.end : a.end + 1] in "-‐–" and a.end < len(low)) or low[a.start - 1 : a.start] in ("-", "‐"):
        return True  # a pair adjective: "Polish-Ukrainian consultations"
    before = list(_WORD.finditer(low, max(0, a.start - 40), a.start))
    if before and nouns.match(low, before[-1].start()):
        return True  # an adjective after its noun: "strony niemieckiej"
    return _noun_within(nouns, low, a.end, a.end + 80, reach)


def _noun_within(nouns: re.Pattern[str], low: str, start: int, end: int, reach: int) -> bool:
    """Whether one of the first ``reach`` words of ``low[start:end]`` is a party noun."""
    for n, w in enumerate(_WORD.finditer(low, start, min(len(low), end))):
        if n >= reach:
            return False
        if nouns.match(low, w.start()):
            return True
    return False


def _states(actors: Sequence[ActorMatch]) -> list[ActorMatch]:
    return [a for a in actors if a.how != "org" and a.how != "place"]


def _dates_for(triggers: Sequence[Trigger], dates: Sequence[DateMatch], low: str, lex: Lexicon,
               ctx: Context) -> dict[int, list[DateMatch | None]]:
    """The date(s) of each trigger: a coordinated list of dates gives one event per date."""
    joiners = {w.strip() for w in lex.role_words.get("date_list", (",",))}
    groups: list[list[DateMatch]] = []
    # A span of years ("a programme for 2023–2025") is a period something covers, not an event's date.
    dates = [d for d in dates if not (d.value_end and d.value_end[:4] != d.value[:4])]
    # "po wczorajszym (3 marca) spotkaniu", "on Friday (16 March)": the date in brackets says which day.
    dates = [d for d in dates if not (d.relative and any(
        x is not d and not x.relative and x.value and len(x.value) >= 7 and 0 <= x.start - d.end <= 25
        and _BRACKETED.fullmatch(low[d.end : x.start]) for x in dates))]
    for d in sorted(dates, key=lambda d: d.start):
        if groups:
            gap = low[groups[-1][-1].end : d.start]
            words = [w for w in re.split(r"(\s+|,)", gap) if w.strip()]
            if all(w in joiners for w in words) or not words:
                groups[-1].append(d)
                continue
        groups.append([d])
    out: dict[int, list[DateMatch | None]] = {}
    later = lex.roles.get("earlier_event")
    # "ASTANA, March 15 — … spoke by telephone yesterday": a relative date is the event's own,
    # a dateline is the report's.
    relative = [g for g in groups if any(d.relative for d in g)]
    groups = relative or groups
    for i, t in enumerate(triggers):
        if not groups:
            # An encyclopedia's sentence continues the date of the one before; a dated news
            # report's undated sentence takes the publication date (set by the caller), unless it goes on
            # with the same kind of act ("That night I spoke with world leaders. I spoke with …").
            inherited = ctx.prev_dates[:1] if not ctx.pub_date or t.kind in ctx.prev_kinds else []
            out[i] = list(inherited) if inherited else [None]
            continue
        own = [g for g in groups if not _claimed(g, t, triggers, low, later)]
        if not own:  # every date the sentence gives belongs to another act: this one has none of its own
            out[i] = [None]
            continue
        out[i] = list(min(own, key=lambda g: _distance(g, t)))
    return out


_PAUSE = re.compile(r"[,;:–—]")


def _claimed(group: Sequence[DateMatch], t: Trigger, triggers: Sequence[Trigger], low: str,
             later: re.Pattern[str] | None) -> bool:
    """Whether a date after the trigger belongs to another event: past an "after" word (``later``:
    "his first trip abroad after his inauguration on 12 July"), or past an act of another kind told in
    a clause of its own, beyond a comma ("X's visit takes place on a historic day, as the two states
    established relations 30 years ago": the date is the relations'). A date before both is said of
    both ("On Monday the minister visited Kyiv, where he met …"), and so is one that no comma keeps
    from this act ("the ministers met and signed a treaty on 5 May")."""
    start = group[0].start
    if start < t.end:
        return False
    if later is not None and later.search(low, t.end, start):
        return True
    return any(c.kind != t.kind and t.end <= c.start and c.end <= start and _PAUSE.search(low, t.end, c.start)
               for c in triggers)


# Officials who live where they are posted: meeting them in that capital implies no visit.
_RESIDENT = frozenset({"ambassador", "affaires", "consul", "envoy"})
_BRACKETED = re.compile(r"[\s,]*[(\[–—-]\s*(?:\w+\s+){0,2}?")


def _distance(group: Sequence[DateMatch], t: Trigger) -> float:
    """How far a date stands from its trigger; a date after the trigger counts a little farther
    ("in May 2021 the minister visited …" is the usual order)."""
    if group[-1].end <= t.start:
        return t.start - group[-1].end
    if group[0].start >= t.end:
        return 1.5 * (group[0].start - t.end)
    return 0.0


def _clauses(low: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of the clauses of a sentence, split at ", and" / ", but" / ";" in the language's words."""
    cuts = [0] + [m.end() for m in lex.clause_break.finditer(low)] + [len(low)]
    return [(a, b) for a, b in pairwise(cuts) if b > a]


_QUOTE_PAIRS = {"«": "»", "„": "”", "“": "”", '"': '"'}
_QUOTE_OPEN = re.compile("[" + "".join(_QUOTE_PAIRS) + "]")


def _quotes(low: str) -> list[tuple[int, int]]:
    """Spans of the quotations of a sentence (« », „ ”, “ ”, straight quotes), each closed."""
    spans: list[tuple[int, int]] = []
    i = 0
    # From one opening mark to the next (a pattern finds it; most sentences hold none), not letter by letter.
    while (m := _QUOTE_OPEN.search(low, i)) is not None:
        i = m.start()
        j = low.find(_QUOTE_PAIRS[low[i]], i + 1)
        if j > i + 1:
            spans.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return spans


def _in_clause(actors: Sequence[ActorMatch], t: Trigger, clauses: list[tuple[int, int]]) -> list[ActorMatch]:
    span = next(((a, b) for a, b in clauses if a <= t.start < b), None)
    if span is None:
        return list(actors)
    inside = [x for x in actors if span[0] <= x.start < span[1]]
    return inside if any(x.how not in ("org", "place") for x in inside) else list(actors)


def _joined(o: ActorMatch, states: Sequence[ActorMatch], low: str, lex: Lexicon) -> bool:
    """Whether an organisation and a state stand joined by "and" ("ЕС и Великобритания")."""
    rx = lex.roles.get("joins")
    if rx is None:
        return False
    for a in states:
        gap = low[o.end : a.start] if a.start >= o.end else low[a.end : o.start]
        if len(gap) <= 8 and rx.fullmatch(gap.strip()):
            return True
    return False


def _capital_place(actors: Sequence[ActorMatch], code: str, low: str, locative: re.Pattern[str] | None) -> bool:
    """Whether the place named is a capital (not a venue such as Geneva) of ``code``."""
    return any(a.how == "capital" and a.code == code and ends_with(locative, low, a.start) for a in actors)


def _talks_between_people(t: Trigger, low: str, lex: Lexicon, people: Sequence[Person]) -> bool:
    """Talks ("переговоры", "talks") held by named officials: they met (SCHEMA.md "meeting")."""
    rx = lex.roles.get("talks")
    if rx is None or not any(p.role for p in people):
        return False
    word = low[t.start : t.end]
    rounds = lex.roles.get("round")
    return rx.search(word) is not None and not (rounds is not None and rounds.search(word))


def _names_pair(low: str, lex: Lexicon) -> bool:
    rx = lex.roles.get("pair")
    return bool(rx and rx.search(low))


def _location(low: str, text: str, actors: Sequence[ActorMatch], lex: Lexicon) -> tuple[Location | None, str | None]:
    """The place named after a locative preposition (a capital or a venue), and its country."""
    for a in actors:
        if a.how in ("capital", "place") and ends_with(lex.roles.get("locative"), low, a.start):
            surface = text[a.start : a.end]
            return Location(english_place(a.code, a.how, lex.code, surface) or surface, a.code), a.code
    return None, None


def english_place(code: str, how: str, lang: str | None = None, surface: str = "") -> str | None:
    """The English name of a capital (the first listed for its state) or of a venue, found by its
    row in the language's own table (the tables list venues in the same order); None when unsure.
    Places are named in English, as in SCHEMA.md."""
    if how == "capital":
        rows = _rows("en", "capitals.tsv", code)
        return rows[0] if rows else None
    english = _rows("en", "places.tsv", code)
    if len(english) == 1:
        return english[0]
    own = _rows(lang, "places.tsv", code) if lang else []
    if len(own) != len(english) or not surface:
        return None

    def shared(name: str) -> int:
        return next((i for i, (x, y) in enumerate(zip(name.lower(), surface.lower(), strict=False)) if x != y),
                    min(len(name), len(surface)))

    best = max(range(len(own)), key=lambda i: shared(own[i]))
    return english[best] if shared(own[best]) >= 4 else None


@cache
def _rows(lang: str, name: str, code: str) -> list[str]:
    return [r[1] for r in langdata.tsv(lang, name) if len(r) > 1 and r[0] == code]


def draft_events(text: str, low: str, ctx: Context, triggers: Sequence[Trigger], dates: Sequence[DateMatch],
                 actors: Sequence[ActorMatch], people: Sequence[Person],
                 persons: Sequence[ActorMatch] = ()) -> list[Draft]:
    """Event mentions stated by one sentence, before evidence and ids are attached."""
    lex = lexicon(ctx.lang)
    if lex is None or not triggers:
        return []
    actors = [a if a.how != "self" else ActorMatch(a.start, a.end, ctx.self_code or "", "self") for a in actors]
    every = [a for a in actors if a.code]
    actors = [a for a in every if _party(a, low, lex)]
    location, place_code = _location(low, text, actors, lex)
    locative = lex.roles.get("locative")
    drafts = []
    by_trigger = _dates_for(triggers, dates, low, lex, ctx)
    clauses = _clauses(low, lex)
    quotes = _quotes(low)
    for i, t in enumerate(triggers):
        officials_kind = KINDS[t.kind].officials
        if officials_kind and _talks_between_people(t, low, lex, people):
            t = Trigger(officials_kind, t.start, t.end)  # talks held by named officials: a meeting
        kind = KINDS[t.kind]
        # Actors of the trigger's own clause ("the UK imposed sanctions on Russia, and Norway joined …");
        # the whole sentence when that clause names no state.
        here = _in_clause(actors, t, clauses)
        # "'… the UK and the EU have not agreed' – she said after the meeting": a state named inside a
        # quotation is what someone said, not a party of an act told outside it.
        here = [a for a in here if not any(q0 <= a.start < q1 and not q0 <= t.start < q1 for q0, q1 in quotes)]
        if kind.reason:
            here = before_reason(here, t, low, lex)
        # Capitals after a locative preposition are places; other capitals stand for their state.
        acting = [a for a in here if not (a.how == "capital" and ends_with(locative, low, a.start))]
        if kind.roles == "subject":
            # "American sanctions", "EU aid": the adjective of the act's own noun names who acts; right after
            # the word it names whom ("асудзіў амерыканскія ўлады").
            acting += [a for a in every if a.how == "adjective" and a not in acting
                       and ((t.start - 2 <= a.start and a.end <= t.end) or 0 <= a.start - t.end <= 2
                            or 0 <= t.start - a.end <= 1)]
        # "discussed the situation in Syria": a state talked about is no party (a target of sanctions named
        # after "against" still is).
        against = lex.roles.get("against")
        acting = [a for a in acting if not ends_with(lex.roles.get("topic"), low, a.start)
                  or (kind.roles == "subject" and ends_with(against, low, a.start))]
        if kind.roles != "subject":
            # "called for sanctions against Russia" during a meeting: the target of another act is no party
            acting = [a for a in acting if not ends_with(against, low, a.start)]
        host = place_code
        if kind.symmetric or kind.roles == "host":
            # "a summit in Singapore", "talks in Belarus": the state where it is held is its venue, not a
            # party; a conference's host it is.
            venues = [a for a in acting if a.how == "name" and ends_with(locative, low, a.start)]
            acting = [a for a in acting if a not in venues]
            host = place_code or (venues[0].code if venues and kind.roles == "host" else None)
        states = _states(acting)
        if kind.roles == "host" and not states and (place_code or any(a.how == "org" for a in acting)):
            # "Mr Ri told the Assembly of the UN in his address": the speaker's state takes part in a
            # conference held by an organisation or in a place (not "Putin took part in the forum's plenary
            # session", which names no host).
            states = [p for p in persons if p.code and p.code != place_code
                      and not any(q0 <= p.start < q1 for q0, q1 in quotes)]
        orgs = [a for a in acting if a.how == "org"]
        if kind.orgs == "member" and not orgs:
            continue  # joining or leaving is about an organisation named in the sentence
        source, target = find_roles(kind, t, low, states, orgs, here, lex, host, ctx.self_code)
        codes = {a.code for a in states}
        if kind.symmetric:
            # "talks between the EU and the UK", "an agreement with the EU", "the EU and the UK signed":
            # an organisation introduced as a partner, or joined to a state, takes part.
            codes |= {o.code for o in orgs if ends_with(lex.roles.get("partner"), low, o.start)
                      or _joined(o, states, low, lex)}
        # An organisation's official counts as the organisation (SCHEMA.md): "with the UN Secretary-General".
        officials = {p.country for p in people if p.country} & {o.code for o in orgs}
        codes |= officials
        if kind.orgs == "member":
            codes = set(source) | set(target)
        elif kind.orgs == "subject":
            codes |= {a.code for a in orgs if a.start < t.start}
        codes |= set(source) | set(target)
        if kind.roles_are_actors and source and target:
            codes = set(source) | set(target)
        if kind.place_party and not codes and place_code:
            codes.add(place_code)
        if kind.bilateral and ends_with(lex.roles.get("said_at"), low, t.start):
            # "Roth said at the meeting that the British …": a meeting told as where someone spoke names
            # its parties before what was said, or it is no event of its own.
            said = lex.roles.get("that")
            cut = m.start() if said and (m := said.search(low, t.end)) else len(low)
            named = {a.code for a in [*acting, *persons] if a.start < cut}
            if len(named) < 2:
                continue
            codes &= named
        if kind.bilateral and kind.symmetric and len(codes) >= 2:
            # "I met with the prime ministers of Norway and Israel": all named are partners; the near side meets them
            near, inside = with_partners(low, sorted([*here, *persons], key=lambda a: a.start), lex, ctx.self_code,
                                         start=t.start)
            codes |= {near} if near and codes <= inside else set()
        if kind.bilateral and len(codes) < 2:
            # A person acts for their state: "Макрон" named as France's president earlier in the document.
            codes |= {p.country for p in people if p.country}
        if kind.bilateral and ctx.self_code and _headline_with(t, low, lex):
            # A headline "Meeting with the President of Senegal" on a state's site: that state meets.
            codes.add(ctx.self_code)
        # An international event names a state in its sentence ("his meeting with the Norwegian
        # minister"), or says "the two countries" / "bilateral"; the document's pair only completes it.
        if not codes and ends_with(lex.roles.get("such"), low, t.start) and len(ctx.prev_named) >= 2:
            # "… a summit of the Weimar Triangle. The last such meeting took place five years ago": the
            # states of the sentence before hold it.
            codes = set(ctx.prev_named)
        if ctx.goes_on and ctx.prev_actors:
            codes = set(ctx.prev_actors)  # the states it names are what was discussed
        if not codes and not (place_code and not kind.bilateral) and not _names_pair(low, lex):
            if not ctx.prev_actors:
                continue
            # "During the visit a memorandum was signed": the paragraph's last event goes on.
            codes = set(ctx.prev_actors)
        if not codes and place_code:
            codes.add(place_code)
        # "The German minister met the Prime Minister in Warsaw": the host capital's state takes part.
        if kind.bilateral and len(codes) == 1 and place_code and place_code not in codes and _capital_place(
                actors, place_code, low, locative):
            codes.add(place_code)
        # A bilateral event that names only the document's own state is a domestic one
        # ("the President met the governor"), unless the sentence says "bilateral" / "the two sides".
        if kind.bilateral and codes <= {ctx.self_code} and not _names_pair(low, lex):
            continue
        confidence = 0.8
        if kind.bilateral and len(codes) < 2 and (kind.self_acts or not codes <= set(target)):
            # "the two countries", "his meeting with the Norwegian minister": the document's pair (not who
            # acts on the one state named: "sanctions against Russia" do not say who imposed them).
            own = ctx.self_fills or _names_pair(low, lex) or any(p.role and not p.country for p in people)
            for c in [x for x in (ctx.self_code, *ctx.pair) if own or x != ctx.self_code]:
                if len(codes) >= 2:
                    break
                if c and c not in codes:
                    codes.add(c)
                    confidence = 0.6
        if not codes or (kind.bilateral and len(codes) < 2):
            continue  # a meeting or a visit needs its two parties; aid or a conference may name one
        if not kind.symmetric:
            source, target = complete_roles(kind, source, target, codes)
        if kind.needs_both and not (source and target):
            continue  # thanks or blame count only from one state to another (SCHEMA.md)
        if len(codes) < kind.min_actors:
            continue  # "concluded through Turkey's mediation": a mediator between no one named
        if len(codes) == 1 and not kind.symmetric and not source:
            continue  # "the aid given to Ukraine": who gave it is not said; only whom, which tells no act
        stated = bool(dates)
        anchor, partners = (with_partners(low, sorted([*here, *persons], key=lambda a: a.start), lex, ctx.self_code)
                            if kind.with_partners else (None, set()))
        # only parties split a call: not a state talked about in it ("discussed the situation in Syria")
        partners = set(partners) & (codes | {p.code for p in persons})
        # "thanked Japan for its sanctions package": an act told in passing, earlier, with no date of its own
        passing = lex.roles.get("passing")
        # "Russia is under sanctions from the US": imposed earlier, with no date of its own either
        earlier = not dates and ((passing is not None and passing.search(low, 0, t.start) is not None)
                                 or (kind.roles == "subject" and ends_with(lex.roles.get("under"), low, t.start)))
        for pair_codes, src, tgt in dyads(kind, codes, source, target, anchor, partners, joint(low, lex)):
            drafts += _per_date(t, by_trigger[i], pair_codes, () if kind.symmetric else src,
                                () if kind.symmetric else tgt, location, people, confidence, stated, earlier)
        if kind.reason_implies and (gave := thanked_for_aid(t, low, lex, actors)):
            # "thanked Romania for its defence support": the addressee gave it, earlier (no date of its own),
            # to the state the reason names ("… support to Ukraine"), else to the speaker
            givers, named = gave
            to = named or set(source) - givers
            for c in sorted(givers) if to else ():
                drafts += _per_date(Trigger(kind.reason_implies, t.start, t.end), by_trigger[i], {c, *to}, {c},
                                    to, location, people, confidence - 0.1, stated, True)
        # Who travelled to the capital named as the place (not an official who lives there, an ambassador):
        visits: list[tuple[str, set[str]]] = []
        in_capital = (place_code is not None and _capital_place(actors, place_code, low, locative)
                      and not any(p.role and p.role.split()[-1] in _RESIDENT for p in people))
        if kind.speaker_visits and in_capital:
            # "Speaking in Lisbon, Barnier accused London": a named speaker in another state's capital.
            visits.append((kind.speaker_visits,
                           {p.code for p in persons if p.code in source and p.code != place_code}))
        multilateral = any(not KINDS[x.kind].bilateral and x.kind != t.kind for x in triggers)
        if (kind.implies and in_capital and place_code in codes and len(codes) == 2 and not multilateral
                and not (lex.roles.get("ambassador") and lex.roles["ambassador"].search(low))):
            # Talks in the host's capital or seat of government with a visiting leader: each visitor's
            # state visits the host (not a meeting on the sidelines of a conference, or in another city,
            # which may be a venue both came to).
            visits.append((kind.implies, codes - {place_code}))
        for visit_kind, visitors in visits:
            visit = Trigger(visit_kind, t.start, t.end)
            for c in sorted(visitors):
                drafts += _per_date(visit, by_trigger[i], {c, place_code}, {c}, {place_code}, location, people,
                                    confidence - 0.1, stated, earlier)  # talks told in passing: so is the trip
    return drafts


def _per_date(t: Trigger, dates: Sequence[DateMatch | None], actors: set[str], source: Iterable[str],
              target: Iterable[str], location: Location | None, people: Sequence[Person], confidence: float,
              stated: bool, earlier: bool = False) -> list[Draft]:
    """One draft of trigger ``t`` per date it takes (a date from the context lowers the confidence);
    ``earlier``: an act told in passing, with no date of its own."""
    return [Draft(kind=t.kind, trigger=t, date=NO_DATE if earlier else d.value if d else None,
                  date_end=d.value_end if d else None, actors=tuple(sorted(actors)), source=tuple(sorted(source)),
                  target=tuple(sorted(target)), location=location, people=tuple(people),
                  confidence=confidence if d else confidence - 0.2, stated=stated) for d in dates]


def _headline_with(t: Trigger, low: str, lex: Lexicon) -> bool:
    """Whether the sentence opens with the trigger and goes on with its partners: "Meeting with …",
    "Telephone conversation with …" (a headline with no subject)."""
    rx = lex.roles.get("with")
    if rx is None or low[: t.start].strip(" \"'«“„-—") != "":
        return False
    m = rx.search(low, t.start)
    return m is not None and m.start() - t.end <= 2


