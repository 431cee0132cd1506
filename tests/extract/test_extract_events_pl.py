"""Event mentions in Polish: kinds, dates, roles, non-events (#3). Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of


def kinds(text: str, **kw) -> list[tuple[str, str | None]]:
    return sorted((m.kind, m.date) for m in mentions_of(text, "pl", **kw))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Premier Polski przebywał z oficjalną wizytą w Niemczech 14 maja 2019 r.", [("visit", "2019-05-14")]),
        ("Prezydent Francji przybył do Warszawy 4 lutego 2020 r.", [("visit", "2020-02-04")]),
        ("Ministrowie spraw zagranicznych Polski i Litwy spotkali się w Brukseli 20 kwietnia 2021 r.",
         [("meeting", "2021-04-20")]),
        ("Minister spraw zagranicznych Polski przeprowadził rozmowy z sekretarzem stanu USA 5 maja 2021 r.",
         [("meeting", "2021-05-05")]),
        ("Polsko-ukraińskie konsultacje polityczne odbyły się w Kijowie w 2019, 2021 i 2023 r.",
         [("consultations", "2019"), ("consultations", "2021"), ("consultations", "2023")]),
        ("Negocjacje między Polską a Wielką Brytanią rozpoczęły się 19 czerwca 2017 r.",
         [("consultations", "2017-06-19")]),
        ("21 stycznia 2022 r. ministrowie spraw zagranicznych Polski i Turcji rozmawiali telefonicznie.",
         [("phone_call", "2022-01-21")]),
        ("Prezydent Francji odbył rozmowę wideo z kanclerzem Niemiec 3 kwietnia 2020 r.",
         [("phone_call", "2020-04-03")]),
        ("Ambasador Niemiec złożył listy uwierzytelniające na ręce Prezydenta Polski 5 kwietnia 2022 r.",
         [("credentials", "2022-04-05")]),
        ("W 1993 r. Polska i Gruzja dokonały wymiany not w sprawie ruchu bezwizowego.", [("notes_exchange", "1993")]),
        ("Polska i Ukraina podpisały memorandum o współpracy w dziedzinie energetyki 5 grudnia 2019 r.",
         [("agreement_signed", "2019-12-05")]),
        ("Sejm ratyfikował umowę między Polską a Ukrainą w 2019 r.", [("agreement_signed", "2019")]),
        ("Stosunki dyplomatyczne między Polską a Koreą Południową zostały nawiązane 1 listopada 1989 r.",
         [("relations_established", "1989-11-01")]),
        ("Polska wydaliła rosyjskich dyplomatów 30 marca 2018 r.", [("relations_downgraded", "2018-03-30")]),
        ("Minister spraw zagranicznych Polski wziął udział w Monachijskiej Konferencji Bezpieczeństwa w lutym 2020 r.",
         [("conference", "2020-02")]),
        ("W lutym 2022 r. Unia Europejska nałożyła sankcje na Rosję.", [("sanctions", "2022-02")]),
        ("W 2016 r. UE zniosła sankcje wobec Białorusi.", [("sanctions_lifted", "2016")]),
        ("Turcja podjęła się mediacji między Rosją a Ukrainą w marcu 2022 r.", [("mediation", "2022-03")]),
        ("Japonia przekazała Ukrainie pomoc humanitarną w kwietniu 2022 r.", [("aid", "2022-04")]),
        ("Minister spraw zagranicznych Ukrainy podziękował Polsce za wsparcie 2 marca 2022 r.",
         [("praise", "2022-03-02")]),
        ("MSZ Polski wezwało ambasadora Rosji 26 września 2018 r.", [("criticism", "2018-09-26")]),
        ("Polska przystąpiła do Unii Europejskiej 1 maja 2004 r.", [("membership_joined", "2004-05-01")]),
        ("Ukraina złożyła wniosek o członkostwo w UE 28 lutego 2022 r.", [("membership_applied", "2022-02-28")]),
        ("Wielka Brytania wystąpiła z UE 31 stycznia 2020 r.", [("membership_left", "2020-01-31")]),
    ],
)
def test_extract_events_pl_kinds_and_dates(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Minister spraw zagranicznych Kazachstanu odwiedzi Niemcy w przyszłym roku.",
        "Prezydent Polski planuje odwiedzić Ukrainę w czerwcu 2024 r.",
        "Wizyta prezydenta Litwy w Polsce zaplanowana jest na maj 2024 r.",
        "Strony uzgodniły przeprowadzenie konsultacji w 2024 r.",
        "Prezydent Francji zaprosił prezydenta Polski do złożenia wizyty w Paryżu.",
        "Minister nie odwiedził Polski w 2021 r.",
        "Jeśli UE nałoży nowe sankcje na Rosję, Moskwa odpowie.",
        "Polska wezwała UE do nałożenia sankcji na Rosję.",
        "Polska i Litwa utrzymują dialog polityczny na wysokim szczeblu.",
        "Norwegia jest członkiem NATO.",
        "Polska przystąpiła do negocjacji z Komisją Europejską w sprawie Wielkiej Brytanii.",
        "Rozmowy w sprawie handlu między Polską a Wielką Brytanią są trudne.",
        "Sankcje wobec Rosji są skutecznym narzędziem nacisku.",
        "Minister powiedział w rozmowie z PAP, że Polska popiera Ukrainę.",
    ],
)
def test_extract_events_pl_non_events(text: str) -> None:
    assert kinds(text) == []


def test_extract_events_pl_roles() -> None:
    (visit,) = mentions_of("Minister spraw zagranicznych Armenii odwiedził Iran w maju 2021 r.", "pl")
    assert (visit.source, visit.target) == (("AM",), ("IR",))
    (creds,) = mentions_of("Ambasador Litwy wręczyła listy uwierzytelniające Prezydentowi Polski 2 maja 2017 r.", "pl")
    assert (creds.source, creds.target) == (("LT",), ("PL",))
    (call,) = mentions_of("W kwietniu 2020 r. z inicjatywy strony niemieckiej odbyła się rozmowa telefoniczna "
                          "ministrów spraw zagranicznych Niemiec i Kazachstanu.", "pl")
    assert (call.source, call.target) == (("DE",), ("KZ",))
    (sanc,) = mentions_of("Wielka Brytania przyłączyła się do sankcji wobec Iranu w 2019 r.", "pl")
    assert (sanc.source, sanc.target) == (("GB",), ("IR",))
    (down,) = mentions_of("W marcu 2018 r. Wielka Brytania wydaliła z kraju 23 dyplomatów rosyjskich.", "pl")
    assert (down.source, down.target) == (("GB",), ("RU",))


def test_extract_events_pl_our_country_and_pair() -> None:
    text = ("Stosunki dyplomatyczne między Polską a Japonią zostały nawiązane w 1957 r.\n"
            "W 2020 r. Japonia przyłączyła się do sankcji wobec naszego kraju.\n"
            "Spotkania szefów MSZ obu krajów odbyły się w 2018 i 2019 r.")
    ms = mentions_of(text, "pl")
    sanc = next(m for m in ms if m.kind == "sanctions")
    assert (sanc.source, sanc.target) == (("JP",), ("PL",))
    meetings = [m for m in ms if m.kind == "meeting"]
    assert [m.actors for m in meetings] == [("JP", "PL"), ("JP", "PL")]


def test_extract_events_pl_publication_date_and_relative() -> None:
    (m,) = mentions_of("Wczoraj prezydent Polski odbył rozmowę telefoniczną z kanclerzem Niemiec.", "pl",
                       date="2023-05-10")
    assert m.date == "2023-05-09"
    (m,) = mentions_of("Prezydent Polski odbył rozmowę telefoniczną z kanclerzem Niemiec.", "pl", date="2023-05-10")
    assert m.date == "2023-05-10"


def test_extract_events_pl_evidence_offsets() -> None:
    text = ("Nagłówek wiadomości\nMinister spraw zagranicznych Armenii odwiedził Iran w maju 2021 r. "
            "To była pierwsza wizyta.")
    (m, *_) = mentions_of(text, "pl")
    assert text[m.evidence.start : m.evidence.end] == m.evidence.text
    assert "odwiedził Iran" in m.evidence.text


# Precision pass on news text: each general cause with a positive and a negative sentence of our own.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Polska i Niemcy poinformowały 3 maja 2018 r. o zawarciu porozumienia o współpracy.",
         [("agreement_signed", "2018-05-03")]),
        ("Umowa między Polską a Litwą została zawarta w marcu 2019 r.", [("agreement_signed", "2019-03")]),
        ("W 2018 r. Stany Zjednoczone nałożyły sankcje na Rosję.", [("sanctions", "2018")]),
    ],
)
def test_extract_events_pl_precision_positives(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # an agreement still to be concluded
        "Polska i Niemcy są na drodze do zawarcia umowy o współpracy.",
        "Umowa między Polską a Litwą musi zostać zawarta do jesieni.",
        # sanctions that may hit someone, not sanctions imposed
        "Niemieckie firmy mogą stać się celem amerykańskich sankcji wobec Rosji.",
        "Polskie firmy w Rosji są zagrożone ryzykiem sankcji Stanów Zjednoczonych.",
    ],
)
def test_extract_events_pl_precision_non_events(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Premier Czech rozmawia z kanclerzem Niemiec w Berlinie",
         [("meeting", "2022-12-10"), ("visit", "2022-12-10")]),
        ("Prezydent Litwy spotyka się z prezydentem Łotwy", [("meeting", "2022-12-10")]),
        ("Umowę z Ukrainą podpisaliśmy 3 marca 2022 r. – powiedział minister spraw zagranicznych Polski.",
         [("agreement_signed", "2022-03-03")]),
    ],
)
def test_extract_events_pl_recall_forms(text: str, expected: list) -> None:
    assert kinds(text, date="2022-12-10") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Premier Czech będzie rozmawiać z kanclerzem Niemiec w Berlinie.",
        "Prezydent Litwy spotka się z prezydentem Łotwy w przyszłym tygodniu.",
        "Umowy z Ukrainą nie podpisaliśmy.",
    ],
)
def test_extract_events_pl_recall_forms_non_events(text: str) -> None:
    assert kinds(text, date="2022-12-10") == []
