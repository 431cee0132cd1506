"""The command line, driven the way a user drives it (#2)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

import bilat
from bilat.cli import cli
from conftest import SAMPLES, TEXTS


def test_cli_ingest_summary_json(tmp_path: Path) -> None:
    for lang, text in TEXTS.items():
        (tmp_path / f"{lang}.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "kb.duckdb")
    r = CliRunner().invoke(cli, ["ingest", "--db", db, "--json", str(tmp_path)])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["ingest"]["stored"] == 5
    assert set(out["knowledge_base"]["languages"]) == set(TEXTS)
    r = CliRunner().invoke(cli, ["summary", "--db", db])
    assert r.exit_code == 0 and "Database:" in r.output and "fa" in r.output


def test_cli_ingest_failure_exit_code_and_one_line(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(TEXTS["en"], encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    r = CliRunner().invoke(cli, ["ingest", "-q", "--db", str(tmp_path / "kb.duckdb"), str(tmp_path)])
    assert r.exit_code == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("bilat:")]
    assert errors == [f"bilat: skipped {tmp_path / 'empty.txt'}: empty file"]
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        assert kb.summary()["documents"] == 1


def test_cli_ingest_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.duckdb")
    r = CliRunner().invoke(cli, ["ingest", "-q", "--db", db, "-"], input=TEXTS["uk"].encode())
    assert r.exit_code == 0, r.output
    with bilat.open(db) as kb:
        (doc,) = kb.documents()
        assert doc.source == "-" and doc.lang == "uk"


def test_cli_export_formats(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.duckdb")
    (tmp_path / "a.txt").write_text(TEXTS["ru"], encoding="utf-8")
    CliRunner().invoke(cli, ["ingest", "-q", "--db", db, str(tmp_path / "a.txt")])
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"m.{fmt}"
        r = CliRunner().invoke(cli, ["export", "mentions", "--db", db, "--format", fmt, "-o", str(out)])
        assert r.exit_code == 0, r.output
        assert out.exists()
    r = CliRunner().invoke(cli, ["export", "mentions", "--db", db, "--format", "parquet"])
    assert r.exit_code == 2 and "needs an output file" in r.stderr


def test_cli_sentences_shows_offsets(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.duckdb")
    (tmp_path / "a.txt").write_text(TEXTS["en"], encoding="utf-8")
    CliRunner().invoke(cli, ["ingest", "-q", "--db", db, str(tmp_path / "a.txt")])
    r = CliRunner().invoke(cli, ["sentences", "a", "--db", db])
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert len(lines) == 2
    for line in lines:
        _idx, span, lang, text = line.split(maxsplit=3)
        start, end = map(int, span.split("-"))
        assert TEXTS["en"][start:end] == text and lang == "en"


def test_cli_bad_database_is_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "not.duckdb"
    bad.write_text("this is not a database", encoding="utf-8")
    r = CliRunner().invoke(cli, ["summary", "--db", str(bad)])
    assert r.exit_code == 2 and r.stderr.startswith("bilat: error:") and len(r.stderr.splitlines()) == 1


def test_cli_kill_and_resume_stores_each_document_once(tmp_path: Path) -> None:
    """SIGKILL an ingest midway; the re-run stores every document exactly once."""
    folder = tmp_path / "docs"
    folder.mkdir()
    n = 120
    for i in range(n):
        lang = list(TEXTS)[i % len(TEXTS)]
        (folder / f"doc{i:03d}.txt").write_text(f"{TEXTS[lang]} ({i})\n" * 20, encoding="utf-8")
    db = str(tmp_path / "kb.duckdb")
    cmd = [sys.executable, "-m", "bilat", "ingest", "-v", "--batch-size", "4", "--db", db, str(folder)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    stored = 0
    assert proc.stderr is not None
    for line in proc.stderr:
        stored += line.startswith("stored ")
        if stored >= 20:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    with bilat.open(db) as kb:
        first = kb.summary()["documents"]
    assert 20 <= first < n
    r = subprocess.run([*cmd[:4], "-q", *cmd[5:]], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    with bilat.open(db) as kb:
        names = [d.name for d in kb.documents(all_versions=True)]
        assert sorted(names) == [f"doc{i:03d}" for i in range(n)]
        sentences = kb.store.con.execute("SELECT count(*), count(DISTINCT (doc, idx)) FROM sentences").fetchone()
        assert sentences[0] == sentences[1]


def test_cli_sample_corpus_ingests_cleanly(tmp_path: Path) -> None:
    if not SAMPLES.is_dir():
        return
    db = str(tmp_path / "kb.duckdb")
    r = CliRunner().invoke(cli, ["ingest", "--json", "--db", db, str(SAMPLES)])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["ingest"]["failures"] == []
    assert {"be", "ru", "uk", "fa", "en"} <= set(out["knowledge_base"]["languages"])


def test_cli_dossier_formats(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.duckdb")
    (tmp_path / "a.txt").write_text("Министр иностранных дел Казахстана посетил Германию 12 марта 2023 г.\n"
                                    "В 2022 г. товарооборот между Казахстаном и Германией составил "
                                    "3,1 млрд долларов США.",
                                    encoding="utf-8")
    CliRunner().invoke(cli, ["ingest", "-q", "--db", db, str(tmp_path / "a.txt")])
    r = CliRunner().invoke(cli, ["dossier", "KZ", "DE", "--db", db])
    assert r.exit_code == 0, r.output
    assert "| 2023-03-12 | visit | KZ → DE |" in r.output
    out = tmp_path / "d.html"
    r = CliRunner().invoke(cli, ["dossier", "kz", "de", "--db", db, "--format", "html", "-o", str(out)])
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").count("<svg") == 2


def test_cli_every_command_documented() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"bilat {name}" in readme, f"README does not document 'bilat {name}'"


def test_cli_people_and_actors(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.duckdb")
    (tmp_path / "a.txt").write_text(
        "Министр иностранных дел Армении Арарат Мирзоян посетил Иран 5 мая 2021 г.", encoding="utf-8")
    CliRunner().invoke(cli, ["ingest", "-q", "--db", db, str(tmp_path / "a.txt")])
    r = CliRunner().invoke(cli, ["people", "--db", db, "--json"])
    (p,) = json.loads(r.output)
    assert p["roles"][0]["role"] == "foreign minister" and p["roles"][0]["country"] == "AM"
    r = CliRunner().invoke(cli, ["actors", "--db", db, "--json"])
    assert {a["code"]: a["names"]["ru"] for a in json.loads(r.output)} == {"AM": "Армения", "IR": "Иран"}


def test_cli_missing_database_and_unknown_code_are_clear(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["summary", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2 and "no bilat database here yet" in r.stderr
    db = str(tmp_path / "kb.duckdb")
    (tmp_path / "a.txt").write_text(TEXTS["en"], encoding="utf-8")
    CliRunner().invoke(cli, ["ingest", "-q", "--db", db, str(tmp_path / "a.txt")])
    r = CliRunner().invoke(cli, ["dossier", "XX", "NO", "--db", db])
    assert r.exit_code == 2 and "unknown state or organisation code 'XX'" in r.stderr


def test_cli_every_event_kind_documented() -> None:
    from bilat.extract.kinds import KINDS

    records = (Path(__file__).resolve().parents[1] / "docs" / "records.md").read_text(encoding="utf-8")
    for kind in KINDS.values():
        assert f"| `{kind.name}` | {kind.plover} |" in records, f"docs/records.md lacks {kind.name}"


def test_ingest_prints_one_warning_line_for_bad_metadata_and_keeps_the_text(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "The President of Chile visited Peru on 3 May 2021.",
                                  "date": "2021-02-30"}) + "\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "kb.duckdb"), str(corpus)])
    assert r.exit_code == 0, r.output
    warnings = [line for line in r.stderr.splitlines() if line.startswith("bilat: warning:")]
    assert len(warnings) == 1 and "c.jsonl:1" in warnings[0] and "date" in warnings[0]
    assert "1 stored" in r.stdout
