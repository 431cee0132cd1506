"""Corpora read by Ray Data: a file a read task, its documents in shards, the pure stage a shard a task.

    from_items(corpus files) -> flat_map(read one file with bilat's reader into named shards)
                             -> map_batches(process_batch over one shard, written to DIR)

Ray Data's own readers (``read_json``, ``read_csv``, ``read_parquet``) are not used for the records
themselves: they do not give a record's line or row number, which is part of its stored source and
its fallback id, and one bad JSON line fails the whole read instead of being one failure line. Reading
each file with ``bilat.ingest.read`` inside the read task gives the documents and failure lines of
``bilat ingest`` exactly, while the reading itself moves off the driver onto the cluster.

The read task checks each shard's ``_done`` marker and sends no documents for a completed shard, so a
re-run reads but does not process again. A task whose worker dies is retried (``MAX_RETRIES``); an
error inside a shard's processing comes back as that shard's failure, and the others go on.
"""

from __future__ import annotations

import logging
import pickle
import warnings
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from bilat.engine import shards
from bilat.engine.ray_engine import RunReport, file_shards, process_shard
from bilat.ingest.readers import CORPUS_EXT, JSONL_EXT, PARQUET_EXT

CORPORA = JSONL_EXT | CORPUS_EXT | PARQUET_EXT
MAX_RETRIES = 2  # a shard whose worker dies is run again up to this many times


def reads(path: str) -> bool:
    """Whether ``path`` is a corpus that Ray Data reads (stdin and single documents are read by the driver)."""
    return path != "-" and Path(path).suffix.lower() in CORPORA


def _read_file(row: dict[str, Any], out: str, shard_size: int, max_bytes: int) -> Iterator[dict[str, Any]]:
    """In a read task: one corpus file as rows, one a shard (its documents pickled; none when done),
    each carrying the failure lines read before it; a last row without a shard for failures after it."""
    lines: list[str] = []
    for shard, docs in file_shards(int(row["index"]), str(row["path"]), shard_size, max_bytes, lines.append):
        skipped = shards.done(Path(out), shard)
        said = "\n".join(lines)
        lines.clear()  # the reader goes on appending to this list
        yield {"shard": shard, "count": len(docs), "skipped": skipped, "lines": said,
               "docs": b"" if skipped else pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL)}
    if lines:
        yield {"shard": "", "count": 0, "skipped": False, "lines": "\n".join(lines), "docs": b""}


def _process(batch: dict[str, Any], out: str) -> dict[str, list[Any]]:
    """In a map task: the pure stage over each shard of the batch, written to ``out``."""
    from bilat.pipeline import why

    result: dict[str, list[Any]] = {"shard": [], "count": [], "skipped": [], "lines": [], "error": []}
    for shard, count, skipped, lines, docs in zip(batch["shard"], batch["count"], batch["skipped"], batch["lines"],
                                                  batch["docs"], strict=True):
        error = ""
        if shard and not skipped:
            try:
                _, failed = process_shard(out, str(shard), pickle.loads(docs))
                lines = "\n".join(x for x in (str(lines), *failed) if x)
            except Exception as e:  # this shard fails; the others go on
                error = why(e)
        for key, value in zip(result, (str(shard), int(count), bool(skipped), str(lines), error), strict=True):
            result[key].append(value)
    return result


def run(out: str, files: Sequence[tuple[int, str]], shard_size: int, max_bytes: int, report: RunReport,
        finished: Callable[[str, int, Sequence[str], str | None], None], fail: Callable[[str], None]) -> None:
    """Read and process the corpus ``files`` (each with its place in reading order) into ``out``."""
    import ray.data

    quiet()
    ds = ray.data.from_items([{"index": i, "path": p} for i, p in files], override_num_blocks=len(files))
    # Different resources keep the two stages apart, so the shards of one large file spread over the CPUs.
    ds = ds.flat_map(partial(_read_file, out=out, shard_size=shard_size, max_bytes=max_bytes), num_cpus=0.5)
    with warnings.catch_warnings():  # max_retries has no named parameter yet; Ray warns about the extra one
        warnings.simplefilter("ignore", DeprecationWarning)
        ds = ds.map_batches(partial(_process, out=out), batch_size=1, num_cpus=1, max_retries=MAX_RETRIES)
    try:
        for row in ds.iter_rows():
            lines = [x for x in row["lines"].split("\n") if x]
            if not row["shard"]:
                for line in lines:
                    fail(line)
                continue
            report.shards += 1
            report.documents += row["count"]
            if row["skipped"]:
                report.skipped += 1
                for line in lines:
                    fail(line)
                continue
            finished(row["shard"], row["count"], lines, row["error"] or None)
    except Exception as e:  # the dataset itself failed (a worker died past its retries): say so, once
        from bilat.pipeline import why

        report.failed_shards.append("ray-data")
        fail(f"Ray Data read of {len(files)} corpus files stopped ({why(e)}); run again to resume it")


def quiet() -> None:
    """Ray Data without its progress bars and per-dataset log lines (bilat prints its own summary)."""
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)
