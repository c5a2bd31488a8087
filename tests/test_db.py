"""The engine's PostgreSQL pool: a connection the server closed is replaced at checkout,
without a round trip on a healthy one."""

import asyncio
import time

import psycopg
import pytest
from sqlalchemy import text
from sqlmodel import Session

from app.config import Settings
from app.db import make_engine, read
from tests.conftest import POSTGRES_URL, _require_postgres, admin_dsn


def _wait_gone(admin: psycopg.Connection, pid: int) -> None:
    """Wait until the terminated backend has left ``pg_stat_activity``. Each poll is its
    own statement in autocommit: within one transaction the view holds still (a loop in a
    single ``DO`` block kept reading the backend it saw first, and never ended)."""
    deadline = time.monotonic() + 30
    while admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone():
        assert time.monotonic() < deadline, f"backend {pid} still there 30 s after terminate"
        time.sleep(0.01)


def test_a_connection_the_server_closed_is_replaced_at_checkout() -> None:
    _require_postgres()
    engine = make_engine(Settings(database_url=POSTGRES_URL))
    try:
        with engine.connect() as connection:
            first = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with psycopg.connect(admin_dsn(), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (first,))
            _wait_gone(admin, first)
        with engine.connect() as connection:  # no error: the pool opened a new one
            second = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
        assert second != first
    finally:
        engine.dispose()


def test_a_healthy_checkout_sends_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ping round trip per checkout (``pool_pre_ping`` sent a ``SELECT 1`` each time)."""
    _require_postgres()
    engine = make_engine(Settings(database_url=POSTGRES_URL))
    pings: list[object] = []

    def ping(dbapi_connection: object) -> bool:
        pings.append(dbapi_connection)
        return True

    monkeypatch.setattr(engine.dialect, "do_ping", ping)
    try:
        for _ in range(3):
            with engine.connect() as connection:
                assert connection.execute(text("SELECT 1")).scalar_one() == 1
        assert pings == []
    finally:
        engine.dispose()


def test_connections_plan_for_data_in_memory() -> None:
    """Each connection sets the planner for an archive in memory or on SSD, without JIT."""
    _require_postgres()
    engine = make_engine(Settings(database_url=POSTGRES_URL))
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SHOW random_page_cost")).scalar_one() == "1.1"
            assert connection.execute(text("SHOW jit")).scalar_one() == "off"
    finally:
        engine.dispose()


def test_reads_send_no_begin_and_leave_the_pool_transactional() -> None:
    """A read runs each statement as its own transaction (no BEGIN and ROLLBACK round
    trips); the connection goes back to the pool transactional for the next writer."""
    _require_postgres()
    engine = make_engine(Settings(database_url=POSTGRES_URL, pool_size=1))

    def status(session: Session) -> psycopg.pq.TransactionStatus:
        session.execute(text("SELECT 1"))
        driver = session.connection().connection.driver_connection
        assert isinstance(driver, psycopg.Connection)
        return driver.info.transaction_status

    try:
        with Session(engine) as session:
            assert asyncio.run(read(session, status)) == psycopg.pq.TransactionStatus.IDLE
        with Session(engine) as session:  # the same pooled connection, given back
            assert status(session) == psycopg.pq.TransactionStatus.INTRANS
    finally:
        engine.dispose()
