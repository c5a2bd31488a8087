"""Where an uncached read spends its time: cProfile over requests made in-process.

    uv run python -m tests.bench.profile_reads --database-url URL [--seconds 10] \\
        '/articles/1' '/articles?country=US'

Calls the app in this thread's event loop through httpx's ASGI transport (response cache
off) over each path in turn for ``--seconds``, then prints requests/s and the share of self
time per layer: the database driver (SQL), SQLAlchemy and SQLModel, Pydantic, the
framework (FastAPI, Starlette, anyio), the test client itself (httpx; no part of a served
request), the application and the rest. ``--top N`` also lists the N costliest functions.
"""

import argparse
import asyncio
import cProfile
import pstats
import time
from collections import defaultdict

import httpx
from fastapi import FastAPI

from app.config import Settings
from app.main import create_app

LAYERS = (
    ("SQL (driver)", ("sqlite3", "psycopg", "_sqlite3", "method 'execute'", "method 'fetch")),
    ("SQLAlchemy/SQLModel", ("sqlalchemy", "sqlmodel")),
    ("Pydantic", ("pydantic",)),
    ("framework", ("fastapi", "starlette", "anyio", "uvicorn")),
    ("test client", ("httpx", "httpcore", "h11", "importlib", "_bootstrap")),
    ("application", ("/app/",)),
)
# As wrk sends them: no Accept-Encoding, so no gzip (which a client asking for it pays).
PLAIN = {"accept-encoding": "identity"}


def layer(where: str) -> str:
    for name, marks in LAYERS:
        if any(mark in where for mark in marks):
            return name
    return "other (stdlib, json, ...)"


def shares(stats: pstats.Stats) -> dict[str, float]:
    spent: dict[str, float] = defaultdict(float)
    for (filename, _line, function), row in stats.stats.items():  # type: ignore[attr-defined]
        spent[layer(f"{filename}:{function}")] += row[2]  # self time
    total = sum(spent.values())
    return {name: spent[name] / total for name in sorted(spent, key=spent.__getitem__)[::-1]}


async def _measure(client: httpx.AsyncClient, paths: list[str], seconds: float) -> int:
    done = 0
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        for path in paths:
            (await client.get(path)).raise_for_status()
            done += 1
    return done


async def _run(app: FastAPI, paths: list[str], seconds: float, profile: bool) -> tuple:  # type: ignore[type-arg]
    """Requests back to back in this thread, so cProfile sees the whole of each one (on
    SQLite: PostgreSQL's queries run in the thread pool, out of its sight)."""
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://bench", headers=PLAIN) as client,
    ):
        await _measure(client, paths, 1)  # warm-up: connections, statement caches
        profiler = cProfile.Profile() if profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        done = await _measure(client, paths, seconds)
        if profiler:
            profiler.disable()
        return done, time.perf_counter() - started, profiler


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--no-profile", action="store_true", help="throughput only")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    app = create_app(Settings(database_url=args.database_url, response_cache_mb=0))
    done, elapsed, profiler = asyncio.run(_run(app, args.paths, args.seconds, not args.no_profile))
    print(f"{done} requests in {elapsed:.1f} s: {done / elapsed:.0f} req/s {args.paths}")
    if profiler is None:
        return 0
    stats = pstats.Stats(profiler)
    for name, share in shares(stats).items():
        print(f"  {name:<26} {share:6.1%}")
    if args.top:
        stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
