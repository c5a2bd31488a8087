"""Concurrent writers and a reader mirroring through /changes: the mirror never misses a
change, on both backends (committed transactions on a scratch database)."""

import threading
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlmodel import Session, col

from app.articles.ingest import delete, ingest_extraction, reextract
from app.articles.models import Article
from app.config import Settings
from app.db import make_engine
from app.entities.models import Entity
from app.extraction import ExtractedEntity, ExtractedMention, Extraction
from app.main import create_app
from app.migrate import upgrade

WRITERS = 4
ARTICLES_EACH = 8
PEOPLE = ("Ada Quill", "Ines Varga", "Tomas Reyl")


def _extraction(writer: int, n: int) -> Extraction:
    person = PEOPLE[(writer + n) % len(PEOPLE)]
    body = f"{person} spoke. Writer {writer} wrote article {n} about it."
    mention = ExtractedMention(text=person, start=0, end=len(person))
    own = f"Writer {writer}"
    own_mention = ExtractedMention(text=own, start=body.index(own), end=body.index(own) + len(own))
    return Extraction(
        body=body,
        entities=[
            ExtractedEntity(name=person, type="person", mentions=[mention]),
            ExtractedEntity(name=own, type="organization", mentions=[own_mention]),
        ],
    )


def _store(session: Session, writer: int, n: int) -> int:
    return ingest_extraction(session, _extraction(writer, n), "race").article_id


def _write(url: str, writer: int, barrier: threading.Barrier, errors: list[BaseException]) -> None:
    engine = make_engine(Settings(database_url=url))
    try:
        barrier.wait()
        for n in range(ARTICLES_EACH):
            with Session(engine) as session:
                stored = _store(session, writer, n)
                if n % 3 == 1:
                    reextract(session, stored)
                if n % 3 == 2:
                    delete(session, stored)
    except BaseException as exc:  # reported by the test thread
        errors.append(exc)
    finally:
        engine.dispose()


def _mirror(client: TestClient, state: dict[str, Any]) -> bool:
    """Apply the changes after the stored cursor to the mirror; True if any arrived."""
    feed = client.get("/changes", params={"since": state["cursor"], "limit": 7}).json()
    for change in feed["items"]:
        assert change["id"] > state["cursor"]
        state["cursor"] = change["id"]
        kept = state[change["kind"]]
        if change["action"] == "deleted":
            kept.discard(change["object_id"])
        else:
            kept.add(change["object_id"])
    assert feed["next_cursor"] == state["cursor"]
    return bool(feed["items"])


def test_a_polling_mirror_misses_no_change(scratch_url: str) -> None:
    upgrade(scratch_url)
    settings = Settings(database_url=scratch_url, response_cache_mb=0)
    barrier = threading.Barrier(WRITERS + 1)
    errors: list[BaseException] = []
    threads = [
        threading.Thread(target=_write, args=(scratch_url, w, barrier, errors))
        for w in range(WRITERS)
    ]
    for thread in threads:
        thread.start()
    state: dict[str, Any] = {"cursor": 0, "article": set(), "entity": set()}
    polls = 0
    with TestClient(create_app(settings)) as client:
        barrier.wait()
        while any(thread.is_alive() for thread in threads):
            _mirror(client, state)
            polls += 1
        for thread in threads:
            thread.join()
        while _mirror(client, state):
            pass
    assert not errors, errors
    engine = make_engine(settings)
    with Session(engine) as session:
        articles = set(session.execute(select(col(Article.id))).scalars())
        entities = set(session.execute(select(col(Entity.id))).scalars())
    engine.dispose()
    # Every third article was deleted again; the mirror holds exactly the rest.
    assert len(articles) == WRITERS * (ARTICLES_EACH - ARTICLES_EACH // 3)
    assert state["article"] == articles
    assert state["entity"] == entities
    assert polls > 1
