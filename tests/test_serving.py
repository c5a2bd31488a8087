"""Forked workers: SIGTERM lets requests in flight finish up to the deadline, then stops;
a worker is never judged while booting, and one that dies or stalls is replaced."""

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from app.config import PROJECT_ROOT
from tests.serving_app import PARTS, part
from tests.test_serve import free_port

FULL_BODY = b"".join(part(number) for number in range(PARTS))


@dataclass
class Served:
    process: subprocess.Popen[str]
    port: int
    lines: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def log(self) -> str:
        return "".join(self.lines)

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]


def _start(tmp: Path, *options: str, boot_seconds: float = 0) -> Served:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    env |= {
        "PYTHONPATH": str(PROJECT_ROOT),
        "BROADSHEET_DATABASE_URL": f"sqlite:///{tmp / 'serving.db'}",
        "BROADSHEET_SEED_DIR": str(tmp),
        "SLOW_BOOT_SECONDS": str(boot_seconds),
    }
    subprocess.run(
        [sys.executable, "-m", "app.cli", "migrate"], env=env, cwd=tmp, check=True, timeout=300
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.serving_app", "--port", str(port), *options],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    served = Served(process, port)
    assert process.stdout is not None
    threading.Thread(target=served.lines.extend, args=(process.stdout,), daemon=True).start()
    return served


def _wait_for(served: Served, what: str, count: int = 1, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while served.log().count(what) < count:
        assert served.process.poll() is None, served.log()
        assert time.monotonic() < deadline, served.log()
        time.sleep(0.05)


Starter = Callable[..., Served]


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Starter]:
    started: list[Served] = []

    def starter(*options: str, boot_seconds: float = 0) -> Served:
        started.append(_start(tmp_path, *options, boot_seconds=boot_seconds))
        return started[-1]

    yield starter
    for served in started:
        if served.process.poll() is None:
            served.process.kill()
            served.process.wait()


class SlowRequest(threading.Thread):
    """GET /test/slow in a thread, its status and body kept, or the error that cut it."""

    def __init__(self, served: Served, seconds: float) -> None:
        super().__init__(daemon=True)
        self.url = served.url(f"/test/slow?seconds={seconds}")
        self.first_part = threading.Event()
        self.status = 0
        self.body = b""
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            # identity: the bytes on the wire are the body, so a cut one shows as such
            headers = {"Accept-Encoding": "identity"}
            with httpx.stream("GET", self.url, headers=headers, timeout=60) as response:
                self.status = response.status_code
                for chunk in response.iter_raw():
                    self.body += chunk
                    self.first_part.set()
        except httpx.HTTPError as exc:
            self.error = exc
        self.first_part.set()


def test_sigterm_lets_a_request_in_flight_finish(start: Starter) -> None:
    served = start("--workers", "2", "--shutdown-timeout", "20")
    _wait_for(served, "Application startup complete", count=2)
    request = SlowRequest(served, seconds=4)
    request.start()
    assert request.first_part.wait(60)
    served.process.send_signal(signal.SIGTERM)
    request.join(60)
    assert (request.error, request.status, request.body) == (None, 200, FULL_BODY)
    assert served.process.wait(30) == 0
    assert "Waiting for connections to close" in served.log()


def test_a_request_beyond_the_deadline_is_cut_and_the_server_exits(
    start: Starter,
) -> None:
    served = start("--workers", "2", "--shutdown-timeout", "1")
    _wait_for(served, "Application startup complete", count=2)
    request = SlowRequest(served, seconds=300)
    request.start()
    assert request.first_part.wait(60)
    served.process.send_signal(signal.SIGTERM)
    assert served.process.wait(120) == 0  # long before the request would have ended
    request.join(10)
    # Cut, and seen to be cut: the chunked body never ends, so no client takes it as whole.
    assert isinstance(request.error, httpx.RemoteProtocolError), request.error
    assert request.body != FULL_BODY
    # By the deadline in the worker, not by the parent's SIGKILL a margin later.
    assert "timeout graceful shutdown exceeded" in served.log()
    assert "killed" not in served.log()


def test_a_worker_is_not_judged_while_booting(start: Starter) -> None:
    # Start-up holds each worker's loop for 12 s, twice the time a serving one may stall.
    served = start("--workers", "2", "--worker-timeout", "6", boot_seconds=12)
    _wait_for(served, "Application startup complete", count=2)
    assert httpx.get(served.url("/health"), timeout=30).status_code == 200
    time.sleep(7)  # past the timeout again, now serving: beats keep them alive
    assert "died" not in served.log()
    assert "unresponsive" not in served.log()


def test_a_worker_that_dies_is_replaced(start: Starter) -> None:
    served = start("--workers", "2")
    _wait_for(served, "Application startup complete", count=2)
    victim = served.workers()[0]
    os.kill(victim, signal.SIGKILL)
    _wait_for(served, f"Worker [{victim}] died")
    _wait_for(served, "Application startup complete", count=3)
    assert victim not in served.workers()
    assert len(served.workers()) == 2
    assert httpx.get(served.url("/health"), timeout=30).status_code == 200


def test_a_worker_whose_loop_stalls_is_replaced(start: Starter) -> None:
    served = start("--workers", "2", "--worker-timeout", "6")
    _wait_for(served, "Application startup complete", count=2)
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):  # killed mid-request
        httpx.get(served.url("/test/block?seconds=300"), timeout=300)
    assert "unresponsive for" in served.log()
    _wait_for(served, "Application startup complete", count=3)
    assert len(served.workers()) == 2
