"""Event mentions in Belarusian: kinds, dates, roles, non-events. Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of


def kinds(text: str, **kw) -> list[tuple[str, str | None]]:
    return sorted((m.kind, m.date) for m in mentions_of(text, "be", **kw))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Міністр замежных спраў Беларусі наведаў Нарвегію 12 сакавіка 2023 года.", [("visit", "2023-03-12")]),
        ("У траўні 2022 года ў Варшаве адбылася сустрэча міністраў замежных спраў Беларусі і Польшчы.",
         [("meeting", "2022-05"), ("visit", "2022-05")]),
        ("Беларуска-літоўскія кансультацыі прайшлі ў Мінску ў 2019 годзе.",
         [("consultations", "2019")]),
        ("3 чэрвеня 2021 года адбылася тэлефонная размова міністраў замежных спраў Беларусі і Кітая.",
         [("phone_call", "2021-06-03")]),
        ("Пасол Германіі ўручыў даверчыя граматы Прэзідэнту Беларусі 5 красавіка 2022 года.",
         [("credentials", "2022-04-05")]),
        ("10 кастрычніка 2019 года ў Мінску падпісана пагадненне аб супрацоўніцтве паміж Беларуссю і Кітаем.",
         [("agreement_signed", "2019-10-10")]),
        ("Дыпламатычныя адносіны паміж Беларуссю і Польшчай устаноўлены 2 сакавіка 1992 года.",
         [("relations_established", "1992-03-02")]),
        ("23 сакавіка 2012 года Еўрасаюз пашырыў санкцыі ў дачыненні да Беларусі.", [("sanctions", "2012-03-23")]),
        ("2 красавіка 1996 года была падпісана дамова паміж Беларуссю і Расіяй.",
         [("agreement_signed", "1996-04-02")]),
        ("Прэзідэнт Беларусі сустрэўся з Прэзідэнтам Кітая ў Пекіне 10 мая 2015 года.",
         [("meeting", "2015-05-10"), ("visit", "2015-05-10")]),
        ("У 2002 годзе на перамовах у Маскве прэзідэнты Беларусі і Расіі абмеркавалі газавае пытанне.",
         [("consultations", "2002")]),
    ],
)
def test_extract_events_be_kinds_and_dates(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Міністр замежных спраў Беларусі наведае Германію ў наступным годзе.",
        "Бакі дамовіліся правесці кансультацыі ў 2024 годзе.",
        "Міністр не наведаў Польшчу ў 2021 годзе.",
        "Візіт міністра ў Берлін плануецца ў траўні 2024 года.",
        "Беларусь з'яўляецца членам СНД.",
        # the question of sanctions is talk; future and negated sanctions are not sanctions imposed
        "Еўрапейскі саюз не праявіў рашучасці ў пытанні санкцый супраць Беларусі.",
        "Санкцыі не закрануць кампаній, якія працуюць з Латвіяй.",
        "Беларусь знаходзіцца пад санкцыямі Еўрасаюза.",
        "Краіны ЕС пагразілі Беларусі новымі санкцыямі.",
        "Прэзідэнт падпісаў указ аб прызначэнні міністра 5 мая 2020 года.",
        "Міністр прыехаў у Кіеў, каб правесці сустрэчу з прэзідэнтам Украіны.",
        "Прэзідэнт заклікаў увесці санкцыі супраць Расіі.",
        # a verb of another sense and an adjective that begin like the noun "сустрэча"
        "Суд разгледзеў сустрэчны іск кампаніі.",
    ],
)
def test_extract_events_be_non_events(text: str) -> None:
    assert kinds(text) == []


def test_extract_events_be_roles() -> None:
    (visit,) = mentions_of("Міністр замежных спраў Беларусі наведаў Кітай у траўні 2021 года.", "be")
    assert (visit.source, visit.target) == (("BY",), ("CN",))
    (creds,) = mentions_of("Пасол Польшчы ўручыў даверчыя граматы Прэзідэнту Беларусі 2 мая 2017 года.", "be")
    assert (creds.source, creds.target) == (("PL",), ("BY",))
    (sanc,) = mentions_of("У сакавіку 2012 года Еўрасаюз увёў санкцыі супраць Беларусі.", "be")
    assert (sanc.source, sanc.target) == (("EU",), ("BY",))


def test_extract_events_be_publication_date() -> None:
    (m,) = mentions_of("Прэзідэнт Беларусі правёў тэлефонную размову з Прэзідэнтам Расіі.", "be", date="2023-05-10")
    assert (m.kind, m.date) == ("phone_call", "2023-05-10")


# Recall pass: word orders, passives, verbs and the classical orthography (тарашкевіца) of news reports.
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("У Варшаву 12 сакавіка прыбыў прэзідэнт Францыі.", "visit"),
        ("Прэм'ер-міністр Японіі прыляцеў у Пекін 3 мая 2019 года.", "visit"),
        ("Міністр замежных спраў Польшчы знаходзіўся ў Літве з афіцыйным візытам.", "visit"),
        ("Польшча і Літва ўсталявалі дыпляматычныя адносіны ў 1991 годзе.", "relations_established"),
        ("Прэзыдэнты Польшчы і Літвы размаўлялі па тэлефоне 5 сакавіка.", "phone_call"),
        ("Прэзідэнты Польшчы і Літвы пагутарылі па тэлефоне.", "phone_call"),
        ("Амбасадара Літвы выклікалі ў МЗС Польшчы.", "criticism"),
        ("Літва адклікала амбасадара з Польшчы.", "relations_downgraded"),
        ("З Польшчы былі высланыя двое літоўскіх дыпляматаў.", "relations_downgraded"),
    ],
)
def test_extract_events_be_recall_forms(text: str, kind: str) -> None:
    assert kind in [m.kind for m in mentions_of(text, "be")]


@pytest.mark.parametrize(
    "text",
    [
        "Прэзідэнт Францыі прыляціць у Варшаву ў траўні.",
        "Прэзідэнт Францыі не прыбыў у Варшаву.",
        "Польшча можа выслаць літоўскіх дыпламатаў.",
        "Прыбытак кампаніі ў Польшчы вырас.",
    ],
)
def test_extract_events_be_recall_non_events(text: str) -> None:
    assert mentions_of(text, "be") == []
