"""Relative periods and bare months resolve against the publication date; an earlier time with no date
of its own is null (SCHEMA.md, "Dates"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from bilat.extract.dates import find_dates
from bilat.extract.periods import NO_DATE, find_periods
from conftest import mentions_of


@pytest.mark.parametrize(("text", "lang", "pub", "value"), [
    ("We met three years ago in Geneva.", "en", "2021-12-01", "2018"),
    ("They signed it last year.", "en", "2021-12-01", "2020"),
    ("Earlier this month the leaders met.", "en", "2021-12-01", "2021-12"),
    ("Earlier this month the leaders met.", "en", None, NO_DATE),
    ("Министры встречались в прошлом году.", "ru", "2022-01-10", "2021"),
    ("Мы виделись два года назад.", "ru", "2022-01-10", "2020"),
    ("Президенти зустрічалися торік.", "uk", "2022-04-01", "2021"),
    ("Це сталося п'ять років тому.", "uk", "2022-04-01", "2017"),
    ("Міністры сустракаліся ў мінулым месяцы.", "be", "2020-01-15", "2019-12"),
    ("Spotkali się w zeszłym roku.", "pl", "2018-05-01", "2017"),
    ("Ministrowie rozmawiali dwa lata temu.", "pl", "2018-05-01", "2016"),
    ("دو وزیر سه سال پیش دیدار کردند.", "fa", "2021-06-01", "2018"),
    ("Ранее стороны провели переговоры.", "ru", "2022-01-10", NO_DATE),
    ("Тиждень тому міністри зустрілися.", "uk", "2018-05-30", "2018-05-23"),
    ("Dwa tygodnie temu ministrowie rozmawiali.", "pl", "2018-05-30", "2018-05-16"),
    ("Три дня назад министры встретились.", "ru", "2025-04-17", "2025-04-14"),
    ("На днях министры встретились.", "ru", "2025-04-17", "2025-04"),
    ("The ministers met a few days ago.", "en", "2021-12-01", "2021-12"),
    ("The ministers met a week ago.", "en", "2021-12-01", "2021-11-24"),
    ("The ministers met a week ago.", "en", None, NO_DATE),
])
def test_periods(text: str, lang: str, pub: str | None, value: str) -> None:
    assert [d.value for d in find_periods(text, lang, pub)] == [value]


@pytest.mark.parametrize(("text", "lang"), [
    ("during his visit to Moscow in October", "en"),
    ("во время визита в Москву в октябре", "ru"),
    ("під час візиту до Москви у жовтні", "uk"),
    ("podczas wizyty w Moskwie w październiku", "pl"),
])
def test_a_bare_month_after_a_preposition(text: str, lang: str) -> None:
    assert [d.value for d in find_dates(text, lang)] == ["--10"]


def test_a_month_word_without_preposition_is_no_date() -> None:
    assert find_dates("The May agreement stands.", "en") == []


def test_events_take_their_own_relative_date() -> None:
    (m,) = [m for m in mentions_of("The foreign minister of Chile visited Spain two years ago.", "en",
                                   date="2021-12-01") if m.kind == "visit"]
    assert m.date == "2019"
    (m,) = [m for m in mentions_of("The foreign minister of Chile visited Spain in October.", "en",
                                   date="2021-12-01") if m.kind == "visit"]
    assert m.date == "2021-10"
    (m,) = [m for m in mentions_of("The foreign minister of Chile visited Spain in December.", "en",
                                   date="2021-11-19") if m.kind == "visit"]
    assert m.date == "2020-12"


def test_an_earlier_event_without_a_date_is_null_not_the_publication_date() -> None:
    (m,) = [m for m in mentions_of("The foreign minister of Chile previously visited Spain.", "en",
                                   date="2021-12-01") if m.kind == "visit"]
    assert m.date is None


def test_a_date_written_for_no_event_lends_nothing_to_the_next_sentence() -> None:
    text = ("The border war of 1969 left deep scars. The foreign ministers of China and Vietnam met in Hanoi "
            "to discuss trade.")
    (m,) = [m for m in mentions_of(text, "en") if m.kind == "meeting"]
    assert m.date is None


def test_a_chronology_goes_on_from_its_last_event() -> None:
    text = ("In 1996 the foreign minister of Chile visited Spain. During the visit the two sides signed an "
            "agreement on culture.")
    (m,) = [m for m in mentions_of(text, "en") if m.kind == "agreement_signed"]
    assert m.date == "1996"


@pytest.mark.parametrize(("text", "lang", "pub", "date"), [
    ("Глава МИД Японии побывал в России в ноябре прошлого года.", "ru", "2011-02-10", "2010-11"),
    ("The foreign minister of Chile visited Spain in May last year.", "en", "2021-12-01", "2020-05"),
    ("Міністр закордонних справ Чилі відвідав Іспанію у травні минулого року.", "uk", "2021-12-01", "2020-05"),
])
def test_a_bare_month_takes_the_year_of_its_period(text: str, lang: str, pub: str, date: str) -> None:
    (m,) = [m for m in mentions_of(text, lang, date=pub) if m.kind == "visit"]
    assert m.date == date


def test_a_weekday_without_a_publication_date_is_null() -> None:
    text = ("The foreign ministers of Chile and Peru met in Lima in 2019. On Saturday the President of Chile "
            "criticised Peru for the border incident.")
    (m,) = [m for m in mentions_of(text, "en") if m.kind == "criticism"]
    assert m.date is None
    (m,) = [m for m in mentions_of(text, "en", date="2022-10-05") if m.kind == "criticism"]
    assert m.date == "2022-10-01"


def test_a_date_in_brackets_says_which_day_a_relative_word_means() -> None:
    text = "Yesterday (5 February) the foreign ministers of Chile and Peru met in Lima."
    (m,) = [m for m in mentions_of(text, "en", date="2018-02-07") if m.kind == "meeting"]
    assert m.date == "2018-02-05"


@pytest.mark.parametrize(("text", "lang"), [
    ("On 4 March 2022 the foreign minister of Chile arrived in Madrid.\n\nThat night he had a telephone "
     "conversation with the President of Peru.", "en"),
    ("4 березня 2022 року міністр закордонних справ Чилі прибув до Мадрида.\n\nТієї ночі він провів телефонну "
     "розмову з Президентом Перу.", "uk"),
])
def test_that_night_is_the_day_named_last(text: str, lang: str) -> None:
    (m,) = [m for m in mentions_of(text, lang, date="2022-03-10") if m.kind == "phone_call"]
    assert m.date == "2022-03-04"


def test_a_bare_month_before_last_year_without_a_publication_date_is_one_date() -> None:
    text = "Глава МИД Японии побывал в России в ноябре прошлого года."
    assert [(m.kind, m.date) for m in mentions_of(text, "ru") if m.kind == "visit"] == [("visit", "--11")]


@pytest.mark.parametrize(("text", "lang"), [
    ("The Security Council has tightened sanctions on Chile since 2006. The foreign ministers of Chile and Peru "
     "met on the sidelines.", "en"),
    ("Рада безпеки посилила санкції проти Чилі з 2006 року. Міністри закордонних справ Чилі та Перу зустрілися "
     "в кулуарах.", "uk"),
])
def test_a_since_year_does_not_date_the_next_sentence(text: str, lang: str) -> None:
    (m,) = [m for m in mentions_of(text, lang) if m.kind == "meeting"]
    assert m.date is None


@pytest.mark.parametrize(("text", "lang"), [
    ("The President of Ukraine thanked Japan for having imposed tough sanctions on Russia.", "en"),
    ("Президент України подякував Японії за новий санкційний пакет, запроваджений проти Росії.", "uk"),
])
def test_an_act_someone_is_thanked_for_was_earlier_and_has_no_date(text: str, lang: str) -> None:
    ms = mentions_of(text, lang, date="2022-04-26", url="https://www.president.gov.ua/news/1")
    assert [m.date for m in ms if m.kind == "sanctions" and m.source == ("JP",)] == [None]


@pytest.mark.parametrize(("text", "lang"), [
    ("On 4 March 2022 the storm hit the coast.\n\nThat night I spoke by phone with many leaders. All who could "
     "help. I spoke by phone with the President of Peru. I also spoke by phone with the Prime Minister of Chile.",
     "en"),
    ("4 березня 2022 року шторм ударив по узбережжю.\n\nТієї ночі я говорив телефоном з багатьма лідерами. З "
     "усіма, хто міг допомогти. Говорив з Президентом Перу. Говорив і з Прем'єр-міністром Чилі.", "uk"),
])
def test_the_same_kind_of_act_goes_on_with_the_date_before(text: str, lang: str) -> None:
    ms = mentions_of(text, lang, date="2022-04-26", url="https://www.president.gov.ua/news/1")
    assert sorted((m.date, m.actors) for m in ms if m.kind == "phone_call") == [
        ("2022-03-04", ("CL", "UA")), ("2022-03-04", ("PE", "UA"))]


def test_another_kind_of_act_in_a_news_report_takes_the_publication_date() -> None:
    text = ("On 4 March 2022 the President of Ukraine spoke by phone with the President of Peru. "
            "The President of Ukraine met the Prime Minister of Chile.")
    ms = mentions_of(text, "en", date="2022-04-26")
    assert [m.date for m in ms if m.kind == "meeting"] == ["2022-04-26"]


def test_period_prefilters_drop_nothing() -> None:
    """The anchor pattern and the substrings each "… ago" pattern needs only skip work: with them
    switched off the periods found are the same."""
    from dataclasses import replace
    from unittest import mock

    from bilat.extract import periods

    texts = {
        "en": ["Three years ago the two ministers met.", "He came two weeks ago and a week ago.",
               "It was signed 5 days ago, a day ago, last year.", "The talks of last month were held recently.",
               "They met in 2019; previously, in the past, they spoke.", "Nothing here at all."],
        "ru": ["Три года назад министры встретились.", "Две недели назад и неделю назад он был здесь.",
               "Договор подписан 5 дней назад, в прошлом году.", "Ранее, на днях, стороны договорились.",
               "Ничего тут нет."],
    }
    found = 0
    for code, sentences in texts.items():
        gated = periods._periods(code)
        plain = replace(gated, anchor_rx=None, ago_needs=tuple(None for _ in gated.ago))
        for t in sentences:
            want = periods.find_periods(t, code, "2024-05-10")
            with mock.patch.object(periods, "_periods", lambda _code, p=plain: p):
                assert periods.find_periods(t, code, "2024-05-10") == want, t
            found += len(want)
    assert found >= 12
