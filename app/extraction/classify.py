"""Decide what each capitalised run names: country, place, organization, person or nothing.

A run goes through ordered passes, most precise first; each pass does one job and
either decides (returns what the run names) or leaves the run to the next one, perhaps
trimmed. Every ``Found`` records in ``decided_by`` the pass that decided it, so a wrong
type traces to one step. Items marked ``weak`` are kept only when linking ties them to
a confidently found entity (a bare surname, a short form of an organization's name).
"""

from __future__ import annotations

from app.extraction.candidates import Run, split_run
from app.extraction.found import Context, Found, common_word, make
from app.extraction.introductions import aged
from app.extraction.joins import rejoin
from app.extraction.leftover import read_rest
from app.extraction.media import MEDIA, medium_modifier
from app.extraction.name_tokens import Token
from app.extraction.organizations import has_head
from app.extraction.people import (
    HONORIFICS,
    TITLES,
    is_given_name,
    is_surname,
)
from app.extraction.personal import (
    inner_title,
    person,
    person_tail,
    skip_titles,
)
from app.extraction.places import (
    COMPASS,
    compass_place,
    compass_region,
    country_body,
    place_token,
    shouted,
)
from app.extraction.roles import (
    opening_descriptor,
    opening_role,
    opening_word_before_surname,
    opens_clause,
)
from app.extraction.schemes import SCHEME_HEADS, scheme_name
from app.extraction.sieve import Decision, Pass, Reading, sieve
from app.extraction.spans import span_reading
from app.extraction.trailing_titles import title_modifier, trailing_title
from app.extraction.word_names import article_body
from app.extraction.wordsets import dictionary_word
from app.extraction.works import EVENT_HEADS


def classify(run: Run, ctx: Context) -> list[Found]:
    return sieve(_PASSES, Reading(run, list(run.tokens)), ctx)


def _shouted_line(reading: Reading, ctx: Context) -> Decision:
    """A line in capitals carries no case evidence: gazetteer names and abbreviations."""
    return shouted(reading.tokens, ctx) if ctx.in_shouted_line(reading.run.start) else None


def _nicknamed(reading: Reading, ctx: Context) -> Decision:
    """'Joaquín "El Chapo" Guzmán', joined before: one person, quotes and all."""
    return [person(reading.tokens, ctx)] if reading.run.nickname else None


def _connector_pieces(reading: Reading, ctx: Context) -> Decision:
    """'Peru of Chile': pieces joined by connectors that belong to no name, each read alone."""
    if len(reading.run.tokens) < 2:
        return None  # one word, one piece: half the runs, split and rejoined for nothing
    pieces = rejoin(split_run(reading.run, ctx.body), ctx.body)
    return [f for p in pieces for f in classify(p, ctx)] if len(pieces) > 1 else None


def _body_then_person(reading: Reading, ctx: Context) -> Decision:
    """'Harbour Council Jane Doe': a body, then a person's name."""
    run = reading.run
    cut = person_tail(run.tokens, ctx)
    if not cut:
        return None
    head = Run(run.tokens[:cut], run.sentence_start, run.heading)
    tail = run.tokens[cut:]
    desc = ctx.body[run.start : tail[0].start].strip()
    return [*classify(head, ctx), person(tail, ctx, desc)]


def _trailing_titles(reading: Reading, ctx: Context) -> Decision:
    """'the Trade Office Spokesperson': the body, not the speaker (trims, never decides)."""
    run, titled = reading.run, False
    while trailing_title(run.tokens, ctx):
        titled = titled or run.tokens[-1].text in TITLES
        run = Run(run.tokens[:-1], run.sentence_start, run.heading)
    # A word qualifies a title ("High Commissioner"), never a letter after a name
    # ("<given> <surname> MSP", where the surname may be a dictionary word).
    while titled and title_modifier(run.tokens, ctx):
        run = Run(run.tokens[:-1], run.sentence_start, run.heading)
    reading.run, reading.tokens = run, list(run.tokens)
    return None


def _medium_modifier(reading: Reading, ctx: Context) -> Decision:
    """'US TV show': the place is named, the words qualify the show."""
    tokens = reading.tokens
    if tokens[-1].text not in MEDIA or not medium_modifier(tokens, ctx):
        return None  # most runs: tested here, a call per run cost 1% of extraction
    return span_reading(tokens[:-1], ctx) or []


def _scheme_name(reading: Reading, ctx: Context) -> Decision:
    """'the Clean Water Program': an undertaking, named but no body."""
    tokens = reading.tokens
    if SCHEME_HEADS.isdisjoint(t.text for t in tokens) or not scheme_name(tokens, ctx):
        return None
    return [make(tokens, ctx, "other")]


def _whole_span(reading: Reading, ctx: Context) -> Decision:
    return span_reading(reading.tokens, ctx)


def _compass_place(reading: Reading, ctx: Context) -> Decision:
    """'Western Ruritania': part of a place, named by a point of the compass."""
    tokens = reading.tokens
    if len(tokens) < 2 or tokens[0].text not in COMPASS:
        return None
    found = compass_place(tokens, ctx)
    return [found] if found else None


