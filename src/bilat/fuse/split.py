"""Fusing a block too large to hold at once: its mentions in pieces, in the order fusion takes them.

``Clustering`` takes a block's mentions one by one in ``order_key`` order and keeps only what
matching needs (a cluster's date, range, places and people), not the mentions. So a block can be
read as a run of pieces: its dates sorted as fusion takes them (``date_order``: full dates day by
day, then days without a year, months, years and months without a year, then no date), cut into
consecutive runs of at most ``size`` mentions — a year's days, several years', or part of one
year's when it holds more — and each piece sorted by ``order_key``. Fed in that order, the
clustering makes exactly the decisions it makes over the whole block, in the same order, so the
events are the same. Nothing straddles a cut unmerged: the clusters outlive the pieces, so a
``--02-04`` cluster that a ``2019-02`` mention of a later piece completes, or an undated mention
that joins a cluster of any year, meets them as in one pass.

Then each cluster's mentions are gathered again, a range of cluster numbers (about ``size``
mentions) at a time, and resolved into events. What stays in memory is one piece, the clusters'
matching state and each mention's id and cluster number.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from bilat.fuse import Clustering, date_order, order_key, resolve
from bilat.records import Event, Mention

T = TypeVar("T")
Spans = list[tuple[int, int]]  # ranges [lo, hi) of cluster numbers
Gather = Callable[[list[str], "array[int]", Spans], Iterable[Iterable[tuple[int, Mention]]]]


def pack(items: Iterable[tuple[T, int]], size: int) -> list[list[T]]:
    """Items with their weights, in order, cut into consecutive runs of at most ``size`` in all
    (an item heavier than that comes alone)."""
    runs: list[list[T]] = []
    n = 0
    for item, k in items:
        if not runs or n + k > size:
            runs.append([])
            n = 0
        runs[-1].append(item)
        n += k
    return runs


def plan(counts: Iterable[tuple[str | None, int]], size: int) -> list[list[str | None]]:
    """A block's dates (with how many mentions each has) in fusion order, cut into consecutive runs
    of at most ``size`` mentions (one date with more comes alone)."""
    return pack(sorted(counts, key=lambda dk: date_order(dk[0])), size)


def assign(pieces: Iterable[Iterable[Mention]]) -> tuple[list[str], array[int], list[int]]:
    """Cluster a block fed in pieces (each piece's dates after the last one's, see ``plan``).

    Returns each mention's id and cluster number, in the order they were taken, and each cluster's size.
    """
    state = Clustering()
    ids: list[str] = []
    numbers = array("q")
    sizes: list[int] = []
    for piece in pieces:
        for m in sorted(piece, key=order_key):
            number = state.add(m)
            if number == len(sizes):
                sizes.append(0)
            sizes[number] += 1
            ids.append(m.id)
            numbers.append(number)
    return ids, numbers, sizes


def ranges(sizes: Sequence[int], size: int) -> Spans:
    """Consecutive ranges ``[lo, hi)`` of cluster numbers, each of at most ``size`` mentions
    (one cluster may hold more)."""
    return [(run[0], run[-1] + 1) for run in pack(enumerate(sizes), size)]


def events(gathered: Iterable[Iterable[tuple[int, Mention]]]) -> Iterator[Event]:
    """Events from mentions gathered with their cluster numbers, a range of clusters at a time."""
    for part in gathered:
        members: dict[int, list[Mention]] = defaultdict(list)
        for number, m in part:
            members[number].append(m)
        for number in sorted(members):
            yield resolve(sorted(members[number], key=order_key))


def fuse_pieces(read: Callable[[list[str | None]], Iterable[Mention]], counts: Iterable[tuple[str | None, int]],
                gather: Gather, size: int) -> Iterator[Event]:
    """The events of one block, never holding it whole.

    ``read(dates)`` gives the block's mentions of those dates; ``counts`` how many mentions each date
    has; ``gather(ids, numbers, ranges)`` gives, for each range of cluster numbers, the mentions
    (found by id) with their cluster numbers.
    """
    ids, numbers, sizes = assign(read(run) for run in plan(counts, size))
    yield from events(gather(ids, numbers, ranges(sizes, size)))


def fuse_block_in_pieces(block: Sequence[Mention], size: int) -> list[Event]:
    """``fuse_block`` through pieces of at most ``size`` mentions, in memory (what the database path does)."""
    by_date: dict[str | None, list[Mention]] = defaultdict(list)
    for m in block:
        by_date[m.date].append(m)
    by_id = {m.id: m for m in block}

    def gather(ids: list[str], numbers: array[int], spans: Spans) -> Iterator[list[tuple[int, Mention]]]:
        for lo, hi in spans:
            yield [(n, by_id[i]) for i, n in zip(ids, numbers, strict=True) if lo <= n < hi]

    return list(fuse_pieces(lambda dates: [m for d in dates for m in by_date[d]],
                            [(d, len(ms)) for d, ms in by_date.items()], gather, size))
