"""Search endpoint."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from app.db import SessionDep, read
from app.errors import problem_responses
from app.pagination import PagerDep
from app.search import service
from app.search.schemas import SearchFilters, SearchResult

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    summary="Search everything",
    response_model=SearchResult,
    responses=problem_responses(400, 422),
)
async def search(
    session: SessionDep,
    pager: PagerDep,
    filters: Annotated[SearchFilters, Query()],
) -> Response:
    """Articles ranked by relevance with a highlighted fragment, matching quotes and
    entities, and the persons, countries and organizations most present in the matches.
    `limit` and `cursor` page through the articles. Ranking and facets consider the 1,000
    most recently added matching articles: every match, for all but the commonest words.
    The filters of `GET /articles` (person, country, organization, section, dates…) narrow
    the articles and facets alike; quotes follow the country, section and date filters."""
    return pager.json(await read(session, service.search, filters, pager.page))
