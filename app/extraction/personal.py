"""Whether a span names a person: its shape, its words and the context around it (the
words that introduce a person, a title, a role or a speech verb, are ``introductions``)."""

from __future__ import annotations

import re
from itertools import pairwise

from app.extraction import gazetteer as gz
from app.extraction.candidates import TIME_WORDS
from app.extraction.found import Context, Found, make, spaced
from app.extraction.introductions import apposition, person_evidence
from app.extraction.name_tokens import Token
from app.extraction.organizations import (
    ORG_FOLLOWERS,
    acronym,
    has_head,
    org_head,
    place_head,
)
from app.extraction.parties import plurals
from app.extraction.people import (
    HONORIFICS,
    PORTFOLIOS,
    POSTNOMINALS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
    common_noun,
    is_given_name,
    is_particle,
    is_surname,
    surname_title,
)
from app.extraction.wordsets import FUNCTION_WORDS, dictionary_word, plural_word

# Romanised East Asian given names: "Mei-ling", "Wai-man", "Ji-Hoon", "Soo-Min".
_SYLLABLE_NAME = re.compile(r"^(?:[A-Z][a-z]{1,5}-[a-z]{1,6}|[A-Z][a-z]{1,3}-[A-Z][a-z]{1,3})$")
# Articles of other languages opening a name ("La Verdosa", "Los Pinares", "Der
# Abendblatt") name a body, a work or a place; a person is named so only with evidence
# ("Le Pen said"). "Al", "El", "Les" are also given names ("Al Kemmerton") and stay out.
# A saint's name opens the names of towns, churches and hospitals ("San Velmo", "Santo
# Orvieno"), not a person's: on the annotated entity sets, the 3 read as people were not.
_SAINTS = frozenset({"San", "Santa", "Santo", "São", "Saint"})
_ARTICLES = frozenset({"La", "Las", "Los", "Le", "Der", "Die", "Das"}) | _SAINTS
_ROLE_MODIFIERS = frozenset({"Former", "Acting", "Ex", "Late"})
# "X leader", "X MPs": the words after say the name is a body's.
_ORG_AFTER = re.compile(rf" (?:{'|'.join(sorted(ORG_FOLLOWERS))})\b")
_WHERE = frozenset({"in", "at", "near", "outside"})
_CLAUSE_BREAK = re.compile(r"[.;:!?“”\"(\n]|, ")


def person_tail(tokens: list[Token], ctx: Context) -> int:
    """'Harbour Council Jane Doe', 'ESA Tom Reed': a body, then a person's name; after
    a body's head, a name no list knows by its shape ("Acme Institute Kadiro Ashraf")."""
    # A tail has at most three tokens: start there rather than slicing every longer one.
    for i in range(max(1, len(tokens) - 3), len(tokens) - 1):
        tail = tokens[i:]
        if has_head(tail, ctx.body) or is_title_word(tail[0].text):
            continue
        if is_particle(tail[0].text):
            continue  # "Paul Van Himst": a particle goes on with the name before it
        if len(tail) == 2 and tail[-1].text in POSTNOMINALS:
            continue  # "Glasgow Kelvin MP": one word before the letters ends a seat's name
        if not all(spaced(tokens[: j + 1], ctx) for j in range(i, len(tokens))):
            continue
        if is_given_name(tail[0].text) and _body_before(tokens, i, ctx):
            return i
        # Shape is weaker evidence than a given name: only after a body's head word.
        if has_head(tokens[:i], ctx.body) and name_shaped(tail, ctx):
            return i
    return 0


def _body_before(tokens: list[Token], i: int, ctx: Context) -> bool:
    before = tokens[i - 1].text
    if org_head(before) or place_head(before) or acronym(before):
        return True
    # 'Relations', 'Sprinters': a plural of an ordinary word is no word of a person's name
    # and ends what comes before one; a surname that is also a plural is no such word.
    # Irregular plurals too: "Libraries", "Families" ended a portfolio before a name.
    if _group_before(tokens[:i], ctx) or (plural_word(before) and not is_surname(before)):
        return True
    place = gz.lookup(ctx.body[tokens[0].start : tokens[i - 1].end])
    # "Ann Mary Velt", "San Velmo Padres": a given name that some small town bears too
    # opens the name after it (on conllpp-dev, 3 names had been cut so).
    if place is not None and i == 1 and not place.major and is_given_name(before):
        return False
    return place is not None


