"""Country endpoints, on both backends."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.articles.writer import delete_article
from tests.conftest import ArticleFactory, assert_problem, next_link

SEED_DATE = "2021-12-06T00:00:00Z"

# The seed's countries, most recently stored first (all in one article).
SEED_COUNTRIES = [
    ("PS", "Palestine", "palestine"),
    ("BH", "Bahrain", "bahrain"),
    ("AE", "United Arab Emirates", "united-arab-emirates"),
    ("US", "United States", "united-states"),
    ("EH", "Western Sahara", "western-sahara"),
    ("DZ", "Algeria", "algeria"),
    ("MA", "Morocco", "morocco"),
    ("IL", "Israel", "israel"),
]


def listing(client: TestClient, **params: Any) -> list[tuple[str, int]]:
    response = client.get("/countries", params={"limit": 100, **params})
    assert response.status_code == 200, response.text
    return [(c["code"], c["article_count"]) for c in response.json()["items"]]


def test_lists_every_seed_country(client: TestClient) -> None:
    response = client.get("/countries")
    assert response.status_code == 200
    assert response.json() == {
        "items": [
            {"code": code, "name": name, "slug": slug, "article_count": 1}
            for code, name, slug in SEED_COUNTRIES
        ],
        "next_cursor": None,
        "total": len(SEED_COUNTRIES),
        "total_is_estimate": False,
        "ranked_among": None,
    }


def test_most_covered_first(client: TestClient, make_article: ArticleFactory) -> None:
    make_article("Morocco and Algeria talked.", countries=(("Morocco", "MA"), ("Algeria", "DZ")))
    make_article("Morocco and France talked.", countries=(("Morocco", "MA"), ("France", "FR")))
    make_article("Morocco alone.", countries=(("Morocco", "MA"),))
    rest = [(code, 1) for code, _, _ in SEED_COUNTRIES if code not in {"MA", "DZ"}]
    assert listing(client) == [("MA", 4), ("DZ", 2), ("FR", 1), *rest]


def test_a_country_without_articles_is_not_listed(
    client: TestClient, session: Session, make_article: ArticleFactory
) -> None:
    article = make_article("Only Peru here.", countries=(("Peru", "PE"),))
    assert listing(client)[0] == ("PE", 1)
    delete_article(session, article)
    session.commit()
    assert "PE" not in dict(listing(client))
    assert len(listing(client)) == len(SEED_COUNTRIES)
    assert_problem(client.get("/countries/PE"), 404, "code")  # still stored, with no article


def test_pages_by_cursor(client: TestClient, make_article: ArticleFactory) -> None:
    make_article("Israel and Bahrain.", countries=(("Israel", "IL"), ("Bahrain", "BH")))
    # Equal counts: the later stored country first.
    expected = ["BH", "IL"] + [c for c, _, _ in SEED_COUNTRIES if c not in {"IL", "BH"}]
    seen: list[str] = []
    url = "/countries?limit=3"
    while True:
        response = client.get(url)
        assert response.status_code == 200
        seen += [c["code"] for c in response.json()["items"]]
        if response.json()["next_cursor"] is None:
            assert "Link" not in response.headers
            break
        url = next_link(response)
    assert seen == expected


def test_morocco_by_code(client: TestClient) -> None:
    response = client.get("/countries/MA")
    assert response.status_code == 200
    body = response.json()
    assert body == {
        "code": "MA",
        "name": "Morocco",
        "slug": "morocco",
        "article_count": 1,
        "aliases": [],
        "counts": {"articles": 1, "mentions": 17, "quotes_said": 0, "quotes_about": 4},
        "first_seen": SEED_DATE,
        "last_seen": SEED_DATE,
        "places": [
            {
                "id": body["places"][0]["id"],
                "slug": "rabat",
                "name": "Rabat",
                "type": "place",
                "country_code": "MA",
                "description": None,
                "article_count": 1,
                "mention_count": 5,
            }
        ],
    }


@pytest.mark.parametrize("code", ["ma", "Ma", "mA"])
def test_code_is_case_insensitive(client: TestClient, code: str) -> None:
    assert client.get(f"/countries/{code}").json() == client.get("/countries/MA").json()


@pytest.mark.parametrize(
    ("code", "places"),
    [
        ("EH", ["dakhla"]),
        ("IL", ["tel-aviv"]),
        ("US", ["washington"]),
        ("DZ", []),
        ("PS", []),
    ],
)
def test_places_in_a_country(client: TestClient, code: str, places: list[str]) -> None:
    response = client.get(f"/countries/{code}")
    assert response.status_code == 200
    assert [p["slug"] for p in response.json()["places"]] == places


def test_country_profile_details(client: TestClient, make_article: ArticleFactory) -> None:
    us = client.get("/countries/us").json()
    assert sorted(us["aliases"]) == sorted(["US", "USA", "United States of America"])
    assert us["counts"] == {"articles": 1, "mentions": 3, "quotes_said": 0, "quotes_about": 0}
    dz = client.get("/countries/dz").json()
    assert dz["counts"] == {"articles": 1, "mentions": 7, "quotes_said": 1, "quotes_about": 2}

    make_article(
        "Algeria closed its border in 2019.",
        published_at="2019-03-02",
        countries=(("Algeria", "DZ"),),
    )
    dz = client.get("/countries/DZ").json()
    assert dz["article_count"] == 2
    assert dz["counts"]["articles"] == 2
    assert dz["counts"]["mentions"] == 8
    assert dz["first_seen"] == "2019-03-02T00:00:00Z"
    assert dz["last_seen"] == SEED_DATE


@pytest.mark.parametrize("code", ["ZZ", "zz", "FR"])
def test_unknown_country_is_a_404(client: TestClient, code: str) -> None:
    # FR: Paris is in France, but no article mentions France itself.
    problem = assert_problem(client.get(f"/countries/{code}"), 404, "code")
    assert problem["detail"] == f"No country with code '{code}' appears in any article"
    assert problem["instance"] == f"/countries/{code}"


@pytest.mark.parametrize("code", ["M", "MAR", "Morocco"])
def test_a_code_is_two_letters(client: TestClient, code: str) -> None:
    assert_problem(client.get(f"/countries/{code}"), 422, "path.code")
