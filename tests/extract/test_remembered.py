"""An occasion remembered ("recalled his first meeting with …", "я пам'ятаю наші зустрічі") is an
earlier one told in passing: it has no date of its own (SCHEMA.md), nor has the trip its place implies.
Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

SITE = "https://www.example.org/news/1"
PUB = "2023-05-10"

REMEMBERED = [
    ("The President of Chile recalled his first meeting with the President of Peru in Lima.", "en"),
    ("Президент Чили вспомнил свою первую встречу с Президентом Перу в Лиме.", "ru"),
    ("Президент Чилі згадав свою першу зустріч з Президентом Перу в Лімі.", "uk"),
    ("Прэзідэнт Чылі ўспомніў сваю першую сустрэчу з Прэзідэнтам Перу ў Ліме.", "be"),
    ("Prezydent Chile wspomniał swoje pierwsze spotkanie z prezydentem Peru w Limie.", "pl"),
]


@pytest.mark.parametrize(("text", "lang"), REMEMBERED)
def test_a_remembered_meeting_has_no_date_of_its_own(text: str, lang: str) -> None:
    found = {m.kind: m.date for m in mentions_of(text, lang, date=PUB, url=SITE)}
    assert found.get("meeting", "missing") is None
    assert found.get("visit") is None


@pytest.mark.parametrize(("text", "lang"), [
    ("The President of Chile met the President of Peru in Lima.", "en"),
    ("Президент Чили встретился с Президентом Перу в Лиме.", "ru"),
])
def test_a_meeting_told_as_news_takes_the_report_date(text: str, lang: str) -> None:
    assert {m.kind: m.date for m in mentions_of(text, lang, date=PUB, url=SITE)}.get("meeting") == PUB
