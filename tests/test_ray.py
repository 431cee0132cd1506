"""``bilat run --engine ray`` + ``bilat load`` store exactly what ``bilat ingest --workers 1`` stores (#10).

Marked ``ray`` (``pytest -m "not ray"`` leaves them out); skipped when Ray is not installed (``bilat[ray]``).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import bilat
from bilat.cli import cli
from bilat.engine import shards
from bilat.engine.ray_engine import shard_name
from bilat.ingest import expand, read
from bilat.records import Document
from bilat.store import Store
from conftest import TEXTS
from written_corpus import corpus

pytestmark = pytest.mark.ray

@pytest.fixture(scope="module")
def kill_switch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder: while ``armed`` is in it, the first Ray worker to analyse a shard writes ``fired`` and
    kills its own process (os._exit), as a worker lost with its node would be."""
    return tmp_path_factory.mktemp("kill_switch")


@pytest.fixture(scope="module")
def local_ray(kill_switch: Path) -> Iterator[Any]:
    """A local Ray with 2 CPUs for the whole module (starting one takes seconds), whose workers obey the
    kill switch."""
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'bilat[ray]')")

    def hook() -> None:  # runs in every worker as it starts
        import bilat.pipeline

        real = bilat.pipeline.process_batch

        def process_batch(docs: Any) -> Any:
            if (kill_switch / "armed").exists():
                try:
                    (kill_switch / "fired").open("x").close()  # only the first one dies
                except FileExistsError:
                    return real(docs)
                os._exit(1)
            return real(docs)

        bilat.pipeline.process_batch = process_batch

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             runtime_env={"worker_process_setup_hook": hook})
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


def run_counts(output: str) -> tuple[int, int, int, int]:
    """(shards, run now, done before, failed) from ``bilat run``'s summary line."""
    m = re.search(r"into (\d+) shards: (\d+) run now, (\d+) done before, (\d+) failed", output)
    assert m, output
    return int(m[1]), int(m[2]), int(m[3]), int(m[4])


def test_run_and_load_store_exactly_what_ingest_stores(tmp_path: Path, local_ray: Any) -> None:
    inputs = corpus(tmp_path / "in", n=50, parquet=40)
    runner = CliRunner()
    r = runner.invoke(cli, ["ingest", str(inputs), "--db", str(tmp_path / "i.duckdb"), "--workers", "1", "-q"])
    assert r.exit_code == 1  # bad.txt, and the Parquet row without text
    out = tmp_path / "out"
    r = runner.invoke(cli, ["run", "--engine", "ray", str(inputs), "--out", str(out), "--shard-size", "16"])
    assert r.exit_code == 1, r.output
    assert "bad.txt" in r.output
    assert "more.parquet:42: no text in the record" in r.output  # read by Ray Data, said as ingest says it
    n_shards, now, before, failed = run_counts(r.output)
    assert (now, before, failed) == (n_shards, 0, 0)
    assert n_shards == len(shards.completed(out)) >= 8  # JSON Lines and Parquet shards (Ray Data), the rest
    assert any(s.startswith(f"{i:07d}-") for s in shards.completed(out) for i in (1, 2))  # corpora's own
    assert "events fused" in r.output and shards.events_ready(out)
    r = runner.invoke(cli, ["load", str(out), "--db", str(tmp_path / "r.duckdb")])
    assert r.exit_code == 0, r.output
    assert "events stored from the fusion stage" in r.output
    ingested, loaded = snapshot(tmp_path / "i.duckdb"), snapshot(tmp_path / "r.duckdb")
    assert loaded["mentions"] and loaded["indicators"] and loaded["events"]
    assert loaded == ingested

    # Without the fusion stage's marker, load fuses the events itself: the same events, in one
    # process or with two workers that fuse the blocks larger than 3 mentions (as large blocks).
    marker = out / shards.EVENTS / shards.COMPLETE
    saved = marker.read_text()
    marker.unlink()
    r = runner.invoke(cli, ["load", str(out), "--db", str(tmp_path / "r2.duckdb"), "--workers", "1"])
    assert "events fused here" in r.output, r.output
    assert snapshot(tmp_path / "r2.duckdb") == ingested
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Store, "_LARGE_BLOCK", 3)
        mp.setattr(Store, "_MENTIONS_PER_QUERY", 2)
        r = runner.invoke(cli, ["load", str(out), "--db", str(tmp_path / "r3.duckdb"), "--workers", "2"])
    assert "events fused here" in r.output, r.output
    assert snapshot(tmp_path / "r3.duckdb") == ingested
    marker.write_text(saved)

    # A re-run skips every completed shard; one whose marker is gone runs again, alone.
    r = runner.invoke(cli, ["run", str(inputs), "--out", str(out), "--shard-size", "16"])
    assert run_counts(r.output) == (n_shards, 0, n_shards, 0)
    (out / shards.DONE / shards.completed(out)[1]).unlink()
    r = runner.invoke(cli, ["run", str(inputs), "--out", str(out), "--shard-size", "16"])
    assert run_counts(r.output) == (n_shards, 1, n_shards - 1, 0)
    # Loading again stores nothing twice.
    r = runner.invoke(cli, ["load", str(out), "--db", str(tmp_path / "r.duckdb")])
    assert r.exit_code == 0, r.output
    assert "0 stored" in r.output
    assert snapshot(tmp_path / "r.duckdb") == ingested


