"""Fusion: mentions of the same real-world event, from any documents and languages, into one event.

Blocking keeps it near-linear: only mentions of the same kind and the same states are compared.
Inside a block, mentions are taken from the most precise date to the least; a mention joins the
event whose dates are compatible with its own (``1992-02-04`` ⊇ ``1992-02`` ⊇
``1992``; ``--02-04`` fits any 4 February) when that event is its only candidate; a document may state
one event twice at two precisions ("in 2020" and "on 28 January 2020"). The result does not
depend on the order of ingestion: the same mentions always give the same events, with ids made
from their mentions' ids.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from bilat.extract.kinds import KINDS
from bilat.fuse.names import name_keys, same_person
from bilat.records import Conflict, Event, Location, Mention, Person


@lru_cache(maxsize=1 << 14)
def precision(date: str | None) -> int:
    """How much a date says: 0 none, 1 year or month without year, 2 month, 3 day without year, 4 full date."""
    if not date:
        return 0
    if date.startswith("--"):
        return 3 if len(date) == 7 else 1
    return {4: 1, 7: 2, 10: 4}.get(len(date), 1)


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two dates can name the same day (one completes the other).

    A date without a year (``--06-12``, ``--06``) meets any date of the same month and day;
    ``--06`` and ``2018`` complete each other into ``2018-06``.
    """
    if not a or not b or a == b:
        return True
    if a.startswith("--") or b.startswith("--"):
        md, other = (a, b) if a.startswith("--") else (b, a)
        x, y = md[1:], other[1:] if other.startswith("--") else other[4:]
        return x.startswith(y) or y.startswith(x)
    return a.startswith(b) or b.startswith(a)


def _full(date: str | None) -> bool:
    """Whether a date is a full date (``precision`` 4): only ``YYYY-MM-DD`` has ten characters."""
    return date is not None and len(date) == 10


def merge_dates(dates: Iterable[str | None]) -> str | None:
    """The most precise date the compatible dates give together.

    A year completes a date without one (``--02-04`` and ``1992`` give ``1992-02-04``); a month
    without a year yields to one with it, and ``--06`` with ``2018`` gives ``2018-06``.
    """
    known = sorted({d for d in dates if d}, key=lambda d: (-precision(d), d))
    if not known:
        return None
    best = known[0]
    if best.startswith("--"):
        dated = [d for d in known if not d.startswith("--")]
        if dated:
            return dated[0][:4] + best[1:]
    return best


@lru_cache(maxsize=1 << 16)
def _merge_two(a: str | None, b: str) -> str | None:
    """``merge_dates`` of a cluster's date and a new member's, which fusion asks again and again."""
    return merge_dates((a, b))


def people_keys(m: Mention) -> tuple[frozenset[str], ...]:
    """Phonetic keys of each person a mention names."""
    return tuple(k for p in m.people if (k := name_keys(p.latin or p.name)))


@dataclass(slots=True)
class _Cluster:
    """What a cluster's future members are matched against; its members are kept by the caller."""

    number: int  # its place among the block's clusters, in the order they were made
    date: str | None = None
    end: str | None = None  # the last day, when a source gives a range ("from 14 to 16 November")
    people: set[frozenset[str]] = field(default_factory=set)
    places: set[str] = field(default_factory=set)  # the countries its mentions place it in

    def add(self, m: Mention, keys: tuple[frozenset[str], ...]) -> None:
        if m.location and m.location.country:
            self.places.add(m.location.country)
        if m.date and m.date != self.date:
            self.date = _merge_two(self.date, m.date)
        if m.date_end and (self.end is None or m.date_end > self.end):
            self.end = m.date_end
        self.people.update(keys)

    def within(self, date: str | None) -> bool:
        """Whether a full date falls inside the cluster's range of days."""
        return bool(self.end and self.date and _full(date) and self.date <= date <= self.end)  # type: ignore[operator]

    def accepts(self, m: Mention, keys: tuple[frozenset[str], ...]) -> bool:
        """A compatible date, the same country when both say where, and some person in common
        when both name people.

        The cluster's date refines every member's date, so agreeing with it is agreeing with all.
        Two meetings of one pair in one month, one in Minsk and one in Oslo, are two events.
        """
        if not (compatible(self.date, m.date) or self.within(m.date)):
            return False
        if m.location and m.location.country and self.places and m.location.country not in self.places:
            return False
        return not (keys and self.people) or self.shares_person(keys)

    def shares_person(self, keys: tuple[frozenset[str], ...]) -> bool:
        """Whether someone of ``keys`` is among the people the cluster names."""
        return any(same_person(a, b) for a in keys for b in self.people)


