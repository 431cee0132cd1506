"""Extraction: one document's sentences to event mentions and indicators (#3).

    extract(document, analysis) -> (mentions, indicators)

Each sentence is read in the matching view of the stored text (same length, Persian letters
unified, ASCII digits) with inline markers (footnotes, interlanguage links) blanked, so every
offset points into the stored text. The document gives context: its own state ("our country",
a ministry's site), its main pair of states, its publication date, and the dates of the
sentence before.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from itertools import islice
from urllib.parse import urlparse

from bilat import lang as langdata
from bilat.extract.actors import ActorMatch, find_actors
from bilat.extract.dates import DateMatch, digest_day, find_dates, named_weekdays
from bilat.extract.events import Context, Draft, draft_events
from bilat.extract.indicators import IndicatorContext, find_indicators, has_reversed_decimals
from bilat.extract.kinds import KINDS
from bilat.extract.leaders import leader
from bilat.extract.people import PersonMatch, find_people
from bilat.extract.periods import NO_DATE, SAME_DAY, find_periods, since_before
from bilat.extract.triggers import Trigger, find_triggers, lexicon
from bilat.fuse.names import name_keys, same_person
from bilat.normalise import Analysis, norm_view
from bilat.records import Document, Evidence, Indicator, Mention, Person

# Placeholder code for "our country" until the document's own state is known.
_SELF = "SELF"
# Question marks (Latin/Cyrillic and Arabic script).
_QUESTION = ("?", "؟")
# Country-code top-level domains that differ from the ISO 3166 code.
_TLD = {"uk": "GB", "su": "SU"}
# Domain labels of sites that speak for their state, and such sites without one.
_OFFICIAL = frozenset({"gov", "gouv", "gob", "govt", "mfa", "mid", "mzv", "msz", "president", "prezident",
                       "prezydent", "premier", "kremlin", "government", "regjeringen", "kmu", "rada", "mofa"})
_OFFICIAL_SITES = ("kremlin.ru", "mid.ru", "president.gov.by", "mfa.ir", "leader.ir", "president.ir")


def _view(doc: Document, analysis: Analysis) -> str:
    """The matching view of the text, with inline markers blanked (same length as the text)."""
    view = norm_view(doc.text)
    inline = [s for s in analysis.spans if s.kind != "navigation"]
    if not inline:
        return view
    chars = list(view)
    for s in inline:
        chars[s.start : s.end] = " " * (s.end - s.start)
    return "".join(chars)


def _self_and_pair(doc: Document, found: Sequence[list[ActorMatch]]) -> tuple[str | None, tuple[str, ...]]:
    """The document's own state (its site's country domain, else the first state it names) and its main pair."""
    counts: Counter[str] = Counter()
    named: Counter[str] = Counter()
    first: str | None = None
    for actors in found:
        for a in actors:
            if a.how in ("name", "adjective", "capital") and len(a.code) == 2:
                counts[a.code] += 1
                first = first or a.code
                if a.how != "adjective":
                    named[a.code] += 1
    self_code = _country_domain(doc.url)
    home = langdata.toml(doc.lang).get("home") if doc.lang else None
    if self_code is None and doc.url and home and (home in counts or not named):
        # A site without a country domain (a video platform) in a language of one state (lang.toml
        # ``home``): that state speaks when the text names it ("Промова Президента України …", however
        # often it names Russia), or when it names no state by its name ("брифінг щодо російського вторгнення").
        self_code = home
    elif self_code is None and doc.url and named:
        # Else the state the text names most by its name or capital speaks (adjectives are mostly what
        # it talks about: "Russian aggression").
        self_code = named.most_common(1)[0][0]
    self_code = self_code or first
    ranked = [c for c, _ in counts.most_common(3)]
    pair = tuple(dict.fromkeys([c for c in [self_code, *ranked] if c]))[:2]
    return self_code, pair


def _host(url: str | None) -> str:
    return (urlparse(url).hostname or "").lower() if url else ""


def _country_domain(url: str | None) -> str | None:
    """The state of a site's country domain ("kremlin.ru" -> RU, ".uk" -> GB), if it has one."""
    tld = _host(url).rsplit(".", 1)[-1]
    return _TLD.get(tld, tld.upper()) if len(tld) == 2 else None


