"""``bilat run --engine ray`` + ``bilat load`` store exactly what ``bilat ingest --workers 1`` stores (#10).

Marked ``ray`` (``pytest -m "not ray"`` leaves them out); skipped when Ray is not installed (``bilat[ray]``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import bilat
from bilat.cli import cli
from bilat.engine import shards
from bilat.engine.ray_engine import shard_name
from bilat.ingest import expand, read
from bilat.records import Document
from conftest import TEXTS
from written_corpus import corpus

pytestmark = pytest.mark.ray

@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    """A local Ray with 2 CPUs for the whole module (starting one takes seconds)."""
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'bilat[ray]')")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def snapshot(db: Path) -> dict[str, Any]:
    """The sorted JSON Lines exports, and the documents and sentences tables."""
    runner = CliRunner()
    out: dict[str, Any] = {}
    for what in ("mentions", "indicators", "events"):
        r = runner.invoke(cli, ["export", what, "--db", str(db)])
        assert r.exit_code == 0, r.output
        out[what] = sorted(r.output.splitlines())
    with bilat.open(db, read_only=True) as kb:
        con = kb.store.con
        out["documents"] = con.execute("SELECT id, name, source, version, current, lang, chars, text FROM documents "
                                       "ORDER BY id, version").fetchall()
        out["sentences"] = con.execute('SELECT doc, idx, start, "end", lang, boilerplate FROM sentences '
                                       "ORDER BY doc, idx").fetchall()
        out["pending"] = kb.store.pending()
    return out


def docs_in(folder: Path) -> list[Document]:
    return [d for p in expand([str(folder)]) for d in read(p) if isinstance(d, Document)]


def test_run_and_load_store_exactly_what_ingest_stores(tmp_path: Path, local_ray: Any) -> None:
    inputs = corpus(tmp_path / "in", n=50)
    runner = CliRunner()
    r = runner.invoke(cli, ["ingest", str(inputs), "--db", str(tmp_path / "i.duckdb"), "--workers", "1", "-q"])
    assert r.exit_code == 1  # bad.txt
    out = tmp_path / "out"
    r = runner.invoke(cli, ["run", "--engine", "ray", str(inputs), "--out", str(out), "--shard-size", "16"])
    assert r.exit_code == 1, r.output
    assert "bad.txt" in r.output
    n_shards = -(-len(docs_in(inputs)) // 16)
    assert f"into {n_shards} shards: {n_shards} run now, 0 done before, 0 failed" in r.output
    assert len(shards.completed(out)) == n_shards
    r = runner.invoke(cli, ["load", str(out), "--db", str(tmp_path / "r.duckdb")])
    assert r.exit_code == 0, r.output
    ingested, loaded = snapshot(tmp_path / "i.duckdb"), snapshot(tmp_path / "r.duckdb")
    assert loaded["mentions"] and loaded["indicators"] and loaded["events"]
    assert loaded == ingested

    # A re-run skips every completed shard; one whose marker is gone runs again, alone.
    r = runner.invoke(cli, ["run", str(inputs), "--out", str(out), "--shard-size", "16"])
    assert f"{n_shards} shards: 0 run now, {n_shards} done before" in r.output
    (out / shards.DONE / shards.completed(out)[1]).unlink()
    r = runner.invoke(cli, ["run", str(inputs), "--out", str(out), "--shard-size", "16"])
    assert f"{n_shards} shards: 1 run now, {n_shards - 1} done before" in r.output
    # Loading again stores nothing twice.
    r = runner.invoke(cli, ["load", str(out), "--db", str(tmp_path / "r.duckdb")])
    assert r.exit_code == 0, r.output
    assert "0 stored" in r.output
    assert snapshot(tmp_path / "r.duckdb") == ingested


def test_a_killed_run_resumed_stores_everything_exactly_once(tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="Ray is not installed (pip install 'bilat[ray]')")
    inputs = corpus(tmp_path / "in", n=50)
    out = tmp_path / "out"
    total = -(-len(docs_in(inputs)) // 2)
    cmd = [sys.executable, "-m", "bilat", "run", str(inputs), "--out", str(out), "--shard-size", "2", "--cpus", "2"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    driver = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not shards.completed(out) and driver.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        os.killpg(driver.pid, signal.SIGKILL)  # the driver and the local Ray it started
        driver.wait(timeout=30)
    done = len(shards.completed(out))
    assert 0 < done < total
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=240)
    assert f"into {total} shards: {total - done} run now, {done} done before" in r.stdout, r.stdout + r.stderr
    runner = CliRunner()
    r = runner.invoke(cli, ["load", str(out), "--db", str(tmp_path / "r.duckdb")])
    assert r.exit_code == 0, r.output
    runner.invoke(cli, ["ingest", str(inputs), "--db", str(tmp_path / "i.duckdb"), "--workers", "1", "-q"])
    assert snapshot(tmp_path / "r.duckdb") == snapshot(tmp_path / "i.duckdb")


def test_a_failed_shard_is_reported_and_the_rest_goes_on(tmp_path: Path, local_ray: Any) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(6):
        (inputs / f"d{i}.txt").write_text(f"Note {i}. " + TEXTS["en"], encoding="utf-8")
    docs = docs_in(inputs)
    out = tmp_path / "out"
    bad = shard_name(1, docs[2:4])
    (out / "mentions" / f"{bad}.parquet").mkdir(parents=True)  # a folder where its file must go
    r = CliRunner().invoke(cli, ["run", str(inputs), "--out", str(out), "--shard-size", "2"])
    assert r.exit_code == 1
    assert f"shard {bad} (2 documents): failed (" in r.output
    assert "3 shards: 2 run now, 0 done before, 1 failed" in r.output
    assert bad not in shards.completed(out)
    r = CliRunner().invoke(cli, ["load", str(out), "--db", str(tmp_path / "r.duckdb")])
    assert r.exit_code == 0
    assert "Loaded 2 shards, 4 documents: 4 stored" in r.output
    # Once what blocked it is gone, a re-run completes the shard, and only it.
    (out / "mentions" / f"{bad}.parquet").rmdir()
    r = CliRunner().invoke(cli, ["run", str(inputs), "--out", str(out), "--shard-size", "2"])
    assert r.exit_code == 0, r.output
    assert "3 shards: 1 run now, 2 done before, 0 failed" in r.output


def test_run_without_ray_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails
    (tmp_path / "a.txt").write_text(TEXTS["en"], encoding="utf-8")
    r = CliRunner().invoke(cli, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])
    assert r.exit_code == 2
    assert "pip install 'bilat[ray]'" in r.output
    assert "Traceback" not in r.output


def test_load_of_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["load", str(tmp_path / "nope"), "--db", str(tmp_path / "r.duckdb")])
    assert r.exit_code == 2
    assert "nope" in r.output
    assert not (tmp_path / "r.duckdb").exists()
