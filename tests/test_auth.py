"""Who may write: only a caller holding the configured key, and nobody while none is set.

The default deployment sets no key; that must leave every write refused, whatever key a
caller sends, not open to anyone who sends one."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlmodel import Session

from app.config import Settings
from app.db import get_session
from app.main import create_app
from tests.conftest import assert_problem

STORY = "The harbour authority approved a new pier on Monday."
MISSING = "This endpoint needs an X-API-Key header"
REFUSED = "The API key is not valid for writing"


def _client(settings: Settings, session: Session, key: str | None) -> Iterator[TestClient]:
    configured = settings.model_copy(update={"api_key": SecretStr(key) if key else None})
    app = create_app(configured)
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as client:
        yield client


@pytest.fixture
def keyless(settings: Settings, session: Session) -> Iterator[TestClient]:
    """The API as deployed by default: no write key configured."""
    yield from _client(settings, session, None)


def _writes(client: TestClient, headers: dict[str, str]) -> list[int]:
    """The status of each write endpoint called with these headers."""
    text = {**headers, "Content-Type": "text/plain"}
    return [
        client.post("/articles", content=STORY, headers=text).status_code,
        client.post("/articles/1/reextract", headers=headers).status_code,
        client.delete("/articles/1", headers=headers).status_code,
    ]


@pytest.mark.parametrize("key", ["test-key", "", "anything", "None", "null"])
def test_no_configured_key_refuses_every_key(keyless: TestClient, key: str) -> None:
    status = 401 if key == "" else 403
    assert _writes(keyless, {"X-API-Key": key}) == [status, status, status]
    assert keyless.get("/articles/1").status_code == 200  # neither deleted nor replaced
    assert [a["id"] for a in keyless.get("/articles").json()["items"]] == [1]


def test_no_configured_key_refuses_no_key(keyless: TestClient) -> None:
    assert _writes(keyless, {}) == [401, 401, 401]


def test_refusals_name_the_header_and_say_why(client: TestClient, keyless: TestClient) -> None:
    missing = assert_problem(client.delete("/articles/1"), 401, "header.x-api-key")
    assert missing["detail"] == MISSING
    wrong = client.delete("/articles/1", headers={"X-API-Key": "test-key "})
    assert assert_problem(wrong, 403, "header.x-api-key")["detail"] == REFUSED
    unset = keyless.delete("/articles/1", headers={"X-API-Key": "test-key"})
    assert assert_problem(unset, 403, "header.x-api-key")["detail"] == REFUSED


@pytest.mark.parametrize("key", ["test-ke", "test-key2", "TEST-KEY", "x" * 8])
def test_only_the_exact_key_writes(client: TestClient, key: str) -> None:
    assert client.delete("/articles/1", headers={"X-API-Key": key}).status_code == 403
    assert client.delete("/articles/1", headers={"X-API-Key": "test-key"}).status_code == 204
