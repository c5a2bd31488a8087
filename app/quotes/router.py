"""Quote endpoints."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from sqlmodel import Session

from app.answers import json_response
from app.db import MAX_BIG_ID, SessionDep, read
from app.errors import problem_responses
from app.export.router import ExportDep, export_responses
from app.fields import Selection, selection
from app.pagination import Page, PagerDep, PageRequest
from app.quotes import service
from app.quotes.schemas import QuoteDetail, QuoteFilters

router = APIRouter(prefix="/quotes", tags=["quotes"])

QuoteFields = Annotated[Selection, Depends(selection(QuoteDetail))]


@router.get(
    "",
    summary="Find quotes",
    response_model=Page[QuoteDetail],
    responses={**export_responses(QuoteDetail), **problem_responses(400, 404, 422)},
)
async def list_quotes(
    session: SessionDep,
    filters: Annotated[QuoteFilters, Query()],
    pager: PagerDep,
    export: ExportDep,
    fields: QuoteFields,
) -> Any:
    """Quotes newest first, filtered by words, speaker, who they mention, country, article,
    kind and date."""
    if export:

        def fetch(session: Session, page: PageRequest) -> Page[QuoteDetail]:
            return service.list_quotes(session, filters, page)

        return await export.send(session, fetch, QuoteDetail, "quotes")
    return pager.json(fields.items(await read(session, service.quote_page, filters, pager.page)))


@router.get(
    "/{quote_id}",
    summary="One quote",
    response_model=QuoteDetail,
    responses=problem_responses(404, 422),
)
async def get_quote(
    session: SessionDep,
    quote_id: Annotated[int, Path(ge=1, le=MAX_BIG_ID, description="Quote id")],
    fields: QuoteFields,
) -> Any:
    """The quote with its speaker and its article's id, title and date."""
    return json_response(fields.document(await read(session, service.get_quote, quote_id)))
