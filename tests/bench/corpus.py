"""Build a synthetic corpus of N articles in a Broadsheet database.

    uv run python -m tests.bench.corpus --n 10000 --database-url sqlite:////work/bench-data/10k.db
    uv run python -m tests.bench.corpus --n 30 --path real --database-url ...

``--path bulk`` (default) batches inserts; ``--path real`` stores one article per
transaction through ``store_extraction``. Both give the same rows. Appending to a
database that already holds articles continues the numbering, so a corpus can grow.
"""

import argparse
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.articles.models import Article
from app.articles.writer import store_extraction
from app.config import Settings
from app.db import make_engine
from app.extraction import Extraction
from app.migrate import upgrade
from tests.bench.bulk import BulkLoader
from tests.bench.newsroom import Newsroom

VERSION = "bench-corpus"
BBC = Path(__file__).resolve().parents[3] / "shared" / "data" / "bbc"


def bulk_engine(url: str) -> Engine:
    """The application's engine, plus SQLite settings that only trade durability for speed."""
    engine = make_engine(Settings(database_url=url))
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _fast(dbapi_connection: object, _record: object) -> None:
            cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-1000000")
            cursor.execute("PRAGMA temp_store=MEMORY")
            cursor.close()

    return engine


def load_real(engine: Engine, extractions: Iterable[Extraction]) -> int:
    done = 0
    for extraction in extractions:
        with Session(engine) as session:
            store_extraction(session, extraction, VERSION)
            session.commit()
        done += 1
    return done


def load_bulk(engine: Engine, extractions: Iterable[Extraction], batch: int, total: int) -> int:
    done = 0
    started = time.perf_counter()
    with engine.connect() as connection:
        loader = BulkLoader(connection, VERSION)
        for extraction in extractions:
            loader.add(extraction)
            done += 1
            if done % batch == 0:
                # One transaction per batch keeps the WAL (and PostgreSQL's undo) small.
                loader.flush()
                connection.commit()
            if done % (batch * 20) == 0:
                rate = done / (time.perf_counter() - started)
                print(f"  {done}/{total} articles, {rate:.0f}/s", file=sys.stderr, flush=True)
        loader.finish()
        connection.commit()
    return done


def article_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.execute(select(func.count()).select_from(Article)).scalar_one()


def build(url: str, n: int, path: str, seed: int = 1, batch: int = 500, bbc: bool = False) -> float:
    """Load ``n`` articles; returns articles per second (generation included)."""
    upgrade(url)
    engine = bulk_engine(url)
    try:
        start = article_count(engine)
        newsroom = Newsroom(seed, start + n, BBC if bbc else None)
        extractions = newsroom.articles(start, n)
        began = time.perf_counter()
        if path == "real":
            load_real(engine, extractions)
        else:
            load_bulk(engine, extractions, batch, n)
        rate = n / (time.perf_counter() - began)
        if engine.dialect.name == "postgresql":
            # Planner statistics and the visibility map, as autovacuum would set them later:
            # without them the first queries plan from empty-table guesses.
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
        return rate
    finally:
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True, help="articles to add")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--path", choices=["bulk", "real"], default="bulk")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=500, help="articles per executemany")
    parser.add_argument("--bbc-filler", action="store_true", help=f"filler sentences from {BBC}")
    args = parser.parse_args()
    rate = build(args.database_url, args.n, args.path, args.seed, args.batch, args.bbc_filler)
    print(f"{args.n} articles via {args.path} path: {rate:.0f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
