"""The snapshot extraction takes as input holds what the archive stored, on both backends."""

from sqlmodel import Session

from app.knowledge.snapshot import load_snapshot
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
