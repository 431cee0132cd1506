"""The Ray engine against a local ingest on the same corpus: ``bilat ingest --workers 1``; ``bilat run
--engine ray --cpus 2`` with the corpus read by the driver and by Ray Data (interleaved, ``--rounds``
times each, without the fusion stage); one run with the fusion stage; and ``bilat load`` of each
(storing the fusion stage's events, or fusing here).

    .venv/bin/python bench/bench_ray.py            # 2 MB of written documents in six languages
    .venv/bin/python bench/bench_ray.py --mb 5 --rounds 3

The corpus is the synthetic JSON Lines file of bench/synthetic.py. Each step runs as its own ``bilat`` command
(Ray start-up included, as a user sees it). Prints seconds, documents/s and MB/s per step, and whether
the loaded databases' exports equal the ingested one's. It asserts nothing.
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
    ap.add_argument("--rounds", type=int, default=2, help="runs of each reader, interleaved (default 2)")
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
            print(f"  {name:40s} {sec:6.1f} s  {docs / sec:7.1f} docs/s  {nbytes / 1e6 / sec:5.2f} MB/s", flush=True)

        line("ingest --workers 1", bilat("ingest", str(corpus), "--db", str(work / "i.duckdb"), "--workers", "1",
                                         "-q"))
        for n in range(a.rounds):  # A, B, A, B: the machine's load changes under the benchmark
            for reader in ("driver", "data"):
                out = work / f"out-{reader}-{n}"
                line(f"run --cpus 2 --reader {reader} --no-fuse", bilat(
                    "run", "--engine", "ray", str(corpus), "--out", str(out), "--cpus", "2", "--reader", reader,
                    "--no-fuse"))
        fused = work / "out-fused"
        line("run --cpus 2 --reader data (+ fusion)", bilat("run", "--engine", "ray", str(corpus), "--out", str(fused),
                                                            "--cpus", "2"))
        line("load, fusing here (one writer)", bilat("load", str(work / "out-data-0"), "--db", str(work / "r.duckdb")))
        line("load, the fusion stage's events", bilat("load", str(fused), "--db", str(work / "f.duckdb")))
        want = digest(work / "i.duckdb")
        for db in ("r", "f"):
            same = digest(work / f"{db}.duckdb") == want
            print(f"  exports of {db}.duckdb and ingest: {'identical' if same else 'DIFFERENT'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
