"""Rate limits per route class and client, and read keys, on both backends."""

import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import redis
from fastapi.testclient import TestClient
from pydantic import SecretStr, ValidationError
from sqlmodel import Session

from app.config import Settings
from app.db import get_session
from app.main import create_app
from app.ratelimit import route_class
from tests.conftest import assert_problem

REDIS_URL = "redis://127.0.0.1:6379/0"
ClientFactory = Callable[..., TestClient]
THREADS = 12


def redis_available() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def limited(settings: Settings, session: Session) -> Iterator[ClientFactory]:
    """A client of an app whose settings differ from the test settings by ``overrides``."""
    clients: list[TestClient] = []

    def make(**overrides: Any) -> TestClient:
        app = create_app(settings.model_copy(update=overrides))
        app.dependency_overrides[get_session] = lambda: session
        clients.append(TestClient(app).__enter__())
        return clients[-1]

    yield make
    for client in clients:
        client.__exit__(None, None, None)


STORAGES = [
    pytest.param("memory://", id="memory"),
    pytest.param(
        REDIS_URL,
        id="redis",
        marks=pytest.mark.skipif(not redis_available(), reason="no Redis at 127.0.0.1:6379"),
    ),
]


@pytest.mark.parametrize("storage", STORAGES)
def test_the_sixth_read_in_a_second_is_429_with_retry_after(
    limited: ClientFactory, storage: str
) -> None:
    # A key of its own: counts in a shared Redis start from nothing on every run.
    key = uuid.uuid4().hex
    client = limited(
        rate_limit_enabled=True,
        rate_limit_storage=storage,
        rate_limit_reads="5/second",
        read_keys=[SecretStr(key)],
    )
    headers = {"X-API-Key": key}
    for remaining in (4, 3, 2, 1, 0):
        response = client.get("/articles", headers=headers)
        assert response.status_code == 200
        assert response.headers["RateLimit-Policy"] == '"reads";q=5;w=1'
        assert response.headers["RateLimit"] in (
            f'"reads";r={remaining};t=1',
            f'"reads";r={remaining};t=0',
        )
    refused = client.get("/articles", headers=headers)
    problem = assert_problem(refused, 429)
    assert "reads" in problem["detail"]
    assert int(refused.headers["Retry-After"]) == 1
    assert refused.headers["RateLimit"].startswith('"reads";r=0;')
    # Other route classes and other clients have counts of their own.
    assert client.get("/search", params={"q": "Morocco"}, headers=headers).status_code == 200
    assert client.get("/health").status_code == 200


def test_each_client_has_its_own_count_and_the_strictest_window_is_reported(
    limited: ClientFactory,
) -> None:
    first, second = uuid.uuid4().hex, uuid.uuid4().hex
    client = limited(
        rate_limit_enabled=True,
        rate_limit_reads="3/second;100/minute",
        read_keys=[SecretStr(first), SecretStr(second)],
    )
    for _ in range(3):
        assert client.get("/articles", headers={"X-API-Key": first}).status_code == 200
    last = client.get("/articles", headers={"X-API-Key": first})
    assert last.status_code == 429
    assert last.headers["RateLimit-Policy"] == '"reads-1s";q=3;w=1, "reads-60s";q=100;w=60'
    assert last.headers["RateLimit"].startswith('"reads-1s";r=0;')
    fresh = client.get("/articles", headers={"X-API-Key": second})
    assert fresh.status_code == 200
    assert fresh.headers["RateLimit"].startswith('"reads-1s";r=2;')


def test_writes_have_their_own_limit_counted_before_the_key_check(
    limited: ClientFactory,
) -> None:
    client = limited(rate_limit_enabled=True, rate_limit_writes="2/second")
    statuses = [client.delete("/articles/999999").status_code for _ in range(3)]
    assert statuses == [401, 401, 429]
    assert client.get("/articles").status_code == 200


