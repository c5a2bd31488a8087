"""Batches of articles stored in one transaction (``app.articles.batch``, what ``broadsheet
ingest`` writes with) racing each other and the one-article write path, on both backends:
each article is stored once, every writer learns which copy is stored, and the counts equal
a recount."""

import random
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from app.articles import ingest
from app.articles.batch import ingest_batch
from app.articles.models import Article
from app.entities.models import Entity, EntityAlias
from app.extraction import ExtractedQuote, Extraction
from tests.writes.conftest import assert_no_drift, race, story

PEOPLE = ("Mara Ostrova", "Tomas Hallberg", "Ines Kovacs", "Pavel Rudnik", "Lena Aberg")
COUNTRIES = (("Norway", "NO"), ("Chile", "CL"), ("Kenya", "KE"), ("Japan", "JP"))


def _story(n: int) -> Extraction:
    """Story n names a subset of the shared people and countries in its own order."""
    rng = random.Random(n)
    people = tuple(rng.sample(PEOPLE, 3))
    countries = tuple(rng.sample(COUNTRIES, 2))
    names = [*people, *(name for name, _ in countries)]
    text = f"Report {n}. " + " ".join(f"{name} spoke." for name in names)
    aliases = {name: [name.split()[-1]] for name in people}
    return story(text, people=people, countries=countries, aliases=aliases, title="Report")


def _batch(engine: Engine, extractions: list[Extraction]) -> list[ingest.Ingested]:
    with Session(engine) as session:
        return ingest_batch(session, extractions, "test")


def _counts(engine: Engine) -> tuple[int, int, list[tuple[int, str]]]:
    with Session(engine) as session:
        articles = session.execute(select(func.count()).select_from(Article)).scalar_one()
        entities = session.execute(select(func.count()).select_from(Entity)).scalar_one()
        aliases = session.execute(
            select(col(EntityAlias.entity_id), col(EntityAlias.normalized))
        ).all()
    return articles, entities, [tuple(a) for a in aliases]


def test_overlapping_batches_store_each_article_once(race_engine: Engine) -> None:
    stories = [_story(n) for n in range(12)]
    writers = 4

    def work(i: int) -> list[tuple[str, ingest.Ingested]]:
        # Each writer stores 8 of the 12 stories in its own order: every pair overlaps.
        mine = random.Random(100 + i).sample(stories, 8)
        return list(zip((s.body for s in mine), _batch(race_engine, mine), strict=True))

    outcomes = race(writers, work)
    assert all(isinstance(o, list) for o in outcomes), outcomes
    by_body: dict[str, set[int]] = {}
    created = 0
    for results in outcomes:
        for body, result in results:
            by_body.setdefault(body, set()).add(result.article_id)
            created += result.created
    assert all(len(ids) == 1 for ids in by_body.values()), by_body  # one copy, known to all
    articles, entities, aliases = _counts(race_engine)
    assert created == articles == len(by_body)
    assert entities == len(PEOPLE) + len(COUNTRIES)
    assert len(aliases) == len(set(aliases))
    assert_no_drift(race_engine)


def test_batches_race_single_article_writes(race_engine: Engine) -> None:
    stories = [_story(n) for n in range(10)]

    def work(i: int) -> list[ingest.Ingested]:
        if i < 2:
            return _batch(race_engine, stories[i::2] + stories[: 5 * i])
        with Session(race_engine) as session:
            return [ingest.ingest_extraction(session, s, "test") for s in stories[i::3]]

    outcomes = race(5, work)
    assert all(isinstance(o, list) for o in outcomes), outcomes
    created = sum(r.created for results in outcomes for r in results)
    articles, entities, _ = _counts(race_engine)
    assert created == articles == len(stories)
    assert entities == len(PEOPLE) + len(COUNTRIES)
    assert_no_drift(race_engine)


def test_a_batch_stores_its_own_duplicates_once(race_engine: Engine) -> None:
    one, two = _story(1), _story(2)
    again = story("  " + one.body.replace(" ", "  "), people=())  # same text, spaced out
    results = _batch(race_engine, [one, two, again, two])
    assert [r.created for r in results] == [True, True, False, False]
    assert results[2].article_id == results[0].article_id
    assert results[3].article_id == results[1].article_id
    rerun = _batch(race_engine, [two, one])  # a re-run adds nothing
    assert [r.created for r in rerun] == [False, False]
    assert _counts(race_engine)[0] == 2
    assert_no_drift(race_engine)