def _choose(pool: Iterable[_Cluster], m: Mention, keys: tuple[frozenset[str], ...]) -> _Cluster | None:
    """The one cluster of ``pool`` that ``m`` belongs to, or None when it is not clear which.

    It is the only one that accepts ``m`` (a full date only joins its own day, a coarser date or a
    range), or, among several, the only one that names a person the mention names ("the meeting of
    Trump and Kim", undated, beside a dated summit of Trump and Kim and an unnamed meeting). The scan
    stops as soon as the answer is None: two candidates and no names, or two named.
    """
    full = _full(m.date)
    count, first, named, found = 0, None, 0, None
    for c in pool:
        if not c.accepts(m, keys) or (full and not (c.date == m.date or not _full(c.date) or c.within(m.date))):
            continue
        count += 1
        if count == 1:
            first = c
        if keys and c.people and c.shares_person(keys):
            named += 1
            found = c
            if named == 2:
                return None
        elif not keys and count == 2:
            return None
    return first if count == 1 else found if named == 1 else None


def _states(m: Mention) -> tuple[str, ...]:
    return tuple(sorted(m.actors))


def _year(date: str | None) -> str | None:
    return date[:4] if date and not date.startswith("--") else None


def _month(date: str | None) -> str | None:
    """The month a date names, with or without a year (``2019-02``, ``--02-04``: ``02``); None when none."""
    if not date:
        return None
    if date.startswith("--"):
        return date[2:4] if len(date) >= 4 else None
    return date[5:7] if len(date) >= 7 else None


def block_key(m: Mention) -> tuple[str, tuple[str, ...]]:
    """Mentions are only compared with those of the same kind and states."""
    return (m.kind, _states(m))


def date_order(date: str | None) -> tuple[int, str]:
    """Where mentions of this date come in a block's fusion: the most precise dates first."""
    return (-precision(date), date or "")


def order_key(m: Mention) -> tuple[int, str, str, str]:
    """The order a block's mentions are clustered in (which makes the events independent of input order)."""
    return (*date_order(m.date), m.doc, m.id)


_NOT = "-"  # not indexed as a date without a year
_Keys = tuple[str | None, str | None, str | None, str | None, str | None, str | None, str | None]


@lru_cache(maxsize=1 << 16)
def _index_keys(date: str | None, ranged: bool) -> _Keys:
    """The year, month, day (a full date without a range), span (year and month, or the year
    alone), month without a year, day of the month and month alone that a cluster of this date
    (``ranged`` when it has a last day) is indexed under."""
    year, month = _year(date), _month(date)
    day = date if not ranged and _full(date) else None
    span = (date[:7] if len(date) >= 7 else date) if year is not None and date else None
    md = date[-5:] if date and (_full(date) or (year is None and len(date) == 7)) else None
    mo = month if date and month and (len(date) == 7) == (year is not None) else None
    return year, month, day, span, month if year is None else _NOT, md, mo


class Clustering:
    """The clusters of one block, fed its mentions one by one in ``order_key`` order.

    Clusters are indexed by year: a dated mention only meets the clusters of its year and those
    whose date has no year yet, which keeps a block of many events near-linear; a mention without
    a year meets those of its month and those without a month. Inside those, a mention meets only
    the clusters whose dates can fit its own (``_pool``): a full date its day's, the coarser ones
    and the ranges of its year; a month its days, itself, its year and the dates without a year of
    its month; a day without a year (``--02-04``) that day of any year, the months of its month,
    the years and no date. The others would fail ``_choose``'s date test, and its answer does not
    depend on the order it meets candidates in, so the events are those of scanning them all; a
    block of 100,000 mentions over 30 years fuses in 3 s instead of 31. Only what matching needs is
    kept, not the mentions, so a block can be fed in pieces (``bilat.fuse.split``) that never hold it whole.
    """

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self.by_year: dict[str | None, dict[int, _Cluster]] = defaultdict(dict)
        self.by_month: dict[str | None, dict[int, _Cluster]] = defaultdict(dict)
        self.by_day: dict[str, dict[int, _Cluster]] = defaultdict(dict)  # full date, no range
        self.loose: dict[str | None, dict[int, _Cluster]] = defaultdict(dict)  # a coarser date, or a range
        self.by_span: dict[str, dict[int, _Cluster]] = defaultdict(dict)  # "2019-02" (its days too), "2019"
        self.yearless: dict[str | None, dict[int, _Cluster]] = defaultdict(dict)  # no year, by month
        self.by_md: dict[str, dict[int, _Cluster]] = defaultdict(dict)  # a day, with or without a year: "02-04"
        self.months: dict[str, dict[int, _Cluster]] = defaultdict(dict)  # a month, with or without a year: "02"

    def _indexes(self, keys: _Keys) -> list[dict[int, _Cluster]]:
        year, month, day, span, yearless, md, mo = keys
        out = [self.by_year[year], self.by_month[month], self.by_day[day] if day is not None else self.loose[year]]
        if span is not None:
            out.append(self.by_span[span])
        if yearless is not _NOT:
            out.append(self.yearless[yearless])
        if md is not None:
            out.append(self.by_md[md])
        if mo is not None:
            out.append(self.months[mo])
        return out

    def _index(self, c: _Cluster, keys: _Keys) -> None:
        for index in self._indexes(keys):
            index[c.number] = c

    def _unindex(self, c: _Cluster, keys: _Keys) -> None:
        for index in self._indexes(keys):
            del index[c.number]

    def _pool(self, m: Mention) -> Iterable[_Cluster]:
        """The clusters ``m`` could join: every other one fails ``_choose``'s date test."""
        date, year = m.date, _year(m.date)
        if date and _full(date):
            return chain(self.by_day[date].values(), self.loose[year].values(), self.by_year[None].values())
        if date and year is not None and len(date) == 7:  # a month: its days and itself, its year, no year
            return chain(self.by_span[date].values(), self.by_span[year].values(),
                         self.yearless[date[5:7]].values(), self.yearless[None].values())
        if year is not None:
            return chain(self.by_year[year].values(), self.by_year[None].values())
        if date and len(date) == 7:  # a day without a year: that day of any year, its month, a year, no date
            return chain(self.by_md[date[2:]].values(), self.months[date[2:4]].values(),
                         self.by_month[None].values())
        if (month := _month(date)) is not None:  # only dates of its month, or without one, can fit
            return chain(self.by_month[month].values(), self.by_month[None].values())
        return self.clusters

    def add(self, m: Mention) -> int:
        """Put ``m`` in its cluster (a new one when none is clearly it); return the cluster's number."""
        c = _choose(self._pool(m), m, keys := people_keys(m))
        if c is None:
            c = _Cluster(len(self.clusters))
            self.clusters.append(c)
            c.add(m, keys)
            self._index(c, _index_keys(c.date, c.end is not None))
        else:
            date, ranged = c.date, c.end is not None
            c.add(m, keys)
            if c.date != date or (c.end is not None) != ranged:  # a yearless cluster found its year, a day its range
                before, after = _index_keys(date, ranged), _index_keys(c.date, c.end is not None)
                if after != before:
                    self._unindex(c, before)
                    self._index(c, after)
        return c.number


