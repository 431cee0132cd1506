"""Ingest: paths (files, folders, globs, ``-`` for stdin) to a stream of ``Document`` records.

Nothing is held in memory beyond one document at a time; a JSON Lines or Parquet corpus
is read piece by piece, so its size does not matter.
"""

from __future__ import annotations

import glob
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, cast

from bilat.errors import BadInput
from bilat.ingest.corpora import Reading, read_csv, read_json, read_jsonl
from bilat.ingest.parquet import read_parquet
from bilat.ingest.readers import CORPUS_EXT, JSONL_EXT, PARQUET_EXT, READERS, SUPPORTED, doc_name, read_text
from bilat.records import Document

# One document file (or corpus record) larger than this is refused (a JSON Lines corpus may be any size).
MAX_BYTES = 50 * 1024 * 1024

# Told, for each corpus record read, where it is, the fields its text came from and text fields left out.
OnFields = Callable[[str, tuple[str, ...], tuple[str, ...]], None]


@dataclass(frozen=True, slots=True)
class _Notice:
    """Something to say about one input, in one line: where (a path, or ``path:line``) and why."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Failure(_Notice):
    """An input that could not be read."""


@dataclass(frozen=True, slots=True)
class ReadWarning(_Notice):
    """A document that was kept, with something dropped or repaired (bad metadata, lone surrogates)."""


def expand(paths: Iterable[str], ignored: list[str] | None = None) -> Iterator[str]:
    """Files named by ``paths``: files as given, folders recursively (sorted), globs, and ``-``.

    Inside folders, files of formats bilat does not read are passed over and listed in ``ignored``;
    a file named explicitly is always yielded (and ``read`` says why it cannot be read).
    """
    for p in paths:
        if p == "-":
            yield p
            continue
        matches = sorted(glob.glob(p, recursive=True)) if glob.has_magic(p) else [p]
        if not matches:
            yield p  # reported as missing by ``read``
        for m in matches:
            if os.path.isdir(m):
                for root, dirs, files in os.walk(m):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for f in sorted(files):
                        if f.startswith("."):
                            continue
                        if Path(f).suffix.lower() in SUPPORTED:
                            yield os.path.join(root, f)
                        elif ignored is not None:
                            ignored.append(os.path.join(root, f))
            else:
                yield m


def read(
    path: str,
    max_bytes: int = MAX_BYTES,
    on_fields: OnFields | None = None,
    on_bytes: Callable[[int], None] | None = None,
) -> Iterator[Document | Failure | ReadWarning]:
    """The documents in one file (several for a corpus), failures saying why not, and warnings.

    ``max_bytes`` bounds a document file and every record of a corpus (JSON Lines included).
    Nothing else ever comes out: whatever goes wrong inside a reader becomes one failure that
    names the file (#8). ``on_bytes`` is told how many of the file's bytes have been read so far,
    for a progress bar within one large corpus.
    """
    where = readable(path)
    try:
        for item in _read(path, max_bytes, on_fields, on_bytes):
            if isinstance(item, Failure | ReadWarning):
                yield replace(item, where=readable(item.where))
            else:
                yield _storable(item)
    except Exception as e:  # the boundary of one file: its other documents are already out (#8)
        yield Failure(where, f"could not be read ({type(e).__name__}: {_one_line(e)})")


def readable(name: str) -> str:
    """A path or name that can be printed and stored: bytes that are not UTF-8, and control characters,
    are shown as ``\\xff``.

    On POSIX, a file name with invalid UTF-8 comes from ``os`` with surrogate escapes, which
    neither the terminal nor the database can encode (#8).
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = name.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a lone surrogate that did not come from a file name
            raw = name.encode("utf-8", "surrogatepass")
        name = raw.decode("utf-8", "backslashreplace")
    # A line break or other control character in a name would split the one failure line.
    return name.translate(_CONTROLS) if _CONTROL.search(name) else name


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(32), 127]}


def _storable(doc: Document) -> Document:
    """``doc`` with a name and source the database can store, and text that encodes as UTF-8."""
    name, source = readable(doc.name), readable(doc.source)
    text = doc.text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (JSON allows "\ud800"): the one character becomes U+FFFD, the text is kept.
        text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    if (name, source, text) == (doc.name, doc.source, doc.text):
        return doc
    return replace(doc, name=name, source=source, text=text)


def _one_line(e: BaseException, limit: int = 200) -> str:
    msg = readable(" ".join(str(e).split()))
    return msg if len(msg) <= limit else msg[: limit - 1] + "…"


