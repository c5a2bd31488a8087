"""A re-extraction run on both backends: what it changes, what it leaves, where merged and
orphaned entities point, and which articles each filter selects."""

from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from app.articles.ingest import ingest_extraction
from app.articles.models import Article
from app.entities.models import Entity, EntityRedirect, Mention
from app.errors import InvalidInput
from app.extraction.pipeline import EXTRACTOR_VERSION
from app.reextraction import selection
from app.reextraction.run import Plan, run
from app.reextraction.selection import Selection
from tests.reextraction.stories import FULL, FULL_SLUG, NOUN_SLUG, SURNAME_SLUG, stale
from tests.writes.conftest import assert_no_drift


def _store(engine: Engine, n: int, version: str = "0.9") -> int:
    extraction = stale(n)
    extraction.section = "city" if n % 2 == 0 else "port"
    extraction.published_at = datetime(2024, 1, 1 + n)
    with Session(engine) as session:
        return ingest_extraction(session, extraction, version).article_id


def _redirects(engine: Engine) -> dict[str, str | None]:
    with Session(engine) as session:
        rows = session.execute(select(EntityRedirect)).scalars().all()
        slug = {e.id: e.slug for e in session.execute(select(Entity)).scalars()}
        return {slug[r.entity_id]: slug.get(r.target_id) if r.target_id else None for r in rows}


def test_a_run_merges_the_surname_and_removes_the_misread_noun(race_engine: Engine) -> None:
    article_id = _store(race_engine, 0)
    summary = run(race_engine, Plan(Selection(), EXTRACTOR_VERSION))
    assert (summary.changed, summary.unchanged, summary.failed) == (1, 0, 0)
    assert (summary.created, summary.merged, summary.orphaned) == (0, 1, 1)
    assert _redirects(race_engine) == {SURNAME_SLUG: FULL_SLUG, NOUN_SLUG: None}
    with Session(race_engine) as session:
        article = session.get(Article, article_id)
        assert article is not None and article.extractor_version == EXTRACTOR_VERSION
        named = session.execute(
            select(col(Entity.slug), col(Mention.text))
            .join(Entity, col(Entity.id) == col(Mention.entity_id))
            .where(col(Mention.article_id) == article_id, col(Entity.type) == "person")
            .order_by(col(Mention.start))
        ).all()
        assert named == [(FULL_SLUG, FULL), (FULL_SLUG, "Dovzhenko")]
    assert_no_drift(race_engine)

    again = run(race_engine, Plan(Selection(), EXTRACTOR_VERSION))
    assert (again.changed, again.unchanged, again.merged, again.orphaned) == (0, 1, 0, 0)


def _lone_surname(engine: Engine) -> None:
    """An article the older extractor read a bare surname in (the current one finds no
    name in it)."""
    from app.extraction import ExtractedEntity, ExtractedMention, Extraction

    mention = ExtractedMention(text="Dovzhenko", start=0, end=9)
    stored = Extraction(
        body="Dovzhenko arrived late on Monday.",
        entities=[ExtractedEntity(name="Dovzhenko", type="person", mentions=[mention])],
    )
    with Session(engine) as session:
        ingest_extraction(session, stored, "0.9")


def test_a_surname_gone_in_one_batch_finds_its_successor_at_the_end(
    race_engine: Engine,
) -> None:
    """Batch 1 takes the surname's only article, when no entity holds it as an alias yet;
    batch 2 gives it to the full name. The end of the run records the successor."""
    _lone_surname(race_engine)
    full_only = stale(1)
    full_only.entities = [e for e in full_only.entities if e.name == FULL]
    full_only.quotes = []
    with Session(race_engine) as session:
        ingest_extraction(session, full_only, "0.9")
    summary = run(race_engine, Plan(Selection(), EXTRACTOR_VERSION, batch_size=1))
    assert (summary.changed, summary.failed, summary.merged, summary.orphaned) == (2, 0, 1, 0)
    assert summary.created == 1  # Norway, which the stored reading had missed
    assert _redirects(race_engine) == {SURNAME_SLUG: FULL_SLUG}
    assert_no_drift(race_engine)


def test_articles_the_extractor_reads_as_before_only_record_its_version(
    race_engine: Engine,
) -> None:
    article_id = _store(race_engine, 0)
    run(race_engine, Plan(Selection(), EXTRACTOR_VERSION))
    with Session(race_engine) as session:
        session.execute(
            Article.__table__.update().values(extractor_version="0.8")  # type: ignore[attr-defined]
        )
        session.commit()
    summary = run(race_engine, Plan(Selection(stale_than=EXTRACTOR_VERSION), EXTRACTOR_VERSION))
    assert (summary.changed, summary.unchanged) == (0, 1)
    with Session(race_engine) as session:
        assert session.get(Article, article_id).extractor_version == EXTRACTOR_VERSION  # type: ignore[union-attr]
    none_left = run(race_engine, Plan(Selection(stale_than=EXTRACTOR_VERSION), EXTRACTOR_VERSION))
    assert (none_left.changed, none_left.unchanged) == (0, 0)


def _selected(engine: Engine, chosen: Selection) -> int:
    with Session(engine) as session:
        return selection.count(session, chosen.clauses(session))


def test_filters_select_by_section_date_entity_and_version(race_engine: Engine) -> None:
    for n in range(4):
        _store(race_engine, n, version=EXTRACTOR_VERSION if n == 3 else "0.9")
    assert _selected(race_engine, Selection()) == 4
    assert _selected(race_engine, Selection(section="City")) == 2
    assert _selected(race_engine, Selection(since=datetime(2024, 1, 2))) == 3
    assert _selected(race_engine, Selection(until=datetime(2024, 1, 2))) == 1
    assert _selected(race_engine, Selection(entity=SURNAME_SLUG)) == 4
    assert _selected(race_engine, Selection(stale_than=EXTRACTOR_VERSION)) == 3
    both = Selection(section="port", stale_than=EXTRACTOR_VERSION)
    assert _selected(race_engine, both) == 1  # stories 1 and 3 are port; 3 is current
    for wrong in (Selection(section="nowhere"), Selection(entity="no-such-entity")):
        with pytest.raises(InvalidInput):
            _selected(race_engine, wrong)


def test_batches_continue_after_the_last_id(race_engine: Engine) -> None:
    ids = [_store(race_engine, n) for n in range(5)]
    with Session(race_engine) as session:
        clauses = Selection().clauses(session)
    sizes = [[a.id for a in batch] for batch in selection.batches(race_engine, clauses, 2)]
    assert sizes == [ids[0:2], ids[2:4], ids[4:5]]
