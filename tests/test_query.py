"""Filtered queries, search and names for states (#9): the SQL answers as a plain Python filter
over every record would, page by page, and bad values are refused in one line."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

import bilat
from bilat import dossier
from bilat.actors import resolve
from bilat.citations import DocumentInfo
from conftest import REPO, SAMPLES


@pytest.fixture(scope="module")
def samples_kb(tmp_path_factory: pytest.TempPathFactory):
    """The repository's samples, ingested once for the module (read only)."""
    db = tmp_path_factory.mktemp("query") / "samples.duckdb"
    with bilat.open(db) as kb:
        assert kb.ingest([str(SAMPLES)]).stored > 10
    kb = bilat.open(db, read_only=True)
    yield kb
    kb.close()


def _date_ok(date: str | None, end: str | None, since: str | None, until: str | None) -> bool:
    """The filter's meaning, written plainly: ISO prefixes compared at the precision of both."""
    if since is None and until is None:
        return True
    if date is None:
        return False
    last = end or date
    after = since is None or last >= since or since.startswith(last)
    before = until is None or date[: len(until)] <= until
    return after and before


def _oracle(records: list[dict], what: str, kind=None, actor=None, pair=None, since=None, until=None,
            lang=None, doc=None, min_confidence=None) -> list[str]:
    out = []
    for r in records:
        codes = set(r.get("actors") or ()) if what != "indicators" else {r.get("reporter"), r.get("partner")}
        langs = r.get("languages") if what == "events" else [r.get("lang")]
        date, end = (r.get("period"), None) if what == "indicators" else (r.get("date"), r.get("date_end"))
        if kind and r.get("indicator" if what == "indicators" else "kind") != kind:
            continue
        if actor and actor not in codes:
            continue
        if pair and not set(pair) <= codes:
            continue
        if not _date_ok(date, end, since, until):
            continue
        if lang and lang not in (langs or ()):
            continue
        if doc and r.get("doc") != doc:
            continue
        if min_confidence is not None and r.get("confidence", 0.5) < min_confidence:
            continue
        out.append(r)
    out.sort(key=lambda r: r["id"])
    key = "period" if what == "indicators" else "date"
    out.sort(key=lambda r: r.get(key) or "", reverse=True)  # newest first; undated last (stable)
    out.sort(key=lambda r: r.get(key) is None)
    return [r["id"] for r in out]


@pytest.mark.parametrize("what", ["events", "mentions", "indicators"])
def test_every_filter_and_combination_matches_a_plain_filter(samples_kb, what: str) -> None:
    everything = list(samples_kb.records(what))
    assert everything, what
    kinds = sorted({r.get("indicator" if what == "indicators" else "kind") for r in everything})
    codes = sorted({c for r in everything for c in (r.get("actors") or [r.get("reporter"), r.get("partner")])
                    if c})
    dates = sorted({(r.get("period") if what == "indicators" else r.get("date")) or "2020" for r in everything})
    langs = sorted({lang for r in everything for lang in (r.get("languages") or [r.get("lang")]) if lang})
    docs = sorted({r["doc"] for r in everything if "doc" in r})
    pairs = sorted({(r["actors"][0], r["actors"][1]) for r in everything if len(r.get("actors") or ()) >= 2})
    rng = random.Random(9)
    seen_nonempty = 0
    for trial in range(60):
        f: dict = {}
        choices = ["kind", "actor", "pair", "since", "until", "lang", "confidence"] + (["doc"] if docs else [])
        for name in rng.sample(choices, k=1 + trial % 3):
            if name == "kind":
                f["kind"] = rng.choice(kinds)
            elif name == "actor":
                f["actor"] = rng.choice(codes)
            elif name == "pair" and pairs:
                f["pair"] = rng.choice(pairs)
            elif name in ("since", "until"):
                d = rng.choice(dates)
                f[name] = d[: rng.choice([4, 7, 10])]
            elif name == "lang":
                f["lang"] = rng.choice(langs)
            elif name == "doc":
                f["doc"] = rng.choice(docs)
            elif name == "confidence" and what != "indicators":
                f["min_confidence"] = rng.choice([0.3, 0.6, 0.8, 0.9])
        want = _oracle(everything, what, **f)
        api = {k: v for k, v in f.items()}
        if what == "indicators" and "kind" in api:
            api["indicator"] = api.pop("kind")
        got = [r.id for r in getattr(samples_kb, what)(**api)]
        assert got == want, (what, f)
        assert samples_kb.count(what, **api) == len(want)
        seen_nonempty += bool(want)
    assert seen_nonempty >= 10  # the trials must exercise filters that select something


