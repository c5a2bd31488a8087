"""``broadsheet check --repair`` is a writer too: run beside ingests and deletes, or beside
another repair, it leaves the stored counts equal to a recount, on both backends."""

import threading

import pytest
from sqlalchemy import event, text, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from app.articles import ingest
from app.config import Settings
from app.db import make_engine
from app.entities.models import Entity
from app.writes import write
from app.writes.recount import Drift, find_drift, repair
from tests.writes.conftest import RACE_TIMEOUT, assert_no_drift, race, story
from tests.writes.test_races import PEOPLE, _article_count, _shared_story, _store


def _drift(engine: Engine, name: str, articles: int) -> None:
    """Store a wrong article count for one entity, as a bug or a hand edit would."""
    with Session(engine) as session:
        session.execute(
            update(Entity).where(col(Entity.name) == name).values(article_count=articles)
        )
        session.commit()
        assert [d.slug for d in find_drift(session)] == [name.lower().replace(" ", "-")]


def _repair(engine: Engine) -> list[Drift]:
    with Session(engine) as session:
        return write(session, repair)


def test_two_repairs_at_once_repair_once(race_engine: Engine) -> None:
    _store(race_engine, story("Mara Ostrova met Ines Kovacs.", people=PEOPLE[:3:2]))
    _drift(race_engine, "Mara Ostrova", 5)
    outcomes = race(2, lambda _: _repair(race_engine))
    assert sorted(len(o) for o in outcomes) == [0, 1], outcomes  # the second finds it fixed
    assert_no_drift(race_engine)


def test_repair_racing_ingests_and_deletes_leaves_no_drift(race_engine: Engine) -> None:
    doomed = [_store(race_engine, _shared_story(n, seed=9)).article_id for n in range(3)]
    _drift(race_engine, "Mara Ostrova", 40)

    def work(i: int) -> object:
        if i == 0:
            return _repair(race_engine)
        if i == 1:
            for article_id in doomed:
                with Session(race_engine) as session:
                    ingest.delete(session, article_id)
            return len(doomed)
        return sum(_store(race_engine, _shared_story(n, seed=i)).created for n in range(4))

    outcomes = race(4, work)
    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    assert [d.slug for d in outcomes[0]] == ["mara-ostrova"]  # type: ignore[union-attr]
    assert outcomes[1:] == [3, 4, 4]
    assert_no_drift(race_engine)


def _waiting_on_a_lock(engine: Engine) -> bool:
    """Some session of this database waits for a lock another transaction holds."""
    with engine.connect() as connection:
        waiting = connection.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'"
            )
        ).scalar_one()
    return bool(waiting)


# The interleaving below is PostgreSQL's: SQLite's BEGIN IMMEDIATE queues the repair before it
# reads anything, so it cannot read counts a writer is about to change.
@pytest.mark.parametrize("settings", ["postgresql"], indirect=True)
def test_repair_waits_for_a_writer_holding_the_counts_it_recounts(
    race_settings: Settings, race_engine: Engine
) -> None:
    """A repair that reads the counts while a delete holds the entity row, then writes its
    recount after the delete commits, must recount what the delete left: the repair waits
    for writers before reading (the rows it would recount are not yet final)."""
    for said in ("spoke", "agreed"):
        _store(race_engine, story(f"Mara Ostrova {said}.", people=("Mara Ostrova",)))
    doomed = _store(race_engine, story("Mara Ostrova left.", people=("Mara Ostrova",)))
    _drift(race_engine, "Mara Ostrova", 40)
    writer_engine = make_engine(race_settings)  # its commits alone are held back
    locked, repaired = threading.Event(), threading.Event()

    @event.listens_for(writer_engine, "commit")
    def hold_commit(_: object) -> None:
        # The delete holds its entity row and has changed the count and the links: the
        # repair starts now and the delete commits once the repair waits on it (or is done).
        locked.set()
        while not repaired.is_set() and not _waiting_on_a_lock(race_engine):
            repaired.wait(0.01)

    def work(i: int) -> object:
        if i == 0:
            with Session(writer_engine) as session:
                return ingest.delete(session, doomed.article_id)
        assert locked.wait(RACE_TIMEOUT), "the delete never reached its commit"
        try:
            return _repair(race_engine)
        finally:
            repaired.set()

    try:
        outcomes = race(2, work)
    finally:
        writer_engine.dispose()
    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    assert _article_count(race_engine, "Mara Ostrova") == 2  # the recount of what is left
    assert_no_drift(race_engine)
