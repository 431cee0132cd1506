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
