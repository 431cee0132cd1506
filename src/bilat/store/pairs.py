"""Event side tables that hold what a page shows, sorted so that a page reads one contiguous range (#9).

``event_actors`` keeps, beside each (state, event), the event's filter columns (kind, dates,
confidence, languages) and its record: a list filtered by a state is selected, ordered, paged and
counted in that table's range of the state. (Reading the page's records from ``events`` by id
instead was measured: each lookup in the primary key's index costs about 0.1 ms, and the index
pages it loads stay in DuckDB's memory, which then ran out of its 128 MB for a search.)

``pair_events`` keeps one row per event and pair of its states (``a`` < ``b``) with the event's
filter columns, its record and ``sources``: the doc, language and evidence of each fused mention
of a current document, as the dossier cites them, with that document's URL, title and date.
Sorted by (a, b, date), a pair's events, and their sources, lie in one or two row groups, which
DuckDB's zone maps find without reading the rest.

Both are written from the events in the transaction that writes them (``bilat.store.query.SIDE``),
and dropped with them (``query.forget``). ``sources`` is what the mentions were when the event was
fused: a new version of a document queues its blocks for fusion again, so while ``fusion_pending``
is not empty the dossier reads the mentions themselves (``read_pair``).
"""

from __future__ import annotations

import json
from typing import Any

import duckdb
import pyarrow as pa

#: the filter columns of an event (``query.EXTRA["events"]`` gives those that are SQL over its record)
_COLUMNS = ("kind", "date", "date_end", "confidence", "langs")
#: what the side tables need from an event's record, parsed once (``json_transform``)
_SHAPE = ('{{"confidence": "DOUBLE", "date_end": "VARCHAR", "languages": "VARCHAR[]", "actors": "VARCHAR[]", '
          '"mentions": "VARCHAR[]"}}')  # braces doubled: PARSED is formatted with its source
#: events ({src}: rows with id, kind, date, record, block) with what is parsed from their records:
#: the filter columns, ``acts`` (the distinct states) and ``ments`` (the cited mentions' ids)
PARSED = f"""
    SELECT id, kind, date, record, block, j.confidence, j.date_end, j.languages AS langs,
           list_distinct(j.actors) AS acts, j.mentions AS ments
    FROM (SELECT id, kind, date, CAST(record AS JSON) AS record, block, json_transform(record, '{_SHAPE}') AS j
          FROM {{src}})"""


TABLES = """
    CREATE TABLE IF NOT EXISTS pair_events (
        a VARCHAR NOT NULL, b VARCHAR NOT NULL, id VARCHAR NOT NULL, kind VARCHAR NOT NULL, date VARCHAR,
        date_end VARCHAR, confidence DOUBLE, langs VARCHAR[], record JSON NOT NULL, sources JSON NOT NULL);
    ALTER TABLE event_actors ADD COLUMN IF NOT EXISTS kind VARCHAR;
    ALTER TABLE event_actors ADD COLUMN IF NOT EXISTS date VARCHAR;
    ALTER TABLE event_actors ADD COLUMN IF NOT EXISTS date_end VARCHAR;
    ALTER TABLE event_actors ADD COLUMN IF NOT EXISTS confidence DOUBLE;
    ALTER TABLE event_actors ADD COLUMN IF NOT EXISTS langs VARCHAR[];
    ALTER TABLE event_actors ADD COLUMN IF NOT EXISTS record JSON;
"""


#: what a source in ``pair_events`` says of a cited mention ({src}: rows with id, record, url,
#: title, published), its record parsed once
CITE_COLUMNS = ("SELECT id, j[1] ->> '$' AS doc, j[2] AS lang, j[3] AS evidence, url, title, published FROM "
                "(SELECT *, json_extract(record, ['$.doc', '$.lang', '$.evidence']) AS j FROM {src})")
#: the mentions an event cites, with their current document (``{cited}`` in ``side_sql`` by default)
CITED = "(" + CITE_COLUMNS.format(
    src="(SELECT m.id, m.record, d.url, d.title, d.date AS published FROM mentions m "
        "JOIN documents d ON d.id = m.doc_id AND d.current)") + ")"


def cited_of(con: duckdb.DuckDBPyConnection, ev: str) -> pa.Table:
    """The mentions that the events of ``ev`` (rows as ``PARSED`` gives them) cite in ``pair_events``,
    with their current document, as ``CITE_COLUMNS`` gives them, for ``side_sql``'s ``{cited}`` when
    fusion did not hand them over. They are found in a scan of the mentions' ids alone, then their
    records are fetched by row number, which DuckDB reads without scanning the table: ``CITED``, a
    join with every stored mention's record, cost at ten million mentions about 12 s for each
    large block's events (#10)."""
    where = con.execute(
        "SELECT m.rowid, d.rowid FROM mentions m JOIN documents d ON d.id = m.doc_id AND d.current "
        f"WHERE m.id IN (SELECT unnest(ments) FROM {ev} WHERE len(acts) > 1)").fetchall()
    rows = CITE_COLUMNS.format(
        src="(SELECT m.id, m.record, d.url, d.title, d.date AS published FROM "
            "(SELECT id, record, doc_id FROM mentions WHERE rowid IN (SELECT unnest($1))) m JOIN "
            "(SELECT id, url, title, date FROM documents WHERE rowid IN (SELECT unnest($2))) d ON d.id = m.doc_id)")
    con.execute("SET arrow_lossless_conversion = true")
    try:
        return con.sql(rows, params=[[m for m, _ in where], sorted({d for _, d in where})]).to_arrow_table()
    finally:
        con.execute("RESET arrow_lossless_conversion")


