"""``broadsheet reextract``: the current extractor, and what the archive knows, applied to
stored articles in short batch transactions while the API keeps serving."""

from __future__ import annotations

import os
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import typer

from app import migrate
from app.config import get_settings
from app.db import make_engine
from app.errors import AppError
from app.extraction.schemas import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from app.reextraction.run import Summary

DATES = ["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%z"]


def reextract_command(
    section: Annotated[str | None, typer.Option(help="Only articles of this section")] = None,
    since: Annotated[
        datetime | None, typer.Option(formats=DATES, help="Published on or after (UTC)")
    ] = None,
    until: Annotated[
        datetime | None, typer.Option(formats=DATES, help="Published before (UTC)")
    ] = None,
    entity: Annotated[
        str | None, typer.Option(metavar="SLUG", help="Only articles naming this entity")
    ] = None,
    older_than_version: Annotated[
        bool,
        typer.Option(
            "--older-than-version",
            help=f"Only articles another extractor version read (current: {EXTRACTOR_VERSION})",
        ),
    ] = False,
    batch_size: Annotated[
        int, typer.Option(min=1, max=10_000, help="Articles per write transaction")
    ] = 50,
    jobs: Annotated[
        int, typer.Option(min=1, help="Extraction processes (default: one per CPU)")
    ] = os.cpu_count() or 1,
) -> None:
    """Re-extract stored articles (all, or those matching every filter given) with the
    current extractor and the archive's knowledge, one write transaction per batch; exit 1
    if any failed."""
    # Every command module is imported by every command: the machinery loads with its own.
    from rich.progress import MofNCompleteColumn, Progress

    from app.articles.ingest import Limits
    from app.reextraction.run import Plan, prepare, run_prepared
    from app.reextraction.selection import Selection

    settings = get_settings()
    migrate.upgrade(settings.database_url)
    engine = make_engine(settings)
    chosen = Selection(
        section, since, until, entity, EXTRACTOR_VERSION if older_than_version else None
    )
    plan = Plan(chosen, EXTRACTOR_VERSION, batch_size, jobs, Limits.of(settings))
    try:
        clauses, total, knowledge = prepare(engine, chosen)
    except AppError as exc:
        engine.dispose()
        typer.echo(exc.detail, err=True)
        raise typer.Exit(code=2) from exc
    with Progress(*Progress.get_default_columns(), MofNCompleteColumn()) as progress:
        task = progress.add_task("re-extracting", total=total)
        summary = run_prepared(
            engine, plan, clauses, knowledge, lambda n: progress.advance(task, n)
        )
    engine.dispose()
    _report(summary)
    if summary.failed:
        raise typer.Exit(code=1)


def _report(summary: Summary) -> None:
    for article_id, why in summary.failures:
        typer.echo(f"failed: article {article_id}: {why}", err=True)
    line = f"{summary.changed} changed, {summary.unchanged} unchanged, {summary.failed} failed"
    if summary.vanished:
        line += f", {summary.vanished} deleted meanwhile"
    typer.echo(
        f"{line}; entities: {summary.created} created, {summary.merged} merged, "
        f"{summary.orphaned} orphaned"
    )


def register(cli: typer.Typer) -> None:
    cli.command("reextract")(reextract_command)
