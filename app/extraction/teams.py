"""Sieve: clubs and companies named after their towns ("Portsmouth beat Leeds 2-0").

Sports pages name clubs by their town or county, so a place reading gives way to
an organization when the words around the name are those of a match: a score right
after it, a verb of beating before or after it, or a squad role after it. One name
keeps one reading in an article, so the club's other mentions follow.

A sports report (one club found so, or the vocabulary of a match) then reads more:
towns listed with a club ("Essex, Kent and Surrey"), towns after "against" or "over",
a town with a nickname or suffix ("Leeds United", "Real Madrid") and "the Tigers".
"""

from __future__ import annotations

import re
from itertools import pairwise

from app.extraction.found import Context, Found
from app.extraction.gazetteer import lookup, nation
from app.extraction.organizations import ORG_FOLLOWERS, not_an_org, place_head
from app.extraction.people import is_given_name
from app.extraction.wordsets import dictionary_word, words

# A score after the name: "Wigan 42 Bradford 36", "Surrey 429-7 ,", "Kent 4 2 1"; never an
# amount ("3.5 billion", "1,200").
# A capital after the score only when the line goes on with another score, so a
# version or a number inside a name ("Explorer 9 Countdown") is no result.
_SCORE_AFTER = re.compile(
    r" \d{1,3}(?:-\d{1,3})?(?![\w-]|[.,]\d)"
    r"(?=[ ,;.)]*(?:$|\n|\d|\(|and |for |v |[A-Z][^\n]*? \d{1,3}(?:-\d{1,3})?(?![\w-])))"
)
_TABLE_ROW = re.compile(r"(?: \d{1,3}){4,} *(?:\n|$)")
# A line of results: a side, its score, the other side, its score ("Marsh 0 Ardley 0",
# "Velby Rovers 2 Kelmouth 0"), perhaps a note in brackets after.
_RESULT_LINE = re.compile(r"([^\d\n]+?) \d{1,3} ([^\d\n]+?) \d{1,3}(?: \([^\n]*\))? *")
_MAX_RESULT_LINE = 120
_RESULT_ENDS = frozenset("0123456789)")
# Verbs of a result, written right after the winner or right before the loser.
_RESULT_VERBS = words(
    "beat beats defeated defeat thrashed routed edged hammered trounced overcame drew draw"
)
_VERSUS = words("v vs vs. versus")
# Squad roles after the name: "Portsmouth manager", "Leeds striker".
_SQUAD_ROLES = words(
    "manager boss striker midfielder defender goalkeeper keeper winger forward coach "
    "skipper captain fans supporters squad players player chairman bowler batsman"
)
_WORD = re.compile(r"\w+(?:\.(?=\w))?")  # "vs." keeps its dot, "manager." does not
_REPORTS = words("said says announced confirmed denied reported")
# Words only a match report uses: three of them make an article a sports report.
_SPORT_WORDS = words(
    "league striker midfielder defender goalkeeper championship tournament homer homered "
    "innings inning wicket wickets batsman bowler referee squad fixture fixtures half-time "
    "semi-final quarter-final kick-off scorer penalty penalties try-scorer rbi pitcher "
    "goalless unbeaten relegation promoted title-holders"
)
# Words a match report shares with other news ("season", "final"): six of either kind.
_MATCH_WORDS = words(
    "match matches season goal goals coach club clubs cup final champions title fans "
    "players scored game games win victory defeat"
)
MIN_SPORT_WORDS = 3
MIN_MATCH_WORDS = 6
# Where a sports report names the other side: "against Kent", "victory over Leeds".
_OPPONENT_BEFORE = words("against over rivals champions hosts visitors")
# A town's possessive, then a player's name: "Ardley's Ann Velt" (wire copy spaces
# the possessive: "Ardley 's Ann Velt").
_OWNS_PLAYER = re.compile(r" ?['’]s [A-Z][a-z]+ [A-Z][a-z]")
# What a player joins or leaves: "joined Ardley for a record fee".
_JOINED = words("join joins joined joining rejoined")
# Lists: "Essex, Derbyshire and Surrey" (wire copy spaces its commas).
_LIST_GAPS = frozenset({", ", " , ", " and ", ", and ", " , and ", " or "})
# Plurals that make a town's name a landform or an event, not a team: "Blue Mountains",
# "Atlanta Games".
NOT_TEAMS = words(
    "Islands Isles Mountains Hills Heights Springs Falls Lakes Plains Keys Rapids Sands "
    "Downs Highlands Lowlands Fields Gardens Woods Glades Flats Banks Rocks Games Olympics "
    "Championships Awards Finals Series Talks Accords Masters"
)
# Endings of peoples' names, before the plural "s": "Velmans", "Tarsilese".
_PEOPLE_ENDINGS = ("an", "en", "ese", "i", "ite")
# Endings of peoples' and languages' adjectives: "English", "Japanese".
_LANGUAGE_ENDINGS = ("ish", "ese")
# Short words of club names that no dictionary lists: "St", "Utd".
_CLUB_WORDS = words("St Utd Ath Athletic Sporting Olympique Racing")
# Words of an event's or an area's name: "Monaco Grand Prix", "Paris Open", "East Coast".
_EVENT_WORDS = words(
    "Grand Prix Open Marathon Classic Cup Trophy Rally Derby Games Coast North South East West"
)


