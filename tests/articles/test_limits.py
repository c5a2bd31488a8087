"""An article's cost is bounded: extraction past the time limit answers 422 and stores
nothing; re-extraction past it leaves the article as it was."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.config import Settings
from app.db import get_session
from app.main import create_app
from tests.conftest import ArticleFactory, assert_problem

KEY = {"X-API-Key": "test-key"}
# Hundreds of thousands of quotes: far more than a 50 ms limit allows.
HOSTILE = '"Yes," he said. ' * 40_000
STORY = "The harbour of Valdoria approved a pier.\n\n“We waited,” said Mara Ostrova, its master."


def _client(settings: Settings, session: Session, **limits: Any) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update=limits))
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as client:
        yield client


@pytest.fixture
def limited(settings: Settings, session: Session) -> Iterator[TestClient]:
    yield from _client(settings, session, max_extraction_seconds=0.05)


def test_an_article_over_the_time_limit_is_a_422_problem(limited: TestClient) -> None:
    before = limited.get("/articles").json()["items"]
    headers = {**KEY, "Content-Type": "text/plain"}
    response = limited.post("/articles", content=HOSTILE, headers=headers)
    problem = assert_problem(response, 422, field="body")
    assert "0.05-second extraction limit" in problem["detail"]
    assert limited.get("/articles").json()["items"] == before
    # The worker is free and an ordinary article still goes through under the same limit.
    assert limited.post("/articles", content=STORY, headers=headers).status_code == 201


def test_reextract_over_the_time_limit_keeps_the_article(
    limited: TestClient, make_article: ArticleFactory
) -> None:
    article = make_article(HOSTILE, quotes={"Yes,": None})
    response = limited.post(f"/articles/{article.id}/reextract", headers=KEY)
    assert_problem(response, 422, field="body")
    kept = limited.get(f"/articles/{article.id}/quotes").json()["items"]
    assert [q["text"] for q in kept] == ["Yes,"]


def test_no_limit_when_set_to_zero(settings: Settings) -> None:
    assert settings.model_copy(update={"max_extraction_seconds": 0}).extraction_limit is None
    assert Settings(max_extraction_seconds=2.5).extraction_limit == 2.5


@pytest.fixture
def few_items(settings: Settings, session: Session) -> Iterator[TestClient]:
    yield from _client(settings, session, max_article_items=30)


def test_an_article_with_more_quotes_and_mentions_than_the_limit_is_422(
    few_items: TestClient,
) -> None:
    headers = {**KEY, "Content-Type": "text/plain"}
    before = few_items.get("/articles").json()["total"]
    response = few_items.post("/articles", content='"Yes," he said. ' * 40, headers=headers)
    problem = assert_problem(response, 422, field="body")
    assert "over the limit of 30" in problem["detail"]
    assert few_items.get("/articles").json()["total"] == before
    assert few_items.post("/articles", content=STORY, headers=headers).status_code == 201


def test_reextract_over_the_item_limit_keeps_the_article(
    few_items: TestClient, make_article: ArticleFactory
) -> None:
    article = make_article('"Yes," he said. ' * 40, quotes={"Yes,": None})
    response = few_items.post(f"/articles/{article.id}/reextract", headers=KEY)
    assert_problem(response, 422, field="body")
    kept = few_items.get(f"/articles/{article.id}/quotes").json()["items"]
    assert [q["text"] for q in kept] == ["Yes,"]
