"""Transliterate names into plain ASCII Latin, one table per language.

``lang/<code>/translit.tsv`` rows are ``source<TAB>latin[<TAB>initial]``: ``source`` is one
lower-case letter or a short sequence (the longest one wins); a trailing ``$`` makes it match
only at the end of a word (``ий$ -> y``). ``initial`` is used instead of ``latin`` at the
start of a word and after a vowel or a silent sign (``я -> ia``, but ``ya`` in "Ялта").
Upper case follows the source letter ("Ж" -> "Zh", "ЖУК" -> "ZHUK").

Scripts that leave short vowels unwritten (Persian) set ``epenthetic`` in
``lang/<code>/people.toml`` ``[translit]``: that vowel is put between the consonants
of a word that has no vowel letter at all ("پرز" -> "Perez"); ``initial`` is put into a
word-initial consonant cluster, which the language's own words never have ("کریمی" ->
"Karimi"; foreign names then read as Persians say them: "کلینتون" -> "Kalinton"). Whatever is still not
ASCII afterwards is folded by Unicode decomposition or dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from bilat import lang as langdata

VOWELS = set("aeiouAEIOU")
_WORD = re.compile(r"[^\W\d_]+(?:[\u200c'\u2019\u02bc][^\W\d_]+)*")
#: letters outside every table that Unicode decomposition does not fold
_FALLBACK = {
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "Ae",
    "ß": "ss",
    "đ": "d",
    "Đ": "D",
    "þ": "th",
    "Þ": "Th",
    "ı": "i",
    "œ": "oe",
    "Œ": "Oe",
    "ð": "d",
    "Ð": "D",
}


@dataclass(frozen=True, slots=True)
class _Table:
    rules: dict[str, tuple[str, str]]  # source -> (latin, initial)
    final: dict[str, str]  # word-final source -> latin
    longest: int
    epenthetic: str
    initial: str  # vowel put into a word-initial consonant cluster ("کریمی" -> "Karimi")
    multi: frozenset[str]  # first letters of the sources longer than one letter


@cache
def _table(code: str) -> _Table:
    rules: dict[str, tuple[str, str]] = {}
    final: dict[str, str] = {}
    for row in langdata.tsv(code, "translit.tsv"):
        src, out = row[0], row[1] if len(row) > 1 else ""
        if src.endswith("$") and len(src) > 1:
            final[src[:-1]] = out
        else:
            rules[src] = (out, row[2] if len(row) > 2 else out)
    longest = max((len(k) for k in (*rules, *final)), default=1)
    conf = langdata.toml(code, "people.toml").get("translit", {})
    multi = frozenset(k[0] for k in (*rules, *final) if len(k) > 1)
    return _Table(rules, final, longest, str(conf.get("epenthetic", "")), str(conf.get("initial", "")), multi)


def _ascii(text: str) -> str:
    if text.isascii():
        return text
    text = "".join(_FALLBACK.get(c, c) for c in text)
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if c.isascii() and not unicodedata.combining(c))


def _case(out: str, src: str, nxt: str) -> str:
    if not src[:1].isupper() or not out:
        return out
    if len(out) > 1 and nxt[:1].isupper():
        return out.upper()
    return out[:1].upper() + out[1:]


def _word(word: str, t: _Table) -> str:
    low = word.lower()
    parts: list[str] = []  # latin of each source piece
    vowel_letter: list[bool] = []
    i, n = 0, len(word)
    rules, final, longest, multi = t.rules, t.final, t.longest, t.multi
    after_vowel = True  # the word start counts as "after a vowel"
    while i < n:
        piece = low[i : i + 1]
        if piece not in multi:  # no longer source starts here: the letter alone (the k = 1 step below)
            k = 1
            if i + 1 == n and piece in final:
                out = final[piece]
            elif (rule := rules.get(piece)) is not None:
                out = rule[1] if after_vowel else rule[0]
            else:
                out = _ascii(word[i])
        else:
            for k in range(min(longest, n - i), 0, -1):
                piece = low[i : i + k]
                if i + k == n and piece in final:
                    out = final[piece]
                    break
                rule = rules.get(piece)
                if rule is not None:
                    out = rule[1] if after_vowel else rule[0]
                    break
            else:
                k, out = 1, _ascii(word[i])
        parts.append(_case(out, word[i], word[i + k : i + k + 1]) if out and word[i].isupper() else out)
        vowel_letter.append(not VOWELS.isdisjoint(out))
        after_vowel = not out or out[-1] in VOWELS or out[-1] in "'"
        i += k
    if t.epenthetic:
        parts = _epenthesis(parts, vowel_letter, t.epenthetic)
    if t.initial:
        # The script writes no short vowels and its own words never start with two consonants.
        idx = [i for i, p in enumerate(parts) if p]
        if len(idx) >= 2 and not vowel_letter[idx[0]] and not vowel_letter[idx[1]] and any(vowel_letter):
            parts[idx[0]] += t.initial
    out = "".join(parts)
    if word[:1].lower() == word[:1].upper():  # a caseless script: names get a capital
        out = out[:1].upper() + out[1:]
    return out


def _epenthesis(parts: list[str], vowel: list[bool], v: str) -> list[str]:
    idx = [i for i, p in enumerate(parts) if p]
    if len(idx) < 2:
        return parts
    out = list(parts)
    if not any(vowel[i] for i in idx):
        for i in idx[:-1]:
            out[i] = out[i] + v
    return out


@lru_cache(maxsize=16384)
def _word_of(word: str, lang: str) -> str:
    # Names repeat word by word ("Lavrov", "Sergei Lavrov", "Lavrov's"): one word's Latin is made once.
    return _word(word, _table(lang))


@lru_cache(maxsize=8192)
def to_latin(text: str, lang: str | None) -> str:
    """An ASCII transliteration of ``text`` by the language's table (Unicode folding without one)."""
    if not lang:
        return _ascii(text)
    t = _table(lang)
    if not t.rules and not t.final:
        return _ascii(text)
    out = _WORD.sub(lambda m: _word_of(m.group().replace("\u200c", ""), lang), text)
    return _ascii(out)
