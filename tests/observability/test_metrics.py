"""``/metrics``: requests by route template and status, database time, the response cache,
ingests and extraction time, in the format Prometheus reads."""

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from app.config import Settings
from app.main import create_app
from tests.observability.scrape import total, value

KEY = {"X-API-Key": "test-key"}
REQUESTS = "broadsheet_http_requests_total"
STORY = (
    "Ministers in Lisbon met on Tuesday to agree the budget. Portugal will open new schools "
    'next year, officials said. "We have waited long enough," said Ana Costa, the minister.'
)


def scrape(client: TestClient) -> str:
    response = client.get("/metrics")
    assert response.status_code == 200
    return response.text


def test_requests_are_counted_by_route_template_and_status(client: TestClient) -> None:
    before = scrape(client)
    for ref in ("1", "no-such-article", "another-missing-one"):
        client.get(f"/articles/{ref}")
    client.head("/articles/1")
    client.get("/no/such/path")
    after = scrape(client)

    def moved(**labels: object) -> float:
        return value(after, REQUESTS, **labels) - value(before, REQUESTS, **labels)

    assert moved(method="GET", route="/articles/{ref}", status=200) == 1
    assert moved(method="GET", route="/articles/{ref}", status=404) == 2
    assert moved(method="HEAD", route="/articles/{ref}", status=200) == 1
    # Raw paths never become labels: a path no route serves is "unmatched".
    assert moved(method="GET", route="unmatched", status=404) == 1
    assert 'route="/articles/1"' not in after and "no-such-article" not in after
    latency = "broadsheet_http_request_duration_seconds_count"
    labels = {"method": "GET", "route": "/articles/{ref}", "status": 404}
    assert value(after, latency, **labels) - value(before, latency, **labels) == 2


def test_metrics_are_in_prometheus_text_format(client: TestClient) -> None:
    response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain; version=")
    assert "# TYPE broadsheet_http_requests_total counter" in response.text
    assert "# TYPE broadsheet_db_statement_duration_seconds histogram" in response.text


def test_database_time_is_observed(client: TestClient) -> None:
    name = "broadsheet_db_statement_duration_seconds_count"
    before = scrape(client)
    assert client.get("/articles/1").status_code == 200
    after = scrape(client)
    assert total(after, name, statement="select") > total(before, name, statement="select")
    summed = "broadsheet_db_statement_duration_seconds_sum"
    assert total(after, summed) > total(before, summed)


def test_posting_articles_counts_ingests_and_extraction_time(client: TestClient) -> None:
    name = "broadsheet_articles_ingested_total"
    extraction = "broadsheet_extraction_duration_seconds_count"
    before = scrape(client)
    headers = {**KEY, "Content-Type": "text/plain"}
    assert client.post("/articles", content=STORY, headers=headers).status_code == 201
    assert client.post("/articles", content=STORY, headers=headers).status_code == 200
    html = {**KEY, "Content-Type": "text/html"}
    refused = client.post("/articles", content="<p> </p>", headers=html)
    assert refused.status_code == 422
    after = scrape(client)
    for outcome in ("created", "existing", "failed"):
        assert value(after, name, outcome=outcome) - value(before, name, outcome=outcome) == 1
    assert value(after, extraction) - value(before, extraction) == 3
    created = {"method": "POST", "route": "/articles", "status": 201}
    assert value(after, REQUESTS, **created) - value(before, REQUESTS, **created) == 1


def test_metrics_are_never_rate_limited(settings: Settings, engine: Engine) -> None:
    limits = {"rate_limit_reads": "1/minute", "rate_limit_enabled": True}
    limited = settings.model_copy(update=limits)
    with TestClient(create_app(limited)) as client:
        assert client.get("/articles/1").status_code != 429
        assert client.get("/articles/1").status_code == 429
        for _ in range(3):
            assert client.get("/metrics").status_code == 200
        # A refusal is made before the router runs, and still counted by its route.
        refused = {"method": "GET", "route": "/articles/{ref}", "status": 429}
        assert value(scrape(client), REQUESTS, **refused) >= 1


def test_cache_hits_and_misses_are_counted(cached: TestClient) -> None:
    name = "broadsheet_response_cache_lookups_total"
    before = scrape(cached)
    cached.get("/articles/1")
    cached.get("/articles/1")
    cached.get("/articles/1")
    after = scrape(cached)
    assert value(after, name, result="miss") - value(before, name, result="miss") == 1
    assert value(after, name, result="hit") - value(before, name, result="hit") == 2
    # Served from the cache, before the router: still counted by route.
    ok = {"method": "GET", "route": "/articles/{ref}", "status": 200}
    assert value(after, REQUESTS, **ok) - value(before, REQUESTS, **ok) == 3


def test_a_scrape_is_never_served_from_the_cache(cached: TestClient) -> None:
    first = scrape(cached)
    assert scrape(cached) != first  # the first scrape itself is counted in the second
