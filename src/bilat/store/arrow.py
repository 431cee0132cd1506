"""Python rows handed to DuckDB as Arrow tables, registered for the length of a statement or two."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

import duckdb
import pyarrow as pa


def rows_table(names: Sequence[str], rows: Sequence[tuple[Any, ...]],
               types: Sequence[pa.DataType] | None = None) -> pa.Table:
    """``rows`` (tuples in the order of ``names``) as an Arrow table; ``types``, when given, one per column."""
    cols = list(zip(*rows, strict=True)) if rows else [[] for _ in names]
    kinds = types or [None] * len(names)
    return pa.table({n: pa.array(c, type=t) for n, c, t in zip(names, cols, kinds, strict=True)})


@contextlib.contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
    """``table`` readable as ``name`` inside the block, and unregistered after it."""
    con.register(name, table)
    try:
        yield
    finally:
        # After a failed statement DuckDB refuses even this until the rollback: report the first error.
        with contextlib.suppress(duckdb.Error):
            con.unregister(name)


def query_table(con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    """What ``sql`` selects, as an Arrow table that Python holds: its memory goes when it is
    dropped, whatever DuckDB's transaction (a temporary table dropped inside a transaction keeps
    its memory until the commit). Lossless: a JSON column stays JSON when the table is read back,
    so that DuckDB does not parse it again to check it."""
    con.execute("SET arrow_lossless_conversion = true")
    try:
        return con.sql(sql).to_arrow_table()
    finally:
        con.execute("RESET arrow_lossless_conversion")
