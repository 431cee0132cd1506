"""Polish date words for events: past weekdays and weekday adjectives. Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

PUB = "2024-06-10"  # a Monday


def kinds(text: str) -> list[tuple[str, str | None]]:
    return sorted((m.kind, m.date) for m in mentions_of(text, "pl", date=PUB))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("W ubiegłą środę premier Czech odwiedził Słowację.", [("visit", "2024-06-05")]),
        ("W zeszły czwartek premier Czech odwiedził Słowację.", [("visit", "2024-06-06")]),
        ("Po piątkowym spotkaniu ministrów spraw zagranicznych Polski i Litwy podpisano umowę.",
         [("agreement_signed", "2024-06-07"), ("meeting", "2024-06-07")]),
        # a weekday noun in another case is not read as a date: the publication date stays
        ("Po piątku premier Czech odwiedził Słowację.", [("visit", PUB)]),
    ],
)
def test_lex_pl_weekdays(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


def test_lex_pl_anniversary_is_not_establishment() -> None:
    assert kinds("W tym roku Polska i Chile obchodzą 30. rocznicę nawiązania stosunków dyplomatycznych.") == []
    assert kinds("Polska i Chile nawiązały stosunki dyplomatyczne w 1994 roku.") == [("relations_established", "1994")]
