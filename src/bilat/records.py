"""Immutable records that flow through the pipeline.

Document -> Sentence -> Mention / Indicator -> Event. Every offset is a
character offset into ``Document.text``, the text exactly as bilat stores it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any


def content_hash(text: str) -> str:
    """The key of a stored text: the first 16 hex digits of its SHA-256."""
    # surrogatepass: a lone surrogate must not make hashing raise (#8); readers replace them before
    # storing, and every other text encodes exactly as with plain UTF-8.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Span:
    """A flagged stretch of a document's text (boilerplate, marker, ...)."""

    start: int
    end: int
    kind: str  # "navigation", "interlanguage", "footnote"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text between blank lines or line breaks, with its own language."""

    start: int
    end: int
    lang: str | None
    boilerplate: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """One input document, as stored. ``name`` is the file name without folder and extension."""

    name: str
    text: str
    source: str = ""
    format: str = "txt"
    lang: str | None = None
    date: str | None = None  # publication date, ISO 8601
    title: str | None = None
    url: str | None = None
    encoding: str | None = None

    @property
    def id(self) -> str:
        """Content hash: the same text is the same document."""
        return content_hash(self.text)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document: ``text == document.text[start:end]``."""

    doc: str  # document id (content hash)
    index: int
    start: int
    end: int
    text: str
    lang: str | None
    boilerplate: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact is stated: the sentence and its offsets into the stored text."""

    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Person:
    """A person acting in an event, with a Latin transliteration of the name."""

    name: str
    latin: str | None = None
    role: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event took place."""

    name: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One event as one document states it (SCHEMA.md, "Event mention")."""

    id: str
    doc: str  # document name
    lang: str | None
    kind: str
    plover: str | None
    plover_mode: str | None
    cameo: str | None
    date: str | None
    evidence: Evidence
    date_end: str | None = None
    actors: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    location: Location | None = None
    people: tuple[Person, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Indicator:
    """An economic figure about a pair of states (SCHEMA.md, "Indicator")."""

    id: str
    doc: str
    lang: str | None
    indicator: str
    reporter: str | None
    partner: str | None
    period: str | None
    value: float
    unit: str
    evidence: Evidence
    change_pct: float | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field the fused mentions disagree on."""

    field: str
    values: tuple[Any, ...]
    mentions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event after fusing mentions (SCHEMA.md, "Event")."""

    id: str
    kind: str
    plover: str | None
    cameo: str | None
    date: str | None
    mentions: tuple[str, ...]
    languages: tuple[str, ...] = ()
    date_end: str | None = None
    actors: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    location: Location | None = None
    people: tuple[Person, ...] = ()
    conflicts: tuple[Conflict, ...] = field(default=())
    confidence: float = 0.5


def to_dict(record: Any) -> dict[str, Any]:
    """A record as a JSON-ready dict (tuples become lists), as ``dataclasses.asdict`` gives it but
    without its deep copies (the fields are immutable), which made it the costliest step of writing events."""
    return _plain(record)


def _plain(v: Any) -> Any:
    names = _FIELDS.get(type(v))
    if names is None and is_dataclass(v) and not isinstance(v, type):
        names = _FIELDS[type(v)] = tuple(f.name for f in fields(v))
    if names is not None:
        return {name: _plain(getattr(v, name)) for name in names}
    if isinstance(v, tuple | list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


_FIELDS: dict[type, tuple[str, ...]] = {}


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A sentence (or a document's title) that holds every word of a search."""

    kind: str  # "sentence" | "document"
    doc: str  # document id (content hash)
    name: str  # document name
    sentence: int | None  # sentence index; None for a title
    text: str  # the sentence (or title) as stored
    score: float
    lang: str | None = None
