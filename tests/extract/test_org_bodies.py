"""Organisations named by their bodies and epithets, and groups of states named as one."""

from __future__ import annotations

import pytest

from bilat.extract.actors import find_actors


def _found(text: str, lang: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.code) for m in find_actors(text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("en", "The Security Council voted on a new resolution.", [("Security Council", "UN")]),
        ("en", "Envoys addressed the General Assembly on Tuesday.", [("General Assembly", "UN")]),
        ("en", "The world body urged restraint.", [("world body", "UN")]),
        ("ru", "Совет Безопасности одобрил резолюцию.", [("Совет Безопасности", "UN")]),
        ("ru", "Проект внесли в Совет Безопасности.", [("Совет Безопасности", "UN")]),
        ("uk", "Рада безпеки збереться в понеділок.", [("Рада безпеки", "UN")]),
        ("uk", "Делегати виступили на засіданні Ради Безпеки.", [("Ради Безпеки", "UN")]),
        ("be", "Савет Бяспекі абмеркаваў праект.", [("Савет Бяспекі", "UN")]),
        ("be", "Кіраўнік сусветнага органа выступіў з заявай.", [("сусветнага органа", "UN")]),
        ("pl", "Posiedzenie Rady Bezpieczeństwa zwołano na piątek.", [("Rady Bezpieczeństwa", "UN")]),
    ],
)
def test_bodies_alone_are_the_organisation(lang: str, text: str, want: list[tuple[str, str]]) -> None:
    assert _found(text, lang) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # a state's own council: the state is found, the body is not the UN's
        ("en", "The head of Brazil's Security Council resigned.", [("Brazil", "BR")]),
        ("en", "The Security Council of Armenia met late.", [("Armenia", "AM")]),
        ("en", "The Armenian Security Council met late.", [("Armenian", "AM")]),
        ("en", "The National Security Council met late.", []),
        ("en", "The Kremlin Security Council met late.", [("Kremlin", "RU")]),
        ("ru", "Секретарь Совета Безопасности Армении подал в отставку.", [("Армении", "AM")]),
        ("ru", "Совет безопасности собрался в Кремле.", [("Кремле", "RU")]),  # lower-case б: a national one
        ("uk", "Рада безпеки Вірменії зібралася вночі.", [("Вірменії", "AM")]),
        ("pl", "Posiedzenie Rady Bezpieczeństwa Narodowego zwołano na piątek.", []),
    ],
)
def test_bodies_a_state_owns_are_not_the_organisation(lang: str, text: str, want: list[tuple[str, str]]) -> None:
    assert _found(text, lang) == want


def test_body_with_its_organisation_stays_the_organisation() -> None:
    assert _found("The U.N. Security Council voted.", "en") == [("U.N", "UN"), ("Security Council", "UN")]
    assert _found("Совет Безопасности ООН одобрил резолюцию.", "ru") == [("Совет Безопасности", "UN"), ("ООН", "UN")]


@pytest.mark.parametrize(
    ("lang", "text", "surface", "codes"),
    [
        ("en", "Leaders of the Weimar Triangle gathered.", "Weimar Triangle", ["FR", "DE", "PL"]),
        ("en", "Talks in the Normandy format resumed.", "Normandy format", ["RU", "UA", "FR", "DE"]),
        ("pl", "Spotkanie Trójkąta Weimarskiego zaplanowano.", "Trójkąta Weimarskiego", ["FR", "DE", "PL"]),
        ("pl", "Rozmowy w formacie normandzkim wznowiono.", "formacie normandzkim", ["RU", "UA", "FR", "DE"]),
        ("uk", "Лідери нормандської четвірки зібралися.", "нормандської четвірки", ["RU", "UA", "FR", "DE"]),
        ("uk", "Саміт Веймарського трикутника відбувся.", "Веймарського трикутника", ["FR", "DE", "PL"]),
        ("ru", "Переговоры в нормандском формате продолжились.", "нормандском формате", ["RU", "UA", "FR", "DE"]),
        ("be", "Сустрэча нармандскай чацвёркі адбылася.", "нармандскай чацвёркі", ["RU", "UA", "FR", "DE"]),
    ],
)
def test_groups_of_states(lang: str, text: str, surface: str, codes: list[str]) -> None:
    found = find_actors(text, lang)
    assert [m.code for m in found] == codes
    assert {text[m.start : m.end] for m in found} == {surface}
    assert {m.how for m in found} == {"name"}
