"""Fusion as a second, grouped Ray stage: the completed shards' mentions grouped by block, each block
fused in a Ray task, the events written as Parquet under DIR/events.

    from_items(completed shards) -> map_batches(read their mentions: block, record; without those of a
                                    text an earlier shard holds, as load stores the first copy only,
                                    and without those of large blocks)
      -> groupby(block).map_groups(pipeline.event_rows)
      -> map_batches(write Parquet files into DIR/.events-<id>) -> renamed DIR/events, then _complete.json

A block is fused by ``bilat.pipeline.event_rows``, the function ``bilat ingest`` and ``bilat load``
fuse with, so the events are theirs. A block of more than ``Store._LARGE_BLOCK`` mentions, which
``map_groups`` would hold whole in one task, is fused instead in a Ray task of its own, in pieces
by dates (``pipeline.fuse_large``, as ``bilat ingest`` fuses it). First each shard is read once
for all large blocks, and their mentions written a folder per block (``_split_shard``, a Ray task a
shard), so that N large blocks cost one read of the shards, not N. Then a block's mentions are
copied into a DuckDB file on the node's disk, each piece of about ``Store._MENTIONS_PER_QUERY`` mentions is read
from there, and its events are written as they come. Those tasks run beside the grouped stage.

The marker names the completed shards the events came from:
``bilat load`` stores these events instead of fusing again only when they match the shards it
loads (and the database was empty); a re-run with nothing new skips the stage.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections import defaultdict
from functools import partial
from itertools import groupby
from pathlib import Path
from typing import Any

from bilat.engine import shards
from bilat.engine.large_blocks import events_table, fuse_to_parquet

_MB_PER_PARTITION = 64  # mentions' Parquet bytes per shuffle partition (at least one partition per CPU)


def _without(table: Any, docs: list[str]) -> Any:
    """A shard's mentions without those of the documents ``docs`` (texts an earlier shard holds)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return table.filter(pc.invert(pc.is_in(table.column("doc_id"), pa.array(docs, pa.string())))) if docs else table


def _read_mentions(batch: Any, twins: dict[str, list[str]], skip: frozenset[str] = frozenset()) -> Any:
    """In a Ray task: the mentions of the batch's shards (block, record), without those of documents
    that an earlier shard holds (``twins``: shard -> document ids) and those of the blocks ``skip``
    (fused alone). Read with pyarrow, not ``ray.data.read_parquet``, whose path checks
    import fsspec's HTTP file system from several threads at once and fail now and then when it is
    not installed ("cannot import name 'HTTPFileSystem'")."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    tables = []
    for path, shard in zip(batch.column("path").to_pylist(), batch.column("shard").to_pylist(), strict=True):
        t = _without(pq.read_table(path, columns=["doc_id", "block", "record"]), twins.get(shard, []))
        if skip:
            t = t.filter(pc.invert(pc.is_in(t.column("block"), pa.array(sorted(skip), pa.string()))))
        tables.append(t.select(["block", "record"]))
    return pa.concat_tables(tables)


def _write_events(batch: Any, folder: str) -> Any:
    """In a Ray task: a batch of events written as one Parquet file of ``folder``; returns how many."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if batch.num_rows:
        name = f"{uuid.uuid4().hex}.parquet"
        pq.write_table(batch, Path(folder) / f".{name}.tmp")
        os.replace(Path(folder) / f".{name}.tmp", Path(folder) / name)
    return pa.table({"events": [batch.num_rows]})


def _fuse_group(group: Any) -> Any:
    """In a Ray task: the events of one block's mentions, as a table of the events schema."""
    from bilat.pipeline import event_rows, fusion_mention

    records = sorted(group.column("record").to_pylist())  # a fixed order, whatever order the shuffle gave
    mentions = [fusion_mention(json.loads(r)) for r in records]
    return events_table(event_rows(group.column("block")[0].as_py(), mentions) if mentions else [])


def _split_shard(path: str, twins: list[str], big: list[str], folder: str) -> None:
    """In a Ray task: the mentions of the large blocks ``big`` in one shard (without those of the
    documents ``twins``), written as ``folder/<n>/<shard>.parquet``, ``n`` the block's place in ``big``.
    Each shard is read once for all large blocks, so that a block's task reads only its own mentions."""
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=["id", "doc_id", "date", "block", "record"], filters=[("block", "in", big)])
    table = _without(table, twins).sort_by("block")
    number = {b: n for n, b in enumerate(big)}
    start = 0
    for block, rows in groupby(table.column("block").to_pylist()):
        count = sum(1 for _ in rows)
        target = Path(folder) / str(number[block]) / f"{Path(path).stem}.parquet"
        target.parent.mkdir(exist_ok=True)
        pq.write_table(table.slice(start, count), target.with_name(f".{target.name}.tmp"))
        os.replace(target.with_name(f".{target.name}.tmp"), target)  # a retried task writes it again
        start += count


