"""Redirects stay one hop long as successors move on, and resolve to 410 once the line of
successors ends without articles."""

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from app.articles import ingest
from app.entities.models import Entity, EntityRedirect
from app.entities.service import get_entity
from app.errors import Gone, Moved, NotFound
from app.reextraction import redirects
from app.writes import write
from tests.writes.conftest import story


def _ids(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return dict(session.execute(select(col(Entity.name), col(Entity.id))).all())


def _resolve(engine: Engine, slug: str) -> str:
    with Session(engine) as session:
        try:
            return get_entity(session, slug).slug
        except Moved as moved:
            return f"308 {moved.new}"
        except Gone:
            return "410"


def test_a_successor_merged_in_turn_takes_its_redirects_along(race_engine: Engine) -> None:
    with Session(race_engine) as session:
        first = ingest.ingest_extraction(
            session, story("Ada Venn met Bo Venn.", people=("Ada Venn", "Bo Venn")), "t"
        )
        last = ingest.ingest_extraction(session, story("Cy Venn spoke.", people=("Cy Venn",)), "t")
        ingest.delete(session, first.article_id)  # Ada and Bo are left without articles
    ids = _ids(race_engine)
    with Session(race_engine) as session:
        write(session, redirects.redirect, ids["Ada Venn"], ids["Bo Venn"])
        write(session, redirects.redirect, ids["Bo Venn"], ids["Cy Venn"])
        targets = dict(
            session.execute(
                select(col(EntityRedirect.entity_id), col(EntityRedirect.target_id))
            ).all()
        )
    assert targets == {ids["Ada Venn"]: ids["Cy Venn"], ids["Bo Venn"]: ids["Cy Venn"]}
    assert _resolve(race_engine, "ada-venn") == "308 cy-venn"
    assert _resolve(race_engine, "cy-venn") == "cy-venn"

    with Session(race_engine) as session:
        ingest.delete(session, last.article_id)  # the successor itself is left with nothing
    assert _resolve(race_engine, "ada-venn") == "410"
    with Session(race_engine) as session, pytest.raises(NotFound):
        get_entity(session, "cy-venn")  # deleted articles alone: a plain 404
