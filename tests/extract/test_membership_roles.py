"""Who joins which organisation: the state nearest before the word, not one that helped ("with
Russia's support"); the organisation after the word, or the nearest before it when the sentence
names it first ("the SCO, which Belarus joined") or a comma parts the word from the next one.
Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

PUB = "2025-04-10"


def joined(text: str, lang: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return sorted((m.source, m.target) for m in mentions_of(text, lang, date=PUB) if m.kind == "membership_joined")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Финляндия при поддержке Швеции вступила в НАТО в апреле 2023 года."),
        ("uk", "Фінляндія за підтримки Швеції вступила до НАТО у квітні 2023 року."),
        ("be", "Фінляндыя пры падтрымцы Швецыі ўступіла ў НАТА ў красавіку 2023 года."),
        ("pl", "Finlandia przy wsparciu Szwecji wstąpiła do NATO w kwietniu 2023 roku."),
        ("en", "Finland, with the support of Sweden, joined NATO in April 2023."),
    ],
)
def test_the_state_that_helped_does_not_join(lang: str, text: str) -> None:
    assert joined(text, lang) == [(("FI",), ("NATO",))]


def test_the_organisation_named_before_the_word() -> None:
    text = ("Страны работают в СНГ и ОДКБ, а также в рамках Шанхайской организации сотрудничества, куда "
            "Казахстан вступил в 2001 году.")
    assert joined(text, "ru") == [(("KZ",), ("SCO",))]


def test_a_comma_parts_the_word_from_the_next_organisation() -> None:
    text = ("Мы работаем на площадках ООН, ШОС, где Казахстан стал полноправным членом организации, "
            "БРИКС, где он партнёр.")
    assert joined(text, "ru") == [(("KZ",), ("SCO",))]


def test_a_list_after_the_word_is_joined_whole() -> None:
    assert joined("Казахстан стал членом ВТО, ЕАЭС и ОДКБ.", "ru") == [
        (("KZ",), ("CSTO",)), (("KZ",), ("EAEU",)), (("KZ",), ("WTO",))]
