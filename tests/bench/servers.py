"""Start and stop the servers under test; each runs in its own process group on 127.0.0.1."""

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import httpx

PROJECT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
READY_TIMEOUT = 120.0
Server = AbstractContextManager[subprocess.Popen[bytes]]


def wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float = READY_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before {url} answered")
        try:
            if httpx.get(url, timeout=2.0).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} not ready after {timeout:.0f}s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the process group (uvicorn's workers included), then SIGKILL if needed."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


@contextmanager
def running(
    cmd: list[str], ready_url: str, env: dict[str, str] | None = None, log: Path | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    port = httpx.URL(ready_url).port
    with contextlib.suppress(OSError), socket.create_connection((HOST, port or 80), timeout=1):
        # Another server (another run's) answering there would be measured instead.
        raise RuntimeError(f"port {port} is already in use")
    out = log.open("wb") if log else subprocess.DEVNULL
    proc = subprocess.Popen(
        cmd,
        cwd=PROJECT,
        env={**os.environ, **(env or {})},
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_ready(ready_url, proc)
        yield proc
    finally:
        stop(proc)
        if log:
            out.close()  # type: ignore[union-attr]


def broadsheet(url: str, port: int, workers: int, cache_mb: str, log: Path | None = None) -> Server:
    cmd = ["uv", "run", "--no-sync", "broadsheet", "serve", "--port", str(port)]
    # The ceiling app logs no requests either (--log-level warning).
    cmd += ["--workers", str(workers), "--no-access-log"]
    env = {"BROADSHEET_DATABASE_URL": url, "BROADSHEET_RESPONSE_CACHE_MB": cache_mb}
    return running(cmd, f"http://{HOST}:{port}/ready", env, log)


def ceiling(port: int, workers: int, log: Path | None = None) -> Server:
    cmd = ["uv", "run", "--no-sync", "uvicorn", "tests.bench.ceiling:app", "--host", HOST]
    cmd += ["--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    return running(cmd, f"http://{HOST}:{port}/", None, log)


def datasette(db: Path, port: int, log: Path | None = None) -> Server:
    # Immutable mode (-i) lets Datasette skip change checks, its fastest configuration.
    cmd = ["uv", "run", "--no-sync", "datasette", "serve", "-i", str(db), "--host", HOST]
    cmd += ["--port", str(port), "--setting", "sql_time_limit_ms", "5000"]
    return running(cmd, f"http://{HOST}:{port}/-/versions.json", None, log)


def worker_rss_mb(proc: subprocess.Popen[bytes]) -> list[float]:
    """Resident memory of the server's Python processes, the parent first, then its workers
    (``uv`` left out). Matched by executable: a console script such as ``broadsheet`` names
    its process after itself, so a match on the name found nothing."""
    found: dict[int, tuple[int, float]] = {}  # pid: (parent pid, MB)
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            pid = int(status.parent.name)
            if os.getpgid(pid) != proc.pid or "python" not in os.readlink(f"/proc/{pid}/exe"):
                continue
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
            found[pid] = (int(fields["PPid"]), int(fields["VmRSS"].split()[0]) / 1024)
        except (OSError, ValueError, KeyError):
            continue
    parents = [mb for ppid, mb in found.values() if ppid not in found]
    workers = [mb for ppid, mb in found.values() if ppid in found]
    return [round(mb, 1) for mb in sorted(parents) + sorted(workers)]