def _national_press(url: str | None) -> bool:
    """Whether a document comes from a country's news site (a country domain, not a state's own site):
    its country is where it is read, not a party of the foreign events it reports."""
    host = _host(url)
    official = bool(set(host.split(".")) & _OFFICIAL) or host.endswith(_OFFICIAL_SITES)
    return _country_domain(url) is not None and not official


def _person(p: PersonMatch) -> Person:
    return Person(name=p.name, latin=p.latin, role=p.role, country=p.country)


def _mention(doc: Document, doc_id: str, index: int, start: int, end: int, d: Draft) -> Mention:
    kind = KINDS[d.kind]
    key = f"{doc_id}|{index}|{d.kind}|{d.date}|{d.trigger.start}|{','.join(d.actors)}"
    return Mention(
        id="m:" + hashlib.sha1(key.encode()).hexdigest()[:16],
        doc=doc.name, lang=doc.lang, kind=d.kind, plover=kind.plover, plover_mode=kind.plover_mode,
        cameo=kind.cameo, date=d.date, date_end=d.date_end,
        evidence=Evidence(index, start, end, doc.text[start:end]),
        actors=d.actors, source=d.source, target=d.target, location=d.location, people=d.people,
        confidence=round(d.confidence, 2),
    )


def _same_event(a: Mention, b: Mention) -> bool:
    """One event stated twice in a document (headline and body): same kind and date, and the same
    states or the same acting state."""
    if a.kind != b.kind or a.date != b.date:
        return False
    nested = set(a.actors) <= set(b.actors) or set(b.actors) <= set(a.actors)
    return nested or (bool(a.source) and a.source == b.source)


