"""An unexpected error is a 500 problem, and the keep-alive connection it came on stays
usable: checked against a real uvicorn server on loopback."""

import http.client
import json
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from app.config import Settings
from app.main import create_app


def _failing_app(settings: Settings) -> FastAPI:
    """The product app plus, on this instance only, routes that fail unexpectedly."""
    app = create_app(settings)

    @app.get("/failing")
    async def failing() -> None:
        raise RuntimeError("a bug")

    @app.get("/failing-in-thread")
    def failing_in_thread() -> None:
        raise KeyError("a bug in sync code")

    return app


@pytest.fixture
def server(settings: Settings, engine: Engine) -> Iterator[tuple[str, int]]:
    config = uvicorn.Config(
        _failing_app(settings), host="127.0.0.1", port=0, log_level="critical", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    host, port = server.servers[0].sockets[0].getsockname()[:2]
    yield host, port
    server.should_exit = True
    thread.join(timeout=10)


def _get(conn: http.client.HTTPConnection, path: str) -> tuple[http.client.HTTPResponse, bytes]:
    conn.request("GET", path, headers={"X-Request-ID": "trace-500"})
    response = conn.getresponse()
    return response, response.read()


@pytest.mark.parametrize("path", ["/failing", "/failing-in-thread"])
def test_a_500_keeps_the_connection_usable(server: tuple[str, int], path: str) -> None:
    conn = http.client.HTTPConnection(*server, timeout=10)
    try:
        for _ in range(3):
            failed, body = _get(conn, path)
            assert failed.status == 500
            assert failed.getheader("content-type") == "application/problem+json"
            problem = json.loads(body)
            assert problem["status"] == 500 and problem["request_id"] == "trace-500"
            assert "a bug" not in body.decode()  # no internals leak
            assert failed.getheader("x-content-type-options") == "nosniff"
            assert failed.getheader("connection") != "close"
            sock = conn.sock
            assert sock is not None  # http.client keeps it: the server did not ask to close
            ok, _ = _get(conn, "/health")
            assert ok.status == 200
            assert conn.sock is sock  # the same connection, not a silent reconnect
    finally:
        conn.close()


def test_the_test_client_sees_the_500_problem(settings: Settings, engine: Engine) -> None:
    with TestClient(_failing_app(settings)) as client:
        response = client.get("/failing", headers={"Origin": "https://app.example"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["instance"] == "/failing"
    assert response.headers["access-control-allow-origin"] == "https://app.example"
