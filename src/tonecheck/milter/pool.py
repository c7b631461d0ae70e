"""A pool of checker processes (milter/checker.py) with a wall-clock limit per message.

The milter's threads (one per SMTP session, libmilter's) each borrow a free checker for one message. No checker
free before the message's deadline is *overload*; no answer before it is a *timeout*: the checker is killed and a
new one started in the background (from multiprocessing's fork server, never by forking the threaded milter), so a
message that hangs a check costs one message's wait and never the pool. A checker that dies is replaced the same
way. The caller turns each of these into its fail-open (or tempfail) answer.
"""
from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import time
from dataclasses import dataclass

from .checker import CheckerSpec

log = logging.getLogger("tonecheck.milter")
START_SECONDS = 120.0       # building a checker's engine takes a few seconds; past this it is given up


class CheckFailed(Exception):
    """The message could not be checked in time (overload, timeout) or its checker died; str() says which."""

    def __init__(self, kind: str, detail: str):
        super().__init__(f"{kind}: {detail}")
        self.kind = kind


class StartError(Exception):
    """The checkers could not start (e.g. an invalid brand guide); the message is the reason."""


@dataclass(eq=False)          # compared and hashed by identity: kept in a set
class _Checker:
    process: multiprocessing.Process
    conn: object


class CheckerPool:
    def __init__(self, spec: CheckerSpec, size: int):
        self.spec = spec
        self.size = size
        self._ctx = multiprocessing.get_context("forkserver")
        # the fork server imports the engine's modules once; each checker forked from it starts from there
        self._ctx.set_forkserver_preload(["tonecheck.milter.checker", "tonecheck.runner", "tonecheck.engine"])
        self._free: queue.Queue[_Checker] = queue.Queue()
        self._all: set[_Checker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def start(self) -> None:
        """Start every checker and wait until each is warm; StartError if one cannot start."""
        pending = [self._spawn() for _ in range(self.size)]
        for checker in pending:
            self._await_ready(checker)
            self._free.put(checker)

    def check(self, data: bytes, internal: bool, deadline: float):
        """(error, findings) from a checker, or CheckFailed when `deadline` (time.monotonic()) passes first."""
        try:
            checker = self._free.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise CheckFailed("overload", f"no checker free within the time limit ({self.size} busy)") from None
        try:
            checker.conn.send((data, internal))
            if not checker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._replace(checker)
                raise CheckFailed("timeout", "no verdict within the time limit; its checker was restarted")
            _kind, answer = checker.conn.recv()
        except (EOFError, OSError, ValueError) as exc:
            self._replace(checker)
            raise CheckFailed("checker died", f"{type(exc).__name__}; restarted") from None
        self._free.put(checker)
        return answer

    def close(self) -> None:
        self._closed = True
        with self._lock:
            checkers = list(self._all)
        for checker in checkers:
            self._stop(checker)

    # --- starting and replacing checkers -----------------------------------------------------------------------

    def _spawn(self) -> _Checker:
        from .checker import serve

        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=serve, args=(child, self.spec), name="tonecheck-checker", daemon=True)
        process.start()
        child.close()
        checker = _Checker(process, parent)
        with self._lock:
            self._all.add(checker)
        return checker

    def _await_ready(self, checker: _Checker) -> None:
        try:
            ready = checker.conn.poll(START_SECONDS)
            kind, reason = checker.conn.recv() if ready else ("failed", "did not start in time")
        except (EOFError, OSError):
            kind, reason = "failed", f"exited with code {checker.process.exitcode}"
        if kind != "ready":
            self._stop(checker)
            raise StartError(f"a checker could not start: {reason}")

    def _replace(self, checker: _Checker) -> None:
        """Kill `checker` and start its successor in the background; it joins the free ones once warm."""
        self._stop(checker)
        if self._closed:
            return

        def respawn():
            try:
                fresh = self._spawn()
                self._await_ready(fresh)
            except Exception as exc:  # noqa: BLE001 - the pool goes on one checker short; said once
                log.error("could not restart a checker: %s", exc)
                return
            if self._closed:
                self._stop(fresh)
            else:
                self._free.put(fresh)

        threading.Thread(target=respawn, name="tonecheck-respawn", daemon=True).start()

    def _stop(self, checker: _Checker) -> None:
        with self._lock:
            self._all.discard(checker)
        try:
            checker.conn.close()
        except OSError:
            pass
        if checker.process.is_alive():
            checker.process.kill()
        checker.process.join(timeout=5)
