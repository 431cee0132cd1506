"""The stage sequence: each stage is a function from records to new records.

    read (ingest) -> Document
    normalise     -> Document with its language, plus paragraphs, sentences, flagged spans
    sentences     -> Sentence records whose text is exactly ``document.text[start:end]``

Extraction (#3) and fusion (#4) plug in after ``sentences``.
"""

from __future__ import annotations

from dataclasses import replace

from bilat.normalise import Analysis, analyse
from bilat.records import Document, Sentence


def normalise(doc: Document) -> tuple[Document, Analysis]:
    """Identify languages, flag boilerplate and segment; the text itself is never changed."""
    analysis = analyse(doc.text, doc.lang)
    return replace(doc, lang=doc.lang or analysis.lang), analysis


def sentences(doc: Document, analysis: Analysis) -> tuple[Sentence, ...]:
    """The document's sentences as records, in order."""
    return tuple(
        Sentence(doc.id, i, s, e, doc.text[s:e], lang, bp)
        for i, (s, e, lang, bp) in enumerate(analysis.sentences)
    )
