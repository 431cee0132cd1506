"""What a DuckDB failure means for the user, in one line that names the database file (#8)."""

from __future__ import annotations

import re
from pathlib import Path

from bilat.errors import SchemaError

_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB file


def check_file(path: str) -> None:
    """Refuse a path that exists but is not a DuckDB file (a corpus given as ``--db``, a folder, an empty file)."""
    p = Path(path)
    if p.is_dir():
        raise SchemaError(f"{path}: is a folder, not a bilat database (give a file such as bilat.duckdb with --db)")
    if not p.exists():
        if not p.parent.is_dir():
            raise SchemaError(f"{path}: cannot create a database there: the folder {p.parent} does not exist")
        return
    with p.open("rb") as f:
        head = f.read(12)
    if head[8:12] != _MAGIC:
        what = "an empty file" if not head else "not a DuckDB file"
        raise SchemaError(f"{path}: not a bilat database ({what}); give the database file with --db, "
                          f"or a new file name to create one")


def explain(path: str, error: BaseException, writing: bool = False) -> str:
    """One line for a database error: locked, out of space, damaged, or DuckDB's own words."""
    msg = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    low = msg.lower()
    if "could not set lock" in low or "conflicting lock" in low:
        pid = re.search(r"PID (\d+)", msg)
        who = f"process {pid.group(1)}" if pid else "another process"
        return f"{path}: the database is locked: {who} has it open; wait for it to finish, then try again"
    if "no space left" in low or "file too large" in low or "disk quota" in low:
        cause = "No space left on device" if "no space" in low else msg
        return (f"{path}: cannot write: {cause}; nothing already stored was lost (the batch being written "
                f"was not stored); free some space and run the same command again")
    if any(w in low for w in ("could not read enough bytes", "corrupt", "checksum", "not a valid duckdb")):
        return (f"{path}: the database is damaged (truncated or corrupt: {msg}); restore it from a copy, "
                f"or ingest the documents again into a new database")
    if writing:
        return f"{path}: cannot write ({msg}); nothing already stored was lost"
    return f"{path}: database error ({msg})"
