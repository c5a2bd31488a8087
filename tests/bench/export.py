"""Exports through a real server: rows, throughput and the worker's resident memory.

Starts ``broadsheet serve`` (one worker) on a database, streams each export URL with httpx
while sampling the worker's RSS, and prints one line per URL. Flat peak memory across
exports of very different sizes is the point: the server never holds an export whole.

    uv run python -m tests.bench.export --database-url sqlite:////path/20k.db \\
        '/mentions?type=country' '/mentions' '/quotes?format=csv'
"""

import argparse
import os
import subprocess
import threading
import time
from pathlib import Path

import httpx

from tests.bench.servers import HOST, broadsheet

PORT = 8765


def server_rss_mb(proc: subprocess.Popen[bytes]) -> float:
    """Resident memory of the largest process in the server's group (the serving one; with
    one worker ``broadsheet serve`` serves in its own process, not a ``python`` child)."""
    largest = 0.0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            if os.getpgid(int(status.parent.name)) != proc.pid:
                continue
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
        except (OSError, ValueError):
            continue
        largest = max(largest, int(fields.get("VmRSS", "0 kB").split()[0]) / 1024)
    return largest


def _export(url: str, proc: subprocess.Popen[bytes]) -> tuple[int, int, float, float]:
    """Lines, bytes, seconds and the peak worker RSS (MB) while streaming ``url``."""
    peak = [server_rss_mb(proc)]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak.append(server_rss_mb(proc))

    sampler = threading.Thread(target=sample)
    sampler.start()
    lines = size = 0
    started = time.perf_counter()
    headers = {"Accept": "application/x-ndjson"}
    with httpx.stream("GET", url, headers=headers, timeout=600) as response:
        response.raise_for_status()
        for chunk in response.iter_bytes():
            lines += chunk.count(b"\n")
            size += len(chunk)
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    return lines, size, elapsed, max(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("paths", nargs="+", help="list paths; NDJSON unless format= is given")
    args = parser.parse_args()
    with broadsheet(args.database_url, PORT, 1, "32") as proc:
        print(f"worker RSS at start: {server_rss_mb(proc):.0f} MB")
        print(f"{'path':<40} {'lines':>9} {'MB':>8} {'s':>7} {'lines/s':>9} {'peak RSS MB':>12}")
        for path in args.paths:
            lines, size, seconds, peak = _export(f"http://{HOST}:{PORT}{path}", proc)
            print(
                f"{path:<40} {lines:>9,} {size / 1e6:>8.1f} {seconds:>7.1f} "
                f"{lines / seconds:>9,.0f} {peak:>12.0f}"
            )


if __name__ == "__main__":
    main()
