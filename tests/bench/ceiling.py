"""The framework ceiling: a Starlette endpoint that returns a fixed JSON document.

uv run uvicorn tests.bench.ceiling:app --workers 2 --port 8302
"""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

DOCUMENT = {"id": 1, "title": "A fixed article", "entities": [], "quotes": []}


async def fixed(_request: Request) -> JSONResponse:
    return JSONResponse(DOCUMENT)


app = Starlette(routes=[Route("/{path:path}", fixed)])
