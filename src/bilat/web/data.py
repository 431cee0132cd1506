"""What the web pages show, read from the knowledge base (#9).

The pages call only this adapter. It calls the filtered queries of ``KnowledgeBase`` (``kb.events(pair=...)``,
``kb.count``, ``kb.search`` ...) where the knowledge base has them; where it does not yet, a FALLBACK below reads
``kb.records(...)`` and filters in Python, so that the web layer runs before the library's queries land. Each
fallback is marked so; remove it once the library method exists.
"""

from __future__ import annotations

import inspect
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from bilat.kb import KnowledgeBase
from bilat.records import Document, Event, Indicator, Mention, Sentence
from bilat.records_io import event_from_dict, indicator_from_dict, mention_from_dict

FILTERS = ("kind", "actor", "pair", "since", "until", "lang", "doc", "q", "min_confidence")


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: a sentence, an event or a document."""

    kind: str  # "sentence", "event", "document"
    doc: str | None
    name: str
    sentence: int | None
    text: str
    score: float


def _native(kb: KnowledgeBase, method: str, param: str | None = None) -> bool:
    """Whether the knowledge base has ``method`` (taking ``param``): the library's query, not the fallback."""
    fn = getattr(kb, method, None)
    if fn is None:
        return False
    if param is None:
        return True
    try:
        return param in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def _filters(f: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in f.items() if k in FILTERS and v not in (None, "")}


def _date_ok(date: str | None, since: str | None, until: str | None) -> bool:
    if since and (date is None or date < since):
        return False
    # "until 2020" takes in all of 2020: compare on the prefix the bound gives.
    return not (until and (date is None or date[: len(until)] > until))


def _match(r: dict[str, Any], f: dict[str, Any], what: str) -> bool:
    """FALLBACK: one docs/records.md dict against the filters, in Python."""
    actors = set(r.get("actors") or ()) if what != "indicators" else {r.get("reporter"), r.get("partner")}
    date = r.get("date") if what != "indicators" else r.get("period")
    if (k := f.get("kind")) and r.get("kind", r.get("indicator")) != k:
        return False
    if (k := f.get("indicator")) and r.get("indicator") != k:
        return False
    if (a := f.get("actor")) and a.upper() not in actors:
        return False
    if (p := f.get("pair")) and not {p[0].upper(), p[1].upper()} <= actors:
        return False
    if not _date_ok(date, f.get("since"), f.get("until")):
        return False
    if (lang := f.get("lang")) and lang != r.get("lang") and lang not in (r.get("languages") or ()):
        return False
    if (d := f.get("doc")) and r.get("doc") != d:
        return False
    if (c := f.get("min_confidence")) is not None and r.get("confidence", 1.0) < c:
        return False
    if q := f.get("q"):
        text = (r.get("evidence") or {}).get("text") or ""
        if q.casefold() not in text.casefold():
            return False
    return True