def test_an_ingest_batch_with_a_bad_article_stores_the_others(race_engine: Engine) -> None:
    from app.articles.sources import Document
    from app.cli.ingest import _Pending

    good = [_story(n) for n in range(3)]
    bad = _story(9)
    bad.entities[0].mentions[0].start += 1  # its offsets no longer hold the name
    outcomes: list[tuple[str, str, str | None]] = []
    pending = _Pending(race_engine, lambda doc, what, why: outcomes.append((doc.name, what, why)))
    for name, found in zip("abcd", [good[0], bad, *good[1:]], strict=True):
        pending.add(Document(name=name, raw="", format="text"), found)
    pending.flush()
    assert [(name, what) for name, what, _ in outcomes] == [
        ("a", "created"),
        ("b", "failed"),
        ("c", "created"),
        ("d", "created"),
    ]
    assert "do not hold" in str(outcomes[1][2])
    assert _counts(race_engine)[0] == 3
    assert_no_drift(race_engine)


def _pending_run(engine: Engine, names: str, stories: list[Extraction]) -> list[str]:
    """``broadsheet ingest``'s storing loop over ``stories``: the outcome per document."""
    from app.articles.sources import Document
    from app.cli.ingest import _Pending

    outcomes: list[str] = []
    pending = _Pending(engine, lambda doc, what, _: outcomes.append(f"{doc.name}:{what}"))
    try:
        for name, found in zip(names, stories, strict=True):
            pending.add(Document(name=name, raw="", format="text"), found)
        pending.flush()
    finally:
        pending.close()
    return outcomes


def test_batches_in_flight_store_in_input_order(race_engine: Engine, monkeypatch: Any) -> None:
    """Batches stored side by side (two in flight on PostgreSQL) give each article the id
    and each entity the id it gets one batch after the other: in input order."""
    monkeypatch.setattr("app.cli.ingest.BATCH", 2)
    stories = [_story(n) for n in range(9)]
    outcomes = _pending_run(race_engine, "abcdefghi", stories)
    assert outcomes == [f"{name}:created" for name in "abcdefghi"]
    with Session(race_engine) as session:
        bodies = session.execute(select(col(Article.body)).order_by(col(Article.id))).scalars()
        assert list(bodies) == [s.body for s in stories]
        names = session.execute(select(col(Entity.name)).order_by(col(Entity.id))).scalars()
        first_seen = list(dict.fromkeys(e.name for s in stories for e in s.entities))
        assert list(names) == first_seen
    assert_no_drift(race_engine)


def test_ingest_runs_with_batches_in_flight_race(race_engine: Engine, monkeypatch: Any) -> None:
    monkeypatch.setattr("app.cli.ingest.BATCH", 2)
    stories = [_story(n) for n in range(10)]

    def work(i: int) -> list[str]:
        # Three runs over the same stories, each in its own order.
        mine = random.Random(200 + i).sample(stories, len(stories))
        return _pending_run(race_engine, "abcdefghij", mine)

    outcomes = race(3, work)
    assert all(isinstance(o, list) for o in outcomes), outcomes
    created = sum(o.endswith(":created") for run in outcomes for o in run)
    unchanged = sum(o.endswith(":unchanged") for run in outcomes for o in run)
    articles, entities, aliases = _counts(race_engine)
    assert created == articles == len(stories)
    assert unchanged == 2 * len(stories)
    assert entities == len(PEOPLE) + len(COUNTRIES)
    assert len(aliases) == len(set(aliases))
    assert_no_drift(race_engine)


def test_a_refused_row_fails_its_batch_alone(race_engine: Engine, monkeypatch: Any) -> None:
    """A row the database refuses (a quote's cue longer than its column, which only
    PostgreSQL enforces) is raised as the database error it is, so its batch is stored
    again one article at a time; the batch in flight beside it is stored whole."""
    monkeypatch.setattr("app.cli.ingest.BATCH", 2)
    stories = [_story(n) for n in range(6)]
    body = stories[2].body
    stories[2].quotes = [ExtractedQuote(text=body[:6], start=0, end=6, cue="said " * 20)]
    outcomes = _pending_run(race_engine, "abcdef", stories)
    postgresql = race_engine.dialect.name == "postgresql"
    assert outcomes == [
        f"{n}:{'failed' if n == 'c' and postgresql else 'created'}" for n in "abcdef"
    ]
    assert _counts(race_engine)[0] == (5 if postgresql else 6)
    assert_no_drift(race_engine)
