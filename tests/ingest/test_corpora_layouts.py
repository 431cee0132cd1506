"""Corpus layouts are read whole: the title plus the full body, and no text field dropped silently (#8)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bilat.cli import cli
from bilat.ingest import Document, Failure, read
from conftest import TEXTS

TITLE = "Talks between the two foreign ministers"
LEAD = "A one-line lead that only repeats the body."
PLACE = "Reykjavik, the old harbour"
META = {"id", "url", "link", "date", "lang", "title", "headline"}


def _write_table(path: Path, rows: list[dict[str, Any]], delimiter: str = ",") -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(dict.fromkeys(k for r in rows for k in r)), delimiter=delimiter)
        w.writeheader()
        w.writerows(rows)


def _text_body() -> dict[str, Any]:
    return {"id": "a1", "title": TITLE, "summary": LEAD, "text": TEXTS["en"] + "\n" + TEXTS["ru"],
            "place": PLACE, "date": "2021-06-04"}


def _numbered() -> dict[str, Any]:
    # numbered columns out of order in the header, one of them past 9: joined in numeric order
    return {"id": "a2", "title": TITLE, "summary": LEAD, "article_full_text_10": TEXTS["fa"],
            "article_full_text_2": TEXTS["ru"], "article_full_text_1": TEXTS["en"], "place": PLACE}


def _paragraphs() -> dict[str, Any]:
    return {"link": "https://example.org/3", "title": TITLE, "abstract": LEAD,
            "paragraphs": [TEXTS["uk"], TEXTS["be"]], "tags": ["diplomacy", "visits"]}


def _capitalised() -> dict[str, Any]:
    return {"Id": "a4", "Title": TITLE, "Body": TEXTS["uk"]}


def _lead_only() -> dict[str, Any]:
    return {"id": "a5", "headline": TITLE, "summary": TEXTS["be"]}


LAYOUTS = {
    "csv": lambda p, rows: _write_table(p.with_suffix(".csv"), rows),
    "tsv": lambda p, rows: _write_table(p.with_suffix(".tsv"), rows, "\t"),
    "json-array": lambda p, rows: p.with_suffix(".json").write_text(json.dumps(rows), encoding="utf-8"),
    "json-object-of-records": lambda p, rows: p.with_suffix(".json").write_text(
        json.dumps({r.get("id") or r.get("link") or r.get("Id"): r for r in rows}), encoding="utf-8"),
    "json-object-with-a-list": lambda p, rows: p.with_suffix(".json").write_text(
        json.dumps({"source": "test", "articles": rows}), encoding="utf-8"),
    "jsonl": lambda p, rows: p.with_suffix(".jsonl").write_text(
        "".join(json.dumps({"id": f"r{i}", **r}) + "\n" for i, r in enumerate(rows)), encoding="utf-8"),
}
RECORDS = {"text": _text_body, "numbered": _numbered, "paragraphs": _paragraphs, "capitalised": _capitalised,
           "lead-only": _lead_only}


def _read(path: Path) -> tuple[list[Document], list[Any], dict[str, tuple[tuple[str, ...], tuple[str, ...]]]]:
    fields: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    items = list(read(str(path), on_fields=lambda w, used, unused: fields.__setitem__(w, (used, unused))))
    return [i for i in items if isinstance(i, Document)], [i for i in items if not isinstance(i, Document)], fields


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v.strip()]
    return []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("record", RECORDS)
def test_corpora_no_text_field_is_dropped_silently(tmp_path: Path, layout: str, record: str) -> None:
    row = RECORDS[record]()
    if layout in ("csv", "tsv"):
        row = {k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()}
        if record == "paragraphs":
            row.pop("paragraphs")  # a table has no lists; its body is a text column
            row["text"] = TEXTS["uk"]
    LAYOUTS[layout](tmp_path / "corpus", [row])
    (path,) = [p for p in tmp_path.iterdir()]
    docs, others, fields = _read(path)
    assert not [o for o in others if isinstance(o, Failure)]
    (doc,) = docs
    used, unused = fields[doc.source]
    text = " ".join(doc.text.split())
    for key, value in row.items():
        if key.casefold() in META and key.casefold() not in ("title", "headline"):
            continue
        for part in _texts(value):
            assert (" ".join(part.split()) in text) != (key in unused), (key, used, unused)
    assert doc.text.startswith(TITLE + "\n\n")  # the headline is the first paragraph
    if record == "lead-only":
        assert TEXTS["be"] in doc.text and "summary" in used
    elif record != "capitalised":  # a summary when there is a body: left out, and said so
        assert LEAD not in doc.text and ("summary" in unused or "abstract" in unused)


def test_corpora_numbered_columns_join_in_numeric_order(tmp_path: Path) -> None:
    _write_table(tmp_path / "k.csv", [_numbered()])
    (doc,), _, fields = _read(tmp_path / "k.csv")
    assert doc.text == f"{TITLE}\n\n{TEXTS['en']}\n{TEXTS['ru']}\n{TEXTS['fa']}"
    used, unused = fields[doc.source]
    assert used == ("title", "article_full_text_1", "article_full_text_2", "article_full_text_10")
    assert set(unused) == {"summary", "place"}


def test_corpora_ingest_json_reports_what_was_read(tmp_path: Path) -> None:
    _write_table(tmp_path / "k.csv", [_numbered(), _text_body()])
    (tmp_path / "note.txt").write_text(TEXTS["en"], encoding="utf-8")
    r = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "kb.duckdb"), "--json", str(tmp_path)])
    assert r.exit_code == 0, r.output
    report = json.loads(r.output)["ingest"]
    by_where = {e["where"]: e for e in report["read"]}
    row2 = by_where[f"{tmp_path / 'k.csv'}:2"]
    assert row2["fields"][:2] == ["title", "article_full_text_1"] and "summary" in row2["unused"]
    assert row2["chars"] == len(f"{TITLE}\n\n{TEXTS['en']}\n{TEXTS['ru']}\n{TEXTS['fa']}")
    assert by_where[str(tmp_path / "note.txt")]["chars"] == len(TEXTS["en"])
    assert sum(e["chars"] for e in report["read"]) == report["chars"]
    assert report["warnings"] == []


def test_corpora_title_reaches_extraction(tmp_path: Path) -> None:
    import bilat

    path = tmp_path / "c.json"
    path.write_text(json.dumps([{"title": "Telephone conversation with the President of Chile",
                                 "paragraphs": ["The presidents discussed trade.", "They agreed to meet."],
                                 "abstract": "A short lead.", "date": "2022-03-04",
                                 "link": "http://en.kremlin.ru/events/1"}]), encoding="utf-8")
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        report = kb.ingest([str(path)])
        calls = kb.mentions(kind="phone_call")
    assert report.ok and len(calls) == 1 and calls[0].evidence.text.startswith("Telephone conversation")
