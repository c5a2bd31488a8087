"""Time a listing's first page and its pages further in, following ``next_cursor`` to the end.

    uv run python -m tests.bench.pages --database-url URL '/articles?q=said&sort=newest'

Prints, per path: the first page (median of repeats), the page at each power-of-two depth
and the last page (median of repeats, cursor reused), the items reached, and ``total``.
Runs in-process with the response cache off, so every request reaches the database.
"""

import argparse
import statistics
import time
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app

REPEATS = 5


def _timed(client: TestClient, path: str, params: dict[str, Any]) -> tuple[float, Any]:
    url = urlsplit(path)
    # Passing params replaces the URL's query string: join them.
    query = [*parse_qsl(url.query), *params.items()]
    started = time.perf_counter()
    body = client.get(url.path, params=query).raise_for_status().json()
    return (time.perf_counter() - started) * 1000, body


def _median(client: TestClient, path: str, params: dict[str, Any]) -> float:
    return statistics.median(_timed(client, path, params)[0] for _ in range(REPEATS))


def measure(client: TestClient, path: str, limit: int, max_pages: int) -> None:
    params: dict[str, Any] = {"limit": limit}
    first = _median(client, path, params)
    _, body = _timed(client, path, params)
    print(f"=== {path}  limit={limit}")
    print(f"  page 1: {first:.1f} ms   total={body.get('total')!r}", end="")
    print(f"   total_is_estimate={body.get('total_is_estimate')!r}")
    items, page, walked = len(body["items"]), 1, 0.0
    cursor = body["next_cursor"]
    while cursor and page != max_pages:
        params = {"limit": limit, "cursor": cursor}
        elapsed, body = _timed(client, path, params)
        walked += elapsed
        page += 1
        items += len(body["items"])
        last = not body["next_cursor"] or page == max_pages
        if page & (page - 1) == 0 or last:
            label = "last page" if not body["next_cursor"] else f"page {page}"
            print(f"  {label} ({page}): {_median(client, path, params):.1f} ms")
        cursor = body["next_cursor"]
    print(f"  reached {items} items in {page} pages, {walked:.0f} ms for pages 2..{page}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--max-pages", type=int, default=0, help="stop there (0: the end)")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    app = create_app(Settings(database_url=args.database_url, response_cache_mb=0))
    with TestClient(app) as client:
        for path in args.paths:
            measure(client, path, args.limit, args.max_pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
