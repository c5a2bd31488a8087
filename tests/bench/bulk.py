"""A bulk loader that writes the same rows as ``store_extraction``, far faster.

It keeps entity ids, slugs and aliases in memory, assigns primary keys itself, inserts
each table with one executemany per batch, and writes entity counts once at the end.
Every value is computed by the same helpers the write path uses, so the two agree
row for row (``tests/bench/test_corpus.py`` checks it).
"""

import itertools
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy.engine import Connection

from app.articles.models import Article, sort_date, utcnow
from app.articles.writer import LEDE_WORDS, _as_datetime, check_offsets, content_hash
from app.entities.identity import entity_key
from app.entities.models import ArticleEntity, Entity, EntityAlias, Mention
from app.extraction import ExtractedEntity, Extraction
from app.quotes.models import Quote
from app.text import normalize_name, slugify, word_count

# Names repeat across a corpus; normalising each once keeps the loader off the profile.
normalize = lru_cache(maxsize=500_000)(normalize_name)

TABLES: list[Table] = [
    t.__table__  # type: ignore[attr-defined]
    for t in (Entity, EntityAlias, Article, Mention, ArticleEntity, Quote)
]


@lru_cache(maxsize=500_000)
def _key(type_: str, name: str, code: str | None) -> str:
    return entity_key(ExtractedEntity(name=name, type=type_, country_code=code))  # type: ignore[arg-type]


@dataclass
class EntityState:
    id: int
    description: str | None
    article_count: int = 0
    mention_count: int = 0
    aliases: set[str] = field(default_factory=set)
    dirty: bool = False


