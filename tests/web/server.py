"""``broadsheet serve`` on a free 127.0.0.1 port over a new SQLite database holding the seed
(loaded by ``broadsheet seed``) and the articles of ``corpus.py`` (sent through the API)."""

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from app.config import PROJECT_ROOT
from tests.test_serve import _wait_until_up, free_port
from tests.web.corpus import ARTICLES

API_KEY = "web-test-key"


def _environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    return env | {
        "PYTHONPATH": str(PROJECT_ROOT),
        "BROADSHEET_DATABASE_URL": f"sqlite:///{tmp / 'web.db'}",
        "BROADSHEET_SEED_DIR": str(PROJECT_ROOT / "seed"),
        "BROADSHEET_API_KEY": API_KEY,
    }


@contextmanager
def running_server(tmp: Path) -> Iterator[str]:
    """The base URL of a server holding the seed article and ``ARTICLES``."""
    env = _environment(tmp)
    cli = [sys.executable, "-m", "app.cli"]
    subprocess.run([*cli, "seed"], env=env, cwd=tmp, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(port), "--no-access-log", "--shutdown-timeout", "1"],
        env=env,
        cwd=tmp,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(port, server)
        for article in ARTICLES:
            added = httpx.post(
                f"{base}/articles", json=article, headers={"X-API-Key": API_KEY}, timeout=30
            )
            assert added.status_code == 201, added.text
        yield base
    finally:
        server.kill()
        server.wait()
