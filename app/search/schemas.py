"""Search response shapes."""

from pydantic import BaseModel, Field

from app.articles.schemas import ArticleSummary
from app.entities.schemas import EntityPublic
from app.quotes.schemas import QuoteDetail


class ArticleHit(ArticleSummary):
    score: float = Field(description="Relevance: higher is better", examples=[1.7])


class FacetCount(BaseModel):
    slug: str = Field(examples=["morocco"])
    name: str = Field(examples=["Morocco"])
    count: int = Field(description="Matching articles that mention it", examples=[1])


class Facets(BaseModel):
    persons: list[FacetCount]
    countries: list[FacetCount]
    organizations: list[FacetCount]


class SearchResult(BaseModel):
    query: str = Field(examples=["Pegasus"])
    articles: list[ArticleHit]
    next_cursor: str | None = Field(description="Cursor for the next page of articles")
    quotes: list[QuoteDetail]
    entities: list[EntityPublic]
    facets: Facets
