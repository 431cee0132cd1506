"""The scaling curve of ``bilat ingest``, and the cost of an increment, on synthetic corpora.

    .venv/bin/python bench/bench_scale.py                       # 10k and 100k documents, each + 10% new
    .venv/bin/python bench/bench_scale.py --docs 2000 20000     # a quicker curve
    .venv/bin/python bench/bench_scale.py --million             # adds 1,000,000 documents (over an hour at ~260 docs/s)
    .venv/bin/python bench/bench_scale.py --increment 0         # full ingests only
    .venv/bin/python bench/bench_scale.py --news                # real news instead: the newest 10% after the rest

For each size N the corpus (bench/synthetic.py: templates in six languages) is streamed to a JSON
Lines file, then ingested into a fresh database by ``bilat ingest FILE --workers 2`` in a subprocess,
as a user runs it (through bench/ingest_steps.py, which only adds timers around the writer's steps).
Then ``--increment`` × N new documents (default 10%) are ingested into the same database, and the
increment's time is set against the full ingest's. Per run it prints documents/s, MB/s of UTF-8 text,
sentences/s, wall time (process start to exit), the peak RSS of the writer and of its largest worker
(VmHWM from /proc), the database size, and where the writer's time went. Throughput should stay
flat as N grows, and an increment should cost about its share of a full ingest. It asserts nothing.

``--news`` does the same on real news (the Kremlin and Zelenskyy/Putin CSVs of ../shared/corpora,
as bench_workers.py builds them; left out when ../shared is absent), the way an archive grows:
the oldest documents first, then the newest ``--increment`` share of them. Synthetic documents
each state about ten events, on 56 days, so an increment there touches every block's whole
history; real news states fewer, over more days.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import descendants, hwm_kib, write_corpus

HERE = Path(__file__).resolve().parent
STEPS = ["read + wait for analysis", "dedup query", "store", "store: versions query", "store: appends",
         "store: search index", "commits", "fuse", "fuse: fuse_block", "fuse: write events", "close",
         "close: cluster", "summary"]


def bilat(args: list[str], work: Path) -> dict[str, object]:
    """``bilat ARGS...`` in a subprocess (through ingest_steps.py), watched for its peak RSS."""
    steps = work / "steps.json"
    cmd = [sys.executable, str(HERE / "ingest_steps.py"), str(steps), *args]
    peak = {"writer": 0, "worker": 0}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TQDM_DISABLE": "1"})
    stop = threading.Event()

    def watch() -> None:  # the workers are the forkserver's children: look them up below the writer
        while not stop.wait(0.5):
            peak["writer"] = max(peak["writer"], hwm_kib(proc.pid))
            peak["worker"] = max([peak["worker"], *(hwm_kib(p) for p in descendants(proc.pid))])

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    watcher.join()
    if proc.returncode != 0:
        sys.exit(f"bilat {args[0]} failed (exit {proc.returncode}):\n{err[-3000:]}")
    return {"wall": wall, "out": out, "writer_mib": peak["writer"] / 1024, "worker_mib": peak["worker"] / 1024,
            "steps": json.loads(steps.read_text())}


def ingest(corpus: Path, db: Path, workers: int, work: Path) -> dict[str, object]:
    """``bilat ingest CORPUS --db DB --workers N --json``: its times, peak RSS and what it stored."""
    r = bilat(["ingest", str(corpus), "--db", str(db), "--workers", str(workers), "--json"], work)
    out = json.loads(str(r["out"]).splitlines()[-1])
    kb = out["knowledge_base"]
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    return {**r, "seconds": out["ingest"]["seconds"], "stored": out["ingest"]["stored"],
            "documents": kb["documents"], "sentences": kb["sentences"] + kb["boilerplate_sentences"],
            "mentions": kb["mentions"], "events": kb["events"], "db_mb": size / 1e6}


def summary(db: Path, work: Path) -> dict[str, int]:
    """``bilat summary --json`` of a database."""
    return json.loads(str(bilat(["summary", "--db", str(db), "--json"], work)["out"]))  # type: ignore[no-any-return]


def line(label: str, docs: int, nbytes: int, sentences: int, r: dict[str, object]) -> str:
    wall = float(r["wall"])  # type: ignore[arg-type]
    return (f"{label:>22s}: {wall:8.1f} s  {docs / wall:6.1f} docs/s  {nbytes / 1e6 / wall:5.2f} MB/s  "
            f"{sentences / wall:6.0f} sentences/s  writer {r['writer_mib']:.0f} MiB, largest worker "
            f"{r['worker_mib']:.0f} MiB  database {r['db_mb']:.0f} MB ({r['documents']} documents, "
            f"{r['mentions']} mentions, {r['events']} events)")


def steps(r: dict[str, object], base: dict[str, object] | None = None) -> str:
    s: dict[str, float] = r["steps"]  # type: ignore[assignment]
    b: dict[str, float] = base["steps"] if base else {}  # type: ignore[index]
    rows = []
    for k in [*STEPS, "all"]:
        if k in s:
            vs = f"  (x{s[k] / b[k]:.2f} of the full ingest's)" if b.get(k) else ""
            rows.append(f"{'':26s}{k:28s} {s[k]:8.2f} s{vs}")
    return "\n".join(rows)


def timeline(r: dict[str, object]) -> str:
    """The writer's pace through the run: batches stored per second and store time per batch, by tenths."""
    tl: list[dict[str, float]] = r["steps"]["timeline"]  # type: ignore[index]
    if len(tl) < 2:
        return ""
    picks = [tl[round(i * (len(tl) - 1) / 10)] for i in range(11)]
    parts = []
    for a, b in itertools.pairwise(picks):
        nb = b["batches"] - a["batches"]
        if nb <= 0:
            continue
        store_ms = 1000 * (b["store"] - a["store"]) / nb
        docs = b["documents"] - a["documents"]
        parts.append(f"{docs / (b['t'] - a['t']):.0f} docs/s, store {store_ms:.0f} ms/batch")
    return f"{'':26s}pace by tenths of the run: " + "; ".join(parts)


