"""Event mentions in English: kinds, dates, roles, non-events (#3). Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of


def kinds(text: str, **kw) -> list[tuple[str, str | None]]:
    return sorted((m.kind, m.date) for m in mentions_of(text, "en", **kw))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The foreign minister of Norway visited London on 4 June 2021.", [("visit", "2021-06-04")]),
        ("The President of Poland paid an official visit to Kyiv on 12 May 2022.", [("visit", "2022-05-12")]),
        ("The Finnish prime minister arrived in Tallinn on 3 October 2019.", [("visit", "2019-10-03")]),
        ("The President of Kazakhstan met with the Chancellor of Germany in Berlin in May 2022.",
         [("meeting", "2022-05"), ("visit", "2022-05")]),
        ("Consultations between the foreign ministries of Norway and Belarus were held in 2017, 2018 and 2020.",
         [("consultations", "2017"), ("consultations", "2018"), ("consultations", "2020")]),
        ("On 3 March 2020 the foreign ministers of Armenia and Iran held a telephone conversation.",
         [("phone_call", "2020-03-03")]),
        ("The ambassador of Germany presented his credentials to the President of Kazakhstan on 5 April 2022.",
         [("credentials", "2022-04-05")]),
        ("Norway and Belarus exchanged notes on 2 February 2005.", [("notes_exchange", "2005-02-02")]),
        ("An agreement on visa-free travel between Armenia and Georgia was signed on 5 May 2019.",
         [("agreement_signed", "2019-05-05")]),
        ("In May 2022 Poland and Ukraine signed a memorandum of understanding.", [("agreement_signed", "2022-05")]),
        ("Diplomatic relations between Norway and Belarus were established on 4 February 1992.",
         [("relations_established", "1992-02-04")]),
        ("The Prime Minister of India attended the G20 summit in Bali in November 2022.", [("conference", "2022-11")]),
        ("In February 2022 the European Union imposed sanctions against Russia.", [("sanctions", "2022-02")]),
        ("The United States lifted sanctions on Iran in January 2016.", [("sanctions_lifted", "2016-01")]),
        ("Japan provided humanitarian aid to Ukraine in March 2022.", [("aid", "2022-03")]),
        ("The president of Poland thanked Canada for its support on 1 June 2022.", [("praise", "2022-06-01")]),
        ("The Lithuanian government condemned Belarus for the incident on 23 May 2021.", [("criticism", "2021-05-23")]),
        ("Finland joined NATO on 4 April 2023.", [("membership_joined", "2023-04-04")]),
        ("Ukraine applied for membership in the European Union in February 2022.", [("membership_applied", "2022-02")]),
        ("The United Kingdom withdrew from the European Union in January 2020.", [("membership_left", "2020-01")]),
    ],
)
def test_extract_events_en_kinds_and_dates(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister of Norway will visit London next week.",
        "The parties agreed to hold consultations in 2024.",
        "The minister did not visit Poland in 2021.",
        "The minister didn't sign the agreement with Norway in 2021.",
        "Political dialogue is maintained through the foreign ministries.",
        "Norway is a member of NATO.",
        "A visit of the minister to Berlin is planned for May 2024.",
        "The President of Finland invited the President of Estonia to pay a visit to Helsinki.",
        "Poland is ready to sign a treaty with Ukraine if the parliament agrees.",
        "The President of Ukraine signed a decree on awards in March 2022.",
        "The proposal met with criticism in Germany and France.",
    ],
)
def test_extract_events_en_non_events(text: str) -> None:
    assert kinds(text) == []


def test_extract_events_en_roles() -> None:
    (visit,) = mentions_of("The foreign minister of Armenia visited Iran in May 2021.", "en")
    assert (visit.source, visit.target) == (("AM",), ("IR",))
    (visit,) = mentions_of("The Finnish prime minister arrived in Tallinn in October 2019.", "en")
    assert (visit.source, visit.target) == (("FI",), ("EE",))
    (creds,) = mentions_of("The ambassador of Poland presented his credentials to the President of Ukraine on "
                           "2 May 2017.", "en")
    assert (creds.source, creds.target) == (("PL",), ("UA",))
    (call,) = mentions_of("In April 2020, at the initiative of the German side, the foreign ministers of Germany "
                          "and Kazakhstan held a telephone conversation.", "en")
    assert (call.source, call.target) == (("DE",), ("KZ",))
    (sanc,) = mentions_of("The United Kingdom joined the sanctions against Iran in 2019.", "en")
    assert (sanc.source, sanc.target) == (("GB",), ("IR",))
    (crit,) = mentions_of("On 7 April 2022 the foreign ministry of Lithuania summoned the Russian ambassador.", "en")
    assert (crit.source, crit.target) == (("LT",), ("RU",))


def test_extract_events_en_publication_date_and_relative() -> None:
    (m,) = mentions_of("Yesterday the president of Kazakhstan had a telephone conversation with the chancellor "
                       "of Germany.", "en", date="2023-05-10")
    assert m.date == "2023-05-09"
    (m,) = mentions_of("The president of Kazakhstan had a telephone conversation with the chancellor of Germany.",
                       "en", date="2023-05-10")
    assert m.date == "2023-05-10"


def test_extract_events_en_evidence_offsets() -> None:
    text = "News headline\nThe foreign minister of Armenia visited Iran in May 2021. It was his first visit."
    (m, *_) = mentions_of(text, "en")
    assert text[m.evidence.start : m.evidence.end] == m.evidence.text
    assert "visited Iran" in m.evidence.text


# Precision pass on news text: each general cause with a positive and a negative sentence of our own.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qatar mediated between Israel and Hamas in May 2021.", [("mediation", "2021-05")]),
        ("In 2022 Turkey acted as a mediator between Russia and Ukraine.", [("mediation", "2022")]),
        ("The foreign ministers of Armenia and Georgia held talks in Tbilisi on 3 May 2021.",
         [("consultations", "2021-05-03")]),
        ("The President of Finland met with the Prime Minister of Estonia in Tallinn on 2 June 2021.",
         [("meeting", "2021-06-02"), ("visit", "2021-06-02")]),
        ("The Prime Minister of Latvia travelled to Berlin on 4 March 2022.", [("visit", "2022-03-04")]),
        ("On 5 May 2021 Lithuania protested to Belarus over the border incident.", [("criticism", "2021-05-05")]),
        ("Norway provided humanitarian aid to Ukraine in April 2022.", [("aid", "2022-04")]),
    ],
)
def test_extract_events_en_precision_positives(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # a mediator named as a role, not an act of mediation
        "The minister thanked the international mediators from Poland and Germany.",
        "Several European states want to take on the role of mediator between Russia and Ukraine.",
        # the negotiating process talked about
        "The President of Ukraine told the Prime Minister of Canada about the progress of negotiations with Russia.",
        "The President of Russia informed the Chancellor of Germany about the current status of talks with Ukraine.",
        # hypothetical or planned
        "This vote complicates any probable negotiations between Armenia and Azerbaijan.",
        "Since 2015 Ukraine has tried to convene consultations with the United States and the United Kingdom.",
        "The minister called on Spain and Denmark to further strengthen sanctions against Russia.",
        "The leaders of Poland and Lithuania are thinking about visits to Ukraine.",
        # "met" the interests, a domestic trip, street protests, talk about aid
        "The cooperation between Russia and Croatia fully met the interests of both countries.",
        "During a working trip to the Lviv region the President of Ukraine spoke about the Polish border.",
        "In several cities Ukrainians protested against the Russian troops.",
        "The first lady of Ukraine spoke about the coordination of humanitarian aid with Poland.",
    ],
)
def test_extract_events_en_precision_non_events(text: str) -> None:
    assert kinds(text) == []


def test_extract_events_en_decision_to_impose_sanctions() -> None:
    text = "Ukraine welcomed the decision to impose new sanctions against Russia adopted by Canada on 22 February 2022."
    assert ("sanctions", "2022-02-22") in kinds(text)


def test_extract_events_en_question_is_not_an_event() -> None:
    from conftest import mentions_of

    assert mentions_of("Did Norway mediate between Israel and the PLO in 1993?", "en") == []
    assert [m.kind for m in mentions_of("Norway mediated between Israel and the PLO in 1993.", "en")] == ["mediation"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A meeting of the defence ministers of Norway and Sweden took place in Oslo on 2 March 2021.",
         [("meeting", "2021-03-02"), ("visit", "2021-03-02")]),
        ("At a meeting in Vilnius on 9 May 2022, the presidents of Lithuania and Poland discussed energy.",
         [("meeting", "2022-05-09"), ("visit", "2022-05-09")]),
        ("The recent meeting of the leaders of Finland and Estonia in Helsinki confirmed close ties.",
         [("meeting", "2022-12-10"), ("visit", "2022-12-10")]),
        ("The President of Latvia meets with the Prime Minister of Sweden in Riga",
         [("meeting", "2022-12-10"), ("visit", "2022-12-10")]),
        ("The Prime Minister of Croatia had a conversation with the President of Slovenia on 4 June 2021.",
         [("meeting", "2021-06-04")]),
        ("The President of Serbia holds talks with the Chancellor of Austria", [("consultations", "2022-12-10")]),
        ("Talks between the foreign ministers of Georgia and Armenia took place in Tbilisi on 1 July 2020.",
         [("consultations", "2020-07-01")]),
        ("The Prime Minister of Japan pays a visit to Australia", [("visit", "2022-12-10")]),
        ("The Prime Minister of Norway arrives in Warsaw", [("visit", "2022-12-10")]),
        ("The President of Moldova signs an agreement on trade with Romania", [("agreement_signed", "2022-12-10")]),
    ],
)
def test_extract_events_en_recall_forms(text: str, expected: list) -> None:
    assert kinds(text, date="2022-12-10") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The presidents of Lithuania and Poland agreed to continue the talks at a meeting in Vilnius next month.",
        "The President of Latvia will meet with the Prime Minister of Sweden in Riga.",
        "The President of Ukraine had a phone conversation with the Prime Minister of Canada.",  # a phone_call only
        "The President of Ukraine meets with servicemen in Kyiv",
        "The President of Moldova signs a decree on the army",
        "Talks between Georgia and Armenia will take place in Tbilisi.",
        "Talks between the foreign ministers of Georgia and Armenia will take place in Tbilisi.",
        "A meeting of the defence ministers of Norway and Sweden will take place in Oslo.",
    ],
)
def test_extract_events_en_recall_forms_non_events(text: str) -> None:
    assert [k for k, _ in kinds(text, date="2022-12-10") if k != "phone_call"] == []
