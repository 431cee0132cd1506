"""KnowledgeBase: what the CLI, the web app and users call.

    import bilat
    kb = bilat.open("bilat.duckdb")
    report = kb.ingest(["samples/"])
    kb.summary()
    kb.mentions(kind="visit")
    kb.export("mentions", "jsonl", "mentions.jsonl")
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilat import exports, pipeline
from bilat.citations import Citations, DocumentInfo
from bilat.engine import engine
from bilat.ingest import MAX_BYTES, Failure, ReadWarning, expand, read
from bilat.records import ActorSummary, CanonicalPerson, Document, Event, Indicator, Mention, SearchHit, Sentence
from bilat.records_io import event_from_dict, indicator_from_dict, mention_from_dict
from bilat.store import Store, pairs, query

DEFAULT_DB = "bilat.duckdb"
#: documents analysed and committed together (measured on real news: 128 cost 6% less than 64, 256 no less)
BATCH_SIZE = 128


@dataclass(slots=True)
class IngestReport:
    """What one ``ingest`` call did."""

    files: int = 0
    documents: int = 0  # documents read
    stored: int = 0  # new documents (or new versions) stored
    unchanged: int = 0  # already stored, skipped
    chars: int = 0  # characters of text read
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # files of other formats found in folders
    warnings: list[ReadWarning] = field(default_factory=list)  # documents kept with a field dropped (#8)
    # Per document read: where, characters, and for a corpus record the fields its text came from and
    # the text fields left out (a summary when there is a body), so nothing is dropped silently (#8).
    read: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every input was read."""
        return not self.failures

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary."""
        return {
            "files": self.files, "documents": self.documents, "stored": self.stored,
            "unchanged": self.unchanged, "chars": self.chars, "seconds": round(self.seconds, 3),
            "failures": [{"where": f.where, "reason": f.reason} for f in self.failures],
            "warnings": [{"where": w.where, "reason": w.reason} for w in self.warnings],
            "ignored": self.ignored, "read": self.read,
        }


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """How far one ``ingest`` call has got: files, bytes (within the current file too) and documents."""

    files_done: int
    files: int
    bytes_done: int
    bytes_total: int
    documents: int
    path: str


Progress = Callable[[IngestProgress], None]


class KnowledgeBase:
    """A bilat knowledge base in one DuckDB file."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.store = Store(path, read_only=read_only)
        self.path = self.store.path
        if not read_only and self.store.pending():
            self.fuse(self.store.pending())  # a run killed between a batch and its fusion (#8)

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database file."""
        self.store.close()

    # -- ingest ----------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str],
        *,
        max_bytes: int = MAX_BYTES,
        batch_size: int = BATCH_SIZE,
        progress: Progress | None = None,
        on_failure: Callable[[Failure], None] | None = None,
        on_stored: Callable[[Document], None] | None = None,
        on_warning: Callable[[ReadWarning], None] | None = None,
        workers: int | None = None,
    ) -> IngestReport:
        """Read, normalise and store documents from files, folders, globs or ``-`` (stdin).

        Bad inputs are reported (``on_failure``) and skipped; the rest of the batch goes on. A document
        kept without a bad metadata field is reported to ``on_warning``.
        Each batch of documents (``batch_size``; the first few are smaller) is committed at once, so a killed run keeps
        every committed batch, and a re-run stores the rest exactly once.
        ``workers`` processes analyse the batches (None or 1: this process); this process alone
        writes, in reading order, so what is stored does not depend on ``workers``. A script that
        asks for workers needs an ``if __name__ == "__main__":`` guard, as with any process pool.
        """
        t0 = time.perf_counter()
        report = IngestReport()
        files = list(expand(paths, report.ignored))
        report.files = len(files)
        sizes = [_size(p) for p in files] if progress else []
        total = sum(sizes)
        in_flight: dict[str, int] = {}  # documents sent to be processed and not stored yet: how many times

        def fail(failure: Failure) -> None:
            report.failures.append(failure)
            if on_failure:
                on_failure(failure)

        def batch(docs: list[Document]) -> tuple[_Batch, list[Document]]:
            # Documents stored already are skipped before anything is analysed; one whose text an
            # earlier batch still in flight holds waits for that batch (stored by then, or not).
            fresh = pipeline.new_documents(self.store, docs)
            report.unchanged += sum(d is None for d in fresh)
            order = [d for d in fresh if d is not None]
            waiting = {i for i, d in enumerate(order) if d.id in in_flight}
            for d in order:
                in_flight[d.id] = in_flight.get(d.id, 0) + 1
            return _Batch(order, waiting), [d for i, d in enumerate(order) if i not in waiting]

        fields: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}

        def on_fields(where: str, used: tuple[str, ...], unused: tuple[str, ...]) -> None:
            fields[where] = used, unused

        def batches() -> Iterator[tuple[_Batch, list[Document]]]:
            read_buf: list[Document] = []
            read_chars = 0
            # The first batches are small and each is twice the last, up to ``batch_size``: the
            # first results (and with workers, the pool's first work) come without waiting for a whole batch.
            size = max(1, batch_size // 8)
            done_bytes = 0
            for n, path in enumerate(files, 1):
                in_file = 0

                def tell(nbytes: int, n: int = n, path: str = path, before: int = done_bytes) -> None:
                    nonlocal in_file
                    in_file = nbytes
                    if progress:
                        progress(IngestProgress(n - 1, len(files), before + nbytes, total, report.documents, path))

                for item in read(path, max_bytes=max_bytes, on_fields=on_fields,
                                 on_bytes=tell if progress else None):
                    if isinstance(item, ReadWarning):
                        report.warnings.append(item)
                        if on_warning:
                            on_warning(item)
                        continue
                    if isinstance(item, Failure):
                        fail(item)
                        continue
                    report.documents += 1
                    report.chars += len(item.text)
                    report.read.append(_read_entry(item, fields.pop(item.source, None)))
                    read_buf.append(item)
                    read_chars += len(item.text)
                    if len(read_buf) >= size or read_chars > 8_000_000:
                        yield batch(read_buf)
                        read_buf, read_chars = [], 0
                        size = min(batch_size, 2 * size)
                    if progress:
                        tell(in_file)
                done_bytes += sizes[n - 1] if progress else 0
                if progress:
                    progress(IngestProgress(n, len(files), done_bytes, total, report.documents, path))
            if read_buf:
                yield batch(read_buf)

        with engine(workers) as run:
            for b, outcomes in run.map(pipeline.process_batch, batches()):
                processed = self._merge(b, outcomes, report)
                for item in processed:
                    if isinstance(item, Failure):
                        fail(item)
                good = [p for p in processed if isinstance(p, pipeline.Processed)]
                stored, written = pipeline.store_batch(self.store, good, fail)
                report.stored += stored
                for d in b.order:
                    in_flight[d.id] -= 1
                    if not in_flight[d.id]:
                        del in_flight[d.id]
                if on_stored:
                    for p in written:
                        on_stored(p.document)
            # Every queued block: this run's, and any a killed run left (the queue is written with
            # each batch); the pool's workers fuse them while this process reads and writes.
            if pending := self.store.pending():
                pipeline.fuse(self.store, pending, run)
        self.store.touched.clear()
        report.seconds = time.perf_counter() - t0
        return report

    def _merge(self, b: _Batch, outcomes: list[Any], report: IngestReport) -> list[Any]:
        """A batch's outcomes in reading order, with each document that waited for an earlier batch
        either skipped (that batch stored it) or processed now (it did not)."""
        if not b.waiting:
            return outcomes
        known = self.store.known([b.order[i].id for i in b.waiting])
        done = iter(outcomes)
        out: list[Any] = []
        for i, doc in enumerate(b.order):
            if i not in b.waiting:
                out.append(next(done))
            elif doc.id in known:
                report.unchanged += 1
            else:
                out.extend(pipeline.process_batch([doc]))
        return out

    def fuse(self, blocks: Iterable[str] | None = None, workers: int | None = None) -> int:
        """Fuse stored mentions into events; return the number of events written.

        With ``blocks`` (kind + states, see ``bilat.fuse``) only those blocks are fused again, as
        ingest does for the blocks its new documents touched; without, everything is. Fusion is
        deterministic within a block, so the events do not depend on the order documents came in.
        The fused blocks leave the pending queue in the transaction that writes their events.
        ``workers`` processes fuse the blocks (None or 1: this process), with the same events.
        """
        with engine(workers) as run:
            return pipeline.fuse(self.store, blocks, run)

    # -- reading -----------------------------------------------------------------

    def documents(self, all_versions: bool = False) -> Iterator[Document]:
        """Stored documents: the newest version of each source, or every version."""
        for doc, _version in self.store.documents(current_only=not all_versions):
            yield doc

    def document(self, name: str) -> Document | None:
        """The newest stored document with this name, or None."""
        row = self.store.guard(query.document, self.store.con, "name", name)
        return Document(*row) if row else None

    def document_by_id(self, doc_id: str) -> Document | None:
        """The stored document with this id (content hash), or None."""
        self.store.holds("documents")  # a key looked up: its index pages are held
        row = self.store.guard(query.document, self.store.con, "id", doc_id)
        return Document(*row) if row else None

    def sentences(self, name: str, include_boilerplate: bool = False) -> list[Sentence]:
        """The sentences of the document called ``name``."""
        doc = self.document(name)
        if doc is None:
            raise KeyError(f"no document named {name!r}")
        return [
            Sentence(doc.id, i, s, e, doc.text[s:e], lang, bp)
            for i, s, e, lang, bp in self.store.sentences(doc.id)
            if include_boilerplate or not bp
        ]

    def records(self, what: str, **filters: Any) -> Iterator[dict[str, Any]]:
        """Exported records of ``what`` (mentions, indicators, events) as docs/records.md dicts,
        optionally filtered (the filters of ``events``; ``limit``/``offset`` too)."""
        if not filters:
            return self.store.records(what)
        limit, offset = filters.pop("limit", None), filters.pop("offset", 0)
        return self._query(what, filters).iter(limit, offset or 0)

    def stream(self, what: str, **filters: Any) -> Iterator[Mention | Indicator | Event]:
        """All the typed records of ``what`` (mentions, indicators, events), filtered as ``records``, read a
        bounded piece at a time: for a whole large database, where the list methods would hold it all."""
        typed = {"mentions": mention_from_dict, "indicators": indicator_from_dict, "events": event_from_dict}[what]
        return (typed(r) for r in self.records(what, **filters))

    def _query(self, what: str, filters: dict[str, Any]) -> query.Query:
        if filters.get("pair") is not None:
            filters["pair"] = tuple(filters["pair"])
        return self.store.guard(query.Query, self.store.con, what, query.Filters(**filters))

    def _list(self, what: str, limit: int | None, offset: int, filters: dict[str, Any]) -> list[dict[str, Any]]:
        q = self._query(what, {k: v for k, v in filters.items() if v is not None})
        return self.store.guard(q.records, limit, offset)

    def mentions(self, kind: str | None = None, doc: str | None = None, *, actor: str | None = None,
                 pair: tuple[str, str] | None = None, since: str | None = None, until: str | None = None,
                 lang: str | None = None, q: str | None = None, min_confidence: float | None = None,
                 limit: int | None = None, offset: int = 0) -> list[Mention]:
        """Event mentions, newest first, filtered by kind, document (name or id), state (``actor``),
        both states of a ``pair``, dates (``since``/``until``: ISO prefixes, compared at the precision
        of both; undated mentions are left out then), language, words of the evidence sentence
        (``q``) and least confidence; ``limit``/``offset`` page through them."""
        rows = self._list("mentions", limit, offset, dict(
            kind=kind, doc=doc, actor=actor, pair=pair, since=since, until=until, lang=lang, q=q,
            min_confidence=min_confidence))
        return [mention_from_dict(r) for r in rows]

    def indicators(self, indicator: str | None = None, *, actor: str | None = None,
                   pair: tuple[str, str] | None = None, since: str | None = None, until: str | None = None,
                   lang: str | None = None, doc: str | None = None, q: str | None = None,
                   limit: int | None = None, offset: int = 0) -> list[Indicator]:
        """Economic indicators, newest period first, filtered as ``mentions`` are (``actor``: the reporter
        or the partner; ``pair``: those two)."""
        rows = self._list("indicators", limit, offset, dict(
            indicator=indicator, actor=actor, pair=pair, since=since, until=until, lang=lang, doc=doc, q=q))
        return [indicator_from_dict(r) for r in rows]

    def events(self, kind: str | None = None, *, actor: str | None = None, pair: tuple[str, str] | None = None,
               since: str | None = None, until: str | None = None, lang: str | None = None,
               doc: str | None = None, q: str | None = None, min_confidence: float | None = None,
               limit: int | None = None, offset: int = 0) -> list[Event]:
        """Fused events, newest first, filtered as ``mentions`` are (``lang``: one of the languages
        stating it; ``doc`` and ``q``: a mention fused into it)."""
        rows = self._list("events", limit, offset, dict(
            kind=kind, actor=actor, pair=pair, since=since, until=until, lang=lang, doc=doc, q=q,
            min_confidence=min_confidence))
        return [event_from_dict(r) for r in rows]

    def count(self, what: str, **filters: Any) -> int:
        """How many ``what`` ("events", "mentions", "indicators") the filters select."""
        q = self._query(what, {k: v for k, v in filters.items() if v is not None})
        return self.store.guard(q.count)

    def event(self, event_id: str) -> Event | None:
        """One event by id, or None."""
        self.store.holds("events")  # a key looked up: its index pages are held
        row = self.store.guard(query.event, self.store.con, event_id)
        return event_from_dict(row) if row else None

    def event_mentions(self, event_id: str) -> list[Mention]:
        """The mentions fused into an event."""
        self.store.holds("events")
        return [mention_from_dict(r) for r in self.store.guard(query.event_mentions, self.store.con, event_id)]

    def search(self, q: str, *, limit: int = 20, offset: int = 0, lang: str | None = None) -> list[SearchHit]:
        """Sentences and document titles holding every word of ``q``, lower-cased, each word also as the
        start of a longer one (``visit`` finds "visited"); best first."""
        rows = self.store.guard(query.search, self.store.con, q, limit, offset, lang)
        return [SearchHit(*r) for r in rows]

    def pairs(self, limit: int = 20) -> list[tuple[str, str, int]]:
        """The pairs of states with the most events: (A, B, events), A < B."""
        return self.store.guard(query.pairs, self.store.con, limit)

    def partners(self, code: str) -> list[dict[str, Any]]:
        """The partners of a state or organisation: code, events, counts by kind and by year."""
        return self.store.guard(query.partners, self.store.con, code)

    def summary(self) -> dict[str, Any]:
        """Counts per language and per record type, where the database is, and how many fusion
        blocks wait to be fused (``pending_fusion``, not 0 only after a killed run)."""
        return self.store.guard(self.store.summary)

    # -- views and exports -------------------------------------------------------

    def arrow(self, what: str) -> Any:
        """Mentions, indicators or events as a flat ``pyarrow.Table``."""
        return exports.to_arrow(what, self.records(what), self._export_citations(what))

    def df(self, what: str) -> Any:
        """Mentions, indicators or events as a pandas DataFrame."""
        return self.arrow(what).to_pandas()

    def export(self, what: str, fmt: str = "jsonl", out: str | None = None, excel: bool = False,
               on_skip: Callable[[dict[str, Any]], None] | None = None, **filters: Any) -> int:
        """Write ``what`` as jsonl, csv, parquet or plover to ``out`` (stdout when None); return the count.

        ``filters`` are those of ``events`` (``kind``, ``actor``, ``pair``, ``since``, ...); ``excel`` starts a
        CSV file with a UTF-8 byte-order mark; ``on_skip`` hears of each record that PLOVER leaves out (one
        whose date has no year)."""
        if what not in exports.COLUMNS:
            raise ValueError(f"unknown export {what!r} (choose from {', '.join(exports.COLUMNS)})")
        filters = {k: v for k, v in filters.items() if v is not None}
        # JSON Lines needs no citations; the flat tables' URL and evidence columns and PLOVER's text do (#9).
        cites = self._export_citations(what) if fmt != "jsonl" else None
        return exports.write(what, self.records(what, **filters), fmt, out, cites, excel=excel, on_skip=on_skip)

    def _export_citations(self, what: str) -> Citations:
        """The citations an export of ``what`` needs, read with each piece of records exported."""
        return self.citations()

    def citations(self, mention_ids: Iterable[str] = ()) -> Citations:
        """Where records come from: the documents' URL, title and date, and the mentions of events.

        With ``mention_ids``, those mentions and their documents, read now; without, a ``Citations`` whose
        ``stream`` reads them for each piece of records it is given (exports)."""
        if ids := set(mention_ids):
            return Citations(*self._sources(set(), ids))
        return Citations(fetch=self._sources)

    def _sources(self, names: set[str], mention_ids: set[str]) -> tuple[dict[str, DocumentInfo], dict[str, Any]]:
        """Documents by name and mentions by id (with their documents), by indexed queries."""
        mentions = {r["id"]: r for r in self.store.guard(query.by_id, self.store.con, "mentions",
                                                         sorted(mention_ids))}
        names = names | {m["doc"] for m in mentions.values()}
        return self.store.guard(self.store.document_info, sorted(names)), mentions

    # -- evaluation --------------------------------------------------------------

    def evaluate(self, gold_paths: list[str], exclude_hard: bool = False) -> dict[str, dict[str, Any]]:
        """Score the stored records against gold files (mentions, indicators, events) for the documents they name."""
        from bilat import evaluate

        return evaluate.score_records(
            evaluate.load_gold(gold_paths), lambda what: list(self.records(what)), exclude_hard
        )

    def people(self) -> list[CanonicalPerson]:
        """Everyone the mentions name, once per person: name variants, roles and states over time."""
        from bilat.fuse.people import people_index

        return people_index(self.stream("mentions"))

    def actors(self) -> list[ActorSummary]:
        """The states and organisations taking part in events: code, names in the sources' languages, counts."""
        from collections import Counter

        from bilat.extract.actors import country_name

        events: Counter[str] = Counter()
        langs: dict[str, set[str]] = {}
        for e in self.stream("events"):
            for code in e.actors:
                events[code] += 1
                langs.setdefault(code, set()).update(e.languages)
        return [ActorSummary(code, n, {lang: name for lang in sorted(langs[code] | {"en"})
                                       if (name := country_name(code, lang))})
                for code, n in events.most_common()]

    def dossier(self, a: str, b: str, fmt: str = "md") -> str:
        """What has happened between two states, as Markdown, self-contained HTML or JSON."""
        from bilat import dossier

        # Only the pair's records, through indexed queries: the cost follows the pair, not the database (#9).
        pair = (a.upper(), b.upper())
        if pair[0] == pair[1]:
            raise ValueError(f"a dossier is about two different states: {pair[0]} and {pair[1]} are the same")
        # The pair's events and the sentences they cite come from one sorted range (bilat.store.pairs).
        events, mentions, found = self.store.guard(pairs.read_pair, self.store.con, *pair)
        documents = {n: DocumentInfo(*found[n]) for n in sorted(found)}
        data = dossier.build(a, b, events, mentions, self.records("indicators", pair=pair), documents=documents)
        return dossier.render(data, fmt)


@dataclass(frozen=True, slots=True)
class _Batch:
    """A batch of new documents in reading order; ``waiting``: the positions of those an earlier batch
    in flight holds too, not sent to be processed."""

    order: list[Document]
    waiting: set[int]


def _size(path: str) -> int:
    try:
        return 0 if path == "-" else os.path.getsize(path)
    except OSError:
        return 0


def _read_entry(doc: Document, fields: tuple[tuple[str, ...], tuple[str, ...]] | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"where": doc.source or doc.name, "chars": len(doc.text)}
    if fields is not None:
        entry["fields"] = list(fields[0])
        if fields[1]:
            entry["unused"] = list(fields[1])
    return entry


def open(path: str | Path = DEFAULT_DB, read_only: bool = False) -> KnowledgeBase:
    """Open (or create) the knowledge base in the DuckDB file at ``path``."""
    return KnowledgeBase(path, read_only=read_only)
