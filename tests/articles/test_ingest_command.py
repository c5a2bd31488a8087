"""``broadsheet ingest`` on a folder of desks, on both backends: sections from the folder
names, and files that are no article skipped and named."""

import os
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlmodel import Session, col

from app.articles.models import Article
from app.config import PROJECT_ROOT, Settings
from app.db import make_engine
from app.main import create_app

STORIES = {
    "sport": [
        "The Valdoria rowing club won the river cup on Saturday. Its captain said the crew "
        "had trained all winter.",
        "A new stadium will open in the harbour district next year. The council approved "
        "the plans on Monday.",
    ],
    "Politics": [
        "The Valdoria council voted to extend the harbour on Tuesday. The vote was close, "
        "officials said.",
    ],
}


def _folder(root: Path) -> Path:
    for desk, stories in STORIES.items():
        (root / desk).mkdir(parents=True)
        for number, story in enumerate(stories):
            (root / desk / f"{number:03}.txt").write_text(story, encoding="utf-8")
    (root / "README.TXT").write_text("Stories by desk. Contact desk@example.org.\n")
    (root / "sport" / "empty.txt").write_text("\n\n")
    (root / "sport" / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    return root


def _ingest(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "ingest", "--jobs", "1", *args],
        env={**env, "PYTHONPATH": str(PROJECT_ROOT), "BROADSHEET_DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_ingest_sections_from_folders_and_skips_what_is_no_article(
    scratch_url: str, tmp_path: Path
) -> None:
    folder = _folder(tmp_path / "desks")
    first = _ingest(scratch_url, "--section-from-folder", str(folder))
    assert first.returncode == 0, first.stderr
    assert "3 created, 0 unchanged, 3 skipped (not an article), 0 failed" in first.stdout
    skipped = sorted(line for line in first.stderr.splitlines() if line.startswith("skipped:"))
    assert [line.rsplit(": ", 1)[1] for line in skipped] == [
        "a README or similar notes, not an article",
        "empty file",
        "binary file (NUL bytes)",
    ]
    again = _ingest(scratch_url, str(folder))
    assert "0 created, 3 unchanged, 3 skipped (not an article), 0 failed" in again.stdout

    engine = make_engine(Settings(database_url=scratch_url))
    with Session(engine) as session:
        stored = session.execute(
            select(col(Article.section), func.count()).group_by(col(Article.section))
        ).all()
    assert dict(stored) == {"sport": 2, "politics": 1}
    with TestClient(create_app(Settings(database_url=scratch_url))) as client:
        sport = client.get("/articles", params={"section": "Sport"}).json()["items"]
        assert len(sport) == 2 and {a["section"] for a in sport} == {"sport"}
        counts = client.get("/sections").json()["items"]
        assert counts == [
            {"name": "sport", "article_count": 2},
            {"name": "politics", "article_count": 1},
        ]
    engine.dispose()
