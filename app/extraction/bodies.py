"""Sieve: lone names that the words around them make companies, groups or no body.

Runs after classification, on the whole article's findings:
1. ``companies``: a town's name used as a firm ("car maker Toyota", "Toyota's chief
   executive", "Hyundai, Toyota and Ford"), since big firms share names with towns; and
   a lone name that does a firm's deeds or is listed as one (``firms``).
2. ``bodies_not_places``: a word read as a place only from "in" before it, that acts
   as a body elsewhere in the article.
3. ``groups``: a letter and a number that meet or summit ("G5 trade ministers").
4. ``not_bodies``: a name used as a time ("over Christmas") and, in a sports report, a
   competition ("the Champions League"): neither is an organization.
"""

from __future__ import annotations

import re
from itertools import pairwise

from app.extraction.firms import firm_deed_after, listed_as_firms
from app.extraction.found import Context, Found
from app.extraction.gazetteer import demonym, lookup
from app.extraction.organizations import ORG_CUES, not_an_org
from app.extraction.people import is_given_name
from app.extraction.teams import sports_report
from app.extraction.wordsets import dictionary_word, plural_word, proper_noun, words

# What a firm owns or is run by; a town has none of these.
_FIRM_NOUNS = (
    r"chief executive|chairman|chairwoman|boss|bosses|shareholders|shares|subsidiary|"
    r"profits|profit|ceo|board|executives"
)
# What a firm has but a place may have too: read only for names no gazetteer knows.
_MINOR_FIRM_NOUNS = r"sales|revenues|revenue|earnings|plant|plants|factory|factories|products"
_FIRM_AFTER = re.compile(rf"(?:['’]s)? (?:{_FIRM_NOUNS})\b")
_MINOR_FIRM_AFTER = re.compile(rf"(?:['’]s)? (?:{_FIRM_NOUNS}|{_MINOR_FIRM_NOUNS})\b")
_ADJECTIVE_ENDINGS = ("ean", "ian", "ese", "ish", "ic", "an")
_HOLDINGS = words("shares share stake stakes holding holdings")
_DOMAIN = re.compile(r"\.[a-z]")
_LIST_GAPS = frozenset({", ", " and ", ", and "})
MIN_LISTED_FIRMS = 2
# "G7", "G20", "E3": a letter and a number name a group of states when it meets.
_GROUP_CODE = re.compile(r"[A-Z]\d{1,2}")
_MEETS = re.compile(
    r"(?:['’]s)? (?:summit|summits|nations|countries|members|ministers|leaders|meeting|"
    r"talks|states|economies|group|finance|foreign|trade|chairmanship|presidency)\b"
)
# Words before a name used as a time: "over Christmas", "this Easter".
# ("by", "after" and "over" come before bodies as often: "by FIFA", "over Leeds".)
_TIME_BEFORE = words("this last next during until till")
# Words after a name used as a time: "Christmas period", "Easter weekend", "Diwali 2004".
_TIME_AFTER = re.compile(
    r" (?:season|period|holiday|holidays|weekend|week|break|trading|Day|Eve|\d{4})\b"
)
_TIME_PREFIXES = ("pre-", "post-", "mid-")
# Heads of competitions rather than bodies, in a sports report.
_COMPETITIONS = words("League Cup Championship Championships Trophy Open Series")
# What is played or won in a competition, right after its name: "the X Cup final",
# "a X League clash"; a body that runs one has officials, members and rules instead.
_PLAYED_AFTER = re.compile(
    r" (?:final|finals|semi-final|semi-finals|quarter-final|quarter-finals|tie|ties|match|"
    r"matches|clash|game|games|fixture|fixtures|qualifier|qualifiers|qualifying|group|"
    r"title|winner|winners|glory|triumph|campaign|draw|exit|debut|spot|place|first-leg|"
    r"second-leg)\b"
)


def bodies(found: list[Found], ctx: Context) -> None:
    """Re-type, in place, what the words around a lone name say it is."""
    companies(found, ctx)
    bodies_not_places(found)
    groups(found, ctx)
    not_bodies(found, ctx)


def _firm_candidate(item: Found) -> bool:
    if item.demonym or item.qualified or " " in item.text:
        return False
    if item.text.endswith(_ADJECTIVE_ENDINGS):
        return False  # "European shares": the shares of a region's firms
    # "Gross profit", "Fishing revenues": an ordinary word owns nothing, and neither does
    # a format or a unit ("CD sales").
    ordinary = dictionary_word(item.text.lower()) or not_an_org(item.text)
    return item.kind == "place" or (item.kind == "other" and not ordinary)


def _firm_context(item: Found, ctx: Context) -> bool:
    if item.kind not in ("place", "other"):
        return False
    # "its Suez revenues": a place earns too, so a place needs a firm's own nouns.
    after = _FIRM_AFTER if item.kind == "place" else _MINOR_FIRM_AFTER
    if after.match(ctx.body, item.end):
        return True
    before = ctx.body[max(0, item.start - 24) : item.start].lower().split()
    # "car maker Toyota"; "shares in Yukos", "a stake in Acme".
    holding = len(before) >= 2 and before[-1] == "in" and before[-2] in _HOLDINGS
    return bool(before) and (before[-1] in ORG_CUES or holding)


