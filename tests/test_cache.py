"""The response cache: repeated reads skip the database, and no read is stale after a commit."""

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.articles.ingest import ingest
from app.cache import PostgresWatcher, make_watcher
from app.config import Settings
from app.db import make_engine
from app.main import create_app
from app.migrate import upgrade

SEED = Path(__file__).resolve().parents[1] / "seed"
OTHER = "Ministers in Lisbon met on Tuesday. Portugal will open new schools, officials said."


@pytest.fixture
def writer(scratch_url: str) -> Iterator[Engine]:
    """A connection pool of its own, standing in for another worker or `broadsheet ingest`."""
    upgrade(scratch_url)
    engine = make_engine(Settings(database_url=scratch_url))
    with Session(engine) as session:
        ingest(session, next(SEED.glob("*.txt")).read_text(encoding="utf-8"), "text")
    yield engine
    engine.dispose()


@pytest.fixture
def cached(scratch_url: str, writer: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(database_url=scratch_url, api_key="k"))) as client:
        watcher = client.app.state.responses.watcher  # type: ignore[attr-defined]
        if isinstance(watcher, PostgresWatcher):
            assert watcher.wait_listening(10)
        yield client


def statements(client: TestClient) -> list[str]:
    """Every SQL statement the app runs from now on."""
    seen: list[str] = []
    engine = client.app.state.engine  # type: ignore[attr-defined]
    event.listen(engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def eventually(check: object, seconds: float = 5.0) -> None:
    # PostgreSQL delivers the change notice just after commit, on another connection.
    deadline = time.monotonic() + seconds
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "the change was never seen"
        time.sleep(0.02)


def test_a_repeated_read_runs_no_query(cached: TestClient) -> None:
    first = cached.get("/articles?country=MA")
    seen = statements(cached)
    again = cached.get("/articles?country=MA")
    assert again.status_code == 200 and again.content == first.content
    assert again.headers["etag"] == first.headers["etag"]
    assert seen == []
    cached.get("/articles?country=DZ")
    assert seen, "a different query string is a different response"


def test_request_specific_headers_are_not_replayed(cached: TestClient) -> None:
    cached.get("/articles/1", headers={"X-Request-ID": "first"})
    again = cached.get("/articles/1", headers={"X-Request-ID": "second", "Origin": "https://a.b"})
    assert again.headers["x-request-id"] == "second"
    assert again.headers["access-control-allow-origin"] == "*"


def test_gzip_and_plain_are_kept_apart(cached: TestClient) -> None:
    plain = cached.get("/articles/1", headers={"Accept-Encoding": "identity"})
    zipped = cached.get("/articles/1", headers={"Accept-Encoding": "gzip"})
    raw = cached.get("/articles/1", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in raw.headers and raw.content == plain.content
    assert zipped.headers["content-encoding"] == "gzip"
    seen = statements(cached)
    again = cached.get("/articles/1", headers={"Accept-Encoding": "gzip"})
    assert again.headers["content-encoding"] == "gzip" and again.json() == plain.json()
    assert seen == []


def test_a_cached_response_still_answers_if_none_match(cached: TestClient) -> None:
    etag = cached.get("/articles/1").headers["etag"]
    seen = statements(cached)
    revalidated = cached.get("/articles/1", headers={"If-None-Match": etag})
    assert revalidated.status_code == 304 and revalidated.content == b""
    assert revalidated.headers["etag"] == etag
    assert seen == []


def test_a_commit_by_another_connection_is_seen_by_the_next_read(
    cached: TestClient, writer: Engine
) -> None:
    assert len(cached.get("/articles").json()["items"]) == 1
    with Session(writer) as session:
        ingest(session, OTHER, "text")
    eventually(lambda: len(cached.get("/articles").json()["items"]) == 2)
    assert cached.get("/articles?country=PT").json()["items"]


def test_a_write_through_the_api_is_seen_at_once(cached: TestClient) -> None:
    assert cached.get("/articles/1").status_code == 200
    assert cached.delete("/articles/1", headers={"X-API-Key": "k"}).status_code == 204
    assert cached.get("/articles/1").status_code == 404
    assert cached.get("/articles").json()["items"] == []


def test_errors_and_health_are_never_cached(cached: TestClient) -> None:
    cached.get("/articles/999")
    cached.get("/ready")
    seen = statements(cached)
    assert cached.get("/articles/999").status_code == 404
    assert cached.get("/ready").status_code == 200
    assert len(seen) >= 2


def test_no_budget_means_no_cache(scratch_url: str, writer: Engine) -> None:
    settings = Settings(database_url=scratch_url, response_cache_mb=0)
    with TestClient(create_app(settings)) as client:
        client.get("/articles/1")
        seen = statements(client)
        client.get("/articles/1")
        assert seen


def test_a_worker_that_cannot_ask_for_changes_serves_without_the_cache(
    cached: TestClient,
) -> None:
    # On PostgreSQL the listener thread stops; on SQLite the connection it asks is closed.
    store = cached.app.state.responses  # type: ignore[attr-defined]
    store.watcher.close()
    cached.get("/articles/1")
    seen = statements(cached)
    cached.get("/articles/1")
    assert seen


def test_asking_sqlite_for_changes_never_creates_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "absent.db"
    assert make_watcher(f"sqlite:///{missing}") is None
    assert not missing.exists()
