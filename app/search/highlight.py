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
_SPLIT = re.compile(r"([^\W_]+)")  # as _TOKEN; split keeps the words between the rest
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
    stems = _stems(frozenset(wanted))
    if stems is None:
        return _scanned_start(text, wanted)
    # Hits are mostly near the start: read growing prefixes, not the whole text at once.
    reach = _FIRST_READ
    while True:
        window = text[:reach]
        if _other_letter(window):
            return _scanned_start(text, wanted)
        first = _first_hit(_folded(window), text, stems, wanted)
        if first is not None:
            return _words_before(text, first)
        if reach >= len(text):
            return 0
        reach *= 4


_FIRST_READ = 1024


def _first_hit(folded: bytes, text: str, stems: list[bytes], wanted: set[str]) -> int | None:
    """Where the first word of ``text`` with a ``wanted`` key starts, among those whose
    stem lies in ``folded`` (a prefix of ``text``, ``_folded``); None if none does."""
    first = len(folded)
    for stem in stems:
        at = folded.find(stem, 0, first)
        while at >= 0:
            if not (at and text[at - 1].isalnum()) and _is_hit(text, at, wanted):
                first = at
                break
            at = folded.find(stem, at + 1, first)
    return None if first == len(folded) else first


def _other_letter(window: str) -> bool:
    """Whether ``window`` holds a letter or digit beyond ASCII. Its characters beyond ASCII
    are picked out as UTF-8 bytes first: the pattern read every character of the window
    (47k instructions for 1,024), the few picked out cost a fifth of that."""
    if window.isascii():
        return False
    beyond = window.encode("utf-8", "surrogatepass").translate(None, _ASCII)
    return _OTHER_LETTER.search(beyond.decode("utf-8", "surrogatepass")) is not None


def _folded(window: str) -> bytes:
    """``window`` with ASCII letters lower-cased, one byte per character (any beyond
    Latin-1 a ``?``), so offsets are the text's; ``str.lower`` cost three times as much on
    text holding typographic quotes. Only for a window with no ``_other_letter``: that
    leaves no letter beyond ASCII, whose case could matter."""
    return window.encode("latin-1", "replace").lower()


# Porter stemming rewrites only the end of what it keeps (``biliti`` -> ``ble``, ``y`` ->
# ``i``): of 264,494 English words (web2, GCIDE) none has a key that differs from the
# word's own start before its last letter. So a word of ASCII letters whose index key is K
# starts with K less its last two letters (a margin of one), and only words that do need
# their key. Reading every word up to the first hit cost ~35 µs an article, most of the
# time a page's highlights take.
_STEM_CHANGE = 2
_OTHER_LETTER = re.compile(r"[^\W_\x00-\x7f]")  # folding may change such a word's length
_ASCII = bytes(range(128))


@lru_cache(maxsize=1024)
def _stems(wanted: frozenset[str]) -> list[bytes] | None:
    """What a word with one of the ``wanted`` index keys starts with, lower-cased (as
    ``_folded`` bytes); None when a key is too short to narrow the words."""
    stems = sorted({key[:-_STEM_CHANGE] for key in wanted})
    if "" in stems:
        return None
    # A stem beyond ASCII is no prefix of any word of a window without ``_other_letter``.
    return [stem.encode("ascii") for stem in stems if stem.isascii()]


def _is_hit(text: str, at: int, wanted: set[str]) -> bool:
    word = _TOKEN.match(text, at)
    return word is not None and index_key(word[0]) in wanted


def _words_before(text: str, hit: int) -> int:
    """The start of the word ``_BEFORE_HIT`` words before the one at ``hit`` (or of the
    first word), as ``_scanned_start`` finds it."""
    reach = max(0, hit - 24 * (_BEFORE_HIT + 1))
    # The words before the hit, read backwards in one match: a match object per word read
    # forwards cost 60k instructions a highlight.
    backwards = _LAST_WORDS.match(text[reach:hit][::-1])
    if backwards is not None and (backwards[2] is not None or not reach):
        return hit - backwards.end(1)
    starts = [match.start() for match in _TOKEN.finditer(text, reach, hit)]
    if reach and len(starts) <= _BEFORE_HIT:  # the first may be the tail of a longer word
        starts = [match.start() for match in _TOKEN.finditer(text, 0, hit)]
    return starts[-_BEFORE_HIT] if len(starts) >= _BEFORE_HIT else (starts or [hit])[0]


# ``_BEFORE_HIT`` whole words (group 1, possessive: no word split in two), then the first
# letter of one more if there is one (group 2): a word cut by the start of what is read
# counts whole only when another lies before it.
_LAST_WORDS = re.compile(rf"((?:[\W_]*+[^\W_]++){{{_BEFORE_HIT}}})(?:[\W_]*+([^\W_]))?")


def _scanned_start(text: str, wanted: set[str]) -> int:
    """``_fragment_start`` reading every word up to the first hit."""
    recent: list[int] = []  # starts of the last few words read
    for match in _TOKEN.finditer(text):
        recent.append(match.start())
        if index_key(match[0]) in wanted:
            return recent[max(0, len(recent) - 1 - _BEFORE_HIT)]
        if len(recent) > _BEFORE_HIT:
            recent.pop(0)
    return 0


def _marked(text: str, begin: int, wanted: set[str]) -> tuple[str, bool]:
    """The fragment from ``begin`` with hits marked, and whether text follows it: split
    once into the text between words and the words, the words that are hits then wrapped
    in marks."""
    pieces = _ascii_pieces(text, begin) or _SPLIT.split(text[begin:], FRAGMENT_TOKENS)
    more = len(pieces) > 2 * FRAGMENT_TOKENS and _TOKEN.search(pieces[-1]) is not None
    if more:  # the rest after the last word shown
        pieces[-1] = ""
    for at in range(1, len(pieces), 2):
        if index_key(pieces[at]) in wanted:
            pieces[at] = HIGHLIGHT_START + pieces[at] + HIGHLIGHT_END
    return "".join(pieces).rstrip(), more


# Split as ASCII words (a bitmap test per character, not a lookup among Unicode's letters
# and digits) where that gives the same pieces; the slice read is bounded too, not the
# rest of the body: 116k -> 108k instructions a fragment.
_ASCII_SPLIT = re.compile(r"([A-Za-z0-9]+)")
_FRAGMENT_READ = 1024  # characters split as ASCII words; more only when the words are long


def _ascii_pieces(text: str, begin: int) -> list[str] | None:
    """``_SPLIT``'s pieces of the fragment from ``begin``, split as ASCII words: the same
    pieces where what the split covers (its words and the character after the last, or
    the rest of the text) holds no ``_other_letter``; None where it may not be."""
    read = text[begin : begin + _FRAGMENT_READ]
    pieces = _ASCII_SPLIT.split(read, FRAGMENT_TOKENS)
    rest = pieces[-1]
    if len(pieces) > 2 * FRAGMENT_TOKENS and _TOKEN.search(rest) is not None:
        covered = len(read) - len(rest) + 1
    elif begin + _FRAGMENT_READ >= len(text):
        covered = len(read)
    else:
        return None
    return None if _other_letter(read[:covered]) else pieces
