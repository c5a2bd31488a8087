"""Mention endpoints."""

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Query, Response
from sqlmodel import Session

from app.db import SessionDep, read
from app.errors import problem_responses
from app.export.router import ExportDep, export_responses
from app.mentions import service
from app.mentions.schemas import MentionFilters, MentionRow
from app.pagination import Page, PagerDep, PageRequest

router = APIRouter(prefix="/mentions", tags=["entities"])


@router.get(
    "",
    summary="Find mentions",
    response_model=Page[MentionRow],
    responses={**export_responses(MentionRow), **problem_responses(400, 404, 422)},
)
async def list_mentions(
    session: SessionDep,
    filters: Annotated[MentionFilters, Query()],
    pager: PagerDep,
    export: ExportDep,
) -> Page[MentionRow] | Response:
    """Every place an entity is named, with offsets into its article's body, in the order
    they were stored; filter by entity, entity type, article and article date."""
    if export:
        fetch = partial(_page, filters=filters)
        return await export.send(session, fetch, MentionRow, "mentions")
    return pager.send(await read(session, service.list_mentions, filters, pager.page))


def _page(session: Session, page: PageRequest, filters: MentionFilters) -> Page[MentionRow]:
    return service.list_mentions(session, filters, page)
