"""Thanks for aid state the aid (SCHEMA.md: aid given): "thanked Romania for its defence support" is
praise from the speaker to Romania, and aid from Romania to the speaker, told in passing (no date of
its own). Whom the reason names as receiving it receives it; a political support, or help with
something else, is no aid; without an addressee no one is said to have given it. The text's own
state in the reason ("for its support of our country") is who speaks, not whom the thanks are
for. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

PUB = "2023-05-10"
URL = {"uk": "https://mfa.example.gov.ua/news/1", "ru": "https://mid.example.ru/news/1",
       "be": "https://mfa.example.gov.by/news/1", "pl": "https://www.example.gov.pl/news/1",
       "en": "https://www.example.gov.ua/en/news/1"}


def found(text: str, lang: str) -> list[tuple[str, str | None, tuple[str, ...], tuple[str, ...]]]:
    return sorted((m.kind, m.date, m.source, m.target) for m in mentions_of(text, lang, date=PUB, url=URL[lang]))


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("uk", "Президент України подякував Румунії за оборонну й політичну підтримку.", "UA"),
        ("uk", "Президент подякував Румунії за фінансову підтримку нашої держави.", "UA"),
        ("ru", "Министр поблагодарил Румынию за финансовую и техническую поддержку нашей страны.", "RU"),
        ("ru", "Президент России поблагодарил Румынию за гуманитарную помощь.", "RU"),
        ("be", "Міністр падзякаваў Румыніі за фінансавую падтрымку нашай краіны.", "BY"),
        ("pl", "Premier podziękował Rumunii za wsparcie wojskowe i humanitarne.", "PL"),
        ("en", "The President thanked Romania for its defence and political support.", "UA"),
        ("en", "The President thanked Romania for the humanitarian assistance.", "UA"),
    ],
)
def test_thanks_for_aid_are_praise_and_the_aid_given_earlier(lang: str, text: str, speaker: str) -> None:
    assert found(text, lang) == [("aid", None, ("RO",), (speaker,)), ("praise", PUB, (speaker,), ("RO",))]


@pytest.mark.parametrize(
    ("lang", "text", "given"),
    [
        # the reason names whom it went to
        ("uk", "Президент подякував Канаді за фінансову підтримку для Молдови.", ("CA", "MD")),
        ("uk", "Подякував Президенту Канади за надану Молдові гуманітарну допомогу.", ("CA", "MD")),
        ("en", "The President thanked Canada for the financial support to Moldova.", ("CA", "MD")),
        # a state the support is against is not its recipient
        ("uk", "Президент подякував Канаді за військову підтримку у протидії Росії.", ("CA", "UA")),
    ],
)
def test_the_reason_names_the_recipient(lang: str, text: str, given: tuple[str, str]) -> None:
    assert [(src, tgt) for kind, _, src, tgt in found(text, lang) if kind == "aid"] == [((given[0],), (given[1],))]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # political support, help with something else
        ("uk", "Президент подякував Канаді за політичну підтримку."),
        ("ru", "Президент России поблагодарил Китай за помощь в расследовании."),
        ("en", "The President thanked Japan for its assistance in the investigation."),
        ("pl", "Premier podziękował Japonii za wsparcie polityczne."),
        # no one thanked: who gave it is not said
        ("uk", "Подякував за вагому оборонну й фінансову підтримку для України."),
        # a person thanked whom nothing ties to a state
        ("uk", "І окремо хочу подякувати пану Новаку за передачу Україні пожежних машин."),
    ],
)
def test_thanks_for_other_support_or_to_no_one_are_no_aid(lang: str, text: str) -> None:
    assert [f for f in found(text, lang) if f[0] == "aid"] == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Подякував Канаді за допомогу нашій країні."),
        ("en", "The President thanked Canada for its support to our country."),
    ],
)
def test_our_country_in_the_reason_speaks(lang: str, text: str) -> None:
    assert [f for f in found(text, lang) if f[0] == "praise"] == [("praise", PUB, ("UA",), ("CA",))]
