"""Race fixtures: a migrated scratch database per test, written through real, committed
transactions on separate sessions (the rolled-back ``session`` fixture would hide races)."""

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.config import Settings
from app.db import make_engine
from app.extraction import ExtractedEntity, ExtractedMention, Extraction
from app.migrate import upgrade
from app.writes.recount import find_drift

RACE_TIMEOUT = 120.0


@pytest.fixture
def race_settings(settings: Settings, scratch_url: str) -> Settings:
    upgrade(scratch_url)
    return Settings(database_url=scratch_url, api_key="test-key", response_cache_mb=0)


@pytest.fixture
def race_engine(race_settings: Settings) -> Iterator[Engine]:
    engine = make_engine(race_settings)
    yield engine
    engine.dispose()


def race(n: int, work: Callable[[int], Any]) -> list[Any]:
    """Run ``work(0..n-1)`` in n threads released together by a barrier; each result is
    what ``work`` returned or the exception it raised."""
    barrier = threading.Barrier(n)
    results: list[Any] = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except BaseException as exc:  # the test inspects every outcome
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(RACE_TIMEOUT)
        assert not thread.is_alive(), "a racing writer never finished"
    return results


def story(
    text: str,
    *,
    people: tuple[str, ...] = (),
    countries: tuple[tuple[str, str], ...] = (),
    title: str | None = None,
    aliases: dict[str, list[str]] | None = None,
) -> Extraction:
    """An extraction whose entities are the named people and countries, each mention
    located in ``text``."""
    entities = [_entity(text, name, "person", None, aliases) for name in people]
    entities += [_entity(text, name, "country", code, aliases) for name, code in countries]
    return Extraction(title=title, body=text, entities=entities)


def _entity(
    text: str, name: str, type_: str, code: str | None, aliases: dict[str, list[str]] | None
) -> ExtractedEntity:
    mentions = []
    start = text.find(name)
    while start >= 0:
        mentions.append(ExtractedMention(text=name, start=start, end=start + len(name)))
        start = text.find(name, start + 1)
    return ExtractedEntity(
        name=name,
        type=type_,  # type: ignore[arg-type]
        country_code=code,
        mentions=mentions,
        aliases=(aliases or {}).get(name, []),
    )


def assert_no_drift(engine: Engine) -> None:
    with Session(engine) as session:
        assert find_drift(session) == []
