"""Versioned schema migrations: each step runs once, in order, inside a transaction."""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from bilat.errors import SchemaError

Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: list[tuple[int, str, Migration]] = []


def migration(version: int, what: str) -> Callable[[Migration], Migration]:
    """Register a migration step (sqlite-utils style)."""

    def register(fn: Migration) -> Migration:
        MIGRATIONS.append((version, what, fn))
        MIGRATIONS.sort(key=lambda m: m[0])
        return fn

    return register


@migration(1, "documents, paragraphs, sentences, flagged spans; mentions, indicators, events")
def _v1(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE documents (
            id VARCHAR PRIMARY KEY,      -- content hash of text
            name VARCHAR NOT NULL,       -- file name without folder/extension, or the JSONL id
            source VARCHAR NOT NULL,     -- path (or path:line for a JSONL corpus, '-' for stdin)
            version INTEGER NOT NULL,    -- 1, 2, ... for successive texts from the same source
            current BOOLEAN NOT NULL,    -- the newest version of its source
            format VARCHAR, lang VARCHAR, date VARCHAR, title VARCHAR, url VARCHAR, encoding VARCHAR,
            chars INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE paragraphs (
            doc VARCHAR NOT NULL, idx INTEGER NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
            lang VARCHAR, boilerplate BOOLEAN NOT NULL
        );
        CREATE TABLE sentences (
            doc VARCHAR NOT NULL, idx INTEGER NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
            lang VARCHAR, boilerplate BOOLEAN NOT NULL
        );
        CREATE TABLE spans (doc VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
                            kind VARCHAR NOT NULL);
        CREATE TABLE mentions (id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
                               date VARCHAR, record JSON NOT NULL);
        CREATE TABLE indicators (id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, indicator VARCHAR NOT NULL,
                                 period VARCHAR, record JSON NOT NULL);
        CREATE TABLE events (id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, date VARCHAR,
                             record JSON NOT NULL);
        """
    )


@migration(2, "fusion blocks on mentions and events, for incremental fusion")
def _v2(con: duckdb.DuckDBPyConnection) -> None:
    block = ("kind || '|' || array_to_string(list_sort(CAST(json_extract(record, '$.actors') AS VARCHAR[])), ',')")
    con.execute(f"""
        ALTER TABLE mentions ADD COLUMN block VARCHAR;
        UPDATE mentions SET block = {block};
        ALTER TABLE events ADD COLUMN block VARCHAR;
        UPDATE events SET block = {block};
    """)


@migration(3, "a durable queue of fusion blocks to fuse, written with each batch")
def _v3(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE fusion_pending (block VARCHAR PRIMARY KEY)")
    # Before the queue, a run killed between a batch and its fusion left blocks with mentions and no
    # events: queue them, so the first open for writing repairs such a database.
    con.execute("""
        INSERT INTO fusion_pending
        SELECT DISTINCT m.block FROM mentions m JOIN documents d ON d.id = m.doc_id
        WHERE d.current AND m.block IS NOT NULL
          AND m.block NOT IN (SELECT block FROM events WHERE block IS NOT NULL)
    """)



@migration(4, "filter columns, actor and event-mention tables, and a search-term index, for filtered queries (#9)")
def _v4(con: duckdb.DuckDBPyConnection) -> None:
    from bilat.store import query

    query.create(con)


@migration(5, "filter columns on event_actors and a pair_events table sorted by pair, so pages read one range (#9)")
def _v5(con: duckdb.DuckDBPyConnection) -> None:
    from bilat.store import pairs, query

    pairs.fill(con)
    query.cluster(con, force=True, tables=("event_actors", "pair_events"))


@migration(6, "search terms with their sentence's place and language, so a search ranks in one table (#9)")
def _v6(con: duckdb.DuckDBPyConnection) -> None:
    from bilat.store import query

    con.execute("""
        ALTER TABLE search_terms ADD COLUMN IF NOT EXISTS "start" INTEGER;
        ALTER TABLE search_terms ADD COLUMN IF NOT EXISTS "end" INTEGER;
        ALTER TABLE search_terms ADD COLUMN IF NOT EXISTS lang VARCHAR;
        DELETE FROM search_terms;
    """)
    query.index_text(con, None)
    query.cluster(con, force=True, tables=("search_terms",))


@migration(7, "event_mentions without its index on event, which every write of events paid for (#10)")
def _v7(con: duckdb.DuckDBPyConnection) -> None:
    # An event's mentions are found from its record; deletes scan the table, as they do
    # event_actors. The index held a key per fused mention in memory, and each write of events
    # updated it: at ten million mentions, 10 million keys (see docs/scale.md).
    con.execute("DROP INDEX IF EXISTS event_mentions_event")


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open database (0 for a new one)."""
    con.execute("CREATE TABLE IF NOT EXISTS bilat_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    row = con.execute("SELECT value FROM bilat_meta WHERE key = 'schema_version'").fetchall()
    return int(row[0][0]) if row else 0


def outdated(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether ``migrate`` has steps to run on this database."""
    return current_version(con) < MIGRATIONS[-1][0]


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the schema up to date; return the version reached."""
    have = current_version(con)
    latest = MIGRATIONS[-1][0]
    if have > latest:
        raise SchemaError(f"database schema version {have} is newer than this bilat knows ({latest}); upgrade bilat")
    for version, _what, step in MIGRATIONS:
        if version <= have:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            step(con)
            con.execute(
                "INSERT OR REPLACE INTO bilat_meta VALUES ('schema_version', ?)",
                [str(version)],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return max(have, latest)
