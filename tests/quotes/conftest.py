"""A second article with one quote, later than the seed."""

import pytest

from app.articles.models import Article
from tests.conftest import ArticleFactory
from tests.quotes.seed import LATER


@pytest.fixture
def later_quote(make_article: ArticleFactory) -> Article:
    return make_article(
        'Omar Haddad said "the harbour in Marseille will reopen" after talks with France.',
        published_at="2022-05-01T12:00:00Z",
        title="Harbour to reopen",
        people=("Omar Haddad",),
        countries=(("France", "FR"),),
        quotes={LATER: "Omar Haddad"},
    )
