"""Fusion of mentions into events (#4). Mentions are built by the tests."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from bilat.fuse import compatible, fuse, merge_dates
from bilat.fuse.names import name_keys, same_person
from bilat.records import Evidence, Location, Mention, Person
from conftest import mentions_of


def mention(i: str, doc: str, kind: str, date: str | None, actors=("BY", "NO"), lang="ru", people=()) -> Mention:
    return Mention(id=f"m:{i}", doc=doc, lang=lang, kind=kind, plover=None, plover_mode=None, cameo=None,
                   date=date, evidence=Evidence(0, 0, 1, "x"), actors=tuple(actors),
                   people=tuple(Person(p, p) for p in people))


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [("1992-02-04", "--02-04", True), ("1992-02-05", "--02-04", False), ("2020", "2020-01-28", True),
     ("2020-02", "2020-01-28", False), ("--02-04", "1992-02", True), ("--02-04", "1992-03", False),
     ("2019", "2018", False), (None, "2018", True), ("--06", "--06-12", True), ("--06", "2018-06-12", True),
     ("--06", "2018-06", True), ("--06", "2018", True), ("--06", "2018-07-01", False), ("--06", "--07", False),
     ("--06-12", "--06-13", False)],
)
def test_fuse_dates_compatible(a, b, ok) -> None:
    assert compatible(a, b) is ok
    assert compatible(b, a) is ok


def test_fuse_merge_dates_completes_month_day() -> None:
    assert merge_dates(["--02-04", "1992"]) == "1992-02-04"
    assert merge_dates(["2020", "2020-01-28"]) == "2020-01-28"
    assert merge_dates(["--06", "2018"]) == "2018-06"
    assert merge_dates(["--06", "--06-12"]) == "--06-12"
    assert merge_dates(["--06", "2018-06"]) == "2018-06"
    assert merge_dates(["--06", "--06-12", "2018"]) == "2018-06-12"


def test_fuse_month_without_year_joins_the_day_across_languages() -> None:
    ms = [mention("1", "be_doc", "meeting", "--06-12", lang="be"),
          mention("2", "uk_doc", "meeting", "--06", lang="uk"),
          mention("3", "en_doc", "meeting", "--06", lang="en")]
    (e,) = fuse(ms)
    assert e.date == "--06-12" and e.languages == ("be", "en", "uk")
    other_month = mention("4", "pl_doc", "meeting", "--07", lang="pl")
    assert sorted(e.date for e in fuse([*ms, other_month])) == ["--06-12", "--07"]


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


def test_fuse_people_pick_among_candidates() -> None:
    summit = mention("1", "d1", "meeting", "--06-12", actors=("KP", "US"), people=["Donald Trump", "Kim Jong Un"])
    unnamed = mention("2", "d2", "meeting", "--05", actors=("KP", "US"))
    undated = mention("3", "d3", "meeting", None, actors=("KP", "US"), people=["Donald Tramp"])
    events = fuse([summit, unnamed, undated])
    assert sorted(e.mentions for e in events) == [("m:1", "m:3"), ("m:2",)]
    # nobody named: with two candidates, an undated mention stays on its own
    assert len(fuse([summit, unnamed, mention("4", "d4", "meeting", None, actors=("KP", "US"))])) == 3


def test_fuse_places_keep_meetings_apart() -> None:
    def at(m: Mention, name: str, country: str) -> Mention:
        return Mention(**{**{f: getattr(m, f) for f in m.__slots__}, "location": Location(name, country)})

    minsk = at(mention("1", "d1", "meeting", "2019-12-03"), "Minsk", "BY")
    oslo = at(mention("2", "d2", "meeting", "2019-12-10"), "Oslo", "NO")
    in_oslo = at(mention("3", "d3", "meeting", "2019-12"), "Oslo", "NO")
    events = fuse([minsk, oslo, in_oslo])
    assert sorted(e.mentions for e in events) == [("m:1",), ("m:2", "m:3")]
    # two undated meetings in two countries are two events
    a = at(mention("4", "d4", "meeting", None), "Minsk", "BY")
    b = at(mention("5", "d5", "meeting", None), "Oslo", "NO")
    assert len(fuse([a, b])) == 2


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


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Mohammad-Reza Karimi", "Mohammadreza Karimi", True), ("Mohammad Reza Karimi", "Mohamadreza Karimi", True),
    ("Abdol-Karim Hosseini", "Abdolkarim Hosseini", True), ("V.V. Makei", "Uladzimir Makei", True),
    ("Mohammadreza Karimi", "Mohammad Rahimi", False), ("Uladzimir Makei", "Uladzimir Sianko", False)])
def test_fuse_same_person_when_one_script_joins_two_words(a: str, b: str, same: bool) -> None:
    assert same_person(name_keys(a), name_keys(b)) is same


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


def _sample_files() -> list[str]:
    from conftest import SAMPLES

    return sorted(str(p) for p in SAMPLES.rglob("*") if p.suffix in {".txt", ".md", ".html", ".jsonl", ".docx"})


def test_fuse_incremental_any_order_equals_full(tmp_path) -> None:
    import bilat

    files = _sample_files()
    results = []
    for seed in range(3):
        order = files[:]
        random.Random(seed).shuffle(order)
        with bilat.open(tmp_path / f"kb{seed}.duckdb") as kb:
            for f in order:  # one document at a time: each ingest re-fuses only the blocks it touched
                kb.ingest([f])
            incremental = sorted(e.id for e in kb.events())
            kb.fuse()  # everything again, from scratch
            assert sorted(e.id for e in kb.events()) == incremental
            results.append(incremental)
    assert results[0] == results[1] == results[2]
    assert any(len(e.languages) > 1 for e in bilat.open(tmp_path / "kb0.duckdb").events())


def test_fuse_edited_document_replaces_its_events(tmp_path) -> None:
    import bilat

    page = tmp_path / "page.txt"
    page.write_text("Министр иностранных дел Армении посетил Иран 5 мая 2021 г.", encoding="utf-8")
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(page)])
        assert [e.date for e in kb.events()] == ["2021-05-05"]
        page.write_text("Министр иностранных дел Армении посетил Иран 6 мая 2021 г.", encoding="utf-8")
        kb.ingest([str(page)])
        assert [e.date for e in kb.events()] == ["2021-05-06"]


def test_fuse_migration_from_v1_adds_blocks(tmp_path) -> None:
    import duckdb

    import bilat
    from bilat.store.migrations import MIGRATIONS

    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute("CREATE TABLE bilat_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    MIGRATIONS[0][2](con)
    con.execute("INSERT INTO bilat_meta VALUES ('schema_version', '1')")
    con.execute("""INSERT INTO mentions VALUES ('m:1', 'd', 'visit', '2020', '{"actors": ["NO", "BY"]}')""")
    con.close()
    with bilat.open(tmp_path / "old.duckdb") as kb:
        assert kb.store.con.execute("SELECT block FROM mentions").fetchall() == [("visit|BY,NO",)]


def test_fuse_people_index_merges_spellings_keeps_people_apart() -> None:
    from bilat.fuse.people import people_index
    from bilat.records import Person, RoleSpan

    def m(i: str, date: str, lang: str, *people: tuple[str, str, str | None, str | None]) -> Mention:
        return replace(mention(i, f"d{i}", "visit", date), lang=lang, people=tuple(Person(*p) for p in people))

    index = people_index([
        m("1", "2016-02", "ru", ("Макей В.В.", "Makei V.V.", "foreign minister", "BY")),
        m("2", "2019", "be", ("Уладзімір Макей", "Uladzimir Makei", None, None),
          ("Уладзімір Сянько", "Uladzimir Sianko", "foreign minister", "BY")),
        m("3", "2020-04", "ru", ("В.В. Макей", "V.V. Makei", "foreign minister", "BY")),
        m("4", "--05-09", "ru", ("Макей В.В.", "Makei V.V.", "foreign minister", "BY")),  # no year: undated span
    ])
    makei, sianko = index
    assert makei.mentions == 4 and makei.languages == ("be", "ru")
    assert sorted(makei.names) == sorted(["Макей В.В.", "Уладзімір Макей", "В.В. Макей"])
    assert makei.roles == (RoleSpan("foreign minister", "BY", "2016-02", "2020-04", 3),)
    assert sianko.latin == "Uladzimir Sianko" and sianko.mentions == 1


def test_fuse_day_inside_a_range_joins_it() -> None:
    visit = mention("1", "d1", "visit", "2023-11-14")
    visit = Mention(**{**{f: getattr(visit, f) for f in visit.__slots__}, "date_end": "2023-11-16"})
    last_day = mention("2", "d2", "visit", "2023-11-16")
    (e,) = fuse([visit, last_day])
    assert e.date == "2023-11-14" and e.date_end == "2023-11-16"
    assert len(fuse([visit, mention("3", "d3", "visit", "2023-11-18")])) == 2


def test_fuse_name_without_a_long_word_neither_meets_nor_vetoes() -> None:
    assert name_keys("Li Na") == name_keys("Ana Ali") == frozenset()
    ms = [mention("1", "d1", "meeting", "2019-05", people=["Uladzimir Makei"]),
          mention("2", "d2", "meeting", "2019", people=["Ana Ali"])]
    assert len(fuse(ms)) == 1


def test_fuse_order_does_not_matter_with_months_people_and_places() -> None:
    ms = [mention("1", "d1", "meeting", "2018-06-12", people=["Donald Trump"]),
          mention("2", "d2", "meeting", "--06", lang="uk"), mention("3", "d3", "meeting", "--06-12", lang="be"),
          mention("4", "d4", "meeting", None, lang="en", people=["Donald Tramp"]),
          mention("5", "d5", "meeting", "2018-09", people=["Moon Jae-in"]), mention("6", "d6", "meeting", None),
          mention("7", "d7", "meeting", "2018", lang="pl"), mention("8", "d8", "meeting", "--09", lang="fa")]
    expected = fuse(ms)
    assert any(e.mentions == ("m:1", "m:2", "m:3", "m:4") and e.date == "2018-06-12" for e in expected)
    rng = random.Random(11)
    for _ in range(20):
        shuffled = ms[:]
        rng.shuffle(shuffled)
        assert fuse(shuffled) == expected


def test_fuse_the_source_most_mentions_give_wins_and_a_disagreement_is_a_conflict() -> None:
    said = [("a", "d1", ("BY",)), ("b", "d2", ("NO",)), ("c", "d3", ("BY",)), ("d", "d4", ())]
    block = [replace(mention(i, doc, "visit", "2021-05-04"), source=src) for i, doc, src in said]
    [event] = fuse(block)
    assert event.source == ("BY",)
    [conflict] = event.conflicts
    assert (conflict.field, conflict.values, conflict.mentions) == ("source", (("BY",), ("NO",)), ("m:a", "m:b", "m:c"))


def test_fuse_a_tied_source_goes_to_the_mention_fusion_takes_first_and_a_named_place_wins() -> None:
    block = [replace(mention("z", "d2", "visit", "2021-05"), source=("BY",), location=Location("Oslo", "NO")),
             replace(mention("y", "d1", "visit", "2021-05-04"), source=("NO",), location=Location(None, "NO"))]
    [event] = fuse(block)
    assert event.source == ("NO",)  # the full date comes before the month in fusion's order
    assert event.location == Location("Oslo", "NO")  # a named place before a country alone
    assert [(c.field, c.values) for c in event.conflicts] == [("source", (("BY",), ("NO",)))]
    assert event.date == "2021-05-04"
    assert event.confidence == 0.55  # two documents: 0.5 and 0.05 for the second
