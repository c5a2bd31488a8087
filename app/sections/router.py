"""Section endpoints."""

from fastapi import APIRouter

from app.db import SessionDep, read
from app.pagination import Page
from app.sections import service
from app.sections.schemas import SectionCount

router = APIRouter(prefix="/sections", tags=["sections"])


@router.get("", summary="Sections in the archive", response_model=Page[SectionCount])
async def list_sections(session: SessionDep) -> Page[SectionCount]:
    """Every section (desk) that an article ran under, with its number of articles, largest
    first. All of them on one page: an archive has a few dozen desks at most."""
    return await read(session, service.list_sections)
