"""Search highlighting on large articles: /search time with 8 articles over 100 KB.

    uv run python -m tests.bench.bench_highlight [--backend sqlite|postgresql] [--runs 5]

Stores 8 articles of ~120 KB (plus 200 ordinary ones) in a new database, then times
``GET /search`` for a word in every sentence of every article (``the`` — a stop word that
PostgreSQL does not index, so ``council`` there too) and prints the mean and the worst.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.articles.writer import store_extraction
from app.config import Settings
from app.db import make_engine
from app.extraction import Extraction
from app.main import create_app
from app.migrate import upgrade

_WORDS = "harbour council plan budget vote river bridge school market winter".split()


def _paragraph(rng: random.Random) -> str:
    return " ".join(
        f"The {rng.choice(_WORDS)} council said the {rng.choice(_WORDS)} would wait for the "
        f"{rng.choice(_WORDS)} until the end of the year."
        for _ in range(6)
    )


def _body(rng: random.Random, size: int) -> str:
    parts: list[str] = []
    while sum(len(p) + 2 for p in parts) < size:
        parts.append(_paragraph(rng))
    return "\n\n".join(parts)


@contextmanager
def _database(backend: str) -> Iterator[str]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / 'highlight.db'}"
        return
    from tests.conftest import new_postgres_database

    with new_postgres_database("bench_highlight") as url:
        yield url


def _fill(settings: Settings) -> None:
    upgrade(settings.database_url)
    engine = make_engine(settings)
    rng = random.Random(8)
    with Session(engine) as session:
        for i in range(208):
            size = 120_000 if i % 26 == 0 else 3_000
            extraction = Extraction(title=f"Report {i}", body=_body(rng, size))
            store_extraction(session, extraction, "bench")
        session.commit()
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with _database(args.backend) as url:
        settings = Settings(database_url=url, response_cache_mb=0)
        _fill(settings)
        with TestClient(create_app(settings)) as client:
            for query in ("the", "council"):
                client.get("/search", params={"q": query})  # warm the connection and caches
                times = []
                for _ in range(args.runs):
                    started = time.perf_counter()
                    response = client.get("/search", params={"q": query})
                    times.append(time.perf_counter() - started)
                    assert response.status_code == 200, response.text
                hits = response.json()["articles"]
                large = sum(len(h["highlight"] or "") for h in hits)
                print(
                    f"{args.backend:<10} q={query:<8} hits {len(hits):>2}  "
                    f"mean {statistics.mean(times):.3f} s  worst {max(times):.3f} s  "
                    f"highlight chars {large}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
