"""A condition ("in the event of", "у разі", "в случае", "w przypadku", "у выпадку") before a trigger makes
it hypothetical: no event (SCHEMA: only what the text states as having happened). Sentences written for
these tests; each language has a twin where the act did happen."""

from __future__ import annotations

import pytest

from conftest import mentions_of

HYPOTHETICAL = [
    ("uk", "Компанія заявила, що добудує газопровід навіть у разі запровадження американських санкцій проти Росії."),
    ("uk", "Уряд готовий продовжити роботу у випадку введення нових санкцій США проти Ірану."),
    ("ru", "Компания заявила, что завершит проект даже в случае введения американских санкций против России."),
    ("pl", "Firma zapewnia, że dokończy budowę nawet w przypadku nałożenia amerykańskich sankcji na Rosję."),
    ("pl", "Teheran zapowiada odpowiedź w razie nałożenia nowych sankcji na Iran przez USA."),
    ("be", "Кампанія заявіла, што скончыць будаўніцтва нават у выпадку ўвядзення амерыканскіх санкцый супраць Расіі."),
]
DONE = [
    ("uk", "Сполучені Штати запровадили нові санкції проти Росії 3 травня 2019 року."),
    ("ru", "Соединённые Штаты ввели новые санкции против России 3 мая 2019 года."),
    ("pl", "Stany Zjednoczone nałożyły 3 maja 2019 roku nowe sankcje na Rosję."),
    ("be", "Злучаныя Штаты ўвялі новыя санкцыі супраць Расіі 3 мая 2019 года."),
]


@pytest.mark.parametrize(("lang", "text"), HYPOTHETICAL)
def test_a_condition_before_the_act_is_no_event(lang: str, text: str) -> None:
    assert mentions_of(text, lang, "2019-05-05") == []


@pytest.mark.parametrize(("lang", "text"), DONE)
def test_the_act_itself_is_an_event(lang: str, text: str) -> None:
    assert [m.kind for m in mentions_of(text, lang, "2019-05-05")] == ["sanctions"]
