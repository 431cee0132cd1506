"""How much memory DuckDB's buffer pool may take: bounded, but never less than the database's keys need.

A bounded pool keeps memory flat however much text is read (#2). The primary keys (documents,
mentions, indicators, events) are ART indexes, though, and DuckDB has to hold the part of an index
that a write touches until the next checkpoint writes it out: ids are hashes, so a batch of new rows
touches most of it. Measured at a million mentions and half a million events, fusion's writes held
57 MB of the events' index alone, and a 128 MB pool ran out (#10). So the pool is the base below
(128 MB for a writer, 512 MB for a reader, which keeps the index pages that event pages load) plus
``PER_KEY`` bytes for each key of the tables written (a reader: of all), taken again as the tables
grow (``Store.fit_memory``); it never takes more than ``SHARE`` of this machine's memory.
``BILAT_DUCKDB_MEMORY`` sets it outright.

Only the tables written count: index pages that were only read can be evicted, and a pool sized
to every key lets DuckDB keep every page it reads cached up to that size. Fusing ten million stored
mentions writes only the events' index, and its memory followed the pool, past 3 GB (docs/scale.md).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

import duckdb

from bilat.errors import SchemaError

MB = 1 << 20
BASE = {False: 128 * MB, True: 512 * MB}  # by read_only
#: the bytes of an ART index per key, with room: about 110 were measured (a 20-character id)
PER_KEY = 160
SHARE = 0.5
#: the least pool of a writer's closing sort (``Store.close``): 100,000 documents ran out of 352 MiB
#: there, once the index of the events' mentions no longer counted (#10)
SORT = BASE[True]
#: the pool grows by whole steps of this many bytes
STEP = 32 * MB
#: the tables whose rows are keys of an ART index: their primary keys
KEYED = ("documents", "mentions", "indicators", "events")


def fixed() -> str | None:
    """The size ``BILAT_DUCKDB_MEMORY`` asks for, or None when it is not set."""
    limit = os.environ.get("BILAT_DUCKDB_MEMORY")
    if limit is not None and not re.fullmatch(r"\d+(?:\.\d+)?\s*[KMGT]i?B", limit, re.IGNORECASE):
        raise SchemaError(f"BILAT_DUCKDB_MEMORY={limit!r} is not a size such as 192MB or 2GB")
    return limit


def keys(con: duckdb.DuckDBPyConnection, tables: Iterable[str] = KEYED) -> int:
    """About how many primary keys ``tables`` hold (DuckDB's own row estimates: no table is read)."""
    rows = con.execute("SELECT coalesce(sum(estimated_size), 0) FROM duckdb_tables() "
                       "WHERE database_name = current_database() AND NOT temporary "
                       "AND table_name IN (SELECT unnest(?))", [sorted(tables)]).fetchall()
    return int(rows[0][0])


def rounded(size: int) -> int:
    """``size`` rounded up to a whole ``STEP``, so that the pool is re-set once a step, not at every write."""
    return -(-size // STEP) * STEP


def physical() -> int | None:
    """This machine's memory in bytes, when the system says."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def limit(read_only: bool, n_keys: int) -> int:
    """The pool, in bytes, for a database of ``n_keys`` keys."""
    want = rounded(max(BASE[read_only], 128 * MB + PER_KEY * n_keys))
    ram = physical()
    return min(want, max(BASE[read_only], int(ram * SHARE))) if ram else want
