"""Sieve: groups named by their members ("the Tories", "Lib Dems", "a Conservative MP").

A person's name is never made plural, so a capitalised word the article also writes
as its plural ("Tory" and "Tories", "Democrat" and "Democrats") names a group, most
often a party, and never a person. Such forms, the clipped forms of a group's name
("Lib Dems" for "Liberal Democrats") and a party's adjective beside "<Word> Party"
("Labour", "Conservatives" beside "Conservative Party") are one organization:
``families`` marks them before linking and ``merge_families`` joins the entities
linking made of them.
"""

from __future__ import annotations

import re

from app.extraction.found import Context, Found
from app.extraction.people import is_given_name
from app.extraction.schemas import ExtractedEntity, ExtractedMention
from app.extraction.teams import NOT_TEAMS
from app.extraction.wordsets import dictionary_word, words

# Nouns that end a party's or a movement's name and drop in its member forms.
GROUP_HEADS = words("Party Parties Movement Front Alliance League")
MIN_CLIP = 3  # "Lib" for "Liberal"; "Li" is no clipped word
# Nouns only a party's members go by: "a Tory MP", "the Democrat candidate". Peoples and
# faiths have leaders and voters too ("Serb leaders"), so those words prove nothing.
_MEMBER_NOUNS = (
    "MP|MPs|MEP|MEPs|MSP|MSPs|peer|peers|backbencher|backbenchers|manifesto|candidate|"
    "candidates|councillor|councillors|party|Party|nominee|primary|primaries|senator|"
    "senators|congressman|congresswoman|lawmaker|lawmakers|co-chairman"
)
MEMBER_NOUNS = words(_MEMBER_NOUNS.replace("|", " "))


def plurals(word: str) -> tuple[str, ...]:
    """'Tory' -> 'Tories'; 'Democrat' -> 'Democrats'."""
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return (word[:-1] + "ies",)
    return (word + "s", word + "es")


def families(found: list[Found], ctx: Context) -> dict[str, str]:
    """Surface -> family key for the member forms of groups, re-typing them (in place)
    as organizations. The key is the fullest way the article names the group."""
    # A name ``things`` made an event is no group: "an X nominee" is no party member.
    eligible = [f for f in found if _eligible(f) and f.decided_by != "things"]
    texts = {f.text for f in eligible}
    family: dict[str, str] = {}
    for text in texts:
        *lead, last = text.split()  # once per name, not once per plural form
        for plural in plurals(last):
            many = " ".join([*lead, plural])
            if many in texts and _members(text, ctx):
                family[text] = family[many] = many
    orgs = {f.text for f in found if f.kind == "organization" and " " in f.text}
    # Clipped forms by their first letters: comparing every name with every form was
    # a product of two lists.
    clippable: dict[str, list[str]] = {}
    for text in texts:
        if " " in text:
            clippable.setdefault(text[:MIN_CLIP], []).append(text)
    for name in sorted(orgs, key=len):
        parts = name.split()
        if parts[-1] in GROUP_HEADS and len(parts) == 2:
            # "Conservative Party": "Conservative", "Conservatives" are its members.
            for form in (parts[0], *plurals(parts[0])):
                if form in texts or form in family:
                    family[form] = name
        for text in clippable.get(parts[0][:MIN_CLIP], ()):
            if text != name and clipped(text, name):
                family[text] = name
    # Members of one family name the family's fullest form.
    for form, key in list(family.items()):
        family[form] = family.get(key, key)
    for key in set(family.values()):
        family.setdefault(key, key)
    for item in found:
        if item.text in family and _eligible(item):
            item.kind, item.weak, item.common, item.code = "organization", False, False, None
    return family


_LEADERS = "leader|leaders|leadership|spokesman|spokeswoman|chairman|president"
_MEMBERS = re.compile(rf" (?:{_MEMBER_NOUNS})\b")
_MEMBERS_OR_LEADERS = re.compile(rf" (?:{_MEMBER_NOUNS}|{_LEADERS})\b")
# What a party has that a people or a place has not: "Labour's manifesto", "the Labour
# government", "Tory rebels".
_PARTY_THINGS = re.compile(
    rf"(?:['’]s)? (?:{_MEMBER_NOUNS}|manifesto|conference|minister|ministers|whip|"
    r"whips|frontbench|benches)\b"
)
# A leader's government is named after the leader too ("the Castro government"): these
# make a party only of an ordinary word ("the Labour government").
_GOVERNED = re.compile(r"(?:['’]s)? (?:government|administration|policies|policy)\b")
# Adjectives of peoples and faiths: "Kurdish ministers", "Islamic party".
ADJECTIVE_ENDINGS = ("ish", "ese", "ian", "ic", "ine", "ern", "an")


