"""The stage sequence: each stage is a function from records to new records.

    read (ingest) -> Document
    normalise     -> Document with its language, plus paragraphs, sentences, flagged spans
    sentences     -> Sentence records whose text is exactly ``document.text[start:end]``

    extract       -> Mention and Indicator records, with evidence offsets into the stored text

Fusion (#4) runs over the stored mentions of every document.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bilat import extract as extraction
from bilat.normalise import Analysis, analyse
from bilat.records import Document, Indicator, Mention, Sentence


@dataclass(frozen=True, slots=True)
class Processed:
    """A document with everything the pipeline found in it."""

    document: Document
    analysis: Analysis
    mentions: tuple[Mention, ...]
    indicators: tuple[Indicator, ...]


def normalise(doc: Document) -> tuple[Document, Analysis]:
    """Identify languages, flag boilerplate and segment; the text itself is never changed."""
    analysis = analyse(doc.text, doc.lang)
    return replace(doc, lang=doc.lang or analysis.lang), analysis


def sentences(doc: Document, analysis: Analysis) -> tuple[Sentence, ...]:
    """The document's sentences as records, in order."""
    doc_id = doc.id  # a hash of the whole text: once per document, not per sentence
    return tuple(
        Sentence(doc_id, i, s, e, doc.text[s:e], lang, bp)
        for i, (s, e, lang, bp) in enumerate(analysis.sentences)
    )


def extract(doc: Document, analysis: Analysis) -> tuple[tuple[Mention, ...], tuple[Indicator, ...]]:
    """Event mentions and indicators stated by the document."""
    mentions, indicators = extraction.extract(doc, analysis)
    return tuple(mentions), tuple(indicators)


def process(doc: Document) -> Processed:
    """Every stage for one document read from its source."""
    doc, analysis = normalise(doc)
    mentions, indicators = extract(doc, analysis)
    return Processed(doc, analysis, mentions, indicators)
