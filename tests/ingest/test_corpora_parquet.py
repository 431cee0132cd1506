"""A Parquet corpus is read with the field mapping of JSON Lines and CSV, a record batch at a time (#10)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from click.testing import CliRunner

import bilat
from bilat.cli import cli
from bilat.ingest import Document, Failure, read
from conftest import TEXTS

ROWS: list[dict[str, Any]] = [
    {"id": "p1", "title": "Talks of two foreign ministers", "text": TEXTS["en"], "date": "2021-06-04",
     "url": "https://example.org/p1", "lang": "en"},
    {"id": "p2", "title": None, "text": TEXTS["ru"], "date": None, "url": None, "lang": None},
    {"id": "p3", "title": "Визит министра", "text": TEXTS["uk"], "date": "2022-05-02", "url": None, "lang": "uk"},
]


def _docs(path: Path) -> list[Document]:
    return [d for d in read(str(path)) if isinstance(d, Document)]


def test_parquet_rows_are_the_documents_the_same_jsonl_lines_are(tmp_path: Path) -> None:
    pq.write_table(pa.Table.from_pylist(ROWS), tmp_path / "c.parquet")
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS) + "\n",
                                      encoding="utf-8")
    from_parquet, from_jsonl = _docs(tmp_path / "c.parquet"), _docs(tmp_path / "c.jsonl")
    assert len(from_parquet) == 3
    fields = ("name", "text", "lang", "date", "title", "url")
    assert [[getattr(d, f) for f in fields] for d in from_parquet] == \
           [[getattr(d, f) for f in fields] for d in from_jsonl]
    assert [d.source for d in from_parquet] == [f"{tmp_path / 'c.parquet'}:{n}" for n in (1, 2, 3)]
    assert {d.format for d in from_parquet} == {"parquet"}


def test_parquet_typed_columns_numbered_rows_and_bad_rows(tmp_path: Path) -> None:
    # An integer id, a date column, paragraphs as a list; no id column at all gives <file>-<row>.
    rows = [{"id": 7, "body": None, "paragraphs": [TEXTS["en"], TEXTS["be"]], "published": dt.date(2021, 3, 5)},
            {"id": 8, "body": "  ", "paragraphs": None, "published": None},  # no text: one line, skipped
            {"id": 9, "body": TEXTS["fa"], "paragraphs": None, "published": dt.date(2020, 1, 2)}]
    path = tmp_path / "typed.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    out = list(read(str(path)))
    docs = [d for d in out if isinstance(d, Document)]
    assert [(d.name, d.date) for d in docs] == [("7", "2021-03-05"), ("9", "2020-01-02")]
    assert docs[0].text == TEXTS["en"] + "\n" + TEXTS["be"]
    bad = [str(f) for f in out if isinstance(f, Failure)]
    assert len(bad) == 1 and bad[0].startswith(f"{path}:2: no text in the record")

    many = tmp_path / "many.parquet"  # several row groups and record batches: rows numbered straight through
    pq.write_table(pa.Table.from_pylist([{"text": f"Note {i}. {TEXTS['en']}"} for i in range(2500)]), many,
                   row_group_size=700)
    docs = _docs(many)
    assert len(docs) == 2500
    assert (docs[0].name, docs[1733].name, docs[-1].source) == ("many-1", "many-1734", f"{many}:2500")


def test_parquet_row_over_max_size_is_refused_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "big.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": "a", "text": TEXTS["en"]}, {"id": "b", "text": "x" * 5000},
                                         {"id": "c", "text": TEXTS["ru"]}]), path)
    out = list(read(str(path), max_bytes=2000))
    assert [d.name for d in out if isinstance(d, Document)] == ["a", "c"]
    assert [str(f) for f in out if isinstance(f, Failure)] == [
        f"{path}:2: row too large for one record (over 2000 bytes, see --max-size)"]


def test_ingest_reads_parquet_and_a_bad_parquet_file_is_one_line(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    pq.write_table(pa.Table.from_pylist(ROWS), inputs / "good.parquet")
    (inputs / "broken.parquet").write_bytes(b"PAR1 this is not Parquet")
    pq.write_table(pa.Table.from_pylist([{"id": "x", "score": 3}]), inputs / "notext.parquet")
    (inputs / "after.txt").write_text(TEXTS["fa"], encoding="utf-8")
    db = tmp_path / "kb.duckdb"
    r = CliRunner().invoke(cli, ["ingest", str(inputs), "--db", str(db), "-q"])
    assert r.exit_code == 1
    lines = [line for line in r.output.splitlines() if "parquet" in line]
    assert len(lines) == 2, r.output
    assert any("broken.parquet: not a Parquet file that bilat can read (" in line for line in lines)
    assert any("notext.parquet: no text column (looked for: text" in line for line in lines)
    with bilat.open(db, read_only=True) as kb:
        names = sorted(d.name for d in kb.documents())
        assert names == ["after", "p1", "p2", "p3"]
        assert kb.store.con.execute("SELECT count(*) FROM mentions").fetchone()[0] > 0