def party_context(found: list[Found], ctx: Context) -> None:
    """Re-type, in place, a lone name that the words after it make a party: a party
    name is often an ordinary word ("Labour", "Reform") that a dictionary lists."""
    people = {w for f in found if f.kind == "person" for w in f.text.split()}
    named = {
        f.text
        for f in found
        if _eligible(f)
        and " " not in f.text
        and f.text not in people
        and not f.text.endswith(ADJECTIVE_ENDINGS)
        and _party_use(f, ctx)
    }
    # "the Lib Dems warned": people are never named with an article and a plural.
    named |= {f.text for f in found if f.kind == "person" and _plural_group(f, ctx)}
    for item in found:
        if item.text in named and _eligible(item) and (item.weak or item.kind != "person"):
            item.kind, item.weak, item.common = "organization", False, False
        elif item.text in named and item.kind == "person":
            item.kind = "organization"


def _plural_group(item: Found, ctx: Context) -> bool:
    parts = item.text.split()
    if len(parts) < 2 or not parts[-1].endswith("s") or parts[-1].endswith("ss"):
        return False
    if parts[-1] in NOT_TEAMS:
        return False  # "the Golan Heights", "the Commonwealth Games"
    return ctx.body[max(0, item.start - 4) : item.start].lower() == "the "


def _party_use(item: Found, ctx: Context) -> bool:
    if item.initial and ctx.body[item.end : item.end + 2] not in ("'s", "’s"):
        return False  # "Policy makers ..." at a sentence start
    if _PARTY_THINGS.match(ctx.body, item.end) is not None:
        return True
    ordinary = dictionary_word(item.text.lower()) and not is_given_name(item.text)
    return ordinary and _GOVERNED.match(ctx.body, item.end) is not None


def _members(text: str, ctx: Context) -> bool:
    """'Tory MP', 'Democrat candidate': the singular names a party member somewhere. A
    name of two words is no people, so its leader counts too ("Green Left leader")."""
    after = _MEMBERS_OR_LEADERS if " " in text else _MEMBERS
    # Each occurrence is tried with one compiled pattern: a pattern built per name
    # cost a compilation per article.
    pos = ctx.body.find(text)
    while pos != -1:
        end = pos + len(text)
        whole = (pos == 0 or not ctx.body[pos - 1].isalnum()) and after.match(ctx.body, end)
        if whole:
            return True
        pos = ctx.body.find(text, end)
    return False


def _eligible(item: Found) -> bool:
    """Capitalised names read as people, bodies or nothing; never places or peoples."""
    if item.demonym or item.qualified or item.kind in ("country", "place"):
        return False
    return item.text[:1].isupper() and not item.text.isupper()


def clipped(short: str, name: str) -> bool:
    """'Lib Dems' / 'Lib Dem' for 'Liberal Democrats': each word a clipped start of the
    name's word (a plural 's' aside), at least one truly clipped."""
    a, b = short.split(), name.split()
    if len(a) != len(b) or len(a) < 2 or short == name:
        return False
    pairs = list(zip(a, b, strict=True))
    last_a, last_b = pairs[-1]
    pairs[-1] = (last_a.removesuffix("s"), last_b)
    fits = all(len(x) >= MIN_CLIP and y.startswith(x) for x, y in pairs)
    return fits and any(len(x) < len(y) for x, y in pairs)


def member_form(form: str, name: str) -> bool:
    """'Tory' for 'Tories', 'Liberal Democrat' for 'Liberal Democrats', 'Conservatives'
    for 'Conservative Party', 'Lib Dems' for 'Liberal Democrats': the ways members name
    their group, which ``families`` joins inside one article."""
    a, b = form.split(), name.split()
    if len(a) == len(b) and a[:-1] == b[:-1] and b[-1] in plurals(a[-1]):
        return True
    if len(a) == 1 and len(b) == 2 and b[1] in GROUP_HEADS:
        return a[0] == b[0] or a[0] in plurals(b[0])
    return clipped(form, name)


def merge_families(entities: list[ExtractedEntity], family: dict[str, str]) -> None:
    """Join, in place, the organizations whose names belong to one family."""
    keeper: dict[str, ExtractedEntity] = {}
    for entity in list(entities):
        key = family.get(entity.name) if entity.type == "organization" else None
        if key is None:
            continue
        first = keeper.setdefault(key, entity)
        if first is entity:
            continue
        _absorb(first, entity)
        entities.remove(entity)


def _absorb(into: ExtractedEntity, other: ExtractedEntity) -> None:
    names = {into.name, *into.aliases, other.name, *other.aliases}
    into.name = max(names, key=lambda n: (len(n), n))
    into.aliases = sorted(names - {into.name})
    seen = {(m.start, m.end) for m in into.mentions}
    extra: list[ExtractedMention] = [m for m in other.mentions if (m.start, m.end) not in seen]
    into.mentions = sorted([*into.mentions, *extra], key=lambda m: m.start)
    into.description = into.description or other.description
