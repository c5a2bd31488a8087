"""Engine and session: one engine per process, one session per request."""

import select
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any, Concatenate, ParamSpec, TypeVar

from anyio import to_thread
from fastapi import Depends, Request
from sqlalchemy import BigInteger, Integer, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DisconnectionError
from sqlmodel import Session, create_engine

from app.config import Settings
from app.prepared import execute

# Key of the tables that grow with every article (mentions, quotes, changes): 64-bit on
# PostgreSQL; on SQLite an INTEGER PRIMARY KEY is already the 64-bit rowid, and a BIGINT
# one would not be (see migration 0010).
BIG_ID = BigInteger().with_variant(Integer(), "sqlite")
MAX_BIG_ID = 2**63 - 1
# Every other table's key is a 32-bit INTEGER on PostgreSQL.
MAX_ID = 2**31 - 1

# Execution option marking a connection whose transaction will write (see app/writes).
WRITE_OPTION = "broadsheet_write"
# SQLite: the connection's count of rows changed when its transaction began (``info`` key);
# still equal, the transaction has written nothing.
CHANGES_AT_BEGIN = "broadsheet_changes_at_begin"


def _configure_sqlite(engine: Engine, busy_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINT; take over.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A writer takes the write lock up front, so it waits out busy_timeout in the queue;
        # a deferred BEGIN that upgrades later fails at once in WAL mode. Reads stay deferred.
        # On the driver's cursor (app.prepared): through exec_driver_sql a read's BEGIN
        # cost as many instructions as one of its queries.
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        execute(connection, "BEGIN IMMEDIATE" if immediate else "BEGIN", ())
        connection.info[CHANGES_AT_BEGIN] = connection.connection.dbapi_connection.total_changes


# Planner settings of every PostgreSQL connection. random_page_cost 1.1 (default 4, for
# spinning disks): the archive's working set is in memory or on SSD, where a random read
# costs about a sequential one. At 4 the planner hash-joined a sequential scan of every
# entity to find a page's 100 top entities (10 ms at 10k articles, growing with the
# archive; 0.3 ms by index) and read a rare word's matches through a bitmap and a sort
# (2.8 ms) instead of the RUM index in id order (1.0 ms). jit off: compiling a plan took
# longer than running any of these queries.
PLANNER_OPTIONS = "-c random_page_cost=1.1 -c jit=off"


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        # A pooled connection idles between transactions with nothing owed to it: if its
        # socket is readable, the server has closed it (restart, idle timeout) or said
        # something only a broken session hears. Then the pool opens a new one. This
        # replaces ``pool_pre_ping``, a ``SELECT 1`` round trip before every request.
        if dbapi_connection.closed:
            raise DisconnectionError("connection closed")
        readable, _, _ = select.select([dbapi_connection.fileno()], [], [], 0)
        if readable:
            raise DisconnectionError("the server closed the connection")


def redacted_url(database_url: str) -> str:
    """The URL to show an operator: any password replaced by ***."""
    return make_url(database_url).render_as_string(hide_password=True)


def make_engine(settings: Settings) -> Engine:
    if settings.is_sqlite:
        engine = create_engine(
            settings.database_url,
            echo=settings.echo_sql,
            connect_args={"check_same_thread": False},
        )
        _configure_sqlite(engine, settings.sqlite_busy_ms)
        return engine
    engine = create_engine(
        settings.database_url,
        echo=settings.echo_sql,
        pool_size=settings.pool_size,
        connect_args={"options": PLANNER_OPTIONS},
    )
    _configure_postgresql(engine)
    return engine


async def get_session(request: Request) -> Session:
    """The request's session, closed once the response is sent.

    Async so it runs on the event loop: opening a Session touches no connection, and
    closing one only hands its connection back, so the thread pool would add two hops.
    Not a ``yield`` dependency: FastAPI wraps each of those in two async context managers
    and a cancel scope (4.12M instructions an uncached article, 4.01M without); closing is one
    synchronous call, so it goes on the request's own exit stack, which FastAPI unwinds
    after the response, exception or not, exactly where the ``with`` block ended."""
    session = Session(request.app.state.engine)
    request.scope["fastapi_inner_astack"].callback(session.close)
    return session


SessionDep = Annotated[Session, Depends(get_session)]


P = ParamSpec("P")
T = TypeVar("T")


async def read(
    session: Session, work: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
) -> T:
    """``work(session, ...)`` for a read endpoint, run where it costs least.

    SQLite answers in-process in a few milliseconds, most of them holding the GIL, so a hop
    to the thread pool adds cost and contention without freeing the event loop (one worker
    serving an article to 4 connections: 507 req/s through the pool, 763 inline).
    PostgreSQL's time is spent waiting on the server, so there the pool keeps the loop free.
    """
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        return work(session, *args, **kwargs)
    # (A session bound to a connection, as tests bind one inside a rolled-back
    # transaction, keeps that transaction.)
    if isinstance(bind, Engine) and not session.in_transaction():
        # Each statement its own transaction: at READ COMMITTED every statement takes its
        # own snapshot anyway, and a BEGIN and a ROLLBACK were two of an article's six
        # round trips. Put back when the connection returns to the pool.
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    return await to_thread.run_sync(partial(work, session, *args, **kwargs))
