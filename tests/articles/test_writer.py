"""The write path: one transaction per article, idempotent, counts kept in step."""

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from app.articles.writer import content_hash, delete_article, find_existing, store_extraction
from app.entities.models import ArticleEntity, Entity, EntityAlias, Mention
from app.errors import Unprocessable
from app.extraction import ExtractedEntity, ExtractedMention, ExtractedQuote, Extraction
from app.quotes.models import Quote


def _extraction(body: str, name: str = "Ada Quill", alias: str = "Quill") -> Extraction:
    first = body.index(name)
    second = body.rindex(alias)
    return Extraction(
        body=body,
        published_at="2022-02-02",
        entities=[
            ExtractedEntity(
                name=name,
                type="person",
                aliases=[alias],
                mentions=[
                    ExtractedMention(text=name, start=first, end=first + len(name)),
                    ExtractedMention(text=alias, start=second, end=second + len(alias)),
                ],
            )
        ],
        quotes=[
            ExtractedQuote(
                text="We are ready",
                start=body.index("We are ready"),
                end=body.index("We are ready") + 12,
                speaker=name,
                speaker_text=alias,
                kind="direct",
                cue="said",
            )
        ],
    )


def _entity(session: Session, key: str) -> Entity:
    entity = session.execute(select(Entity).where(Entity.key == key)).scalar_one()  # type: ignore[arg-type]
    return entity


def test_same_person_in_two_articles_is_one_entity(session: Session) -> None:
    one = store_extraction(
        session, _extraction("Ada Quill spoke. “We are ready,” Quill said."), "t"
    )
    two = store_extraction(
        session, _extraction("ADA QUILL again. “We are ready,” said Quill.", name="ADA QUILL"), "t"
    )
    entity = _entity(session, "ada quill")
    assert entity.article_count == 2 and entity.mention_count == 4
    aliases = (
        session.execute(
            select(EntityAlias.normalized).where(EntityAlias.entity_id == entity.id)  # type: ignore[arg-type]
        )
        .scalars()
        .all()
    )
    assert sorted(aliases) == ["ada quill", "quill"]
    speakers = (
        session.execute(
            select(Quote.speaker_id).where(Quote.article_id.in_([one.id, two.id]))  # type: ignore[union-attr]
        )
        .scalars()
        .all()
    )
    assert speakers == [entity.id, entity.id]


def test_duplicates_are_found_by_hash_and_url(session: Session) -> None:
    extraction = _extraction("Ada Quill spoke. “We are ready,” Quill said.")
    extraction.source_url = "https://news.example/a"
    stored = store_extraction(session, extraction, "t")
    respaced = extraction.model_copy(update={"body": extraction.body.replace(" ", "  ")})
    assert find_existing(session, respaced) is stored
    moved = extraction.model_copy(update={"body": "Different text entirely."})
    assert find_existing(session, moved) is stored  # same URL
    assert content_hash("a  b\n c") == content_hash("a b c")


def test_bad_offsets_are_refused_before_anything_is_written(session: Session) -> None:
    extraction = _extraction("Ada Quill spoke. “We are ready,” Quill said.")
    extraction.entities[0].mentions[0].start += 1
    before = session.execute(select(func.count()).select_from(Mention)).scalar_one()
    with pytest.raises(Unprocessable):
        store_extraction(session, extraction, "t")
    assert session.execute(select(func.count()).select_from(Mention)).scalar_one() == before


def test_delete_keeps_counts_right(session: Session) -> None:
    one = store_extraction(
        session, _extraction("Ada Quill spoke. “We are ready,” Quill said."), "t"
    )
    store_extraction(session, _extraction("Ada Quill, again. “We are ready,” Quill said."), "t")
    delete_article(session, one)
    entity = _entity(session, "ada quill")
    assert (entity.article_count, entity.mention_count) == (1, 2)
    links = session.execute(
        select(func.count()).select_from(ArticleEntity).where(ArticleEntity.article_id == one.id)  # type: ignore[arg-type]
    ).scalar_one()
    assert links == 0


def test_an_entity_without_mentions_counts_once_and_deletes_cleanly(session: Session) -> None:
    extraction = _extraction("Ada Quill spoke. “We are ready,” Quill said.")
    extraction.entities[0].mentions = []
    article = store_extraction(session, extraction, "t")
    entity = _entity(session, "ada quill")
    link = session.execute(
        select(ArticleEntity.mention_count).where(ArticleEntity.article_id == article.id)  # type: ignore[call-overload]
    ).scalar_one()
    assert link == 1 and (entity.article_count, entity.mention_count) == (1, 1)
    delete_article(session, article)
    session.refresh(entity)
    assert (entity.article_count, entity.mention_count) == (0, 0)
