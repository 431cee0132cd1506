"""Readers, encodings, paths and bad input (#2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilat.ingest import Failure, expand, read
from bilat.ingest.encoding import decode
from bilat.records import Document
from conftest import TEXTS, make_docx, make_pdf


def docs_and_failures(path: str | Path, **kw) -> tuple[list[Document], list[Failure]]:
    items = list(read(str(path), **kw))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Failure)]


@pytest.mark.parametrize(
    ("lang", "encoding"),
    [("ru", "utf-8"), ("ru", "utf-8-sig"), ("ru", "utf-16"), ("ru", "cp1251"), ("ru", "koi8_r"),
     ("be", "cp1251"), ("uk", "cp1251"), ("fa", "utf-16"), ("en", "utf-8")],
)
def test_ingest_encoding_detected(tmp_path: Path, lang: str, encoding: str) -> None:
    text = TEXTS[lang]
    if encoding in ("cp1251", "koi8_r") or (lang == "fa" and encoding == "cp1256"):
        text = text.replace("ў", "ў")  # cp1251 has ў; koi8-r only for Russian (see the parameter list)
    path = tmp_path / f"doc_{lang}.txt"
    path.write_bytes(text.encode(encoding))
    docs, failures = docs_and_failures(path)
    assert not failures
    assert docs[0].text == text
    assert docs[0].name == f"doc_{lang}"


def test_ingest_encoding_cp1256_persian(tmp_path: Path) -> None:
    # cp1256 has Arabic yeh and kaf; Persian written in it uses them.
    text = "وزير امور خارجه ايران وارد شد و با همتاي خود گفتگو کرد."
    path = tmp_path / "fa_legacy.txt"
    path.write_bytes(text.encode("cp1256"))
    docs, failures = docs_and_failures(path)
    assert not failures and docs[0].text == text


def test_ingest_nfc_applied(tmp_path: Path) -> None:
    path = tmp_path / "nfd.txt"
    path.write_text("Прэм\u0027ер-міністр и\u0306 пасол.", encoding="utf-8")  # й as и + breve
    (doc,), _ = docs_and_failures(path)
    assert "й" in doc.text and "\u0306" not in doc.text


def test_ingest_html_main_text_without_boilerplate(tmp_path: Path) -> None:
    article = " ".join([TEXTS["ru"]] * 3)
    html = f"""<html><head><title>Визит министра</title></head><body>
    <nav><ul><li><a href="/">Главная</a></li><li><a href="/news">Новости МИД</a></li></ul></nav>
    <header>Меню сайта: Контакты | Карта сайта | Поиск</header>
    <article><h1>Визит министра</h1><p>{article}</p><p>{TEXTS['ru']}</p></article>
    <footer>© Все права защищены. Политика использования файлов cookie.</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (doc,), failures = docs_and_failures(path)
    assert not failures
    assert "посетил Германию" in doc.text
    assert "Главная" not in doc.text and "cookie" not in doc.text
    assert doc.format == "html" and doc.name == "page"


def test_ingest_pdf_text_layer(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "note.pdf", TEXTS["uk"])
    (doc,), failures = docs_and_failures(path)
    assert not failures
    assert "Міністр закордонних справ" in doc.text
    assert doc.format == "pdf"


def test_ingest_docx_paragraphs(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "brief.docx", [TEXTS["en"], TEXTS["be"]], title="Brief")
    (doc,), failures = docs_and_failures(path)
    assert not failures
    assert doc.text.splitlines() == [TEXTS["en"], TEXTS["be"]]
    assert doc.title == "Brief"


def test_ingest_jsonl_corpus_fields_and_bad_lines(tmp_path: Path) -> None:
    rows = [
        {"id": "n1", "text": TEXTS["ru"], "date": "2023-03-13", "url": "https://example.org/1", "lang": "ru"},
        {"id": "n2", "text": TEXTS["en"], "title": "Visit"},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.insert(1, "{not json")
    lines.append(json.dumps({"text": "no id here"}))
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, failures = docs_and_failures(path)
    assert [d.name for d in docs] == ["n1", "n2"]
    assert docs[0].date == "2023-03-13" and docs[0].url == "https://example.org/1" and docs[0].lang == "ru"
    assert docs[1].title == "Visit"
    assert [f.where for f in failures] == [f"{path}:2", f"{path}:4"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\n  ", "no text"),
        ("binary.txt", bytes(range(256)) * 10, "binary"),
        ("truncated.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "PDF"),
        ("fake.pdf", b"hello, not a pdf", "not a PDF"),
        ("truncated.docx", b"PK\x03\x04 cut short", "DOCX"),
        ("image.png", b"\x89PNG\r\n", "unsupported format"),
    ],
)
def test_ingest_bad_input_one_line_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    docs, failures = docs_and_failures(path)
    assert not docs
    (f,) = failures
    assert reason in f.reason and "\n" not in str(f)
    assert str(path) in str(f)


def test_ingest_huge_file_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(200 * 2**20)  # a sparse 200 MB file: cheap to make
    docs, failures = docs_and_failures(path)
    assert not docs and "too large" in failures[0].reason


def test_ingest_missing_and_unreadable(tmp_path: Path) -> None:
    _, failures = docs_and_failures(tmp_path / "nope.txt")
    assert "no such file" in failures[0].reason


def test_ingest_expand_folders_globs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "two.html").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "skip.png").write_text("x", encoding="utf-8")
    (tmp_path / "b.md").write_text("x", encoding="utf-8")
    ignored: list[str] = []
    got = list(expand([str(tmp_path / "a"), str(tmp_path / "*.md"), "-", str(tmp_path / "a" / "skip.png")], ignored))
    assert got == [str(tmp_path / "a" / "one.txt"), str(tmp_path / "a" / "two.html"), str(tmp_path / "b.md"), "-",
                   str(tmp_path / "a" / "skip.png")]
    assert ignored == [str(tmp_path / "a" / "skip.png")]


