"""The ``bilat`` command: each command parses its options, calls the knowledge base, and prints."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

import bilat
from bilat.engine import default_workers
from bilat.errors import BilatError
from bilat.exports import COLUMNS, FORMATS
from bilat.ingest import MAX_BYTES
from bilat.kb import BATCH_SIZE, IngestProgress
from bilat.records import ActorSummary, CanonicalPerson, to_dict

R = TypeVar("R")

db_option = click.option("--db", default=bilat.DEFAULT_DB, show_default=True, help="The DuckDB database file.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print a machine-readable JSON summary.")


def clean_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn bilat's own errors, a file that cannot be written, and a database that fails while it
    is read (a damaged file) into one line on stderr and exit code 2."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (BilatError, ValueError, KeyError, OSError) as e:
            msg = e.args[0] if isinstance(e, KeyError) and e.args else e
            click.echo(f"bilat: error: {msg}", err=True)
            sys.exit(2)
        except Exception as e:
            from bilat.store import database_error

            line = database_error(e, kwargs.get("db") or bilat.DEFAULT_DB)
            if line is None:
                raise
            click.echo(f"bilat: error: {line}", err=True)
            sys.exit(2)

    return run


@click.group()
@click.version_option(bilat.__version__, prog_name="bilat")
def cli() -> None:
    """bilat: documents about international relations into a knowledge base of dated events."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@json_option