def extract(doc: Document, analysis: Analysis) -> tuple[list[Mention], list[Indicator]]:
    """Event mentions and indicators stated by one document."""
    view = _view(doc, analysis)
    rows = [(i, s, e, lang) for i, (s, e, lang, bp) in enumerate(analysis.sentences) if not bp]
    found = [find_actors(view[s:e], lang or doc.lang, _SELF) for _, s, e, lang in rows]
    self_code, pair = _self_and_pair(doc, found)
    ctx = Context(lang=doc.lang, self_code=self_code, pair=pair, pub_date=doc.date,
                  self_fills=not _national_press(doc.url))
    ictx = IndicatorContext(reporter=self_code, partner=next((c for c in pair if c != self_code), None),
                            reversed_decimals=has_reversed_decimals(view, doc.lang), pub_date=doc.date)
    doc_id = doc.id  # a hash of the whole text: once per document
    mentions: list[Mention] = []
    known: list[tuple[frozenset[str], frozenset[str], str]] = []  # people named with their state earlier on
    undated: set[str] = set()  # mentions whose sentence gives no date (a headline, "О визите …")
    weekdays: dict[int, str] = {}  # the date the text gave each weekday it named with one
    indicators: list[Indicator] = []
    prev_para_end = -1
    last_day: str | None = None
    prev_kind: str | None = None  # the kind of the last act of the sentence just before
    for (index, s, e, lang), actors in zip(rows, found, strict=True):
        text = view[s:e]
        low = text.lower()
        code = lang or doc.lang
        ctx.lang = code
        if s > prev_para_end + 1 and "\n" in doc.text[prev_para_end:s]:
            ctx.prev_dates = []  # a new paragraph: dates and parties do not carry over
            prev_kind = None
            ctx.prev_kinds = frozenset()
            ctx.prev_actors = ()
        prev_para_end = e
        actors = [ActorMatch(a.start, a.end, self_code or "", a.how) if a.code == _SELF else a for a in actors]
        dates = _with_periods(find_dates(text, code, doc.date), find_periods(text, code, doc.date))
        if not doc.date:  # "в понедельник" again, in a text that said "в понедельник 7 февраля" before
            dates = named_weekdays(dates, weekdays)
        # "that night", "the same day": the last day the text named
        dates = [replace(d, value=last_day or NO_DATE) if d.value == SAME_DAY else d for d in dates]
        last_day = next((d.value for d in reversed(dates) if d.value and d.value != SAME_DAY
                         and (len(d.value) == 10 or (len(d.value) == 7 and d.value.startswith("--")))), last_day)
        # A question states nothing ("Can Italy act as a mediator?").
        triggers = [] if text.rstrip().endswith(_QUESTION) else find_triggers(low, code)
        named = find_people(text, code, actors, doc.date) if triggers or prev_kind else []
        ctx.goes_on = False
        if not triggers and prev_kind:
            triggers = _elliptic(low, code, prev_kind, named)
            if not triggers and ctx.prev_actors:
                # "… was in Kyiv on a visit. We discussed with him …": talks with the last act's parties
                triggers = _talks_after(low, code, prev_kind)
                ctx.goes_on = bool(triggers)
        prev_kind = triggers[-1].kind if triggers else None
        if triggers:
            people = tuple(_known_state(_person(p), known, doc.date) for p in named)
            # Where each person acting for a state stands: "spoke with Biden, with Chancellor Scholz, …".
            speakers = [ActorMatch(p.start, p.end, q.country, "person") for p, q in zip(named, people, strict=True)
                        if q.country]
            if ctx.prev_people and _refers_back(low, code):
                # "his meeting with ...": the person of the sentence before takes part too.
                people = tuple(dict.fromkeys((*ctx.prev_people[:1], *people)))
            drafts = draft_events(text, low, ctx, triggers, dates, actors, people, speakers)
            ctx.prev_actors = drafts[-1].actors if drafts else ()
            siblings: dict[str, tuple[int, str]] = {}  # this sentence's mentions: their trigger
            for d in drafts:
                m = _mention(doc, doc_id, index, s, e, d)
                if m.id in siblings:  # the same act found twice (a state named twice over): one mention
                    continue
                # the pairs one trigger was split into are separate acts, never one event told twice
                head = next((x for x in mentions if x.id in undated and _one_occasion(m, x, doc.date)), None)
                if head is not None and KINDS[head.kind].officials == m.kind:
                    # the body tells who talked: the headline's "Russian-Omani talks" are the leaders' meeting
                    mentions.remove(head)
                    undated.discard(head.id)
                    head = None
                told = head is not None and not d.stated
                if not told and not any(_same_event(m, x) for x in mentions
                                        if siblings.get(x.id) != (d.trigger.start, d.kind)):
                    mentions.append(m)
                    siblings[m.id] = (d.trigger.start, d.kind)
                    if not d.stated and d.date is None:
                        undated.add(m.id)
            if people:
                ctx.prev_people = people
        else:
            ctx.prev_actors = ()  # only the very next sentence goes on with an event
            if dates:
                ctx.prev_people = ()
        ctx.prev_named = tuple(sorted({a.code for a in actors if a.code and a.how not in ("place", "capital")}))
        found_ind, ictx = find_indicators(text, code, ictx)
        for n, f in enumerate(found_ind):
            key = f"{doc_id}|{index}|{f.indicator}|{f.period}|{n}"
            indicators.append(Indicator(
                id="i:" + hashlib.sha1(key.encode()).hexdigest()[:16], doc=doc.name, lang=doc.lang,
                indicator=f.indicator, reporter=f.reporter, partner=f.partner, period=f.period, value=f.value,
                unit=f.unit, evidence=Evidence(index, s, e, doc.text[s:e]), change_pct=f.change_pct,
            ))
        if dates:
            # A chronology goes on from the date of its last event ("In 1996 … During the visit …");
            # a date written for no event (a war, an election) lends nothing.
            lends = triggers or _dateline(text, dates)
            # "since 2006" opens a period: it dates its own sentence's event, not the next one's
            ctx.prev_dates = [d for d in dates if d.value and not d.relative and not (
                len(d.value) == 4 and d.value_end is None and since_before(low, d.start, code))] if lends else []
            ctx.prev_kinds = frozenset(t.kind for t in triggers)
    # A headline or an undated line that restates an event the text dates elsewhere is that event.
    mentions = [m for m in mentions if m.id not in undated
                or not any(x.id not in undated and x.kind == m.kind and _nested(m, x) for x in mentions)]
    if doc.date:
        # An event dated after the report that tells it is a plan, not an event.
        mentions = [m for m in (_in_report(m, doc.date) for m in mentions)
                    if not (m.date and m.date[:len(doc.date)] > doc.date[:len(m.date)])]
    elif (day := digest_day(doc.text.partition("\n")[0], doc.lang)) is not None:
        # An undated digest of one day's news ("Підсумки 09.12: …") tells that day's events: an event
        # it gives no date of its own is of that day, as in a report published on it.
        mentions = [replace(m, date=day) if m.date is None else m for m in mentions]
    # A time the text names without a date ("previously", "earlier this month" in an undated text) is null.
    mentions = [replace(m, date=None) if m.date == NO_DATE else m for m in mentions]
    return mentions, indicators


