"""What happens to a batch of documents: one place, whichever engine runs it.

    read (ingest) -> Document
    normalise     -> Document with its language, plus paragraphs, sentences, flagged spans
    sentences     -> Sentence records whose text is exactly ``document.text[start:end]``
    extract       -> Mention and Indicator records, with evidence offsets into the stored text

A batch goes through three named steps:

    new_documents(store, docs) -> the documents not stored yet (one query; nothing is analysed twice)
    process_batch(docs)        -> Processed | Failure per document: pure, no database, so any engine
                                  (this process, a local process pool) can map it over shards
    store_batch(store, ...)    -> the processed documents written in one transaction
    fuse(store, blocks, pool)  -> the blocks the new mentions touched, fused into events again
                                  (with a pool, each chunk of blocks by a worker: ``fuse_rows``)

``bilat.kb.KnowledgeBase.ingest`` reads, batches and calls them in this order; the engine that runs
``process_batch`` (``bilat.engine``) changes nothing in what is stored.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from bilat import extract as extraction
from bilat.errors import BilatError
from bilat.fuse import fuse_block
from bilat.fuse.split import fuse_pieces
from bilat.ingest import Failure
from bilat.normalise import Analysis, analyse
from bilat.normalise.terms import search_terms
from bilat.records import Document, Event, Indicator, Mention, Sentence, to_json
from bilat.records_io import mention_from_dict

if TYPE_CHECKING:
    from bilat.store import Store
    from bilat.store.blocks import LargeBlock


class Pool(Protocol):
    """What maps a pure function over items, results in order (``bilat.engine.local``'s engines)."""

    workers: int

    def imap(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]: ...


@dataclass(frozen=True, slots=True)
class Processed:
    """A document with everything the pipeline found in it."""

    document: Document
    analysis: Analysis
    mentions: tuple[Mention, ...]
    indicators: tuple[Indicator, ...]
    #: the search terms (``bilat.normalise.terms``); None: the store computes them itself
    terms: tuple[tuple[int, str], ...] | None = None
    #: the JSON of the mentions and of the indicators (``records.to_json``); None: the store writes it
    records: tuple[tuple[str, ...], tuple[str, ...]] | None = None


Outcome = Processed | Failure


# -- the pure stage ----------------------------------------------------------------


def normalise(doc: Document) -> tuple[Document, Analysis]:
    """Identify languages, flag boilerplate and segment; the text itself is never changed."""
    analysis = analyse(doc.text, doc.lang)
    return replace(doc, lang=doc.lang or analysis.lang), analysis


def sentences(doc: Document, analysis: Analysis) -> tuple[Sentence, ...]:
    """The document's sentences as records, in order."""
    doc_id = doc.id  # a hash of the whole text: once per document, not per sentence
    return tuple(
        Sentence(doc_id, i, s, e, doc.text[s:e], lang, bp)
        for i, (s, e, lang, bp) in enumerate(analysis.sentences)
    )


def extract(doc: Document, analysis: Analysis) -> tuple[tuple[Mention, ...], tuple[Indicator, ...]]:
    """Event mentions and indicators stated by the document."""
    mentions, indicators = extraction.extract(doc, analysis)
    return tuple(mentions), tuple(indicators)


def process(doc: Document) -> Processed:
    """Every stage for one document read from its source."""
    doc, analysis = normalise(doc)
    mentions, indicators = extract(doc, analysis)
    # What the writer stores is worked out here, where the work is spread over the workers.
    return Processed(doc, analysis, mentions, indicators, search_terms(doc.text, analysis.sentences, doc.title),
                     (tuple(map(to_json, mentions)), tuple(map(to_json, indicators))))


def process_batch(docs: Sequence[Document]) -> list[Outcome]:
    """Every stage for each document of a shard, in order: its ``Processed`` records, or a ``Failure``
    when it could not be processed (one bad document never stops the others, #2)."""
    out: list[Outcome] = []
    for doc in docs:
        try:
            out.append(process(doc))
        except Exception as e:
            out.append(Failure(doc.source or doc.name, f"could not be processed ({why(e)})"))
    return out


# -- the steps that need the database ----------------------------------------------


def new_documents(store: Store, docs: Sequence[Document]) -> list[Document | None]:
    """``docs`` with each one already stored (or earlier in the batch) as None.

    One query for the whole batch tells which texts are stored already, so only new ones are analysed."""
    ids = [d.id for d in docs]
    known = store.known(ids)
    out: list[Document | None] = []
    for doc_id, doc in zip(ids, docs, strict=True):
        out.append(None if doc_id in known else doc)
        known.add(doc_id)
    return out


def store_batch(
    store: Store, batch: Sequence[Processed], fail: Callable[[Failure], None]
) -> tuple[int, list[Processed]]:
    """Store ``batch`` in one transaction: how many were new, and the documents written.

    When the batch cannot be written, it is written in halves, and so on down to single
    documents, so that one bad document fails alone (#8); when every one of them fails, the
    fault is the store's, not the documents': raise it.
    """
    failed: list[tuple[Document, Exception]] = []
    first: list[Exception] = []

    def write(part: Sequence[Processed]) -> tuple[int, list[Processed]]:
        try:
            return store.write_batch(part), list(part)
        except BilatError:
            raise  # the store explains itself (a full disk, a database that is not bilat's)
        except Exception as e:
            first.append(e)
            if len(part) == 1:
                failed.append((part[0].document, e))
                return 0, []
        half = len(part) // 2
        n1, w1 = write(part[:half])
        n2, w2 = write(part[half:])
        return n1 + n2, w1 + w2

    if not batch:
        return 0, []
    stored, written = write(batch)
    if len(batch) > 1 and not written:
        raise first[0]
    for d, e in failed:
        fail(Failure(d.source or d.name, f"could not be stored ({why(e)})"))
    return stored, written


def fuse(store: Store, blocks: Iterable[str] | None = None, pool: Pool | None = None) -> int:
    """Fuse stored mentions into events, block after block; return the number of events written.

    With ``blocks`` (kind + states, see ``bilat.fuse``) only those are fused again; without, every one
    (all are queued and their events dropped first). A block of more than ``Store._LARGE_BLOCK``
    mentions is read and fused in pieces of ``Store._MENTIONS_PER_QUERY`` (``bilat.fuse.split``), so
    memory never holds one block whole (with a pool of two workers or more, by the workers:
    ``_fuse_large_in_pool``); the others are read in one sorted pass, whole blocks of
    about that many mentions at a time (``Store.block_chunks``; a larger one alone). Each read's
    events are written in the transaction that takes its blocks off the pending queue, one for
    about ``Store._MENTIONS_PER_COMMIT`` mentions: a kill before its commit leaves them queued.
    With ``pool`` (an engine's, see ``bilat.engine.local``) and more than one read to fuse, the
    pool's workers fuse the reads (``fuse_rows``) while this process reads and writes; the events
    are the same."""
    fresh = blocks is None  # every block queued and every event dropped in one transaction first
    wanted = store.queue_all() if fresh else sorted(set(blocks))
    size, large = store._MENTIONS_PER_QUERY, max(store._LARGE_BLOCK, store._MENTIONS_PER_QUERY)
    sizes = store.block_sizes(wanted)
    written = 0
    larger = [b for b, n in sizes if n > large]
    if larger and pool is not None and pool.workers > 1:
        written += _fuse_large_in_pool(store, larger, size, pool, fresh)
    else:
        for block in larger:
            rows = (event_row(e, block) for e in _fuse_large(store, block, size))
            written += store.replace_records("events", rows, blocks=[block], fresh=fresh)
    small = [(b, n) for b, n in sizes if n <= large]
    chunks: deque[tuple[list[str], list[tuple[Any, ...]]]] = deque()

    def payloads() -> Iterator[list[tuple[str, str]]]:
        for names, read in store.block_chunks([b for b, _ in small], size):
            chunks.append((names, read))
            yield [(r[0], r[2]) for r in read]

    # In a pool only when there is more than a chunk to fuse: each chunk is fused by a worker while
    # this process reads the next and writes the last (the same rows: fusing a chunk is pure).
    imap = pool.imap if pool is not None and sum(n for _, n in small) > size else map
    fused = imap(fuse_rows, payloads())
    while True:
        with store.transaction():  # a commit per ``_MENTIONS_PER_COMMIT`` mentions or so
            held = 0
            while held < store._MENTIONS_PER_COMMIT and (events := next(fused, None)) is not None:
                names, read = chunks.popleft()
                held += len(read) + 1
                written += store.replace_records("events", events, blocks=names, fresh=fresh,
                                                 cited=[r[1:] for r in read])
            if events is None:
                return written


def fuse_rows(rows: Sequence[tuple[str, str]]) -> list[tuple[str, str, str | None, str, str]]:
    """The events of whole blocks, from their mentions as ``(block, record)`` rows, block after block:
    rows of the events table (``event_rows``). Pure: what ``fuse`` hands a worker of the pool."""
    return [row for block, group in groupby(rows, key=lambda r: r[0])
            for row in event_rows(block, [fusion_mention(json.loads(r[1])) for r in group])]


def _fuse_large_in_pool(store: Store, blocks: Sequence[str], size: int, pool: Pool, fresh: bool) -> int:
    """Large blocks fused by the pool's workers (``bilat.engine.large_blocks``): this process writes
    each block's current mentions to a Parquet file beside the database, a worker fuses it in pieces
    into a Parquet file of events, and this process appends those, ``workers + 1`` blocks in flight.
    The events are those of fusing the block here (``_fuse_large``); the files are removed as they are
    written."""
    from bilat.engine.large_blocks import fuse_job
    from bilat.engine.shards import event_file_rows

    written = 0
    with tempfile.TemporaryDirectory(prefix=".bilat-fuse-", dir=Path(store.path).resolve().parent) as folder:
        def jobs() -> Iterator[tuple[str, str, str, int]]:
            for i, block in enumerate(blocks):
                mentions = os.path.join(folder, f"mentions-{i}.parquet")
                store.export_block(block, mentions)
                yield mentions, block, os.path.join(folder, f"events-{i}.parquet"), size

        for block, mentions, events in pool.imap(fuse_job, jobs()):
            written += store.replace_records("events", event_file_rows(events), blocks=[block], fresh=fresh)
            os.remove(events)
            os.remove(mentions)
    return written


def _fuse_large(store: Store, block: str, size: int) -> Iterator[Event]:
    """The events of a block of more than ``size`` mentions, read a piece of about ``size`` at a time."""
    with store.large_block(block) as reads:
        yield from fuse_large(reads, size)


def fuse_large(reads: LargeBlock, size: int) -> Iterator[Event]:
    """The events of one large block from its reads (``Store.large_block``, or ``parquet_block`` in
    the Ray fusion stage), a piece of about ``size`` mentions at a time (``bilat.fuse.split``)."""
    def gather(ids: list[str], numbers: Sequence[int],
               spans: list[tuple[int, int]]) -> Iterator[list[tuple[int, Mention]]]:
        for part in reads.gather(ids, numbers, spans):
            yield [(n, fusion_mention(r)) for n, r in part]

    yield from fuse_pieces(lambda dates: [fusion_mention(r) for r in reads.piece(dates)], reads.dates(), gather, size)


def event_row(e: Event, block: str) -> tuple[Any, ...]:
    """An event as a row of the events table: id, kind, date, record, block."""
    return (e.id, e.kind, e.date, to_json(e), block)


def event_rows(block: str, mentions: Sequence[Mention]) -> list[tuple[str, str, str | None, str, str]]:
    """One block's mentions fused into events, as rows of the events table (id, kind, date, record, block).

    The one place a block is fused, here and in the Ray engine's fusion stage (``bilat.engine.ray_fusion``)."""
    return [event_row(e, block) for e in fuse_block(mentions)]


def why(e: BaseException) -> str:
    """An exception as one short line: its type and the start of its message."""
    msg = " ".join(str(e).split())
    return f"{type(e).__name__}: {msg[:200]}"


def fusion_mention(record: dict[str, Any]) -> Mention:
    """A mention from its stored record, for fusion: without the evidence sentence, which fusion does
    not need and a large block would hold many times over."""
    record["evidence"] = {**record["evidence"], "text": ""}
    return mention_from_dict(record)
