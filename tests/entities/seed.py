"""The seed article's entities and quotes, as the entity endpoints serve them."""

from typing import Any

from sqlmodel import Session

from app.articles.models import Article
from app.articles.writer import store_extraction
from app.extraction import ExtractedEntity, ExtractedMention, Extraction

MADDY = "bruce-maddy-weitzman"
SEED_DATE = "2021-12-06T00:00:00Z"

# Every entity of the seed article, in the order it was stored (ascending id).
SEED_ENTITIES = [
    "benny-gantz",
    "donald-trump",
    "brahim-ghali",
    MADDY,
    "antony-blinken",
    "ned-price",
    "israel",
    "morocco",
    "algeria",
    "western-sahara",
    "united-states",
    "united-arab-emirates",
    "bahrain",
    "palestine",
    "rabat",
    "dakhla",
    "paris",
    "tel-aviv",
    "washington",
    "polisario-front",
    "nso-group",
    "amnesty-international",
    "forbidden-stories",
    "ratio-petroleum",
    "state-department",
    "ministry-of-defense",
    "tel-aviv-university",
    "iron-dome",
    "pegasus",
    "intifada",
]
SEED_COUNTRIES = SEED_ENTITIES[6:14]

MADDY_QUOTES = [
    "It is possible that in the context of the Moroccan-Algerian tension, the Moroccans "
    "were the ones who were keen on this,",
    "It seems to me that the Moroccans are the ones who are eager to show everyone – their "
    "own public, their Algerian rivals, the West – that they are deepening their "
    "relationship with Israel,",
    "there are too many other interests at stake, too many other benefits to be gained by "
    "recalibration",
    "Most of the countries in the region just do not want to be held hostage to the issue "
    "anymore, they want to pursue their interests as they define them, and at this point, "
    "of course, Israel has a lot to offer,",
]
# Quotes whose span holds a mention of Israel, in article order.
QUOTES_ABOUT_ISRAEL = [
    "lay the foundation for all future security cooperation between Israel and Morocco",
    MADDY_QUOTES[1],
    "creeping normalization with Israel",
    MADDY_QUOTES[3],
]
NED_PRICE_QUOTE = (
    "noted that we continue to view Morocco’s autonomy plan as serious, credible and "
    "realistic, and one potential approach to satisfying the aspirations of the people of "
    "Western Sahara,"
)


def slugs(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["slug"] for item in response.json()["items"]]


def texts(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["text"] for item in response.json()["items"]]


def store_mentions(session: Session, published_at: str, name: str, times: int) -> Article:
    """An article mentioning one country-less person ``times`` times."""
    body = " ".join([f"{name} spoke."] * times)
    step = len(name) + len(" spoke. ")
    mentions = [
        ExtractedMention(text=name, start=i * step, end=i * step + len(name)) for i in range(times)
    ]
    entity = ExtractedEntity(name=name, type="person", mentions=mentions)
    extraction = Extraction(body=body, published_at=published_at, entities=[entity])
    article = store_extraction(session, extraction, "test")
    session.commit()
    return article
