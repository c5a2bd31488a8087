"""CPU time per request of the mixed workload, per kind of request, in-process, cache off.

    uv run python -m tests.bench.cpu_mix --database-url sqlite:////work/bench-data/100k.db \\
        --paths-file /tmp/mix-100k.json [--per-kind 200] [--rounds 3] [--profile search]

Wall-clock req/s on a shared machine measures the neighbours; CPU time of this process does
not (much). The paths are drawn as ``tests/bench/mixed.py`` draws them (and rare words for
``/articles?q=`` as ``targets.py`` does), ``--per-kind`` of each kind, and saved to
``--paths-file`` so that runs before and after a change replay the same list (``ORDER BY
random()`` is not seeded). Each request goes straight to the ASGI app (no HTTP client, no
server: what uvicorn adds is the same for every kind), one warm-up pass, then ``--rounds``
measured passes. Prints CPU ms per request for each kind, its share of the mix, and the
mix's CPU ms per request (shares weighted): 2 cores ÷ that is the ceiling in req/s.
``--profile KIND`` runs cProfile over that kind's requests and prints the costliest
functions (cumulative). On PostgreSQL it also prints, per kind, the statements sent per
request and the CPU ms per request of the server's backends serving this process (their
``/proc`` figures, in clock ticks: a pass of 200 requests reads to about 0.05 ms).
"""

import argparse
import asyncio
import cProfile
import json
import pstats
import random
import statistics
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI

from app.config import Settings
from app.db import make_engine
from app.main import create_app
from tests.bench.bench_ingest_store import Server
from tests.bench.mixes import SHARES, draw_pools
from tests.bench.targets import choose

# The uncached endpoint compared with Datasette (not part of the mix: share 0).
EXTRA = ("search_rare",)


def draw(url: str, per_kind: int, seed: int) -> dict[str, list[str]]:
    engine = make_engine(Settings(database_url=url))
    try:
        pools = draw_pools(engine, per_kind * 4, random.Random(seed))
        rare = choose(engine).rare_terms
    finally:
        engine.dispose()
    found = {kind: paths[:per_kind] for kind, paths in pools.items()}
    found["search_rare"] = [f"/articles?q={w}" for w in rare[:per_kind]]
    return found


async def call(app: FastAPI, path: str, bodies: list[bytes] | None = None) -> int:
    """One GET through the ASGI app; the status (and the body, into ``bodies``)."""
    parts = urlsplit(path)
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": parts.path,
        "raw_path": parts.path.encode(),
        "query_string": parts.query.encode(),
        "root_path": "",
        "headers": [(b"host", b"bench"), (b"accept-encoding", b"identity")],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
        "state": {},
    }
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif bodies is not None:
            bodies.append(message.get("body", b""))

    await app(scope, receive, send)
    return status


async def replay(app: FastAPI, paths: list[str]) -> float:
    """CPU seconds for ``paths`` back to back (failures raise)."""
    started = time.process_time()
    for path in paths:
        status = await call(app, path)
        if status != 200:
            raise RuntimeError(f"{path}: {status}")
    return time.process_time() - started


Costs = dict[str, dict[str, float]]


async def measure(
    app: FastAPI, kinds: dict[str, list[str]], rounds: int, profile: str | None
) -> Costs:
    """Per kind: CPU ms per request here, and on PostgreSQL the server's and statements."""
    async with app.router.lifespan_context(app):
        server = Server(app.state.engine)
        for paths in kinds.values():
            await replay(app, paths)  # warm-up: statement caches, the page cache
        spent: dict[str, list[float]] = {kind: [] for kind in kinds}
        served: dict[str, list[float]] = {kind: [] for kind in kinds}
        sent: dict[str, list[float]] = {kind: [] for kind in kinds}
        for _ in range(rounds):
            for kind, paths in kinds.items():
                cpu, statements = server.cpu(), server.statements
                spent[kind].append(await replay(app, paths) / len(paths))
                served[kind].append((server.cpu() - cpu) / len(paths))
                sent[kind].append((server.statements - statements) / len(paths))
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            await replay(app, kinds[profile])
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats("app/|cpu_mix", 60)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    costs = {kind: {"ms": statistics.median(values) * 1000} for kind, values in spent.items()}
    if app.state.engine.dialect.name == "postgresql":
        for kind, cost in costs.items():
            cost["server_ms"] = statistics.median(served[kind]) * 1000
            cost["statements"] = statistics.median(sent[kind])
    return costs


async def dump(app: FastAPI, kinds: dict[str, list[str]], out: Path) -> None:
    """Every path's status and body, one JSON line each: two versions of the code answer
    alike when their files are equal."""
    async with app.router.lifespan_context(app):
        with out.open("w") as lines:
            for paths in kinds.values():
                for path in paths:
                    bodies: list[bytes] = []
                    status = await call(app, path, bodies)
                    body = b"".join(bodies).decode()
                    lines.write(json.dumps({"path": path, "status": status, "body": body}) + "\n")


def report(costs: Costs, kinds: dict[str, list[str]]) -> None:
    mix = sum(SHARES.get(kind, 0) * cost["ms"] for kind, cost in costs.items())
    server = all("server_ms" in cost for cost in costs.values())
    extra = f" {'server ms':>10} {'statements':>11}" if server else ""
    print(
        f"{'kind':<16} {'paths':>6} {'CPU ms/req':>11} {'share':>6} {'weighted':>9} {'of mix':>7}"
        + extra
    )
    for kind, cost in costs.items():
        ms, share = cost["ms"], SHARES.get(kind, 0)
        part = share * ms / mix if share else 0
        extra = f" {cost['server_ms']:>10.3f} {cost['statements']:>11.2f}" if server else ""
        print(
            f"{kind:<16} {len(kinds[kind]):>6} {ms:>11.3f} {share:>6.0%} {share * ms:>9.3f} "
            f"{part:>7.0%}" + extra
        )
    print(f"mix: {mix:.3f} CPU ms per request -> at most {2000 / mix:,.0f} req/s on 2 cores")
    if server:
        served = sum(SHARES.get(kind, 0) * cost["server_ms"] for kind, cost in costs.items())
        both = mix + served
        print(
            f"server: {served:.3f} CPU ms per request; with this process's, at most "
            f"{2000 / both:,.0f} req/s on 2 cores"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--paths-file", type=Path, required=True, help="reused when it exists")
    parser.add_argument("--per-kind", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", nargs="*", help="kinds to run (all by default)")
    parser.add_argument("--profile", help="a kind to profile after measuring")
    parser.add_argument("--dump", type=Path, help="write each path's answer here instead")
    args = parser.parse_args()
    if args.paths_file.exists():
        kinds = json.loads(args.paths_file.read_text())
    else:
        kinds = draw(args.database_url, args.per_kind, args.seed)
        args.paths_file.write_text(json.dumps(kinds, indent=1) + "\n")
    if args.only:
        kinds = {kind: kinds[kind] for kind in args.only}
    app = create_app(Settings(database_url=args.database_url, response_cache_mb=0))
    if args.dump:
        asyncio.run(dump(app, kinds, args.dump))
        return 0
    costs = asyncio.run(measure(app, kinds, args.rounds, args.profile))
    report(costs, kinds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
