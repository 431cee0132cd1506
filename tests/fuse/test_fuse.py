"""Fusion of mentions into events (#4). Mentions are built by the tests."""

from __future__ import annotations

import random

import pytest

from bilat.fuse import compatible, fuse, merge_dates
from bilat.fuse.names import name_keys
from bilat.records import Evidence, Mention, Person
from conftest import mentions_of


def mention(i: str, doc: str, kind: str, date: str | None, actors=("BY", "NO"), lang="ru", people=()) -> Mention:
    return Mention(id=f"m:{i}", doc=doc, lang=lang, kind=kind, plover=None, plover_mode=None, cameo=None,
                   date=date, evidence=Evidence(0, 0, 1, "x"), actors=tuple(actors),
                   people=tuple(Person(p, p) for p in people))


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [("1992-02-04", "--02-04", True), ("1992-02-05", "--02-04", False), ("2020", "2020-01-28", True),
     ("2020-02", "2020-01-28", False), ("--02-04", "1992-02", True), ("--02-04", "1992-03", False),
     ("2019", "2018", False), (None, "2018", True)],
)
def test_fuse_dates_compatible(a, b, ok) -> None:
    assert compatible(a, b) is ok
    assert compatible(b, a) is ok


def test_fuse_merge_dates_completes_month_day() -> None:
    assert merge_dates(["--02-04", "1992"]) == "1992-02-04"
    assert merge_dates(["2020", "2020-01-28"]) == "2020-01-28"


def test_fuse_month_day_joins_full_date_across_languages() -> None:
    ms = [mention("1", "be_doc", "relations_established", "1992-02-04", lang="be"),
          mention("2", "ru_doc", "relations_established", "--02-04", lang="ru")]
    (e,) = fuse(ms)
    assert e.date == "1992-02-04" and e.languages == ("be", "ru") and e.mentions == ("m:1", "m:2")


def test_fuse_year_joins_only_candidate() -> None:
    one = [mention("a", "d1", "consultations", "2020"), mention("b", "d2", "consultations", "2020-01-28")]
    assert len(fuse(one)) == 1
    two = [*one, mention("c", "d3", "consultations", "2020-06-10")]
    events = fuse(two)
    assert len(events) == 3  # "2020" has two candidates: it stays apart
    assert {e.date for e in events} == {"2020", "2020-01-28", "2020-06-10"}


def test_fuse_different_states_or_kinds_stay_apart() -> None:
    ms = [mention("1", "d1", "visit", "2019-12"), mention("2", "d2", "visit", "2019-12", actors=("BY", "SE")),
          mention("3", "d3", "meeting", "2019-12")]
    assert len(fuse(ms)) == 3


def test_fuse_people_veto_and_support() -> None:
    ms = [mention("1", "d1", "meeting", "2019", people=["U. Makei", "I. Sareide"]),
          mention("2", "d2", "meeting", "2019-12", people=["Avramenko A.N.", "I.G. Dale"])]
    assert len(fuse(ms)) == 2
    ms = [mention("1", "d1", "meeting", "2019", people=["Makei V.V."]),
          mention("2", "d2", "meeting", "2019-12", people=["Uladzimir Makei"])]
    assert len(fuse(ms)) == 1


@pytest.mark.parametrize(("a", "b"), [("Makei", "Uladzimir Makei"), ("Søreide", "I. Sareide"),
                                      ("Avramenko A.N.", "Awramenka"), ("Dmitry Mironchik", "D. L. Mironchyk")])
def test_fuse_name_keys_meet_across_transliterations(a: str, b: str) -> None:
    assert name_keys(a) & name_keys(b)


def test_fuse_order_does_not_matter() -> None:
    ms = [mention(str(i), f"d{i % 4}", kind, date, lang=lang)
          for i, (kind, date, lang) in enumerate([
              ("visit", "1996-10", "be"), ("visit", "1996-10", "ru"), ("visit", "1996", "fa"),
              ("consultations", "2017", "be"), ("consultations", "2018", "ru"), ("consultations", "2020", "ru"),
              ("consultations", "2020-01-28", "ru"), ("relations_established", "--02-04", "ru"),
              ("relations_established", "1992-02-04", "be"), ("phone_call", "2020-06", "ru"),
              ("phone_call", "2020-08", "ru"), ("phone_call", "2020", "en")])]
    expected = fuse(ms)
    rng = random.Random(7)
    for _ in range(20):
        shuffled = ms[:]
        rng.shuffle(shuffled)
        assert fuse(shuffled) == expected


def test_fuse_kb_events_across_documents(kb, tmp_path) -> None:
    (tmp_path / "kz_ru.txt").write_text(
        "Министр иностранных дел Казахстана посетил Германию 12 марта 2023 г.", encoding="utf-8")
    (tmp_path / "kz_be.txt").write_text(
        "У сакавіку 2023 года Міністр замежных спраў Казахстана наведаў Германію.", encoding="utf-8")
    kb.ingest([str(tmp_path)])
    visits = kb.events(kind="visit")
    assert len(mentions_of("Министр иностранных дел Казахстана посетил Германию 12 марта 2023 г.", "ru")) == 1
    assert [e.date for e in visits] == ["2023-03-12"]
    assert visits[0].languages == ("be", "ru")
    assert len(visits[0].mentions) == len(kb.mentions(kind="visit"))
