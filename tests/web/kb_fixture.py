"""The small knowledge base the web tests read: samples/, one Persian document and one full of XSS payloads."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import bilat
from conftest import SAMPLES, TEXTS

XSS = '<script>alert("x")</script>'
IMG = '"><img src=x onerror=alert(1)>'
# Written for these tests: an English event sentence carrying the payloads, so they reach every page.
XSS_TEXT = (f"The foreign minister of Norway visited London on 4 June 2021 {XSS}. "
            f"The two sides signed a memorandum {IMG} in London on 5 June 2021.")
FA_TEXT = TEXTS["fa"] + (
    "\n\nوزیر امور خارجه ایران روز سه‌شنبه ۱۵ مهر ۱۴۰۱ وارد ایروان شد و با همتای ارمنی خود دیدار کرد.")


def build(folder: Path) -> Path:
    """Ingest the test inputs into ``folder``/kb.duckdb; return its path."""
    (folder / "in").mkdir()
    (folder / "in" / "xss.jsonl").write_text(json.dumps(
        {"id": "xss_doc", "title": XSS + IMG, "url": "javascript:alert(1)", "lang": "en", "text": XSS_TEXT},
        ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "in" / "persian_visit_fa.txt").write_text(FA_TEXT, encoding="utf-8")
    db = folder / "kb.duckdb"
    with bilat.open(db) as kb:
        report = kb.ingest([str(SAMPLES), str(folder / "in")])
    assert report.ok, report.failures
    return db


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test knowledge base, built once for the web tests."""
    return build(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="session")
def client(web_db: Path):
    """An in-process client of the app over the test knowledge base (read-only, no write API)."""
    pytest.importorskip("fastapi")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette asks for httpx2; httpx works
        from fastapi.testclient import TestClient
    from bilat.web import create_app

    with TestClient(create_app(web_db, token="")) as c:
        yield c
