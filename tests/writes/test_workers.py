"""``broadsheet ingest --jobs`` leaves no worker process behind when it is killed."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.config import PROJECT_ROOT

WAIT_SECONDS = 60.0


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left


def test_killed_ingest_takes_its_workers_with_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(400):
        text = f"Report {i}. The harbour authority of Valdoria approved pier {i} on Monday."
        (docs / f"{i:04}.txt").write_text(text * 20, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    env["BROADSHEET_DATABASE_URL"] = f"sqlite:///{tmp_path / 'ingest.db'}"
    ingest = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "ingest", "--jobs", "2", str(docs)],
        cwd=PROJECT_ROOT,
        env={**env, "PYTHONPATH": str(PROJECT_ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while len(workers) < 2 and time.monotonic() < deadline and ingest.poll() is None:
            time.sleep(0.2)
            workers = _children(ingest.pid)
        assert len(workers) >= 2, "the pool never started"
        os.kill(ingest.pid, signal.SIGKILL)
        ingest.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _alive(w)], "workers outlived the ingest"
    finally:
        if ingest.poll() is None:
            ingest.kill()
        for orphan in (w for w in workers if _alive(w)):  # leave nothing behind on failure
            os.kill(orphan, signal.SIGKILL)
