"""Named entities of one article: people, organizations, countries and places.

``find_entities`` takes the cleaned body and returns one ``ExtractedEntity`` per
real-world thing, with every mention's offsets into that body. Pure text in, data out:
no database, no network; the gazetteers load once per process.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.extraction.candidates import Run, find_runs
from app.extraction.classify import classify, join_possessive_names
from app.extraction.found import Context, Found
from app.extraction.gazetteer import lookup
from app.extraction.linking import link
from app.extraction.schemas import ExtractedEntity
from app.extraction.teams import teams

_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")
_CAPITALS = re.compile(r"[A-Z]{3}")

__all__ = ["find_entities"]


def find_entities(body: str) -> list[ExtractedEntity]:
    runs = find_runs(body)
    later = frozenset(t.text for r in runs for t in r.tokens[1:])
    ctx = Context(body, frozenset(_LOWER_WORD.findall(body)), _shouted_lines(body), later)
    found: list[Found] = []
    prev: Run | None = None
    for run in join_possessive_names(runs, ctx):
        items = classify(run, ctx)
        if prev is not None and _possessor(prev, run, ctx):
            items += [_qualify(f, prev.start, ctx) for f in items if _qualifiable(f, run)]
        found.extend(items)
        prev = run
    teams(found, ctx)
    return link(found)


def _shouted_lines(body: str) -> tuple[tuple[int, int], ...]:
    """Lines with capitals and no lower-case letter: "SOCCER - LEEDS WIN", "PARIS 1996-08-30"."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in body.split("\n"):
        if line.upper() == line and _CAPITALS.search(line):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return tuple(spans)


def _possessor(prev: Run, run: Run, ctx: Context) -> bool:
    """'Norway's ...': a place owning the name that follows."""
    between = ctx.body[prev.end : run.start]
    return (
        prev.possessive
        and between in ("'s ", "\u2019s ")
        and lookup(ctx.body[prev.start : prev.end]) is not None
    )


def _qualifiable(item: Found, run: Run) -> bool:
    return item.kind in ("organization", "place") and item.start == run.start and not item.weak


def _qualify(item: Found, start: int, ctx: Context) -> Found:
    return replace(item, start=start, text=ctx.body[start : item.end], qualified=True)
