"""Filtered queries and search on a large synthetic knowledge base (#9): p50/p95 and peak memory.

    python bench/bench_query.py                     # 1,000,000 events, 2,000,000 mentions, 190 states
    python bench/bench_query.py --events 200000     # smaller
    python bench/bench_query.py --db big.duckdb --keep   # keep (and reuse) the database

The database is written straight into bilat's tables by SQL (two mentions per event, ten sentences
per document, words from six languages and a Zipf-like vocabulary), then the query tables and the
search index are built by the same code the schema migration runs, and timed. The queries run in
a fresh process through the library, with bilat's default buffer pool, so its peak memory is the
reading's alone. The pair page is ``kb.dossier(A, B, "json")``; an event page ``kb.event`` plus
``kb.event_mentions``; a filtered list ``kb.events(actor, kind, since, limit=50)`` with its
``kb.count``; a search ``kb.search(word)``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import peak_rss_mib

KINDS = ["visit", "meeting", "phone_call", "agreement_signed", "consultations", "statement", "criticism",
         "aid", "trade_talks", "credentials", "praise", "protest", "sanction", "invitation", "condolence",
         "congratulation", "cooperation", "negotiation", "summit", "relations_established"]
LANGS = ["en", "ru", "be", "uk", "pl", "fa"]
WORDS = {  # a few real words per language among the synthetic ones, for the search
    "en": "visit minister foreign talks trade signed agreement", "ru": "визит министр переговоры торговля",
    "be": "візіт міністр перамовы гандаль", "uk": "візит міністр переговори торгівля",
    "pl": "wizyta minister rozmowy handel złożył", "fa": "سفر وزیر مذاکرات تجارت",
}


def _states() -> list[str]:
    from bilat.extract.gazetteer import _iso_codes

    return sorted(_iso_codes())[:190]


STATES = _states()


def build(db: str, events: int) -> dict[str, float]:
    os.environ.setdefault("BILAT_DUCKDB_MEMORY", "4GB")
    import bilat
    from bilat.store import query

    docs = events * 2 // 10
    times: dict[str, float] = {}
    with bilat.open(db) as kb:
        con = kb.store.con
        for (name,) in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall():
            con.execute(f"DROP INDEX {name}")
        langs = "[" + ", ".join(f"'{x}'" for x in LANGS) + "]"
        codes = "[" + ", ".join(f"'{x}'" for x in STATES) + "]"
        kinds = "[" + ", ".join(f"'{x}'" for x in KINDS) + "]"
        real = "[" + ", ".join(f"'{w}'" for x in LANGS for w in WORDS[x].split()) + "]"
        t = time.perf_counter()
        # Sentences: ten per document, eight words each (a Zipf-like draw from 20,000 made-up words
        # and the real ones), in the document's language.
        con.execute(f"""
            CREATE TEMP TABLE s AS
            SELECT d, i, {langs}[d % 6 + 1] AS lang,
                   list_aggregate([CASE WHEN random() < 0.1 THEN {real}[(random() * len({real}))::INT + 1]
                                   ELSE 'w' || (pow(random(), 3) * 20000)::INT END
                                   FOR _ IN range(8)], 'string_agg', ' ') || '.' AS text
            FROM range({docs}) r(d), range(10) q(i)
        """)
        con.execute("""
            CREATE TEMP TABLE so AS SELECT d, i, lang, text,
                   sum(length(text) + 1) OVER (PARTITION BY d ORDER BY i) - length(text) - 1 AS st FROM s
        """)
        con.execute("""
            INSERT INTO documents (id, name, source, version, current, format, lang, date, title, url,
                                   encoding, chars, text)
            SELECT 'd' || lpad(d::VARCHAR, 9, '0'), 'doc' || d, 'synthetic/' || d, 1, true, 'txt', any_value(lang),
                   NULL, 'title ' || d, NULL, 'utf-8', sum(length(text) + 1) - 1,
                   string_agg(text, ' ' ORDER BY i)
            FROM so GROUP BY d
        """)
        con.execute("""
            INSERT INTO sentences SELECT 'd' || lpad(d::VARCHAR, 9, '0'), i, st, st + length(text), lang, false
            FROM so
        """)
        # Events: 190 states, the pairs drawn unevenly (a few pairs have many events).
        con.execute(f"""
            CREATE TEMP TABLE ev AS
            SELECT k, {kinds}[(hash(k) % 20)::INT + 1] AS kind,
                   {codes}[(pow(random(), 2) * 190)::INT % 190 + 1] AS a,
                   {codes}[(random() * 189)::INT + 1] AS b0,
                   (1990 + (hash(k * 7) % 36))::VARCHAR || '-' || lpad((1 + hash(k * 3) % 12)::VARCHAR, 2, '0')
                   || '-' || lpad((1 + hash(k * 5) % 28)::VARCHAR, 2, '0') AS date,
                   round(0.5 + random() / 2, 2) AS confidence
            FROM range({events}) r(k)
        """)
        con.execute(f"UPDATE ev SET b0 = '{STATES[189]}' WHERE b0 = a")
        con.execute("""
            INSERT INTO mentions (id, doc_id, kind, date, record, block)
            SELECT 'm:' || j, 'd' || lpad((j // 10)::VARCHAR, 9, '0'), ev.kind, ev.date,
                   json_object('id', 'm:' || j, 'doc', 'doc' || (j // 10), 'lang', so.lang, 'kind', ev.kind,
                               'plover', NULL, 'plover_mode', NULL, 'cameo', NULL, 'date', ev.date,
                               'evidence', json_object('sentence', j % 10, 'start', so.st,
                                                       'end', so.st + length(so.text), 'text', so.text),
                               'actors', list_sort([ev.a, ev.b0]), 'confidence', ev.confidence)::VARCHAR,
                   ev.kind || '|' || array_to_string(list_sort([ev.a, ev.b0]), ',')
            FROM range(2 * (SELECT count(*) FROM ev)) r(j) JOIN ev ON ev.k = j // 2
            JOIN so ON so.d = j // 10 AND so.i = j % 10
        """)
        con.execute("""
            INSERT INTO events (id, kind, date, record, block)
            SELECT 'e:' || k, kind, date,
                   json_object('id', 'e:' || k, 'kind', kind, 'plover', NULL, 'cameo', NULL, 'date', date,
                               'mentions', ['m:' || (2 * k), 'm:' || (2 * k + 1)],
                               'languages', list_distinct([l1.lang, l2.lang]),
                               'actors', list_sort([a, b0]), 'confidence', confidence)::VARCHAR,
                   kind || '|' || array_to_string(list_sort([a, b0]), ',')
            FROM ev JOIN so l1 ON l1.d = (2 * k) // 10 AND l1.i = (2 * k) % 10
            JOIN so l2 ON l2.d = (2 * k + 1) // 10 AND l2.i = (2 * k + 1) % 10
        """)
        con.execute("DROP TABLE s; DROP TABLE so; DROP TABLE ev")
        times["records_s"] = time.perf_counter() - t
        t = time.perf_counter()
        query.create(con)  # what the migration runs: filter columns, side tables, search terms, indexes
        times["query_tables_and_search_index_s"] = time.perf_counter() - t
        t = time.perf_counter()
        con.execute("DELETE FROM search_terms")
        query.index_text(con, None)
        times["search_terms_alone_s"] = time.perf_counter() - t
        t = time.perf_counter()
        query.cluster(con, force=True)  # what a writer's close does once a fifth of the rows are new
        times["sort_side_tables_s"] = time.perf_counter() - t
        times["search_terms_rows"] = con.execute("SELECT count(*) FROM search_terms").fetchall()[0][0]
        con.execute("CHECKPOINT")
    times["db_mb"] = round(Path(db).stat().st_size / 2**20, 1)
    return times


def measure(db: str, n: int, seed: int) -> dict[str, object]:
    import bilat

    rng = random.Random(seed)
    out: dict[str, object] = {}
    with bilat.open(db, read_only=True) as kb:
        events = kb.count("events")
        pairs = kb.pairs(limit=200)
        ids = [f"e:{rng.randrange(events)}" for _ in range(n)]
        words = [w for ws in WORDS.values() for w in ws.split()] + [f"w{rng.randrange(2000)}" for _ in range(20)]

        def timed(name: str, fn, args: list) -> None:
            fn(*args[0])  # warm
            ms = []
            for a in args:
                t = time.perf_counter()
                fn(*a)
                ms.append((time.perf_counter() - t) * 1000)
            ms.sort()
            out[name] = {"p50_ms": round(statistics.median(ms), 1), "p95_ms": round(ms[int(len(ms) * 0.95) - 1], 1),
                         "max_ms": round(ms[-1], 1), "n": len(ms)}

        def event_page(i: str) -> None:
            assert kb.event(i) is not None
            kb.event_mentions(i)

        def event_list(code: str, kind: str, since: str) -> None:
            kb.events(actor=code, kind=kind, since=since, limit=50)
            kb.count("events", actor=code, kind=kind, since=since)

        pair_args = [tuple(rng.choice(pairs)[:2]) for _ in range(n)]
        timed("pair_page(dossier json)", lambda a, b: kb.dossier(a, b, "json"), pair_args)
        timed("pair_events(limit 50)", lambda a, b: kb.events(pair=(a, b), limit=50), pair_args)
        timed("event_page", event_page, [(i,) for i in ids])
        timed("filtered_list(actor,kind,since)+count", event_list,
              [(rng.choice(STATES), rng.choice(KINDS), str(rng.randrange(1990, 2026))) for _ in range(n)])
        timed("search(1 word)", lambda w: kb.search(w), [(rng.choice(words),) for _ in range(n)])
        timed("search(2 words)", lambda w, v: kb.search(f"{w} {v}"),
              [(rng.choice(words), rng.choice(words)) for _ in range(n)])
        out["largest_pair_events"] = pairs[0][2]
        out["events"], out["mentions"] = events, kb.count("mentions")
    # VmHWM, not ru_maxrss: this process is started by the large one that built the database
    out["peak_rss_mb"] = round(peak_rss_mib(), 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", help="database file (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the database; reuse it when it exists")
    ap.add_argument("-n", type=int, default=100, help="queries per measurement")
    ap.add_argument("--memory", help="DuckDB's buffer pool for the queries (BILAT_DUCKDB_MEMORY; default: bilat's)")
    ap.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure_only:
        print(json.dumps(measure(args.db, args.n, 9)))
        return
    tmp = tempfile.mkdtemp()
    db = args.db or str(Path(tmp) / "bench.duckdb")
    report: dict[str, object] = {"events_asked": args.events}
    if not Path(db).exists():
        t = time.perf_counter()
        report["build"] = build(db, args.events)
        report["build"]["total_s"] = round(time.perf_counter() - t, 1)  # type: ignore[index]
    # A fresh process, with bilat's default buffer pool (or --memory): the peak memory is the queries'.
    env = {k: v for k, v in os.environ.items() if k != "BILAT_DUCKDB_MEMORY"}
    if args.memory:
        env["BILAT_DUCKDB_MEMORY"] = args.memory
    r = subprocess.run([sys.executable, __file__, "--measure-only", "--db", db, "-n", str(args.n)],
                       capture_output=True, text=True, env=env, timeout=3600)
    if r.returncode:
        sys.exit(r.stderr)
    report["queries"] = json.loads(r.stdout)
    print(json.dumps(report, indent=1, ensure_ascii=False))
    if not args.keep:
        for p in Path(tmp).iterdir():
            p.unlink()


if __name__ == "__main__":
    main()
