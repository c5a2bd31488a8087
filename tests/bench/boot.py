"""Cold starts of ``broadsheet serve``: time to the first ``/health`` and workers restarted.

Each run starts the server anew on a database already migrated and seeded (what a restart
meets), polls ``/health`` every 20 ms, waits until every worker has logged its start-up plus
a few seconds more, then sends SIGTERM. Prints one line a run and a summary, with the load
average. ``--busy N`` keeps N other processes spinning meanwhile.

    uv run python -m tests.bench.boot --workers 4 --runs 10 --busy 1
"""

import argparse
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

PROJECT = Path(__file__).resolve().parents[2]
STARTED = "Application startup complete"


@dataclass
class Run:
    first_health: float
    all_started: float | None
    cpu_seconds: float  # of the server's processes once all started: the load-free figure
    worker_cpu: float  # of the workers alone, each
    died: int
    stop_seconds: float


def _tree_cpu(pid: int) -> float:
    """User + system CPU seconds of a process and its live descendants."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(_tree_cpu(int(child)) for child in children)


def _broadsheet() -> str:
    script = Path(sys.executable).with_name("broadsheet")
    return str(script) if script.exists() else shutil.which("broadsheet") or "broadsheet"


def _drain(stream: object, lines: list[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.append(line)


def one_run(env: dict[str, str], cwd: Path, workers: int, port: int, settle: float) -> Run:
    start = time.monotonic()
    process = subprocess.Popen(
        [_broadsheet(), "serve", "--port", str(port), "--workers", str(workers), "--no-access-log"],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=_drain, args=(process.stdout, lines), daemon=True)
    reader.start()
    try:
        first = _first_health(port, process, start)
        all_started = _all_started(lines, workers, start)
        cpu = _tree_cpu(process.pid)
        workers_now = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text()
        worker_cpu = sum(_tree_cpu(int(pid)) for pid in workers_now.split()) / workers
        time.sleep(settle)  # a worker killed late still shows
    finally:
        stopping = time.monotonic()
        tree = _descendants(process.pid)
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for pid in tree:  # none left behind, whatever happened to their parent
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    stop_seconds = time.monotonic() - stopping
    reader.join(timeout=5)
    died = sum("died" in line for line in lines)
    return Run(first, all_started, cpu, worker_cpu, died, stop_seconds)


def _all_started(lines: list[str], workers: int, start: float) -> float | None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if sum(STARTED in line for line in lines) >= workers:
            return time.monotonic() - start
        time.sleep(0.02)
    return None


def _descendants(pid: int) -> list[int]:
    try:
        children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return [pid for child in children for pid in (child, *_descendants(child))]


def _first_health(port: int, process: subprocess.Popen[str], start: float) -> float:
    url = f"http://127.0.0.1:{port}/health"
    while time.monotonic() - start < 300:
        if process.poll() is not None:
            raise RuntimeError(f"serve exited with {process.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return time.monotonic() - start
        except httpx.TransportError:
            time.sleep(0.02)
    raise TimeoutError("no /health in 300 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--busy", type=int, default=0, help="spinning processes meanwhile")
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--settle", type=float, default=3.0, help="seconds after all started")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="boot-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    env["BROADSHEET_DATABASE_URL"] = f"sqlite:///{work / 'boot.db'}"
    env["BROADSHEET_SEED_DIR"] = str(PROJECT / "seed")
    subprocess.run([_broadsheet(), "seed"], cwd=work, env=env, check=True, capture_output=True)
    busy = [subprocess.Popen(["yes"], stdout=subprocess.DEVNULL) for _ in range(args.busy)]
    runs: list[Run] = []
    try:
        for number in range(args.runs):
            run = one_run(env, work, args.workers, args.port, args.settle)
            runs.append(run)
            started = f"{run.all_started:.2f}" if run.all_started else "never"
            print(
                f"run {number + 1}: first /health {run.first_health:.2f} s, all {args.workers} "
                f"started {started} s, CPU {run.cpu_seconds:.1f} s "
                f"({run.worker_cpu:.2f} s a worker), died {run.died}, "
                f"stopped in {run.stop_seconds:.2f} s",
                flush=True,
            )
    finally:
        for spinner in busy:
            spinner.kill()
            spinner.wait()
        shutil.rmtree(work, ignore_errors=True)
    firsts = [run.first_health for run in runs]
    print(
        f"--workers {args.workers}, {args.runs} runs, busy {args.busy}: first /health median "
        f"{statistics.median(firsts):.2f} s (min {min(firsts):.2f}, max {max(firsts):.2f}); "
        f"CPU median {statistics.median(run.cpu_seconds for run in runs):.1f} s, "
        f"{statistics.median(run.worker_cpu for run in runs):.2f} s a worker; "
        f"died {sum(run.died for run in runs)}; load average {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