def _group_before(tokens: list[Token], ctx: Context) -> bool:
    """'Velist Tom Reed', 'Red Velist Ann Vole': a member's word for a group that the
    article also names with an article and a plural ("the Velists"), before a name. No
    person is named so, though the word may be a given name too."""
    *lead, last = [t.text for t in tokens]
    for plural in plurals(last):
        group = " ".join([*lead, plural])
        if ctx.occurs(f"the {group}") or ctx.occurs(f"The {group}"):
            return True
    return False


def inner_title(tokens: list[Token], body: str) -> int:
    """'ESA Director Anna Berg': a title inside the run, a name after it. Words joined
    by a connector are a portfolio, not a name ("Secretary of State for the Family")."""
    for i in range(len(tokens) - 2, 0, -1):
        if is_title_word(tokens[i].text) and len(tokens) - i - 1 <= 3:
            if any(body[a.end : b.start] != " " for a, b in pairwise(tokens[i:])):
                return 0
            return i + 1
    return 0


def looks_personal(tokens: list[Token], ctx: Context) -> bool:
    if len(tokens) > 4 or any(t.text in FUNCTION_WORDS for t in tokens):
        return False
    titled = tokens[-1].text in TITLES and not surname_title([t.text for t in tokens])
    if titled or tokens[-1].text.lower() in ROLE_NOUNS:
        return False
    if tokens[-1].text.lower() in ctx.lower_words:
        # "Grace Kitchens", "Rose Gardens": the last word is an ordinary noun here.
        return False
    # "One Peruvian" is not a name, though "Anna German" is.
    cuban = len(tokens) == 2 and is_given_name(tokens[0].text)
    if not cuban and any(gz.demonym(t.text) or is_country(t.text) for t in tokens[1:]):
        return False
    if named_person(tokens) or name_shaped(tokens, ctx):
        return True
    return person_evidence(tokens[0].start, tokens[-1].end, ctx)


def name_shaped(tokens: list[Token], ctx: Context) -> bool:
    """'Qubad Talabani', 'Bavisha Rajesh': two or three words that are no English word,
    place, people or body are, in running news text, most often a person's name,
    whatever language it comes from."""
    if not 2 <= len(tokens) <= 3 or tokens[0].text in _ARTICLES:
        return False
    text = ctx.body[tokens[0].start : tokens[-1].end]
    if ctx.body[max(0, tokens[0].start - 4) : tokens[0].start].lower() == "the ":
        return False  # "the Lib Dems": people are not named with an article
    # "Lib Dem" beside "Lib Dems": a name with a plural is a group or party.
    # Looked up through ``occurs``: a scan of the body per name was quadratic.
    if ctx.occurs(text + "s") or (text.endswith("s") and ctx.occurs(text[:-1] + " ")):
        return False
    if org_follows(tokens[-1].end, ctx):
        return False
    *rest, last = [t.text for t in tokens]
    if not all(_unknown_name_word(w, ctx) for w in rest):
        return False
    # "Jansher Khan", "Aravinda de Silva": a surname the census knows may also be a word.
    return _unknown_name_word(last, ctx) or _known_surname(tokens, ctx)


def _known_surname(tokens: list[Token], ctx: Context) -> bool:
    """The last word a surname, and nothing around that names a place or a paper: "at
    Tunbridge Wells" is where things happen, "Der Spiegel" opens with an article."""
    bare = tokens[-1].text.rpartition(" ")[2]
    if not is_surname(bare) or bare.lower() in ctx.lower_words or gz.lookup(bare) is not None:
        return False
    if bare.endswith("s") and dictionary_word(bare[:-1]):
        return False  # "Bonds", "Wells": a plural noun
    before = ctx.body[max(0, tokens[0].start - 8) : tokens[0].start].split()
    return not is_particle(tokens[0].text) and not (before and before[-1] in _WHERE)


def phrase_ends(end: int, ctx: Context) -> bool:
    """Punctuation, a function word or a speech verb follows: no noun that a name before
    it would qualify ("the Ann Lee case")."""
    after = ctx.body[end : end + 20]
    if not after[:1].isspace():
        return after[:1] in ".,;:)" or not after
    word = after.split(maxsplit=1)[0] if after.strip() else ""
    return word.capitalize() in FUNCTION_WORDS or word in SPEECH_VERBS


def org_follows(end: int, ctx: Context) -> bool:
    return _ORG_AFTER.match(ctx.body, end) is not None


