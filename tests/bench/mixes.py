"""The paths of the mixed workload (tests/bench/mixed.py), drawn from the corpus itself."""

import itertools
import random
from collections import Counter
from datetime import datetime
from urllib.parse import quote, urlencode

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from app.cursors import encode
from tests.bench.targets import RARE_WORD

SHARES = {
    "article_by_id": 0.4,
    "filters": 0.2,
    "search": 0.2,
    "entity_quotes": 0.1,
    "deep_pages": 0.1,
}
WARM_UP = 1_000  # drawn beside the measured paths, requested only during the warm-up
BODY_SAMPLE = 3_000  # article bodies read for made-up words


def _rows(connection: Connection, sql: str, **params: object) -> list:  # type: ignore[type-arg]
    return list(connection.execute(text(sql), params).all())


def _random(connection: Connection, sql: str, n: int) -> list:  # type: ignore[type-arg]
    return [row[0] for row in _rows(connection, f"{sql} ORDER BY random() LIMIT :n", n=n)]


def _filters(connection: Connection, n: int) -> list[str]:
    """Every country alone, persons alone, and person + country pairs that co-occur."""
    countries = _random(connection, "SELECT key FROM entity WHERE type = 'country'", n)
    persons = _random(connection, "SELECT slug FROM entity WHERE type = 'person'", n // 2)
    pairs = _rows(
        connection,
        "SELECT p.slug, c.key FROM article_entity ap "
        "JOIN entity p ON p.id = ap.entity_id AND p.type = 'person' "
        "JOIN article_entity ac ON ac.article_id = ap.article_id "
        "JOIN entity c ON c.id = ac.entity_id AND c.type = 'country' "
        "WHERE ap.article_id IN (SELECT id FROM article ORDER BY random() LIMIT :n)",
        n=n // 4,
    )
    out = [f"/articles?country={c}" for c in countries]
    out += [f"/articles?{urlencode({'person': p})}" for p in persons]
    out += [f"/articles?{urlencode({'person': p, 'country': c})}" for p, c in set(pairs)]
    return out


def _searches(connection: Connection) -> list[str]:
    """Made-up words of the corpus alone, and two that occur in the same article."""
    bodies = _random(connection, "SELECT body FROM article", BODY_SAMPLE)
    words: Counter[str] = Counter()
    out = []
    for body in bodies:
        found = RARE_WORD.findall(body)
        words.update(found)
        out += [f"/search?{urlencode({'q': f'{a} {b}'})}" for a, b in itertools.pairwise(found)]
    return out + [f"/search?q={w}" for w in words]


def _quotes(connection: Connection, n: int) -> list[str]:
    sql = "SELECT slug FROM entity e WHERE EXISTS (SELECT 1 FROM quote q WHERE q.speaker_id = e.id)"
    speakers = _random(connection, sql, n)
    about = _random(connection, "SELECT slug FROM entity WHERE type = 'person'", n // 4)
    return [f"/entities/{quote(s)}/quotes" for s in speakers] + [
        f"/entities/{quote(s)}/quotes?role=about" for s in about
    ]


def _deep_pages(connection: Connection, n: int) -> list[str]:
    """Cursors into the whole listing, newest and oldest first, at random depths."""
    out = []
    for i, (dated, ident) in enumerate(
        _rows(connection, "SELECT dated_at, id FROM article ORDER BY random() LIMIT :n", n=n)
    ):
        scope, sort = ("articles:newest", "newest") if i % 2 else ("articles:oldest", "oldest")
        # SQLite hands a raw text() column back as a string; a cursor carries a datetime.
        when = datetime.fromisoformat(dated) if isinstance(dated, str) else dated
        cursor = encode(scope, [when, ident])
        out.append(f"/articles?{urlencode({'sort': sort, 'limit': 20, 'cursor': cursor})}")
    return out


def draw_pools(engine: Engine, n: int, rng: random.Random) -> dict[str, list[str]]:
    """Distinct candidate paths per kind of request, shuffled."""
    with engine.connect() as connection:
        ids = _random(connection, "SELECT id FROM article", int(n * SHARES["article_by_id"]))
        pools = {
            "article_by_id": [f"/articles/{i}" for i in ids],
            "filters": _filters(connection, n),
            "search": _searches(connection),
            "entity_quotes": _quotes(connection, n),
            "deep_pages": _deep_pages(connection, n),
        }
    for paths in pools.values():
        rng.shuffle(paths)
    return {kind: list(dict.fromkeys(paths)) for kind, paths in pools.items()}


def mix(
    pools: dict[str, list[str]], n: int, rng: random.Random
) -> tuple[list[str], list[str], dict[str, int]]:
    """``n`` measured paths in the shares above, and ``WARM_UP`` others; a kind with fewer
    distinct paths than its share repeats them (the count of distinct paths is reported)."""
    measured: list[str] = []
    warm: list[str] = []
    for kind, share in SHARES.items():
        pool = pools[kind]
        want, spare = round(n * share), round(WARM_UP * share)
        warm += pool[-spare:] if len(pool) > 2 * spare else []
        pool = pool[:-spare] if len(pool) > 2 * spare else pool
        measured += [pool[i % len(pool)] for i in range(want)]
    rng.shuffle(measured)
    rng.shuffle(warm)
    return measured, warm or measured[:WARM_UP], {k: round(n * s) for k, s in SHARES.items()}
