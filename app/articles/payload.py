"""Reading a posted article: media type, size limit and encoding, checked before parsing."""

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from pydantic import ValidationError

from app.articles.schemas import ArticleCreate
from app.errors import FieldError, PayloadTooLarge, Unprocessable, UnsupportedMediaType
from app.extraction.pipeline import InputFormat

MEDIA_TYPES: dict[str, InputFormat] = {
    "application/json": "json",
    "text/plain": "text",
    "text/html": "html",
}


@dataclass(frozen=True)
class RawArticle:
    text: str
    format: InputFormat


class InvalidArticle(Unprocessable):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(
            "; ".join(f"{e.field}: {e.message}" for e in errors), field=errors[0].field
        )
        self.errors = errors


async def _read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"The article is over the {limit}-byte limit", field="body")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise PayloadTooLarge(f"The article is over the {limit}-byte limit", field="body")
    return bytes(body)


async def read_article(request: Request) -> RawArticle:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fmt = MEDIA_TYPES.get(media_type)
    if fmt is None:
        accepted = ", ".join(MEDIA_TYPES)
        raise UnsupportedMediaType(
            f"Send the article as one of: {accepted}", field="header.content-type"
        )
    raw = await _read_limited(request, request.app.state.settings.max_article_bytes)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Unprocessable("The article is not valid UTF-8", field="body") from exc
    if fmt == "json":
        try:
            ArticleCreate.model_validate_json(text)
        except ValidationError as exc:
            raise InvalidArticle(_field_errors(exc)) from exc
    if "\x00" in text:
        raise Unprocessable("The article cannot contain NUL characters", field="body")
    return RawArticle(text=text, format=fmt)


def _field_errors(exc: ValidationError) -> list[FieldError]:
    return [
        FieldError(field=".".join(["body", *map(str, err["loc"])]), message=err["msg"])
        for err in exc.errors()
    ] or [FieldError(field="body", message="Invalid JSON")]


def request_body_doc() -> dict[str, Any]:
    """OpenAPI description of the three accepted article forms."""
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/ArticleCreate"}},
                "text/plain": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
            },
        }
    }
