"""Group the spans found in one article into entities, one per real-world thing.

A later surname or given name joins the person introduced in full earlier; a short
form ("Acme", "ACB", "Trade Department") joins the organization whose full name
it abbreviates; every way of writing a country joins it through its ISO code.
"""

from __future__ import annotations

import re

from app.extraction.budget import check
from app.extraction.found import Found
from app.extraction.gazetteer import country_by_code, fold, town
from app.extraction.group_index import GroupIndex, find_group
from app.extraction.groups import Group, bare_words
from app.extraction.org_merges import merge_orgs
from app.extraction.organizations import org_head
from app.extraction.people import is_given_name
from app.extraction.schemas import EntityType, ExtractedEntity
from app.extraction.short_forms import ShortForms, first_surname
from app.extraction.wordsets import dictionary_word, plural_word, proper_noun

MIN_RECURRING = 2
# Recurring capitalised words with these endings are adjectives or groups ("Baltic").
_ADJECTIVE_ENDINGS = ("ish", "ese", "ian", "ians", "ans", "ic", "ics", "ean", "eans")
# A country only ever called up through its people ("Peruvian officials") is one
# the article is about once it keeps coming back; one or two adjectives are scenery
# (on three sets of annotated news, 14 of 15 countries named only twice so were not
# what the article was about).
MIN_DEMONYMS = 3
# "Orvix-19", "KT-4", "Route-9": a word ending in a hyphen and a number designates a
# disease, a mission, a road or a model; recurring lone, 5 were read as bodies on the
# three annotated entity sets and none was one.
_DESIGNATION = re.compile(r"-\d+$")


def link(found: list[Found]) -> list[ExtractedEntity]:
    _surnames_over_places(found)
    groups: list[Group] = []
    # Fullest names first, so shorter and titled forms find their owner.
    plain = (f for f in found if not f.weak and not f.qualified)
    strong = sorted(plain, key=lambda f: -len(bare_words(f.text)))
    index = GroupIndex()
    for item in strong:
        check()
        target = find_group(groups, item, index)
        if target is None:
            target = Group(item.kind, _country_name(item, found), item.code)
            groups.append(target)
        target.add(item)
        index.add(target, item, groups)
    merge_orgs(groups)
    _attach_qualified(groups, [f for f in found if f.qualified])
    unresolved: dict[str, list[Found]] = {}
    forms = ShortForms(groups)
    for item in (f for f in found if f.weak):
        check()
        target = forms.owner(item.text)
        if target is not None:
            target.add(item)
            forms.add(target)
        elif not item.common:
            unresolved.setdefault(item.text, []).append(item)
    groups += _recurring_names(unresolved)
    _works_over_people(groups)
    # "Labour" found alone joins "Labour Party" like any other short form.
    merge_orgs(groups)
    _merge_kinds(groups)
    # Unclassified names ("other") helped linking; they are not reported, since a
    # product or event name is no person, body or place.
    return [
        _entity(g)
        for g in groups
        if g.kind != "other"
        and (any(not i.demonym for i in g.items) or len(g.items) >= MIN_DEMONYMS)
    ]


def _country_name(item: Found, found: list[Found]) -> str:
    """A country is named as the article names it: the common name when the text
    uses it, else its fullest written form ("US" stays "US"); the ISO code links it."""
    if item.canonical is None:
        return item.text
    written = [f.text for f in found if f.code == item.code and not f.demonym]
    if item.canonical in written or not written:
        return item.canonical
    return max(written, key=len)


def _surnames_over_places(found: list[Found]) -> None:
    """ "Bush" after "George W Bush" is the person, though a town has that name too:
    within one article a person's surname wins over a one-word place."""
    names = [f.text.split() for f in found if f.kind == "person" and " " in f.text]
    surnames = {w for words in names for w in (words[-1], *first_surname(words))}
    for item in found:
        if item.kind == "place" and item.text in surnames:
            item.kind, item.code, item.weak = "person", None, True
            item.decided_by = "surnames_over_places"


def _attach_qualified(groups: list[Group], qualified: list[Found]) -> None:
    """'Peru's Ministry of Health' joins the entity of the name it ends with."""
    owner = {(i.end, i.kind): g for g in groups for i in g.items}
    for item in qualified:
        group = owner.get((item.end, item.kind))
        if group is not None:
            group.add(item)


