"""A state named by its adjective is a party only when the adjective names its people or officials
("the Russian side"), not a topic ("the Russian invasion"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of


@pytest.mark.parametrize(("text", "lang", "kind", "actors"), [
    ("On 2 June 2022 the President of Lithuania thanked Canada for its help against the Russian invasion.",
     "en", "praise", ("CA", "LT")),
    ("On 2 June 2022 the Slovak president visited Kyiv.", "en", "visit", ("SK", "UA")),
    ("2 июня 2022 года президент Литвы поблагодарил Канаду за помощь в отражении российской агрессии.",
     "ru", "praise", ("CA", "LT")),
    ("2 июня 2022 года литовская делегация посетила Варшаву.", "ru", "visit", ("LT", "PL")),
    ("W kwietniu 2020 r. z inicjatywy strony niemieckiej odbyła się rozmowa telefoniczna ministrów spraw "
     "zagranicznych Niemiec i Kazachstanu.", "pl", "phone_call", ("DE", "KZ")),
    ("Українсько-литовські консультації відбулися у Вільнюсі 3 травня 2021 року.", "uk", "consultations",
     ("LT", "UA")),
])
def test_adjective_parties(text: str, lang: str, kind: str, actors: tuple[str, ...]) -> None:
    assert [m.actors for m in mentions_of(text, lang) if m.kind == kind] == [actors]


@pytest.mark.parametrize(("text", "lang", "kind", "source"), [
    ("In 2019 El Salvador received 40 million dollars in American aid.", "en", "aid", ("US",)),
    ("В 2019 году вступили в силу новые американские санкции против Ирана.", "ru", "sanctions", ("US",)),
])
def test_the_adjective_of_the_act_names_who_acts(text: str, lang: str, kind: str, source: tuple[str, ...]) -> None:
    assert [m.source for m in mentions_of(text, lang) if m.kind == kind] == [source]


def test_an_adjective_right_after_a_criticism_word_is_its_addressee() -> None:
    text = "У суботу 29 верасня 2018 года Міністр замежных спраў Чылі абвінаваціў амерыканскія ўлады ў сварцы."
    got = [(m.source, m.target) for m in mentions_of(text, "be") if m.kind == "criticism"]
    assert got == [(("CL",), ("US",))]
