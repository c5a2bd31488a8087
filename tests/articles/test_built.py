"""PostgreSQL builds an article's nested parts and a page's top entities as JSON in the
page's own statement; the documents equal those read a statement per part, key order
included (the response's bytes follow it)."""

import json

import pytest
from sqlmodel import Session

from app.articles import whole
from app.articles.models import Article
from app.articles.queries import built_document, document_apart, top_entities
from app.pagination import PageRequest
from tests.conftest import ArticleFactory

BODY = (
    "Odile Varnasse met Teodor Quillan in Morocco. \u201cThe port reopens in May,\u201d "
    "Odile Varnasse said. Teodor Quillan later flew to Peru."
)


# SQLite reads each part apart: there is nothing built to compare.
pytestmark = pytest.mark.parametrize("settings", ["postgresql"], indirect=True)


def test_an_article_built_by_the_server_equals_its_parts_read_apart(
    session: Session, seed_article: Article, make_article: ArticleFactory
) -> None:
    made = make_article(BODY, title="Port talks")
    for key, value in (("id", seed_article.id), ("slug", seed_article.slug), ("id", made.id)):
        assert value is not None
        built = built_document(session, key, value)
        apart = document_apart(session, key, value)
        assert built is not None
        assert json.dumps(built, default=str) == json.dumps(apart, default=str)
    seed = built_document(session, "id", seed_article.id or 0)
    assert seed is not None and seed["quotes"]
    assert any(entity["mentions"] for entity in seed["entities"])
    assert built_document(session, "id", 10**9) is None


def test_a_pages_top_entities_built_by_the_server_equal_those_read_apart(
    session: Session, seed_article: Article, make_article: ArticleFactory
) -> None:
    make_article(BODY, title="Port talks")
    found, _ = whole.page_of_all(session, True, PageRequest(limit=10, cursor=None))
    apart = top_entities(session, [row.id for row in found])
    assert any(row.tops for row in found)
    assert {row.id: row.tops for row in found} == {row.id: apart.get(row.id, []) for row in found}
    assert [list(doc) for row in found for doc in row.tops] == [
        list(doc) for row in found for doc in apart.get(row.id, [])
    ]
