"""Cross-cutting HTTP behaviour: ETags, gzip, CORS, request ids, problem details, docs,
Allow and OPTIONS, security headers."""

import base64
import hashlib
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.http import AnswerMiddleware
from app.migrate import head_revision
from tests.conftest import assert_problem


def test_etag_and_304(client: TestClient) -> None:
    first = client.get("/articles/1")
    etag = first.headers["etag"]
    assert etag.startswith('W/"')
    again = client.get("/articles/1", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert client.get("/articles/1", headers={"If-None-Match": 'W/"stale"'}).status_code == 200
    other = client.get("/articles?limit=1")
    assert other.headers["etag"] != etag


@pytest.mark.parametrize("path", ["/articles/1", "/articles?limit=1", "/entities"])
def test_if_none_match_star_matches_any_etag(client: TestClient, path: str) -> None:
    """RFC 9110 §13.1.2: ``*`` matches any current representation, whatever its tag."""
    star = client.get(path, headers={"If-None-Match": "*"})
    assert star.status_code == 304 and star.content == b""
    assert star.headers["etag"] == client.get(path).headers["etag"]
    assert client.get(path, headers={"If-None-Match": 'W/"stale", *'}).status_code == 304


def test_if_none_match_compares_weakly_and_reads_lists(client: TestClient) -> None:
    etag = client.get("/articles/1").headers["etag"]
    strong = etag.removeprefix("W/")
    for header in (strong, f'W/"stale", {etag}', f'"stale",{strong}', f"  {etag}  "):
        response = client.get("/articles/1", headers={"If-None-Match": header})
        assert response.status_code == 304, header
        assert "content-type" not in response.headers and "content-length" not in response.headers
        assert response.headers["cache-control"] == "no-cache"
    for header in ('W/"stale"', '"stale", W/"old"', etag + "x", ""):
        response = client.get("/articles/1", headers={"If-None-Match": header})
        assert response.status_code == 200, header
        assert response.json()["id"] == 1
    assert client.get("/articles/nope", headers={"If-None-Match": "*"}).status_code == 404


def test_errors_carry_no_etag(client: TestClient) -> None:
    assert "etag" not in client.get("/articles/nope").headers


# RFC 9110 §8.8.3: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text
WEAK_ENTITY_TAG = re.compile(r'W/"[\x21\x23-\x7e\x80-\xff]*"')


def test_etags_are_well_formed_weak_tags_of_the_body(client: TestClient) -> None:
    tags = {client.get(path).headers["etag"] for path in ("/articles/1", "/entities")}
    assert len(tags) == 2  # a tag per representation
    for tag in tags:
        assert WEAK_ENTITY_TAG.fullmatch(tag), tag


def _tagged_app(headers: dict[str, str]) -> TestClient:
    """AnswerMiddleware around a bare endpoint answering 200 with these headers."""

    async def endpoint(request: Request) -> Response:
        return Response(b"same body", headers=headers)

    return TestClient(AnswerMiddleware(Starlette(routes=[Route("/", endpoint)])))


def test_a_response_that_tags_itself_keeps_its_own_etag_and_caching() -> None:
    own = {"ETag": '"v7"', "Cache-Control": "max-age=60"}
    response = _tagged_app(own).get("/")
    assert response.headers["etag"] == '"v7"'
    assert response.headers["cache-control"] == "max-age=60"
    untagged = _tagged_app({"Cache-Control": "max-age=60"}).get("/")
    assert WEAK_ENTITY_TAG.fullmatch(untagged.headers["etag"])
    assert untagged.headers["cache-control"] == "max-age=60"  # a policy of its own stays


def test_gzip_when_asked(client: TestClient) -> None:
    response = client.get("/articles/1", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.json()["id"] == 1  # the client decodes it transparently
    plain = client.get("/articles/1", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers


def test_cors_allows_configured_origins_only(client: TestClient) -> None:
    allowed = client.get("/articles", headers={"Origin": "https://app.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    assert "Link" in allowed.headers["access-control-expose-headers"]
    refused = client.get("/articles", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in refused.headers
    preflight = client.options(
        "/articles",
        headers={"Origin": "https://app.example", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200


def test_request_id_is_echoed_or_made(client: TestClient) -> None:
    given = client.get("/health", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    made = client.get("/health", headers={"X-Request-ID": "bad id with spaces"})
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["x-request-id"])
    problem = client.get("/articles/nope", headers={"X-Request-ID": "trace-9"}).json()
    assert problem["request_id"] == "trace-9"


def test_unknown_route_and_method_are_problems(client: TestClient) -> None:
    missing = client.get("/nowhere")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["instance"] == "/nowhere"
    wrong = client.put("/articles")
    assert wrong.status_code == 405
    assert wrong.json()["title"] == "Method Not Allowed"


def test_validation_problem_names_the_field(client: TestClient) -> None:
    response = client.get("/entities?type=planet")
    assert response.status_code == 422
    problem = response.json()
    assert problem["field"] == "query.type"
    assert problem["errors"][0]["field"] == "query.type"
    assert "query.type" in problem["detail"]


def test_health_and_ready(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready").json()
    assert ready["status"] == "ready" and ready["revision"] == head_revision()


def test_docs_and_pages_work_offline(client: TestClient) -> None:
    for page in ("/docs", "/redoc", "/", "/web/articles/1", "/web/entities/morocco"):
        html = client.get(page).text
        urls = re.findall(r"""(?:src|href|url)\s*[=:(]\s*['"]?([^'")\s>]+)""", html)
        assert urls, page
        assert not [u for u in urls if re.match(r"(https?:)?//", u)], page
        for url in urls:
            if url.startswith("/"):
                assert client.get(url).status_code == 200, url


def test_openapi_documents_problems_and_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for operation in operations.values():
            assert operation.get("summary"), path
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    assert list(response["content"]) == ["application/problem+json"], path
    assert {t["name"] for t in spec["tags"]} >= {"articles", "entities", "quotes", "search"}
    schemas = spec["components"]["schemas"]
    # Examples come from the seed article, so the docs show what the API really serves.
    assert schemas["EntityRef"]["properties"]["name"]["examples"] == ["Benny Gantz"]
    assert schemas["CountryPublic"]["properties"]["code"]["examples"] == ["MA"]
    assert "Benny Gantz" in schemas["ArticleSummary"]["properties"]["lede"]["examples"][0]


def test_schema_examples_match_what_the_seed_serves(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()["components"]["schemas"]
    article = client.get("/articles/1").json()
    mention = spec["MentionPublic"]["properties"]
    start, end = mention["start"]["examples"][0], mention["end"]["examples"][0]
    assert article["body"][start:end] == mention["text"]["examples"][0]
    assert article["slug"] == spec["ArticleSummary"]["properties"]["slug"]["examples"][0]
    assert (
        article["word_count"] == spec["ArticleSummary"]["properties"]["word_count"]["examples"][0]
    )
    quote = spec["QuotePublic"]["properties"]
    start, end = quote["start"]["examples"][0], quote["end"]["examples"][0]
    assert article["body"][start:end] == quote["text"]["examples"][0]


def test_nul_bytes_are_refused_not_crashed_on(client: TestClient) -> None:
    for url, field in (
        ("/articles?country=%00", "query.country"),
        ("/quotes?q=a%00b", "query.q"),
        ("/entities/ab%00cd", "path.slug"),
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert response.json()["field"] == field


STRICT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


def allow(response: Any) -> list[str]:
    return [method.strip() for method in response.headers["allow"].split(",")]


def test_options_lists_every_method_of_the_path(client: TestClient) -> None:
    expected = {
        "/articles": ["GET", "HEAD", "POST", "OPTIONS"],
        "/articles/1": ["GET", "HEAD", "DELETE", "OPTIONS"],
        "/articles/1/reextract": ["POST", "OPTIONS"],
        "/entities/morocco": ["GET", "HEAD", "OPTIONS"],
        "/openapi.json": ["GET", "HEAD", "OPTIONS"],
        "/docs-assets/favicon.png": ["GET", "HEAD", "OPTIONS"],
    }
    for path, methods in expected.items():
        response = client.options(path)
        assert response.status_code == 204, path
        assert allow(response) == methods, path
        assert response.content == b""
    assert_problem(client.options("/nowhere"), 404)


def test_allow_follows_the_documented_routes(client: TestClient) -> None:
    """Every documented method is listed, and every listed method is served (not 405)."""
    for template, operations in client.get("/openapi.json").json()["paths"].items():
        path = re.sub(r"\{[^}]+\}", "1", template)
        listed = allow(client.options(path))
        assert {m.upper() for m in operations} | {"OPTIONS"} <= set(listed), path
        for method in listed:
            assert client.request(method, path).status_code != 405, (method, path)


def test_405_carries_allow_with_every_method(client: TestClient) -> None:
    for method, path, methods in (
        ("PUT", "/articles/1", ["GET", "HEAD", "DELETE", "OPTIONS"]),
        ("POST", "/articles/1", ["GET", "HEAD", "DELETE", "OPTIONS"]),
        ("DELETE", "/articles", ["GET", "HEAD", "POST", "OPTIONS"]),
        ("GET", "/articles/1/reextract", ["POST", "OPTIONS"]),
    ):
        response = client.request(method, path)
        assert_problem(response, 405)
        assert allow(response) == methods, (method, path)


def test_cors_preflight_is_still_answered_by_cors(client: TestClient) -> None:
    preflight = client.options(
        "/articles/1",
        headers={"Origin": "https://app.example", "Access-Control-Request-Method": "DELETE"},
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://app.example"
    assert "DELETE" in preflight.headers["access-control-allow-methods"]
    assert "allow" not in preflight.headers
    assert preflight.headers["x-content-type-options"] == "nosniff"


def test_security_headers_on_every_response(client: TestClient) -> None:
    responses = [
        client.get("/articles"),
        client.get("/articles/nope"),
        client.get("/nowhere"),
        client.get("/entities?type=planet"),
        client.put("/articles"),
        client.options("/articles"),
        client.post("/articles", content="x", headers={"Content-Type": "text/plain"}),
        client.get("/openapi.json"),
        client.get("/docs-assets/swagger-ui.css"),
        client.get("/articles/1", headers={"If-None-Match": "*"}),
    ]
    for response in responses:
        where = (response.request.method, response.request.url.path, response.status_code)
        assert response.headers["x-content-type-options"] == "nosniff", where
        assert response.headers["x-frame-options"] == "DENY", where
        assert response.headers["referrer-policy"] == "no-referrer", where
        assert response.headers["content-security-policy"] == STRICT_POLICY, where
    assert {r.status_code for r in responses} >= {200, 204, 304, 401, 404, 405, 422}


def _policy(response: Any) -> dict[str, list[str]]:
    directives = [d.split() for d in response.headers["content-security-policy"].split(";")]
    return {d[0]: d[1:] for d in directives if d}


def test_docs_policy_lets_exactly_the_page_load(client: TestClient) -> None:
    for page in ("/docs", "/redoc"):
        response = client.get(page)
        policy = _policy(response)
        assert policy["default-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
        scripts = policy["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
        html = response.text
        for src in re.findall(r'<script src="([^"]+)"', html):
            assert src.startswith("/") and not src.startswith("//"), src  # same origin: 'self'
            asset = client.get(src)
            assert asset.status_code == 200
            assert asset.headers["content-type"].startswith("text/javascript")  # nosniff
        for inline in re.findall(r"<script>(.*?)</script>", html, re.DOTALL):
            digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in scripts, page
        for href in re.findall(r'<link[^>]+href="([^"]+)"', html):
            assert href.startswith("/") and client.get(href).status_code == 200, href
        assert response.headers["x-frame-options"] == "DENY"
    css = client.get("/docs-assets/swagger-ui.css")
    assert css.headers["content-type"].startswith("text/css")
    # Swagger UI's stylesheet draws its icons from data: URLs, which img-src allows.
    assert "data:image" in css.text and "data:" in _policy(client.get("/docs"))["img-src"]
