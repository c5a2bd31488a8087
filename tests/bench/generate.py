"""Synthetic news articles as ``Extraction`` objects with exact offsets.

No extraction runs: every name and quote is placed by the generator, so its offsets are
known. Filler comes from templates, or optionally from sentences of the BBC articles in
``../shared/data/bbc`` read at run time (nothing third-party is stored in the repository).
"""

import random
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.bench.pools import Named

START = datetime(2020, 1, 1, tzinfo=UTC)
SPAN_SECONDS = int(timedelta(days=5 * 365).total_seconds())
SECTIONS = ["world", "business", "politics", "technology", "science", "sport", "culture"]
OUTLETS = ["Daily Ledger", "The Courier", "Evening Post", "Wire Service", "The Monitor"]
SUBJECTS = "officials analysts investors ministers residents workers critics regulators".split()
VERBS = "warned said argued noted insisted suggested conceded predicted".split()
NOUNS = (
    "economy budget election inflation talks ceasefire agreement tariffs pipeline vaccine "
    "drought refugees sanctions strike merger reforms protests summit earnings reactor"
).split()
ADJS = "sharp fragile unexpected lengthy costly cautious historic modest disputed".split()
TIMES = "on Monday|on Tuesday|last week|this month|overnight|earlier this year".split("|")
FILLER_TEMPLATES = [
    "{Subj} {verb} that the {adj} {noun} could weigh on the {noun2} {time}.",
    "The {noun} has become a {adj} test for the government, {subj} {verb}.",
    "{Subj} expect further details about the {noun} {time}.",
    "Figures published {time} showed the {noun} was more {adj} than forecast.",
    "It is not the first time the {noun} has prompted a {adj} debate about the {noun2}.",
    "Several {subj} {verb} the {noun} would take years to resolve.",
]
ENTITY_TEMPLATES = [
    "{P} met representatives of {O} in {L} {time}.",
    "{P} travelled to {C} for talks on the {noun}.",
    "Relations between {C} and {C2} have been {adj} since the {noun}.",
    "{O} said it would review its operations in {C} after the {noun}.",
    "{P}, who has advised {O}, is expected to visit {L}.",
    "The {noun} in {L} drew criticism from {P}.",
]
TITLES = ["{P} warns {C} over {noun}", "{C} and {O} agree {noun} deal", "{noun} talks in {L}"]
SLOT = re.compile(r"\{(\w+)\}")


def _split(template: str) -> list[str]:
    """Literal text at even positions, slot names at odd ones."""
    return SLOT.split(template)


FILLER_PARTS = [_split(t) for t in FILLER_TEMPLATES]
ENTITY_PARTS = [_split(t) for t in ENTITY_TEMPLATES]


def filler_sentences(rng: random.Random, size: int, bbc: Path | None) -> list[str]:
    if bbc is not None:
        found = _bbc_sentences(bbc)
        if found:
            return found
    out = []
    for _ in range(size):
        words = _words(rng)
        parts = rng.choice(FILLER_PARTS)
        text = "".join(p if i % 2 == 0 else words[p] for i, p in enumerate(parts))
        out.append(text[0].upper() + text[1:])
    return out


def _bbc_sentences(root: Path) -> list[str]:
    # Quote marks are dropped so that only the generator's own quotes look like quotes.
    out: list[str] = []
    for path in sorted(root.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines()[1:]:
            for sentence in re.split(r"(?<=[.!?])\s+", line.replace('"', "")):
                if 6 <= len(sentence.split()) <= 40:
                    out.append(sentence.strip())
    return out


def _words(rng: random.Random) -> dict[str, str]:
    return {
        "Subj": rng.choice(SUBJECTS).capitalize(),
        "subj": rng.choice(SUBJECTS),
        "verb": rng.choice(VERBS),
        "noun": rng.choice(NOUNS),
        "noun2": rng.choice(NOUNS),
        "adj": rng.choice(ADJS),
        "time": rng.choice(TIMES),
    }


class ArticleBuilder:
    """Appends text while recording where each entity mention and quote lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.mentions: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.quotes: list[dict[str, Any]] = []

    def text(self, value: str) -> None:
        self.parts.append(value)
        self.length += len(value)

    def mention(self, kind: str, item: Named, surface: str) -> None:
        # Plain dicts: the whole article is validated once at the end, which is far
        # cheaper than a model per mention.
        found = self.mentions.setdefault((kind, item.name), [])
        found.append({"text": surface, "start": self.length, "end": self.length + len(surface)})
        self.text(surface)

    def quote(self, text: str, speaker: Named, surface: str, kind: str, cue: str) -> None:
        start = self.length
        self.text(text)
        self.quotes.append(
            {
                "text": text,
                "start": start,
                "end": start + len(text),
                "speaker": speaker.name,
                "speaker_text": surface,
                "kind": kind,
                "cue": cue,
            }
        )

    @property
    def body(self) -> str:
        return "".join(self.parts)
