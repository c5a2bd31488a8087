"""Entity endpoints."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app.articles.schemas import ArticleSummary
from app.articles.service import articles_of_entity
from app.db import SessionDep
from app.entities import profile, service
from app.entities.schemas import (
    EntityDetail,
    EntityFilters,
    EntityPublic,
    Interval,
    QuoteRole,
    RelatedEntity,
    TimelineBucket,
)
from app.errors import problem_responses
from app.pagination import Page, PageDep, link_next
from app.quotes.schemas import QuoteDetail
from app.quotes.service import quotes_for_entity

router = APIRouter(prefix="/entities", tags=["entities"])

Slug = Annotated[str, Path(description="Entity slug", examples=["benny-gantz"], max_length=200)]


@router.get(
    "",
    summary="Find entities",
    response_model=Page[EntityPublic],
    responses=problem_responses(400, 422),
)
def list_entities(
    session: SessionDep,
    filters: Annotated[EntityFilters, Query()],
    page: PageDep,
    request: Request,
    response: Response,
) -> Page[EntityPublic]:
    """People, countries, places and organizations, most covered first. `q` matches the
    start of any name or alias, ignoring case and accents."""
    result = profile.list_entities(session, filters, page)
    link_next(request, response, result.next_cursor)
    return result


@router.get(
    "/{slug}",
    summary="Entity profile",
    response_model=EntityDetail,
    responses=problem_responses(404),
)
def get_entity(session: SessionDep, slug: Slug) -> EntityDetail:
    """Names, role, country, counts and when it was first and last seen."""
    return profile.entity_detail(session, service.get_entity(session, slug))


@router.get(
    "/{slug}/articles",
    summary="Articles mentioning an entity",
    response_model=Page[ArticleSummary],
    responses=problem_responses(400, 404, 422),
)
def entity_articles(
    session: SessionDep, slug: Slug, page: PageDep, request: Request, response: Response
) -> Page[ArticleSummary]:
    """Newest first."""
    entity = service.get_entity(session, slug)
    assert entity.id is not None
    result = articles_of_entity(session, entity.id, page)
    link_next(request, response, result.next_cursor)
    return result


@router.get(
    "/{slug}/quotes",
    summary="Quotes by or about an entity",
    response_model=Page[QuoteDetail],
    responses=problem_responses(400, 404, 422),
)
def entity_quotes(
    session: SessionDep,
    slug: Slug,
    page: PageDep,
    request: Request,
    response: Response,
    role: Annotated[
        QuoteRole,
        Query(description="`speaker`: what it said; `about`: quotes that mention it"),
    ] = "speaker",
) -> Page[QuoteDetail]:
    """Newest first."""
    entity = service.get_entity(session, slug)
    assert entity.id is not None
    result = quotes_for_entity(session, entity.id, role, page)
    link_next(request, response, result.next_cursor)
    return result


@router.get(
    "/{slug}/related",
    summary="Entities that appear alongside",
    response_model=Page[RelatedEntity],
    responses=problem_responses(400, 404, 422),
)
def related(
    session: SessionDep, slug: Slug, page: PageDep, request: Request, response: Response
) -> Page[RelatedEntity]:
    """Co-occurring entities, by number of shared articles."""
    result = profile.related_entities(session, service.get_entity(session, slug), page)
    link_next(request, response, result.next_cursor)
    return result


@router.get(
    "/{slug}/timeline",
    summary="Coverage over time",
    response_model=Page[TimelineBucket],
    responses=problem_responses(400, 404, 422),
)
def timeline(
    session: SessionDep,
    slug: Slug,
    page: PageDep,
    request: Request,
    response: Response,
    interval: Annotated[Interval, Query(description="Bucket size")] = "month",
) -> Page[TimelineBucket]:
    """Articles and mentions per day, ISO week (starting Monday) or month, oldest first."""
    result = profile.timeline(session, service.get_entity(session, slug), interval, page)
    link_next(request, response, result.next_cursor)
    return result
