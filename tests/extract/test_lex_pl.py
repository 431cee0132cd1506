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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the weekday adjective of the event after "podczas" (genitive) or "na" (locative)
        ("Podczas piątkowego spotkania premierzy Czech i Słowacji podpisali umowę.",
         [("agreement_signed", "2024-06-07"), ("meeting", "2024-06-07")]),
        ("Na czwartkowym spotkaniu w Pradze premier Czech rozmawiał z premierem Słowacji.",
         [("meeting", "2024-06-06"), ("visit", "2024-06-06")]),
        # "w" + weekday adjective dates the newspaper or the interview, not the event it tells of
        ("Gazeta przypomniała w sobotnim wydaniu, że premier Czech odwiedził Słowację.", [("visit", PUB)]),
        # "do października" is a deadline, not the month of the event
        ("Premier Czech odwiedził Słowację, a umowa ma być gotowa do października.", [("visit", PUB)]),
    ],
)
def test_lex_pl_weekday_adjectives_and_deadlines(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


def test_lex_pl_both_diplomacies_name_the_pair() -> None:
    text = ("Czechy i Słowacja zacieśniają współpracę gospodarczą. "
            "Po środowym spotkaniu szefów obu dyplomacji ogłoszono wspólny komunikat.")
    got = [(m.kind, m.date, m.actors) for m in mentions_of(text, "pl", date=PUB)]
    assert got == [("meeting", "2024-06-05", ("CZ", "SK"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # flew in / came to: a visit
        ("Premier Czech przyleciał w poniedziałek do Bratysławy.", [("visit", PUB)]),
        ("Premier Czech zawitał do Słowacji.", [("visit", PUB)]),
        ("Prezydent Litwy zatelefonował do prezydenta Łotwy.", [("phone_call", PUB)]),
        # the present of "come back" with a month is what is scheduled, not an event
        ("Od listopada wracają sankcje Kanady wobec Białorusi.", []),
        # "the latest visit" is an earlier one, told without its date
        ("Premier Czech powiedział, że jego ostatnia wizyta w Słowacji była udana.", [("visit", None)]),
    ],
)
def test_lex_pl_arrivals_calls_and_earlier_visits(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected, key=lambda x: (x[0], x[1] or ""))


def test_lex_pl_accusing_participle_is_criticism() -> None:
    # "oskarżając" (accusing) after a past verb, dated by "tydzień temu" (a week ago)
    text = ("Tydzień temu szef MSZ Litwy przemawiał w Wilnie i wyraził rozczarowanie, "
            "oskarżając Białoruś o prowokacje.")
    got = [(m.kind, m.date, m.actors) for m in mentions_of(text, "pl", date=PUB)]
    assert got == [("criticism", "2024-06-03", ("BY", "LT"))]


def test_lex_pl_sanctions_against_a_state_is_a_topic() -> None:
    text = ("Podczas spotkania z szefem MSZ Japonii w Warszawie prezydent Polski "
            "wezwał do nowych sankcji wobec Białorusi.")
    got = [(m.kind, m.actors) for m in mentions_of(text, "pl", date=PUB) if m.kind == "meeting"]
    assert got == [("meeting", ("JP", "PL"))]


def test_lex_pl_meetings_counted_are_no_one_event() -> None:
    assert kinds("Minister przypomniał trzy spotkania prezydentów Chile i Peru w ostatnich miesiącach.") == []
    assert kinds("Minister przypomniał spotkanie prezydentów Chile i Peru.") == [("meeting", PUB)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # went to, the headline present of a visit
        ("Szef MSZ Czech udał się do Słowacji.", [("visit", PUB, ("CZ", "SK"))]),
        ("Szef MSZ Czech odwiedza Słowację.", [("visit", PUB, ("CZ", "SK"))]),
        # a leader hosted by another is a meeting
        ("Prezydent Czech gościł premiera Słowacji.", [("meeting", PUB, ("CZ", "SK"))]),
        # negated, future, a wish: no event
        ("Szef MSZ Czech nie udał się do Słowacji.", []),
        ("Szef MSZ Czech uda się do Słowacji.", []),
        # a habit, not one occasion
        ("Premier Czech często odwiedza Słowację.", []),
        ("Prezydenci Czech i Słowacji regularnie spotykają się w Pradze.", []),
    ],
)
def test_lex_pl_went_to_hosted_and_habits(text: str, expected: list) -> None:
    assert [(m.kind, m.date, m.actors) for m in mentions_of(text, "pl", date=PUB)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # sanctions talked about, supported, called for or considered: not imposed
        "Szefowie MSZ Czech i Słowacji omówili kwestię sankcji wobec Rosji.",
        "Premier Czech i premier Słowacji rozmawiali o sankcjach wobec Rosji.",
        "Słowacja popiera sankcje wobec Rosji.",
        "Czechy opowiadają się za sankcjami wobec Rosji.",
        "Premier Czech poparł wprowadzenie sankcji wobec Rosji.",
        "Premier Czech zaapelował o nowe sankcje wobec Rosji.",
        "Czechy rozważają nałożenie sankcji na Rosję.",
        # a meeting counted on, a visit cancelled, a meeting put off
        "Prezydent Czech liczy na spotkanie z prezydentem Słowacji.",
        "Premier Czech odwołał wizytę w Słowacji.",
        "Spotkanie premierów Czech i Słowacji zostało przełożone.",
    ],
)
def test_lex_pl_no_event_in_talk_support_calls_and_cancellations(text: str) -> None:
    assert [m.kind for m in mentions_of(text, "pl", date=PUB) if m.kind in ("sanctions", "meeting", "visit")] == (
        ["meeting"] if "rozmawiali" in text else [])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Czechy nałożyły sankcje na Rosję.", "sanctions"),
        ("Czechy odwołały ambasadora w Rosji.", "relations_downgraded"),
    ],
)
def test_lex_pl_imposed_and_recalled_stay_events(text: str, kind: str) -> None:
    assert [m.kind for m in mentions_of(text, "pl", date=PUB)] == [kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ambassador expelled
        ("Czechy wydaliły ambasadora Słowacji.", [("relations_downgraded", PUB, ("CZ", "SK"))]),
        # equipment handed over is aid; what may be sent, or was not, is no event; information is no aid
        ("Czechy przekazały Ukrainie sprzęt wojskowy.", [("aid", PUB, ("CZ", "UA"))]),
        ("Czechy dostarczyły Ukrainie czołgi.", [("aid", PUB, ("CZ", "UA"))]),
        ("Czechy mogą przekazać Ukrainie czołgi.", []),
        ("Czechy nie wysłały Ukrainie broni.", []),
        ("Czechy przekazały Ukrainie informacje.", []),
        # congratulations are praise, as in English
        ("Premier Czech pogratulował premierowi Słowacji.", [("praise", PUB, ("CZ", "SK"))]),
    ],
)
def test_lex_pl_expulsions_equipment_and_congratulations(text: str, expected: list) -> None:
    assert [(m.kind, m.date, m.actors) for m in mentions_of(text, "pl", date=PUB)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the impersonal past of news: negotiations resumed, begun
        ("W Brukseli wznowiono negocjacje między Wielką Brytanią a UE.", [("consultations", PUB)]),
        ("W Genewie rozpoczęto rokowania między Rosją a Stanami Zjednoczonymi.", [("consultations", PUB)]),
        # the future passive is no event
        ("W przyszłym tygodniu w Brukseli wznowione zostaną negocjacje między Wielką Brytanią a UE.", []),
    ],
)
def test_lex_pl_impersonal_negotiations(text: str, expected: list) -> None:
    assert kinds(text) == expected
