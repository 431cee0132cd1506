"""An export file is written whole or not at all: a failure or a kill leaves the old file as it was (#8)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bilat import exports
from bilat.cli import cli

SRC = Path(__file__).resolve().parents[1] / "src"


def event(i: int) -> dict[str, Any]:
    return {"id": f"e:{i:06d}", "kind": "visit", "date": "2021-05-03", "actors": ["DE", "FR"], "source": ["FR"],
            "target": ["DE"], "location": {"name": "Berlin", "country": "DE"}, "people": [],
            "mentions": [f"m:{i}"], "languages": ["en"], "conflicts": [], "confidence": 0.7}


def failing(n: int) -> Iterator[dict[str, Any]]:
    """``n`` records, then a failure (as a database error or an interrupt would come mid-export)."""
    for i in range(n):
        yield event(i)
    raise RuntimeError("the export stopped here")


@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_a_failed_export_leaves_the_old_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    out.write_bytes(b"the old export\n")
    with pytest.raises(RuntimeError):
        exports.write("events", failing(500), fmt, str(out))
    assert out.read_bytes() == b"the old export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left


@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_a_finished_export_replaces_the_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    out.write_bytes(b"the old export\n")
    os.chmod(out, 0o640)
    assert exports.write("events", (event(i) for i in range(3)), fmt, str(out)) == 3
    assert out.read_bytes() != b"the old export\n" and out.stat().st_mode & 0o777 == 0o640
    if fmt == "jsonl":
        assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["e:000000", "e:000001",
                                                                                      "e:000002"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


KILLED = """
import os, sys
from bilat import exports
def records():
    for i in range(2000):
        yield {"id": f"e:{i}", "kind": "visit"}
        if i == 1000:
            os._exit(137)  # killed in the middle of writing
exports.write("events", records(), "jsonl", sys.argv[1])
"""


def test_a_killed_export_leaves_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    out.write_text("the old export\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", KILLED, str(out)], env={**os.environ, "PYTHONPATH": str(SRC)},
                          timeout=120)
    assert proc.returncode == 137
    assert out.read_text(encoding="utf-8") == "the old export\n"


def test_export_to_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    import bilat

    db = tmp_path / "k.duckdb"
    bilat.open(db).close()
    res = CliRunner().invoke(cli, ["export", "events", "--db", str(db), "-o", str(tmp_path / "no" / "e.jsonl")])
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
    assert "does not exist" in res.stderr and ".part" not in res.stderr
