"""Article endpoints."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from sqlmodel import Session

from app.answers import json_response
from app.articles import service
from app.articles.payload import RawArticle, read_article, request_body_doc
from app.articles.schemas import ArticleDetail, ArticleEntityPublic, ArticleFilters, ArticleSummary
from app.auth import WriteAccess
from app.db import SessionDep, read
from app.errors import problem_responses
from app.export.router import ExportDep, export_responses
from app.fields import Selection, selection
from app.pagination import Page, PagerDep, PageRequest
from app.quotes.schemas import QuotePublic
from app.quotes.service import page_of_article

# The write endpoints import app.articles.ingest when first called: it brings the extraction
# machinery (gazetteers, trafilatura), most of a worker's import time, which reads never need.
router = APIRouter(prefix="/articles", tags=["articles"])

SummaryFields = Annotated[Selection, Depends(selection(ArticleSummary))]
DetailFields = Annotated[Selection, Depends(selection(ArticleDetail))]
ArticleRef = Annotated[str, Path(description="Numeric id or slug", examples=["1"], max_length=200)]


@router.get(
    "",
    summary="List and filter articles",
    response_model=Page[ArticleSummary],
    responses={**export_responses(ArticleSummary), **problem_responses(400, 422)},
)
async def list_articles(
    session: SessionDep,
    filters: Annotated[ArticleFilters, Query()],
    pager: PagerDep,
    export: ExportDep,
    fields: SummaryFields,
) -> Any:
    """Articles newest first, or by relevance with `q`. Entity filters accept a slug, a
    name or an alias (`country` also an ISO code); repeating a filter requires all values.
    With `q`, `sort=newest` or `oldest` lists every match; `relevance` ranks the newest
    1,000 (`ranked_among`). `total` is the size of the whole answer."""
    if export:

        def fetch(session: Session, page: PageRequest) -> Page[ArticleSummary]:
            return service.list_articles(session, filters, page)

        return await export.send(session, fetch, ArticleSummary, "articles")
    return pager.json(fields.items(await read(session, service.article_page, filters, pager.page)))


@router.get(
    "/{ref}",
    summary="One article in full",
    response_model=ArticleDetail,
    responses=problem_responses(404),
)
async def get_article(session: SessionDep, ref: ArticleRef, fields: DetailFields) -> Any:
    """The body and sections, every entity with its mention offsets into `body`, and every
    quote with its speaker."""
    return json_response(fields.document(await read(session, service.article_document, ref)))


@router.get(
    "/{ref}/entities",
    summary="Entities of an article",
    response_model=Page[ArticleEntityPublic],
    responses=problem_responses(400, 404, 422),
)
async def article_entities(
    session: SessionDep, ref: ArticleRef, pager: PagerDep
) -> Page[ArticleEntityPublic]:
    """Every entity the article mentions, most mentioned first, with mention offsets."""
    article_id = await read(session, service.article_id, ref)
    return pager.send(await read(session, service.page_of_entities, article_id, pager.page))


@router.get(
    "/{ref}/quotes",
    summary="Quotes in an article",
    response_model=Page[QuotePublic],
    responses=problem_responses(400, 404, 422),
)
async def article_quotes(
    session: SessionDep, ref: ArticleRef, pager: PagerDep
) -> Page[QuotePublic]:
    """Quotes in the order they appear, with offsets into the article body."""
    article_id = await read(session, service.article_id, ref)
    return pager.send(await read(session, page_of_article, article_id, pager.page))


@router.post(
    "",
    summary="Add an article",
    status_code=status.HTTP_201_CREATED,
    response_model=ArticleDetail,
    dependencies=[WriteAccess],
    openapi_extra=request_body_doc(),
    responses={
        200: {"description": "Already stored: the existing article", "model": ArticleDetail},
        **problem_responses(401, 403, 409, 413, 415, 422, 503),
    },
)
def create_article(
    session: SessionDep,
    request: Request,
    response: Response,
    payload: Annotated[RawArticle, Depends(read_article)],
) -> ArticleDetail:
    """Extract and store an article sent as JSON (`text`, `title`, `published_at`, `url`,
    `source`), plain text or an HTML page. Sending the same text (or URL) again returns the
    stored article with 200 instead of 201."""
    from app.articles import ingest

    limits = ingest.Limits.of(request.app.state.settings)
    known = request.app.state.knowledge.get(session)
    result = ingest.ingest(session, payload.text, payload.format, limits, known)
    if not result.created:
        response.status_code = status.HTTP_200_OK
    response.headers["Location"] = f"/articles/{result.article_id}"
    return service.article_detail(session, str(result.article_id))


@router.delete(
    "/{ref}",
    summary="Delete an article",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[WriteAccess],
    responses=problem_responses(401, 403, 404, 409, 503),
)
def delete_article(session: SessionDep, ref: ArticleRef) -> Response:
    """Removes the article with its mentions and quotes; entity counts follow."""
    from app.articles import ingest

    ingest.delete(session, service.article_id(session, ref))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{ref}/reextract",
    summary="Re-run extraction on an article",
    response_model=ArticleDetail,
    dependencies=[WriteAccess],
    responses=problem_responses(401, 403, 404, 409, 422, 503),
)
def reextract_article(session: SessionDep, request: Request, ref: ArticleRef) -> ArticleDetail:
    """Replaces the article's entities, mentions and quotes with what the current extractor
    finds in its body, and records the extractor version. An article whose extraction takes
    longer than the configured limit is left as it was (422). An entity it leaves without
    articles answers 308 to the entity its names now belong to, or 410."""
    from app.articles import ingest

    article_id = service.article_id(session, ref)
    limits = ingest.Limits.of(request.app.state.settings)
    ingest.reextract(session, article_id, limits, request.app.state.knowledge.get(session))
    return service.article_detail(session, str(article_id))
