"""A longer seeded fuzz run than the test suite's (#8): prints counts, never asserts.

    PYTHONPATH=src python bench/bench_fuzz.py --n 20000 [--seed 8] [--per-call 100] [--hang 60]

Each ingest call takes ``--per-call`` fuzz files with a good file before and after each one.
A call that runs past ``--hang`` seconds is counted as a hang (it is not stopped).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import bilat
from fuzz_inputs import Tally, generate, ingest_batch


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--per-call", type=int, default=100)
    ap.add_argument("--hang", type=float, default=60.0, help="seconds after which one ingest call is a hang")
    args = ap.parse_args()
    t0 = time.perf_counter()
    tally, hangs, slowest = Tally(), 0, 0.0
    inputs = generate(args.seed, args.n)
    with tempfile.TemporaryDirectory() as tmp, bilat.open(Path(tmp) / "kb.duckdb") as kb:
        for b in range(0, args.n, args.per_call):
            chunk = [next(inputs) for _ in range(min(args.per_call, args.n - b))]
            t = time.perf_counter()
            ingest_batch(kb, chunk, f"{tmp}/b{b // args.per_call:05d}", tally, b // args.per_call)
            took = time.perf_counter() - t
            slowest = max(slowest, took)
            hangs += took > args.hang
    print(f"inputs               {tally.inputs}")
    print(f"failures             {tally.failures}")
    print(f"tracebacks           {len(tally.tracebacks)}")
    print(f"lost good documents  {len(tally.lost_good)}")
    print(f"bad failure lines    {len(tally.bad_lines)}")
    print(f"silent files         {len(tally.silent)}")
    print(f"lost good records    {sum(tally.lost_records.values())} {tally.lost_records or ''}")
    print(f"characters read      {tally.chars}")
    print(f"hangs (>{args.hang:.0f} s call)   {hangs}  (slowest call {slowest:.1f} s)")
    print(f"seconds              {time.perf_counter() - t0:.1f}")
    for line in (tally.tracebacks[:3] + tally.bad_lines[:5] + tally.silent[:5] + tally.lost_good[:5]):
        print("  " + line.splitlines()[0] if line else "")


if __name__ == "__main__":
    main()
