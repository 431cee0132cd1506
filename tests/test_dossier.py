"""The dossier on a pair of states (#4), built from records the test writes."""

from __future__ import annotations

import json
import re

import pytest

from bilat import dossier
from bilat.citations import DocumentInfo


def event(i: str, kind: str, date: str | None, actors=("BY", "NO"), people=(), langs=("ru",), conflicts=()):
    return {"id": f"e:{i}", "kind": kind, "date": date, "actors": list(actors), "source": [], "target": [],
            "location": None, "people": [{"name": p, "latin": p} for p in people], "mentions": [f"m:{i}"],
            "languages": list(langs), "conflicts": list(conflicts)}


def mention(i: str, lang: str = "ru") -> dict:
    return {"id": f"m:{i}", "doc": f"doc{i}", "lang": lang, "evidence": {"text": f"sentence {i}"}}


def figure(year: str, kind: str, value: float, reporter="BY", partner="NO") -> dict:
    return {"indicator": kind, "value": value, "unit": "USD", "reporter": reporter, "partner": partner,
            "period": year, "change_pct": None, "doc": "d"}


@pytest.fixture
def data() -> dict:
    events = [event("1", "visit", "2019-12", people=["Makei V.V."]), event("2", "meeting", "2016-02", langs=("be",)),
              event("3", "visit", "2019-05", actors=("BY", "SE")),
              event("4", "phone_call", "2020-04", people=["U. Makei"], langs=("be", "ru"),
                    conflicts=[{"field": "source", "values": [["BY"], ["NO"]], "mentions": ["m:4", "m:5"]}])]
    mentions = [mention(str(i)) for i in range(1, 6)]
    indicators = [figure("2019", "trade_turnover", 330e6), figure("2018", "trade_turnover", 305e6),
                  figure("2019", "exports", 152e6), figure("2019", "aid", 1e6, reporter="NO", partner=None)]
    return dossier.build("by", "no", events, mentions, indicators)


def test_dossier_timeline_only_the_pair_in_date_order(data: dict) -> None:
    assert [(e["date"], e["kind"]) for e in data["timeline"]] == [
        ("2016-02", "meeting"), ("2019-12", "visit"), ("2020-04", "phone_call")]
    assert data["timeline"][1]["sources"] == [{"doc": "doc1", "lang": "ru", "text": "sentence 1", "url": None}]


def test_dossier_indicators_by_year_and_people_merged(data: dict) -> None:
    assert list(data["indicators"]) == ["2018", "2019"]
    assert set(data["indicators"]["2019"]) == {"trade_turnover", "exports"}
    (makei,) = data["people"]
    assert makei["events"] == 2 and makei["names"] == ["Makei V.V.", "U. Makei"]


def test_dossier_conflicts_and_language_only(data: dict) -> None:
    assert data["conflicts"][0]["field"] == "source"
    assert data["only_in"] == {"be": [("2016-02", "meeting")], "ru": [("2019-12", "visit")]}


def test_dossier_renders_every_format(data: dict) -> None:
    md = dossier.render(data, "md")
    assert md.startswith("# Belarus – Norway") and "| 2019-12 | visit |" in md
    page = dossier.render(data, "html")
    assert page.count("<svg") == 2 and "<script" not in page and "http" not in page.split("</style>")[1]
    assert json.loads(dossier.render(data, "json"))["pair"] == ["BY", "NO"]
    with pytest.raises(ValueError, match="unknown dossier format"):
        dossier.render(data, "pdf")


def test_dossier_markdown_escapes_what_the_sources_wrote() -> None:
    # A document id (a file name or a JSON Lines id) and a person's name are the sources' text (#8).
    bad = '<img src=x onerror="alert(1)">|x'
    m = {"id": "m:1", "doc": bad, "lang": "en", "evidence": {"text": "sentence"}}
    d = dossier.build("by", "no", [event("1", "visit", "2019-12", people=["<b>Bold</b>"])], [m], [])
    md = dossier.render(d, "md")
    assert "<img" not in md and "<b>" not in md
    assert "&lt;img src=x onerror=\"alert(1)\"&gt;\\|x" in md and "&lt;b&gt;Bold&lt;/b&gt;" in md
    row = next(line for line in md.splitlines() if line.startswith("| 1 | 2019-12"))
    assert row.count(" | ") == 6  # the '|' in the id does not break the table


XSS = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def test_dossier_every_event_shows_its_sentence_and_url() -> None:
    docs = {"doc1": DocumentInfo(url="https://mfa.example/by-no?a=1&b=2"), "doc2": DocumentInfo(url=None)}
    mentions = [mention("1"), {**mention("2", "be"), "doc": "doc2"}]
    ev = {**event("1", "visit", "2019-12"), "mentions": ["m:1", "m:2"]}
    d = dossier.build("BY", "NO", [ev], mentions, [], documents=docs)
    assert d["timeline"][0]["sources"] == [
        {"doc": "doc1", "lang": "ru", "text": "sentence 1", "url": "https://mfa.example/by-no?a=1&b=2"},
        {"doc": "doc2", "lang": "be", "text": "sentence 2", "url": None}]
    md = dossier.render(d, "md")
    evidence = md.split("## Evidence", 1)[1].split("##", 1)[0]
    assert "1. 2019-12 visit, BY, NO" in evidence
    assert "   - ru, doc1, <https://mfa.example/by-no?a=1&b=2>: sentence 1" in evidence
    assert "   - be, doc2: sentence 2" in evidence
    page = dossier.render(d, "html")
    assert '<a href="https://mfa.example/by-no?a=1&amp;b=2" rel="noreferrer noopener">' in page
    assert '<q lang="be" dir="auto">sentence 2</q>' in page


def test_dossier_html_has_sections_not_markdown_leftovers(data: dict) -> None:
    page = dossier.render(data, "html")
    assert "<p>- " not in page and "None." not in page
    for heading in ("People", "Conflicts between sources", "Only in one language"):
        assert f"<h2>{heading}</h2>" in page
    people = page.split("<h2>People</h2>", 1)[1].split("<h2>", 1)[0]
    assert people.startswith("<ul><li>Makei V.V.: 2 events; written Makei V.V., U. Makei</li>")
    conflicts = page.split("<h2>Conflicts between sources</h2>", 1)[1].split("<h2>", 1)[0]
    assert "<li>2020-04 phone_call: the sources give source as BY / NO</li>" in conflicts
    quiet = dossier.build("BY", "NO", [event("9", "visit", "2019-12")], [mention("9")], [])
    assert "<p>The sources do not disagree.</p>" in dossier.render(quiet, "html")
    assert "The sources do not disagree." in dossier.render(quiet, "md")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                                 'https://x.example/"onmouseover="alert(1)'])
def test_dossier_sources_are_inert(url: str) -> None:
    m = {"id": "m:1", "doc": XSS, "lang": "en", "evidence": {"text": XSS + " [click](javascript:alert(3)) *b*"}}
    d = dossier.build("BY", "NO", [event("1", "visit", "2019-12", people=[XSS])], [m], [],
                      documents={XSS: DocumentInfo(url=url)})
    page = dossier.render(d, "html")
    body = page.split("</style>", 1)[1]
    assert "<script" not in body and "<img" not in body and "href=" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    md = dossier.render(d, "md")
    assert "<script" not in md and "<img" not in md and "<javascript" not in md.lower()
    assert not re.search(r"(?<!\\)\]\(", md)  # no Markdown link: every bracket is escaped
    assert "\\[click\\](javascript:alert(3)) \\*b\\*" in md
