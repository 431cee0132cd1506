"""Capitals in the inflected forms a stem does not reach (a consonant change in the locative, a
plural-only genitive, an irregular stem) are their state's capital: a visit there has that host.
Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

SITE = "https://example.org/news/1"


def hosts(text: str, lang: str) -> list[tuple[str, ...]]:
    return [m.target for m in mentions_of(text, lang, date="2019-04-02", url=SITE) if m.kind == "visit"]


@pytest.mark.parametrize(("lang", "template", "forms"), [
    ("pl", "Premier Polski złożył wizytę w {}.", [
        ("Budapeszcie", "HU"), ("Bukareszcie", "RO"), ("Kiszyniowie", "MD"), ("Erywaniu", "AM"),
        ("Helsinkach", "FI"), ("Belgradzie", "RS"), ("Zagrzebiu", "HR"), ("Bagdadzie", "IQ"),
        ("Damaszku", "SY"), ("Rijadzie", "SA"), ("Atenach", "GR")]),
    ("pl", "Premier Polski przyjechał do {} na rozmowy.", [
        ("Wilna", "LT"), ("Kiszyniowa", "MD"), ("Erywania", "AM"), ("Helsinek", "FI"), ("Aten", "GR"),
        ("Zagrzebia", "HR")]),
    ("uk", "Прем'єр Польщі перебував з візитом у {}.", [("Ризі", "LV"), ("Празі", "CZ")]),
    ("uk", "Прем'єр Польщі прибув з візитом до {}.", [("Афін", "GR")]),
    ("be", "Прэм'ер Польшчы знаходзіўся з візітам у {}.", [
        ("Будапешце", "HU"), ("Бухарэсце", "RO"), ("Бялградзе", "RS"), ("Загрэбе", "HR"), ("Багдадзе", "IQ"),
        ("Рызе", "LV"), ("Мадрыдзе", "ES"), ("Празе", "CZ")]),
])
def test_an_inflected_capital_is_the_host(lang: str, template: str, forms: list[tuple[str, str]]) -> None:
    assert {form: hosts(template.format(form), lang) for form, _ in forms} == {
        form: [(code,)] for form, code in forms}


def test_pl_managed_to_agree_is_no_trip() -> None:
    # "udało się" is "managed to", and "co do" is "as for": no one went anywhere
    text = "Minister dodał, że Londynowi i Brukseli udało się porozumieć także co do okresu przejściowego."
    assert hosts(text, "pl") == []
    assert hosts("Premier Polski udał się w poniedziałek do Wilna.", "pl") == [("LT",)]
