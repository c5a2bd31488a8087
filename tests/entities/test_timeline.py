"""An entity's timeline (GET /entities/{slug}/timeline), on both backends."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.conftest import ArticleFactory, assert_problem, next_link
from tests.entities.seed import MADDY, store_mentions

# --- GET /entities/{slug}/timeline --------------------------------------------------------


@pytest.fixture
def morocco_dates(make_article: ArticleFactory) -> None:
    """Morocco on known dates besides the seed (Monday 2021-12-06, 17 mentions)."""
    for n, date in enumerate(
        [
            "2021-12-08",  # Wednesday, same ISO week as the seed
            "2021-12-12T23:30:00+00:00",  # Sunday night: still that week
            "2021-12-12T23:30:00-05:00",  # Monday 04:30 UTC: the next week
            "2022-01-02",  # Sunday: the week of Monday 2021-12-27, across a year
            "2022-01-02T08:00:00Z",  # the same day again
        ]
    ):
        make_article(f"Report {n} on Morocco.", published_at=date, countries=(("Morocco", "MA"),))


def buckets(response: Any) -> list[tuple[str, int, int]]:
    assert response.status_code == 200, response.text
    return [(b["period"], b["articles"], b["mentions"]) for b in response.json()["items"]]


@pytest.mark.usefixtures("morocco_dates")
@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        (
            "day",
            [
                ("2021-12-06", 1, 17),
                ("2021-12-08", 1, 1),
                ("2021-12-12", 1, 1),
                ("2021-12-13", 1, 1),
                ("2022-01-02", 2, 2),
            ],
        ),
        ("week", [("2021-12-06", 3, 19), ("2021-12-13", 1, 1), ("2021-12-27", 2, 2)]),
        ("month", [("2021-12-01", 4, 20), ("2022-01-01", 2, 2)]),
    ],
)
def test_timeline_buckets(
    client: TestClient, interval: str, expected: list[tuple[str, int, int]]
) -> None:
    response = client.get("/entities/morocco/timeline", params={"interval": interval})
    assert buckets(response) == expected


@pytest.mark.usefixtures("morocco_dates")
def test_timeline_defaults_to_months_and_pages(client: TestClient) -> None:
    assert buckets(client.get("/entities/morocco/timeline")) == [
        ("2021-12-01", 4, 20),
        ("2022-01-01", 2, 2),
    ]
    first = client.get("/entities/morocco/timeline", params={"interval": "day", "limit": 3})
    assert [b[0] for b in buckets(first)] == ["2021-12-06", "2021-12-08", "2021-12-12"]
    url = next_link(first)
    second = client.get(url)
    assert buckets(second) == [("2021-12-13", 1, 1), ("2022-01-02", 2, 2)]
    assert second.json()["next_cursor"] is None


def test_timeline_sums_mentions(client: TestClient, session: Session) -> None:
    store_mentions(session, "2024-02-29", "Tala Mirza", 3)
    store_mentions(session, "2024-03-03", "Tala Mirza", 2)  # a Sunday
    store_mentions(session, "2024-03-04", "Tala Mirza", 4)  # the Monday after
    url = "/entities/tala-mirza/timeline"
    assert buckets(client.get(url, params={"interval": "week"})) == [
        ("2024-02-26", 2, 5),
        ("2024-03-04", 1, 4),
    ]
    assert buckets(client.get(url, params={"interval": "month"})) == [
        ("2024-02-01", 1, 3),
        ("2024-03-01", 2, 6),
    ]
    profile = client.get("/entities/tala-mirza").json()
    assert profile["counts"]["mentions"] == 9


def test_seed_timeline(client: TestClient) -> None:
    for interval, period in (
        ("day", "2021-12-06"),
        ("week", "2021-12-06"),
        ("month", "2021-12-01"),
    ):
        response = client.get(f"/entities/{MADDY}/timeline", params={"interval": interval})
        assert buckets(response) == [(period, 1, 2)]


def test_invalid_interval_is_a_422_problem(client: TestClient) -> None:
    response = client.get(f"/entities/{MADDY}/timeline", params={"interval": "year"})
    problem = assert_problem(response, 422, "query.interval")
    assert "query.interval" in problem["detail"]
