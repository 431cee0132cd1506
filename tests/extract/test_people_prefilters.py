"""The shortcuts of the people finder give what the plain searches gave: the role prefilter, the
patterns that find capitalised words, the soft spelling, the transliteration shortcut and the
memo of find_people. Each test would fail if a shortcut dropped (or added) a match."""

from __future__ import annotations

import itertools
import re

import pytest

from bilat.extract import leaders as leaders_module
from bilat.extract.people import _Sentence, find_people
from bilat.extract.people_rules import _BARE_PIECE, _PIECE, _role_at
from bilat.extract.translit import to_latin

# sentences written for these tests: role phrases at the start, inside and at the end, with
# modifiers ("deputy", "first deputy"), the domain alternation before its role word ("trade
# minister", "energy secretary"), a role with lookbehinds ("opposition leader" is none) and
# words that only look like roles
ROLE_SENTENCES = [
    ("en", "The foreign minister of Norway met the Prime Minister of Sweden and the trade minister."),
    ("en", "Deputy Foreign Minister Anna Berg and the energy secretary spoke to the ambassador."),
    ("en", "The opposition leader and the party leader met the leader of Chile, the king and the queen."),
    ("en", "Secretary of State Tom Hill, the state secretary at the foreign ministry, and a lawmaker."),
    ("en", "Ministers, ministries and administrators: no role here, nor in kingdom or envoys."),
    ("en", "The chargé d'affaires a.i. of Peru and the vice minister of health, an undersecretary."),
    ("ru", "Министр иностранных дел Литвы встретился с заместителем министра обороны и послом Чили."),
    ("ru", "Первый заместитель председателя правительства и премьер-министр Перу провели переговоры."),
    ("uk", "Міністр закордонних справ Польщі та посол Чилі обговорили візит президента."),
    ("be", "Міністр замежных спраў Літвы і пасол Перу абмеркавалі візіт прэзідэнта."),
    ("pl", "Minister spraw zagranicznych Litwy i wiceminister obrony spotkali ambasadora Peru."),
    ("fa", "وزیر امور خارجه نروژ با سفیر شیلی و رئیس جمهور پرو دیدار کرد."),
]


def _roles_everywhere(s: _Sentence) -> list[tuple[int, int, str]]:
    """The role search without the prefilter: a try at every word start."""
    out, end = [], 0
    for m in re.finditer(r"(?<!\w)[^\W\d_]", s.text):
        if m.start() < end:
            continue
        role = _role_at(s.r, s.text, m.start())
        if role is not None:
            out.append((role.start, role.end, role.label))
            end = role.end
    return out


@pytest.mark.parametrize(("lang", "text"), ROLE_SENTENCES)
def test_role_prefilter_keeps_every_role(lang: str, text: str) -> None:
    s = _Sentence(text, lang, [])
    want = _roles_everywhere(s)
    assert [(r.start, r.end, r.label) for r in s.roles()] == want
    # the prefilter matches wherever a role starts (it may match more, never less)
    for start, _, _ in want:
        assert s.r.starts.match(text, start) is not None


def test_role_prefilter_sentences_do_hold_roles() -> None:
    found = {(lang, text[a:b], lbl) for lang, text in ROLE_SENTENCES
             for a, b, lbl in _roles_everywhere(_Sentence(text, lang, []))}
    labels = {lbl for *_, lbl in found}
    assert {"foreign minister", "prime minister", "ambassador", "king", "deputy foreign minister"} <= labels
    # the domain before its role word, and a role behind lookbehinds ("opposition leader" is none)
    assert {("en", "trade minister", "minister of {domain}"), ("en", "energy secretary", "minister of {domain}"),
            ("en", "leader", "leader")} <= found
    assert sum(1 for lang, phrase, _ in found if phrase == "leader") == 1


TRICKY = [
    "Putin, Ursula von der Leyen and VON DER LEYEN met van Rompuy; de Gaulle's heir O'Neill-Smith spoke.",
    "В.В.Путин и С.Лавров, а также А. Б. Иванов и ИВАНОВ прибыли в Санкт-Петербург.",
    "x-Ray 5Putin _Macron ²Abe ①Kim l'Hôte d’Estaing İstanbul ǅemal ΣΑΣ Σας",
    "Name\u00a0Surname и\u200cИмя, 'Quoted' - Dash-Joined -Lead trail- A.B.C. a.B.",
    "«Лукашенко» (Зеленский) [Токаев] — Эрдоган: Макрон…Шольц",
]


