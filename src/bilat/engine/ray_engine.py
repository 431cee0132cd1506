"""The pure stage on a Ray cluster: ``bilat run --engine ray INPUT... --out DIR`` (extra ``bilat[ray]``).

Corpora (JSON Lines, CSV/TSV, JSON, Parquet) are read by Ray Data, a file a read task, with bilat's
own readers, and each shard is processed as a Ray Data task (``bilat.engine.ray_data``); the other
files (txt, html, pdf, docx, stdin) are read here, grouped into shards of ``shard_size``, and
``pipeline.process_batch`` is mapped over them as Ray tasks, at most ``2 × CPUs`` in flight
(``reader="driver"`` reads corpora here too). Each task writes its shard's Parquet files into DIR
(``bilat.engine.shards``) and then its ``_done`` marker, so a re-run skips it. A shard whose task
fails (its worker died past its retries, DIR could not be written) is reported with its reason, and
the others go on. When every shard is complete, the events are fused in a second, grouped Ray stage
(``bilat.engine.ray_fusion``) into DIR/events. ``bilat load DIR --db FILE`` then stores it all.

``RAY_ADDRESS`` attaches to a running cluster (DIR must then be on storage that every node sees, and
bilat installed on every node); without it a local Ray is started with ``num_cpus`` CPUs. Ray is imported
only here, and only when a run starts: bilat imports and runs without it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilat.engine import shards
from bilat.ingest import MAX_BYTES, Failure, ReadWarning, expand, read
from bilat.records import Document

NO_RAY = "the Ray engine needs Ray: pip install 'bilat[ray]'"
READERS = ("data", "driver")  # who reads the corpora: Ray Data tasks, or this process


@dataclass
class RunReport:
    """What a run did: documents read, shards run now, skipped (done before) and failed."""

    files: int = 0
    documents: int = 0
    shards: int = 0
    skipped: int = 0
    processed: int = 0
    failures: list[str] = field(default_factory=list)
    failed_shards: list[str] = field(default_factory=list)
    events: int | None = None  # events the fusion stage wrote under DIR/events (None: it did not run)

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failures and not self.failed_shards


def shard_name(file: int, part: int, docs: Iterable[Document]) -> str:
    """A shard's name: the place of its first file in reading order, its place among the shards that
    start in that file, and a hash of its documents (a changed input is a new shard). Names sort in
    reading order, which ``bilat load`` keeps (the first of two files with the same text is stored)."""
    h = hashlib.sha1()
    for d in docs:
        h.update(d.id.encode())
        h.update((d.source + "\0" + d.name + "\n").encode())
    return f"{file:07d}-{part:06d}-{h.hexdigest()[:12]}"


def documents(path: str, max_bytes: int, fail: Callable[[str], None]) -> Iterator[Document]:
    """The documents of one file, read with bilat's own reader; its failure lines go to ``fail``."""
    for item in read(path, max_bytes=max_bytes):
        if isinstance(item, Failure):
            fail(str(item))
        elif not isinstance(item, ReadWarning):
            yield item


def file_shards(index: int, path: str, shard_size: int, max_bytes: int,
                fail: Callable[[str], None]) -> Iterator[tuple[str, list[Document]]]:
    """The documents of one file (a corpus may hold millions) in named shards of ``shard_size``."""
    buf: list[Document] = []
    part = 0
    for doc in documents(path, max_bytes, fail):
        buf.append(doc)
        if len(buf) >= shard_size:
            yield shard_name(index, part, buf), buf
            part, buf = part + 1, []
    if buf:
        yield shard_name(index, part, buf), buf


def read_shards(files: Sequence[tuple[int, str]], shard_size: int, report: RunReport, max_bytes: int,
                fail: Callable[[str], None]) -> Iterator[tuple[str, list[Document]]]:
    """The documents of ``files`` (each with its place in reading order), read here, in shards of
    ``shard_size``; a shard may hold the documents of several consecutive files."""
    buf: list[Document] = []
    first = part = last = -1
    for index, path in files:
        if buf and index != last + 1:  # the files between were read elsewhere (Ray Data): not in this shard
            yield shard_name(first, part, buf), buf
            buf = []
        last = index
        for doc in documents(path, max_bytes, fail):
            if not buf:
                part = part + 1 if first == index else 0
                first = index
            report.documents += 1
            buf.append(doc)
            if len(buf) >= shard_size:
                yield shard_name(first, part, buf), buf
                buf = []
    if buf:
        yield shard_name(first, part, buf), buf


