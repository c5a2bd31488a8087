"""Coverage of ``app/cli/``, the code run in its subprocesses included; prints the percent
per file.

    uv run python tests/bench/cli_coverage.py            # both backends
    uv run python tests/bench/cli_coverage.py --sqlite   # the SQLite half

The tests run the CLI as ``python -m app.cli ...``, and ``ingest`` and ``reextract`` start
worker processes of their own: measured in the test process alone, most of ``app/cli/``
reads as never run. ``patch = ["subprocess"]`` (``[tool.coverage.run]`` in pyproject.toml)
has coverage.py start measuring in every Python subprocess too; the test files run are
those that name ``app.cli``. Only ``coverage run`` turns it on: ``uv run pytest`` runs
without coverage, no slower.
"""

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli_tests() -> list[str]:
    """The test files that run the CLI, or import it to call it in process."""
    return sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "tests").rglob("test_*.py")
        if "app.cli" in path.read_text(encoding="utf-8")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", action="store_true", help="the SQLite half only")
    args = parser.parse_args()
    coverage = [sys.executable, "-m", "coverage"]
    pytest = ["-m", "pytest", "-q", "-p", "no:randomly", *cli_tests()]
    if args.sqlite:
        pytest += ["-k", "not postgresql"]
    subprocess.run([*coverage, "erase"], cwd=ROOT, check=True)
    tests = subprocess.run([*coverage, "run", *pytest], cwd=ROOT, check=False)
    subprocess.run([*coverage, "combine", "-q"], cwd=ROOT, check=True)
    report = [*coverage, "report", "--include=app/cli/*", "--show-missing"]
    subprocess.run(report, cwd=ROOT, check=True)
    return tests.returncode


if __name__ == "__main__":
    sys.exit(main())
