"""What classification hands to linking: typed spans, plus the article they came from."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from app.extraction import gazetteer as gz
from app.extraction.name_tokens import Token
from app.extraction.people import is_given_name
from app.extraction.schemas import EntityType
from app.extraction.wordsets import FUNCTION_WORDS


@dataclass(slots=True)
class Found:
    kind: EntityType
    start: int
    end: int
    text: str
    code: str | None = None
    canonical: str | None = None
    description: str | None = None
    weak: bool = False
    demonym: bool = False
    initial: bool = False
    common: bool = False
    # Context that suits a company or body better than a person ("X headquarters").
    org_hint: bool = False
    # "Norway's Coastal Authority": a way the article names the body,
    # never its name.
    qualified: bool = False
    # Context of a work, band or event ("the film X", "X star Y") and of a person
    # ("Dr X", "X said"): linking weighs the two over every mention of a name.
    work_hint: bool = False
    person_hint: bool = False
    # The pass that decided the kind (``classify``), or the later step that changed it.
    decided_by: str = ""


# Every character a capitalised word's title case can start with.
_FIRSTS = frozenset(
    first for ch in map(chr, range(0x250)) if ch.isupper() and len(first := ch.title()) == 1
)
# Up to this length a body is scanned directly: a news article makes a few look-ups,
# and gathering its substrings per length cost more than the scans (4% of extraction).
_DIRECT_SCAN = 20_000
_FIRST = re.compile("[" + re.escape("".join(sorted(_FIRSTS))) + "]")


@dataclass(slots=True)
class Context:
    body: str
    lower_words: frozenset[str]
    # (start, end) of lines written wholly in capitals: wire headlines, datelines.
    shouted: tuple[tuple[int, int], ...] = ()
    # Words that follow another capitalised word in some run: surnames, name tails.
    later_words: frozenset[str] = frozenset()

    # Substrings of the body by length, each starting at a capital: see ``occurs``.
    _from_capitals: dict[int, frozenset[str]] = field(default_factory=dict)
    # Starts of the shouted lines (in order, never overlapping), and the body without
    # them: a scan of every line per look-up made a body of thousands of capitalised
    # words quadratic.
    _shouted_starts: list[int] = field(default_factory=list)
    _running: Context | None = None

    def __post_init__(self) -> None:
        self._shouted_starts = [start for start, _ in self.shouted]

    def in_shouted_line(self, pos: int) -> bool:
        line = bisect_right(self._shouted_starts, pos) - 1
        return line >= 0 and pos < self.shouted[line][1]

    def in_running_text(self, text: str) -> bool:
        """``text`` starts somewhere outside the shouted lines. A text without a line
        break lies within one line, so it is looked up in the other lines alone."""
        if "\n" in text or not text:
            pos = self.body.find(text)
            while pos != -1:
                if not self.in_shouted_line(pos):
                    return True
                pos = self.body.find(text, pos + max(len(text), 1))
            return False
        if self._running is None:
            lines, pos = [], 0
            for start, end in self.shouted:
                lines.append(self.body[pos:start])
                pos = end
            lines.append(self.body[pos:])
            self._running = Context("\n".join(lines), frozenset())
        return self._running.occurs(text)

    def occurs(self, text: str) -> bool:
        """``text in body``: in a long body a scan per look-up made thousands of capitalised
        words quadratic, so a text starting with a capital is looked up among the body's
        substrings of its length that start with one, gathered once per length."""
        if not text or text[0] not in _FIRSTS or len(self.body) <= _DIRECT_SCAN:
            return text in self.body
        found = self._from_capitals.get(len(text))
        if found is None:
            size, body = len(text), self.body
            found = frozenset(body[m.start() : m.start() + size] for m in _FIRST.finditer(body))
            self._from_capitals[size] = found
        return text in found


def make(tokens: list[Token], ctx: Context, kind: EntityType) -> Found:
    start, end = tokens[0].start, tokens[-1].end
    return Found(kind, start, end, ctx.body[start:end])


def weak(tokens: list[Token], ctx: Context) -> Found:
    found = make(tokens, ctx, "other")
    found.weak = True
    return found


def common_word(token: Token, ctx: Context) -> bool:
    """Capitalised here, but written in lower case elsewhere in the same article."""
    word = token.text
    if is_given_name(word) or gz.demonym(word) or "-" in word:
        return word in FUNCTION_WORDS
    return word in FUNCTION_WORDS or word.lower() in ctx.lower_words


def spaced(tokens: list[Token], ctx: Context) -> bool:
    return ctx.body[tokens[-2].end : tokens[-1].start] == " "
