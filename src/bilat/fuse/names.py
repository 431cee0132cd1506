"""Phonetic keys for people's names, so that spellings across languages and scripts meet.

Makei, Макей (Makei), Макея → "mk"; Søreide, Сорейде (Soreide), Сарэйдэ (Sareide) → "srd".
The key is the consonant skeleton of a Latin transliteration, with the digraphs that differ
between transliteration systems folded together.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

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


@lru_cache(maxsize=1 << 16)
def name_keys(latin: str) -> frozenset[str]:
    """Keys of a person's name: one per word of three letters or more (initials are left out), and,
    marked with "+", one per two such words side by side, since one script writes as one word what
    another splits (Mohammad-Reza and Mohammadreza both give "mdrz")."""
    words = ascii_letters(latin).split()
    singles = {k for w in words if len(w) >= 3 and len(k := phonetic(w)) >= 2}
    if not singles:  # nothing to meet by ("Ri Yo-Ho"): no keys, no veto
        return frozenset()
    pairs = {"+" + k for a, b in pairwise(words)
             if len(a) >= 3 and len(b) >= 3 and len(k := phonetic(a + b)) >= 2}
    return frozenset(singles | pairs)


@lru_cache(maxsize=1 << 16)
def _split(keys: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """A name's keys of single words, and those together with its keys of two words joined."""
    singles = frozenset(k for k in keys if not k.startswith("+"))
    return singles, singles | {k[1:] for k in keys if k.startswith("+")}


def same_person(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two names' keys say one person: every key of the shorter name in common, up to two,
    or every word of one name found in the other, as a word or as two words joined.

    "U. Makei" ~ "Uladzimir Makei" (one key, shared); "Uladzimir Makei" ≁ "Uladzimir Sianko"
    (two keys each, one shared); "Mohammadreza Karimi" ~ "Mohammad-Reza Karimi".
    """
    sa, ca = _split(a)
    sb, cb = _split(b)
    if not sa or not sb:
        return False
    return len(sa & sb) >= min(2, len(sa), len(sb)) or sa <= cb or sb <= ca
