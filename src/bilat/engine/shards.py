"""Processed shards as Parquet files in a folder, and back: what ``bilat run`` writes and ``bilat load`` reads.

    DIR/documents/<shard>.parquet    one row per document: its fields, its text, its analysis (JSON)
    DIR/sentences/<shard>.parquet    one row per sentence: doc, idx, start, end, lang, boilerplate, text
    DIR/mentions/<shard>.parquet     one row per mention: id, doc_id, kind, date, block, record (docs/records.md)
    DIR/indicators/<shard>.parquet   one row per indicator: id, doc_id, indicator, period, record
    DIR/failures/<shard>.parquet     one row per document that could not be processed: where, why
    DIR/_done/<shard>                written last: the shard is complete (a re-run skips it)
    DIR/events/*.parquet             the fusion stage's events: id, kind, date, record, block (Ray engine)
    DIR/events/_complete.json        written last: the completed shards the events were fused from

Needs pyarrow only (no Ray), so any machine can ``load`` what a cluster ``run`` wrote.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from bilat.ingest import Failure
from bilat.normalise import Analysis
from bilat.records import Document, Paragraph, Span, to_dict, to_json
from bilat.records_io import indicator_from_dict, mention_from_dict

TABLES = ("documents", "sentences", "mentions", "indicators", "failures")
DONE = "_done"


def done(out: Path, shard: str) -> bool:
    """Whether ``shard`` was completed by an earlier run."""
    return (out / DONE / shard).exists()


def completed(out: Path) -> list[str]:
    """The completed shards in ``out``, in the order they were read (their names sort so)."""
    d = out / DONE
    return sorted(p.name for p in d.iterdir() if not p.name.startswith(".")) if d.is_dir() else []


def write_shard(out: Path, shard: str, outcomes: Sequence[Any]) -> tuple[int, list[str]]:
    """Write one shard's outcomes (``Processed`` or ``Failure``); return (documents written, failure lines).

    Each file is written under a temporary name and renamed, and the ``_done`` marker comes last, so a
    shard whose run was killed half-way is simply run again."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from bilat.pipeline import Processed
    from bilat.store import block_id

    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    seen: set[str] = set()
    for item in outcomes:
        if isinstance(item, Failure):
            rows["failures"].append({"where": item.where, "why": item.reason})
            continue
        assert isinstance(item, Processed)
        doc, an = item.document, item.analysis
        doc_id = doc.id
        if doc_id in seen:  # the same text again in this shard: stored once, as the first file (as ingest does)
            continue
        seen.add(doc_id)
        rows["documents"].append({
            "id": doc_id, "name": doc.name, "source": doc.source, "format": doc.format, "lang": doc.lang,
            "date": doc.date, "title": doc.title, "url": doc.url, "encoding": doc.encoding, "text": doc.text,
            "analysis": json.dumps({"lang": an.lang, "paragraphs": [to_dict(p) for p in an.paragraphs],
                                    "spans": [to_dict(s) for s in an.spans]}, ensure_ascii=False),
        })
        rows["sentences"].extend({"doc": doc_id, "idx": i, "start": s, "end": e, "lang": lang, "boilerplate": bp,
                                  "text": doc.text[s:e]} for i, (s, e, lang, bp) in enumerate(an.sentences))
        rows["mentions"].extend({"id": m.id, "doc_id": doc_id, "kind": m.kind, "date": m.date,
                                 "block": block_id(m.kind, m.actors),
                                 "record": to_json(m)} for m in item.mentions)
        rows["indicators"].extend({"id": i.id, "doc_id": doc_id, "indicator": i.indicator, "period": i.period,
                                   "record": to_json(i)} for i in item.indicators)
    for table in TABLES:
        folder = out / table
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{shard}.parquet.tmp"
        pq.write_table(pa.Table.from_pylist(rows[table], schema=_SCHEMAS[table]), tmp)
        os.replace(tmp, folder / f"{shard}.parquet")
    return len(rows["documents"]), [f"{f['where']}: {f['why']}" for f in rows["failures"]]


def mark_done(out: Path, shard: str) -> None:
    """Record ``shard`` as complete."""
    (out / DONE).mkdir(parents=True, exist_ok=True)
    (out / DONE / shard).write_text("")


def read_shard(out: Path, shard: str) -> tuple[list[Any], list[Failure]]:
    """One completed shard's ``Processed`` records, in order, and its failures."""
    import pyarrow.parquet as pq

    from bilat.pipeline import Processed

    def rows(table: str) -> list[dict[str, Any]]:
        return pq.read_table(out / table / f"{shard}.parquet").to_pylist()

    sents: dict[str, list[tuple[int, int, str | None, bool]]] = {}
    for r in rows("sentences"):
        sents.setdefault(r["doc"], []).append((r["start"], r["end"], r["lang"], r["boilerplate"]))
    mentions: dict[str, list[Any]] = {}
    for r in rows("mentions"):
        mentions.setdefault(r["doc_id"], []).append(mention_from_dict(json.loads(r["record"])))
    indicators: dict[str, list[Any]] = {}
    for r in rows("indicators"):
        indicators.setdefault(r["doc_id"], []).append(indicator_from_dict(json.loads(r["record"])))
    out_items: list[Any] = []
    seen: set[str] = set()
    for r in rows("documents"):
        if r["id"] in seen:  # rows are keyed by content hash: the same text once
            continue
        seen.add(r["id"])
        a = json.loads(r["analysis"])
        doc = Document(r["name"], r["text"], r["source"], r["format"], r["lang"], r["date"], r["title"], r["url"],
                       r["encoding"])
        analysis = Analysis(a["lang"], tuple(Paragraph(**p) for p in a["paragraphs"]),
                            tuple(sents.get(r["id"], ())), tuple(Span(**s) for s in a["spans"]))
        out_items.append(Processed(doc, analysis, tuple(mentions.get(r["id"], ())),
                                   tuple(indicators.get(r["id"], ()))))
    failures = [Failure(r["where"], r["why"]) for r in rows("failures")]
    return out_items, failures


