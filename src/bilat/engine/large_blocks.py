"""A large fusion block fused from Parquet files of its mentions into a Parquet file of its events.

What a Ray task of the fusion stage (``bilat.engine.ray_fusion``) and a worker of the local pool
(``bilat.pipeline.fuse`` with ``--workers`` 2 or more) run for a block of more than
``Store._LARGE_BLOCK`` mentions: the block's mentions are copied into a DuckDB file on local disk
(``bilat.store.blocks.parquet_block``), fused in pieces by dates (``pipeline.fuse_large``, exactly
as the writer fuses such a block itself) and the events written ``EVENTS_PER_WRITE`` at a time, so
no process holds the block whole and the writer only appends the events.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from bilat.engine import shards

EVENTS_PER_WRITE = 10_000  # events written to Parquet this many at a time


def events_table(rows: Sequence[tuple[Any, ...]]) -> Any:
    """Rows of the events table (``pipeline.event_row``) as an Arrow table of the events schema."""
    import pyarrow as pa

    schema = shards._SCHEMAS[shards.EVENTS]
    return pa.Table.from_pylist([dict(zip(schema.names, r, strict=True)) for r in rows], schema=schema)


def fuse_to_parquet(files: Sequence[str], block: str, out: Path, size: int) -> int:
    """The events of one large block from Parquet ``files`` of its mentions (``parquet_block``), fused
    in pieces of about ``size`` mentions and written to ``out`` (through a temporary name, so that a
    retry replaces it); returns how many."""
    import pyarrow.parquet as pq

    from bilat.pipeline import event_row, fuse_large
    from bilat.store.blocks import parquet_block

    tmp = out.with_name(f".{out.name}.tmp")
    count = 0
    with tempfile.TemporaryDirectory(prefix="bilat-block-") as local, \
            parquet_block(files, block, local) as reads, \
            pq.ParquetWriter(tmp, shards._SCHEMAS[shards.EVENTS]) as writer:
        events = (event_row(e, block) for e in fuse_large(reads, size))
        while run := list(islice(events, EVENTS_PER_WRITE)):
            writer.write_table(events_table(run))
            count += len(run)
    os.replace(tmp, out)
    return count


def fuse_job(job: tuple[str, str, str, int]) -> tuple[str, str, str]:
    """For a worker of the local pool: ``(mentions file, block, events file, size)`` ->
    ``(block, mentions file, events file)`` (the writer exported the block's current mentions)."""
    mentions, block, events, size = job
    fuse_to_parquet([mentions], block, Path(events), size)
    return block, mentions, events
