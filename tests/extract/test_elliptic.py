"""A sentence that goes on with the act of the one before without its verb: "I spoke with the President
of Peru. With the Secretary General of NATO, Jens Stoltenberg." is a second call."""

from __future__ import annotations

import pytest

from conftest import mentions_of

URL = "https://www.president.gov.ua/news/1"


@pytest.mark.parametrize(("text", "lang"), [
    ("I spoke by phone with the President of Peru. With the Secretary General of NATO Jens Stoltenberg.", "en"),
    ("Говорил по телефону с Президентом Перу. С Генеральным секретарём НАТО Йенсом Столтенбергом.", "ru"),
    ("Говорив телефоном з Президентом Перу. З Генеральним секретарем НАТО Єнсом Столтенбергом.", "uk"),
])
def test_a_with_phrase_alone_goes_on_with_the_call_before(text: str, lang: str) -> None:
    ms = mentions_of(text, lang, date="2022-03-05", url=URL)
    assert sorted(m.actors for m in ms if m.kind == "phone_call") == [("NATO", "UA"), ("PE", "UA")]


@pytest.mark.parametrize(("text", "lang"), [
    # a from-phrase, not a with-phrase: no second call
    ("Говорив телефоном з Президентом Перу. З Польщі вже прибули рятувальники.", "uk"),
    # no act before it
    ("Мы обсудили погоду. С Генеральным секретарём НАТО Йенсом Столтенбергом.", "ru"),
])
def test_a_with_phrase_needs_an_act_just_before_and_an_official(text: str, lang: str) -> None:
    ms = mentions_of(text, lang, date="2022-03-05", url=URL)
    assert [m.actors for m in ms if m.kind == "phone_call"] in ([], [("PE", "UA")])
    assert not any("NATO" in m.actors or "PL" in m.actors for m in ms)


@pytest.mark.parametrize(("phrase", "lang"), [
    ("z ramienia duńskiej prezydencji", "pl"), ("z okazji święta", "pl"), ("ze strony duńskiej", "pl"),
    ("з боку данського головування", "uk"), ("з нагоди свята", "uk"),
    ("з боку дацкага старшынства", "be"), ("со стороны датского председательства", "ru"),
])
def test_on_behalf_of_is_no_with_phrase(phrase: str, lang: str) -> None:
    # "z ramienia", "з боку", "со стороны" (on behalf of, on the part of) name who acts, not a partner, so a
    # headline-like "Meeting on behalf of …" is no "Meeting with …"
    from bilat.extract.triggers import lexicon

    lex = lexicon(lang)
    assert lex is not None and lex.roles["with"].search(phrase) is None
    assert lex.roles["with"].search(phrase.replace(phrase.split()[1], "президентом", 1)) is not None
