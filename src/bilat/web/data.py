"""What the web pages show, read from the knowledge base (#9).

The pages call only this adapter, and it calls only the knowledge base's filtered, indexed queries
(``kb.events(pair=...)``, ``kb.count``, ``kb.search`` ...): a page reads what it shows, not the database.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from bilat.kb import KnowledgeBase
from bilat.records import Document, Event, Indicator, Mention, Sentence, to_dict

FILTERS = ("kind", "actor", "pair", "since", "until", "lang", "doc", "q", "min_confidence")


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: a sentence or a document."""

    kind: str  # "sentence", "document"
    doc: str | None
    name: str
    sentence: int | None
    text: str
    score: float


def _filters(f: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in f.items() if k in FILTERS and v not in (None, "")}


class Data:
    """The knowledge base as the pages need it: filtered, paged, typed records."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    # -- lists --------------------------------------------------------------------

    def events(self, limit: int | None = None, offset: int = 0, **filters: Any) -> list[Event]:
        """Fused events matching the filters, newest first."""
        return self.kb.events(**_filters(filters), limit=limit, offset=offset)

    def mentions(self, limit: int | None = None, offset: int = 0, **filters: Any) -> list[Mention]:
        """Mentions matching the filters, in the order the library gives them."""
        return self.kb.mentions(**_filters(filters), limit=limit, offset=offset)

    def indicators(self, limit: int | None = None, offset: int = 0, indicator: str | None = None,
                   **filters: Any) -> list[Indicator]:
        """Economic figures matching the filters."""
        f = {k: v for k, v in _filters(filters).items() if k not in ("kind", "q", "min_confidence")}
        return self.kb.indicators(indicator=indicator, **f, limit=limit, offset=offset)

    def count(self, what: str, **filters: Any) -> int:
        """How many records of ``what`` match the filters."""
        if what == "indicators":
            return self.kb.count(what, **{k: v for k, v in filters.items() if v is not None})
        return self.kb.count(what, **_filters(filters))

    # -- single records -------------------------------------------------------------

    def event(self, event_id: str) -> Event | None:
        """One event by id."""
        return self.kb.event(event_id)

    def event_mentions(self, event: Event) -> list[Mention]:
        """The mentions fused into ``event``."""
        return self.kb.event_mentions(event.id)

    def document(self, key: str) -> Document | None:
        """A stored document by id (content hash) or by name."""
        return self.kb.document_by_id(key) or self.kb.document(key)

    def sentences(self, doc: Document) -> list[Sentence]:
        """A document's sentences, boilerplate included."""
        # The store's own read (no name lookup): kb.sentences(name) finds the document by name first.
        rows = self.kb.store.sentences(doc.id)
        return [Sentence(doc.id, i, s, e, doc.text[s:e], lang, bp) for i, s, e, lang, bp in rows]

    def paragraphs(self, doc: Document) -> list[Any]:
        """A document's paragraphs with their languages and boilerplate flags."""
        return self.kb.store.paragraphs(doc.id)  # no KnowledgeBase method yet: the store's own read

    def context(self, m: Mention, around: int = 1) -> dict[str, Any]:
        """The sentence of a mention with the sentences before and after it, and its document."""
        doc = self.kb.document(m.doc)
        if doc is None:
            return {"document": None, "before": [], "sentence": m.evidence.text, "after": []}
        sents = [s for s in self.sentences(doc) if not s.boilerplate or s.index == m.evidence.sentence]
        at = next((i for i, s in enumerate(sents) if s.index == m.evidence.sentence), None)
        if at is None:
            return {"document": doc, "before": [], "sentence": m.evidence.text, "after": []}
        return {"document": doc, "before": [s.text for s in sents[max(0, at - around) : at]],
                "sentence": sents[at].text, "after": [s.text for s in sents[at + 1 : at + 1 + around]]}

    # -- overviews --------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """The knowledge base's counts."""
        return self.kb.summary()

    def pairs(self, limit: int = 20) -> list[dict[str, Any]]:
        """The pairs with the most events, each with its events per year (read pair by pair)."""
        out = []
        for a, b, n in self.kb.pairs(limit=limit):
            years = Counter((e.date or "?")[:4] for e in self.kb.events(pair=(a, b)))
            out.append({"a": a, "b": b, "events": n,
                        "years": dict(sorted((y, k) for y, k in years.items() if y.isdigit()))})
        return out

    def partners(self, code: str) -> list[dict[str, Any]]:
        """A state's partners with counts by kind and year."""
        return [{**p, "partner": p["code"]} for p in self.kb.partners(code)]

    def people(self) -> list[dict[str, Any]]:
        """Canonical people with their spellings."""
        return [to_dict(p) for p in self.kb.people()]

    def search(self, q: str, limit: int = 20, offset: int = 0, lang: str | None = None) -> list[Hit]:
        """Sentences and documents that contain the words of ``q``."""
        return [Hit(h.kind, h.doc, h.name, h.sentence, h.text, h.score)
                for h in self.kb.search(q, limit=limit, offset=offset, lang=lang)]
