"""What the store gives back of a stored document: its text and metadata, paragraphs, sentences
and flagged spans, as the records the pipeline made them (offsets into the stored text)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import duckdb

from bilat.records import Document, Paragraph, Span
from bilat.store import pairs


class DocumentReads:
    """The document reads, mixed into ``Store`` (which holds ``con``)."""

    con: duckdb.DuckDBPyConnection

    def documents(self, current_only: bool = True) -> Iterator[tuple[Document, int]]:
        """Stored documents (newest version of each source by default), with their version numbers."""
        where = "WHERE current" if current_only else ""
        cur = self.con.execute(
            f"SELECT name, text, source, format, lang, date, title, url, encoding, version "
            f"FROM documents {where} ORDER BY name, version"
        )
        while rows := cur.fetchmany(256):
            for r in rows:
                yield Document(*r[:9]), r[9]

    def document_info(self, names: Sequence[str]) -> dict[str, Any]:
        """The URL, title and publication date of the newest current document of each name (citations)."""
        from bilat.citations import DocumentInfo

        return {n: DocumentInfo(*info) for n, info in pairs.documents(self.con, list(names)).items()}

    def paragraphs(self, doc_id: str) -> list[Paragraph]:
        """A document's paragraphs, in order."""
        rows = self.con.execute(
            'SELECT "start", "end", lang, boilerplate FROM paragraphs WHERE doc = ? ORDER BY idx', [doc_id]
        ).fetchall()
        return [Paragraph(*r) for r in rows]

    def sentences(self, doc_id: str) -> list[tuple[int, int, int, str | None, bool]]:
        """A document's sentences as (index, start, end, lang, boilerplate), in order."""
        return self.con.execute(
            'SELECT idx, "start", "end", lang, boilerplate FROM sentences WHERE doc = ? ORDER BY idx', [doc_id]
        ).fetchall()

    def spans(self, doc_id: str) -> list[Span]:
        """A document's flagged spans."""
        rows = self.con.execute(
            'SELECT "start", "end", kind FROM spans WHERE doc = ? ORDER BY "start"', [doc_id]
        ).fetchall()
        return [Span(*r) for r in rows]
