"""Read statements compiled once per dialect and run on the driver's cursor.

Through SQLAlchemy's ``Connection.execute`` a one-row select by key took 225k
instructions, 22k of them the driver's (options merged, the cache key looked up, an
execution context, a ``CursorResult`` and its metadata built each time). The hot read
statements are Core ``select``s built once; ``Prepared`` compiles one a single time per
dialect, keeps its SQL, parameter order and result processors, and runs it on the
connection's DBAPI cursor, within the session's transaction as before. The engine's
cursor events still fire (statement metrics, statement counts), and a driver error is
raised as SQLAlchemy's wrapped one. A statement whose parameter names SQLAlchemy would
have to escape runs through ``execute`` as before.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from psycopg.pq import ExecStatus
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.sql import Select
from sqlalchemy.sql.compiler import SQLCompiler

TUPLES_OK = int(ExecStatus.TUPLES_OK)
Processor = Callable[[Any], Any] | None
# Any select, whatever its columns (as app.pagination.AnySelect, which imports this module).
Statement = Select[*tuple[Any, ...]]


@dataclass(slots=True)
class Plan:
    compiled: SQLCompiler
    keys: tuple[str, ...]
    expands: bool  # an expanding (IN) parameter: the SQL is finished per call
    # Result processors, read once from the first answer's cursor description (some
    # depend on the type the driver reports, as SQLAlchemy's do).
    processors: tuple[Processor, ...] | None = None


class Prepared:
    """A ``select`` built once; ``app.answers.rows`` runs it through its ``Plan``."""

    __slots__ = ("_plans", "statement")

    def __init__(self, statement: Statement) -> None:
        self.statement = statement
        self._plans: dict[Dialect, Plan | None] = {}

    def plan(self, dialect: Dialect) -> Plan | None:
        """The statement compiled for ``dialect``, or None if it must run the usual way."""
        try:
            return self._plans[dialect]
        except KeyError:
            found = self._plans[dialect] = _plan(self.statement, dialect)
            return found


def _plan(statement: Statement, dialect: Dialect) -> Plan | None:
    compiled = statement.compile(dialect=dialect)
    assert isinstance(compiled, SQLCompiler)
    if compiled.escaped_bind_names:
        return None
    keys = tuple(column.keyname for column in compiled._result_columns)
    expands = bool(compiled.post_compile_params or compiled.literal_execute_params)
    return Plan(compiled, keys, expands)


def _processors(plan: Plan, dialect: Dialect, description: Sequence[Any]) -> tuple[Processor, ...]:
    columns = plan.compiled._result_columns
    return tuple(
        column.type._cached_result_processor(dialect, reported[1])
        for column, reported in zip(columns, description, strict=True)
    )


class _Timing:
    """The execution context handed to cursor events (the statement metrics time on it)."""

    __slots__ = ("_broadsheet_started",)


def run(connection: Connection, plan: Plan, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The plan's rows for ``params`` on ``connection``, processed as SQLAlchemy would."""
    compiled = plan.compiled
    values: Any = compiled.construct_params(params)
    sql: str = compiled.string
    order: Sequence[str] | None = compiled.positiontup
    processors: Mapping[str, Any] = compiled._bind_processors
    if plan.expands:
        expanded = compiled._process_parameters_for_postcompile(values)
        sql, values, order = expanded.statement, expanded.parameters, expanded.positiontup
        processors = {**processors, **expanded.processors}  # the expanded names' own too
    if processors:  # as SQLAlchemy converts them (SQLite: a datetime to its text)
        values = {
            name: processors[name](value) if name in processors else value
            for name, value in values.items()
        }
    arguments: Any = values if order is None else tuple(values[name] for name in order)
    found, description = execute(connection, sql, arguments, describe=plan.processors is None)
    if plan.processors is None:
        plan.processors = _processors(plan, connection.dialect, description)
    columns = plan.processors
    if not any(columns):
        return found
    return [
        tuple(value if p is None else p(value) for p, value in zip(columns, row, strict=True))
        for row in found
    ]


def _returns_rows(cursor: Any) -> bool:
    """The statement just run returned rows (a result set, perhaps empty)."""
    result = getattr(cursor, "pgresult", None)
    if result is None:
        return cursor.description is not None
    # psycopg builds its description anew on every read, a Column object per field with
    # its type looked up: 9% of an article's CPU time (cProfile, 10k articles), for an
    # answer its result's status gives.
    return bool(result.nfields) or result.status == TUPLES_OK


def execute(
    connection: Connection,
    sql: str,
    arguments: Sequence[Any] | dict[str, Any],
    *,
    describe: bool = False,
) -> tuple[list[Any], Any]:
    """``sql`` on the connection's DBAPI cursor with the engine's cursor events: the rows
    it returns (none for a statement without a result) and, if ``describe``, the cursor's
    description (else None)."""
    cursor = connection.connection.cursor()
    events = connection._has_events or connection.engine._has_events
    context = _Timing()
    try:
        if events:
            for listener in connection.dispatch.before_cursor_execute:
                sql, arguments = listener(connection, cursor, sql, arguments, context, False)
        cursor.execute(sql, arguments)
        if events:
            connection.dispatch.after_cursor_execute(
                connection, cursor, sql, arguments, context, False
            )
        found = list(cursor.fetchall()) if _returns_rows(cursor) else []
        return found, (cursor.description if describe else None)
    except BaseException as error:
        connection._handle_dbapi_exception(error, sql, arguments, cursor, None)
        raise  # not reached: the handler raises the wrapped error
    finally:
        cursor.close()
