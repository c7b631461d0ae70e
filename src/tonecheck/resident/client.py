"""The client side: hand a run, or a status/stop request, to a resident server.

Why: importing spaCy and building the pipeline costs more than a second at every start; a server that did it once
forks a warm child per request. Every `tonecheck` start imports this module (standard library only), so a run
without a server costs one stat() more than an in-process run and `--version` stays fast.

A run: one request (argv, cwd, environment, umask, stdio encodings, the code's fingerprint) sent with our stdin,
stdout and stderr file descriptors, which the server's child puts on its own 0/1/2: the run sees the same files,
terminal and pipes as in-process. Handshake: the child says `ready`, we say `go`; only then does it run. Anything
that fails before `go` means: run in-process (nothing has been written). After `go`, a lost server raises
ServerLost (the caller reports it; exit 2). Ctrl-C is passed on (the child stops as in-process); if we die, the
child notices the closed connection and is killed.
"""
from __future__ import annotations

import os
import stat
import sys

from .protocol import GO, INTERRUPT, PROTOCOL, dir_problem, encode, fingerprint, interpreter, peer_uid, \
    read_message, socket_path

CONNECT_TIMEOUT = 2.0       # seconds to connect and send the request
READY_TIMEOUT = 10.0        # seconds for the child to say it is ready; else in-process (it will not run)


class ServerLost(Exception):
    """The server went away after its child was told to run: the run's outcome is unknown (one-line message)."""


def connect(path: str, timeout: float = CONNECT_TIMEOUT):
    """A connected socket to a server of ours at `path`, or None (nothing there, not ours, refused)."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISSOCK(st.st_mode) or st.st_uid != os.getuid() or dir_problem(os.path.dirname(path)):
        return None
    import socket

    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(path)
        if peer_uid(sock) != os.getuid():
            raise OSError("server runs as another user")
    except OSError:
        sock.close()
        return None
    return sock


def request(path: str, message: dict, timeout: float = 5.0) -> dict | None:
    """One control request (status, stop) and its answer; None when no server answers."""
    sock = connect(path, timeout)
    if sock is None:
        return None
    try:
        sock.sendall(encode(message))
        return read_message(sock, bytearray())
    except (OSError, ValueError):
        return None
    finally:
        sock.close()


def _stdio_spec() -> list | None:
    """How our interpreter set up sys.stdin/stdout/stderr, for the child to do the same; None: no usable stdio."""
    out = []
    for fd, stream in ((0, sys.stdin), (1, sys.stdout), (2, sys.stderr)):
        try:
            os.fstat(fd)
        except OSError:
            return None
        if stream is None or not hasattr(stream, "encoding"):
            return None
        raw = type(getattr(stream, "buffer", None)).__name__ == "FileIO"        # python -u, PYTHONUNBUFFERED
        out.append([stream.encoding, stream.errors, bool(getattr(stream, "line_buffering", False)),
                    bool(getattr(stream, "write_through", False)), raw])
    return out


def run_via_server(argv: list[str]) -> int | None:
    """The exit code of the run done by the server, or None: not done, run it in-process. Raises ServerLost when
    the server went away after the child was told to run."""
    path = socket_path()
    try:
        os.lstat(path)
    except OSError:
        return None                             # the common case without a server: one stat
    stdio = _stdio_spec()
    if stdio is None:
        return None
    try:
        cwd = os.getcwd()
    except OSError:
        return None
    sock = connect(path)
    if sock is None:
        return None
    umask = os.umask(0)
    os.umask(umask)
    header = {"op": "run", "protocol": PROTOCOL, "argv": argv, "argv0": sys.argv[0] if sys.argv else "tonecheck",
              "cwd": cwd, "env": dict(os.environ), "umask": umask, "stdio": stdio,
              "interpreter": interpreter(), "fingerprint": fingerprint()}
    buf = bytearray()
    try:
        started = _handshake(sock, header, buf)
    except KeyboardInterrupt:
        sock.close()                            # the child sees the close and never runs
        return 130
    if not started:
        sock.close()
        return None
    try:
        return _wait_for_exit(sock, buf)        # the child runs: never fall back (it may have written output)
    finally:
        sock.close()


def _handshake(sock, header: dict, buf: bytearray) -> bool:
    """Send the request with our stdio, wait for `ready`, say `go`; False: the child never runs."""
    import socket

    try:
        data = encode(header)
        sent = socket.send_fds(sock, [data], [0, 1, 2])
        sock.sendall(data[sent:])
        sock.settimeout(READY_TIMEOUT)
        reply = read_message(sock, buf)
        if not reply or "ready" not in reply:
            return False                        # stale, refused, or gone: the child never runs
        sock.sendall(GO)
    except (OSError, ValueError):
        return False
    return True


def _wait_for_exit(sock, buf: bytearray) -> int:
    """The child's exit code; Ctrl-C is passed on once, a second one leaves (the child is killed when we close)."""
    sock.settimeout(None)
    interrupted = False
    try:
        while True:
            try:
                reply = read_message(sock, buf)
                if reply is None:
                    raise ServerLost("the check process ended without a result")
                if "exit" in reply:
                    return int(reply["exit"])
            except KeyboardInterrupt:
                if interrupted:
                    return 130
                interrupted = True
                try:
                    sock.sendall(INTERRUPT + b"\n")     # the child gets SIGINT: it stops as an in-process run would
                except OSError:
                    return 130
    except (OSError, ValueError) as exc:
        raise ServerLost(f"lost the connection ({exc})") from None
