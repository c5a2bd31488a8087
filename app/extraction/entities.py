"""Named entities of one article: people, organizations, countries and places.

``find_entities`` takes the cleaned body and returns one ``ExtractedEntity`` per
real-world thing, with every mention's offsets into that body. Pure text in, data out:
no database, no network; the gazetteers load once per process.

The steps, most precise first, each in its own module:
1. ``candidates``: runs of capitalised words (with surname particles and channel numbers);
   ``joins`` re-joins names split by possessives, "and" and connectors.
2. ``classify``: ordered passes over each run (lines in capitals, connector pieces, a body
   then a person, whole-span readings from ``spans``, leading places, titles, then the
   context of what is left, in ``leftover``: ``single``, ``personal``, ``organizations``).
3. ``works``: person-shaped names of works, events and bands.
4. ``teams``, ``bodies``, ``parties``: places and unread names the article uses as clubs,
   companies or parties, and a party's names gathered into one family; ``place_lists``
   and ``people_lists``: unread names listed among places or people; ``things``:
   products and events named like bodies.
5. ``linking``: surnames over same-named towns, then one entity per real-world thing.
6. ``archive``: what other articles established (a ``Knowledge`` snapshot): types by
   every article's vote, short forms and surnames to the full names the archive knows.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from app.extraction.acronyms import defined_acronyms
from app.extraction.archive import recall
from app.extraction.bodies import bodies
from app.extraction.budget import check
from app.extraction.candidates import Run, find_runs
from app.extraction.classify import classify
from app.extraction.found import Context, Found
from app.extraction.gazetteer import lookup
from app.extraction.joins import join_nicknames, join_possessive_names
from app.extraction.knowledge import NOTHING_KNOWN, Knowledge
from app.extraction.linking import link
from app.extraction.name_tokens import body_words
from app.extraction.organizations import ORG_OPENERS, institution_head, org_head
from app.extraction.parties import families, merge_families, party_context
from app.extraction.people import PORTFOLIOS, TITLES
from app.extraction.people_lists import people_lists
from app.extraction.personal import is_title_word
from app.extraction.place_lists import place_lists
from app.extraction.schemas import ExtractedEntity
from app.extraction.teams import teams
from app.extraction.things import things
from app.extraction.works import unpeople

_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")
_CAPITALS = re.compile(r"[A-Z]{3}")

__all__ = ["find_entities"]


def find_entities(body: str, knowledge: Knowledge = NOTHING_KNOWN) -> list[ExtractedEntity]:
    found, family = read_spans(body)
    entities = link(found)
    merge_families(entities, family)
    return recall(entities, knowledge, body)


def read_spans(body: str) -> tuple[list[Found], dict[str, str]]:
    """Every typed span before linking, each with the pass that decided it
    (``Found.decided_by``), and the party families among them: where to look when an
    entity comes out wrong."""
    words = body_words(body)
    runs = find_runs(body, words)
    # A word after a connector ("Nathan Law of Acme") ends no longer name: only words
    # after a space are surnames' and name tails' places.
    later = frozenset(
        b.text for r in runs for a, b in pairwise(r.tokens) if body[a.end : b.start] == " "
    )
    ctx = Context(body, _lower_words(body, words), _shouted_lines(body), later)
    found: list[Found] = []
    prev: Run | None = None
    for run in _join_and_names(join_nicknames(join_possessive_names(runs, ctx), ctx), ctx):
        check()
        items = classify(run, ctx)
        if prev is not None and _possessor(prev, run, ctx):
            items += [_qualify(f, prev.start, ctx) for f in items if _qualifiable(f, run)]
        found.extend(items)
        prev = run
    unpeople(found, ctx)
    teams(found, ctx)
    bodies(found, ctx)
    party_context(found, ctx)
    place_lists(found, ctx)
    people_lists(found, ctx)
    defined_acronyms(found, ctx)
    things(found, ctx)
    return found, families(found, ctx)


def _join_and_names(runs: list[Run], ctx: Context) -> list[Run]:
    """'Chamber of Commerce and Industry', 'Banking and Regulatory Commission': an
    organization's name that goes on after 'and'. Joined when the first part already
    took a connector after its head, or the second part ends with a head; never when
    either part is a place or the second names another body of its own."""
    out: list[Run] = []
    for whole in runs:
        prev = out[-1] if out else None
        # Only a run after " and " can go on with a name: the title is looked for there.
        anded = prev is not None and ctx.body[prev.end : whole.start] == " and "
        run, titled = _before_title(whole) if anded else (whole, None)
        if prev is not None and _and_continues(prev, run, ctx):
            prev.tokens.extend(run.tokens)
            while len(out) > 1 and _list_shares_head(out[-2], out[-1], ctx):
                out[-2].tokens.extend(out.pop().tokens)
            if titled is not None:
                out.append(titled)  # "... and Industry President Ana Ruiz": the holder
            continue
        out.append(whole)
    return out


def _before_title(run: Run) -> tuple[Run, Run | None]:
    """'Chamber of Commerce and Industry President Ana Ruiz': a title in the words after
    'and' starts the holder's name, so only the words before it can go on with the body."""
    for i, token in enumerate(run.tokens[1:4], start=1):
        # A portfolio goes on with a body's name: "... and Higher Education".
        if is_title_word(token.text) and token.text not in PORTFOLIOS:
            return Run(run.tokens[:i]), Run(run.tokens[i:])
    return run, None


