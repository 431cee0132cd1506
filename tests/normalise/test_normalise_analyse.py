"""analyse: paragraph languages, boilerplate sentences and flagged spans over stored text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilat.normalise import Analysis, analyse

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"

MIXED = (
    "Міністр замежных спраў Беларусі сустрэўся з паслом Нарвегіі ў Мінску.\n"
    "Бакі абмеркавалі пытанні двухбаковага гандлю і інвестыцый.\n"
    "\n"
    "The ministers also discussed cooperation in education and culture.\n"
    "Коротко\n"
    "Министр иностранных дел России провёл переговоры с коллегой из Норвегии.\n"
)


def test_analyse_mixed_language_paragraphs() -> None:
    a = analyse(MIXED)
    langs = [(MIXED[p.start : p.end].split()[0], p.lang) for p in a.paragraphs]
    assert langs == [("Міністр", "be"), ("Бакі", "be"), ("The", "en"), ("Коротко", "be"), ("Министр", "ru")]
    assert a.lang == "be"


def test_analyse_offsets_index_the_text() -> None:
    a = analyse(MIXED)
    assert isinstance(a, Analysis)
    for start, end, lang, boilerplate in a.sentences:
        assert MIXED[start:end] == MIXED[start:end].strip() != ""
        assert lang is not None and not boilerplate
    assert [s for s, *_ in a.sentences] == sorted(s for s, *_ in a.sentences)


def test_analyse_navigation_sentences_are_boilerplate() -> None:
    text = (
        "Амбасадар перадаў копіі грамат намесніку міністра  (англ.) (бел. 2 .\n"
        "Аўстрыя • \nБельгія • \nВенгрыя\nДанія • \nІталія\n"
    )
    a = analyse(text)
    flagged = {(s, e): bp for s, e, _, bp in a.sentences}
    nav = [text[s:e] for (s, e), bp in flagged.items() if bp]
    assert nav == ["Аўстрыя •", "Бельгія •", "Венгрыя", "Данія •", "Італія"]
    assert {s.kind for s in a.spans} == {"navigation", "interlanguage", "footnote"}
    assert [p.boilerplate for p in a.paragraphs] == [False] + [True] * 5
    # markers do not make their sentence boilerplate
    assert not a.sentences[0][3]


def test_analyse_short_text_uses_hint() -> None:
    assert analyse("Мінск", lang_hint="be").lang == "be"
    assert analyse("").lang is None
    assert analyse("").sentences == ()


def test_analyse_short_paragraphs_alone() -> None:
    a = analyse("Министр прибыл.\nВстреча прошла.")
    assert a.lang == "ru"
    assert {p.lang for p in a.paragraphs} == {"ru"}


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    if not SEEDS.is_dir():
        pytest.skip("no shared seeds here")
    found = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("00[0-2]_*.txt"))}
    if len(found) < 3:
        pytest.skip("seeds 000-002 are not all there")
    return found


def test_analyse_seeds(seeds: dict[str, str]) -> None:
    expected = {"000": "be", "001": "ru", "002": "fa"}
    for key, lang in expected.items():
        text = seeds[key]
        a = analyse(text)
        assert a.lang == lang, key
        for start, end, _, boilerplate in a.sentences:
            sentence = text[start:end]
            # no sentence ends right after an initial such as "В." or "Д."
            assert not re.search(r"(?:^|[\s.(])[А-ЯЁІЎЄЇҐA-Z]\.$", sentence), sentence
            if re.fullmatch(r"[^\n•]+ •", sentence):
                assert boilerplate, sentence
    be = seeds["000"]
    bullets = [m.start() for m in re.finditer(r"(?m)^[^\n•]+ • *$", be)]
    assert bullets
    inside = [s for s in analyse(be).spans if s.kind == "navigation"]
    assert all(any(n.start <= b < n.end for n in inside) for b in bullets)


def test_analyse_document_language_weighs_paragraphs_by_letters() -> None:
    # the first language found is not the document's when another holds more letters
    text = (
        "The delegation arrived in the capital on Monday.\n"
        "Министр иностранных дел провёл переговоры с коллегой, стороны обсудили торговлю, инвестиции, "
        "образование и культуру, а также подписали несколько соглашений о сотрудничестве.\n"
    )
    a = analyse(text)
    assert [p.lang for p in a.paragraphs] == ["en", "ru"]
    assert a.lang == "ru"
    assert analyse(text.split("\n")[0]).lang == "en"


@given(st.text(alphabet=st.sampled_from("aбج1_ .,-\u0301\n"), max_size=60), st.integers(0, 5), st.integers(0, 5))
def test_analyse_enough_letters_is_the_count(text: str, cut_start: int, cut_end: int) -> None:
    from bilat.normalise import _ENOUGH_LETTERS, MIN_LETTERS
    from bilat.normalise.text import letter_count

    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    found = _ENOUGH_LETTERS.match(text, start, end) is not None
    assert found == (letter_count(text, start, end) >= MIN_LETTERS)