@pytest.mark.parametrize("what", ["events", "mentions"])
def test_pages_make_up_the_whole_list(samples_kb, what: str) -> None:
    whole = [r.id for r in getattr(samples_kb, what)()]
    pages = []
    for offset in range(0, len(whole) + 7, 7):
        pages += [r.id for r in getattr(samples_kb, what)(limit=7, offset=offset)]
    assert pages == whole
    assert getattr(samples_kb, what)(limit=0) == []
    assert len(getattr(samples_kb, what)(limit=3)) == 3


def test_date_filters_at_the_precision_of_both(samples_kb) -> None:
    dated = [e for e in samples_kb.events() if e.date and len(e.date) == 10]
    e = dated[0]
    year, month = e.date[:4], e.date[:7]
    for since, until in ((year, year), (month, month), (e.date, e.date), (year, None), (None, month)):
        ids = {x.id for x in samples_kb.events(since=since, until=until)}
        assert e.id in ids, (since, until)
    assert e.id not in {x.id for x in samples_kb.events(since=str(int(year) + 1))}
    assert e.id not in {x.id for x in samples_kb.events(until=str(int(year) - 1))}
    undated = [x.id for x in samples_kb.events() if x.date is None]
    assert not set(undated) & {x.id for x in samples_kb.events(since="1000")}


def test_one_event_its_mentions_and_documents(samples_kb) -> None:
    for e in samples_kb.events(limit=10):
        assert samples_kb.event(e.id) == e
        mentions = samples_kb.event_mentions(e.id)
        assert [m.id for m in mentions] == list(e.mentions)
        for m in mentions:
            doc = samples_kb.document(m.doc)
            assert doc is not None and samples_kb.document_by_id(doc.id) == doc
            assert m.evidence.text == doc.text[m.evidence.start : m.evidence.end] or m.evidence.text in doc.text
    assert samples_kb.event("e:nope") is None and samples_kb.event_mentions("e:nope") == []
    assert samples_kb.document_by_id("0" * 16) is None and samples_kb.document("no such") is None


def test_doc_and_q_filters_follow_the_evidence(samples_kb) -> None:
    m = samples_kb.mentions(limit=1)[0]
    assert {x.doc for x in samples_kb.mentions(doc=m.doc)} == {m.doc}
    events = samples_kb.events(doc=m.doc)
    assert events and all(set(e.mentions) & {x.id for x in samples_kb.mentions(doc=m.doc)} for e in events)
    word = max(m.evidence.text.split(), key=len).strip(".,;:«»()\"'")
    found = samples_kb.mentions(q=word.upper())
    assert m.id in {x.id for x in found}
    assert all(word.lower() in x.evidence.text.lower() for x in found)
    assert {e.id for e in samples_kb.events(q=word)} == {
        e.id for e in samples_kb.events() if set(e.mentions) & {x.id for x in found}}


def test_pairs_and_partners_count_the_events(samples_kb) -> None:
    events = samples_kb.events()
    for a, b, n in samples_kb.pairs(limit=5):
        assert a < b and n == sum({a, b} <= set(e.actors) for e in events)
    top = samples_kb.pairs(limit=1)[0]
    partners = {p["code"]: p for p in samples_kb.partners(top[0])}
    assert partners[top[1]]["events"] == top[2] == sum(partners[top[1]]["kinds"].values())


