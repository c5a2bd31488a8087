"""The change feed endpoint."""

from typing import Annotated

from fastapi import APIRouter, Query

from app.changes import service
from app.changes.schemas import ChangeFeed
from app.db import MAX_BIG_ID, SessionDep, read
from app.errors import problem_responses
from app.pagination import MAX_LIMIT

router = APIRouter(prefix="/changes", tags=["changes"])

FEED_LIMIT = 10 * MAX_LIMIT


@router.get(
    "",
    summary="Changes since a cursor, in commit order",
    response_model=ChangeFeed,
    responses=problem_responses(422),
)
async def list_changes(
    session: SessionDep,
    since: Annotated[
        int,
        Query(
            ge=0, le=MAX_BIG_ID, description="`next_cursor` of the previous call; 0 from the start"
        ),
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=FEED_LIMIT, description="Changes per call")] = 100,
) -> ChangeFeed:
    """Every article created, re-extracted (`updated`) or deleted, and every entity created,
    changed, deleted or `merged` into another (`into_id`, `into_slug`), in the order the
    writes committed. Deletions stay in the feed as
    tombstones. Store `next_cursor` and pass it back as `since`: a mirror that resumes
    from its last stored cursor neither misses nor repeats a change."""
    return await read(session, service.feed, since, limit)
