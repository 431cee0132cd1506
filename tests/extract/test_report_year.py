"""A day and month without a year in a dated report take the report's year, or the year before when
they would come after it; a day just after the report (a release dated the evening before) is this
year's, and so an event after its report, a plan. Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of


def dated(text: str, pub: str, lang: str = "en") -> list[str | None]:
    return [m.date for m in mentions_of(text, lang, date=pub) if m.kind == "visit"]


@pytest.mark.parametrize(("text", "pub", "expected"), [
    ("The President of Chile visited Peru on 3 December.", "2021-12-27", ["2021-12-03"]),
    ("The President of Chile visited Peru on 3 May.", "2022-01-10", ["2021-05-03"]),
    ("The President of Chile visited Peru on 25 December.", "2022-01-10", ["2021-12-25"]),
])
def test_a_day_without_a_year_takes_the_report_year_or_the_one_before(text: str, pub: str,
                                                                         expected: list[str]) -> None:
    assert dated(text, pub) == expected


def test_a_day_just_after_the_report_is_not_last_year() -> None:
    # Reported on the 27th: the 29th is this December's (after the report, so no event told as done yet),
    # never the December of the year before.
    assert dated("The President of Chile visited Peru on 29 December.", "2021-12-27") == []
    # Months after the report's month are still the year before.
    assert dated("The President of Chile visited Peru on 3 March.", "2021-01-15") == ["2020-03-03"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The President of Chile visited Peru last June.", ["2021-06"]),
    ("The President of Chile visited Peru this May.", ["2021-05"]),
    ("The President of Chile visited Peru last year.", ["2020"]),
])
def test_en_last_or_this_month_is_the_most_recent_one(text: str, expected: list[str]) -> None:
    assert dated(text, "2021-12-21") == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Президент Польщі відвідав Литву минулого червня.", "uk", ["2021-06"]),
    ("Президент Польщі відвідав Литву цього травня.", "uk", ["2021-05"]),
    ("Прэзідэнт Польшчы наведаў Літву мінулага чэрвеня.", "be", ["2021-06"]),
    ("Прэзідэнт Польшчы наведаў Літву гэтага траўня.", "be", ["2021-05"]),
])
def test_uk_be_last_or_this_month_is_the_most_recent_one(text: str, lang: str, expected: list[str]) -> None:
    assert dated(text, "2021-12-21", lang) == expected
