"""``broadsheet export``: a whole list as NDJSON or CSV."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, BinaryIO

import typer
from sqlmodel import Session

from app import migrate
from app.config import get_settings
from app.db import make_engine
from app.errors import AppError


class ExportKind(StrEnum):
    articles = "articles"
    quotes = "quotes"
    entities = "entities"
    mentions = "mentions"


class ExportFormat(StrEnum):
    ndjson = "ndjson"
    csv = "csv"


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


def register(cli: typer.Typer) -> None:
    cli.command("export")(export_command)
