"""Headline benchmark: a mixed read workload where almost no path repeats, cache on.

    uv run --group bench python -m tests.bench.mixed --size 10k \\
        --database-url sqlite:////work/bench-data/10k.db [--paths 20000] [--duration 20] \\
        [--uncached-endpoints] [--label before]

Draws distinct paths from the corpus (40% articles by id, 20% person and country filters,
20% one- and two-word searches, 10% entity quotes, 10% deep pages), shuffles them, and
drives ``broadsheet serve`` as deployed (response cache on) with wrk, each thread from its
own offset. Prints requests/s and p50/p95/p99 and writes
tests/bench/results/mixed/<backend>-<size>[-<label>].json. With ``--uncached-endpoints``
it also runs article by id, ``?country=`` and rare-word search with the cache off.
"""

import argparse
import json
import os
import random
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from app.config import Settings
from app.db import make_engine
from tests.bench import servers
from tests.bench.load import MODES, PORTS, hammer, settle, wrk
from tests.bench.mixes import WARM_UP, draw_pools, mix
from tests.bench.targets import broadsheet_paths, choose

RESULTS = Path(__file__).resolve().parent / "results" / "mixed"
UNCACHED = ("article_by_id", "articles_by_country", "search_rare")


def run_mixed(url: str, paths: list[str], warm: list[str], args: argparse.Namespace) -> dict:  # type: ignore[type-arg]
    base = f"http://{servers.HOST}:{PORTS['broadsheet']}"
    log = args.log_dir / "mixed.log"
    with servers.broadsheet(url, PORTS["broadsheet"], args.workers, MODES["broadsheet"], log) as p:
        settle(base, warm[0])
        # Warm-up on paths outside the measured list, so none of those is cached yet.
        wrk(base, warm, 2, args.connections)
        found = wrk(base, paths, args.duration, args.connections)
        found["rss_mb"] = servers.worker_rss_mb(p)
    print(
        f"  mixed  {found['rps']:>8.0f} req/s  p50 {found['p50_ms']:7.1f}  p95 "
        f"{found['p95_ms']:7.1f}  p99 {found['p99_ms']:7.1f} ms  non-2xx {found['non_2xx']}  "
        f"requests {found['requests']} over {len(paths)} paths  RSS MB {found['rss_mb']}",
        flush=True,
    )
    return found


def run_uncached(url: str, args: argparse.Namespace) -> dict[str, Any]:
    engine = make_engine(Settings(database_url=url))
    try:
        table = broadsheet_paths(choose(engine))
    finally:
        engine.dispose()
    base = f"http://{servers.HOST}:{PORTS['broadsheet']}"
    log = args.log_dir / "uncached.log"
    with servers.broadsheet(url, PORTS["broadsheet"], args.workers, MODES["uncached"], log):
        return hammer("uncached", base, {k: table[k] for k in UNCACHED}, args)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--size", required=True, help="label, e.g. 10k")
    parser.add_argument("--paths", type=int, default=20_000, help="distinct paths to draw")
    parser.add_argument("--duration", type=int, default=20, help="seconds measured")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--uncached-endpoints", action="store_true")
    parser.add_argument("--label", default="", help="suffix of the results file")
    parser.add_argument("--log-dir", type=Path, default=Path("/work/bench-data/logs"))
    args = parser.parse_args()
    args.log_dir.mkdir(parents=True, exist_ok=True)
    url = args.database_url
    engine = make_engine(Settings(database_url=url))
    try:
        found = draw_pools(engine, args.paths + WARM_UP, random.Random(args.seed))
    finally:
        engine.dispose()
    paths, warm, shares = mix(found, args.paths, random.Random(args.seed))
    backend = make_url(url).get_backend_name()
    out: dict[str, Any] = {
        "backend": backend,
        "size": args.size,
        "label": args.label,
        "workers": args.workers,
        "connections": args.connections,
        "duration_s": args.duration,
        "distinct_paths": len(set(paths)),
        "shares": shares,
        "loadavg_before": os.getloadavg()[0],
    }
    out["mixed"] = run_mixed(url, paths, warm, args)
    if args.uncached_endpoints:
        out["uncached"] = run_uncached(url, args)
    out["loadavg_after"] = os.getloadavg()[0]
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = f"{backend}-{args.size}" + (f"-{args.label}" if args.label else "")
    (RESULTS / f"{name}.json").write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
