"""Field selection: ``fields=title,published_at`` trims each item (or the one document) to
those top-level fields, plus ``id``, which a client always needs to key and link them.

The response schema stays the full model: a client that never sends ``fields`` gets every
field, as its generated types say; one that does gets a subset of the same names.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from app.errors import InvalidInput

ALWAYS = "id"


@dataclass(frozen=True)
class Selection:
    """The fields asked for, or None for all of them."""

    names: frozenset[str] | None = None

    def _trim(self, item: dict[str, Any]) -> dict[str, Any]:
        assert self.names is not None
        return {name: value for name, value in item.items() if name in self.names}

    def page(self, page: BaseModel) -> Any:
        """A page with each item trimmed (the page's own fields stay)."""
        if self.names is None:
            return page
        body = page.model_dump(mode="json")
        body["items"] = [self._trim(item) for item in body["items"]]
        return JSONResponse(body)

    def one(self, document: BaseModel) -> Any:
        if self.names is None:
            return document
        return JSONResponse(self._trim(document.model_dump(mode="json")))

    def items(self, body: dict[str, Any]) -> dict[str, Any]:
        """A page built as a plain document (see ``app.answers``), each item trimmed."""
        if self.names is None:
            return body
        return {**body, "items": [self._trim(item) for item in body["items"]]}

    def document(self, body: dict[str, Any]) -> dict[str, Any]:
        """One plain document, trimmed."""
        return body if self.names is None else self._trim(body)


def selection(model: type[BaseModel]) -> Callable[..., Awaitable[Selection]]:
    """A dependency reading ``fields`` for responses (or items) of ``model``."""
    allowed = tuple(model.model_fields)
    described = ", ".join(f"`{name}`" for name in allowed)

    async def read_fields(
        fields: Annotated[
            str | None,
            Query(
                max_length=1000,
                description=f"Comma-separated fields to return (`{ALWAYS}` always comes): "
                f"{described}. Unknown names are a 400.",
            ),
        ] = None,
    ) -> Selection:
        names = [name.strip() for name in (fields or "").split(",") if name.strip()]
        if not names:  # absent or blank: every field
            return Selection()
        unknown = [name for name in names if name not in allowed]
        if unknown:
            raise InvalidInput(
                f"Unknown field '{unknown[0]}' in `fields`; choose from: {', '.join(allowed)}",
                field="query.fields",
            )
        return Selection(frozenset({ALWAYS, *names}))

    return read_fields
