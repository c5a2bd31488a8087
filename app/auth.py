"""API-key protection for write endpoints."""

import secrets
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader

from app.errors import Forbidden, Unauthorized

api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="Key set by BROADSHEET_API_KEY"
)


def require_api_key(
    request: Request, given: Annotated[str | None, Security(api_key_header)]
) -> None:
    if not given:
        raise Unauthorized("This endpoint needs an X-API-Key header", field="header.x-api-key")
    expected = request.app.state.settings.api_key
    # compare_digest keeps the comparison time independent of where the keys differ.
    if expected is None or not secrets.compare_digest(
        given.encode(), expected.get_secret_value().encode()
    ):
        raise Forbidden("The API key is not valid for writing", field="header.x-api-key")


WriteAccess = Depends(require_api_key)
