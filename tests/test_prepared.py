"""Prepared read statements answer exactly as SQLAlchemy's own execution does, on both
backends, with the engine's cursor events and its wrapped errors."""

from datetime import datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, literal_column, select, table
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from app.answers import rows
from app.articles import driven
from app.articles.models import Article
from app.articles.queries import BY, ENTITIES, MENTIONS, TOP_LINKS
from app.config import Settings
from app.main import create_app
from app.prepared import Prepared
from app.quotes.queries import OF_ARTICLE


def _usual(session: Session, prepared: Prepared, **params: Any) -> list[tuple[Any, ...]]:
    result = session.connection().execute(prepared.statement, params)
    return [tuple(row) for row in result.all()]


def _cases(article: Article) -> list[tuple[Prepared, dict[str, Any]]]:
    return [
        (BY["id"], {"value": article.id}),
        (BY["slug"], {"value": article.slug}),
        (ENTITIES, {"article_id": article.id}),
        (MENTIONS, {"article_id": article.id}),
        (OF_ARTICLE, {"article_id": article.id}),
        (TOP_LINKS, {"article_ids": [article.id, article.id + 1000]}),
    ]


def test_prepared_rows_equal_sqlalchemy_rows(session: Session, seed_article: Article) -> None:
    for prepared, params in _cases(seed_article):
        found = rows(session, prepared, **params)
        assert found, prepared.statement
        assert [tuple(row) for row in found] == _usual(session, prepared, **params)
        assert found[0]._fields == tuple(
            session.connection().execute(prepared.statement, params).keys()
        )


def test_converted_parameters_beside_an_expanding_list(
    session: Session, seed_article: Article
) -> None:
    # The keyset's date is converted (on SQLite, to the stored text, microseconds included)
    # while a group of entity ids expands: unconverted, the article at the cursor itself
    # came after the cursor, and following the cursor gave the same page forever.
    (link,) = rows(session, ENTITIES, article_id=seed_article.id)[:1]
    statement = driven._statement(descending=False, after=True, groups=1)
    params = {"entity_id": link.id, "group_0": [link.id, -1], "limit": 5}
    at = {"after_dated": seed_article.dated_at, "after_id": seed_article.id}
    before = {"after_dated": datetime(2000, 1, 1), "after_id": 0}
    for cursor, expected in ((at, []), (before, [seed_article.id])):
        found = rows(session, statement, **cursor, **params)
        assert [row.id for row in found] == expected
        assert [tuple(row) for row in found] == _usual(session, statement, **cursor, **params)


def test_prepared_times_come_back_as_datetimes(session: Session, seed_article: Article) -> None:
    (found,) = rows(session, BY["id"], value=seed_article.id)
    assert found.published_at == seed_article.published_at
    assert found.created_at is not None and found.created_at.year >= 2024


def test_prepared_statements_fire_cursor_events(session: Session, seed_article: Article) -> None:
    seen: list[str] = []
    engine = session.get_bind()

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        rows(session, MENTIONS, article_id=seed_article.id)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert len(seen) == 1 and "mention" in seen[0].lower()


def test_a_driver_error_is_raised_as_sqlalchemys(session: Session) -> None:
    broken = Prepared(select(literal_column("x")).select_from(table("no_such_table")))
    with pytest.raises(DBAPIError):
        rows(session, broken)


def test_each_request_hands_its_connection_back(settings: Settings) -> None:
    app = create_app(settings)
    with TestClient(app) as client:
        for _ in range(30):  # more than the pool holds, were any kept
            assert client.get("/articles/1").status_code in (200, 404)
        assert app.state.engine.pool.checkedout() == 0
