"""A document's search terms, computed where the document is analysed, so the writer only appends them.

The full-text table (``bilat.store.query``) holds each distinct lower-cased word of every sentence
that is not boilerplate, and of the title (sentence -1), split where DuckDB's ``lower`` and
``regexp_split_to_array(…, query.SPLIT)`` split it: that is how the store indexes a text itself,
and how it splits a query. This module gives the same terms without DuckDB, for texts whose every
character lies in ``RANGES`` (Latin, Cyrillic, Arabic script, punctuation, symbols such as №).
Over those characters Python's ``str.lower`` and the Unicode letter/digit/mark classes agree with
DuckDB's, one character at a time (tests/normalise/test_normalise_terms.py checks each of them
against DuckDB). Left out: Greek (Python lower-cases a final sigma by context), ``İ`` (it
lower-cases to two characters), ``Ⱥ``, ``Ⱦ`` and ``Ω`` (their lower case lies outside). Any other
text gets None, and the store indexes it with DuckDB as before.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

#: the code points whose lower-casing and word classes are checked against DuckDB's
RANGES = ((0x0001, 0x012F), (0x0131, 0x0239), (0x023B, 0x023D), (0x023F, 0x036F), (0x0400, 0x052F),
          (0x0600, 0x06FF), (0x200B, 0x206F), (0x20A0, 0x20C0), (0x2100, 0x2125), (0x2127, 0x23FF),
          (0x2460, 0x27BF), (0xFEFF, 0xFEFF))
MAX_LEN = 64  # longer "words" (a URL's run of letters) are not indexed

_CHARS = [chr(c) for lo, hi in RANGES for c in range(lo, hi + 1)]
_OUTSIDE = re.compile("[^" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in RANGES) + "]")
_WORD_CHARS = re.escape("".join(c for c in _CHARS if unicodedata.category(c)[0] in "LNM"))
#: what separates words: anything but a letter, digit or mark (query.SPLIT, over RANGES)
_SPLIT = re.compile("[^" + _WORD_CHARS + "]+")
#: a word: what lies between two separators (found directly: no empty pieces to drop)
_WORD = re.compile("[" + _WORD_CHARS + "]+")


def covered(text: str) -> bool:
    """Whether every character of ``text`` lies in ``RANGES``."""
    return _OUTSIDE.search(text) is None


def words(text: str) -> list[str]:
    """The distinct lower-cased words of ``text``, in order, as the store indexes them (``text`` covered)."""
    found = list(dict.fromkeys(_WORD.findall(text.lower())))
    if found and max(map(len, found)) > MAX_LEN:  # rare: most texts have no word to drop
        return [w for w in found if len(w) <= MAX_LEN]
    return found


def search_terms(text: str, sentences: Sequence[tuple[int, int, str | None, bool]],
                 title: str | None) -> tuple[tuple[int, str], ...] | None:
    """The search terms of a document: (sentence index, its distinct words joined by newlines), title -1;
    None when its text or title has a character outside ``RANGES`` (the store indexes it itself)."""
    if not covered(text) or (title is not None and not covered(title)):
        return None
    out = [(i, "\n".join(ws)) for i, (s, e, _, boilerplate) in enumerate(sentences)
           if not boilerplate and (ws := words(text[s:e]))]
    if title is not None and (ws := words(title)):
        out.append((-1, "\n".join(ws)))
    return tuple(out)