def _pieces_everywhere(text: str) -> list[tuple[int, int]]:
    """What bare() looked at before: every _PIECE, kept when it opens with a capital not after a
    letter, digit or point."""
    out = []
    for m in _PIECE.finditer(text):
        s = m.start()
        if text[s].isupper() and not (s and (text[s - 1].isalnum() or text[s - 1] == ".")):
            out.append(m.span())
    return out


def _runs_everywhere(text: str) -> list[list[tuple[int, int]]]:
    """leaders._runs as it was: every word looked at."""
    runs: list[list[re.Match[str]]] = []
    cur: list[re.Match[str]] = []
    cap = leaders_module._capitalised
    for m in leaders_module._WORD.finditer(text):
        w = m.group()
        if not cur and not cap(w):
            continue
        joined = cur and not text[cur[-1].end() : m.start()].strip(" \u00a0")
        if cap(w) or (w.lower() in leaders_module._PARTICLES and joined):
            if cur and not joined:
                runs.append(cur)
                cur = []
            cur.append(m)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    runs = [r[: max(i + 1 for i, m in enumerate(r) if cap(m.group()))] for r in runs]
    return [[m.span() for m in r] for r in runs]


def _texts() -> list[str]:
    """The tricky sentences, and every short string of tricky pieces (names, particles, joiners)."""
    bits = ["Putin", "von", "der", "VON", "Le", "x", "П.", "д", "-", "'", "\u200c", " ", "\u00a0", ",", ".", "5"]
    return TRICKY + ["".join(p) for p in itertools.product(bits, repeat=3)]


def test_capitalised_piece_pattern_finds_the_same_pieces() -> None:
    for text in _texts():
        got = [c.span() for c in _BARE_PIECE.finditer(text) if text[c.start()].isupper()]
        assert got == _pieces_everywhere(text), text


def test_capitalised_word_runs_are_the_same() -> None:
    for text in _texts():
        assert [[m.span() for m in r] for r in leaders_module._runs(text)] == _runs_everywhere(text), text
    first = [[m.group() for m in r] for r in leaders_module._runs(TRICKY[0])]
    assert first[:2] == [["Putin"], ["Ursula", "von", "der", "Leyen"]]


def _soft_by_patterns(flat: str) -> str:
    """The soft spelling as first written (regular expressions throughout)."""
    w = re.sub(r"(?<=[lrnt])z$", "ts", re.sub(r"c(?![hzs])", "k", flat.replace("sch", "sh")))
    for a, b in leaders_module._FOLD:
        w = w.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", w.translate(str.maketrans({"o": "a", "e": "i", "y": "i", "j": "i"})))


def test_soft_spelling_is_unchanged() -> None:
    words = ["scholz", "sholts", "makron", "macron", "lukaszenko", "dzhabbarov", "kachchee", "zz", "", "c",
             "schz", "lz", "tz", "aaab", "jozef", "wqq", "cch", "ksenia", "phillippe"]
    words += ["".join(p) for p in itertools.product("czhsotj", repeat=4)]
    for w in words:
        assert leaders_module._soft.__wrapped__(w) == _soft_by_patterns(w), w


@pytest.mark.parametrize(("word", "lang", "latin"), [
    # written with the transliteration before its shortcut for one-letter sources
    ("Дзяржынскі", "be", "Dziarzhynski"), ("ДЖУЛЬЕТТА", "be", "DZHULYETTA"), ("Джон", "be", "Dzhon"),
    ("Зграя", "uk", "Zghraya"), ("Ялта", "ru", "Yalta"), ("ЯЛТА", "ru", "YALTA"),
    ("Лавровского", "ru", "Lavrovskogo"), ("Достоевский", "ru", "Dostoyevsky"), ("Шевчук", "uk", "Shevchuk"),
    ("Ирина", "uk", "Yryna"), ("Ілля", "be", "Illia"), ("Łukaszenko", "pl", "Lukaszenko"),
    ("ЖУК", "ru", "ZHUK"), ("Ёлкин", "ru", "Yolkin"), ("کریمی", "fa", "Karimi"), ("پرز", "fa", "Perez"),
])
def test_transliteration_with_longer_sources(word: str, lang: str, latin: str) -> None:
    assert to_latin(word, lang) == latin


def test_find_people_memo_returns_a_fresh_list() -> None:
    text = "Министр иностранных дел Литвы Ландсбергис Г.Р. прибыл в Хельсинки."
    first = find_people(text, "ru")
    assert first and first[0].role == "foreign minister"
    first.clear()  # a caller may change its list: the next call is not affected
    again = find_people(text, "ru")
    assert again and again == find_people(text, "ru")
    assert again is not find_people(text, "ru")
