"""One quote (GET /quotes/{id}), on both backends."""

import pytest
from fastapi.testclient import TestClient

from app.articles.models import Article
from tests.conftest import assert_problem
from tests.quotes.seed import SEED_DATE, TEXTS

# --- GET /quotes/{id} ---------------------------------------------------------------------


def test_one_quote_with_its_article(client: TestClient, seed_article: Article) -> None:
    listed = client.get("/quotes", params={"speaker": "ned-price"}).json()["items"][0]
    response = client.get(f"/quotes/{listed['id']}")
    assert response.status_code == 200
    body = response.json()
    assert body == listed
    assert body == {
        "id": listed["id"],
        "article_id": seed_article.id,
        "text": TEXTS[11],
        "start": 3920,
        "end": 4100,
        "kind": "direct",
        "cue": "said",
        "speaker": {
            "id": body["speaker"]["id"],
            "slug": "ned-price",
            "name": "Ned Price",
            "type": "person",
            "country_code": None,
        },
        "speaker_text": "State Department spokesman Ned Price",
        "confidence": 0.94,
        "rule": "trailing_cue+name",
        "article": {
            "id": seed_article.id,
            "slug": seed_article.slug,
            "title": None,
            "published_at": SEED_DATE,
        },
    }


def test_one_quote_of_a_titled_article_and_no_speaker(
    client: TestClient, later_quote: Article
) -> None:
    listed = client.get("/quotes", params={"q": "creeping"}).json()["items"][0]
    body = client.get(f"/quotes/{listed['id']}").json()
    assert body["speaker"] is None
    assert body["speaker_text"] is None
    [later] = client.get("/quotes", params={"article": later_quote.slug}).json()["items"]
    body = client.get(f"/quotes/{later['id']}").json()
    assert body["article"] == {
        "id": later_quote.id,
        "slug": later_quote.slug,
        "title": "Harbour to reopen",
        "published_at": "2022-05-01T12:00:00Z",
    }
    assert body["speaker"]["slug"] == "omar-haddad"


def test_unknown_quote_is_a_404(client: TestClient) -> None:
    problem = assert_problem(client.get("/quotes/999999"), 404)
    assert problem["detail"] == "No quote with id 999999"
    assert problem["instance"] == "/quotes/999999"


@pytest.mark.parametrize("ref", ["0", "-1", "abc", "99999999999999999999"])
def test_invalid_quote_id_is_a_422(client: TestClient, ref: str) -> None:
    assert_problem(client.get(f"/quotes/{ref}"), 422, "path.quote_id")


def test_quotes_carry_the_attribution_rule_and_confidence(
    client: TestClient, seed_article: Article, later_quote: Article
) -> None:
    items = client.get("/quotes", params={"limit": 100}).json()["items"]
    seed = [item for item in items if item["article_id"] == seed_article.id]
    rules = {item["rule"]: item["confidence"] for item in seed if item["rule"]}
    assert len(rules) >= 3 and all(0 <= confidence <= 1 for confidence in rules.values())
    gantz = next(item for item in seed if (item["speaker"] or {}).get("slug") == "benny-gantz")
    assert (gantz["speaker_text"], gantz["rule"]) == ("his office", "trailing_cue+pronoun")
    # Stored without attribution details (as before they were recorded): null, not invented.
    (later,) = [item for item in items if item["article_id"] == later_quote.id]
    assert (later["confidence"], later["rule"]) == (None, None)
    detail = client.get(f"/quotes/{gantz['id']}").json()
    assert (detail["rule"], detail["confidence"]) == (gantz["rule"], gantz["confidence"])
    article = client.get(f"/articles/{seed_article.id}").json()
    assert {q["rule"] for q in article["quotes"]} == {item["rule"] for item in seed}
