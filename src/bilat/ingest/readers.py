"""Readers: one function per format, bytes in, ``Document`` records out.

Every reader raises ``BadInput`` with a one-line reason; the caller names the
file and goes on with the rest of the batch.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from bilat.errors import BadInput
from bilat.ingest.encoding import decode
from bilat.normalise.text import nfc
from bilat.records import Document

# Extensions bilat reads, and the reader for each.
TEXT_EXT = {".txt", ".md", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
CORPUS_EXT = {".csv", ".tsv", ".json"}  # many documents in one file, read whole
PARQUET_EXT = {".parquet"}  # many documents in one file, streamed a record batch at a time
SUPPORTED = TEXT_EXT | HTML_EXT | JSONL_EXT | CORPUS_EXT | PARQUET_EXT | {".pdf", ".docx"}

# A date that starts with an ISO 8601 day (publication dates in metadata and corpora).
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def doc_name(path: str) -> str:
    """A document's name: the file name without folder and extension."""
    name = Path(path).name
    for ext in sorted(SUPPORTED | {".json"}, key=len, reverse=True):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return name


def _one_line(e: BaseException, limit: int = 200) -> str:
    """An exception's message on one line, cut to ``limit`` characters (lxml and pypdf messages run long)."""
    msg = " ".join(str(e).split())
    return msg if len(msg) <= limit else msg[: limit - 1] + "…"


def _document(name: str, text: str, source: str, fmt: str, **meta: str | None) -> Document:
    text = nfc(text)
    if not text.strip():
        raise BadInput("no text in it")
    return Document(name=name, text=text, source=source, format=fmt, **meta)


def read_text(data: bytes, source: str) -> Iterator[Document]:
    """A plain-text or Markdown file."""
    text, enc = decode(data)
    yield _document(doc_name(source), text, source, "txt", encoding=enc)


def read_html(data: bytes, source: str) -> Iterator[Document]:
    """An HTML page: main text only (trafilatura), with title, date and URL when the page has them."""
    import trafilatura  # heavy: imported where used

    html, enc = decode(data)
    if "<" not in html:
        raise BadInput("not HTML (no tags)")
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True)
    if not text:
        # Short or unusual pages: fall back to every paragraph's text.
        text = trafilatura.html2txt(html)
    meta = trafilatura.extract_metadata(html)
    date = meta.date if meta is not None and meta.date and ISO_DATE.match(meta.date) else None
    yield _document(
        doc_name(source),
        text or "",
        source,
        "html",
        title=meta.title if meta is not None else None,
        url=meta.url if meta is not None else None,
        date=date,
        encoding=enc,
    )


def read_pdf(data: bytes, source: str) -> Iterator[Document]:
    """A PDF's text layer, page by page (a scanned PDF without one is rejected)."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs each repair ("EOF marker not found") on stderr; the one failure line says enough (#8).
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    if not data.startswith(b"%PDF"):
        raise BadInput("not a PDF (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError,
            NotImplementedError, ArithmeticError, EOFError) as e:
        raise BadInput(f"truncated or corrupt PDF ({type(e).__name__}: {_one_line(e)})") from e
    if not "".join(pages).strip():
        raise BadInput("PDF has no text layer (scanned?)")
    title = None
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # metadata is optional and often malformed
        title = None
    text = "\n\n".join(_unwrap(p) for p in pages)
    yield _document(doc_name(source), text, source, "pdf", title=title)


_SPACES = re.compile(r"[ \t]{2,}")
_ENDS_SENTENCE = re.compile(r"[.!?…:;»\"”)]$")
_ENDS_INITIAL = re.compile(r"(?:^|\s)[^\W\d_]\.$")


def _unwrap(page: str) -> str:
    """A PDF page's text with justified spacing collapsed and wrapped lines joined.

    A line is joined to the next when it runs close to the full width of the page without
    ending a sentence, when it ends on an initial ("О." before "В. Ковальчук"), or when the
    next line goes on in lower case. Short lines without a final stop are headings.
    """
    lines = [_SPACES.sub(" ", line.strip()) for line in page.strip().split("\n")]
    lengths = sorted(len(line) for line in lines if line)
    full = lengths[len(lengths) // 2] * 0.6 if lengths else 0
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 == len(lines):
            break
        nxt = lines[i + 1]
        joined = bool(line and nxt) and (
            _ENDS_INITIAL.search(line) is not None
            or (not _ENDS_SENTENCE.search(line) and (len(line) >= full or nxt[:1].islower() or nxt[:1].isdigit()))
        )
        out.append("" if joined and line.endswith("-") else " " if joined else "\n")
    return "".join(out)


def read_docx(data: bytes, source: str) -> Iterator[Document]:
    """A Word document's paragraphs and table cells, in order."""
    import zipfile
    import zlib

    from docx import Document as Docx
    from lxml.etree import XMLSyntaxError

    try:
        d = Docx(io.BytesIO(data))
        parts = [p.text for p in d.paragraphs]
        for table in d.tables:
            for row in table.rows:
                parts.append(" | ".join(c.text for c in row.cells))
        title = d.core_properties.title or None
    except XMLSyntaxError as e:
        # lxml refuses entity expansion past its amplification limit ("billion laughs"), so a bomb lands here too.
        raise BadInput(f"corrupt DOCX: its XML does not parse ({_one_line(e)})") from e
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, KeyError, ValueError, TypeError,
            AttributeError, IndexError, OSError) as e:
        # NotImplementedError: a zip compression method or version Python cannot read.
        raise BadInput(f"truncated or corrupt DOCX ({type(e).__name__}: {_one_line(e)})") from e
    yield _document(doc_name(source), "\n".join(parts), source, "docx", title=title)


READERS: dict[str, Callable[[bytes, str], Iterator[Document]]] = {
    **{ext: read_text for ext in TEXT_EXT},
    **{ext: read_html for ext in HTML_EXT},
    ".pdf": read_pdf,
    ".docx": read_docx,
}
