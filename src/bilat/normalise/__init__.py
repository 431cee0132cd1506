"""Normalisation: language of each paragraph, boilerplate, sentences.

``analyse`` reads the stored (NFC) text and never changes it: every offset it
returns indexes that text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from bilat.normalise.boilerplate import flag
from bilat.normalise.langid import identify
from bilat.normalise.segment import paragraphs, sentences
from bilat.normalise.text import letter_count, nfc, norm_view
from bilat.records import Paragraph, Span

__all__ = ["Analysis", "analyse", "flag", "identify", "nfc", "norm_view", "paragraphs", "sentences"]

# Paragraphs with fewer letters than this are too short to identify: they take the document's language.
MIN_LETTERS = 20


@dataclass(frozen=True, slots=True)
class Analysis:
    """A document's language, paragraphs, sentences and flagged spans."""

    lang: str | None
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[tuple[int, int, str | None, bool], ...]  # (start, end, lang, boilerplate)
    spans: tuple[Span, ...]


class _Inside:
    """Whether spans of text lie inside any of a sorted list of disjoint spans."""

    def __init__(self, spans: list[Span]) -> None:
        self.starts = [s.start for s in spans]
        self.ends = [s.end for s in spans]

    def __call__(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]


#: at least MIN_LETTERS letters: found as soon as the letters are there, without counting all of a long paragraph
_ENOUGH_LETTERS = re.compile(r"[\W\d_]*+(?:[^\W\d_][\W\d_]*+){" + str(MIN_LETTERS) + "}")


def analyse(text: str, lang_hint: str | None = None) -> Analysis:
    """Paragraphs, sentences, their languages and boilerplate of the stored ``text``."""
    spans = flag(text)
    inside = _Inside([s for s in spans if s.kind == "navigation"])
    found: list[tuple[int, int, str | None, bool]] = []
    short: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        boilerplate = inside(start, end)
        code = None
        if not boilerplate:
            if _ENOUGH_LETTERS.match(text, start, end):
                code, _ = identify(text[start:end])
            elif letter_count(text, start, end):
                short.append((start, end))
        found.append((start, end, code, boilerplate))
    codes = {code for _, _, code, _ in found if code is not None}
    if len(codes) == 1:
        doc = codes.pop()  # the only language: no need to weigh the paragraphs by their letters
    elif codes:
        letters: Counter[str] = Counter()
        for start, end, code, _ in found:
            if code is not None:
                letters[code] += letter_count(text, start, end)
        doc = letters.most_common(1)[0][0]
    elif lang_hint is not None:
        doc = lang_hint
    else:
        doc = identify(" ".join(text[s:e] for s, e in short))[0] if short else None
    paras = tuple(Paragraph(s, e, code or doc, bp) for s, e, code, bp in found)
    sents = tuple(
        (s, e, p.lang, p.boilerplate or inside(s, e)) for p in paras for s, e in sentences(text, p.start, p.end, p.lang)
    )
    return Analysis(lang=doc, paragraphs=paras, sentences=sents, spans=tuple(spans))