class Data:
    """The knowledge base as the pages need it: filtered, paged, typed records."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    # -- lists --------------------------------------------------------------------

    def _fallback(self, what: str, f: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """FALLBACK: every stored record of ``what``, filtered in Python (mentions of events for ``lang``/``q``)."""
        rows: Iterable[dict[str, Any]] = self.kb.records(what)
        if what == "events" and (f.get("q") or f.get("doc")):
            wanted = {m.id for m in self.mentions(**{k: f[k] for k in ("q", "doc") if k in f})}
            rows = (r for r in rows if wanted & set(r.get("mentions") or ()))
            f = {k: v for k, v in f.items() if k not in ("q", "doc")}
        return (r for r in rows if _match(r, f, what))

    def events(self, limit: int | None = None, offset: int = 0, **filters: Any) -> list[Event]:
        """Fused events matching the filters, newest first."""
        f = _filters(filters)
        if _native(self.kb, "events", "pair"):
            return self.kb.events(**f, limit=limit, offset=offset)
        rows = sorted(self._fallback("events", f), key=lambda r: (r.get("date") or "", r["id"]), reverse=True)
        return [event_from_dict(r) for r in _page(rows, limit, offset)]

    def mentions(self, limit: int | None = None, offset: int = 0, **filters: Any) -> list[Mention]:
        """Mentions matching the filters, in the order the library gives them."""
        f = _filters(filters)
        if _native(self.kb, "mentions", "pair"):
            return self.kb.mentions(**f, limit=limit, offset=offset)
        return [mention_from_dict(r) for r in _page(list(self._fallback("mentions", f)), limit, offset)]

    def indicators(self, limit: int | None = None, offset: int = 0, indicator: str | None = None,
                   **filters: Any) -> list[Indicator]:
        """Economic figures matching the filters."""
        f = {k: v for k, v in _filters(filters).items() if k not in ("kind", "q", "min_confidence")}
        if _native(self.kb, "indicators", "pair"):
            return self.kb.indicators(indicator=indicator, **f, limit=limit, offset=offset)
        f["indicator"] = indicator
        return [indicator_from_dict(r) for r in _page(list(self._fallback("indicators", f)), limit, offset)]

    def count(self, what: str, **filters: Any) -> int:
        """How many records of ``what`` match the filters."""
        if what == "indicators":
            filters = {k: v for k, v in filters.items() if v is not None}
            if _native(self.kb, "count"):
                return self.kb.count(what, **filters)
            return len(self.indicators(**filters))
        f = _filters(filters)
        if _native(self.kb, "count"):
            return self.kb.count(what, **f)
        return sum(1 for _ in self._fallback(what, f))  # FALLBACK

    # -- single records -------------------------------------------------------------

    def event(self, event_id: str) -> Event | None:
        """One event by id."""
        if _native(self.kb, "event"):
            return self.kb.event(event_id)
        return next((event_from_dict(r) for r in self.kb.records("events") if r["id"] == event_id), None)

    def event_mentions(self, event: Event) -> list[Mention]:
        """The mentions fused into ``event``."""
        if _native(self.kb, "event_mentions"):
            return self.kb.event_mentions(event.id)
        wanted = set(event.mentions)  # FALLBACK
        return [mention_from_dict(r) for r in self.kb.records("mentions") if r["id"] in wanted]

    def document(self, key: str) -> Document | None:
        """A stored document by id (content hash) or by name."""
        if _native(self.kb, "document_by_id") and (doc := self.kb.document_by_id(key)) is not None:
            return doc
        return next((d for d in self.kb.documents() if d.id == key), None) or self.kb.document(key)

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
        """The pairs with the most events, each with its events per year."""
        years: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for e in self.kb.records("events"):  # one pass, also for the sparklines
            acts = sorted(set(e.get("actors") or ()))
            for i, a in enumerate(acts):
                for b in acts[i + 1 :]:
                    years[a, b][(e.get("date") or "?")[:4]] += 1
        if _native(self.kb, "pairs"):
            top = [(a, b) for a, b, _n in self.kb.pairs(limit=limit)]
        else:  # FALLBACK
            top = sorted(years, key=lambda p: (-sum(years[p].values()), p))[:limit]
        return [{"a": a, "b": b, "events": sum(years[a, b].values()),
                 "years": dict(sorted((y, n) for y, n in years[a, b].items() if y.isdigit()))} for a, b in top]

    def partners(self, code: str) -> list[dict[str, Any]]:
        """A state's partners with counts by kind and year."""
        if _native(self.kb, "partners"):
            return [{**p, "partner": p["code"]} for p in self.kb.partners(code)]
        code = code.upper()
        kinds: dict[str, Counter[str]] = defaultdict(Counter)
        years: dict[str, Counter[str]] = defaultdict(Counter)
        for e in self.kb.records("events"):  # FALLBACK
            acts = set(e.get("actors") or ())
            if code not in acts:
                continue
            for other in sorted(acts - {code}):
                kinds[other][e["kind"]] += 1
                years[other][(e.get("date") or "?")[:4]] += 1
        return sorted(({"partner": p, "events": sum(kinds[p].values()), "kinds": dict(kinds[p].most_common()),
                        "years": dict(sorted(years[p].items()))} for p in kinds), key=lambda r: -r["events"])

    def people(self) -> list[dict[str, Any]]:
        """Canonical people with their spellings."""
        return self.kb.people()

    def search(self, q: str, limit: int = 20, offset: int = 0, lang: str | None = None) -> list[Hit]:
        """Sentences, events and documents that contain ``q``."""
        if _native(self.kb, "search"):
            return [Hit(h.kind, h.doc, h.name, h.sentence, h.text, h.score)
                    for h in self.kb.search(q, limit=limit, offset=offset, lang=lang)]
        needle = q.casefold()  # FALLBACK: a plain substring match, no stemming
        hits: list[Hit] = []
        for d in self.kb.documents():
            if lang and d.lang != lang:
                continue
            if needle in (d.title or "").casefold() or needle in d.name.casefold():
                hits.append(Hit("document", d.id, d.name, None, d.title or d.name, 2.0))
            for s in self.sentences(d):
                if not s.boilerplate and needle in s.text.casefold():
                    hits.append(Hit("sentence", d.id, d.name, s.index, s.text, 1.0))
        return _page(sorted(hits, key=lambda h: -h.score), limit, offset)


def _page(rows: list[Any], limit: int | None, offset: int) -> list[Any]:
    return rows[offset : None if limit is None else offset + limit]
