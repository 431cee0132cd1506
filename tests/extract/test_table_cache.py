"""The disk cache of built tables (bilat.extract.table_cache): the same tables, never stale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bilat.extract import gazetteer, table_cache, triggers


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BILAT_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def counted(calls: list[int]):
    def build() -> dict[str, tuple[str, ...]]:
        calls.append(1)
        return {"Норвегия": ("NO", "name"), "n": (str(len(calls)),)}
    return build


def test_built_once_then_read(cache_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "names.tsv"
    data.write_text("NO\tНорвегия\n", encoding="utf-8")
    calls: list[int] = []
    first = table_cache.cached("t", [data, "x"], counted(calls), dict, dict)
    again = table_cache.cached("t", [data, "x"], counted(calls), dict, dict)
    assert first == again == {"Норвегия": ("NO", "name"), "n": ("1",)}
    assert len(calls) == 1 and len(list(cache_dir.iterdir())) == 1


def test_a_changed_input_is_built_again(cache_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "names.tsv"
    data.write_text("NO\tНорвегия\n", encoding="utf-8")
    calls: list[int] = []
    table_cache.cached("t", [data], counted(calls), dict, dict)
    data.write_text("NO\tНарвегія\n", encoding="utf-8")
    assert table_cache.cached("t", [data], counted(calls), dict, dict)["n"] == ("2",)
    assert table_cache.cached("t", [data, "another"], counted(calls), dict, dict)["n"] == ("3",)
    assert len(calls) == 3


def test_a_damaged_file_or_a_folder_that_cannot_be_written_only_costs_a_build(
        cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    table_cache.cached("t", ["k"], counted(calls), dict, dict)
    (f,) = cache_dir.iterdir()
    f.write_bytes(b"\xff not marshal data")
    assert table_cache.cached("t", ["k"], counted(calls), dict, dict)["n"] == ("2",)
    assert table_cache.cached("t", ["k"], counted(calls), dict, dict)["n"] == ("2",)  # written afresh
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("BILAT_CACHE", str(blocker / "cache"))  # under a file: cannot be made
    assert table_cache.cached("t", ["k"], counted(calls), dict, dict)["n"] == ("3",)
    monkeypatch.setenv("BILAT_CACHE", "off")
    assert table_cache.cached("t", ["k"], counted(calls), dict, dict)["n"] == ("4",)


@pytest.mark.parametrize("code", ["ru", "fa"])
def test_cached_language_tables_are_the_built_ones(cache_dir: Path, code: str) -> None:
    gazetteer.table.cache_clear()
    triggers.lexicon.cache_clear()
    try:
        built = gazetteer._build(code)
        assert gazetteer.table(code) == built  # built and written
        gazetteer.table.cache_clear()
        assert gazetteer.table(code) == built  # read
        screen = triggers.lexicon(code).screen
        triggers.lexicon.cache_clear()
        lex = triggers.lexicon(code)
        patterns = lex.triggers | {"!" + k: rx for k, rx in lex.exclude.items()}
        assert lex.screen == screen == triggers.Screen.build(patterns)
        assert {p.name.split("-")[0] for p in cache_dir.iterdir()} == {"gazetteer", "screen"}
    finally:
        gazetteer.table.cache_clear()
        triggers.lexicon.cache_clear()


def test_other_processes_read_what_one_wrote(cache_dir: Path) -> None:
    code = "from bilat.extract import gazetteer as g; print(len(g.table('uk').exact))"
    env = {**os.environ, "BILAT_CACHE": str(cache_dir)}
    outs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert outs[0] == outs[1] and int(outs[0]) > 1000
    assert [p.name.split("-")[0] for p in cache_dir.iterdir()] == ["gazetteer"]
