"""PostgreSQL: the nested parts of article documents built by the server as JSON, so that
a document comes in one statement rather than one per part.

Each part is a correlated subquery over ``article`` read unaliased, its keys in the order
of the response model's fields (``json_build_object`` keeps them; psycopg reads the JSON
into dicts in that order), and its order the separate statement's: answers stay
byte-equal. On SQLite, in-process, the separate statements cost no round trip.
"""

from sqlalchemy import JSON, bindparam, literal_column, select

from app.articles.queries import DETAIL_FIELDS, TOP_ENTITIES, A
from app.prepared import Prepared

# A summary row's top entities (``_linked`` documents): a page and its entities in one
# round trip rather than two (a page's statement, then ``TOP_LINKS`` for its ids).
TOPS = literal_column(
    "(SELECT coalesce(json_agg(json_build_object("
    "'id', e.id, 'slug', e.slug, 'name', e.name, 'type', e.type, "
    "'country_code', e.country_code, 'mention_count', t.mention_count"
    ") ORDER BY t.mention_count DESC, t.entity_id), '[]') "
    "FROM (SELECT ae.entity_id, ae.mention_count FROM article_entity ae "
    "WHERE ae.article_id = article.id "
    f"ORDER BY ae.mention_count DESC, ae.entity_id LIMIT {TOP_ENTITIES}) AS t "
    "JOIN entity e ON e.id = t.entity_id)",
    type_=JSON,
).label("tops")

# Every entity of the article with its mentions (``entity_documents``), the mentions
# grouped per entity once rather than looked up per entity.
ENTITIES = literal_column(
    "(SELECT coalesce(json_agg(json_build_object("
    "'id', e.id, 'slug', e.slug, 'name', e.name, 'type', e.type, "
    "'country_code', e.country_code, 'mention_count', ae.mention_count, "
    "'mentions', coalesce(mm.list, '[]'::json)"
    ") ORDER BY ae.mention_count DESC, e.id), '[]') "
    "FROM article_entity ae JOIN entity e ON e.id = ae.entity_id "
    "LEFT JOIN (SELECT m.entity_id, json_agg(json_build_object("
    "'start', m.start, 'end', m.\"end\", 'text', m.text) ORDER BY m.start, m.id) AS list "
    "FROM mention m WHERE m.article_id = article.id GROUP BY m.entity_id) AS mm "
    "ON mm.entity_id = e.id "
    "WHERE ae.article_id = article.id)",
    type_=JSON,
).label("entities")

# Every quote of the article with its speaker (``quote_document``), in text order.
QUOTES = literal_column(
    "(SELECT coalesce(json_agg(json_build_object("
    "'id', q.id, 'article_id', q.article_id, 'text', q.text, 'start', q.start, "
    "'end', q.\"end\", 'kind', q.kind, 'cue', q.cue, 'speaker', CASE WHEN s.id IS NULL "
    "THEN NULL ELSE json_build_object('id', s.id, 'slug', s.slug, 'name', s.name, "
    "'type', s.type, 'country_code', s.country_code) END, "
    "'speaker_text', q.speaker_text, 'confidence', q.confidence, 'rule', q.rule"
    ") ORDER BY q.start, q.id), '[]') "
    "FROM quote q LEFT JOIN entity s ON s.id = q.speaker_id "
    "WHERE q.article_id = article.id)",
    type_=JSON,
).label("quotes")

_WHOLE = select(*(A[name] for name in DETAIL_FIELDS), ENTITIES, QUOTES)
# An article with its entities, mentions and quotes: one statement where there were four.
WHOLE = {
    "id": Prepared(_WHOLE.where(A.id == bindparam("value"))),
    "slug": Prepared(_WHOLE.where(A.slug == bindparam("value"))),
}
