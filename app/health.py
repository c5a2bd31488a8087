"""Liveness and readiness."""

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.db import SessionDep
from app.errors import ServiceUnavailable, problem_responses

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    status: Literal["ready"] = "ready"
    database: str
    revision: str | None


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
def ready(session: SessionDep) -> Readiness:
    """The database answers and its schema is at the newest migration."""
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
    return Readiness(database=connection.dialect.name, revision=revision)
