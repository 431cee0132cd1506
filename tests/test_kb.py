"""The knowledge base: storing, versions, idempotence, exports, the Python API (#2)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilat
from bilat.exports import COLUMNS
from bilat.store.migrations import MIGRATIONS, current_version
from conftest import TEXTS


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for lang, text in TEXTS.items():
        p = folder / f"{lang}_news.txt"
        p.write_text(text + "\n" + text.upper(), encoding="utf-8")
        paths.append(p)
    return paths


def test_kb_ingest_stores_languages_and_sentences(kb, tmp_path: Path) -> None:
    write_corpus(tmp_path / "docs")
    report = kb.ingest([str(tmp_path / "docs")])
    assert report.ok and report.stored == 5
    summary = kb.summary()
    assert set(summary["languages"]) == {"ru", "be", "uk", "fa", "en"}
    assert summary["sentences"] >= 10
    for doc in kb.documents():
        for s in kb.sentences(doc.name):
            assert doc.text[s.start : s.end] == s.text


def test_kb_ingest_twice_is_idempotent(kb, tmp_path: Path) -> None:
    write_corpus(tmp_path / "docs")
    kb.ingest([str(tmp_path / "docs")])
    again = kb.ingest([str(tmp_path / "docs")])
    assert again.stored == 0 and again.unchanged == 5
    assert kb.summary()["documents"] == 5 and kb.summary()["versions"] == 5


def test_kb_same_text_at_two_paths_stored_once(kb, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXTS["en"], encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXTS["en"], encoding="utf-8")
    report = kb.ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert report.stored == 1 and report.unchanged == 1


def test_kb_edited_document_becomes_new_version(kb, tmp_path: Path) -> None:
    p = tmp_path / "page.txt"
    p.write_text(TEXTS["ru"], encoding="utf-8")
    kb.ingest([str(p)])
    p.write_text(TEXTS["ru"] + " Добавлено позже.", encoding="utf-8")
    kb.ingest([str(p)])
    assert [d.text.endswith("позже.") for d in kb.documents()] == [True]
    versions = list(kb.store.documents(current_only=False))
    assert [v for _, v in versions] == [1, 2]
    assert all(d.source == str(p) for d, _ in versions)


def test_kb_bad_input_keeps_batch_going_and_stored_data(kb, tmp_path: Path) -> None:
    write_corpus(tmp_path / "docs")
    kb.ingest([str(tmp_path / "docs")])
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.txt").write_bytes(b"")
    (tmp_path / "bad" / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "bad" / "good.txt").write_text(TEXTS["en"] + " More.", encoding="utf-8")
    report = kb.ingest([str(tmp_path / "bad")])
    assert not report.ok and len(report.failures) == 2 and report.stored == 1
    assert kb.summary()["documents"] == 6


@pytest.mark.parametrize("what", list(COLUMNS))
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_kb_exports_valid_when_empty(kb, tmp_path: Path, what: str, fmt: str) -> None:
    out = tmp_path / f"{what}.{fmt}"
    assert kb.export(what, fmt, str(out)) == 0
    if fmt == "parquet":
        assert pq.read_table(out).column_names == list(COLUMNS[what])
    elif fmt == "csv":
        assert out.read_text(encoding="utf-8").strip().split(",") == list(COLUMNS[what])
    else:
        assert out.read_text(encoding="utf-8") == ""


def test_kb_exports_records_roundtrip(kb, tmp_path: Path) -> None:
    record = {
        "id": "m:1", "doc": "d", "lang": "ru", "kind": "visit", "plover": "CONSULT", "plover_mode": "visit",
        "cameo": "042", "date": "1996-10", "date_end": None, "actors": ["BY", "NO"], "source": ["BY"],
        "target": ["NO"], "location": {"name": "Oslo", "country": "NO"},
        "people": [{"name": "Иванов", "latin": "Ivanov", "role": "foreign minister", "country": "BY"}],
        "evidence": {"sentence": 0, "start": 0, "end": 5, "text": "abcde"}, "confidence": 0.9,
    }
    (tmp_path / "d.txt").write_text("abcde", encoding="utf-8")
    kb.ingest([str(tmp_path / "d.txt")])
    doc_id = next(kb.documents()).id
    kb.store.replace_records("mentions", [("m:1", doc_id, "visit", "1996-10", json.dumps(record), "visit|BY,NO")],
                            [doc_id])
    kb.export("mentions", "jsonl", str(tmp_path / "m.jsonl"))
    assert json.loads((tmp_path / "m.jsonl").read_text(encoding="utf-8")) == record
    (m,) = kb.mentions(kind="visit")
    assert m.people[0].latin == "Ivanov" and m.location.country == "NO" and m.actors == ("BY", "NO")
    kb.export("mentions", "parquet", str(tmp_path / "m.parquet"))
    row = pq.read_table(tmp_path / "m.parquet").to_pylist()[0]
    assert row["actors"] == ["BY", "NO"] and row["evidence_text"] == "abcde"
    assert kb.df("mentions")["kind"].tolist() == ["visit"]


def test_kb_migrations_versioned(tmp_path: Path) -> None:
    path = tmp_path / "m.duckdb"
    with bilat.open(path) as kb:
        assert current_version(kb.store.con) == MIGRATIONS[-1][0]
    with bilat.open(path) as kb:  # reopening applies nothing twice
        assert current_version(kb.store.con) == MIGRATIONS[-1][0]
        kb.store.con.execute("UPDATE bilat_meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(bilat.errors.SchemaError, match="newer"):
        bilat.open(path)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=400))
def test_kb_roundtrip_text_and_offsets(tmp_path_factory, text: str) -> None:
    if not text.strip():
        return
    folder = tmp_path_factory.mktemp("rt")
    (folder / "doc.txt").write_text(text, encoding="utf-8")
    with bilat.open(folder / "kb.duckdb") as kb:
        report = kb.ingest([str(folder / "doc.txt")])
        if not report.ok:  # text that is only control-like characters is refused, with a reason
            assert report.failures[0].reason
            return
        (doc,) = kb.documents()
        assert doc.text == unicodedata.normalize("NFC", text)
        for s in kb.sentences("doc", include_boilerplate=True):
            assert doc.text[s.start : s.end] == s.text and s.text.strip() == s.text


def test_kb_processing_error_is_one_failure_and_batch_goes_on(kb, tmp_path: Path, monkeypatch) -> None:
    from bilat import pipeline

    real = pipeline.process

    def flaky(doc):
        if "boom" in doc.text:
            raise RuntimeError("boom inside")
        return real(doc)

    monkeypatch.setattr(pipeline, "process", flaky)
    (tmp_path / "a.txt").write_text(TEXTS["ru"], encoding="utf-8")
    (tmp_path / "b.txt").write_text("boom " + TEXTS["en"], encoding="utf-8")
    (tmp_path / "c.txt").write_text(TEXTS["uk"], encoding="utf-8")
    report = kb.ingest([str(tmp_path)])
    assert report.stored == 2
    (f,) = report.failures
    assert f.where.endswith("b.txt") and "RuntimeError: boom inside" in f.reason


def test_kb_bounded_reads_equal_one_big_read(tmp_path: Path, monkeypatch) -> None:
    from bilat.store import Store
    from conftest import SAMPLES

    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(SAMPLES)])
        whole = {t: list(kb.records(t)) for t in ("mentions", "indicators", "events")}
        monkeypatch.setattr(Store, "_DOCS_PER_QUERY", 2)
        monkeypatch.setattr(Store, "_MENTIONS_PER_QUERY", 3)
        monkeypatch.setattr(Store, "_LARGE_BLOCK", 3)
        pieces = {t: list(kb.records(t)) for t in ("mentions", "indicators", "events")}
        assert pieces == whole and len(whole["mentions"]) > 20
        assert [r["id"] for r in kb.store._pages("events", size=4)] == [r["id"] for r in whole["events"]]
        # Fusion in pieces of three mentions (every block larger than that is read by dates) writes the same events.
        assert kb.fuse() == len(whole["events"]) and list(kb.records("events")) == whole["events"]


def test_kb_large_blocks_are_fused_by_the_workers_with_the_events_of_one_process(tmp_path: Path, monkeypatch) -> None:
    """With two workers, a block larger than a read goes to a worker as a Parquet file of its mentions
    and comes back as one of events; this process never fuses it, the events are those of fusing it
    here, and no file is left beside the database."""
    from bilat import pipeline
    from bilat.store import Store
    from conftest import SAMPLES

    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(SAMPLES)])
        whole = list(kb.records("events"))
        monkeypatch.setattr(Store, "_MENTIONS_PER_QUERY", 2)
        monkeypatch.setattr(Store, "_LARGE_BLOCK", 2)
        large = [b for b, n in kb.store.block_sizes(kb.store.queue_all()) if n > 2]
        exported: list[str] = []
        export = Store.export_block
        monkeypatch.setattr(Store, "export_block", lambda s, b, p: (exported.append(b), export(s, b, p))[1])

        def not_here(*_: object) -> None:
            raise AssertionError("a large block was fused in the writer")

        monkeypatch.setattr(pipeline, "fuse_large", not_here)  # the workers' own copy is untouched
        assert kb.fuse(workers=2) == len(whole)
        assert list(kb.records("events")) == whole
    assert len(large) >= 2 and exported == sorted(large)
    assert sorted(p.name for p in tmp_path.iterdir() if "bilat-fuse" in p.name) == []


def test_kb_fusion_commits_every_few_reads_and_writes_the_same_events(tmp_path: Path, monkeypatch) -> None:
    """Fusion commits once a few chunks of blocks are written, not at every chunk nor once for all:
    the events are those of one commit, however the commits fall."""
    from bilat.store import Store
    from conftest import SAMPLES

    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(SAMPLES)])
        whole = list(kb.records("events"))
        commits: list[int] = []
        opened = Store.transaction

        def counted(self: Store) -> object:
            commits.append(1)
            return opened(self)

        monkeypatch.setattr(Store, "_MENTIONS_PER_QUERY", 3)  # chunks of whole blocks of about 3 mentions
        monkeypatch.setattr(Store, "_MENTIONS_PER_COMMIT", 7)  # a commit every two or three chunks
        monkeypatch.setattr(Store, "transaction", counted)
        assert kb.fuse() == len(whole) and list(kb.records("events")) == whole
        chunks = sum(1 for _ in kb.store.block_chunks([b for b, _ in kb.store.block_sizes(kb.store.queue_all())], 3))
        assert 3 <= len(commits) < chunks


def test_kb_fusing_everything_again_makes_the_events_table_anew_with_its_key(tmp_path: Path) -> None:
    """Dropping every event makes the table again from its own definition (no key removed one by
    one); the schema, its primary key and the events fused are those of before."""
    import duckdb
    import pytest

    from conftest import SAMPLES

    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(SAMPLES)])
        con = kb.store.con
        schema = "SELECT sql FROM duckdb_tables() WHERE table_name = 'events'"
        before, table = list(kb.records("events")), con.execute(schema).fetchall()
        assert kb.fuse() == len(before) and list(kb.records("events")) == before
        assert con.execute(schema).fetchall() == table and "PRIMARY KEY" in table[0][0]
        with pytest.raises(duckdb.ConstraintException):
            con.execute("INSERT INTO events (id, kind, record) SELECT id, kind, record FROM events LIMIT 1")
        assert kb.store.queue_all() and not list(kb.records("events"))
    with bilat.open(tmp_path / "kb.duckdb") as kb:  # the queued blocks are fused on the next open
        assert list(kb.records("events")) == before
