"""Exports walk a list's own keyset in chunks, so memory stays flat however many rows."""

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlmodel import Session

from app.pagination import Page, PageRequest, uncounted

Item = TypeVar("Item", bound=BaseModel)
# One page of a list: the same function the JSON endpoint calls, with its filters bound.
Fetch = Callable[[Session, PageRequest], Page[Any]]


def chunks(
    session: Session, fetch: Fetch, size: int, first: Page[Any] | None = None
) -> Iterator[list[BaseModel]]:
    """Every item of a list, ``size`` at a time. Each chunk is its own short read: the
    transaction ends before the chunk is handed on, so a long export holds no snapshot,
    no lock and no connection while the client reads."""
    page = first if first is not None else fetch_chunk(session, fetch, size, None)
    while True:
        yield list(page.items)
        if not page.next_cursor:
            return
        page = fetch_chunk(session, fetch, size, page.next_cursor)


def fetch_chunk(session: Session, fetch: Fetch, size: int, cursor: str | None) -> Page[Any]:
    try:
        with uncounted():
            return fetch(session, PageRequest(limit=size, cursor=cursor))
    finally:
        session.rollback()
