"""The ordered-sieve machinery the passes over a capitalised run share.

Each pass does one job: it decides (returns what the run names) or leaves the run to the
next pass, perhaps trimmed. The first pass that decides names itself in every ``Found``'s
``decided_by``, so a wrong type traces to one step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.extraction.candidates import Run
from app.extraction.found import Context, Found
from app.extraction.name_tokens import Token


@dataclass(slots=True)
class Reading:
    """One run on its way through the passes: the words left to read, what the passes
    read so far (leading places, a title's body), and the run as trimmed."""

    run: Run
    tokens: list[Token]
    found: list[Found] = field(default_factory=list)


Decision = list[Found] | None
Pass = Callable[[Reading, Context], Decision]


def sieve(passes: tuple[tuple[str, Pass], ...], reading: Reading, ctx: Context) -> list[Found]:
    for name, step in passes:
        decided = step(reading, ctx)
        if decided is not None:
            for item in decided:
                item.decided_by = item.decided_by or name
            return reading.found + decided
    return reading.found
