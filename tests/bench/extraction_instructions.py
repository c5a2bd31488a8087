"""Instructions per BBC article of extraction, counted by callgrind.

    uv run python -m tests.bench.extraction_instructions [--every 5] [--data DIR]

Wall and CPU time on this shared 2-core machine move by a third between runs of the same
code; the instructions the process executes move by about 1%, so a change of a few percent
shows. Extracts every ``--every``-th article of the sorted BBC files (every 5th: 445) once
uninstrumented (lexicons load, caches warm), then again counted. Needs valgrind and cc
(``tests.bench.instructions`` builds the client-request helper).
"""

import argparse
import ctypes
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.bench_extraction import DEFAULT_DATA
from tests.bench.instructions import build_helper


def sample(data: Path, every: int) -> list[str]:
    paths = sorted(data.glob("*/*.txt"))[::every]
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def measured(texts: list[str], helper: Path) -> None:
    """Under callgrind: a warm-up pass, then one counted pass."""
    from app.extraction.pipeline import extract

    calls = ctypes.CDLL(str(helper))
    for text in texts:
        extract(text)
    calls.start()
    for text in texts:
        extract(text)
    calls.stop(f"extract {len(texts)}".encode())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--helper", type=Path, help=argparse.SUPPRESS)  # set under valgrind
    parser.add_argument("--keep", type=Path, help="copy the callgrind dump here")
    args = parser.parse_args()
    texts = sample(args.data, args.every)
    if args.helper:
        measured(texts, args.helper)
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        out = directory / "callgrind.out.%p"
        command = ["valgrind", "--tool=callgrind", "--instr-atstart=no"]
        command += [f"--callgrind-out-file={out}", sys.executable, "-m"]
        command += ["tests.bench.extraction_instructions", *sys.argv[1:]]
        command += ["--helper", str(build_helper(directory))]
        environment = {**os.environ, "PYTHONHASHSEED": "0"}  # steadier dict layouts
        subprocess.run(command, check=True, env=environment, stderr=subprocess.DEVNULL)
        for dump in directory.glob("callgrind.out.*"):
            text = dump.read_text(errors="replace")
            total = re.search(r"^totals: (\d+)", text, re.M)
            if "Client Request: extract" not in text:
                continue  # the dump at exit: nothing counted after the stop
            if total and args.keep:
                args.keep.write_text(text)
            if total:
                count = int(total.group(1)) / len(texts)
                print(f"{len(texts)} articles: {count / 1e6:,.2f}M instructions an article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
