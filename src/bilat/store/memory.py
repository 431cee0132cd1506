"""How much memory DuckDB's buffer pool may take: bounded, but never less than the database's keys need.

A bounded pool keeps memory flat however much text is read (#2). The primary keys (documents,
mentions, indicators, events) and the index of the events' cited mentions are ART indexes, though,
and DuckDB has to hold the part of an index that a write or a lookup touches: ids are hashes, so a
batch of new rows touches most of it. Measured
at a million mentions and half a million events, fusion's writes held 57 MB of the events' index
alone, and a 128 MB pool ran out (#10). So the pool is the base below (128 MB for a writer, 512 MB
for a reader, which keeps the index pages that event pages load) plus ``PER_KEY`` bytes for each key
stored, taken again as the tables grow (``Store.fit_memory``); it never takes more than
``SHARE`` of this machine's memory. ``BILAT_DUCKDB_MEMORY`` sets it outright.
"""

from __future__ import annotations

import os
import re

import duckdb

from bilat.errors import SchemaError

MB = 1 << 20
BASE = {False: 128 * MB, True: 512 * MB}  # by read_only
#: the bytes of an ART index per key, with room: about 110 were measured (a 20-character id)
PER_KEY = 160
SHARE = 0.5
#: the pool grows by whole steps of this many bytes
STEP = 32 * MB
#: the tables whose rows are keys of an ART index: the primary keys, and ``event_mentions``, whose
#: index on ``event`` holds a key per cited mention (left out, a 100,000-document ingest ran out of
#: its pool in the closing sort once fusion had loaded that index: 1 million keys)
KEYED = ("documents", "mentions", "indicators", "events", "event_mentions")


def fixed() -> str | None:
    """The size ``BILAT_DUCKDB_MEMORY`` asks for, or None when it is not set."""
    limit = os.environ.get("BILAT_DUCKDB_MEMORY")
    if limit is not None and not re.fullmatch(r"\d+(?:\.\d+)?\s*[KMGT]i?B", limit, re.IGNORECASE):
        raise SchemaError(f"BILAT_DUCKDB_MEMORY={limit!r} is not a size such as 192MB or 2GB")
    return limit


def keys(con: duckdb.DuckDBPyConnection) -> int:
    """About how many primary keys the database holds (DuckDB's own row estimates: no table is read)."""
    rows = con.execute("SELECT coalesce(sum(estimated_size), 0) FROM duckdb_tables() "
                       "WHERE database_name = current_database() AND NOT temporary "
                       "AND table_name IN (SELECT unnest(?))", [list(KEYED)]).fetchall()
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
