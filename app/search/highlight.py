"""Highlights for SQLite, worked out in Python on the start of the body.

FTS5's ``snippet()`` scores every hit of a row against every other, so a common word in a
100 KB article took over a second per row (8 such articles: 10 s for ``/search?q=the``).
Here a bounded window is read the way the index reads it (unicode61 words, case and
diacritics folded, Porter stems) up to the first hit, and a fragment around it is marked.
"""

import re
import threading
import unicodedata
from functools import lru_cache

import Stemmer

HIGHLIGHT_START, HIGHLIGHT_END, ELLIPSIS = "<mark>", "</mark>", "…"
FRAGMENT_TOKENS = 24
_BEFORE_HIT = 4  # words of context kept before the first hit
_TOKEN = re.compile(r"[^\W_]+")
_local = threading.local()  # a Stemmer object is not safe to share between threads


def _stemmer() -> Stemmer.Stemmer:
    if not hasattr(_local, "stemmer"):
        _local.stemmer = Stemmer.Stemmer("porter")
    return _local.stemmer


@lru_cache(maxsize=65_536)
def index_key(word: str) -> str:
    """A word as the FTS5 index stores it: folded case, no diacritics, Porter stem."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stem: str = _stemmer().stemWord(bare)
    return stem


def highlight(text: str, words: list[str], *, truncated: bool) -> str:
    """About ``FRAGMENT_TOKENS`` words of ``text`` around the first of ``words`` (by index
    key), each occurrence marked; the start of the text when none occurs in it."""
    wanted = {index_key(word) for word in words}
    begin = _fragment_start(text, wanted)
    fragment, more = _marked(text, begin, wanted)
    lead = ELLIPSIS if text[:begin].strip() else ""
    return lead + fragment + (ELLIPSIS if more or truncated else "")


def _fragment_start(text: str, wanted: set[str]) -> int:
    """Where the fragment starts: a few words before the first hit, or the text's start."""
    recent: list[int] = []  # starts of the last few words read
    for match in _TOKEN.finditer(text):
        recent.append(match.start())
        if index_key(match[0]) in wanted:
            return recent[max(0, len(recent) - 1 - _BEFORE_HIT)]
        if len(recent) > _BEFORE_HIT:
            recent.pop(0)
    return 0


def _marked(text: str, begin: int, wanted: set[str]) -> tuple[str, bool]:
    """The fragment from ``begin`` with hits marked, and whether text follows it."""
    out: list[str] = []
    at = begin
    for count, match in enumerate(_TOKEN.finditer(text, begin)):
        if count == FRAGMENT_TOKENS:
            return "".join(out).rstrip(), True
        out.append(text[at : match.start()])
        word = match[0]
        hit = index_key(word) in wanted
        out.append(f"{HIGHLIGHT_START}{word}{HIGHLIGHT_END}" if hit else word)
        at = match.end()
    out.append(text[at:])
    return "".join(out).rstrip(), False