def _list_shares_head(before: Run, joined: Run, ctx: Context) -> bool:
    """'Seed and Soil Research and Outreach Institute', 'Marine, Coastal and Inland
    Fisheries Board': the words listed before a joined name share its
    head. Only short parts that name nothing themselves: no place, no body, no opener,
    and no comma after a sentence's first word ("Yesterday, ...")."""
    gap = ctx.body[before.end : joined.start]
    if gap not in (" and ", ", ") or before.possessive or len(before.tokens) > 2:
        return False
    if gap == ", " and before.sentence_start:
        return False
    if joined.tokens[0].text in TITLES:
        return False  # "Ann Lee, Director of the Acme Council": a role, not a list
    if any(org_head(t.text) or t.text in ORG_OPENERS for t in before.tokens):
        return False
    return org_head(joined.tokens[-1].text) and lookup(_span_text(before, ctx)) is None


def _and_continues(prev: Run, run: Run, ctx: Context) -> bool:
    if ctx.body[prev.end : run.start] != " and " or prev.possessive or len(run.tokens) > 3:
        return False
    first, second = _span_text(prev, ctx), _span_text(run, ctx)
    if lookup(first) or lookup(second) or run.tokens[0].text in ORG_OPENERS:
        return False
    chained = any(
        t.text in ORG_OPENERS and ctx.body[t.end : n.start] in (" of ", " for ")
        for t, n in pairwise(prev.tokens)
    )
    # A lone head word cannot name a body by itself: "Trade and Tariff Commission";
    # nor can a trade before an institution's name: "National Printing and Posters
    # Agency", "Dunmore Post and Telegraph Administration".
    last = prev.tokens[-1].text
    trade = not institution_head(last) and institution_head(run.tokens[-1].text)
    alone = len(prev.tokens) == 1 or not org_head(last) or trade
    headed = org_head(run.tokens[-1].text) and alone
    # "Director of the Acme Research and Innovation Council": the words after the last
    # connector are the part the body's name shares.
    tail = _after_titled_connector(prev, ctx)
    return (chained and not org_head(run.tokens[-1].text)) or (headed and tail <= 3)


def _after_titled_connector(run: Run, ctx: Context) -> int:
    """How many words follow the connector after a title ("Director of the"): the
    body's words; all of the run's when no title and connector open it."""
    tokens = run.tokens
    if tokens[0].text not in TITLES:
        return len(tokens)
    for i, (a, b) in enumerate(pairwise(tokens), start=1):
        if ctx.body[a.end : b.start] != " ":
            return len(tokens) - i
    return len(tokens)


def _span_text(run: Run, ctx: Context) -> str:
    return ctx.body[run.start : run.end]


def _lower_words(body: str, words: frozenset[str] | None) -> frozenset[str]:
    """Words written wholly in lower case. The regex tried a match at every position of
    the body (5% of extraction's instructions on the BBC set); of an ASCII body the
    distinct words (``body_words``) are tested once each (half the instructions)."""
    if words is None:
        return frozenset(_LOWER_WORD.findall(body))
    return frozenset(filter(str.islower, filter(str.isalpha, words)))


def _shouted_lines(body: str) -> tuple[tuple[int, int], ...]:
    """Lines with capitals and no lower-case letter: "SOCCER - LEEDS WIN", "PARIS 1996-08-30"."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in body.split("\n"):
        if line.upper() == line and _CAPITALS.search(line):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return tuple(spans)


def _possessor(prev: Run, run: Run, ctx: Context) -> bool:
    """'Norway's ...': a place owning the name that follows."""
    between = ctx.body[prev.end : run.start]
    return (
        prev.possessive
        and between in ("'s ", "\u2019s ")
        and lookup(ctx.body[prev.start : prev.end]) is not None
    )


def _qualifiable(item: Found, run: Run) -> bool:
    return item.kind in ("organization", "place") and item.start == run.start and not item.weak


def _qualify(item: Found, start: int, ctx: Context) -> Found:
    return replace(item, start=start, text=ctx.body[start : item.end], qualified=True)