def test_the_fusion_stage_fuses_a_large_block_in_pieces_in_a_task_of_its_own(tmp_path: Path, local_ray: Any) -> None:
    from bilat.engine import ray_fusion
    from bilat.store.blocks import parquet_block_sizes

    inputs = corpus(tmp_path / "in", n=50)
    out = tmp_path / "out"
    runner = CliRunner()
    r = runner.invoke(cli, ["run", "--engine", "ray", str(inputs), "--out", str(out), "--shard-size", "16",
                            "--no-fuse"])
    assert r.exit_code == 1, r.output  # bad.txt
    r = runner.invoke(cli, ["load", str(out), "--db", str(tmp_path / "whole.duckdb")])
    assert "events fused here" in r.output, r.output  # every block whole, by bilat.pipeline.fuse
    # Every block of more than 3 mentions fused alone, in pieces of 2 (several dates per block).
    files = [str(out / "mentions" / f"{s}.parquet") for s in shards.completed(out)]
    big = parquet_block_sizes(files, 3)
    assert len(big) >= 3
    mentions = pa.concat_tables(pq.read_table(f, columns=["doc_id", "block", "date"]) for f in files).to_pylist()
    assert len({m["date"] for m in mentions if m["block"] in big}) > 2
    twins = {d for _, d in shards.later_twins(out, shards.completed(out))}
    assert any(m["doc_id"] in twins and m["block"] in big for m in mentions)  # a twin's mentions are left out
    events = ray_fusion.fuse(out, 2, large=3, size=2)
    assert sum(1 for p in (out / shards.EVENTS).glob("large-*.parquet")) == len(big)
    assert not list(out.glob(".large-*")) and not list(out.glob(".events-*"))  # the split mentions are gone
    r = runner.invoke(cli, ["load", str(out), "--db", str(tmp_path / "pieces.duckdb")])
    assert f"{events} events stored from the fusion stage" in r.output, r.output
    assert snapshot(tmp_path / "pieces.duckdb") == snapshot(tmp_path / "whole.duckdb")


@pytest.mark.parametrize("reader", ["data", "driver"])
def test_a_killed_worker_is_retried_and_everything_stored_once(tmp_path: Path, local_ray: Any, kill_switch: Path,
                                                               reader: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    rows = [{"id": f"k{i}", "text": f"Item {i}. {TEXTS[lang]}"} for i, lang in enumerate(sorted(TEXTS) * 3)]
    (inputs / "a.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:8]),
                                    encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(rows[8:]), inputs / "b.parquet")
    (kill_switch / "fired").unlink(missing_ok=True)
    (kill_switch / "armed").touch()
    try:
        r = CliRunner().invoke(cli, ["run", str(inputs), "--out", str(tmp_path / "out"), "--shard-size", "3",
                                     "--reader", reader])
    finally:
        (kill_switch / "armed").unlink()
    assert (kill_switch / "fired").exists()  # a worker died mid-shard
    assert r.exit_code == 0, r.output
    n = {"data": 6, "driver": 5}[reader]  # Ray Data shards a file at a time; the driver across files
    assert run_counts(r.output) == (n, n, 0, 0)  # and its shard was run again
    r = CliRunner().invoke(cli, ["load", str(tmp_path / "out"), "--db", str(tmp_path / "r.duckdb")])
    assert f"Loaded {n} shards, 15 documents: 15 stored" in r.output
    CliRunner().invoke(cli, ["ingest", str(inputs), "--db", str(tmp_path / "i.duckdb"), "--workers", "1", "-q"])
    assert snapshot(tmp_path / "r.duckdb") == snapshot(tmp_path / "i.duckdb")


def settled(out: Path) -> int:
    """The number of completed shards once it has stopped changing (for a second, within 60 s)."""
    n, deadline = len(shards.completed(out)), time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(1)
        if (now := len(shards.completed(out))) == n:
            return n
        n = now
    return n


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
    done = settled(out)  # a Ray worker outside the driver's process group may still finish its shard
    assert 0 < done < total
    # Such a worker may still finish one more shard after the count settled, on a slow machine; so the
    # check is that no shard completed before the rerun is run again: its marker is left as it was.
    markers = {p: p.stat().st_mtime_ns for p in (out / shards.DONE).iterdir() if not p.name.startswith(".")}
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=240)
    total = len(shards.completed(out))
    n, run_now, before = run_counts(r.stdout)[:3]
    assert (n, run_now + before) == (total, total) and done <= before < total, r.stdout + r.stderr
    assert {p: p.stat().st_mtime_ns for p in markers} == markers
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
    bad = shard_name(2, 0, docs[2:4])
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
