"""An app with its response cache on, as a server runs."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.articles.ingest import ingest_extraction
from app.cache import PostgresWatcher
from app.config import Settings
from app.db import make_engine
from app.extraction import Extraction
from app.main import create_app
from app.migrate import upgrade
from tests.conftest import SEED_EXTRACTION


@pytest.fixture
def cached(settings: Settings, scratch_url: str) -> Iterator[TestClient]:
    """An app with its response cache on, over a database of its own holding one article."""
    upgrade(scratch_url)
    engine = make_engine(Settings(database_url=scratch_url))
    extraction = Extraction.model_validate_json(SEED_EXTRACTION.read_text(encoding="utf-8"))
    with Session(engine) as session:
        ingest_extraction(session, extraction, "fixture")
    engine.dispose()
    with TestClient(create_app(Settings(database_url=scratch_url))) as client:
        watcher = client.app.state.responses.watcher  # type: ignore[attr-defined]
        if isinstance(watcher, PostgresWatcher):
            assert watcher.wait_listening(10)
        yield client
