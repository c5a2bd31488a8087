"""The same races through the HTTP app: every writer gets an answer it can act on (2xx, or
404 for the one that lost), never a 500, and counts equal a recount afterwards."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from app.config import Settings
from app.main import create_app
from tests.writes.conftest import assert_no_drift, race

KEY = {"X-API-Key": "test-key"}
TEXT = {**KEY, "Content-Type": "text/plain"}
PARAGRAPHS = (
    "The harbour authority of Valdoria approved a new pier on Monday.",
    "“We have waited ten years for this,” said Mara Ostrova, the harbour master.",
    "Tomas Hallberg, the mayor of Lindqvist, said Norway and Chile would share the cost.",
    "Lena Aberg of Kenya agreed, and Pavel Rudnik said Japan would send engineers.",
)
STORY = "\n\n".join(PARAGRAPHS)


def rotated(i: int) -> str:
    """The story with its paragraphs rotated: entities come in a different order."""
    k = i % len(PARAGRAPHS)
    return "\n\n".join(PARAGRAPHS[k:] + PARAGRAPHS[:k])


@pytest.fixture
def api(race_settings: Settings) -> Iterator[TestClient]:
    # The app's own sessions, one per request: real commits, as when served.
    # Server errors come back as responses (a 500 is an outcome to assert on, not a crash).
    with TestClient(create_app(race_settings), raise_server_exceptions=False) as client:
        yield client


def _post(api: TestClient, text: str) -> int:
    response = api.post("/articles", content=text, headers=TEXT)
    assert response.status_code in (200, 201), response.text
    return int(response.json()["id"])


def test_two_deletes_answer_204_and_404(api: TestClient, race_engine: Engine) -> None:
    _post(api, STORY + "\n\nA second report.")
    article_id = _post(api, STORY)
    outcomes = race(2, lambda _: api.delete(f"/articles/{article_id}", headers=KEY))
    assert sorted(r.status_code for r in outcomes) == [204, 404], [r.text for r in outcomes]
    mara = api.get("/entities", params={"q": "Mara Ostrova"}).json()["items"][0]
    assert mara["article_count"] == 1
    assert_no_drift(race_engine)


def test_delete_racing_reextract_never_fails(api: TestClient, race_engine: Engine) -> None:
    for round_ in range(3):
        article_id = _post(api, f"Round {round_}.\n\n{STORY}")

        def act(i: int, url: str = f"/articles/{article_id}") -> int:
            if i == 0:
                return api.delete(url, headers=KEY).status_code
            return api.post(f"{url}/reextract", headers=KEY).status_code

        outcomes = race(2, act)
        assert outcomes[0] == 204 and outcomes[1] in (200, 404), outcomes
        assert api.get(f"/articles/{article_id}").status_code == 404
        assert_no_drift(race_engine)


def test_same_title_posts_all_succeed_with_distinct_slugs(
    api: TestClient, race_engine: Engine
) -> None:
    writers = 6

    def post(i: int) -> tuple[int, str]:
        payload = {"title": "Pier approved", "text": f"Version {i}.\n\n{STORY}"}
        response = api.post("/articles", json=payload, headers=KEY)
        return response.status_code, response.json().get("slug", response.text)

    outcomes = race(writers, post)
    assert [status for status, _ in outcomes] == [201] * writers, outcomes
    slugs = [slug for _, slug in outcomes]
    assert len(set(slugs)) == writers
    assert_no_drift(race_engine)


def test_concurrent_posts_sharing_entities(api: TestClient, race_engine: Engine) -> None:
    writers = 4

    def post(i: int) -> list[int]:
        statuses = []
        for n in range(3):
            text = f"Dispatch {i}-{n}.\n\n{rotated(i + n)}"
            statuses.append(api.post("/articles", content=text, headers=TEXT).status_code)
        return statuses

    outcomes = race(writers, post)
    assert outcomes == [[201, 201, 201]] * writers, outcomes
    mara = api.get("/entities", params={"q": "Mara Ostrova"}).json()["items"][0]
    assert mara["article_count"] == writers * 3
    assert_no_drift(race_engine)
