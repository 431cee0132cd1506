"""The Ray engine against a local ingest on the same corpus: ``bilat run --engine ray`` on 1 and 2 CPUs,
``bilat load`` (the single writer: store + fuse) alone, and ``bilat ingest --workers 1``.

    .venv/bin/python bench/bench_ray.py            # 2 MB of written documents in six languages
    .venv/bin/python bench/bench_ray.py --mb 5

The corpus is the synthetic JSON Lines file of bench/synthetic.py. Each step runs as its own ``bilat`` command
(Ray start-up included, as a user sees it). Prints seconds, documents/s and MB/s per step, and whether
the loaded database's exports equal the ingested one's. It asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_corpus


def bilat(*args: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bilat", *args], check=False, capture_output=True,
                   env={**os.environ, "TQDM_DISABLE": "1"})
    return time.perf_counter() - t0


def digest(db: Path) -> str:
    h = hashlib.sha1()
    for what in ("mentions", "indicators", "events"):
        out = subprocess.run([sys.executable, "-m", "bilat", "export", what, "--db", str(db)],
                             capture_output=True, text=True, check=True).stdout
        h.update("\n".join(sorted(out.splitlines())).encode())
    return h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=2.0, help="MB of text (default 2)")
    a = ap.parse_args()
    try:
        import ray  # noqa: F401
    except ImportError:
        print("Ray is not installed (pip install 'bilat[ray]'): nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "synthetic.jsonl"
        docs, nbytes = write_corpus(corpus, mb=a.mb)
        print(f"synthetic corpus: {docs} documents, {nbytes / 1e6:.1f} MB")

        def line(name: str, sec: float) -> None:
            print(f"  {name:34s} {sec:6.1f} s  {docs / sec:7.1f} docs/s  {nbytes / 1e6 / sec:5.2f} MB/s", flush=True)

        line("ingest --workers 1", bilat("ingest", str(corpus), "--db", str(work / "i.duckdb"), "--workers", "1",
                                         "-q"))
        for cpus in (1, 2):
            out = work / f"out{cpus}"
            run = bilat("run", "--engine", "ray", str(corpus), "--out", str(out), "--cpus", str(cpus))
            line(f"run --engine ray --cpus {cpus}", run)
        load = bilat("load", str(work / "out2"), "--db", str(work / "r.duckdb"))
        line("load (store + fuse, one writer)", load)
        line("ray on 2 CPUs + load", run + load)
        same = digest(work / "i.duckdb") == digest(work / "r.duckdb")
        print(f"  exports of load and ingest: {'identical' if same else 'DIFFERENT'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
