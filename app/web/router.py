"""Page shells. Each page is static HTML plus a script that reads the public JSON API from
the browser, the way any frontend would: the pages hold no data of their own, so what they
show is exactly what the API serves (offsets, cursors, ETags and errors included)."""

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, FastAPI
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = Path(__file__).parent
STATIC_URL = "/web/static"
WEB_ROUTE = "web"

# Everything a page loads comes from this origin: its stylesheet, its module scripts and
# the API. No inline script or style is allowed, so an injected one cannot run.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

router = APIRouter(include_in_schema=False)

Ref = Annotated[str, PathParam(max_length=200)]


@lru_cache(maxsize=1)
def _templates() -> Environment:
    return Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page(template: str, **context: str) -> HTMLResponse:
    html = _templates().get_template(template).render(static=STATIC_URL, **context)
    return HTMLResponse(html, headers={"Content-Security-Policy": PAGE_POLICY})


@router.get("/", name=WEB_ROUTE)
async def search_page() -> HTMLResponse:
    return page("search.html", nav="search")


@router.get("/web/articles/{ref}")
async def article_page(ref: Ref) -> HTMLResponse:
    return page("article.html", ref=ref)


@router.get("/web/entities/{slug}")
async def entity_page(slug: Ref) -> HTMLResponse:
    return page("entity.html", slug=slug)


@router.get("/web/countries")
async def countries_page() -> HTMLResponse:
    return page("countries.html", nav="countries")


@router.get("/web/countries/{code}")
async def country_page(code: Ref) -> HTMLResponse:
    return page("country.html", code=code)


@router.get("/web/quotes")
async def quotes_page() -> HTMLResponse:
    return page("quotes.html", nav="quotes")


def install_web(app: FastAPI) -> None:
    app.include_router(router)
    app.mount(STATIC_URL, StaticFiles(directory=HERE / "static"), name="web-static")
