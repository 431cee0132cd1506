"""Sanctions named with their imposer right after the word ("санкции ЕС против России", "sankcje UE
wobec Rosji"): that imposer acts, unless the sentence's subject joins them; and sanctions someone says
should be lifted are neither imposed nor lifted. Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

DATE = "2024-03-12"


def roles(text: str, lang: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(m.kind, m.source, m.target) for m in mentions_of(text, lang, date=DATE)}


IMPOSER_AFTER_THE_WORD = [
    ("В 2014 году были введены санкции ЕС против России.", "ru"),
    ("Это повлекло за собой ужесточение санкций ЕС в отношении России.", "ru"),
    ("Были введены санкции со стороны ЕС против России.", "ru"),
    ("У 2014 році були запроваджені санкції ЄС проти Росії.", "uk"),
    ("Посилено санкції з боку ЄС щодо Росії.", "uk"),
    ("У 2014 годзе былі ўведзены санкцыі ЕС супраць Расіі.", "be"),
    ("W 2014 roku wprowadzono sankcje UE wobec Rosji.", "pl"),
]


@pytest.mark.parametrize(("text", "lang"), IMPOSER_AFTER_THE_WORD)
def test_the_state_or_organisation_named_after_the_word_imposes(text: str, lang: str) -> None:
    assert roles(text, lang) == {("sanctions", ("EU",), ("RU",))}


@pytest.mark.parametrize(("text", "lang"), [
    # the subject said something about them; the imposers are the EU and the UK
    ("США заявили, что санкции ЕС и Великобритании против Ирана действуют.", "ru"),
    ("Zaostrzono sankcje UE i Wielkiej Brytanii wobec Iranu.", "pl"),
])
def test_several_imposers_after_the_word_are_one_act_each(text: str, lang: str) -> None:
    assert roles(text, lang) == {("sanctions", ("EU",), ("IR",)), ("sanctions", ("GB",), ("IR",))}


@pytest.mark.parametrize(("text", "lang"), [
    ("Норвегия присоединилась к новым санкциям ЕС против России.", "ru"),
    ("Норвегія приєдналася до нових санкцій ЄС проти Росії.", "uk"),
    ("Нарвегія далучылася да санкцый ЕС супраць Расіі.", "be"),
    ("Norwegia przyłączyła się do nowych sankcji UE wobec Rosji.", "pl"),
])
def test_a_state_that_joins_sanctions_imposes_them_not_their_owner(text: str, lang: str) -> None:
    assert roles(text, lang) == {("sanctions", ("NO",), ("RU",))}


@pytest.mark.parametrize(("text", "lang"), [
    ("Китай заявил, что санкции против Кубы необходимо снять.", "ru"),
    ("Китай считает, что санкции против Кубы должны быть отменены.", "ru"),
    ("Китай вважає, що санкції проти Куби треба скасувати.", "uk"),
    ("Китай вважає, що санкції проти Куби мають бути скасовані.", "uk"),
    ("Кітай заявіў, што санкцыі супраць Кубы трэба адмяніць.", "be"),
    ("Chiny oświadczyły, że sankcje wobec Kuby należy znieść.", "pl"),
    ("Chiny uważają, że sankcje wobec Kuby powinny zostać zniesione.", "pl"),
])
def test_sanctions_someone_says_should_be_lifted_are_no_event(text: str, lang: str) -> None:
    assert roles(text, lang) == set()


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("ЕС ввёл санкции против России.", "ru", "sanctions"),
    ("ЕС отменил санкции против России.", "ru", "sanctions_lifted"),
    ("ЄС запровадив санкції проти Росії.", "uk", "sanctions"),
    ("ЕС увёў санкцыі супраць Расіі.", "be", "sanctions"),
    ("UE nałożyła sankcje na Rosję.", "pl", "sanctions"),
])
def test_sanctions_imposed_or_lifted_by_the_subject_stay(text: str, lang: str, kind: str) -> None:
    assert roles(text, lang) == {(kind, ("EU",), ("RU",))}
