"""Blame is criticism (SCHEMA.md: "criticism, accusation"): "held Colombia responsible for …" is a criticism
from the subject to the state blamed, and the talks it names are no consultations."""

from __future__ import annotations

import pytest

from conftest import mentions_of


@pytest.mark.parametrize(("text", "lang"), [
    ("Ecuador held Colombia responsible for the failure of the border talks.", "en"),
    ("Эквадор возложил на Колумбию ответственность за провал переговоров о границе.", "ru"),
    ("Еквадор поклав на Колумбію відповідальність за провал переговорів щодо кордону.", "uk"),
    ("Эквадор усклаў на Калумбію адказнасць за правал перамоў аб мяжы.", "be"),
    ("Ekwador obarczył Kolumbię odpowiedzialnością za fiasko rozmów o granicy.", "pl"),
])
def test_blame_is_criticism_of_the_state_blamed(text: str, lang: str) -> None:
    ms = mentions_of(text, lang, date="2021-05-03")
    assert [(m.kind, m.source, m.target) for m in ms] == [("criticism", ("EC",), ("CO",))]
