"""Export encodings: NDJSON (one item per line) and CSV (flat columns, one row per item)."""

import csv
import io
import json
import types
from collections.abc import Iterable, Iterator
from typing import Any, Literal, Union, get_args, get_origin
from urllib.parse import parse_qs

from pydantic import BaseModel
from starlette.datastructures import Headers
from starlette.types import Scope

ExportFormat = Literal["ndjson", "csv"]
MEDIA_TYPES: dict[str, str] = {"ndjson": "application/x-ndjson", "csv": "text/csv"}
JSON = "json"
LIST_SEPARATOR = ";"


def negotiate(format_: str | None, accept: str) -> ExportFormat | None:
    """The export asked for by ``format=`` or else by the Accept header; None for JSON."""
    if format_ is not None:
        return None if format_ == JSON else format_  # type: ignore[return-value]
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        weight = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        ranked.append((-weight, position, media.lower()))
    for negative_weight, _, media in sorted(ranked):
        if negative_weight == 0:
            break
        for name, wanted in MEDIA_TYPES.items():
            if media == wanted:
                return name  # type: ignore[return-value]
        if media in ("application/json", "*/*", "application/*"):
            return None
    return None


def asks_for_export(scope: Scope) -> bool:
    """Whether a request asks for NDJSON or CSV (``format=`` or ``Accept``)."""
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    format_ = query.get("format", [None])[-1]
    wanted = negotiate(format_, Headers(scope=scope).get("accept", ""))
    return wanted in MEDIA_TYPES


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model an annotation holds directly (``Model`` or ``Model | None``), if any."""
    candidates = (
        get_args(annotation)
        if get_origin(annotation) in (Union, types.UnionType)
        else (annotation,)
    )
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Flat column names: nested objects become ``parent.child`` columns."""
    names: list[str] = []
    for name, info in model.model_fields.items():
        nested = _model_in(info.annotation)
        if nested is not None:
            names += columns(nested, f"{prefix}{name}.")
        else:
            names.append(prefix + name)
    return names


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        if all(isinstance(v, dict) and "slug" in v for v in value):
            return LIST_SEPARATOR.join(v["slug"] for v in value)
        if all(isinstance(v, str) for v in value):
            return LIST_SEPARATOR.join(value)
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _flatten(data: dict[str, Any], prefix: str, out: dict[str, str]) -> None:
    for name, value in data.items():
        if isinstance(value, dict):
            _flatten(value, f"{prefix}{name}.", out)
        else:
            out[prefix + name] = _cell(value)


def csv_row(item: BaseModel) -> dict[str, str]:
    out: dict[str, str] = {}
    _flatten(item.model_dump(mode="json"), "", out)
    return out


def encode_csv(
    model: type[BaseModel], chunks: Iterable[list[BaseModel]], *, header: bool = True
) -> Iterator[bytes]:
    """CSV through the csv module (RFC 4180 quoting), one encoded block per chunk."""
    buffer = io.StringIO()
    # A missing nested object (a quote without a speaker) leaves its columns empty.
    writer = csv.DictWriter(
        buffer, columns(model), restval="", extrasaction="ignore", lineterminator="\r\n"
    )
    if header:
        writer.writeheader()
    for chunk in chunks:
        writer.writerows(csv_row(item) for item in chunk)
        yield buffer.getvalue().encode()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode()


def encode_ndjson(chunks: Iterable[list[BaseModel]]) -> Iterator[bytes]:
    for chunk in chunks:
        if chunk:
            yield "".join(item.model_dump_json() + "\n" for item in chunk).encode()


def encode(
    fmt: ExportFormat, model: type[BaseModel], chunks: Iterable[list[BaseModel]]
) -> Iterator[bytes]:
    if fmt == "csv":
        return encode_csv(model, chunks)
    return encode_ndjson(chunks)


def example(model: type[BaseModel]) -> dict[str, Any]:
    """An item built from the model's field examples, for the OpenAPI description."""
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        nested = _model_in(info.annotation)
        if info.examples:
            data[name] = info.examples[0]
        elif nested is not None:
            data[name] = example(nested)
        elif get_origin(info.annotation) is list:
            (inner,) = get_args(info.annotation)
            data[name] = [example(inner)] if _model_in(inner) else []
        else:
            data[name] = None
    return data
