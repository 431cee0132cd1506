"""Where a record comes from: the sentence that states it, and its document's name, URL, title and
date (#9). The exports and the dossier ask this one lookup. Built from dictionaries (the dossier,
which has read its pair's records already), or from a ``fetch`` of the store: then ``stream`` reads
the sources of a bounded piece of records at a time, through indexed queries, so an export's memory
and cost follow the records exported, not the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
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


# What a store-backed ``Citations`` asks: the documents of these names and the mentions of these ids
# (and their documents).
Fetch = Callable[[set[str], set[str]], tuple[Mapping[str, DocumentInfo], Mapping[str, dict[str, Any]]]]


class Citations:
    """The sources of mentions, indicators and events.

    ``documents`` maps a document name to its ``DocumentInfo``; ``mentions`` maps a mention id to its
    docs/records.md dict, for the events whose sources are asked (others are simply not found)."""

    def __init__(self, documents: Mapping[str, DocumentInfo] | None = None,
                 mentions: Mapping[str, dict[str, Any]] | None = None, fetch: Fetch | None = None) -> None:
        self.documents = documents or {}
        self.mentions = mentions or {}
        self.fetch = fetch

    def stream(self, records: Iterable[Mapping[str, Any]], size: int = 2_000) -> Iterator[Any]:
        """``records`` again, with the sources of each piece of ``size`` fetched before it is handed on
        (with no ``fetch``, ``records`` unchanged)."""
        if self.fetch is None:
            yield from records
            return
        it = iter(records)
        while piece := list(islice(it, size)):
            wanted = {m for r in piece if not isinstance(r.get("evidence"), Mapping) for m in r.get("mentions") or ()}
            self.documents, self.mentions = self.fetch({r["doc"] for r in piece if r.get("doc")}, wanted)
            yield from piece

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
