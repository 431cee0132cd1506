"""Exports: JSON Lines exactly as docs/records.md defines; CSV and Parquet as flat tables;
PLOVER JSON Lines (bilat.plover).

JSON Lines keeps nested fields (``location``, ``people``, ``evidence``,
``conflicts``). CSV and Parquet flatten them with one fixed set of columns per
table, so an empty export still has its header and schema. The flat tables add
what a spreadsheet needs (#9): the document's URL (for an event, its first
mention's, with that mention's sentence), and ``date_start`` / ``date_end``, the
first and last day the date covers. In CSV ``people`` is a readable
``name (role, state); …`` list; ``excel`` writes UTF-8 with a byte-order mark.

A file is written whole or not at all: to a temporary file beside the target,
renamed over it at the end, so a killed export leaves the old file as it was (#8).
"""

from __future__ import annotations

import calendar
import contextlib
import csv
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from bilat.citations import Citations

FORMATS = ("jsonl", "csv", "parquet", "plover")

# column -> kind: "str", "float", "int", "list" (of strings), "json" (nested, as a JSON string)
COLUMNS: dict[str, dict[str, str]] = {
    "mentions": {
        "id": "str", "doc": "str", "url": "str", "lang": "str", "kind": "str", "plover": "str",
        "plover_mode": "str", "cameo": "str", "date": "str", "date_start": "str", "date_end": "str",
        "actors": "list", "source": "list", "target": "list", "location": "json", "people": "people",
        "evidence_sentence": "int", "evidence_start": "int", "evidence_end": "int", "evidence_text": "str",
        "confidence": "float",
    },
    "indicators": {
        "id": "str", "doc": "str", "url": "str", "lang": "str", "indicator": "str", "reporter": "str", "partner": "str",
        "period": "str", "value": "float", "unit": "str", "change_pct": "float", "evidence_sentence": "int",
        "evidence_start": "int", "evidence_end": "int", "evidence_text": "str",
    },
    "events": {
        "id": "str", "kind": "str", "plover": "str", "cameo": "str", "date": "str", "date_start": "str",
        "date_end": "str", "actors": "list", "source": "list", "target": "list", "location": "json",
        "people": "people", "mentions": "list", "languages": "list", "conflicts": "json", "confidence": "float",
        "doc": "str", "url": "str", "evidence_text": "str",
    },
}

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def day_range(date: str | None, date_end: str | None = None) -> tuple[str | None, str | None]:
    """The first and last day a date (or a range) covers: ``2019`` → 2019-01-01, 2019-12-31;
    ``2019-05`` → 2019-05-01, 2019-05-31; (None, None) for no date or one without a year (``--02-04``)."""
    first = _bound(date, last=False)
    if first is None:
        return None, None
    return first, _bound(date_end, last=True) or _bound(date, last=True)


def _bound(date: str | None, last: bool) -> str | None:
    m = _ISO.fullmatch(date or "")
    if m is None:
        return None
    y, mo, d = int(m[1]), int(m[2] or (12 if last else 1)), m[3]
    if not 1 <= mo <= 12:
        return None
    day = int(d) if d else (calendar.monthrange(y, mo)[1] if last else 1)
    return f"{y:04d}-{mo:02d}-{day:02d}"


def people_text(people: Iterable[Any] | None) -> str:
    """People as a readable list: ``name (role, state); …``."""
    out = []
    for p in people or ():
        if not isinstance(p, dict):
            out.append(str(p))
            continue
        about = ", ".join(x for x in (p.get("role"), p.get("country")) if x)
        out.append(f"{p.get('name') or p.get('latin') or '?'}" + (f" ({about})" if about else ""))
    return "; ".join(out)


