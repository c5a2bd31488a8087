"""``write``: a constraint broken inside a write is a 409 ``Conflict``, with nothing of the
write kept, on both backends; a busy database is tried again, a bounded number of times."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col

from app.entities.models import Entity
from app.errors import Busy, Conflict
from app.writes import transaction, write
from app.writes.transaction import ATTEMPTS, BACKOFF_SECONDS, busy_reason, driver_message
from tests.writes.conftest import story
from tests.writes.test_races import _store


def _count(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.execute(select(func.count()).select_from(Entity)).scalar_one())


def test_a_broken_constraint_is_a_conflict_and_nothing_is_kept(race_engine: Engine) -> None:
    _store(race_engine, story("Mara Ostrova spoke.", people=("Mara Ostrova",)))
    before = _count(race_engine)

    def duplicate(session: Session) -> None:
        entity = session.execute(select(Entity)).scalars().one()
        session.add(Entity(name="Other", type=entity.type, slug="other", key="other"))
        session.flush()  # a first row, then one breaking the unique slug
        session.add(Entity(name=entity.name, type=entity.type, slug=entity.slug, key="copy"))
        session.flush()

    with Session(race_engine) as session, pytest.raises(Conflict) as caught:
        write(session, duplicate)
    assert caught.value.status == 409
    detail = caught.value.detail  # the database's first line, naming the broken constraint
    assert "unique" in detail.lower() and "\n" not in detail, detail
    assert _count(race_engine) == before  # the first insert was rolled back too


class _Serialization(Exception):
    """What psycopg raises when PostgreSQL asks for the transaction to be run again."""

    sqlstate = "40001"


class _PostgresError(Exception):
    def __init__(self, message: str, sqlstate: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


class _SqliteError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.sqlite_errorcode = code


def _error(orig: Exception) -> OperationalError:
    return OperationalError("UPDATE entity SET …", {}, orig)


@pytest.mark.parametrize(
    ("orig", "reason"),
    [
        (
            _Serialization("could not serialize access\nDETAIL: concurrent update"),
            "could not serialize access",
        ),
        (_PostgresError("deadlock detected", "40P01"), "deadlock detected"),
        (_PostgresError("lock timeout", "55P03"), "lock timeout"),  # lock_not_available
        (_PostgresError("duplicate key value", "23505"), None),
        (_SqliteError("database is locked", 5), "database is locked"),
        (_SqliteError("database table is locked", 6), "database table is locked"),
        (_SqliteError("database is locked", 5 | 3 << 8), "database is locked"),  # BUSY_SNAPSHOT
        (_SqliteError("", 5), "_SqliteError"),  # a driver that says nothing: its error's name
        (_SqliteError("no such table: entity", 1), None),
        (_SqliteError("disk I/O error", 10), None),
        (ValueError("no code at all"), None),
    ],
)
def test_busy_reason_is_the_drivers_first_line_when_waiting_may_help(
    orig: Exception, reason: str | None
) -> None:
    assert busy_reason(_error(orig)) == reason


def test_driver_message_is_the_first_line_or_the_errors_name() -> None:
    assert driver_message(_error(ValueError("first line\nsecond line"))) == "first line"
    assert driver_message(_error(ValueError("  \n"))) == "ValueError"


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The back-off sleeps ``write`` takes, recorded instead of slept; the jitter, drawn
    from half to one and a half times the pause, is drawn at its top."""
    slept: list[float] = []
    monkeypatch.setattr(transaction.time, "sleep", slept.append)

    def top(low: float, high: float) -> float:
        assert (low, high) == (0.5, 1.5)
        return high

    monkeypatch.setattr(transaction.random, "uniform", top)
    return slept


def test_a_busy_database_is_tried_three_times_backing_off_then_is_busy(
    race_engine: Engine, pauses: list[float]
) -> None:
    calls: list[int] = []

    def work(session: Session) -> None:
        calls.append(1)
        raise _error(_Serialization("could not serialize access"))

    with Session(race_engine) as session, pytest.raises(Busy) as caught:
        write(session, work)
    assert len(calls) == ATTEMPTS == 3
    # Doubling, times the jitter; none after the last attempt.
    assert pauses == [BACKOFF_SECONDS * 2 * 1.5, BACKOFF_SECONDS * 4 * 1.5]
    assert caught.value.detail == "could not serialize access after 3 attempts"
    assert caught.value.status == 503


def test_a_retry_runs_the_work_again_with_its_arguments_and_keeps_only_the_last_run(
    race_engine: Engine, pauses: list[float]
) -> None:
    runs: list[tuple[str, str]] = []

    def work(session: Session, name: str, *, slug: str) -> str:
        runs.append((name, slug))
        session.add(Entity(name=name, type="person", slug=f"{slug}-{len(runs)}", key=slug))
        session.flush()
        if len(runs) == 1:
            raise _error(_SqliteError("database is locked", 5))
        return slug

    with Session(race_engine) as session:
        assert write(session, work, "Ines Kovacs", slug="ines-kovacs") == "ines-kovacs"
    assert runs == [("Ines Kovacs", "ines-kovacs")] * 2 and len(pauses) == 1
    with Session(race_engine) as session:
        slugs = session.execute(select(col(Entity.slug))).scalars().all()
    assert slugs == ["ines-kovacs-2"]  # the first run was rolled back


def test_an_error_that_is_not_busy_is_raised_at_once_and_nothing_is_kept(
    race_engine: Engine, pauses: list[float]
) -> None:
    def work(session: Session) -> None:
        session.add(Entity(name="Lena Aberg", type="person", slug="lena-aberg", key="lena"))
        session.flush()
        raise _error(_SqliteError("disk I/O error", 10))

    with Session(race_engine) as session, pytest.raises(OperationalError):
        write(session, work)
    assert pauses == [] and _count(race_engine) == 0