def test_read_keys_guard_reads_but_not_health_or_docs(limited: ClientFactory) -> None:
    client = limited(read_keys=[SecretStr("reader-1"), SecretStr("reader-2")])
    assert_problem(client.get("/articles"), 401, "header.x-api-key")
    assert_problem(client.get("/articles", headers={"X-API-Key": "nope"}), 401, "header.x-api-key")
    assert_problem(client.get("/search?q=Morocco"), 401, "header.x-api-key")
    for key in ("reader-1", "reader-2", "test-key"):  # the write key reads too
        assert client.get("/articles", headers={"X-API-Key": key}).status_code == 200
    for path in ("/health", "/ready", "/openapi.json", "/docs"):
        assert client.get(path).status_code == 200, path
    # A read key is no write key.
    refused = client.delete("/articles/999999", headers={"X-API-Key": "reader-1"})
    assert_problem(refused, 403, "header.x-api-key")


def test_an_unreachable_store_serves_uncounted(limited: ClientFactory) -> None:
    client = limited(
        rate_limit_enabled=True, rate_limit_storage="redis://127.0.0.1:1", rate_limit_reads="1/hour"
    )
    for _ in range(2):
        response = client.get("/articles")
        assert response.status_code == 200
        assert "RateLimit" not in response.headers


def test_limits_are_off_by_default(client: TestClient) -> None:
    response = client.get("/articles")
    assert "RateLimit" not in response.headers and "RateLimit-Policy" not in response.headers


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/articles", "reads"),
        ("HEAD", "/entities/x", "reads"),
        ("GET", "/search", "search"),
        ("GET", "/searching", "reads"),
        ("GET", "/export/articles.ndjson", "export"),
        ("POST", "/articles", "writes"),
        ("DELETE", "/articles/1", "writes"),
        ("OPTIONS", "/articles", None),
        ("GET", "/health", None),
        ("GET", "/", None),
        ("GET", "/web/articles/1", None),
        ("GET", "/web/static/common.js", None),
        ("GET", "/webhooks", "reads"),
        ("GET", "/docs-assets/x.js", None),
    ],
)
def test_route_classes(method: str, path: str, expected: str | None) -> None:
    assert route_class(method, path) == expected


def test_settings_read_keys_and_limits_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BROADSHEET_READ_KEYS", " alpha, beta ,")
    monkeypatch.setenv("BROADSHEET_RATE_LIMIT_SEARCH", "3/second;20/minute")
    settings = Settings()
    assert [k.get_secret_value() for k in settings.read_keys] == ["alpha", "beta"]
    assert settings.rate_limit_search == "3/second;20/minute"
    monkeypatch.setenv("BROADSHEET_RATE_LIMIT_READS", "lots")
    with pytest.raises(ValidationError, match="rate_limit_reads"):
        Settings()


@pytest.mark.parametrize("storage", STORAGES)
def test_concurrent_requests_are_counted_exactly(limited: ClientFactory, storage: str) -> None:
    key = uuid.uuid4().hex
    client = limited(
        rate_limit_enabled=True,
        rate_limit_storage=storage,
        rate_limit_reads="5/minute",
        read_keys=[SecretStr(key)],
    )
    barrier = threading.Barrier(THREADS)

    def request(_: int) -> int:
        barrier.wait()
        # A path no route serves: counted like any read, and no shared session is touched.
        return client.get("/no-such-listing", headers={"X-API-Key": key}).status_code

    with ThreadPoolExecutor(THREADS) as pool:
        statuses = Counter(pool.map(request, range(THREADS)))
    assert statuses == {404: 5, 429: THREADS - 5}


def test_setting_a_limit_turns_limits_on(limited: ClientFactory) -> None:
    client = limited(rate_limit_reads="5/second")
    statuses = [client.get("/articles").status_code for _ in range(6)]
    assert statuses[:5] == [200] * 5
    assert statuses[5] == 429


def test_limits_are_off_unless_asked_for(limited: ClientFactory) -> None:
    client = limited()
    assert all(client.get("/articles").status_code == 200 for _ in range(60))


def test_a_limit_from_the_environment_turns_limits_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROADSHEET_RATE_LIMIT_READS", "5/second")
    assert Settings().rate_limited
    monkeypatch.delenv("BROADSHEET_RATE_LIMIT_READS")
    assert not Settings().rate_limited
