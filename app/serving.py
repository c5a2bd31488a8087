"""Worker processes for ``broadsheet serve --workers N``.

The parent imports and builds the application once, then forks its workers: a worker serves
as soon as its lifespan has run, instead of starting a fresh interpreter that imports
everything again. uvicorn's own supervisor spawns fresh interpreters and kills a worker
that has not answered its ping within a timeout: with 4 workers on 2 cores, each importing
for 2 s of CPU at once, the first answer came after 12.6 s and every start logged a worker
killed while still importing.

Liveness is the event loop's own: a worker writes a heartbeat byte to its pipe about once a
second from uvicorn's main loop, which only runs once start-up is complete. A worker that
has not served yet is never judged; one whose loop stops beating for ``worker_timeout``
seconds is killed and replaced.
"""

import logging
import os
import select
import signal
import time
from dataclasses import dataclass
from socket import socket
from types import FrameType

import uvicorn
from uvicorn.config import STARTUP_FAILURE

logger = logging.getLogger("uvicorn.error")

HEARTBEAT_SECONDS = 1.0
# What a worker's in-flight requests get beyond the graceful deadline before SIGKILL.
KILL_MARGIN_SECONDS = 10.0


class _Worker(uvicorn.Server):
    """A uvicorn server whose main loop (ticking every 0.1 s) beats on a pipe."""

    def __init__(self, config: uvicorn.Config, heartbeat: int) -> None:
        super().__init__(config)
        self._heartbeat = heartbeat
        self._last_beat = 0.0

    async def on_tick(self, counter: int) -> bool:
        now = time.monotonic()
        if now - self._last_beat >= HEARTBEAT_SECONDS:
            self._last_beat = now
            try:
                os.write(self._heartbeat, b".")
            except BlockingIOError:  # the parent is behind; one unread byte says as much
                pass
            except BrokenPipeError:  # the parent is gone (SIGKILLed): stop, as it would ask
                logger.error("Worker [%d]: parent process gone, stopping", os.getpid())
                self.should_exit = True
        return await super().on_tick(counter)


@dataclass
class _Child:
    pid: int
    heartbeat: int  # the parent's read end
    last_beat: float | None = None  # None until the worker serves


class Supervisor:
    def __init__(self, config: uvicorn.Config, workers: int, worker_timeout: float) -> None:
        self.config = config
        self.workers = workers
        self.worker_timeout = worker_timeout
        self.children: dict[int, _Child] = {}
        self.stopping = False
        self.exit_code = 0

    def run(self) -> int:
        sock = self.config.bind_socket()
        self.config.load()  # imported and built here, once, for every worker to inherit
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._on_signal)
        logger.info("Started parent process [%d]", os.getpid())
        for _ in range(self.workers):
            self._start(sock)
        while not self.stopping:
            self._listen(timeout=0.5)
            self._reap(sock)
        self._stop_all()
        logger.info("Stopping parent process [%d]", os.getpid())
        return self.exit_code

    def _on_signal(self, sig: int, _frame: FrameType | None) -> None:
        logger.info("Received %s, stopping the workers", signal.Signals(sig).name)
        self.stopping = True

    def _start(self, sock: socket) -> None:
        read_end, write_end = os.pipe()
        os.set_blocking(read_end, False)
        os.set_blocking(write_end, False)
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            self._run_worker(sock, write_end)
        os.close(write_end)
        self.children[pid] = _Child(pid, read_end)

    def _run_worker(self, sock: socket, heartbeat: int) -> None:
        """In the forked child: serve until told to stop; never returns."""
        for child in self.children.values():
            os.close(child.heartbeat)
        for sig in (signal.SIGTERM, signal.SIGINT):  # uvicorn installs its own while serving
            signal.signal(sig, signal.SIG_DFL)
        code = 1
        try:
            server = _Worker(self.config, heartbeat)
            server.run(sockets=[sock])
            code = 0 if server.started else STARTUP_FAILURE
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            logger.exception("Worker [%d] failed", os.getpid())
        finally:
            os._exit(code)

    def _listen(self, timeout: float) -> None:
        by_fd = {child.heartbeat: child for child in self.children.values()}
        ready, _, _ = select.select(list(by_fd), [], [], timeout)
        now = time.monotonic()
        for fd in ready:
            if os.read(fd, 1024):  # empty: the worker exited, reaped next
                by_fd[fd].last_beat = now
        for child in self.children.values():
            # Read before judged: a parent that was itself starved reads every beat first.
            if child.last_beat is not None and now - child.last_beat > self.worker_timeout:
                logger.error(
                    "Worker [%d] unresponsive for %.0f s: killed", child.pid, now - child.last_beat
                )
                os.kill(child.pid, signal.SIGKILL)
                child.last_beat = None

    def _reap(self, sock: socket | None) -> None:
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            child = self.children.pop(pid, None)
            if child is None:
                continue
            os.close(child.heartbeat)
            code = os.waitstatus_to_exitcode(status)
            if self.stopping or sock is None:
                continue
            if code == STARTUP_FAILURE:
                # The application cannot start (bad settings, database unreachable): every
                # replacement would fail the same way.
                logger.error("Worker [%d] failed to start: stopping", pid)
                self.stopping = True
                self.exit_code = STARTUP_FAILURE
                return
            logger.warning("Worker [%d] died (exit %d): starting another", pid, code)
            self._start(sock)

    def _stop_all(self) -> None:
        for pid in self.children:
            os.kill(pid, signal.SIGTERM)
        grace = (self.config.timeout_graceful_shutdown or 0) + KILL_MARGIN_SECONDS
        deadline = time.monotonic() + grace
        while self.children and time.monotonic() < deadline:
            time.sleep(0.05)
            self._reap(None)
        for pid in list(self.children):
            logger.error("Worker [%d] still running %.0f s after SIGTERM: killed", pid, grace)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(self.children.pop(pid).heartbeat)


def serve(config: uvicorn.Config, workers: int, worker_timeout: float) -> int:
    """Serve ``config`` in this process (one worker) or in forked workers; the exit code."""
    if workers == 1:
        server = uvicorn.Server(config)
        server.run()
        return 0 if server.started else STARTUP_FAILURE
    return Supervisor(config, workers, worker_timeout).run()
