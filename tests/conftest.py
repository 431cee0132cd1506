"""Shared fixtures: a fresh knowledge base, and small documents written by the tests themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

import bilat

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"

# Sentences written for these tests (never copied from ../shared).
TEXTS = {
    "ru": "Министр иностранных дел Казахстана посетил Германию 12 марта 2023 г. Стороны обсудили торговлю.",
    "be": "Міністр замежных спраў Беларусі сустрэўся з паслом Кітая ў Мінску. Бакі абмеркавалі гандаль.",
    "uk": "Міністр закордонних справ України відвідав Варшаву у травні 2022 року. Сторони підписали угоду.",
    "fa": "وزیر امور خارجه ایران روز دوشنبه وارد ایروان شد. دو طرف درباره همکاری اقتصادی گفتگو کردند.",
    "en": "The foreign minister of Norway visited London on 4 June 2021. The two sides signed a memorandum.",
}


@pytest.fixture
def kb(tmp_path: Path):
    """An empty knowledge base in a temporary folder."""
    k = bilat.open(tmp_path / "kb.duckdb")
    yield k
    k.close()


@pytest.fixture
def shared() -> Path:
    """../shared beside the repository; the test is skipped when it is absent (a user's clone)."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


def make_pdf(path: Path, text: str) -> Path:
    """Write a one-page PDF with a real text layer."""
    fpdf = pytest.importorskip("fpdf")
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    if font.exists():
        pdf.add_font("DejaVu", "", str(font))
        pdf.set_font("DejaVu", size=11)
    else:
        pdf.set_font("Helvetica", size=11)
        text = text.encode("latin-1", "replace").decode("latin-1")
    pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


def make_docx(path: Path, paragraphs: list[str], title: str | None = None) -> Path:
    """Write a DOCX file with these paragraphs."""
    import docx

    d = docx.Document()
    if title:
        d.core_properties.title = title
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))
    return path


def mentions_of(text: str, lang: str | None = None, date: str | None = None, url: str | None = None):
    """Run normalise + extract on one text written by a test; return its event mentions."""
    from bilat import pipeline
    from bilat.records import Document

    p = pipeline.process(Document(name="t", text=text, lang=lang, date=date, url=url))
    return list(p.mentions)


def indicators_of(text: str, lang: str | None = None, date: str | None = None):
    """Run normalise + extract on one text written by a test; return its indicators."""
    from bilat import pipeline
    from bilat.records import Document

    return list(pipeline.process(Document(name="t", text=text, lang=lang, date=date)).indicators)
