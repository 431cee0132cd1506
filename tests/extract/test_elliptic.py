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


@pytest.mark.parametrize(("text", "lang"), [
    ("A summit of Chile and Peru would be welcome. The last such meeting was held in 2015.", "en"),
    ("Саммит Чили и Перу был бы полезен. Последняя такая встреча прошла в 2015 году.", "ru"),
    ("Саміт Чилі та Перу був би корисним. Остання така зустріч відбулася у 2015 році.", "uk"),
    ("Саміт Чылі і Перу быў бы карысны. Апошняя такая сустрэча адбылася ў 2015 годзе.", "be"),
    ("Szczyt Chile i Peru byłby korzystny. Ostatnie takie spotkanie miało miejsce w 2015 roku.", "pl"),
])
def test_the_last_such_meeting_is_held_by_the_states_named_before(text: str, lang: str) -> None:
    ms = [m for m in mentions_of(text, lang, date="2022-03-05") if m.kind == "meeting"]
    assert [(m.date, m.actors) for m in ms] == [("2015", ("CL", "PE"))]


def test_such_a_meeting_without_two_states_before_is_none() -> None:
    text = "Chile would welcome a summit. The last such meeting was held in 2015."
    assert [m for m in mentions_of(text, "en", date="2022-03-05") if m.kind == "meeting"] == []