def _unknown_name_word(word: str, ctx: Context) -> bool:
    particle, _, rest = word.partition(" ")
    if rest and is_particle(particle):
        word = rest  # "de Silva", "wa Mutharika": the particle's word carries the name
    if not (word[:1].isupper() and word[1:2].islower()) or any(c.isdigit() for c in word):
        return False
    if word.lower() in ctx.lower_words or word in TITLES:
        return False
    if dictionary_word(word) and not is_given_name(word):
        # Webster's lists rare words that are given names elsewhere (of Arabic or Hindi
        # origin): the name list outweighs it, unless the article writes the word in
        # lower case.
        return False
    if word.endswith("s") and dictionary_word(word[:-1]):
        # The word list holds no plurals: "Angels", "Seasons".
        return False
    bare = word.split("-")[-1]
    return gz.lookup(bare) is None and gz.demonym(bare) is None and not org_head(bare)


def named_person(tokens: list[Token]) -> bool:
    """A given name or an initial first ('C. Lewis'), or romanised syllables ('Lee
    Mei-ling'): a name by its shape."""
    words = [t.text for t in tokens]
    if len(tokens) > 4 or any(w in FUNCTION_WORDS for w in words) or words[0] in _ARTICLES:
        return False
    if any(w in TITLES for w in words) and not (surname_title(words) and len(words) == 2):
        return False
    first = tokens[0].text
    initial = len(first) == 2 and first[1] == "." and len(tokens[-1].text) > 2
    return is_given_name(first) or initial or any(_SYLLABLE_NAME.match(t.text) for t in tokens)


def is_title_word(word: str) -> bool:
    """'Minister', and hyphenated titles: 'Secretary-General', 'Attorney-General'."""
    return word in TITLES or ("-" in word and all(p in TITLES for p in word.split("-")))


def _is_title(word: str) -> bool:
    return is_title_word(word) or word in HONORIFICS or word.lower() in ROLE_NOUNS


def skip_titles(tokens: list[Token], body: str) -> int:
    i = 0
    # "Foreign Affairs minister": a portfolio after a title word goes on with the title.
    while i < len(tokens) and (
        _is_title(tokens[i].text)
        or (i and (tokens[i].text in PORTFOLIOS or _title_noun(tokens, i)))
    ):
        i += 1
        # "Secretary of State": the word after a connector belongs to the title.
        while i < len(tokens) and body[tokens[i - 1].end : tokens[i].start] != " ":
            i += 1
    return i


def _title_noun(tokens: list[Token], i: int) -> bool:
    """'Chief Ranger Tom Reed', 'Supreme Bench Justice Ana Ruiz': after a title, an
    ordinary word goes on with the title when a given name and a surname follow the
    title's words."""
    if not common_noun(tokens[i].text):
        return False
    j = i
    while j < len(tokens) and (common_noun(tokens[j].text) or _is_title(tokens[j].text)):
        j += 1
    return len(tokens) - j >= 2 and named_person(tokens[j:])


def person(tokens: list[Token], ctx: Context, description: str | None = None) -> Found:
    if description:
        words = description.split()
        while words and words[0] in FUNCTION_WORDS:
            words = words[1:]
        description = " ".join(words) or None
    # "Committee Ann Vole MP": letters after a name say what the person is; the pass
    # that trims them runs after the one that finds a person behind a body's name.
    while len(tokens) > 1 and tokens[-1].text in POSTNOMINALS:
        tokens = tokens[:-1]
    found = make(tokens, ctx, "person")
    found.description = apposition(found.end, ctx) or description or _role_phrase(found.start, ctx)
    return found


def _role_phrase(start: int, ctx: Context) -> str | None:
    """'Peru's finance minister, Ana Ruiz' -> "Peru's finance minister"."""
    before = ctx.body[max(0, start - 100) : start].rstrip().removesuffix(",")
    clause = _CLAUSE_BREAK.split(before)[-1].strip()
    words = clause.split()
    if not words or words[-1].lower() not in ROLE_NOUNS:
        return None
    # Walk back from the role noun while the words still describe it ("Peru's
    # finance minister"), stopping at the first little word ("went to aide").
    keep = len(words) - 1
    while keep > 0 and _describes(words[keep - 1]):
        keep -= 1
    return " ".join(words[keep:][-8:]) or None


def _describes(word: str) -> bool:
    """Still part of a role phrase: not a little word, not a past-tense verb."""
    if word == "of":
        return True
    if word.title() in FUNCTION_WORDS and word.title() not in _ROLE_MODIFIERS:
        return False
    if word in TIME_WORDS or any(ch.isdigit() for ch in word):
        return False
    return not (word.islower() and word.endswith("ed"))


def is_country(word: str) -> bool:
    place = gz.lookup(word)
    return place is not None and place.kind == "country"
