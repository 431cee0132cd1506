"""Sanctions whose imposer the sentence does not name ("Санкції проти Росії", "застосованих проти
Росії санкцій замало") are not filled with the document's own state: they tell no act of it. An
against-phrase may stand before the word ("запровадила проти Росії нові санкції"), and what it names
is the target. A site without a country domain (a video platform) in a language of one state speaks
for that state when the text names it, however often it names another. Every sentence here was written
for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

PUB = "2022-04-26"
GOV_UA = "https://www.president.example.gov.ua/news/1"


def found(text: str, lang: str, url: str = GOV_UA) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return sorted((m.kind, m.source, m.target) for m in mentions_of(text, lang, date=PUB, url=url))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Санкції проти Росії."),
        ("uk", "Нафтове ембарго проти Росії – обов'язкове."),
        ("uk", "І ця активність доводить, що застосованих проти Росії санкцій замало."),
        ("ru", "Санкции против России – главный инструмент."),
    ],
)
def test_sanctions_with_no_imposer_named_are_no_act_of_the_site(lang: str, text: str) -> None:
    assert [f for f in found(text, lang) if f[0] == "sanctions"] == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Канада запровадила проти Росії нові санкції."),
        ("ru", "Канада ввела против России новые санкции."),
        ("uk", "Канада запровадила санкції проти Росії."),
        # the adjective right before the word names who imposes
        ("ru", "Вчера вступили в силу новые канадские санкции против России."),
    ],
)
def test_the_named_imposer_and_target(lang: str, text: str) -> None:
    assert found(text, lang) == [("sanctions", ("CA",), ("RU",))]


def test_a_video_platform_in_ukrainian_speaks_for_ukraine() -> None:
    text = ("Росія продовжує обстріли. Росія бреше. Росія програє цю війну, а Україна вистоїть.\n\n"
            "Говорив сьогодні з Прем'єр-міністром Великої Британії.")
    got = mentions_of(text, "uk", date=PUB, url="https://www.youtube.com/watch?v=abc")
    assert [(m.kind, m.actors) for m in got] == [("phone_call", ("GB", "UA"))]
