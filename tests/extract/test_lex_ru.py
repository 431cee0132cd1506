"""Russian event lexicon on news-style sentences: anniversaries, commission sessions, purposes,
intentions and failures, sanctions as a topic. Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

PUB = "2024-06-10"


def kinds(text: str) -> list[tuple[str, str | None]]:
    return sorted((m.kind, m.date) for m in mentions_of(text, "ru", date=PUB))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a session of an intergovernmental commission held is consultations
        ("Очередное заседание межправительственной комиссии России и Вьетнама состоялось 3 июня в Ханое.",
         [("consultations", "2024-06-03")]),
        # a visit for the purpose of talks: the visit counts, the talks are only its purpose
        ("Министр иностранных дел Вьетнама прибыл в Москву для проведения переговоров с российским коллегой.",
         [("visit", PUB)]),
    ],
)
def test_lex_ru_events(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # anniversaries of relations are not their establishment
        "В этом году исполняется 35 лет со дня установления дипломатических отношений между Россией и Чили.",
        "В прошлом году Аргентина и Россия отметили 60-летие установления дипломатических отношений.",
        # sanctions as a cause, a backdrop, or a term running out
        "Чехия заявила о росте цен в связи с санкциями США против России.",
        "Чехия сообщила, что на фоне санкций Евросоюза против России выросли цены.",
        "В декабре истекает срок санкций США против Ирана.",
        # intentions, obligations, failures
        "Япония намеревалась сделать переговоры с Китаем бессмысленными.",
        "В мае должны были состояться переговоры министров Японии и Китая.",
        "Премьер Японии будет настойчиво, но терпеливо вести переговоры с Китаем.",
        "Переговоры Японии и Китая, по словам дипломатов, не удались.",
        # "предоставление" is a noun for the act in general, not aid given
        "Помощь Молдове и предоставление кредитов Германией обсуждались в Кишиневе.",
    ],
)
def test_lex_ru_non_events(text: str) -> None:
    assert kinds(text) == []



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2024-06-10 is a Monday: "the past Friday" is 7 June, "last Tuesday" 4 June
        ("В минувшую пятницу министры иностранных дел Армении и Грузии провели телефонный разговор.",
         [("phone_call", "2024-06-07")]),
        ("В прошлый вторник президент Франции посетил Казахстан.", [("visit", "2024-06-04")]),
    ],
)
def test_lex_ru_past_weekdays(text: str, expected: list) -> None:
    assert kinds(text) == expected