def _elliptic(low: str, lang: str | None, kind: str, named: Sequence[PersonMatch]) -> list[Trigger]:
    """A sentence that goes on with the act of the one before, without its verb: "I spoke with the
    President of Chile. With the head of the European Council too …" (a with-word first, then an
    official named with a role). The act's trigger is the with-word."""
    lex = lexicon(lang)
    rx = lex.roles.get("with") if lex else None
    if rx is None or not KINDS[kind].with_partners:
        return []
    m = rx.match(low, _opening(low))
    if m is None or not any(p.role and p.role_start is not None and 0 <= p.role_start - m.end() <= 5
                            for p in named):
        return []
    return [Trigger(kind, m.start(), m.end())]


def _talks_after(low: str, lang: str | None, kind: str) -> list[Trigger]:
    """Talks told right after an act whose kind has ``talks``, with its party named by a pronoun:
    "… was in Kyiv on a visit. We discussed with him …" is a meeting with the visitor. The trigger
    is the opening words (``talks_with_them`` in events.toml)."""
    lex = lexicon(lang)
    rx = lex.roles.get("talks_with_them") if lex else None
    talks = KINDS[kind].talks
    if rx is None or talks is None:
        return []
    m = rx.match(low, _opening(low))
    return [Trigger(talks, m.start(), m.end())] if m is not None else []


def _opening(low: str) -> int:
    """Where a sentence's first word starts, past quotes and dashes."""
    return len(low) - len(low.lstrip(" \"'«“„-—"))


def _dateline(text: str, dates: Sequence[DateMatch], most: int = 12) -> bool:
    """Whether a sentence is little more than its date ("С 3 по 5 мая 2023 г."): a dateline whose
    date the next sentence's event takes."""
    rest = list(text)
    for d in dates:
        rest[d.start : d.end] = " " * (d.end - d.start)
    # at most ``most`` letters: no letter after the first ``most`` (counted in C, stopping there)
    return next(islice(filter(str.isalpha, rest), most, None), None) is None


