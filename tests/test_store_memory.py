"""DuckDB's buffer pool: bounded, but sized to the primary keys the database holds (#10)."""

from __future__ import annotations

from pathlib import Path

import pytest

import bilat
from bilat.errors import SchemaError
from bilat.store import memory
from conftest import SAMPLES


def _pool_mb(kb: bilat.KnowledgeBase) -> float:
    size = kb.store.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    number, unit = size.split()
    return float(number) * {"KiB": 1 / 1024, "MiB": 1, "GiB": 1024}[unit]


def test_the_pool_is_the_base_until_the_keys_need_more(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "physical", lambda: 64 << 30)
    assert memory.limit(False, 0) == 128 * memory.MB
    assert memory.limit(True, 0) == 512 * memory.MB
    assert memory.limit(False, 10_000_000) == memory.rounded(128 * memory.MB + 10_000_000 * memory.PER_KEY)
    # never more than its share of the machine, never less than the base
    monkeypatch.setattr(memory, "physical", lambda: 1 << 30)
    assert memory.limit(False, 10**9) == (1 << 30) * memory.SHARE
    assert memory.limit(True, 10**9) == 512 * memory.MB


def test_the_pool_grows_by_whole_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "physical", lambda: 64 << 30)
    step = memory.STEP
    assert memory.rounded(step) == step
    assert memory.rounded(step + 1) == 2 * step
    # a few thousand more keys leave the pool as it is; a step's worth more takes the next step
    a = memory.limit(False, 1_000_000)
    assert a % step == 0 and a >= 128 * memory.MB + 1_000_000 * memory.PER_KEY
    assert memory.limit(False, 1_000_000 + 1000) == a
    assert memory.limit(False, 1_000_000 + step // memory.PER_KEY) == a + step


def test_a_writer_takes_more_as_its_tables_grow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BILAT_DUCKDB_MEMORY", raising=False)
    monkeypatch.setattr(memory, "PER_KEY", 1 << 20)  # a megabyte per key: a few documents are enough
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        assert _pool_mb(kb) == pytest.approx(128, abs=1)
        kb.ingest([str(SAMPLES / "no_gb_relations_en.md"), str(SAMPLES / "kz_de_relations_ru.txt")])
        s = kb.summary()
        stored = s["documents"] + s["mentions"] + s["indicators"]  # all there before fusion's last write
        assert stored > 2
        assert _pool_mb(kb) >= 128 + stored


def test_the_keys_counted_are_the_primary_keys_of_the_tables_asked(tmp_path: Path) -> None:
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(SAMPLES / "no_gb_relations_en.md"), str(SAMPLES / "kz_de_relations_ru.txt")])
        con = kb.store.con
        con.execute("CHECKPOINT")  # DuckDB's row estimates are exact once written
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in memory.KEYED}
        assert all(counts.values())
        assert memory.keys(con) == sum(counts.values())
        assert memory.keys(con, ["events"]) == counts["events"]
        # event_mentions (a row per fused mention) has no index to hold: it is not counted
        assert "event_mentions" not in memory.KEYED
        assert not con.execute("SELECT * FROM duckdb_indexes() WHERE table_name = 'event_mentions'").fetchall()


def test_a_writer_that_only_fuses_holds_the_events_keys_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool sized to every key lets DuckDB cache every page it reads up to that size; fusion
    writes the events' index alone, and its pool counts only those keys."""
    monkeypatch.delenv("BILAT_DUCKDB_MEMORY", raising=False)
    monkeypatch.setattr(memory, "PER_KEY", 1 << 20)
    db = tmp_path / "kb.duckdb"
    with bilat.open(db) as kb:
        kb.ingest([str(SAMPLES / "no_gb_relations_en.md"), str(SAMPLES / "kz_de_relations_ru.txt")])
        s = kb.summary()
    with bilat.open(db) as kb:
        assert _pool_mb(kb) == pytest.approx(128, abs=1)  # nothing written yet
        assert kb.fuse() == s["events"]
        assert 128 + s["events"] <= _pool_mb(kb) < 128 + s["events"] + s["mentions"]
        fused = _pool_mb(kb)
        kb.event(kb.events()[0].id)  # keys it already holds: the pool stays
        assert _pool_mb(kb) == fused
        kb.document_by_id(next(iter(kb.documents())).id)  # a key looked up in another index: that index counts too
        assert _pool_mb(kb) >= 128 + s["events"] + s["documents"]
    monkeypatch.setattr(memory, "PER_KEY", 10 << 20)
    with bilat.open(db, read_only=True) as kb:  # a reader looks anything up: every key counts
        assert _pool_mb(kb) >= 128 + 10 * (s["documents"] + s["mentions"] + s["indicators"] + s["events"])


def test_the_environment_fixes_the_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "PER_KEY", 1 << 20)
    monkeypatch.setenv("BILAT_DUCKDB_MEMORY", "300MB")
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(SAMPLES / "no_gb_relations_en.md")])
        assert _pool_mb(kb) == pytest.approx(286, abs=2)  # DuckDB shows 300 MB in MiB
    monkeypatch.setenv("BILAT_DUCKDB_MEMORY", "lots")
    with pytest.raises(SchemaError, match="BILAT_DUCKDB_MEMORY"):
        bilat.open(tmp_path / "kb.duckdb")


def test_a_writer_folds_its_log_into_the_file_at_1_gb_and_on_close(tmp_path: Path) -> None:
    """Checkpoints write every key index again (duckdb/duckdb#24848), so a writer lets its log grow
    to about 1 GB before one; closing folds the log in, and everything is in the file."""
    db = tmp_path / "kb.duckdb"
    wal = Path(str(db) + ".wal")
    kb = bilat.open(db)
    kb.ingest([str(SAMPLES)])
    (threshold,) = kb.store.con.execute("SELECT current_setting('checkpoint_threshold')").fetchone()
    assert threshold == "953.6 MiB"  # 1 GB
    assert wal.exists() and wal.stat().st_size > 0  # the batches are in the log, not folded in yet
    kb.close()
    assert not wal.exists() or wal.stat().st_size == 0
    with bilat.open(db, read_only=True) as kb:
        assert kb.summary()["documents"] == 19


def test_the_closing_sort_has_at_least_a_readers_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sort that keeps the side tables clustered runs beside the index pages the writer holds:
    it gets at least a reader's pool, however few keys the writer counted."""
    from bilat.store import query

    monkeypatch.delenv("BILAT_DUCKDB_MEMORY", raising=False)
    pools: list[float] = []
    cluster = query.cluster

    def seen(con, *args, **kwargs):  # type: ignore[no-untyped-def]
        size = con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
        pools.append(float(size.split()[0]) * (1024 if size.endswith("GiB") else 1))
        return cluster(con, *args, **kwargs)

    kb = bilat.open(tmp_path / "kb.duckdb")
    kb.ingest([str(SAMPLES / "no_gb_relations_en.md")])
    assert _pool_mb(kb) < 512
    monkeypatch.setattr(query, "cluster", seen)
    kb.close()
    assert pools and pools[-1] >= 512
