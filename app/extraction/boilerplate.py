"""Scraper leftovers around an article: comment forms, share prompts, link lists, notices."""

import re

# A paragraph matching one of these is page furniture wherever it stands.
_JUNK_LINE = re.compile(
    r"""^(?:
        source\s+link
      | (?:leave|post|add|submit)\s+a\s+(?:reply|comment|response)\b.*
      | cancel\s+reply
      | your\s+email\s+address\s+will\s+not\s+be\s+published.*
      | required\s+fields\s+are\s+marked.*
      | save\s+my\s+name,?\s+email.*
      | (?:name|email|e-mail|website|comment)\s*\*?\s*:?
      | post\s+comment
      | (?:\d+\s+)?comments?(?:\s*\(\d+\))?:?
      | share\s+(?:this|the\s+article|this\s+(?:article|story|post))?\s*(?:on\s+\w+)?\s*:?
      | share\s+on\s+\w+(?:\s+\(.*\))?
      | click\s+to\s+(?:share|email|print|tweet)\b.*
      | (?:like|tweet|pin|print|email|facebook|twitter|whatsapp|linkedin|reddit|telegram)
        (?:\s+this)?\s*:?
      | like\s+loading\W*
      | related(?:\s+(?:posts?|articles?|stories|news|content|reading))?\s*:?
      | (?:read|see)\s+(?:more|also)\b.{0,120}
      | continue\s+reading.*
      | you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)\b.*
      | recommended(?:\s+for\s+you)?\s*:?
      | more\s+from\s+.{0,60}
      | (?:previous|next)\s+(?:post|article|story)\b.{0,120}
      | post\s+navigation
      | advertisement|sponsored(?:\s+content)?
      | (?:subscribe|sign\s+up)\b.{0,80}\bnewsletter.*
      | follow\s+us\s+on\b.*
      | tags?\s*:.*
      | (?:filed|posted)\s+(?:under|in)\s*:?.{0,120}
      | (?:this\s+(?:web)?site|we)\s+uses?\s+cookies.*
      | (?:cookie|privacy)\s+(?:policy|settings|notice).*
      | (?:copyright\s*)?©.{0,120}
      | all\s+rights\s+reserved\.?
      | about\s+the\s+author
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# A cookie notice, asked only of a paragraph that may hold the word: the free start of
# this alternative made every paragraph try it at 80 positions (two thirds of the
# instructions spent on junk lines in the BBC set).
_COOKIE_LINE = re.compile(r"^(?:.{0,80}\b(?:accept|allow)\s+(?:all\s+)?cookies.*)$", re.IGNORECASE)

# Once one of these shows in the second half of a page, nothing after it is article text.
_TAIL_START = re.compile(
    r"""^(?:
        source\s+link
      | (?:leave|post|add)\s+a\s+(?:reply|comment)\b.*
      | (?:\d+\s+)?comments?(?:\s*\(\d+\))?:?
      | share\s+this\b.*
      | like\s+this\s*:?
      | related(?:\s+(?:posts?|articles?|stories|news))?\s*:?
      | you\s+(?:may|might)\s+(?:also\s+)?like\b.*
      | post\s+navigation
      | about\s+the\s+author
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Short trailing scraps left once the block above is cut: "By admin", lone words.
_TRAILING_SCRAP_WORDS = 3
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def is_junk(paragraph: str) -> bool:
    if _JUNK_LINE.match(paragraph):
        return True
    # Lower-casing is exact for ASCII text; other text may spell the word with letters
    # that match only when the case is ignored (the Kelvin sign for "k").
    if paragraph.isascii() and "cookies" not in paragraph.lower():
        return False
    return bool(_COOKIE_LINE.match(paragraph))


def strip_boilerplate(paragraphs: list[str]) -> list[str]:
    """Drop the trailing furniture block, then junk paragraphs wherever they are."""
    kept = _cut_tail(paragraphs)
    kept = [p for p in kept if not is_junk(p)]
    while kept and _is_trailing_scrap(kept[-1]):
        kept.pop()
    return kept


def _cut_tail(paragraphs: list[str]) -> list[str]:
    half = len(paragraphs) // 2
    for index in range(max(half, 1), len(paragraphs)):
        if _TAIL_START.match(paragraphs[index]):
            return paragraphs[:index]
    return paragraphs


def _is_trailing_scrap(paragraph: str) -> bool:
    # The word count first: a paragraph is searched for a sentence end only when short.
    if len(paragraph.split(maxsplit=_TRAILING_SCRAP_WORDS)) > _TRAILING_SCRAP_WORDS:
        return False
    return not _SENTENCE_END.search(paragraph) and not paragraph[:1].isdigit()
