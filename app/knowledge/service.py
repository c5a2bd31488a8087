"""When to read the archive's snapshot again: per process for the API, per run for ingest.

A snapshot costs one read of every entity (1.5 s for 9,300 entities on SQLite), so no path
reads it per article; each bounds how stale it may be instead.
"""

import threading
import time
from collections.abc import Callable
from contextlib import suppress

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col

from app.articles.models import Article
from app.changes.models import Change
from app.extraction.knowledge import NOTHING_KNOWN, Knowledge
from app.knowledge.snapshot import load_snapshot

# An ingest run reads the snapshot again once the archive holds this many times the
# articles it held at the last read.
GROWTH = 2
# ...and never before this many articles are stored: an early read knows too little.
FIRST_READ_AFTER = 200


class Recent:
    """The snapshot one API process extracts with.

    Checked at most once every ``ttl`` seconds, and read again only when the change feed
    moved since (one indexed ``max(id)``): a burst of posted articles costs one read per
    ``ttl``, not one per article, and an archive that does not change is never read twice.
    While one request reads, the others go on with the snapshot they have."""

    def __init__(self, ttl: float, load: Callable[[Session], Knowledge] = load_snapshot) -> None:
        self.ttl = ttl
        self._load = load
        self._lock = threading.Lock()
        self._known: Knowledge | None = None
        self._feed: int | None = None
        self._checked = float("-inf")

    def get(self, session: Session) -> Knowledge:
        fresh = time.monotonic() - self._checked < self.ttl
        if self._known is not None and (fresh or not self._lock.acquire(blocking=False)):
            return self._known
        if self._known is None:
            self._lock.acquire()
        try:
            self._refresh(session)
            return self._known or NOTHING_KNOWN
        finally:
            self._lock.release()

    def _refresh(self, session: Session) -> None:
        try:
            feed = session.execute(select(func.max(col(Change.id)))).scalar()
            if self._known is None or feed != self._feed:
                self._known = self._load(session)
                self._feed = feed
            self._checked = time.monotonic()
        except SQLAlchemyError:
            # A database that cannot be read now (locked, restarting) fails the write
            # itself, with the reason; the read leaves nothing half-done to roll back.
            session.rollback()


class Growing:
    """The snapshot one ingest run extracts with: read at the start, then again each time
    the archive has grown ``GROWTH``-fold. A run into an empty archive reads it about
    log2(articles) times, in all about twice the work of reading it once at the end; the
    articles stored before a read are what ``reextract`` is for."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._known: Knowledge = NOTHING_KNOWN
        self._read_at: int | None = None

    def __call__(self) -> Knowledge:
        # The run goes on with what it knew; storing reports what the database says.
        with Session(self.engine) as session, suppress(SQLAlchemyError):
            self._refresh(session)
        return self._known

    def _refresh(self, session: Session) -> None:
        stored = session.execute(select(func.count(col(Article.id)))).scalar_one()
        due = max(GROWTH * (self._read_at or 0), FIRST_READ_AFTER)
        if self._read_at is None or stored >= due:
            self._known = load_snapshot(session) if stored else NOTHING_KNOWN
            self._read_at = stored
