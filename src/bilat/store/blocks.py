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
        the blocks' into a temporary table that each chunk reads by row number: a query per chunk
        over all stored mentions would cost, at ten million, far more than the fusion itself (#10).
        A larger block is read in pieces instead (``block_dates``, ``block_piece``)."""
        from bilat.fuse.split import pack

        if not blocks:
            return
        con = self.con
        # only where each mention is (its block, its row and its document's): a small sort
        with registered(con, "_bilat_wanted", pa.table({"block": pa.array(list(blocks), pa.string())})):
            con.execute(
                "CREATE OR REPLACE TEMP TABLE _bilat_fuse AS SELECT m.block, m.rowid AS m, d.rowid AS d "
                "FROM mentions m JOIN documents d ON d.id = m.doc_id "
                "WHERE d.current AND m.block IN (SELECT block FROM _bilat_wanted) ORDER BY m.block, m.id")
        try:
            spans = {b: (lo, hi) for b, lo, hi in con.execute(
                "SELECT block, min(rowid), max(rowid) + 1 FROM _bilat_fuse GROUP BY block").fetchall()}
            for names in pack(((b, spans[b][1] - spans[b][0] if b in spans else 0) for b in sorted(blocks)), size):
                held = [spans[b] for b in names if b in spans]
                if not held:
                    yield names, []
                    continue
                where = con.execute("SELECT m, d FROM _bilat_fuse WHERE rowid >= ? AND rowid < ? ORDER BY rowid",
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

    def block_dates(self, block: str) -> list[tuple[str | None, int]]:
        """The dates of a fusion block's current mentions, with how many mentions have each."""
        return self.con.execute(
            "SELECT m.date, count(*) FROM mentions m JOIN documents d ON d.id = m.doc_id "
            "WHERE d.current AND m.block = ? GROUP BY m.date", [block]).fetchall()

    def block_piece(self, block: str, dates: Sequence[str | None]) -> list[dict[str, Any]]:
        """A fusion block's current mentions of some dates (None: those without a date)."""
        rows = self.con.execute(
            "SELECT m.record FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE d.current AND m.block = ? "
            "AND (m.date IN (SELECT unnest(?)) OR (? AND m.date IS NULL))",
            [block, [d for d in dates if d is not None], None in dates]).fetchall()
        return [json.loads(r) for (r,) in rows]

    def gather(self, ids: Sequence[str], numbers: Sequence[int],
               spans: Iterable[tuple[int, int]]) -> Iterator[list[tuple[int, dict[str, Any]]]]:
        """Mentions by id with a number each (their cluster), for each range ``[lo, hi)`` of numbers in turn."""
        gathered = pa.table({"id": pa.array(ids, pa.string()), "number": pa.array(numbers, pa.int64())})
        with registered(self.con, "_bilat_gather", gathered):
            for lo, hi in spans:
                rows = self.con.execute(
                    "SELECT g.number, m.record FROM _bilat_gather g JOIN mentions m ON m.id = g.id "
                    "WHERE g.number >= ? AND g.number < ?", [lo, hi]).fetchall()
                yield [(n, json.loads(r)) for n, r in rows]
