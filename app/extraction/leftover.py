"""The last passes over a run: what is left after places and titles, read from the
words around it (a heading's shape, one word's use, a body's cue, a person's context).
"""

from __future__ import annotations

from app.extraction import gazetteer as gz
from app.extraction.candidates import Run
from app.extraction.found import Context, common_word, make, weak
from app.extraction.organizations import ORG_CUES, org_head
from app.extraction.people import PORTFOLIOS, TITLES
from app.extraction.personal import looks_personal, name_shaped, named_person, org_follows, person
from app.extraction.sieve import Decision, Pass, Reading, sieve
from app.extraction.single import (
    OUTLET_AFTER,
    PLACE_NOUN_AFTER,
    cue_before,
    joined_before,
    single_word,
)
from app.extraction.spans import span_reading
from app.extraction.word_names import plain_words_body


def read_rest(reading: Reading, ctx: Context) -> Decision:
    """The passes below on what the earlier passes left of a run."""
    return sieve(REST_PASSES, Reading(reading.run, reading.tokens), ctx)


def _bare_title(reading: Reading, ctx: Context) -> Decision:
    """A bare title or portfolio ("Minister", "Defence") names no one; a portfolio that
    also heads party names ("Labour") is left to the evidence around it."""
    bare = all(
        t.text in TITLES or (t.text in PORTFOLIOS and not org_head(t.text)) for t in reading.tokens
    )
    return [] if bare else None


def _headline(reading: Reading, ctx: Context) -> Decision:
    """Headings capitalise every word: only a name's shape counts there."""
    tokens = reading.tokens
    if not reading.run.heading or span_reading(tokens, ctx):
        return None
    if len(tokens) == 1:
        return [weak(tokens, ctx)]
    # A longer name unread is kept for the article-wide sieves: a line of a results
    # table ("Velby Rovers 1 Ardley 2") is a short line too; words no list knows,
    # shaped as a name ("Tavonga Murewi"), read as a person there.
    if named_person(tokens) or name_shaped(tokens, ctx):
        return [person(tokens, ctx)]
    return [make(tokens, ctx, "other")]


def _single_word(reading: Reading, ctx: Context) -> Decision:
    tokens = reading.tokens
    return [single_word(tokens[0], reading.run, ctx)] if len(tokens) == 1 else None


def _sentence_opener(reading: Reading, ctx: Context) -> Decision:
    """'Yesterday Acme Corp': an ordinary word capitalised by the sentence start."""
    tokens = reading.tokens
    if not (reading.run.sentence_start and common_word(tokens[0], ctx)):
        return None
    rest = tokens[1:]
    return span_reading(rest, ctx) or sieve(REST_PASSES, Reading(Run(rest), rest), ctx)


def _region_adjective(reading: Reading, ctx: Context) -> Decision:
    tokens = reading.tokens
    return [] if gz.is_region_adjective(ctx.body[tokens[0].start : tokens[-1].end]) else None


def _org_context(reading: Reading, ctx: Context) -> Decision:
    """'the group Acme Data', 'Lib Dem leader', 'Sinn Fein MPs'."""
    tokens = reading.tokens
    if cue_before(tokens[0].start, ctx) in ORG_CUES:
        return [make(tokens, ctx, "organization")]
    if joined_before(tokens[0].start, ctx) and not named_person(tokens):
        return [make(tokens, ctx, "organization")]
    if org_follows(tokens[-1].end, ctx) and not named_person(tokens):
        return [make(tokens, ctx, "organization")]
    return None


def _noun_after(reading: Reading, ctx: Context) -> Decision:
    """'the Velmo Tarsi district', 'the Le Varmin newspaper': the lower-case noun right
    after a longer name says what it names, as after one word (``single``)."""
    tokens = reading.tokens
    if PLACE_NOUN_AFTER.match(ctx.body, tokens[-1].end):
        return [make(tokens, ctx, "place")]
    if OUTLET_AFTER.match(ctx.body, tokens[-1].end):
        return [make(tokens, ctx, "organization")]
    return None


def _ordinary_words(reading: Reading, ctx: Context) -> Decision:
    """'Hope Relief': plain English words name a body, whatever name one of them is."""
    body = plain_words_body(reading.tokens, ctx)
    return [body] if body else None


def _person_context(reading: Reading, ctx: Context) -> Decision:
    tokens = reading.tokens
    return [person(tokens, ctx)] if looks_personal(tokens, ctx) else None


def _unread(reading: Reading, ctx: Context) -> Decision:
    """A name no pass could read: it helps linking, and is not reported."""
    return [make(reading.tokens, ctx, "other")]


REST_PASSES: tuple[tuple[str, Pass], ...] = (
    ("bare_title", _bare_title),
    ("headline", _headline),
    ("single_word", _single_word),
    ("sentence_opener", _sentence_opener),
    ("region_adjective", _region_adjective),
    ("org_context", _org_context),
    ("noun_after", _noun_after),
    ("ordinary_words", _ordinary_words),
    ("person_context", _person_context),
    ("unread", _unread),
)
