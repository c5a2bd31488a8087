"""Load and fault trial for the write path: concurrent ingests, HTTP writers and readers, and
a ``kill -9`` of one ingest, then a count of what went wrong.

    uv run python -m tests.bench.fault --database-url sqlite:////tmp/fault.db
    uv run python -m tests.bench.fault --database-url postgresql+psycopg://postgres@127.0.0.1:5432/fault

The database should be new and empty. Runs N ``broadsheet ingest`` processes over disjoint
parts of ../shared/data/bbc (the first with ``--jobs 2``, killed with SIGKILL a third of the
way in), HTTP writers (POST, same-title POST, the same text POSTed twice at once,
reextract, DELETE on a small shared pool of ids so they collide) against
``broadsheet serve --workers 2``, and readers; everything on 127.0.0.1, bounded by
``--duration`` and ``TIMEOUT``. Prints statuses per operation, lost and duplicated
articles, orphaned worker processes and the drift ``broadsheet check`` reports.
"""

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from app.migrate import upgrade
from tests.bench import servers

BBC = servers.PROJECT.parent / "shared" / "data" / "bbc"
KEY = "fault-key"
TIMEOUT = 900.0  # seconds: an ingest still running then is reported and killed
TWIN_EVERY = 5


DROPPED = 599  # recorded when the server closed the connection instead of answering


class Client(httpx.Client):
    """A client that records a dropped connection as a status instead of raising."""

    def request(self, *args: Any, **kwargs: Any) -> httpx.Response:
        try:
            return super().request(*args, **kwargs)
        except httpx.TransportError:
            return httpx.Response(DROPPED)


class Trial:
    """Shared state of the HTTP writers and readers."""

    def __init__(self, base: str, texts: list[str]) -> None:
        self.base = base
        self.texts = texts
        self.twin_texts = list(texts[-50:])
        self.lock = threading.Lock()
        self.statuses: Counter[tuple[str, int]] = Counter()
        self.pool: list[int] = []  # ids writers may reextract or delete
        self.acked: set[int] = set()  # ids the server said it stored
        self.deleted: set[int] = set()
        self.twins: dict[str, set[int]] = {}  # text posted twice at once -> ids returned
        self.stop = threading.Event()

    def next_text(self) -> str:
        with self.lock:
            return self.texts.pop() if self.texts else ""

    def record(self, op: str, response: httpx.Response) -> None:
        with self.lock:
            self.statuses[op, response.status_code] += 1


def _post(trial: Trial, client: httpx.Client, op: str, text: str, title: str | None) -> int | None:
    headers = {"X-API-Key": KEY}
    if title:
        response = client.post("/articles", json={"title": title, "text": text}, headers=headers)
    else:
        headers["Content-Type"] = "text/plain"
        response = client.post("/articles", content=text, headers=headers)
    trial.record(op, response)
    if response.status_code in (200, 201):
        article_id = int(response.json()["id"])
        with trial.lock:
            trial.acked.add(article_id)
        return article_id
    return None


def writer(trial: Trial, twin_gate: threading.Barrier) -> None:
    rng = random.Random()
    with Client(base_url=trial.base, timeout=120) as client:
        n = 0
        while not trial.stop.is_set():
            n += 1
            if n % TWIN_EVERY == 0:  # every writer posts one shared text at the same moment
                try:
                    twin_gate.wait(timeout=30)
                except threading.BrokenBarrierError:
                    return
                text = f"Twin {n}.\n\n" + trial.twin_texts[n % len(trial.twin_texts)]
                article_id = _post(trial, client, "post_same_text", text, None)
                with trial.lock:
                    trial.twins.setdefault(text, set()).add(article_id or 0)
                continue
            op = rng.choice(["post", "post_same_title", "reextract", "delete", "delete"])
            with trial.lock:
                recent = trial.pool[-4:]
            if op in ("reextract", "delete") and recent:
                article_id = rng.choice(recent)
                url = f"/articles/{article_id}"
                if op == "delete":
                    response = client.delete(url, headers={"X-API-Key": KEY})
                    if response.status_code == 204:
                        with trial.lock:
                            trial.deleted.add(article_id)
                            trial.pool.remove(article_id)
                else:
                    response = client.post(f"{url}/reextract", headers={"X-API-Key": KEY})
                trial.record(op, response)
                continue
            text = trial.next_text()
            if not text:
                break
            title = "Markets update" if op == "post_same_title" else None
            created = _post(trial, client, "post_same_title" if title else "post", text, title)
            if created is not None:
                with trial.lock:
                    trial.pool.append(created)
    twin_gate.abort()


