"""Country endpoints."""

from typing import Annotated

from fastapi import APIRouter, Path

from app.countries import service
from app.countries.schemas import CountryDetail, CountryPublic
from app.db import SessionDep, read
from app.errors import problem_responses
from app.pagination import Page, PagerDep

router = APIRouter(prefix="/countries", tags=["countries"])


@router.get(
    "",
    summary="Countries in the archive",
    response_model=Page[CountryPublic],
    responses=problem_responses(400, 422),
)
async def list_countries(session: SessionDep, pager: PagerDep) -> Page[CountryPublic]:
    """Every country that appears in an article, most covered first."""
    return pager.send(await read(session, service.list_countries, pager.page))


@router.get(
    "/{code}",
    summary="One country",
    response_model=CountryDetail,
    responses=problem_responses(404, 422),
)
async def get_country(
    session: SessionDep,
    code: Annotated[
        str,
        Path(min_length=2, max_length=2, description="ISO 3166-1 alpha-2", examples=["MA"]),
    ],
) -> CountryDetail:
    """Counts, names and the most covered places in the country."""
    return await read(session, service.country_detail, code)