def _compass_region(reading: Reading, ctx: Context) -> Decision:
    """'the West', 'the Middle East': a part of the world (unread before this pass)."""
    found = compass_region(reading.tokens, ctx)
    return [found] if found else None


def _opening_adjective(reading: Reading, ctx: Context) -> Decision:
    """'Controversial Australian Anna Hill': an ordinary word opening a sentence before
    a people's name describes what follows (trims, never decides)."""
    run, tokens = reading.run, reading.tokens
    if not run.sentence_start or len(tokens) < 3 or is_given_name(tokens[0].text):
        return None
    ordinary = common_word(tokens[0], ctx) or dictionary_word(tokens[0].text)
    if ordinary and place_token(tokens[1], ctx) is not None:
        tokens.pop(0)
    return None


def _article_body(reading: Reading, ctx: Context) -> Decision:
    body = article_body(reading.tokens, ctx)
    return [body] if body else None


def _leading_places(reading: Reading, ctx: Context) -> Decision:
    """Leading countries and demonyms qualify what follows: "French Minister"."""
    tokens = reading.tokens
    if len(tokens) > 1 and tokens[-1].text in EVENT_HEADS and place_token(tokens[0], ctx):
        return []  # "U.S. Open", "Chinese Grand Prix": an event's name holds no place
    while len(tokens) > 1 and (lead := place_token(tokens[0], ctx)) is not None:
        lead.decided_by = "leading_places"
        reading.found.append(lead)
        tokens.pop(0)
        rest = span_reading(tokens, ctx)
        if rest is not None:
            return rest
    return None


def _country_body(reading: Reading, ctx: Context) -> Decision:
    """'Velmar Charity': a leading country and the one word left are a body's name (on
    worldwide-dev and conllpp-dev, 5 such bodies had been read as the country alone)."""
    tokens, found = reading.tokens, reading.found
    if len(tokens) != 1 or not found or found[-1].decided_by != "leading_places":
        return None
    body = country_body(found[-1], tokens[0], ctx)
    if body is None:
        return None
    found.pop()
    return [body]


def _opening_role(reading: Reading, ctx: Context) -> Decision:
    """'Winger Tom Reed': an ordinary word opening a clause before a name is a role; a
    word there that is no part of the name after it is trimmed ("Stand-in Reed")."""
    tokens, run = reading.tokens, reading.run
    if len(tokens) < 2:
        return None  # a role and a name are two words at least: no clause test for one
    opens = opens_clause(run.start, run.sentence_start, ctx)
    if opening_role(tokens, opens, ctx) or opening_word_before_surname(tokens, opens, ctx):
        return [person(tokens[1:], ctx, tokens[0].text)]
    if opening_descriptor(tokens, opens):
        tokens.pop(0)
    return None


def _titled_person(reading: Reading, ctx: Context) -> Decision:
    """'Prime Minister Ana Ruiz': a title, then the name of the one who holds it."""
    tokens = reading.tokens
    title_end = skip_titles(tokens, ctx.body) or inner_title(tokens, ctx.body)
    if not title_end:
        return None
    reading.found += span_reading(tokens[: title_end - 1], ctx) or []
    titled = tokens[title_end:]
    if not titled and len(tokens) == 1 and aged(tokens[0].start, tokens[0].end, ctx):
        return [person(tokens, ctx)]  # "Duke (31)": an age makes a title word a name
    if not titled:
        return []  # "Secretary of State for the Family": a title names no one
    # "General Election": a title before an ordinary word that is no one's name is
    # an adjective before a noun, not a title before a name.
    if all(_ordinary(t, ctx) for t in titled):
        return []
    if not has_head(titled, ctx.body):
        run = reading.run
        desc: str | None = ctx.body[run.tokens[0].start : titled[0].start].strip()
        if all(t.text in HONORIFICS for t in tokens[:title_end]):
            desc = None
        return [person(titled, ctx, desc)]
    reading.tokens = titled
    return None


def _rest(reading: Reading, ctx: Context) -> Decision:
    """What is left after places and titles is read from the words around it."""
    if not reading.tokens:
        return []
    return read_rest(reading, ctx)


def _ordinary(token: Token, ctx: Context) -> bool:
    word = token.text
    if is_given_name(word):
        return False
    if common_word(token, ctx):
        return True  # "the Supreme People's ...": written in lower case elsewhere too
    if is_surname(word):
        return False
    # The word list holds no plurals: "Affairs" is as ordinary as "Affair".
    plural = word.endswith("s") and dictionary_word(word[:-1])
    return common_word(token, ctx) or dictionary_word(word) or plural


_PASSES: tuple[tuple[str, Pass], ...] = (
    ("shouted_line", _shouted_line),
    ("nicknamed", _nicknamed),
    ("connector_pieces", _connector_pieces),
    ("body_then_person", _body_then_person),
    ("trailing_titles", _trailing_titles),
    ("medium_modifier", _medium_modifier),
    ("scheme_name", _scheme_name),
    ("whole_span", _whole_span),
    ("compass_place", _compass_place),
    ("compass_region", _compass_region),
    ("opening_adjective", _opening_adjective),
    ("article_body", _article_body),
    ("leading_places", _leading_places),
    ("country_body", _country_body),
    ("opening_role", _opening_role),
    ("titled_person", _titled_person),
    ("rest", _rest),
)
