"""The search terms the workers compute are the ones DuckDB computes (bilat.normalise.terms)."""

from __future__ import annotations

import json

import duckdb
import pytest

import bilat
from bilat.normalise import terms
from bilat.pipeline import process
from bilat.records import Document
from bilat.store import query


def duck_split(con: duckdb.DuckDBPyConnection, texts: list[str]) -> list[list[str]]:
    rows = con.execute(
        f"SELECT i, regexp_split_to_array(lower(t), '{query.SPLIT}') FROM "
        "(SELECT unnest(?) AS t, generate_subscripts(?, 1) AS i) ORDER BY i", [texts, texts]).fetchall()
    return [r[1] for r in rows]


def test_every_covered_character_splits_and_lowers_as_in_duckdb() -> None:
    con = duckdb.connect()
    chars = terms._CHARS
    texts = [f"a{c}b" for c in chars] + [f"{c}{c}" for c in chars]
    got = duck_split(con, texts)
    differ = [t for t, g in zip(texts, got, strict=True) if terms._SPLIT.split(t.lower()) != g]
    assert differ == []
    assert all(len(c.lower()) == 1 for c in chars)


@pytest.mark.parametrize("text", ["Σοφία ΟΔΟΣ", "İstanbul", "Ⱥ", "日本 visit", "emoji 😀 here", "nul\0"])
def test_other_scripts_are_left_to_the_store(text: str) -> None:
    assert not terms.covered(text)
    assert terms.search_terms(text, [(0, len(text), "en", False)], None) is None
    assert terms.search_terms("Plain text.", [(0, 11, "en", False)], text) is None


def test_terms_of_a_document() -> None:
    text = "Міністр сустрэўся з паслом.\n\nWizyta ministra, wizyta premiera!\n\nMENU HOME"
    sentences = [(0, 27, "be", False), (29, 62, "pl", False), (64, 73, "en", True)]
    got = terms.search_terms(text, sentences, "Візіт Міністра")
    assert got == ((0, "міністр\nсустрэўся\nз\nпаслом"), (1, "wizyta\nministra\npremiera"), (-1, "візіт\nміністра"))


WRITTEN = [
    # Sentences written for this test: Cyrillic, Polish, Persian with a zero-width non-joiner,
    # combining marks, a long run of letters, digits, a Greek name (indexed by DuckDB itself).
    ("be.txt", "Міністр замежных спраў Беларусі сустрэўся з паслом Кітая 3 сакавіка.\n\nБакі абмеркавалі гандаль."),
    ("pl.txt", "Minister spraw zagranicznych Polski spotkał się z ambasadorem Norwegii.\n\n"
               "Rozmowy trwały dwie godziny."),
    ("fa.txt", "وزیر امور خارجه ایران با سفیر نروژ دیدار کرد.\n\nدو طرف درباره همکاری‌های اقتصادی گفتگو کردند."),
    ("en.txt", "The Minister met the Ambassador of Norway on 3 May 2021 in Oslo.\n\n"
               "Cafe\u0301 talks ran long: " + "x" * 64 + " and " + "y" * 65 + " and "
               + "q\u0301" * 32 + " " + "q\u0301" * 33 + "."),
    ("el.txt", "The Minister of Greece met Κυριάκος Μητσοτάκης in Athens on 4 May 2021.\n\nThe talks went on."),
]


def test_stored_terms_are_duckdbs(tmp_path) -> None:
    for name, text in WRITTEN:
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "kb.duckdb"
    with bilat.open(db) as kb:
        kb.ingest([str(tmp_path / "*.txt")])
        con = kb.store.con
        stored = sorted(con.execute('SELECT term, doc, idx, "start", "end", lang FROM search_terms').fetchall())
        con.execute("DELETE FROM search_terms")
        query.index_text(con, None)
        assert sorted(con.execute('SELECT term, doc, idx, "start", "end", lang FROM search_terms').fetchall()) == stored
    assert len(stored) > 50
    found = {row[0] for row in stored}
    assert {"café", "q\u0301" * 32, "κυριάκος", "x" * 64} <= found and "y" * 65 not in found


def test_processed_documents_carry_their_terms() -> None:
    done = process(Document(name="a", text="The Minister of Norway visited Poland.", lang="en"))
    assert done.terms == ((0, "the\nminister\nof\nnorway\nvisited\npoland"),)
    assert process(Document(name="b", text="Ο υπουργός επισκέφθηκε την Πολωνία.", lang="en")).terms is None


def test_stored_title_terms_are_duckdbs(tmp_path) -> None:
    rows = [{"id": "a", "title": "Норвегія і Польща: переговори в Осло",
             "text": "Міністр Польщі зустрівся з послом Норвегії."},
            {"id": "b", "title": "Talks in Warsaw", "text": "The Minister of Norway visited Poland.", "lang": "en"},
            {"id": "c", "title": "", "text": "A document with an empty title."}]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        assert kb.ingest([str(tmp_path / "c.jsonl")]).stored == 3
        con = kb.store.con
        read = 'SELECT term, doc, idx, "start", "end", lang FROM search_terms ORDER BY ALL'
        stored = con.execute(read).fetchall()
        con.execute("DELETE FROM search_terms")
        query.index_text(con, None)
        assert con.execute(read).fetchall() == stored
    titles = {(r[0], r[3], r[4], r[5]) for r in stored if r[2] == -1}
    assert ("осло", 0, len(rows[0]["title"]), "uk") in titles and ("warsaw", 0, 15, "en") in titles
