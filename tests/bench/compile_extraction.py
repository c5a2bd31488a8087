"""Optional: compile ``app/extraction`` with mypyc, or remove what a compile left.

    uv run python tests/bench/compile_extraction.py           # build, in place (2-5 min)
    uv run python tests/bench/compile_extraction.py --clean   # back to pure Python

Every module becomes a C extension beside its source, but the contract types (``schemas``,
which pydantic builds), the package's ``__init__`` and the three modules whose classes cache
properties; Python imports an extension in place of its ``.py``. Nothing else changes, and
without the extensions the same sources run as they are. Extraction output is the same
either way (``--json-out`` of every score set and the ndjson of BBC articles compared byte
for byte); compiled, it takes 30% less CPU on the BBC set. Needs a C compiler and
the dev group (mypy ships mypyc).

An extension does not follow later edits of its source: ``app.extraction`` refuses to
import while one is older than its ``.py`` (``stale_extensions``): build again, or clean.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "app" / "extraction"
# pydantic builds the contract models at import: compiled, they are no faster. A compiled
# class keeps no ``cached_property``: it is computed again at every read (a snapshot's
# archive index once per article), so the modules whose classes cache one stay source.
_KEPT_AS_SOURCE = frozenset(
    {"__init__.py", "schemas.py", "knowledge.py", "archive.py", "mentions.py"}
)
GROUP = "app.extraction.compiled"  # the shared runtime: app/extraction/compiled__mypyc*.so


def sources() -> list[Path]:
    return [p for p in sorted(PACKAGE.glob("*.py")) if p.name not in _KEPT_AS_SOURCE]


def extensions() -> list[Path]:
    return sorted(PACKAGE.glob("*.so"))


def build() -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    modules = [str(p.relative_to(ROOT)) for p in sources()]
    with tempfile.TemporaryDirectory() as temp:
        setup(
            name="broadsheet-extraction-compiled",
            packages=[],
            py_modules=[],
            ext_modules=mypycify(modules, opt_level="3", group_name=GROUP, target_dir=temp),
            script_args=["build_ext", "--inplace", "--build-temp", temp, "--build-lib", temp],
        )


def clean() -> None:
    for path in extensions():
        path.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="only remove the extensions")
    args = parser.parse_args()
    clean()
    if not args.clean:
        os.chdir(ROOT)  # mypyc names the modules by their paths from here
        build()
    print(f"{len(extensions())} extensions in {PACKAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
