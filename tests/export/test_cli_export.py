"""``broadsheet export`` on both backends."""

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner, Result

from app.cli import cli
from app.config import Settings, get_settings
from app.db import make_engine
from app.main import create_app
from app.migrate import upgrade
from app.seed import load_seed
from tests.conftest import every_item


@pytest.fixture
def seeded(scratch_url: str) -> Iterator[str]:
    upgrade(scratch_url)
    settings = Settings(database_url=scratch_url)
    engine = make_engine(settings)
    load_seed(engine, settings.seed_dir)
    engine.dispose()
    yield scratch_url


def broadsheet(url: str, *args: str) -> Result:
    get_settings.cache_clear()
    try:
        return CliRunner().invoke(cli, list(args), env={"BROADSHEET_DATABASE_URL": url})
    finally:
        get_settings.cache_clear()


def test_export_writes_the_list(seeded: str, tmp_path: Path) -> None:
    target = tmp_path / "morocco.ndjson"
    args = ("export", "quotes", "country=MA", "kind=direct")
    result = broadsheet(seeded, *args, "--output", str(target))
    assert result.exit_code == 0, result.output
    exported = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    table = broadsheet(seeded, *args, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(table.stdout, newline="")))
    with TestClient(create_app(Settings(database_url=seeded))) as client:
        paged = every_item(client, "/quotes", {"country": "MA", "kind": "direct"})
    assert len(paged) > 3
    assert exported == paged
    assert [int(row["id"]) for row in rows] == [item["id"] for item in paged]
    assert [row["text"] for row in rows] == [item["text"] for item in paged]


def test_export_refuses_bad_filters(seeded: str) -> None:
    result = broadsheet(seeded, "export", "entities", "colour=red")
    assert result.exit_code == 2
    assert "KEY one of: q, type, country" in result.stderr
    assert broadsheet(seeded, "export", "quotes", "kind=loud").exit_code == 2
    missing = broadsheet(seeded, "export", "mentions", "article=999999")
    assert missing.exit_code == 1
    assert missing.stderr.strip() == "No article with id or slug '999999'"
