"""The application factory."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware

from app import health
from app.articles.router import router as articles_router
from app.cache import ResponseCacheMiddleware, ResponseStore
from app.changes.router import router as changes_router
from app.config import Settings, get_settings
from app.countries.router import router as countries_router
from app.db import make_engine
from app.docs import install_docs, install_openapi
from app.entities.router import router as entities_router
from app.errors import install_error_handlers
from app.http import (
    REQUEST_ID_HEADER,
    AnswerMiddleware,
    HeadMiddleware,
    reject_nul_bytes,
)
from app.knowledge.service import Recent
from app.mentions.router import router as mentions_router
from app.observability import metrics
from app.observability.middleware import EnvelopeMiddleware
from app.observability.router import router as metrics_router
from app.quotes.router import router as quotes_router
from app.ratelimit import AccessMiddleware
from app.search.router import router as search_router
from app.sections.router import router as sections_router
from app.web.router import install_web

DESCRIPTION = """
Broadsheet turns news articles into structured, searchable knowledge: the article, the
people, countries, places and organizations in it, and who said what.

* Every list is paged by cursor: pass `next_cursor` back as `cursor`, or follow the
  `Link: rel="next"` header.
* Offsets (`start`, `end`) index into the article's `body`, so a page can highlight every
  mention and quote.
* Errors are RFC 9457 `application/problem+json`.
* Responses carry a weak `ETag`; send it back in `If-None-Match` to get `304`.
* Every list answers `total` (exact, or an estimate flagged by `total_is_estimate`), and
  sorting by date reaches the last match; `fields=` trims items to the fields named.
* `HEAD` works wherever `GET` does: the same status and headers, no body.
"""

TAGS = [
    {"name": "articles", "description": "Articles, their entities and quotes"},
    {"name": "entities", "description": "People, countries, places and organizations"},
    {"name": "quotes", "description": "Who said what"},
    {"name": "search", "description": "One query across everything"},
    {"name": "countries", "description": "Coverage by country (ISO 3166-1 alpha-2)"},
    {"name": "sections", "description": "The desks articles ran under: business, sport…"},
    {"name": "changes", "description": "Every write in commit order, to mirror the archive"},
    {"name": "health", "description": "Liveness, readiness and metrics"},
]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    metrics.enable()
    responses = ResponseStore(int(settings.response_cache_mb * 1024 * 1024))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.engine = make_engine(settings)
        responses.open(settings)
        yield
        responses.close()
        app.state.engine.dispose()

    app = FastAPI(
        title="Broadsheet",
        version="1.0.0",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        dependencies=[Depends(reject_nul_bytes)],
    )
    app.state.settings = settings
    app.state.responses = responses
    app.state.knowledge = Recent(settings.knowledge_ttl_seconds)
    install_error_handlers(app)
    for router in (
        articles_router,
        entities_router,
        quotes_router,
        mentions_router,
        search_router,
        countries_router,
        sections_router,
        changes_router,
        health.router,
        metrics_router,
    ):
        app.include_router(router)
    install_docs(app)
    install_web(app)
    install_openapi(app)
    # Added innermost first: every layer below sees the 500 an unexpected error becomes.
    app.add_middleware(AnswerMiddleware)  # 500 for an unexpected error, Allow, ETag
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(ResponseCacheMiddleware, store=responses)
    if settings.read_keys or settings.rate_limited:  # else it would only cost time
        app.add_middleware(AccessMiddleware, settings=settings)
    app.add_middleware(HeadMiddleware)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "HEAD", "POST", "DELETE", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=[
            "ETag",
            "Link",
            "Location",
            REQUEST_ID_HEADER,
            "RateLimit",
            "RateLimit-Policy",
            "Retry-After",
        ],
    )
    app.add_middleware(EnvelopeMiddleware)  # request id, security headers, metrics, log
    return app
