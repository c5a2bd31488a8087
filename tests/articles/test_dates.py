"""Dates are true: an article with no date found has none, sorts after (newest) or before
(oldest) the dated ones, and stays out of date filters, timelines and first/last seen."""

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from fastapi.testclient import TestClient

from app.articles.models import UNDATED
from app.config import Settings
from app.db import make_engine
from app.migrate import alembic_config
from tests.conftest import ArticleFactory


def _stories(make_article: ArticleFactory) -> dict[str, int]:
    ids = {}
    for name, date in (("old", "2004-05-01"), ("none", None), ("new", "2021-03-01")):
        article = make_article(
            f"Ivo Brandt spoke of the {name} harvest.",
            people=("Ivo Brandt",),
            published_at=date,
            quotes={f"the {name} harvest": "Ivo Brandt"},
        )
        assert article.id is not None
        ids[name] = article.id
    return ids


def _walk(client: TestClient, url: str, **query: str) -> list[int]:
    """Ids of every item, one page of one item at a time."""
    seen: list[int] = []
    params: dict[str, str | int] = {**query, "limit": 1}
    while True:
        body = client.get(url, params=params).raise_for_status().json()
        seen += [item["id"] for item in body["items"]]
        if not body["next_cursor"]:
            return seen
        params["cursor"] = body["next_cursor"]


def test_an_undated_article_has_no_date_but_an_ingest_time(
    client: TestClient, make_article: ArticleFactory
) -> None:
    ids = _stories(make_article)
    article = client.get(f"/articles/{ids['none']}").json()
    assert article["published_at"] is None
    assert article["created_at"] is not None
    listed = client.get("/articles", params={"person": "Ivo Brandt"}).json()["items"]
    assert {a["id"]: a["published_at"] for a in listed}[ids["none"]] is None
    assert all(a["created_at"] for a in listed)


def test_undated_sort_last_newest_first_and_first_oldest_first(
    client: TestClient, make_article: ArticleFactory
) -> None:
    ids = _stories(make_article)
    mine = set(ids.values())
    for query in ({}, {"person": "Ivo Brandt"}, {"q": "harvest"}):
        newest = [i for i in _walk(client, "/articles", **query, sort="newest") if i in mine]
        assert newest == [ids["new"], ids["old"], ids["none"]], query
        oldest = [i for i in _walk(client, "/articles", **query, sort="oldest") if i in mine]
        assert oldest == [ids["none"], ids["old"], ids["new"]], query
    entity = client.get("/entities", params={"q": "Ivo Brandt"}).json()["items"][0]["slug"]
    articles = _walk(client, f"/entities/{entity}/articles")
    assert articles == [ids["new"], ids["old"], ids["none"]]
    quotes = client.get(f"/entities/{entity}/quotes").json()["items"]
    assert [q["article"]["id"] for q in quotes] == [ids["new"], ids["old"], ids["none"]]


def test_date_filters_use_real_dates_only(client: TestClient, make_article: ArticleFactory) -> None:
    ids = _stories(make_article)
    for params, expected in (
        ({"published_after": "2020-01-01"}, [ids["new"]]),
        ({"published_before": "2020-01-01"}, [ids["old"]]),
        ({"published_after": "1900-01-01"}, [ids["new"], ids["old"]]),
    ):
        listed = client.get("/articles", params={"person": "Ivo Brandt", **params}).json()
        assert [a["id"] for a in listed["items"]] == expected, params
        quotes = client.get("/quotes", params={"speaker": "Ivo Brandt", **params}).json()
        assert [q["article"]["id"] for q in quotes["items"]] == expected, params
    assert _walk(client, "/articles", published_after="2020-01-01", q="harvest") == [ids["new"]]


def test_timeline_and_first_last_seen_ignore_undated(
    client: TestClient, make_article: ArticleFactory
) -> None:
    make_article("Ivo Brandt came back.", people=("Ivo Brandt",))
    slug = client.get("/entities", params={"q": "Ivo Brandt"}).json()["items"][0]["slug"]
    profile = client.get(f"/entities/{slug}").json()
    assert profile["counts"]["articles"] == 1
    assert profile["first_seen"] is None and profile["last_seen"] is None
    assert client.get(f"/entities/{slug}/timeline").json()["items"] == []
    make_article("Ivo Brandt left in 2019.", people=("Ivo Brandt",), published_at="2019-07-04")
    profile = client.get(f"/entities/{slug}").json()
    assert profile["first_seen"].startswith("2019-07-04")
    assert profile["last_seen"].startswith("2019-07-04")
    timeline = client.get(f"/entities/{slug}/timeline").json()["items"]
    assert timeline == [{"period": "2019-07-01", "articles": 1, "mentions": 1}]


STAMP = sa.DateTime(timezone=True)
ARTICLE = sa.table(
    "article",
    *(sa.column(name, sa.Integer) for name in ("id", "word_count")),
    *(sa.column(name, sa.String) for name in ("slug", "body", "content_hash")),
    sa.column("sections", sa.JSON),
    *(sa.column(n, STAMP) for n in ("published_at", "dated_at", "created_at", "updated_at")),
)
ENTITY = sa.table(
    "entity",
    *(sa.column(name, sa.Integer) for name in ("id", "article_count", "mention_count")),
    *(sa.column(name, sa.String) for name in ("name", "type", "slug", "key")),
)
LINK = sa.table(
    "article_entity",
    *(sa.column(name, sa.Integer) for name in ("article_id", "entity_id", "mention_count")),
    sa.column("dated_at", STAMP),
)
QUOTE = sa.table(
    "quote",
    *(sa.column(name, sa.Integer) for name in ("id", "article_id", "start", "end")),
    *(sa.column(name, sa.String) for name in ("text", "kind")),
    sa.column("dated_at", STAMP),
)


