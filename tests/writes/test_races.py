"""Concurrent writers at the service level, on both backends: every race ends with each
writer's outcome accounted for and the stored counts equal to a recount."""

import random

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from app.articles import ingest
from app.articles.models import Article
from app.entities.models import Entity, EntityAlias
from app.errors import NotFound
from app.extraction import Extraction
from tests.writes.conftest import assert_no_drift, race, story

PEOPLE = ("Mara Ostrova", "Tomas Hallberg", "Ines Kovacs", "Pavel Rudnik", "Lena Aberg")
COUNTRIES = (("Norway", "NO"), ("Chile", "CL"), ("Kenya", "KE"), ("Japan", "JP"))


def _store(engine: Engine, extraction: Extraction) -> ingest.Ingested:
    with Session(engine) as session:
        return ingest.ingest_extraction(session, extraction, "test")


def _shared_story(n: int, seed: int = 0) -> Extraction:
    """Story n names a shuffled subset of the shared people and countries, so concurrent
    writers touch the same entities in different orders."""
    rng = random.Random(seed * 1000 + n)
    people = tuple(rng.sample(PEOPLE, 3))
    countries = tuple(rng.sample(COUNTRIES, 2))
    names = [*people, *(name for name, _ in countries)]
    text = f"Report {seed}-{n}. " + " ".join(f"{name} spoke." for name in names)
    aliases = {name: [name.split()[-1]] for name in people}
    return story(text, people=people, countries=countries, aliases=aliases)


def _article_count(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        count = session.execute(
            select(col(Entity.article_count)).where(col(Entity.name) == name)
        ).scalar_one()
        return int(count)


def test_two_deletes_of_one_article_delete_it_once(race_engine: Engine) -> None:
    text = "Mara Ostrova met Tomas Hallberg in Norway."
    keep = _store(race_engine, story(text + " Again.", people=("Mara Ostrova",)))
    doomed = _store(race_engine, story(text, people=("Mara Ostrova", "Tomas Hallberg")))

    def delete(_: int) -> None:
        with Session(race_engine) as session:
            ingest.delete(session, doomed.article_id)

    outcomes = race(2, delete)
    assert sorted(type(o).__name__ for o in outcomes) == ["NoneType", "NotFound"], outcomes
    assert _article_count(race_engine, "Mara Ostrova") == 1  # not -0 or -1: subtracted once
    assert _article_count(race_engine, "Tomas Hallberg") == 0
    with Session(race_engine) as session:
        assert session.get(Article, keep.article_id) is not None
    assert_no_drift(race_engine)


def test_delete_racing_reextract_ends_deleted_or_reextracted_then_deleted(
    race_engine: Engine,
) -> None:
    for round_ in range(3):
        body = (
            f"Round {round_}. The harbour master Mara Ostrova said on Monday that "
            "Norway would fund the pier. “We have waited ten years,” Mara Ostrova said."
        )
        stored = _store(race_engine, story(body, people=("Mara Ostrova",)))

        def act(i: int, article_id: int = stored.article_id) -> str:
            with Session(race_engine) as session:
                if i == 0:
                    ingest.delete(session, article_id)
                    return "deleted"
                ingest.reextract(session, article_id)
                return "reextracted"

        outcomes = race(2, act)
        assert outcomes[0] == "deleted", outcomes
        assert outcomes[1] == "reextracted" or isinstance(outcomes[1], NotFound), outcomes
        with Session(race_engine) as session:
            assert session.get(Article, stored.article_id) is None
        assert_no_drift(race_engine)


def test_same_title_stores_get_distinct_slugs(race_engine: Engine) -> None:
    writers = 8
    outcomes = race(
        writers,
        lambda i: _store(
            race_engine, story(f"Text number {i} about Norway.", title="Pier approved")
        ),
    )
    assert all(isinstance(o, ingest.Ingested) and o.created for o in outcomes), outcomes
    with Session(race_engine) as session:
        slugs = session.execute(select(col(Article.slug))).scalars().all()
    assert len(set(slugs)) == len(slugs) == writers
    assert all(s.startswith("pier-approved") for s in slugs)


def test_the_same_article_sent_at_once_is_stored_once(race_engine: Engine) -> None:
    same = story("Tomas Hallberg arrived in Chile.", people=("Tomas Hallberg",))
    outcomes = race(4, lambda _: _store(race_engine, same))
    assert all(isinstance(o, ingest.Ingested) for o in outcomes), outcomes
    assert sum(o.created for o in outcomes) == 1
    assert len({o.article_id for o in outcomes}) == 1
    assert _article_count(race_engine, "Tomas Hallberg") == 1
    assert_no_drift(race_engine)


def test_concurrent_ingests_sharing_entities_and_aliases(race_engine: Engine) -> None:
    writers, per_writer = 4, 8

    def ingest_batch(i: int) -> int:
        created = 0
        for n in range(per_writer):
            created += _store(race_engine, _shared_story(n, seed=i)).created
        return created

    outcomes = race(writers, ingest_batch)
    assert outcomes == [per_writer] * writers  # no failure, nothing lost
    with Session(race_engine) as session:
        entities = session.execute(select(func.count()).select_from(Entity)).scalar_one()
        aliases = session.execute(
            select(col(EntityAlias.entity_id), col(EntityAlias.normalized))
        ).all()
    assert entities == len(PEOPLE) + len(COUNTRIES)  # one row per entity, however raced
    assert len(aliases) == len(set(aliases))
    assert_no_drift(race_engine)
