"""What /search makes of odd and hostile queries, on both backends."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.articles.models import Article
from tests.conftest import EMPTY_PAGE
from tests.search.client import NO_RESULTS, article_slugs, search, slugs

# Strings that hold no word at all: nothing to search for.
PUNCTUATION = [
    '"',
    '""',
    '"""',
    "*",
    "(",
    ")",
    "()",
    "((",
    "-",
    "--",
    ":",
    "^",
    "!!!",
    "...",
    "“”",
    "—",
    "'",
    '"*"',
    "- : -",
    "?",
    "#",
    "@",
    "&&",
    "||",
    "\u200b",
    " ",
    "\t\n",
    "_",
    "__",
    "_-_",
]
HOSTILE = [
    *PUNCTUATION,
    "AND",
    "OR",
    "NOT",
    "Pegasus AND",
    "AND Pegasus",
    "OR Pegasus",
    "Pegasus OR",
    "Pegasus OR OR Morocco",
    "Pegasus NOT Morocco",
    "NEAR(",
    "NEAR(Pegasus Morocco)",
    "NEAR(Pegasus Morocco, 2)",
    "NEAR/2",
    "((Pegasus)",
    "Pegasus)",
    "(Pegasus",
    "Pega*",
    "*Pegasus",
    "-Pegasus",
    "Pegasus -Morocco",
    "Pegasus - Morocco",
    "body:Pegasus",
    "title:",
    "{title body}: Pegasus",
    "^Pegasus",
    "+Pegasus",
    '"Pegasus',
    'Pegasus"',
    '"Pegasus spyware"',
    '"Pegasus" "',
    "Pegasus <-> Morocco",
    "Pegasus & Morocco | !Israel",
    "Pegasus:*",
    "'; DROP TABLE article; --",
    "1' OR '1'='1",
    '" OR 1=1 --',
    "1; SELECT * FROM quote",
    "%",
    "%Pegasus%",
    "\\",
    "Pegasus\\",
    "[Pegasus]",
    "$1",
    "?q=Pegasus",
    "<script>alert(1)</script>",
    "Pégasus",
    "MAROC à Rabat",
    "Пегас",
    "飞马",
    "مراكش",
    "ﬁnance",
    "😀",
    "Pegasus 🐎",
    "🏳️‍🌈",
    "\x01\x02",
    "\ud7ff",
    "x" * 500,
    "Pegasus " * 62,
    "(" * 250 + ")" * 250,
    '"' * 500,
    "NEAR(" * 100,
]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_never_fail(client: TestClient, q: str) -> None:
    body = search(client, q)
    assert set(body) == {"query", *NO_RESULTS}
    for path in ("/articles", "/quotes"):
        response = client.get(path, params={"q": q})
        assert response.status_code == 200, (path, response.text)
        assert set(response.json()) == {
            "items",
            "next_cursor",
            "total",
            "total_is_estimate",
            "ranked_among",
        }
    entities = client.get("/entities", params={"q": q})
    assert entities.status_code == (200 if len(q) <= 200 else 422), entities.text


@pytest.mark.parametrize("q", PUNCTUATION)
def test_a_query_without_words_finds_nothing(client: TestClient, q: str) -> None:
    assert search(client, q) == {"query": q, **NO_RESULTS}
    for path in ("/articles", "/quotes"):
        response = client.get(path, params={"q": q})
        assert response.json() == EMPTY_PAGE


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("Pegasus OR zeppelin", True),
        ("zeppelin OR Pegasus", True),
        ("Pegasus zeppelin", False),
        ('"Pegasus spyware"', True),
        ('"spyware Pegasus"', False),
        ("NEAR(Pegasus)", False),  # "near" is a word like any other
        ("(Pegasus)", True),
        ("Pegasus*", True),
        ("'; DROP TABLE article; --", False),
        ("Pegasus 🐎", True),
        ("Pegasus " * 62, True),
    ],
)
def test_operators_are_words_or_or(
    client: TestClient, seed_article: Article, q: str, found: bool
) -> None:
    expected = [seed_article.slug] if found else []
    assert slugs(search(client, q)["articles"]) == expected
    assert article_slugs(client, q) == expected
    assert article_slugs(client, "Pegasus") == [seed_article.slug]  # nothing was dropped


@pytest.mark.parametrize("q", ["\x00", "Pegasus\x00", "a\x00b"])
def test_nul_is_refused_up_front(client: TestClient, q: str) -> None:
    for path in ("/search", "/articles", "/quotes", "/entities"):
        response = client.get(path, params={"q": q})
        assert response.status_code == 400, (path, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["field"] == "query.q"


@pytest.mark.parametrize("params", [{}, {"q": ""}])
def test_search_needs_a_query(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/search", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["field"] == "query.q"


@pytest.mark.parametrize(("length", "status"), [(500, 200), (501, 422)])
def test_query_length_limit(client: TestClient, length: int, status: int) -> None:
    for path in ("/search", "/articles", "/quotes"):
        response = client.get(path, params={"q": "x" * length})
        assert response.status_code == status, path
        if status == 422:
            assert response.json()["field"] == "query.q"


def test_excluded_words_behave_alike_on_both_backends(client: TestClient) -> None:
    def ids(q: str) -> list[int]:
        return [a["id"] for a in client.get("/articles", params={"q": q}).json()["items"]]

    assert ids("Pegasus -spyware") == []  # the seed says "Pegasus spyware"
    assert ids("Pegasus -zeppelin") == [1]
    assert ids('Pegasus -"Iron Dome"') == []
    # OR binds loosest: the exclusion belongs to its own side of the OR.
    assert ids("Pegasus OR zeppelin -Amnesty") == [1]
    assert ids("zeppelin OR Pegasus -Amnesty") == []
