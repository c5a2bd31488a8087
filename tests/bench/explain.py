"""Print the SQL an endpoint runs, with the database's plan for each statement.

    uv run python -m tests.bench.explain --database-url URL '/search?q=economy' ...

SQLite gets ``EXPLAIN QUERY PLAN``; PostgreSQL gets ``EXPLAIN ANALYZE`` (which runs it).
"""

import argparse
import time
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event

from app.config import Settings
from app.main import create_app


def capture(url: str, path: str) -> tuple[list[tuple[str, Any]], float]:
    app = create_app(Settings(database_url=url))
    seen: list[tuple[str, Any]] = []
    with TestClient(app) as client:
        engine = app.state.engine

        def record(_c: Any, _cur: Any, statement: str, params: Any, *_: Any) -> None:
            seen.append((statement, params))

        event.listen(engine, "before_cursor_execute", record)
        started = time.perf_counter()
        client.get(path).raise_for_status()
        elapsed = time.perf_counter() - started
        event.remove(engine, "before_cursor_execute", record)
        plans = []
        with engine.connect() as connection:
            for statement, params in seen:
                if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                    continue
                prefix = (
                    "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN ANALYZE "
                )
                raw = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
                raw.execute(prefix + statement, params)
                plans.append((statement, [" ".join(str(c) for c in row) for row in raw.fetchall()]))
    return plans, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    for path in args.paths:
        plans, elapsed = capture(args.database_url, path)
        print(f"=== {path}  ({elapsed * 1000:.0f} ms)")
        for statement, plan in plans:
            print(" ".join(statement.split()))
            for line in plan:
                print("    " + line)
            print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