def teams(found: list[Found], ctx: Context) -> None:
    """Re-type, in place, every place or unread name that the article uses as a club."""
    # A word of a person's name is that person ("Federer beat Hewitt 6-3").
    people = {w for f in found if f.kind == "person" for w in f.text.split()}
    clubs = {
        f.text for f in found if _candidate(f) and f.text not in people and _match_context(f, ctx)
    }
    clubs |= {f.text for f in found if " " in f.text and _nicknamed_town(f)}
    clubs |= {
        f.text for f in found if f.kind == "other" and _table_row(f, ctx) and f.text not in people
    }
    clubs |= _result_sides(found, ctx)
    if clubs or sports_report(ctx):
        clubs |= {f.text for f in found if _sports_name(f, ctx, people)}
        clubs |= _listed_with(found, clubs, people, ctx)
        clubs |= _nicknames(found, clubs)
    for item in found:
        if item.kind == "place" and nation(item.text):
            continue  # a nation within a state fields its side as a country: its name stays
        if item.text in clubs and (_candidate(item) or _nickname_item(item)):
            item.kind, item.code, item.weak, item.common = "organization", None, False, False
            item.decided_by = "teams"


def _candidate(item: Found) -> bool:
    if item.demonym or item.qualified:
        return False
    if item.kind == "place":
        return True
    # "Total 23", "Extras 12": table labels are ordinary words, clubs are names; nor is a
    # format or a unit ("DVD", "USD") a club.
    if item.text.endswith(_LANGUAGE_ENDINGS):
        return False  # "Velmish captain", "Velmish sides": a people, no side
    return item.kind == "other" and not dictionary_word(item.text) and not not_an_org(item.text)


def _table_row(item: Found, ctx: Context) -> bool:
    """'Dunmore 4 2 2 0 4 2 8': a name opening a line of a standings table, four numbers or
    more after it, is a side, though a dictionary lists the word ("hull", "stoke"); a
    table's label ("Total 23") has one or two."""
    if item.kind != "other" or item.qualified or item.demonym:
        return False
    line_start = item.start == 0 or ctx.body[item.start - 1] == "\n"
    return line_start and _TABLE_ROW.match(ctx.body, item.end) is not None


def _result_sides(found: list[Found], ctx: Context) -> set[str]:
    """'Marsh 0 Ardley 0': the two names of a line of results are sides, though a
    dictionary lists the word ("marsh", "moor") or a name's shape reads as a person's
    ("Velby Orme"); a country there is its national side, named as the country."""
    sides: set[str] = set()
    at: dict[int, Found] | None = None
    pos = 0
    for line in ctx.body.split("\n"):
        start, pos = pos, pos + len(line) + 1
        # Only short lines that end with a score or a note are tried: a pattern run
        # over the whole body cost 1% of extraction on news without a table.
        if len(line) > _MAX_RESULT_LINE or line.rstrip()[-1:] not in _RESULT_ENDS:
            continue
        m = _RESULT_LINE.fullmatch(line)
        if m is None:
            continue
        if at is None:
            at = {f.start: f for f in found if f.kind in ("other", "place", "person")}
        for group in (1, 2):
            item = at.get(start + m.start(group))
            if item is not None and item.end == start + m.end(group) and not item.qualified:
                sides.add(item.text)
    return sides


def _nickname_item(item: Found) -> bool:
    """Multi-word team names read as people or unread ("Red Sox", "Cleveland Indians")."""
    return item.kind in ("other", "person") and not item.qualified and not item.demonym


def sports_report(ctx: Context) -> bool:
    strong = len(_SPORT_WORDS & ctx.lower_words)
    shared = len(_MATCH_WORDS & ctx.lower_words)
    return strong >= MIN_SPORT_WORDS or strong + shared >= MIN_MATCH_WORDS


def _town_words(words_: list[str]) -> bool:
    """Some leading or trailing words of the name are a town, region or county, and the
    rest is an ordinary word or an abbreviation ("Manchester United", "SC Freiburg"):
    a player's name is neither ("Ogun Temizkanoglu")."""
    for cut in range(1, len(words_)):
        for piece, rest in ((words_[:cut], words_[cut:]), (words_[cut:], words_[:cut])):
            place = lookup(" ".join(piece))
            if place is not None and place.kind == "place" and all(map(_club_word, rest)):
                return True
    return False


def _club_word(word: str) -> bool:
    return dictionary_word(word.lower()) or word.isupper() or word.rstrip(".") in _CLUB_WORDS


