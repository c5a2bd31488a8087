"""``broadsheet ingest``: extract and store articles from files, folders and NDJSON."""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
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
    from collections.abc import Callable

    from sqlalchemy.engine import Engine

    from app.articles.batch import Turn
    from app.articles.ingest import Extracted
    from app.articles.sources import Document
    from app.extraction.knowledge import Knowledge

SKIPPED = "skipped (not an article)"
# Articles stored per write transaction (``app.articles.batch``) at most. SQLite holds its
# one write lock for a batch: at a few ms an article, other writers wait well under a second.
BATCH = 50
# Batches stored at once, each in a thread of its own, while this one gathers the next
# (``app.articles.batch.Turn``). PostgreSQL: the server indexes one batch's text while the
# other's rows are built and sent. SQLite runs in this process under one write lock, so
# there one batch at a time.
IN_FLIGHT = 2


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

        def account(document: Document, outcome: str, why: str | None) -> None:
            counts[outcome] += 1
            if why:
                reports.append((outcome.split()[0], document.name, why))
            progress.advance(task)

        pending = _Pending(engine, account)
        growing = Growing(engine)

        def knowledge() -> Knowledge:
            pending.flush()  # the snapshot is read once what came before it is stored
            return growing()

        try:
            for document, found in extract_all(found_docs, jobs, Limits.of(settings), knowledge):
                pending.add(document, found)
            pending.flush()
        finally:
            pending.close()
    engine.dispose()
    for what, name, why in reports:
        typer.echo(f"{what}: {name}: {why}", err=True)
    typer.echo(", ".join(f"{n} {what}" for what, n in counts.items()))
    if counts["failed"]:
        raise typer.Exit(code=1)


class _Pending:
    """Extracted documents waiting to be stored, ``BATCH`` articles to a transaction;
    each document's outcome goes to ``account`` in input order. On PostgreSQL up to
    ``IN_FLIGHT`` batches are stored at once, each in its own thread and transaction."""

    def __init__(self, engine: Engine, account: Callable[[Document, str, str | None], None]):
        self.engine = engine
        self.account = account
        self.found: list[tuple[Document, Extracted]] = []
        self.articles = 0
        in_flight = IN_FLIGHT if engine.dialect.name == "postgresql" else 1
        self.storing: deque[tuple[list[tuple[Document, Extracted]], Future[list[str] | None]]]
        self.storing = deque()
        self.in_flight = in_flight
        self.pool = ThreadPoolExecutor(in_flight, thread_name_prefix="store")
        self.turn: Turn | None = None  # the last batch sent's

    def add(self, document: Document, found: Extracted) -> None:
        self.found.append((document, found))
        if isinstance(found, Extraction):
            self.articles += 1
            if self.articles >= BATCH:
                self._send()

    def _send(self) -> None:
        from app.articles.batch import Turn

        found, self.found, self.articles = self.found, [], 0
        extractions = [f for _, f in found if isinstance(f, Extraction)]
        self.turn = turn = self.turn.next() if self.turn else Turn()
        self.storing.append((found, self.pool.submit(_store_batch, self.engine, extractions, turn)))
        while len(self.storing) > self.in_flight:
            self._account_oldest()

    def _account_oldest(self) -> None:
        found, storing = self.storing.popleft()
        stored = storing.result()
        for document, one in found:
            if isinstance(one, Extraction) and stored is not None:
                self.account(document, stored.pop(0), None)
            else:
                self.account(document, *_outcome(self.engine, one))

    def flush(self) -> None:
        """Store what is waiting and account for every batch sent."""
        if self.found:
            self._send()
        while self.storing:
            self._account_oldest()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _store_batch(engine: Engine, extractions: list[Extraction], turn: Turn) -> list[str] | None:
    """``created`` or ``unchanged`` per extraction, or None when the batch failed (each is
    then stored alone, to say which failed and why)."""
    from app.articles.batch import ingest_batch

    try:
        if not extractions:
            return []
        with Session(engine) as session:
            try:
                stored = ingest_batch(session, extractions, EXTRACTOR_VERSION, turn)
            except (AppError, SQLAlchemyError):
                return None
    finally:
        turn.end()
    return ["created" if one.created else "unchanged" for one in stored]


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
