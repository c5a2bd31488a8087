"""The request paths each benchmarked endpoint cycles through, chosen from the corpus."""

import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

import httpx
from sqlalchemy import text
from sqlalchemy.engine import Engine

COMMON_TERM = "economy"  # a template word, in most articles
RARE_WORD = re.compile(r"Locals call it (\w+)\.")
SAMPLE = 300
DEEP_PAGES = 50


@dataclass
class Targets:
    article_ids: list[int]
    countries: list[str]
    person_country: list[tuple[str, str]]
    speakers: list[str]
    entity_ids: list[int]
    rare_terms: list[str]
    deep_page: str = ""
    paths: dict[str, list[str]] = field(default_factory=dict)


def _column(engine: Engine, sql: str) -> list:  # type: ignore[type-arg]
    with engine.connect() as connection:
        return list(connection.execute(text(sql)).scalars())


def choose(engine: Engine) -> Targets:
    """Random articles, the most covered countries and speakers, and pairs that co-occur."""
    ids = _column(engine, f"SELECT id FROM article ORDER BY random() LIMIT {SAMPLE}")
    id_list = ",".join(str(i) for i in ids)
    top = "FROM entity WHERE type = '{}' ORDER BY article_count DESC LIMIT {}"
    with engine.connect() as connection:
        pairs = connection.execute(
            text(
                "SELECT p.slug, min(c.key) FROM article_entity ap "
                "JOIN entity p ON p.id = ap.entity_id AND p.type = 'person' "
                "JOIN article_entity ac ON ac.article_id = ap.article_id "
                "JOIN entity c ON c.id = ac.entity_id AND c.type = 'country' "
                f"WHERE ap.article_id IN ({id_list}) GROUP BY p.slug"
            )
        ).all()
        bodies = connection.execute(
            text(f"SELECT body FROM article WHERE id IN ({id_list})")
        ).scalars()
        rare = sorted({m for body in bodies for m in RARE_WORD.findall(body)})
    return Targets(
        article_ids=ids,
        countries=_column(engine, "SELECT key " + top.format("country", 20)),
        person_country=[(p, c) for p, c in pairs],
        speakers=_column(engine, "SELECT slug " + top.format("person", 50)),
        entity_ids=_column(engine, "SELECT id " + top.format("country", 20)),
        rare_terms=rare[:SAMPLE],
    )


def follow_cursors(base_url: str, pages: int = DEEP_PAGES) -> str:
    """The path of the page reached by following ``pages`` next cursors from the first."""
    path = "/articles?limit=20"
    with httpx.Client(base_url=base_url, timeout=30.0) as client:
        for _ in range(pages):
            cursor = client.get(path).raise_for_status().json().get("next_cursor")
            if not cursor:
                break
            path = "/articles?" + urlencode({"limit": 20, "cursor": cursor})
    return path


def broadsheet_paths(t: Targets) -> dict[str, list[str]]:
    return {
        "article_by_id": [f"/articles/{i}" for i in t.article_ids],
        "articles_by_country": [f"/articles?country={c}" for c in t.countries],
        "articles_by_person_country": [
            "/articles?" + urlencode({"person": p, "country": c}) for p, c in t.person_country
        ],
        "entity_quotes": [f"/entities/{quote(s)}/quotes" for s in t.speakers],
        # Article search, the answer Datasette's FTS query gives (ranked matches with a
        # fragment); /search adds quotes, entity names and facets to it.
        "search_rare": [f"/articles?q={w}" for w in t.rare_terms],
        "search_everything_rare": [f"/search?q={w}" for w in t.rare_terms],
        "deep_cursor_page": [t.deep_page],
        # Last: requests still running when its window closes would slow the next endpoint.
        "search_common": [f"/articles?q={COMMON_TERM}"],
    }


FTS_SQL = (
    "select a.id, a.title, a.published_at, "
    "snippet(article_fts, 1, '<b>', '</b>', '...', 12) as snippet "
    "from article_fts join article a on a.id = article_fts.rowid "
    "where article_fts match :q order by rank limit 20"
)
# Datasette counts matching rows and suggests facets unless told not to; Broadsheet does neither.
NO_EXTRAS = "_nocount=1&_nofacet=1&_size=20"


def datasette_paths(t: Targets, db: str) -> dict[str, list[str]]:
    """Datasette requests answering the same questions as their Broadsheet counterparts."""

    def search(term: str) -> str:
        return f"/{db}.json?" + urlencode({"sql": FTS_SQL, "q": term, "_shape": "objects"})

    return {
        "article_by_id": [f"/{db}/article/{i}.json" for i in t.article_ids],
        "articles_by_country": [
            f"/{db}/article_entity.json?entity_id={e}&_sort_desc=dated_at&{NO_EXTRAS}"
            for e in t.entity_ids
        ],
        "search_common": [search(COMMON_TERM)],
        "search_rare": [search(w) for w in t.rare_terms],
    }
