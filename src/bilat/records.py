"""Immutable records that flow through the pipeline.

Document -> Sentence -> Mention / Indicator -> Event. Every offset is a
character offset into ``Document.text``, the text exactly as bilat stores it.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
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
    """A record as a JSON-ready dict (tuples become lists): ``dataclasses.asdict`` without its deep
    copies, which the immutable values of a record do not need."""
    return _plain(record)


def to_json(record: Any) -> str:
    """A record as the JSON text bilat stores: ``json.dumps(to_dict(record))``, with the encoder
    walking the record itself (measured: about three times faster, the same text)."""
    return json.dumps(record, ensure_ascii=False, default=_fields)


def _fields(v: Any) -> Any:
    """What the JSON encoder writes for a record: its fields, in order (the encoder asks only for
    what it cannot write itself; anything else but a record it could not write from ``to_dict`` either)."""
    if is_dataclass(v) and not isinstance(v, type):
        return {k: getattr(v, k) for k in _field_names(type(v))}
    raise TypeError(f"Object of type {type(v).__name__} is not JSON serializable")


def _plain(v: Any) -> Any:
    if v is None or isinstance(v, str | int | float):
        return v
    if isinstance(v, tuple | list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if is_dataclass(v) and not isinstance(v, type):
        return {k: _plain(getattr(v, k)) for k in _field_names(type(v))}
    return copy.deepcopy(v)  # as asdict gives any other value


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


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


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A role a person held for a state, as the mentions date it: first and last dated mention."""

    role: str | None
    country: str | None
    first: str | None
    last: str | None
    mentions: int


@dataclass(frozen=True, slots=True)
class CanonicalPerson:
    """A person as all sources together know them: every spelling in every script, roles over time."""

    latin: str
    names: tuple[str, ...]
    roles: tuple[RoleSpan, ...]
    languages: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """A state or organisation taking part in events: how many, and its names in the sources' languages."""

    code: str
    events: int
    names: dict[str, str]
