"""Talks in one party's country with the others there imply their visit; talks with no place, or in a
third state, imply none (SCHEMA.md, "Implied travel"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of


def visits(text: str, lang: str, **kw) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return sorted((m.source, m.target) for m in mentions_of(text, lang, **kw) if m.kind == "visit")


def test_talks_in_the_host_capital_imply_a_visit() -> None:
    text = "On 4 May 2023 the President of Finland met the President of Poland in Warsaw."
    assert visits(text, "en") == [(("FI",), ("PL",))]
    assert {m.kind for m in mentions_of(text, "en")} == {"meeting", "visit"}


def test_talks_in_the_host_capital_imply_a_visit_in_russian() -> None:
    text = ("4 мая 2023 года в Варшаве состоялись переговоры президента Польши Анджея Дуды с президентом "
            "Финляндии Саули Ниинистё.")
    assert visits(text, "ru") == [(("FI",), ("PL",))]


def test_a_round_of_consultations_between_ministries_implies_no_visit() -> None:
    text = "4 мая 2023 года в Варшаве состоялись политические консультации между МИД Польши и Финляндии."
    assert visits(text, "ru") == []


def test_a_meeting_outside_the_capital_implies_no_visit() -> None:
    text = "In February 2023 the foreign ministers of Chile and Germany met in Munich."
    assert visits(text, "en") == []


def test_a_dateline_lends_its_date_to_the_next_sentence() -> None:
    text = "С 3 по 5 мая 2023 г.\nМинистр иностранных дел Чили посетил Германию."
    (m,) = [m for m in mentions_of(text, "ru") if m.kind == "visit"]
    assert m.date == "2023-05-03"


def test_talks_in_a_third_state_imply_no_visit() -> None:
    assert visits("On 4 May 2023 the President of Finland met the President of Poland in Geneva.", "en") == []


def test_talks_with_no_place_imply_no_visit() -> None:
    assert visits("On 4 May 2023 the President of Finland met the President of Poland.", "en") == []


def test_a_summit_of_several_states_implies_no_visits() -> None:
    text = "On 9 December 2019 the leaders of France, Germany, Russia and Ukraine met in Paris."
    assert visits(text, "en") == []


def test_meeting_an_ambassador_where_he_is_posted_implies_no_visit() -> None:
    text = "On 4 May 2023 the foreign minister of Poland met the Ambassador of Chile in Warsaw."
    assert visits(text, "en") == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Speaking in Berlin, the Foreign Minister of Chile Juan Soto criticised Ecuador for the border incident.", "en"),
    ("Выступая в Берлине, министр иностранных дел Чили Хуан Сото раскритиковал Эквадор за инцидент на границе.", "ru"),
    ("Podczas wystąpienia w Berlinie szef dyplomacji Chile Juan Soto skrytykował Ekwador za incydent.",
     "pl"),
])
def test_a_named_speaker_in_another_states_capital_visits_it(text: str, lang: str) -> None:
    ms = mentions_of(text, lang, date="2021-05-03")
    assert [(m.source, m.target) for m in ms if m.kind == "visit"] == [(("CL",), ("DE",))]
    assert [(m.source, m.target) for m in ms if m.kind == "criticism"] == [(("CL",), ("EC",))]


def test_a_speaker_in_their_own_capital_visits_no_one() -> None:
    text = "Speaking in Santiago, the Foreign Minister of Chile Juan Soto criticised Ecuador for the incident."
    assert [m for m in mentions_of(text, "en", date="2021-05-03") if m.kind == "visit"] == []
