"""The bulk loader writes exactly the rows the real write path writes."""

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine, make_url

from app.extraction import ExtractedEntity, ExtractedMention, ExtractedQuote, Extraction
from app.migrate import upgrade
from tests.bench.corpus import bulk_engine, load_bulk, load_real
from tests.bench.newsroom import Newsroom
from tests.conftest import POSTGRES_URL, admin_dsn, postgres_available

IGNORED = {"created_at", "updated_at", "changed_at"}  # the time of writing
N = 30


def _edge_cases() -> list[Extraction]:
    """Slug clashes, an entity listed twice, a late description and an unattributed quote."""
    body = "Ana Ruiz met Ruiz Holdings in Chile. \u201cWe agree,\u201d said Ruiz."

    def entity(name: str, kind: str, at: int, description: str | None = None) -> ExtractedEntity:
        mention = ExtractedMention(text=body[at : at + len(name)], start=at, end=at + len(name))
        return ExtractedEntity(name=name, type=kind, description=description, mentions=[mention])  # type: ignore[arg-type]

    def article(n: int, description: str | None) -> Extraction:
        text_ = body + f" Day {n}."
        return Extraction(
            title="Same title",
            published_at=date(2021, 5, n),
            body=text_,
            entities=[
                entity("Ana Ruiz", "person", 0),
                entity("Ana  Ruiz", "person", 0, description),
                entity("Ruiz Holdings", "organization", 13),
            ],
            quotes=[ExtractedQuote(text="We agree", start=38, end=46, speaker=None)],
        )

    return [article(1, None), article(2, "economist"), article(3, "painter")]


def corpus() -> list[Extraction]:
    return [*Newsroom(seed=5, n_articles=N).articles(0, N), *_edge_cases()]


def rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    found: dict[str, list[tuple[Any, ...]]] = {}
    names = [t for t in inspect(engine).get_table_names() if t != "alembic_version"]
    with engine.connect() as connection:
        for table in names:
            result = connection.execute(text(f'SELECT * FROM "{table}"'))
            # The change log's ids follow commit order, which batching changes.
            ignored = IGNORED | ({"id"} if table == "change" else set())
            keep = [i for i, c in enumerate(result.keys()) if c not in ignored]
            found[table] = sorted(
                (tuple(str(row[i]) for i in keep) for row in result), key=lambda r: r
            )
    return found


def build_both(urls: tuple[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    out = []
    for url, path in zip(urls, ("real", "bulk"), strict=True):
        upgrade(url)
        engine = bulk_engine(url)
        if path == "real":
            load_real(engine, corpus())
        else:
            load_bulk(engine, corpus(), batch=7, total=N)
        out.append(rows(engine))
        engine.dispose()
    return out[0], out[1]


def assert_same(real: dict[str, Any], bulk: dict[str, Any]) -> None:
    assert real.keys() == bulk.keys()
    assert len(real["article"]) == N + 3
    assert len(real["mention"]) > N * 10
    for table in real:
        assert real[table] == bulk[table], table


def test_bulk_rows_match_the_write_path_on_sqlite(tmp_path: Path) -> None:
    urls = (f"sqlite:///{tmp_path / 'real.db'}", f"sqlite:///{tmp_path / 'bulk.db'}")
    real, bulk = build_both(urls)
    # The FTS5 shadow tables hold segment blobs that depend on commit boundaries; the
    # per-document sizes and the search results are what must agree.
    for table in [t for t in real if t.endswith(("_fts_data", "_fts_idx"))]:
        real.pop(table)
        bulk.pop(table)
    assert_same(real, bulk)


@pytest.fixture
def postgres_urls() -> Iterator[tuple[str, str]]:
    if not postgres_available():
        pytest.skip(f"PostgreSQL unreachable at {POSTGRES_URL}")
    names = [f"bench_identity_{uuid.uuid4().hex[:8]}_{p}" for p in ("real", "bulk")]
    with psycopg.connect(admin_dsn(), autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    yield tuple(  # type: ignore[misc]
        make_url(POSTGRES_URL).set(database=n).render_as_string(hide_password=False) for n in names
    )
    with psycopg.connect(admin_dsn(), autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_bulk_rows_match_the_write_path_on_postgresql(postgres_urls: tuple[str, str]) -> None:
    assert_same(*build_both(postgres_urls))
