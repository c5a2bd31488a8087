"""Reading a posted article: media type, size limit and encoding, checked before parsing."""

import codecs
import re
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from pydantic import ValidationError

from app.articles.schemas import ArticleCreate
from app.errors import FieldError, PayloadTooLarge, Unprocessable, UnsupportedMediaType
from app.extraction.schemas import InputFormat

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


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# HTML's encoding prescan looks at the first 1024 bytes for <meta charset> or the
# http-equiv form (content="text/html; charset=...").
_META_CHARSET = re.compile(rb"""<meta\s[^>]*charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
PRESCAN_BYTES = 1024


def declared_charset(content_type: str) -> str | None:
    """The ``charset`` parameter of a Content-Type header, if any."""
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').strip() or None
    return None


# Python text codecs that are no character set a document could be written in.
_NOT_CHARSETS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined"})


def _text_codec(label: str) -> str | None:
    """Python's name for a character set label, or None if it names none."""
    try:
        codec = codecs.lookup(label)
        "".encode(codec.name)  # 'hex', 'rot13' and such transform bytes, not text
    except LookupError:
        return None
    return None if codec.name in _NOT_CHARSETS else codec.name


def decode_body(raw: bytes, fmt: InputFormat, content_type: str) -> str:
    """The body as text, in the encoding its media type's rules give: JSON is UTF-8
    (RFC 8259 §8.1, which defines no charset parameter); text and HTML honour a byte order
    mark, then the charset parameter, then (HTML only) a <meta charset>, else UTF-8."""
    encoding = "utf-8-sig" if fmt == "json" else _declared_encoding(raw, fmt, content_type)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise Unprocessable(
            f"The article is not valid {encoding.removesuffix('-sig')}: "
            f"undecodable byte at offset {exc.start}",
            field="body",
        ) from exc
    try:
        # Some decoders (UTF-7) yield unpaired surrogates, which no database can store.
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise Unprocessable(
            f"The article decodes to an unpaired surrogate at offset {exc.start}", field="body"
        ) from exc
    return text


def _declared_encoding(raw: bytes, fmt: InputFormat, content_type: str) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    label = declared_charset(content_type)
    if label is not None:
        declared = _text_codec(label)
        if declared is None:
            raise UnsupportedMediaType(
                f"Unknown charset {label!r}: send UTF-8 or name a known text encoding",
                field="header.content-type",
            )
        return declared
    if fmt == "html" and (meta := _META_CHARSET.search(raw[:PRESCAN_BYTES])):
        # As a browser does: an unknown <meta charset> is ignored, and one claiming UTF-16
        # (which the ASCII-compatible bytes it was read from cannot be) means UTF-8.
        found = _text_codec(meta.group(1).decode("ascii")) or "utf-8"
        return "utf-8" if found.startswith("utf-16") else found
    return "utf-8"


async def read_article(request: Request) -> RawArticle:
    content_type = request.headers.get("content-type", "")
    media_type = content_type.split(";")[0].strip().lower()
    fmt = MEDIA_TYPES.get(media_type)
    if fmt is None:
        accepted = ", ".join(MEDIA_TYPES)
        raise UnsupportedMediaType(
            f"Send the article as one of: {accepted}", field="header.content-type"
        )
    raw = await _read_limited(request, request.app.state.settings.max_article_bytes)
    text = decode_body(raw, fmt, content_type)
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
