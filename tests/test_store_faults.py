"""A database that cannot be used says why in one line that names the file (#8): damaged, locked,
not a DuckDB file, out of space; and a run that stores nothing leaves no database behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import bilat
from bilat.cli import cli

SRC = Path(__file__).resolve().parents[1] / "src"
ENV = {**os.environ, "PYTHONPATH": str(SRC)}
TEXT = "On {d} May 2021 the President of France met the Chancellor of Germany in Berlin. Item {i}.\n"


def corpus(folder: Path, n: int = 6, sentences: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"d{i}.txt").write_text(" ".join(TEXT.format(d=j % 27 + 1, i=f"{i}.{j}") for j in range(sentences)),
                                          encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("faults")
    db = work / "k.duckdb"
    with bilat.open(db) as kb:
        kb.ingest([str(corpus(work / "docs"))])
    return db


def one_line_error(args: list[str], name: str) -> str:
    """Run the CLI; assert it failed with one line on stderr that names ``name``, and return it."""
    res = CliRunner().invoke(cli, args)
    assert isinstance(res.exception, SystemExit) and res.exit_code == 2, (res.output, res.exception)
    err = res.stderr.strip()
    assert len(err.splitlines()) == 1 and name in err and "Traceback" not in err, err
    return err


COMMANDS = [["summary"], ["export", "events"], ["fuse"], ["ingest", "DOCS"]]


@pytest.mark.parametrize("size", [4096, 300_000, 1_000_000])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_truncated_database_is_one_line(stored: Path, tmp_path: Path, size: int, command: list[str]) -> None:
    db = tmp_path / "cut.duckdb"
    shutil.copy(stored, db)
    os.truncate(db, min(size, db.stat().st_size - 4096))
    args = [str(stored.parent / "docs") if a == "DOCS" else a for a in command]
    err = one_line_error([*args, "--db", str(db)], "cut.duckdb")
    assert "damaged" in err


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_corpus_given_as_db_is_not_a_bilat_database(stored: Path, tmp_path: Path, command: list[str]) -> None:
    news = tmp_path / "news.jsonl"
    news.write_text('{"id": "a", "text": "On 3 May 2021 the President of France visited Germany."}\n')
    args = [str(stored.parent / "docs") if a == "DOCS" else a for a in command]
    err = one_line_error([*args, "--db", str(news)], "news.jsonl")
    assert "not a bilat database" in err
    assert news.read_text().startswith('{"id": "a"')  # left as it was


def test_locked_database_reads_as_locked(stored: Path, tmp_path: Path) -> None:
    db = tmp_path / "held.duckdb"
    shutil.copy(stored, db)
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys; c = duckdb.connect({str(db)!r}); print('ready', flush=True); "
                               f"sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        for args in (["summary"], ["fuse"]):
            err = one_line_error([*args, "--db", str(db)], "held.duckdb")
            assert "locked" in err and "cannot open as a DuckDB database" not in err
    finally:
        holder.communicate("", timeout=30)


def test_a_db_in_a_missing_folder_or_a_folder_is_one_line(stored: Path, tmp_path: Path) -> None:
    err = one_line_error(["ingest", str(stored.parent / "docs"), "--db", str(tmp_path / "no" / "k.duckdb")],
                         "k.duckdb")
    assert "does not exist" in err
    assert "is a folder" in one_line_error(["summary", "--db", str(tmp_path)], tmp_path.name)


def test_missing_input_creates_no_database(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    res = CliRunner().invoke(cli, ["ingest", str(tmp_path / "nothere.txt"), "--db", str(db)])
    assert res.exit_code == 1 and "nothere.txt" in res.stderr
    assert not db.exists() and not Path(f"{db}.wal").exists()
    assert "no database was created" in res.output


def test_a_run_that_stores_nothing_keeps_an_existing_database(stored: Path, tmp_path: Path) -> None:
    db = tmp_path / "kept.duckdb"
    shutil.copy(stored, db)
    res = CliRunner().invoke(cli, ["ingest", str(tmp_path / "nothere.txt"), "--db", str(db)])
    assert res.exit_code == 1 and db.exists()
    with bilat.open(db, read_only=True) as kb:
        assert kb.summary()["documents"] == 6


# -- a full disk ----------------------------------------------------------------------------------

FILL = """
import resource, signal, sys
if sys.argv[1] == "rlimit":
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
    resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))
from bilat.cli import cli
sys.argv = ["bilat", "ingest", sys.argv[2], "--db", sys.argv[3], "--batch-size", "2", "-q"]
cli()
"""


def _small_disk(where: Path) -> str:
    """'tmpfs' when a small tmpfs can be mounted here (root), else 'rlimit' when a file-size limit can
    be set (BILAT_TEST_RLIMIT=1 asks for that one)."""
    where.mkdir()
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    if root and not os.environ.get("BILAT_TEST_RLIMIT") and shutil.which("mount"):
        ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(where)],
                            capture_output=True, timeout=30).returncode == 0
        if ok:
            return "tmpfs"
    try:
        import resource

        resource.getrlimit(resource.RLIMIT_FSIZE)
        return "rlimit"
    except (ImportError, AttributeError, OSError):
        pytest.skip("neither a tmpfs nor a file-size limit can be made here")


def test_full_disk_names_the_cause_and_keeps_what_was_stored(tmp_path: Path) -> None:
    docs = corpus(tmp_path / "docs", n=12, sentences=100)
    disk = tmp_path / "disk"
    how = _small_disk(disk)
    db = disk / "k.duckdb"
    try:
        proc = subprocess.run([sys.executable, "-c", FILL, how, str(docs), str(db)], capture_output=True,
                              text=True, env=ENV, timeout=300)
        err = proc.stderr.strip()
        assert proc.returncode == 2, err
        assert len(err.splitlines()) == 1 and "Traceback" not in err and "k.duckdb" in err, err
        assert "nothing already stored was lost" in err
        assert ("No space left on device" if how == "tmpfs" else "File too large") in err
        assert "cannot rollback" not in err
        with bilat.open(db, read_only=True) as kb:
            s = kb.summary()
        assert 0 < s["documents"] < 12 and s["pending_fusion"] > 0  # committed batches are there, fusion queued
        kept = tmp_path / "kept.duckdb"
        shutil.copy(db, kept)
        if Path(f"{db}.wal").exists():
            shutil.copy(f"{db}.wal", f"{kept}.wal")
    finally:
        if how == "tmpfs":
            subprocess.run(["umount", str(disk)], capture_output=True, timeout=30)
    with bilat.open(kept) as kb:  # with room again, a re-run stores the rest and fuses every block
        kb.ingest([str(docs)])
        s = kb.summary()
    assert s["documents"] == 12 and s["pending_fusion"] == 0 and s["events"] > 0


def test_a_failed_write_reports_its_first_error_not_the_aborted_transaction(tmp_path: Path) -> None:
    from bilat.pipeline import process
    from bilat.records import Document
    from bilat.store import Store

    item = process(Document("a", TEXT.format(d=3, i="x"), "a.txt"))
    assert item.mentions
    twice = item.__class__(Document("b", item.document.text + " ", "b.txt"), item.analysis, item.mentions,
                           item.indicators)  # another text carrying the same mention ids
    store = Store(tmp_path / "k.duckdb")
    with pytest.raises(bilat.errors.StoreError) as e:
        store.write_batch([item, twice])
    assert "duplicate key" in str(e.value) and "aborted" not in str(e.value)
    assert store.known([item.document.id]) == set()  # rolled back: nothing half-written