@click.option("-v", "--verbose", is_flag=True, help="Print each document as it is stored.")
@click.option("--max-size", default=MAX_BYTES // 2**20, show_default=True, help="Largest single file, in MB.")
@click.option("--batch-size", default=BATCH_SIZE, show_default=True, help="Documents committed per transaction.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes analysing documents (default: the number of cores; 1: this process only).")
@clean_errors
def ingest(paths: tuple[str, ...], db: str, quiet: bool, as_json: bool, verbose: bool, max_size: int,
           batch_size: int, workers: int | None) -> None:
    """Read files, folders, globs or - (stdin) into the knowledge base."""
    from tqdm import tqdm

    bar = tqdm(total=0, unit="B", unit_scale=True, unit_divisor=1024, disable=True if quiet or as_json else None,
               file=sys.stderr, leave=False)

    def progress(p: IngestProgress) -> None:
        # Bytes, so that one large JSON Lines or CSV corpus moves the bar too (#8).
        bar.total = p.bytes_total
        bar.set_postfix_str(f"{p.documents} documents, file {min(p.files_done + 1, p.files)}/{p.files}",
                            refresh=False)
        bar.update(p.bytes_done - bar.n)

    created = not Path(db).exists()
    with bilat.open(db) as kb:
        report = kb.ingest(
            paths,
            max_bytes=max_size * 2**20,
            batch_size=batch_size,
            workers=workers or default_workers(),
            progress=progress,
            on_failure=lambda f: tqdm.write(f"bilat: skipped {f}", file=sys.stderr),
            on_warning=(lambda w: tqdm.write(f"bilat: warning: {w}", file=sys.stderr)) if not as_json else None,
            on_stored=(lambda d: tqdm.write(f"stored {d.name}", file=sys.stderr)) if verbose else None,
        )
        bar.close()
        summary = kb.summary()
    if created and report.stored == 0:
        # Nothing to store (a missing input, say): leave no empty database behind (#8).
        for leftover in (Path(db), Path(db + ".wal")):
            leftover.unlink(missing_ok=True)
        summary = {}
    if as_json:
        click.echo(json.dumps({"ingest": report.as_dict(), "knowledge_base": summary}, ensure_ascii=False))
    elif not quiet:
        click.echo(
            f"Read {report.documents} documents from {report.files} files in {report.seconds:.1f} s: "
            f"{report.stored} stored, {report.unchanged} already there, {len(report.failures)} failed."
        )
        if report.ignored:
            kinds = sorted({Path(p).suffix or "(none)" for p in report.ignored})
            click.echo(f"Passed over {len(report.ignored)} files of other formats in folders ({', '.join(kinds)}).")
        click.echo(format_summary(summary) if summary else f"Nothing stored, so no database was created at {db}.")
    sys.exit(0 if report.ok else 1)


@cli.command()
@db_option
@json_option
@clean_errors
def summary(db: str, as_json: bool) -> None:
    """Documents and sentences per language, mentions, indicators, events."""
    with bilat.open(db, read_only=True) as kb:
        s = kb.summary()
    click.echo(json.dumps(s, ensure_ascii=False) if as_json else format_summary(s))


def filter_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The record filters of ``events``, ``mentions`` and ``export`` (one declaration for all three)."""
    options = [
        click.option("--kind", help="Only this kind (visit, meeting, ...; for indicators: the indicator)."),
        click.option("--actor", help="Only records with this state or organisation (a code or a name)."),
        click.option("--pair", nargs=2, help="Only records with both states: --pair BY NO (codes or names)."),
        click.option("--since", help="From this date on (an ISO prefix: 2019, 2019-05, 2019-05-03)."),
        click.option("--until", help="Up to this date (an ISO prefix; --until 2019 includes 2019-12-31)."),
        click.option("--lang", help="Only records stated in this language (be, ru, uk, fa, en, pl)."),
        click.option("--doc", help="Only records from this document (its name or id)."),
        click.option("--search", "q", help="Only records whose evidence sentence holds these words."),
        click.option("--min-confidence", type=float, help="Only records at least this confident (0-1)."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def filters_from(kind: str | None, actor: str | None, pair: tuple[str, str] | None, since: str | None,
                 until: str | None, lang: str | None, doc: str | None, q: str | None,
                 min_confidence: float | None, what: str = "events") -> dict[str, Any]:
    """The filters given on the command line, with names of states resolved to codes."""
    from bilat.actors import resolve

    pair = (resolve(pair[0]), resolve(pair[1])) if pair else None
    if pair and pair[0] == pair[1]:
        raise ValueError(f"a pair needs two different states: {pair[0]} and {pair[1]} are the same")
    f = {"actor": resolve(actor) if actor else None, "pair": pair, "since": since, "until": until,
         "lang": lang, "doc": doc, "q": q, "min_confidence": min_confidence,
         ("indicator" if what == "indicators" else "kind"): kind}
    if what == "indicators" and min_confidence is not None:
        raise ValueError("indicators have no confidence: leave out --min-confidence")
    return {k: v for k, v in f.items() if v is not None}


@cli.command()
@click.argument("what", type=click.Choice(list(COLUMNS)))
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("-o", "--output", help="Output file (default: standard output; required for parquet).")
@click.option("--excel", is_flag=True, help="CSV for spreadsheets: UTF-8 with a byte-order mark.")
@filter_options
@clean_errors
def export(what: str, db: str, fmt: str, output: str | None, excel: bool, **options: Any) -> None:
    """Export mentions, indicators or events (the records are described in docs/records.md);
    --format plover writes PLOVER JSON Lines."""
    filters = filters_from(**options, what=what)
    skipped: list[str] = []
    with bilat.open(db, read_only=True) as kb:
        n = kb.export(what, fmt, output, excel=excel, on_skip=lambda r: skipped.append(r["id"]), **filters)
    if skipped:
        click.echo(f"bilat: left out {len(skipped)} {what} whose date has no year (PLOVER needs a date)", err=True)
    if output:
        click.echo(f"Wrote {n} {what} to {output}", err=True)


@cli.command()
@click.argument("name")
@db_option
@click.option("--all", "show_all", is_flag=True, help="Include boilerplate sentences.")
@clean_errors
def sentences(name: str, db: str, show_all: bool) -> None:
    """Print a stored document's sentences with their offsets and languages."""
    with bilat.open(db, read_only=True) as kb:
        rows = kb.sentences(name, include_boilerplate=show_all)
    for s in rows:
        flag = " [boilerplate]" if s.boilerplate else ""
        click.echo(f"{s.index:4d} {s.start:6d}-{s.end:<6d} {s.lang or '?':3s}{flag} {s.text}")


@cli.command("eval")
@click.argument("paths", nargs=-1)
@click.option("--gold", multiple=True, required=True, help="A gold JSON Lines file: mentions, indicators or events.")
@click.option("--exclude-hard", is_flag=True, help="Drop gold marked hard.")
@json_option
@db_option
@clean_errors
def eval_command(paths: tuple[str, ...], gold: tuple[str, ...], exclude_hard: bool, as_json: bool, db: str) -> None:
    """Score the knowledge base against gold files; PATHS, when given, are ingested first."""
    from bilat.evaluate import format_report

    with bilat.open(db) as kb:
        if paths:
            kb.ingest(paths)
        results = kb.evaluate(list(gold), exclude_hard=exclude_hard)
    texts = [format_report(what, res) for what, res in results.items()]
    click.echo(json.dumps(results, ensure_ascii=False, indent=1) if as_json else "\n\n".join(texts))


@cli.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True)
@click.option("-o", "--output", help="Output file (default: standard output).")
@clean_errors
def dossier(a: str, b: str, db: str, fmt: str, output: str | None) -> None:
    """What has happened between states A and B (codes or names: BY NO, Belarus Norway, Беларусь Норвегия):
    timeline, figures, people, conflicts."""
    from bilat.actors import resolve

    a, b = resolve(a), resolve(b)
    if a == b:
        raise ValueError(f"a dossier is about two different states: {a} and {b} are the same")
    with bilat.open(db, read_only=True) as kb:
        text = kb.dossier(a, b, fmt)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"Wrote the {a.upper()}–{b.upper()} dossier to {output}", err=True)
    else:
        click.echo(text, nl=False)


