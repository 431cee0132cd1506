"""CSV for spreadsheets (#9): URL and evidence columns, readable people, whole-day date bounds, and
a byte-order mark for Excel."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bilat import exports
from bilat.citations import Citations, DocumentInfo
from bilat.cli import cli


@pytest.mark.parametrize(("date", "date_end", "bounds"), [
    ("2019", None, ("2019-01-01", "2019-12-31")),
    ("2019-02", None, ("2019-02-01", "2019-02-28")),
    ("2024-02", None, ("2024-02-01", "2024-02-29")),
    ("1992-02-04", None, ("1992-02-04", "1992-02-04")),
    ("2023-06-03", "2023-06-05", ("2023-06-03", "2023-06-05")),
    ("2018-06", "2018-07", ("2018-06-01", "2018-07-31")),
    ("--02-04", None, (None, None)),
    ("--06", None, (None, None)),
    (None, None, (None, None)),
    ("2019-13", None, (None, None)),
])
def test_exports_csv_day_range(date: str | None, date_end: str | None, bounds: tuple[str | None, str | None]) -> None:
    assert exports.day_range(date, date_end) == bounds


def test_exports_csv_people_text() -> None:
    people = [{"name": "Д. Л. Іваноў", "latin": "D. L. Ivanow", "role": "foreign minister", "country": "BY"},
              {"name": "Ван Лімін", "role": None, "country": "CN"}, {"name": "Someone"}]
    assert exports.people_text(people) == "Д. Л. Іваноў (foreign minister, BY); Ван Лімін (CN); Someone"
    assert exports.people_text([]) == ""


def mention(i: str, doc: str, text: str, date: str | None = "2019") -> dict[str, Any]:
    return {"id": f"m:{i}", "doc": doc, "lang": "en", "kind": "visit", "plover": "CONSULT", "plover_mode": "visit",
            "cameo": "042", "date": date, "date_end": None, "actors": ["GB", "NO"], "source": ["NO"],
            "target": ["GB"], "location": None,
            "people": [{"name": "Jonas Gahr Støre", "role": "prime minister", "country": "NO"}],
            "evidence": {"sentence": 0, "start": 0, "end": len(text), "text": text}, "confidence": 0.8}


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


CITES = Citations({"a": DocumentInfo(url="https://example.org/a"), "b": DocumentInfo(url=None)},
                  {"m:1": mention("1", "a", "First, in Oslo."), "m:2": mention("2", "b", "Second.")})


def test_exports_csv_mentions_have_url_dates_and_readable_people(tmp_path: Path) -> None:
    out = tmp_path / "m.csv"
    n = exports.write("mentions", [mention("1", "a", "First, in Oslo."), mention("2", "b", "Second.", "--02-04")],
                      "csv", str(out), CITES)
    rows = read_csv(out.read_text(encoding="utf-8"))
    assert n == 2 and not out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert [r["url"] for r in rows] == ["https://example.org/a", ""]
    assert (rows[0]["date"], rows[0]["date_start"], rows[0]["date_end"]) == ("2019", "2019-01-01", "2019-12-31")
    assert (rows[1]["date"], rows[1]["date_start"], rows[1]["date_end"]) == ("--02-04", "", "")
    assert rows[0]["people"] == "Jonas Gahr Støre (prime minister, NO)"
    assert rows[0]["evidence_text"] == "First, in Oslo."


def test_exports_csv_events_cite_their_first_mention(tmp_path: Path) -> None:
    ev = {"id": "e:1", "kind": "visit", "plover": "CONSULT", "cameo": "042", "date": "2019-05", "date_end": None,
          "actors": ["GB", "NO"], "source": ["NO"], "target": ["GB"], "location": None, "people": [],
          "mentions": ["m:1", "m:2"], "languages": ["en"], "conflicts": [], "confidence": 0.8}
    orphan = {**ev, "id": "e:2", "mentions": ["m:gone"]}
    out = tmp_path / "e.csv"
    exports.write("events", [ev, orphan], "csv", str(out), CITES)
    first, second = read_csv(out.read_text(encoding="utf-8"))
    assert (first["doc"], first["url"], first["evidence_text"]) == ("a", "https://example.org/a", "First, in Oslo.")
    assert (first["date_start"], first["date_end"]) == ("2019-05-01", "2019-05-31")
    assert (second["doc"], second["url"], second["evidence_text"]) == ("", "", "")
    assert first["mentions"] == "m:1;m:2"


def test_exports_csv_excel_has_a_byte_order_mark(tmp_path: Path) -> None:
    out = tmp_path / "m.csv"
    exports.write("mentions", [mention("1", "a", "Ürümqi, «quoted», 北京.")], "csv", str(out), excel=True)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,doc,url,") and raw.count(b"\xef\xbb\xbf") == 1
    assert read_csv(raw.decode("utf-8-sig"))[0]["evidence_text"] == "Ürümqi, «quoted», 北京."
    with pytest.raises(ValueError, match="--excel is for CSV"):
        exports.write("mentions", [], "jsonl", str(tmp_path / "x.jsonl"), excel=True)
    assert not (tmp_path / "x.jsonl").exists()


def test_exports_csv_parquet_keeps_people_as_json(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    table = exports.to_arrow("mentions", [mention("1", "a", "First.")], CITES)
    row = table.to_pylist()[0]
    assert json.loads(row["people"])[0]["name"] == "Jonas Gahr Støre"
    assert (row["url"], row["date_start"], row["date_end"]) == ("https://example.org/a", "2019-01-01", "2019-12-31")


def test_exports_csv_cli_excel_with_urls_from_a_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"id": "n1", "url": "https://news.example/n1", "lang": "en", "date": "2021-06-05",
                                  "text": "The foreign minister of Norway visited London on 4 June 2021."}) + "\n",
                      encoding="utf-8")
    db = str(tmp_path / "kb.duckdb")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", "-q", "--db", db, str(corpus)]).exit_code == 0
    for what in ("mentions", "events"):
        out = tmp_path / f"{what}.csv"
        res = runner.invoke(cli, ["export", what, "--db", db, "--format", "csv", "--excel", "-o", str(out)])
        assert res.exit_code == 0, res.output
        rows = read_csv(out.read_bytes().decode("utf-8-sig"))
        assert rows and out.read_bytes().startswith(b"\xef\xbb\xbf")
        assert {r["url"] for r in rows} == {"https://news.example/n1"}
        assert all("visited London" in r["evidence_text"] for r in rows)
    res = runner.invoke(cli, ["export", "events", "--db", db, "--format", "jsonl", "--excel"])
    assert res.exit_code == 2 and "--excel is for CSV" in res.output


def test_exports_csv_day_range_covers_the_date() -> None:
    import datetime
    import random

    rng = random.Random(9)
    for _ in range(500):
        y, m, d = rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 31)
        date = rng.choice([f"{y:04d}", f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-{min(d, 28):02d}"])
        first, last = exports.day_range(date)
        assert first is not None and last is not None and first.startswith(date) and last.startswith(date)
        start, end = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
        assert start <= end
        assert (end + datetime.timedelta(days=1)).isoformat()[: len(date)] != date if end.year < 9999 else True


def test_exports_csv_sources_are_fetched_piece_by_piece_as_with_all_in_memory(tmp_path: Path) -> None:
    events = [{"id": f"e:{i}", "kind": "visit", "plover": "CONSULT", "cameo": "042", "date": "2019", "date_end": None,
               "actors": ["GB", "NO"], "source": [], "target": [], "location": None, "people": [],
               "mentions": [f"m:{i % 3 + 1}"], "languages": ["en"], "conflicts": [], "confidence": 0.5}
              for i in range(7)]
    mentions = {f"m:{i}": mention(str(i), "ab"[i % 2], f"Sentence {i}.") for i in (1, 2, 3)}
    asked: list[tuple[set[str], set[str]]] = []

    def fetch(names: set[str], ids: set[str]) -> tuple[dict[str, DocumentInfo], dict[str, Any]]:
        asked.append((names, ids))
        found = {i: mentions[i] for i in ids if i in mentions}
        return ({n: DocumentInfo(url=f"https://example.org/{n}") for n in {m["doc"] for m in found.values()}},
                found)

    whole = Citations({n: DocumentInfo(url=f"https://example.org/{n}") for n in "ab"}, mentions)
    pieces = Citations(fetch=fetch)
    exports.write("events", events, "csv", str(tmp_path / "whole.csv"), whole)
    stream = pieces.stream(events, size=2)
    with (tmp_path / "pieces.csv").open("w", encoding="utf-8", newline="") as f:
        exports._csv("events", stream, f, pieces)
    assert (tmp_path / "pieces.csv").read_text(encoding="utf-8") == (tmp_path / "whole.csv").read_text(encoding="utf-8")
    assert len(asked) == 4 and all(len(ids) <= 2 for _, ids in asked)  # 7 events, 2 at a time
    assert "https://example.org/b" in (tmp_path / "pieces.csv").read_text(encoding="utf-8")