def test_the_dossier_reads_only_the_pair_and_says_the_same(samples_kb) -> None:
    a, b, _ = samples_kb.pairs(limit=1)[0]
    documents = {d.name: DocumentInfo(d.url, d.title, d.date) for d in samples_kb.documents()}
    everything = dossier.build(a, b, samples_kb.records("events"), samples_kb.records("mentions"),
                               samples_kb.records("indicators"), documents=documents)
    assert samples_kb.dossier(a, b, "json") == dossier.render(everything, "json")
    with pytest.raises(ValueError, match="two different states"):
        samples_kb.dossier(a, a.lower())
    with pytest.raises(ValueError, match="two different states"):
        samples_kb.events(pair=(a, a))


@pytest.mark.parametrize("value", ["x' OR 1=1 --", "'; DROP TABLE events; --", "%", "\\", "\x00"])
def test_injection_strings_select_nothing(samples_kb, value: str) -> None:
    for name in ("kind", "actor", "doc", "lang"):
        assert samples_kb.events(**{name: value}) == []
    for name in ("since", "until"):
        with pytest.raises(ValueError, match="is not a date such as 2019"):
            samples_kb.events(**{name: value})
    assert samples_kb.search(value) == [] or all(h.kind in ("sentence", "document") for h in samples_kb.search(value))
    assert samples_kb.count("events") > 0


@pytest.mark.parametrize(("name", "code"), [
    ("BY", "BY"), ("no", "NO"), ("Belarus", "BY"), ("Беларусь", "BY"), ("Беларусі", "BY"), ("Norwegia", "NO"),
    ("Норвегия", "NO"), ("Норвегія", "NO"), ("نروژ", "NO"), ("the United Kingdom", "GB"), ("EU", "EU"),
])
def test_names_resolve_to_codes(name: str, code: str) -> None:
    assert resolve(name) == code


def test_unknown_names_are_refused_clearly() -> None:
    with pytest.raises(ValueError, match="unknown state or organisation name 'Atlantis'"):
        resolve("Atlantis")
    with pytest.raises(ValueError, match="unknown state or organisation code 'XX'"):
        resolve("XX")


# -- search in every language ----------------------------------------------------------------

SEARCH = {  # a sentence, a query in another case or form, and a word absent from it (sentences of our own)
    "en": ("The Foreign Minister of Norway visited Minsk on Tuesday.", "VISIT norway", "Warsaw"),
    "ru": ("Министр иностранных дел Норвегии прибыл в Минск с официальным визитом.", "ВИЗИТ Минск", "Киев"),
    "be": ("Міністр замежных спраў Нарвегіі наведаў Мінск з афіцыйным візітам.", "візіт мінск", "Кіеў"),
    "uk": ("Міністр закордонних справ Норвегії прибув до Мінська з офіційним візитом.", "ВІЗИТ мінськ", "Київ"),
    "pl": ("Minister spraw zagranicznych Norwegii złożył wizytę w Mińsku.", "ZŁOŻYŁ wizyt", "Kijów"),
    "fa": ("وزیر امور خارجه نروژ برای یک سفر رسمی وارد مینسک شد.", "سفر مینسک", "کییف"),
}


