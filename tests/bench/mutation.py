"""Mutation testing of the modules that guard data and access; prints killed / survived per
module.

    uv run --group mutation python tests/bench/mutation.py                  # every module
    uv run --group mutation python tests/bench/mutation.py auth pagination  # some of them
    uv run --group mutation python tests/bench/mutation.py --sqlite writes  # SQLite half
    uv run --group mutation python tests/bench/mutation.py --report         # the last run

mutmut (configured in pyproject.toml, ``[tool.mutmut]``) changes one thing at a time in the
listed modules and runs the tests that execute the changed function; a mutant the tests
still pass is a break nobody would notice. Survivors known to change nothing observable are
listed in ``mutation-equivalent.txt`` next to this script, each with its reason; any other
survivor is printed and makes the script exit 1.

A module with its own test files runs them alone, in its own mutmut directory
``.mutants/<module>/``: the write path and full-text search are executed by hundreds of
tests, and a surviving mutant runs every one of them, so the whole selection turns a run
of minutes into hours. mutmut reads one selection per directory and discards every result
when it changes, hence one directory per selection.
"""

import argparse
import json
import subprocess
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from mutmut.stats import status_by_exit_code

ROOT = Path(__file__).resolve().parents[2]
EQUIVALENT = Path(__file__).with_name("mutation-equivalent.txt")
TARGET = 0.90
# What mutmut needs in a module's own directory: the code, its tests and their data.
SHARED = ["app", "tests", "migrations", "seed", "pyproject.toml"]
# Runs mutmut with the module's test selection in place of pyproject's.
LAUNCH = (
    "import json, sys\n"
    "from mutmut import configuration\n"
    "from mutmut.__main__ import cli\n"
    "configuration.config().pytest_add_cli_args_test_selection = json.loads(sys.argv[1])\n"
    "cli(sys.argv[2:])\n"
)


@dataclass(frozen=True)
class Group:
    # mutmut's mutant names are ``module.x_function__mutmut_N`` (``xǁClassǁmethod``).
    patterns: list[str]
    # The test files that exercise the module; None: pyproject's whole selection.
    tests: list[str] | None = None


# The functions that guard data and access, by module.
GUARDS = {
    "auth": Group(["app.auth.*"]),
    # ETag matching and the 304 it decides.
    "http": Group(
        [
            "app.http.x_etag_matches*",
            "app.http.x_send_not_modified*",
            "app.http.xǁETagMiddlewareǁ_finish*",
        ]
    ),
    # Cursor parsing and the pages it resumes.
    "pagination": Group(["app.cursors.*", "app.pagination.xǁOffsetǁ*"]),
    "dates": Group(["app.schemas.*"]),
    "errors": Group(["app.errors.*"]),
    "fulltext": Group(["app.search.fulltext.*", "app.search.terms.*"], ["tests/search"]),
    # Not test_concurrent_ingest.py nor test_workers.py: their ingests run in subprocesses,
    # on code mutmut does not change, for 45 s a mutant.
    "writes": Group(
        ["app.writes.*"],
        [
            f"tests/{name}.py"
            for name in (
                "writes/test_batch_races",
                "writes/test_check",
                "writes/test_locks",
                "writes/test_races",
                "writes/test_races_http",
                "writes/test_reextract_races",
                "writes/test_repair_races",
                "writes/test_transaction",
                "articles/test_write",
                "articles/test_writer",
            )
        ],
    ),
}
# A timeout or a crash of the tests under a mutant also catches it.
CAUGHT = {"killed", "timeout", "segfault", "caught by type check"}


def workspace(group: Group, name: str) -> Path:
    """The directory mutmut runs in: its mutants are in ``mutants/`` there."""
    return ROOT if group.tests is None else ROOT / ".mutants" / name


def selection(group: Group, sqlite: bool) -> list[str]:
    tests: list[str] = group.tests or []
    if group.tests is None:
        config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        tests = config["tool"]["mutmut"]["pytest_add_cli_args_test_selection"]
    return [*tests, "-k", "not postgresql"] if sqlite else list(tests)


def run(name: str, sqlite: bool, max_children: int) -> None:
    group = GUARDS[name]
    where = workspace(group, name)
    where.mkdir(parents=True, exist_ok=True)
    for shared in SHARED:
        if not (where / shared).exists():
            (where / shared).symlink_to(ROOT / shared)
    command = [sys.executable, "-c", LAUNCH, json.dumps(selection(group, sqlite))]
    command += ["run", "--max-children", str(max_children), *group.patterns]
    subprocess.run(command, cwd=where, check=False, stdout=subprocess.DEVNULL)


def equivalents() -> dict[str, str]:
    """Mutant name -> why it is equivalent, from ``name  # reason`` lines."""
    listed = {}
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        name, _, reason = line.partition("#")
        if name.strip():
            listed[name.strip()] = reason.strip()
    return listed


def results(name: str) -> dict[str, int | None]:
    """Mutant name -> exit code (None: not run), from mutmut's ``.meta`` files."""
    group = GUARDS[name]
    codes: dict[str, int | None] = {}
    for meta in sorted((workspace(group, name) / "mutants" / "app").rglob("*.py.meta")):
        codes.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return {n: c for n, c in codes.items() if any(fnmatch(n, p) for p in group.patterns)}


def verdict(code: int | None) -> str:
    status: str = status_by_exit_code[code]
    return "killed" if status in CAUGHT else status


def report(modules: list[str]) -> int:
    listed = equivalents()
    unexplained: list[str] = []
    print(f"{'module':<12}{'mutants':>8}{'killed':>8}{'survived':>9}{'equiv.':>7}{'score':>8}")
    for module in modules:
        codes = results(module)
        counts = Counter(verdict(code) for code in codes.values())
        # A mutant no selected test executes survives as surely as one they all pass.
        survivors = [n for n, code in codes.items() if verdict(code) in ("survived", "no tests")]
        equivalent = [name for name in survivors if name in listed]
        unexplained += [f"{module}: {name}" for name in survivors if name not in listed]
        # Equivalent mutants cannot be killed: they are left out of the score.
        scored = len(codes) - len(equivalent) - counts["not checked"]
        killed = counts["killed"]
        score = killed / scored if scored else 1.0
        flag = "" if score >= TARGET else "  < 90%"
        print(
            f"{module:<12}{len(codes):>8}{killed:>8}{len(survivors):>9}{len(equivalent):>7}"
            f"{score:>8.1%}{flag}"
        )
        other = len(codes) - killed - len(survivors)
        if other:
            print(f"    {other} neither: {dict(counts)}")
    for line in unexplained:
        print("survived:", line)
    return 1 if unexplained else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"any of {', '.join(GUARDS)} (default: all)")
    parser.add_argument("--report", action="store_true", help="report the last run only")
    parser.add_argument("--sqlite", action="store_true", help="the SQLite half only")
    parser.add_argument("--max-children", type=int, default=2, help="mutants run at once")
    args = parser.parse_args()
    modules = args.modules or list(GUARDS)
    if unknown := set(modules) - set(GUARDS):
        parser.error(f"no such module: {', '.join(sorted(unknown))}")
    if not args.report:
        for module in modules:
            run(module, args.sqlite, args.max_children)
    return report(modules)


if __name__ == "__main__":
    sys.exit(main())
