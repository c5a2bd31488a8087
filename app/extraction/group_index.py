"""Which entity a fully found span joins: same person, same country, same name."""

from __future__ import annotations

from typing import Any

from app.extraction.found import Found
from app.extraction.gazetteer import fold
from app.extraction.groups import Group, bare_words, names_of
from app.extraction.short_forms import ShortForms, short_form_owner


class GroupIndex:
    """The groups an item can join, by the keys ``find_group`` compares: a scan of every
    group per item made articles with thousands of names quadratic. Looked up in creation
    order, it finds the group the scan would."""

    def __init__(self) -> None:
        self.order: dict[int, int] = {}
        # Person groups by every tail of their bare names and by their first words,
        # lower-cased: the forms ``same_person`` accepts. Keyed by the last word alone,
        # thousands of people sharing surnames made each look-up a long list.
        self.people: dict[tuple[str, ...], list[tuple[int, Group]]] = {}
        self.countries: dict[str | None, Group] = {}
        self.names: dict[tuple[str, str], list[tuple[int, Group]]] = {}
        self.seen: set[tuple[Any, int]] = set()
        self.short_forms = ShortForms()
        self.person_names: dict[int, str] = {}  # the name each person's keys were made from

    def _put(
        self, table: dict[Any, list[tuple[int, Group]]], key: Any, entry: tuple[int, Group]
    ) -> None:
        seen = (key, id(entry[1]))
        if seen not in self.seen:  # each group once per key (keys are tuples of words)
            self.seen.add(seen)
            table.setdefault(key, []).append(entry)

    def add(self, group: Group, item: Found, groups: list[Group]) -> None:
        """Index ``group`` again after ``item`` joined it (its name may have changed)."""
        entry = (self.order.setdefault(id(group), len(groups) - 1), group)
        self.short_forms.add(group)
        if group.kind == "person":
            if self.person_names.get(id(group)) == group.name:
                return  # same name, same keys: already indexed
            self.person_names[id(group)] = group.name
            bare = [w.lower() for w in bare_words(group.name)]
            for key in person_keys(bare):
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
            bare = tuple(w.lower() for w in bare_words(item.text))
            candidates = self.people.get(("tail", *bare), []) if bare else []
            if len(bare) == 1:
                candidates = candidates + self.people.get(("first", *bare), [])
            matching = [c for c in candidates if same_person(item.text, c[1].name)]
        else:
            matching = self.names.get((item.kind, fold(item.text)), [])
        return min(matching, key=lambda c: c[0])[1] if matching else None


def person_keys(bare: list[str]) -> list[tuple[str, ...]]:
    """Whole name and shorter tails ("Persie", "van Persie"), and the first word alone."""
    tails = [("tail", *bare[-n:]) for n in range(1, len(bare) + 1)]
    return [*tails, ("first", bare[0])] if bare else []


def find_group(groups: list[Group], item: Found, index: GroupIndex | None = None) -> Group | None:
    found = index.find(item) if index is not None else _scan(groups, item)
    if found is not None:
        return found
    if item.kind in ("other", "person") and len(item.text.split()) == 1:
        return index.short_forms.owner(item.text) if index else short_form_owner(groups, item.text)
    return None


def _scan(groups: list[Group], item: Found) -> Group | None:
    for group in groups:
        if item.kind in ("country",) and group.kind == "country":
            if item.code == group.code:
                return group
        elif item.kind == group.kind == "person":
            if same_person(item.text, group.name):
                return group
        elif item.kind == group.kind and fold(item.text) in names_of(group):
            return group
    return None


def same_person(text: str, name: str) -> bool:
    # Case-blind, so a particle opening a sentence ("Bin Laden") still matches.
    part = [w.lower() for w in bare_words(text)]
    full = [w.lower() for w in bare_words(name)]
    if part == full:
        return True
    n = len(part)
    return n < len(full) and (full[-n:] == part or (n == 1 and full[0] == part[0]))