def process_shard(out: str, shard: str, docs: list[Document]) -> tuple[int, list[str]]:
    """In a Ray worker: the pure stage over one shard, written to ``out`` and marked done there."""
    from bilat.pipeline import process_batch

    written = shards.write_shard(Path(out), shard, process_batch(docs))
    shards.mark_done(Path(out), shard)
    return written


def run(
    paths: Iterable[str],
    out: str | Path,
    *,
    shard_size: int = 64,
    num_cpus: int | None = None,
    max_bytes: int = MAX_BYTES,
    reader: str = "data",
    fuse: bool = True,
    on_failure: Callable[[str], None] | None = None,
    on_shard: Callable[[str, int], None] | None = None,
) -> RunReport:
    """Process ``paths`` on Ray into the folder ``out``; shards completed by an earlier run are skipped.

    ``reader``: ``data`` reads corpora (JSON Lines, CSV/TSV, JSON, Parquet) with Ray Data, a file a task,
    and the other files here; ``driver`` reads every file here. With ``fuse``, once every shard is
    complete the events are fused on Ray too (``ray_fusion``) and written under ``out/events``.
    ``on_failure`` gets one line per input, document or shard that failed; ``on_shard`` the name and
    document count of each shard completed now."""
    try:
        import ray
    except ImportError:
        raise RuntimeError(NO_RAY) from None
    from bilat.engine import ray_data, ray_fusion

    if reader not in READERS:
        raise ValueError(f"reader must be one of {', '.join(READERS)}, not {reader!r}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = RunReport()

    def fail(line: str) -> None:
        report.failures.append(line)
        if on_failure:
            on_failure(line)

    def finished(shard: str, count: int, lines: Sequence[str], error: str | None) -> None:
        """A shard's task came back: completed (its failure lines said) or failed (the reason said)."""
        for line in lines:
            fail(line)
        if error is not None:
            report.failed_shards.append(shard)
            fail(f"shard {shard} ({count} documents): failed ({error}); run again to retry it")
            return
        report.processed += 1
        if on_shard:
            on_shard(shard, count)

    files = list(enumerate(expand(paths)))
    report.files = len(files)
    by_data = [(i, p) for i, p in files if reader == "data" and ray_data.reads(p)]
    here = [f for f in files if f not in set(by_data)]
    started = False
    if not ray.is_initialized():
        if os.environ.get("RAY_ADDRESS"):
            ray.init(log_to_driver=False)
        else:
            ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False)
        started = True
    try:
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        where = str(out.resolve())
        _run_tasks(ray, read_shards(here, shard_size, report, max_bytes, fail), where, cpus, report, finished)
        if by_data:
            ray_data.run(where, by_data, shard_size, max_bytes, report, finished, fail)
        if fuse and not report.failed_shards:
            try:
                report.events = ray_fusion.fuse(out, cpus)
            except Exception as e:  # the shards stand: bilat load fuses them itself
                from bilat.pipeline import why

                fail(f"fusion stage: failed ({why(e)}); bilat load will fuse the events itself")
    finally:
        if started:
            ray.shutdown()
    return report


def _run_tasks(ray: Any, shards_read: Iterable[tuple[str, list[Document]]], out: str, cpus: int, report: RunReport,
               finished: Callable[[str, int, Sequence[str], str | None], None]) -> None:
    """The shards read here as Ray tasks, at most 2 × CPUs in flight."""
    from bilat.pipeline import why

    task = ray.remote(max_retries=1)(process_shard)
    in_flight: dict[Any, tuple[str, int]] = {}

    def settle(wait_for: int) -> None:
        while len(in_flight) > wait_for:
            ready, _ = ray.wait(list(in_flight), num_returns=1)
            for ref in ready:
                shard, count = in_flight.pop(ref)
                try:
                    _, failed = ray.get(ref)
                except Exception as e:
                    finished(shard, count, (), why(e))
                    continue
                finished(shard, count, failed, None)

    for shard, docs in shards_read:
        report.shards += 1
        if shards.done(Path(out), shard):
            report.skipped += 1
            continue
        settle(2 * cpus - 1)
        in_flight[task.remote(out, shard, docs)] = (shard, len(docs))
    settle(0)
