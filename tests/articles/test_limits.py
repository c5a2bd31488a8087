"""An article's cost is bounded: extraction past the time limit answers 422 and stores
nothing; re-extraction past it leaves the article as it was."""

from collections.abc import Iterator

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


@pytest.fixture
def limited(settings: Settings, session: Session) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update={"max_extraction_seconds": 0.05}))
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as client:
        yield client


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
