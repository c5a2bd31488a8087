"""The storage half of ingestion alone: BBC extractions written into a new database.

    uv run python tests/bench/bench_ingest_store.py --database-url URL [--batch 50]
        [--articles 2225] [--data DIR] [--cache FILE]

Extracts the documents once (kept in ``--cache`` for later runs), then stores them the way
``broadsheet ingest`` does, ``--batch`` articles per write transaction (``--batch 1``: one
``ingest_extraction`` per article, the API's path), into the database given, which should
be new and empty (migrated here). Prints articles stored, wall time and this process's CPU
seconds: on SQLite the database's work runs in this process, so CPU time is a figure other
load on the machine moves far less than wall time. On PostgreSQL (server on this machine) it
also prints the CPU seconds of the server processes serving this one's connections, read
from ``/proc`` before they close, and the statements sent (an executemany counted once).
"""

import argparse
import os
import pickle
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app import migrate
from app.articles.ingest import extract_document
from app.articles.sources import documents
from app.config import Settings
from app.db import make_engine
from app.extraction import Extraction

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "bbc"


def extractions(data: Path, cache: Path) -> list[Extraction]:
    if cache.exists():
        found: list[Extraction] = pickle.loads(cache.read_bytes())
        return found
    docs = documents([data], section_from_folder=True)
    found = [e for d in docs if isinstance(e := extract_document(d), Extraction)]
    cache.write_bytes(pickle.dumps(found))
    return found


class Server:
    """CPU seconds of the PostgreSQL backends serving ``engine``, and statements sent."""

    def __init__(self, engine: Engine) -> None:
        self.pids: set[int] = set()
        self.statements = 0
        event.listen(engine, "before_cursor_execute", self._count)
        if engine.dialect.name == "postgresql":
            event.listen(engine, "connect", self._connected)

    def _count(self, *_: Any) -> None:
        self.statements += 1

    def _connected(self, dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            self.pids.add(cursor.fetchone()[0])
        dbapi_connection.commit()

    def cpu(self) -> float:
        """utime + stime of the live backends, in seconds (0 when not readable)."""
        ticks = 0
        for pid in self.pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")


def store(url: str, found: list[Extraction], batch: int) -> tuple[int, float, int]:
    """Articles created, server CPU seconds, statements."""
    from app.articles.ingest import ingest_extraction

    engine = make_engine(Settings(database_url=url))
    server = Server(engine)
    created = 0
    for at in range(0, len(found), batch):
        with Session(engine) as session:
            if batch == 1:
                created += ingest_extraction(session, found[at], "bench").created
            else:
                from app.articles.batch import ingest_batch

                results = ingest_batch(session, found[at : at + batch], "bench")
                created += sum(r.created for r in results)
    server_cpu = server.cpu()
    engine.dispose()
    return created, server_cpu, server.statements


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/bench-ingest-bbc.pickle"))
    args = parser.parse_args()
    found = extractions(args.data, args.cache)[: args.articles]
    if not found:
        print(f"no articles under {args.data}", file=sys.stderr)
        return 1
    migrate.upgrade(args.database_url)
    wall, cpu = time.perf_counter(), time.process_time()
    created, server_cpu, statements = store(args.database_url, found, args.batch)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    n = len(found)
    print(
        f"batch {args.batch}: {created} stored of {n}  wall {wall:.1f} s  "
        f"{created / wall:.0f} articles/s  cpu {cpu:.1f} s  {1000 * cpu / n:.2f} "
        f"ms cpu/article  server cpu {server_cpu:.1f} s  {1000 * server_cpu / n:.2f} "
        f"ms/article  {statements / n:.1f} statements/article"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
