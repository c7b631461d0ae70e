"""The `tonecheck` entry point: hand the run to a resident server (`tonecheck server start`) when one is up, else
run in-process.

Why: importing spaCy and building the pipeline costs more than a second at every start; a server that did it once
forks a warm child per request. This module decides before anything heavy is imported (standard library only),
so a run without a server costs one stat() more than before and `--version` stays fast.

The request: one JSON line (argv, cwd, environment, umask, stdio encodings, a fingerprint of the installed code)
sent with our stdin, stdout and stderr file descriptors (SCM_RIGHTS). The server's child puts them on its own
0/1/2, so the run sees the same files, terminal and pipes as in-process. Handshake: the child says `ready`, we say
`go`; only then does it run. Anything that fails before `go` means: run in-process (nothing has been written).
After `go`, a lost server is reported as one line and exit 2. Ctrl-C is passed on (the child stops as in-process);
if we die, the child notices the closed connection and is killed.

    TONECHECK_NO_SERVER=1     always run in-process
    TONECHECK_SERVER_SOCKET   the socket (default $XDG_RUNTIME_DIR/tonecheck/server.sock, else
                              /tmp/tonecheck-<uid>/server.sock)
"""
from __future__ import annotations

import os
import stat
import sys

from . import __version__

PROTOCOL = 1
# never through the server: long-running or interactive commands, and the ones that must stay instant
IN_PROCESS_COMMANDS = ("server", "watch", "lsp")
IN_PROCESS_FLAGS = ("--help", "-h", "--version")
CONNECT_TIMEOUT = 2.0       # seconds to connect and send the request
READY_TIMEOUT = 10.0        # seconds for the child to say it is ready; else in-process (it will not run)


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def socket_path(environ=None) -> str:
    """Where the server listens: $TONECHECK_SERVER_SOCKET, else a private per-user runtime directory."""
    env = os.environ if environ is None else environ
    explicit = env.get("TONECHECK_SERVER_SOCKET")
    if explicit:
        return os.path.abspath(os.path.expanduser(explicit))
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime):
        return os.path.join(runtime, "tonecheck", "server.sock")
    return os.path.join("/tmp", f"tonecheck-{os.getuid()}", "server.sock")


def dir_problem(folder: str) -> str | None:
    """Why the socket folder cannot be trusted (not ours, or writable by others), or None. Others could otherwise
    put their own socket there and receive our environment and file descriptors."""
    try:
        st = os.lstat(folder)
    except OSError as exc:
        return f"{folder}: {exc.strerror}"
    if not stat.S_ISDIR(st.st_mode):
        return f"{folder}: not a directory"
    if st.st_uid != os.getuid():
        return f"{folder}: owned by uid {st.st_uid}, not by you (uid {os.getuid()}); refusing to use it"
    if st.st_mode & 0o022:
        return f"{folder}: writable by group or others (mode {stat.S_IMODE(st.st_mode):04o}); refusing to use it"
    return None


def package_dir() -> str:
    return os.path.dirname(os.path.realpath(__file__))


def rules_dir() -> str:
    """As tonecheck.rules.builtin_rules_dir (not imported here: too heavy): inside the package, else the checkout's."""
    pkg = package_dir()
    inside = os.path.join(pkg, "rules")
    return inside if os.path.isdir(inside) else os.path.join(os.path.dirname(os.path.dirname(pkg)), "rules")


def fingerprint() -> str:
    """The code a server must be running to answer for us: version, where it is installed, the interpreter, and
    the count and newest mtime of the package's and the rule packs' files (__pycache__ left out: Python writes
    it by itself). Any edit, install or upgrade of tonecheck changes it."""
    count, newest = 0, 0
    roots = [package_dir()]
    rules = rules_dir()
    if not rules.startswith(roots[0] + os.sep):
        roots.append(rules)
    stack = list(roots)
    while stack:
        top = stack.pop()
        try:
            entries = list(os.scandir(top))
        except OSError:
            continue
        for e in entries:
            try:
                if e.is_dir(follow_symlinks=False):
                    if e.name != "__pycache__":
                        stack.append(e.path)
                elif e.is_file():
                    count += 1
                    newest = max(newest, e.stat().st_mtime_ns)
            except OSError:
                continue
    return "|".join(map(str, (__version__, roots[0], rules, sys.prefix, sys.version.split()[0], count, newest)))


