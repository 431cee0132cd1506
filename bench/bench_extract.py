"""Extract-stage throughput, with and without the trigger prefilter, in one run.

    .venv/bin/python bench/bench_extract.py              # about 2 MB of English and Russian news
    .venv/bin/python bench/bench_extract.py --mb 0.5     # a smaller run
    .venv/bin/python bench/bench_extract.py --rounds 3   # best of three rounds per mode

Builds a JSON Lines corpus from the Kremlin and Zelenskyy/Putin CSVs under ../shared/corpora
(read with bilat's own corpus reader), reads it back, normalises and segments every document
beforehand, then times ``bilat.extract.extract`` alone over the analysed documents on one core:
sentences/s of the whole extract stage, and the time spent in ``find_triggers``, once with the
prefilter and once running every trigger regex on every sentence. It prints numbers; it asserts
nothing. Without ../shared (or ``--shared``) it says so and exits.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the checkout (or beside the main checkout, for a worktree one level deeper)
SHARED = next((p / "shared" for p in (REPO.parent, REPO.parent.parent) if (p / "shared").is_dir()),
              REPO.parent / "shared")
CSVS = (
    "gabrielkmbo__kremlin-scraper/kremlin_articles_ru_enhanced.csv",
    "PeiYiZhuo__zelenskyy-putin/putin.csv",
    "PeiYiZhuo__zelenskyy-putin/zelenskyy.csv",
)


def build_corpus(corpora: Path, out: Path, mb: float) -> tuple[int, int]:
    """Write up to ``mb`` MB of the CSVs' documents as JSON Lines, taking from each CSV in turn;
    return documents and bytes of text written."""
    from bilat.ingest import Document, read

    per_csv = [[d for d in read(str(corpora / p)) if isinstance(d, Document)] for p in CSVS if (corpora / p).is_file()]
    docs, nbytes = 0, 0
    with out.open("w", encoding="utf-8") as f:
        for row in range(max(map(len, per_csv), default=0)):
            for batch in per_csv:
                if row >= len(batch) or nbytes >= mb * 1e6:
                    continue
                d = batch[row]
                rec = {"id": f"{Path(d.source).stem}-{d.name}", "text": d.text, "date": d.date, "title": d.title}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                nbytes += len(d.text.encode())
                docs += 1
    return docs, nbytes


def analysed(path: Path) -> list[tuple[Any, Any]]:
    """Every document of the JSON Lines corpus, read, normalised and segmented."""
    from bilat import pipeline
    from bilat.ingest import Document, read

    return [pipeline.normalise(d) for d in read(str(path)) if isinstance(d, Document)]


class Timed:
    """``find_triggers`` with the prefilter on or off, adding up the time spent in it."""

    def __init__(self, prefilter: bool) -> None:
        from bilat.extract import triggers

        self.fn: Callable[..., Any] = triggers.find_triggers
        self.prefilter = prefilter
        self.seconds = 0.0
        self.calls = 0

    def __call__(self, low: str, code: str | None) -> Any:
        t0 = time.perf_counter()
        out = self.fn(low, code, prefilter=self.prefilter)
        self.seconds += time.perf_counter() - t0
        self.calls += 1
        return out


def run(docs: list[tuple[Any, Any]], prefilter: bool) -> tuple[float, Timed, list[Any]]:
    """Extract every document with ``find_triggers`` swapped for a timed one; seconds, timer, output."""
    import bilat.extract as extraction

    timer = Timed(prefilter)
    original = extraction.find_triggers
    extraction.find_triggers = timer
    out = []
    try:
        t0 = time.perf_counter()
        for d, an in docs:
            out.append(extraction.extract(d, an))
        seconds = time.perf_counter() - t0
    finally:
        extraction.find_triggers = original
    return seconds, timer, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MB of text (default 2)")
    ap.add_argument("--shared", type=Path, default=SHARED, help=f"the shared folder (default {SHARED})")
    ap.add_argument("--rounds", type=int, default=1, help="rounds per mode, the best one counts (default 1)")
    a = ap.parse_args()
    corpora = a.shared / "corpora"
    if not corpora.is_dir() or not any((corpora / p).is_file() for p in CSVS):
        print(f"bench_extract: {corpora} (the Kremlin / Zelenskyy-Putin CSVs) is not here; nothing to measure.")
        return
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        ndocs, nbytes = build_corpus(corpora, corpus, a.mb)
        t0 = time.perf_counter()
        docs = analysed(corpus)
        seg = time.perf_counter() - t0
    sentences = sum(len(an.sentences) for _, an in docs)
    print(f"corpus: {ndocs} documents, {nbytes / 1e6:.2f} MB of text, {sentences:,} sentences "
          f"(read + normalise + segment beforehand: {seg:.1f} s)")
    run(docs[:20], True)  # warm up: lexicons and tables load once
    best: dict[bool, tuple[float, Timed, list[Any]]] = {}
    for _ in range(max(1, a.rounds)):
        for prefilter in (False, True):
            r = run(docs, prefilter)
            if prefilter not in best or r[0] < best[prefilter][0]:
                best[prefilter] = r
    for prefilter, label in ((False, "without prefilter"), (True, "with prefilter")):
        seconds, timer, _ = best[prefilter]
        print(f"{label:18s} extract {sentences / seconds:8,.0f} sentences/s ({seconds:.2f} s); "
              f"find_triggers {timer.calls / timer.seconds:9,.0f} calls/s ({timer.seconds:.2f} s, "
              f"{timer.seconds / seconds:.0%} of extract)")
    (s0, t0_, out0), (s1, t1, out1) = best[False], best[True]
    print(f"speed-up: extract {s0 / s1:.2f}x, find_triggers {t0_.seconds / t1.seconds:.2f}x; "
          f"same output: {'yes' if out0 == out1 else 'NO'}")


if __name__ == "__main__":
    sys.exit(main())
