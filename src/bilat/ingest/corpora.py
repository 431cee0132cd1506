"""Corpora: many documents in one file — JSON Lines, CSV/TSV, or a JSON array of objects.

Each record becomes a document. Its fields are found by their usual names:

- text: ``text``, ``body``, ``content``, ``article``, ``full_text``, ``summary``, ``abstract``
  (first present wins); a list ``paragraphs``; or numbered columns ``<name>_1``, ``<name>_2``…
  of one of those (``article_full_text_1``…), joined;
- id: ``id``, ``doc_id``, ``url``, ``link`` (else ``<file>-<row number>``);
- date: ``date``, ``published``, ``pub_date``, ``datetime`` (publication date, ISO);
- title, url, lang: ``title`` or ``headline``; ``url`` or ``link``; ``lang`` or ``language``.

A bad record is reported with its line or row number and skipped; the rest goes on.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from bilat.errors import BadInput
from bilat.ingest.encoding import decode
from bilat.ingest.readers import ISO_DATE
from bilat.normalise.text import nfc
from bilat.records import Document

TEXT = ("text", "body", "content", "article", "full_text", "article_full_text", "summary", "abstract")
IDS = ("id", "doc_id", "url", "link")
DATES = ("date", "published", "pub_date", "datetime")
_NUMBERED = re.compile(r"^(.+?)_?(\d+)$")

Errors = Callable[[str, str], None]


def _first(row: dict[str, Any], names: Iterable[str]) -> Any:
    for n in names:
        v = row.get(n)
        if v not in (None, ""):
            return v
    return None


def _text(row: dict[str, Any]) -> str | None:
    """The record's text: a text field, a list of paragraphs, or numbered text columns joined."""
    value = _first(row, TEXT)
    if isinstance(value, str):
        return value
    paragraphs = row.get("paragraphs")
    if isinstance(paragraphs, list) and all(isinstance(p, str) for p in paragraphs):
        return "\n".join(p for p in paragraphs if p)
    numbered: dict[str, list[tuple[int, str]]] = {}
    for key, v in row.items():
        m = _NUMBERED.match(str(key))
        if m and m.group(1) in TEXT and isinstance(v, str) and v.strip():
            numbered.setdefault(m.group(1), []).append((int(m.group(2)), v))
    for name in TEXT:
        if name in numbered:
            return "\n".join(v for _, v in sorted(numbered[name]))
    return None


def with_title(text: str, title: Any) -> str:
    """The text with its headline first, when the text does not already begin with it: a headline is
    read like the first sentence ("Telephone conversation with …" often is the only place a release
    states its event), and its mention merges with the body's."""
    if not isinstance(title, str) or not title.strip():
        return text
    head = " ".join(title.split())
    if head.casefold() in " ".join(text[: len(head) + 200].split()).casefold():
        return text
    return f"{nfc(head)}\n\n{text}"


def record_document(row: Any, where: str, fallback_id: str, fmt: str) -> Document:
    """One corpus record as a document; ``BadInput`` says what is missing."""
    if not isinstance(row, dict):
        raise BadInput("a record must be an object")
    text = _text(row)
    if not isinstance(text, str) or not text.strip():
        raise BadInput("no text in the record (looked for: " + ", ".join(TEXT) + ", paragraphs)")
    ident = _first(row, IDS)
    if fmt == "jsonl" and ident is None:
        raise BadInput("a line needs an 'id'")
    date = _first(row, DATES)
    date = str(date)[:10] if date and ISO_DATE.match(str(date)) else None
    title = _first(row, ("title", "headline"))
    return Document(
        name=str(ident if ident is not None else fallback_id), text=with_title(nfc(text), title), source=where,
        format=fmt, date=date, url=_first(row, ("url", "link")), title=title,
        lang=_first(row, ("lang", "language")),
    )


def read_jsonl(lines: Iterator[bytes], source: str, errors: Errors) -> Iterator[Document]:
    """A JSON Lines corpus, read line by line (any size)."""
    stem = Path(source).stem
    for n, raw in enumerate(lines, 1):
        where = f"{source}:{n}"
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            errors(where, f"not JSON ({e.msg if hasattr(e, 'msg') else e})")
            continue
        try:
            yield record_document(row, where, f"{stem}-{n}", "jsonl")
        except BadInput as e:
            errors(where, str(e))


def read_csv(data: bytes, source: str, errors: Errors) -> Iterator[Document]:
    """A CSV (or TSV) corpus with a header row: one document a row."""
    text, _ = decode(data)
    dialect = "excel-tab" if source.lower().endswith(".tsv") else "excel"
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), dialect=dialect)
    if not reader.fieldnames or _text(dict.fromkeys(reader.fieldnames, "x")) is None:
        raise BadInput("no text column (looked for: " + ", ".join(TEXT) + ")")
    stem = Path(source).stem
    for n, row in enumerate(reader, 2):
        try:
            yield record_document(row, f"{source}:{n}", f"{stem}-{n - 1}", "csv")
        except BadInput as e:
            errors(f"{source}:{n}", str(e))


def read_json(data: bytes, source: str, errors: Errors) -> Iterator[Document]:
    """A JSON file: one object (one document) or an array of objects (a corpus)."""
    text, _ = decode(data)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise BadInput(f"not JSON ({e.msg} at line {e.lineno})") from e
    stem = Path(source).stem
    if isinstance(value, dict):
        yield record_document({"id": stem, **value}, source, stem, "json")
        return
    if not isinstance(value, list):
        raise BadInput("JSON must be an object or an array of objects")
    for n, row in enumerate(value, 1):
        try:
            yield record_document(row, f"{source}[{n}]", f"{stem}-{n}", "json")
        except BadInput as e:
            errors(f"{source}[{n}]", str(e))
