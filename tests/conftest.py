"""Fixtures: every API test runs on SQLite and on PostgreSQL.

Each backend gets a fresh database per test session, made by running the migrations and
loading the seed. Each test runs inside a transaction that is rolled back afterwards.
"""

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session

from app.articles.ingest import ingest_extraction
from app.articles.models import Article
from app.articles.writer import store_extraction
from app.config import PROJECT_ROOT, Settings
from app.db import get_session, make_engine
from app.extraction import ExtractedEntity, ExtractedMention, ExtractedQuote, Extraction
from app.main import create_app
from app.migrate import upgrade

POSTGRES_URL = os.environ.get(
    "BROADSHEET_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() == "true"
SHARED = PROJECT_ROOT.parent / "shared"


def admin_dsn() -> str:
    url = make_url(POSTGRES_URL)
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def postgres_available() -> bool:
    try:
        with psycopg.connect(admin_dsn(), connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


def _require_postgres() -> None:
    if postgres_available():
        return
    message = f"PostgreSQL unreachable at {POSTGRES_URL}"
    if IN_CI:
        pytest.fail(message + " (CI requires it)")
    pytest.skip(message)


@contextmanager
def new_postgres_database(prefix: str) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped on exit."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin_dsn(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin_dsn(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database for this test session; dropped afterwards."""
    _require_postgres()
    with new_postgres_database("broadsheet_test") as url:
        yield url


def database_url(backend: str, request: pytest.FixtureRequest, tmp: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp / 'broadsheet.db'}"
    url: str = request.getfixturevalue("postgres_database")
    return url


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def settings(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    url = database_url(request.param, request, tmp_path_factory.mktemp(request.param))
    # No response cache: tests change data inside a rolled-back transaction, which no
    # other connection can see, so the cache could not know (tests/test_cache.py covers it).
    return Settings(
        database_url=url,
        api_key="test-key",
        cors_origins=["https://app.example"],
        response_cache_mb=0,
    )


# The seed article as a hand-checked extraction: API tests exercise storage and serving with
# fixed input, so they do not move when the extractor improves (tests/test_seed.py covers
# the seed as the extractor reads it).
SEED_EXTRACTION = Path(__file__).parent / "fixtures" / "seed_extraction.json"


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Iterator[Engine]:
    """A migrated database holding the seed article."""
    upgrade(settings.database_url)
    engine = make_engine(settings)
    extraction = Extraction.model_validate_json(SEED_EXTRACTION.read_text(encoding="utf-8"))
    with Session(engine) as session:
        ingest_extraction(session, extraction, "fixture")
    yield engine
    engine.dispose()


@pytest.fixture
def scratch_url(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An empty database of the same backend as ``settings``, dropped afterwards."""
    if settings.is_sqlite:
        yield f"sqlite:///{tmp_path_factory.mktemp('scratch') / 'scratch.db'}"
        return
    with new_postgres_database("broadsheet_scratch") as url:
        yield url


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session whose work, commits included, is rolled back after the test."""
    with engine.connect() as connection:
        transaction = connection.begin()
        with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
            yield session
        transaction.rollback()


@pytest.fixture
def client(settings: Settings, session: Session) -> Iterator[TestClient]:
    app = create_app(settings)
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as client:
        yield client


@pytest.fixture
def seed_article(session: Session) -> Article:
    from sqlalchemy import select

    article = session.execute(select(Article).order_by(Article.id)).scalars().first()  # type: ignore[arg-type]
    assert article is not None
    return article


def assert_problem(response: Any, status: int, field: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem: dict[str, Any] = response.json()
    assert problem["status"] == status
    assert problem.get("field") == field
    return problem


# Any listing's page when nothing matches: no items, no cursor, an exact total of 0.
EMPTY_PAGE = {
    "items": [],
    "next_cursor": None,
    "total": 0,
    "total_is_estimate": False,
    "ranked_among": None,
}


def next_link(response: Any) -> str:
    """The URL in a response's ``Link: <…>; rel="next"`` header."""
    link: str = response.headers["Link"]
    return link.removeprefix("<").removesuffix('>; rel="next"')


def linked_items(client: TestClient, url: str) -> list[dict[str, Any]]:
    """Every item of a list, following the ``Link`` header from ``url`` page by page; the
    last page has neither a link nor a cursor."""
    items: list[dict[str, Any]] = []
    for _ in range(100):
        response = client.get(url)
        assert response.status_code == 200, response.text
        items += response.json()["items"]
        if "Link" not in response.headers:
            assert response.json()["next_cursor"] is None
            return items
        url = next_link(response)
    raise AssertionError("pagination never ended")


def every_item(
    client: TestClient, path: str, params: dict[str, Any], limit: int = 3
) -> list[dict[str, Any]]:
    """Every item of a list, following ``next_cursor`` page by page."""
    items: list[dict[str, Any]] = []
    params = {**params, "limit": limit}
    while True:
        page = client.get(path, params=params).json()
        items += page["items"]
        if not page["next_cursor"]:
            return items
        params["cursor"] = page["next_cursor"]


def mentioned(body: str, name: str, *surfaces: str, kind: str = "person") -> ExtractedEntity:
    """An extracted entity with a mention at every occurrence of each surface form."""
    mentions = []
    for surface in surfaces or (name,):
        at = body.find(surface)
        while at >= 0:
            mentions.append(ExtractedMention(text=surface, start=at, end=at + len(surface)))
            at = body.find(surface, at + len(surface))
    return ExtractedEntity(name=name, type=kind, mentions=mentions)  # type: ignore[arg-type]


ArticleFactory = Callable[..., Article]


@pytest.fixture
def make_article(session: Session) -> ArticleFactory:
    """Store a small article through the real write path.

    ``people`` / ``countries`` name entities mentioned once each; ``quotes`` maps a quote to
    its speaker (one of ``people``) or None."""

    def make(
        body: str,
        *,
        published_at: str | None = None,
        title: str | None = None,
        people: tuple[str, ...] = (),
        countries: tuple[tuple[str, str], ...] = (),
        quotes: dict[str, str | None] | None = None,
        section: str | None = None,
    ) -> Article:
        entities = [_entity(body, name, "person") for name in people]
        entities += [_entity(body, name, "country", code) for name, code in countries]
        found = []
        for text, speaker in (quotes or {}).items():
            start = body.index(text)
            found.append(
                ExtractedQuote(text=text, start=start, end=start + len(text), speaker=speaker)
            )
        extraction = Extraction(
            title=title,
            published_at=published_at,
            body=body,
            section=section,
            entities=entities,
            quotes=found,
        )
        article = store_extraction(session, extraction, "test")
        session.commit()
        return article

    return make


def _entity(body: str, name: str, type_: str, code: str | None = None) -> ExtractedEntity:
    start = body.index(name)
    mention = ExtractedMention(text=name, start=start, end=start + len(name))
    return ExtractedEntity(name=name, type=type_, country_code=code, mentions=[mention])  # type: ignore[arg-type]
