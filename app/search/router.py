"""Search endpoint."""

from typing import Annotated

from fastapi import APIRouter, Query

from app.db import SessionDep, read
from app.errors import problem_responses
from app.pagination import PagerDep
from app.search import service
from app.search.schemas import SearchResult

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
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=500,
            description='Words (all must match), "quoted phrases", OR, and -word to exclude',
            examples=["Pegasus"],
        ),
    ],
) -> SearchResult:
    """Articles ranked by relevance with a highlighted fragment, matching quotes and
    entities, and the persons, countries and organizations most present in the matches.
    `limit` and `cursor` page through the articles. Ranking and facets consider the 1,000
    most recently added matching articles: every match, for all but the commonest words."""
    return pager.send(await read(session, service.search, q, pager.page))
