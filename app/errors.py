"""One small error hierarchy, rendered as RFC 9457 problem details by one set of handlers.

Services raise these; routers never build error bodies.
"""

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"


class FieldError(BaseModel):
    field: str = Field(description="Dotted name of the offending input, e.g. `query.limit`")
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(default="about:blank", examples=["about:blank"])
    title: str = Field(examples=["Not Found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["No article with id or slug 'no-such-article'"])
    instance: str | None = Field(default=None, examples=["/articles/no-such-article"])
    field: str | None = Field(default=None, description="The first offending input, if any")
    errors: list[FieldError] = Field(default_factory=list)
    request_id: str | None = None


class AppError(Exception):
    status: int = 500
    # Seconds a client should wait before trying again, sent as Retry-After.
    retry_after: int | None = None

    def __init__(self, detail: str, *, field: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field


class InvalidInput(AppError):
    status = 400


class Unauthorized(AppError):
    status = 401


class Forbidden(AppError):
    status = 403


class NotFound(AppError):
    status = 404


class Gone(AppError):
    """It existed and will not again at this address (an entity re-extraction removed)."""

    status = 410


class Moved(AppError):
    """The resource lives at another slug for good: answered ``308 Permanent Redirect``
    with ``Location`` naming the same path and query with ``new`` in place of ``old``."""

    status = 308

    def __init__(self, detail: str, *, old: str, new: str) -> None:
        super().__init__(detail)
        self.old = old
        self.new = new

    def location(self, path: str, query: str) -> str:
        parts = path.split("/")
        # The first segment naming the old slug: /entities/{old}/quotes -> /entities/{new}/…
        if self.old in parts:
            parts[parts.index(self.old)] = self.new
        return "/".join(parts) + (f"?{query}" if query else "")


class PayloadTooLarge(AppError):
    status = 413


class UnsupportedMediaType(AppError):
    status = 415


class Unprocessable(AppError):
    status = 422


class Conflict(AppError):
    """A concurrent writer changed what this request depended on."""

    status = 409
    retry_after = 1


class TooManyRequests(AppError):
    status = 429


class ServiceUnavailable(AppError):
    status = 503


class Busy(ServiceUnavailable):
    """The database stayed locked (or kept choosing this transaction as a deadlock victim)
    through every retry; the request did nothing and can be sent again."""

    retry_after = 1


def problem_response(
    request: Request,
    status: int,
    detail: str,
    *,
    field: str | None = None,
    errors: list[FieldError] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    problem = Problem(
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=request.url.path,
        field=field or (errors[0].field if errors else None),
        errors=errors or [],
        request_id=getattr(request.state, "request_id", None),
    )
    return JSONResponse(
        problem.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def _field_name(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc)


async def _app_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    errors = getattr(exc, "errors", None)
    if errors is None and exc.field:
        errors = [FieldError(field=exc.field, message=exc.detail)]
    headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after is not None else None
    if isinstance(exc, Moved):
        headers = {"Location": exc.location(request.url.path, request.url.query)}
    return problem_response(
        request, exc.status, exc.detail, field=exc.field, errors=errors, headers=headers
    )


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        # Pydantic's error details always carry both (ErrorDetails: loc and msg required).
        FieldError(field=_field_name(err["loc"]), message=str(err["msg"]))
        for err in exc.errors()
    ]
    detail = "; ".join(f"{e.field}: {e.message}" for e in errors) or "Invalid request"
    return problem_response(request, 422, detail, errors=errors)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"No resource at {request.url.path}"
    return problem_response(request, exc.status_code, detail, headers=exc.headers)


UNEXPECTED = "The server could not complete the request"


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    # Only reached when middleware itself fails; app.http.AnswerMiddleware answers
    # everything raised below it, without the connection being closed.
    return problem_response(request, 500, UNEXPECTED)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries documenting problem+json errors."""
    return {
        status: {
            "model": Problem,
            "description": HTTPStatus(status).phrase,
        }
        for status in statuses
    }
