"""What fusion reads from the store: the sizes of fusion blocks, their mentions a chunk of whole
blocks at a time, and a large block's mentions a piece at a time (#10)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from bilat.store.arrow import registered


class BlockReads:
    """The reads of ``bilat.pipeline.fuse``, mixed into ``Store`` (which holds ``con``)."""

    con: duckdb.DuckDBPyConnection

    def block_sizes(self, blocks: Sequence[str]) -> list[tuple[str, int]]:
        """How many current mentions each fusion block has (0 when none), in block order."""
        counts = dict(self.con.execute(
            "SELECT m.block, count(*) FROM mentions m JOIN documents d ON d.id = m.doc_id "
            "WHERE d.current AND m.block IN (SELECT unnest(?)) GROUP BY m.block", [list(blocks)]).fetchall())
        return [(b, counts.get(b, 0)) for b in sorted(blocks)]

    def block_chunks(self, blocks: Sequence[str], size: int) -> Iterator[tuple[list[str], list[tuple[Any, ...]]]]:
        """The current mentions of fusion blocks of at most ``size`` mentions each, whole blocks of about
        ``size`` mentions in all at a time: (those blocks, in order; their mentions as ``(block, id,
        record, url, title, published)`` rows, block after block, the last three their document's). Every
        block comes in some chunk, those without mentions too. One scan of the stored mentions sorts
        the blocks' into a temporary table that each chunk reads by its numbers: a query per chunk
        over all stored mentions would cost, at ten million, far more than the fusion itself (#10).
        A larger block is read in pieces instead (``block_dates``, ``block_piece``)."""
        from bilat.fuse.split import pack

        if not blocks:
            return
        con = self.con
        # only where each mention is (its block, its row and its document's): a small sort
        with registered(con, "_bilat_wanted", pa.table({"block": pa.array(list(blocks), pa.string())})):
            con.execute(
                "CREATE OR REPLACE TEMP TABLE _bilat_fuse AS SELECT m.block, m.rowid AS m, d.rowid AS d, "
                "row_number() OVER (ORDER BY m.block, m.id) AS n "
                "FROM mentions m JOIN documents d ON d.id = m.doc_id "
                "WHERE d.current AND m.block IN (SELECT block FROM _bilat_wanted) ORDER BY n")
        try:
            # numbered, not by rowid: a table made inside a transaction has other rowids once it commits
            spans = {b: (lo, hi) for b, lo, hi in con.execute(
                "SELECT block, min(n), max(n) + 1 FROM _bilat_fuse GROUP BY block").fetchall()}
            for names in pack(((b, spans[b][1] - spans[b][0] if b in spans else 0) for b in sorted(blocks)), size):
                held = [spans[b] for b in names if b in spans]
                if not held:
                    yield names, []
                    continue
                where = con.execute("SELECT m, d FROM _bilat_fuse WHERE n >= ? AND n < ? ORDER BY n",
                                    [min(lo for lo, _ in held), max(hi for _, hi in held)]).fetchall()
                # fetched by row number, which DuckDB reads without scanning the table
                docs = {r[0]: r[1:] for r in con.execute(
                    "SELECT rowid, url, title, date FROM documents WHERE rowid IN (SELECT unnest(?))",
                    [sorted({d for _, d in where})]).fetchall()}
                found = {r[0]: r[1:] for r in con.execute(
                    "SELECT rowid, block, id, record FROM mentions WHERE rowid IN (SELECT unnest(?))",
                    [[m for m, _ in where]]).fetchall()}
                yield names, [(*found[m], *docs[d]) for m, d in where]
        finally:
            with contextlib.suppress(duckdb.Error):
                con.execute("DROP TABLE IF EXISTS _bilat_fuse")

    def export_block(self, block: str, path: str) -> None:
        """One block's current mentions (id, doc_id, date, block, record) written to a Parquet file,
        for a worker to fuse (``bilat.engine.large_blocks``): DuckDB writes it, and no record passes
        through Python here."""
        target = str(path).replace("'", "''")
        self.con.execute("COPY (SELECT m.id, m.doc_id, m.date, m.block, m.record FROM mentions m "
                         "JOIN documents d ON d.id = m.doc_id WHERE d.current AND m.block = ?) "
                         f"TO '{target}' (FORMAT parquet)", [block])

    @contextlib.contextmanager
    def large_block(self, block: str) -> Iterator[LargeBlock]:
        """The reads of one block too large to hold (``bilat.fuse.split``), while the block is open.

        One join of the stored mentions with their documents finds the block's current mentions
        (their row numbers, ids and dates, in a temporary table); each piece and each gathering
        then fetches records by row number, which DuckDB reads without scanning the table. A query
        per piece over all stored mentions (and a join with every document) would cost, at ten
        million mentions, more than fusing them (#10)."""
        con = self.con
        con.execute("CREATE OR REPLACE TEMP TABLE _bilat_block AS SELECT m.rowid AS r, m.id, m.date "
                    "FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE d.current AND m.block = ? "
                    "ORDER BY m.date, m.rowid", [block])
        try:
            yield LargeBlock(con)
        finally:
            with contextlib.suppress(duckdb.Error):
                con.execute("DROP TABLE IF EXISTS _bilat_block; DROP TABLE IF EXISTS _bilat_gathered")


class LargeBlock:
    """One large block's mentions: how many each date has, those of some dates, and by cluster."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def dates(self) -> list[tuple[str | None, int]]:
        """The block's dates, with how many current mentions have each."""
        return self.con.execute("SELECT date, count(*) FROM _bilat_block GROUP BY date").fetchall()

    def _records(self, rowids: list[int]) -> dict[int, str]:
        return dict(self.con.execute("SELECT rowid, record FROM mentions WHERE rowid IN (SELECT unnest(?))",
                                     [rowids]).fetchall())

    def piece(self, dates: Sequence[str | None]) -> list[dict[str, Any]]:
        """The block's current mentions of some dates (None: those without a date)."""
        rowids = [r for (r,) in self.con.execute(
            "SELECT r FROM _bilat_block WHERE date IN (SELECT unnest(?)) OR (? AND date IS NULL)",
            [[d for d in dates if d is not None], None in dates]).fetchall()]
        return [json.loads(r) for r in self._records(rowids).values()]

    def gather(self, ids: Sequence[str], numbers: Sequence[int],
               spans: Iterable[tuple[int, int]]) -> Iterator[list[tuple[int, dict[str, Any]]]]:
        """Mentions by id with a number each (their cluster), for each range ``[lo, hi)`` of numbers in turn."""
        gathered = pa.table({"id": pa.array(ids, pa.string()), "number": pa.array(numbers, pa.int64())})
        with registered(self.con, "_bilat_gather", gathered):  # each id's row number, found once
            self.con.execute("CREATE OR REPLACE TEMP TABLE _bilat_gathered AS SELECT g.number, b.r "
                             "FROM _bilat_gather g JOIN _bilat_block b ON b.id = g.id ORDER BY g.number")
        for lo, hi in spans:
            where = self.con.execute("SELECT r, number FROM _bilat_gathered WHERE number >= ? AND number < ?",
                                     [lo, hi]).fetchall()
            found = self._records([r for r, _ in where])
            yield [(n, json.loads(found[r])) for r, n in where]


# -- the Ray fusion stage's blocks, from Parquet shards (bilat.engine.ray_fusion) -------------------

def parquet_block_sizes(files: Sequence[str], larger_than: int) -> dict[str, int]:
    """The fusion blocks with more than ``larger_than`` mentions in the mentions Parquet ``files``,
    with how many each has. DuckDB counts them in one scan of the block column, spilling to disk if
    it must, where a count in Python would hold every block's name."""
    if not files:
        return {}
    with duckdb.connect() as con:
        return dict(con.execute("SELECT block, count(*) FROM read_parquet(?) GROUP BY block HAVING count(*) > ?",
                                [list(files), larger_than]).fetchall())


@contextlib.contextmanager
def parquet_block(files: Sequence[str], block: str, folder: str, memory: str = "1GB") -> Iterator[LargeBlock]:
    """The reads of one large block (``LargeBlock``) from Parquet ``files`` of its mentions (the Ray
    fusion stage's split of the shards, or ``BlockReads.export_block``'s file).

    The block's mentions are copied once into a DuckDB file under ``folder`` (a node's local
    disk), limited to ``memory`` and one thread, so that each piece and gathering fetches records
    by row number as ``Store.large_block`` does; the block is never held whole in memory."""
    con = duckdb.connect(f"{folder}/block.duckdb")
    try:
        con.execute(f"SET memory_limit = '{memory}'; SET threads = 1; SET preserve_insertion_order = false")
        con.execute("CREATE TABLE mentions AS SELECT id, date, record FROM read_parquet(?) WHERE block = ?",
                    [list(files), block])
        con.execute("CREATE TEMP TABLE _bilat_block AS SELECT rowid AS r, id, date FROM mentions ORDER BY date, r")
        yield LargeBlock(con)
    finally:
        con.close()
