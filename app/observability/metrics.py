"""Prometheus metrics of the API server, shared by all its worker processes.

The server counts only once ``enable()`` has run (``create_app`` calls it): the command-line
tools share the ingest and extraction code, and neither pay for the client library nor
write into a running server's metrics. With ``PROMETHEUS_MULTIPROC_DIR`` set (``broadsheet
serve`` sets it), every process writes its counts to files there and ``/metrics`` sums them.
"""

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
# Databases answer in well under a millisecond; the default buckets start at 5 ms.
DB_BUCKETS = (0.0002, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)
EXTRACTION_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
STATEMENTS = ("select", "insert", "update", "delete")

_enabled = False


@dataclass(frozen=True)
class Instruments:
    requests: Any
    latency: Any
    database: Any
    cache: Any
    ingests: Any
    extraction: Any


def _library() -> tuple[Any, Any]:
    """``Counter`` and ``Histogram``, imported on first use: ``prometheus_client`` takes
    0.44-0.56 s to import on this loaded machine (load 13-15), this whole package 6-65 ms,
    and a worker must boot fast. Multiprocess mode is chosen at import, and its directory
    must exist by then (uvicorn run by hand with the variable set)."""
    if directory := os.environ.get(MULTIPROC_ENV):
        Path(directory).mkdir(parents=True, exist_ok=True)
    from prometheus_client import Counter, Histogram, disable_created_metrics

    # A _created series beside every counter doubles the output to no use on a dashboard
    # (multiprocess mode never writes them).
    disable_created_metrics()
    return Counter, Histogram


@cache
def instruments() -> Instruments:
    Counter, Histogram = _library()
    route = ("method", "route", "status")
    found = Instruments(
        requests=Counter("broadsheet_http_requests", "HTTP requests answered", route),
        latency=Histogram(
            "broadsheet_http_request_duration_seconds", "Time to answer a request", route
        ),
        database=Histogram(
            "broadsheet_db_statement_duration_seconds",
            "Time the database took per statement",
            ("statement",),
            buckets=DB_BUCKETS,
        ),
        cache=Counter(
            "broadsheet_response_cache_lookups",
            "Response cache lookups: hit, miss, or bypass while changes cannot be watched",
            ("result",),
        ),
        ingests=Counter(
            "broadsheet_articles_ingested",
            "Articles sent to POST /articles: created, existing (already stored) or failed",
            ("outcome",),
        ),
        extraction=Histogram(
            "broadsheet_extraction_duration_seconds",
            "Time one article's extraction took",
            buckets=EXTRACTION_BUCKETS,
        ),
    )
    # Every outcome listed from the start, at zero: a rate over a series that appears only
    # with its first event misses that event.
    for result in ("hit", "miss", "bypass"):
        found.cache.labels(result)
    for outcome in ("created", "existing", "failed"):
        found.ingests.labels(outcome)
    return found


def enable() -> None:
    """Start counting in this process (idempotent)."""
    global _enabled
    if _enabled:
        return
    _enabled = True
    # Every engine of the process: the server's, and any a test or a tool hands it.
    event.listen(Engine, "before_cursor_execute", _statement_started)
    event.listen(Engine, "after_cursor_execute", _statement_done)


def enabled() -> bool:
    return _enabled


def _statement_started(
    _conn: Any, _cursor: Any, _sql: str, _params: Any, context: Any, _many: bool
) -> None:
    if context is not None:
        context._broadsheet_started = time.perf_counter()


def _statement_done(
    _conn: Any, _cursor: Any, sql: str, _params: Any, context: Any, _many: bool
) -> None:
    started = getattr(context, "_broadsheet_started", None)
    if started is None:
        return
    kind = sql.lstrip()[:6].lower()
    _statement_series(kind if kind in STATEMENTS else "other").observe(
        time.perf_counter() - started
    )


# The labelled series, looked up once: ``labels()`` formats its values and takes a lock on
# every call, and an article made seven (one per statement, two per request): 2% of its
# instructions (3.41M to 3.34M). A few kinds of statement, and routes × methods × statuses.
@cache
def _statement_series(kind: str) -> Any:
    return instruments().database.labels(kind)


@cache
def _request_series(method: str, route: str, status: int) -> tuple[Any, Any]:
    found = instruments()
    return found.requests.labels(method, route, status), found.latency.labels(method, route, status)


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    if _enabled:
        requests, latency = _request_series(method, route, status)
        requests.inc()
        latency.observe(seconds)


def count_cache(result: str) -> None:
    """``hit``, ``miss`` or ``bypass``."""
    if _enabled:
        instruments().cache.labels(result).inc()


def count_ingest(outcome: str) -> None:
    """``created``, ``existing`` or ``failed``."""
    if _enabled:
        instruments().ingests.labels(outcome).inc()


@contextmanager
def timed_extraction() -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        if _enabled:
            instruments().extraction.observe(time.perf_counter() - started)


def render() -> tuple[bytes, str]:
    """The exposition text and its content type: this process's metrics, or every
    process's when they share a multiprocess directory."""
    from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest
    from prometheus_client.multiprocess import MultiProcessCollector
    from prometheus_client.registry import CollectorRegistry

    instruments()  # every metric is listed, at zero, before its first event
    if not os.environ.get(MULTIPROC_ENV):
        return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
    registry = CollectorRegistry()
    MultiProcessCollector(registry)
    return generate_latest(registry), CONTENT_TYPE_LATEST


@contextmanager
def multiprocess_dir(workers: int) -> Iterator[Path | None]:
    """A directory for the worker processes' metric files, set in the environment they
    inherit. An operator's own ``PROMETHEUS_MULTIPROC_DIR`` is used, emptied of a previous
    run's files (their counts would be added to this run's); otherwise a new one is made
    and removed on exit. One worker needs none: it counts in memory."""
    given = os.environ.get(MULTIPROC_ENV)
    if given:
        path = Path(given)
        path.mkdir(parents=True, exist_ok=True)
        for stale in path.glob("*.db"):
            stale.unlink()
        yield path
        return
    if workers <= 1:
        # Nor could it remove one: a lone uvicorn server ends by re-raising SIGTERM, and the
        # process dies there without running this function's cleanup.
        yield None
        return
    path = Path(tempfile.mkdtemp(prefix="broadsheet-metrics-"))
    os.environ[MULTIPROC_ENV] = str(path)
    try:
        yield path
    finally:
        os.environ.pop(MULTIPROC_ENV, None)
        shutil.rmtree(path, ignore_errors=True)
