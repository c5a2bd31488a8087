"""The ``broadsheet`` command line."""

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, BinaryIO

import typer
import uvicorn
from rich.progress import MofNCompleteColumn, Progress
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlmodel import Session

from app import migrate, seed
from app.articles.ingest import Extracted, Limits, extract_all, ingest_extraction
from app.articles.payload import decode_body
from app.articles.screen import Skipped
from app.articles.sources import FORMATS, documents
from app.config import get_settings
from app.db import make_engine
from app.errors import AppError
from app.extraction import Extraction
from app.extraction.knowledge import NOTHING_KNOWN, Knowledge
from app.extraction.pipeline import EXTRACTOR_VERSION
from app.knowledge.service import Growing
from app.writes import recount, write
from app.writes.transaction import driver_message

cli = typer.Typer(
    help="Broadsheet: news articles as structured, searchable knowledge.",
    no_args_is_help=True,
)


@cli.callback()
def _root() -> None:
    """Keep sub-commands as sub-commands even while there is only one."""


class OutputFormat(StrEnum):
    json = "json"
    text = "text"
    ndjson = "ndjson"


def _summary(result: Extraction) -> str:
    lines = [
        f"title:     {result.title or '-'}",
        f"published: {result.published_at or '-'}",
        f"byline:    {result.byline or '-'}",
        f"sections:  {', '.join(result.sections) or '-'}",
        f"words:     {len(result.body.split())}",
        f"entities ({len(result.entities)}):",
    ]
    for entity in result.entities:
        code = f" [{entity.country_code}]" if entity.country_code else ""
        lines.append(f"  {entity.type:<12} {entity.name}{code}  x{len(entity.mentions)}")
    lines.append(f"quotes ({len(result.quotes)}):")
    for quote in result.quotes:
        who = quote.speaker or f"({quote.speaker_text or 'unattributed'})"
        lines.append(f"  [{quote.kind}] {who}: \u201c{quote.text}\u201d")
    return "\n".join(lines)


@cli.command("extract")
def extract_command(
    paths: Annotated[list[Path], typer.Argument(help="Article files (ndjson: any number)")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.json,
    batch_knowledge: Annotated[
        bool,
        typer.Option(
            "--batch-knowledge/--no-batch-knowledge",
            help="ndjson: read every document again with what all of them established",
        ),
    ] = False,
) -> None:
    """Print what extraction finds, without touching the database.

    ``json`` and ``text`` describe one article; ``ndjson`` prints one contract object a
    line for every path, in the order given, and ``{"error": ...}`` for one it cannot read.
    With ``--batch-knowledge``, ndjson reads the documents twice: the second time with what
    all of them established together, as an archive of them would know it.
    """
    if format is OutputFormat.ndjson:
        for line in _extract_batch(paths, batch_knowledge):
            typer.echo(json.dumps(line, ensure_ascii=False))
        return
    if len(paths) != 1:
        raise typer.BadParameter(
            "give exactly one path, or use --format ndjson", param_hint="PATHS"
        )
    path = paths[0]
    if not path.is_file():
        raise typer.BadParameter(f"{path} is not a readable file", param_hint="PATHS")
    try:
        result = _extract_file(path)
    except AppError as exc:
        raise typer.BadParameter(exc.detail, param_hint="PATHS") from exc
    if format is OutputFormat.json:
        typer.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False))
    else:
        typer.echo(_summary(result))


def _extract_file(path: Path, knowledge: Knowledge = NOTHING_KNOWN) -> Extraction:
    """Decoded as ``ingest`` decodes files (byte order mark, HTML <meta charset>, else
    UTF-8), so both see the same text."""
    from app.extraction.pipeline import extract

    fmt = FORMATS.get(path.suffix.lower(), "text")
    return extract(decode_body(path.read_bytes(), fmt, ""), fmt=fmt, knowledge=knowledge)


def _extract_batch(paths: list[Path], twice: bool) -> list[dict[str, object]]:
    """One ndjson line per path; with ``twice``, the second reading's."""
    first = [_extract_or_error(path) for path in paths]
    if not twice:
        return [_line(found) for found in first]
    knowledge = Knowledge.from_extractions(f for f in first if isinstance(f, Extraction))
    return [_line(_extract_or_error(path, knowledge)) for path in paths]


def _line(found: Extraction | dict[str, object]) -> dict[str, object]:
    return found.model_dump(mode="json") if isinstance(found, Extraction) else found


def _extract_or_error(
    path: Path, knowledge: Knowledge = NOTHING_KNOWN
) -> Extraction | dict[str, object]:
    """The contract, or the ndjson line saying why this one document could not be read."""
    try:
        return _extract_file(path, knowledge)
    except AppError as exc:
        return {"error": f"{path}: {exc.detail}"}
    except (OSError, ValueError) as exc:
        return {"error": f"{path}: {type(exc).__name__}: {exc}"}


@cli.command("migrate")
def migrate_command() -> None:
    """Bring the database schema to the newest migration."""
    settings = get_settings()
    migrate.upgrade(settings.database_url)
    typer.echo(f"schema at {migrate.head_revision()}")


@cli.command("seed")
def seed_command() -> None:
    """Migrate, then load the articles in the seed directory that are not stored yet."""
    settings = get_settings()
    migrate.upgrade(settings.database_url)
    engine = make_engine(settings)
    added = seed.load_seed(engine, settings.seed_dir)
    engine.dispose()
    typer.echo(f"{added} seed article(s) added")


