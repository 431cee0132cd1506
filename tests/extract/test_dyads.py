"""Separate acts with several partners are one mention per pair; a joint occasion stays one (SCHEMA.md).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from bilat.extract.events import dyads
from bilat.extract.kinds import KINDS
from conftest import mentions_of


def pairs(text: str, lang: str, kind: str, **kw) -> list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    return sorted((m.actors, m.source, m.target) for m in mentions_of(text, lang, **kw) if m.kind == kind)


def test_credentials_from_a_list_of_ambassadors_are_one_mention_each() -> None:
    text = ("On 3 March 2021 the President received credentials from the ambassadors of Japan, Georgia and "
            "Senegal to Ukraine.")
    assert pairs(text, "en", "credentials", url="https://www.president.gov.ua/en/news/x") == [
        (("GE", "UA"), ("GE",), ("UA",)), (("JP", "UA"), ("JP",), ("UA",)), (("SN", "UA"), ("SN",), ("UA",))]


def test_credentials_named_by_state_in_brackets() -> None:
    text = ("Letters of credence were handed to the Russian President on 2 May 2023 by Anna Novak (Republic of "
            "Poland) and Jon Berg (Kingdom of Norway).")
    got = pairs(text, "en", "credentials", url="http://en.kremlin.ru/events/1")
    assert got == [(("NO", "RU"), ("NO",), ("RU",)), (("PL", "RU"), ("PL",), ("RU",))]


@pytest.mark.parametrize(("text", "lang"), [
    ("On 5 May 2022 the President of Russia had telephone conversations with the presidents of Kyrgyzstan and "
     "Belarus.", "en"),
    ("5 мая 2022 года Президент России провел телефонные разговоры с президентами Киргизии и Белоруссии.", "ru"),
    ("5 травня 2022 року Президент Росії провів телефонні розмови з президентами Киргизстану та Білорусі.", "uk"),
])
def test_calls_with_several_partners_are_one_mention_each(text: str, lang: str) -> None:
    assert [a for a, _, _ in pairs(text, lang, "phone_call")] == [("BY", "RU"), ("KG", "RU")]


def test_a_joint_call_stays_one_mention() -> None:
    text = "On 5 May 2022 the President of Russia held a joint video call with the leaders of India and China."
    assert [a for a, _, _ in pairs(text, "en", "phone_call")] == [("CN", "IN", "RU")]


def test_a_call_of_two_states_with_a_third_stays_one_mention() -> None:
    text = ("On 5 May 2022 the presidents of Poland and Lithuania had a telephone conversation with the "
            "Chancellor of Germany.")
    assert [a for a, _, _ in pairs(text, "en", "phone_call")] == [("DE", "LT", "PL")]


def test_sanctions_by_several_states_are_one_mention_each() -> None:
    text = "In March 2022 Japan, Canada and Australia imposed new sanctions on Russia."
    assert pairs(text, "en", "sanctions") == [
        (("AU", "RU"), ("AU",), ("RU",)), (("CA", "RU"), ("CA",), ("RU",)), (("JP", "RU"), ("JP",), ("RU",))]


def test_dyads_of_the_table() -> None:
    # a symmetric kind never splits; a side of one and a side of several do; roles unknown need an anchor
    assert dyads(KINDS["meeting"], {"A", "B", "C"}, set(), set(), "A", {"B", "C"}) == [({"A", "B", "C"}, set(), set())]
    assert dyads(KINDS["visit"], {"A", "B", "C"}, {"A", "B"}, {"C"}) == [({"A", "C"}, {"A"}, {"C"}),
                                                                          ({"B", "C"}, {"B"}, {"C"})]
    assert dyads(KINDS["phone_call"], {"A", "B", "C"}, set(), set(), None, {"B", "C"}) == [
        ({"A", "B", "C"}, set(), set())]
    assert dyads(KINDS["phone_call"], {"A", "B", "C"}, set(), set(), "A", {"B", "C"}, joint=True) == [
        ({"A", "B", "C"}, set(), set())]


@pytest.mark.parametrize(("text", "lang"), [
    ("Meeting with the President of Senegal", "en"),
    ("Встреча с Президентом Сенегала", "ru"),
    ("Зустріч з Президентом Сенегалу", "uk"),
])
def test_a_headline_without_subject_on_a_state_site_is_that_state(text: str, lang: str) -> None:
    (m,) = mentions_of(text, lang, date="2022-06-03", url="http://kremlin.ru/events/president/news/1")
    assert (m.kind, m.actors) == ("meeting", ("RU", "SN"))


def test_calls_with_several_people_named_by_role_are_one_mention_each() -> None:
    text = ("Сьогодні говорив з Президентом Литви Гітанасом Науседою, з канцлером Австрії "
            "і з Прем'єр-міністром Японії.")
    got = [m.actors for m in mentions_of(text, "uk", date="2022-03-04", url="https://www.president.gov.ua/news/1")
           if m.kind == "phone_call"]
    assert sorted(got) == [("AT", "UA"), ("JP", "UA"), ("LT", "UA")]


def test_calls_with_leaders_named_by_surname_alone_are_one_mention_each() -> None:
    text = "Сьогодні я говорив з Президентом Байденом, а також з Президентом Макроном."
    got = [m.actors for m in mentions_of(text, "uk", date="2022-03-04", url="https://www.president.gov.ua/news/1")
           if m.kind == "phone_call"]
    assert sorted(got) == [("FR", "UA"), ("UA", "US")]


def test_recalls_from_several_states_are_one_mention_each() -> None:
    text = "In June 2018 the United States recalled its ambassadors from Chile, Peru and Bolivia."
    got = sorted((m.source, m.target) for m in mentions_of(text, "en") if m.kind == "relations_downgraded")
    assert got == [(("US",), ("BO",)), (("US",), ("CL",)), (("US",), ("PE",))]
    text = "У чэрвені 2018 года ЗША вырашылі адклікаць амерыканскіх паслоў з Чылі, Перу і Балівіі."
    got = sorted(m.target for m in mentions_of(text, "be") if m.kind == "relations_downgraded")
    assert got == [("BO",), ("CL",), ("PE",)]


def test_a_site_without_a_country_domain_speaks_for_the_state_it_names_most() -> None:
    text = ("Росія знову обстріляла наші міста. Україна вистоїть. Україна дякує партнерам.\n"
            "Сьогодні мав розмову з Президентом Франції.")
    (m,) = [m for m in mentions_of(text, "uk", date="2022-04-13", url="https://www.youtube.com/watch?v=1")
            if m.kind == "phone_call"]
    assert m.actors == ("FR", "UA")


@pytest.mark.parametrize(("url", "has_pl"), [
    ("https://www.rp.pl/swiat/1", False),  # a Polish paper on foreign talks: Poland is not a party
    ("https://www.gov.pl/web/dyplomacja/1", True),  # Poland's own site: it is
])
def test_a_countrys_press_does_not_make_its_country_a_party(url: str, has_pl: bool) -> None:
    text = "Minister spraw zagranicznych Niemiec odbył rozmowy z ministrem w sprawie handlu."
    ms = [m for m in mentions_of(text, "pl", date="2018-03-16", url=url) if m.kind in ("meeting", "consultations")]
    assert any("PL" in m.actors for m in ms) == has_pl


def test_a_headline_of_talks_and_the_bodys_meeting_are_one_occasion() -> None:
    text = ("Российско-чилийские переговоры\n\nВ Кремле состоялись переговоры Владимира Путина с Президентом Чили "
            "Габриэлем Боричем.")
    ms = [m for m in mentions_of(text, "ru", date="2023-05-04", url="http://kremlin.ru/events/1")
          if m.kind in ("meeting", "consultations")]
    assert len(ms) == 1 and ms[0].actors == ("CL", "RU")


def test_a_state_talked_about_in_calls_is_no_partner() -> None:
    text = "Путин провёл телефонные разговоры с Эрдоганом и с Макроном, обсудив ситуацию в Сирии."
    got = sorted(m.actors for m in mentions_of(text, "ru", date="2022-05-05", url="http://kremlin.ru/events/1")
                 if m.kind == "phone_call")
    assert got == [("FR", "RU"), ("RU", "TR")]
