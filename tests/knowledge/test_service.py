"""How often the API and an ingest run read the archive's snapshot (real commits: the change
feed is written when a transaction commits)."""

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.articles.ingest import ingest
from app.config import Settings
from app.db import make_engine
from app.extraction.knowledge import NOTHING_KNOWN, Knowledge, KnownEntity
from app.knowledge import service
from app.knowledge.service import Growing, Recent
from app.migrate import upgrade


class CountingLoad:
    def __init__(self) -> None:
        self.reads = 0

    def __call__(self, session: Session) -> Knowledge:
        self.reads += 1
        return Knowledge((KnownEntity(f"Read {self.reads}", "person"),))


@pytest.fixture
def scratch(scratch_url: str) -> Iterator[Engine]:
    upgrade(scratch_url)
    engine = make_engine(Settings(database_url=scratch_url))
    yield engine
    engine.dispose()


def _store(engine: Engine, text: str) -> None:
    with Session(engine) as session:
        ingest(session, text, "text")


def _get(recent: Recent, engine: Engine) -> Knowledge:
    """As a request does: its own session."""
    with Session(engine) as session:
        return recent.get(session)


def test_the_api_reads_the_snapshot_again_only_when_the_change_feed_moved(
    scratch: Engine,
) -> None:
    load = CountingLoad()
    recent = Recent(ttl=0, load=load)

    first = _get(recent, scratch)
    assert _get(recent, scratch) is first  # nothing changed: no second read
    _store(scratch, "Ada Quist spoke to reporters in Lima on Monday.")
    assert _get(recent, scratch) is not first
    assert load.reads == 2


def test_within_its_ttl_the_api_keeps_its_snapshot(scratch: Engine) -> None:
    load = CountingLoad()
    recent = Recent(ttl=3600, load=load)

    first = _get(recent, scratch)
    _store(scratch, "Ada Quist spoke to reporters in Lima on Monday.")
    assert _get(recent, scratch) is first
    assert load.reads == 1


def test_an_ingest_run_reads_the_snapshot_again_once_the_archive_has_grown(
    scratch: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service, "FIRST_READ_AFTER", 2)
    growing = Growing(scratch)

    assert growing() is NOTHING_KNOWN  # an empty archive
    _store(scratch, "Ada Quist spoke to reporters in Lima on Monday.")
    assert growing() is NOTHING_KNOWN  # too few articles to read yet
    _store(scratch, "Bo Lind met Ada Quist in Lima on Tuesday.")
    grown = growing()
    assert "Ada Quist" in {entity.name for entity in grown.entities}
    _store(scratch, "Bo Lind flew to Quito on Wednesday.")
    assert growing() is grown  # 3 articles: not yet twice the 2 of the last read


def test_a_snapshot_that_cannot_be_read_leaves_the_write_to_say_why(scratch: Engine) -> None:
    def broken(session: Session) -> Knowledge:
        session.execute(text("SELECT * FROM no_such_table"))
        raise AssertionError("unreachable")

    recent = Recent(ttl=0, load=broken)
    with Session(scratch) as session:
        assert recent.get(session) is NOTHING_KNOWN
        stored = ingest(session, "Ada Quist spoke to reporters in Lima on Monday.", "text")
    assert stored.created
