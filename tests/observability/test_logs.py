"""One log line a request, plain or JSON, carrying the request id the response echoes."""

import io
import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.config import PROJECT_ROOT
from app.observability.logs import JsonFormatter

HEX_ID = r"[0-9a-f]{32}"


@pytest.fixture
def request_lines() -> Iterator[io.StringIO]:
    """What the request logger writes, formatted as JSON."""
    lines = io.StringIO()
    handler = logging.StreamHandler(lines)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("app.requests")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield lines
    logger.removeHandler(handler)
    logger.setLevel(level)


def parsed(lines: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in lines.getvalue().splitlines()]


def test_a_request_logs_one_json_line(client: TestClient, request_lines: io.StringIO) -> None:
    response = client.get(
        "/articles/no-such-article?fields=title", headers={"X-Request-ID": "trace-42"}
    )
    assert response.headers["x-request-id"] == "trace-42"
    (line,) = parsed(request_lines)
    assert line["logger"] == "app.requests"
    assert line["level"] == "INFO"
    assert line["request_id"] == "trace-42"
    assert line["method"] == "GET"
    assert line["path"] == "/articles/no-such-article"
    assert line["query"] == "fields=title"
    assert line["client"] == "testclient"
    assert line["route"] == "/articles/{ref}"
    assert line["status"] == 404
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["time"].endswith("+00:00")
    assert line["message"].startswith("GET /articles/no-such-article?fields=title 404 ")


@pytest.mark.parametrize("given", [None, "has spaces", "x" * 200])
def test_a_missing_or_unsafe_request_id_is_replaced(
    client: TestClient, request_lines: io.StringIO, given: str | None
) -> None:
    headers = {"X-Request-ID": given} if given else {}
    echoed = client.get("/health", headers=headers).headers["x-request-id"]
    assert echoed != given
    assert len(echoed) == 32 and int(echoed, 16) >= 0
    (line,) = parsed(request_lines)
    assert line["request_id"] == echoed


# A process of its own: applying a logging configuration changes it for the whole process.
CONFIGURED = """
import logging, logging.config, sys
from app.observability.logs import log_config
logging.config.dictConfig(log_config(sys.argv[1], requests=sys.argv[2] == "on"))
logging.getLogger("uvicorn.error").info("Started server process [%d]", 7)
logging.getLogger("app.requests").info("GET /health 200", extra={"status": 200})
try:
    1 / 0
except ZeroDivisionError:
    logging.getLogger("app.http").exception("Unexpected error")
"""


def configured(fmt: str, requests: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CONFIGURED, fmt, requests],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )


def test_the_server_configuration_logs_json_everywhere() -> None:
    ran = configured("json", "on")
    started, error = (json.loads(line) for line in ran.stderr.splitlines())
    assert started["logger"] == "uvicorn.error"
    assert started["message"] == "Started server process [7]"
    assert "color_message" not in started
    assert error["level"] == "ERROR" and "ZeroDivisionError" in error["exception"]
    (request,) = (json.loads(line) for line in ran.stdout.splitlines())
    assert request["status"] == 200 and request["message"] == "GET /health 200"


def test_the_server_configuration_logs_text_and_can_drop_request_lines() -> None:
    ran = configured("text", "on")
    assert ran.stdout.strip() == "INFO:     GET /health 200"
    assert "INFO:     Started server process [7]" in ran.stderr
    assert configured("text", "off").stdout == ""
