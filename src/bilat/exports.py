"""Exports: JSON Lines exactly as docs/records.md defines; CSV and Parquet as flat tables.

JSON Lines keeps nested fields (``location``, ``people``, ``evidence``,
``conflicts``). CSV and Parquet flatten them with one fixed set of columns per
table, so an empty export still has its header and schema.

A file is written whole or not at all: to a temporary file beside the target,
renamed over it at the end, so a killed export leaves the old file as it was (#8).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

FORMATS = ("jsonl", "csv", "parquet")

# column -> kind: "str", "float", "int", "list" (of strings), "json" (nested, as a JSON string)
COLUMNS: dict[str, dict[str, str]] = {
    "mentions": {
        "id": "str", "doc": "str", "lang": "str", "kind": "str", "plover": "str", "plover_mode": "str",
        "cameo": "str", "date": "str", "date_end": "str", "actors": "list", "source": "list", "target": "list",
        "location": "json", "people": "json", "evidence_sentence": "int", "evidence_start": "int",
        "evidence_end": "int", "evidence_text": "str", "confidence": "float",
    },
    "indicators": {
        "id": "str", "doc": "str", "lang": "str", "indicator": "str", "reporter": "str", "partner": "str",
        "period": "str", "value": "float", "unit": "str", "change_pct": "float", "evidence_sentence": "int",
        "evidence_start": "int", "evidence_end": "int", "evidence_text": "str",
    },
    "events": {
        "id": "str", "kind": "str", "plover": "str", "cameo": "str", "date": "str", "date_end": "str",
        "actors": "list", "source": "list", "target": "list", "location": "json", "people": "json",
        "mentions": "list", "languages": "list", "conflicts": "json", "confidence": "float",
    },
}


def flatten(table: str, record: dict[str, Any]) -> dict[str, Any]:
    """One record as a flat row with the table's fixed columns."""
    ev = record.get("evidence") or {}
    row: dict[str, Any] = {}
    for col, kind in COLUMNS[table].items():
        v = ev.get(col.removeprefix("evidence_")) if col.startswith("evidence_") else record.get(col)
        if kind == "list":
            v = [str(x) for x in v or []]
        elif kind == "json":
            v = None if v in (None, [], {}) else json.dumps(v, ensure_ascii=False)
        row[col] = v
    return row


def write(table: str, records: Iterable[dict[str, Any]], fmt: str, out: str | None) -> int:
    """Write ``records`` of ``table`` in ``fmt`` to the file ``out`` (stdout when None); return the count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "parquet":
        if not out:
            raise ValueError("parquet needs an output file (-o FILE)")
        with replacing(out) as tmp:
            return _parquet(table, records, tmp)
    if not out:
        return _jsonl(records, sys.stdout) if fmt == "jsonl" else _csv(table, records, sys.stdout)
    with replacing(out) as tmp, open(tmp, "w", encoding="utf-8", newline="") as f:
        return _jsonl(records, f) if fmt == "jsonl" else _csv(table, records, f)


@contextlib.contextmanager
def replacing(out: str) -> Iterator[str]:
    """A temporary path beside ``out``; renamed to ``out`` when the block ends well, removed when it fails."""
    target = Path(out)
    if not target.parent.is_dir():
        raise ValueError(f"{out}: cannot write there: the folder {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        yield tmp
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _jsonl(records: Iterable[dict[str, Any]], f: IO[str]) -> int:
    n = 0
    for r in records:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv(table: str, records: Iterable[dict[str, Any]], f: IO[str]) -> int:
    w = csv.DictWriter(f, fieldnames=list(COLUMNS[table]))
    w.writeheader()
    n = 0
    for r in records:
        row = flatten(table, r)
        w.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
        n += 1
    return n


def arrow_schema(table: str) -> Any:
    """The Arrow schema of a flat export table."""
    import pyarrow as pa

    types = {"str": pa.string(), "float": pa.float64(), "int": pa.int64(), "list": pa.list_(pa.string()),
             "json": pa.string()}
    return pa.schema([(c, types[k]) for c, k in COLUMNS[table].items()])


def to_arrow(table: str, records: Iterable[dict[str, Any]]) -> Any:
    """Records as a ``pyarrow.Table`` with the fixed flat schema."""
    import pyarrow as pa

    rows = [flatten(table, r) for r in records]
    return pa.Table.from_pylist(rows, schema=arrow_schema(table))


def _parquet(table: str, records: Iterable[dict[str, Any]], out: str) -> int:
    import pyarrow.parquet as pq

    # Row groups of 50,000 rows keep memory flat on large exports.
    schema = arrow_schema(table)
    n = 0
    with pq.ParquetWriter(out, schema) as w:
        chunk: list[dict[str, Any]] = []
        for r in records:
            chunk.append(r)
            if len(chunk) >= 50_000:
                w.write_table(to_arrow(table, chunk))
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            w.write_table(to_arrow(table, chunk))
            n += len(chunk)
    return n