def _dates(connection: sa.Connection) -> dict[str, dict[int, datetime]]:
    def as_utc(value: datetime) -> datetime:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    return {
        "article": {
            i: as_utc(d) for i, d in connection.execute(sa.select(ARTICLE.c.id, ARTICLE.c.dated_at))
        },
        "link": {
            i: as_utc(d)
            for i, d in connection.execute(sa.select(LINK.c.article_id, LINK.c.dated_at))
        },
        "quote": {
            i: as_utc(d)
            for i, d in connection.execute(sa.select(QUOTE.c.article_id, QUOTE.c.dated_at))
        },
    }


def test_migration_takes_the_ingest_time_out_of_stored_rows(scratch_url: str) -> None:
    config = alembic_config(scratch_url)
    before = ScriptDirectory.from_config(config).get_revision("0005").down_revision
    assert isinstance(before, str)
    command.upgrade(config, before)
    ingested = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
    published = datetime(2021, 3, 1, tzinfo=UTC)
    engine = make_engine(Settings(database_url=scratch_url))
    with engine.begin() as connection:
        for article_id, date in ((1, None), (2, published)):
            connection.execute(
                sa.insert(ARTICLE).values(
                    id=article_id,
                    slug=f"a{article_id}",
                    body="Text.",
                    sections=[],
                    word_count=1,
                    content_hash=f"h{article_id}",
                    published_at=date,
                    dated_at=date or ingested,
                    created_at=ingested,
                    updated_at=ingested,
                )
            )
        connection.execute(
            sa.insert(ENTITY).values(
                id=1, name="N", type="person", slug="n", key="n", article_count=2, mention_count=2
            )
        )
        for article_id, date in ((1, ingested), (2, published)):
            connection.execute(
                sa.insert(LINK).values(
                    article_id=article_id, entity_id=1, mention_count=1, dated_at=date
                )
            )
            connection.execute(
                sa.insert(QUOTE).values(
                    id=article_id,
                    article_id=article_id,
                    start=0,
                    end=4,
                    text="Text",
                    kind="direct",
                    dated_at=date,
                )
            )
    command.upgrade(config, "0005")
    with engine.connect() as connection:
        assert _dates(connection) == {
            table: {1: UNDATED, 2: published} for table in ("article", "link", "quote")
        }
    command.downgrade(config, before)
    with engine.connect() as connection:
        assert _dates(connection) == {
            table: {1: ingested, 2: published} for table in ("article", "link", "quote")
        }
    engine.dispose()


def test_dates_are_served_in_utc_and_naive_ones_are_taken_as_utc(
    client: TestClient, make_article: ArticleFactory
) -> None:
    """SQLite hands dates back without a zone; they are UTC, and served saying so."""
    naive = make_article("The council met on Monday.", published_at="2021-03-04T10:00:00")
    shifted = make_article("The board met on Tuesday.", published_at="2021-03-05T12:00:00+02:00")
    assert client.get(f"/articles/{naive.id}").json()["published_at"] == "2021-03-04T10:00:00Z"
    assert client.get(f"/articles/{shifted.id}").json()["published_at"] == "2021-03-05T10:00:00Z"

    def after(moment: str) -> set[int]:
        listed = client.get("/articles", params={"published_after": moment, "limit": 100})
        return {a["id"] for a in listed.json()["items"]} & {naive.id, shifted.id}

    assert after("2021-03-04T10:00:00") == {naive.id, shifted.id}  # a naive filter is UTC
    assert after("2021-03-04T10:00:01") == {shifted.id}
    assert after("2021-03-05T11:00:00+01:00") == {shifted.id}  # 10:00 UTC
    assert after("2021-03-05T11:00:01+01:00") == set()


@pytest.fixture
def server_far_from_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's local zone set to UTC+05:45 (a POSIX rule: no zone database needed)."""
    monkeypatch.setenv("TZ", "NPT-5:45")
    time.tzset()
    assert time.timezone == -(5 * 3600 + 45 * 60)
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("server_far_from_utc")
def test_dates_are_utc_whatever_the_servers_own_zone(
    client: TestClient, make_article: ArticleFactory
) -> None:
    """The server's local zone plays no part: a naive date is UTC, an offset is converted
    to UTC, and both are served as UTC."""
    naive = make_article("The council met on Monday.", published_at="2021-03-04T10:00:00")
    shifted = make_article("The board met on Tuesday.", published_at="2021-03-05T12:00:00+02:00")
    assert client.get(f"/articles/{naive.id}").json()["published_at"] == "2021-03-04T10:00:00Z"
    assert client.get(f"/articles/{shifted.id}").json()["published_at"] == "2021-03-05T10:00:00Z"
    listed = client.get("/articles", params={"published_after": "2021-03-04T10:00:00"})
    dates = {a["id"]: a["published_at"] for a in listed.json()["items"]}
    assert {i: dates.get(i) for i in (naive.id, shifted.id)} == {
        naive.id: "2021-03-04T10:00:00Z",
        shifted.id: "2021-03-05T10:00:00Z",
    }
    later = client.get("/articles", params={"published_after": "2021-03-05T15:44:59+05:45"})
    assert shifted.id in {a["id"] for a in later.json()["items"]}
    assert naive.id not in {a["id"] for a in later.json()["items"]}
