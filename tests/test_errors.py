"""The error hierarchy as RFC 9457 problem details: each kind of failure answered with its
status, its reason phrase as title, the offending input named, and the headers it needs
(Retry-After, Location, the exception's own), on a small app of its own routes."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI, Query
from fastapi.exceptions import RequestValidationError
from fastapi.testclient import TestClient
from starlette.exceptions import HTTPException

from app.errors import (
    UNEXPECTED,
    Busy,
    Conflict,
    FieldError,
    InvalidInput,
    Moved,
    NotFound,
    install_error_handlers,
    problem_responses,
)
from app.observability.middleware import EnvelopeMiddleware


class TwoBadFields(InvalidInput):
    """An error that names every offending input itself, as a payload check does."""

    def __init__(self) -> None:
        super().__init__("title: too long; body: empty", field="title")
        self.errors = [
            FieldError(field="title", message="too long"),
            FieldError(field="body", message="empty"),
        ]


# Made when raised: an exception built once, up front, would hide how it is built.
RAISED: dict[str, Callable[[], Exception]] = {
    "invalid": lambda: InvalidInput("limit must be positive", field="query.limit"),
    "missing": lambda: NotFound("No article with id 7"),
    "conflict": lambda: Conflict("The article changed meanwhile"),
    "busy": lambda: Busy("The database stayed locked"),
    "two": lambda: TwoBadFields(),
    "moved": lambda: Moved("Renamed", old="old-name", new="new-name"),
    "teapot": lambda: HTTPException(418, "short and stout", headers={"X-Brew": "tea"}),
    "own-404": lambda: HTTPException(404, "No such shelf"),
    "non-text": lambda: HTTPException(409, detail={"why": "a structure"}),
    "empty-validation": lambda: RequestValidationError([]),
    "bug": lambda: RuntimeError("a bug"),
}


def _app(*, request_ids: bool = True) -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)
    if request_ids:
        app.add_middleware(EnvelopeMiddleware)

    @app.get("/raise/{name}")
    def raise_it(name: str) -> None:
        raise RAISED[name]()

    @app.get("/entities/{slug}/quotes")
    def entity_quotes(slug: str) -> None:
        raise RAISED["moved"]()

    @app.get("/numbers", responses=problem_responses(404, 409))
    def numbers(low: int = Query(ge=0), high: int = Query(ge=0)) -> int:
        return high - low

    return app


@pytest.fixture
def app_client() -> TestClient:
    return TestClient(_app(), raise_server_exceptions=False)


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["type"] == "about:blank"
    return body


def test_an_error_naming_its_input_is_a_problem_naming_it(app_client: TestClient) -> None:
    response = app_client.get("/raise/invalid", headers={"X-Request-ID": "req-1"})
    assert problem(response, 400) == {
        "type": "about:blank",
        "title": "Bad Request",
        "status": 400,
        "detail": "limit must be positive",
        "instance": "/raise/invalid",
        "field": "query.limit",
        "errors": [{"field": "query.limit", "message": "limit must be positive"}],
        "request_id": "req-1",
    }
    assert "retry-after" not in response.headers


def test_a_request_never_given_an_id_still_gets_a_problem() -> None:
    """Whatever fails before the request-id middleware runs is still answered."""
    bare = TestClient(_app(request_ids=False), raise_server_exceptions=False)
    body = problem(bare.get("/raise/missing"), 404)
    assert body["detail"] == "No article with id 7" and "request_id" not in body


def test_an_error_naming_no_input_has_no_field_and_no_errors(app_client: TestClient) -> None:
    body = problem(app_client.get("/raise/missing"), 404)
    assert body["title"] == "Not Found" and body["detail"] == "No article with id 7"
    assert "field" not in body and body["errors"] == []
    assert len(body["request_id"]) == 32  # made up, as the caller sent none


def test_an_error_listing_its_inputs_keeps_every_one(app_client: TestClient) -> None:
    body = problem(app_client.get("/raise/two"), 400)
    assert body["field"] == "title"
    assert body["errors"] == [
        {"field": "title", "message": "too long"},
        {"field": "body", "message": "empty"},
    ]


@pytest.mark.parametrize(("name", "status"), [("conflict", 409), ("busy", 503)])
def test_errors_worth_retrying_say_when(app_client: TestClient, name: str, status: int) -> None:
    response = app_client.get(f"/raise/{name}")
    problem(response, status)
    assert response.headers["retry-after"] == "1"


def test_moved_points_at_the_same_path_and_query_under_the_new_name(
    app_client: TestClient,
) -> None:
    response = app_client.get("/entities/old-name/quotes?limit=2", follow_redirects=False)
    body = problem(response, 308)
    assert body["title"] == "Permanent Redirect" and body["detail"] == "Renamed"
    assert response.headers["location"] == "/entities/new-name/quotes?limit=2"
    plain = app_client.get("/entities/old-name/quotes", follow_redirects=False)
    assert plain.headers["location"] == "/entities/new-name/quotes"


def test_moved_renames_the_first_segment_naming_the_old_slug_only() -> None:
    moved = Moved("Renamed", old="paris", new="paris-france")
    assert moved.location("/entities/paris/related/paris", "") == (
        "/entities/paris-france/related/paris"
    )
    # A path that does not name the old slug (it was reached another way) is left alone.
    assert moved.location("/entities/7/quotes", "page=2") == "/entities/7/quotes?page=2"
    assert str(moved) == "Renamed" and str(NotFound("gone")) == "gone"


def test_validation_errors_name_every_field_in_the_detail(app_client: TestClient) -> None:
    body = problem(app_client.get("/numbers", params={"low": -1, "high": "x"}), 422)
    assert body["title"] == "Unprocessable Entity"
    assert [e["field"] for e in body["errors"]] == ["query.low", "query.high"]
    assert body["field"] == "query.low"  # the first of them
    low, high = (e["message"] for e in body["errors"])
    assert "greater than or equal to 0" in low and "integer" in high
    assert body["detail"] == f"query.low: {low}; query.high: {high}"


def test_a_validation_error_without_details_still_says_what_failed(
    app_client: TestClient,
) -> None:
    body = problem(app_client.get("/raise/empty-validation"), 422)
    assert body["detail"] == "Invalid request" and body["errors"] == []


def test_http_errors_keep_their_detail_and_headers(app_client: TestClient) -> None:
    response = app_client.get("/raise/teapot")
    body = problem(response, 418)
    assert body["title"] == "I'm a Teapot" and body["detail"] == "short and stout"
    assert response.headers["x-brew"] == "tea"
    assert problem(app_client.get("/raise/own-404"), 404)["detail"] == "No such shelf"
    # A detail that is not text is not shown: the status's phrase stands in.
    assert problem(app_client.get("/raise/non-text"), 409)["detail"] == "Conflict"


def test_an_unknown_route_names_the_path_it_was_asked_for(app_client: TestClient) -> None:
    body = problem(app_client.get("/nowhere/at-all"), 404)
    assert body["detail"] == "No resource at /nowhere/at-all"
    assert body["instance"] == "/nowhere/at-all"
    # Only the router's bare "Not Found" is replaced: another status keeps its phrase.
    assert problem(app_client.post("/numbers"), 405)["detail"] == "Method Not Allowed"


def test_an_unexpected_exception_is_a_500_problem_saying_nothing_of_it(
    app_client: TestClient,
) -> None:
    body = problem(app_client.get("/raise/bug"), 500)
    assert body["title"] == "Internal Server Error" and body["detail"] == UNEXPECTED
    assert "a bug" not in str(body)


def test_documented_error_statuses_are_problems_with_their_phrase(
    app_client: TestClient,
) -> None:
    responses = app_client.get("/openapi.json").json()["paths"]["/numbers"]["get"]["responses"]
    for status, phrase in (("404", "Not Found"), ("409", "Conflict")):
        assert responses[status]["description"] == phrase
        schema = responses[status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/Problem"}
