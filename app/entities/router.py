"""Entity endpoints."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from sqlmodel import Session

from app.articles.schemas import ArticleSummary
from app.articles.service import entity_article_page
from app.db import SessionDep, read
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
from app.export.router import ExportDep, export_responses
from app.fields import Selection, selection
from app.pagination import Page, PagerDep, PageRequest
from app.quotes.schemas import QuoteDetail
from app.quotes.service import quotes_for_entity

router = APIRouter(prefix="/entities", tags=["entities"])


# The entity and its page in one ``read``: on PostgreSQL each is a hop to the thread pool,
# about 250k instructions (callgrind, in-process).
def _articles_of(session: Session, slug: str, page: PageRequest) -> Any:
    return entity_article_page(session, service.entity_id(session, slug), page)


def _quotes_of(session: Session, slug: str, role: str, page: PageRequest) -> Any:
    return quotes_for_entity(session, service.entity_id(session, slug), role, page)


EntityFields = Annotated[Selection, Depends(selection(EntityPublic))]
ProfileFields = Annotated[Selection, Depends(selection(EntityDetail))]
ArticleFields = Annotated[Selection, Depends(selection(ArticleSummary))]
QuoteFields = Annotated[Selection, Depends(selection(QuoteDetail))]
# Every route under /entities/{slug}: an entity re-extraction merged away moves for good.
MOVED: dict[int | str, dict[str, Any]] = {
    308: {
        **problem_responses(308)[308],
        "description": "Re-extraction merged the entity into another: the same path and "
        "query under its successor's slug",
        "headers": {
            "Location": {
                "description": "The same request at the successor's slug",
                "schema": {"type": "string", "example": "/entities/tony-blair/quotes"},
            }
        },
    },
    410: {
        **problem_responses(410)[410],
        "description": "Re-extraction left the entity without articles and no other entity "
        "holds its names",
    },
}
Slug = Annotated[str, Path(description="Entity slug", examples=["benny-gantz"], max_length=200)]


@router.get(
    "",
    summary="Find entities",
    response_model=Page[EntityPublic],
    responses={**export_responses(EntityPublic), **problem_responses(400, 422)},
)
async def list_entities(
    session: SessionDep,
    filters: Annotated[EntityFilters, Query()],
    pager: PagerDep,
    export: ExportDep,
    fields: EntityFields,
) -> Any:
    """People, countries, places and organizations, most covered first. `q` matches the
    start of any name or alias, ignoring case and accents."""
    if export:

        def fetch(session: Session, page: PageRequest) -> Page[EntityPublic]:
            return profile.list_entities(session, filters, page)

        return await export.send(session, fetch, EntityPublic, "entities")
    return fields.page(pager.send(await read(session, profile.list_entities, filters, pager.page)))


@router.get(
    "/{slug}",
    summary="Entity profile",
    response_model=EntityDetail,
    responses={**problem_responses(404), **MOVED},
)
async def get_entity(session: SessionDep, slug: Slug, fields: ProfileFields) -> Any:
    """Names, role, country, counts and when it was first and last seen (publication dates;
    null when none of its articles has one). An entity whose articles were all deleted is a
    404; one re-extraction merged into another answers 308 to it, and one it left without
    articles and without a successor 410."""
    entity = await read(session, service.get_entity, slug)
    return fields.one(await read(session, profile.entity_detail, entity))


@router.get(
    "/{slug}/articles",
    summary="Articles mentioning an entity",
    response_model=Page[ArticleSummary],
    responses={**problem_responses(400, 404, 422), **MOVED},
)
async def entity_articles(
    session: SessionDep, slug: Slug, pager: PagerDep, fields: ArticleFields
) -> Any:
    """Newest first; undated articles last."""
    found = await read(session, _articles_of, slug, pager.page)
    return pager.json(fields.items(found))


@router.get(
    "/{slug}/quotes",
    summary="Quotes by or about an entity",
    response_model=Page[QuoteDetail],
    responses={**problem_responses(400, 404, 422), **MOVED},
)
async def entity_quotes(
    session: SessionDep,
    slug: Slug,
    pager: PagerDep,
    fields: QuoteFields,
    role: Annotated[
        QuoteRole,
        Query(description="`speaker`: what it said; `about`: quotes that mention it"),
    ] = "speaker",
) -> Any:
    """Newest first."""
    found = await read(session, _quotes_of, slug, role, pager.page)
    return pager.json(fields.items(found))


@router.get(
    "/{slug}/related",
    summary="Entities that appear alongside",
    response_model=Page[RelatedEntity],
    responses={**problem_responses(400, 404, 422), **MOVED},
)
async def related(session: SessionDep, slug: Slug, pager: PagerDep) -> Page[RelatedEntity]:
    """Co-occurring entities, by number of shared articles."""
    entity = await read(session, service.get_entity, slug)
    return pager.send(await read(session, profile.related_entities, entity, pager.page))


@router.get(
    "/{slug}/timeline",
    summary="Coverage over time",
    response_model=Page[TimelineBucket],
    responses={**problem_responses(400, 404, 422), **MOVED},
)
async def timeline(
    session: SessionDep,
    slug: Slug,
    pager: PagerDep,
    interval: Annotated[Interval, Query(description="Bucket size")] = "month",
) -> Page[TimelineBucket]:
    """Articles and mentions per day, ISO week (starting Monday) or month, oldest first."""
    entity = await read(session, service.get_entity, slug)
    return pager.send(await read(session, profile.timeline, entity, interval, pager.page))
