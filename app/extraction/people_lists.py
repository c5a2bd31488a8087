"""Unread names listed with people are people: "Ann Velt, Tavonga Murewi and Kestrel Moon".

Names in many languages, or made of words the dictionary holds ("Merry", "Kestrel"),
match no name list and no name shape, and were left unread; a list names things of one
kind, so a name of two or three words listed among people's full names is a person's.
"""

from __future__ import annotations

from app.extraction.found import Context, Found
from app.extraction.organizations import ORG_OPENERS, org_head, place_head
from app.extraction.people import is_given_name, is_surname
from app.extraction.place_lists import listed
from app.extraction.wordsets import dictionary_word, plural_word
from app.extraction.works import EVENT_HEADS

# People in the list, full names of two words or more: one name beside an unread one
# is a pair, not a list of one kind ("Ann Velt and Acme Data").
MIN_LISTED_PEOPLE = 2


def people_lists(found: list[Found], ctx: Context) -> None:
    """Re-type, in place, the unread names that a list puts among people."""
    items = sorted((f for f in found if not f.qualified and not f.weak), key=lambda f: f.start)
    for group in listed(items, ctx):
        people = sum(_full_name(f) for f in group)
        if people < MIN_LISTED_PEOPLE:
            continue
        for item in group:
            if _unread_name(item, ctx):
                item.kind, item.decided_by = "person", "people_lists"


def _full_name(item: Found) -> bool:
    return item.kind == "person" and " " in item.text


def _unread_name(item: Found, ctx: Context) -> bool:
    """Two to four capitalised words no pass could read, none the head of a body, a
    site or an event."""
    words = item.text.split()
    if item.kind != "other" or not 2 <= len(words) <= 4:
        return False
    if not all(w[:1].isupper() for w in words):
        return False  # "Casa de la Velma": a connector inside names a place or a body
    opening = dictionary_word(words[0]) or plural_word(words[0])
    if opening and not is_given_name(words[0]):
        return False  # "Newcomers Ann Velt", "Finding Home": a word before a name, a title
    if ctx.body.startswith(("'s", "’s"), item.end):
        return False  # "Acme Data's chief": what owns the next name is a body as often
    if plural_word(words[-1]) and not is_surname(words[-1]):
        return False  # "Velmor Coupes": models or a team, not one person
    return not any(
        org_head(w) or place_head(w) or w in ORG_OPENERS or w in EVENT_HEADS for w in words
    )
