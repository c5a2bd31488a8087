"""Instructions per request of each kind of the mixed workload, counted by callgrind.

    uv run python -m tests.bench.instructions --database-url sqlite:////work/bench-data/10k.db \\
        --paths-file /tmp/mix-10k.json [--per-kind 100] [--kinds article_by_id search]

CPU time on a shared machine moves by ±30% between runs of the same code; the number of
instructions the process executes moves by about 1% (hash seeds, garbage collection), so a
change of a few percent shows. The paths file is ``tests/bench/cpu_mix.py``'s (drawn there
once). The process runs under ``valgrind --tool=callgrind`` with instrumentation off (4×
slower, not 50×) until the measured pass, which a client request turns on: import, start-up
and a warm-up pass are not counted. Needs valgrind, its headers and a C compiler (to build
the two-function helper that issues the client requests). Counts every thread: on
PostgreSQL, the thread pool's work too (not the server's). About 3 minutes for 6 kinds of
100 paths on SQLite 10k.
"""

import argparse
import asyncio
import ctypes
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.mixes import SHARES

HELPER = """
#include <valgrind/callgrind.h>
void start(void) { CALLGRIND_ZERO_STATS; CALLGRIND_START_INSTRUMENTATION; }
void stop(const char *name) { CALLGRIND_STOP_INSTRUMENTATION; CALLGRIND_DUMP_STATS_AT(name); }
"""


def build_helper(directory: Path) -> Path:
    source, library = directory / "helper.c", directory / "helper.so"
    source.write_text(HELPER)
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", library, source], check=True)
    return library


async def measured(url: str, kinds: dict[str, list[str]], helper: Path) -> None:
    """Under callgrind: one warm-up pass of each kind, then one counted pass."""
    from app.config import Settings
    from app.main import create_app
    from tests.bench.cpu_mix import replay

    calls = ctypes.CDLL(str(helper))
    app = create_app(Settings(database_url=url, response_cache_mb=0))
    async with app.router.lifespan_context(app):
        for kind, paths in kinds.items():
            await replay(app, paths)
            calls.start()
            await replay(app, paths)
            calls.stop(f"{kind} {len(paths)}".encode())


def totals(directory: Path) -> dict[str, float]:
    """Instructions per request of each kind, from callgrind's dumps."""
    found: dict[str, float] = {}
    for dump in sorted(directory.glob("callgrind.out.*")):
        text = dump.read_text(errors="replace")
        trigger = re.search(r"^desc: Trigger: Client Request: (\S+) (\d+)$", text, re.M)
        total = re.search(r"^totals: (\d+)", text, re.M)
        if trigger and total:
            found[trigger.group(1)] = int(total.group(1)) / int(trigger.group(2))
    return found


def report(found: dict[str, float]) -> None:
    mix = sum(SHARES.get(kind, 0) * count for kind, count in found.items())
    for kind, count in found.items():
        print(f"{kind:<16} {count / 1000:>10,.0f}k instructions a request")
    print(f"{'mix':<16} {mix / 1000:>10,.0f}k (shares weighted)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--paths-file", type=Path, required=True)
    parser.add_argument("--per-kind", type=int, default=100)
    parser.add_argument("--kinds", nargs="*", help="kinds to count (all by default)")
    parser.add_argument("--helper", type=Path, help=argparse.SUPPRESS)  # set under valgrind
    args = parser.parse_args()
    every = json.loads(args.paths_file.read_text())
    kinds = {kind: every[kind][: args.per_kind] for kind in (args.kinds or every)}
    if args.helper:
        asyncio.run(measured(args.database_url, kinds, args.helper))
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        command = [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={directory}/callgrind.out.%p",
            sys.executable,
            "-m",
            "tests.bench.instructions",
            *sys.argv[1:],
            "--helper",
            str(build_helper(directory)),
        ]
        environment = {**os.environ, "PYTHONHASHSEED": "0"}  # steadier dict layouts
        subprocess.run(command, check=True, env=environment, stderr=subprocess.DEVNULL)
        report(totals(directory))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
