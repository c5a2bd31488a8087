"""Read answers built from plain rows and sent as JSON in one step.

The hot read endpoints (an article, article lists, search, quote lists) read Core rows and
build their documents as dicts in the order of their response model's fields, then
serialise them once with Pydantic's own encoder. Nothing is validated on the way out: the
columns' types and constraints already guarantee what the model would check, and
``tests/test_response_schemas.py`` holds real responses to the OpenAPI schema. Measured on
``GET /articles/{id}`` (SQLite, in-process): ORM objects, a model built from them and
FastAPI's re-validation took about half of each request's time.
"""

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from pydantic_core import to_json
from sqlalchemy import Row
from sqlalchemy.sql import Executable
from sqlmodel import Session
from starlette.responses import Response

from app.schemas import as_utc

Document = dict[str, Any]


def utc(value: datetime | None) -> datetime | None:
    """A stored time as the API shows it (SQLite hands times back naive; all are UTC)."""
    return None if value is None else as_utc(value)


def rows(session: Session, stmt: Executable, **params: Any) -> Sequence[Row[Any]]:
    """Plain rows of a Core statement, on the session's connection and transaction."""
    return session.connection().execute(stmt, params).all()


def json_response(body: Any, headers: Response | None = None) -> Response:
    """``body`` as the JSON FastAPI would send for it, with the headers set on ``headers``
    (the response object dependencies write to, which FastAPI merges only into responses
    it builds itself)."""
    response = Response(to_json(body), media_type="application/json")
    if headers is not None:
        response.headers.raw.extend(headers.headers.raw)
    return response


def picked(row: Row[Any], names: Sequence[str], dates: Mapping[str, bool]) -> Document:
    """The named columns of ``row`` in that order, times in UTC."""
    found = row._mapping
    return {name: utc(found[name]) if name in dates else found[name] for name in names}
