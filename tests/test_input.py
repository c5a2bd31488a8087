"""Hostile input is refused with a problem naming it, never answered with a 500: dates out of
UTC range or given as numbers, cursors holding the wrong types or out-of-range integers, and
source links that are not web addresses."""

import base64
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.extraction.cleaning import clean
from app.extraction.dates import parse_date
from app.text import web_url
from tests.conftest import assert_problem

KEY = {"X-API-Key": "test-key"}
LATE = "9999-12-31T23:59:59-14:00"  # year 10000 in UTC
EARLY = "0001-01-01T00:00:00+14:00"  # year 0 in UTC
BIG = 2**63  # one past signed 64-bit
DATE = {"dt": "2021-12-06T00:00:00+00:00"}


def cursor(scope: str, values: list[Any]) -> str:
    raw = json.dumps({"s": scope, "v": values}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize("path", ["/articles", "/quotes"])
@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("published_after", LATE),
        ("published_before", EARLY),
        ("published_before", "0.5"),
        ("published_after", "1700000000"),
        ("published_after", "-1"),
    ],
)
def test_dates_out_of_range_or_numeric_are_422(
    client: TestClient, path: str, name: str, value: str
) -> None:
    problem = assert_problem(client.get(path, params={name: value}), 422, f"query.{name}")
    assert name in problem["detail"]


@pytest.mark.parametrize("value", ["0.5", "1700000000", "-1"])
def test_numeric_dates_are_refused_saying_why(client: TestClient, value: str) -> None:
    response = client.get("/articles", params={"published_after": value})
    [error] = assert_problem(response, 422, "query.published_after")["errors"]
    assert error["message"].endswith("a date must be an ISO-8601 string, not a number")
    posted = {"text": "The council met on Monday to vote.", "published_at": float(value)}
    response = client.post("/articles", json=posted, headers=KEY)
    [error] = assert_problem(response, 422, "body.published_at")["errors"]
    assert error["message"].endswith("an ISO-8601 string, not a number")


@pytest.mark.parametrize("value", [LATE, EARLY])
def test_dates_out_of_utc_range_are_refused_saying_why(client: TestClient, value: str) -> None:
    response = client.get("/quotes", params={"published_after": value})
    [error] = assert_problem(response, 422, "query.published_after")["errors"]
    assert error["message"].endswith("the date is outside years 1-9999 in UTC")


def test_dates_at_the_edges_of_the_range_still_filter(client: TestClient) -> None:
    assert (
        client.get("/articles", params={"published_after": "9999-12-31T23:59:59Z"}).json()["items"]
        == []
    )
    assert (
        client.get("/quotes", params={"published_before": "0001-01-02T00:00:00Z"}).json()["items"]
        == []
    )
    seed = client.get("/articles", params={"published_after": "2021-12-06T01:00:00+02:00"})
    assert [a["id"] for a in seed.json()["items"]] == [1]


@pytest.mark.parametrize("published_at", [LATE, EARLY, 0, 0.5, "1700000000"])
def test_posted_dates_out_of_range_or_numeric_are_422(
    client: TestClient, published_at: object
) -> None:
    payload = {"text": "The council met on Monday to vote.", "published_at": published_at}
    assert_problem(client.post("/articles", json=payload, headers=KEY), 422, "body.published_at")


def test_extracted_dates_out_of_utc_range_are_unknown_not_a_crash() -> None:
    assert parse_date(LATE) is None and parse_date(EARLY) is None
    assert parse_date("2021-12-06T10:00:00+02:00") is not None
    record = json.dumps({"text": "The council met on Monday.", "date": EARLY})
    assert clean(record, "json").published_at is None


