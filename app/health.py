"""Liveness and readiness."""

from typing import Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.cache import PostgresWatcher, ResponseStore
from app.db import SessionDep
from app.errors import ServiceUnavailable, problem_responses
from app.extraction.schemas import EXTRACTOR_VERSION

router = APIRouter(tags=["health"])

Listener = Literal["up", "down", "off", "not_applicable"]


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    status: Literal["ready"] = "ready"
    database: str = Field(examples=["postgresql"])
    revision: str | None = Field(examples=["0009"])
    extractor_version: str = Field(
        examples=[EXTRACTOR_VERSION], description="Version stored with each article extracted"
    )
    listener: Listener = Field(
        examples=["up"],
        description="PostgreSQL's LISTEN for commits, which keeps the response cache fresh: "
        "`up`; `down` while it reconnects (responses are served uncached meanwhile); `off` "
        "when the response cache is turned off; `not_applicable` on SQLite, which is asked "
        "for its data version instead",
    )


def listener_state(responses: ResponseStore, is_sqlite: bool) -> Listener:
    if is_sqlite:
        return "not_applicable"
    watcher = responses.watcher
    if not isinstance(watcher, PostgresWatcher):
        return "off"
    return "up" if watcher.listening else "down"


@router.get("/health", summary="Process is up", response_model=Health)
def health() -> Health:
    """Answers as long as the process serves requests; touches nothing else."""
    return Health()


@router.get(
    "/ready",
    summary="Ready to serve",
    response_model=Readiness,
    responses=problem_responses(503),
)
def ready(session: SessionDep, request: Request) -> Readiness:
    """The database answers and its schema is at the newest migration; also which extractor
    version this process stores and whether its PostgreSQL change listener is up."""
    # Alembic loads on the first readiness probe rather than in every worker as it boots.
    from app.migrate import current_revision, head_revision

    try:
        connection = session.connection()
        connection.execute(text("SELECT 1"))
        revision = current_revision(connection)
    except SQLAlchemyError as exc:
        raise ServiceUnavailable(f"Database unreachable: {type(exc).__name__}") from exc
    if revision != head_revision():
        raise ServiceUnavailable(f"Schema at {revision}, expected {head_revision()}: run migrate")
    dialect = connection.dialect.name
    return Readiness(
        database=dialect,
        revision=revision,
        extractor_version=EXTRACTOR_VERSION,
        listener=listener_state(request.app.state.responses, dialect == "sqlite"),
    )
