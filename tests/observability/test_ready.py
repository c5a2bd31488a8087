"""``/ready`` names the extractor version and the state of PostgreSQL's change listener."""

from fastapi.testclient import TestClient

from app.cache import PostgresWatcher
from app.config import Settings
from app.extraction.pipeline import EXTRACTOR_VERSION


def test_ready_names_the_extractor_version_and_listener(
    client: TestClient, settings: Settings
) -> None:
    ready = client.get("/ready")
    assert ready.status_code == 200
    body = ready.json()
    assert body["extractor_version"] == EXTRACTOR_VERSION
    assert body["database"] == ("sqlite" if settings.is_sqlite else "postgresql")
    # The shared test app runs without the response cache, so PostgreSQL listens for nothing.
    assert body["listener"] == ("not_applicable" if settings.is_sqlite else "off")


def test_listener_up_then_down(cached: TestClient, settings: Settings) -> None:
    if settings.is_sqlite:
        assert cached.get("/ready").json()["listener"] == "not_applicable"
        return
    assert cached.get("/ready").json()["listener"] == "up"
    watcher = cached.app.state.responses.watcher  # type: ignore[attr-defined]
    assert isinstance(watcher, PostgresWatcher)
    watcher.close()
    ready = cached.get("/ready")
    assert ready.status_code == 200, "the cache is bypassed meanwhile: still ready"
    assert ready.json()["listener"] == "down"


def test_probes_are_documented(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    readiness = schema["components"]["schemas"]["Readiness"]
    assert {"extractor_version", "listener"} <= set(readiness["required"])
    assert readiness["properties"]["listener"]["enum"] == ["up", "down", "off", "not_applicable"]
    metrics = schema["paths"]["/metrics"]["get"]["responses"]["200"]["content"]
    assert list(metrics) == ["text/plain"]
