"""The application with two routes only tests have, served the way ``broadsheet serve`` does.

``/test/slow`` streams its body in parts over ``seconds`` (a request in flight at SIGTERM);
``/test/block`` holds the worker's event loop (a worker that stalls). With
``SLOW_BOOT_SECONDS`` set, each worker's start-up holds its loop that long.

    python -m tests.serving_app --port P --workers 2 --shutdown-timeout 5 --worker-timeout 2
"""

import argparse
import asyncio
import os
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import uvicorn
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

from app import main, serving

PARTS = 5


def part(number: int) -> bytes:
    return f"part {number} of {PARTS}\n".encode()


def create_app() -> FastAPI:
    app = main.create_app()
    inner = app.router.lifespan_context
    boot_seconds = float(os.environ.get("SLOW_BOOT_SECONDS", "0"))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[Any]:
        time.sleep(boot_seconds)  # a worker busy booting: its event loop does not turn
        async with inner(app) as state:
            yield state

    app.router.lifespan_context = lifespan

    @app.get("/test/slow")
    async def slow(seconds: float) -> StreamingResponse:
        async def parts() -> AsyncIterator[bytes]:
            for number in range(PARTS):
                yield part(number)
                await asyncio.sleep(seconds / PARTS)

        return StreamingResponse(parts(), media_type="text/plain")

    @app.get("/test/block")
    async def block(seconds: float) -> dict[str, float]:
        time.sleep(seconds)
        return {"blocked": seconds}

    return app


def main_() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shutdown-timeout", type=int, default=10)
    parser.add_argument("--worker-timeout", type=float, default=30)
    args = parser.parse_args()
    config = uvicorn.Config(
        "tests.serving_app:create_app",
        factory=True,
        port=args.port,
        access_log=False,
        timeout_graceful_shutdown=args.shutdown_timeout,
    )
    sys.exit(serving.serve(config, args.workers, args.worker_timeout))


if __name__ == "__main__":
    main_()
