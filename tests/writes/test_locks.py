"""Locks and the recount, one rule at a time: what each lock holds, in which order rows come
back, and which drift ``find_drift`` reports and ``repair`` sets right."""

import threading
import time
import zlib

import psycopg
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, col

from app.articles.models import Article
from app.entities.models import ArticleEntity, Entity
from app.errors import NotFound
from app.writes import write
from app.writes.locks import (
    KEY_SPACE,
    _key_id,
    insert_ignore,
    lock_article,
    lock_articles,
    lock_entities,
    lock_keys,
)
from app.writes.recount import Drift, find_drift, repair
from tests.conftest import ArticleFactory

only_postgresql = pytest.mark.parametrize("settings", ["postgresql"], indirect=True)


@pytest.mark.parametrize("key", ["", "person:mara ostrova", "country:no", "é", *"abcdefgh"])
def test_a_key_id_is_its_crc32_as_a_signed_32_bit_integer(key: str) -> None:
    lock_id = _key_id(key)
    assert -(2**31) <= lock_id < 2**31  # pg_advisory_xact_lock takes two int4
    assert lock_id % 2**32 == zlib.crc32(key.encode())


def test_key_ids_above_the_signed_range_wrap_below_zero() -> None:
    keys = [f"key {n}" for n in range(64)]
    high = [key for key in keys if zlib.crc32(key.encode()) >= 2**31]
    assert high and all(_key_id(key) < 0 for key in high)
    assert all(_key_id(key) >= 0 for key in keys if key not in high)
    edge = "person:key 44 crK7"  # four characters chosen so its crc32 is 2**31 itself
    assert zlib.crc32(edge.encode()) == 2**31 and _key_id(edge) == -(2**31)


def _held_key_locks(session: Session) -> set[tuple[int, int]]:
    rows = session.execute(
        text(
            "SELECT classid::bigint, objid::bigint FROM pg_locks WHERE locktype = 'advisory' "
            "AND pid = pg_backend_pid() AND granted"
        )
    ).all()
    return {(int(classid), int(objid)) for classid, objid in rows}


@only_postgresql
def test_lock_keys_holds_one_advisory_lock_per_distinct_key(race_engine: Engine) -> None:
    keys = ["person:mara ostrova", "country:no", "person:mara ostrova"]

    def work(session: Session) -> set[tuple[int, int]]:
        lock_keys(session, keys)
        return _held_key_locks(session)

    with Session(race_engine) as session:
        held = write(session, work)
        assert held == {(KEY_SPACE, _key_id(key) % 2**32) for key in set(keys)}
        assert _held_key_locks(session) == set()  # transaction locks: gone at commit


def _title(session: Session, article_id: int, title: str) -> None:
    """Change the stored title behind the ORM's back, as another writer would: an ORM
    update would also change the copy the session holds, hiding a stale read."""
    statement = text("UPDATE article SET title = :title WHERE id = :id")
    session.execute(statement, {"title": title, "id": article_id})


def test_lock_articles_returns_the_stored_ones_in_ascending_id_order(
    session: Session, make_article: ArticleFactory
) -> None:
    ids = [make_article(f"Harbour report number {n}.").id for n in range(3)]
    held = session.get(Article, ids[0])
    assert held is not None
    session.refresh(held)  # the session's copy, read before the change below
    # An updated row moves to the end of a PostgreSQL heap: an unordered read returns it last.
    _title(session, ids[0], "Harbour report, revised")
    locked = lock_articles(session, [ids[2], ids[0], 999_999, ids[1], ids[0]])
    assert [article.id for article in locked] == sorted(ids)
    assert locked[0].title == "Harbour report, revised"  # not the identity map's copy


def test_lock_article_rereads_the_row_or_is_not_found(
    session: Session, make_article: ArticleFactory
) -> None:
    article = make_article("Harbour report.")
    assert article.id is not None
    _title(session, article.id, "New")
    assert lock_article(session, article.id).title == "New"  # not the identity map's copy
    with pytest.raises(NotFound):
        lock_article(session, 999_999)


def _entity(session: Session, name: str, **counts: int) -> Entity:
    slug = name.lower().replace(" ", "-")
    entity = Entity(name=name, type="person", slug=slug, key=slug, **counts)
    session.add(entity)
    session.flush()
    return entity


def _nowait(url: str, entity_id: int) -> str:
    """Try to lock the entity row from another connection without waiting."""
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as other:
        try:
            other.execute("SELECT id FROM entity WHERE id = %s FOR UPDATE NOWAIT", (entity_id,))
        except psycopg.errors.LockNotAvailable:
            return "locked"
        return "free"


