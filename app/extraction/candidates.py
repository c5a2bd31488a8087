"""Candidate name spans: runs of the capitalised name words of ``name_tokens``.

A run is a stretch of capitalised tokens joined by single spaces or by the small
words that live inside names ("Ministry of Health", "Ana de Souza"). Runs stop
at punctuation, line breaks and possessives, whose "'s" never belongs to a mention.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass, field

from app.extraction.cues import CUE_WORD
from app.extraction.name_tokens import Token, find_tokens
from app.extraction.organizations import legal_form
from app.extraction.people import HONORIFICS, is_given_name
from app.extraction.wordsets import FUNCTION_WORDS

_CONNECTORS = frozenset(
    f" {w} "
    for w in [
        "of",
        "of the",
        "for",
        "for the",
        "on",
        "de",
        "du",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "bin",
        "ibn",
        "wa",
        "y",
        "&",
    ]
)
TIME_WORDS = frozenset(
    [*calendar.day_name, *calendar.month_name[1:], *calendar.day_abbr, *calendar.month_abbr[1:]]
)
_DATE_TAIL = re.compile(r"\.|,? ?\d")
_NEWLINE = re.compile(r"\n")
_OPENERS = "\"'“‘(["
_ENDERS = ".!?:;\n"


@dataclass(slots=True)
class Run:
    tokens: list[Token]
    sentence_start: bool = False
    heading: bool = False
    extras: list[Token] = field(default_factory=list)
    # 'Joaquín "El Chapo" Guzmán': a quoted nickname inside the name (see ``joins``).
    nickname: bool = False

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def possessive(self) -> bool:
        return self.tokens[-1].possessive


def _sentence_start(body: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and (body[i] == " " or body[i] in _OPENERS):
        i -= 1
    return i < 0 or body[i] in _ENDERS


_MAX_TITLE_WORDS = 25


def _title_case(words: list[str]) -> bool:
    """'Mayor Was Told To Wait But Refused': a headline in title case."""
    if not 4 <= len(words) <= _MAX_TITLE_WORDS:
        return False
    return sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _heading_starts(body: str) -> set[int]:
    """Where the short lines without closing punctuation begin: headlines, captions."""
    starts: set[int] = set()
    pos = 0
    for line in body.split("\n"):
        stripped = line.rstrip()
        # Past a title case line's most words the count no longer matters: a paragraph
        # is not split whole.
        words = stripped.split(maxsplit=_MAX_TITLE_WORDS)
        short = len(words) <= 14 and stripped[-1:] not in '.!?"”:,;'
        if stripped and (short or _title_case(words)):
            starts.add(pos)
        pos += len(line) + 1
    return starts


def find_runs(body: str, words: frozenset[str] | None = None) -> list[Run]:
    """The runs of ``body``; ``words`` are its ``body_words`` when already read."""
    tokens = find_tokens(body, words)
    headings = _heading_starts(body)
    lines = _line_starts(body)
    runs: list[Run] = []
    current: list[Token] = []
    for token in tokens:
        if token.text in TIME_WORDS and _dated(token, body):
            # A month or a day is no name, except as a surname: "Theresa May".
            after_given = current and body[current[-1].end : token.start] == " "
            given = after_given and current[-1].text not in FUNCTION_WORDS
            if not (given and is_given_name(current[-1].text)):
                if current:
                    runs.append(_make_run(body, current, headings, lines))
                current = []
                continue
        if current:
            prev = current[-1]
            gap = body[prev.end : token.start]
            # A function word inside a run is a new sentence after an abbreviation
            # ("at the U.N. The team") or a caption label.
            joined = gap == " " or gap in _CONNECTORS
            # "pro-Lima National Party": a prefixed name is a modifier on its own.
            if body[prev.start - 1 : prev.start] == "-":
                joined = False
            if joined and not prev.possessive and token.text not in FUNCTION_WORDS:
                current.append(token)
                continue
            runs.append(_make_run(body, current, headings, lines))
        current = [token]
    if current:
        runs.append(_make_run(body, current, headings, lines))
    return [r for r in runs if r.tokens]


def _dated(token: Token, body: str) -> bool:
    """A day or month written in full is a date word; its short form ("Sun", "Mar") only
    before a full stop or a number ("Sun 5 May", "Mar. 3"): "the Sun" is a newspaper."""
    if len(token.text) > 3 or token.text == "May":
        return True
    return _DATE_TAIL.match(body, token.end) is not None


def _line_starts(body: str) -> list[int]:
    return [0, *(m.end() for m in _NEWLINE.finditer(body))]


def _make_run(body: str, tokens: list[Token], headings: set[int], lines: list[int]) -> Run:
    start = tokens[0].start
    run = Run(list(tokens), _sentence_start(body, start))
    # The start of the run's line, by bisection: a backward search per run was quadratic
    # on a body with few line breaks.
    run.heading = lines[bisect.bisect_right(lines, start) - 1] in headings
    while run.tokens and run.tokens[0].text in FUNCTION_WORDS and not _ordinal_firm(run.tokens):
        run.tokens.pop(0)
        run.sentence_start = True
    if run.sentence_start and _inverted_cue(run.tokens):
        run.tokens.pop(0)  # 'Said Mr Ruiz': the verb of an inverted cue, then the speaker
    return run


_ORDINALS = frozenset({"First", "Second", "Third"})


def _ordinal_firm(tokens: list[Token]) -> bool:
    """'First Dunmore Corp', 'Second Velby Holdings Inc': an ordinal opens a company's name
    when the run ends with a company's legal form; without one ("Third Estate") the
    ordinal stays a word of the sentence."""
    if len(tokens) < 2 or tokens[0].text not in _ORDINALS:
        return False
    return legal_form(tokens[-1].text)


def _inverted_cue(tokens: list[Token]) -> bool:
    """A reporting verb that opens a sentence before a name: before an honorific always,
    else only a verb that is no one's given name ("Said" is one)."""
    if len(tokens) < 2 or not CUE_WORD.fullmatch(tokens[0].text.lower()):
        return False
    return tokens[1].text in HONORIFICS or not is_given_name(tokens[0].text)


def split_run(run: Run, body: str) -> list[Run]:
    """Break a run at its connector words ('Peru of Chile' style accidents)."""
    pieces: list[Run] = []
    current: list[Token] = []
    for token in run.tokens:
        if current and body[current[-1].end : token.start] != " ":
            pieces.append(Run(current, run.sentence_start and not pieces, run.heading))
            current = []
        current.append(token)
    if current:
        pieces.append(Run(current, run.sentence_start and not pieces, run.heading))
    return pieces
