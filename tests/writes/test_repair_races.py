"""``broadsheet check --repair`` is a writer too: run beside ingests and deletes, or beside
another repair, it leaves the stored counts equal to a recount, on both backends."""

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from app.articles import ingest
from app.entities.models import Entity
from app.writes import write
from app.writes.recount import Drift, find_drift, repair
from tests.writes.conftest import assert_no_drift, race, story
from tests.writes.test_races import PEOPLE, _shared_story, _store


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