@only_postgresql
def test_lock_entities_locks_those_rows_and_no_others(race_engine: Engine) -> None:
    with Session(race_engine) as session:
        ids = [_entity(session, name).id for name in ("Mara Ostrova", "Ines Kovacs", "Lena Aberg")]
        session.commit()
    assert all(isinstance(entity_id, int) for entity_id in ids)
    url = race_engine.url.render_as_string(hide_password=False)

    def work(session: Session) -> list[str]:
        lock_entities(session, [ids[2], ids[0], ids[2]])
        return [_nowait(url, entity_id) for entity_id in ids]  # type: ignore[arg-type]

    with Session(race_engine) as session:
        assert write(session, work) == ["locked", "free", "locked"]


@only_postgresql
def test_lock_entities_takes_the_rows_in_ascending_id_order(race_engine: Engine) -> None:
    """Row locks are taken in id order, not in the order rows lie in the table: a writer
    waiting for the highest id already holds every lower one."""
    with Session(race_engine) as session:
        ids = [_entity(session, name).id for name in ("Mara Ostrova", "Ines Kovacs", "Lena Aberg")]
        session.commit()
        # An updated row moves to the end of the heap: a scan in table order meets it last.
        session.execute(text("UPDATE entity SET mention_count = 1 WHERE id = :id"), {"id": ids[0]})
        session.commit()
    url = race_engine.url.render_as_string(hide_password=False)
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    held: list[str] = []
    with psycopg.connect(dsn) as holder:
        holder.execute("SELECT id FROM entity WHERE id = %s FOR UPDATE", (ids[2],))
        writer = threading.Thread(
            target=lambda: write(Session(race_engine), lock_entities, ids)  # type: ignore[arg-type]
        )
        writer.start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            held = [_nowait(url, entity_id) for entity_id in ids[:2]]  # type: ignore[arg-type]
            if held == ["locked", "locked"]:
                break
            time.sleep(0.05)
        holder.rollback()
    writer.join(timeout=30)
    assert held == ["locked", "locked"]


def test_insert_ignore_skips_a_row_already_stored(session: Session) -> None:
    stored = _entity(session, "Pavel Rudnik")
    row = {"name": "Pavel Rudnik", "type": "person", "slug": stored.slug, "key": stored.key}
    session.execute(insert_ignore(session, Entity).values(**row))
    same = select(func.count()).select_from(Entity).where(col(Entity.slug) == stored.slug)
    assert session.execute(same).scalar_one() == 1


def _link(session: Session, article: Article, entity: Entity, mentions: int) -> None:
    link = ArticleEntity(
        article_id=article.id,
        entity_id=entity.id,
        mention_count=mentions,
        dated_at=article.dated_at,
    )
    session.add(link)
    session.flush()


def test_find_drift_reports_wrong_article_or_mention_counts_and_repair_fixes_them(
    session: Session, make_article: ArticleFactory
) -> None:
    article = make_article("Harbour report.")
    assert article.id is not None
    before = find_drift(session)
    unlinked = _entity(session, "Lena Aberg", article_count=2, mention_count=3)
    mentions = _entity(session, "Tomas Hallberg", article_count=1, mention_count=1)
    _link(session, article, mentions, 4)
    articles = _entity(session, "Ines Kovacs", article_count=5, mention_count=2)
    _link(session, article, articles, 2)
    right = _entity(session, "Pavel Rudnik", article_count=1, mention_count=2)
    _link(session, article, right, 2)
    expected = [
        Drift(unlinked.id, "lena-aberg", 2, 0, 3, 0),  # type: ignore[arg-type]
        Drift(mentions.id, "tomas-hallberg", 1, 1, 1, 4),  # type: ignore[arg-type]
        Drift(articles.id, "ines-kovacs", 5, 1, 2, 2),  # type: ignore[arg-type]
    ]
    assert find_drift(session) == before + expected
    assert str(expected[1]) == (
        f"tomas-hallberg (id {mentions.id}): articles 1 stored, 1 counted; "
        "mentions 1 stored, 4 counted"
    )
    assert repair(session) == before + expected
    assert find_drift(session) == []
    counts = select(col(Entity.slug), col(Entity.article_count), col(Entity.mention_count))
    stored = dict(
        (slug, (a, m))
        for slug, a, m in session.execute(
            counts.where(col(Entity.id).in_([unlinked.id, mentions.id, articles.id, right.id]))
        )
    )
    assert stored == {
        "lena-aberg": (0, 0),
        "tomas-hallberg": (1, 4),
        "ines-kovacs": (1, 2),
        "pavel-rudnik": (1, 2),
    }