class BulkLoader:
    def __init__(self, connection: Connection, version: str | None) -> None:
        self.conn = connection
        self.version = version
        self.rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in TABLES}
        self.next_id = {
            name: self._max_id(name) + 1 for name in self.rows if name != "article_entity"
        }
        self.entities: dict[tuple[str, str], EntityState] = {}
        self.by_id: dict[int, EntityState] = {}
        self.entity_slugs: set[str] = set(connection.execute(select(Entity.slug)).scalars())
        self.article_slugs: set[str] = set(connection.execute(select(Article.slug)).scalars())
        self.next_suffix: dict[str, int] = {}
        self._load_entities()

    def _max_id(self, table: str) -> int:
        return self.conn.execute(text(f'SELECT coalesce(max(id), 0) FROM "{table}"')).scalar_one()

    def _load_entities(self) -> None:
        rows = self.conn.execute(
            select(
                Entity.id,
                Entity.type,
                Entity.key,
                Entity.description,
                Entity.article_count,
                Entity.mention_count,
            )
        )
        by_id = self.by_id
        for id_, type_, key, description, articles, mentions in rows:
            state = EntityState(id_, description, articles, mentions)
            self.entities[(type_, key)] = by_id[id_] = state
        for entity_id, normalized in self.conn.execute(
            select(EntityAlias.entity_id, EntityAlias.normalized)
        ):
            by_id[entity_id].aliases.add(normalized)

    def _take_id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def _article_slug(self, extraction: Extraction) -> str:
        words = extraction.title or " ".join(extraction.body.split()[:LEDE_WORDS])
        base = slugify(words, max_length=100)
        slug = base
        if base in self.article_slugs:
            # Slugs are never freed during a load, so the search can resume where it stopped.
            n = self.next_suffix.get(base, 2)
            while f"{base}-{n}" in self.article_slugs:
                n += 1
            self.next_suffix[base] = n + 1
            slug = f"{base}-{n}"
        self.article_slugs.add(slug)
        return slug

    def add(self, extraction: Extraction) -> None:
        check_offsets(extraction)
        published = _as_datetime(extraction.published_at)
        now = utcnow()
        article_id = self._take_id("article")
        dated_at = sort_date(published)
        self.rows["article"].append(
            {
                "id": article_id,
                "title": extraction.title,
                "published_at": published,
                "byline": extraction.byline,
                "source_name": extraction.source_name,
                "source_url": extraction.source_url,
                "slug": self._article_slug(extraction),
                "body": extraction.body,
                "sections": extraction.sections,
                "word_count": word_count(extraction.body),
                "content_hash": content_hash(extraction.body),
                "extractor_version": self.version,
                "dated_at": dated_at,
                "created_at": now,
                "updated_at": now,
            }
        )
        self._add_knowledge(article_id, dated_at, extraction)

    def _add_knowledge(self, article_id: int, dated_at: Any, extraction: Extraction) -> None:
        by_name: dict[str, int] = {}
        mentions: Counter[int] = Counter()
        for extracted in extraction.entities:
            state = self._entity(extracted)
            by_name[extracted.name] = state.id
            for m in extracted.mentions:
                self.rows["mention"].append(
                    {
                        "id": self._take_id("mention"),
                        "article_id": article_id,
                        "entity_id": state.id,
                        "start": m.start,
                        "end": m.end,
                        "text": m.text,
                    }
                )
            mentions[state.id] += len(extracted.mentions)
        for entity_id, located in mentions.items():
            count = max(located, 1)  # as the write path counts an entity with no mention
            self.rows["article_entity"].append(
                {
                    "article_id": article_id,
                    "entity_id": entity_id,
                    "mention_count": count,
                    "dated_at": dated_at,
                }
            )
            self.by_id[entity_id].article_count += 1
            self.by_id[entity_id].mention_count += count
            self.by_id[entity_id].dirty = True
        for q in extraction.quotes:
            self.rows["quote"].append(
                {
                    "id": self._take_id("quote"),
                    "article_id": article_id,
                    "text": q.text,
                    "start": q.start,
                    "end": q.end,
                    "speaker_id": by_name.get(q.speaker) if q.speaker else None,
                    "speaker_text": q.speaker_text,
                    "kind": q.kind,
                    "cue": q.cue,
                    "dated_at": dated_at,
                }
            )

    def _entity(self, extracted: ExtractedEntity) -> EntityState:
        key = _key(extracted.type, extracted.name, extracted.country_code)
        state = self.entities.get((extracted.type, key))
        if state is None:
            state = EntityState(self._take_id("entity"), extracted.description)
            self.entities[(extracted.type, key)] = state
            self.by_id[state.id] = state
            self.rows["entity"].append(
                {
                    "id": state.id,
                    "name": extracted.name,
                    "type": extracted.type,
                    "key": key,
                    "slug": self._entity_slug(extracted.name, extracted.type),
                    "country_code": extracted.country_code.upper()
                    if extracted.country_code
                    else None,
                    "description": extracted.description,
                    "article_count": 0,
                    "mention_count": 0,
                }
            )
        elif state.description is None and extracted.description:
            state.description = extracted.description
            state.dirty = True
        wanted = {
            normalize_name(n): n for n in [extracted.name, *extracted.aliases] if normalize_name(n)
        }
        for normalized, name in wanted.items():
            if normalized not in state.aliases:
                state.aliases.add(normalized)
                self.rows["entity_alias"].append(
                    {
                        "id": self._take_id("entity_alias"),
                        "entity_id": state.id,
                        "name": name,
                        "normalized": normalized,
                    }
                )
        return state

    def _entity_slug(self, name: str, type_: str) -> str:
        base = slugify(name, max_length=100)
        numbered = (f"{base}-{type_}-{n}" for n in range(2, 1000))
        for candidate in itertools.chain([base, f"{base}-{type_}"], numbered):
            if candidate not in self.entity_slugs:
                self.entity_slugs.add(candidate)
                return candidate
        raise RuntimeError(f"no free slug for {name!r}")

    def flush(self) -> None:
        """Insert what is buffered, parents before children, in the caller's transaction."""
        for table in TABLES:
            rows = self.rows[table.name]
            if rows:
                self.conn.execute(insert(table), rows)
                rows.clear()

    def finish(self) -> None:
        """Flush, write the entity counts once, and move PostgreSQL sequences past our ids."""
        self.flush()
        dirty = [
            {"eid": s.id, "ac": s.article_count, "mc": s.mention_count, "d": s.description}
            for s in self.entities.values()
            if s.dirty
        ]
        if dirty:
            stmt = (
                update(Entity)
                .where(Entity.id == bindparam("eid"))  # type: ignore[arg-type]
                .values(
                    article_count=bindparam("ac"),
                    mention_count=bindparam("mc"),
                    description=bindparam("d"),
                )
            )
            self.conn.execute(stmt, dirty)
        if self.conn.dialect.name == "postgresql":
            for name in self.next_id:
                self.conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), "
                        f'(SELECT coalesce(max(id), 0) + 1 FROM "{name}"), false)'
                    )
                )
