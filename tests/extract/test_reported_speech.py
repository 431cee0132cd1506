"""What someone said is not the act told around it: a meeting told as where someone spoke names its
parties before what was said, and a state named inside a quotation is no party of an act outside it."""

from __future__ import annotations

import pytest

from conftest import mentions_of


@pytest.mark.parametrize(("text", "lang"), [
    ("The Danish minister said at the meeting that Chile had no clear position.", "en"),
    ("Датский министр заявил на встрече, что у Чили нет ясной позиции.", "ru"),
    ("Данський міністр заявив на зустрічі, що Чилі не має чіткої позиції.", "uk"),
    ("Дацкі міністр заявіў на сустрэчы, што Чылі не мае выразнай пазіцыі.", "be"),
    ("Duński minister powiedział na spotkaniu, że Chile nie ma jasnego stanowiska.", "pl"),
])
def test_a_meeting_where_someone_spoke_takes_no_party_from_what_was_said(text: str, lang: str) -> None:
    assert [m for m in mentions_of(text, lang, date="2021-05-03") if m.kind == "meeting"] == []


@pytest.mark.parametrize(("text", "lang"), [
    ("The Danish minister said at the meeting with the Foreign Minister of Chile that trade was growing.", "en"),
    ("Датский министр заявил на встрече с министром иностранных дел Чили, что торговля растёт.", "ru"),
    ("Duński minister powiedział na spotkaniu z ministrem spraw zagranicznych Chile, że handel rośnie.", "pl"),
])
def test_a_meeting_where_someone_spoke_with_its_partner_named_counts(text: str, lang: str) -> None:
    ms = [m for m in mentions_of(text, lang, date="2021-05-03") if m.kind == "meeting"]
    assert [m.actors for m in ms] == [("CL", "DK")]


@pytest.mark.parametrize(("text", "lang"), [
    ("\"Peru must act now\", the Danish minister said after the meeting with the Foreign Minister of Chile.",
     "en"),
    ("„Peru musi działać” – powiedział duński minister po spotkaniu z ministrem spraw zagranicznych Chile.",
     "pl"),
    ("«Перу должно действовать», – сказал датский министр после встречи с министром иностранных дел Чили.",
     "ru"),
])
def test_a_state_inside_a_quotation_is_no_party_of_the_act_outside_it(text: str, lang: str) -> None:
    ms = mentions_of(text, lang, date="2021-05-03")
    assert [m.actors for m in ms if m.kind == "meeting"] == [("CL", "DK")]