def _list_command(what: str, line: Callable[[Any], str]) -> Callable[..., Any]:
    @db_option
    @json_option
    @filter_options
    @click.option("--limit", default=50, show_default=True, help="At most this many (0: all).")
    @click.option("--offset", default=0, show_default=True, help="Skip this many first (for the next page).")
    @clean_errors
    def command(db: str, as_json: bool, limit: int, offset: int, **options: Any) -> None:
        filters = filters_from(**options, what=what)
        with bilat.open(db, read_only=True) as kb:
            rows = getattr(kb, what)(**filters, limit=limit or None, offset=offset)
            total = kb.count(what, **filters)
        if as_json:
            click.echo(json.dumps({"total": total, "offset": offset, what: [to_dict(r) for r in rows]},
                                  ensure_ascii=False, indent=1))
            return
        for r in rows:
            click.echo(line(r))
        if total > offset + len(rows):
            click.echo(f"({len(rows)} of {total}; the next page: --offset {offset + len(rows)})", err=True)

    return command


def _event_line(e: Any) -> str:
    langs = ",".join(e.languages)
    return f"{e.date or '?':10s} {e.kind:22s} {'-'.join(e.actors):12s} [{langs}] {e.confidence:.2f} {e.id}"


def _mention_line(m: Any) -> str:
    return f"{m.date or '?':10s} {m.kind:22s} {'-'.join(m.actors):12s} {m.lang or '?'} {m.doc}: {m.evidence.text}"


cli.command("events", help="Fused events, newest first, filtered: bilat events --pair BY NO --kind visit "
            "--since 2019.")(_list_command("events", _event_line))
cli.command("mentions", help="Event mentions (one per sentence that states an event), newest first, "
            "filtered as events are.")(_list_command("mentions", _mention_line))


@cli.command()
@db_option
@json_option
@clean_errors
def people(db: str, as_json: bool) -> None:
    """Everyone the sources name: spellings across languages, roles and states over time."""
    with bilat.open(db, read_only=True) as kb:
        rows = kb.people()

    def line(p: CanonicalPerson) -> str:
        roles = "; ".join(f"{r.role or '?'} ({r.country or '?'}) {r.first or ''}–{r.last or ''}" for r in p.roles)
        return (f"{p.latin}: {p.mentions} mentions [{', '.join(p.languages)}] "
                f"{' / '.join(p.names)}" + (f" — {roles}" if roles else ""))

    print_rows(rows, as_json, line)


@cli.command()
@db_option
@json_option
@clean_errors
def actors(db: str, as_json: bool) -> None:
    """States and organisations in the events, with their names in the sources' languages."""
    with bilat.open(db, read_only=True) as kb:
        rows = kb.actors()

    def line(a: ActorSummary) -> str:
        names = ", ".join(f"{lang}: {n}" for lang, n in a.names.items())
        return f"{a.code:12s} {a.events:5d} events  {names}"

    print_rows(rows, as_json, line)


@cli.command()
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that fuse the blocks (default: the number of cores); the events are the same.")
@clean_errors
def fuse(db: str, workers: int | None) -> None:
    """Fuse every stored mention into events again (ingest does this by itself)."""
    with bilat.open(db) as kb:
        n = kb.fuse(workers=workers or default_workers())
    click.echo(f"{n} events")


@cli.command("run")
@click.argument("paths", nargs=-1, required=True)
@click.option("--engine", "engine_name", type=click.Choice(["ray"]), default="ray", show_default=True,
              help="Where the documents are analysed (ray: a Ray cluster through RAY_ADDRESS, else a local one).")
