"""The Dockerfile's steps, run outside Docker: its ``uv sync`` into a directory standing for
the image, then its CMD, probed with its HEALTHCHECK command until healthy.

Paths the image uses (WORKDIR, VOLUME, the uv environment) live under a temporary root;
the exposed port becomes a free one. Steps that need root (``useradd``) are skipped, and
the uv binary is the host's (its pinned version is printed next to the host's).

    uv run python -m tests.container.check_dockerfile
"""

import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

PROJECT = Path(__file__).resolve().parents[2]
IGNORED = shutil.ignore_patterns("__pycache__", "*.db", "*.db-*")


class CheckFailed(AssertionError):
    pass


@dataclass
class Image:
    """What the Dockerfile says, in order."""

    steps: list[tuple[str, str]] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    volumes: list[str] = field(default_factory=list)
    workdir: str = "/"
    port: int = 0
    health: list[str] = field(default_factory=list)
    health_options: dict[str, str] = field(default_factory=dict)
    command: list[str] = field(default_factory=list)
    froms: list[str] = field(default_factory=list)


def instructions(text: str) -> list[tuple[str, str]]:
    kept = (line for line in text.splitlines() if not line.lstrip().startswith("#"))
    joined = re.sub(r"\\\n", " ", "\n".join(kept))
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "")
        for line in (raw.strip() for raw in joined.splitlines())
        if line
    ]


def parse(text: str) -> Image:
    image = Image()
    for keyword, args in instructions(text):
        if keyword == "FROM":
            image.froms.append(args.split()[0])
        elif keyword == "ENV":
            for pair in shlex.split(args):
                key, value = pair.split("=", 1)
                image.env[key] = value
        elif keyword == "WORKDIR":
            image.workdir = args
        elif keyword == "VOLUME":
            image.volumes += json.loads(args)
        elif keyword == "EXPOSE":
            image.port = int(args.split("/")[0])
        elif keyword == "HEALTHCHECK":
            options, _, command = args.partition(" CMD ")
            image.health_options = dict(
                option.lstrip("-").split("=", 1) for option in options.split()
            )
            image.health = json.loads(command)
        elif keyword == "CMD":
            image.command = json.loads(args)
        elif keyword in ("COPY", "RUN"):
            image.steps.append((keyword, args))
    return image


def seconds(duration: str) -> float:
    units = {"ms": 0.001, "s": 1, "m": 60, "h": 3600}
    return sum(float(n) * units[u] for n, u in re.findall(r"([\d.]+)(ms|s|m|h)", duration))


class Sandbox:
    """The image's paths under ``root``; the exposed port mapped to ``port``."""

    def __init__(self, image: Image, root: Path, port: int) -> None:
        self.image, self.root, self.port = image, root, port
        prefixes = [image.workdir, *image.volumes, image.env.get("UV_PROJECT_ENVIRONMENT", "")]
        self.prefixes = sorted((p for p in prefixes if p.startswith("/")), key=len, reverse=True)

    def path(self, value: str) -> str:
        for prefix in self.prefixes:
            value = re.sub(
                rf"(?<![\w.]){re.escape(prefix)}(?=/|:|$|')", f"{self.root}{prefix}", value
            )
        return value.replace(f":{self.image.port}/", f":{self.port}/")

    def args(self, command: list[str]) -> list[str]:
        return [str(self.port) if a == str(self.image.port) else self.path(a) for a in command]

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BROADSHEET_", "UV_"))}
        # The host's PATH minus any virtual environment, as a shell outside one has it.
        venv = env.pop("VIRTUAL_ENV", None) or sys.prefix
        path = os.pathsep.join(
            p for p in os.environ.get("PATH", "").split(os.pathsep) if not p.startswith(venv)
        )
        for key, value in self.image.env.items():
            env[key] = self.path(value).replace("$PATH", path)
        return env

    @property
    def workdir(self) -> Path:
        return Path(self.path(self.image.workdir))


