"""HEAD answers on every GET route with the GET's status and headers and no body; GET / is
the search page."""

from fastapi.testclient import TestClient

from app.articles.models import Article

SAME_HEADERS = ("etag", "content-type", "content-length", "link", "cache-control")
# Counts that move with every request, the HEAD itself included: same status and type only.
VOLATILE = {"/metrics"}


def _get_paths(client: TestClient, seed_article: Article) -> list[str]:
    quote_id = client.get("/quotes").json()["items"][0]["id"]
    values = {
        "{ref}": str(seed_article.id),
        "{slug}": "benny-gantz",
        "{quote_id}": str(quote_id),
        "{code}": "MA",
    }
    documented = client.get("/openapi.json").json()["paths"]
    paths = ["/", "/docs", "/redoc", "/openapi.json"]
    for path, operations in documented.items():
        if "get" in operations:
            for name, value in values.items():
                path = path.replace(name, value)
            paths.append(path)
    return paths


def test_head_answers_like_get_on_every_get_route(
    client: TestClient, seed_article: Article
) -> None:
    paths = _get_paths(client, seed_article)
    assert {"/articles", "/articles/1", "/entities/benny-gantz/timeline", "/health"} <= set(paths)
    for path in paths:
        get = client.get(path, params={"limit": 1} if path != "/" else None)
        head = client.head(path, params={"limit": 1} if path != "/" else None)
        assert head.status_code == get.status_code, path
        assert head.content == b"", path
        for name in ("content-type",) if path in VOLATILE else SAME_HEADERS:
            assert head.headers.get(name) == get.headers.get(name), (path, name)
    assert client.head("/articles").headers["etag"].startswith('W/"')


def test_head_honours_if_none_match(client: TestClient) -> None:
    etag = client.get("/articles").headers["etag"]
    assert client.head("/articles", headers={"If-None-Match": etag}).status_code == 304


def test_head_on_a_missing_resource_is_a_404_without_body(client: TestClient) -> None:
    missing = client.head("/articles/no-such-article")
    assert missing.status_code == 404
    assert missing.content == b""
    assert missing.headers["content-type"] == "application/problem+json"


def test_home_is_the_search_page(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert 'role="search"' in response.text
    head = client.head("/")
    assert (head.status_code, head.content) == (200, b"")
