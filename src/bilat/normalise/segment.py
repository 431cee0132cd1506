"""Paragraph and sentence segmentation: rules driven by each language's data.

A line break always ends a sentence. Inside a line, a sentence ends at a run of
``sentence_end`` characters (lang.toml) followed by whitespace, unless the
next word is lowercase or the period belongs to an initial ("В.", "J."), a
dotted acronym ("U.S.", "т.е."), an abbreviation (abbreviations.txt), a
decimal number or, where ``ordinal_dot`` is set, an ordinal ("5. Mai").
"""

from __future__ import annotations

import re
from functools import cache

from bilat.normalise.profile import Profile, profile

# Line breaks as str.splitlines knows them.
BREAKS = "\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"
# A line without its surrounding whitespace.
LINE = re.compile(r"\S(?:[^" + BREAKS + r"]*\S)?")

CLOSERS = "\"'»”’)]}"
OPENERS = "\"'«„“‘([{—–-"
# Pieces with fewer letters than this are not sentences ("1 .", ")"): they join their neighbour.
MIN_LETTERS = 2
# Dotted acronyms and initials are made of short pieces: "U.S", "В.В", "т.е", "بي.بي.سي", "U.S.A".
MAX_ACRONYM_PIECE = 3
# A wiki language marker or an abbreviation in an open parenthesis: "(бел. ", "(англ. Foreign Office)".
MAX_PAREN_WORD = 8
# The longest sentence: a longer run of text without a sentence end is cut at spaces.
MAX_SENTENCE = 2_000
# "В декабре 2019 г. Министр ... посетил": a date this short opens its sentence rather than ending one.
MIN_WORDS_BEFORE_YEAR_END = 5

#: MIN_LETTERS letters, with anything between them (found without counting every letter of a long piece)
_ENOUGH_LETTERS = re.compile(r"[^\W\d_](?:[\W\d_]*[^\W\d_]){" + str(MIN_LETTERS - 1) + "}")
_WORD = re.compile(r"[^\W\d_]+")
_YEAR = re.compile(r"[(\[]?\d{4}(?:[-–—]\d{2,4})?")

_UPPER, _LOWER, _DIGIT, _UNCASED, _OTHER, _NONE = range(6)


@cache
def _end_pattern(chars: str) -> re.Pattern[str]:
    """A run of sentence-end characters, closing quotes or brackets, then whitespace or the end."""
    return re.compile("[" + re.escape(chars) + "]+[" + re.escape(CLOSERS) + r"]*(?=\s|$)")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of ``text``, without surrounding whitespace."""
    return [m.span() for m in LINE.finditer(text)]


def _next_kind(text: str, i: int, end: int) -> int:
    """The case of the next word after position ``i``, past spaces and opening punctuation."""
    while i < end and (text[i].isspace() or text[i] in OPENERS):
        i += 1
    if i >= end:
        return _NONE
    c = text[i]
    if c.isdigit():
        return _DIGIT
    if c.islower():
        return _LOWER
    if c.isupper():
        return _UPPER
    return _UNCASED if c.isalpha() else _OTHER


def _caps_word(text: str, i: int, end: int) -> bool:
    """Whether the next word is written in capitals: an acronym ("США", "EU"), not a sentence start."""
    m = _WORD.search(text, i, min(end, i + 40))
    return m is not None and len(m.group()) > 1 and m.group().isupper()


def _token_start(text: str, i: int, start: int) -> int:
    """Where the whitespace-free token that ends at ``i`` begins."""
    while i > start and not text[i - 1].isspace():
        i -= 1
    return i


def _after_year(text: str, i: int, start: int) -> bool:
    """Whether the token before position ``i`` (a token start) is a year: "1996 г."."""
    j = i
    while j > start and text[j - 1].isspace():
        j -= 1
    k = _token_start(text, j, start)
    return k < j and _YEAR.fullmatch(text, k, j) is not None


def _is_acronym(word: str) -> bool:
    """Dotted initials or acronym: "U.S", "В.В", "т.е", "بي.بي.سي"."""
    pieces = word.split(".")
    if len(pieces) < 2 or not all(p.isalpha() for p in pieces):
        return False
    if all(len(p) <= 2 for p in pieces):
        return True
    return all(len(p) <= MAX_ACRONYM_PIECE and not p.islower() and not p[1:].islower() for p in pieces)


def _splits(text: str, m: re.Match[str], start: int, end: int, prof: Profile, sentence: int) -> bool:
    """Whether the sentence-end run ``m`` ends the sentence that begins at ``sentence``."""
    nxt = _next_kind(text, m.end(), end)
    if nxt == _LOWER:
        return False
    run = m.group()
    if "." not in run or "..." in run:
        return True
    t = _token_start(text, m.start(), start)
    raw = text[t : m.start()]
    word = raw.lstrip(OPENERS)
    if not word:
        return True  # a period after a space: "Мірончыкам ."
    if raw.startswith("(") and ")" not in raw and len(word) <= MAX_PAREN_WORD and word.isalpha():
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Б. Брэндэ", "J. F. Kennedy"
    last = word.rsplit(".", 1)[-1]
    abbr = word if word in prof.abbreviations else last if last in prof.abbreviations else None
    if abbr is None and _is_acronym(word):
        return False
    if abbr is not None:
        capital = nxt in (_UPPER, _UNCASED)
        if abbr in prof.may_end and capital and _after_year(text, t, start):
            # "посетил Финляндию в марте 2004 г. Министр ..."
            return len(text[sentence : m.start()].split()) >= MIN_WORDS_BEFORE_YEAR_END
        if nxt in (_DIGIT, _UNCASED) or _caps_word(text, m.end(), end):
            return False  # "г. 1996", "дол. США"
        return not (abbr in prof.before_names and nxt in (_UPPER, _OTHER))
    # "am 5. Mai": where ordinal_dot is set, a short number before a period is an ordinal.
    return not (word.isdigit() and prof.ordinal_dot and len(word) <= 2)


def _join_scraps(pieces: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Pieces without enough letters joined to the sentence before (or after) them."""
    out: list[tuple[int, int]] = []
    pending: int | None = None
    for s, e in pieces:
        if _ENOUGH_LETTERS.search(text, s, e) is None:
            if out:
                out[-1] = (out[-1][0], e)
            elif pending is None:
                pending = s
            continue
        if pending is not None:
            s, pending = pending, None
        out.append((s, e))
    if pending is not None:
        out.append((pending, pieces[-1][1]))
    return out


def sentences(text: str, start: int, end: int, lang: str | None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, without surrounding whitespace."""
    prof = profile(lang)
    pattern = _end_pattern(prof.sentence_end)
    out: list[tuple[int, int]] = []
    for line in LINE.finditer(text, start, end):
        ls, le = line.span()
        pieces = []
        cur = ls
        for m in pattern.finditer(text, ls, le):
            if m.end() >= le or not _splits(text, m, ls, le, prof, cur):
                continue
            pieces.append((cur, m.end()))
            cur = m.end()
            while text[cur].isspace():
                cur += 1
        pieces.append((cur, le))
        for s, e in _join_scraps(pieces, text) if len(pieces) > 1 else pieces:
            out.extend(_bounded(text, s, e))
    return out


def _bounded(text: str, start: int, end: int, most: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """A span cut at spaces into pieces of at most ``most`` characters: a "sentence" longer than any
    real one (a page with no sentence end) would make extraction slow, since its cost grows with the
    square of the acts one sentence names."""
    out: list[tuple[int, int]] = []
    while end - start > most:
        cut = text.rfind(" ", start + most // 2, start + most)
        cut = cut if cut > start else start + most
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append((start, end))
    return out
