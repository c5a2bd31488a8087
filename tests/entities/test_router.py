"""Entity endpoints, on both backends."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.articles.models import Article
from app.articles.writer import store_extraction
from app.extraction import ExtractedEntity, ExtractedMention, Extraction
from tests.conftest import ArticleFactory, assert_problem, next_link

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


# --- GET /entities ------------------------------------------------------------------------


def test_lists_every_seed_entity_most_recent_first_among_equals(client: TestClient) -> None:
    response = client.get("/entities", params={"limit": 100})
    assert slugs(response) == SEED_ENTITIES[::-1]
    assert response.json()["next_cursor"] is None
    assert "Link" not in response.headers
    maddy = next(e for e in response.json()["items"] if e["slug"] == MADDY)
    assert maddy == {
        "id": maddy["id"],
        "slug": MADDY,
        "name": "Bruce Maddy-Weitzman",
        "type": "person",
        "country_code": None,
        "description": None,
        "article_count": 1,
        "mention_count": 2,
    }


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("bruce", [MADDY]),
        ("BRUCE MADDY", [MADDY]),
        ("maddy", [MADDY]),  # alias "Maddy-Weitzman"
        ("Maddy-W", [MADDY]),
        ("polhim", ["polisario-front"]),  # alias "Polhimario"
        ("tel", ["tel-aviv-university", "tel-aviv"]),
        ("us", ["state-department", "united-states"]),  # aliases "US State Department", "US"
        ("Rábat", ["rabat"]),  # accents in the query are ignored too
        ("weitzman", []),  # a prefix, not a substring
        ("zzz", []),
        ("50%", []),
        ("r_bat", []),
        ("[a-z]*", []),
    ],
)
def test_q_is_a_case_and_accent_insensitive_prefix_of_a_name_or_alias(
    client: TestClient, q: str, expected: list[str]
) -> None:
    assert slugs(client.get("/entities", params={"q": q})) == expected


def test_q_matches_accented_names_without_accents(
    client: TestClient, make_article: ArticleFactory
) -> None:
    make_article("Zoë Ångström met José Núñez in Reykjavík.", people=("Zoë Ångström", "José Núñez"))
    for q in ("zoe", "ZOË Å", "zoe angstrom", "Zoë Ångström"):
        assert slugs(client.get("/entities", params={"q": q})) == ["zoe-angstrom"], q
    for q in ("jose nu", "JOSÉ NÚÑEZ", "José"):
        assert slugs(client.get("/entities", params={"q": q})) == ["jose-nunez"], q
    [item] = client.get("/entities", params={"q": "zoe"}).json()["items"]
    assert item["name"] == "Zoë Ångström"


def test_filters_by_type(client: TestClient) -> None:
    places = ["washington", "tel-aviv", "paris", "dakhla", "rabat"]
    assert slugs(client.get("/entities", params={"type": "place"})) == places
    people = client.get("/entities", params={"type": "person", "q": "b"})
    assert slugs(people) == ["antony-blinken", MADDY, "brahim-ghali", "benny-gantz"]


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        # A country entity carries its own code, so it is listed with its places.
        ("MA", ["rabat", "morocco"]),
        ("ma", ["rabat", "morocco"]),
        ("Morocco", ["rabat", "morocco"]),
        ("US", ["washington", "united-states"]),
        ("United States of America", ["washington", "united-states"]),  # an alias
        ("EH", ["dakhla", "western-sahara"]),
        ("FR", ["paris"]),  # no country entity FR exists, the code still names it
        ("France", []),  # a name needs a stored country to resolve
        ("ZZ", []),
        ("Rabat", []),  # a place is not a country
    ],
)
def test_filters_by_country_code_or_name(
    client: TestClient, country: str, expected: list[str]
) -> None:
    assert slugs(client.get("/entities", params={"country": country})) == expected


def test_filters_combine(client: TestClient) -> None:
    assert slugs(client.get("/entities", params={"type": "place", "country": "IL"})) == ["tel-aviv"]
    params = {"type": "place", "country": "Israel", "q": "tel"}
    assert slugs(client.get("/entities", params=params)) == ["tel-aviv"]
    params = {"type": "organization", "country": "IL", "q": "tel"}
    assert slugs(client.get("/entities", params=params)) == []


def test_orders_by_article_count(client: TestClient, make_article: ArticleFactory) -> None:
    make_article("Morocco and Algeria met.", countries=(("Morocco", "MA"), ("Algeria", "DZ")))
    make_article("Morocco again.", countries=(("Morocco", "MA"),))
    response = client.get("/entities", params={"type": "country"})
    rest = [s for s in SEED_COUNTRIES[::-1] if s not in {"morocco", "algeria"}]
    assert slugs(response) == ["morocco", "algeria", *rest]
    counts = [e["article_count"] for e in response.json()["items"]]
    assert counts == [3, 2, 1, 1, 1, 1, 1, 1]
    assert response.json()["items"][0]["mention_count"] == 19


def follow_cursor(client: TestClient, params: dict[str, Any]) -> list[str]:
    seen: list[str] = []
    cursor = None
    for _ in range(100):
        response = client.get(
            "/entities", params={**params, "cursor": cursor} if cursor else params
        )
        seen += slugs(response)
        cursor = response.json()["next_cursor"]
        if cursor is None:
            assert "Link" not in response.headers
            return seen
        link = response.headers["Link"]
        assert link.endswith('>; rel="next"')
        assert f"cursor={cursor}" in link
    raise AssertionError("pagination never ended")


def follow_link(client: TestClient, url: str) -> list[str]:
    seen: list[str] = []
    for _ in range(100):
        response = client.get(url)
        seen += slugs(response)
        if "Link" not in response.headers:
            assert response.json()["next_cursor"] is None
            return seen
        url = next_link(response)
    raise AssertionError("pagination never ended")


def test_pages_one_at_a_time_through_everything(
    client: TestClient, make_article: ArticleFactory
) -> None:
    make_article("Morocco and Bahrain.", countries=(("Morocco", "MA"), ("Bahrain", "BH")))
    make_article("Ana Lima visited Morocco.", people=("Ana Lima",), countries=(("Morocco", "MA"),))
    everything = slugs(client.get("/entities", params={"limit": 100}))
    assert len(everything) == len(SEED_ENTITIES) + 1
    assert everything[:3] == ["morocco", "bahrain", "ana-lima"]

    by_cursor = follow_cursor(client, {"limit": 1})
    assert by_cursor == everything
    assert len(set(by_cursor)) == len(everything)
    assert follow_link(client, "/entities?limit=1") == everything


def test_pages_keep_the_filters(client: TestClient, make_article: ArticleFactory) -> None:
    make_article("Israel and Bahrain.", countries=(("Israel", "IL"), ("Bahrain", "BH")))
    expected = ["bahrain", "israel", "palestine", "united-arab-emirates", "united-states"]
    expected += ["western-sahara", "algeria", "morocco"]
    assert follow_cursor(client, {"type": "country", "limit": 3}) == expected
    assert follow_link(client, "/entities?type=country&limit=3") == expected


def test_rejects_a_cursor_from_another_listing(client: TestClient) -> None:
    cursor = client.get("/quotes", params={"limit": 1}).json()["next_cursor"]
    assert cursor is not None
    response = client.get("/entities", params={"cursor": cursor})
    assert_problem(response, 400, "query.cursor")
    assert_problem(client.get("/entities", params={"cursor": "not-a-cursor"}), 400, "query.cursor")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"type": "planet"}, "query.type"),
        ({"limit": 0}, "query.limit"),
        ({"limit": 101}, "query.limit"),
        ({"q": "x" * 201}, "query.q"),
    ],
)
def test_invalid_list_parameters_are_422(
    client: TestClient, params: dict[str, Any], field: str
) -> None:
    assert_problem(client.get("/entities", params=params), 422, field)


# --- GET /entities/{slug} -----------------------------------------------------------------


def test_profile_of_a_seed_person(client: TestClient) -> None:
    response = client.get(f"/entities/{MADDY}")
    assert response.status_code == 200
    body = response.json()
    assert body == {
        "id": body["id"],
        "slug": MADDY,
        "name": "Bruce Maddy-Weitzman",
        "type": "person",
        "country_code": None,
        "description": None,
        "aliases": ["Maddy-Weitzman"],
        "counts": {"articles": 1, "mentions": 2, "quotes_said": 4, "quotes_about": 0},
        "first_seen": SEED_DATE,
        "last_seen": SEED_DATE,
    }


def test_profile_of_a_seed_country(client: TestClient) -> None:
    body = client.get("/entities/united-states").json()
    assert body["country_code"] == "US"
    assert sorted(body["aliases"]) == sorted(["US", "United States of America", "USA"])
    assert body["counts"] == {"articles": 1, "mentions": 3, "quotes_said": 0, "quotes_about": 0}
    israel = client.get("/entities/israel").json()
    assert israel["counts"] == {"articles": 1, "mentions": 14, "quotes_said": 0, "quotes_about": 4}


def test_profile_follows_new_articles(client: TestClient, make_article: ArticleFactory) -> None:
    make_article(
        'Bruce Maddy-Weitzman said "ties are warm" on Monday.',
        published_at="2022-03-01",
        people=("Bruce Maddy-Weitzman",),
        quotes={"ties are warm": "Bruce Maddy-Weitzman"},
    )
    make_article(
        "In 2020 Bruce Maddy-Weitzman wrote a book.",
        published_at="2020-05-17T10:30:00+02:00",
        people=("Bruce Maddy-Weitzman",),
    )
    body = client.get(f"/entities/{MADDY}").json()
    assert body["counts"] == {"articles": 3, "mentions": 4, "quotes_said": 5, "quotes_about": 0}
    assert body["first_seen"] == "2020-05-17T08:30:00Z"
    assert body["last_seen"] == "2022-03-01T00:00:00Z"


def test_unknown_entity_is_a_404_problem(client: TestClient) -> None:
    for path in ("", "/articles", "/quotes", "/related", "/timeline"):
        response = client.get(f"/entities/no-such-entity{path}")
        problem = assert_problem(response, 404)
        assert problem["detail"] == "No entity with slug 'no-such-entity'"
        assert problem["instance"] == f"/entities/no-such-entity{path}"


# --- GET /entities/{slug}/articles --------------------------------------------------------


def test_articles_of_an_entity_newest_first(
    client: TestClient, make_article: ArticleFactory, seed_article: Article
) -> None:
    later = make_article(
        "Morocco hosted a summit.", published_at="2022-01-10", countries=(("Morocco", "MA"),)
    )
    earlier = make_article(
        "Morocco signed a deal.", published_at="2021-01-10", countries=(("Morocco", "MA"),)
    )
    make_article("Algeria only.", published_at="2023-01-10", countries=(("Algeria", "DZ"),))
    expected = [later.slug, seed_article.slug, earlier.slug]
    assert slugs(client.get("/entities/morocco/articles")) == expected

    first = client.get("/entities/morocco/articles", params={"limit": 2})
    assert slugs(first) == expected[:2]
    cursor = first.json()["next_cursor"]
    second = client.get("/entities/morocco/articles", params={"limit": 2, "cursor": cursor})
    assert slugs(second) == expected[2:]
    assert second.json()["next_cursor"] is None

    [item] = client.get(f"/entities/{MADDY}/articles").json()["items"]
    assert item["id"] == seed_article.id
    assert item["published_at"] == SEED_DATE
    assert item["top_entities"][0]["slug"] == "morocco"


# --- GET /entities/{slug}/quotes ----------------------------------------------------------


def test_quotes_said_by_an_entity(client: TestClient, seed_article: Article) -> None:
    response = client.get(f"/entities/{MADDY}/quotes", params={"role": "speaker"})
    # Same date: the later quote in the article was stored last and comes first.
    assert texts(response) == MADDY_QUOTES[::-1]
    assert texts(client.get(f"/entities/{MADDY}/quotes")) == MADDY_QUOTES[::-1]
    first = response.json()["items"][-1]
    assert first["start"] == 1606
    assert first["end"] == 1725
    assert first["kind"] == "direct"
    assert first["cue"] == "said"
    assert first["speaker_text"] == "he"
    assert first["speaker"]["slug"] == MADDY
    assert first["article"] == {
        "id": seed_article.id,
        "slug": seed_article.slug,
        "title": None,
        "published_at": SEED_DATE,
    }


def test_quotes_said_page_by_cursor(client: TestClient) -> None:
    seen: list[str] = []
    url = f"/entities/{MADDY}/quotes?role=speaker&limit=3"
    while True:
        response = client.get(url)
        seen += texts(response)
        if "Link" not in response.headers:
            break
        url = next_link(response)
    assert seen == MADDY_QUOTES[::-1]


def test_quotes_about_an_entity(client: TestClient, make_article: ArticleFactory) -> None:
    about = client.get("/entities/israel/quotes", params={"role": "about"})
    assert texts(about) == QUOTES_ABOUT_ISRAEL[::-1]
    western_sahara = client.get("/entities/western-sahara/quotes", params={"role": "about"})
    assert texts(western_sahara) == [NED_PRICE_QUOTE]
    assert western_sahara.json()["items"][0]["speaker"]["slug"] == "ned-price"
    # His two mentions sit outside every quote.
    assert texts(client.get(f"/entities/{MADDY}/quotes", params={"role": "about"})) == []

    make_article(
        'Lina Sayed said "Bruce Maddy-Weitzman explained it well" on Friday.',
        published_at="2022-02-04",
        people=("Lina Sayed", "Bruce Maddy-Weitzman"),
        quotes={"Bruce Maddy-Weitzman explained it well": "Lina Sayed"},
    )
    about = client.get(f"/entities/{MADDY}/quotes", params={"role": "about"})
    assert texts(about) == ["Bruce Maddy-Weitzman explained it well"]
    assert about.json()["items"][0]["speaker"]["slug"] == "lina-sayed"
    said = client.get(f"/entities/{MADDY}/quotes", params={"role": "speaker"})
    assert texts(said) == MADDY_QUOTES[::-1]
    assert client.get(f"/entities/{MADDY}").json()["counts"]["quotes_about"] == 1


def test_invalid_role_is_a_422_problem(client: TestClient) -> None:
    response = client.get(f"/entities/{MADDY}/quotes", params={"role": "listener"})
    problem = assert_problem(response, 422, "query.role")
    assert problem["errors"][0]["field"] == "query.role"


# --- GET /entities/{slug}/related ---------------------------------------------------------


def test_related_entities_by_shared_articles(
    client: TestClient, make_article: ArticleFactory
) -> None:
    make_article(
        "Bruce Maddy-Weitzman met Benny Gantz in Morocco.",
        people=("Bruce Maddy-Weitzman", "Benny Gantz"),
        countries=(("Morocco", "MA"),),
    )
    make_article(
        "Bruce Maddy-Weitzman praised Benny Gantz.",
        people=("Bruce Maddy-Weitzman", "Benny Gantz"),
    )
    # Raises Israel's article count without sharing an article with him.
    make_article(
        "Benny Gantz toured Israel.", people=("Benny Gantz",), countries=(("Israel", "IL"),)
    )

    response = client.get(f"/entities/{MADDY}/related", params={"limit": 100})
    items = response.json()["items"]
    assert [(e["slug"], e["shared_articles"]) for e in items[:4]] == [
        ("benny-gantz", 3),
        ("morocco", 2),
        ("israel", 1),  # more articles overall breaks the tie
        ("donald-trump", 1),
    ]
    others = [s for s in SEED_ENTITIES if s not in {MADDY, "benny-gantz", "morocco", "israel"}]
    assert [e["slug"] for e in items[2:]] == ["israel", *others]
    assert all(e["shared_articles"] == 1 for e in items[2:])
    assert items[0] == {
        "id": items[0]["id"],
        "slug": "benny-gantz",
        "name": "Benny Gantz",
        "type": "person",
        "country_code": None,
        "shared_articles": 3,
    }

    paged: list[str] = []
    url = f"/entities/{MADDY}/related?limit=7"
    while True:
        page = client.get(url)
        paged += slugs(page)
        if "Link" not in page.headers:
            break
        url = next_link(page)
    assert paged == [e["slug"] for e in items]
    assert len(paged) == len(SEED_ENTITIES) - 1


def test_an_entity_alone_has_no_related(client: TestClient, make_article: ArticleFactory) -> None:
    make_article("Solo Hermit stayed home.", people=("Solo Hermit",))
    response = client.get("/entities/solo-hermit/related")
    assert response.json() == {
        "items": [],
        "next_cursor": None,
        "total": 0,
        "total_is_estimate": False,
        "ranked_among": None,
    }


# --- GET /entities/{slug}/timeline --------------------------------------------------------


@pytest.fixture
def morocco_dates(make_article: ArticleFactory) -> None:
    """Morocco on known dates besides the seed (Monday 2021-12-06, 17 mentions)."""
    for n, date in enumerate(
        [
            "2021-12-08",  # Wednesday, same ISO week as the seed
            "2021-12-12T23:30:00+00:00",  # Sunday night: still that week
            "2021-12-12T23:30:00-05:00",  # Monday 04:30 UTC: the next week
            "2022-01-02",  # Sunday: the week of Monday 2021-12-27, across a year
            "2022-01-02T08:00:00Z",  # the same day again
        ]
    ):
        make_article(f"Report {n} on Morocco.", published_at=date, countries=(("Morocco", "MA"),))


def buckets(response: Any) -> list[tuple[str, int, int]]:
    assert response.status_code == 200, response.text
    return [(b["period"], b["articles"], b["mentions"]) for b in response.json()["items"]]


@pytest.mark.usefixtures("morocco_dates")
@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        (
            "day",
            [
                ("2021-12-06", 1, 17),
                ("2021-12-08", 1, 1),
                ("2021-12-12", 1, 1),
                ("2021-12-13", 1, 1),
                ("2022-01-02", 2, 2),
            ],
        ),
        ("week", [("2021-12-06", 3, 19), ("2021-12-13", 1, 1), ("2021-12-27", 2, 2)]),
        ("month", [("2021-12-01", 4, 20), ("2022-01-01", 2, 2)]),
    ],
)
def test_timeline_buckets(
    client: TestClient, interval: str, expected: list[tuple[str, int, int]]
) -> None:
    response = client.get("/entities/morocco/timeline", params={"interval": interval})
    assert buckets(response) == expected


@pytest.mark.usefixtures("morocco_dates")
def test_timeline_defaults_to_months_and_pages(client: TestClient) -> None:
    assert buckets(client.get("/entities/morocco/timeline")) == [
        ("2021-12-01", 4, 20),
        ("2022-01-01", 2, 2),
    ]
    first = client.get("/entities/morocco/timeline", params={"interval": "day", "limit": 3})
    assert [b[0] for b in buckets(first)] == ["2021-12-06", "2021-12-08", "2021-12-12"]
    url = next_link(first)
    second = client.get(url)
    assert buckets(second) == [("2021-12-13", 1, 1), ("2022-01-02", 2, 2)]
    assert second.json()["next_cursor"] is None


def test_timeline_sums_mentions(client: TestClient, session: Session) -> None:
    store_mentions(session, "2024-02-29", "Tala Mirza", 3)
    store_mentions(session, "2024-03-03", "Tala Mirza", 2)  # a Sunday
    store_mentions(session, "2024-03-04", "Tala Mirza", 4)  # the Monday after
    url = "/entities/tala-mirza/timeline"
    assert buckets(client.get(url, params={"interval": "week"})) == [
        ("2024-02-26", 2, 5),
        ("2024-03-04", 1, 4),
    ]
    assert buckets(client.get(url, params={"interval": "month"})) == [
        ("2024-02-01", 1, 3),
        ("2024-03-01", 2, 6),
    ]
    profile = client.get("/entities/tala-mirza").json()
    assert profile["counts"]["mentions"] == 9


def test_seed_timeline(client: TestClient) -> None:
    for interval, period in (
        ("day", "2021-12-06"),
        ("week", "2021-12-06"),
        ("month", "2021-12-01"),
    ):
        response = client.get(f"/entities/{MADDY}/timeline", params={"interval": interval})
        assert buckets(response) == [(period, 1, 2)]


def test_invalid_interval_is_a_422_problem(client: TestClient) -> None:
    response = client.get(f"/entities/{MADDY}/timeline", params={"interval": "year"})
    problem = assert_problem(response, 422, "query.interval")
    assert "query.interval" in problem["detail"]