def flatten(table: str, record: dict[str, Any], citations: Citations | None = None,
            readable: bool = False) -> dict[str, Any]:
    """One record as a flat row with the table's fixed columns; ``readable`` writes people as text."""
    # a mention's or an indicator's sentence; an event (also one a page lists with its sentences) has none
    ev = record.get("evidence") if isinstance(record.get("evidence"), dict) else {}
    cite = (citations or Citations()).first(record)
    start, end = day_range(record.get("date"), record.get("date_end"))
    derived: dict[str, Any] = {"date_start": start, "date_end": end, "url": cite.url if cite else None}
    if not ev:  # an event: its first mention's document and sentence
        derived.update(doc=cite.doc if cite else None, evidence_text=cite.text if cite else None)
    row: dict[str, Any] = {}
    for col, kind in COLUMNS[table].items():
        if col in derived:
            v = derived[col]
        else:
            v = ev.get(col.removeprefix("evidence_")) if col.startswith("evidence_") else record.get(col)
        if kind == "list":
            v = [str(x) for x in v or []]
        elif kind == "people" and readable:
            v = people_text(v) or None
        elif kind in ("json", "people"):
            v = None if v in (None, [], {}) else json.dumps(v, ensure_ascii=False)
        row[col] = v
    return row


def write(table: str, records: Iterable[dict[str, Any]], fmt: str, out: str | None,
          citations: Citations | None = None, excel: bool = False,
          on_skip: Callable[[dict[str, Any]], None] | None = None) -> int:
    """Write ``records`` of ``table`` in ``fmt`` to the file ``out`` (stdout when None); return the count.

    ``citations`` gives the URL and evidence columns and PLOVER's ``cite_info``; ``excel`` (CSV only)
    starts the file with a UTF-8 byte-order mark; ``on_skip`` hears of each record PLOVER leaves out."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if excel and fmt != "csv":
        raise ValueError("--excel is for CSV (add --format csv)")
    if fmt == "plover" and table not in ("mentions", "events"):
        raise ValueError(f"PLOVER records events, not {table} (export mentions or events)")
    if fmt == "parquet":
        if not out:
            raise ValueError("parquet needs an output file (-o FILE)")
        with replacing(out) as tmp:
            return _parquet(table, records, tmp, citations)

    def body(f: IO[str]) -> int:
        if fmt == "jsonl":
            return _jsonl(records, f)
        cited = citations.stream(records) if citations is not None else records  # a piece's sources, then it
        if fmt == "plover":
            from bilat import plover

            return plover.write(table, cited, f, citations, on_skip)
        if excel:
            f.write("\ufeff")
        return _csv(table, cited, f, citations)

    if not out:
        return body(sys.stdout)
    with replacing(out) as tmp, open(tmp, "w", encoding="utf-8", newline="") as f:
        return body(f)


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


def _csv(table: str, records: Iterable[dict[str, Any]], f: IO[str], citations: Citations | None = None) -> int:
    w = csv.DictWriter(f, fieldnames=list(COLUMNS[table]))
    w.writeheader()
    n = 0
    for r in records:
        row = flatten(table, r, citations, readable=True)
        w.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
        n += 1
    return n


def arrow_schema(table: str) -> Any:
    """The Arrow schema of a flat export table."""
    import pyarrow as pa

    types = {"str": pa.string(), "float": pa.float64(), "int": pa.int64(), "list": pa.list_(pa.string()),
             "json": pa.string(), "people": pa.string()}
    return pa.schema([(c, types[k]) for c, k in COLUMNS[table].items()])


def to_arrow(table: str, records: Iterable[dict[str, Any]], citations: Citations | None = None) -> Any:
    """Records as a ``pyarrow.Table`` with the fixed flat schema."""
    import pyarrow as pa

    cited = citations.stream(records) if citations is not None else records
    rows = [flatten(table, r, citations) for r in cited]
    return pa.Table.from_pylist(rows, schema=arrow_schema(table))


def _parquet(table: str, records: Iterable[dict[str, Any]], out: str, citations: Citations | None = None) -> int:
    import pyarrow.parquet as pq

    # Row groups of 50,000 rows keep memory flat on large exports.
    schema = arrow_schema(table)
    n = 0
    with pq.ParquetWriter(out, schema) as w:
        chunk: list[dict[str, Any]] = []
        for r in records:
            chunk.append(r)
            if len(chunk) >= 50_000:
                w.write_table(to_arrow(table, chunk, citations))
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            w.write_table(to_arrow(table, chunk, citations))
            n += len(chunk)
    return n