def increment(db: Path, docs: int, share: float, full: dict[str, object], workers: int, work: Path) -> None:
    """Ingest ``share`` × ``docs`` new documents into ``db`` (which holds ``docs``); set it against ``full``."""
    more = work / f"synthetic-{docs}-more.jsonl"
    k, kbytes = write_corpus(more, docs=max(1, round(docs * share)), seed=11, start=docs)
    before = event_digests(db)
    inc = ingest(more, db, workers, work)
    more.unlink()
    after = event_digests(db)
    sents = int(inc["sentences"]) - int(full["sentences"])  # type: ignore[call-overload]
    print(line(f"+ {k:,} new", k, kbytes, sents, inc))
    print(steps(inc, full))
    ratio = float(inc["wall"]) / float(full["wall"])  # type: ignore[arg-type]
    print(f"{'':26s}increment / full ingest: x{ratio:.3f} of the time for x{k / docs:.3f} of the documents",
          flush=True)
    print(f"{'':26s}events: {len(before & after):,} of {len(before):,} left as they were, "
          f"{len(after - before):,} new or changed, {len(before - after):,} gone", flush=True)


def event_digests(db: Path) -> set[tuple[str, str]]:
    """Each stored event's id and the digest of its record: what an increment changed, set against after."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return set(con.execute("SELECT id, md5(record) FROM events").fetchall())


def onto(db: Path, stopped: Path | None, share: float, workers: int, work: Path) -> None:
    """The increment into an existing database, first completing a stopped run's fusion (``bilat fuse``).

    ``stopped``: the steps file of the run that made ``db`` (ingest_steps.py writes it as it goes),
    whose time, with the fusion's, stands for the full ingest."""
    s = summary(db, work)
    print(f"{db}: {s['documents']:,} documents, {s['mentions']:,} mentions, {s['pending_fusion']} blocks to fuse")
    full: dict[str, object] = {"wall": 0.0, "steps": {}, "sentences": s["sentences"] + s["boilerplate_sentences"]}
    if stopped is not None:
        before = json.loads(stopped.read_text())
        full = {**full, "wall": before["all"], "steps": {k: v for k, v in before.items() if k != "timeline"}}
        print(f"{'':26s}the run that made it: {before['all']:.1f} s for {int(before['batches'])} batches stored")
    if s["pending_fusion"]:
        f = bilat(["fuse", "--db", str(db)], work)
        print(f"{'':22s}bilat fuse: {float(f['wall']):8.1f} s  writer {f['writer_mib']:.0f} MiB "  # type: ignore[arg-type]
              f"({str(f['out']).strip()})")
        print(steps(f))
        fs: dict[str, float] = f["steps"]  # type: ignore[assignment]
        st: dict[str, float] = full["steps"]  # type: ignore[assignment]
        full = {**full, "wall": float(full["wall"]) + float(f["wall"]),  # type: ignore[arg-type]
                "steps": {**st, **{k: st.get(k, 0.0) + v for k, v in fs.items() if k.startswith(("fuse", "close"))}}}
    if full["wall"]:
        increment(db, int(s["documents"]), share, full, workers, work)


