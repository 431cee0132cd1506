"""A knowledge base is consistent after any kill (#8).

SIGKILL lands at seeded random points of ``ingest``, ``fuse`` and ``export``; after a re-run to
completion, the mentions, indicators and events equal those of a clean run. The trials run in one
helper process (this file run as a script) that loads the extraction resources once and forks a
child per run, so each kill hits a real process without paying the start-up each time.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve()
SRC = HERE.parents[1] / "src"

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня"],
    "uk": ["січня", "лютого", "березня", "квітня", "травня", "червня"],
}
SENTENCES = {
    "en": ["On {d} {m} 2021 the President of France met the Chancellor of Germany in Berlin.",
           "On {d} {m} 2021 the Foreign Minister of Poland visited Lithuania.",
           "On {d} {m} 2021 the Prime Minister of Italy spoke by telephone with the President of Ukraine."],
    "ru": ["{d} {m} 2021 года президент Беларуси встретился с президентом Казахстана в Минске.",
           "{d} {m} 2021 года министр иностранных дел России посетил Китай."],
    "uk": ["{d} {m} 2021 року президент України зустрівся з прем'єр-міністром Польщі у Варшаві."],
}
BATCH = 2


def write_corpus(folder: Path, n: int = 30, seed: int = 8) -> None:
    """``n`` short dated reports in three languages, one event each (some events told twice)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for i in range(n):
        lang = ("en", "ru", "uk")[i % 3]
        text = rng.choice(SENTENCES[lang]).format(d=rng.randint(1, 28), m=MONTHS[lang][rng.randrange(6)])
        (folder / f"doc{i:02d}.txt").write_text(f"{text} Note {i}.\n", encoding="utf-8")


def snapshot(db: Path) -> dict[str, Any]:
    """Every record of the knowledge base, sorted, and what is still queued for fusion."""
    import bilat

    with bilat.open(db, read_only=True) as kb:
        out: dict[str, Any] = {what: sorted(json.dumps(r, sort_keys=True, ensure_ascii=False)
                                            for r in kb.records(what))
                               for what in ("mentions", "indicators", "events")}
        summary = kb.summary()
    out["documents"] = summary["documents"]
    out["pending_fusion"] = summary["pending_fusion"]
    return out


# -- the helper process ---------------------------------------------------------------------------


def _child(fn: Any) -> int:
    """Fork a child that runs ``fn`` and exits; return its pid."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            fn()
            os._exit(0)
        except BaseException:  # the child reports by its exit code
            os._exit(3)
    return pid


def _wait(pid: int) -> int:
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def _run(fn: Any) -> None:
    code = _wait(_child(fn))
    if code != 0:
        raise SystemExit(f"a run to completion failed with exit code {code}")


def _kill_at(fn: Any, delay: float) -> int:
    """Run ``fn`` in a child and SIGKILL it after ``delay`` seconds (if it is still running)."""
    pid = _child(fn)
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.005)
    os.kill(pid, signal.SIGKILL)
    return _wait(pid)


def helper(work: Path, trials: int, seed: int) -> dict[str, Any]:
    """Kill trials over ingest, fuse and export; each trial's database re-run to completion."""
    import bilat
    from bilat import exports, pipeline
    from bilat.ingest import read

    docs = work / "docs"
    write_corpus(docs)
    for path in sorted(docs.iterdir())[:3]:  # load the extraction resources before forking
        for item in read(str(path)):
            pipeline.process(item)

    def ingest(db: Path) -> Any:
        def go() -> None:
            with bilat.open(db) as kb:
                kb.ingest([str(docs)], batch_size=BATCH)
        return go

    clean = work / "clean.duckdb"
    t0 = time.monotonic()
    _run(ingest(clean))
    span = time.monotonic() - t0
    rng = random.Random(seed)
    results: list[dict[str, Any]] = []
    for t in range(trials):
        kind = ("ingest", "ingest", "fuse", "export")[t % 4]
        db = work / f"trial{t}.duckdb"
        delay = rng.uniform(0.0, span)
        if kind == "ingest":
            code = _kill_at(ingest(db), delay)
            _run(ingest(db))  # the re-run
            results.append({"trial": t, "kind": kind, "delay": delay, "code": code, "db": str(db)})
        elif kind == "fuse":
            shutil.copy(clean, db)

            def fuse(db: Path = db) -> None:
                with bilat.open(db) as kb:
                    kb.fuse()
            code = _kill_at(fuse, delay / 3)
            _run(fuse)
            results.append({"trial": t, "kind": kind, "delay": delay / 3, "code": code, "db": str(db)})
        else:
            out = work / f"trial{t}.events.jsonl"
            out.write_text("the old export\n", encoding="utf-8")

            def export(out: Path = out) -> None:
                with bilat.open(clean, read_only=True) as kb:
                    records = list(kb.records("events"))

                def slow() -> Any:  # the export is small: stretch it so the kill lands inside
                    for r in records:
                        time.sleep(0.01)
                        yield r
                exports.write("events", slow(), "jsonl", str(out))
            code = _kill_at(export, delay / 2)
            leftovers = sorted(p.name for p in work.iterdir() if p.name.startswith(f".{out.name}."))
            results.append({"trial": t, "kind": kind, "delay": delay / 2, "code": code, "out": str(out),
                            "leftovers": leftovers})
    return {"clean": str(clean), "span": span, "trials": results}