def _recurring_names(unresolved: dict[str, list[Found]]) -> list[Group]:
    """A lone capitalised word used twice mid-sentence is a name; alone, it is most
    often a company or body ("Acme", "Globex"), since people get full names."""
    groups: list[Group] = []
    for text, items in unresolved.items():
        hinted = any(i.org_hint for i in items)
        # "Knitting", "Economy" as list items or headings: an ordinary word that
        # recurs capitalised is no name unless the words around it say so.
        # 'Analysts said', 'Officials told': a plural of an ordinary word is a group of people
        # (irregular plurals removed 6 false bodies on conllpp-dev and lost one firm).
        if (not hinted and dictionary_word(text)) or plural_word(text):
            continue
        # A given name that a role or a speech verb marks once is a person's, as a lone
        # name that acts as a body once is a body's: "his uncle Tam", "said Tam".
        personal = is_given_name(text) and any(i.person_hint for i in items)
        if not _name_shaped(text) or (
            not (hinted or personal) and sum(not i.initial for i in items) < MIN_RECURRING
        ):
            continue
        # Singular and plural both capitalised ("Vellarite", "Vellarites"): a class of things;
        # but an institution's head noun that the words around make one body stays it
        # ("the Cabinet's rating" beside "past Cabinets").
        plural = text + "s" in unresolved or (text.endswith("s") and text[:-1] in unresolved)
        if plural and not (hinted and org_head(text)):
            continue
        kind: EntityType = "person" if is_given_name(text) and not hinted else "organization"
        if kind == "person" and not any(i.person_hint for i in items):
            continue  # "Chelsea" alone, never titled and never speaking: no one named
        town = _recurring_town(text, hinted)
        if town is None and kind == "organization" and not hinted and proper_noun(text):
            # "Velmish", "Ruritans": a word the dictionary writes capitalised is a people,
            # a region or a feast, not a body, unless the words around make it one (on
            # three annotated entity sets, 10 of 10 so read were not bodies).
            continue
        group = town or Group(kind, text)
        for item in items:
            item.kind, item.decided_by = group.kind, "recurring_names"
            group.add(item)
        groups.append(group)
    return groups


def _recurring_town(text: str, hinted: bool) -> Group | None:
    """A recurring lone name that a town bears, with nothing around it that marks a body
    ("X said", "X shares"), is the town: a body the article is about speaks or is spoken
    to somewhere, a town is where things happen."""
    # No country code, as for any place only the words around make one: a small town's
    # name is borne by towns in many countries.
    return Group("place", text) if not hinted and town(text) is not None else None


def _works_over_people(groups: list[Group]) -> None:
    """A person-shaped name the article only ever uses as a work's ("the film X",
    "X star Y") and never as a person's is the work's: it is not reported."""
    for group in groups:
        items = group.items
        # A short form's context speaks for whatever else bears that word: the film
        # "Ray" says nothing of Ray Charles.
        work = any(i.work_hint for i in items if not i.weak)
        if group.kind == "person" and work and not any(i.person_hint for i in items):
            group.kind = "other"
            for item in items:
                item.decided_by = "works_over_people"


def _name_shaped(text: str) -> bool:
    """Not a contraction ("I'm"), not a plural abbreviation ("CEOs"), not one letter
    (a table's column or key: "N/A", "(B)") and no designation ("Orvix-19")."""
    if len(text) < 2 or "'" in text or "\u2019" in text or text.endswith(_ADJECTIVE_ENDINGS):
        return False
    if _DESIGNATION.search(text):
        return False
    return not (text.endswith("s") and text[:-1].isupper() and len(text) > 2)


_KIND_RANK: dict[str, int] = {"country": 0, "place": 1, "organization": 2, "person": 3, "other": 4}


def _merge_kinds(groups: list[Group]) -> None:
    """One surface read two ways in one article ('Acme Data' after 'firm' and at a
    sentence start) is one thing: the reading with the firmer evidence wins."""
    by_name: dict[str, Group] = {}
    for group in sorted(groups, key=lambda g: _KIND_RANK[g.kind]):
        key = fold(group.name)
        keeper = by_name.get(key)
        if keeper is None:
            by_name[key] = group
            continue
        for item in group.items:
            item.kind, item.decided_by = keeper.kind, "merge_kinds"
            keeper.add(item)
        group.items = []
    groups[:] = [g for g in groups if g.items]


def _entity(group: Group) -> ExtractedEntity:
    seen: set[tuple[int, int]] = set()
    # Validated as plain data with the entity, in one pass: a model built per mention
    # cost a validator call each.
    mentions: list[dict[str, str | int]] = []
    items = group.items
    if any(not i.demonym for i in items):
        # A country the article names is recorded by its names; one it only
        # calls up through its people ("Peruvian") keeps those words.
        items = [i for i in items if not i.demonym]
    for item in sorted(items, key=lambda i: i.start):
        if (item.start, item.end) not in seen:
            seen.add((item.start, item.end))
            mentions.append({"text": item.text, "start": item.start, "end": item.end})
    written = {i.text for i in group.items if not i.demonym}
    country = country_by_code(group.code) if group.kind == "country" and group.code else None
    if country is not None:
        written.add(country.name)  # the common name stays findable as an alias
    aliases = sorted(written - {group.name})
    description = next((i.description for i in group.items if i.description), None)
    return ExtractedEntity.model_validate(
        {
            "name": group.name,
            "type": group.kind,
            "country_code": group.code,
            "description": description,
            "aliases": aliases,
            "mentions": mentions,
        }
    )
