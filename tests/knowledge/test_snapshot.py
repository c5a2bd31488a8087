"""The snapshot extraction takes as input holds what the archive stored, on both backends."""

from sqlalchemy import select
from sqlmodel import Session, col

from app.articles.ingest import ingest
from app.entities.models import ArticleEntity, Entity
from app.knowledge.snapshot import load_snapshot
from app.quotes.models import Quote
from tests.conftest import ArticleFactory


def test_the_snapshot_holds_stored_entities_with_their_article_counts(
    session: Session, make_article: ArticleFactory
) -> None:
    make_article(
        "Ada Quist met officials in Peru.", people=("Ada Quist",), countries=(("Peru", "PE"),)
    )
    make_article("Ada Quist spoke again.", people=("Ada Quist",))

    known = {entity.name: entity for entity in load_snapshot(session).entities}

    assert known["Ada Quist"].type == "person"
    assert known["Ada Quist"].articles == 2
    assert known["Peru"].country_code == "PE"
    assert known["Peru"].articles == 1
    assert {e.name for e in load_snapshot(session, min_articles=2).entities} >= {"Ada Quist"}
    assert "Peru" not in {e.name for e in load_snapshot(session, min_articles=2).entities}


def test_a_person_named_in_full_keeps_the_company_of_their_articles(
    session: Session, make_article: ArticleFactory
) -> None:
    make_article(
        "Ada Quist met officials in Peru.", people=("Ada Quist",), countries=(("Peru", "PE"),)
    )
    make_article("Ada Quist and Bo Lind spoke in Peru.", people=("Ada Quist", "Bo Lind"))
    make_article("Quist spoke.", people=("Quist",))

    known = {entity.name: entity for entity in load_snapshot(session).entities}

    assert known["Ada Quist"].related[:2] == ("Peru", "Bo Lind")
    assert known["Bo Lind"].related == ("Ada Quist",)
    assert known["Quist"].related == ()  # a bare surname is resolved, never a candidate
    fewer = {entity.name: entity for entity in load_snapshot(session, related=1).entities}
    assert fewer["Ada Quist"].related == ("Peru",)


def test_an_article_naming_only_a_surname_joins_the_stored_full_name(session: Session) -> None:
    first = ingest(
        session, 'Corwin Halvorsen, the fisheries minister, said "no" on Monday.', "text"
    )
    second = ingest(
        session,
        '"The plan is sound," Mr Halvorsen told reporters in Oslo.',
        "text",
        knowledge=load_snapshot(session),
    )

    people = {
        article_id: session.execute(
            select(Entity.name, Entity.article_count)
            .join(ArticleEntity, col(ArticleEntity.entity_id) == col(Entity.id))
            .where(col(ArticleEntity.article_id) == article_id, col(Entity.type) == "person")
        ).all()
        for article_id in (first.article_id, second.article_id)
    }
    assert people[first.article_id] == [("Corwin Halvorsen", 2)]
    assert people[second.article_id] == [("Corwin Halvorsen", 2)]
    speaker = session.execute(
        select(Entity.name)
        .join(Quote, col(Quote.speaker_id) == col(Entity.id))
        .where(col(Quote.article_id) == second.article_id)
    ).scalar_one()
    assert speaker == "Corwin Halvorsen"


def test_the_snapshot_holds_whom_each_organization_introduced(session: Session) -> None:
    ingest(
        session, "Grebe Party leader Ana Ruiz said no. Grebe Party MP Tom Okafor agreed.", "text"
    )
    ingest(
        session, "Heron Party leader Ana Ruiz said no. Heron Party MP Tom Okafor agreed.", "text"
    )

    knowledge = load_snapshot(session)
    known = {entity.name: entity for entity in knowledge.entities}

    assert set(known["Grebe Party"].introduced) == {("leader", "Ana Ruiz"), ("MP", "Tom Okafor")}
    assert known["Ana Ruiz"].introduced == ()
    assert knowledge.index.groups["heron party"].name == "Grebe Party"
