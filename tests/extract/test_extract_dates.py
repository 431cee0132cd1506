"""bilat.extract.dates: dates found in sentences of every language, resolved to ISO 8601.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from bilat.extract.calendars import gregorian_to_jalali_year, jalali_to_gregorian
from bilat.extract.dates import DateMatch, find_dates

PUB = "2024-05-15"  # a Wednesday


def values(text: str, lang: str | None, pub: str | None = None) -> list[tuple[str, str | None]]:
    """(value, value_end) of every date found."""
    return [(m.value, m.value_end) for m in find_dates(text, lang, pub)]


FULL = [
    ("be", "Дамова была падпісана 4 лютага 1992 года ў Мінску.", "1992-02-04"),
    ("ru", "Соглашение подписано 4 февраля 1992 г. в Москве.", "1992-02-04"),
    ("uk", "Угоду підписали 4 лютого 1992 року в Києві.", "1992-02-04"),
    ("en", "The treaty was signed on 4 February 1992 in Vienna.", "1992-02-04"),
    ("en", "The treaty was signed on February 4, 1992, in Vienna.", "1992-02-04"),
    ("en", "The envoys met on the 4th of February 1992.", "1992-02-04"),
    ("pl", "Umowę podpisano 4 lutego 1992 r. w Warszawie.", "1992-02-04"),
    ("fa", "این توافق‌نامه در ۲۰ اوت ۱۹۹۳ امضا شد.", "1993-08-20"),
    ("fa", "سفیر جدید در ۱۵ مهر ۱۴۰۱ استوارنامه خود را تقدیم کرد.", "2022-10-07"),
    ("fa", "سفیر روز ۲۱ خردادماه ۱۴۰۲ وارد شد.", "2023-06-11"),
    ("ru", "Визит (4 февраля 2017 г.) прошёл успешно.", "2017-02-04"),
    ("ru", "Встреча прошла 4-го февраля 2017 года.", "2017-02-04"),
    ("ru", "Посол вручил грамоты 1992г. и уехал.", "1992"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), FULL)
def test_extract_dates_full_date(lang: str, text: str, expected: str) -> None:
    assert values(text, lang) == [(expected, None)]


NUMERIC = [
    ("ru", "Протокол от 04.02.1992 вступил в силу.", "1992-02-04"),
    ("uk", "Меморандум від 2020-01-28 опубліковано.", "2020-01-28"),
    ("be", "Ліст ад 28/01/2020 атрыманы.", "2020-01-28"),
    ("en", "The note dated 28/01/2020 was delivered.", "2020-01-28"),
    ("pl", "Notę z dnia 28.01.2020 przekazano.", "2020-01-28"),
    ("fa", "نامه مورخ ۱۴۰۱/۰۷/۱۵ ارسال شد.", "2022-10-07"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), NUMERIC)
def test_extract_dates_numeric(lang: str, text: str, expected: str) -> None:
    assert values(text, lang) == [(expected, None)]


MONTH_YEAR = [
    ("be", "Пасол прыбыў у кастрычніку 1996 года.", "1996-10"),
    ("be", "Сцяг прынялі ў верасьні 1991 году.", "1991-09"),
    ("ru", "Посол прибыл в октябре 1996 г.", "1996-10"),
    ("uk", "Посол прибув у жовтні 1996 року.", "1996-10"),
    ("en", "The ambassador arrived in October 1996.", "1996-10"),
    ("en", "Talks have continued since January 2016.", "2016-01"),
    ("pl", "Ambasador przybył w październiku 1996 r.", "1996-10"),
    ("fa", "سفیر در ژوئن سال ۱۹۹۳ وارد شد.", "1993-06"),
    ("fa", "این سفر در ماه اوت ۱۹۹۰ انجام شد.", "1990-08"),
    ("fa", "مذاکرات در مهر ۱۴۰۱ ادامه یافت.", "2022-10"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), MONTH_YEAR)
def test_extract_dates_month_year(lang: str, text: str, expected: str) -> None:
    assert values(text, lang) == [(expected, None)]


YEAR = [
    ("be", "У 2019 годзе пасольства адкрылася.", "2019"),
    ("ru", "В 2019 году посольство открылось.", "2019"),
    ("uk", "У 2019 році посольство відкрилося.", "2019"),
    ("en", "The embassy opened in 2019.", "2019"),
    ("pl", "Ambasada została otwarta w 2019 roku.", "2019"),
    ("fa", "سفارت در سال ۱۹۸۹ بازگشایی شد.", "1989"),
    ("fa", "سفارت در سال ۱۴۰۱ بازگشایی شد.", "2022"),
    ("fa", "سفارت در ۱۳۹۸ ه.ش بازگشایی شد.", "2019"),
    ("fa", "این قانون در سال 93 تصویب شد.", "2014"),
    ("ru", "Сотрудничество развивается с 2014 года.", "2014"),
    ("ru", "Соглашение действует в 2017-м году.", "2017"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), YEAR)
def test_extract_dates_year(lang: str, text: str, expected: str) -> None:
    assert values(text, lang) == [(expected, None)]


LISTS = [
    ("ru", "Саммиты прошли в 2011, 2014 и 2016 годах.", ["2011", "2014", "2016"]),
    ("ru", "Консультации прошли в июне и августе 2020 г.", ["2020-06", "2020-08"]),
    ("be", "Візіты адбыліся ў 2018 і 2019 гадах.", ["2018", "2019"]),
    ("uk", "Переговори відбулися у 2015 та 2016 роках.", ["2015", "2016"]),
    ("en", "Delegations met in June and September 2022.", ["2022-06", "2022-09"]),
    ("en", "Delegations met on 3 and 5 May 2023.", ["2023-05-03", "2023-05-05"]),
    ("en", "Delegations met on May 3 and 5.", ["--05-03", "--05-05"]),
    ("pl", "Rozmowy odbyły się 3 i 5 maja 2023 r.", ["2023-05-03", "2023-05-05"]),
    ("fa", "دیدارها در ۵ و ۶ اردیبهشت ۱۴۰۲ برگزار شد.", ["2023-04-25", "2023-04-26"]),
    ("ru", "Визиты: 3 мая 2019 г. и 5 июня 2020 г.", ["2019-05-03", "2020-06-05"]),
    ("ru", "Участвовали 5 компаний, 2020 год стал рекордным.", ["2020"]),
    ("en", "Delegations met on May 3 and 5, 2023.", ["2023-05-03", "2023-05-05"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), LISTS)
def test_extract_dates_list(lang: str, text: str, expected: list[str]) -> None:
    assert values(text, lang) == [(v, None) for v in expected]


RANGES = [
    ("en", "The forum runs from 3 to 5 May 2023 in Geneva.", ("2023-05-03", "2023-05-05")),
    ("ru", "Форум пройдёт 3–5 мая 2023 г. в Сочи.", ("2023-05-03", "2023-05-05")),
    ("ru", "Форум пройдёт с 3 по 5 мая 2023 года.", ("2023-05-03", "2023-05-05")),
    ("uk", "Форум відбудеться з 3 по 5 травня 2023 року.", ("2023-05-03", "2023-05-05")),
    ("be", "Форум пройдзе з 3 па 5 траўня 2023 года.", ("2023-05-03", "2023-05-05")),
    ("pl", "Forum odbędzie się od 3 do 5 maja 2023 r.", ("2023-05-03", "2023-05-05")),
    ("fa", "همایش از ۲۰ تا ۲۲ مهرماه ۱۴۰۱ برگزار شد.", ("2022-10-12", "2022-10-14")),
    ("ru", "Программа рассчитана на 2017–2019 гг.", ("2017", "2019")),
    ("be", "Праграма дзейнічала ў 1993–94 годзе.", ("1993", "1994")),
    ("pl", "Budżet na lata 2014-2020 przyjęto.", ("2014", "2020")),
    ("en", "The talks lasted from January to March 2021.", ("2021-01", "2021-03")),
    ("en", "The plan covers the 2023–2027 period.", ("2023", "2027")),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RANGES)
def test_extract_dates_range(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert values(text, lang) == [expected]


DAY_MONTH = [
    ("ru", "Министры встретятся 4 февраля.", "--02-04"),
    ("uk", "Міністри зустрінуться 4 лютого.", "--02-04"),
    ("be", "Міністры сустрэнуцца 4 лютага.", "--02-04"),
    ("en", "The ministers will meet on February 4.", "--02-04"),
    ("pl", "Ministrowie spotkają się 4 lutego.", "--02-04"),
    ("fa", "وزیران در ۴ فوریه دیدار می‌کنند.", "--02-04"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DAY_MONTH)
def test_extract_dates_day_month(lang: str, text: str, expected: str) -> None:
    assert values(text, lang) == [(expected, None)]


RELATIVE = [
    ("ru", "Министр вчера прибыл в Минск.", "2024-05-14"),
    ("be", "Міністр учора прыбыў у Маскву.", "2024-05-14"),
    ("uk", "Міністр учора прибув до Варшави.", "2024-05-14"),
    ("uk", "Міністр вчора прибув до Варшави.", "2024-05-14"),
    ("en", "The minister arrived in Oslo yesterday.", "2024-05-14"),
    ("pl", "Minister przybył wczoraj do Kijowa.", "2024-05-14"),
    ("fa", "وزیر دیروز وارد تهران شد.", "2024-05-14"),
    ("ru", "Сегодня министры подписали протокол.", "2024-05-15"),
    ("be", "Сёння міністры падпісалі пратакол.", "2024-05-15"),
    ("uk", "Сьогодні міністри підписали протокол.", "2024-05-15"),
    ("en", "Today the ministers signed a protocol.", "2024-05-15"),
    ("pl", "Dziś ministrowie podpisali protokół.", "2024-05-15"),
    ("fa", "امروز وزیران پروتکل را امضا کردند.", "2024-05-15"),
    ("ru", "Переговоры прошли в понедельник в Пекине.", "2024-05-13"),
    ("be", "Перамовы прайшлі ў панядзелак у Пекіне.", "2024-05-13"),
    ("uk", "Переговори відбулися у понеділок у Пекіні.", "2024-05-13"),
    ("en", "Talks were held on Monday in Beijing.", "2024-05-13"),
    ("pl", "Rozmowy odbyły się w poniedziałek w Pekinie.", "2024-05-13"),
    ("fa", "مذاکرات روز دوشنبه در پکن برگزار شد.", "2024-05-13"),
    ("ru", "Переговоры прошли в среду в Пекине.", "2024-05-15"),
    ("ru", "Переговоры прошли в четверг в Пекине.", "2024-05-09"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RELATIVE)
def test_extract_dates_relative(lang: str, text: str, expected: str) -> None:
    found = find_dates(text, lang, PUB)
    assert [(m.value, m.relative) for m in found] == [(expected, True)]
    # without a publication date it is a time the text gives that has no date: "" (the event's date is null)
    assert [m.value for m in find_dates(text, lang)] == [""]


def test_extract_dates_weekday_before_explicit_date_gives_the_date() -> None:
    assert values("Переговоры прошли в понедельник, 4 февраля 2019 г.", "ru", PUB) == [("2019-02-04", None)]


NEGATIVES = [
    ("ru", "Товарооборот составил 330,0 млн долларов, рост на 12,5%."),
    ("ru", "Открылась 28-я сессия, в ней участвуют 5 компаний."),
    ("ru", "Расцвет пришёлся на 1990-е годы, а в 1990-х был спад."),
    ("uk", "Відбулася 28-ма сесія, у ній беруть участь 5 компаній."),
    ("be", "Адбылася 28-я сесія, у ёй удзельнічаюць 5 кампаній."),
    ("en", "Trade grew by 12.5% to 2,150 million dollars in the 1990s."),
    ("en", "You may 2 times a day; resolution 2231 was cited."),
    ("pl", "Obroty wzrosły o 15% do 2300 mln euro."),
    ("fa", "حجم مبادلات به ۸/۱ میلیارد دلار رسید."),
    ("fa", "این روند در دهه ۱۳۹۰ آغاز شد."),
    ("fa", "در ۳۰ سال گذشته ۲۰۰۰ نفر مهاجرت کردند."),
    ("fa", "سال ۱۴۰۰ هجری قمری آغاز شد."),
    ("ru", "Документ № 2019 зарегистрирован, заседание в 10:30."),
    ("en", "Flight 2020 landed at 14:20 with 1992 passengers."),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVES)
def test_extract_dates_negatives(lang: str, text: str) -> None:
    assert find_dates(text, lang, PUB) == []


def test_extract_dates_offsets_point_at_the_date() -> None:
    text = "Визит состоялся 4 февраля 1992 г. в Минске."
    (m,) = find_dates(text, "ru")
    assert text[m.start : m.end] == "4 февраля 1992 г."
    assert m == DateMatch(m.start, m.end, "1992-02-04")


def test_extract_dates_persian_digits_keep_offsets() -> None:
    ascii_text = "سفیر در 15 مهر 1401 وارد شد."
    raw = "سفیر در ۱۵ مهر ۱۴۰۱ وارد شد."
    (m,) = find_dates(raw, "fa")
    assert (m.value, raw[m.start : m.end]) == ("2022-10-07", "۱۵ مهر ۱۴۰۱")
    assert [(d.start, d.end) for d in find_dates(ascii_text, "fa")] == [(m.start, m.end)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Визит 4 февраля 1992 г., ответный визит 5 March 1993.", ["1992-02-04", "1993-03-05"]),
        ("همایش ۱۵ مهر ۱۴۰۱ و نشست 4 lutego 2020 r.", ["2022-10-07", "2020-02-04"]),
    ],
)
def test_extract_dates_without_language_uses_all_data(text: str, expected: list[str]) -> None:
    assert [m.value for m in find_dates(text, None)] == expected


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [((1401, 1, 1), date(2022, 3, 21)), ((1403, 12, 30), date(2025, 3, 20)), ((1357, 11, 22), date(1979, 2, 11))],
)
def test_extract_dates_jalali_calendar(jalali: tuple[int, int, int], gregorian: date) -> None:
    assert jalali_to_gregorian(*jalali) == gregorian
    assert gregorian_to_jalali_year(gregorian) == jalali[0]


# -- a digest of one day's news: its title gives the day of the events it leaves undated ----------

@pytest.mark.parametrize(("title", "lang", "expected"), [
    ("Підсумки 14.03: зустріч у Варшаві і нові санкції", "uk", "--03-14"),
    ("Підсумки дня 3.11: візит до Вільнюса", "uk", "--11-03"),
    ("Итоги 14.03.2021: переговоры в Минске", "ru", "2021-03-14"),
    ("Итоги дня 29.02: встреча министров", "ru", "--02-29"),  # a day of leap years
    ("Вынікі 07.10: візіт у Варшаву", "be", "--10-07"),
])
def test_digest_title_gives_its_day(title: str, lang: str, expected: str) -> None:
    from bilat.extract.dates import digest_day

    assert digest_day(title, lang) == expected


@pytest.mark.parametrize(("title", "lang"), [
    ("Підсумки 14.13: такого дня немає", "uk"),  # no 13th month
    ("Підсумки року: що змінилося", "uk"),  # a year's review names no day
    ("Зеленський 14.03 зустрівся з Дудою", "uk"),  # a day, but no digest
    ("Підсумки 14.03: зустріч", "pl"),  # Polish lists no such title
    ("Итоги 14.035: опрос", "ru"),  # a number, not a day
])
def test_other_titles_give_no_day(title: str, lang: str) -> None:
    from bilat.extract.dates import digest_day

    assert digest_day(title, lang) is None


DIGEST = ("Підсумки 14.03: переговори у Варшаві\n\n"
          "У Варшаві відбулася зустріч президента України з президентом Польщі.")


def test_an_undated_digest_dates_its_undated_events_by_its_title() -> None:
    from conftest import mentions_of

    dates = {m.kind: m.date for m in mentions_of(DIGEST, "uk")}
    assert dates.get("meeting") == "--03-14"
    # a report with a publication date keeps it, whatever its title says
    dated = {m.kind: m.date for m in mentions_of(DIGEST, "uk", date="2021-03-15")}
    assert dated.get("meeting") == "2021-03-15"
    # the same text with another title leaves the event undated
    plain = DIGEST.replace("Підсумки 14.03: ", "")
    undated = {m.kind: m.date for m in mentions_of(plain, "uk")}
    assert "meeting" in undated and undated["meeting"] is None


# -- a weekday said again, in a text without a publication date -------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Министр иностранных дел Литвы выступил в среду 6 марта на форуме в Вильнюсе.\n\n"
     "Глава МИД Польши в среду провёл переговоры с министром иностранных дел Литвы.", "ru"),
    ("The Lithuanian foreign minister spoke on Wednesday, 6 March, at a forum in Vilnius.\n\n"
     "On Wednesday the Polish foreign minister held talks with the Lithuanian foreign minister.", "en"),
    ("Міністр закордонних справ Литви виступив у середу 6 березня на форумі у Вільнюсі.\n\n"
     "У середу глава МЗС Польщі провів переговори з міністром закордонних справ Литви.", "uk"),
])
def test_a_weekday_said_again_is_the_date_the_text_gave_it(text: str, lang: str) -> None:
    from conftest import mentions_of

    (m,) = [m for m in mentions_of(text, lang) if m.kind in ("meeting", "consultations")]
    assert m.date == "--03-06"


def test_another_weekday_or_a_dated_report_is_left_as_it_was() -> None:
    from conftest import mentions_of

    other = ("Министр иностранных дел Литвы выступил в среду 6 марта на форуме в Вильнюсе.\n\n"
             "Глава МИД Польши в пятницу провёл переговоры с министром иностранных дел Литвы.")
    (m,) = [m for m in mentions_of(other, "ru") if m.kind in ("meeting", "consultations")]
    assert m.date is None
    # with a publication date, a weekday is the last such day on or before it, as before
    dated = other.replace("в пятницу", "в среду")
    (m,) = [m for m in mentions_of(dated, "ru", date="2024-03-15") if m.kind in ("meeting", "consultations")]
    assert m.date == "2024-03-13"


def test_a_weekday_with_its_date_carries_it() -> None:
    (d,) = find_dates("в среду 6 марта", "ru")
    assert (d.value, d.weekday) == ("--03-06", 2)
    (d,) = find_dates("в среду", "ru")
    assert (d.value, d.weekday) == ("", 2)