def load(store: Any, out: Path, fail: Callable[[Failure], None]) -> Iterator[tuple[str, int, int]]:
    """Store every completed shard of ``out``, in order; yield (shard, documents in it, stored)."""
    from bilat.pipeline import store_batch

    for shard in completed(out):
        try:
            processed, failures = read_shard(out, shard)
        except Exception as e:  # a damaged or missing file: this shard fails, the others go on
            from bilat.pipeline import why

            fail(Failure(str(out / shard), f"could not be loaded ({why(e)})"))
            continue
        for f in failures:
            fail(f)
        stored, _ = store_batch(store, processed, fail)
        yield shard, len(processed), stored


EVENTS = "events"
COMPLETE = "_complete.json"


def fingerprint(done: Sequence[str]) -> str:
    """A hash of a list of completed shards: which shards a set of events was fused from."""
    return hashlib.sha1("\n".join(done).encode()).hexdigest()


def later_twins(out: Path, done: Sequence[str]) -> set[tuple[str, str]]:
    """(shard, document id) of each document whose text an earlier shard holds already: ``load`` stores
    the first and skips these, so their mentions are not fused either."""
    import pyarrow.parquet as pq

    first: set[str] = set()
    twins: set[tuple[str, str]] = set()
    for shard in done:
        ids = set(pq.read_table(out / "documents" / f"{shard}.parquet", columns=["id"]).column("id").to_pylist())
        twins |= {(shard, i) for i in ids & first}
        first |= ids
    return twins


def mark_events(folder: Path, done: Sequence[str], events: int) -> None:
    """Record that ``folder`` holds every event of the shards ``done`` (written after the events)."""
    (folder / COMPLETE).write_text(json.dumps({"shards": fingerprint(done), "events": events}))


def events_ready(out: Path) -> int | None:
    """How many events DIR/events holds when they were fused from exactly the shards completed now, else None."""
    try:
        marker = json.loads((out / EVENTS / COMPLETE).read_text())
    except (OSError, ValueError):
        return None
    return int(marker["events"]) if marker.get("shards") == fingerprint(completed(out)) else None


def read_events(out: Path) -> Iterator[tuple[Any, ...]]:
    """The fusion stage's events as rows of the events table: id, kind, date, record, block."""
    for path in sorted((out / EVENTS).glob("*.parquet")):
        yield from event_file_rows(path)


EVENTS_PER_READ = 10_000  # rows of an events Parquet file read at a time


def event_file_rows(path: str | Path) -> Iterator[tuple[Any, ...]]:
    """The rows of the events table (id, kind, date, record, block) in one events Parquet file, read
    ``EVENTS_PER_READ`` at a time (a large block's file holds all of its events)."""
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(EVENTS_PER_READ, columns=list(_SCHEMAS[EVENTS].names)):
        for r in batch.to_pylist():
            yield r["id"], r["kind"], r["date"], r["record"], r["block"]


def empty(store: Any) -> bool:
    """Whether the database holds no document yet (any version)."""
    return not store.con.execute("SELECT count(*) FROM documents").fetchone()[0]


def finish(store: Any, out: Path, fresh: bool, clean: bool, workers: int = 1) -> tuple[int, bool]:
    """After the shards are stored: the events, as (how many, whether the fusion stage's were stored).

    The fusion stage's events are stored as they are when they are complete for the shards loaded,
    the database held nothing before (``fresh``), every document was stored (``clean``) and no
    document replaced an earlier version of itself; otherwise the blocks touched are fused here, by
    ``workers`` processes (``bilat.pipeline.fuse``: the same events)."""
    from bilat.engine.local import engine
    from bilat.pipeline import fuse

    ready = events_ready(out)
    superseded = store.con.execute("SELECT count(*) FROM documents WHERE NOT current").fetchone()[0]
    if ready is not None and fresh and clean and not superseded:
        store.replace_records("events", read_events(out), blocks=None)
        return ready, True
    pending = store.pending()
    if not pending:
        return 0, False
    with engine(workers) as pool:
        return fuse(store, pending, pool), False


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    s, i, b = pa.string(), pa.int64(), pa.bool_()
    return {
        "documents": pa.schema([(n, s) for n in ("id", "name", "source", "format", "lang", "date", "title", "url",
                                                  "encoding", "text", "analysis")]),
        "sentences": pa.schema([("doc", s), ("idx", i), ("start", i), ("end", i), ("lang", s), ("boilerplate", b),
                                ("text", s)]),
        "mentions": pa.schema([(n, s) for n in ("id", "doc_id", "kind", "date", "block", "record")]),
        "indicators": pa.schema([(n, s) for n in ("id", "doc_id", "indicator", "period", "record")]),
        "failures": pa.schema([("where", s), ("why", s)]),
        "events": pa.schema([(n, s) for n in ("id", "kind", "date", "record", "block")]),
    }


_SCHEMAS = _schemas()
