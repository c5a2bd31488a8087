"""The seed as a new install serves it: read by the extractor, stored, answered over HTTP."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import make_engine
from app.main import create_app
from app.migrate import upgrade
from app.seed import is_empty, load_seed


@pytest.fixture
def seeded(scratch_url: str) -> Iterator[TestClient]:
    settings = Settings(database_url=scratch_url)
    upgrade(scratch_url)
    engine = make_engine(settings)
    assert is_empty(engine)
    assert load_seed(engine, settings.seed_dir) == 1
    assert load_seed(engine, settings.seed_dir) == 0  # loading again adds nothing
    engine.dispose()
    with TestClient(create_app(settings)) as client:
        yield client


def test_the_extracted_seed_answers_the_first_questions(seeded: TestClient) -> None:
    articles = seeded.get("/articles").json()["items"]
    assert len(articles) == 1 and articles[0]["published_at"].startswith("2021-12-06")
    for query in ("country=MA", "person=Benny%20Gantz", "organization=Polisario%20Front"):
        assert len(seeded.get(f"/articles?{query}").json()["items"]) == 1, query
    people = seeded.get("/entities?q=Maddy&type=person").json()["items"]
    assert [p["name"] for p in people] == ["Bruce Maddy-Weitzman"]
    quotes = seeded.get(f"/entities/{people[0]['slug']}/quotes?role=speaker").json()["items"]
    assert len(quotes) == 4
    assert all(q["kind"] == "direct" for q in quotes)
    hit = seeded.get("/search?q=Pegasus").json()["articles"][0]
    assert "<mark>Pegasus</mark>" in hit["highlight"]
    detail = seeded.get(f"/articles/{articles[0]['id']}").json()
    assert detail["extractor_version"] and detail["extractor_version"] != "fixture"
    assert "Source link" not in detail["body"] and "By admin" not in detail["body"]
    assert detail["entities"] and all(entity["mentions"] for entity in detail["entities"])
    for entity in detail["entities"]:
        for mention in entity["mentions"]:
            assert detail["body"][mention["start"] : mention["end"]] == mention["text"]
