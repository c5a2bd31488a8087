"""A response cache for read endpoints that is never stale once the database has changed.

Each worker keeps finished GET responses in memory, bounded in bytes, and before every
lookup asks the database whether anything was committed since they were made: SQLite
answers ``PRAGMA data_version`` from shared memory in microseconds; PostgreSQL announces
commits to ``LISTEN`` ers through a trigger (migration 0003). When the answer changes the
whole cache is dropped, so a write by any process (another worker, ``broadsheet ingest``)
is seen by the next request. When a worker cannot tell (the listener is reconnecting), it
serves without the cache.
"""

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import psycopg
from sqlalchemy.engine import make_url
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import Settings
from app.http import etag_matches, is_stream, send_not_modified
from app.observability import metrics

CHANNEL = "broadsheet_changed"
UNCACHED_PATHS = frozenset({"/health", "/ready", "/metrics"})
# One entry may take at most this share of the budget, so a few huge pages cannot evict
# everything else.
MAX_ENTRY_SHARE = 8


class ChangeWatcher(Protocol):
    def version(self) -> Hashable | None:
        """Changes whenever the database may have changed; None when that cannot be known."""

    def bump(self) -> None:
        """Note a change made by this process."""

    def close(self) -> None: ...


class SQLiteWatcher:
    def __init__(self, path: str) -> None:
        # A connection of its own: data_version only moves for commits made by *other*
        # connections, and every write goes through the engine's pool. mode=rw: asking
        # must never create a database file.
        uri = Path(path).resolve().as_uri() + "?mode=rw"
        self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._local = 0

    def version(self) -> Hashable | None:
        try:
            (data_version,) = self._connection.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return None
        return (data_version, self._local)

    def bump(self) -> None:
        self._local += 1

    def close(self) -> None:
        self._connection.close()


class PostgresWatcher:
    """Counts NOTIFYs on ``CHANNEL`` from a background thread that keeps one connection."""

    RETRY_SECONDS = 1.0

    def __init__(self, dsn: str) -> None:
        self._dsn = dsn
        self._generation = 0
        self._listening = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="cache-listener", daemon=True)
        self._thread.start()

    @property
    def listening(self) -> bool:
        return self._listening.is_set()

    def wait_listening(self, timeout: float) -> bool:
        return self._listening.wait(timeout)

    def version(self) -> Hashable | None:
        return self._generation if self._listening.is_set() else None

    def bump(self) -> None:
        self._generation += 1

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._dsn, autocommit=True) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    # Whatever happened while not listening is unknown: start afresh.
                    self.bump()
                    self._listening.set()
                    while not self._stop.is_set():
                        for _ in connection.notifies(timeout=self.RETRY_SECONDS):
                            self.bump()
            except psycopg.Error:
                pass
            finally:
                self._listening.clear()
                self.bump()
            self._stop.wait(self.RETRY_SECONDS)


def make_watcher(database_url: str) -> ChangeWatcher | None:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return None
        try:
            return SQLiteWatcher(url.database)
        except sqlite3.Error:  # no database file yet: serve uncached rather than guess
            return None
    return PostgresWatcher(url.set(drivername="postgresql").render_as_string(hide_password=False))


@dataclass(frozen=True, slots=True)
class Entry:
    start: dict[str, Any]
    body: bytes
    etag: str | None


def _size(entry: Entry) -> int:
    # Headers are a handful of short byte pairs; a flat allowance keeps the sum cheap.
    return len(entry.body) + 64 * len(entry.start["headers"])


class ResponseStore:
    """Least-recently-used responses within a byte budget, all made at one database version."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.watcher: ChangeWatcher | None = None
        self._entries: OrderedDict[Hashable, Entry] = OrderedDict()
        self._bytes = 0
        self._version: Hashable | None = None

    @property
    def enabled(self) -> bool:
        return self.max_bytes > 0

    def open(self, settings: Settings) -> None:
        if self.enabled:
            self.watcher = make_watcher(settings.database_url)

    def close(self) -> None:
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None
        self.clear()

    def clear(self) -> None:
        self._entries.clear()
        self._bytes = 0

    def current_version(self) -> Hashable | None:
        """The database version now, dropping every entry made at another one."""
        version = self.watcher.version() if self.watcher is not None else None
        if version != self._version:
            self.clear()
            self._version = version
        return version

    def get(self, key: Hashable) -> Entry | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, key: Hashable, version: Hashable, entry: Entry) -> None:
        size = _size(entry)
        if version != self._version or size > self.max_bytes // MAX_ENTRY_SHARE:
            return
        if (old := self._entries.pop(key, None)) is not None:
            self._bytes -= _size(old)
        self._entries[key] = entry
        self._bytes += size
        while self._bytes > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self._bytes -= _size(evicted)

    def written(self) -> None:
        if self.watcher is not None:
            self.watcher.bump()


class ResponseCacheMiddleware:
    """Serves repeated GETs from a ``ResponseStore``; any other method counts as a write.

    It sits outside gzip and ETag, so it keeps the encoded bytes (keyed by whether the client
    takes gzip) and answers ``If-None-Match`` itself; CORS and the request id stay outside."""

    def __init__(self, app: ASGIApp, store: ResponseStore) -> None:
        self.app = app
        self.store = store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.store.enabled:
            await self.app(scope, receive, send)
            return
        if scope["method"] != "GET":
            try:
                await self.app(scope, receive, send)
            finally:
                if scope["method"] not in ("HEAD", "OPTIONS"):
                    self.store.written()
            return
        if scope["path"] in UNCACHED_PATHS:
            await self.app(scope, receive, send)
            return
        version = self.store.current_version()
        if version is None:
            metrics.count_cache("bypass")
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        # Links in a response are absolute, so scheme and host are part of what it says.
        key = (
            scope["scheme"],
            headers.get("host", ""),
            scope["path"],
            scope["query_string"],
            "gzip" in headers.get("accept-encoding", ""),
        )
        entry = self.store.get(key)
        metrics.count_cache("miss" if entry is None else "hit")
        if entry is not None:
            await _replay(entry, headers.get("if-none-match"), send)
            return
        await self.app(scope, receive, self._recorder(key, version, send))

    def _recorder(self, key: Hashable, version: Hashable, send: Send) -> Send:
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                # Snapshot the headers before middleware outside adds its own to the list.
                start.update(message, headers=list(message.get("headers", [])))
            # A stream (no Content-Length) is an export: far too large to keep.
            elif message["type"] == "http.response.body" and not is_stream(start):
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False) and _cacheable(start):
                    etag = MutableHeaders(raw=start["headers"]).get("etag")
                    self.store.put(key, version, Entry(start, b"".join(chunks), etag))
            await send(message)

        return record


def _cacheable(start: dict[str, Any]) -> bool:
    return start.get("status") == 200 and not any(
        name.lower() == b"set-cookie" for name, _ in start.get("headers", [])
    )


async def _replay(entry: Entry, if_none_match: str | None, send: Send) -> None:
    if entry.etag and if_none_match and etag_matches(if_none_match, entry.etag):
        headers = MutableHeaders(raw=list(entry.start["headers"]))
        await send_not_modified(entry.start, headers, send)
        return
    # A copy of the header list: middleware outside appends to it (CORS, X-Request-ID).
    await send({**entry.start, "headers": list(entry.start["headers"])})
    await send({"type": "http.response.body", "body": entry.body})
