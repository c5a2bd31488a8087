"""Name words: the capitalised tokens (with the particles and prefixes that open a
surname) that candidate runs are built from, found in one regex pass and trimmed of
possessive endings and lower-case modifier tails."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extraction.wordsets import words

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


# Lower-case tails that turn a name into a modifier: "Lima-based", "UN-led".
_MODIFIER_TAILS = words(
    "born made run style era bound wide area type class level owned based led backed"
)
# "@newsdesk", "#tag": handles and hashtags are not names in running text.
_HANDLE_MARKS = frozenset({"@", "#"})


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    possessive: bool = False


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


def find_tokens(body: str, words: frozenset[str] | None = None) -> list[Token]:
    """The name words of ``body`` in order, trimmed; ``words`` are its ``body_words`` when
    already read."""
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
    return _short_prefixes(tokens, body)


# "St. Varnel", "Mt. Kesso", "Ft. Dunmore": a saint's, mount's or fort's short form keeps its
# full stop and goes on with the name it opens; its stop ended the run, and "Varnel" alone
# read as a person. Not right after another name word ("Main St. Police"): there it ends
# a street's name and the stop a sentence. Only in this case: in capitals they are initials
# ("the FT. But …" had made a newspaper's alias "FT."), and no score set gained by them.
_SHORT_PREFIXES = frozenset({"St", "Mt", "Ft"})
_AFTER_PREFIX = re.compile(r"\. (?=\w)")


def _short_prefixes(tokens: list[Token], body: str) -> list[Token]:
    for i, token in enumerate(tokens):
        if token.text not in _SHORT_PREFIXES or not _AFTER_PREFIX.match(body, token.end):
            continue
        if i + 1 == len(tokens) or tokens[i + 1].start != token.end + 2:
            continue  # no name right after: "St. 5", "St. and"
        if i and tokens[i - 1].end + 1 == token.start:
            continue
        tokens[i] = Token(f"{token.text}.", token.start, token.end + 1)
    return tokens
