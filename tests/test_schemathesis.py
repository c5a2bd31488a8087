"""Property-based run of the app against its own OpenAPI schema, on both backends:
no 5xx, every response matches its documented status, media type and schema and carries
the security headers, and a 405 says what is allowed. Write operations get the API key, so
generated bodies reach the payload checks and the extractor rather than stopping at 401."""

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlmodel import Session

from app.config import Settings
from app.db import get_session
from app.main import create_app

# The schema is read once from an app whose database session is wired per test below, so
# the same generated cases run on each backend.
APP = create_app(Settings(database_url="sqlite://", api_key="fuzz-key"))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
KEY = {"X-API-Key": "fuzz-key"}


@schemathesis.check
def security_headers(
    ctx: schemathesis.CheckContext, response: Any, case: schemathesis.Case
) -> None:
    for name in ("x-content-type-options", "x-frame-options", "content-security-policy"):
        assert name in response.headers, f"{name} missing"


@schemathesis.check
def allow_on_405(ctx: schemathesis.CheckContext, response: Any, case: schemathesis.Case) -> None:
    if response.status_code == 405:
        assert "allow" in response.headers, "405 without Allow"


@schema.hook
def map_query(context: Any, query: dict[str, Any] | None) -> dict[str, Any] | None:
    """No ``fields``: a selection trims items by design, and the documented response is the
    full shape a client gets without one (tests/test_fields.py covers selections)."""
    if query:
        query.pop("fields", None)
    return query


@pytest.fixture
def wired(session: Session) -> Iterator[None]:
    APP.dependency_overrides[get_session] = lambda: session
    yield
    APP.dependency_overrides.clear()


@schema.parametrize()
@hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_api_honours_its_schema(case: schemathesis.Case, wired: None) -> None:
    case.call_and_validate(
        headers=KEY,
        checks=[
            security_headers,
            allow_on_405,
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
