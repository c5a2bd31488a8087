"""Short articles written for the page tests: enough matches for two pages of search
results, two people to facet on, dated over several months for a timeline, and
characters beyond U+FFFF before a mention (JavaScript counts them as two)."""

from datetime import date
from typing import Any

WORD = "lighthouse"
PAGE_SIZE = 10  # the search page's page size
BUSY = "Nadia Okonkwo"
RARE = "Tomas Lindqvist"


def _article(n: int) -> dict[str, Any]:
    person, country = (RARE, "Norway") if n % 4 == 0 else (BUSY, "Portugal")
    surname = person.split()[1]
    published = date(2024, 1 + n % 6, 1 + n)
    text = (
        f"The old {WORD} at Cape Ferrin, number {n}, will reopen in spring, {person} said "
        f"on Monday after a visit to {country}.\n\n"
        f"“We have waited long enough for this {WORD},” {surname} said. “The keepers "
        f"deserve a proper home again.”\n\n"
        f"Visitors left notes in the guest book 🙂 and 𝕏 marks, and {surname} read them "
        f"aloud to the crowd in {country}."
    )
    return {
        "text": text,
        "title": f"The {WORD} at Cape Ferrin reopens ({n})",
        "published_at": published.isoformat(),
        "section": "coast" if n % 2 else "travel",
        "source": "Broadsheet test desk",
    }


ARTICLES = [_article(n) for n in range(1, PAGE_SIZE + 5)]
