"""Organizations found under several names in one article become one."""

from __future__ import annotations

from app.extraction.budget import check
from app.extraction.gazetteer import demonym, lookup
from app.extraction.groups import Group
from app.extraction.organizations import acronym, acronym_of, org_head


def merge_orgs(groups: list[Group]) -> None:
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
