"""Every list endpoint issues the same number of SQL statements whatever the page size.

A count that grows with ``limit`` means one query per item (N+1); counting the statements
the engine sends for a small and a large page catches it on both backends.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.engine import Engine

from tests.conftest import ArticleFactory

ARTICLES = 50
PERSON = "Quentin Countwell"

LIST_ENDPOINTS = [
    "/articles",
    "/articles?country=MA",
    f"/articles?person={PERSON}&country=MA",
    "/entities",
    "/entities?type=person",
    "/entities/quentin-countwell/articles",
    "/entities/quentin-countwell/quotes",
    "/quotes",
    "/quotes?speaker=quentin-countwell",
    "/search?q=harbour",
]


@contextmanager
def counted(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        # Savepoints come from the test's rollback harness, not from the endpoint.
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


@pytest.fixture
def fifty_articles(make_article: ArticleFactory) -> None:
    for n in range(ARTICLES):
        body = (
            f"{PERSON} toured the harbour in Morocco on day {n}. "
            f"\u201cThe harbour will reopen,\u201d said {PERSON} of plan {n}."
        )
        make_article(
            body,
            title=f"Harbour story {n}",
            published_at=f"2024-03-{1 + n % 28:02d}",
            people=(PERSON,),
            countries=(("Morocco", "MA"),),
            quotes={"The harbour will reopen": PERSON},
        )


def query_count(client: TestClient, engine: Engine, path: str, limit: int) -> tuple[int, int]:
    sep = "&" if "?" in path else "?"
    with counted(engine) as statements:
        response = client.get(f"{path}{sep}limit={limit}")
    assert response.status_code == 200, response.text
    return len(statements), len(response.json().get("items", []))


@pytest.mark.usefixtures("fifty_articles")
@pytest.mark.parametrize("path", LIST_ENDPOINTS)
def test_list_endpoints_issue_a_fixed_number_of_queries(
    client: TestClient, engine: Engine, path: str
) -> None:
    query_count(client, engine, path, 5)  # first call may warm per-process lookups
    small, small_items = query_count(client, engine, path, 5)
    large, large_items = query_count(client, engine, path, 50)
    assert small_items <= 5
    assert large_items > small_items or large_items == small_items < 5, "the page did not grow"
    assert small == large, f"{path}: {small} statements for 5 items, {large} for {large_items}"
