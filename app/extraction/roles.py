"""Words opening a clause before a person's name that say what the person is, not
what they are called: "Winger Tom Reed", "Stand-in Reed", "Surveyor General Sir Tom Reed".

Webster's list (``english-words``) tells an ordinary word, the name lists that it is no
given name, so roles that the lists of titles lack are read too: on the BBC set, 28
people lost such a word from their names and 55 people missed before were found.
"""

from __future__ import annotations

import re

from app.extraction.found import Context, spaced
from app.extraction.name_tokens import Token
from app.extraction.organizations import has_head
from app.extraction.people import (
    HONORIFICS,
    common_noun,
    compound_word,
    is_given_name,
    is_surname,
)
from app.extraction.personal import is_title_word, named_person, org_follows
from app.extraction.wordsets import FUNCTION_WORDS, dictionary_word, ordinary_word

_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:[Tt]he|[Aa]n?)\s+$")


def opens_clause(start: int, sentence_start: bool, ctx: Context) -> bool:
    """The run opens a sentence or follows a comma, and no article stands before it:
    "The Copper Jones Average" is a thing's name, though "The" leaves the run."""
    before = ctx.body[max(0, start - 4) : start]
    if _ARTICLE_BEFORE.search(before):
        return False
    return sentence_start or before.endswith(", ")


def opening_role(tokens: list[Token], opens: bool, ctx: Context) -> bool:
    """'Winger Tom Reed', 'Fly-half Ana Ruiz': an ordinary word that opens a sentence or
    follows a comma, before a given name and a surname, says what the person is. Only
    before such a name: "Saint Ann Church" and "Golden Tom Reed Lane" name no one."""
    if not opens or len(tokens) < 3 or not common_noun(tokens[0].text):
        return False
    rest = tokens[1:]
    if not spaced(tokens[:2], ctx) or not named_person(rest) or has_head(rest, ctx.body):
        return False
    # "Bright Ivy Lantern": a given name that is also a word, before an ordinary word
    # that is no surname, opens a thing's name.
    first, last = rest[0].text, rest[-1].text
    if ordinary_word(first) and dictionary_word(last) and not is_surname(last):
        return False
    return not org_follows(rest[-1].end, ctx)


def opening_descriptor(tokens: list[Token], opens: bool) -> bool:
    """A word opening a clause that is no part of the name after it: a compound of
    lower-case words ("Stand-in Reed"), or an ordinary word before a title ("Manager
    Sir Tom Reed")."""
    if not opens or len(tokens) < 2:
        return False
    first, second = tokens[0].text, tokens[1].text
    if compound_word(first):
        return True
    titled = second in HONORIFICS or is_title_word(second)
    return titled and len(tokens) > 2 and common_noun(first)


# The shortest word a glued compound is made of: "Matchwinner" is "match" and "winner";
# two-letter pieces would split names ("Anton" is "an" and "ton").
_MIN_PIECE = 3


def opening_word_before_surname(tokens: list[Token], opens: bool, ctx: Context) -> bool:
    """'Winger Reed', 'Matchwinner Reed': an ordinary word, or two glued together, opening
    a clause before a surname that the article gives a person with a given name says
    what that person is; read as one name, it made a second person of them."""
    if not opens or len(tokens) != 2 or not spaced(tokens, ctx):
        return False
    first, surname = tokens[0].text, tokens[1].text
    if is_given_name(first) or is_surname(first) or not surname[1:].islower():
        return False
    if not (common_noun(first) or _glued_words(first)):
        return False
    return _surname_of_someone(surname, tokens[0].start, ctx)


def _surname_of_someone(surname: str, at: int, ctx: Context) -> bool:
    """Elsewhere in the article a given name stands before the word: "Tom Reed"."""
    # "The Reed", "Double Reed": a little or ordinary word before it ties it to no one.
    return any(
        m.start() != at
        and m[1] not in FUNCTION_WORDS
        and not common_noun(m[1])
        and is_given_name(m[1])
        for m in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(surname)}\b", ctx.body)
    )


def _glued_words(word: str) -> bool:
    """Two ordinary words written as one: "Matchwinner", "Tryscorer"."""
    if not word.isalpha() or not word[1:].islower():
        return False
    return any(
        ordinary_word(word[:i]) and ordinary_word(word[i:])
        for i in range(_MIN_PIECE, len(word) - _MIN_PIECE + 1)
    )
