"""A court's conviction condemns no state: "засудили понад 1300 осіб", "осудили за шпионаж" are no
criticism; a state condemning a state still is. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

PUB = "2019-12-10"


def kinds(text: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((m.kind, m.actors) for m in mentions_of(text, lang, date=PUB))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "У той самий рік у СРСР за кримінальною статтею засудили понад 1300 осіб."),
        ("uk", "Подружжя стратили після того, як у США засудили за змову з метою шпигунства на користь СРСР."),
        ("ru", "В том же году в СССР осудили более 1300 человек."),
        ("ru", "Суд в США осудил гражданина России за шпионаж."),
        ("be", "У тым жа годзе ў СССР асудзілі больш за 1300 чалавек."),
        ("be", "Суд у ЗША асудзіў грамадзяніна Расіі за шпіянаж."),
    ],
)
def test_a_conviction_is_no_criticism(lang: str, text: str) -> None:
    assert [k for k in kinds(text, lang) if k[0] == "criticism"] == []


@pytest.mark.parametrize(
    ("lang", "text", "pair"),
    [
        ("uk", "Президент Франції засудив Росію за напад на Україну.", ("FR", "RU")),
        ("ru", "МИД России осудил решение властей Латвии.", ("LV", "RU")),
        ("be", "Міністэрства замежных спраў Беларусі асудзіла рашэнне ўладаў Латвіі.", ("BY", "LV")),
    ],
)
def test_a_state_condemning_a_state_is_criticism(lang: str, text: str, pair: tuple[str, str]) -> None:
    assert ("criticism", pair) in kinds(text, lang)
