"""World leaders named without a role resolve to their state (bilat/extract/leaders.py).

Every sentence here was written for these tests.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

import pycountry
import pytest

from bilat.extract import _known_state
from bilat.extract.leaders import find_leaders, leader, offices
from bilat.extract.people import find_people
from bilat.fuse.names import name_keys
from bilat.records import Person
from conftest import mentions_of

ORGS = {"EU", "NATO", "UN", "IAEA", "IMF", "WB", "ICC"}
HISTORICAL = {"SU"}  # the Soviet Union


# -- the table -----------------------------------------------------------------------------------


@pytest.mark.parametrize("row", offices(), ids=lambda o: f"{o.surname}-{o.code}-{o.start}")
def test_every_row_is_well_formed(row) -> None:
    assert row.surname and row.surname == row.surname.lower()
    assert row.name and row.role
    assert row.code in ORGS or row.code in HISTORICAL or pycountry.countries.get(alpha_2=row.code) is not None
    start = date.fromisoformat(row.start)
    assert date(1950, 1, 1) <= start <= date(2026, 12, 31)
    if row.end:
        assert start < date.fromisoformat(row.end)
    assert all(not re.search(r"[\u0600-\u06ff]", v) for v in row.variants)
    assert all(re.search(r"[\u0600-\u06ff]", v) for v in row.fa)


def test_one_person_holds_one_office_of_a_kind_at_a_time() -> None:
    by_person: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for o in offices():
        by_person.setdefault((o.name, o.code, o.role), []).append((o.start, o.end or "9999"))
    for terms in by_person.values():
        terms.sort()
        for (_, end), (start, _) in pairwise(terms):
            assert end <= start


# -- leader(): names and dates --------------------------------------------------------------------


def test_the_us_president_depends_on_the_date() -> None:
    assert leader("Trump", "2018-06-01").code == "US"
    assert leader("Trump", "2022-06-01") is None  # not in office then
    assert leader("Biden", "2022-06-01").role == "president"
    assert leader("Biden", "2012-06-01").role == "vice president"
    assert leader("Trump", "2025-06-01").role == "president"


def test_a_foreign_minister_before_and_after_a_change() -> None:
    assert leader("Kuleba", "2023-02-01").code == "UA"
    assert leader("Kuleba", "2025-02-01") is None
    assert leader("Sybiha", "2025-02-01").role == "foreign minister"
    assert leader("Kerry", "2015-03-01").code == "US"
    assert leader("Tillerson", "2015-03-01") is None


def test_one_person_in_two_offices() -> None:
    assert leader("Erdogan", "2010-01-01").role == "prime minister"
    assert leader("Erdogan", "2020-01-01").role == "president"
    assert leader("Erdogan").code == "TR"  # one code across all rows: no date needed


def test_a_surname_shared_by_a_state_and_an_organisation_needs_a_date() -> None:
    assert leader("Tusk") is None
    assert leader("Tusk", "2017-05-01").code == "EU"
    assert leader("Tusk", "2024-05-01").code == "PL"
    assert leader("Stoltenberg", "2019-01-01").code == "NATO"
    assert leader("Stoltenberg", "2010-01-01").code == "NO"


def test_an_ambiguous_surname_needs_a_first_name() -> None:
    assert leader("Kim") is None
    assert leader("Kim", "2020-01-01") is None
    assert leader("Kim Jong Un", "2020-01-01").code == "KP"
    assert leader("Jim Yong Kim", "2015-01-01").code == "WB"


def test_a_common_word_surname_needs_a_first_name_or_a_role() -> None:
    assert leader("May", "2017-01-01") is None
    assert leader("Theresa May", "2017-01-01").code == "GB"
    assert leader("May", "2017-01-01", "prime minister").code == "GB"


def test_another_first_name_is_another_person() -> None:
    assert leader("Jill Biden", "2022-01-01") is None
    assert leader("Hillary Clinton", "2010-01-01").role == "foreign minister"


def test_transliterations_meet() -> None:
    assert leader("Makron", "2020-01-01").code == "FR"
    assert leader("Sholts", "2022-06-01").code == "DE"
    assert leader("Erdohan").code == "TR"
    assert leader("Si Tszinpin", "2020-01-01").code == "CN"
    assert leader("Ursula fon der Liaien", "2021-01-01").code == "EU"
    assert leader("بایدن", "2022-06-01").code == "US"


def test_a_role_that_fits_no_office_is_no_leader() -> None:
    assert leader("Lavrov", "2020-01-01", "ambassador") is None
    assert leader("Lavrov", "2020-01-01", "minister").code == "RU"
    assert leader("Lavrov", "2020-01-01", "deputy foreign minister") is None  # another person
    assert leader("Ursula von der Leyen", "2021-01-01", "president").code == "EU"


# -- find_leaders(): running text ----------------------------------------------------------------


def found(text: str, lang: str, when: str | None = "2023-03-01") -> list[tuple[str, str]]:
    return [(m.text, m.hit.code) for m in find_leaders(text, lang, when)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Вчера Путин обсудил с Эрдоганом поставки зерна.", "ru", [("Путин", "RU"), ("Эрдоганом", "TR")]),
        ("Письмо Макрону передал посол.", "ru", [("Макрону", "FR")]),
        ("Зеленський зустрівся з канцлером Шольцом у Берліні.", "uk", [("Зеленський", "UA"), ("Шольцом", "DE")]),
        ("Розмова Зеленського з Байденом тривала годину.", "uk", [("Зеленського", "UA"), ("Байденом", "US")]),
        ("Лукашэнка абмеркаваў з Пуціным пытанні энергетыкі.", "be", [("Лукашэнка", "BY"), ("Пуціным", "RU")]),
        ("Prezydent Duda rozmawiał z Erdoğanem o handlu.", "pl", [("Duda", "PL"), ("Erdoğanem", "TR")]),
        ("Wizyta Putina w Chinach zakończyła się bez Bidena.", "pl", [("Putina", "RU"), ("Bidena", "US")]),
        ("Erdogan and Macron spoke about the grain corridor.", "en", [("Erdogan", "TR"), ("Macron", "FR")]),
        ("ماکرون با اردوغان درباره غلات گفتگو کرد.", "fa", [("ماکرون", "FR"), ("اردوغان", "TR")]),
    ],
)
def test_bare_surnames_in_six_languages(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Заява Кулеби пролунала ввечері.", "uk"),
        ("Слова Кулебе передали по телефону.", "ru"),
        ("Ліст Дудзе даставілі раніцай.", "be"),
        ("Z Dudą rozmawiał minister.", "pl"),
    ],
)
def test_declined_surnames_reach_the_base_form(text: str, lang: str) -> None:
    assert [code for _, code in found(text, lang, "2022-01-01")] == ["UA" if "Кулеб" in text else "PL"]


def test_first_name_joins_the_span_and_tells_people_apart() -> None:
    assert found("Дональд Трамп прилетел в Сеул.", "ru", "2019-06-01") == [("Дональд Трамп", "US")]
    assert found("Затем Кима Чен Ына встретили в Пекине.", "ru", "2019-06-01") == [("Кима Чен Ына", "KP")]
    assert found("Kim later flew to Beijing.", "en", "2019-06-01") == []


def test_a_first_name_that_is_also_a_surname_reads_with_its_surname() -> None:
    assert found("Macky Sall welcomed the delegation in Dakar.", "en", "2020-01-01") == [("Macky Sall", "SN")]


def test_a_base_form_short_of_a_vowel_still_meets() -> None:
    assert leader("Deni Sass-Ngesso", "2025-01-01").code == "CG"


def test_role_words_before_the_first_name_stay_out_of_the_span() -> None:
    text = "Вчера Президент Казахстана Касым-Жомарт Токаев открыл форум."
    assert found(text, "ru", "2023-01-01") == [("Касым-Жомарт Токаев", "KZ")]


def test_the_date_picks_the_office() -> None:
    assert found("Шольц прибыл в Варшаву.", "ru", "2019-01-01") == []
    assert found("Шольц прибыл в Варшаву.", "ru", "2022-06-01") == [("Шольц", "DE")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("In May the two ministers met again.", "en"),
        ("May the talks bring peace.", "en"),
        ("Ban on imports was lifted in June.", "en"),
        ("Brown coal is still burnt in the region.", "en"),
        ("the putin doctrine was discussed", "en"),  # lower case is no name
        ("PUTIN", "en"),  # nor an all-capitals heading word
        ("Мэй вернулась к переговорам.", "ru"),
        ("Россия и Китай подписали соглашение.", "ru"),  # not "Grossi"
        ("The Korean delegation reached the Council after the Trade talks.", "en"),  # Carney, Kinkel, Trudeau
        ("Раней гэта пытанне не абмяркоўвалася.", "be"),  # "earlier", not Rouhani
        ("Кіруючы орган арганізацыі сабраўся ў панядзелак.", "be"),  # a skeleton too short to trust
        ("امروز شیء عجیبی در آسمان دیده شد.", "fa"),
        ("زمان سفر هیئت هنوز معلوم نیست.", "fa"),  # "time", not Zeman
        ("این پیروزی را به مردم مبارک باد گفتند.", "fa"),  # "blessed", not Mubarak
        ("یک روحانی در مراسم سخنرانی کرد.", "fa"),  # "a cleric", not Rouhani
        ("باغ پر از گل بود.", "fa"),  # "flower", not Gül
    ],
)
def test_common_words_are_no_leaders(text: str, lang: str) -> None:
    assert found(text, lang, "2017-01-01") == []


# -- people and events ---------------------------------------------------------------------------


def test_a_bare_surname_becomes_a_person_of_its_state() -> None:
    people = find_people("Зеленський провів переговори з Ердоганом.", "uk", date="2022-03-01", leader_states=True)
    assert [(p.country, p.role) for p in people] == [("UA", "president"), ("TR", "president")]


def test_a_person_found_without_a_state_takes_the_leaders_state() -> None:
    people = find_people("Эммануэль Макрон заявил журналистам о новых мерах.", "ru", date="2021-01-01",
                         leader_states=True)
    assert [(p.name, p.country) for p in people] == [("Эммануэль Макрон", "FR")]


def test_a_state_the_document_gave_wins_over_the_table() -> None:
    known = [(name_keys("Jens Stoltenberg"), frozenset({"jens", "stoltenberg"}), "NO")]
    bare = Person(name="Stoltenberg", latin="Stoltenberg", role=None, country=None)
    assert _known_state(bare, known).country == "NO"
    assert _known_state(Person(name="Макрон", latin="Makron", role=None, country=None), []).country == "FR"
    assert _known_state(Person(name="Tusk", latin="Tusk", role=None, country=None), []).country is None


def test_the_event_gets_the_leaders_state() -> None:
    ms = mentions_of("Президент Зеленський 14 березня 2022 року провів переговори з Ердоганом.", "uk",
                     date="2022-03-15")
    assert any({"UA", "TR"} <= set(m.actors) for m in ms)


def test_the_finder_alone_states_only_what_the_sentence_says() -> None:
    people = find_people("Зеленський провів переговори з Ердоганом.", "uk", date="2022-03-01")
    assert [(p.name, p.role, p.country) for p in people] == [("Зеленський", None, None), ("Ердоган", None, None)]


def test_a_persian_name_resolves_by_its_own_spelling() -> None:
    person = Person(name="ترامپ", latin="Taramp", role=None, country=None)
    assert _known_state(person, [], "2019-01-01").country == "US"
    assert _known_state(person, [], "2023-01-01").country is None  # not in office then


def test_a_surname_with_lower_case_particles_is_found_in_running_text() -> None:
    from bilat.extract.leaders import find_leaders

    (m,) = find_leaders("The President received Ursula von der Leyen in Kyiv.", "en", "2022-06-11")
    assert (m.text, m.hit.code) == ("Ursula von der Leyen", "EU")
