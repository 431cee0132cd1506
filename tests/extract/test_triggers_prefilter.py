"""The trigger prefilter changes nothing: the same triggers as running every regex, always."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bilat.extract.triggers import Screen, find_triggers, lexicon, required_literals

REPO = Path(__file__).resolve().parents[2]
SHARED = next((p / "shared" for p in (REPO.parent, REPO.parent.parent) if (p / "shared").is_dir()),
              REPO.parent / "shared")
CODES = ("be", "ru", "uk", "fa", "en", "pl")

# Sentences written for this test: events, near-misses, negations, and words cut mid-way.
OWN = [
    "The President of Finland paid an official visit to Tallinn on 3 May.",
    "Ministers met with their counterparts and held talks on energy security.",
    "The talks did not take place; the visit was postponed indefinitely.",
    "Poland expelled two Russian diplomats and recalled its ambassador for consultations.",
    "A re-visit of the metal plant was held after the summit-level meeting.",
    "The two leaders spoke by phone and signed a memorandum (MoU) on trade.",
    "Sanctions were lifted, and the embargo on grain was eased.",
    "Министр иностранных дел посетил Анкару с официальным визитом.",
    "Стороны провели переговоры и подписали соглашение о сотрудничестве.",
    "Посол вручил верительные грамоты президенту; визит не состоялся.",
    "Россия выслала дипломатов, объявив их персонами нон грата.",
    "Міністр закордонних справ відвідав Берлін і провів переговори з колегою.",
    "Україна та Польща підписали угоду, а прем'єр-міністр прибув до Варшави.",
    "Посла було викликано до МЗС для консультацій.",
    "Прэзідэнт сустрэўся з паслом і правёў перамовы ў Мінску.",
    "Бакі падпісалі пагадненне аб супрацоўніцтве ў галіне адукацыі.",
    "Міністр прыбыў у Пекін з афіцыйным візітам.",
    "Prezydent złożył wizytę w Kijowie i podpisał umowę o współpracy.",
    "Ministrowie rozmawiali telefonicznie; rozmowy nie przyniosły przełomu.",
    "Ambasador złożył listy uwierzytelniające na ręce prezydenta.",
    "وزیر امور خارجه به مسکو سفر کرد و با همتای خود دیدار کرد.",
    "دو کشور تفاهم‌نامه همکاری امضا کردند.",
    "سفیر استوارنامه خود را تقدیم کرد.",
    "",
    "visit",
    "revisited, visitors, unvisited; meet-and-greet",
    "(визит) «переговоры» —встреча— визиты, визитёр",
]


def _sample_sentences() -> list[str]:
    from bilat.ingest import Document, expand, read
    from bilat.pipeline import normalise

    out = []
    for path in expand([str(REPO / "samples")]):
        for doc in read(path):
            if isinstance(doc, Document):
                d, an = normalise(doc)
                out += [d.text[s:e] for s, e, _, _ in an.sentences]
    return out


def _shared_sentences(per_file: int = 60, head: int = 200_000) -> list[str]:
    """Pieces of text from each corpus file under ../shared/corpora, read at test time."""
    root = SHARED / "corpora"
    out: list[str] = []
    for f in sorted(root.rglob("*")):
        if not f.is_file() or f.suffix.lower() not in {".txt", ".csv", ".tsv", ".json", ".js", ".xml", ".conllu"}:
            continue
        with f.open("rb") as fh:
            text = fh.read(head).decode("utf-8", errors="replace")
        pieces = [p.strip() for p in re.split(r"(?<=[.!?؟])\s+|\n", text) if 10 <= len(p.strip()) <= 600]
        out += pieces[:per_file]
    return out


def _check(sentences: list[str]) -> int:
    """Compare both paths on every sentence in every language; return how many triggers were seen."""
    seen = 0
    for text in sentences:
        low = text.lower()
        for code in CODES:
            want = find_triggers(low, code, prefilter=False)
            assert find_triggers(low, code) == want, (code, text)
            seen += len(want)
    return seen


def test_same_triggers_on_own_sentences() -> None:
    assert _check(OWN) > 20  # the sentences do hold triggers: the comparison is not vacuous


def test_same_triggers_on_samples() -> None:
    sentences = _sample_sentences()
    assert len(sentences) > 50
    assert _check(sentences) > 0


def test_same_triggers_on_shared_corpora() -> None:
    if not (SHARED / "corpora").is_dir():
        pytest.skip("../shared/corpora is not present")
    sentences = _shared_sentences()
    assert sentences
    assert _check(sentences) > 0


def test_every_lexicon_pattern_is_screened() -> None:
    # Not exactness (that is above) but usefulness: each shipped pattern yields literals.
    for code in CODES:
        lex = lexicon(code)
        assert lex is not None and lex.screen is not None
        assert not lex.screen.always, code


def test_required_literals() -> None:
    lits = required_literals(re.compile(r"(?<!\w)(?:visit\w*|met (?:\S+ ){0,3}?with)"))
    assert lits is not None and set(lits) == {"visit", "met "}
    # A fixed run is joined across an optional group and a small class.
    assert required_literals(re.compile(r"был[аои]? выслан")) == ("был выслан", "была выслан", "были выслан",
                                                                 "было выслан")
    # A branch with nothing literal, case-insensitive matching, or an optional whole: give up.
    assert required_literals(re.compile(r"visit|\w+")) is None
    assert required_literals(re.compile(r"visit", re.IGNORECASE)) is None
    assert required_literals(re.compile(r"(?i:visit)")) is None
    assert required_literals(re.compile(r"(?i:visit)ed")) == ("ed",)  # the rest of it still counts
    assert required_literals(re.compile(r"\w+ed")) == ("ed",)
    assert required_literals(re.compile(r"(?:visit)?\w+")) is None
    # "talk" covers "talks".
    assert required_literals(re.compile(r"talks|talk")) == ("talk",)


TRICKY = {
    "anchored": r"(?<!\w)(?:visit\w*|(?:посетил|прибыл)\w* (?:\S+ ){0,3}?в )",
    "inner": r"summit|(?:\w+ )?talks? on",
    "optional": r"(?<!\w)(?:был[аои]? )?выслан\w*",
    "class": r"[вк]о? встреч[еиу]",
    "lookahead": r"(?=met)me(?!\w)|signed\b",
    "repeat": r"(?:ab){2}c|x+yz",
    "case": r"(?i:Visit)",
    "case_tail": r"(?i:Visit)ed",
    "hyphen": r"(?<!\w)re-visit",
}


def test_screen_never_drops_a_match() -> None:
    """Random strings over pieces of the patterns: whenever a pattern matches, the screen lets it run."""
    compiled = {k: re.compile(v) for k, v in TRICKY.items()}
    screen = Screen.build(compiled)
    assert "case" in screen.always and "anchored" not in screen.always
    pieces = ["visit", "visits", "re-", "re", "-", " ", "посетил", "прибыл", "в ", "был", "а", "выслан", "ы",
              "во ", "ко ", "встрече", "summit", "talk", "s", " on", "met", "me", "signed", "ab", "c", "x", "yz",
              "Visit", "ed", "(", "»", "1", "ё"]
    rng = random.Random(7)
    matched = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        can = screen.candidates(text)
        for name, rx in compiled.items():
            if rx.search(text):
                matched += 1
                assert name in can, (name, text)
    assert matched > 1000


def test_screen_skips_what_cannot_match() -> None:
    screen = Screen.build({"visit": re.compile(r"(?<!\w)visit\w*"), "talks": re.compile(r"(?<!\w)talks")})
    assert screen.candidates("they revisited it") == set()  # "visit" is there, but not at a word start
    assert screen.candidates("a re-visit, then talks") == {"visit", "talks"}


def _candidates_ungated(screen: Screen, low: str) -> set[str]:
    """``Screen.candidates`` as it was before the gate patterns: every literal tested one by one."""
    out = set(screen.always)
    for lit, names in screen.unkeyed:
        if lit in low:
            out |= names
    for key in screen.keys.intersection({w[:3] for w in re.findall(r"\w+", low)}):
        for lit, names in screen.keyed[key]:
            if lit in low:
                out |= names
    return out


def test_gates_change_no_candidates() -> None:
    """A word start with many literals, and the unkeyed literals, are first tried as one pattern:
    the candidates stay the same, on strings that hold one literal, several, or pieces of them."""
    words = ["concluded", "continued", "continues", "convened", "consultations", "conference", "contacts",
             "concluding", "consulted", "conversation"]
    patterns = {w: re.compile(rf"(?<!\w){w}(?!\w)") for w in words}
    patterns |= {"inner": re.compile(r"talks? on"), "visit_to": re.compile(r"visits? to ")}
    screen = Screen.build(patterns)
    assert "con" in screen.gates and "" in screen.gates
    pieces = [*words, "con", "cont", "tinued", "talk", "s", " on", "visit", " to ", " ", "-", "x", "ё", "(", "1"]
    rng = random.Random(11)
    hits = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        want = _candidates_ungated(screen, text)
        assert screen.candidates(text) == want, text
        hits += bool(want)
    assert hits > 1000
    for code in CODES:  # and the shipped lexicons, on the sentences written above
        sc = lexicon(code).screen
        for text in OWN:
            assert sc.candidates(text.lower()) == _candidates_ungated(sc, text.lower()), (code, text)