def cluster(block: Sequence[Mention]) -> list[list[Mention]]:
    """Group one block's mentions into events, each event's mentions in ``order_key`` order."""
    state = Clustering()
    groups: list[list[Mention]] = []
    for m in sorted(block, key=order_key):
        number = state.add(m)
        if number == len(groups):
            groups.append([])
        groups[number].append(m)
    return groups


def _people(members: Sequence[Mention]) -> tuple[Person, ...]:
    """Everyone named, once: spellings with a phonetic key in common are one person."""
    out: list[tuple[frozenset[str], Person]] = []
    for m in members:
        for p in m.people:
            keys = name_keys(p.latin or p.name)
            if not any(same_person(keys, k) for k, _ in out):
                out.append((keys, p))
    return tuple(p for _, p in out)


def _vote(values: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The value most mentions give (the first such, when tied); () when none gives one."""
    filled = [v for v in values if v]
    if not filled:
        return ()
    first = filled[0]
    if all(v == first for v in filled):  # most events: what ``Counter`` would answer, without making one
        return first
    return Counter(filled).most_common(1)[0][0]


def resolve(members: Sequence[Mention]) -> Event:
    """One event from its mentions: the most precise compatible values, and conflicts where they disagree."""
    kind = KINDS[members[0].kind]
    ids = tuple(sorted(m.id for m in members))
    conflicts: list[Conflict] = []
    sources, targets = [m.source for m in members], [m.target for m in members]
    for name, values in (("source", sources), ("target", targets)):
        distinct = {v for v in values if v}
        if len(distinct) > 1:
            conflicts.append(Conflict(name, tuple(sorted(distinct)), tuple(
                sorted(m.id for m, v in zip(members, values, strict=True) if v))))
    located = [m for m in members if m.location]
    places = {m.location.country for m in located if m.location.country}  # type: ignore[union-attr]
    if len(places) > 1:
        conflicts.append(Conflict("location", tuple(sorted(places)), tuple(sorted(m.id for m in located))))
    location = next((m.location for m in located if m.location.name), None)  # type: ignore[union-attr]
    location = location or (located[0].location if located else None)
    ends = [m.date_end for m in members if m.date_end]
    support = len({m.doc for m in members})
    return Event(
        id="e:" + hashlib.sha1("|".join(ids).encode()).hexdigest()[:16],
        kind=kind.name, plover=kind.plover, cameo=kind.cameo,
        date=merge_dates(m.date for m in members), date_end=merge_dates(ends) if ends else None,
        mentions=ids, languages=tuple(sorted({m.lang for m in members if m.lang})),
        actors=_states(members[0]),
        source=_vote(sources), target=_vote(targets),
        location=Location(location.name, location.country) if location else None,
        people=_people(members), conflicts=tuple(conflicts),
        confidence=round(min(0.99, max(m.confidence for m in members) + 0.05 * (support - 1)), 2),
    )


def fuse_block(block: Sequence[Mention]) -> list[Event]:
    """The events of one block's mentions."""
    return [resolve(members) for members in cluster(block)]


def fuse(mentions: Iterable[Mention]) -> list[Event]:
    """Events from mentions, sorted by date and kind."""
    blocks: dict[tuple[str, tuple[str, ...]], list[Mention]] = defaultdict(list)
    for m in mentions:
        blocks[block_key(m)].append(m)
    events = [resolve(members) for key in sorted(blocks) for members in cluster(blocks[key])]
    return sorted(events, key=lambda e: (e.date or "", e.kind, e.id))
