"""Every table, imported in one place so metadata is complete for migrations."""

from app.articles.models import Article
from app.changes.models import Change
from app.entities.models import ArticleEntity, Entity, EntityAlias, EntityRedirect, Mention
from app.quotes.models import Quote

__all__ = [
    "Article",
    "ArticleEntity",
    "Change",
    "Entity",
    "EntityAlias",
    "EntityRedirect",
    "Mention",
    "Quote",
]
