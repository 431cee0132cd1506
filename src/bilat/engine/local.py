"""The pure stage on this machine's cores: in this process, or in a pool of worker processes.

    with engine(workers) as run:
        for tag, outcomes in run.map(pipeline.process_batch, batches):
            ...  # store, in the order the batches came

``batches`` yields ``(tag, documents)``; ``map`` yields ``(tag, outcomes)`` in the same order, one
``Processed`` or ``Failure`` per document. The pool never touches the database (its processes are
started by ``forkserver`` or ``spawn``, never forked from a process holding DuckDB open) and
holds at most ``2 × workers`` batches in flight, so reading runs ahead of storing by a bounded
amount. Each batch goes to the pool in ``workers`` pieces of about equal text, so the last batch
of a run keeps every worker busy too. A worker that dies (a segfault, ``os._exit``, the
out-of-memory killer) costs the batches it had in flight nothing: they are run again, alone, and
the one document that kills its worker becomes a failure line.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from bilat.ingest import Failure
from bilat.records import Document

T = TypeVar("T")
Outcomes = list[Any]  # Processed | Failure, one per document
Stage = Callable[[Sequence[Document]], Outcomes]

DIED = "could not be processed (the worker process running it died)"
_END = object()


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class InProcess:
    """Each batch processed here, when it is asked for: exactly the sequence of a plain loop."""

    workers = 1

    def map(self, fn: Stage, batches: Iterable[tuple[T, Sequence[Document]]]) -> Iterator[tuple[T, Outcomes]]:
        """``fn`` over each batch, in order."""
        for tag, docs in batches:
            yield tag, fn(docs)

    def imap(self, fn: Callable[[Any], T], items: Iterable[Any]) -> Iterator[T]:
        """``fn`` over each item, in order."""
        return map(fn, items)

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class LocalPool:
    """Batches processed by ``workers`` processes, results handed back in the order they came."""

    def __init__(self, workers: int, in_flight: int | None = None) -> None:
        self.workers = max(1, workers)
        self.in_flight = max(1, in_flight or 2 * self.workers)
        self._pool: ProcessPoolExecutor | None = None
        self._worked = False  # a worker has handed a result back
        self._unusable = False  # workers die before any result: process here instead

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=_context(), initializer=_orphan_exit,
                                             initargs=(os.getpid(),))
        return self._pool

    def _warm(self, docs: Iterable[Document]) -> None:
        """Tell the forkserver (when it has not started yet) which languages to load before it forks."""
        from bilat.engine.warm import TEXTS
        from bilat.normalise.langid import identify

        with contextlib.suppress(Exception):
            langs = {d.lang or identify(d.text[:2000])[0] for d in docs}
            os.environ.setdefault("BILAT_WARM", ",".join(sorted(c for c in langs if c in TEXTS)))

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, fn: Stage, batches: Iterable[tuple[T, Sequence[Document]]]) -> Iterator[tuple[T, Outcomes]]:
        """``fn`` over each batch in the pool, at most ``in_flight`` batches ahead of the caller.

        A single batch (an input smaller than one batch) is processed here: a pool is only worth
        starting for two. So is everything when the pool's processes cannot start at all (a script
        without an ``if __name__ == "__main__":`` guard runs itself again in each of them)."""
        it = iter(batches)
        first = next(it, None)
        if first is None:
            return
        second = next(it, None)
        if second is None:
            yield first[0], fn(first[1])
            return
        self._warm([*first[1], *second[1]])
        # [tag, docs, futures]; futures None: the pool died while it was in flight, so run it alone.
        queue: deque[list[Any]] = deque()
        pending: Iterator[tuple[T, Sequence[Document]]] = iter([first, second])
        exhausted = False
        while True:
            while not exhausted and len(queue) < self.in_flight and all(q[2] is not None for q in queue):
                item = next(pending, None) or next(it, None)
                if item is None:
                    exhausted = True
                    break
                queue.append([item[0], item[1], self._submit(fn, item[1])])
            if not queue:
                return
            tag, docs, futures = queue.popleft()
            if self._unusable:
                yield tag, fn(docs)
                continue
            if futures is None:
                yield tag, self._alone(fn, docs)
                continue
            try:
                out = [x for f in futures for x in f.result()]
                self._worked = True
            except BrokenProcessPool:
                self._restart()
                for q in queue:  # what the dead pool had not finished is run again, one batch at a time
                    if not _done_ok(q[2]):
                        q[2] = None
                out = self._alone(fn, docs)
            except Exception:
                out = self._alone(fn, docs)
            yield tag, out

    def imap(self, fn: Callable[[Any], T], items: Iterable[Any]) -> Iterator[T]:
        """``fn`` (pure, deterministic) over each item in the pool, results in order, ``workers + 1``
        items ahead of the caller (fusion's chunks, see ``bilat.pipeline.fuse``). An item whose
        worker dies, or whose result cannot come back, is computed here instead: the same result."""
        queue: deque[tuple[Any, Future[T] | None]] = deque()
        it = iter(items)
        while True:
            while len(queue) <= self.workers and (item := next(it, _END)) is not _END:
                queue.append((item, self._submit_one(fn, item)))
            if not queue:
                return
            item, future = queue.popleft()
            try:
                if future is None:
                    raise BrokenProcessPool
                out = future.result()
                self._worked = True
            except BrokenProcessPool:
                self._restart()
                self._unusable = self._unusable or not self._worked  # the processes cannot start here
                queue = deque((x, f if f is not None and _done_ok([f]) else None) for x, f in queue)
                out = fn(item)
            except Exception:
                out = fn(item)
            yield out

    def _submit_one(self, fn: Callable[[Any], T], item: Any) -> Future[T] | None:
        if self._unusable:
            return None
        try:
            return self._executor().submit(fn, item)
        except BrokenProcessPool:
            return None

    def _submit(self, fn: Stage, docs: Sequence[Document]) -> list[Future[Outcomes]] | None:
        if self._unusable:
            return None
        try:
            return [self._executor().submit(fn, part) for part in pieces(docs, self.workers)]
        except BrokenProcessPool:  # it died since the last result; what it held is run again alone
            return None

    def _alone(self, fn: Stage, docs: Sequence[Document]) -> Outcomes:
        """One batch with nothing else in the pool; when it kills its worker, each document alone."""
        try:
            out = self._executor().submit(fn, docs).result()
            self._worked = True
            return out
        except BrokenProcessPool:
            self._restart()
            if not self._worked:  # no worker ever gave a result: the processes cannot start here
                self._unusable = True
                return fn(docs)
        except Exception:
            pass
        out = []
        for doc in docs:
            try:
                out.extend(self._executor().submit(fn, [doc]).result())
            except BrokenProcessPool:
                self._restart()
                out.append(Failure(doc.source or doc.name, DIED))
            except Exception as e:  # a result that could not come back (it would not pickle)
                from bilat.pipeline import why

                out.append(Failure(doc.source or doc.name, f"could not be processed ({why(e)})"))
        return out

    def close(self) -> None:
        """Stop the worker processes (batches not yet handed back are dropped)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def engine(workers: int | None) -> InProcess | LocalPool:
    """The engine for ``workers`` processes: None or 1 runs in this process."""
    if workers is None or workers <= 1:
        return InProcess()
    return LocalPool(workers)


def _orphan_exit(writer: int) -> None:
    """In each worker: exit once the writer process is gone (SIGKILLed, say), instead of waiting
    forever for work (its parent is the forkserver, so the writer is watched by its pid)."""
    import threading
    import time

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(writer, 0)
            except ProcessLookupError:
                os._exit(0)
            except OSError:
                pass

    threading.Thread(target=watch, name="bilat-writer-watch", daemon=True).start()


def _done_ok(futures: list[Future[Any]] | None) -> bool:
    return futures is not None and all(f.done() and not f.cancelled() and f.exception() is None for f in futures)


def pieces(docs: Sequence[Document], n: int) -> list[Sequence[Document]]:
    """``docs`` cut, in order, into at most ``n`` runs of about equal text (none empty): a run
    ends before the document whose middle lies past its share."""
    total = sum(len(d.text) for d in docs)
    out: list[Sequence[Document]] = []
    start, seen = 0, 0
    for i, d in enumerate(docs):
        if i > start and len(out) < n - 1 and (2 * seen + len(d.text)) * n > 2 * total * (len(out) + 1):
            out.append(docs[start:i])
            start = i
        seen += len(d.text)
    out.append(docs[start:])
    return out


def _context() -> multiprocessing.context.BaseContext:
    """``forkserver`` where there is one (workers start from a clean process that has imported the
    pipeline, never from one holding DuckDB's threads), else ``spawn``."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["bilat.engine.warm"])
        return ctx
    return multiprocessing.get_context("spawn")
