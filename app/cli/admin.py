"""Running the archive: ``migrate``, ``seed``, ``check`` and ``serve``."""

from typing import Annotated

import typer
import uvicorn
from sqlmodel import Session

from app import migrate, seed
from app.config import get_settings
from app.db import make_engine
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
    with multiprocess_dir(workers):
        uvicorn.run(
            "app.main:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="info",
            # The application logs each request itself, with its id, route and duration.
            access_log=False,
            log_config=log_config(settings.log_format, requests=access_log),
            # Without it a request that never completes (a body that never arrives) holds
            # "Waiting for connections to close" for ever.
            timeout_graceful_shutdown=shutdown_timeout,
            # uvicorn's default of 5 s killed every worker of `--workers 2` in a loop on a
            # loaded machine (load average 11 on 2 cores): a worker still importing its
            # gazetteers did not answer the supervisor's ping in time.
            timeout_worker_healthcheck=60,
        )


def register(cli: typer.Typer) -> None:
    cli.command("migrate")(migrate_command)
    cli.command("seed")(seed_command)
    cli.command("check")(check_command)
    cli.command("serve")(serve_command)
