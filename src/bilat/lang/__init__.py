"""Language data: one folder per language code, data files only.

Adding a language means adding ``lang/<code>/`` with its files (see
docs/adding-a-language.md); code never branches on a language code.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent


@cache
def available() -> tuple[str, ...]:
    """Codes of the languages that have a data folder."""
    return tuple(sorted(p.name for p in ROOT.iterdir() if p.is_dir() and (p / "lang.toml").exists()))


def path(code: str, name: str) -> Path:
    """The path of one data file of a language (it may not exist)."""
    return ROOT / code / name


@cache
def toml(code: str, name: str = "lang.toml") -> dict[str, Any]:
    """A language's TOML file as a dict; empty when the file is absent."""
    p = path(code, name)
    if not p.exists():
        return {}
    with p.open("rb") as f:
        return tomllib.load(f)


@cache
def lines(code: str, name: str) -> tuple[str, ...]:
    """A language's one-entry-per-line file, without blanks and ``#`` comments."""
    p = path(code, name)
    if not p.exists():
        return ()
    out = []
    for line in p.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@cache
def tsv(code: str, name: str) -> tuple[tuple[str, ...], ...]:
    """A language's TSV file as rows of fields, without blanks and ``#`` comments."""
    return tuple(tuple(f.strip() for f in line.split("\t")) for line in lines(code, name))
