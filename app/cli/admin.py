"""Running the archive: ``migrate``, ``seed``, ``check`` and ``serve``."""

import os
from typing import Annotated

import typer
import uvicorn
from sqlmodel import Session

from app import migrate, seed, serving
from app.config import get_settings
from app.db import make_engine, redacted_url
from app.observability.logs import log_config
from app.observability.metrics import multiprocess_dir
from app.writes import recount, write


def migrate_command() -> None:
    """Bring the database schema to the newest migration."""
    settings = get_settings()
    migrate.upgrade(settings.database_url)
    typer.echo(f"schema at {migrate.head_revision()}")


def seed_command() -> None:
    """Migrate, then load the articles in the seed directory that are not stored yet."""
    settings = get_settings()
    migrate.upgrade(settings.database_url)
    engine = make_engine(settings)
    added = seed.load_seed(engine, settings.seed_dir)
    engine.dispose()
    typer.echo(f"{added} seed article(s) added")


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


def serve_command(
    host: Annotated[str, typer.Option(help="Interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes")] = os.cpu_count() or 1,
    access_log: Annotated[bool, typer.Option(help="Log one line per request")] = True,
    shutdown_timeout: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="Seconds requests in flight get to finish on SIGTERM "
            "[default: BROADSHEET_SHUTDOWN_TIMEOUT_SECONDS, 10]",
            show_default=False,
        ),
    ] = None,
    worker_timeout: Annotated[
        float,
        typer.Option(min=1, help="Seconds a serving worker's event loop may stall before restart"),
    ] = 30,
) -> None:
    """Migrate, load the seed articles into an empty database, and serve the API."""
    settings = get_settings()
    typer.echo(
        f"Broadsheet on http://{host}:{port} with {workers} worker(s), "
        f"database {redacted_url(settings.database_url)}"
    )
    migrate.upgrade(settings.database_url)
    engine = make_engine(settings)
    if seed.is_empty(engine):
        added = seed.load_seed(engine, settings.seed_dir)
        typer.echo(f"empty database: {added} seed article(s) loaded")
    engine.dispose()
    config = uvicorn.Config(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        log_level="info",
        # The application logs each request itself, with its id, route and duration.
        access_log=False,
        log_config=log_config(settings.log_format, requests=access_log),
        # Without it a request that never completes (a body that never arrives) holds
        # "Waiting for connections to close" for ever.
        timeout_graceful_shutdown=(
            settings.shutdown_timeout_seconds if shutdown_timeout is None else shutdown_timeout
        ),
    )
    # The metrics directory is set before the parent loads the app and forks its workers.
    with multiprocess_dir(workers):
        code = serving.serve(config, workers, worker_timeout)
    raise typer.Exit(code=code)


def register(cli: typer.Typer) -> None:
    cli.command("migrate")(migrate_command)
    cli.command("seed")(seed_command)
    cli.command("check")(check_command)
    cli.command("serve")(serve_command)
