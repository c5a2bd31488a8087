"""Sentence bounds inside a paragraph, for the attribution steps that read one sentence."""

import re

_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Rep|Reps|Sen|Sens|Del|Amb|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|St|Jr|Sr|"
    r"Inc|Corp|Co|Ltd|No|vs|Rev|Hon|Atty|Mt|Ft|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|"
    r"U\.S|U\.K|U\.N|D\.C|e\.g|i\.e|a\.m|p\.m)|\b[A-Z])\.$"
)
_BOUNDARY = re.compile(r"[.!?…][\"'”’)]*\s+(?=[\"“‘'(]?[A-Z0-9])|\n")


def first_sentence_end(body: str, start: int, end: int) -> int:
    for match in _BOUNDARY.finditer(body, start, end):
        if not _ABBREVIATION.search(body, max(start, match.start() - 6), match.start() + 1):
            return match.start() + 1
    return end


def last_sentence_start(body: str, start: int, end: int) -> int:
    found = start
    for match in _BOUNDARY.finditer(body, start, end):
        if not _ABBREVIATION.search(body, max(start, match.start() - 6), match.start() + 1):
            found = match.end()
    return found