def _read(
    path: str, max_bytes: int, on_fields: OnFields | None, on_bytes: Callable[[int], None] | None
) -> Iterator[Document | Failure | ReadWarning]:
    if path == "-":
        data = sys.stdin.buffer.read()
        if not data.strip():
            yield Failure("<stdin>", "empty input")
            return
        try:
            yield from (replace(d, name="stdin-" + d.id[:8], source="-") for d in read_text(data, "stdin"))
        except BadInput as e:
            yield Failure("<stdin>", str(e))
        return
    ext = Path(path).suffix.lower()
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        yield Failure(path, "no such file or folder")
        return
    except OSError as e:
        yield Failure(path, f"cannot read it ({e.strerror})")
        return
    if ext not in SUPPORTED:
        yield Failure(path, f"unsupported format '{ext or 'no extension'}' (bilat reads {_supported()})")
        return
    if size == 0:
        yield Failure(path, "empty file")
        return
    if ext in JSONL_EXT:
        yield from _read_jsonl(path, max_bytes, on_fields, on_bytes)
        return
    if ext in PARQUET_EXT:
        yield from _read_parquet(path, max_bytes, on_fields, on_bytes)
        return
    if size > max_bytes:
        yield Failure(path, f"too large for one document ({_mb(size)} > {_mb(max_bytes)}; see --max-size)")
        return
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        yield Failure(path, f"cannot read it ({e.strerror})")
        return
    if len(data) > max_bytes:  # it grew after the size was read
        yield Failure(path, f"too large for one document (over {_mb(max_bytes)}; see --max-size)")
        return
    if on_bytes:
        on_bytes(len(data))
    if ext in CORPUS_EXT:
        yield from _read_corpus(data, path, ext, max_bytes, on_fields)
        return
    try:
        yield from READERS[ext](data, path)
    except BadInput as e:
        yield Failure(path, str(e))


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n < 10 * 2**20 else f"{n / 2**20:.0f} MB"


def _read_corpus(
    data: bytes, path: str, ext: str, max_bytes: int, on_fields: OnFields | None
) -> Iterator[Document | Failure | ReadWarning]:
    """A CSV/TSV or JSON corpus: its documents, with a failure for each bad record."""
    reader = read_json if ext == ".json" else read_csv
    return _records(path, on_fields, lambda errors: reader(data, path, errors, max_bytes))


def _read_jsonl(
    path: str, max_bytes: int, on_fields: OnFields | None, on_bytes: Callable[[int], None] | None = None
) -> Iterator[Document | Failure | ReadWarning]:
    def readings(errors: Callable[[str, str], None]) -> Iterator[Reading]:
        with open(path, "rb") as f:
            lines = cast(BinaryIO, _Counted(f, on_bytes)) if on_bytes else f
            yield from read_jsonl(lines, path, errors, max_bytes)

    return _records(path, on_fields, readings)


def _read_parquet(
    path: str, max_bytes: int, on_fields: OnFields | None, on_bytes: Callable[[int], None] | None = None
) -> Iterator[Document | Failure | ReadWarning]:
    return _records(path, on_fields, lambda errors: read_parquet(path, errors, max_bytes, on_bytes))


def _records(
    path: str, on_fields: OnFields | None, readings: Callable[[Callable[[str, str], None]], Iterable[Reading]]
) -> Iterator[Document | Failure | ReadWarning]:
    """A corpus's documents, each bad record's failure just before the next document, and one failure
    for the whole file when it cannot be read at all (the documents before it are kept)."""
    failures: list[Failure] = []
    try:
        for reading in readings(lambda w, r: failures.append(Failure(w, r))):
            yield from failures
            failures.clear()
            yield from _unpack(reading, on_fields)
    except BadInput as e:
        failures.append(Failure(path, str(e)))
    except OSError as e:
        failures.append(Failure(path, f"cannot read it ({e.strerror})"))
    yield from failures


class _Counted:
    """A binary file whose ``readline`` tells ``on_bytes`` how many bytes have gone by (every 64 KB, and at the end)."""

    def __init__(self, f: BinaryIO, on_bytes: Callable[[int], None]) -> None:
        self._f, self._on_bytes, self.done, self._told = f, on_bytes, 0, 0

    def readline(self, limit: int = -1) -> bytes:
        line = self._f.readline(limit)
        self.done += len(line)
        if not line or self.done - self._told >= 65536:
            self._on_bytes(self.done)
            self._told = self.done
        return line


def _unpack(reading: Reading, on_fields: OnFields | None) -> Iterator[Document | ReadWarning]:
    doc = reading.document
    for w in reading.warnings:
        yield ReadWarning(doc.source, w)
    if on_fields is not None:
        on_fields(readable(doc.source), reading.fields, reading.unused)
    yield doc


def _supported() -> str:
    return ", ".join(sorted(e.lstrip(".") for e in SUPPORTED))


__all__ = ["MAX_BYTES", "Failure", "ReadWarning", "doc_name", "expand", "read", "readable"]
