"""Nested sources: a credit the article itself only has from someone else.

``cited_source``: ``"…," Ann Lee said, according to the Courier.`` The article did not
hear Ann Lee; it reports what the Courier reported, and the Courier is the source it
names for the words (on polnear-train the reference names the cited report in every
such credit).
"""

import re

from app.extraction.phrases import noun_phrase, trim_object
from app.extraction.sentences import first_sentence_end
from app.extraction.speaker_words import Attribution

# ", according to X" after the credit, before its sentence ends.
_ACCORDING_AFTER = re.compile(r",\s+(?P<cue>according\s+to)\s+(?P<who>[^,.;:!?\"“”]{1,120})")


def cited_source(body: str, found: Attribution, end: int) -> Attribution | None:
    """The report a trailing credit cites (``, according to X``), if its sentence does."""
    if not found.trailing or not found.speaker_text:
        return None
    at = found.speaker_start + len(found.speaker_text)
    match = _ACCORDING_AFTER.search(body, at, first_sentence_end(body, at, end))
    if match is None:
        return None
    who = trim_object(match["who"])
    if not who or not noun_phrase(who):
        return None
    return Attribution(who, match.start("who"), match["cue"], "cited_source", trailing=True)
