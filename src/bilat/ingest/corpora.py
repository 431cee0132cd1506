"""Corpora: many documents in one file — JSON Lines, CSV/TSV, or JSON (an array or an object of records);
Parquet, with the same fields, in ``bilat.ingest.parquet``.

Each record becomes a document (see ``bilat.ingest.fields`` for which fields make its text):

- text: the title or headline, then the body: ``text``, ``body``, ``content``, ``article``,
  ``full_text``; a list ``paragraphs``; or numbered columns ``<name>_1``, ``<name>_2``… of one of
  those (``article_full_text_1``…), joined. ``summary``/``abstract``/``lead`` only when there is no body;
- id: ``id``, ``doc_id``, ``url``, ``link`` (else ``<file>-<row number>``);
- date: ``date``, ``published``, ``pub_date``, ``datetime`` (publication date, ISO);
- title, url, lang: ``title`` or ``headline``; ``url`` or ``link``; ``lang`` or ``language``.

A bad record is reported with its line, row or record number and skipped; the rest goes on. No
record may be larger than ``max_bytes``: a JSON Lines file is read in bounded pieces, so one huge
line is refused without being held in memory.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from bilat.errors import BadInput
from bilat.ingest.encoding import decode
from bilat.ingest.fields import TEXT, Reading, has_text_column, record_document, record_text, with_title

Errors = Callable[[str, str], None]

_CHUNK = 1 << 20  # a line over the limit is skipped a megabyte at a time


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n} bytes"


def _loads(data: bytes | str) -> Any:
    """JSON, with nesting too deep for Python reported as bad input (#8: a RecursionError lost the batch)."""
    try:
        return json.loads(data)
    except RecursionError as e:
        raise BadInput("not JSON that bilat can read (nested too deeply)") from e
    except json.JSONDecodeError as e:
        raise BadInput(f"not JSON ({e.msg} at line {e.lineno} column {e.colno})") from e
    except UnicodeDecodeError as e:
        raise BadInput(f"not UTF-8 ({e.reason})") from e


def _lines(f: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """The file's lines, numbered from 1; a line longer than ``limit`` bytes comes as None, unread."""
    n = 0
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := f.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield n, None
            continue
        yield n, line


def read_jsonl(f: BinaryIO, source: str, errors: Errors, max_bytes: int) -> Iterator[Reading]:
    """A JSON Lines corpus, read line by line (any size; no line over ``max_bytes``)."""
    stem = Path(source).stem
    for n, raw in _lines(f, max_bytes):
        where = f"{source}:{n}"
        if raw is None:
            errors(where, f"line too large for one record (over {_mb(max_bytes)}, see --max-size)")
            continue
        if not raw.strip():
            continue
        try:
            yield record_document(_loads(raw), where, f"{stem}-{n}", "jsonl")
        except BadInput as e:
            errors(where, str(e))


def read_csv(data: bytes, source: str, errors: Errors, max_bytes: int) -> Iterator[Reading]:
    """A CSV (or TSV) corpus with a header row: one document a row."""
    text, _ = decode(data)
    dialect = "excel-tab" if source.lower().endswith(".tsv") else "excel"
    # A field may not outgrow a record; strict, so an unterminated quote is one bad row, not the rest
    # of the file swallowed into one field.
    csv.field_size_limit(max(1, min(max_bytes, 2**31 - 1)))
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), dialect=dialect, strict=True)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as e:
        raise BadInput(f"bad CSV header ({e})") from e
    if not fieldnames or not has_text_column(fieldnames):
        raise BadInput("no text column (looked for: " + ", ".join(TEXT) + ")")
    stem = Path(source).stem
    # Rows are numbered as records (the header is row 1), as they were before #8: a row's number is
    # part of its stored source, which keys its versions.
    for n in itertools.count(2):
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            errors(f"{source}:{n}", f"bad CSV row ({_csv_reason(e)})")
            continue
        row.pop(None, None)  # more cells than the header names: not a field bilat could use
        try:
            yield record_document(row, f"{source}:{n}", f"{stem}-{n - 1}", "csv")
        except BadInput as e:
            errors(f"{source}:{n}", str(e))


def _csv_reason(e: csv.Error) -> str:
    msg = str(e)
    if msg.startswith("new-line character"):
        return "a line break inside an unquoted field"
    if msg.startswith("field larger"):
        return "a field larger than the largest record, see --max-size; an unterminated quote?"
    if "unexpected end of data" in msg:
        return "a quote that is never closed"
    return msg


def read_json(data: bytes, source: str, errors: Errors, max_bytes: int) -> Iterator[Reading]:
    """A JSON file: one object (one document), an array of objects, or an object of records."""
    text, _ = decode(data)
    value = _loads(text)
    stem = Path(source).stem
    if isinstance(value, dict):
        records = _records_in(value)
        if records is None:
            yield record_document({"id": stem, **value}, source, stem, "json")
            return
        value = records
    if not isinstance(value, list):
        raise BadInput("JSON must be an object or an array of objects")
    for n, row in enumerate(value, 1):
        where = f"{source}[{n}]"
        try:
            if isinstance(row, tuple):  # (key, record) of an object of records: the key is its id
                key, row = row
                where = f"{source}[{key!r}]"
                if isinstance(row, dict):
                    row = {"id": key, **row}
            yield record_document(row, where, f"{stem}-{n}", "json")
        except BadInput as e:
            errors(where, str(e))


def _records_in(value: dict[str, Any]) -> list[Any] | None:
    """The records of a JSON object that is a corpus, or None when it is one document.

    A corpus object is ``{"articles": [{...}, ...]}`` (one list of objects and no text of its own) or
    ``{"id1": {...}, "id2": {...}}`` (every value an object).
    """
    if record_text(value) is not None:
        return None
    lists = [v for v in value.values() if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)]
    if len(lists) == 1:
        return lists[0]
    if value and all(isinstance(v, dict) for v in value.values()):
        return list(value.items())
    return None


__all__ = ["Reading", "read_csv", "read_json", "read_jsonl", "record_document", "with_title"]