def _listings(client: TestClient) -> list[tuple[str, str, list[Any]]]:
    """(path, cursor scope, good values) of every paged list."""
    entity = client.get("/entities/morocco").json()["id"]
    return [
        ("/articles", "articles:newest", [DATE, 1]),
        ("/articles?sort=oldest", "articles:oldest", [DATE, 1]),
        ("/articles?q=morocco&sort=newest", "articles:newest", [DATE, 1]),
        ("/articles?q=morocco", "articles:relevance", [1]),
        ("/articles?person=benny-gantz", "articles:newest", [DATE, 1]),
        ("/articles/1/entities", "article-entities:1", [1]),
        ("/articles/1/quotes", "quotes:position", [1, 1]),
        ("/quotes", "quotes:newest", [DATE, 1]),
        ("/quotes?article=1", "quotes:newest", [DATE, 1]),
        ("/quotes?q=morocco", "quotes:newest", [DATE, 1]),
        ("/entities/benny-gantz/quotes", "quotes:newest", [DATE, 1]),
        ("/entities/morocco/quotes?role=about", "quotes:newest", [DATE, 1]),
        ("/entities", "entities:articles", [1, 1]),
        ("/countries", "entities:articles", [1, 1]),
        ("/search?q=morocco", "articles:relevance", [1]),
        ("/entities/morocco/articles", "entity-articles", [DATE, 1]),
        ("/entities/morocco/related", f"related:{entity}", [1]),
        ("/entities/morocco/timeline", f"timeline:{entity}:month", [1]),
    ]


def _bad_values(good: list[Any]) -> list[list[Any]]:
    """Each slot in turn given an out-of-range integer or a value of the wrong type."""
    wrong: list[Any] = [BIG, -BIG - 1, "x", True, 1.5, None, [1], {"dt": "nope"}, {"dt": LATE}]
    bad = []
    for i, value in enumerate(good):
        for other in wrong:
            if isinstance(value, int) and other in ({"dt": "nope"}, {"dt": LATE}):
                continue  # already a wrong type for an int slot: covered by "x"
            bad.append([*good[:i], other, *good[i + 1 :]])
    return bad


def test_cursors_are_checked_against_their_sort_keys(client: TestClient) -> None:
    for path, scope, good in _listings(client):
        join = "&" if "?" in path else "?"
        fine = client.get(f"{path}{join}cursor={cursor(scope, good)}")
        assert fine.status_code == 200, (path, fine.text)
        for values in [*_bad_values(good), [*good, 1], good[:-1]]:
            response = client.get(f"{path}{join}cursor={cursor(scope, values)}")
            assert_problem(response, 400, "query.cursor")


def test_cursor_integers_at_the_64_bit_limits_are_accepted(client: TestClient) -> None:
    for values in ([BIG - 1, BIG - 1], [-BIG, -BIG]):
        response = client.get("/entities", params={"cursor": cursor("entities:articles", values)})
        assert response.status_code == 200, response.text
    boundary = cursor("quotes:newest", [{"dt": "0001-01-01T00:00:00+00:00"}, BIG - 1])
    assert client.get("/quotes", params={"cursor": boundary}).json()["items"] == []


def test_a_negative_offset_cursor_is_refused(client: TestClient) -> None:
    response = client.get(
        "/articles/1/entities", params={"cursor": cursor("article-entities:1", [-1])}
    )
    assert_problem(response, 400, "query.cursor")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "//news.example/a",
        "ftp://news.example/a",
        "https:///no-host",
        "http://news.example/a b",
    ],
)
def test_only_web_urls_are_accepted_as_the_source(client: TestClient, url: str) -> None:
    payload = {"text": "The council met on Monday to vote.", "url": url}
    assert_problem(client.post("/articles", json=payload, headers=KEY), 422, "body.url")


def test_extracted_source_links_are_kept_only_when_they_are_web_urls() -> None:
    assert web_url("https://news.example/a") == "https://news.example/a"
    assert web_url("javascript:alert(1)") is None
    record = {"text": "The council met on Monday.", "link": "javascript:alert(1)"}
    assert clean(json.dumps(record), "json").source_url is None
    page = (
        '<html><head><link rel="canonical" href="javascript:alert(1)"></head><body><article>'
        + "<p>The council met on Monday to vote on the new harbour budget for the year.</p>" * 5
        + "</article></body></html>"
    )
    assert clean(page, "html").source_url is None