def build(image: Image, sandbox: Sandbox) -> None:
    """COPY from the project and run every ``uv`` RUN step, in the Dockerfile's order."""
    for volume in image.volumes:
        Path(sandbox.path(volume)).mkdir(parents=True, exist_ok=True)
    sandbox.workdir.mkdir(parents=True, exist_ok=True)
    for keyword, args in image.steps:
        words = shlex.split(args)
        if keyword == "COPY" and not words[0].startswith("--from"):
            *sources, target = words
            for source in sources:
                _copy(PROJECT / source, sandbox.workdir / target, into=target.endswith("/"))
        elif keyword == "RUN" and words[0] == "uv":
            started = time.monotonic()
            done = subprocess.run(
                words, cwd=sandbox.workdir, env=sandbox.env(), capture_output=True, text=True
            )
            if done.returncode:
                raise CheckFailed(f"RUN {args} failed:\n{done.stderr}")
            print(f"RUN {args}: {time.monotonic() - started:.1f} s", flush=True)


def _copy(source: Path, target: Path, into: bool) -> None:
    if source.is_dir():
        shutil.copytree(source, target, ignore=IGNORED, dirs_exist_ok=True)
        return
    if into:
        target.mkdir(parents=True, exist_ok=True)
        target = target / source.name
    shutil.copy2(source, target)


def health_check(image: Image, sandbox: Sandbox) -> bool:
    timeout = seconds(image.health_options.get("timeout", "30s"))
    try:
        return (
            subprocess.run(
                sandbox.args(image.health), env=sandbox.env(), capture_output=True, timeout=timeout
            ).returncode
            == 0
        )
    except subprocess.TimeoutExpired:
        return False


def serve_and_probe(image: Image, sandbox: Sandbox, limit: float = 300) -> float:
    """Run CMD until its health check passes; seconds it took. Then stop it, and the health
    check must fail: one that cannot fail checks nothing."""
    started = time.monotonic()
    server = subprocess.Popen(
        sandbox.args(image.command),
        cwd=sandbox.workdir,
        env=sandbox.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        healthy = _until_healthy(image, sandbox, server, started, limit)
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)  # what `docker stop` sends
        output, _ = server.communicate(timeout=60)
    if healthy is None:
        raise CheckFailed(f"CMD never passed its health check:\n{output}")
    if health_check(image, sandbox):
        raise CheckFailed("the health check passes with the server stopped")
    return healthy


def _until_healthy(
    image: Image, sandbox: Sandbox, server: subprocess.Popen[str], started: float, limit: float
) -> float | None:
    answered = 0  # failed health checks while the server itself answers /health
    retries = int(image.health_options.get("retries", "3"))
    while time.monotonic() < started + limit and server.poll() is None:
        if health_check(image, sandbox):
            return time.monotonic() - started
        if _answers(sandbox.port):
            answered += 1
            if answered > retries:
                return None
        time.sleep(0.5)
    return None


def _answers(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def main() -> None:
    image = parse((PROJECT / "Dockerfile").read_text())
    host_uv = subprocess.run(["uv", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"images {', '.join(image.froms)}; host {host_uv}", flush=True)
    with tempfile.TemporaryDirectory(prefix="image-") as root:
        sandbox = Sandbox(image, Path(root), free_port())
        build(image, sandbox)
        python = Path(sandbox.path(image.env["UV_PROJECT_ENVIRONMENT"])) / "bin" / "python"
        print(subprocess.run([python, "--version"], capture_output=True, text=True).stdout)
        took = serve_and_probe(image, sandbox)
    start_period = seconds(image.health_options.get("start-period", "0s"))
    print(f"healthy after {took:.1f} s (start period {start_period:.0f} s); stopped; ok")


if __name__ == "__main__":
    try:
        main()
    except CheckFailed as exc:
        sys.exit(f"check failed: {exc}")
