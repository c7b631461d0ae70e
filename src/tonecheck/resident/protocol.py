"""What the client and the daemon share: where the socket is, how messages are framed, and what both must agree
on (the installed code, the interpreter's settings). Standard library only, imported lazily where it costs:
every `tonecheck` start imports this module.

Framing: one JSON object per line (at most MAX_LINE bytes). The run request carries our stdin, stdout and stderr
file descriptors (SCM_RIGHTS); then the child says {"ready": pid}, the client `go`, and during the run the client
may send `int` (Ctrl-C); the child ends with {"exit": code}.

    TONECHECK_SERVER_SOCKET   the socket (default $XDG_RUNTIME_DIR/tonecheck/server-<install>.sock, else
                              /tmp/tonecheck-<uid>/server-<install>.sock; <install> names this install)
"""
from __future__ import annotations

import os
import stat
import sys

from .. import __version__

PROTOCOL = 1
MAX_LINE = 1 << 20          # a reply longer than this is not ours
GO = b"go\n"                # the client: run now
INTERRUPT = b"int"          # the client was interrupted (Ctrl-C): so is the run


def socket_path(environ=None) -> str:
    """Where the server listens: $TONECHECK_SERVER_SOCKET, else a private per-user runtime directory."""
    env = os.environ if environ is None else environ
    explicit = env.get("TONECHECK_SERVER_SOCKET")
    if explicit:
        return os.path.abspath(os.path.expanduser(explicit))
    name = f"server-{install_id()}.sock"     # one server per install: two projects' .venvs never meet
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime):
        return os.path.join(runtime, "tonecheck", name)
    return os.path.join("/tmp", f"tonecheck-{os.getuid()}", name)


def install_id() -> str:
    """A short name for this install (where the package lives, which environment runs it): a server started from
    one virtual environment is never asked, and never retired, by a tonecheck from another."""
    import hashlib

    return hashlib.sha1(f"{package_dir()}\0{sys.prefix}".encode()).hexdigest()[:10]


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


def peer_uid(sock) -> int:
    """The uid of the process at the other end of a Unix socket: both sides talk only to their own user."""
    import socket
    import struct

    _pid, uid, _gid = struct.unpack("3i", sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED,
                                                          struct.calcsize("3i")))
    return uid


def encode(message: dict) -> bytes:
    """One message on the wire."""
    import json

    return json.dumps(message).encode() + b"\n"


def read_message(sock, buf: bytearray) -> dict | None:
    """The next message from a blocking socket (bytes after it stay in buf), or None when the peer closed or sent
    more than MAX_LINE without a newline. Raises OSError, ValueError (not JSON)."""
    import json

    while b"\n" not in buf:
        chunk = sock.recv(4096)
        if not chunk:
            return None
        buf += chunk
        if len(buf) > MAX_LINE:
            return None
    line, _, rest = bytes(buf).partition(b"\n")
    buf[:] = rest
    return json.loads(line)


def package_dir() -> str:
    """The tonecheck package's folder (this module is one level below it)."""
    return os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


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
