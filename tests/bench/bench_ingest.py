"""End-to-end ingestion throughput: ``broadsheet ingest`` into a new, empty database.

    uv run python tests/bench/bench_ingest.py [--backend sqlite|postgresql ...] [--runs 1]
        [--jobs 2] [--data DIR] [--project DIR] [--check]

Each run starts the command as a user would (``uv run broadsheet ingest
--section-from-folder DIR``, so process start, migrations and the knowledge snapshots are
included) against a database made for it: a new SQLite file, or a new PostgreSQL database
on 127.0.0.1 (dropped afterwards). Prints articles stored, wall time, articles/s, the CPU
seconds of the command's processes (less sensitive to other load than wall time) and the
load average before and after. ``--project`` times another checkout of the project (say,
main unpacked with ``git archive``) on the same data, for a before-and-after pair.
"""

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

PROJECT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = PROJECT.parent / "shared" / "data" / "bbc"
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


@contextmanager
def fresh_database(backend: str, n: int) -> Iterator[str]:
    """The URL of a new, empty database, removed afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="bench-ingest-") as folder:
            yield f"sqlite:///{folder}/ingest.db"
        return
    name = f"bench_ingest_{os.getpid()}_{n}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def run_once(url: str, args: argparse.Namespace) -> dict[str, float | str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    env["BROADSHEET_DATABASE_URL"] = url
    command = ["uv", "run", "broadsheet", "ingest", "--section-from-folder"]
    command += ["--jobs", str(args.jobs), str(args.data.resolve())]
    load_before = os.getloadavg()[0]
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=args.project, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    summary = done.stdout.strip().splitlines()[-1]
    created = re.search(r"(\d+) created", summary)
    assert created is not None, summary
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    result: dict[str, float | str] = {
        "stored": int(created.group(1)),
        "wall": wall,
        "cpu": cpu,
        "load": f"{load_before:.1f}->{os.getloadavg()[0]:.1f}",
        "summary": summary,
    }
    if args.check:
        checked = subprocess.run(
            ["uv", "run", "broadsheet", "check"], cwd=args.project, env=env, capture_output=True
        )
        result["check"] = "no drift" if checked.returncode == 0 else "DRIFT"
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--backend", action="append", choices=("sqlite", "postgresql"), help="repeatable"
    )
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--project", type=Path, default=PROJECT, help="checkout to time")
    parser.add_argument("--check", action="store_true", help="run `broadsheet check` after")
    args = parser.parse_args()
    print(f"project {args.project}, data {args.data}, --jobs {args.jobs}")
    for backend in args.backend or ["sqlite"]:
        for n in range(args.runs):
            with fresh_database(backend, n) as url:
                r = run_once(url, args)
            rate = float(r["stored"]) / float(r["wall"])
            print(
                f"{backend:10} stored {r['stored']:>5}  wall {float(r['wall']):6.1f} s  "
                f"{rate:6.1f} articles/s  cpu {float(r['cpu']):6.1f} s  load {r['load']}"
                + (f"  check: {r['check']}" if "check" in r else "")
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
