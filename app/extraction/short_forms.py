"""Short forms: the one entity a bare word or abbreviation stands for.

A surname or given name ("Persie", "Robin") for a person named in full, a first word,
head word or initials ("Acme", "the Court", "ACB") for an organization.
"""

from __future__ import annotations

from app.extraction.gazetteer import demonym, fold, lookup
from app.extraction.groups import Group, names_of
from app.extraction.organizations import ORG_OPENERS, acronym, acronym_of, org_head
from app.extraction.people import is_given_name, is_particle, is_surname


def short_form_owner(groups: list[Group], text: str) -> Group | None:
    """The one entity a bare word stands for: a surname, given name or short org name."""
    return pick_owner([g for g in groups if is_short_form(text, g)], text)


def pick_owner(owners: list[Group], text: str) -> Group | None:
    if len(owners) == 1:
        return owners[0]
    people = [g for g in owners if g.kind == "person" and g.name.split()[-1] == text]
    # Two people sharing a surname: the bare surname means the one introduced first.
    return min(people, key=lambda g: min(i.start for i in g.items)) if people else None


class ShortForms:
    """Groups by the bare words ``is_short_form`` accepts for them: a scan of every group
    per bare word made articles with thousands of names quadratic. Keys are only ever
    added (a renamed group keeps its old ones), and each candidate is checked again, so
    the owners found are those the scan finds, in the same order."""

    def __init__(self, groups: list[Group] | None = None) -> None:
        self.order: dict[int, int] = {}
        self.keys: dict[tuple[str, ...], list[Group]] = {}
        self.seen: set[tuple[tuple[str, ...], int]] = set()
        # What each group's keys were made from; a group's keys change only with these.
        self.made_from: dict[int, tuple[str, str, int]] = {}
        for group in groups or []:
            self.add(group)

    def add(self, group: Group) -> None:
        """Index ``group`` (again, after it changed)."""
        self.order.setdefault(id(group), len(self.order))
        # A group's keys change only with its kind, name and surfaces; a quarter of the
        # additions (measured over the BBC articles) change none of them.
        made_from = (group.kind, group.name, len(group.surfaces))
        if self.made_from.get(id(group)) == made_from:
            return
        self.made_from[id(group)] = made_from
        for key in short_form_keys(group):
            seen = (key, id(group))
            if seen not in self.seen:
                self.seen.add(seen)
                self.keys.setdefault(key, []).append(group)

    def owner(self, text: str) -> Group | None:
        keys = [("word", text), ("tail", *text.split()), ("initials", text.replace(".", ""))]
        keys.append(("fold", fold(text)))
        found = {id(g): g for key in keys for g in self.keys.get(key, [])}
        owners = [g for g in found.values() if is_short_form(text, g)]
        return pick_owner(sorted(owners, key=lambda g: self.order[id(g)]), text)


def short_form_keys(group: Group) -> list[tuple[str, ...]]:
    words = group.name.split()
    if group.kind == "person":
        tails = [("tail", *words[-n:]) for n in range(1, len(words))]
        first = [("word", words[0])] if words else []
        return first + tails + [("word", w) for w in first_surname(words)]
    if group.kind == "organization" and len(words) > 1:
        keys = [("word", words[0]), ("word", head_of(words))]
        if len(words) == 3 and words[1] == "of":
            keys.append(("word", words[2]))
        capitalised = [w for w in group.name.replace("-", " ").split() if w[:1].isupper()]
        return [*keys, ("initials", "".join(w[0] for w in capitalised))]
    return [("fold", name) for name in names_of(group)]


def is_short_form(text: str, group: Group) -> bool:
    words = group.name.split()
    if group.kind == "person":
        # "van Persie" for "Robin van Persie": a surname may be several words.
        tail = text.split()
        if text in first_surname(words):
            return True
        return len(words) > len(tail) and (text == words[0] or words[-len(tail) :] == tail)
    if group.kind == "organization" and len(words) > 1:
        if acronym(text) and acronym_of(text, group.name):
            return True
        first = words[0]
        if text == first:
            return not org_head(first) and lookup(first) is None and not demonym(first)
        # "the Court", "the University": the head word standing for the whole name;
        # "Unity" for "Church of Unity": what the body is of.
        if text == head_of(words):
            return org_head(text) or text in ORG_OPENERS
        return len(words) == 3 and words[1] == "of" and text == words[2]
    return fold(text) in names_of(group)


def first_surname(words: list[str]) -> list[str]:
    """'Varcena' of "Tomas Elio Varcena Ruiloba": a name of two surnames, the father's
    then the mother's, is cut to the first. A given name there is a middle name instead
    ("Ana Luisa Pereda")."""
    if len(words) < 3:
        return []
    word = words[-2]
    middle = is_given_name(word) and not is_surname(word)
    if not word[:1].isupper() or middle or is_particle(word):
        return []
    return [word]


def head_of(words: list[str]) -> str:
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]
