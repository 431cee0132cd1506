"""``bilat ingest ...`` as a user runs it, with the writer's time split into steps.

    .venv/bin/python bench/ingest_steps.py STEPS.json ingest corpus.jsonl --db kb.duckdb --workers 2

Runs the ``bilat`` command in this process (the same entry point as the script) after wrapping a
few functions of the library with timers; at exit it writes the seconds spent in each to
STEPS.json. The writer's steps, in the order a batch meets them:

- ``read + wait for analysis``: the writer waiting for the next analysed batch (reading the input
  and, with workers, waiting for them; with one process, the analysis itself)
- ``dedup query``: ``Store.known`` before analysis (which documents are stored already)
- ``store``: ``pipeline.store_batch``, split into ``versions query``, ``appends`` (every table,
  side tables included) and ``search index``
- ``commits``: every ``COMMIT`` on the connection: each batch's while storing; at the end also
  fusion's and close's
- ``fuse``: ``pipeline.fuse`` of the touched blocks, split into ``fuse_block`` (the pure fusion)
  and ``write events``; the rest is reading the blocks' mentions
- ``close``: ``query.cluster`` (sorting the side tables) and DuckDB's checkpoint
- ``summary``: the counts the command prints

Only the time of these calls is measured (a ``time.perf_counter`` pair around each); what is
stored does not change.
"""

from __future__ import annotations

import atexit
import functools
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

STEPS: dict[str, float] = defaultdict(float)
#: every ``EVERY`` stored batches: seconds since start, batches, and the cumulative seconds of each step
TIMELINE: list[dict[str, float]] = []
EVERY = 10
_T0 = time.perf_counter()


def timed(owner: Any, name: str, step: str) -> None:
    """Replace ``owner.name`` by a wrapper adding its time to ``STEPS[step]``."""
    fn = getattr(owner, name)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            STEPS[step] += time.perf_counter() - t0

    setattr(owner, name, wrapper)


def timed_iter(owner: Any, name: str, step: str) -> None:
    """Replace the generator method ``owner.name`` by one adding the time of each ``next`` to ``STEPS[step]``."""
    fn = getattr(owner, name)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        it = fn(*args, **kwargs)
        while True:
            t0 = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                STEPS[step] += time.perf_counter() - t0
            yield item

    setattr(owner, name, wrapper)


class _Timed:
    """A DuckDB connection whose ``COMMIT`` statements are timed (everything else passes through)."""

    def __init__(self, con: Any) -> None:
        self._con = con

    def execute(self, sql: str, *args: Any) -> Any:
        if sql != "COMMIT":
            return self._con.execute(sql, *args)
        t0 = time.perf_counter()
        try:
            return self._con.execute(sql, *args)
        finally:
            STEPS["commits"] += time.perf_counter() - t0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def install() -> None:
    """Wrap the steps of an ingest with timers."""
    from bilat import kb, pipeline
    from bilat.engine import local
    from bilat.store import Store, query

    timed_iter(local.LocalPool, "map", "read + wait for analysis")
    timed_iter(local.InProcess, "map", "read + wait for analysis")
    timed(pipeline, "new_documents", "dedup query")
    timed(pipeline, "store_batch", "store")
    count = pipeline.store_batch

    def store_batch(*args: Any, **kwargs: Any) -> Any:
        out = count(*args, **kwargs)
        STEPS["batches"] += 1
        STEPS["documents"] += len(args[1])
        if STEPS["batches"] % EVERY == 0:
            TIMELINE.append({"t": time.perf_counter() - _T0, **STEPS})
            dump()  # as it goes: a run stopped before its end still tells how far it went, and how
        return out

    pipeline.store_batch = store_batch
    timed(Store, "_versions", "store: versions query")
    timed(Store, "_append", "store: appends")
    timed(query, "index_text", "store: search index")
    opened = Store.__init__

    def init(self: Store, *args: Any, **kwargs: Any) -> None:
        opened(self, *args, **kwargs)
        self.con = _Timed(self.con)  # type: ignore[assignment]

    Store.__init__ = init  # type: ignore[method-assign]
    timed(pipeline, "fuse", "fuse")
    timed(pipeline, "fuse_block", "fuse: fuse_block")
    timed(Store, "replace_records", "fuse: write events")
    timed(query, "cluster", "close: cluster")
    timed(Store, "close", "close")
    timed(kb.KnowledgeBase, "summary", "summary")


def dump() -> None:
    """Write the steps so far to the file named on the command line."""
    steps: dict[str, Any] = dict(STEPS)
    # The batches' reading and new_documents run inside the engine's map: count them once.
    steps["read + wait for analysis"] = steps.get("read + wait for analysis", 0.0) - steps.get("dedup query", 0.0)
    steps["all"] = time.perf_counter() - _T0
    with open(OUT[0], "w", encoding="utf-8") as f:
        json.dump({**steps, "timeline": TIMELINE}, f)


OUT: list[str] = []


def main(out: str, argv: list[str]) -> None:
    from bilat.cli import cli

    OUT.append(out)
    install()
    atexit.register(dump)
    entry: Callable[..., Any] = cli
    entry(argv, prog_name="bilat")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
