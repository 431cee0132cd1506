"""Phonetic keys for people's names, so that spellings across languages and scripts meet.

Makei, Макей (Makei), Макея → "mk"; Søreide, Сорейде (Soreide), Сарэйдэ (Sareide) → "srd".
The key is the consonant skeleton of a Latin transliteration, with the digraphs that differ
between transliteration systems folded together.
"""

from __future__ import annotations

import re
import unicodedata

_FOLD = (("dzh", "j"), ("dz", "d"), ("zh", "z"), ("kh", "h"), ("ch", "c"), ("sh", "s"), ("ts", "c"),
         ("tz", "c"), ("cz", "c"), ("sz", "s"), ("ks", "x"), ("ph", "f"), ("w", "v"), ("q", "k"))
_VOWELS = re.compile(r"[aeiouyjh]")
_REPEAT = re.compile(r"(.)\1+")


def ascii_letters(text: str) -> str:
    """Lower-case ASCII letters of a Latin name, accents dropped (ø and æ spelled out); the rest become spaces."""
    text = text.lower().replace("ø", "o").replace("æ", "ae").replace("ß", "ss").replace("ł", "l")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch if "a" <= ch <= "z" else " " for ch in text)


def phonetic(word: str) -> str:
    """The consonant skeleton of one word."""
    w = ascii_letters(word).replace(" ", "")
    for a, b in _FOLD:
        w = w.replace(a, b)
    return _REPEAT.sub(r"\1", _VOWELS.sub("", w))


def name_keys(latin: str) -> frozenset[str]:
    """Keys of a person's name: one per word of three letters or more (initials are left out)."""
    words = [w for w in ascii_letters(latin).split() if len(w) >= 3]
    return frozenset(k for w in words if len(k := phonetic(w)) >= 2)


def same_person(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two names' keys say one person: every key of the shorter name in common, up to two.

    "U. Makei" ~ "Uladzimir Makei" (one key, shared); "Uladzimir Makei" ≁ "Uladzimir Sianko"
    (two keys each, one shared).
    """
    if not a or not b:
        return False
    return len(a & b) >= min(2, len(a), len(b))
