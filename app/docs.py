"""API documentation pages served from assets bundled with the app: they work offline."""

import base64
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from app.articles.schemas import ArticleCreate
from app.errors import PROBLEM_JSON, FieldError, Problem

ASSETS = Path(fastapi_offline.__file__).parent / "static"
ASSETS_URL = "/docs-assets"


# The docs pages load only their bundled assets. Swagger UI and ReDoc style themselves
# with inline styles at run time, and ReDoc searches in a worker made from a blob: URL;
# their inline start-up scripts are allowed by hash alone.
DOCS_POLICY = (
    "default-src 'none'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
    "worker-src 'self' blob:; child-src 'self' blob:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def script_hashes(html: str) -> list[str]:
    """CSP sources for each inline script of a page: 'sha256-…' of its exact text."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    ]


@dataclass(frozen=True)
class DocsPage:
    """A docs page rendered once, with a Content-Security-Policy that allows exactly it."""

    html: str
    policy: str

    @classmethod
    def of(cls, page: HTMLResponse) -> "DocsPage":
        html = bytes(page.body).decode()
        return cls(html, DOCS_POLICY.format(scripts=" ".join(["'self'", *script_hashes(html)])))

    def response(self) -> HTMLResponse:
        # A new response each time: middleware adds headers to the one it is handed.
        return HTMLResponse(self.html, headers={"Content-Security-Policy": self.policy})


def install_docs(app: FastAPI) -> None:
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS), name="docs-assets")

    title = app.title
    openapi_url = app.openapi_url or "/openapi.json"
    swagger = DocsPage.of(
        get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{title} — Swagger UI",
            swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS_URL}/favicon.png",
            # No badge fetched from the public validator: the docs work offline.
            swagger_ui_parameters={"validatorUrl": None},
        )
    )
    redoc_page = DocsPage.of(
        get_redoc_html(
            openapi_url=openapi_url,
            title=f"{title} — ReDoc",
            redoc_js_url=f"{ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{ASSETS_URL}/favicon.png",
            with_google_fonts=False,
        )
    )

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return swagger.response()

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return redoc_page.response()


def _problem_only(schema: dict[str, Any]) -> dict[str, Any]:
    """Every error response is problem+json with the Problem schema, whatever generated it."""
    problem = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            if operation.get("parameters"):
                # Every input is validated (422) and screened for NUL characters (400).
                responses = operation.setdefault("responses", {})
                responses.setdefault("400", {"description": "Bad Request"})
                responses.setdefault("422", {"description": "Invalid parameters"})
            for status, response in operation.get("responses", {}).items():
                if status[0] in "45":
                    response["content"] = problem
                    if status == "422":
                        response["description"] = "Invalid parameters"
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    components.setdefault(
        "Problem", Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    )
    components.setdefault("FieldError", FieldError.model_json_schema())
    components.setdefault(
        "ArticleCreate",
        ArticleCreate.model_json_schema(ref_template="#/components/schemas/{model}"),
    )
    return schema


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _problem_only(
                get_openapi(
                    title=app.title,
                    version=app.version,
                    description=app.description,
                    routes=app.routes,
                    tags=app.openapi_tags,
                )
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