@cli.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(exists=True, help="Files, folders, NDJSON")],
    jobs: Annotated[
        int, typer.Option(min=1, help="Extraction processes (default: one per CPU)")
    ] = os.cpu_count() or 1,
    section_from_folder: Annotated[
        bool,
        typer.Option(
            "--section-from-folder",
            help="Each article's section is the name of the folder it is in",
        ),
    ] = False,
) -> None:
    """Extract and store articles; re-running adds nothing already stored. Files that are
    not articles (empty, binary, READMEs, no sentences) are skipped and named."""
    settings = get_settings()
    migrate.upgrade(settings.database_url)
    engine = make_engine(settings)
    counts = {"created": 0, "unchanged": 0, SKIPPED: 0, "failed": 0}
    reports: list[tuple[str, str, str]] = []  # (what, file, why)
    found_docs = documents(paths, section_from_folder=section_from_folder)
    with Progress(*Progress.get_default_columns(), MofNCompleteColumn()) as progress:
        task = progress.add_task("ingesting", total=None)
        limits = Limits.of(settings)
        for document, found in extract_all(found_docs, jobs, limits, Growing(engine)):
            outcome, why = _outcome(engine, found)
            counts[outcome] += 1
            if why:
                reports.append((outcome.split()[0], document.name, why))
            progress.advance(task)
    engine.dispose()
    for what, name, why in reports:
        typer.echo(f"{what}: {name}: {why}", err=True)
    typer.echo(", ".join(f"{n} {what}" for what, n in counts.items()))
    if counts["failed"]:
        raise typer.Exit(code=1)


SKIPPED = "skipped (not an article)"


def _outcome(engine: Engine, found: Extracted) -> tuple[str, str | None]:
    """The count an extraction goes to, and the reason when skipped or failed."""
    if isinstance(found, Skipped):
        return SKIPPED, found.reason
    outcome = _store(engine, found) if isinstance(found, Extraction) else found
    if outcome in ("created", "unchanged"):
        return outcome, None
    return "failed", outcome


def _store(engine: Engine, extraction: Extraction) -> str:
    """``created``, ``unchanged``, or the reason it failed; one transaction per article."""
    with Session(engine) as session:
        try:
            stored = ingest_extraction(session, extraction, EXTRACTOR_VERSION)
            return "created" if stored.created else "unchanged"
        except AppError as exc:
            return exc.detail
        except DBAPIError as exc:
            return f"database error: {driver_message(exc)}"
        except SQLAlchemyError as exc:
            return f"database error: {type(exc).__name__}: {exc}"


@cli.command("check")
def check_command(
    repair: Annotated[bool, typer.Option(help="Set drifted counts to the recount")] = False,
) -> None:
    """Recount every entity's article and mention counts from the links; exit 1 on drift
    (with --repair, fix it in one transaction)."""
    engine = make_engine(get_settings())
    with Session(engine) as session:
        drifted = write(session, recount.repair) if repair else recount.find_drift(session)
    engine.dispose()
    for drift in drifted:
        typer.echo(f"drift: {drift}")
    if not drifted:
        typer.echo("counts match the links: no drift")
    elif repair:
        typer.echo(f"{len(drifted)} entity count(s) repaired")
    else:
        typer.echo(f"{len(drifted)} entity count(s) drifted; run with --repair", err=True)
        raise typer.Exit(code=1)


class ExportKind(StrEnum):
    articles = "articles"
    quotes = "quotes"
    entities = "entities"
    mentions = "mentions"


class ExportFormat(StrEnum):
    ndjson = "ndjson"
    csv = "csv"


@cli.command("export")
def export_command(
    kind: Annotated[ExportKind, typer.Argument(help="What to export")],
    filters: Annotated[
        list[str] | None,
        typer.Argument(help="KEY=VALUE filters, named as the list's query parameters"),
    ] = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.ndjson,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout)")
    ] = None,
) -> None:
    """Write a whole list as NDJSON or CSV, read in keyset chunks: memory stays flat."""
    from pydantic import ValidationError

    from app.export import formats, service
    from app.export.kinds import KINDS

    settings = get_settings()
    migrate.upgrade(settings.database_url)
    chosen = KINDS[kind.value]
    try:
        fetch = chosen.fetch(filters or [])
    except (AppError, ValidationError) as exc:
        typer.echo(f"bad filter: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    engine = make_engine(settings)
    try:
        with Session(engine) as session, _sink(output) as sink:
            first = service.fetch_chunk(session, fetch, settings.export_chunk_size, None)
            rows = service.chunks(session, fetch, settings.export_chunk_size, first)
            for block in formats.encode(format.value, chosen.item, rows):
                sink.write(block)
    except AppError as exc:
        typer.echo(exc.detail, err=True)
        raise typer.Exit(code=1) from exc
    finally:
        engine.dispose()


@contextmanager
def _sink(output: Path | None) -> Iterator[BinaryIO]:
    if output is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with output.open("wb") as file:
        yield file


@cli.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="Interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes")] = 1,
    access_log: Annotated[bool, typer.Option(help="Log one line per request")] = True,
    shutdown_timeout: Annotated[
        int, typer.Option(min=0, help="Seconds open requests get to finish on SIGTERM")
    ] = 10,
) -> None:
    """Migrate, load the seed articles into an empty database, and serve the API."""
    settings = get_settings()
    migrate.upgrade(settings.database_url)
    engine = make_engine(settings)
    if seed.is_empty(engine):
        added = seed.load_seed(engine, settings.seed_dir)
        typer.echo(f"empty database: {added} seed article(s) loaded")
    engine.dispose()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=access_log,
        # Without it a request that never completes (a body that never arrives) holds
        # "Waiting for connections to close" for ever.
        timeout_graceful_shutdown=shutdown_timeout,
        # uvicorn's default of 5 s killed every worker of `--workers 2` in a loop on a loaded
        # machine (load average 11 on 2 cores): a worker still importing its gazetteers did
        # not answer the supervisor's ping in time.
        timeout_worker_healthcheck=60,
    )


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
