"""Re-extraction racing other writers, on both backends: every outcome accounted for, the
stored counts equal to a recount, and the redirects naming live successors."""

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from app.articles import ingest
from app.articles.models import Article
from app.entities.models import Entity, EntityRedirect
from app.extraction.pipeline import EXTRACTOR_VERSION
from app.reextraction.run import Plan, Summary, run
from app.reextraction.selection import Selection
from tests.reextraction.stories import FULL_SLUG, NOUN_SLUG, SURNAME_SLUG, stale
from tests.writes.conftest import assert_no_drift, race


def _store(engine: Engine, n: int) -> int:
    with Session(engine) as session:
        return ingest.ingest_extraction(session, stale(n), "0.9").article_id


def _reextract(engine: Engine, batch_size: int = 2) -> Summary:
    return run(engine, Plan(Selection(), EXTRACTOR_VERSION, batch_size=batch_size))


def _targets(engine: Engine) -> dict[str, str | None]:
    with Session(engine) as session:
        slugs = dict(session.execute(select(col(Entity.id), col(Entity.slug))).all())
        rows = session.execute(select(EntityRedirect)).scalars().all()
        return {slugs[r.entity_id]: slugs.get(r.target_id or 0) for r in rows}


def test_two_reextractions_of_the_same_articles_write_each_once(race_engine: Engine) -> None:
    stories = 3
    for n in range(stories):
        _store(race_engine, n)
    outcomes = race(2, lambda _: _reextract(race_engine))
    assert all(isinstance(o, Summary) and o.failed == 0 for o in outcomes), outcomes
    assert sum(o.changed for o in outcomes) == stories
    assert sum(o.unchanged for o in outcomes) == stories
    assert (sum(o.merged for o in outcomes), sum(o.orphaned for o in outcomes)) == (1, 1)
    assert _targets(race_engine) == {SURNAME_SLUG: FULL_SLUG, NOUN_SLUG: None}
    assert_no_drift(race_engine)


def test_reextraction_racing_delete_ends_deleted(race_engine: Engine) -> None:
    for round_ in range(3):
        article_id = _store(race_engine, round_)

        def act(i: int, article_id: int = article_id) -> object:
            with Session(race_engine) as session:
                if i == 0:
                    ingest.delete(session, article_id)
                    return "deleted"
            return _reextract(race_engine)

        deleted, summary = race(2, act)
        assert deleted == "deleted", deleted
        assert isinstance(summary, Summary) and summary.failed == 0, summary
        # Re-extracted before the delete, found gone at its write, or never selected.
        assert summary.changed + summary.vanished <= 1
        with Session(race_engine) as session:
            assert session.get(Article, article_id) is None
        assert_no_drift(race_engine)


def test_reextraction_racing_ingests_that_share_its_entities(race_engine: Engine) -> None:
    stored = 6
    for n in range(stored):
        _store(race_engine, n)
    per_writer = 4

    def act(i: int) -> object:
        if i == 0:
            return _reextract(race_engine)
        return [_store(race_engine, 100 * i + n) for n in range(per_writer)]

    summary, *ingested = race(3, act)
    assert isinstance(summary, Summary) and summary.failed == 0, summary
    assert summary.changed + summary.unchanged >= stored
    for ids in ingested:
        assert isinstance(ids, list) and len(set(ids)) == per_writer, ids
    with Session(race_engine) as session:
        count = session.execute(select(col(Entity.article_count), col(Entity.slug))).all()
    counts = {slug: n for n, slug in count}
    # The stale stories ingested meanwhile name the surname again: it lives, or else it
    # redirects to the full name.
    if counts[SURNAME_SLUG] == 0:
        assert _targets(race_engine)[SURNAME_SLUG] == FULL_SLUG
    assert counts[FULL_SLUG] == stored + 2 * per_writer
    assert_no_drift(race_engine)
