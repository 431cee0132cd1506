"""``workers``: the pure stage in a process pool stores exactly what one process stores (#10)."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import bilat
from bilat import pipeline
from bilat.cli import cli
from bilat.engine import LocalPool, engine
from bilat.engine.local import DIED, pieces
from bilat.records import Document
from conftest import TEXTS
from written_corpus import corpus

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic import descendants  # the benchmarks' /proc walk


def snapshot(db: Path, inputs: Sequence[str], **kw: Any) -> dict[str, Any]:
    """Everything one ingest leaves: the exports, the documents and sentences tables, and the report."""
    with bilat.open(db) as kb:
        r = kb.ingest(inputs, **kw)
        con = kb.store.con
        return {
            **{t: list(kb.records(t)) for t in ("mentions", "indicators", "events")},
            "documents": con.execute("SELECT id, name, source, version, current, lang, chars FROM documents "
                                     "ORDER BY id, version").fetchall(),
            "sentences": con.execute('SELECT doc, idx, start, "end", lang, boilerplate FROM sentences '
                                     "ORDER BY doc, idx").fetchall(),
            "report": (r.files, r.documents, r.stored, r.unchanged, r.chars,
                       sorted((f.where, f.reason) for f in r.failures)),
        }


def test_workers_2_store_exactly_what_1_stores(tmp_path: Path) -> None:
    inputs = [str(corpus(tmp_path / "in"))]
    one = snapshot(tmp_path / "one.duckdb", inputs, batch_size=4, workers=1)
    two = snapshot(tmp_path / "two.duckdb", inputs, batch_size=4, workers=2)
    assert one["mentions"] and one["events"] and one["indicators"]
    assert one["report"][3] >= 2 and one["report"][5]  # repeats skipped, the bad file failed
    assert two == one
    # And again into the same files: nothing new, everything already there.
    again = snapshot(tmp_path / "two.duckdb", inputs, batch_size=4, workers=2)
    assert again["report"][2] == 0 and again["mentions"] == one["mentions"]


def test_a_text_in_flight_twice_is_stored_once(tmp_path: Path) -> None:
    # Batches of one: the copy comes while its twin's batch is still being processed.
    folder = tmp_path / "in"
    folder.mkdir()
    for i, lang in enumerate(["ru", "en", "en", "uk", "en", "fa"]):
        (folder / f"{i}.txt").write_text(TEXTS[lang], encoding="utf-8")
    one = snapshot(tmp_path / "one.duckdb", [str(folder)], batch_size=1, workers=1)
    two = snapshot(tmp_path / "two.duckdb", [str(folder)], batch_size=1, workers=2)
    assert one["report"][2:4] == (4, 2)
    assert two == one


def dies_on_poison(docs: Sequence[Document]) -> list[Any]:
    """The pure stage, except that a document saying "poison" kills its worker process outright."""
    if any("poison" in d.text for d in docs) and multiprocessing.parent_process() is not None:
        os._exit(3)
    return REAL(docs)


REAL = pipeline.process_batch


def test_a_worker_that_dies_costs_one_failure_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, lang in enumerate(["ru", "be", "uk", "fa", "en"]):
        (folder / f"{i}.txt").write_text(TEXTS[lang], encoding="utf-8")
    (folder / "2p.txt").write_text("poison. " + TEXTS["en"], encoding="utf-8")
    monkeypatch.setattr(pipeline, "process_batch", dies_on_poison)
    seen: list[str] = []
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        r = kb.ingest([str(folder)], batch_size=2, workers=2, on_failure=lambda f: seen.append(str(f)))
        names = sorted(d.name for d in kb.documents())
    (f,) = r.failures
    assert f.where.endswith("2p.txt") and f.reason == DIED
    assert seen == [str(f)]
    assert r.stored == 5 and names == ["0", "1", "2", "3", "4"]


def lengths(docs: Sequence[Document]) -> list[Any]:
    return [len(d.text) for d in docs]


def test_the_pool_holds_a_bounded_number_of_batches(tmp_path: Path) -> None:
    pulled = 0

    def batches():
        nonlocal pulled
        for i in range(30):
            pulled += 1
            yield i, [Document(name=str(i), text="x" * (i + 1))]

    ahead = []
    with LocalPool(2, in_flight=3) as pool:
        for i, out in pool.map(lengths, batches()):
            ahead.append(pulled - i)
            assert out == [i + 1]
    assert len(ahead) == 30 and max(ahead) <= 4


def test_one_batch_needs_no_pool(tmp_path: Path) -> None:
    # Everything fits one batch: processed here (a monkeypatched stage is seen), no pool is started.
    with engine(2) as run:
        out = list(run.map(lengths, [("only", [Document(name="a", text="abc")])]))
        assert out == [("only", [3])] and run._pool is None


def test_cli_workers(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", n=12)
    outs = []
    for w in ("1", "2"):
        db = str(tmp_path / f"w{w}.duckdb")
        r = CliRunner().invoke(cli, ["ingest", "--json", "--workers", w, "--batch-size", "8", "--db", db, str(folder)])
        assert r.exit_code == 1, r.output  # bad.txt
        outs.append(json.loads(r.stdout.splitlines()[-1])["knowledge_base"])
    assert outs[0]["documents"] > 10 and outs[0] == {**outs[1], "database": outs[0]["database"]}
    r = CliRunner().invoke(cli, ["ingest", "--workers", "0", "--db", str(tmp_path / "x.duckdb"), str(folder)])
    assert r.exit_code == 2 and "--workers" in r.output


def dies_in_any_worker(docs: Sequence[Document]) -> list[Any]:
    """A stage whose worker processes die before any result (as an unguarded script's would)."""
    if multiprocessing.parent_process() is not None:
        os._exit(1)
    return REAL(docs)


def test_a_pool_that_cannot_start_leaves_the_work_to_this_process(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, lang in enumerate(["ru", "be", "uk", "fa", "en"]):
        (folder / f"{i}.txt").write_text(TEXTS[lang], encoding="utf-8")
    monkeypatch.setattr(pipeline, "process_batch", dies_in_any_worker)
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        r = kb.ingest([str(folder)], batch_size=2, workers=2)
    assert r.ok and r.stored == 5


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_workers_do_not_outlive_a_killed_ingest(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(60):
        lang = list(TEXTS)[i % len(TEXTS)]
        (folder / f"doc{i:03d}.txt").write_text(f"{TEXTS[lang]} ({i})\n" * 20, encoding="utf-8")
    cmd = [sys.executable, "-m", "bilat", "ingest", "-v", "--workers", "2", "--batch-size", "2",
           "--db", str(tmp_path / "kb.duckdb"), str(folder)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("stored "):  # the pool is up: a result has come back
            break
    below = set(descendants(proc.pid))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert below, "no worker processes were started"

    def alive() -> set[int]:
        return {p for p in below if Path(f"/proc/{p}").exists()}

    deadline = time.monotonic() + 30
    while alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive()


def test_each_batch_goes_to_the_pool_in_pieces_of_about_equal_text() -> None:
    docs = [Document(name=str(i), text="x" * n) for i, n in enumerate([10, 10, 10, 10, 60])]
    assert [[d.name for d in p] for p in pieces(docs, 2)] == [["0", "1", "2", "3"], ["4"]]
    assert [[d.name for d in p] for p in pieces(docs[:4], 2)] == [["0", "1"], ["2", "3"]]
    assert [[d.name for d in p] for p in pieces(docs[:4], 3)] == [["0"], ["1", "2"], ["3"]]
    assert [len(p) for p in pieces(docs[:1], 2)] == [1]
    for n in (1, 2, 3, 8):
        parts = pieces(docs, n)
        assert [d for p in parts for d in p] == docs and all(parts) and len(parts) <= n


def test_the_first_batches_are_small_and_double_up_to_the_batch_size(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        (folder / f"d{i:02d}.txt").write_text(f"Paper {i}. The minister of Norway visited Poland.", encoding="utf-8")
    sizes: list[int] = []
    store_batch = pipeline.store_batch

    def counted(store: Any, batch: Sequence[Any], fail: Any) -> Any:
        sizes.append(len(batch))
        return store_batch(store, batch, fail)

    monkeypatch.setattr(pipeline, "store_batch", counted)
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        r = kb.ingest([str(folder)], batch_size=8)
    assert sizes == [1, 2, 4, 8, 8, 8, 8, 1]
    assert r.stored == 40


def test_a_worker_never_loads_the_database_libraries() -> None:
    # The forkserver imports this module before it forks the workers: DuckDB and pyarrow are the
    # writer's alone, and would cost each worker their start-up time and memory.
    code = ("import sys, bilat.engine.warm, bilat.pipeline; "
            "print(sorted(m for m in ('duckdb', 'pyarrow', 'pandas', 'bilat.kb', 'bilat.store') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "BILAT_WARM": "en"})
    assert out.stdout.strip() == "[]"
    # ... while `import bilat` still gives the knowledge base's names
    assert bilat.open is bilat.kb.open and bilat.KnowledgeBase.__name__ == "KnowledgeBase"


FUSE_ROWS = pipeline.fuse_rows


def dies_fusing(rows: Sequence[tuple[str, str]]) -> list[Any]:
    """Fusion of a chunk, except that it kills the worker process it runs in."""
    if multiprocessing.parent_process() is not None:
        os._exit(3)
    return FUSE_ROWS(rows)


def _events(kb: Any) -> list[Any]:
    return sorted(kb.store.con.execute("SELECT id, block, record FROM events").fetchall())


def test_fusion_in_the_pool_gives_the_events_of_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of blocks fused by the workers while this process reads and writes: the same events,
    and the same when every worker dies (each chunk is then fused here)."""
    from bilat.store import Store

    futures: list[Any] = []
    submit = LocalPool._submit_one

    def counted(self: LocalPool, fn: Any, item: Any) -> Any:
        f = submit(self, fn, item)
        futures.append(f)
        return f

    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(corpus(tmp_path / "in"))], workers=1)
        before = _events(kb)
        monkeypatch.setattr(Store, "_MENTIONS_PER_QUERY", 6)  # many chunks of whole blocks
        monkeypatch.setattr(LocalPool, "_submit_one", counted)
        assert kb.fuse() and _events(kb) == before
        assert not futures  # one process: no pool
        assert kb.fuse(workers=2) == len(before) and _events(kb) == before
        assert len(futures) >= 3 and all(f is not None and f.exception() is None for f in futures)
        monkeypatch.setattr(pipeline, "fuse_rows", dies_fusing)
        assert kb.fuse(workers=2) == len(before) and _events(kb) == before


def test_cli_fuse_workers(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.duckdb")
    r = CliRunner().invoke(cli, ["ingest", "--workers", "1", "--db", db, str(corpus(tmp_path / "in", n=12))])
    outs = [CliRunner().invoke(cli, ["fuse", "--workers", w, "--db", db]) for w in ("1", "2")]
    assert all(o.exit_code == 0 for o in outs) and outs[0].output == outs[1].output
    assert int(outs[0].output.split()[0]) == json.loads(CliRunner().invoke(
        cli, ["summary", "--json", "--db", db]).output)["events"] > 0, r.output
