"""The event side tables sorted by state and by pair (#9): written with the events on ingest, on a
new version of a document and on fusion, filled by the schema migration, and read by the pair page
and the filtered lists with the same answers as the records themselves give."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

import bilat
from bilat import dossier
from bilat.store import pairs, query
from conftest import SAMPLES

FILES = ("no_gb_relations_en.md", "pl_ua_wizyta_pl.txt", "ua_pl_grain_uk.txt", "kz_de_relations_ru.txt")


def _pairs_of(events: list[dict]) -> set[tuple[str, str, str]]:
    return {(a, b, e["id"]) for e in events for a in e["actors"] for b in e["actors"] if a < b}


def _check(kb: bilat.KnowledgeBase) -> None:
    """The side tables hold exactly the stored events, and every page says what the records say."""
    con = kb.store.con
    events = list(kb.records("events"))
    assert events
    assert set(con.execute("SELECT a, b, id FROM pair_events").fetchall()) == _pairs_of(events)
    want = sorted((e["id"], c, e["kind"], e.get("date")) for e in events for c in set(e["actors"]))
    assert sorted(con.execute("SELECT id, code, kind, date FROM event_actors").fetchall()) == want
    # the filter columns, parsed once from each record for the events table and both side tables
    said = {e["id"]: (e.get("date_end"), e["confidence"], e["languages"], json.dumps(e, sort_keys=True))
            for e in events}
    for table in ("events", "event_actors", "pair_events"):
        rows = con.execute(f"SELECT id, date_end, confidence, langs, record FROM {table}").fetchall()
        assert {i: (end, conf, langs, json.dumps(json.loads(r), sort_keys=True))
                for i, end, conf, langs, r in rows} == said, table
    assert sorted(con.execute("SELECT event, mention FROM event_mentions").fetchall()) == sorted(
        (e["id"], m) for e in events for m in e["mentions"])
    mentions, indicators = list(kb.records("mentions")), list(kb.records("indicators"))
    docs = kb.citations().documents
    for a, b, n in kb.pairs(limit=50):
        assert kb.dossier(a, b, "json") == dossier.render(dossier.build(a, b, events, mentions, indicators,
                                                                        documents=docs), "json")
        both = [e for e in events if {a, b} <= set(e["actors"])]
        newest = sorted(sorted(both, key=lambda e: e["id"]), key=lambda e: e.get("date") or "", reverse=True)
        newest.sort(key=lambda e: e.get("date") is None)
        assert [e.id for e in kb.events(pair=(b, a))] == [e["id"] for e in newest]
        assert kb.count("events", pair=(a, b)) == n == len(both)
        assert [e.id for e in kb.events(actor=a, limit=3, offset=1)] == [
            e["id"] for e in newest_of(events, a)][1:4]
        assert kb.count("events", actor=b.lower()) == len(newest_of(events, b))


def newest_of(events: list[dict], code: str) -> list[dict]:
    """A state's events as a list shows them: newest first, undated last, then by id."""
    out = sorted((e for e in events if code in e["actors"]), key=lambda e: e["id"])
    out.sort(key=lambda e: e.get("date") or "", reverse=True)
    out.sort(key=lambda e: e.get("date") is None)
    return out


def test_the_pair_tables_follow_ingest_a_new_version_and_fusion(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in FILES:
        shutil.copy(SAMPLES / name, folder / name)
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(folder)])
        _check(kb)
        before = kb.dossier("GB", "NO", "json")
        # A new version of one document: its old events go, the new ones come, the others stay.
        edited = folder / FILES[0]
        edited.write_text(edited.read_text(encoding="utf-8").split("\n\n")[0] + "\n\nThe Norwegian foreign "
                          "minister paid an official visit to London on 3 May 2021 and met the British "
                          "foreign secretary there.\n", encoding="utf-8")
        kb.ingest([str(folder)])
        _check(kb)
        assert kb.dossier("GB", "NO", "json") != before
        assert kb.fuse() > 0  # everything fused again
        _check(kb)


def test_while_fusion_is_pending_the_dossier_reads_the_mentions(tmp_path: Path) -> None:
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(SAMPLES / FILES[0])])
        a, b, _ = kb.pairs(limit=1)[0]
        want = kb.dossier(a, b, "json")
        assert '"sources": []' not in want
        # What a killed run leaves: a queued block, and (as if a document changed) stale sources.
        kb.store.con.execute("UPDATE pair_events SET sources = '[]'")
        kb.store.con.execute("INSERT INTO fusion_pending VALUES ('x|AA,BB')")
        assert kb.dossier(a, b, "json") == want


