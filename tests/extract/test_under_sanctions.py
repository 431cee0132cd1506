"""A state under another's sanctions: the states after "under" impose them, on the sentence's subject,
earlier and with no date of their own (SCHEMA.md, "Events told in passing")."""

from __future__ import annotations

import pytest

from conftest import mentions_of


@pytest.mark.parametrize(("text", "lang"), [
    ("Iran is under sanctions from Canada and Australia.", "en"),
    ("Iran remains subject to sanctions imposed by Canada and Australia.", "en"),
    ("Иран уже много лет находится под жёсткими санкциями Канады и Австралии.", "ru"),
    ("Іран перебуває під жорсткими санкціями Канади та Австралії.", "uk"),
    ("Іран знаходзіцца пад жорсткімі санкцыямі Канады і Аўстраліі.", "be"),
    ("Iran jest objęty sankcjami Kanady i Australii.", "pl"),
    ("ایران تحت تحریم‌های کانادا و استرالیا قرار دارد.", "fa"),
])
def test_the_states_after_under_sanctions_impose_them(text: str, lang: str) -> None:
    ms = [m for m in mentions_of(text, lang, date="2023-05-10") if m.kind == "sanctions"]
    assert sorted((m.source, m.target, m.date) for m in ms) == [
        (("AU",), ("IR",), None), (("CA",), ("IR",), None)]


@pytest.mark.parametrize(("text", "lang"), [
    ("Companies under sanctions cannot trade with Iran.", "en"),
    ("Компании, попавшие под санкции, не могут работать в Иране.", "ru"),
])
def test_under_sanctions_with_no_imposer_is_no_event(text: str, lang: str) -> None:
    assert [m for m in mentions_of(text, lang, date="2023-05-10") if m.kind == "sanctions"] == []
