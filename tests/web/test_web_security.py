"""Documents are untrusted input: payloads stay inert, bad parameters get 4xx, writes need the token (#9)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from kb_fixture import IMG, XSS, client, web_db  # noqa: F401  (fixtures)

pytest.importorskip("fastapi")

INJECTIONS = ["' OR 1=1 --", "BY'; DROP TABLE events; --", '" OR ""="', "1; SELECT * FROM documents",
              "%' UNION SELECT text FROM documents --", "BY) OR (1=1"]


def _xss_pages(client) -> list[str]:
    doc = client.get("/documents/xss_doc.json")
    assert doc.status_code == 200
    events = [e for e in client.get("/events.json?limit=500&actor=NO").json()["rows"]
              if any(m for m in e["mentions"])]
    ids = [e["id"] for e in events if "xss_doc" in str(client.get(f"/events/{e['id']}.json").json())]
    assert ids, "the XSS document gave no event"
    return ["/", "/documents/xss_doc", f"/events/{ids[0]}", "/pairs/GB-NO", "/pairs/NO-GB?limit=500",
            "/events?actor=NO&limit=500", "/mentions?limit=500", "/search?q=" + "alert", "/people", "/actors/NO",
            "/search?q=" + XSS]


def test_web_xss_payloads_render_inert_on_every_page(client):
    for path in _xss_pages(client):
        r = client.get(path)
        assert r.status_code == 200, path
        body = r.text.lower()
        assert "<script" not in body, path
        assert "<img" not in body and "onerror=alert" not in body.replace("onerror=alert(1)&gt;", ""), path
        assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", body), path
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp, path  # no script allowed at all
    doc = client.get("/documents/xss_doc").text
    assert "&lt;script&gt;" in doc  # shown as text, escaped


def test_web_sql_injection_in_every_parameter_is_refused_or_empty(client):
    params = ["kind", "actor", "since", "until", "lang", "min_confidence", "q", "limit", "offset"]
    for value in INJECTIONS:
        for name in params:
            for path in ("/events.json", "/mentions.json", "/indicators.json", "/pairs/BY-CN.json"):
                r = client.get(path, params={name: value})
                assert r.status_code in (200, 400, 404, 422), (path, name, value)
                if r.status_code == 200:
                    data = r.json()
                    assert not data.get("rows", data.get("events")), (path, name, value)
        r = client.get("/search.json", params={"q": value})
        assert r.status_code == 200 and all(value.lower() in h["text"].lower() for h in r.json()["hits"])
        for path in (f"/pairs/{value}.json", f"/events/{value}.json", f"/documents/{value}.json",
                     f"/actors/{value}.json"):
            assert 400 <= client.get(path).status_code < 500, path
    assert client.get("/index.json").json()["summary"]["events"] > 0  # nothing was dropped


def test_web_size_limits_and_closed_cors(client):
    assert client.get("/events.json", params={"q": "x" * 5000}).status_code == 414
    assert client.get("/events.json", params={"q": "x" * 300}).status_code == 422
    r = client.get("/index.json", headers={"origin": "https://evil.example"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    pre = client.options("/index.json", headers={"origin": "https://evil.example",
                                                 "access-control-request-method": "GET"})
    assert "access-control-allow-origin" not in pre.headers


def test_web_reads_leave_the_database_unchanged(client, web_db: Path):
    before = web_db.read_bytes()
    for path in ("/", "/events", "/pairs/BY-CN", "/search?q=Norway", "/documents/xss_doc"):
        client.get(path)
    assert web_db.read_bytes() == before


def test_web_write_api_needs_the_token(tmp_path: Path, web_db: Path, client):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from bilat.web import create_app

    upload = {"file": ("note_en.txt", b"The foreign minister of Norway visited Minsk on 3 May 2022.", "text/plain")}
    assert client.post("/api/documents", files=upload).status_code == 404  # off without BILAT_TOKEN
    db = tmp_path / "w.duckdb"
    db.write_bytes(web_db.read_bytes())
    with TestClient(create_app(db, token="s3cret-token")) as w:
        before = w.get("/index.json").json()["summary"]["documents"]
        assert w.post("/api/documents", files=upload).status_code == 401
        assert w.post("/api/documents", files=upload, headers={"authorization": "Bearer wrong"}).status_code == 401
        assert w.post("/api/documents", files=upload, headers={"authorization": "s3cret-token"}).status_code == 401
        assert w.get("/index.json").json()["summary"]["documents"] == before
        r = w.post("/api/documents", files=upload, headers={"authorization": "Bearer s3cret-token"})
        assert r.status_code == 201 and r.json()["stored"] == 1
        assert w.get("/index.json").json()["summary"]["documents"] == before + 1
        big = {"file": ("big.txt", b"x" * (33 * 2**20), "text/plain")}
        assert w.post("/api/documents", files=big, headers={"authorization": "Bearer s3cret-token"}).status_code == 413
