"""Tables that take a second to build (a language's names in every case form), kept on disk.

``cached(name, inputs, build, pack, unpack)`` reads the table from the cache folder when a file
keyed by a hash of ``inputs`` (files, by their bytes; anything else by its ``repr``) is there, and
otherwise builds it and writes that file. A change to any input is a new key: nothing is ever
read stale. The files are ``marshal`` data (plain dicts, tuples, sets and strings: reading one
runs no code). The folder is ``$BILAT_CACHE``, else ``$XDG_CACHE_HOME/bilat``, else
``~/.cache/bilat``; ``BILAT_CACHE=off`` turns the cache off. A folder that cannot be written, or a
file that cannot be read, only means the table is built, as without a cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
FORMAT = 1  # raised when what is written changes shape


def folder() -> Path | None:
    """The cache folder, or None when the cache is off."""
    env = os.environ.get("BILAT_CACHE")
    if env == "off":
        return None
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "bilat"


def version(package: str) -> str:
    """An installed package's version ("" when it is not installed)."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def key(inputs: Sequence[object]) -> str:
    """A hash of the inputs: each file's bytes (a missing file counts as missing), anything else its repr."""
    h = hashlib.sha1(repr((FORMAT, sys.version_info[:2], marshal.version)).encode())
    for x in inputs:
        if isinstance(x, Path):
            try:
                data = x.read_bytes()
            except OSError:
                data = b"\0missing"
            h.update(f"\n{x.name}:{len(data)}:".encode() + data)
        else:
            h.update(f"\n{x!r}".encode())
    return h.hexdigest()[:20]


def cached(name: str, inputs: Sequence[object], build: Callable[[], T], pack: Callable[[T], object],
           unpack: Callable[[object], T]) -> T:
    """The table ``build`` makes, read from the cache when ``inputs`` are unchanged, else built and written."""
    where = folder()
    if where is None:
        return build()
    path = where / f"{name}-{key(inputs)}.marshal"
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        return unpack(marshal.loads(path.read_bytes()))
    table = build()
    with contextlib.suppress(OSError, ValueError):
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(marshal.dumps(pack(table)))
            os.replace(tmp, path)  # whole or not at all, whoever else writes it at the same time
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return table