def reader(trial: Trial) -> None:
    paths = ["/articles?limit=20", "/entities?limit=20", "/search?q=market", "/countries"]
    with Client(base_url=trial.base, timeout=120) as client:
        while not trial.stop.is_set():
            with trial.lock:
                some = random.choice(trial.pool) if trial.pool else 1
            path = random.choice([*paths, f"/articles/{some}"])
            trial.record("read", client.get(path))


def cli(*args: str) -> list[str]:
    # The console script: uvicorn's workers do not start under ``python -m app.cli``.
    return [str(Path(sys.executable).parent / "broadsheet"), *args]


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def start_ingests(files: list[Path], n: int, env: dict[str, str]) -> list[subprocess.Popen[str]]:
    procs = []
    for i in range(n):
        jobs = "2" if i == 0 else "1"  # the one to be killed runs a worker pool
        part = [str(f) for f in files[i::n]]
        procs.append(
            subprocess.Popen(
                cli("ingest", "--jobs", jobs, *part),
                cwd=servers.PROJECT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
        )
    return procs


def kill_victim(victim: subprocess.Popen[str], after: float) -> list[int]:
    """SIGKILL the victim ingest once it has run ``after`` seconds and started its worker
    pool; the pids of its workers still alive 5 s later."""
    time.sleep(after)
    deadline = time.monotonic() + 120
    while not (workers := children(victim.pid)) and time.monotonic() < deadline:
        if victim.poll() is not None:
            return []
        time.sleep(0.2)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait()
    time.sleep(5)
    return [w for w in workers if alive(w)]


def ingest_report(
    procs: list[subprocess.Popen[str]], files: list[Path], env: dict[str, str]
) -> int:
    """Print each surviving ingest's outcome; ingest its part again: whatever that creates
    was acknowledged as stored (or failed) the first time but is missing: lost."""
    lost = 0
    for i, proc in enumerate(procs[1:], start=1):
        try:
            out, err = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
        summary = out.strip().splitlines()[-1] if out.strip() else f"exit {proc.returncode}"
        causes = Counter(line.split(": ", 2)[-1] for line in err.splitlines() if "failed:" in line)
        print(f"ingest {i}: {summary}; failures: {dict(causes) or 'none'}")
        failed = int(found.group(1)) if (found := re.search(r"(\d+) failed", summary)) else 0
        again = subprocess.run(
            cli("ingest", "--jobs", "1", *map(str, files[i :: len(procs)])),
            cwd=servers.PROJECT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        created = int(again.stdout.strip().splitlines()[-1].split()[0]) if again.stdout else 0
        lost += max(created - failed, 0)
    return lost


def http_report(trial: Trial, base: str) -> tuple[int, int]:
    """Articles acknowledged and never deleted that are gone; texts stored twice."""
    with Client(base_url=base, timeout=120) as client:
        kept = trial.acked - trial.deleted
        lost = sum(client.get(f"/articles/{i}").status_code == 404 for i in sorted(kept))
    duplicated = sum(len(ids - {0}) - 1 for ids in trial.twins.values() if len(ids - {0}) > 1)
    return lost, duplicated


def check(env: dict[str, str]) -> str:
    done = subprocess.run(
        cli("check"), cwd=servers.PROJECT, env=env, capture_output=True, text=True, check=False
    )
    drifts = sum(line.startswith("drift:") for line in done.stdout.splitlines())
    return f"{drifts} entities drifted (check exit {done.returncode})"


def _environment(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    env |= {"BROADSHEET_DATABASE_URL": url, "BROADSHEET_API_KEY": KEY}
    return env | {"BROADSHEET_RESPONSE_CACHE_MB": "0", "PYTHONPATH": str(servers.PROJECT)}


def _server(port: int) -> list[str]:
    # What ``broadsheet serve --workers 2 --no-access-log`` runs after migrating, with a
    # longer worker health check: on a loaded 2-core machine uvicorn's 5 s default killed
    # workers still importing, over and over.
    serve = [str(Path(sys.executable).parent / "uvicorn"), "app.main:create_app", "--factory"]
    serve += ["--host", servers.HOST, "--port", str(port), "--workers", "2"]
    return [*serve, "--no-access-log", "--timeout-worker-healthcheck", "120"]


def run(args: argparse.Namespace, env: dict[str, str]) -> tuple[Trial, dict[str, int]]:
    """The trial itself; its shared state and the figures counted afterwards."""
    sport = sorted((args.corpus / "sport").glob("*.txt"))[: args.files]
    business = sorted((args.corpus / "business").glob("*.txt"))
    base = f"http://{servers.HOST}:{args.port}"
    with servers.running(_server(args.port), f"{base}/ready", env):
        started = time.monotonic()
        trial = Trial(base, [p.read_text(encoding="utf-8", errors="replace") for p in business])
        procs = start_ingests(sport, args.ingests, env)
        gate = threading.Barrier(args.writers)
        threads = [threading.Thread(target=writer, args=(trial, gate)) for _ in range(args.writers)]
        threads += [threading.Thread(target=reader, args=(trial,)) for _ in range(args.readers)]
        for thread in threads:
            thread.start()
        orphans = kill_victim(procs[0], args.duration / 3)
        time.sleep(max(0.0, args.duration - (time.monotonic() - started)))
        trial.stop.set()
        gate.abort()
        for thread in threads:
            thread.join(TIMEOUT)
        lost_ingest = ingest_report(procs, sport, env)
        lost_http, duplicated = http_report(trial, base)
    for pid in orphans:  # leave nothing behind
        os.kill(pid, signal.SIGKILL)
    figures = {"lost_http": lost_http, "lost_ingest": lost_ingest, "duplicated": duplicated}
    return trial, figures | {"orphans": len(orphans)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--ingests", type=int, default=4)
    parser.add_argument("--files", type=int, default=160, help="BBC files for the ingests")
    parser.add_argument("--duration", type=float, default=40, help="seconds of HTTP traffic")
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8311)
    parser.add_argument("--corpus", type=Path, default=BBC, help="the BBC folder")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}")
        return 2
    upgrade(args.database_url)
    env = _environment(args.database_url)
    started = time.monotonic()
    trial, figures = run(args, env)
    print(f"backend: {args.database_url.split(':')[0]}, {time.monotonic() - started:.0f} s")
    by_status: Counter[int] = Counter()
    for (op, status), n in sorted(trial.statuses.items()):
        print(f"  {op:<16} {status}: {n}")
        by_status[status] += n
    failed = sum(n for status, n in by_status.items() if status >= 500)
    statuses = dict(sorted(by_status.items()))
    print(f"HTTP 5xx: {failed}; all statuses: {statuses} ({DROPPED}: connection dropped)")
    print(f"lost articles: {figures['lost_http']} via HTTP, {figures['lost_ingest']} via ingest")
    print(f"duplicated articles (same text, two ids): {figures['duplicated']}")
    print(f"orphaned workers of the killed ingest: {figures['orphans']}")
    print(f"count drift: {check(env)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
