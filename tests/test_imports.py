"""What a worker imports to serve: not the extraction machinery, not Alembic.

They load on first use (a write, a readiness probe), so a worker boots on what reading
needs. The contract types (``app.extraction.schemas`` and the knowledge snapshot's types)
are plain pydantic models and dataclasses the storage layer speaks in.
"""

import json
import os
import subprocess
import sys

import pytest

from app.config import PROJECT_ROOT

CONTRACT = {"app.extraction", "app.extraction.schemas", "app.extraction.knowledge"}
# Section names are normalised by the API's filters too; the module is one function.
CONTRACT |= {"app.extraction.section"}
LAZY = ("alembic", "app.migrate", "trafilatura", "lxml", "app.articles.ingest", "rich")


def modules_after(statement: str) -> set[str]:
    code = f"import json, sys; {statement}; print(json.dumps(sorted(sys.modules)))"
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env={**env, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(json.loads(done.stdout))


@pytest.mark.parametrize(
    "statement",
    ["import app.main", "from app.main import create_app; create_app()"],
)
def test_serving_imports_no_extraction_nor_alembic(statement: str) -> None:
    loaded = modules_after(statement)
    assert "app.main" in loaded
    assert {m for m in loaded if m.startswith("app.extraction")} <= CONTRACT
    assert {m for m in loaded if m.split(".")[0] in LAZY or m in LAZY} == set()


def test_the_command_line_loads_extraction_only_for_its_commands() -> None:
    loaded = modules_after("import app.cli")
    assert {m for m in loaded if m.startswith("app.extraction")} <= CONTRACT
    assert not {"trafilatura", "app.articles.ingest", "app.reextraction.run"} & loaded
