"""Start a real `tonecheck serve` on a free loopback port for the HTTP API tests, and stop it again.

The server picks its own port (--port 0) and prints it; nothing else is assumed about the machine.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager

START_TIMEOUT = 90.0


@contextmanager
def running_server(*args: str, env: dict | None = None, cwd: str | None = None):
    """Yield the base URL (http://127.0.0.1:PORT) of a `tonecheck serve --port 0 ARGS...` started for the test."""
    full_env = _environment(env)
    proc = subprocess.Popen([sys.executable, "-m", "tonecheck", "serve", "--port", "0", "--workers", "2", *args],
                            env=full_env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        yield _wait_for_address(proc)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()


def _environment(env: dict | None) -> dict:
    """This environment without an API key of its own, plus the test's variables; always in-process."""
    out = {k: v for k, v in os.environ.items() if k != "TONECHECK_API_KEY"}
    out.update(TONECHECK_NO_SERVER="1", **(env or {}))
    return out


def _wait_for_address(proc) -> str:
    deadline = time.monotonic() + START_TIMEOUT
    seen = []
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line and proc.poll() is not None:
            raise RuntimeError("tonecheck serve exited during start:\n" + "".join(seen))
        seen.append(line)
        m = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
        if m:
            return m.group(1)
    raise RuntimeError("tonecheck serve did not start in time:\n" + "".join(seen))


def start_failure(*args: str, env: dict | None = None) -> tuple[int, str]:
    """(exit code, standard error) of a `tonecheck serve ARGS...` expected to refuse to start."""
    full_env = _environment(env)
    port = [] if "--port" in args else ["--port", "0"]
    done = subprocess.run([sys.executable, "-m", "tonecheck", "serve", *port, *args], env=full_env,
                          capture_output=True, text=True, timeout=60)
    return done.returncode, done.stderr


def call(url: str, body: bytes | None = None, content_type: str | None = None, headers: dict | None = None,
         method: str | None = None) -> tuple[int, dict, dict]:
    """(status, JSON answer, response headers) of one request; error statuses are answers too."""
    req = urllib.request.Request(url, data=body, method=method or ("POST" if body is not None else "GET"))
    if content_type:
        req.add_header("Content-Type", content_type)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, json.loads(resp.read()), dict(resp.headers)
    except urllib.error.HTTPError as exc:
        raw = exc.read()
        return exc.code, json.loads(raw), dict(exc.headers)


def form(**fields) -> bytes:
    return urllib.parse.urlencode(fields).encode("ascii")
