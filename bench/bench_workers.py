"""End-to-end ingest throughput with 1 and with 2 worker processes, on the same corpora, in one run.

    .venv/bin/python bench/bench_workers.py              # 5 MB of real news + 5 MB of written documents
    .venv/bin/python bench/bench_workers.py --mb 1       # a quick run (worker start-up weighs more)
    .venv/bin/python bench/bench_workers.py --workers 1 2 4
    .venv/bin/python bench/bench_workers.py --only news  # one corpus

Two corpora, each a JSON Lines file built at run time: real news from the Kremlin and
Zelenskyy/Putin CSVs under ../shared/corpora (read with bilat's own corpus reader; left out, with
a line saying so, when ../shared is absent) and a synthetic one from templates written here in six
languages. Each corpus is ingested into a fresh DuckDB file once per worker count, each run in its
own process (``kb.ingest(workers=N)``: reading, analysis, storage and fusion, pool start and the
closing sort included).
Prints documents/s, MB/s of UTF-8 text and sentences/s per run, the speed-up against one worker,
the peak RSS of the writer and of its largest worker, whether the exports are identical, and the
load average when the run began (other work on the machine lowers the ratio). It asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import SHARED, build_corpus
from synthetic import descendants, hwm_kib, peak_rss_mib, write_corpus


def one(corpus: Path, db: Path, workers: int) -> dict[str, object]:
    """Ingest ``corpus`` into ``db`` with ``workers`` processes (run in a child of the benchmark)."""
    import bilat

    peak = {"rss": 0}
    cpu: dict[int, float] = {}  # the CPU seconds each worker process had used when last seen
    stop = threading.Event()

    def watch() -> None:  # the workers are the forkserver's children, not ours: look them up in /proc
        while not stop.wait(0.25):
            kids = descendants(os.getpid())
            peak["rss"] = max([peak["rss"], *(hwm_kib(p) for p in kids)])
            cpu.update((p, c) for p in kids if (c := _cpu_s(p)) is not None)

    threading.Thread(target=watch, daemon=True).start()
    t0, c0 = time.perf_counter(), _own_cpu()
    with bilat.open(db) as kb:
        r = kb.ingest([str(corpus)], workers=workers)
        stop.set()
    seconds, writer_cpu = time.perf_counter() - t0, _own_cpu() - c0  # closing (it sorts the search tables) included
    with bilat.open(db, read_only=True) as kb:
        s = kb.summary()
        digest = hashlib.sha1()
        for what in ("mentions", "indicators", "events"):
            for rec in kb.records(what):
                digest.update(json.dumps(rec, sort_keys=True, ensure_ascii=False).encode())
    return {"seconds": seconds, "documents": r.documents, "failures": len(r.failures),
            "sentences": s["sentences"] + s["boilerplate_sentences"], "digest": digest.hexdigest(),
            "rss_mib": peak_rss_mib(),
            "worker_rss_mib": peak["rss"] / 1024, "writer_cpu": writer_cpu, "workers_cpu": sum(cpu.values())}


def _own_cpu() -> float:
    """CPU seconds (user and system) this process has used, all its threads (DuckDB's) included."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _cpu_s(pid: int) -> float | None:
    """CPU seconds (user and system) process ``pid`` has used (Linux /proc); None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def run(corpus: Path, nbytes: int, workers: list[int], work: Path) -> None:
    base, first = None, None
    for w in workers:
        db = work / f"{corpus.stem}-{w}.duckdb"
        out = subprocess.run([sys.executable, __file__, "--one", str(corpus), str(db), str(w)],
                             capture_output=True, text=True, check=True, env={**os.environ, "TQDM_DISABLE": "1"})
        r = json.loads(out.stdout.splitlines()[-1])
        sec = r["seconds"]
        base = base or sec
        first = first or r["digest"]
        same = "" if w == workers[0] else ("  identical" if r["digest"] == first else "  DIFFERENT EXPORTS")
        rss = f"writer {r['rss_mib']:.0f} MiB" + (f", largest worker {r['worker_rss_mib']:.0f} MiB" if w > 1 else "")
        # CPU seconds: the writer's own (reading, storing, fusing; all the work with one worker) and
        # the workers' (sampled every 0.25 s); their sum against the wall time shows what the cores gave.
        cpus = f"cpu writer {r['writer_cpu']:.1f} s ({100 * r['writer_cpu'] / sec:.0f}% busy)" + (
            f" + workers {r['workers_cpu']:.1f} s" if w > 1 else "")
        print(f"  workers={w}: {sec:6.1f} s  {r['documents'] / sec:7.1f} docs/s  {nbytes / 1e6 / sec:5.2f} MB/s  "
              f"{r['sentences'] / sec:7.0f} sentences/s  x{base / sec:4.2f}  {rss}  {cpus}{same}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0, help="MB of text per corpus (default 5)")
    ap.add_argument("--shared", type=Path, default=SHARED, help=f"the shared folder (default {SHARED})")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    ap.add_argument("--only", choices=("news", "synthetic"), help="one corpus only")
    ap.add_argument("--one", nargs=3, help=argparse.SUPPRESS)  # child: CORPUS DB WORKERS
    a = ap.parse_args()
    if a.one:
        print(json.dumps(one(Path(a.one[0]), Path(a.one[1]), int(a.one[2]))))
        return 0
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpora = a.shared / "corpora"
        if a.only == "synthetic":
            pass
        elif corpora.is_dir():
            news = work / "news.jsonl"
            docs, nbytes = build_corpus(corpora, news, a.mb)
            print(f"real news: {docs} documents, {nbytes / 1e6:.1f} MB (English and Russian CSVs of {corpora})")
            run(news, nbytes, a.workers, work)
        else:
            print(f"real news: skipped ({corpora} is absent)")
        if a.only == "news":
            return 0
        syn = work / "synthetic.jsonl"
        docs, nbytes = write_corpus(syn, mb=a.mb)
        print(f"synthetic: {docs} documents, {nbytes / 1e6:.1f} MB (templates in six languages)")
        run(syn, nbytes, a.workers, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
