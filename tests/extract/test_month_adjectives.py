"""Month adjectives ("червневої зустрічі", "June's meeting") name a month without a preposition."""

from __future__ import annotations

import pytest

from bilat.extract.dates import find_dates


@pytest.mark.parametrize(
    ("lang", "text", "form", "value"),
    [
        ("uk", "Сторони повернулися до підсумків червневої зустрічі.", "червневої", "--06"),
        ("uk", "Листопадовий саміт у Празі затвердив план.", None, None),  # capitalised: not matched
        ("uk", "Після листопадового саміту в Празі план затвердили.", "листопадового", "--11"),
        ("ru", "Итоги июньского саммита обсуждались долго.", "июньского", "--06"),
        ("ru", "Делегаты вспоминали о мартовских переговорах.", "мартовских", "--03"),
        ("ru", "Митинг прошёл на Октябрьской площади.", None, None),  # a square, not a month
        ("be", "Вынікі чэрвеньскай сустрэчы міністраў ацанілі высока.", "чэрвеньскай", "--06"),
        ("be", "Пасля кастрычніцкага візіту пачаліся перамовы.", "кастрычніцкага", "--10"),
        ("pl", "W trakcie sierpniowej wizyty omówiono handel.", "sierpniowej", "--08"),
        ("pl", "Po majowym szczycie ministrowie wyjechali.", "majowym", "--05"),
        ("en", "Officials recalled June's meeting of the two leaders.", "June's", "--06"),
        ("en", "After October\u2019s summit the envoys left.", "October\u2019s", "--10"),
        ("en", "The ministers may meet again soon.", None, None),
    ],
)
def test_month_adjective(lang: str, text: str, form: str | None, value: str | None) -> None:
    found = find_dates(text, lang, "2019-09-01")
    if form is None:
        assert found == []
        return
    assert [(text[d.start : d.end], d.value) for d in found] == [(form, value)]


def test_bare_month_still_needs_a_preposition() -> None:
    assert find_dates("Червень видався спекотним.", "uk") == []
    assert [d.value for d in find_dates("Зустріч відбулася у червні.", "uk")] == ["--06"]


def test_month_adjective_with_a_day_is_no_day() -> None:
    """An adjective does not take a number after it as its day."""
    found = find_dates("Після червневої 5 зустрічі.", "uk")
    assert [d.value for d in found] == ["--06"]
