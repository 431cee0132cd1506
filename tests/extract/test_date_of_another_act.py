"""A date said of another act of the sentence, in a clause of its own, is not this act's date
(SCHEMA.md, "Dates"); a date said of both stays with both. Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

PUB = "2024-03-12"


def dates(text: str, lang: str) -> dict[str, str | None]:
    return {m.kind: m.date for m in mentions_of(text, lang, date=PUB)}


@pytest.mark.parametrize(("text", "lang"), [
    ("The Polish president's visit to Lithuania falls on a special day, as Poland and Lithuania "
     "established diplomatic relations exactly 33 years ago.", "en"),
    ("Визит президента Польши в Литву проходит в особый день, ведь Польша и Литва установили "
     "дипломатические отношения ровно 33 года назад.", "ru"),
])
def test_a_date_past_another_act_and_a_comma_is_that_acts(text: str, lang: str) -> None:
    found = dates(text, lang)
    assert found.get("relations_established") == "1991"
    assert found.get("visit") == PUB  # no date of its own: the report's


@pytest.mark.parametrize(("text", "lang", "kinds"), [
    # a date before both acts is said of both
    ("On 4 March 2024 the Polish foreign minister visited Vilnius, where he met his Lithuanian counterpart.",
     "en", ("visit", "meeting")),
    # no comma keeps the date from the first act
    ("The foreign ministers of Poland and Lithuania held talks and signed an agreement on 4 March 2024.",
     "en", ("consultations", "agreement_signed")),
])
def test_a_date_said_of_both_acts_stays_with_both(text: str, lang: str, kinds: tuple[str, ...]) -> None:
    found = dates(text, lang)
    for kind in kinds:
        assert found.get(kind) == "2024-03-04", (kind, found)


@pytest.mark.parametrize(("text", "lang"), [
    ("The Lithuanian president's visit to Poland is his first trip abroad after his inauguration on 12 July 2024.",
     "en"),
    ("Визит президента Литвы в Польшу стал его первой зарубежной поездкой после инаугурации 12 июля 2024 года.",
     "ru"),
    ("Візит президента Литви до Польщі став його першою закордонною поїздкою після інавгурації 12 липня 2024 року.",
     "uk"),
    ("Візіт прэзідэнта Літвы ў Польшчу стаў яго першай замежнай паездкай пасля інаўгурацыі 12 ліпеня 2024 года.",
     "be"),
])
def test_a_date_past_after_is_the_earlier_events(text: str, lang: str) -> None:
    visits = [m for m in mentions_of(text, lang, date="2024-08-20") if m.kind == "visit"]
    assert visits and all(m.date == "2024-08-20" for m in visits)


def test_a_date_before_after_stays_with_the_act() -> None:
    text = "The Lithuanian president visited Poland on 14 August 2024, after his inauguration in July."
    (m,) = [m for m in mentions_of(text, "en", date="2024-08-20") if m.kind == "visit"]
    assert m.date == "2024-08-14"
