"""Talks told right after a visit, with the visitor named by a pronoun ("… was in Vilnius on a visit.
We discussed with him …"), are a meeting with the visit's parties; the states the sentence names
are what was discussed. Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

URL = "https://www.prezydent.pl/aktualnosci/wizyta"  # a state's own site: its state is the speaker

VISITS = [
    ("Сьогодні у Варшаві з візитом перебував прем'єр-міністр Литви. Обговорили з ним загрози, "
     "які створює Росія, та енергетичну безпеку регіону.", "uk"),
    ("Сегодня в Варшаве с визитом находился премьер-министр Литвы. Обсудили с ним угрозы, "
     "которые создаёт Россия, и энергетическую безопасность региона.", "ru"),
    ("Сёння ў Варшаве з візітам знаходзіўся прэм'ер-міністр Літвы. Абмеркавалі з ім пагрозы, "
     "якія стварае Расія, і энергетычную бяспеку рэгіёна.", "be"),
    ("Dziś w Warszawie z wizytą przebywał premier Litwy. Omówiliśmy z nim zagrożenia, "
     "które stwarza Rosja, oraz bezpieczeństwo energetyczne regionu.", "pl"),
    ("Today the Prime Minister of Lithuania was in Warsaw on a visit. We discussed with him the threats "
     "that Russia creates and the energy security of the region.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), VISITS)
def test_talks_with_the_visitor_are_a_meeting_with_the_visits_parties(text: str, lang: str) -> None:
    found = mentions_of(text, lang, date="2024-03-12", url=URL)
    assert {m.kind: m.actors for m in found} == {"visit": ("LT", "PL"), "meeting": ("LT", "PL")}


def test_after_a_call_or_a_new_paragraph_no_meeting_is_made() -> None:
    call = ("Сьогодні я говорив телефоном із прем'єр-міністром Литви. Обговорили з ним загрози, "
            "які створює Росія.")
    assert "meeting" not in {m.kind for m in mentions_of(call, "uk", date="2024-03-12", url=URL)}
    apart = VISITS[0][0].replace(". Обговорили", ".\n\nОбговорили")
    assert "meeting" not in {m.kind for m in mentions_of(apart, "uk", date="2024-03-12", url=URL)}
