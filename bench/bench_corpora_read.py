"""What the corpus readers take from the real corpora in ../shared/corpora (#8): documents, failures,
warnings and characters read per file, and the characters in the fields left out.

    .venv/bin/python bench/bench_corpora_read.py             # every CSV/TSV/JSON/JSONL corpus there
    .venv/bin/python bench/bench_corpora_read.py FILE...     # these files

Reading only (no analysis, no database). Prints one line a file and a total; nothing when ../shared is absent.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from bilat.ingest import Document, Failure, ReadWarning, read

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def main(paths: list[str]) -> None:
    if not paths:
        if not CORPORA.is_dir():
            print(f"{CORPORA} is absent: nothing to measure")
            return
        paths = sorted(str(p) for p in CORPORA.rglob("*") if p.suffix.lower() in (".csv", ".tsv", ".json", ".jsonl"))
    total: Counter[str] = Counter()
    for path in paths:
        unused: Counter[str] = Counter()
        n: Counter[str] = Counter()

        def fields(where: str, used: tuple[str, ...], left: tuple[str, ...], _u: Counter[str] = unused) -> None:
            _u.update(left)

        for item in read(path, on_fields=fields):
            if isinstance(item, Document):
                n["documents"] += 1
                n["chars"] += len(item.text)
            elif isinstance(item, ReadWarning):
                n["warnings"] += 1
            elif isinstance(item, Failure):
                n["failures"] += 1
        total.update(n)
        left = ", ".join(f"{k} ×{c}" for k, c in unused.most_common(4))
        print(f"{Path(path).name}: {n['documents']} documents, {n['chars']:,} chars, {n['failures']} failures, "
              f"{n['warnings']} warnings; fields left out: {left or 'none'}")
    print(f"total: {total['documents']} documents, {total['chars']:,} chars, {total['failures']} failures, "
          f"{total['warnings']} warnings")


if __name__ == "__main__":
    main(sys.argv[1:])
