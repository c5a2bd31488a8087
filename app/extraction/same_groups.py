"""Two names of one group, told by the people articles introduce under each.

A party goes by names that share no word (a nickname beside its formal name), so no
spelling rule ties them, and the data packages list no party nicknames. The articles
tell instead: "<A> leader Ana Ruiz" in one article and "<B> leader Ana Ruiz" in another
introduce one person in one role under both names. One such person proves little (a
defector is "<A> MP" before and "<B> MP" after), so the names are joined only when
``MIN_SHARED`` different people are introduced in one role under both; two parties whose
leaders differ share none. Only groups are joined (a name ending in "Party", "Front"...
or one with member forms such as "Lib Dems"): a company and the holding that owns it
share their founders and chairmen.

``introductions`` reads the evidence from one article's entities; ``same_groups`` joins
the names of a snapshot; ``known_group`` is the archive step renaming an entity.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from app.extraction.parties import GROUP_HEADS, MEMBER_NOUNS, member_form
from app.extraction.people import ROLE_NOUNS, TITLES
from app.extraction.schemas import ExtractedEntity

if TYPE_CHECKING:
    from app.extraction.knowledge import KnownEntity

# Different people, each introduced in one role under both names, that make two names one
# group; one person can have changed sides.
MIN_SHARED = 2
# Characters between a group's name and the person it introduces ("home affairs spokesman").
ROLE_REACH = 40
# " leader ", " home affairs spokesman ", " MP ": up to three words, the last a role.
_BETWEEN = re.compile(r" ((?:[a-z][a-z-]* ){0,2}[A-Za-z][A-Za-z-]*) ")
_ROLES = ROLE_NOUNS | {w.lower() for w in MEMBER_NOUNS} | {w.lower() for w in TITLES}

Introduction = tuple[str, str]  # (role, person's name)


def role_between(text: str) -> str | None:
    """'leader' for " leader ", 'shadow chancellor' for " shadow chancellor "; None for
    words that are no role (" have accused ")."""
    found = _BETWEEN.fullmatch(text)
    if found is None:
        return None
    role = found.group(1)
    last = role.split()[-1].split("-")[-1]
    if last.lower() not in _ROLES or not (last.islower() or last.isupper()):
        return None
    return role


def introductions(body: str, entities: Iterable[ExtractedEntity]) -> Iterator[tuple[str, str, str]]:
    """(group's name, role, person's name) for each "<group> <role> <person>" in ``body``."""
    entities = list(entities)
    people = sorted((m.start, e.name) for e in entities if e.type == "person" for m in e.mentions)
    for entity in entities:
        if entity.type != "organization":
            continue
        for mention in entity.mentions:
            for start, person in people:
                if mention.end < start <= mention.end + ROLE_REACH:
                    role = role_between(body[mention.end : start])
                    if role is not None:
                        yield entity.name, role, person


def is_group(name: str, aliases: Iterable[str]) -> bool:
    """'Green Party', or a name with member forms ("Lib Dems" of "Liberal Democrats")."""
    parts = name.split()
    if len(parts) > 1 and parts[-1] in GROUP_HEADS:
        return True
    return any(member_form(alias, name) for alias in aliases)


def same_groups(groups: Iterable[tuple[str, int, Iterable[Introduction]]]) -> dict[str, str]:
    """Name -> the name it is one group with, for groups given as (name, articles naming
    it in full, introductions under it). Of two names, the one more articles write in
    full is kept: a nickname's member forms ("a Tory MP") outnumber its full name on the
    BBC set, where the formal name was written in four times as many articles."""
    under: defaultdict[Introduction, set[str]] = defaultdict(set)
    articles: dict[str, int] = {}
    for name, count, introduced in groups:
        articles[name] = count
        for item in introduced:
            under[item].add(name)
    shared: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for (_, person), names in under.items():
        for a in names:
            for b in names:
                if a < b:
                    shared[(a, b)].add(person)
    kept: dict[str, str] = {}
    for (a, b), people in sorted(shared.items()):
        if len(people) < MIN_SHARED:
            continue
        a, b = _root(kept, a), _root(kept, b)
        if a == b:
            continue
        keep, drop = sorted((a, b), key=lambda n: (-articles[n], n))
        kept[drop] = keep
    return {name: _root(kept, name) for name in kept}


def _root(kept: dict[str, str], name: str) -> str:
    while name in kept:
        name = kept[name]
    return name


def group_index(
    entities: Iterable[KnownEntity], key: Callable[[str], str]
) -> dict[str, KnownEntity]:
    """Key of a name -> the archived group it is one with: by the people both introduce,
    and by what an earlier reading joined (a group's name, and its member forms, that an
    archived group of another name holds as aliases), so a second reading keeps the join."""
    orgs = [e for e in entities if e.type == "organization"]
    known = {e.name: e for e in orgs if is_group(e.name, e.aliases)}
    joined = same_groups(_pooled(orgs, known, key))
    index = {key(name): known[target] for name, target in joined.items()}
    for entity in known.values():
        for alias in group_names(entity)[1:]:
            for form in (alias, *(a for a in entity.aliases if member_form(a, alias))):
                index.setdefault(key(form), entity)
    return index


def group_names(entity: KnownEntity) -> tuple[str, ...]:
    """The group's name and the other groups' names ("<Word> Party") it holds as aliases:
    what an earlier reading joined to it."""
    joined = (
        a
        for a in entity.aliases
        if len(a.split()) == 2
        and a.split()[-1] in GROUP_HEADS
        and a.casefold() != entity.name.casefold()
    )
    return (entity.name, *joined)


def _pooled(
    orgs: list[KnownEntity], known: dict[str, KnownEntity], key: Callable[[str], str]
) -> Iterator[tuple[str, int, list[Introduction]]]:
    """Each group with the people introduced under its member forms too: articles read
    before the archive tied "Tory" to its party stored the form as an entity of its own
    (on 2,225 BBC articles most of a party's introductions sat on its member forms). The
    articles counted stay those of the name itself, which ``same_groups`` names by."""
    forms: defaultdict[str, list[KnownEntity]] = defaultdict(list)
    for group in known.values():
        for alias in group.aliases:
            if member_form(alias, group.name):
                forms[key(alias)].append(group)
    pooled = {name: (group.articles, list(group.introduced)) for name, group in known.items()}
    for entity in orgs:
        owners = forms.get(key(entity.name), [])
        # "Tory" is a member form of "Tories" and of "Tory Party": the fullest is meant.
        owners = [o for o in owners if not any(member_form(o.name, p.name) for p in owners)]
        if len(owners) == 1 and owners[0].name != entity.name:
            articles, introduced = pooled.pop(owners[0].name, (0, []))
            more = pooled.pop(entity.name, (entity.articles, list(entity.introduced)))
            pooled[owners[0].name] = (articles, introduced + more[1])
    for name, (articles, introduced) in pooled.items():
        yield name, articles, introduced
