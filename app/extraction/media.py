"""A place and a medium before a noun ("US TV show", "French radio host"): the words
qualify the noun after them and name no broadcaster."""

from __future__ import annotations

import re

from app.extraction import gazetteer as gz
from app.extraction.found import Context
from app.extraction.introductions import speech_follows
from app.extraction.name_tokens import Token
from app.extraction.wordsets import words

MEDIA = words("TV Television Radio")
_WORD_AFTER = re.compile(r" ([a-z][a-z-]+)\b")


def medium_modifier(tokens: list[Token], ctx: Context) -> bool:
    """'US TV network', 'US TV debut': a place, a medium, then a lower-case noun. A
    broadcaster named after its country speaks or acts ("Acmean TV said", "Borduvian TV
    reported"), so a speech verb or a past tense after it keeps the body."""
    if len(tokens) < 2 or tokens[-1].text not in MEDIA:
        return False
    place = ctx.body[tokens[0].start : tokens[-2].end]
    if gz.lookup(place) is None and gz.demonym(place) is None:
        return False
    after = _WORD_AFTER.match(ctx.body, tokens[-1].end)
    if after is None or speech_follows(tokens[-1].end, ctx):
        return False
    return not after[1].endswith("ed")
