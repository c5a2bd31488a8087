"""Writing safely under concurrency: write transactions with retries, row locks in one
order, conflict-free inserts, and the recount that proves stored counts right."""

from app.writes.transaction import write

__all__ = ["write"]
