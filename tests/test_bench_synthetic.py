"""The benchmarks' synthetic corpus (bench/synthetic.py): streamed, sized as asked, and disjoint by number."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic import TEMPLATES, write_corpus


def _lines(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_corpus_of_n_documents_in_six_languages(tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    docs, nbytes = write_corpus(out, docs=300)
    rows = _lines(out)
    assert docs == len(rows) == 300
    assert nbytes == sum(len(r["text"].encode()) for r in rows)
    assert {r["lang"] for r in rows} == set(TEMPLATES)
    assert len({r["id"] for r in rows}) == len({r["text"] for r in rows}) == 300


def test_a_corpus_of_about_mb_megabytes(tmp_path: Path) -> None:
    docs, nbytes = write_corpus(tmp_path / "c.jsonl", mb=0.2)
    assert 200_000 <= nbytes < 200_000 + 10_000
    assert docs == len(_lines(tmp_path / "c.jsonl"))


def test_corpora_numbered_apart_share_no_document(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a.jsonl", docs=100)
    write_corpus(tmp_path / "b.jsonl", docs=10, seed=11, start=100)
    a, b = _lines(tmp_path / "a.jsonl"), _lines(tmp_path / "b.jsonl")
    assert not {r["id"] for r in a} & {r["id"] for r in b}
    assert not {r["text"] for r in a} & {r["text"] for r in b}
    assert b[0]["id"] == "s100" and b[0]["text"].startswith("100.\n\n")


def test_the_same_seed_writes_the_same_corpus(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a.jsonl", docs=50)
    write_corpus(tmp_path / "b.jsonl", docs=50)
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
