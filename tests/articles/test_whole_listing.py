"""The unfiltered listing: pages from statements built once, and a total that follows
every write, this connection's (committed or rolled back) and another's."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, text
from sqlmodel import Session

import app.articles.listing
from app.articles import whole
from app.config import Settings
from app.db import make_engine
from app.main import create_app
from app.migrate import upgrade
from tests.articles.test_prebuilt_paths import pages
from tests.conftest import ArticleFactory, _entity


@pytest.fixture
def dated(make_article: ArticleFactory) -> None:
    """Seven articles, equal dates among them (the id breaks ties), one undated."""
    for n in range(7):
        make_article(
            f"Note {n} on the weir.", published_at=None if n == 3 else f"2022-05-0{1 + n % 2}"
        )


@pytest.mark.usefixtures("dated")
@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_every_article_answers_as_the_general_path(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, sort: str
) -> None:
    calls: list[int] = []
    real = whole.page_of_all
    monkeypatch.setattr(whole, "page_of_all", lambda *a: calls.append(1) or real(*a))
    prebuilt = list(pages(client, "/articles", sort=sort))
    assert len(calls) == len(prebuilt) > 1
    with monkeypatch.context() as patched:
        patched.setattr(app.articles.listing, "SUMMARY_COLUMNS", ())  # no prebuilt path
        general = list(pages(client, "/articles", sort=sort))
    assert prebuilt == general
    ids = [item["id"] for page in prebuilt for item in page["items"]]
    assert len(ids) == len(set(ids)) == prebuilt[0]["total"] == 8  # the seed article too


def _total(client: TestClient) -> int:
    body = client.get("/articles", params={"limit": 1}).raise_for_status().json()
    assert body["total_is_estimate"] is False
    total: int = body["total"]
    return total


def test_the_total_follows_this_connections_writes(
    client: TestClient, make_article: ArticleFactory
) -> None:
    before = _total(client)
    assert _total(client) == before  # counted once, then kept
    make_article("A note on the sluice.")
    assert _total(client) == before + 1


@pytest.fixture
def scratch(scratch_url: str, settings: Settings) -> Iterator[TestClient]:
    upgrade(scratch_url)
    app = create_app(settings.model_copy(update={"database_url": scratch_url}))
    with TestClient(app) as client:
        yield client


def _store(url: str, n: int) -> None:
    """An article committed by a connection of its own (another engine)."""
    from app.articles.writer import store_extraction
    from app.extraction import Extraction

    engine = make_engine(Settings(database_url=url))
    try:
        with Session(engine) as session:
            body = f"Gauge reading {n} at the weir."
            extraction = Extraction(
                title=None, body=body, entities=[_entity(body, "weir", "other")]
            )
            store_extraction(session, extraction, "test")
            session.commit()
    finally:
        engine.dispose()


def test_the_total_follows_other_connections_and_rollbacks(
    scratch: TestClient, scratch_url: str
) -> None:
    assert _total(scratch) == 0
    _store(scratch_url, 1)
    assert _total(scratch) == 1
    _store(scratch_url, 2)
    assert _total(scratch) == _total(scratch) == 2
    engine = scratch.app.state.engine  # type: ignore[attr-defined]
    with Session(engine) as session:
        session.execute(text("DELETE FROM article WHERE id = (SELECT min(id) FROM article)"))
        assert whole.article_count(session) == 1 if engine.dialect.name == "sqlite" else True
        session.rollback()
    assert _total(scratch) == 2


def test_the_total_is_counted_again_only_after_a_commit(
    scratch: TestClient, scratch_url: str
) -> None:
    """Reads alone keep the count (SQLite: ``data_version``; PostgreSQL: the snapshot the
    page was read at); another connection's commit has it counted again."""
    engine = scratch.app.state.engine  # type: ignore[attr-defined]
    sent: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: sent.append(args[2]))
    _store(scratch_url, 1)
    assert _total(scratch) == 1
    assert any("count(" in sql for sql in sent)
    sent.clear()
    assert _total(scratch) == _total(scratch) == 1
    assert not any("count(" in sql for sql in sent)
    _store(scratch_url, 2)
    assert _total(scratch) == 2
    assert any("count(" in sql for sql in sent)