@click.option("--out", required=True, help="Folder for the Parquet shards (a re-run skips the completed ones).")
@click.option("--shard-size", type=click.IntRange(min=1), default=64, show_default=True, help="Documents per shard.")
@click.option("--cpus", type=click.IntRange(min=1), default=None, help="CPUs of a local Ray (default: all).")
@click.option("--max-size", default=MAX_BYTES // 2**20, show_default=True, help="Largest single file, in MB.")
@click.option("--reader", type=click.Choice(["data", "driver"]), default="data", show_default=True,
              help="Who reads corpora (JSON Lines, CSV, JSON, Parquet): Ray Data tasks, or this process.")
@click.option("--fuse/--no-fuse", default=True, show_default=True,
              help="Fuse the events on Ray too, into OUT/events (else bilat load fuses them).")
@clean_errors
def run_command(paths: tuple[str, ...], engine_name: str, out: str, shard_size: int, cpus: int | None,
                max_size: int, reader: str, fuse: bool) -> None:
    """Analyse documents on an engine into a folder of Parquet shards; `bilat load` stores them (docs/scale.md)."""
    try:
        from bilat.engine import ray_engine
    except ImportError as e:  # pragma: no cover - the module imports Ray lazily
        raise click.ClickException(str(e)) from None
    try:
        report = ray_engine.run(paths, out, shard_size=shard_size, num_cpus=cpus, max_bytes=max_size * 2**20,
                                reader=reader, fuse=fuse,
                                on_failure=lambda line: click.echo(f"bilat: skipped {line}", err=True))
    except RuntimeError as e:
        if str(e) != ray_engine.NO_RAY:
            raise
        click.echo(f"bilat: error: {e}", err=True)
        sys.exit(2)
    click.echo(f"Read {report.documents} documents from {report.files} files into {report.shards} shards: "
               f"{report.processed} run now, {report.skipped} done before, {len(report.failed_shards)} failed "
               f"({len(report.failures)} failure lines)"
               + (f"; {report.events} events fused" if report.events is not None else "")
               + f". Store them with: bilat load {out} --db FILE")
    sys.exit(0 if report.ok else 1)


@cli.command()
@click.argument("folder")
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that fuse the blocks when load fuses them (default: the number of cores).")
@clean_errors
def load(folder: str, db: str, workers: int | None) -> None:
    """Store the shards `bilat run` wrote into the knowledge base, and fuse their events."""
    from bilat.engine import shards

    if not Path(folder).is_dir():
        raise click.BadParameter(f"{folder}: no such folder", param_hint="FOLDER")
    failures: list[str] = []

    def fail(f: Any) -> None:
        failures.append(str(f))
        click.echo(f"bilat: skipped {f}", err=True)

    n_shards = n_docs = n_stored = 0
    with bilat.open(db) as kb:
        fresh = shards.empty(kb.store)
        for _shard, docs, stored in shards.load(kb.store, Path(folder), fail):
            n_shards += 1
            n_docs += docs
            n_stored += stored
        events, staged = shards.finish(kb.store, Path(folder), fresh, clean=not failures,
                                       workers=workers or default_workers())
        kb.store.touched.clear()
        summary = kb.summary()
    click.echo(f"Loaded {n_shards} shards, {n_docs} documents: {n_stored} stored, {n_docs - n_stored} already there, "
               f"{len(failures)} failed; {events} events " + ("stored from the fusion stage." if staged else
                                                             "fused here."))
    click.echo(format_summary(summary))
    sys.exit(0 if not failures else 1)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (other hosts: 0.0.0.0).")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@clean_errors
def serve(db: str, host: str, port: int) -> None:
    """Browse the knowledge base in a web browser, with a JSON API (docs/web.md); BILAT_TOKEN turns on uploads."""
    import uvicorn

    from bilat.web import create_app

    app = create_app(db)
    click.echo(f"bilat: serving {db} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def print_rows(rows: Sequence[R], as_json: bool, line: Callable[[R], str]) -> None:
    """Typed records as indented JSON (their docs/records.md form), or one line each."""
    if as_json:
        click.echo(json.dumps([to_dict(r) for r in rows], ensure_ascii=False, indent=1))
    else:
        for row in rows:
            click.echo(line(row))


def format_summary(s: dict[str, Any]) -> str:
    """The knowledge-base summary as a few lines of text."""
    lines = [f"Database: {s['database']}", f"{'language':10s} {'documents':>9s} {'sentences':>9s}"]
    for lang, c in s["languages"].items():
        lines.append(f"{lang:10s} {c['documents']:9d} {c['sentences']:9d}")
    lines.append(f"{'all':10s} {s['documents']:9d} {s['sentences']:9d}")
    lines.append(f"mentions {s['mentions']}, indicators {s['indicators']}, events {s['events']}")
    if s.get("pending_fusion"):
        lines.append(f"{s['pending_fusion']} fusion blocks wait to be fused (a run was interrupted): "
                     f"run `bilat fuse` or ingest again")
    return "\n".join(lines)


def main() -> None:
    """Entry point of the ``bilat`` script."""
    cli()
