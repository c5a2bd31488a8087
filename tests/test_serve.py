"""`broadsheet serve`: what it says it serves, its defaults, and a SIGTERM while a request
never completes."""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.main import get_command

from app.cli import cli
from app.config import PROJECT_ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _environment(tmp_path: Path, database_url: str) -> dict[str, str]:
    (tmp_path / "seed").mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    return env | {
        "PYTHONPATH": str(PROJECT_ROOT),
        "BROADSHEET_DATABASE_URL": database_url,
        "BROADSHEET_SEED_DIR": str(tmp_path / "seed"),
        "BROADSHEET_API_KEY": "k",
    }


SERVE = [sys.executable, "-m", "app.cli", "serve"]


@pytest.fixture(params=["option", "setting"])
def server(
    tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """One worker with a 1 s deadline, set by --shutdown-timeout or by the setting."""
    port = free_port()
    env = _environment(tmp_path, f"sqlite:///{tmp_path / 'serve.db'}")
    command = [*SERVE, "--port", str(port), "--workers", "1", "--no-access-log"]
    if request.param == "option":
        command += ["--shutdown-timeout", "1"]
    else:
        env["BROADSHEET_SHUTDOWN_TIMEOUT_SECONDS"] = "1"
    process = subprocess.Popen(
        command,
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_until_up(port, process)
        yield process, port
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _wait_until_up(port: int, process: subprocess.Popen[str]) -> None:
    for _ in range(600):
        assert process.poll() is None, process.stdout.read() if process.stdout else ""
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail("the server did not start")


def test_sigterm_ends_a_request_that_never_completes(
    server: tuple[subprocess.Popen[str], int],
) -> None:
    process, port = server
    idle = socket.create_connection(("127.0.0.1", port))  # keep-alive, between requests
    idle.sendall(b"GET /health HTTP/1.1\r\nHost: t\r\n\r\n")
    assert idle.recv(1024).startswith(b"HTTP/1.1 200")
    stuck = socket.create_connection(("127.0.0.1", port))  # its body never arrives
    stuck.sendall(
        b"POST /articles HTTP/1.1\r\nHost: t\r\nX-API-Key: k\r\nContent-Type: text/plain\r\n"
        b"Content-Length: 100000\r\n\r\nThe first words only"
    )
    time.sleep(1)  # the request is now inside the application, reading its body
    process.send_signal(signal.SIGTERM)
    sent = time.monotonic()
    try:
        output, _ = process.communicate(timeout=30)
    finally:
        idle.close()
        stuck.close()
    assert time.monotonic() - sent < 1 + 4  # the deadline, and start-up's margin
    # uvicorn re-raises the signal it caught once shut down, so the exit reads as SIGTERM's.
    assert process.returncode == -signal.SIGTERM
    assert "Waiting for connections to close" in output
    assert "timeout graceful shutdown exceeded" in output


def test_serve_says_where_it_listens_and_which_database_without_password(
    tmp_path: Path,
) -> None:
    port = free_port()
    # Nothing listens on port 1: serve names the database, then fails to migrate it.
    url = "postgresql+psycopg://broadsheet:s3cret-pw@127.0.0.1:1/archive"
    done = subprocess.run(
        [*SERVE, "--port", str(port), "--workers", "3"],
        cwd=tmp_path,
        env=_environment(tmp_path, url),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert (
        f"Broadsheet on http://127.0.0.1:{port} with 3 worker(s), "
        "database postgresql+psycopg://broadsheet:***@127.0.0.1:1/archive"
    ) in done.stdout
    assert "s3cret-pw" not in done.stdout + done.stderr


def test_workers_default_to_the_cpu_count() -> None:
    serve = get_command(cli).commands["serve"]  # type: ignore[attr-defined]
    assert serve.make_context("serve", []).params["workers"] == os.cpu_count()
    assert serve.make_context("serve", ["--workers", "3"]).params["workers"] == 3
