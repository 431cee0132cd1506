"""One corpus record to one document: which fields make its text, and which metadata can be trusted.

The text is the title (or headline) followed by the whole body (#8). The body is the first of these
that a record has:

- a text field (``text``, ``body``, ``content``, ``article``, ``full_text``, ``article_full_text``);
- a list of paragraphs (``paragraphs``, or a text field holding a list of strings);
- numbered columns of a text field (``article_full_text_1`` … ``_10``), joined in numeric order.

A summary, lead or abstract (``summary``, ``abstract``, ``lead``, ``description``) is the text only
when the record has no body; otherwise it is reported as unused, like every other text field left out.
Field names are matched without regard to case (``Title``, ``Body``).

Bad metadata never costs the text: an impossible date, or a ``lang``, ``url`` or ``title`` that is
not a string, is dropped with a warning and the document kept. Lone surrogates (``"\\ud800"`` in
JSON) are replaced by U+FFFD, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bilat.errors import BadInput
from bilat.ingest.readers import ISO_DATE
from bilat.normalise.text import nfc
from bilat.records import Document

BODY = ("text", "body", "content", "article", "full_text", "article_full_text")
LEAD = ("summary", "abstract", "lead", "description")
TEXT = BODY + LEAD  # every name a record's text may come from
PARAGRAPHS = ("paragraphs",)
TITLES = ("title", "headline")
IDS = ("id", "doc_id", "url", "link")
DATES = ("date", "published", "pub_date", "datetime")
URLS = ("url", "link")
LANGS = ("lang", "language")
_NUMBERED = re.compile(r"^(.+?)_?(\d+)$")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Reading:
    """A record read: its document, the fields its text came from, text fields left out, and warnings."""

    document: Document
    fields: tuple[str, ...]
    unused: tuple[str, ...]
    warnings: tuple[str, ...]


class _Record:
    """A record's fields by case-folded name, remembering the names as written and the warnings."""

    def __init__(self, row: dict[Any, Any]) -> None:
        self.keys = {str(k).strip().lstrip("\ufeff").casefold(): k for k in row}
        self.warnings: list[str] = []
        self.surrogates = 0
        self.row = {k: self._clean(v) for k, v in row.items()}

    def get(self, name: str) -> Any:
        key = self.keys.get(name)
        return None if key is None else self.row[key]

    def name(self, folded: str) -> str:
        return str(self.keys[folded])

    def first(self, names: Iterable[str]) -> tuple[str, Any] | None:
        for n in names:
            v = self.get(n)
            if v not in (None, "", []):
                return n, v
        return None

    def _clean(self, value: Any) -> Any:
        # json.loads turns the escape "\ud800" into a lone surrogate, which no encoder (hash, DuckDB) accepts.
        if isinstance(value, str) and _SURROGATE.search(value):
            self.surrogates += len(_SURROGATE.findall(value))
            return _SURROGATE.sub("\ufffd", value)
        if isinstance(value, list):
            return [self._clean(v) for v in value]
        return value


def _strings(value: Any) -> list[str] | None:
    """A list of paragraphs (strings; empty ones left out), or None when ``value`` is not one."""
    if isinstance(value, list) and value and all(isinstance(p, str) for p in value):
        return [p for p in value if p.strip()]
    return None


def _body(rec: _Record, names: tuple[str, ...]) -> tuple[str, list[str]] | None:
    """The text made of the first of ``names`` present: a string, a list of strings, or numbered columns."""
    for n in names:
        v = rec.get(n)
        if isinstance(v, str) and v.strip():
            return v, [rec.name(n)]
        if (paras := _strings(v)) is not None and paras:
            return "\n".join(paras), [rec.name(n)]
    numbered: dict[str, list[tuple[int, str, str]]] = {}
    for folded in rec.keys:
        m = _NUMBERED.match(folded)
        if m and m.group(1) in names:
            v = rec.get(folded)
            if isinstance(v, str) and v.strip():
                numbered.setdefault(m.group(1), []).append((int(m.group(2)), v, rec.name(folded)))
    for n in names:
        if n in numbered:
            parts = sorted(numbered[n])
            return "\n".join(v for _, v, _ in parts), [k for _, _, k in parts]
    return None


def record_text(row: dict[Any, Any]) -> tuple[str, list[str]] | None:
    """The record's body text (or its summary when it has no body) and the fields it came from."""
    rec = _Record(row)
    return _body(rec, BODY + PARAGRAPHS) or _body(rec, LEAD)


def has_text_column(names: Iterable[str]) -> bool:
    """True when a header names a column the text can come from."""
    return record_text(dict.fromkeys(names, "x")) is not None


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


def _meta_string(rec: _Record, names: tuple[str, ...], what: str) -> tuple[str | None, str | None]:
    """A metadata string and the field it came from; a value of another type is dropped with a warning."""
    found = rec.first(names)
    if found is None:
        return None, None
    name, value = found
    if isinstance(value, str):
        return value.strip() or None, rec.name(name)
    rec.warnings.append(f"'{rec.name(name)}' is not a string ({type(value).__name__}): {what} dropped, text kept")
    return None, None


def _date(rec: _Record) -> str | None:
    found = rec.first(DATES)
    if found is None:
        return None
    name, value = found
    text = str(value).strip()
    if ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            pass
    shown = text if len(text) <= 40 else text[:40] + "…"
    rec.warnings.append(f"'{rec.name(name)}' {shown!r} is not a date (YYYY-MM-DD): date dropped, text kept")
    return None


def record_document(row: Any, where: str, fallback_id: str, fmt: str) -> Reading:
    """One corpus record as a document with what was read; ``BadInput`` says what is missing."""
    if not isinstance(row, dict):
        raise BadInput("a record must be an object")
    rec = _Record(row)
    found = _body(rec, BODY + PARAGRAPHS) or _body(rec, LEAD)
    if found is None:
        raise BadInput("no text in the record (looked for: " + ", ".join(TEXT + PARAGRAPHS) + ")")
    text, fields = found
    ident = rec.first(IDS)
    if fmt == "jsonl" and ident is None:
        raise BadInput("a line needs an 'id'")
    if ident is not None and not isinstance(ident[1], str | int):
        raise BadInput(f"'{rec.name(ident[0])}' must be a string or a number, not {type(ident[1]).__name__}")
    title, title_field = _meta_string(rec, TITLES, "title")
    url, url_field = _meta_string(rec, URLS, "url")
    lang, lang_field = _meta_string(rec, LANGS, "language")
    date = _date(rec)
    if title_field:
        fields = [title_field, *fields]
    if rec.surrogates:
        rec.warnings.append(f"{rec.surrogates} lone surrogate(s) replaced by U+FFFD")
    used = {*fields, title_field, url_field, lang_field}
    meta = {*(n for n in IDS + DATES + URLS + LANGS + TITLES)}
    unused = tuple(rec.name(k) for k in rec.keys if rec.name(k) not in used and k not in meta
                   and _is_text(rec.get(k)))
    doc = Document(
        name=str(ident[1] if ident is not None else fallback_id), text=with_title(nfc(text), title), source=where,
        format=fmt, date=date, url=url, title=title, lang=lang,
    )
    return Reading(doc, tuple(fields), unused, tuple(rec.warnings))


def _is_text(value: Any) -> bool:
    """True for a field that holds text a reader could have taken (a non-empty string or list of strings)."""
    return (isinstance(value, str) and bool(value.strip())) or bool(_strings(value))
