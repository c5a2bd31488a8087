"""``broadsheet ingest``: extract and store articles from files, folders and NDJSON."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlmodel import Session

from app import migrate
from app.articles.screen import Skipped
from app.config import get_settings
from app.db import make_engine
from app.errors import AppError
from app.extraction import Extraction
from app.extraction.schemas import EXTRACTOR_VERSION
from app.writes.transaction import driver_message

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from app.articles.ingest import Extracted

SKIPPED = "skipped (not an article)"


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
    # Every command module is imported by every command: the machinery loads with its own.
    from rich.progress import MofNCompleteColumn, Progress

    from app.articles.ingest import Limits, extract_all
    from app.articles.sources import documents
    from app.knowledge.service import Growing

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
    from app.articles.ingest import ingest_extraction

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


def register(cli: typer.Typer) -> None:
    cli.command("ingest")(ingest_command)
