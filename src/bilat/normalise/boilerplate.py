"""Boilerplate flagging: navigation boxes, wiki interlanguage markers, footnote numbers.

Navigation is whole lines; the two markers are inline and leave their sentence
as it is (extraction skips them).
"""

from __future__ import annotations

import re
from functools import cache

from bilat import lang as langdata
from bilat.records import Span

# Separators of navigation items ("Азербайджан • ", "Home | News | Contact").
BULLETS = "•·|‧∙⋅◦▪►"
# A navigation item is short: a name, not a clause.
MAX_ITEM_CHARS = 60
MAX_ITEM_WORDS = 6
# A run needs this many lines, most of them with a bullet.
MIN_RUN_LINES = 3
MIN_RUN_BULLETS = 2
# Short lines without a bullet allowed inside a run (a group's last item, a group title).
MAX_PLAIN_INSIDE = 2
# A one-line bar needs this many items ("A | B | C | D").
MIN_BAR_ITEMS = 4

_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
_SPLIT = re.compile("[" + re.escape(BULLETS) + "]")
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[.!?…؟:;]\s*$")

# "(руск.) (бел." / "(англ.) (бел. " / "(укр.) (бел..": what a wiki "not translated" template leaves.
_INTERLANGUAGE = re.compile(r"\(([^\W\d_]{1,8})\.\)(?:[ \t]*\(([^\W\d_]{1,8})\.{1,2}\)?)?")
# "арганізацыі 2 ." / "2020 3  гадах": a 1-3 digit number alone, then two spaces or " ." / " ,".
# (Group 1; the pattern opens with the space, which lets ``re`` skip to the spaces of a text.)
_FOOTNOTE = re.compile(r" (?<=\S )(\d{1,3})(?= {2}| [.,](?!\d))")

_BULLET, _PLAIN, _OTHER = 0, 1, 2


def _is_item(text: str) -> bool:
    """Whether a piece of a line reads as a navigation item: short, with letters."""
    text = text.strip()
    return 0 < len(text) <= MAX_ITEM_CHARS and len(text.split()) <= MAX_ITEM_WORDS and _LETTER.search(text) is not None


def _kind(line: str) -> int:
    """A line's role in a navigation run: bullet item, plain short line, or other."""
    if _SPLIT.search(line):
        parts = [p for p in _SPLIT.split(line) if p.strip()]
        return _BULLET if parts and all(_is_item(p) for p in parts) else _OTHER
    if _is_item(line) and not _SENTENCE_END.search(line):
        return _PLAIN
    return _OTHER


def _bar(line: str) -> bool:
    """Whether a single line is a navigation bar of several bullet-separated items."""
    parts = [p for p in _SPLIT.split(line) if p.strip()]
    return len(parts) >= MIN_BAR_ITEMS and all(_is_item(p) and not re.search(r"\d", p) for p in parts)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` moved inwards past whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _runs(lines: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Index ranges of the navigation runs in consecutive classified lines."""
    runs = []
    i = 0
    while i < len(lines):
        if lines[i][2] != _BULLET:
            i += 1
            continue
        j = i
        last = i  # the last line that belongs to the run
        bullets = 0
        plain = 0
        while j < len(lines):
            kind = lines[j][2]
            if kind == _BULLET:
                bullets += 1
                plain = 0
                last = j
            elif kind == _PLAIN and plain < MAX_PLAIN_INSIDE:
                plain += 1
                if plain == 1:
                    last = j  # a group's closing item has no bullet
            else:
                break
            j += 1
        if last - i + 1 >= MIN_RUN_LINES and bullets >= MIN_RUN_BULLETS:
            runs.append((i, last))
        i = last + 1
    return runs


def navigation(text: str) -> list[Span]:
    """Navigation boxes: runs of short bullet-separated lines, and one-line bars."""
    spans = []
    block: list[tuple[int, int, int]] = []

    def close() -> None:
        covered = set()
        for i, j in _runs(block):
            spans.append(Span(block[i][0], block[j][1], "navigation"))
            covered.update(range(i, j + 1))
        for i, (start, end, kind) in enumerate(block):
            if kind == _BULLET and i not in covered and _bar(text[start:end]):
                spans.append(Span(start, end, "navigation"))
        block.clear()

    pos = 0
    for m in _LINE.finditer(text):
        start, end = _stripped(text, m.start(), m.end())
        # A blank line, or a line break beyond the one ending the previous line, closes a block.
        if start == end or text.count("\n", pos, m.start()) > 1:
            close()
        pos = m.end()
        if start == end:
            continue
        line = text[start:end]
        kind = _kind(line)
        if kind == _OTHER:
            close()
            continue
        block.append((start, end, kind))
    close()
    return sorted(spans, key=lambda s: s.start)


def interlanguage(text: str) -> list[Span]:
    """Markers of untranslated wiki links: "(руск.) (бел.", "(англ.) (бел. "."""
    spans = []
    for m in _INTERLANGUAGE.finditer(text):
        if not m.group(1).islower():
            continue
        end = m.end() if m.group(2) is None or m.group(2).islower() else m.end(1) + 2
        spans.append(Span(m.start(), end, "interlanguage"))
    return spans


def footnotes(text: str) -> list[Span]:
    """Footnote numbers left in the text: "арганізацыі 2 .", "2020 3  гадах"."""
    return [Span(m.start(1), m.end(1), "footnote") for m in _FOOTNOTE.finditer(text)]


# How far a "see also" list reaches.
SEE_ALSO_REACH = 300
# a link title ends with its full date ("13 марта 2025 года", "13 March 2025"); a bare year is the text's
_YEAR_WORDS = re.compile(r"\b\d{1,2}\s+[^\W\d_]+\s+(?:1[89]|20)\d\d\b(?:\s*(?:года|г\.|року|р\.|roku|r\.))?")


@cache
def _see_also() -> re.Pattern[str] | None:
    forms = {w for code in langdata.available() for w in langdata.toml(code).get("see_also", [])}
    if not forms:
        return None
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))


def see_also(text: str) -> list[Span]:
    """Inline "see also" link lists ("Смотрите также Пресс-конференция по итогам визита … 2 июня 2024 года"):
    from the marker to the last year within reach (the titles' dates), or to the line's end."""
    rx = _see_also()
    if rx is None:
        return []
    spans = []
    for m in rx.finditer(text):
        window = text[m.end() : m.end() + SEE_ALSO_REACH]
        # the list ends by the line's end or the next sentence's full stop ("… в 1985 году." is the text's)
        cut = re.search(r"[\n.!?]", window)
        window = window if cut is None else window[: cut.start()]
        years = list(_YEAR_WORDS.finditer(window))
        end = m.end() + (years[-1].end() if years else len(window))
        spans.append(Span(m.start(), end, "see_also"))
    return spans


def flag(text: str) -> list[Span]:
    """All flagged spans of ``text``, ordered by start."""
    spans = navigation(text) + interlanguage(text) + footnotes(text) + see_also(text)
    return sorted(spans, key=lambda s: (s.start, s.end))
