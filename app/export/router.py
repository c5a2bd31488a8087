"""Content negotiation for the lists: JSON pages, or the whole list as NDJSON or CSV."""

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlmodel import Session

from app.db import read
from app.export import formats, service
from app.pagination import PageDep

ListFormat = Literal["json", "ndjson", "csv"]


@dataclass(frozen=True)
class Export:
    """An export asked of a list endpoint, and the means to stream it."""

    fmt: formats.ExportFormat
    chunk_size: int
    cursor: str | None

    async def send(
        self, session: Session, fetch: service.Fetch, model: type[BaseModel], name: str
    ) -> StreamingResponse:
        # The first chunk is read before the response starts, so bad filters are still a
        # 4xx problem rather than a stream cut short.
        first = await read(session, service.fetch_chunk, fetch, self.chunk_size, self.cursor)
        body = formats.encode(
            self.fmt, model, service.chunks(session, fetch, self.chunk_size, first)
        )
        media = formats.MEDIA_TYPES[self.fmt]
        return StreamingResponse(
            body,
            media_type=f"{media}; charset=utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="{name}.{self.fmt}"',
                "Cache-Control": "no-store",
            },
        )


async def export_params(
    request: Request,
    page: PageDep,
    format: Annotated[
        ListFormat | None,
        Query(
            description="`ndjson` or `csv`: the whole list (all pages, from `cursor` if "
            "given) as one stream; the same as `Accept: application/x-ndjson` or "
            "`Accept: text/csv`"
        ),
    ] = None,
) -> Export | None:
    fmt = formats.negotiate(format, request.headers.get("accept", ""))
    if fmt is None:
        return None
    return Export(fmt, request.app.state.settings.export_chunk_size, page.cursor)


ExportDep = Annotated[Export | None, Depends(export_params)]


def export_responses(model: type[BaseModel]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI for the two export types of a list, with an example of each."""
    item = model.model_validate(formats.example(model))
    csv_example = b"".join(formats.encode_csv(model, [[item]])).decode()
    return {
        200: {
            "description": "A page as JSON; with `format` or `Accept`, every item as NDJSON "
            "(one JSON object per line) or CSV (a header row, then one row per item; nested "
            "fields as `parent.child` columns, lists as `;`-separated slugs)",
            "content": {
                "application/x-ndjson": {
                    "schema": {"type": "string"},
                    "example": item.model_dump_json() + "\n",
                },
                "text/csv": {"schema": {"type": "string"}, "example": csv_example},
            },
        }
    }
