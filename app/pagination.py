"""Cursor pagination: opaque cursors, keyset where the order is a stored key, offsets where
the order is computed (relevance, counts)."""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Annotated, Any, Generic, Protocol, TypeVar

from fastapi import Depends, Query, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import Select, and_, bindparam, func, or_, select, tuple_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from app.answers import json_response
from app.cursors import BAD_CURSOR, CURSOR_FIELD, decode, encode
from app.errors import InvalidInput

T = TypeVar("T")
# Any select, whatever its columns (Select is variadic in its row type).
AnySelect = Select[*tuple[Any, ...]]
Row = TypeVar("Row")

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


# Counting stops here; past it a listing's size is estimated (PostgreSQL, full text) or
# counted on an index (SQLite). 10,000 index entries count in ~1 ms.
COUNT_CAP = 10_000


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null on the last page"
    )
    total: int = Field(
        description="Items in the whole listing, every page together: exact unless "
        "`total_is_estimate`",
        examples=[1],
    )
    total_is_estimate: bool = Field(
        default=False,
        description="True when `total` is an estimate (from index statistics or a sample of "
        "the matches) because counting exactly would cost more than the page: only for "
        f"listings of more than {COUNT_CAP:,} items",
    )
    ranked_among: int | None = Field(
        default=None,
        description="With `sort=relevance` and more matches than it ranks: ranking orders "
        "only this many of the newest matches and pages end there (sort by date for every "
        "match); null when every match is ranked",
        examples=[None],
    )


@dataclass(frozen=True)
class Total:
    count: int
    estimate: bool = False

    def fields(self) -> dict[str, Any]:
        return {"total": self.count, "total_is_estimate": self.estimate}


def planned_rows(session: Session, stmt: AnySelect) -> int:
    """PostgreSQL's own estimate of the rows ``stmt`` returns (an EXPLAIN: no rows read)."""
    dialect = session.get_bind().dialect
    compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    plan = (
        session.connection()
        .exec_driver_sql("EXPLAIN (FORMAT JSON) " + str(compiled), compiled.params)
        .scalar_one()
    )
    return int(plan[0]["Plan"]["Plan Rows"])


_COUNTING: ContextVar[bool] = ContextVar("counting", default=True)


@contextmanager
def uncounted() -> Iterator[None]:
    """Pages read inside skip their total. An export reads a list a chunk at a time and
    serves no total: counting per chunk would count a long listing in full (past
    ``COUNT_CAP`` rows SQLite counts every match) once for every thousand rows."""
    token = _COUNTING.set(False)
    try:
        yield
    finally:
        _COUNTING.reset(token)


def counting() -> bool:
    """Whether pages read here count their total (see ``uncounted``)."""
    return _COUNTING.get()


def total_of(session: Session, stmt: AnySelect) -> Total:
    """How many rows ``stmt`` returns: counted up to ``COUNT_CAP``; past it counted on
    SQLite (an in-process index count, ~1 ms per 10,000 rows) and estimated by the planner
    on PostgreSQL, where counting reads the table's pages."""
    if not _COUNTING.get():
        return Total(0, estimate=True)
    unordered = stmt.order_by(None)
    if session.get_bind().dialect.name == "sqlite":
        # SQLite counts every row past the cap anyway: one count, not a capped one first
        # (a deep page of 100k articles counted 10,001 rows, then all of them).
        every = select(func.count()).select_from(unordered.subquery())
        return Total(int(session.execute(every).scalar_one()))
    capped = unordered.limit(COUNT_CAP + 1).subquery()
    count = int(session.execute(select(func.count()).select_from(capped)).scalar_one())
    if count <= COUNT_CAP:
        return Total(count)
    return Total(max(planned_rows(session, unordered), count), estimate=True)


@dataclass(frozen=True)
class PageRequest:
    limit: int
    cursor: str | None


# Async: a pure function gains nothing from a trip to the thread pool.
async def page_params(
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description="Items per page (1–100)")
    ] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None,
        Query(max_length=512, description="Opaque cursor from a previous page's `next_cursor`"),
    ] = None,
) -> PageRequest:
    return PageRequest(limit=limit, cursor=cursor)


PageDep = Annotated[PageRequest, Depends(page_params)]


@dataclass(frozen=True)
class SortKey:
    column: Any  # a column or mapped attribute
    descending: bool = False

    @property
    def kind(self) -> type:
        """The Python type of the column's values (int, datetime): what a cursor must hold."""
        kind: type = self.column.type.python_type
        return kind


