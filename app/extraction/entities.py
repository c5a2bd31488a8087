"""Named entities of one article: people, organizations, countries and places.

``find_entities`` takes the cleaned body and returns one ``ExtractedEntity`` per
real-world thing, with every mention's offsets into that body. Pure text in, data out:
no database, no network; the gazetteers load once per process.
"""

from __future__ import annotations

import re

from app.extraction.candidates import find_runs
from app.extraction.classify import classify, join_possessive_names
from app.extraction.found import Context, Found
from app.extraction.linking import link
from app.extraction.schemas import ExtractedEntity

_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")

__all__ = ["find_entities"]


def find_entities(body: str) -> list[ExtractedEntity]:
    ctx = Context(body, frozenset(_LOWER_WORD.findall(body)))
    found: list[Found] = []
    for run in join_possessive_names(find_runs(body), ctx):
        found.extend(classify(run, ctx))
    return link(found)
