"""Property-based run of the app against its own OpenAPI schema, on both backends:
no 5xx, and every response matches its documented status, media type and schema."""

from collections.abc import Iterator

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
APP = create_app(Settings(database_url="sqlite://"))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


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
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
