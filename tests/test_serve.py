"""`broadsheet serve` stops on SIGTERM even while a request never completes."""

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

from app.config import PROJECT_ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], int]]:
    port = free_port()
    (tmp_path / "seed").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    env |= {
        "PYTHONPATH": str(PROJECT_ROOT),
        "BROADSHEET_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
        "BROADSHEET_SEED_DIR": str(tmp_path / "seed"),
        "BROADSHEET_API_KEY": "k",
    }
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--shutdown-timeout", "1", "--no-access-log"],
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
    try:
        output, _ = process.communicate(timeout=30)
    finally:
        idle.close()
        stuck.close()
    # uvicorn re-raises the signal it caught once shut down, so the exit reads as SIGTERM's.
    assert process.returncode == -signal.SIGTERM
    assert "Waiting for connections to close" in output
    assert "timeout graceful shutdown exceeded" in output
