"""What other articles established: the last linking step, after one article's own.

An article read alone names "PFC", "Mr Ruiz" or "Ruiz" without ever saying whom it means;
the archive (a ``Knowledge`` snapshot) has seen the full names. The steps, most precise
first, each one job:

1. ``_voted_type``: a name's type is decided by every article that used it, weighted by
   how many; this article's one reading (a person or a place, never an organization the
   article's own words name) gives way only to a clear majority. A full name read as a
   person only for its shape, here and in every article (never written another way),
   has no vote against readings the words around gave ("the band X").
2. ``_full_name``: a short form the archive ties to exactly one full name of the same
   type ("PFC" to "Pacific Fisheries Council") takes that name, unless the archive knows
   the short form as a name of its own about as well. A member form of a group ("Tory",
   "Lib Dems") that any article tied to its group takes the group's fullest name.
3. ``_one_group``: two names of one party (``same_groups``) become the better-known one.
4. ``_surname``: a person named only by surname ("Ruiz", "Ms Ruiz") becomes the one
   archived person of that surname who fits; when several fit, the one whose usual
   company (the entities named alongside them) this article shares, else none.
   Several full names for one short form are weighed the same way.

A person the article names in full is never renamed, so two different full names are never
merged. Entities that end up with one name are merged into one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cached_property

from app.extraction.archive_index import MIN_VOTES, VOTE_MARGIN, ArchiveIndex, key, unshown
from app.extraction.gazetteer import demonym, lookup
from app.extraction.gender import Gender, given_name_gender, honorific_gender
from app.extraction.groups import bare_words
from app.extraction.knowledge import Knowledge, KnownEntity
from app.extraction.organizations import acronym, acronym_of
from app.extraction.parties import member_form
from app.extraction.people import HONORIFICS, is_given_name
from app.extraction.same_groups import group_names
from app.extraction.schemas import EntityType, ExtractedEntity, ExtractedMention

# Characters before a mention searched for an honorific ("Congresswoman " is 14).
HONORIFIC_REACH = 16
# Among several archived people of one surname, one name in common is chance: on the BBC
# archive a snooker player's "Mr White" went to a drummer of that name over one shared name.
MIN_COMPANY = 2
# Countries are read from the gazetteer by their ISO code, never by a vote.
_VOTING: frozenset[EntityType] = frozenset({"person", "organization", "place"})
# Readings a vote may overturn: a capitalised name taken for a person, a gazetteer place.
# An organization is read from the article's own words (a head noun, a legal form, a club
# playing); on 2,225 BBC articles a vote against those turned clubs into their towns and
# companies into people.
_OVERRULED: frozenset[EntityType] = frozenset({"person", "place"})

__all__ = ["ArchiveIndex", "recall"]


class _Article:
    """The article a step reads: its body, and the company its entities keep."""

    def __init__(self, body: str, entities: list[ExtractedEntity]) -> None:
        self.body = body
        self.entities = entities

    @cached_property
    def company(self) -> frozenset[str]:
        """Every name the article uses, as ``key`` folds it; asked for only when two
        archived people fit, so most articles never build it."""
        return frozenset(key(n) for e in self.entities for n in (e.name, *e.aliases))


Step = Callable[[ExtractedEntity, ArchiveIndex, _Article], ExtractedEntity]


def recall(
    entities: list[ExtractedEntity], knowledge: Knowledge, body: str = ""
) -> list[ExtractedEntity]:
    """``entities`` of one article (``body``), named and typed as the archive knows them."""
    if not knowledge or not entities:
        return entities
    index = knowledge.index
    steps: tuple[Step, ...] = (_voted_type, _full_name, _one_group, _surname)
    for step in steps:
        # The company by the names the steps before gave ("Pacific Fisheries Council").
        article = _Article(body, entities)
        entities = [step(entity, index, article) for entity in entities]
    return _merged(entities)


def _voted_type(entity: ExtractedEntity, index: ArchiveIndex, _: _Article) -> ExtractedEntity:
    if entity.type not in _OVERRULED:
        return entity
    votes = index.votes.get(key(entity.name))
    if not votes:
        return entity
    votes = _weighed(entity, votes, index)
    own = votes[entity.type] + 1
    best, count = max(
        ((t, n) for t, n in votes.items() if t in _VOTING), key=lambda tn: tn[1], default=(None, 0)
    )
    if best is None or best == entity.type or count < MIN_VOTES or count <= VOTE_MARGIN * own:
        return entity
    return entity.model_copy(update={"type": best, "country_code": None})


def _weighed(
    entity: ExtractedEntity, votes: Counter[EntityType], index: ArchiveIndex
) -> Counter[EntityType]:
    """The votes, less those for a person that only the name's shape gave, when this
    article too only has the shape: on 2,225 BBC articles a band named in full in 18
    stayed a person 13 to 5 although only the 5 had words about it ("the band X")."""
    if not unshown(entity):
        return votes
    weighed = votes.copy()
    weighed["person"] -= index.unshown[key(entity.name)]
    return weighed


def _full_name(entity: ExtractedEntity, index: ArchiveIndex, article: _Article) -> ExtractedEntity:
    if entity.type not in ("organization", "place"):
        return entity
    owners = [
        known
        for known in index.owners.get((entity.type, key(entity.name)), [])
        if _shortens(entity.name, known.name) or _member(entity, known)
    ]
    # A group's member form is tied to the group more closely than a name's first word is
    # to the longer names it begins ("Conservative Party Conference"); of the groups,
    # "Tory" tied to "Tories" and to "Tory Party", the fullest form is meant.
    members = [o for o in owners if _member(entity, o)]
    owners = [o for o in members if not any(_member_of(o, p) for p in members)] or owners
    itself = index.named.get((entity.type, key(entity.name)))
    if itself is not None and not all(
        _initials(entity.name, k.name) or _member(entity, k) for k in owners
    ):
        # A word the archive also knows as a name of its own (a company, and the product
        # one article named after it) competes with the full names it begins; initials
        # and a group's member forms tie a short form to its full name too closely for
        # that: on 2,225 BBC articles "Tory" stood apart from "Tories" in 57 articles.
        owners.append(itself)
    owner = _one(owners, article)
    return _renamed(entity, owner) if owner is not None else entity


def _one_group(entity: ExtractedEntity, index: ArchiveIndex, _: _Article) -> ExtractedEntity:
    group = index.groups.get(key(entity.name)) if entity.type == "organization" else None
    return entity if group is None else _renamed(entity, group)


def _shortens(short: str, full: str) -> bool:
    """'PFC' or 'Pacific' for 'Pacific Fisheries Council', 'Senate' for 'Peru Senate':
    initials, the full name's first words, or all but a leading place. Any other part of
    a name is no short form of it: on 2,225 BBC articles, a later word ("Bank", a title's
    last word) tied a common word to one body."""
    if _initials(short, full):
        return True
    words, full_words = key(short).split(), key(full).split()
    if len(words) >= len(full_words):
        return False
    if full_words[: len(words)] == words:
        return True
    lead = full.split()[0]
    return full_words[1:] == words and (lookup(lead) is not None or bool(demonym(lead)))


def _member(entity: ExtractedEntity | KnownEntity, known: KnownEntity) -> bool:
    # A group's names include those an earlier reading joined to it ("Heron Party").
    names = group_names(known) if entity.type == "organization" else ()
    return any(member_form(entity.name, name) for name in names)


def _member_of(known: KnownEntity, other: KnownEntity) -> bool:
    return known is not other and _member(known, other)


def _initials(short: str, full: str) -> bool:
    return acronym(short) and acronym_of(short, full)


def _surname(entity: ExtractedEntity, index: ArchiveIndex, article: _Article) -> ExtractedEntity:
    if entity.type != "person":
        return entity
    bare = bare_words(entity.name)
    # One word, or a surname with its particles ("van Persie"): never a full name.
    if len(bare) > 1 and not all(w[:1].islower() for w in bare[:-1]):
        return entity
    said = _honorific_gender(entity, article.body)
    fits = [
        known
        for known in index.surnames.get(tuple(w.casefold() for w in bare), [])
        if said is None or given_name_gender(known.name) in (None, said)
    ]
    # A word that is also a given name may be someone's first name ("Ruiz" is not, "Tomas"
    # is): it goes to an archived surname only when the company agrees.
    owner = _one(fits, article, agreed=len(bare) == 1 and is_given_name(bare[0]))
    return _renamed(entity, owner) if owner is not None else entity


def _honorific_gender(entity: ExtractedEntity, body: str) -> Gender | None:
    """What "Mrs" or "Mr" written before any of its mentions says; "Mrs Ruiz" is no
    archived man of that surname."""
    for mention in entity.mentions:
        said = honorific_gender(f"{body[max(0, mention.start - HONORIFIC_REACH) : mention.start]}")
        if said is None and mention.text.split()[0] in HONORIFICS:
            said = honorific_gender(mention.text.split()[0] + " ")
        if said is not None:
            return said
    return None


def _one(
    candidates: list[KnownEntity], article: _Article, *, agreed: bool = False
) -> KnownEntity | None:
    """The one candidate; of several, the one whose usual company this article shares
    most, else none: two people of one surname stay apart.

    When the company cannot tell them apart (as many shared names each), the one more
    than ``VOTE_MARGIN`` times better known is meant; for a person only if the company
    agrees with them at all. On 2,089 BBC articles a one-article "person" made of a
    slogan tied with a prime minister named in 157 articles, and one misspelt body held
    back a short form 54 articles tie to its full name."""
    # One person written two ways ("Ana B Ruiz", "Ana B. Ruiz") is one candidate: the way
    # more articles use.
    ranked = sorted(candidates, key=lambda c: -c.articles)
    distinct = list({_same(c): c for c in reversed(ranked)}.values())
    if agreed:
        distinct = [c for c in distinct if _shared(c, article)]
    if len(distinct) <= 1:
        return distinct[0] if distinct else None
    scored = sorted(
        ((_shared(c, article), c.articles, c) for c in distinct),
        key=lambda sac: (-sac[0], -sac[1]),
    )
    (shared, known, owner), (second, rival, _) = scored[0], scored[1]
    if shared > second and (shared >= MIN_COMPANY or owner.type != "person"):
        return owner
    prominent = known > VOTE_MARGIN * rival
    return owner if prominent and (shared > 0 or owner.type != "person") else None


def _shared(known: KnownEntity, article: _Article) -> int:
    return len({key(n) for n in known.related} & article.company)


def _same(known: KnownEntity) -> tuple[str, ...]:
    return (known.type, *(w.casefold() for w in bare_words(known.name)))


def _renamed(entity: ExtractedEntity, known: KnownEntity) -> ExtractedEntity:
    if key(known.name) == key(entity.name) and known.type == entity.type:
        return entity
    aliases = sorted({*entity.aliases, entity.name} - {known.name})
    code = entity.country_code if entity.type == known.type else known.country_code
    return entity.model_copy(
        update={"name": known.name, "type": known.type, "aliases": aliases, "country_code": code}
    )


def _merged(entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Entities the steps gave one name (or one ISO code) become one."""
    out: dict[tuple[str, str], ExtractedEntity] = {}
    for entity in entities:
        code = entity.country_code if entity.type == "country" else None
        slot = (entity.type, code or key(entity.name))
        kept = out.get(slot)
        out[slot] = entity if kept is None else _joined(kept, entity)
    return list(out.values())


def _joined(kept: ExtractedEntity, other: ExtractedEntity) -> ExtractedEntity:
    spans = {(m.start, m.end): m for m in (*kept.mentions, *other.mentions)}
    mentions: list[ExtractedMention] = [spans[s] for s in sorted(spans)]
    aliases = sorted({*kept.aliases, *other.aliases, other.name} - {kept.name})
    return kept.model_copy(
        update={
            "aliases": aliases,
            "mentions": mentions,
            "description": kept.description or other.description,
        }
    )
