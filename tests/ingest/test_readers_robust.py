"""Readers and the ingest boundary: a bad file is one failure line, the batch goes on (#8)."""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from pathlib import Path

import pytest

import bilat
from bilat.ingest import Failure, read, readable
from bilat.records import Document

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fuzz_inputs import _BOMB, _W, _docx, _docx_text, _pdf

GOOD = "The foreign minister of Norway visited Lima on 3 May 2021."


def _one(path: Path) -> list[Document | Failure]:
    return list(read(str(path)))


def _zip_method(data: bytes, method: int) -> bytes:
    b = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = b.find(sig)
        while at >= 0:
            b[at + off : at + off + 2] = method.to_bytes(2, "little")
            at = b.find(sig, at + 4)
    return bytes(b)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (_docx(f"<w:document {_W}><w:body><w:p>"), "XML does not parse"),
        (_docx(f'<?xml version="1.0"?>{_BOMB}' + _docx_text("&lol9;")), "XML does not parse"),
        (_zip_method(_docx(_docx_text(GOOD)), 99), "NotImplementedError"),
        (_docx(_docx_text(GOOD), zipfile.ZIP_STORED)[:-30], "corrupt DOCX"),
        (b"PK\x03\x04" + bytes(range(256)) * 4, "corrupt DOCX"),
    ],
    ids=["malformed-xml", "billion-laughs", "zip-method", "truncated", "garbage"],
)
def test_readers_broken_docx_is_one_failure(tmp_path: Path, data: bytes, says: str) -> None:
    p = tmp_path / "bad.docx"
    p.write_bytes(data)
    out = _one(p)
    assert len(out) == 1 and isinstance(out[0], Failure), out
    assert out[0].where == str(p) and says in out[0].reason and "\n" not in str(out[0])


def test_readers_corrupt_deflate_is_one_failure(tmp_path: Path) -> None:
    good = _docx(_docx_text(GOOD * 20))
    z = zipfile.ZipFile(io.BytesIO(good))
    info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    bad = bytearray(good)
    bad[start : start + 8] = b"\xff" * 8  # the compressed stream itself: zlib.error, not a CRC mismatch
    p = tmp_path / "deflate.docx"
    p.write_bytes(bytes(bad))
    out = _one(p)
    assert len(out) == 1 and isinstance(out[0], Failure) and "DOCX" in out[0].reason, out


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_readers_truncated_pdf_is_one_failure(tmp_path: Path, cut: float) -> None:
    data = _pdf(GOOD)
    p = tmp_path / "t.pdf"
    p.write_bytes(data[: int(len(data) * cut)])
    out = _one(p)
    assert len(out) == 1, out
    assert isinstance(out[0], Failure) or GOOD[:20] in out[0].text  # pypdf may repair a cut xref


def test_readers_entity_bombed_html_is_bounded(tmp_path: Path) -> None:
    p = tmp_path / "bomb.html"
    p.write_text(f"{_BOMB}<html><body><p>&lol9; {GOOD}</p></body></html>")
    (item,) = _one(p)
    assert isinstance(item, Failure) or len(item.text) < 10_000  # never the 3 GB expansion


def test_readers_unexpected_error_is_one_failure_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bilat.ingest import readers

    def broken(data: bytes, source: str):
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setitem(readers.READERS, ".md", broken)
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.md").write_text("anything")
    (tmp_path / "c.txt").write_text(GOOD.replace("Lima", "Oslo"))
    failures: list[Failure] = []
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        report = kb.ingest([str(tmp_path / n) for n in ("a.txt", "b.md", "c.txt")], on_failure=failures.append)
        assert sorted(d.name for d in kb.documents()) == ["a", "c"]
    assert report.stored == 2
    assert [f.where for f in failures] == [str(tmp_path / "b.md")]
    assert "RuntimeError: a bug over two lines" in failures[0].reason


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX byte file names")
def test_readers_file_name_with_invalid_utf8_is_stored(tmp_path: Path) -> None:
    base = os.fsencode(tmp_path)
    for i in range(3):
        (tmp_path / f"good{i}.txt").write_text(GOOD.replace("3 May", f"{i + 4} May"))
    with open(os.path.join(base, b"bad\xff.txt"), "wb") as f:
        f.write(GOOD.replace("Lima", "Accra").encode())
    with open(os.path.join(base, b"bad\xfe.docx"), "wb") as f:
        f.write(b"PK\x03\x04 not a zip")
    failures: list[Failure] = []
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        report = kb.ingest([str(tmp_path)], on_failure=failures.append)
        names = sorted(d.name for d in kb.documents())
    assert report.stored == 4
    assert names == ["bad\\xff", "good0", "good1", "good2"]
    assert [f.where for f in failures] == [str(tmp_path / "bad\\xfe.docx")]
    json.dumps(report.as_dict(), ensure_ascii=False).encode("utf-8")  # printable with --json


def test_readers_readable_names() -> None:
    assert readable("plain/Україна.txt") == "plain/Україна.txt"
    assert readable(os.fsdecode(b"a\xffb")) == "a\\xffb"
    assert readable("lone\ud800") == "lone\\xed\\xa0\\x80"
    assert readable("two\nlines\x7f") == "two\\x0alines\\x7f"


def test_readers_lone_surrogate_in_a_record_keeps_the_text(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text(json.dumps({"id": "a", "text": GOOD + " \ud800"}) + "\n")
    (doc,) = [d for d in _one(p) if isinstance(d, Document)]
    assert doc.text.startswith(GOOD) and doc.id


def test_readers_progress_counts_bytes_within_one_jsonl(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl"
    with p.open("w") as f:
        for i in range(400):
            f.write(json.dumps({"id": f"d{i}", "text": f"Record {i}: {GOOD} " + "x " * 200}) + "\n")
    seen: list[bilat.kb.IngestProgress] = []
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(p)], progress=seen.append)
    size = p.stat().st_size
    inside = [s for s in seen if s.files_done == 0]
    assert len({s.bytes_done for s in inside}) >= 3  # the bar moves within the one file
    assert [s.bytes_done for s in seen] == sorted(s.bytes_done for s in seen)
    assert all(s.bytes_total == size and s.files == 1 for s in seen)
    assert [s.documents for s in seen] == sorted(s.documents for s in seen)
    assert seen[-1].files_done == 1 and seen[-1].bytes_done == size and seen[-1].documents == 400


def test_readers_size_limit_refuses_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.truncate(60 * 2**20)  # sparse: 60 MB that cost nothing to write
    (item,) = read(str(p), max_bytes=10 * 2**20)
    assert isinstance(item, Failure) and "60 MB > 10 MB" in item.reason
