"""Names made of ordinary English words: a body's or a work's, not a person's."""

from __future__ import annotations

from app.extraction.found import Context, Found, make
from app.extraction.introductions import title_before
from app.extraction.name_tokens import Token
from app.extraction.people import is_given_name, is_surname
from app.extraction.personal import looks_personal, phrase_ends
from app.extraction.places import place_token
from app.extraction.wordsets import dictionary_word, ordinary_word, regular_plural
from app.extraction.works import EVENT_HEADS


def plain_words_body(tokens: list[Token], ctx: Context) -> Found | None:
    """A name the person step would take, made of plain words: a body's."""
    if not 2 <= len(tokens) <= 3 or title_before(tokens[0].start, ctx):
        return None
    plain = ordinary_words_name(tokens) or plural_noun_name(tokens)
    if not plain or not looks_personal(tokens, ctx):
        return None
    return make(tokens, ctx, "organization")


def ordinary_words_name(tokens: list[Token]) -> bool:
    """'Hope Relief', 'Lantern Aid': two or three capitalised words that are all plain
    English words (no proper noun in the dictionary, the last no surname) name a
    charity, a firm or a band; a given name that is also a word ("Hope") does not
    make a person of them. Of the 47 such names the 2,225 BBC articles typed as
    people, one was a person's; about half were bodies, the rest works."""
    last = tokens[-1].text
    if is_surname(last) or last in EVENT_HEADS:
        # "Grace Baker": the last word a surname as much as a word; "Silver Award": an
        # event, left to the steps that read events.
        return False
    return all(dictionary_word(t.text) for t in tokens)


def plural_noun_name(tokens: list[Token]) -> bool:
    """'Velmar Trustees', 'Orbis Grain Traders': a name ending in the plural of a plain
    noun, no surname ("Banks", "Wells"), and opening with no given name, is a firm's or
    a group's: over the BBC articles, 12 of 12 person names so made were not people's
    (with a given name first, 9 of 21 were)."""
    first, last = tokens[0].text, tokens[-1].text
    if not regular_plural(last):
        return False
    return not (is_surname(last) or is_given_name(last) or is_given_name(first))


def article_body(tokens: list[Token], ctx: Context) -> Found | None:
    """'backed by the Amber Shield in May', 'the Velmish Red Cross said': plain words after
    a lower-case 'the', ending the noun phrase, name a body, though the person step would
    take them ("Red" a given name, "Cross" a surname); a person's name after 'the'
    qualifies a noun ('the Ann Lee case'). A people's word before them is the body's."""
    if len(tokens) < 2 or not ctx.body.endswith("the ", 0, tokens[0].start):
        return None
    if tokens[-1].text in EVENT_HEADS:
        return None  # "won the Morris Cup": an event, left to the steps that read events
    lead = 0
    while lead < len(tokens) - 2 and place_token(tokens[lead], ctx) is not None:
        lead += 1
    words = tokens[lead:]
    if len(words) > 3 or not all(t.text[1:].islower() and ordinary_word(t.text) for t in words):
        return None
    if not phrase_ends(tokens[-1].end, ctx) or not looks_personal(words, ctx):
        return None
    return make(tokens, ctx, "organization")
