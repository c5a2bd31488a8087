"""Worker processes that end with the process that started them.

``kill -9`` of ``broadsheet ingest`` gives its pool no chance to shut down, and the idle
workers, blocked on a queue they hold both ends of, lived on as orphans. On Linux the kernel
signals each worker when its parent dies (``PR_SET_PDEATHSIG``); elsewhere a thread notices
the parent is gone.
"""

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 1.0


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def die_with_parent() -> None:
    """Pool initializer: end this process when its parent process dies."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            # The parent may have died before the request was made.
            if os.getppid() != parent or parent == 1:
                os._exit(1)
            return
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()
