"""A meeting or talks with several partners, told from the near side ("I met with the prime ministers
of Norway and Israel"): the near side meets them (its person, or the document's own state), not the
partners each other; a sentence that names its near side keeps it. Every sentence here was written
for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

PUB = "2022-04-26"


def met(text: str, lang: str, url: str) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((m.kind, m.actors) for m in mentions_of(text, lang, date=PUB, url=url))


@pytest.mark.parametrize(
    ("lang", "url", "text", "expected"),
    [
        ("en", "https://www.president.example.gov.ua/en/news/1", "I met with the prime ministers of Norway and Israel.",
         [("meeting", ("IL", "NO", "UA"))]),
        ("en", "https://www.president.example.gov.ua/en/news/1",
         "The President held talks with the prime ministers of Norway and Israel.",
         [("consultations", ("IL", "NO", "UA"))]),
        ("ru", "https://www.kremlin.example.ru/news/1", "Путин встретился с президентами Казахстана и Узбекистана.",
         [("meeting", ("KZ", "RU", "UZ"))]),
        ("pl", "https://www.prezydent.example.pl/news/1", "Prezydent spotkał się z premierami Norwegii i Izraela.",
         [("meeting", ("IL", "NO", "PL"))]),
    ],
)
def test_the_near_side_meets_the_partners(lang: str, url: str, text: str, expected: list) -> None:
    assert met(text, lang, url) == expected


def test_a_named_near_side_is_kept() -> None:
    text = "The Prime Minister of Norway held talks with the President of Israel."
    assert met(text, "en", "https://www.president.example.gov.ua/en/news/1") == [("consultations", ("IL", "NO"))]