def _nicknamed_town(item: Found) -> bool:
    """'Seattle Mariners', 'Leeds Rhinos': a town and a plural noun name a team or firm."""
    parts = item.text.split()
    if len(parts) < 2 or item.qualified or item.demonym or item.kind == "country":
        return False
    last = parts[-1]
    if not (last.endswith("s") and last[:1].isupper()) or last in NOT_TEAMS:
        return False
    if place_head(last) or place_head(last[:-1]) or lookup(item.text) is not None:
        return False
    if item.kind == "person" and is_given_name(parts[0]):
        return False
    place = lookup(" ".join(parts[:-1]))
    return place is not None and place.kind == "place"


def _sports_name(item: Found, ctx: Context, people: set[str]) -> bool:
    """In a sports report: 'Manchester United', 'Real Madrid' (a town inside a name that
    is no place), and a town or unread name after 'against' or 'over'."""
    parts = item.text.split()
    if item.qualified or item.demonym or item.kind == "country":
        return False
    before = ctx.body[max(0, item.start - 14) : item.start].split()
    if len(parts) > 1:
        if before and before[-1] in ("at", "in"):
            return False  # "at Old Trafford": where the match is played
        # A site ("Old Trafford", "Volgograd Arena") is where clubs play, not a club.
        if lookup(item.text) is not None or place_head(parts[-1]):
            return False
        if any(p in _EVENT_WORDS for p in parts):
            return False
        if item.kind == "person":
            # "Cleveland Indians", never "G. Hamilton" or "Cuauhtemoc Blanco".
            town = lookup(parts[0])
            return town is not None and town.kind == "place" and not is_given_name(parts[0])
        return item.kind in ("other", "place") and _town_words(parts)
    if not _candidate(item) or item.text in people:
        return False
    if item.kind == "place" and _OWNS_PLAYER.match(ctx.body, item.end):
        return True
    if not before:
        return False
    return before[-1] in _OPPONENT_BEFORE or before[-1] in _JOINED or _the_plural(item, before)


def _the_plural(item: Found, before: list[str]) -> bool:
    """'as the Marlocks blanked ...', 'the Dervolts' second try': in a sports report, a
    plural name no list knows, after 'the' in running text, is a side's nickname; a
    people's plural ("the Velmans") ends like its adjective."""
    word = item.text
    if before[-1] != "the" or item.initial or not word.endswith("s") or word in NOT_TEAMS:
        return False
    return not word[:-1].endswith(_PEOPLE_ENDINGS)


def _listed_with(found: list[Found], clubs: set[str], people: set[str], ctx: Context) -> set[str]:
    """Towns in one list with a club are clubs too: 'Essex, Derbyshire and Surrey'."""
    ordered = sorted(found, key=lambda f: f.start)
    out: set[str] = set()
    run: list[Found] = []
    for a, b in pairwise([*ordered, None]):
        if a is None or ctx.in_shouted_line(a.start):
            continue  # "ARLINGTON, Texas": a dateline is no list of sides
        run.append(a)
        if b is not None and ctx.body[a.end : b.start] in _LIST_GAPS:
            continue
        if len(run) > 1 and any(f.text in clubs for f in run):
            out |= {f.text for f in run if _listable(f) and f.text not in people}
        run = []
    return out


def _listable(item: Found) -> bool:
    """A one-word town or unread name: longer names in a list are read on their own."""
    return _candidate(item) and " " not in item.text


def _nicknames(found: list[Found], clubs: set[str]) -> set[str]:
    """'the Mariners' after 'Seattle Mariners': a club's last word alone names it."""
    # Never a town: "the Moscow club" after "Dynamo Moscow" is the town.
    tails = {c.split()[-1] for c in clubs if " " in c and lookup(c.split()[-1]) is None}
    return {f.text for f in found if f.text in tails and " " not in f.text}


def _acts_as_body(item: Found, ctx: Context) -> bool:
    """'Toyota said', 'Toyota shares': a town too small to speak for its country is a
    company or body named after it when it reports or is owned."""
    place = lookup(item.text) if item.kind == "place" and " " not in item.text else None
    if place is None or place.major:
        return False
    after = (
        _WORD.match(ctx.body, item.end + 1) if ctx.body[item.end : item.end + 1] == " " else None
    )
    return after is not None and (after[0] in _REPORTS or after[0] in ORG_FOLLOWERS)


def _match_context(item: Found, ctx: Context) -> bool:
    body = ctx.body
    if _acts_as_body(item, ctx):
        return True
    if (item.kind == "place" or " " not in item.text) and _SCORE_AFTER.match(body, item.end):
        return True
    after = _WORD.match(body, item.end + 1) if body[item.end : item.end + 1] == " " else None
    before = body[max(0, item.start - 12) : item.start].split()
    if after is not None and (
        after[0] in _RESULT_VERBS or after[0] in _SQUAD_ROLES or after[0] in _VERSUS
    ):
        return True
    return bool(before) and (before[-1] in _RESULT_VERBS or before[-1] in _VERSUS)
