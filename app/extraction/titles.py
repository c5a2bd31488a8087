"""Titles of works inside the words that name a speaker.

"said Ann Lee, author of “Tide Lines,” a history of the port": the title's marks are no
quote's, and the speaker's words run on past them. Where cues are read, the marks of a
title inside a description are blanked (offsets kept) and the speaker words are then read
back from the body as written. A title in an opening phrase ("Sunday on the Harbour
Channel’s “Dockside,” Ann Lee said") is left as it is: its closing mark ends that phrase.
"""

import re

from app.extraction.quote_marks import Paragraph, QuoteSpan
from app.extraction.sentences import last_sentence_start
from app.extraction.speaker_words import Attribution

# What opens a sentence with a phrase before its subject: a preposition, a participle or
# a day ("In an interview with", "Sitting down with", "Sunday on").
_OPENER = re.compile(
    r"\s*(?:(?:In|On|At|During|After|Before|Speaking|Asked|Writing|With|Without|Amid|"
    r"Despite|Following|From|Over|Through|Within|Ahead|Unlike|Like|As|When|While)\b"
    r"|[A-Z][a-z]+ing\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
)
# After the title, a name opens the main clause: the title closed an opening phrase.
_NAME_AFTER = re.compile(r"[\s,]*[A-Z]")


def in_description(body: str, title: QuoteSpan, paragraphs: list[Paragraph]) -> bool:
    """The title sits inside a noun phrase's description ("X, the co-author of “T,”
    about …, said"), not in an opening phrase that a name follows."""
    paragraph = paragraphs[title.paragraph]
    start = last_sentence_start(body, paragraph.start, title.open_at)
    if _OPENER.match(body, start, title.open_at):
        return False
    return not _NAME_AFTER.match(body, title.close_at, paragraph.end)


def without_marks(body: str, titles: list[QuoteSpan]) -> str:
    """``body`` with the quotation marks of ``titles`` made spaces, every offset kept."""
    if not titles:
        return body
    chars = list(body)
    for title in titles:
        for at in (*range(title.open_at, title.start), *range(title.end, title.close_at)):
            chars[at] = " "
    return "".join(chars)


def as_written(body: str, found: Attribution, titles: list[QuoteSpan]) -> None:
    """The speaker words read with titles' marks blanked, as the body writes them; a title
    they open is closed ("author of “Tide Lines,”", not "author of “Tide Lines")."""
    start = found.speaker_start
    end = start + len(found.speaker_text)
    for title in titles:
        if start <= title.open_at < end < title.close_at:
            end = title.close_at
    found.speaker_text = body[start:end]
