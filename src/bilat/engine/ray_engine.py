"""The pure stage on a Ray cluster: ``bilat run --engine ray INPUT... --out DIR`` (extra ``bilat[ray]``).

The driver reads the inputs with bilat's own readers (every format ``bilat ingest`` reads, with the same
failure lines), groups the documents into shards of ``shard_size``, and maps
``pipeline.process_batch`` over them as Ray tasks, at most ``2 × CPUs`` shards in flight. Each task
writes its shard's Parquet files into DIR (``bilat.engine.shards``); the driver then marks the shard
done, so a re-run skips it. A shard whose task fails (its worker died, DIR could not be written) is
reported with its reason, and the others go on. ``bilat load DIR --db FILE`` then stores and fuses it all.

``RAY_ADDRESS`` attaches to a running cluster (DIR must then be on storage that every node sees, and
bilat installed on every node); without it a local Ray is started with ``num_cpus`` CPUs. Ray is imported
only here, and only when a run starts: bilat imports and runs without it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilat.engine import shards
from bilat.ingest import MAX_BYTES, Failure, ReadWarning, expand, read
from bilat.records import Document

NO_RAY = "the Ray engine needs Ray: pip install 'bilat[ray]'"


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

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failures and not self.failed_shards


def shard_name(n: int, docs: Iterable[Document]) -> str:
    """A shard's name: its place in reading order, and a hash of its documents (a changed input is a new shard)."""
    h = hashlib.sha1()
    for d in docs:
        h.update(d.id.encode())
        h.update((d.source + "\0" + d.name + "\n").encode())
    return f"{n:07d}-{h.hexdigest()[:12]}"


def read_shards(paths: Iterable[str], shard_size: int, report: RunReport, max_bytes: int,
                fail: Callable[[str], None]) -> Iterator[tuple[str, list[Document]]]:
    """The inputs' documents in shards of ``shard_size``, in reading order, with each one's name."""
    buf: list[Document] = []
    n = 0
    files = list(expand(paths))
    report.files = len(files)
    for path in files:
        for item in read(path, max_bytes=max_bytes):
            if isinstance(item, ReadWarning):
                continue
            if isinstance(item, Failure):
                fail(str(item))
                continue
            report.documents += 1
            buf.append(item)
            if len(buf) >= shard_size:
                yield shard_name(n, buf), buf
                n, buf = n + 1, []
    if buf:
        yield shard_name(n, buf), buf


def _process_shard(out: str, shard: str, docs: list[Document]) -> tuple[int, list[str]]:
    """In a Ray worker: the pure stage over one shard, written to ``out``."""
    from bilat.pipeline import process_batch

    return shards.write_shard(Path(out), shard, process_batch(docs))


def run(
    paths: Iterable[str],
    out: str | Path,
    *,
    shard_size: int = 64,
    num_cpus: int | None = None,
    max_bytes: int = MAX_BYTES,
    on_failure: Callable[[str], None] | None = None,
    on_shard: Callable[[str, int], None] | None = None,
) -> RunReport:
    """Process ``paths`` on Ray into the folder ``out``; shards completed by an earlier run are skipped.

    ``on_failure`` gets one line per input, document or shard that failed; ``on_shard`` the name and
    document count of each shard completed now."""
    try:
        import ray
    except ImportError:
        raise RuntimeError(NO_RAY) from None
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = RunReport()

    def fail(line: str) -> None:
        report.failures.append(line)
        if on_failure:
            on_failure(line)

    started = False
    if not ray.is_initialized():
        if os.environ.get("RAY_ADDRESS"):
            ray.init(log_to_driver=False)
        else:
            ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False)
        started = True
    try:
        task = ray.remote(max_retries=1)(_process_shard)
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        in_flight: dict[Any, tuple[str, int]] = {}

        def settle(wait_for: int) -> None:
            while len(in_flight) > wait_for:
                ready, _ = ray.wait(list(in_flight), num_returns=1)
                for ref in ready:
                    shard, count = in_flight.pop(ref)
                    try:
                        _, failed = ray.get(ref)
                    except Exception as e:
                        from bilat.pipeline import why

                        report.failed_shards.append(shard)
                        fail(f"shard {shard} ({count} documents): failed ({why(e)}); run again to retry it")
                        continue
                    for line in failed:
                        fail(line)
                    shards.mark_done(out, shard)
                    report.processed += 1
                    if on_shard:
                        on_shard(shard, count)

        for shard, docs in read_shards(paths, shard_size, report, max_bytes, fail):
            report.shards += 1
            if shards.done(out, shard):
                report.skipped += 1
                continue
            settle(2 * cpus - 1)
            in_flight[task.remote(str(out.resolve()), shard, docs)] = (shard, len(docs))
        settle(0)
    finally:
        if started:
            ray.shutdown()
    return report