def companies(found: list[Found], ctx: Context) -> None:
    # The words around first, the word lists after: most names have no firm's context.
    firms = {f.text for f in found if _firm_context(f, ctx) and _firm_candidate(f)}
    acting = {f.text for f in found if _acting_firm(f, ctx)}
    if sum(f.kind == "organization" for f in found) >= MIN_LISTED_FIRMS:
        firms |= _listed_with_firms(found, ctx)
    for item in found:
        one = item.text in acting and item.kind == "other" and not item.qualified
        if one or (item.text in firms and _firm_candidate(item)):
            item.kind, item.code, item.weak, item.common = "organization", None, False, False
            item.decided_by = "companies"


def _listed_with_firms(found: list[Found], ctx: Context) -> set[str]:
    """'Hyundai, Toyota, Suzuki and Ford': a small town listed among firms is one."""
    ordered = sorted(found, key=lambda f: f.start)
    out: set[str] = set()
    run: list[Found] = []
    for a, b in pairwise([*ordered, None]):
        if a is None:
            continue
        run.append(a)
        if b is not None and ctx.body[a.end : b.start] in _LIST_GAPS:
            continue
        if sum(f.kind == "organization" for f in run) >= MIN_LISTED_FIRMS:
            out |= {f.text for f in run if _firm_candidate(f) and _minor_town(f)}
        run = []
    return out


def _acting_firm(item: Found, ctx: Context) -> bool:
    """'Acme has launched', 'retailers such as Globex and Acme': a lone name that does what
    firms do, or is listed as one, even a word the dictionary holds, when the article
    never writes it in lower case; a word capitalised only by the sentence it opens
    needs the dictionary to write it capitalised (a river's or a myth's name, not
    "Management bought")."""
    word = item.text
    if item.kind != "other" or item.common or item.qualified or " " in word:
        return False
    if is_given_name(word) or word in ctx.later_words or plural_word(word):
        return False  # "Ann bought", "Velt sold": people trade too
    if word.endswith(_ADJECTIVE_ENDINGS) or not_an_org(word) or demonym(word) is not None:
        return False
    if "'" in word or "’" in word or (word.endswith("s") and word[:-1].isupper()):
        return False  # "I've sold", "TVs bought": a contraction, a plural abbreviation
    if _DOMAIN.match(ctx.body, item.end):
        return False  # "sellers such as Acme.net": a web address, of which the word is a part
    if item.initial and dictionary_word(word.lower()) and not proper_noun(word):
        return False
    return firm_deed_after(item, ctx) or listed_as_firms(item, ctx)


def _minor_town(item: Found) -> bool:
    place = lookup(item.text)
    return item.kind == "place" and place is not None and not place.major


def bodies_not_places(found: list[Found]) -> None:
    """'within Scientology' read a word no list knows as a place; where the same word
    elsewhere speaks or acts as a body ("an attorney for Scientology said", "the
    Scientology organization"), it is that body."""
    hinted = {f.text for f in found if f.org_hint and f.kind == "other"}
    guessed = {f.text for f in found if f.kind == "place" and f.decided_by == "single_word"}
    for item in found:
        if item.text in hinted & guessed and item.kind in ("place", "other"):
            item.kind, item.code, item.weak, item.common = "organization", None, False, False
            item.decided_by = "bodies_not_places"


def groups(found: list[Found], ctx: Context) -> None:
    for item in found:
        code = len(item.text) <= 3 and _GROUP_CODE.fullmatch(item.text) is not None
        if code and item.kind == "other" and _MEETS.match(ctx.body, item.end):
            item.kind, item.weak, item.common = "organization", False, False
    coded = {
        f.text
        for f in found
        if f.kind == "organization" and len(f.text) <= 3 and _GROUP_CODE.fullmatch(f.text)
    }
    for item in found if coded else ():
        if item.text in coded:
            item.kind, item.weak, item.common = "organization", False, False


def not_bodies(found: list[Found], ctx: Context) -> None:
    times = {f.text for f in found if " " not in f.text and _as_time(f, ctx)}
    sporting = sports_report(ctx)
    # "the Acme Cup final": a competition played, in any article.
    played = {
        f.text
        for f in found
        if f.kind == "organization" and _competition(f) and _PLAYED_AFTER.match(ctx.body, f.end)
    }
    if not times and not sporting and not played:
        return
    for item in found:
        if item.text in times and item.kind in ("organization", "other", "person"):
            item.kind, item.weak, item.common = "other", True, True
        elif (
            item.kind == "organization" and _competition(item) and (sporting or item.text in played)
        ):
            item.kind, item.decided_by = "other", "not_bodies"


def _as_time(item: Found, ctx: Context) -> bool:
    if item.kind not in ("organization", "other") or ctx.body[item.end : item.end + 2] in (
        "'s",
        "’s",
    ):
        return False
    if ctx.body[max(0, item.start - 5) : item.start].endswith(_TIME_PREFIXES):
        return True
    if _TIME_AFTER.match(ctx.body, item.end):
        return True
    before = ctx.body[max(0, item.start - 10) : item.start].split()
    return bool(before) and before[-1] in _TIME_BEFORE


def _competition(item: Found) -> bool:
    parts = item.text.split()
    return len(parts) > 1 and parts[-1] in _COMPETITIONS
