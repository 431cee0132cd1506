"""What normalisation needs to know about a language, read from its data folder."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from bilat import lang

# ISO 15924 code -> the first word of the Unicode names of that script's letters.
SCRIPT_NAMES = {"Cyrl": "CYRILLIC", "Latn": "LATIN", "Arab": "ARABIC", "Grek": "GREEK", "Hebr": "HEBREW"}

DEFAULT_SENTENCE_END = ".!?…"


@dataclass(frozen=True, slots=True)
class Profile:
    """A language's alphabet and sentence rules (lang.toml and abbreviations.txt)."""

    code: str
    script: str | None
    letters: frozenset[str]
    sentence_end: str
    abbreviations: frozenset[str]
    may_end: frozenset[str]
    before_names: frozenset[str]
    ordinal_dot: bool


@cache
def profile(code: str | None) -> Profile:
    """The profile of a language; a neutral one for None or a code without data."""
    data = lang.toml(code) if code and code in lang.available() else {}
    may_end = frozenset(data.get("may_end", ()))
    before_names = frozenset(data.get("before_names", ()))
    abbreviations = frozenset(lang.lines(code, "abbreviations.txt")) if data else frozenset()
    return Profile(
        code=code or "",
        script=data.get("script"),
        letters=frozenset(data.get("letters", "")),
        sentence_end=data.get("sentence_end", DEFAULT_SENTENCE_END),
        abbreviations=abbreviations | may_end | before_names,
        may_end=may_end,
        before_names=before_names,
        ordinal_dot=bool(data.get("ordinal_dot", False)),
    )


@cache
def script_of(char: str) -> str | None:
    """The ISO 15924 code of a letter's script, when it is one bilat knows."""
    if unicodedata.category(char) not in ("Ll", "Lu", "Lt", "Lo"):
        return None
    word = unicodedata.name(char, "").split(" ", 1)[0]
    for code, name in SCRIPT_NAMES.items():
        if word == name:
            return code
    return None


def all_sentence_ends() -> str:
    """Every sentence-end character that some language's data names."""
    chars = set(DEFAULT_SENTENCE_END)
    for code in lang.available():
        chars.update(profile(code).sentence_end)
    return "".join(sorted(chars))
