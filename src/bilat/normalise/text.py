"""Text cleanup: the stored form (NFC) and a same-length view for matching.

``norm_view`` maps one character to one character, so an offset found in the
view is the same offset in the stored text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Letter variants: Arabic yeh and alef maksura, Arabic kaf -> the Persian letters.
_LETTERS = {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u066b": "."}

_NON_LETTERS = re.compile(r"[\W\d_]+")


class _ViewTable(dict[int, int]):
    """A translation table filled on first sight of each code point (all of Unicode is too big)."""

    def __missing__(self, code: int) -> int:
        char = chr(code)
        if char in _LETTERS:
            out = _LETTERS[char]
        elif (digit := unicodedata.decimal(char, None)) is not None:
            out = str(digit)
        elif unicodedata.category(char) == "Zs":
            out = " "
        else:
            out = char
        self[code] = ord(out)
        return self[code]


_TABLE = _ViewTable({c: c for c in range(128)})


def nfc(text: str) -> str:
    """The text in Unicode NFC, the form bilat stores."""
    return unicodedata.normalize("NFC", text)


#: what the view may change, found without the table: a letter variant, a digit other than 0-9, a
#: space other than ASCII's (every Zs is whitespace). ASCII is always kept.
_MAYBE_CHANGED = re.compile(r"[^\S\x00-\x7f]|[^\D0-9]|[" + "".join(_LETTERS) + "]")


@cache
def _changes() -> re.Pattern[str]:
    """``_MAYBE_CHANGED`` as one class of the Basic Multilingual Plane's characters, which ``re`` tests
    by a bitmap (the three classes above are slow to search), plus every character beyond it."""
    chars = [chr(c) for c in range(0x80, 0x10000) if _MAYBE_CHANGED.match(chr(c))]
    return re.compile("[" + "".join(map(re.escape, chars)) + "\U00010000-\U0010ffff]")


def norm_view(text: str) -> str:
    """A same-length view of ``text`` for matching: letter variants, digits and spaces unified."""
    # Most texts (and every view) hold nothing to change: a search in C instead of a lookup a character.
    if text.isascii() or _changes().search(text) is None:
        return text
    return text.translate(_TABLE)


def letter_count(text: str, start: int = 0, end: int | None = None) -> int:
    """How many letters (of any script) ``text[start:end]`` holds."""
    return len(_NON_LETTERS.sub("", text[start:end]))
