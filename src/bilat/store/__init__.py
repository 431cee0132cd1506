"""Storage in one DuckDB file. The only package that imports duckdb.

Each batch of documents is written in one transaction: a killed ingest loses
at most the batch in flight, and a re-run stores it (documents are keyed by
content hash, so nothing is stored twice). The same transaction adds the batch's
fusion blocks to ``fusion_pending``; fusing a block removes it there in the
transaction that writes its events, so a kill between the two leaves the block
queued, and the next ingest, ``fuse`` or open for writing fuses it (#8).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from bilat.errors import SchemaError, StoreError
from bilat.records import to_json
from bilat.store import memory, pairs, query
from bilat.store.arrow import query_table, registered, rows_table
from bilat.store.blocks import BlockReads
from bilat.store.faults import check_file, explain
from bilat.store.migrations import migrate, outdated
from bilat.store.reads import DocumentReads

TABLES = ("mentions", "indicators", "events")


def block_id(kind: str, actors: Iterable[str]) -> str:
    """The fusion block of a mention or event: its kind and its states (see bilat.fuse)."""
    return f"{kind}|{','.join(sorted(actors))}"


#: the mentions that events being written cite (``replace_records(cited=...)``, ``pairs.side_sql``)
_CITED = pa.schema([("id", pa.string()), ("record", pa.string()), ("url", pa.string()), ("title", pa.string()),
                    ("published", pa.string())])
_DOC_COLUMNS = ("id", "name", "source", "version", "current", "format", "lang", "date", "title", "url",
                "encoding", "chars", "text")


def database_error(error: BaseException, path: str) -> str | None:
    """One line for a DuckDB error met while reading ``path`` (a damaged file); None for other errors."""
    return explain(path, error) if isinstance(error, duckdb.Error) else None


class Store(BlockReads, DocumentReads):
    """A bilat database file."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).exists():
            raise SchemaError(f"{self.path}: no bilat database here yet "
                              f"(create one with `bilat ingest --db {self.path} …`)")
        check_file(self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as e:
            raise StoreError(explain(self.path, e)) from None
        self._pool = 0  # the buffer pool's size now, in bytes (-1: BILAT_DUCKDB_MEMORY set it)
        # the keyed tables whose index pages this connection holds (``bilat.store.memory``): a reader
        # all of them; a writer those it wrote or looked a key up in (``holds``)
        self._held: set[str] = set(memory.KEYED) if read_only else set()
        if (size := memory.fixed()) is not None:
            self.con.execute(f"SET memory_limit = '{size}'")
            self._pool = -1
        else:
            self.guard(self.fit_memory)
        self.touched: set[str] = set()  # fusion blocks whose mentions changed in this session
        # the cited mentions fusion handed over, registered for the events side tables (replace_records);
        # None: each append finds its own (``pairs.cited_of``)
        self._cited: str | None = None
        self.broken = False  # a write failed: the connection may be unusable
        self._open = False  # a write transaction is open (``transaction``)
        if not read_only:
            # DuckDB checkpoints when the write-ahead log reaches this size, and each checkpoint
            # writes every key index again, whole (duckdb/duckdb#24848): with the default 16 MB,
            # a large database pays for its indexes every few commits (see docs/scale.md).
            self.con.execute(f"SET checkpoint_threshold = '{self.CHECKPOINT_THRESHOLD}'")
            if self.guard(outdated, self.con):  # a migration may rewrite any table
                self.holds(*memory.KEYED)
            self.guard(migrate, self.con, writing=True)

    CHECKPOINT_THRESHOLD = "1GB"

    def holds(self, *tables: str) -> None:
        """Note that this connection now holds pages of these tables' key indexes (it writes them,
        or looks keys up in them), and size the pool for them."""
        if not self._held.issuperset(tables):
            self._held.update(tables)
            self.guard(self.fit_memory)

    def fit_memory(self, floor: int = 0) -> None:
        """Size DuckDB's buffer pool to the keys stored now in the tables this connection writes
        (``bilat.store.memory``), unless ``BILAT_DUCKDB_MEMORY`` fixed it; called as writes add rows."""
        if self._pool < 0:
            return
        size = max(memory.limit(self.read_only, memory.keys(self.con, self._held) if self._held else 0),
                   memory.rounded(floor))
        if size > self._pool:
            self.con.execute(f"SET memory_limit = '{size // memory.MB}MiB'")
            self._pool = size

    def close(self) -> None:
        """Close the connection (a checkpoint folds the write-ahead log into the file). A writer
        first keeps the query side tables sorted (see ``query.cluster``)."""
        try:
            if not self.read_only and not self.broken:
                # the sort holds the indexes loaded so far beside its own runs: at least a reader's pool
                self.guard(self.fit_memory, memory.SORT)
                self.con.execute("BEGIN TRANSACTION")
                try:
                    query.cluster(self.con)
                    self.con.execute("COMMIT")
                except duckdb.Error:
                    self._rollback()
                    raise
            self.con.close()
        except duckdb.Error as e:
            if not self.broken:  # after a failed write, the first error is the one that matters
                raise StoreError(explain(self.path, e, writing=True)) from None

    def guard(self, fn: Any, *args: Any, writing: bool = False) -> Any:
        """Run ``fn``; a DuckDB error becomes one line naming the file (a corrupt or full database)."""
        try:
            return fn(*args)
        except duckdb.Error as e:
            self.broken = self.broken or writing
            raise StoreError(explain(self.path, e, writing=writing)) from None

    def _rollback(self) -> None:
        """Roll back after a failed write; DuckDB may have aborted the transaction already (a full disk)."""
        with contextlib.suppress(duckdb.Error):
            self.con.execute("ROLLBACK")

    def pending(self) -> list[str]:
        """Fusion blocks written but not fused yet (a run killed between a batch and its fusion)."""
        return [r[0] for r in self.guard(
            lambda: self.con.execute("SELECT block FROM fusion_pending ORDER BY block").fetchall())]

    # -- documents ---------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        """True when a document with this content hash is stored."""
        return bool(self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchall())

    def known(self, doc_ids: Sequence[str]) -> set[str]:
        """Which of these content hashes are stored (one query for a whole batch)."""
        if not doc_ids:
            return set()
        rows = self.con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [list(doc_ids)])
        return {r[0] for r in rows.fetchall()}

    def write_batch(self, items: Sequence[Any]) -> int:
        """Store processed documents in one transaction: text, paragraphs, sentences, spans, mentions, indicators.

        ``items`` are ``pipeline.Processed`` records. Documents already stored are skipped.
        Returns how many were stored.
        """
        con = self.con
        self.holds("documents", "mentions", "indicators")
        with self._transaction():
            ids = [p.document.id for p in items]
            known = self.known(ids)
            fresh: list[Any] = []
            for doc_id, p in zip(ids, items, strict=True):
                if doc_id not in known:
                    known.add(doc_id)
                    fresh.append(p)
            versions = self._versions([(p.document.source, p.document.name) for p in fresh])
            docs, paras, sents, spans, mentions, indicators, terms = [], [], [], [], [], [], []
            unindexed: list[str] = []  # documents whose search terms DuckDB computes (see bilat.normalise.terms)
            for item in fresh:
                doc, an = item.document, item.analysis
                doc_id = doc.id  # a hash of the whole text: compute it once
                key = (doc.source, doc.name)
                version = versions.get(key, 0) + 1
                versions[key] = version
                docs.append((doc_id, doc.name, doc.source, version, True, doc.format, an.lang or doc.lang,
                             doc.date, doc.title, doc.url, doc.encoding, len(doc.text), doc.text))
                paras.extend((doc_id, i, p.start, p.end, p.lang, p.boilerplate)
                             for i, p in enumerate(an.paragraphs))
                sents.extend((doc_id, i, s[0], s[1], s[2], s[3]) for i, s in enumerate(an.sentences))
                spans.extend((doc_id, s.start, s.end, s.kind) for s in an.spans)
                # the records' JSON, as the workers wrote it (or written here)
                m_json, i_json = item.records or ([to_json(m) for m in item.mentions],
                                                  [to_json(i) for i in item.indicators])
                mentions.extend((m.id, doc_id, m.kind, m.date, j, block_id(m.kind, m.actors))
                                for m, j in zip(item.mentions, m_json, strict=True))
                indicators.extend((i.id, doc_id, i.indicator, i.period, j)
                                  for i, j in zip(item.indicators, i_json, strict=True))
                if item.terms is None:
                    unindexed.append(doc_id)
                else:  # each term row says where its sentence is (the title, -1: 0 to its length) and its language
                    lang = an.lang or doc.lang
                    for idx, words in item.terms:
                        start, end, s_lang = (0, len(doc.title or ""), None) if idx == -1 else an.sentences[idx][:3]
                        terms.append((doc_id, idx, start, end, s_lang or lang, words))
            superseded = [(src, name) for (src, name), v in versions.items() if v > 1]
            blocks = {m[5] for m in mentions}
            if superseded:
                self._append("_bilat_superseded", ("source", "name"), superseded, create=True)
                # The old version's events must be fused again without it.
                blocks |= {r[0] for r in con.execute(
                    "SELECT DISTINCT m.block FROM mentions m JOIN documents d ON d.id = m.doc_id "
                    "JOIN _bilat_superseded s ON d.source = s.source AND d.name = s.name WHERE d.current").fetchall()}
                con.execute("UPDATE documents SET current = false FROM _bilat_superseded s "
                            "WHERE documents.source = s.source AND documents.name = s.name")
                con.execute("DROP TABLE _bilat_superseded")
            self._append("documents", _DOC_COLUMNS, docs)
            self._append("paragraphs", ("doc", "idx", "start", "end", "lang", "boilerplate"), paras)
            self._append("sentences", ("doc", "idx", "start", "end", "lang", "boilerplate"), sents)
            self._append("spans", ("doc", "start", "end", "kind"), spans)
            self._append("mentions", ("id", "doc_id", "kind", "date", "record", "block"), mentions)
            self._append("indicators", ("id", "doc_id", "indicator", "period", "record"), indicators)
            if docs:
                self._index_text(terms, unindexed, sents)
            if blocks:
                con.execute("INSERT OR IGNORE INTO fusion_pending SELECT DISTINCT unnest(?)", [sorted(blocks)])
        self.touched |= blocks
        return len(docs)

    def _index_text(self, terms: list[tuple[Any, ...]], unindexed: list[str],
                    sents: list[tuple[Any, ...]]) -> None:
        """The search terms of newly written documents: those the workers found (``terms``: doc,
        sentence index or -1 for the title, start, end, language, the words), and DuckDB's own for
        the ``unindexed`` documents, from this batch's own sentence rows. Nothing stored is read: a
        join with the documents table would scan all of it for each batch."""
        if terms:
            names = ("doc", "idx", "start", "end", "lang", "words")
            types = (pa.string(), pa.int32(), pa.int32(), pa.int32(), pa.string(), pa.string())
            with registered(self.con, "_bilat_terms", rows_table(names, terms, types)):
                query.append(self.con, "search_terms", """
                    INSERT INTO search_terms (term, doc, idx, "start", "end", lang)
                    SELECT unnest(string_split(words, chr(10))), doc, idx, "start", "end", lang FROM _bilat_terms""")
        if unindexed:
            names = ("doc", "idx", "start", "end", "lang", "boilerplate")
            types = (pa.string(), pa.int32(), pa.int32(), pa.int32(), pa.string(), pa.bool_())
            with registered(self.con, "_bilat_sentences", rows_table(names, sents, types)):
                query.index_text(self.con, unindexed, "_bilat_sentences")

    def _versions(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """The newest stored version number of each (source, name)."""
        if not keys:
            return {}
        rows = self.con.execute(
            "SELECT source, name, max(version) FROM documents "
            "WHERE source IN (SELECT unnest(?)) GROUP BY source, name", [sorted({k[0] for k in keys})]
        ).fetchall()
        wanted = set(keys)
        return {(src, name): v for src, name, v in rows if (src, name) in wanted}

    def _append(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]], create: bool = False) -> None:
        if not rows:
            return
        names = ", ".join(f'"{c}"' for c in columns)
        # Records carry their filter columns and side tables, computed from the record (#9).
        extra = query.EXTRA.get(table, {}) if not create else {}
        into = ", ".join([names, *extra])
        parsed = query.PARSED.get(table) if not create else None
        values = ", ".join([names, *(extra if parsed else extra.values())])
        source = "_bilat_parsed" if parsed else "_bilat_batch"
        with registered(self.con, "_bilat_batch", rows_table(columns, rows)):
            if create:
                self.con.execute(f"CREATE TEMP TABLE {table} AS SELECT {names} FROM _bilat_batch")
                return
            # Each record parsed once, for its columns and every side table; held as Arrow (see
            # query_table: as temporary tables, ten million mentions took the writer from 1.7 to 2.3 GB).
            with (registered(self.con, source, query_table(self.con, parsed.format(src="_bilat_batch")))
                  if parsed else contextlib.nullcontext()):
                self.con.execute(f"INSERT INTO {table} ({into}) SELECT {values} FROM {source}")
                # the mentions these events cite, when fusion did not hand them over (replace_records)
                own = table == "events" and self._cited is None
                with (registered(self.con, "_bilat_own_cites", pairs.cited_of(self.con, source))
                      if own else contextlib.nullcontext()):
                    for side, sql in query.SIDE.get(table, ()):
                        query.append(self.con, side, sql.format(
                            src="_bilat_batch", ev=source, cited=self._cited or "_bilat_own_cites"))

    # -- extracted records ---------------------------------------------------

    # Reading in bounded pieces: DuckDB materialises a query's whole result before the first row
    # is fetched, so one sorted query over millions of records would need memory for all of them.
    # Fusion reads about _MENTIONS_PER_QUERY mentions at a time, a large block in pieces (bilat.fuse.split).
    _DOCS_PER_QUERY = 256
    _MENTIONS_PER_QUERY = 20_000
    # A block of more mentions than this is fused in pieces by dates, in this process; a smaller one
    # is read whole (alone when it holds more than a read), and a pool's worker can fuse it.
    _LARGE_BLOCK = 50_000
    # Fusion commits once about this many mentions are fused: DuckDB writes a transaction's large
    # appends to the file as whole row groups (122,880 rows), not into the write-ahead log first.
    _MENTIONS_PER_COMMIT = 200_000

    def records(self, table: str, current_only: bool = True) -> Iterator[dict[str, Any]]:
        """Stored mentions, indicators or events as dicts, in a stable order, a bounded piece at a time."""
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        if table == "events" or not current_only:
            yield from self._pages(table)
            return
        # Document by document, newest first (a timeline), then in the order the text states them.
        key = "t.date" if table == "mentions" else "t.period"
        docs = list(dict.fromkeys(r[0] for r in self.con.execute(
            f"SELECT DISTINCT d.name, d.id FROM documents d WHERE d.current AND d.id IN "
            f"(SELECT doc_id FROM {table}) ORDER BY d.name, d.id").fetchall()))
        for i in range(0, len(docs), self._DOCS_PER_QUERY):
            names = docs[i : i + self._DOCS_PER_QUERY]
            rows = self.con.execute(
                f"SELECT t.record FROM {table} t JOIN documents d ON d.id = t.doc_id "
                f"WHERE d.current AND d.name IN (SELECT unnest(?)) "
                f"ORDER BY d.name, {key} DESC NULLS LAST, "
                f"json_extract(t.record, '$.evidence.start')::INTEGER, t.id", [names]).fetchall()
            for (r,) in rows:
                yield json.loads(r)

    def _pages(self, table: str, size: int = 5_000) -> Iterator[dict[str, Any]]:
        """All records of a table by id, a page at a time (keyset pagination: a bounded top-N each)."""
        last = ""
        while rows := self.con.execute(
                f"SELECT id, record FROM {table} WHERE id > ? ORDER BY id LIMIT {size}", [last]).fetchall():
            for _, r in rows:
                yield json.loads(r)
            last = rows[-1][0]

    def queue_all(self) -> list[str]:
        """Queue every fusion block (of mentions and of events) to be fused again and drop every event,
        in one transaction; return the queue. Fusing it a chunk at a time (``replace_records`` with
        ``fresh``) then leaves whatever a kill interrupts queued, and the next open fuses it."""
        self.holds("events")
        with self._transaction():
            self.con.execute("INSERT OR IGNORE INTO fusion_pending SELECT block FROM mentions WHERE block IS NOT NULL "
                             "UNION SELECT block FROM events WHERE block IS NOT NULL")
            self._drop("events", "true")
        return self.pending()

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        """One write transaction around several writes (``replace_records``...): committed when the
        block ends, rolled back, all of it, when it raises. The writes inside join it."""
        return self._transaction()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction: committed when the block ends, rolled back when it raises; inside
        one already, a part of it."""
        if self._open:
            self.guard(self.fit_memory)
            yield
            return
        self.guard(self.fit_memory)
        self.guard(self.con.execute, "BEGIN TRANSACTION", writing=True)
        self._open = True
        try:
            yield
            self.con.execute("COMMIT")
        except duckdb.Error as e:
            self._rollback()
            self.broken = True
            raise StoreError(explain(self.path, e, writing=True)) from None
        except BaseException:
            self._rollback()
            raise
        finally:
            self._open = False

    _ROWS_PER_APPEND = 20_000

    def replace_records(self, table: str, rows: Iterable[tuple[Any, ...]], doc_ids: Sequence[str] = (),
                        blocks: Sequence[str] | None = None, fresh: bool = False,
                        cited: Sequence[tuple[str, str, str | None, str | None, str | None]] | None = None) -> int:
        """Write records; return how many. Mentions/indicators: first drop those of ``doc_ids``. Events:
        ``rows`` become the events of ``blocks`` (all events when None): an event whose record is
        unchanged is left as it is, a changed one rewritten, one no longer given dropped (``fresh``:
        ``queue_all`` dropped them all already); rows carry their block; ``cited``: every mention the
        events cite, as ``block_chunks`` reads them (else they are looked up among all stored mentions).
        ``rows`` may be a generator: it is written a bounded piece at a time, inside the transaction."""
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        columns = {"mentions": ("id", "doc_id", "kind", "date", "record", "block"),
                   "indicators": ("id", "doc_id", "indicator", "period", "record"),
                   "events": ("id", "kind", "date", "record", "block")}[table]
        written = 0
        stored: dict[str, str] | None = None  # events: the digest of each stored record of ``blocks``
        self.holds(table)
        with self._transaction():
            # Events: the blocks fused leave the pending queue in the transaction that writes them.
            if table == "events" and blocks is None:
                self._drop("events", "true")
                self.con.execute("DELETE FROM fusion_pending")
            elif table == "events":
                if not fresh:  # what the blocks hold now: only the events that changed are written again
                    stored = dict(self.con.execute("SELECT id, md5(record) FROM events WHERE block IN "
                                                   "(SELECT unnest(?))", [list(blocks)]).fetchall())
                self.con.execute("DELETE FROM fusion_pending WHERE block IN (SELECT unnest(?))", [list(blocks)])
            elif doc_ids:
                self._drop(table, "doc_id IN (SELECT unnest(?))", [list(doc_ids)])
            if cited is not None:  # what the side tables need of each cited mention, parsed once
                table_of_cited = pa.table(dict(zip(
                    ("id", "record", "url", "title", "published"), map(list, zip(*cited, strict=True)) if cited
                    else [[] for _ in range(5)], strict=True)), schema=_CITED)
                with registered(self.con, "_bilat_cited", table_of_cited):
                    cites = query_table(self.con, pairs.CITE_COLUMNS.format(src="_bilat_cited"))
                self.con.register("_bilat_cites", cites)
                self._cited = "_bilat_cites"
            try:
                todo = iter(rows)
                while part := list(islice(todo, self._ROWS_PER_APPEND)):
                    written += len(part)
                    if stored is not None:
                        part = self._changed_events(part, stored)
                    self._append(table, columns, part)
                if stored:  # stored events that fusing the blocks again no longer gives
                    self._drop("events", "id IN (SELECT unnest(?))", [list(stored)])
            finally:
                if cited is not None:
                    self._cited = None
                    with contextlib.suppress(duckdb.Error):
                        self.con.unregister("_bilat_cites")
        return written

    def _changed_events(self, rows: list[tuple[Any, ...]], stored: dict[str, str]) -> list[tuple[Any, ...]]:
        """The event rows whose record differs from the stored one (or that are new); the stored
        version of each changed one is dropped. What is found is taken out of ``stored``, so that
        what it holds at the end is the events no longer given. Rewriting only what changed keeps
        an increment's cost near its share: most events of a block it touches stay as they were."""
        out, stale = [], []
        for row in rows:
            digest = stored.pop(row[0], None)
            if digest is None:
                out.append(row)
            elif digest != hashlib.md5(row[3].encode()).hexdigest():
                stale.append(row[0])
                out.append(row)
        if stale:
            self._drop("events", "id IN (SELECT unnest(?))", [stale])
        return out

    def _drop(self, table: str, where: str, params: Sequence[Any] = ()) -> None:
        """Delete the records of ``table`` that ``where`` selects, with their side rows (``"true"``:
        every one; the table is then made again from its own definition, which spares removing each
        key from its index at commit: 8 s for 587,000 events, about 13 µs a key)."""
        query.forget(self.con, table, where, list(params))
        if where != "true":
            self.con.execute(f"DELETE FROM {table} WHERE {where}", list(params))
            return
        (sql,) = self.con.execute("SELECT sql FROM duckdb_tables() WHERE database_name = current_database() "
                                  "AND NOT temporary AND table_name = ?", [table]).fetchall()[0]
        self.con.execute(f"DROP TABLE {table}")
        self.con.execute(sql)

    # -- summaries and exports ------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Counts: documents and sentences per language, mentions, indicators, events."""
        con = self.con
        langs = con.execute(
            """SELECT coalesce(d.lang, '?') AS lang, count(DISTINCT d.id),
                      count(s.doc) FILTER (WHERE NOT s.boilerplate)
               FROM documents d LEFT JOIN sentences s ON s.doc = d.id
               WHERE d.current GROUP BY 1 ORDER BY 2 DESC, 1"""
        ).fetchall()
        one = lambda sql: con.execute(sql).fetchall()[0][0]  # noqa: E731
        return {
            "database": str(Path(self.path).resolve()),
            "documents": one("SELECT count(*) FROM documents WHERE current"),
            "versions": one("SELECT count(*) FROM documents"),
            "sentences": one("SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.doc "
                             "WHERE d.current AND NOT s.boilerplate"),
            "boilerplate_sentences": one("SELECT count(*) FROM sentences WHERE boilerplate"),
            "languages": {lang: {"documents": n, "sentences": s} for lang, n, s in langs},
            "mentions": one("SELECT count(*) FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE d.current"),
            "indicators": one("SELECT count(*) FROM indicators i JOIN documents d ON d.id = i.doc_id "
                              "WHERE d.current"),
            "events": one("SELECT count(*) FROM events"),
            # Blocks whose events are not fused yet (a killed run): the next ingest or `bilat fuse` fuses them.
            "pending_fusion": one("SELECT count(*) FROM fusion_pending")
            if one("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'fusion_pending'") else 0,
        }
