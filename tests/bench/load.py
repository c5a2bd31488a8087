"""Load benchmark: Broadsheet under wrk, beside Datasette and a bare Starlette endpoint.

    uv run python -m tests.bench.load --database-url sqlite:////work/bench-data/10k.db \\
        --size 10k [--duration 10] [--connections 8] [--workers 2] [--no-datasette]

Starts each server on 127.0.0.1, drives it with wrk from a separate process, prints
requests/s and p50/p95/p99 per endpoint, and writes tests/bench/results/<backend>-<size>.json.
"""

import argparse
import contextlib
import json
import os
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.engine import make_url

from app.config import Settings
from app.db import make_engine
from tests.bench import servers
from tests.bench.targets import broadsheet_paths, choose, datasette_paths, follow_cursors

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
LUA = HERE / "wrk.lua"
PORTS = {"broadsheet": 8301, "ceiling": 8302, "datasette": 8303}


THREADS = 2


def wrk(base: str, paths: list[str], duration: int, connections: int) -> dict[str, Any]:
    """One wrk run cycling through ``paths``, each thread from its own offset; figures in
    requests/s and milliseconds."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(paths) + "\n")
    cmd = ["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s"]
    cmd += ["-s", str(LUA), base, "--", f.name, str(THREADS)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60, check=True)
    finally:
        os.unlink(f.name)
    raw = json.loads(out.stdout.strip().splitlines()[-1])
    seconds = raw["duration_us"] / 1e6
    return {
        "rps": round(raw["requests"] / seconds, 1),
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "requests": raw["requests"],
        "non_2xx": raw["non_2xx"],
        "socket_errors": raw["socket_errors"],
    }


def settle(base: str, path: str, timeout: float = 60.0) -> None:
    """Wait until requests left over from the previous endpoint have drained."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        started = time.perf_counter()
        with contextlib.suppress(httpx.HTTPError):
            httpx.get(base + path, timeout=timeout)
        if time.perf_counter() - started < 0.2:
            return
        time.sleep(1)


def hammer(
    name: str, base: str, table: dict[str, list[str]], args: argparse.Namespace
) -> dict[str, Any]:
    results = {}
    for endpoint, paths in table.items():
        if not paths or not paths[0]:
            print(f"  {name:<10} {endpoint:<28} skipped: nothing to request")
            continue
        settle(base, paths[0])
        # Warm-up: one pass over every path where 2 s allow (page caches, pools, responses).
        wrk(base, paths, 2, args.connections)
        r = results[endpoint] = wrk(base, paths, args.duration, args.connections)
        print(
            f"  {name:<10} {endpoint:<28} {r['rps']:>8.0f} req/s  p50 {r['p50_ms']:7.1f}  "
            f"p95 {r['p95_ms']:7.1f}  p99 {r['p99_ms']:7.1f} ms  non-2xx {r['non_2xx']}",
            flush=True,
        )
    return results


# As deployed (the default per-worker response cache), then with the cache off, which
# measures the queries themselves: every request below then reaches the database.
MODES = {"broadsheet": str(Settings.model_fields["response_cache_mb"].default), "uncached": "0"}


def run_broadsheet(url: str, args: argparse.Namespace, out: dict[str, Any]) -> None:
    engine = make_engine(Settings(database_url=url))
    try:
        targets = choose(engine)
    finally:
        engine.dispose()
    port = PORTS["broadsheet"]
    base = f"http://{servers.HOST}:{port}"
    for mode, cache_mb in MODES.items():
        log = args.log_dir / f"{mode}.log"
        with servers.broadsheet(url, port, args.workers, cache_mb, log) as proc:
            if not targets.deep_page:
                started = time.perf_counter()
                targets.deep_page = follow_cursors(base)
                out["deep_cursor_follow_s"] = round(time.perf_counter() - started, 2)
            out[mode] = hammer(mode, base, broadsheet_paths(targets), args)
            out.setdefault("rss_mb", {})[mode] = servers.worker_rss_mb(proc)
    out["_targets"] = targets


def run_others(url: str, args: argparse.Namespace, out: dict[str, Any]) -> None:
    port = PORTS["ceiling"]
    with servers.ceiling(port, args.workers, args.log_dir / "ceiling.log"):
        out["ceiling"] = hammer(
            "ceiling", f"http://{servers.HOST}:{port}", {"fixed_json": ["/"]}, args
        )
    db = make_url(url).database
    if args.no_datasette or not url.startswith("sqlite") or not db:
        return
    port = PORTS["datasette"]
    with servers.datasette(Path(db), port, args.log_dir / "datasette.log"):
        table = datasette_paths(out["_targets"], Path(db).stem)
        out["datasette"] = hammer("datasette", f"http://{servers.HOST}:{port}", table, args)


def ratios(out: dict[str, Any]) -> dict[str, dict[str, float]]:
    ceiling = out["ceiling"]["fixed_json"]["rps"]
    found: dict[str, dict[str, float]] = {}
    for mode in MODES:
        share = found[f"{mode}_share_of_ceiling"] = {}
        versus = found[f"{mode}_vs_datasette"] = {}
        for endpoint, r in out[mode].items():
            share[endpoint] = round(r["rps"] / ceiling, 3)
            theirs = out.get("datasette", {}).get(endpoint, {}).get("rps")
            if theirs:
                versus[endpoint] = round(r["rps"] / theirs, 2)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--size", required=True, help="label, e.g. 10k")
    parser.add_argument("--duration", type=int, default=10, help="seconds per endpoint")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-datasette", action="store_true")
    parser.add_argument("--log-dir", type=Path, default=Path("/work/bench-data/logs"))
    args = parser.parse_args()
    args.log_dir.mkdir(parents=True, exist_ok=True)
    backend = make_url(args.database_url).get_backend_name()
    out: dict[str, Any] = {
        "backend": backend,
        "size": args.size,
        "workers": args.workers,
        "connections": args.connections,
        "duration_s": args.duration,
        "cpus": os.cpu_count(),
        "loadavg_before": os.getloadavg()[0],
    }
    run_broadsheet(args.database_url, args, out)
    run_others(args.database_url, args, out)
    out.pop("_targets")
    out["ratios"] = ratios(out)
    out["loadavg_after"] = os.getloadavg()[0]
    print(json.dumps(out["ratios"], indent=1))
    print(f"  RSS per process (MB): {out['rss_mb']}")  # the parent, then the workers
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{backend}-{args.size}.json").write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
