"""Several worker processes, one set of metrics: each writes its counts to the shared
directory, and a scrape of any of them sums them all."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import PROJECT_ROOT
from app.observability import metrics
from tests.observability.scrape import value

# One worker: an app on an empty SQLite path (``/health`` and ``/metrics`` need no
# database), answering ``/health`` N times, then printing its own ``/metrics`` scrape.
WORKER = """
import sys
from fastapi.testclient import TestClient
from app.config import Settings
from app.main import create_app
app = create_app(Settings(database_url="sqlite:///" + sys.argv[2]))
with TestClient(app) as client:
    for _ in range(int(sys.argv[1])):
        assert client.get("/health").status_code == 200
    print(client.get("/metrics").text)
"""
HEALTH = {"method": "GET", "route": "/health", "status": 200}


def worker(times: int, directory: Path, tmp_path: Path) -> str:
    env = {**os.environ, metrics.MULTIPROC_ENV: str(directory)}
    ran = subprocess.run(
        [sys.executable, "-c", WORKER, str(times), str(tmp_path / "none.db")],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stderr
    return ran.stdout


def test_two_workers_counts_add_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = tmp_path / "metrics"
    directory.mkdir()
    worker(3, directory, tmp_path)
    second = worker(4, directory, tmp_path)
    # The second worker's scrape counts the first's requests too.
    assert value(second, "broadsheet_http_requests_total", **HEALTH) == 7
    assert len(list(directory.glob("*.db"))) >= 2, "one file set per process"
    # As does a scrape made by any process over the directory, once both have gone.
    monkeypatch.setenv(metrics.MULTIPROC_ENV, str(directory))
    body, content_type = metrics.render()
    assert value(body.decode(), "broadsheet_http_requests_total", **HEALTH) == 7
    assert content_type.startswith("text/plain")
    get_metrics = {"method": "GET", "route": "/metrics", "status": 200}
    assert value(body.decode(), "broadsheet_http_requests_total", **get_metrics) == 2


def test_serving_makes_a_fresh_directory_and_removes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(metrics.MULTIPROC_ENV, raising=False)
    with metrics.multiprocess_dir(workers=2) as directory:
        assert directory is not None
        assert os.environ[metrics.MULTIPROC_ENV] == str(directory)
        assert directory.is_dir() and not any(directory.iterdir())
        (directory / "counter_1.db").write_bytes(b"")
    assert metrics.MULTIPROC_ENV not in os.environ
    assert not directory.exists()


def test_one_worker_counts_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(metrics.MULTIPROC_ENV, raising=False)
    with metrics.multiprocess_dir(workers=1) as directory:
        assert directory is None
        assert metrics.MULTIPROC_ENV not in os.environ


def test_an_operators_directory_is_emptied_of_a_previous_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "counter_99.db").write_bytes(b"stale")
    (tmp_path / "notes.txt").write_text("kept")
    monkeypatch.setenv(metrics.MULTIPROC_ENV, str(tmp_path))
    with metrics.multiprocess_dir(workers=1) as directory:
        assert directory == tmp_path
        assert not (tmp_path / "counter_99.db").exists()
    assert (tmp_path / "notes.txt").exists(), "only metric files are removed"
    assert os.environ[metrics.MULTIPROC_ENV] == str(tmp_path)
