"""Once thanks or blame name their addressee, the states in the reason that follows are no parties:
"thanked Germany and France for their support against Russia" is two acts of thanks, none to Russia.
Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

SITE = "https://www.example.org/news/1"

THANKS = [
    ("The President of Chile thanked Germany and France for their support in the dispute with Peru.", "en"),
    ("Президент Чили поблагодарил Германию и Францию за поддержку в споре с Перу.", "ru"),
    ("Президент Чилі подякував Німеччині та Франції за підтримку в суперечці з Перу.", "uk"),
    ("Прэзідэнт Чылі падзякаваў Германіі і Францыі за падтрымку ў спрэчцы з Перу.", "be"),
    ("Prezydent Chile podziękował Niemcom i Francji za wsparcie w sporze z Peru.", "pl"),
]

BLAME = [
    ("Chile condemned Peru for its attack on Bolivia.", "en"),
    ("Чили осудила Перу за нападение на Боливию.", "ru"),
    ("Чилі засудила Перу за напад на Болівію.", "uk"),
    ("Чылі асудзіла Перу за напад на Балівію.", "be"),
    ("Chile potępiło Peru za atak na Boliwię.", "pl"),
]


@pytest.mark.parametrize(("text", "lang"), THANKS)
def test_thanks_go_to_the_addressees_not_to_the_states_of_the_reason(text: str, lang: str) -> None:
    found = sorted(m.actors for m in mentions_of(text, lang, date="2023-05-10", url=SITE) if m.kind == "praise")
    assert found == [("CL", "DE"), ("CL", "FR")]


@pytest.mark.parametrize(("text", "lang"), BLAME)
def test_blame_goes_to_the_addressee_not_to_the_state_of_the_reason(text: str, lang: str) -> None:
    (m,) = [m for m in mentions_of(text, lang, date="2023-05-10", url=SITE) if m.kind == "criticism"]
    assert (m.actors, m.source, m.target) == (("CL", "PE"), ("CL",), ("PE",))