def test_a_database_of_schema_4_gets_the_pair_tables(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with bilat.open(db) as kb:
        kb.ingest([str(SAMPLES / name) for name in FILES])
        want = {p[:2]: kb.dossier(*p[:2], "json") for p in kb.pairs(limit=5)}
    con = duckdb.connect(str(db))  # what schema 4 had: event_actors (id, code), no pair_events
    con.execute("DROP TABLE pair_events")
    for col in ("kind", "date", "date_end", "confidence", "langs"):
        con.execute(f"ALTER TABLE event_actors DROP COLUMN {col}")
    con.execute("UPDATE bilat_meta SET value = '4' WHERE key = 'schema_version'")
    con.close()
    with bilat.open(db) as kb:
        assert {p: kb.dossier(*p, "json") for p in want} == want
        _check(kb)


@pytest.mark.parametrize("pair", [("GB", "NO"), ("no", "gb")])
def test_a_pair_and_an_actor_beside_it(tmp_path: Path, pair: tuple[str, str]) -> None:
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(SAMPLES / name) for name in FILES])
        events = list(kb.records("events"))
        both = {e["id"] for e in events if {"GB", "NO"} <= set(e["actors"])}
        assert both
        assert {e.id for e in kb.events(pair=pair, actor="GB")} == both
        third = {e["id"] for e in events if {"GB", "NO", "PL"} <= set(e["actors"])}
        assert {e.id for e in kb.events(pair=pair, actor="PL")} == third
        assert kb.count("events", pair=pair, actor="PL") == len(third)


# -- search ranked in the search terms alone (schema 6) ----------------------------------------


def test_search_follows_a_new_version_and_the_language(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Ministers of Latvia and Estonia met in Riga to talk about railways.\n", encoding="utf-8")
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(note)])
        hit = kb.search("railways")
        assert [h.text for h in hit] == ["Ministers of Latvia and Estonia met in Riga to talk about railways."]
        assert kb.search("railways", lang=hit[0].lang) == hit and kb.search("railways", lang="xx") == []
        note.write_text("Ministers of Latvia and Estonia met in Tallinn to talk about ferries, "
                        "and again about ferries in spring.\n", encoding="utf-8")
        kb.ingest([str(note)])
        assert kb.search("railways") == []  # the old version's sentence is no longer found
        new = kb.search("ferries")
        assert [h.name for h in new] == ["note"] and new[0].score == pytest.approx(1 + 1 / (1 + len(new[0].text) / 200))
        # a longer sentence ranks below a shorter one with the same words
        (tmp_path / "short.txt").write_text("Ferries of Estonia sail again.\n", encoding="utf-8")
        kb.ingest([str(tmp_path / "short.txt")])
        assert [h.name for h in kb.search("ferries estonia")] == ["short", "note"]


