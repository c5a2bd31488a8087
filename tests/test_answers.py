"""Rows read by ``app.answers.rows``: named tuples, by column name or position."""

from sqlalchemy import column, literal, select
from sqlmodel import Session, create_engine

from app.answers import picked, rows


def test_rows_read_by_name_and_position() -> None:
    engine = create_engine("sqlite://")
    stmt = select(literal(7).label("id"), literal("harbour").label("slug"))
    with Session(engine) as session:
        (found,) = rows(session, stmt)
        again = rows(session, stmt.where(column("id") == 7))
    assert (found.id, found.slug) == (7, "harbour")
    assert tuple(found) == (7, "harbour")
    assert type(again[0]) is type(found)  # one record type per list of column names
    assert picked(found, ["slug", "id"], {}) == {"slug": "harbour", "id": 7}


def test_rows_of_repeated_or_unnamed_columns() -> None:
    engine = create_engine("sqlite://")
    with Session(engine) as session:
        (found,) = rows(session, select(literal(1).label("n"), literal(2).label("n")))
    assert tuple(found) == (1, 2)
