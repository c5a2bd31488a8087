"""What can be exported from the command line: each list with its filters and item shape."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session

from app.articles.schemas import ArticleFilters, ArticleSummary
from app.articles.service import list_articles
from app.entities.profile import list_entities
from app.entities.schemas import EntityFilters, EntityPublic
from app.errors import InvalidInput
from app.export.service import Fetch
from app.mentions.schemas import MentionFilters, MentionRow
from app.mentions.service import list_mentions
from app.pagination import Page, PageRequest
from app.quotes.schemas import QuoteDetail, QuoteFilters
from app.quotes.service import list_quotes


@dataclass(frozen=True)
class Kind:
    filters: type[BaseModel]
    lister: Callable[[Session, Any, PageRequest], Page[Any]]
    item: type[BaseModel]

    def fetch(self, pairs: list[str]) -> Fetch:
        """The list's page function with ``KEY=VALUE`` filters bound, as on the query string."""
        values: dict[str, list[str]] = {}
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep or key not in self.filters.model_fields:
                known = ", ".join(self.filters.model_fields)
                raise InvalidInput(f"Filters are KEY=VALUE with KEY one of: {known}", field=key)
            values.setdefault(key, []).append(value)
        data = {
            key: found if _is_list(self.filters, key) else found[-1]
            for key, found in values.items()
        }
        return partial(_page, self.lister, self.filters.model_validate(data))


def _is_list(model: type[BaseModel], name: str) -> bool:
    return getattr(model.model_fields[name].annotation, "__origin__", None) is list


def _page(
    lister: Callable[[Session, Any, PageRequest], Page[Any]],
    filters: BaseModel,
    session: Session,
    page: PageRequest,
) -> Page[Any]:
    return lister(session, filters, page)


KINDS = {
    "articles": Kind(ArticleFilters, list_articles, ArticleSummary),
    "quotes": Kind(QuoteFilters, list_quotes, QuoteDetail),
    "entities": Kind(EntityFilters, list_entities, EntityPublic),
    "mentions": Kind(MentionFilters, list_mentions, MentionRow),
}
