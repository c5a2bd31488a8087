"""Mutation testing of the modules that guard data and access; prints killed / survived per
module.

    uv run --group mutation python tests/bench/mutation.py                  # every module
    uv run --group mutation python tests/bench/mutation.py auth pagination  # some of them
    uv run --group mutation python tests/bench/mutation.py --report         # the last run

mutmut (configured in pyproject.toml, ``[tool.mutmut]``) changes one thing at a time in the
listed modules and runs the tests that execute the changed function; a mutant the tests
still pass is a break nobody would notice. Survivors known to change nothing observable are
listed in ``mutation-equivalent.txt`` next to this script, each with its reason; any other
survivor is printed and makes the script exit 1.
"""

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from fnmatch import fnmatch
from pathlib import Path

from mutmut.stats import status_by_exit_code

ROOT = Path(__file__).resolve().parents[2]
MUTANTS = ROOT / "mutants"
EQUIVALENT = Path(__file__).with_name("mutation-equivalent.txt")
TARGET = 0.90
# The functions that guard data and access, by module: mutmut's mutant names are
# ``module.x_function__mutmut_N`` (``xǁClassǁmethod`` for a method).
GUARDS = {
    "auth": ["app.auth.*"],
    # ETag matching and the 304 it decides.
    "http": [
        "app.http.x_etag_matches*",
        "app.http.x_send_not_modified*",
        "app.http.xǁETagMiddlewareǁ_finish*",
    ],
    # Cursor parsing and the pages it resumes.
    "pagination": [
        f"app.pagination.{name}*" for name in ("x__encode", "x__unpack", "x__decode", "xǁOffsetǁ")
    ],
    "dates": ["app.schemas.*"],
    "errors": ["app.errors.*"],
    "fulltext": ["app.search.fulltext.*"],
    "writes": ["app.writes.*"],
}
# A timeout or a crash of the tests under a mutant also catches it.
CAUGHT = {"killed", "timeout", "segfault", "caught by type check"}


def equivalents() -> dict[str, str]:
    """Mutant name -> why it is equivalent, from ``name  # reason`` lines."""
    listed = {}
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        name, _, reason = line.partition("#")
        if name.strip():
            listed[name.strip()] = reason.strip()
    return listed


def results(modules: list[str]) -> dict[str, dict[str, int | None]]:
    """Module -> mutant name -> exit code (None: not run), from mutmut's ``.meta`` files."""
    codes: dict[str, int | None] = {}
    for meta in sorted((MUTANTS / "app").rglob("*.py.meta")):
        codes.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    by_module: dict[str, dict[str, int | None]] = defaultdict(dict)
    for module in modules:
        for name, code in codes.items():
            if any(fnmatch(name, pattern) for pattern in GUARDS[module]):
                by_module[module][name] = code
    return by_module


def verdict(code: int | None) -> str:
    status: str = status_by_exit_code[code]
    return "killed" if status in CAUGHT else status


def report(modules: list[str]) -> int:
    listed = equivalents()
    unexplained: list[str] = []
    print(f"{'module':<12}{'mutants':>8}{'killed':>8}{'survived':>9}{'equiv.':>7}{'score':>8}")
    for module, codes in results(modules).items():
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
    parser.add_argument("--max-children", type=int, default=2, help="mutants run at once")
    args = parser.parse_args()
    modules = args.modules or list(GUARDS)
    if unknown := set(modules) - set(GUARDS):
        parser.error(f"no such module: {', '.join(sorted(unknown))}")
    if not args.report:
        patterns = [pattern for module in modules for pattern in GUARDS[module]]
        run = ["mutmut", "run", "--max-children", str(args.max_children), *patterns]
        subprocess.run(run, cwd=ROOT, check=False, stdout=subprocess.DEVNULL)
    return report(modules)


if __name__ == "__main__":
    sys.exit(main())
