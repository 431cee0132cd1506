"""Ingest: paths (files, folders, globs, ``-`` for stdin) to a stream of ``Document`` records.

Nothing is held in memory beyond one document at a time; a JSON Lines corpus
is read line by line, so its size does not matter.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from bilat.errors import BadInput
from bilat.ingest.corpora import Reading, read_csv, read_json, read_jsonl
from bilat.ingest.readers import CORPUS_EXT, JSONL_EXT, READERS, SUPPORTED, doc_name, read_text
from bilat.records import Document

# One document file (or corpus record) larger than this is refused (a JSON Lines corpus may be any size).
MAX_BYTES = 50 * 1024 * 1024

# Told, for each corpus record read, where it is, the fields its text came from and text fields left out.
OnFields = Callable[[str, tuple[str, ...], tuple[str, ...]], None]


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read: where (a path, or ``path:line``) and why, in one line."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ReadWarning:
    """A document that was kept, with something dropped or repaired (bad metadata, lone surrogates)."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


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
    path: str, max_bytes: int = MAX_BYTES, on_fields: OnFields | None = None
) -> Iterator[Document | Failure | ReadWarning]:
    """The documents in one file (several for a corpus), failures saying why not, and warnings.

    ``max_bytes`` bounds a document file and every record of a corpus (JSON Lines included).
    """
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
        yield from _read_jsonl(path, max_bytes, on_fields)
        return
    if size > max_bytes:
        yield Failure(path, f"too large for one document ({size / 2**20:.0f} MB > {max_bytes / 2**20:.0f} MB)")
        return
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        yield Failure(path, f"cannot read it ({e.strerror})")
        return
    if ext in CORPUS_EXT:
        yield from _read_corpus(data, path, ext, max_bytes, on_fields)
        return
    try:
        yield from READERS[ext](data, path)
    except BadInput as e:
        yield Failure(path, str(e))


def _read_corpus(
    data: bytes, path: str, ext: str, max_bytes: int, on_fields: OnFields | None
) -> Iterator[Document | Failure | ReadWarning]:
    """A CSV/TSV or JSON corpus: its documents, with a failure for each bad record."""
    reader = read_json if ext == ".json" else read_csv
    failures: list[Failure] = []
    try:
        for reading in reader(data, path, lambda w, r: failures.append(Failure(w, r)), max_bytes):
            yield from failures
            failures.clear()
            yield from _unpack(reading, on_fields)
    except BadInput as e:
        failures.append(Failure(path, str(e)))
    yield from failures


def _read_jsonl(path: str, max_bytes: int, on_fields: OnFields | None) -> Iterator[Document | Failure | ReadWarning]:
    failures: list[Failure] = []
    try:
        with open(path, "rb") as f:
            for reading in read_jsonl(f, path, lambda w, r: failures.append(Failure(w, r)), max_bytes):
                yield from failures
                failures.clear()
                yield from _unpack(reading, on_fields)
    except OSError as e:
        failures.append(Failure(path, f"cannot read it ({e.strerror})"))
    yield from failures


def _unpack(reading: Reading, on_fields: OnFields | None) -> Iterator[Document | ReadWarning]:
    doc = reading.document
    for w in reading.warnings:
        yield ReadWarning(doc.source, w)
    if on_fields is not None:
        on_fields(doc.source, reading.fields, reading.unused)
    yield doc


def _supported() -> str:
    return ", ".join(sorted(e.lstrip(".") for e in SUPPORTED))


__all__ = ["MAX_BYTES", "Failure", "ReadWarning", "doc_name", "expand", "read"]
