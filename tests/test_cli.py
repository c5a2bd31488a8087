"""The command line: migrate, seed and extract, run as a user would run them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import PROJECT_ROOT
from app.migrate import head_revision

SEED = PROJECT_ROOT / "seed" / "000_372f268d1c9d2193.txt"


def broadsheet(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        cwd=cwd,
        env={**env, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_seed_is_idempotent_in_a_fresh_directory(tmp_path: Path) -> None:
    first = broadsheet("seed", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "1 seed article(s) added" in first.stdout
    assert (tmp_path / "broadsheet.db").exists()  # the default database lives in the cwd
    second = broadsheet("seed", cwd=tmp_path)
    assert "0 seed article(s) added" in second.stdout


def test_migrate_reports_the_head(tmp_path: Path) -> None:
    result = broadsheet("migrate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"schema at {head_revision()}" in result.stdout


def test_extract_prints_the_contract(tmp_path: Path) -> None:
    result = broadsheet("extract", "--format", "json", str(SEED), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert {"title", "published_at", "body", "entities", "quotes", "sections"} <= set(document)
    assert "Source link" not in document["body"]
    assert not list(tmp_path.iterdir())  # extraction touches no database


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ingest_twice_stores_once_and_reports_failures(tmp_path: Path, jobs: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "batch.ndjson").write_text(
        '{"title": "Pier", "text": "The harbour approved a pier in Valdoria."}\n{broken\n',
        encoding="utf-8",
    )
    first = broadsheet("ingest", "--jobs", jobs, str(docs), cwd=tmp_path)
    assert first.returncode == 1  # one line of the batch is not JSON
    assert "2 created, 0 unchanged, 0 skipped (not an article), 1 failed" in first.stdout
    assert "batch.ndjson:2: invalid JSON" in first.stderr
    second = broadsheet("ingest", str(docs / "seed.txt"), cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "0 created, 1 unchanged, 0 skipped (not an article), 0 failed" in second.stdout


def test_extract_ndjson_prints_one_line_per_path_in_order(tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text('The mayor spoke.\n\n"We will build it," Ana Ruiz said.\n', encoding="utf-8")
    undecodable = tmp_path / "latin1.txt"
    undecodable.write_bytes(b"caf\xe9 \xff\xfe")
    missing = tmp_path / "missing.txt"
    paths = [str(SEED), str(missing), str(short), str(undecodable), str(short)]
    result = broadsheet("extract", "--format", "ndjson", *paths, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(paths)
    assert lines[0]["published_at"] == "2021-12-06"
    assert set(lines[1]) == {"error"} and "missing.txt" in lines[1]["error"]
    assert set(lines[3]) == {"error"} and "latin1.txt" in lines[3]["error"]
    assert lines[2] == lines[4]
    assert [q["speaker"] for q in lines[2]["quotes"]] == ["Ana Ruiz"]


def test_a_batch_may_read_its_documents_with_what_all_of_them_establish(tmp_path: Path) -> None:
    full = tmp_path / "full.txt"
    full.write_text("Corwin Halvorsen, the fisheries minister, met officials.\n", encoding="utf-8")
    bare = tmp_path / "bare.txt"
    bare.write_text('"The plan is sound," Mr Halvorsen told reporters.\n', encoding="utf-8")
    missing = tmp_path / "missing.txt"
    paths = [str(bare), str(missing), str(full)]

    def people(*flags: str) -> list[list[str]]:
        result = broadsheet("extract", "--format", "ndjson", *flags, *paths, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        assert set(lines[1]) == {"error"}
        return [[e["name"] for e in lines[i]["entities"] if e["type"] == "person"] for i in (0, 2)]

    assert people() == [["Halvorsen"], ["Corwin Halvorsen"]]
    assert people("--batch-knowledge") == [["Corwin Halvorsen"], ["Corwin Halvorsen"]]


def test_extract_json_takes_exactly_one_path(tmp_path: Path) -> None:
    result = broadsheet("extract", "--format", "json", str(SEED), str(SEED), cwd=tmp_path)
    assert result.returncode == 2
    assert "exactly one path" in result.stderr
    text = broadsheet("extract", "--format", "text", str(SEED), cwd=tmp_path)
    assert text.returncode == 0 and text.stdout.startswith("title:")
