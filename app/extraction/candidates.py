"""Candidate name spans: runs of capitalised words, found in one regex pass.

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
from app.extraction.people import HONORIFICS, is_given_name
from app.extraction.wordsets import FUNCTION_WORDS, words

_UPPER = "".join(ch for ch in map(chr, range(0x250)) if ch.isupper())
_CAPITAL = f"[{_UPPER}]"
# Lower-case particles that open a surname: "van Persie", "de Kirchner", "bin Zayed".
# Taken into the token, a surname written without its given name stays whole.
_PARTICLES = (
    "van der|van den|von der|de la|de los|de las|van|von|de|del|della|da|das|dos|di|du|"
    "bin|bint|ibn|al|el|wa"
)
# Prefixes joined to a name by a hyphen or an apostrophe: "al-Tamar", "d'Aubry".
_JOINED = "al|el|bin|ibn|de|d"
# The rest of a name's word, and a channel's number, part of its name: "Channel 4",
# "Radio 1", "TV 2".
_NAME_REST = (
    r"[\w&]*(?:[-'’]\w+)*"
    r"(?:(?:(?<=Channel)|(?<=Radio)|(?<=TV)) \d{1,2}(?![\d%-]|[.,:]\d))?"
)


def _first_read(alternatives: str) -> str:
    """The alternatives (in order) once their first letter is read: one look back at that
    letter per group of them that shares it."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives.split("|"):
        groups.setdefault(alternative[0], []).append(re.escape(alternative[1:]))
    return "|".join(f"(?<={first})(?:{'|'.join(rest)})" for first, rest in groups.items())


_FIRSTS = "".join(sorted({a[0] for a in f"{_PARTICLES}|{_JOINED}".split("|")}))
# The pattern opens on the letters a token can start with, so the scan jumps from one of
# them to the next; opening on a look-ahead, it tried a match at every position of the
# body (7% of extraction's instructions on the BBC set, now 5%). That letter read, the
# look-backs tell which alternatives it starts, in the order a plain pattern tries them.
_WORD = re.compile(
    rf"[{_UPPER}{_FIRSTS}](?<!\w.)(?:"  # a first letter that no word character precedes
    rf"(?<={_CAPITAL})(?:"
    rf"\.(?:{_CAPITAL}\.)+"  # U.S., D.C.
    rf"|\.(?= {_CAPITAL})"  # an initial: "J. Alfred"
    rf"|{_NAME_REST})"
    rf"|(?:{_first_read(_PARTICLES)}) (?={_CAPITAL}\w)(?:(?:{_JOINED})[-'’])?{_CAPITAL}{_NAME_REST}"
    rf"|(?:{_first_read(_JOINED)})[-'’]{_CAPITAL}{_NAME_REST})"
)
# The same pattern opening on capitals alone. A lower-case opening matches only a
# particle's or prefix's first word standing alone (no word character before it, a space,
# hyphen or apostrophe after): an ASCII body without such a word is scanned with this one.
# Trying a match at every "a", "e" and "i" of the body cost two thirds of the scan (3% of
# extraction's instructions on the BBC set); nine bodies in ten hold no particle.
_CAPITAL_WORD = re.compile(_WORD.pattern.replace(f"{_FIRSTS}](?<!", "](?<!", 1))
_OPENING_WORDS = frozenset(a.split()[0] for a in f"{_PARTICLES}|{_JOINED}".split("|"))
# In ASCII text the word characters are letters, digits, "_", "'" and "-": every other
# character becomes a space, and the words are what ``split`` leaves.
_NOT_WORD = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) in "_'-")}
)


def body_words(body: str) -> frozenset[str] | None:
    """The distinct words of an ASCII body (split at every character but letters, digits,
    "_", "'" and "-"), None for another. Read once per article: the run scan and the
    lower-case words both took a pass over the body for them (3% of extraction)."""
    return frozenset(body.translate(_NOT_WORD).split()) if body.isascii() else None


def _words_pattern(words: frozenset[str] | None) -> re.Pattern[str]:
    """``_WORD``, or ``_CAPITAL_WORD`` where no lower-case opening can match: no word of
    the body, nor a part of one between hyphens and apostrophes, opens a particle."""
    if words is None or not _OPENING_WORDS.isdisjoint(words):
        return _WORD
    joined = (w.replace("-", " ").replace("'", " ") for w in words if "-" in w or "'" in w)
    if any(not _OPENING_WORDS.isdisjoint(w.split()) for w in joined):
        return _WORD
    return _CAPITAL_WORD


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
# Lower-case tails that turn a name into a modifier: "Lima-based", "UN-led".
_MODIFIER_TAILS = words(
    "born made run style era bound wide area type class level owned based led backed"
)
TIME_WORDS = frozenset(
    [*calendar.day_name, *calendar.month_name[1:], *calendar.day_abbr, *calendar.month_abbr[1:]]
)
_DATE_TAIL = re.compile(r"\.|,? ?\d")
# "@newsdesk", "#tag": handles and hashtags are not names in running text.
_HANDLE_MARKS = frozenset({"@", "#"})
_NEWLINE = re.compile(r"\n")
_OPENERS = "\"'“‘(["
_ENDERS = ".!?:;\n"


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    possessive: bool = False


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


_POSSESSIVE_ENDS = ("'s", "’s")


def _trim(token: Token) -> Token | None:
    """Drop a possessive ending and a lower-case modifier tail; None when nothing is left."""
    text, start = token.text, token.start
    possessive = text.endswith(_POSSESSIVE_ENDS)
    if possessive:
        text = text[:-2]
    parts = text.split("-")
    if len(parts) > 1 and parts[-1].islower():
        tail = parts[-1]
        # Long "-ed"/"-ing" tails are participles; short ones are name syllables ("Mei-ling").
        if tail in _MODIFIER_TAILS or (len(tail) > 5 and tail.endswith(("ed", "ing"))):
            text = "-".join(p for p in parts[:-1])
            possessive = False
        elif len(tail) > 6 or (len(tail) > 4 and tail.endswith("er")):
            # "Pro-democrat", "Award-winner": a compound common noun, not a name.
            return None
    if not text:
        return None
    return Token(text, start, start + len(text), possessive)


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
    tokens: list[Token] = []
    pattern = _words_pattern(body_words(body) if words is None else words)
    for m in pattern.finditer(body):
        start, end = m.span()
        if start and body[start - 1] in _HANDLE_MARKS:
            continue
        text = m[0]
        # Most words have nothing to trim: only the others make the call and the copy.
        if "-" not in text and not text.endswith(_POSSESSIVE_ENDS):
            tokens.append(Token(text, start, end))
        elif token := _trim(Token(text, start, end)):
            tokens.append(token)
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
    from app.extraction.organizations import legal_form  # it reads this module's tokens

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