@pytest.fixture(scope="module")
def search_kb(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("search")
    for lang, (sentence, _, _) in SEARCH.items():
        other = {"fa": "دو طرف درباره همکاری گفتگو کردند.", "en": "The two sides discussed trade."}.get(lang, "")
        (folder / f"{lang}_note.txt").write_text(f"{sentence} {other}\n", encoding="utf-8")
    with bilat.open(folder / "s.duckdb") as kb:
        kb.ingest([str(folder)])
        yield kb


@pytest.mark.parametrize("lang", sorted(SEARCH))
def test_search_finds_the_sentence_in_every_language(search_kb, lang: str) -> None:
    sentence, query, absent = SEARCH[lang]
    hits = search_kb.search(query)
    assert [h.text for h in hits] == [sentence], lang
    hit = hits[0]
    assert hit.kind == "sentence" and hit.name == f"{lang}_note" and hit.sentence == 0
    doc = search_kb.document_by_id(hit.doc)
    assert doc is not None and sentence in doc.text
    assert search_kb.search(f"{query} {absent}") == []  # every word must be there
    assert search_kb.search(query, lang="xx") == []


def test_search_pages_and_prefers_whole_words(search_kb) -> None:
    assert search_kb.search("мінск") and search_kb.search("") == []
    both = search_kb.search("мін")  # a prefix: the be and uk sentences (Мінск, Мінська, Міністр)
    assert {h.name for h in both} == {"be_note", "uk_note"}
    assert search_kb.search("мін", limit=1) + search_kb.search("мін", limit=1, offset=1) == both
    whole = search_kb.search("мінськ")
    assert [h.name for h in whole] == ["uk_note"]
    assert search_kb.search("minister norwegii")[0].name == "pl_note"


def test_a_database_of_schema_3_gets_the_query_tables(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with bilat.open(db) as kb:
        kb.ingest([str(SAMPLES / "no_gb_relations_en.md")])
        want = [e.id for e in kb.events(pair=("GB", "NO"))]
        hits = kb.search("visit")
        con = kb.store.con
        for table in ("mention_actors", "event_actors", "event_mentions", "search_terms"):
            con.execute(f"DELETE FROM {table}")
        con.execute("UPDATE bilat_meta SET value = '3' WHERE key = 'schema_version'")
    assert want and hits
    with bilat.open(db) as kb:
        assert [e.id for e in kb.events(pair=("GB", "NO"))] == want
        assert kb.search("visit") == hits


def test_a_database_of_schema_6_drops_the_index_on_event_mentions(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with bilat.open(db) as kb:
        kb.ingest([str(SAMPLES)])
        event = max(kb.events(), key=lambda e: len(e.mentions))
        want = [m.id for m in kb.event_mentions(event.id)]
        doc = kb.event_mentions(event.id)[0].doc
        con = kb.store.con
        con.execute("CREATE INDEX event_mentions_event ON event_mentions (event)")
        con.execute("UPDATE bilat_meta SET value = '6' WHERE key = 'schema_version'")
    assert want == list(event.mentions) and len(want) > 1
    with bilat.open(db) as kb:
        assert not kb.store.con.execute("SELECT * FROM duckdb_indexes() WHERE index_name = 'event_mentions_event'"
                                        ).fetchall()
        assert [m.id for m in kb.event_mentions(event.id)] == want
        assert event.id in [e.id for e in kb.events(doc=doc)]  # event_mentions still answers filters


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bilat", *args], capture_output=True, text=True, timeout=120,
                          cwd=REPO, env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"})


def test_cli_events_mentions_and_export_filter(samples_kb) -> None:
    db = samples_kb.path
    a, b, n = samples_kb.pairs(limit=1)[0]
    r = _cli("events", "--db", db, "--pair", a, b, "--json", "--limit", "0")
    assert r.returncode == 0, r.stderr
    import json

    out = json.loads(r.stdout)
    assert out["total"] == n and [e["id"] for e in out["events"]] == [e.id for e in samples_kb.events(pair=(a, b))]
    r = _cli("mentions", "--db", db, "--actor", a, "--limit", "2")
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 2 and "--offset 2" in r.stderr
    r = _cli("export", "events", "--db", db, "--pair", a, b)
    assert r.returncode == 0 and len(r.stdout.splitlines()) == n
    for args in (("events", "--pair", a, a.lower()), ("dossier", a, a), ("events", "--actor", "Atlantis")):
        r = _cli(*args, "--db", db)
        assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
        assert r.stderr.startswith("bilat: error: "), r.stderr


def test_cli_dossier_takes_names(samples_kb) -> None:
    r = _cli("dossier", "Беларусь", "China", "--db", samples_kb.path)
    assert r.returncode == 0, r.stderr
    assert r.stdout == samples_kb.dossier("BY", "CN")
