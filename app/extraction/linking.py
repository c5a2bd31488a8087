"""Group the spans found in one article into entities, one per real-world thing.

A later surname or given name joins the person introduced in full earlier; a short
form ("Acme", "ACB", "Trade Department") joins the organization whose full name
it abbreviates; every way of writing a country joins it through its ISO code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.extraction.budget import check
from app.extraction.found import Found
from app.extraction.gazetteer import country_by_code, demonym, fold, lookup
from app.extraction.organizations import ORG_OPENERS, acronym, acronym_of, org_head
from app.extraction.people import HONORIFICS, is_given_name
from app.extraction.schemas import EntityType, ExtractedEntity, ExtractedMention
from app.extraction.wordsets import dictionary_word

MIN_RECURRING = 2
_INITIAL = re.compile(r"[A-Z]\.?")
# Recurring capitalised words with these endings are adjectives or groups ("Baltic").
_ADJECTIVE_ENDINGS = ("ish", "ese", "ian", "ians", "ans", "ic", "ics", "ean", "eans")
# A country only ever called up through its people ("Peruvian officials") is one
# the article is about once it comes back; a single adjective is scenery.
MIN_DEMONYMS = 2


@dataclass(slots=True)
class Group:
    kind: EntityType
    name: str
    code: str | None = None
    items: list[Found] = field(default_factory=list)
    surfaces: set[str] = field(default_factory=set)

    def add(self, item: Found) -> None:
        self.items.append(item)
        self.surfaces.add(fold(item.text))
        named = item.kind in ("person", "organization", "other") and not item.qualified
        if named and _longer(item.text, self.name):
            self.name = item.text


def _longer(candidate: str, current: str) -> bool:
    """The fuller name wins; "Ana Ruiz" over "Ms Ruiz", which names her less."""
    new, old = len(bare_name(candidate)), len(bare_name(current))
    if new != old:
        return new > old
    return current.split()[0] in HONORIFICS and candidate.split()[0] not in HONORIFICS


def link(found: list[Found]) -> list[ExtractedEntity]:
    _surnames_over_places(found)
    groups: list[Group] = []
    # Fullest names first, so shorter and titled forms find their owner.
    plain = (f for f in found if not f.weak and not f.qualified)
    strong = sorted(plain, key=lambda f: -len(bare_name(f.text)))
    index = _Index()
    for item in strong:
        check()
        target = _find_group(groups, item, index)
        if target is None:
            target = Group(item.kind, _country_name(item, found), item.code)
            groups.append(target)
        target.add(item)
        index.add(target, item, groups)
    _merge_orgs(groups)
    _attach_qualified(groups, [f for f in found if f.qualified])
    unresolved: dict[str, list[Found]] = {}
    forms = _ShortForms(groups)
    for item in (f for f in found if f.weak):
        check()
        target = forms.owner(item.text)
        if target is not None:
            target.add(item)
            forms.add(target)
        elif not item.common:
            unresolved.setdefault(item.text, []).append(item)
    groups += _recurring_names(unresolved)
    # "Labour" found alone joins "Labour Party" like any other short form.
    _merge_orgs(groups)
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
    surnames = {f.text.split()[-1] for f in found if f.kind == "person" and " " in f.text}
    for item in found:
        if item.kind == "place" and item.text in surnames:
            item.kind, item.code, item.weak = "person", None, True


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
        if (not hinted and dictionary_word(text)) or _plural_word(text):
            continue
        if not _name_shaped(text) or (
            not hinted and sum(not i.initial for i in items) < MIN_RECURRING
        ):
            continue
        # Singular and plural both capitalised ("Baptist", "Baptists"): a class of things.
        if text + "s" in unresolved or (text.endswith("s") and text[:-1] in unresolved):
            continue
        kind: EntityType = "person" if is_given_name(text) and not hinted else "organization"
        group = Group(kind, text)
        for item in items:
            item.kind = kind
            group.add(item)
        groups.append(group)
    return groups


def _plural_word(text: str) -> bool:
    """'Analysts said', 'Officials told': a plural of an ordinary word is a group of people."""
    return text.endswith("s") and dictionary_word(text[:-1])


def _name_shaped(text: str) -> bool:
    """Not a contraction ("I'm") and not a plural abbreviation ("CEOs")."""
    if "'" in text or "\u2019" in text or text.endswith(_ADJECTIVE_ENDINGS):
        return False
    return not (text.endswith("s") and text[:-1].isupper() and len(text) > 2)


class _Index:
    """The groups an item can join, by the keys ``_find_group`` compares: a scan of every
    group per item made articles with thousands of names quadratic. Looked up in creation
    order, it finds the group the scan would."""

    def __init__(self) -> None:
        self.order: dict[int, int] = {}
        # Person groups by every tail of their bare names and by their first words,
        # lower-cased: the forms ``_same_person`` accepts. Keyed by the last word alone,
        # thousands of people sharing surnames made each look-up a long list.
        self.people: dict[tuple[str, ...], list[tuple[int, Group]]] = {}
        self.countries: dict[str | None, Group] = {}
        self.names: dict[tuple[str, str], list[tuple[int, Group]]] = {}
        self.seen: set[tuple[str, int]] = set()
        self.short_forms = _ShortForms()

    def _put(
        self, table: dict[Any, list[tuple[int, Group]]], key: Any, entry: tuple[int, Group]
    ) -> None:
        if (repr(key), id(entry[1])) not in self.seen:  # each group once per key
            self.seen.add((repr(key), id(entry[1])))
            table.setdefault(key, []).append(entry)

    def add(self, group: Group, item: Found, groups: list[Group]) -> None:
        """Index ``group`` again after ``item`` joined it (its name may have changed)."""
        entry = (self.order.setdefault(id(group), len(groups) - 1), group)
        self.short_forms.add(group)
        if group.kind == "person":
            bare = [w.lower() for w in bare_name(group.name)]
            for key in _person_keys(bare):
                self._put(self.people, key, entry)
        elif group.kind == "country":
            self.countries.setdefault(group.code, group)
        else:
            for name in {fold(item.text), fold(group.name)}:
                self._put(self.names, (group.kind, name), entry)

    def find(self, item: Found) -> Group | None:
        if item.kind == "country":
            return self.countries.get(item.code)
        if item.kind == "person":
            bare = tuple(w.lower() for w in bare_name(item.text))
            candidates = self.people.get(("tail", *bare), []) if bare else []
            if len(bare) == 1:
                candidates = candidates + self.people.get(("first", *bare), [])
            matching = [c for c in candidates if _same_person(item.text, c[1].name)]
        else:
            matching = self.names.get((item.kind, fold(item.text)), [])
        return min(matching, key=lambda c: c[0])[1] if matching else None


def _person_keys(bare: list[str]) -> list[tuple[str, ...]]:
    """Whole name and shorter tails ("Persie", "van Persie"), and the first word alone."""
    tails = [("tail", *bare[-n:]) for n in range(1, len(bare) + 1)]
    return [*tails, ("first", bare[0])] if bare else []


def _find_group(groups: list[Group], item: Found, index: _Index | None = None) -> Group | None:
    found = index.find(item) if index is not None else _scan(groups, item)
    if found is not None:
        return found
    if item.kind in ("other", "person") and len(item.text.split()) == 1:
        return index.short_forms.owner(item.text) if index else _short_form_owner(groups, item.text)
    return None


def _scan(groups: list[Group], item: Found) -> Group | None:
    for group in groups:
        if item.kind in ("country",) and group.kind == "country":
            if item.code == group.code:
                return group
        elif item.kind == group.kind == "person":
            if _same_person(item.text, group.name):
                return group
        elif item.kind == group.kind and fold(item.text) in _names(group):
            return group
    return None


def _same_person(text: str, name: str) -> bool:
    # Case-blind, so a particle opening a sentence ("Bin Laden") still matches.
    part = [w.lower() for w in bare_name(text)]
    full = [w.lower() for w in bare_name(name)]
    if part == full:
        return True
    n = len(part)
    return n < len(full) and (full[-n:] == part or (n == 1 and full[0] == part[0]))


def bare_name(name: str) -> list[str]:
    """The words that name someone: no honorific, no middle initial ("George W Bush")."""
    words = name.split()
    words = words[1:] if len(words) > 1 and words[0] in HONORIFICS else words
    inner = [w for w in words[1:-1] if not _INITIAL.fullmatch(w)]
    return [*words[:1], *inner, *words[1:][-1:]] if len(words) > 2 else words


def _names(group: Group) -> set[str]:
    return group.surfaces | {fold(group.name)}


def _short_form_owner(groups: list[Group], text: str) -> Group | None:
    """The one entity a bare word stands for: a surname, given name or short org name."""
    return _pick_owner([g for g in groups if _is_short_form(text, g)], text)


def _pick_owner(owners: list[Group], text: str) -> Group | None:
    if len(owners) == 1:
        return owners[0]
    people = [g for g in owners if g.kind == "person" and g.name.split()[-1] == text]
    # Two people sharing a surname: the bare surname means the one introduced first.
    return min(people, key=lambda g: min(i.start for i in g.items)) if people else None


class _ShortForms:
    """Groups by the bare words ``_is_short_form`` accepts for them: a scan of every group
    per bare word made articles with thousands of names quadratic. Keys are only ever
    added (a renamed group keeps its old ones), and each candidate is checked again, so
    the owners found are those the scan finds, in the same order."""

    def __init__(self, groups: list[Group] | None = None) -> None:
        self.order: dict[int, int] = {}
        self.keys: dict[tuple[str, ...], list[Group]] = {}
        self.seen: set[tuple[tuple[str, ...], int]] = set()
        for group in groups or []:
            self.add(group)

    def add(self, group: Group) -> None:
        """Index ``group`` (again, after it changed)."""
        self.order.setdefault(id(group), len(self.order))
        for key in _short_form_keys(group):
            if (key, id(group)) not in self.seen:
                self.seen.add((key, id(group)))
                self.keys.setdefault(key, []).append(group)

    def owner(self, text: str) -> Group | None:
        keys = [("word", text), ("tail", *text.split()), ("initials", text.replace(".", ""))]
        keys.append(("fold", fold(text)))
        found = {id(g): g for key in keys for g in self.keys.get(key, [])}
        owners = [g for g in found.values() if _is_short_form(text, g)]
        return _pick_owner(sorted(owners, key=lambda g: self.order[id(g)]), text)


def _short_form_keys(group: Group) -> list[tuple[str, ...]]:
    words = group.name.split()
    if group.kind == "person":
        tails = [("tail", *words[-n:]) for n in range(1, len(words))]
        return [("word", words[0]), *tails] if words else []
    if group.kind == "organization" and len(words) > 1:
        keys = [("word", words[0]), ("word", _head(words))]
        if len(words) == 3 and words[1] == "of":
            keys.append(("word", words[2]))
        capitalised = [w for w in group.name.replace("-", " ").split() if w[:1].isupper()]
        return [*keys, ("initials", "".join(w[0] for w in capitalised))]
    return [("fold", name) for name in _names(group)]


def _is_short_form(text: str, group: Group) -> bool:
    words = group.name.split()
    if group.kind == "person":
        # "van Persie" for "Robin van Persie": a surname may be several words.
        tail = text.split()
        return len(words) > len(tail) and (text == words[0] or words[-len(tail) :] == tail)
    if group.kind == "organization" and len(words) > 1:
        if acronym(text) and acronym_of(text, group.name):
            return True
        first = words[0]
        if text == first:
            return not org_head(first) and lookup(first) is None and not demonym(first)
        # "the Court", "the University": the head word standing for the whole name;
        # "Unity" for "Church of Unity": what the body is of.
        if text == _head(words):
            return org_head(text) or text in ORG_OPENERS
        return len(words) == 3 and words[1] == "of" and text == words[2]
    return fold(text) in _names(group)


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
            item.kind = keeper.kind
            keeper.add(item)
        group.items = []
    groups[:] = [g for g in groups if g.items]


def _head(words: list[str]) -> str:
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def _merge_orgs(groups: list[Group]) -> None:
    """'ACB' and 'ACB Group', 'Trade Department' and 'Peru Trade Department' are one body."""
    orgs = sorted((g for g in groups if g.kind == "organization"), key=lambda g: len(g.name))
    variants = _Variants(orgs)
    for small in orgs:
        check()
        for big in variants.candidates(small.name):
            if big is small or len(big.name) <= len(small.name) or not big.items:
                continue
            if _org_variant(small.name, big.name):
                named = big.name
                for item in small.items:
                    big.add(item)
                small.items = []
                if big.name != named:
                    variants.add(big)
                break
    groups[:] = [g for g in groups if g.items]


class _Variants:
    """Organizations by the shorter names ``_org_variant`` accepts for them (initials, the
    name less its head word or its leading place): comparing every pair was quadratic."""

    def __init__(self, orgs: list[Group]) -> None:
        self.order = {id(g): i for i, g in enumerate(orgs)}
        self.by_initials: dict[str, list[Group]] = {}
        self.by_cut: dict[str, list[Group]] = {}
        for group in orgs:
            self.add(group)

    def add(self, big: Group) -> None:
        capitalised = [w for w in big.name.replace("-", " ").split() if w[:1].isupper()]
        if len(capitalised) >= 2:
            self.by_initials.setdefault("".join(w[0] for w in capitalised), []).append(big)
        words = big.name.split()
        if org_head(words[-1]):
            self.by_cut.setdefault(" ".join(words[:-1]), []).append(big)
        if lookup(words[0]) or demonym(words[0]):
            self.by_cut.setdefault(" ".join(words[1:]), []).append(big)

    def candidates(self, small: str) -> list[Group]:
        """Every group ``small`` may be a variant of, in the order a scan would meet them."""
        found = list(self.by_cut.get(small, []))
        if acronym(small):
            found += self.by_initials.get(small.replace(".", ""), [])
        return sorted({id(g): g for g in found}.values(), key=lambda g: self.order[id(g)])


def _org_variant(small: str, big: str) -> bool:
    if acronym(small) and acronym_of(small, big):
        return True
    words = big.split()
    head_cut = " ".join(words[:-1]) if org_head(words[-1]) else None
    lead = lookup(words[0]) or demonym(words[0])
    lead_cut = " ".join(words[1:]) if lead is not None else None
    return small in (head_cut, lead_cut)


def _entity(group: Group) -> ExtractedEntity:
    seen: set[tuple[int, int]] = set()
    mentions: list[ExtractedMention] = []
    items = group.items
    if any(not i.demonym for i in items):
        # A country the article names is recorded by its names; one it only
        # calls up through its people ("Peruvian") keeps those words.
        items = [i for i in items if not i.demonym]
    for item in sorted(items, key=lambda i: i.start):
        if (item.start, item.end) not in seen:
            seen.add((item.start, item.end))
            mentions.append(ExtractedMention(text=item.text, start=item.start, end=item.end))
    written = {i.text for i in group.items if not i.demonym}
    country = country_by_code(group.code) if group.kind == "country" and group.code else None
    if country is not None:
        written.add(country.name)  # the common name stays findable as an alias
    aliases = sorted(written - {group.name})
    description = next((i.description for i in group.items if i.description), None)
    return ExtractedEntity(
        name=group.name,
        type=group.kind,
        country_code=group.code,
        description=description,
        aliases=aliases,
        mentions=mentions,
    )
