"""`broadsheet ingest` names the limit an article broke as its failure reason."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import PROJECT_ROOT


def ingest(docs: Path, cwd: Path, jobs: str, **limits: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    env.update({f"BROADSHEET_{name.upper()}": value for name, value in limits.items()})
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "ingest", "--jobs", jobs, str(docs)],
        cwd=cwd,
        env={**env, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "pier.txt").write_text("The harbour of Valdoria approved a pier.", encoding="utf-8")
    (folder / "long.txt").write_text('"Yes," he said. ' * 40_000, encoding="utf-8")
    return folder


def test_ingest_reports_the_time_limit(docs: Path, tmp_path: Path) -> None:
    result = ingest(docs, tmp_path, "2", max_extraction_seconds="0.05")
    assert result.returncode == 1
    assert "1 created, 0 unchanged" in result.stdout
    assert "1 failed" in result.stdout
    assert "long.txt: The article took longer than the 0.05-second" in result.stderr


def test_ingest_reports_the_size_limit(docs: Path, tmp_path: Path) -> None:
    result = ingest(docs, tmp_path, "1", max_article_bytes="100000")
    assert result.returncode == 1
    assert "long.txt: The article is over the 100000-byte limit" in result.stderr
