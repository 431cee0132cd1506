"""Kill battery: SIGKILL at seeded random points of ingest, fuse and export, then a re-run; count
the differences from a clean run (the test suite runs 20 trials; this runs as many as asked).

    .venv/bin/python bench/bench_kill.py              # 60 trials
    .venv/bin/python bench/bench_kill.py --trials 200 --seed 3

Prints the trials, how many kills landed inside a run, and the differences (which should be 0).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "src"))

from test_kill import snapshot  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trials", type=int, default=60)
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run([sys.executable, str(REPO / "tests" / "test_kill.py"), tmp, str(args.trials),
                               str(args.seed)], capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO / "src")}, check=True)
        report = json.loads(proc.stdout.splitlines()[-1])
        clean = snapshot(Path(report["clean"]))
        expected = Path(tmp) / "expected.jsonl"
        import bilat

        with bilat.open(report["clean"], read_only=True) as kb:
            kb.export("events", "jsonl", str(expected))
        by_kind: dict[str, list[int]] = {}
        for t in report["trials"]:
            counts = by_kind.setdefault(t["kind"], [0, 0, 0])
            counts[0] += 1
            counts[1] += t["code"] == -signal.SIGKILL
            if t["kind"] == "export":
                text = Path(t["out"]).read_text(encoding="utf-8")
                counts[2] += text not in ("the old export\n", expected.read_text(encoding="utf-8"))
            else:
                counts[2] += snapshot(Path(t["db"])) != clean
    print(f"clean run: {len(clean['mentions'])} mentions, {len(clean['events'])} events, "
          f"{report['span']:.2f} s")
    for kind, (n, killed, diff) in by_kind.items():
        print(f"{kind:8s} trials {n:4d}  killed inside {killed:4d}  differences from a clean run {diff:4d}")


if __name__ == "__main__":
    main()
