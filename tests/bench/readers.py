"""Read latency of a running server, for comparing idle against a write in progress.

    uv run python -m tests.bench.readers --base http://127.0.0.1:8765 --seconds 30

One client, requests back to back over a few typical reads (lists, a profile, an article),
until ``--seconds`` pass or ``--until-file`` disappears; prints requests, errors, p50, p95
and max in milliseconds.
"""

import argparse
import statistics
import time
from pathlib import Path

import httpx


def _paths(api: httpx.Client) -> list[str]:
    entity = api.get("/entities", params={"limit": 1}).json()["items"][0]["slug"]
    article = api.get("/articles", params={"limit": 1}).json()["items"][0]["id"]
    return [
        "/entities?limit=20",
        f"/entities/{entity}",
        f"/entities/{entity}/articles?limit=10",
        f"/articles/{article}",
        "/articles?limit=20",
        "/quotes?limit=20",
    ]


def measure(base: str, seconds: float, until_file: Path | None) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    with httpx.Client(base_url=base, timeout=30) as api:
        paths = _paths(api)
        stop = time.monotonic() + seconds
        while time.monotonic() < stop and (until_file is None or until_file.exists()):
            for path in paths:
                began = time.perf_counter()
                status = api.get(path).status_code
                latencies.append((time.perf_counter() - began) * 1000)
                errors += status >= 500
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(latencies),
        "errors": errors,
        "p50_ms": round(cuts[49], 1),
        "p95_ms": round(cuts[94], 1),
        "max_ms": round(max(latencies), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--until-file", type=Path, default=None)
    args = parser.parse_args()
    print(measure(args.base, args.seconds, args.until_file))


if __name__ == "__main__":
    main()