def _fuse_large_block(files: list[str], block: str, folder: str, size: int) -> int:
    """In a Ray task: the events of one large block from its mentions' files (``_split_shard``), fused
    in pieces of about ``size`` mentions and written as one Parquet file of ``folder`` (named after
    the block, so that a retried task replaces it); returns how many."""
    name = f"large-{hashlib.sha1(block.encode()).hexdigest()[:16]}.parquet"
    return fuse_to_parquet(files, block, Path(folder) / name, size)


def _large_tasks(names: list[str], done: list[str], twins: dict[str, list[str]], big: list[str],
                 split: Path, folder: str, size: int) -> list[Any]:
    """The Ray tasks that fuse the large blocks ``big``, started once every shard is split by them
    (one read of each shard in all, whatever the number of large blocks)."""
    import ray

    if not big:
        return []
    split.mkdir()
    task = ray.remote(num_cpus=1)(_split_shard)
    ray.get([task.remote(name, twins.get(shard, []), big, str(split)) for name, shard in zip(names, done, strict=True)])
    task = ray.remote(num_cpus=1)(_fuse_large_block)
    files = [sorted(str(f) for f in (split / str(n)).glob("*.parquet")) for n in range(len(big))]
    return [task.remote(f, b, folder, size) for f, b in zip(files, big, strict=True) if f]  # none: all twins'


def fuse(out: Path, cpus: int, large: int | None = None, size: int | None = None) -> int:
    """Fuse the mentions of every completed shard in ``out`` into DIR/events; return the events written.

    A block of more than ``large`` mentions (``Store._LARGE_BLOCK``) is fused in its own task, in
    pieces of about ``size`` (``Store._MENTIONS_PER_QUERY``). Skipped (the count of the last run
    returned) when DIR/events is complete for these shards already."""
    import pyarrow.parquet as pq
    import ray
    import ray.data

    from bilat.engine.ray_data import quiet
    from bilat.store import Store
    from bilat.store.blocks import parquet_block_sizes

    size = Store._MENTIONS_PER_QUERY if size is None else size
    large = max(Store._LARGE_BLOCK if large is None else large, size)

    ready = shards.events_ready(out)
    if ready is not None:
        return ready
    done = shards.completed(out)
    files = [out / "mentions" / f"{s}.parquet" for s in done]
    run = uuid.uuid4().hex[:12]
    tmp = out / f".events-{run}"
    tmp.mkdir()
    split = out / f".large-{run}"  # the large blocks' mentions, a folder each
    try:
        rows = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
        if rows:
            quiet()
            nbytes = sum(f.stat().st_size for f in files)
            parts = int(max(cpus, nbytes // (_MB_PER_PARTITION * 2**20) + 1))
            twins: defaultdict[str, list[str]] = defaultdict(list)  # shard -> texts an earlier shard holds
            for shard, doc in sorted(shards.later_twins(out, done)):
                twins[shard].append(doc)
            names = [str(f) for f in files]
            big = sorted(parquet_block_sizes(names, large))
            alone = _large_tasks(names, done, twins, big, split, str(tmp), size)
            ds = ray.data.from_items([{"path": f, "shard": s} for f, s in zip(names, done, strict=True)],
                                     override_num_blocks=min(len(files), 4 * parts))
            ds = ds.map_batches(partial(_read_mentions, twins=dict(twins), skip=frozenset(big)), batch_format="pyarrow",
                                batch_size=8)
            ds = ds.groupby("block", num_partitions=parts).map_groups(_fuse_group, batch_format="pyarrow")
            ds = ds.map_batches(partial(_write_events, folder=str(tmp)), batch_format="pyarrow")
            ds.materialize()
            ray.get(alone)
        events = sum(pq.ParquetFile(f).metadata.num_rows for f in tmp.glob("*.parquet"))
        shutil.rmtree(out / shards.EVENTS, ignore_errors=True)
        tmp.rename(out / shards.EVENTS)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(split, ignore_errors=True)
    shards.mark_events(out / shards.EVENTS, done, events)
    return events
