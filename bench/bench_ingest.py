"""Ingest throughput and memory: read + normalise + segment + store, on a replicated corpus.

    .venv/bin/python bench/bench_ingest.py            # the seeds (../shared) replicated to 50 MB
    .venv/bin/python bench/bench_ingest.py --mb 10    # a smaller run
    .venv/bin/python bench/bench_ingest.py --source samples

Prints MB/s of UTF-8 text for read + normalise + segment (no storage), for extraction alone
(events, people, indicators; timed apart from the normalisation it needs), and for the whole
``kb.ingest`` into a fresh DuckDB file (storage and fusion included), with the peak RSS of each
run. Each run is its own process, so timings and memory peaks don't mix. One process, one core.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import peak_rss_mib

REPO = Path(__file__).resolve().parents[1]


def source_texts(source: str) -> list[str]:
    """The texts to replicate: the seeds when ../shared is present, else the bundled samples."""
    if source == "seeds" and (REPO.parent / "shared" / "seeds").is_dir():
        files = sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))
    else:
        files = sorted((REPO / "samples").rglob("*.txt"))
    return [f.read_text(encoding="utf-8", errors="replace") for f in files]


def replicate(texts: list[str], folder: Path, mb: float) -> tuple[int, int]:
    """Write copies of ``texts`` (each made unique by a first line) until ``mb`` MB; return files, bytes."""
    total, n = 0, 0
    while total < mb * 1e6:
        for t in texts:
            data = f"Copy {n}.\n{t}".encode()
            (folder / f"doc{n:06d}.txt").write_bytes(data)
            total += len(data)
            n += 1
    return n, total


def _normalised(folder: str):
    """Every document of the folder, read, normalised and segmented."""
    from bilat import pipeline
    from bilat.ingest import Document, expand, read

    for path in expand([folder]):
        for doc in read(path):
            if isinstance(doc, Document):
                yield pipeline.normalise(doc)


def run_stages(folder: str) -> dict[str, float]:
    """Read + normalise + segment, without storage."""
    t0 = time.perf_counter()
    nbytes = sentences = 0
    for d, an in _normalised(folder):
        nbytes += len(d.text.encode())
        sentences += len(an.sentences)
    return {"seconds": time.perf_counter() - t0, "bytes": nbytes, "sentences": sentences}


def run_extract(folder: str) -> dict[str, float]:
    """Extraction alone (events, people, indicators), on documents normalised beforehand."""
    from bilat import pipeline

    nbytes = sentences = 0
    seconds = 0.0
    for d, an in _normalised(folder):
        nbytes += len(d.text.encode())
        sentences += len(an.sentences)
        t1 = time.perf_counter()
        pipeline.extract(d, an)
        seconds += time.perf_counter() - t1
    return {"seconds": seconds, "bytes": nbytes, "sentences": sentences}


def run_ingest(folder: str, db: str) -> dict[str, float]:
    import bilat

    with bilat.open(db) as kb:
        report = kb.ingest([folder])
        s = kb.summary()
    nbytes = sum(p.stat().st_size for p in Path(folder).iterdir())
    return {"seconds": report.seconds, "bytes": nbytes, "documents": s["documents"],
            "sentences": s["sentences"] + s["boilerplate_sentences"]}


def child(mode: str, folder: str, db: str) -> None:
    """Run one measurement and print it as JSON, with this process's peak RSS."""
    res = {"stages": run_stages, "extract": run_extract}[mode](folder) if mode != "ingest" else run_ingest(folder, db)
    res["peak_rss_mb"] = peak_rss_mib()
    print(json.dumps(res))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    ap.add_argument("--source", choices=["seeds", "samples"], default="seeds")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(*a.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        files, nbytes = replicate(source_texts(a.source), folder, a.mb)
        print(f"corpus: {files} files, {nbytes / 1e6:.1f} MB of UTF-8 text ({a.source} replicated)")
        labels = {"stages": "read+normalise+segment", "extract": "extract (events, people, indicators)",
                  "ingest": "ingest (all stages + DuckDB + fusion)"}
        for mode, what in labels.items():
            out = subprocess.run(
                [sys.executable, __file__, "--child", mode, str(folder), str(Path(tmp) / "kb.duckdb")],
                capture_output=True, text=True,
            )
            if out.returncode != 0:
                print(f"{what}: failed (exit {out.returncode})\n{out.stderr[-2000:]}")
                sys.exit(1)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            mbps = r["bytes"] / 1e6 / r["seconds"]
            print(f"{what:40s} {mbps:6.2f} MB/s, {r['sentences'] / r['seconds']:,.0f} sentences/s, "
                  f"{r['seconds']:.1f} s, peak RSS {r['peak_rss_mb']:.0f} MB")

if __name__ == "__main__":
    main()
