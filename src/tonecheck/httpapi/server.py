"""Runs the app in Gunicorn: a master that builds the warm pipeline once, and worker processes forked from it.

Why Gunicorn's pre-fork sync workers (and not threads, asyncio, or the standard library's server): checking is
CPU-bound Python, so threads would take turns on one interpreter lock; and tonecheck's per-file time budget
(tonecheck.budget) interrupts a check with a CPU-time signal, which only a process's main thread receives. A sync
worker handles one request at a time on its main thread, so the budget works exactly as on the command line, and
N workers check N drafts at once on N cores. With preload_app the master imports tonecheck, builds the spaCy
pipeline, the engines and the named brand guides (tonecheck.resident.warm, as the resident server does) before it
forks: each worker starts warm and shares that memory copy-on-write, and a worker that dies (Gunicorn kills one
silent past its timeout) is replaced by a fork that is warm too. Gunicorn also bounds request lines and headers and
shuts down gracefully on SIGTERM/SIGINT. Requests wait in the listen backlog while every worker is busy.
"""
from __future__ import annotations

import logging
import sys
from dataclasses import dataclass

from gunicorn.app.base import BaseApplication

log = logging.getLogger("tonecheck.serve")
WORKER_TIMEOUT = 60         # seconds a worker may stay silent (one request) before Gunicorn replaces it


@dataclass
class Listen:
    host: str
    port: int
    workers: int


class TonecheckServer(BaseApplication):
    """Gunicorn, configured in code (no gunicorn.conf.py is read), serving `build_app()`'s app."""

    def __init__(self, build_app, listen: Listen):
        self._build_app = build_app
        self._listen = listen
        super().__init__()

    def load_config(self):
        host = self._listen.host
        bind = f"[{host}]:{self._listen.port}" if ":" in host else f"{host}:{self._listen.port}"
        settings = {
            "bind": [bind], "workers": self._listen.workers, "worker_class": "sync", "preload_app": True,
            "timeout": WORKER_TIMEOUT, "graceful_timeout": 10, "keepalive": 2, "backlog": 2048,
            "limit_request_line": 8190, "limit_request_fields": 100, "limit_request_field_size": 8190,
            "accesslog": None, "errorlog": "-", "loglevel": "warning", "proc_name": "tonecheck-serve",
            "when_ready": _announce, "control_socket_disable": True,
        }
        for key, value in settings.items():
            if key in self.cfg.settings:            # settings newer than the oldest Gunicorn we accept are skipped
                self.cfg.set(key, value)

    def load(self):
        return self._build_app()


def _announce(arbiter) -> None:
    """One line on standard error once the port accepts connections (the real port when --port 0 was asked)."""
    for listener in arbiter.LISTENERS:
        host, port = listener.sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        print(f"tonecheck serve: listening on http://{shown}:{port} ({arbiter.num_workers} workers)",
              file=sys.stderr, flush=True)


def run(build_app, listen: Listen) -> None:
    """Serve until SIGTERM or SIGINT (Gunicorn's master loop)."""
    TonecheckServer(build_app, listen).run()
