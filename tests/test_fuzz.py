"""Fuzz property: no bad input raises, loses a good document, or fails in more than one line (#8)."""

from __future__ import annotations

from pathlib import Path

import pytest

import bilat
from fuzz_inputs import FAMILIES, Tally, generate, ingest_batch

SEED = 8
N = 2000
PER_CALL = 100


@pytest.fixture(scope="module")
def tally(tmp_path_factory: pytest.TempPathFactory) -> Tally:
    """One seeded run of N inputs, PER_CALL fuzz files per ingest call with good files between them."""
    root = tmp_path_factory.mktemp("fuzz")
    inputs = list(generate(SEED, N))
    t = Tally()
    with bilat.open(root / "kb.duckdb") as kb:
        for b in range(0, N, PER_CALL):
            ingest_batch(kb, inputs[b : b + PER_CALL], str(root / f"b{b // PER_CALL:03d}"), t, b // PER_CALL)
    return t


def test_fuzz_no_input_raises(tally: Tally) -> None:
    assert tally.inputs == N
    assert tally.tracebacks == []


def test_fuzz_every_good_file_is_stored(tally: Tally) -> None:
    assert tally.lost_good == []


def test_fuzz_every_failure_is_one_line_naming_its_file(tally: Tally) -> None:
    assert tally.failures > N // 2  # most fuzz inputs are unreadable, and say so
    assert tally.bad_lines == []


def test_fuzz_no_bad_file_is_silent(tally: Tally) -> None:
    assert tally.silent == []


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_fuzz_good_records_beside_a_bad_one_are_stored(tally: Tally, family: str) -> None:
    assert tally.lost_records.get(family, 0) == 0


def test_fuzz_inputs_are_seeded() -> None:
    a = [(i.name, i.data) for i in generate(3, 40)]
    assert a == [(i.name, i.data) for i in generate(3, 40)]
    assert len({i.family for i in generate(3, 40)}) == len(FAMILIES)


def test_fuzz_good_pdf_and_docx_fixtures_are_read(tmp_path: Path) -> None:
    # The broken PDF/DOCX families start from these; they must be readable, or the fuzz tests only garbage.
    import random

    from bilat.ingest import read
    from fuzz_inputs import _docx, _docx_text, _pdf

    (tmp_path / "a.pdf").write_bytes(_pdf("The envoy of Ghana visited Hanoi."))
    (tmp_path / "a.docx").write_bytes(_docx(_docx_text("The envoy of Ghana visited Lima.")))
    docs = [d for p in ("a.pdf", "a.docx") for d in read(str(tmp_path / p))]
    assert [type(d).__name__ for d in docs] == ["Document", "Document"], docs
    assert "Hanoi" in docs[0].text and "Lima" in docs[1].text
    assert random.Random(1).random() == random.Random(1).random()
