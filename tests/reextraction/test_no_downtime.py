"""Readers keep reading while re-extraction writes: each batch is one short transaction,
and a reader (on SQLite WAL, one that refuses to wait at all) reads the last committed
state, never blocked by the batch being written."""

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from app.articles.ingest import ingest_extraction
from app.extraction.pipeline import EXTRACTOR_VERSION
from app.reextraction import apply
from app.reextraction.run import Plan, run
from app.reextraction.selection import Selection
from tests.reextraction.stories import stale

MENTIONS = text("SELECT count(*) FROM mention WHERE article_id = :id")
TOTAL = text("SELECT sum(article_count) FROM entity")


@contextmanager
def impatient(engine: Engine) -> Iterator[Connection]:
    """A reading connection that fails at once rather than wait for any lock."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA busy_timeout = 0")
        else:
            connection.exec_driver_sql("SET lock_timeout = 1")
        yield connection


def _store(engine: Engine, n: int) -> int:
    with Session(engine) as session:
        return ingest_extraction(session, stale(n), "0.9").article_id


def test_a_reader_reads_the_last_commit_while_a_batch_is_being_written(
    race_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = _store(race_engine, 0)
    seen: list[tuple[int, float]] = []
    settle: Callable[..., Any] = apply.redirects.settle

    def read_midway(session: Session, left: set[int]) -> Any:
        # The batch has rewritten the article's mentions and holds the write lock.
        with impatient(race_engine) as reader:
            began = time.perf_counter()
            count = reader.execute(MENTIONS, {"id": article_id}).scalar_one()
            seen.append((count, time.perf_counter() - began))
        return settle(session, left)

    monkeypatch.setattr(apply.redirects, "settle", read_midway)
    summary = run(race_engine, Plan(Selection(), EXTRACTOR_VERSION))
    assert summary.changed == 1
    [(count, _)] = seen
    assert count == 4  # the stored four mentions, not the batch's uncommitted three
    with impatient(race_engine) as reader:
        assert reader.execute(MENTIONS, {"id": article_id}).scalar_one() == 3


def test_readers_never_fail_or_wait_through_a_whole_run(race_engine: Engine) -> None:
    ids = [_store(race_engine, n) for n in range(24)]
    done = threading.Event()
    latencies: list[float] = []
    errors: list[BaseException] = []

    def read() -> None:
        with impatient(race_engine) as reader:
            while not done.is_set():
                began = time.perf_counter()
                try:
                    total = reader.execute(TOTAL).scalar_one()
                    reader.commit()  # a new snapshot for each read
                except BaseException as exc:
                    errors.append(exc)
                    return
                latencies.append(time.perf_counter() - began)
                assert total is not None

    reader = threading.Thread(target=read)
    reader.start()
    try:
        summary = run(race_engine, Plan(Selection(), EXTRACTOR_VERSION, batch_size=3))
    finally:
        done.set()
        reader.join(30)
    assert summary.changed == len(ids) and summary.failed == 0
    # The reader may not wait for a lock at all, so every read that would have waited for
    # a batch is an error here; its latency is only the shared CPU's.
    assert errors == []
    assert len(latencies) > 10