def interpreter() -> list:
    """What a request's interpreter decided at its start and a forked child cannot change: both must agree."""
    try:
        import _locale
        enc = _locale.getencoding() if hasattr(_locale, "getencoding") else None
    except ImportError:  # pragma: no cover
        enc = None
    return [sys.flags.utf8_mode, sys.flags.optimize, sys.flags.dev_mode, sys.getfilesystemencoding(),
            sys.getfilesystemencodeerrors(), enc]


def wants_server(argv: list[str], environ=None) -> bool:
    env = os.environ if environ is None else environ
    if _truthy(env.get("TONECHECK_NO_SERVER")):
        return False
    if any(k.endswith("_COMPLETE") and k.startswith("_") for k in env):   # click shell completion
        return False
    if not argv:
        try:
            return not os.isatty(0)             # bare `tonecheck` on a terminal shows help
        except OSError:
            return False
    if argv[0] in IN_PROCESS_COMMANDS:
        return False
    return not any(a in IN_PROCESS_FLAGS for a in argv)


def _stdio_spec() -> list | None:
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


class _Lost(Exception):
    """The server went away after the child was told to run."""


def _read_line(sock, buf: bytearray) -> dict | None:
    import json

    while b"\n" not in buf:
        chunk = sock.recv(4096)
        if not chunk:
            return None
        buf += chunk
        if len(buf) > 1 << 20:
            return None
    line, _, rest = bytes(buf).partition(b"\n")
    buf[:] = rest
    return json.loads(line)


def connect(path: str, timeout: float = CONNECT_TIMEOUT):
    """A connected socket to a server of ours at `path`, or None (nothing there, not ours, refused)."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISSOCK(st.st_mode) or st.st_uid != os.getuid() or dir_problem(os.path.dirname(path)):
        return None
    import socket
    import struct

    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(path)
        _pid, uid, _gid = struct.unpack("3i", sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED,
                                                              struct.calcsize("3i")))
        if uid != os.getuid():
            raise OSError("server runs as another user")
    except OSError:
        sock.close()
        return None
    return sock


def request(path: str, message: dict, timeout: float = 5.0) -> dict | None:
    """One control request (status, stop) and its answer; None when no server answers."""
    import json

    sock = connect(path, timeout)
    if sock is None:
        return None
    try:
        sock.sendall(json.dumps(message).encode() + b"\n")
        return _read_line(sock, bytearray())
    except (OSError, ValueError):
        return None
    finally:
        sock.close()


def run_via_server(argv: list[str]) -> int | None:
    """The exit code of the run done by the server, or None: not done, run it in-process."""
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
    import json
    import socket

    umask = os.umask(0)
    os.umask(umask)
    header = {"op": "run", "protocol": PROTOCOL, "argv": argv, "argv0": sys.argv[0] if sys.argv else "tonecheck",
              "cwd": cwd, "env": dict(os.environ), "umask": umask, "stdio": stdio,
              "interpreter": interpreter(), "fingerprint": fingerprint()}
    buf = bytearray()
    try:
        data = json.dumps(header).encode() + b"\n"
        sent = socket.send_fds(sock, [data], [0, 1, 2])
        sock.sendall(data[sent:])
        sock.settimeout(READY_TIMEOUT)
        reply = _read_line(sock, buf)
        if not reply or "ready" not in reply:
            return None                         # stale, refused, or gone: the child never runs
        sock.sendall(b"go\n")
    except (OSError, ValueError):
        sock.close()
        return None
    except KeyboardInterrupt:
        sock.close()                            # the child sees the close and never runs
        return 130
    # from here on the child runs: never fall back (it may have written output already)
    sock.settimeout(None)
    interrupted = False
    try:
        while True:
            try:
                reply = _read_line(sock, buf)
                if reply is None:
                    raise _Lost("the check process ended without a result")
                if "exit" in reply:
                    return int(reply["exit"])
            except KeyboardInterrupt:
                if interrupted:                 # a second Ctrl-C: leave; the child is killed when we close
                    return 130
                interrupted = True
                try:
                    sock.sendall(b"int\n")      # the child gets SIGINT: it stops as an in-process run would
                except OSError:
                    return 130
    except (_Lost, OSError, ValueError) as exc:
        reason = str(exc) if isinstance(exc, _Lost) else f"lost the connection ({exc})"
        try:
            sys.stderr.write(f"tonecheck: server: {reason}\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        return 2
    finally:
        sock.close()


def in_process() -> None:
    from .cli import _entry

    _entry()


def main() -> None:
    argv = sys.argv[1:]
    if wants_server(argv):
        code = run_via_server(argv)
        if code is not None:
            sys.exit(code)
    in_process()


if __name__ == "__main__":
    main()
