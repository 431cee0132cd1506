"""Filtered reads: indexed, parameterised SQL over the stored records (#9).

Beside each stored mention, indicator and event the store keeps what a filter needs as
columns (language, confidence, end date, evidence sentence, reporter and partner) and as
side tables (``mention_actors`` and ``event_actors``: one row per record and state;
``event_actors`` and ``pair_events`` also hold what an event list or a pair page shows, see
``bilat.store.pairs``; ``event_mentions``: the mentions fused into each event). All of it is
written in the transaction that writes the record, from the record itself, so it cannot drift.

Full-text search is a table of terms in the same DuckDB file: ``search_terms(term, doc, idx,
start, end, lang)`` holds each distinct lower-cased word of every sentence that is not
boilerplate (``idx`` -1 for a document's title) with the sentence's place and language, split
at anything that is not a letter, digit or mark, by DuckDB itself (the same function splits a
query). A query word matches the words it begins (``визит`` finds ``визита``, ``визитом``;
``wizyt`` finds ``wizytą``): prefix matching in place of a stemmer, which serves the six
languages alike (Snowball has no Belarusian, Ukrainian or Persian). The reasons, and the
numbers, are in the README.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from bilat.store import pairs as sides

#: what separates words: anything but letters, digits and combining marks (RE2 syntax)
SPLIT = r"[^\p{L}\p{N}\p{M}]+"
#: a query word this long or longer also matches the longer words it begins
PREFIX_FROM = 3
MAX_TERMS = 16
_LAST = "\U0010ffff"
_FEW = 512
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_LIST = "CAST(json_extract(record, '{}') AS VARCHAR[])"

#: columns kept beside the record, as SQL over its JSON
EXTRA: dict[str, dict[str, str]] = {
    "mentions": {
        "lang": "json_extract_string(record, '$.lang')",
        "confidence": "CAST(json_extract(record, '$.confidence') AS DOUBLE)",
        "date_end": "json_extract_string(record, '$.date_end')",
        "sentence": "CAST(json_extract(record, '$.evidence.sentence') AS INTEGER)",
    },
    "events": {
        "confidence": "CAST(json_extract(record, '$.confidence') AS DOUBLE)",
        "date_end": "json_extract_string(record, '$.date_end')",
        "langs": _LIST.format("$.languages"),
    },
    "indicators": {
        "lang": "json_extract_string(record, '$.lang')",
        "reporter": "json_extract_string(record, '$.reporter')",
        "partner": "json_extract_string(record, '$.partner')",
    },
}
_TYPES = {"lang": "VARCHAR", "confidence": "DOUBLE", "date_end": "VARCHAR", "sentence": "INTEGER",
          "langs": "VARCHAR[]", "reporter": "VARCHAR", "partner": "VARCHAR"}
#: side tables filled from a batch of new records, each statement with the table it fills ({src}:
#: the batch; {ev}: its events as ``pairs.PARSED`` gives them, each record parsed once for all)
SIDE: dict[str, tuple[tuple[str, str], ...]] = {
    "mentions": (("mention_actors",
                  f"INSERT INTO mention_actors SELECT id, unnest({_LIST.format('$.actors')}) FROM {{src}}"),),
    # event_actors with the filter columns and the record, pair_events (see bilat.store.pairs)
    "events": (*sides.side_sql(), ("event_mentions", "INSERT INTO event_mentions SELECT id, unnest(ments) FROM {ev}")),
    "indicators": (),
}
#: records whose filter columns and side rows are written from a parse of each record made once
#: per batch (``EXTRA``'s columns by name), not from each column's own SQL over the JSON
PARSED = {"events": sides.PARSED}


def create(con: duckdb.DuckDBPyConnection) -> None:
    """Add the filter columns, side tables, search terms and indexes, filled from what is stored
    (run again, it fills them afresh)."""
    for table, cols in EXTRA.items():
        for col in cols:
            con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {col} {_TYPES[col]}")
        con.execute(f"UPDATE {table} SET " + ", ".join(f"{c} = {s}" for c, s in cols.items()))
    con.execute("""
        CREATE TABLE IF NOT EXISTS mention_actors (id VARCHAR NOT NULL, code VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS event_actors (id VARCHAR NOT NULL, code VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS event_mentions (event VARCHAR NOT NULL, mention VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS search_terms (term VARCHAR NOT NULL, doc VARCHAR NOT NULL, idx INTEGER NOT NULL);
        ALTER TABLE search_terms ADD COLUMN IF NOT EXISTS "start" INTEGER;
        ALTER TABLE search_terms ADD COLUMN IF NOT EXISTS "end" INTEGER;
        ALTER TABLE search_terms ADD COLUMN IF NOT EXISTS lang VARCHAR;
        DELETE FROM mention_actors; DELETE FROM event_actors; DELETE FROM event_mentions; DELETE FROM search_terms;
    """)
    con.execute(sides.TABLES + "; DELETE FROM pair_events")  # the event side tables of schema 5
    for table, statements in SIDE.items():
        for _, sql in statements:
            ev = f"({PARSED[table].format(src=table)})" if table in PARSED else table
            con.execute(sql.format(src=table, ev=ev, cited=sides.CITED))
    index_text(con, None)
    # No ART index on the side tables: measured, an index scan over thousands of rows is slower than
    # DuckDB's column scan, and they are kept sorted instead (cluster). event_mentions had one (schema
    # 4 to 6): see migration 7.
    cluster(con, force=True)


#: side tables and the key each is kept sorted by, so that DuckDB's zone maps skip the rest
CLUSTER = {"mention_actors": "code, id", "event_actors": "code, id", "search_terms": "term, doc, idx",
           "pair_events": "a, b, date, id"}
#: rows appended after the last sort that a table takes unsorted, beside a fifth of its sorted rows
UNSORTED = 50_000


def append(con: duckdb.DuckDBPyConnection, table: str, sql: str, params: Any = None) -> None:
    """Run ``sql``, an INSERT into the side table ``table``, and note how many rows it appended
    (``cluster`` sorts the table once enough were)."""
    ((rows,),) = con.execute(sql, params).fetchall()
    if rows and table in CLUSTER:
        con.execute("INSERT INTO bilat_meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                    "CAST(CAST(bilat_meta.value AS BIGINT) + CAST(excluded.value AS BIGINT) AS VARCHAR)",
                    [f"added:{table}", str(rows)])


def cluster(con: duckdb.DuckDBPyConnection, force: bool = False, tables: Sequence[str] = tuple(CLUSTER)) -> None:
    """Rewrite the side tables sorted by their keys once the rows appended since the last sort are
    more than a fifth of the sorted ones (and ``UNSORTED``): the cost of a rewrite is shared by
    the writes that made it needed. Rows appended count whether or not others were deleted: an
    increment that rewrites events, or a fusion of everything again, leaves as many rows as
    before, but unsorted. (A database written before that count was kept: its rows beyond the
    last sort's count.)"""
    for table in tables:
        key = CLUSTER[table]
        n = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        meta = dict(con.execute("SELECT key, value FROM bilat_meta WHERE key IN (?, ?)",
                                [f"sorted:{table}", f"added:{table}"]).fetchall())
        new = int(meta[f"added:{table}"]) if f"added:{table}" in meta else n - int(meta.get(f"sorted:{table}", 0))
        if not force and new <= (n - new) * 0.2 + UNSORTED:
            continue
        con.execute(f"CREATE TABLE {table}_sorted AS SELECT * FROM {table} ORDER BY {key}")
        con.execute(f"DROP TABLE {table}")
        con.execute(f"ALTER TABLE {table}_sorted RENAME TO {table}")
        con.execute("INSERT OR REPLACE INTO bilat_meta VALUES (?, ?), (?, '0')",
                    [f"sorted:{table}", str(n), f"added:{table}"])


def index_text(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str] | None, sentences: str = "sentences") -> None:
    """Add the search terms of these documents (all when None): their sentences and titles, each
    term with where its sentence is and its language (a title: 0, its length and the document's
    language), so that a search ranks its hits in this table alone.

    ``sentences``: the table (or registered batch) that holds those documents' sentences. A batch
    being stored passes its own: read from the whole table, every batch would scan all the
    sentences stored before it, a cost that grew with the database (#10)."""
    only = "" if doc_ids is None else "AND d.id IN (SELECT unnest($ids))"
    words = "unnest(regexp_split_to_array(lower(TEXT), '" + SPLIT + "'))"
    append(con, "search_terms", f"""
        INSERT INTO search_terms (term, doc, idx, "start", "end", lang)
        SELECT DISTINCT term, doc, idx, s0, s1, lang FROM (
            SELECT s.doc, s.idx, s."start" AS s0, s."end" AS s1, coalesce(s.lang, d.lang) AS lang,
                   {words.replace("TEXT", 'substr(d.text, s."start" + 1, s."end" - s."start")')} AS term
            FROM {sentences} s JOIN documents d ON d.id = s.doc WHERE NOT s.boilerplate {only}
            UNION ALL
            SELECT d.id, -1, 0, length(d.title), d.lang, {words.replace("TEXT", "d.title")}
            FROM documents d WHERE d.title IS NOT NULL {only}
        ) WHERE length(term) BETWEEN 1 AND 64
    """, {} if doc_ids is None else {"ids": list(doc_ids)})


def forget(con: duckdb.DuckDBPyConnection, table: str, where: str, params: list[Any]) -> None:
    """Drop the side rows of the records of ``table`` that ``where`` (over that table) selects
    (``"true"``: every one, without looking each up)."""
    if where == "true":
        for side in {"mentions": ("mention_actors",),
                     "events": ("event_actors", "pair_events", "event_mentions")}.get(table, ()):
            con.execute(f"DELETE FROM {side}")
    elif table == "mentions":
        con.execute(f"DELETE FROM mention_actors WHERE id IN (SELECT id FROM mentions WHERE {where})", params)
    elif table == "events":
        con.execute(f"DELETE FROM event_actors WHERE id IN (SELECT id FROM events WHERE {where})", params)
        con.execute(f"DELETE FROM pair_events WHERE id IN (SELECT id FROM events WHERE {where})", params)
        con.execute(f"DELETE FROM event_mentions WHERE event IN (SELECT id FROM events WHERE {where})", params)


# -- filters -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Filters:
    """What a list of records is narrowed to. Dates are ISO prefixes ("2019", "2019-05")."""

    kind: str | None = None
    actor: str | None = None
    pair: tuple[str, str] | None = None
    since: str | None = None
    until: str | None = None
    lang: str | None = None
    doc: str | None = None
    q: str | None = None
    min_confidence: float | None = None
    indicator: str | None = None


class Query:
    """SQL for one table and one set of filters: a FROM clause, conditions and their parameters."""

    def __init__(self, con: duckdb.DuckDBPyConnection, table: str, f: Filters) -> None:
        if table not in EXTRA:
            raise ValueError(f"unknown table {table!r} (choose from {', '.join(EXTRA)})")
        self.con, self.table = con, table
        # Events filtered by a pair or a state are read from a side table holding their filter
        # columns, sorted by pair or state, so the rest of the table is skipped (bilat.store.pairs).
        self.source = table
        self.joins: list[str] = []
        self.where: list[str] = []
        self.params: list[Any] = []
        if table != "events":
            self.joins.append("JOIN documents d ON d.id = t.doc_id AND d.current")
        self._build(f)

    def _cond(self, sql: str, *params: Any) -> None:
        self.where.append(sql)
        self.params.extend(params)

    def _build(self, f: Filters) -> None:
        t = self.table
        if f.kind is not None:
            self._cond("t.indicator = ?" if t == "indicators" else "t.kind = ?", f.kind)
        if f.indicator is not None:
            if t != "indicators":
                raise ValueError("indicator= filters indicators only")
            self._cond("t.indicator = ?", f.indicator)
        codes = [c.upper() for c in ([f.actor] if f.actor else []) + list(f.pair or ())]
        if f.pair is not None:
            if len(f.pair) != 2:
                raise ValueError(f"a pair is two states, not {len(f.pair)}")
            if f.pair[0].upper() == f.pair[1].upper():
                raise ValueError(f"a pair needs two different states, not {f.pair[0]} and {f.pair[1]}")
        if codes and t == "events":
            if f.pair is not None:
                self.source = "pair_events"
                self._cond("t.a = ? AND t.b = ?", *sides.pair_key(*f.pair))
            else:
                self.source = "event_actors"
                self._cond("t.code = ?", codes[0])
            # What is left: an actor beside the pair, other than its two states.
            codes = [c for c in codes[:1] if f.actor and f.pair is not None and c not in sides.pair_key(*f.pair)]
        if codes and t == "indicators":
            for code in codes:
                self._cond("(t.reporter = ? OR t.partner = ?)", code, code)
        elif codes:
            # The ids first, from the side table kept sorted by state (a few row groups); a few of
            # them then filter the records' scan itself, which a join would read whole.
            side = "mention_actors" if t == "mentions" else "event_actors"
            sql = " INTERSECT ".join(f"SELECT id FROM {side} WHERE code = ?" for _ in codes)
            ids = [r[0] for r in self.con.execute(sql, codes).fetchall()]
            if len(ids) <= _FEW:
                self._cond("list_contains(?, t.id)", ids)
            else:
                self._cond(f"t.id IN ({sql})", *codes)
        for name in ("since", "until"):
            value = getattr(f, name)
            if value is not None and not _DATE.fullmatch(str(value)):
                raise ValueError(f"{name}={value!r} is not a date such as 2019, 2019-05 or 2019-05-03")
        date = "t.period" if t == "indicators" else "t.date"
        end = date if t == "indicators" else f"coalesce(t.date_end, {date})"
        if f.since:
            # At the precision of both: "2019" begins on or after "2019-05" too (it may be in it).
            self._cond(f"{end} IS NOT NULL AND ({end} >= ? OR starts_with(?, {end}))", f.since, f.since)
        if f.until:
            self._cond(f"{date} IS NOT NULL AND substr({date}, 1, length(?)) <= ?", f.until, f.until)
        if f.lang:
            self._cond("list_contains(t.langs, ?)" if t == "events" else "t.lang = ?", f.lang)
        if f.min_confidence is not None:
            if t == "indicators":
                raise ValueError("indicators have no confidence")
            self._cond("t.confidence >= ?", float(f.min_confidence))
        if f.doc:
            if t == "events":
                self._cond("t.id IN (SELECT em.event FROM event_mentions em JOIN mentions m ON m.id = em.mention "
                           "JOIN documents d ON d.id = m.doc_id WHERE d.current AND (d.name = ? OR d.id = ?))",
                           f.doc, f.doc)
            else:
                self._cond("(d.name = ? OR d.id = ?)", f.doc, f.doc)
        if f.q is not None:
            hits, params = sentence_hits(self.con, f.q)
            if t == "events":
                self.joins.append(f"SEMI JOIN (SELECT em.event FROM event_mentions em JOIN mentions m "
                                  f"ON m.id = em.mention JOIN ({hits}) h ON h.doc = m.doc_id AND h.idx = m.sentence"
                                  f") qh ON qh.event = t.id")
            else:
                sentence = "t.sentence" if t == "mentions" else \
                    "CAST(json_extract(t.record, '$.evidence.sentence') AS INTEGER)"
                self.joins.append(f"SEMI JOIN ({hits}) h ON h.doc = t.doc_id AND h.idx = {sentence}")
            self.params[0:0] = params  # the joins come before the WHERE clause

    def sql(self, select: str, tail: str = "") -> str:
        where = f"WHERE {' AND '.join(self.where)}" if self.where else ""
        return f"SELECT {select} FROM {self.source} t {' '.join(self.joins)} {where} {tail}"

    def count(self) -> int:
        return int(self.con.execute(self.sql("count(*)"), self.params).fetchall()[0][0])

    def records(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        return list(self.iter(limit, offset))

    def iter(self, limit: int | None = None, offset: int = 0, page: int = 5_000) -> Iterator[dict[str, Any]]:
        """The records, newest first, read a bounded page at a time."""
        date = "t.period" if self.table == "indicators" else "t.date"
        order = f"ORDER BY {date} DESC NULLS LAST, t.id"
        offset = max(0, int(offset))
        left = None if limit is None else max(0, int(limit))
        while left is None or left > 0:
            n = page if left is None else min(page, left)
            rows = self.con.execute(self.sql("t.record", f"{order} LIMIT {n} OFFSET {offset}"), self.params).fetchall()
            for (r,) in rows:
                yield json.loads(r)
            if len(rows) < n:
                return
            offset += n
            left = None if left is None else left - n


def terms(con: duckdb.DuckDBPyConnection, q: str) -> list[str]:
    """The words of a query, split and lower-cased as the search terms are."""
    rows = con.execute(f"SELECT DISTINCT t FROM (SELECT unnest(regexp_split_to_array(lower(?), '{SPLIT}')) t) "
                       f"WHERE length(t) BETWEEN 1 AND 64", [q]).fetchall()
    return sorted(r[0] for r in rows)[:MAX_TERMS]


def sentence_hits(con: duckdb.DuckDBPyConnection, q: str, words: list[str] | None = None, place: bool = False
                  ) -> tuple[str, list[Any]]:
    """SQL (and its parameters) for the (doc, idx) of the sentences and titles holding every word of
    ``q``, with ``whole``: how many of the words they hold whole, not only as a prefix; ``place``
    adds where the sentence is and its language (s0, s1, lang)."""
    words = terms(con, q) if words is None else words
    more = ', NULL::INTEGER AS s0, NULL::INTEGER AS s1, NULL::VARCHAR AS lang' if place else ''
    if not words:
        return f"SELECT NULL::VARCHAR AS doc, NULL::INTEGER AS idx, 0 AS whole{more} WHERE false", []
    parts, params = [], []
    for i, w in enumerate(words):
        cols = ', any_value("start") AS s0, any_value("end") AS s1, any_value(lang) AS lang' if place and not i else ''
        parts.append(f"SELECT doc, idx, max((term = ?)::INTEGER) AS whole{cols} FROM search_terms "
                     "WHERE term BETWEEN ? AND ? GROUP BY doc, idx")
        params += [w, w, w + _LAST if len(w) >= PREFIX_FROM else w]
    sql = f"({parts[0]}) p0"
    for i, part in enumerate(parts[1:], 1):
        sql += f" JOIN ({part}) p{i} USING (doc, idx)"
    whole = " + ".join(f"p{i}.whole" for i in range(len(parts)))
    return f"SELECT doc, idx, {whole} AS whole{', s0, s1, lang' if place else ''} FROM {sql}", params


def search(con: duckdb.DuckDBPyConnection, q: str, limit: int = 20, offset: int = 0,
           lang: str | None = None) -> list[tuple[Any, ...]]:
    """Sentences and titles holding every word of ``q`` (as prefixes), best first:
    (kind, doc id, doc name, sentence index or None, text, score, lang).

    The score counts the query words met whole (not only as a prefix) and prefers short sentences.
    """
    # Ranked in the search terms alone (they hold each sentence's place and language); the documents
    # are read for the page's hits only, and for which of them are no longer current (a few).
    hits, params = sentence_hits(con, q, place=True)
    lang_cond = "AND h.lang = ?" if lang else ""
    sql = f"""
        WITH h AS ({hits}),
        r AS (
            SELECT h.doc, h.idx, h.whole + 1.0 / (1 + (h.s1 - h.s0) / 200.0) AS score, h.s0, h.s1, h.lang
            FROM h WHERE h.doc NOT IN (SELECT id FROM documents WHERE NOT current) {lang_cond}
            ORDER BY score DESC, h.doc, h.idx LIMIT ? OFFSET ?)
        SELECT CASE WHEN r.idx < 0 THEN 'document' ELSE 'sentence' END, r.doc, d.name,
               CASE WHEN r.idx < 0 THEN NULL ELSE r.idx END,
               CASE WHEN r.idx < 0 THEN d.title ELSE substr(d.text, r.s0 + 1, r.s1 - r.s0) END, r.score, r.lang
        FROM r JOIN documents d ON d.id = r.doc ORDER BY r.score DESC, r.doc, r.idx
    """
    args = [*params, *([lang] if lang else []), max(0, int(limit)), max(0, int(offset))]
    return con.execute(sql, args).fetchall()


def by_id(con: duckdb.DuckDBPyConnection, table: str, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Records of ``table`` by id (mentions of current documents only), in the order of ``ids``."""
    if table not in EXTRA:
        raise ValueError(f"unknown table {table!r}")
    if not ids:
        return []
    # A few ids: list_contains, a filter in the scan itself, several times faster here than a join;
    # many: a semi join (list_contains would hold every row's copy of the list). The documents are
    # checked in a second query over those found.
    def where(n: int) -> str:
        return "list_contains(?, id)" if n <= _FEW else "id IN (SELECT unnest(?))"

    doc = "NULL" if table == "events" else "doc_id"
    rows = con.execute(f"SELECT id, {doc}, record FROM {table} WHERE {where(len(ids))}", [list(ids)]).fetchall()
    docs = sorted({r[1] for r in rows if r[1] is not None})
    current = {r[0] for r in con.execute(f"SELECT id FROM documents WHERE current AND {where(len(docs))}",
                                         [docs]).fetchall()} if docs else set()
    found = {i: r for i, d, r in rows if d is None or d in current}
    return [json.loads(found[i]) for i in dict.fromkeys(ids) if i in found]


def pairs(con: duckdb.DuckDBPyConnection, limit: int = 20) -> list[tuple[str, str, int]]:
    """The pairs of states with the most events."""
    return [tuple(r) for r in con.execute(
        "SELECT a.code, b.code, count(*) AS n FROM event_actors a JOIN event_actors b ON a.id = b.id "
        "AND a.code < b.code GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?", [max(0, int(limit))]).fetchall()]


def partners(con: duckdb.DuckDBPyConnection, code: str) -> list[dict[str, Any]]:
    """Everyone a state or organisation has events with: counts in all, by kind and by year."""
    rows = con.execute(
        "SELECT b.code, a.kind, substr(a.date, 1, 4), count(*) FROM event_actors a "
        "JOIN event_actors b ON b.id = a.id AND b.code <> a.code WHERE a.code = ? GROUP BY ALL",
        [code.upper()]).fetchall()
    out: dict[str, dict[str, Any]] = {}
    for partner, kind, year, n in rows:
        p = out.setdefault(partner, {"code": partner, "events": 0, "kinds": {}, "years": {}})
        p["events"] += n
        p["kinds"][kind] = p["kinds"].get(kind, 0) + n
        y = year or "undated"
        p["years"][y] = p["years"].get(y, 0) + n
    for p in out.values():
        p["kinds"] = dict(sorted(p["kinds"].items(), key=lambda kv: (-kv[1], kv[0])))
        p["years"] = dict(sorted(p["years"].items()))
    return sorted(out.values(), key=lambda p: (-p["events"], p["code"]))


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event by id."""
    rows = con.execute("SELECT record FROM events WHERE id = ?", [event_id]).fetchall()
    return json.loads(rows[0][0]) if rows else None


def event_mentions(con: duckdb.DuckDBPyConnection, event_id: str) -> list[dict[str, Any]]:
    """The mentions fused into an event (of current documents), in the order the event lists them:
    the ids its record lists, found by id (measured at a million mentions: 1.6 ms, where a join of
    ``event_mentions`` with the mentions took 42)."""
    wanted = event(con, event_id)
    return by_id(con, "mentions", (wanted or {}).get("mentions") or [])


def document(con: duckdb.DuckDBPyConnection, where: str, value: str) -> tuple[Any, ...] | None:
    """The newest current document whose ``where`` ("id" or "name") is ``value``."""
    rows = con.execute(
        f"SELECT name, text, source, format, lang, date, title, url, encoding FROM documents "
        f"WHERE {'id = ?' if where == 'id' else 'name = ? AND current'} ORDER BY version DESC LIMIT 1",
        [value]).fetchall()
    return rows[0] if rows else None