# -- the tests ------------------------------------------------------------------------------------


def _helper(tmp_path: Path, *args: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.run([sys.executable, str(HERE), str(tmp_path), *args], capture_output=True, text=True,
                          env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.splitlines()[-1])


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_kill_at_random_points_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    report = _helper(tmp_path, "20", "8")
    clean = snapshot(Path(report["clean"]))
    assert clean["events"] and clean["mentions"] and clean["pending_fusion"] == 0
    expected = (tmp_path / "clean.events.jsonl")
    import bilat

    with bilat.open(report["clean"], read_only=True) as kb:
        kb.export("events", "jsonl", str(expected))
    killed = sum(t["code"] == -signal.SIGKILL for t in report["trials"])
    assert killed >= 10, report  # most kills land inside the run
    differences = []
    for t in report["trials"]:
        if t["kind"] == "export":
            text = Path(t["out"]).read_text(encoding="utf-8")
            # Whole or not at all: the old file, or the complete export. Only a kill can leave the
            # temporary file beside it (nothing runs after SIGKILL to remove it).
            whole = text in ("the old export\n", expected.read_text(encoding="utf-8"))
            if not whole or (t["leftovers"] and t["code"] != -signal.SIGKILL):
                differences.append(t)
        elif snapshot(Path(t["db"])) != clean:
            differences.append(t)
    assert differences == []


def _deterministic(work: Path) -> dict[str, Any]:
    """For each way of recovering (a re-run of ingest, an open for writing): ingest in a child that
    dies (os._exit) once its batches are committed, before their fusion."""
    import bilat

    docs = work / "docs"
    write_corpus(docs, n=8)
    clean = work / "clean.duckdb"
    with bilat.open(clean) as kb:  # also loads the extraction resources before forking
        kb.ingest([str(docs)], batch_size=BATCH)
    out = {point: _die_before_fusion(work / point, docs) for point in ("ingest", "open")}
    return {**out, "clean": snapshot(clean)}


def _die_before_fusion(work: Path, docs: Path) -> dict[str, Any]:
    import bilat
    from bilat import pipeline

    work.mkdir()
    point = work.name
    db = work / "k.duckdb"
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        pipeline.fuse = lambda *a, **k: os._exit(137)  # type: ignore[assignment]
        with bilat.open(db) as kb:
            kb.ingest([str(docs)], batch_size=BATCH)
        os._exit(0)
    code = _wait(pid)
    before = snapshot(db)
    if point == "open":
        bilat.open(db).close()  # an open for writing drains the queue
    else:
        with bilat.open(db) as kb:
            kb.ingest([str(docs)], batch_size=BATCH)
    return {"code": code, "before": before, "after": snapshot(db)}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_kill_between_batch_commit_and_fusion(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    code = (f"import json, sys; sys.path.insert(0, {str(HERE.parent)!r}); from pathlib import Path; "
            f"from test_kill import _deterministic; "
            f"r = _deterministic(Path({str(tmp_path)!r})); Path({str(out)!r}).write_text(json.dumps(r))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(SRC)}, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    r = json.loads(out.read_text())
    assert r["clean"]["events"] and r["clean"]["pending_fusion"] == 0
    for point in ("ingest", "open"):
        assert r[point]["code"] == 137
        before = r[point]["before"]
        assert before["documents"] == 8 and before["events"] == [] and before["pending_fusion"] > 0
        assert r[point]["after"] == r["clean"], point


def test_summary_says_what_is_pending(tmp_path: Path) -> None:
    from click.testing import CliRunner

    import bilat
    from bilat.cli import cli

    docs = tmp_path / "docs"
    write_corpus(docs, n=3)
    db = tmp_path / "k.duckdb"
    with bilat.open(db) as kb:
        kb.ingest([str(docs)])
        kb.store.con.execute("INSERT INTO fusion_pending VALUES ('visit|FR,DE')")
    res = CliRunner().invoke(cli, ["summary", "--db", str(db), "--json"])
    assert json.loads(res.output)["pending_fusion"] == 1
    res = CliRunner().invoke(cli, ["summary", "--db", str(db)])
    assert "1 fusion blocks wait to be fused" in res.output
    assert CliRunner().invoke(cli, ["fuse", "--db", str(db)]).exit_code == 0
    res = CliRunner().invoke(cli, ["summary", "--db", str(db), "--json"])
    assert json.loads(res.output)["pending_fusion"] == 0


def test_upgrade_queues_blocks_an_older_killed_run_left_unfused(tmp_path: Path) -> None:
    import bilat

    docs = tmp_path / "docs"
    write_corpus(docs, n=6)
    db = tmp_path / "k.duckdb"
    with bilat.open(db) as kb:
        kb.ingest([str(docs)])
    clean = snapshot(db)
    with bilat.open(db) as kb:
        # As a schema-2 database after a kill: one block's events never written, and no queue.
        con = kb.store.con
        block = con.execute("SELECT min(block) FROM events").fetchall()[0][0]
        con.execute("DELETE FROM events WHERE block = ?", [block])
        con.execute("DROP TABLE fusion_pending")
        con.execute("UPDATE bilat_meta SET value = '2' WHERE key = 'schema_version'")
    assert snapshot(db)["events"] != clean["events"]
    bilat.open(db).close()  # the upgrade queues the block, the open for writing fuses it
    assert snapshot(db) == clean


if __name__ == "__main__":
    print(json.dumps(helper(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))))