def news(share: float, workers: int, work: Path) -> None:
    """Real news by date: the oldest documents into a fresh database, then the newest ``share`` of them."""
    from bench_extract import SHARED, build_corpus

    if not (SHARED / "corpora").is_dir():
        print(f"no real news: {SHARED / 'corpora'} is absent")
        return
    every = work / "news.jsonl"
    build_corpus(SHARED / "corpora", every, mb=1e6)
    docs = sorted((json.loads(x) for x in every.read_text(encoding="utf-8").splitlines()),
                  key=lambda d: (d.get("date") or "", d["id"]))
    every.unlink()
    cut = round(len(docs) / (1 + share))
    db = work / "kb-news.duckdb"
    base: dict[str, object] = {}
    base_bytes = 1
    for part, label in ((docs[:cut], "oldest"), (docs[cut:], "newest")):
        path = work / f"news-{label}.jsonl"
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in part), encoding="utf-8")
        nbytes = sum(len(d["text"].encode()) for d in part)
        r = ingest(path, db, workers, work)
        sents = int(r["sentences"]) - int(base.get("sentences", 0))  # type: ignore[call-overload]
        print(line(f"{len(part):,} {label} news", len(part), nbytes, sents, r))
        print(steps(r, base or None))
        if label == "oldest":
            base, base_bytes = r, nbytes
        else:
            ratio = float(r["wall"]) / float(base["wall"])  # type: ignore[arg-type]
            print(f"{'':26s}increment / full ingest: x{ratio:.3f} of the time for x{len(part) / cut:.3f} "
                  f"of the documents (x{nbytes / base_bytes:.3f} of the text)", flush=True)
            alone = ingest(path, work / "kb-newest.duckdb", workers, work)  # what the database costs it
            print(line(f"{len(part):,} newest alone", len(part), nbytes, int(alone["sentences"]), alone))  # type: ignore[call-overload]
            print(f"{'':26s}into the database of the oldest / into an empty one: "
                  f"x{float(r['wall']) / float(alone['wall']):.2f}", flush=True)  # type: ignore[arg-type]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, nargs="+", default=[10_000, 100_000], help="sizes (default 10000 100000)")
    ap.add_argument("--million", action="store_true", help="add 1,000,000 documents to the sizes")
    ap.add_argument("--increment", type=float, default=0.1, help="new documents after each size, as a share of "
                    "it (default 0.1; 0: none)")
    ap.add_argument("--workers", type=int, default=2, help="bilat ingest --workers (default 2)")
    ap.add_argument("--work", type=Path, help="folder for the corpora and databases (default: a temporary one)")
    ap.add_argument("--news", action="store_true", help="real news instead of synthetic documents: the oldest, "
                    "then the newest --increment share (needs ../shared/corpora)")
    ap.add_argument("--onto", type=Path, metavar="DB", help="only the increment, into this database of synthetic "
                    "documents (a run stopped part-way: its fusion is completed first)")
    ap.add_argument("--stopped", type=Path, metavar="STEPS", help="with --onto: the steps.json of the run that "
                    "made it, for the full ingest's time")
    a = ap.parse_args()
    sizes = sorted(set(a.docs) | ({1_000_000} if a.million else set()))
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores; "
          f"bilat ingest --workers {a.workers}", flush=True)
    with tempfile.TemporaryDirectory(dir=a.work) as tmp:
        work = Path(tmp)
        if a.onto:
            onto(a.onto, a.stopped, a.increment, a.workers, work)
            sizes = []
        if a.news:
            news(a.increment or 0.1, a.workers, work)
            sizes = []
        for n in sizes:
            corpus, db = work / f"synthetic-{n}.jsonl", work / f"kb-{n}.duckdb"
            docs, nbytes = write_corpus(corpus, docs=n)
            full = ingest(corpus, db, a.workers, work)
            corpus.unlink()
            print(line(f"{n:,} documents", docs, nbytes, int(full["sentences"]), full))  # type: ignore[call-overload]
            print(steps(full))
            print(timeline(full), flush=True)
            if a.increment > 0:
                increment(db, docs, a.increment, full, a.workers, work)
            db.unlink()
            Path(str(db) + ".wal").unlink(missing_ok=True)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
