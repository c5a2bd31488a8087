"""The seed article's quotes as the quote endpoints list them."""

from typing import Any

from fastapi.testclient import TestClient

SEED_DATE = "2021-12-06T00:00:00Z"

# The seed article's quotes in article order: (text, speaker slug, kind, cue, speaker_text).
SEED_QUOTES: list[tuple[str, str | None, str, str | None, str | None]] = [
    ("formalize", None, "partial", None, None),
    (
        "sign a memorandum of understanding outlining defense cooperation between the two "
        "countries,",
        "benny-gantz",
        "direct",
        "said",
        "his office",
    ),
    (
        "lay the foundation for all future security cooperation between Israel and Morocco",
        None,
        "direct",
        "says",
        "a source familiar with the visit",
    ),
    (
        "Until now, there has been some co-operation, it really formalizes it,",
        None,
        "direct",
        "said",
        "the source",
    ),
    ("hostile actions", "algeria", "partial", "citing", None),
    (
        "It is possible that in the context of the Moroccan-Algerian tension, the Moroccans "
        "were the ones who were keen on this,",
        "bruce-maddy-weitzman",
        "direct",
        "said",
        "he",
    ),
    (
        "It seems to me that the Moroccans are the ones who are eager to show everyone – their "
        "own public, their Algerian rivals, the West – that they are deepening their "
        "relationship with Israel,",
        "bruce-maddy-weitzman",
        "direct",
        "said",
        "the University of Tel Aviv professor",
    ),
    ("exploration activities", "ratio-petroleum", "partial", "announced", None),
    ("creeping normalization with Israel", None, "partial", None, None),
    (
        "there are too many other interests at stake, too many other benefits to be gained by "
        "recalibration",
        "bruce-maddy-weitzman",
        "direct",
        "according to",
        "Maddy-Weitzman",
    ),
    (
        "Most of the countries in the region just do not want to be held hostage to the issue "
        "anymore, they want to pursue their interests as they define them, and at this point, "
        "of course, Israel has a lot to offer,",
        "bruce-maddy-weitzman",
        "direct",
        "said",
        "he",
    ),
    (
        "noted that we continue to view Morocco’s autonomy plan as serious, credible and "
        "realistic, and one potential approach to satisfying the aspirations of the people of "
        "Western Sahara,",
        "ned-price",
        "direct",
        "said",
        "State Department spokesman Ned Price",
    ),
]
TEXTS = [q[0] for q in SEED_QUOTES]
# One article, one date: newest first means the last stored quote first.
NEWEST = TEXTS[::-1]


def seed_texts(*indexes: int) -> list[str]:
    """Seed quotes at these article positions, in listing order (newest first)."""
    return [TEXTS[i] for i in sorted(indexes, reverse=True)]


MADDY = seed_texts(5, 6, 9, 10)


def texts(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["text"] for item in response.json()["items"]]


def quotes(client: TestClient, **params: Any) -> list[str]:
    return texts(client.get("/quotes", params={"limit": 100, **params}))


# The one quote of the later article (``later_quote``).
LATER = "the harbour in Marseille will reopen"