def _after(keys: Sequence[SortKey], values: Sequence[Any]) -> ColumnElement[bool]:
    if all(k.descending == keys[0].descending for k in keys):
        left = tuple_(*(k.column for k in keys))
        right = tuple_(*values)
        return left < right if keys[0].descending else left > right
    clauses = []
    for i, key in enumerate(keys):
        equal = [keys[j].column == values[j] for j in range(i)]
        step = key.column < values[i] if key.descending else key.column > values[i]
        clauses.append(and_(*equal, step))
    return or_(*clauses)


@dataclass(frozen=True)
class Keyset:
    """Pages through an order of stored columns; the last row's values become the cursor."""

    scope: str
    keys: Sequence[SortKey]

    def after(self, page: PageRequest) -> list[Any] | None:
        """The sort key values the page starts after (its cursor's), None on the first page."""
        if not page.cursor:
            return None
        return decode(self.scope, page.cursor, [k.kind for k in self.keys])

    def apply(self, stmt: AnySelect, page: PageRequest) -> AnySelect:
        values = self.after(page)
        if values is not None:
            stmt = stmt.where(_after(self.keys, values))
        return stmt.order_by(*self._order()).limit(page.limit + 1)

    def prepared(self, stmt: AnySelect, *, after: bool) -> AnySelect:
        """``apply`` with the cursor's values and the limit as parameters (``params``): a
        statement built once serves every page."""
        if after:
            values = [bindparam(f"after_{i}", type_=k.column.type) for i, k in enumerate(self.keys)]
            stmt = stmt.where(_after(self.keys, values))
        return stmt.order_by(*self._order()).limit(bindparam("limit"))

    def _order(self) -> list[ColumnElement[Any]]:
        return [k.column.desc() if k.descending else k.column.asc() for k in self.keys]

    def params(self, page: PageRequest) -> dict[str, Any]:
        """The parameters of a ``prepared`` statement for ``page``."""
        values = self.after(page) or []
        return {"limit": page.limit + 1} | {f"after_{i}": v for i, v in enumerate(values)}

    def page(
        self, rows: Sequence[Row], page: PageRequest, key_of: Callable[[Row], Sequence[Any]]
    ) -> tuple[list[Row], str | None]:
        items = list(rows[: page.limit])
        more = len(rows) > page.limit
        return items, (encode(self.scope, key_of(items[-1])) if more and items else None)


@dataclass(frozen=True)
class Offset:
    """Pages through a computed order (relevance, counts) where no stored key exists."""

    scope: str

    def start(self, page: PageRequest) -> int:
        if not page.cursor:
            return 0
        (offset,) = decode(self.scope, page.cursor, [int])
        if offset < 0:
            raise InvalidInput(BAD_CURSOR, field=CURSOR_FIELD)
        return offset

    def apply(self, stmt: AnySelect, page: PageRequest) -> AnySelect:
        return stmt.offset(self.start(page)).limit(page.limit + 1)

    def page(self, rows: Sequence[Row], page: PageRequest) -> tuple[list[Row], str | None]:
        items = list(rows[: page.limit])
        more = len(rows) > page.limit
        return items, (encode(self.scope, [self.start(page) + page.limit]) if more else None)


class Paged(Protocol):
    next_cursor: str | None


P = TypeVar("P", bound=Paged)


@dataclass(frozen=True)
class Pager:
    """The page asked for, and the means to answer it: ``send`` adds the RFC 8288
    ``Link: rel="next"`` header that mirrors the body's ``next_cursor``."""

    page: PageRequest
    request: Request
    response: Response

    def send(self, result: P) -> P:
        self._link(result.next_cursor)
        return result

    def json(self, body: dict[str, Any]) -> Response:
        """A page built as a plain document (see ``app.answers``), sent with its header."""
        self._link(body["next_cursor"])
        return json_response(body, self.response)

    def _link(self, cursor: str | None) -> None:
        if cursor:
            url = self.request.url.include_query_params(cursor=cursor)
            self.response.headers["Link"] = f'<{url}>; rel="next"'


def page_document(
    items: list[Any], cursor: str | None, total: Total, ranked_among: int | None = None
) -> dict[str, Any]:
    """A ``Page`` as a plain document, its keys in the model's order."""
    return {
        "items": items,
        "next_cursor": cursor,
        "total": total.count,
        "total_is_estimate": total.estimate,
        "ranked_among": ranked_among,
    }


async def pager(page: PageDep, request: Request, response: Response) -> Pager:
    return Pager(page, request, response)


PagerDep = Annotated[Pager, Depends(pager)]
