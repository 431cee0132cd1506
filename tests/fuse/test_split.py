"""A large block fused in pieces (by dates, in fusion order) gives the events of fusing it whole (#10)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilat
from bilat.fuse import _choose, _Cluster, _month, _year, fuse, fuse_block, order_key, people_keys, resolve
from bilat.fuse.split import fuse_block_in_pieces, pack, plan
from bilat.records import Event, Evidence, Location, Mention, Person, to_dict
from bilat.store import Store, block_id
from bilat.store.blocks import LargeBlock

# Dates that meet across years: days, months and years of 2019 and 2020, the days around the new
# year, days and months without a year, and no date.
DATES = ["2019-02-04", "2019-02-05", "2019-02", "2019", "2020-02-04", "2020-02", "2020", "2019-12-30",
         "2019-12-31", "2020-01-01", "2020-01", "--02-04", "--02-05", "--02", "--12-31", "--01", None]
PLACES = [None, Location("Minsk", "BY"), Location("Oslo", "NO")]
NAMES = ["Makei", "Soreide", "Brende"]
PIECE, CHUNKS_OF = LargeBlock.piece, Store.block_chunks


@st.composite
def mentions(draw: st.DrawFn, min_size: int = 1, max_size: int = 30) -> list[Mention]:
    """Mentions of one block (one kind, one pair), ids unique as in the database."""
    out = []
    for i in range(draw(st.integers(min_size, max_size))):
        date = draw(st.sampled_from(DATES))
        end = draw(st.sampled_from([None, "2020-01-02", "2019-02-06"])) if date and len(date) == 10 else None
        people = draw(st.lists(st.sampled_from(NAMES), max_size=2, unique=True))
        out.append(Mention(
            id=f"m:{i:03d}", doc=f"d{draw(st.integers(0, 6))}", lang=draw(st.sampled_from(["be", "en", "fa"])),
            kind="meeting", plover=None, plover_mode=None, cameo=None, date=date, date_end=end,
            evidence=Evidence(0, 0, 1, ""), actors=("BY", "NO"), people=tuple(Person(p, p) for p in people),
            location=draw(st.sampled_from(PLACES))))
    return out


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mentions(), st.integers(1, 6), st.randoms(use_true_random=False))
def test_split_pieces_give_the_events_of_the_whole_block(block: list[Mention], size: int, rng) -> None:
    whole = fuse_block(block)
    rng.shuffle(block)
    assert fuse_block_in_pieces(block, size) == whole


def _scan_all(block: list[Mention]) -> list[Event]:
    """Fusion as the clustering was first written: every mention meets each cluster of its year (or,
    without a year, of its month) and those without, in the order they were made; no day index."""
    clusters: list[_Cluster] = []
    members: list[list[Mention]] = []
    for m in sorted(block, key=order_key):
        if (year := _year(m.date)) is not None:
            pool = [c for c in clusters if _year(c.date) in (year, None)]
        elif (month := _month(m.date)) is not None:
            pool = [c for c in clusters if _month(c.date) in (month, None)]
        else:
            pool = clusters
        c = _choose(pool, m, keys := people_keys(m))
        if c is None:
            c = _Cluster(len(clusters))
            clusters.append(c)
            members.append([])
        c.add(m, keys)
        members[c.number].append(m)
    return [resolve(ms) for ms in members]


@settings(max_examples=400, deadline=None)
@given(mentions(max_size=40))
def test_fusion_by_day_index_equals_scanning_the_whole_year(block: list[Mention]) -> None:
    """A full date meets only its day's clusters, the coarser ones and the ranges of its year; the
    events are those of scanning every cluster of the year (ranges, yearless days, people, places)."""
    assert sorted(fuse_block(block), key=lambda e: e.id) == sorted(_scan_all(block), key=lambda e: e.id)


def test_split_plan_cuts_dates_in_fusion_order() -> None:
    counts = [("2020", 1), (None, 2), ("--02-04", 3), ("2019-02-04", 2), ("2020-02-04", 2), ("2019-02", 1)]
    assert plan(counts, 4) == [["2019-02-04", "2020-02-04"], ["--02-04", "2019-02"], ["2020", None]]
    assert plan(counts, 1) == [["2019-02-04"], ["2020-02-04"], ["--02-04"], ["2019-02"], ["2020"], [None]]
    assert pack([("a", 5), ("b", 1), ("c", 1), ("d", 9)], 2) == [["a"], ["b", "c"], ["d"]]


def test_split_a_year_less_day_before_a_month_joins_the_first_year_only() -> None:
    """``--02-04`` is clustered before months: ``2019-02`` completes it, ``2020-02`` (a later piece) stays alone."""
    block = [_m("1", "--02-04"), _m("2", "2019-02"), _m("3", "2020-02")]
    events = fuse_block_in_pieces(block, 1)
    assert events == fuse_block(block)
    assert sorted((e.date, e.mentions) for e in events) == [("2019-02-04", ("m:1", "m:2")), ("2020-02", ("m:3",))]


def _m(i: str, date: str | None, doc: str = "d", people: tuple[str, ...] = ()) -> Mention:
    return Mention(id=f"m:{i}", doc=doc, lang="en", kind="meeting", plover=None, plover_mode=None, cameo=None,
                   date=date, evidence=Evidence(0, 0, 1, ""), actors=("BY", "NO"),
                   people=tuple(Person(p, p) for p in people))


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mentions(min_size=8, max_size=60))
def test_split_a_large_stored_block_is_fused_in_pieces(tmp_path_factory, monkeypatch, block: list[Mention]) -> None:
    """Through the database: a block of more mentions than a read holds is read by dates, never whole,
    and its events are those of fusing it whole in memory; the other block is read whole."""
    tmp = Path(tmp_path_factory.mktemp("split"))
    small = [Mention(**{**{f: getattr(m, f) for f in m.__dataclass_fields__}, "id": f"x:{m.id}",
                        "actors": ("BY", "UA")}) for m in block[:3]]
    (tmp / "d.txt").write_text("Minsk and Oslo.", encoding="utf-8")
    with bilat.open(tmp / "kb.duckdb") as kb:
        kb.ingest([str(tmp / "d.txt")])
        doc_id = next(kb.documents()).id
        rows = [(m.id, doc_id, m.kind, m.date, json.dumps(to_dict(m)), block_id(m.kind, m.actors))
                for m in [*block, *small]]
        kb.store.replace_records("mentions", rows, [doc_id])
        reads: list[tuple[int, int]] = []  # (dates, mentions) of each piece read
        whole_reads: list[list[str]] = []
        monkeypatch.setattr(Store, "_MENTIONS_PER_QUERY", 4)
        monkeypatch.setattr(Store, "_LARGE_BLOCK", 4)
        monkeypatch.setattr(LargeBlock, "piece", lambda s, d: _count(reads, d, PIECE(s, d)))
        monkeypatch.setattr(Store, "block_chunks", lambda s, bs, n: _chunks(whole_reads, CHUNKS_OF(s, bs, n)))
        kb.fuse()
        stored = sorted(kb.store.records("events"), key=lambda e: e["id"])
    expected = sorted((json.loads(json.dumps(to_dict(e))) for e in fuse([*block, *small])), key=lambda e: e["id"])
    assert stored == expected
    assert ["meeting|BY,NO"] not in whole_reads and ["meeting|BY,UA"] in whole_reads
    assert sum(n for _, n in reads) == len(block)
    assert all(n <= 4 or dates == 1 for dates, n in reads)  # a read holds 4 mentions, or one date's


def _count(reads: list[tuple[int, int]], dates: list, piece: list) -> list:
    reads.append((len(dates), len(piece)))
    return piece


def _chunks(reads: list[list[str]], chunks: Iterator[tuple[list[str], list]]) -> Iterator[tuple[list[str], list]]:
    for names, rows in chunks:
        reads.append(names)
        yield names, rows
