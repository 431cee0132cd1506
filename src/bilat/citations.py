"""Where a record comes from: the sentence that states it, and its document's name, URL, title and
date (#9). The exports and the dossier ask this one lookup, so that the read side can later answer
it with an indexed query instead of the dictionaries it is built from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What a citation needs of a stored document."""

    url: str | None = None
    title: str | None = None
    date: str | None = None  # publication date


@dataclass(frozen=True, slots=True)
class Citation:
    """One source of a record: its evidence sentence and the document it is in."""

    doc: str
    lang: str | None
    sentence: int | None
    start: int | None
    end: int | None
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None


class Citations:
    """The sources of mentions, indicators and events.

    ``documents`` maps a document name to its ``DocumentInfo``; ``mentions`` maps a mention id to its
    docs/records.md dict, for the events whose sources are asked (others are simply not found)."""

    def __init__(self, documents: Mapping[str, DocumentInfo] | None = None,
                 mentions: Mapping[str, dict[str, Any]] | None = None) -> None:
        self.documents = documents or {}
        self.mentions = mentions or {}

    def of(self, record: Mapping[str, Any]) -> list[Citation]:
        """A mention's or an indicator's own source, or an event's: one per fused mention, in order."""
        if isinstance(record.get("evidence"), Mapping):
            return [self._cite(record)]
        found = (self.mentions.get(m) for m in record.get("mentions") or ())
        return [self._cite(m) for m in found if m is not None]

    def first(self, record: Mapping[str, Any]) -> Citation | None:
        """The first source of a record, or None when none is known."""
        sources = self.of(record)
        return sources[0] if sources else None

    def _cite(self, r: Mapping[str, Any]) -> Citation:
        ev = r.get("evidence") or {}
        info = self.documents.get(r.get("doc") or "") or DocumentInfo()
        return Citation(doc=r.get("doc") or "", lang=r.get("lang"), sentence=ev.get("sentence"),
                        start=ev.get("start"), end=ev.get("end"), text=ev.get("text") or "",
                        url=info.url, title=info.title, published=info.date)
