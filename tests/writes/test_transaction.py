"""``write``: a constraint broken inside a write is a 409 ``Conflict``, with nothing of the
write kept, on both backends."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.entities.models import Entity
from app.errors import Conflict
from app.writes import write
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
    assert caught.value.status == 409 and caught.value.detail
    assert _count(race_engine) == before  # the first insert was rolled back too
