"""Every page of ``bilat serve`` and its JSON twin, in process (#9)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from kb_fixture import client, web_db  # noqa: F401  (fixtures)

pytest.importorskip("fastapi")


def _first(client, path: str, key: str = "rows") -> dict:
    rows = client.get(path).json()[key]
    assert rows, f"{path} has no {key}"
    return rows[0]


def _pages(client) -> list[str]:
    event = _first(client, "/events.json")
    fa = _first(client, "/mentions.json?lang=fa")
    return ["/", "/pairs/BY-CN", "/events", "/mentions", "/indicators", f"/events/{event['id']}",
            f"/documents/{fa['doc']}", "/actors/BY", "/people", "/search?q=Norway", "/docs"]


def test_web_every_page_has_html_and_json_twin(client):
    for path in _pages(client):
        html = client.get(path)
        assert html.status_code == 200, path
        assert html.headers["content-type"].startswith("text/html"), path
        assert "<script" not in html.text.lower().replace("&lt;script", ""), path
        base, _, query = path.partition("?")
        twin = client.get(("/index" if base == "/" else base) + ".json" + (f"?{query}" if query else ""))
        assert twin.status_code == 200, path
        assert twin.headers["content-type"] == "application/json", path
        accept = client.get(path, headers={"accept": "application/json"})
        assert accept.json() == twin.json(), path


def test_web_overview_shows_languages_pairs_and_recent_events(client):
    data = client.get("/index.json").json()
    assert {"fa", "ru", "en"} <= set(data["summary"]["languages"])
    assert "database" not in data["summary"]
    top = data["pairs"][0]
    assert top["events"] >= data["pairs"][-1]["events"] > 0
    assert data["recent"] and all("id" in e for e in data["recent"])
    html = client.get("/").text
    assert f'href="/pairs/{top["a"]}-{top["b"]}"' in html and "<svg" in html and 'name="q"' in html


def test_web_pair_page_has_charts_evidence_and_links(client):
    data = client.get("/pairs/BY-CN.json").json()
    assert data["pair"] == ["BY", "CN"] and data["total"] == len(data["events"]) > 0
    for e in data["events"]:
        assert {"BY", "CN"} <= set(e["actors"])
        assert e["evidence"] and all(ev["text"] and ev["doc"] for ev in e["evidence"])
    html = client.get("/pairs/BY-CN").text
    assert html.count("<svg") >= 2 and "<mark>" in html
    assert f'href="/documents/{data["events"][0]["evidence"][0]["doc"]}"' in html
    assert f'href="/events/{data["events"][0]["id"]}"' in html
    assert client.get("/pairs/cn-by.json").json()["total"] == data["total"]  # order and case do not matter


def test_web_pair_filters_and_downloads(client):
    all_events = client.get("/pairs/BY-CN.json").json()["events"]
    kind = all_events[0]["kind"]
    visits = client.get(f"/pairs/BY-CN.json?kind={kind}").json()["events"]
    assert visits and all(e["kind"] == kind for e in visits)
    assert len(visits) == sum(e["kind"] == kind for e in all_events)
    rows = list(csv.DictReader(io.StringIO(client.get(f"/pairs/BY-CN.csv?kind={kind}").text)))
    assert [r["id"] for r in rows] == [e["id"] for e in visits]
    page = client.get("/pairs/BY-CN.json?limit=1&offset=1").json()
    assert page["events"] == all_events[1:2] and page["total"] == len(all_events)


def test_web_pair_of_one_state_or_unknown_code_is_refused(client):
    assert client.get("/pairs/BY-BY.json").status_code == 400
    assert "two different states" in client.get("/pairs/BY-BY.json").json()["error"]
    assert client.get("/pairs/BY-QQ").status_code == 404
    assert client.get("/actors/QQ.json").status_code == 404


def test_web_event_page_shows_each_source_in_context(client):
    many = [e for e in client.get("/events.json?limit=500").json()["rows"] if len(e["mentions"]) > 1]
    event = many[0] if many else _first(client, "/events.json")
    data = client.get(f"/events/{event['id']}.json").json()
    assert data["event"]["id"] == event["id"]
    assert len(data["sources"]) == len(event["mentions"])
    for s in data["sources"]:
        assert s["sentence"] == s["mention"]["evidence"]["text"]
        assert s["document"]["name"] == s["mention"]["doc"]
    assert any(s["before"] or s["after"] for s in data["sources"])
    html = client.get(f"/events/{event['id']}").text
    assert html.count('class="source"') == len(event["mentions"]) and "<mark>" in html
    assert client.get("/events/e:nothing.json").status_code == 404


def test_web_persian_document_is_right_to_left_with_facts_marked(client):
    data = client.get("/documents/persian_visit_fa.json").json()
    assert data["document"]["lang"] == "fa" and data["marked"] > 0
    html = client.get(f"/documents/{data['document']['id']}").text  # by content hash too
    assert 'lang="fa" dir="rtl"' in html and "<mark" in html
    assert "وزیر امور خارجه ایران" in html


def test_web_lists_filter_page_and_download(client):
    total = client.get("/events.json").json()["total"]
    fa = client.get("/events.json?lang=fa&limit=500").json()
    assert 0 < fa["total"] < total and all("fa" in e["languages"] for e in fa["rows"])
    since = client.get("/events.json?since=2020&limit=500").json()["rows"]
    assert since and all(e["date"] >= "2020" for e in since)
    conf = client.get("/mentions.json?min_confidence=0.9&limit=500").json()["rows"]
    assert all(m["confidence"] >= 0.9 for m in conf)
    page1 = client.get("/events.json?limit=3").json()["rows"]
    page2 = client.get("/events.json?limit=3&offset=3").json()["rows"]
    assert len(page1) == 3 and not {e["id"] for e in page1} & {e["id"] for e in page2}
    rows = list(csv.DictReader(io.StringIO(client.get("/mentions.csv?lang=fa&limit=500").text)))
    assert rows and {r["lang"] for r in rows} == {"fa"} and "evidence_text" in rows[0]
    figures = client.get("/indicators.json?actor=IR").json()["rows"]
    assert figures and all("IR" in (f["reporter"], f["partner"]) for f in figures)


def test_web_actor_people_and_search(client):
    partners = client.get("/actors/BY.json").json()["partners"]
    assert any(p["partner"] == "CN" for p in partners)
    assert all(sum(p["kinds"].values()) == p["events"] for p in partners)
    assert client.get("/people.json").json()["people"]
    hits = client.get("/search.json?q=Norway").json()["hits"]
    assert hits and all("norway" in h["text"].lower() for h in hits if h["kind"] == "sentence")
    assert client.get("/search.json?q=zzqqxxnothing").json()["hits"] == []


def test_web_openapi_and_offline_docs(client):
    schema = client.get("/openapi.json").json()
    assert {"/", "/pairs/{pair}", "/events/{event_id}", "/documents/{key}", "/search"} <= set(schema["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/pairs/{pair}" in docs.text
    assert "cdn" not in docs.text.lower() and "http" not in docs.text.replace("http://testserver", "")


def test_web_evidence_marks_the_words_that_state_the_act(client):
    from bilat.web.app import trigger_parts

    before, words, after = trigger_parts("On 3 May the President of Chile visited Peru.", "visit", "en")
    assert words == "visited" and before.endswith("Chile ") and after == " Peru."
    assert trigger_parts("A sentence with no act.", "visit", "en") == ("", "A sentence with no act.", "")
    html = client.get("/pairs/BY-CN").text
    marks = re.findall(r"<mark>(.*?)</mark>", html, flags=re.S)
    assert marks and any(0 < len(m) < 40 for m in marks)


def test_web_an_unknown_parameter_is_refused_not_ignored(client):
    r = client.get("/events.json", params={"acter": "NO"})  # a typo would return the whole list unfiltered
    assert r.status_code == 400
    assert "acter" in r.json()["error"] and "actor" in r.json()["error"]
    r = client.get("/indicators.json", params={"min_confidence": "0.5"})  # figures have no confidence
    assert r.status_code == 400
    assert client.get("/indicators.json", params={"kind": "trade"}).status_code == 200
