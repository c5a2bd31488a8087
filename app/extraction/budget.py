"""A time limit for one extraction, checked inside the extraction loops.

A thread cannot be stopped from outside, so the loops stop themselves: ``check`` raises once
the deadline set by ``time_limit`` has passed, and the worker running the extraction is free
again. The deadline lives in a context variable, so concurrent extractions keep their own.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# (monotonic deadline, the limit in seconds it was set from)
_deadline: ContextVar[tuple[float, float] | None] = ContextVar("extraction_deadline", default=None)


class ExtractionTooSlow(Exception):
    """The extraction ran past its time limit (not a ``ValueError``: the input is valid)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"extraction took longer than {seconds:g} s")
        self.seconds = seconds


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Extractions inside the block stop after ``seconds``; ``None`` keeps any outer limit."""
    if seconds is None:
        yield
        return
    token = _deadline.set((time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise ``ExtractionTooSlow`` when the current extraction is past its deadline."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline[0]:
        raise ExtractionTooSlow(deadline[1])