def side_sql() -> tuple[tuple[str, str], tuple[str, str]]:
    """The statements that fill ``event_actors`` and ``pair_events``, each with its table, from
    events as ``PARSED`` gives them ({ev}) and the mentions they cite as ``CITE_COLUMNS`` gives them ({cited}:
    ``CITED``, or the rows fusion read, which spares a join with every stored mention per batch).
    Each pair of an event's states is made from its narrow list of states before the record
    joins it: a join of the record with two unnested lists cost three times as much (#10)."""
    columns = ", ".join(_COLUMNS)
    actors = (f"INSERT INTO event_actors (id, code, {columns}, record) "
              f"SELECT id, unnest(acts), {columns}, record FROM {{ev}}")
    pairs = f"""
        INSERT INTO pair_events (a, b, id, {columns}, record, sources)
        WITH e AS (SELECT *, unnest(flatten(list_transform(acts, lambda x: list_transform(
                       list_filter(acts, lambda y: x < y), lambda y: [x, y])))) AS ab
                   FROM {{ev}} WHERE len(acts) > 1),
        s AS (SELECT em.id, CAST('[' || string_agg(CAST(json_object('id', m.id, 'doc', m.doc, 'lang', m.lang,
                     'evidence', m.evidence, 'url', m.url, 'title', m.title, 'published', m.published) AS VARCHAR),
                     ',' ORDER BY m.id) || ']' AS JSON) AS sources
              FROM (SELECT id, unnest(ments) AS mention FROM {{ev}} WHERE len(acts) > 1) em
              JOIN {{cited}} m ON m.id = em.mention GROUP BY em.id)
        SELECT e.ab[1], e.ab[2], e.id, {', '.join('e.' + c for c in _COLUMNS)}, e.record,
               coalesce(s.sources, '[]') FROM e LEFT JOIN s ON s.id = e.id
    """
    return ("event_actors", actors), ("pair_events", pairs)


def fill(con: duckdb.DuckDBPyConnection) -> None:
    """Create the two tables (or add the filter columns to an older ``event_actors``) and fill them
    afresh from the stored events."""
    con.execute(TABLES)
    con.execute("DELETE FROM event_actors; DELETE FROM pair_events")
    for _, sql in side_sql():
        con.execute(sql.format(ev=f"({PARSED.format(src='events')})", cited=CITED))


def pair_key(a: str, b: str) -> list[str]:
    """The pair as ``pair_events`` keys it: the two codes, upper-cased, in order."""
    return sorted((a.upper(), b.upper()))


Pair = tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, tuple[Any, ...]]]


def read_pair(con: duckdb.DuckDBPyConnection, a: str, b: str) -> Pair:
    """A pair's events, newest first (as ``kb.events(pair=...)`` lists them), the fused mentions
    they cite (doc, lang, evidence) and (url, title, date) of their documents by name, read from
    the pair's range of ``pair_events``."""
    from bilat.store import query

    if con.execute("SELECT count(*) FROM fusion_pending").fetchall()[0][0]:
        events = query.Query(con, "events", query.Filters(pair=(a, b))).records()
        mentions = query.by_id(con, "mentions", [m for e in events for m in e.get("mentions") or ()])
        return events, mentions, documents(con, [m["doc"] for m in mentions])
    rows = con.execute("SELECT record, sources FROM pair_events WHERE a = ? AND b = ? "
                       "ORDER BY date DESC NULLS LAST, id", pair_key(a, b)).fetchall()
    mentions = {m["id"]: m for _, s in rows for m in json.loads(s)}
    docs = {m["doc"]: (m.get("url"), m.get("title"), m.get("published")) for m in mentions.values()}
    return [json.loads(r) for r, _ in rows], list(mentions.values()), docs


def documents(con: duckdb.DuckDBPyConnection, names: list[str]) -> dict[str, tuple[Any, ...]]:
    """(url, title, date) of the newest current document of each name, in one query (measured: about
    170 ms for 800 names among 200,000 documents, hence the copy in ``sources``)."""
    if not names:
        return {}
    rows = con.execute(
        "SELECT name, url, title, date FROM documents WHERE current AND name IN (SELECT unnest(?)) "
        "QUALIFY row_number() OVER (PARTITION BY name ORDER BY version DESC) = 1", [sorted(set(names))]).fetchall()
    return {r[0]: r[1:] for r in rows}
