"""Four ``broadsheet ingest`` processes over disjoint document sets at once, on both
backends: none fails (SQLite writers queue for the lock instead of failing at once), and
the counts equal a recount."""

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.articles.models import Article
from app.config import PROJECT_ROOT, Settings
from tests.writes.conftest import assert_no_drift

PARAGRAPHS = (
    "Mara Ostrova, the harbour master, said Norway would pay for the pier.",
    "Tomas Hallberg said Chile and Kenya had asked to join the project.",
    "Lena Aberg of Japan said the plan was sound.",
)
PROCESSES, PER_PROCESS = 4, 10


def test_four_ingest_processes_store_everything(
    race_settings: Settings, race_engine: Engine, tmp_path: Path
) -> None:
    folders = []
    for p in range(PROCESSES):
        folder = tmp_path / f"part{p}"
        folder.mkdir()
        for n in range(PER_PROCESS):
            k = (p + n) % len(PARAGRAPHS)  # entities in a different order per document
            body = "\n\n".join((f"Dispatch {p}-{n}.", *PARAGRAPHS[k:], *PARAGRAPHS[:k]))
            (folder / f"{n}.txt").write_text(body, encoding="utf-8")
        folders.append(folder)
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    env |= {"BROADSHEET_DATABASE_URL": race_settings.database_url, "PYTHONPATH": str(PROJECT_ROOT)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "app.cli", "ingest", "--jobs", "1", str(folder)],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert f"{PER_PROCESS} created, 0 unchanged" in out and ", 0 failed" in out
    with Session(race_engine) as session:
        stored = session.execute(select(func.count()).select_from(Article)).scalar_one()
    assert stored == PROCESSES * PER_PROCESS
    assert_no_drift(race_engine)
