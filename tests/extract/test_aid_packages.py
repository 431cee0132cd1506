"""A package of aid or support is aid ("a new package of military aid"), in the Slavic languages as
English already had it; a package of sanctions beside aid, a package prepared or planned, and a
package for a country's own firms are not. A city someone came to with the package receives it: it
is not the donor. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

PUB = "2023-05-10"


def found(text: str, lang: str) -> list[tuple[str, str | None, tuple[str, ...], tuple[str, ...]]]:
    return sorted((m.kind, m.date, m.source, m.target) for m in mentions_of(text, lang, date=PUB))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Сполучені Штати оголосили новий пакет військової допомоги Україні на 300 мільйонів доларів."),
        ("ru", "Соединённые Штаты объявили новый пакет военной помощи Украине на 300 миллионов долларов."),
        ("be", "Злучаныя Штаты абвясцілі новы пакет ваеннай дапамогі Украіне на 300 мільёнаў долараў."),
        ("pl", "Stany Zjednoczone ogłosiły nowy pakiet pomocy wojskowej dla Ukrainy o wartości 300 mln dolarów."),
    ],
)
def test_a_package_of_aid_announced_is_aid(lang: str, text: str) -> None:
    assert found(text, lang) == [("aid", PUB, ("US",), ("UA",))]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Прем'єр-міністр Японії приїхав до Києва з пакетом фінансової та оборонної підтримки."),
        ("ru", "Премьер-министр Японии прибыл в Киев с пакетом финансовой поддержки для Украины."),
        ("be", "Прэм'ер-міністр Японіі прыехаў у Кіеў з пакетам фінансавай падтрымкі для Украіны."),
        ("pl", "Premier Japonii przyjechał do Kijowa z pakietem wsparcia finansowego."),
    ],
)
def test_a_package_brought_on_a_visit_goes_to_the_host(lang: str, text: str) -> None:
    assert found(text, lang) == [("aid", PUB, ("JP",), ("UA",)), ("visit", PUB, ("JP",), ("UA",))]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # prepared or planned, not given
        ("uk", "ЄС готує новий пакет допомоги Україні."),
        ("ru", "Германия планирует выделить Украине новый пакет помощи."),
        ("be", "ЕС рыхтуе новы пакет дапамогі Украіне."),
        ("pl", "Niemcy planują przekazać Ukrainie nowy pakiet pomocy."),
        ("pl", "UE przygotowuje nowy pakiet pomocy dla Ukrainy."),
        # a package of sanctions, with aid named beside it
        ("uk", "Цього тижня Німеччина оголосила нові пакети санкцій і нову допомогу для Молдови."),
        ("ru", "Германия объявила новые пакеты санкций и помощи для Молдовы."),
        # support for a country's own firms
        ("uk", "Уряд Польщі ухвалив пакет підтримки малого бізнесу."),
        ("pl", "Rząd Czech przyjął pakiet wsparcia dla małych firm."),
    ],
)
def test_a_package_planned_of_sanctions_or_at_home_is_no_aid(lang: str, text: str) -> None:
    assert [f for f in found(text, lang) if f[0] == "aid"] == []
