"""Search response shapes."""

from typing import Literal

from pydantic import BaseModel, Field

from app.articles.schemas import ArticleFilters, ArticleSummary
from app.entities.schemas import EntityPublic
from app.quotes.schemas import QuoteDetail


class SearchFilters(ArticleFilters):
    """The article filters of ``GET /articles``, with the query required."""

    q: str = Field(
        min_length=1,
        max_length=500,
        description='Words (all must match), "quoted phrases", OR, and -word to exclude',
        examples=["Pegasus"],
    )
    sort: Literal["relevance"] = Field(
        default="relevance", description="Search results are ranked by relevance"
    )


class ArticleHit(ArticleSummary):
    score: float = Field(description="Relevance: higher is better", examples=[1.7])


class FacetCount(BaseModel):
    slug: str = Field(examples=["morocco"])
    name: str = Field(examples=["Morocco"])
    count: int = Field(description="Matching articles that mention it", examples=[1])


class SectionFacet(BaseModel):
    name: str = Field(examples=["world"])
    count: int = Field(description="Matching articles in the section", examples=[1])


class Facets(BaseModel):
    persons: list[FacetCount]
    countries: list[FacetCount]
    organizations: list[FacetCount]
    sections: list[SectionFacet] = Field(default_factory=list)


class SearchResult(BaseModel):
    query: str = Field(examples=["Pegasus"])
    articles: list[ArticleHit]
    next_cursor: str | None = Field(description="Cursor for the next page of articles")
    total: int = Field(description="Matching articles: exact unless `total_is_estimate`")
    total_is_estimate: bool = Field(
        default=False, description="True when `total` is estimated (over 10,000 matches)"
    )
    ranked_among: int | None = Field(
        default=None,
        description="With more matches than it ranks: ranking orders only this many of the "
        "newest, and pages end there (`/articles?q=…&sort=newest` lists every match); null "
        "when every match is ranked",
    )
    quotes: list[QuoteDetail]
    entities: list[EntityPublic]
    facets: Facets