def test_a_database_of_schema_5_gets_the_placed_search_terms(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with bilat.open(db) as kb:
        kb.ingest([str(SAMPLES / name) for name in FILES])
        want = {w: kb.search(w) for w in ("visit", "minister", "wizyt", "торг")}
    assert any(want.values())
    con = duckdb.connect(str(db))  # what schema 5 had: search_terms (term, doc, idx)
    for col in ("start", "end", "lang"):
        con.execute(f'ALTER TABLE search_terms DROP COLUMN "{col}"')
    con.execute("UPDATE bilat_meta SET value = '5' WHERE key = 'schema_version'")
    con.close()
    with bilat.open(db) as kb:
        assert {w: kb.search(w) for w in want} == want


def test_fusion_cites_what_a_rebuild_from_every_stored_mention_cites(tmp_path: Path) -> None:
    """Fusion writes each event's sources from the mentions it read (``Store.block_chunks``), not by
    joining every stored mention: they are those that filling the table afresh from all of them
    gives, in the order of the mentions' ids, whatever the order they were read in."""
    for n, day in enumerate(("3 May 2021", "3 May")):  # one meeting told by two reports
        (tmp_path / f"report{n}.txt").write_text(
            f"Oslo, 3 May 2021. The Norwegian foreign minister met the British foreign secretary in London on {day}.",
            encoding="utf-8")
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([*(str(SAMPLES / name) for name in FILES), *(str(p) for p in sorted(tmp_path.glob("report*")))])
        con = kb.store.con
        read = "SELECT * FROM pair_events ORDER BY a, b, id"
        actors = "SELECT * FROM event_actors ORDER BY id, code"
        written, written_actors = con.execute(read).fetchall(), con.execute(actors).fetchall()
        pairs.fill(con)
        assert con.execute(read).fetchall() == written
        assert con.execute(actors).fetchall() == written_actors
    cited = [[m["id"] for m in json.loads(s)] for *_, s in written]
    assert any(len(c) > 1 for c in cited)
    assert all(c == sorted(c) for c in cited)


class _Statements:
    """A connection that notes every statement it runs, and passes everything on."""

    def __init__(self, con: Any) -> None:
        self._con, self.run = con, []

    def execute(self, sql: str, *args: Any) -> Any:
        self.run.append(sql)
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def test_large_blocks_cite_their_mentions_without_reading_every_stored_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A block fused in pieces (larger than a read) is written without the mentions fusion read: its
    events' sources are found by their mentions' ids, never by a join with every stored mention's
    record (at ten million mentions, seconds for each block), and are those a rebuild gives, the
    mentions of a document's old version left out."""
    from bilat.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    for name in FILES:
        shutil.copy(SAMPLES / name, folder / name)
    for n, day in enumerate(("3 May 2021", "3 May")):
        (folder / f"report{n}.txt").write_text(
            f"Oslo, 3 May 2021. The Norwegian foreign minister met the British foreign secretary in London on {day}.",
            encoding="utf-8")
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        kb.ingest([str(folder)])
        (folder / "report1.txt").write_text("Oslo, 4 May 2021. The Norwegian foreign minister met the British "
                                            "foreign secretary in London on 3 May.", encoding="utf-8")
        kb.ingest([str(folder)])
        monkeypatch.setattr(Store, "_MENTIONS_PER_QUERY", 2)
        monkeypatch.setattr(Store, "_LARGE_BLOCK", 2)
        assert [b for b, n in kb.store.block_sizes(kb.store.queue_all()) if n > 2]
        statements = _Statements(kb.store.con)
        kb.store.con = statements
        kb.fuse()
        kb.store.con = statements._con
        assert not [s for s in statements.run if pairs.CITED in s]
        con = kb.store.con
        read = "SELECT * FROM pair_events ORDER BY a, b, id"
        written = con.execute(read).fetchall()
        pairs.fill(con)
        assert con.execute(read).fetchall() == written
        _check(kb)
    assert any(len(json.loads(s)) > 1 for *_, s in written)


def _event_tables(con: Any) -> dict[str, list[Any]]:
    return {
        "events": con.execute("SELECT id, kind, date, record, block FROM events ORDER BY id").fetchall(),
        "event_actors": con.execute("SELECT id, code FROM event_actors ORDER BY id, code").fetchall(),
        "event_mentions": con.execute("SELECT event, mention FROM event_mentions ORDER BY event, mention").fetchall(),
        "pair_events": con.execute("SELECT a, b, id, record, sources FROM pair_events ORDER BY a, b, id").fetchall(),
    }


def test_an_increment_rewrites_only_the_events_it_changes(tmp_path: Path) -> None:
    """Fusing the blocks an increment touches leaves each unchanged event where it is stored (its
    row is not rewritten), and every events table ends as fusing everything afresh leaves it."""
    reports = []
    for n, (where, day) in enumerate((("London", "3 May 2021"), ("London", "3 May"), ("Oslo", "9 June 2021"))):
        p = tmp_path / f"report{n}.txt"
        p.write_text(f"Oslo, 3 May 2021. The Norwegian foreign minister met the British foreign secretary "
                     f"in {where} on {day}.", encoding="utf-8")
        reports.append(str(p))
    with bilat.open(tmp_path / "kb.duckdb") as kb:
        con = kb.store.con
        kb.ingest([*(str(SAMPLES / name) for name in FILES), reports[0]])
        read = "SELECT id, record, rowid FROM events"
        before = {i: (r, row) for i, r, row in con.execute(read).fetchall()}
        kb.ingest(reports[1:])  # one more report of the London meeting, and a second meeting
        after = {i: (r, row) for i, r, row in con.execute(read).fetchall()}
        same = [i for i in before if i in after and after[i][0] == before[i][0]]
        assert same and all(after[i][1] == before[i][1] for i in same)  # left where they were
        assert set(before) - set(after)  # the London meeting's event, now told by two reports, is replaced
        assert set(after) - set(before)
        increment = _event_tables(con)
        kb.fuse()  # everything again, from scratch
        assert _event_tables(con) == increment


def _in_order(con: Any, table: str) -> bool:
    """Whether the table's rows, as stored, follow the key it is kept sorted by."""
    key = query.CLUSTER[table]
    stored = con.execute(f"SELECT {key} FROM {table} ORDER BY rowid").fetchall()
    return stored == con.execute(f"SELECT {key} FROM {table} ORDER BY {key}").fetchall()


def test_rows_written_again_are_sorted_as_new_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A side table is sorted again once the rows appended since its last sort are a fifth of it,
    even when as many were deleted: fusing everything again leaves the same number of event rows,
    all of them appended in fusion's order, not the pages' (#10)."""
    monkeypatch.setattr(query, "UNSORTED", 0)
    db = tmp_path / "kb.duckdb"
    with bilat.open(db) as kb:
        kb.ingest([str(SAMPLES / name) for name in FILES])
    with bilat.open(db) as kb:
        con = kb.store.con
        assert _in_order(con, "event_actors") and _in_order(con, "pair_events")
        n = con.execute("SELECT count(*) FROM event_actors").fetchall()[0][0]
        kb.fuse()  # every event dropped and fused again: the same rows, appended block by block
        assert con.execute("SELECT count(*) FROM event_actors").fetchall()[0][0] == n
        assert not _in_order(con, "event_actors")
    with bilat.open(db, read_only=True) as kb:
        assert _in_order(kb.store.con, "event_actors") and _in_order(kb.store.con, "pair_events")
        assert kb.store.con.execute("SELECT value FROM bilat_meta WHERE key = 'added:event_actors'").fetchall() == [
            ("0",)]
