"""Entity listing (GET /entities), on both backends."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import ArticleFactory, assert_problem, linked_items
from tests.entities.seed import MADDY, SEED_COUNTRIES, SEED_ENTITIES, slugs


def test_lists_every_seed_entity_most_recent_first_among_equals(client: TestClient) -> None:
    response = client.get("/entities", params={"limit": 100})
    assert slugs(response) == SEED_ENTITIES[::-1]
    assert response.json()["next_cursor"] is None
    assert "Link" not in response.headers
    maddy = next(e for e in response.json()["items"] if e["slug"] == MADDY)
    assert maddy == {
        "id": maddy["id"],
        "slug": MADDY,
        "name": "Bruce Maddy-Weitzman",
        "type": "person",
        "country_code": None,
        "description": None,
        "article_count": 1,
        "mention_count": 2,
    }


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("bruce", [MADDY]),
        ("BRUCE MADDY", [MADDY]),
        ("maddy", [MADDY]),  # alias "Maddy-Weitzman"
        ("Maddy-W", [MADDY]),
        ("polhim", ["polisario-front"]),  # alias "Polhimario"
        ("tel", ["tel-aviv-university", "tel-aviv"]),
        ("us", ["state-department", "united-states"]),  # aliases "US State Department", "US"
        ("Rábat", ["rabat"]),  # accents in the query are ignored too
        ("weitzman", []),  # a prefix, not a substring
        ("zzz", []),
        ("50%", []),
        ("r_bat", []),
        ("[a-z]*", []),
    ],
)
def test_q_is_a_case_and_accent_insensitive_prefix_of_a_name_or_alias(
    client: TestClient, q: str, expected: list[str]
) -> None:
    assert slugs(client.get("/entities", params={"q": q})) == expected


def test_q_matches_accented_names_without_accents(
    client: TestClient, make_article: ArticleFactory
) -> None:
    make_article("Zoë Ångström met José Núñez in Reykjavík.", people=("Zoë Ångström", "José Núñez"))
    for q in ("zoe", "ZOË Å", "zoe angstrom", "Zoë Ångström"):
        assert slugs(client.get("/entities", params={"q": q})) == ["zoe-angstrom"], q
    for q in ("jose nu", "JOSÉ NÚÑEZ", "José"):
        assert slugs(client.get("/entities", params={"q": q})) == ["jose-nunez"], q
    [item] = client.get("/entities", params={"q": "zoe"}).json()["items"]
    assert item["name"] == "Zoë Ångström"


def test_filters_by_type(client: TestClient) -> None:
    places = ["washington", "tel-aviv", "paris", "dakhla", "rabat"]
    assert slugs(client.get("/entities", params={"type": "place"})) == places
    people = client.get("/entities", params={"type": "person", "q": "b"})
    assert slugs(people) == ["antony-blinken", MADDY, "brahim-ghali", "benny-gantz"]


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        # A country entity carries its own code, so it is listed with its places.
        ("MA", ["rabat", "morocco"]),
        ("ma", ["rabat", "morocco"]),
        ("Morocco", ["rabat", "morocco"]),
        ("US", ["washington", "united-states"]),
        ("United States of America", ["washington", "united-states"]),  # an alias
        ("EH", ["dakhla", "western-sahara"]),
        ("FR", ["paris"]),  # no country entity FR exists, the code still names it
        ("France", []),  # a name needs a stored country to resolve
        ("ZZ", []),
        ("Rabat", []),  # a place is not a country
    ],
)
def test_filters_by_country_code_or_name(
    client: TestClient, country: str, expected: list[str]
) -> None:
    assert slugs(client.get("/entities", params={"country": country})) == expected


def test_filters_combine(client: TestClient) -> None:
    assert slugs(client.get("/entities", params={"type": "place", "country": "IL"})) == ["tel-aviv"]
    params = {"type": "place", "country": "Israel", "q": "tel"}
    assert slugs(client.get("/entities", params=params)) == ["tel-aviv"]
    params = {"type": "organization", "country": "IL", "q": "tel"}
    assert slugs(client.get("/entities", params=params)) == []


def test_orders_by_article_count(client: TestClient, make_article: ArticleFactory) -> None:
    make_article("Morocco and Algeria met.", countries=(("Morocco", "MA"), ("Algeria", "DZ")))
    make_article("Morocco again.", countries=(("Morocco", "MA"),))
    response = client.get("/entities", params={"type": "country"})
    rest = [s for s in SEED_COUNTRIES[::-1] if s not in {"morocco", "algeria"}]
    assert slugs(response) == ["morocco", "algeria", *rest]
    counts = [e["article_count"] for e in response.json()["items"]]
    assert counts == [3, 2, 1, 1, 1, 1, 1, 1]
    assert response.json()["items"][0]["mention_count"] == 19


def follow_cursor(client: TestClient, params: dict[str, Any]) -> list[str]:
    seen: list[str] = []
    cursor = None
    for _ in range(100):
        response = client.get(
            "/entities", params={**params, "cursor": cursor} if cursor else params
        )
        seen += slugs(response)
        cursor = response.json()["next_cursor"]
        if cursor is None:
            assert "Link" not in response.headers
            return seen
        link = response.headers["Link"]
        assert link.endswith('>; rel="next"')
        assert f"cursor={cursor}" in link
    raise AssertionError("pagination never ended")


def follow_link(client: TestClient, url: str) -> list[str]:
    return [item["slug"] for item in linked_items(client, url)]


def test_pages_one_at_a_time_through_everything(
    client: TestClient, make_article: ArticleFactory
) -> None:
    make_article("Morocco and Bahrain.", countries=(("Morocco", "MA"), ("Bahrain", "BH")))
    make_article("Ana Lima visited Morocco.", people=("Ana Lima",), countries=(("Morocco", "MA"),))
    everything = slugs(client.get("/entities", params={"limit": 100}))
    assert len(everything) == len(SEED_ENTITIES) + 1
    assert everything[:3] == ["morocco", "bahrain", "ana-lima"]

    by_cursor = follow_cursor(client, {"limit": 1})
    assert by_cursor == everything
    assert len(set(by_cursor)) == len(everything)
    assert follow_link(client, "/entities?limit=1") == everything


def test_pages_keep_the_filters(client: TestClient, make_article: ArticleFactory) -> None:
    make_article("Israel and Bahrain.", countries=(("Israel", "IL"), ("Bahrain", "BH")))
    expected = ["bahrain", "israel", "palestine", "united-arab-emirates", "united-states"]
    expected += ["western-sahara", "algeria", "morocco"]
    assert follow_cursor(client, {"type": "country", "limit": 3}) == expected
    assert follow_link(client, "/entities?type=country&limit=3") == expected


def test_rejects_a_cursor_from_another_listing(client: TestClient) -> None:
    cursor = client.get("/quotes", params={"limit": 1}).json()["next_cursor"]
    assert cursor is not None
    response = client.get("/entities", params={"cursor": cursor})
    assert_problem(response, 400, "query.cursor")
    assert_problem(client.get("/entities", params={"cursor": "not-a-cursor"}), 400, "query.cursor")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"type": "planet"}, "query.type"),
        ({"limit": 0}, "query.limit"),
        ({"limit": 101}, "query.limit"),
        ({"q": "x" * 201}, "query.q"),
    ],
)
def test_invalid_list_parameters_are_422(
    client: TestClient, params: dict[str, Any], field: str
) -> None:
    assert_problem(client.get("/entities", params=params), 422, field)
