"""Fusion at scale: synthetic mentions (default 1,000,000) fused into events; time and peak memory.

    .venv/bin/python bench/bench_fuse.py                        # 1,000,000 mentions in a list: bilat.fuse.fuse
    .venv/bin/python bench/bench_fuse.py --n 10000000 --stream  # made and fused a block at a time: fuse_block
    .venv/bin/python bench/bench_fuse.py --n 10000000 --db /tmp/f.duckdb   # the database path: pipeline.fuse
    .venv/bin/python bench/bench_fuse.py --db /tmp/f.duckdb --workers 2    # with two processes fusing
    .venv/bin/python bench/bench_fuse.py --n 1000000 --blocks 10 --db /tmp/f.duckdb   # large blocks, in pieces
    .venv/bin/python bench/bench_fuse.py --n 1000000 --blocks 10 --ray /tmp/rf --cpus 2  # the Ray fusion stage
    .venv/bin/python bench/bench_fuse.py --n 1000000 --blocks 10 --ray /tmp/rm --mixed   # every shard every block

Mentions are spread evenly over the blocks (20 kinds × the 780 pairs of 40 states, or the first
``--blocks`` of them) and 30 years; each real event is told 1–4 times at different date precisions
(day, month, year, day without year), in different languages, sometimes with a person named, as
documents tell them; ten mentions per document.

``--db`` writes the mentions into a bilat database first (through ``Store.replace_records``, not
timed as fusion; kept, and reused when it already holds ``--n`` mentions), then fuses it in a fresh
process, as ``bilat fuse`` does: every block read from DuckDB, blocks of more than 50,000 mentions
(``Store._LARGE_BLOCK``) in pieces of about 20,000 by dates, and the events written. With
``--workers 2`` or more, the pool's workers fuse the smaller blocks a chunk at a time and each
large block from a Parquet file of its mentions (``bilat.engine.large_blocks``). Peak RSS is that
process's (the writer's).

``--ray`` writes the mentions as the Parquet shards of ``bilat run`` (100,000 mentions a shard; kept,
and reused when the folder holds shards already), then runs the Ray fusion stage over them in a fresh
process with a local Ray of ``--cpus`` CPUs (``bilat.engine.ray_fusion.fuse``): blocks of more than
50,000 mentions in a task of their own, in pieces, the others through Ray Data's grouped shuffle.
Peak RSS is the driver's and that of the largest Ray worker (a process named ``ray::``).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

from bilat.extract.kinds import KINDS
from bilat.records import Evidence, Mention, Person, to_dict
from synthetic import largest_descendant, peak_rss_mib

STATES = ["BY", "NO", "RU", "UA", "PL", "DE", "FR", "GB", "US", "CN", "IR", "AM", "KZ", "IL", "TR", "SE", "FI",
          "DK", "LT", "LV", "EE", "IT", "ES", "JP", "IN", "BR", "EG", "SA", "AE", "CH", "AT", "HU", "CZ", "SK",
          "RO", "BG", "GE", "AZ", "UZ", "MD"]
LANGS = ["be", "ru", "uk", "fa", "en", "pl"]
SURNAMES = ["Makei", "Soreide", "Brende", "Kuleba", "Sikorski", "Zarif", "Lavrov", "Blinken", "Wang", "Baerbock"]


def synthetic_blocks(n: int, blocks: int | None = None, seed: int = 1) -> Iterator[list[Mention]]:
    """About ``n`` mentions of random real events, each told a few times, one block at a time."""
    rng = random.Random(seed)
    keys = [(kind, pair) for kind in KINDS for pair in combinations(sorted(STATES), 2)][:blocks]
    evidence = Evidence(0, 0, 1, "x")
    base, extra = divmod(n, len(keys))
    i = 0
    for b, (kind, pair) in enumerate(keys):
        out: list[Mention] = []
        quota = base + (b < extra)
        while len(out) < quota:
            y, mth, d = rng.randint(1995, 2024), rng.randint(1, 12), rng.randint(1, 28)
            person = (Person(rng.choice(SURNAMES), rng.choice(SURNAMES)),) if rng.random() < 0.3 else ()
            for _ in range(min(rng.randint(1, 4), quota - len(out))):
                date = rng.choice([f"{y}-{mth:02d}-{d:02d}", f"{y}-{mth:02d}", f"{y}", f"--{mth:02d}-{d:02d}"])
                out.append(Mention(id=f"m:{i}", doc=f"d{i // 10}", lang=rng.choice(LANGS), kind=kind, plover=None,
                                   plover_mode=None, cameo=None, date=date, evidence=evidence, actors=pair,
                                   people=person))
                i += 1
        yield out


def rss_mb() -> float:
    """Peak resident memory of this process so far (``synthetic.peak_rss_mib``: the fusion runs in a
    child of the process that made the mentions, whose own peak ``ru_maxrss`` would report)."""
    return peak_rss_mib()


def in_list(n: int, blocks: int | None) -> None:
    from bilat.fuse import fuse

    t0 = time.perf_counter()
    mentions = [m for block in synthetic_blocks(n, blocks) for m in block]
    t1, c1 = time.perf_counter(), time.process_time()
    made = rss_mb()
    events = fuse(mentions)
    t2, c2 = time.perf_counter(), time.process_time()
    print(f"mentions: {len(mentions):,} in a list (made in {t1 - t0:.1f} s; peak RSS then {made:,.0f} MB)")
    print(f"fusion: {len(events):,} events in {t2 - t1:.1f} s ({len(mentions) / (t2 - t1):,.0f} mentions/s; "
          f"{c2 - c1:.1f} s of CPU); peak RSS {rss_mb():,.0f} MB")


def streamed(n: int, blocks: int | None) -> None:
    from bilat.fuse import fuse_block

    made = fused = cpu = 0.0
    count = events = 0
    stream = synthetic_blocks(n, blocks)
    while True:
        t0 = time.perf_counter()
        block = next(stream, None)
        t1, c1 = time.perf_counter(), time.process_time()
        made += t1 - t0
        if block is None:
            break
        count += len(block)
        events += len(fuse_block(block))
        fused += time.perf_counter() - t1
        cpu += time.process_time() - c1
    print(f"mentions: {count:,} made a block at a time ({made:.1f} s)")
    print(f"fusion: {events:,} events in {fused:.1f} s ({count / fused:,.0f} mentions/s; {cpu:.1f} s of CPU); "
          f"peak RSS {rss_mb():,.0f} MB")


def through_db(n: int, blocks: int | None, db: Path, workers: int) -> None:
    from bilat.store import Store, block_id

    store = Store(db)
    have = store.con.execute("SELECT count(*) FROM mentions").fetchall()[0][0]
    if have not in (0, n):
        sys.exit(f"{db} holds {have:,} mentions, not {n:,}: remove it first")
    if have == 0:
        t0 = time.perf_counter()
        docs = (n + 9) // 10
        store.con.execute(
            "INSERT INTO documents (id, name, source, version, current, chars, text) "
            "SELECT 'd' || i, 'd' || i, 'bench', 1, true, 0, '' FROM range(?) t(i)", [docs])
        rows: list[tuple[str, str, str, str | None, str, str]] = []
        for block in synthetic_blocks(n, blocks):
            rows.extend((m.id, m.doc, m.kind, m.date, json.dumps(to_dict(m), ensure_ascii=False),
                         block_id(m.kind, m.actors)) for m in block)
            if len(rows) >= 200_000:
                store.replace_records("mentions", rows)
                rows = []
        store.replace_records("mentions", rows)
        print(f"stored {n:,} mentions in {db} ({time.perf_counter() - t0:.1f} s)")
    store.close()
    out = subprocess.run([sys.executable, __file__, "--fuse-db", str(db), "--workers", str(workers)], check=True,
                         capture_output=True, text=True)
    print(out.stdout, end="")


def fuse_db(db: Path, workers: int) -> None:
    from bilat.engine import engine
    from bilat.pipeline import fuse
    from bilat.store import Store

    store = Store(db)
    n = store.con.execute("SELECT count(*) FROM mentions").fetchall()[0][0]
    largest = store.con.execute("SELECT max(c) FROM (SELECT count(*) c FROM mentions GROUP BY block)").fetchall()[0][0]
    t0, c0 = time.perf_counter(), time.process_time()
    with largest_descendant() as worker, engine(workers) as pool:
        events = fuse(store, pool=pool)
    t1, c1 = time.perf_counter(), time.process_time()
    fused = rss_mb()
    # one digest of every event record, to compare runs: the same events give the same digest
    digest = store.con.execute("SELECT md5(string_agg(md5(record), '' ORDER BY id)) FROM events").fetchall()[0][0]
    store.close()
    t2 = time.perf_counter()
    print(f"fusion through the database: {n:,} mentions (largest block {largest:,}) into {events:,} events in "
          f"{t1 - t0:.1f} s ({n / (t1 - t0):,.0f} mentions/s; {c1 - c0:.1f} s of CPU), then close {t2 - t1:.1f} s; "
          f"peak RSS {fused:,.0f} MB fusing, {rss_mb():,.0f} MB with the close (this process; --workers {workers}), "
          f"largest worker {worker['kib'] / 1024:,.0f} MB; events digest {digest[:12]}")


SHARD_MENTIONS = 100_000  # a multiple of the ten mentions of a document: no document in two shards


def through_ray(n: int, blocks: int | None, folder: Path, cpus: int, mixed: bool = False) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from bilat.engine import shards
    from bilat.store import block_id

    if not shards.completed(folder):
        t0 = time.perf_counter()
        for sub in ("mentions", "documents"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        rows: list[dict[str, str | None]] = []

        def flush() -> None:
            shard = f"{len(shards.completed(folder)):07d}-bench"
            pq.write_table(pa.Table.from_pylist(rows, shards._SCHEMAS["mentions"]),
                           folder / "mentions" / f"{shard}.parquet")
            pq.write_table(pa.table({"id": sorted({str(r["doc_id"]) for r in rows})}),
                           folder / "documents" / f"{shard}.parquet")
            shards.mark_done(folder, shard)
            rows.clear()

        # --mixed: documents dealt to the shards in turn, so that every shard holds every block, as
        # shards in reading order do (held in memory until written); else a block after another
        count = -(-n // SHARD_MENTIONS)
        dealt: list[list[dict[str, str | None]]] = [[] for _ in range(count)]
        place: dict[str, int] = {}
        for block in synthetic_blocks(n, blocks):
            for m in block:
                row = {"id": m.id, "doc_id": m.doc, "kind": m.kind, "date": m.date,
                       "block": block_id(m.kind, m.actors), "record": json.dumps(to_dict(m), ensure_ascii=False)}
                if mixed:
                    dealt[place.setdefault(m.doc, len(place) % count)].append(row)
                    continue
                rows.append(row)
                if len(rows) == SHARD_MENTIONS:
                    flush()
        for part in dealt if mixed else []:
            rows.extend(part)
            part.clear()
            flush()
        if rows:
            flush()
        print(f"wrote {n:,} mentions as {len(shards.completed(folder))} shards in {folder} "
              f"({time.perf_counter() - t0:.1f} s)")
    out = subprocess.run([sys.executable, __file__, "--fuse-ray", str(folder), "--cpus", str(cpus)], check=True,
                         capture_output=True, text=True)
    print(out.stdout, end="")


def fuse_ray(folder: Path, cpus: int) -> None:
    import shutil

    import pyarrow.parquet as pq
    import ray

    from bilat.engine import ray_fusion, shards

    shutil.rmtree(folder / shards.EVENTS, ignore_errors=True)
    files = [folder / "mentions" / f"{s}.parquet" for s in shards.completed(folder)]
    n = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
    ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False)
    with largest_descendant(lambda cmdline: cmdline.startswith(b"ray::")) as worker:
        t0 = time.perf_counter()
        events = ray_fusion.fuse(folder, cpus)
        seconds = time.perf_counter() - t0
    ray.shutdown()
    print(f"Ray fusion stage: {n:,} mentions into {events:,} events in {seconds:.1f} s "
          f"({n / seconds:,.0f} mentions/s, --cpus {cpus}); peak RSS: driver {rss_mb():,.0f} MB, "
          f"largest Ray worker {worker['kib'] / 1024:,.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--blocks", type=int, help="only the first BLOCKS blocks (fewer, larger blocks)")
    ap.add_argument("--stream", action="store_true", help="make and fuse a block at a time")
    ap.add_argument("--db", type=Path, help="through a bilat database at this path (kept)")
    ap.add_argument("--workers", type=int, default=1, help="with --db: processes that fuse (default 1)")
    ap.add_argument("--ray", type=Path, help="through the Ray fusion stage over Parquet shards in this folder (kept)")
    ap.add_argument("--cpus", type=int, default=2, help="with --ray: the local Ray's CPUs (default 2)")
    ap.add_argument("--mixed", action="store_true", help="with --ray: every shard holds every block "
                    "(documents dealt to the shards in turn), as shards in reading order do")
    ap.add_argument("--fuse-db", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--fuse-ray", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.fuse_ray:
        fuse_ray(a.fuse_ray, a.cpus)
    elif a.ray:
        through_ray(a.n, a.blocks, a.ray, a.cpus, a.mixed)
    elif a.fuse_db:
        fuse_db(a.fuse_db, a.workers)
    elif a.db:
        through_db(a.n, a.blocks, a.db, a.workers)
    elif a.stream:
        streamed(a.n, a.blocks)
    else:
        in_list(a.n, a.blocks)


if __name__ == "__main__":
    main()