def _with_periods(dates: list[DateMatch], periods: list[DateMatch]) -> list[DateMatch]:
    """The sentence's dates and its relative periods ("last year"), in text order, without overlaps."""
    if not periods:
        return dates
    extra = [p for p in periods if not any(d.start < p.end and p.start < d.end for d in dates)]
    out = sorted([*dates, *extra], key=lambda d: d.start)
    # "в ноябре прошлого года", "in May last year": a bare month takes the period's year.
    merged: list[DateMatch] = []
    for d in out:
        prev = merged[-1] if merged else None
        if (prev is not None and prev in dates and d in extra and len(prev.value or "") == 4
                and prev.value.startswith("--") and d.start - prev.end <= 2 and len(d.value or "") in (0, 4)):
            # without a publication date the year stays unknown: the month alone ("--11")
            value = f"{d.value}{prev.value[1:]}" if d.value else prev.value
            merged[-1] = DateMatch(prev.start, d.end, value)
            continue
        merged.append(d)
    return merged


def _known_state(p: Person, known: list[tuple[frozenset[str], frozenset[str], str]],
                 date: str | None = None) -> Person:
    """A person keeps the state the document gave them before ("Президент Франции Эммануэль Макрон",
    then "Макрон"; "Foreign Minister Ri Yong-ho", then "Mr Ri": a name too short for phonetic keys
    is found among the words of the name); a person named with a state is remembered. The leaders' table
    (bilat/extract/leaders.py) is the fallback: a state it gave (or gives now) yields to the
    state the document stated for that name. ``date`` is the document's publication date: the
    office held then (without it only a name with one state across the table resolves)."""
    keys = name_keys(p.latin or p.name)
    words = frozenset((p.latin or p.name).lower().split())
    table = leader(p.latin or p.name, date, p.role) or (leader(p.name, date, p.role) if p.latin else None)
    if p.country:
        known.append((keys, words, p.country))
        return p
    state = next((c for k, w, c in known if same_person(keys, k) or (not keys and words <= w)), None)
    if state:
        return replace(p, country=state)
    if p.country or table is None:
        return p
    return replace(p, country=table.code, role=p.role or table.role)


def _one_occasion(a: Mention, b: Mention, pub: str | None = None) -> bool:
    """Two kinds of one family, same day and parties: the headline's "Russian-Belarusian talks" (``b``,
    undated) and the body's "the presidents met" (``a``, undated too or dated the report's day) are one
    occasion."""
    family = KINDS[a.kind].family
    same_day = a.date == b.date or (b.date is None and pub is not None and a.date == pub[:10])
    return (a.kind != b.kind and bool(family) and family == KINDS[b.kind].family and same_day
            and set(a.actors) == set(b.actors))


def _nested(a: Mention, b: Mention) -> bool:
    return set(a.actors) <= set(b.actors) or set(b.actors) <= set(a.actors)


def _in_report(m: Mention, pub: str) -> Mention:
    """Dates in a dated report: an undated event takes the publication date (SCHEMA.md); a day and
    month without a year ("on 22 May") take the year of the report, or the year before when that
    day would come more than ``_AHEAD`` days after it (a report dated the 27th that tells of an
    arrival "for the summit on 28 December" means this December, not last year's)."""
    if m.date is None:
        return replace(m, date=pub)
    if m.date == NO_DATE:
        return m
    if m.date.startswith("--") and len(pub) >= 10:
        year = int(pub[:4]) - _after_report(f"{pub[:4]}{m.date[1:]}", pub[:10])
        end = m.date_end
        if end and end.startswith("--"):
            end = f"{year}{end[1:]}"
        return replace(m, date=f"{year}{m.date[1:]}", date_end=end)
    return m


_AHEAD = 14  # days after its publication date that a report may date what it tells


def _after_report(value: str, pub: str) -> bool:
    """Whether ``value`` (a day or a month of the report's year) lies after the report: a month after
    its month, a day more than ``_AHEAD`` days after it."""
    if len(value) < 10:
        return value > pub[:7]
    try:
        return date.fromisoformat(value) > date.fromisoformat(pub) + timedelta(days=_AHEAD)
    except ValueError:  # 29 February in a year without one
        return value > pub


def _refers_back(low: str, code: str | None) -> bool:
    lex = lexicon(code)
    rx = lex.roles.get("anaphora") if lex else None
    return bool(rx and rx.search(low))