def test_ingest_decode_rejects_bom_mismatch() -> None:
    text, enc = decode("\ufeffпривет".encode())
    assert text == "привет" and enc == "utf-8"


def test_ingest_pdf_unwraps_lines_keeps_headings() -> None:
    from bilat.ingest.readers import _unwrap

    page = ("Relations between Poland and\nUkraine\nPolitical dialogue\n"
            "The ministers of foreign affairs of the two countries met in Warsaw on\n"
            "12 May 2023, and the ambassador of Ukraine O.\nV. Kovalchuk presented her credentials to\n"
            "the President. Trade grew by 13.6 % in the first half of 2023 compared with 2022.\n"
            "Economic relations\nTrade in goods between the two countries reached 10.3 billion dollars.")
    assert _unwrap(page).split("\n") == [
        "Relations between Poland and Ukraine",
        "Political dialogue",
        "The ministers of foreign affairs of the two countries met in Warsaw on 12 May 2023, and the ambassador "
        "of Ukraine O. V. Kovalchuk presented her credentials to the President. Trade grew by 13.6 % in the "
        "first half of 2023 compared with 2022.",
        "Economic relations",
        "Trade in goods between the two countries reached 10.3 billion dollars.",
    ]


def test_ingest_csv_corpus_columns_and_bad_rows(tmp_path: Path) -> None:
    import csv

    path = tmp_path / "news.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["link", "headline", "date", "body_1", "body_2"])
        w.writerow(["https://example.org/a", "Visit", "2023-03-13", TEXTS["ru"], TEXTS["en"]])
        w.writerow(["https://example.org/b", "Empty", "2023-03-14", "", ""])
    docs, failures = docs_and_failures(path)
    (doc,) = docs
    assert doc.name == "https://example.org/a" and doc.date == "2023-03-13" and doc.title == "Visit"
    assert doc.text == TEXTS["ru"] + "\n" + TEXTS["en"]
    assert [f.where for f in failures] == [f"{path}:3"] and "no text" in failures[0].reason


def test_ingest_json_array_and_object(tmp_path: Path) -> None:
    (tmp_path / "items.json").write_text(json.dumps([
        {"title": "A", "paragraphs": [TEXTS["fa"], TEXTS["en"]], "link": "u1"},
        {"title": "B", "summary": TEXTS["uk"]},
        "not an object",
    ], ensure_ascii=False), encoding="utf-8")
    docs, failures = docs_and_failures(tmp_path / "items.json")
    assert [d.name for d in docs] == ["u1", "items-2"]
    assert docs[0].text == TEXTS["fa"] + "\n" + TEXTS["en"]
    assert [f.where for f in failures] == [f"{tmp_path / 'items.json'}[3]"]
    (tmp_path / "one.json").write_text(json.dumps({"text": TEXTS["be"]}, ensure_ascii=False), encoding="utf-8")
    (doc,), _ = docs_and_failures(tmp_path / "one.json")
    assert doc.name == "one" and doc.text == TEXTS["be"]


def test_ingest_csv_without_text_column_is_refused(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    _, (f,) = docs_and_failures(tmp_path / "t.csv")
    assert "no text column" in f.reason


def test_a_corpus_records_headline_is_read_as_its_first_line(tmp_path) -> None:
    from bilat.ingest.corpora import with_title

    assert with_title("The two sides met in Lima.", "Talks in Lima") == "Talks in Lima\n\nThe two sides met in Lima."
    # a text that already opens with its headline keeps it once
    assert with_title("Talks in Lima\nThe two sides met.", "Talks  in Lima") == "Talks in Lima\nThe two sides met."
    assert with_title("Body.", None) == "Body." and with_title("Body.", "  ") == "Body."
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "date": "2022-03-04", "url": "http://en.kremlin.ru/events/1", '
                      '"title": "Telephone conversation with the President of Chile", '
                      '"text": "The presidents discussed trade."}\n', encoding="utf-8")
    import bilat

    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(corpus)])
        calls = kb.mentions(kind="phone_call")
    assert len(calls) == 1 and calls[0].evidence.text.startswith("Telephone conversation")
