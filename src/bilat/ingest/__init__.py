"""Ingest: paths (files, folders, globs, ``-`` for stdin) to a stream of ``Document`` records.

Nothing is held in memory beyond one document at a time; a JSON Lines corpus
is read line by line, so its size does not matter.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from bilat.errors import BadInput
from bilat.ingest.corpora import read_csv, read_json, read_jsonl
from bilat.ingest.readers import CORPUS_EXT, JSONL_EXT, READERS, SUPPORTED, doc_name, read_text
from bilat.records import Document

# One document file larger than this is refused (a JSON Lines corpus may be any size).
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read: where (a path, or ``path:line``) and why, in one line."""

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


def read(path: str, max_bytes: int = MAX_BYTES) -> Iterator[Document | Failure]:
    """The documents in one file (several for a JSON Lines corpus), or failures saying why not."""
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
        yield from _read_jsonl(path)
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
        yield from _read_corpus(data, path, ext)
        return
    try:
        yield from READERS[ext](data, path)
    except BadInput as e:
        yield Failure(path, str(e))


def _read_corpus(data: bytes, path: str, ext: str) -> Iterator[Document | Failure]:
    """A CSV/TSV or JSON corpus: its documents, with a failure for each bad record."""
    failures: list[Failure] = []
    reader = read_json if ext == ".json" else read_csv
    try:
        for doc in reader(data, path, lambda w, r: failures.append(Failure(w, r))):
            yield from failures
            failures.clear()
            yield doc
    except BadInput as e:
        failures.append(Failure(path, str(e)))
    yield from failures


def _read_jsonl(path: str) -> Iterator[Document | Failure]:
    failures: list[Failure] = []
    try:
        with open(path, "rb") as f:
            for doc in read_jsonl(iter(f), path, lambda w, r: failures.append(Failure(w, r))):
                yield from failures
                failures.clear()
                yield doc
    except OSError as e:
        failures.append(Failure(path, f"cannot read it ({e.strerror})"))
    yield from failures


def _supported() -> str:
    return ", ".join(sorted(e.lstrip(".") for e in SUPPORTED))


__all__ = ["MAX_BYTES", "Failure", "doc_name", "expand", "read"]
