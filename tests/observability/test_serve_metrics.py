"""`broadsheet serve --workers 2`: a scrape counts every request, whichever worker served it,
and the metric files' directory is gone once the server stops."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx

from app.config import PROJECT_ROOT
from tests.observability.scrape import value
from tests.test_serve import _wait_until_up, free_port


def test_serving_counts_every_request_and_removes_its_metrics_directory(tmp_path: Path) -> None:
    port = free_port()
    (tmp_path / "seed").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BROADSHEET_", "PROMETHEUS"))}
    env |= {
        "PYTHONPATH": str(PROJECT_ROOT),
        "TMPDIR": str(tmp_path),  # where the server makes its metrics directory
        "BROADSHEET_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
        "BROADSHEET_SEED_DIR": str(tmp_path / "seed"),
    }
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--workers", "2"]
    process = subprocess.Popen(
        [*command, "--no-access-log"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_until_up(port, process)
        (directory,) = tmp_path.glob("broadsheet-metrics-*")
        # New connections each: the kernel spreads them over both workers' shared socket.
        for _ in range(20):
            assert httpx.get(f"http://127.0.0.1:{port}/countries").status_code == 200
        scraped = httpx.get(f"http://127.0.0.1:{port}/metrics").text
        ok = {"method": "GET", "route": "/countries", "status": 200}
        assert value(scraped, "broadsheet_http_requests_total", **ok) == 20
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode is not None
    assert not directory.exists(), output
