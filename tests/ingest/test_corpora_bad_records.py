"""A bad corpus record is one line naming file and line (or a warning), and every other record is kept (#8).

Each input here is one a fuzz run found; all are generated in the test.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

import bilat
from bilat.ingest import Document, Failure, ReadWarning, read
from bilat.records import content_hash
from conftest import TEXTS

GOOD = [json.dumps({"id": "first", "text": TEXTS["en"]}), json.dumps({"id": "last", "text": TEXTS["ru"]})]


def _split(path: Path, **kw) -> tuple[list[Document], list[Failure], list[ReadWarning]]:
    items = list(read(str(path), **kw))
    assert all(isinstance(i, Document | Failure | ReadWarning) for i in items)
    return ([i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Failure)],
            [i for i in items if isinstance(i, ReadWarning)])


def _jsonl(tmp_path: Path, bad: str) -> Path:
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join([GOOD[0], bad, GOOD[1]]) + "\n", encoding="utf-8")
    return path


def _ingest(tmp_path: Path, path: Path) -> tuple[bilat.kb.IngestReport, list[Document]]:
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        report = kb.ingest([str(path)])
        return report, list(kb.documents())


@pytest.mark.parametrize("bad", ["[" * 100_000, '{"id": "x", "text": ' + '{"a": ' * 50_000 + "1" + "}" * 50_001])
def test_corpora_deeply_nested_jsonl_line_is_one_failure(tmp_path: Path, bad: str) -> None:
    path = _jsonl(tmp_path, bad)
    docs, (failure,), _ = _split(path)
    assert [d.name for d in docs] == ["first", "last"]
    assert failure.where == f"{path}:2" and "nested too deeply" in failure.reason
    report, stored = _ingest(tmp_path, path)
    assert report.stored == 2 and len(report.failures) == 1 and {d.name for d in stored} == {"first", "last"}


def test_corpora_deeply_nested_json_file_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    docs, (failure,), _ = _split(path)
    assert not docs and failure.where == str(path) and "nested too deeply" in failure.reason


def test_corpora_lone_surrogate_is_replaced_with_a_warning(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, '{"id": "s", "text": "' + TEXTS["en"] + ' \\ud800 end", "title": "A \\udfff b"}')
    docs, failures, (warning,) = _split(path)
    assert not failures and [d.name for d in docs] == ["first", "s", "last"]
    assert "\ufffd end" in docs[1].text and docs[1].title == "A \ufffd b"
    assert warning.where == f"{path}:2" and "surrogate" in warning.reason
    report, stored = _ingest(tmp_path, path)
    assert report.stored == 3 and report.ok and len(report.warnings) == 1
    assert any(d.name == "s" and "\ufffd" in d.text for d in stored)
    assert content_hash("a\ud800") != content_hash("a\ufffd")  # hashing never raises on what slips through


def test_corpora_csv_bare_carriage_return_is_one_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "cr.csv"
    path.write_bytes(b"id,text\n1,good text one\n2,broken\rfield\n3,good text three\n")
    docs, (failure,), _ = _split(path)
    assert [d.name for d in docs] == ["1", "3"]
    assert failure.where == f"{path}:3" and "line break inside an unquoted field" in failure.reason


def test_corpora_csv_unterminated_quote_is_one_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('id,text\n1,good text one\n2,"never closed\n' + "3,more text here\n" * 400_000,
                    encoding="utf-8")  # about 6 MB after the open quote
    docs, (failure,), _ = _split(path)
    assert [d.name for d in docs] == ["1"]
    assert failure.where == f"{path}:3" and "never closed" in failure.reason


def test_corpora_csv_over_max_size_is_refused_with_its_size(tmp_path: Path) -> None:
    # a CSV or JSON corpus is read whole, so --max-size bounds the file and with it every record
    path = tmp_path / "big.csv"
    path.write_text("id,text\n1,good text one\n2," + "x" * 5000 + "\n", encoding="utf-8")
    docs, (failure,), _ = _split(path, max_bytes=4000)
    assert not docs and failure.where == str(path) and "too large" in failure.reason


def test_corpora_title_string_then_list_keeps_both_documents(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"id": "a", "title": "A headline", "text": TEXTS["en"]}) + "\n"
                    + json.dumps({"id": "b", "title": ["not", "a", "string"], "text": TEXTS["uk"]}) + "\n",
                    encoding="utf-8")
    docs, failures, (warning,) = _split(path)
    assert not failures and [d.title for d in docs] == ["A headline", None]
    assert warning.where == f"{path}:2" and "'title' is not a string" in warning.reason
    report, stored = _ingest(tmp_path, path)
    assert report.stored == 2 and {d.name for d in stored} == {"a", "b"}


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [("date", "2021-13-45", "not a date"), ("date", "2021-02-30", "not a date"), ("date", "yesterday", "not a date"),
     ("lang", 7, "'lang' is not a string"), ("url", 5, "'url' is not a string"),
     ("language", ["ru"], "'language' is not a string")],
)
def test_corpora_bad_metadata_keeps_the_text(tmp_path: Path, field: str, value: object, said: str) -> None:
    path = _jsonl(tmp_path, json.dumps({"id": "m", "text": TEXTS["be"], field: value}))
    docs, failures, (warning,) = _split(path)
    assert not failures and [d.name for d in docs] == ["first", "m", "last"]
    assert docs[1].text == TEXTS["be"] and getattr(docs[1], "lang" if field == "language" else field) is None
    assert warning.where == f"{path}:2" and said in warning.reason and "text kept" in warning.reason
    report, stored = _ingest(tmp_path, path)
    assert report.stored == 3 and report.ok and {d.name for d in stored} == {"first", "m", "last"}


def test_corpora_valid_dates_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXTS["en"], "date": "2024-02-29T10:00:00Z"}) + "\n",
                    encoding="utf-8")
    (doc,), failures, warnings = _split(path)
    assert doc.date == "2024-02-29" and not failures and not warnings


def test_corpora_jsonl_line_over_max_size_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write(GOOD[0] + "\n")
        f.write('{"id": "big", "text": "' + "word " * 1_200_000 + '"}\n')  # about 6 MB on one line
        f.write(GOOD[1] + "\n")
    tracemalloc.start()
    try:
        docs, (failure,), _ = _split(path, max_bytes=64 * 1024)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.name for d in docs] == ["first", "last"]
    assert failure.where == f"{path}:2" and "too large" in failure.reason and "--max-size" in failure.reason
    assert peak < 4 * 2**20  # the 6 MB line was skipped in bounded pieces, never held whole


def test_corpora_jsonl_line_under_max_size_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text('{"id": "big", "text": "' + "word " * 1_200_000 + '"}\n', encoding="utf-8")
    (doc,), failures, _ = _split(path)
    assert not failures and len(doc.text) == 6_000_000


def test_corpora_json_record_errors_name_the_record(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"text": TEXTS["en"]}, {"text": TEXTS["ru"], "date": "2021-13-45"}, {"x": 1}]),
                    encoding="utf-8")
    docs, (failure,), (warning,) = _split(path)
    assert len(docs) == 2 and failure.where == f"{path}[3]" and warning.where == f"{path}[2]"
