"""Search response shapes."""

from pydantic import BaseModel, Field

from app.articles.schemas import ArticleSummary
from app.entities.schemas import EntityPublic
from app.quotes.schemas import QuoteDetail


class ArticleHit(ArticleSummary):
    score: float = Field(description="Relevance: higher is better")


class FacetCount(BaseModel):
    slug: str
    name: str
    count: int = Field(description="Matching articles that mention it")


class Facets(BaseModel):
    persons: list[FacetCount]
    countries: list[FacetCount]
    organizations: list[FacetCount]


class SearchResult(BaseModel):
    query: str
    articles: list[ArticleHit]
    next_cursor: str | None = Field(description="Cursor for the next page of articles")
    quotes: list[QuoteDetail]
    entities: list[EntityPublic]
    facets: Facets
