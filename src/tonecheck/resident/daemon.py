"""The server: a resident process that has imported tonecheck, built the spaCy pipeline and the default Engine, and
forks one child per request (tonecheck.resident.client sends them), so a run costs a fork instead of a cold start.

    tonecheck server start [--idle-timeout MINUTES]     daemonise; return once the socket accepts connections
    tonecheck server status                              pid, socket, version, uptime, requests (exit 1: none)
    tonecheck server stop

Why a fork per request: the child inherits everything warm copy-on-write, gets the client's stdin/stdout/stderr,
cwd, environment and umask, and runs the CLI's entry function, so output, exit code and side effects are those
of an in-process run; a crash or a hang in a check only ever takes down that child. The parent never checks
anything and stays single-threaded (it forks). It exits after --idle-timeout minutes without a request, on
`server stop`, on SIGTERM, or when a client's fingerprint (protocol.fingerprint) shows the installed code
changed; it removes its socket on the way out. A lock file next to the socket, held for the server's lifetime,
keeps two `server start` from leaving two servers.

This module never imports tonecheck.cli: `start(..., entry=...)` is handed the function that runs one command
line (argv without the program name; it may raise SystemExit), and every child calls it. Nothing here writes to
the caller's terminal: problems are ServerError with a one-line message, for the CLI to show.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import select
import signal
import socket
import stat
import sys
import time
from typing import Callable

from .. import __version__
from .client import request
from .protocol import GO, INTERRUPT, PROTOCOL, dir_problem, encode, fingerprint, interpreter, peer_uid, \
    socket_path
from .warm import forget_lookups, warm_up

HEADER_TIMEOUT = 2.0        # seconds a client may take to send its request (the parent waits for nobody longer)
GO_TIMEOUT = 30.0           # seconds a child waits for the client's go
START_TIMEOUT = 120.0       # seconds `server start` waits for the warm-up (a loaded 2-core machine is slow)
MAX_HEADER = 4 << 20
MAX_PENDING = 256          # connections still sending their request

Entry = Callable[[list], object]    # runs one command line, as `tonecheck ARGV...` would (may raise SystemExit)


class ServerError(Exception):
    """A one-line reason `server start/stop/status` cannot do its job."""


# -- paths ---------------------------------------------------------------------------------------------------------

def prepare_dir(path: str) -> str:
    """Create the socket's folder (0700) if needed; refuse one that is not ours or that others can write."""
    folder = os.path.dirname(path)
    if len(os.fsencode(path)) > 107:
        raise ServerError(f"{path}: socket path too long (at most 107 bytes); set TONECHECK_SERVER_SOCKET")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError as exc:
        raise ServerError(f"{folder}: cannot create: {exc.strerror}") from None
    problem = dir_problem(folder)
    if problem:
        raise ServerError(problem)
    return folder


def _files(path: str) -> tuple[str, str]:
    """The lock and log files live next to the socket, in the folder prepare_dir vetted, named after it (so the
    servers of two installs in one folder keep apart): server-<install>.sock -> server-<install>.lock/.log."""
    stem = os.path.splitext(path)[0]
    return stem + ".lock", stem + ".log"


# -- commands (run in-process by the CLI) ---------------------------------------------------------------------------

def status(path: str | None = None) -> dict | None:
    """The server's answer to a status request, or None when none answers (a folder that is not ours: error)."""
    path = path or socket_path()
    folder = os.path.dirname(path)
    problem = dir_problem(folder) if os.path.lexists(folder) else None
    if problem:
        raise ServerError(problem)
    reply = request(path, {"op": "status"})
    return reply if reply and "pid" in reply else None


def start(idle_timeout: float = 60.0, path: str | None = None, *, entry: Entry) -> str:
    """Start a daemon unless one runs; the line to show. `entry` is what each child runs (the CLI's)."""
    path = path or socket_path()
    prepare_dir(path)
    lock_path, log_path = _files(path)
    lock_fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise ServerError(f"{lock_path}: cannot lock: {exc.strerror}") from None
            # held: a server runs (it holds the lock for its lifetime) or another start is warming one up
            st = status(path)
            if st:
                return f"tonecheck server already running on {path} (pid {st['pid']})"
            if time.monotonic() > deadline:
                raise ServerError(f"{lock_path} is held but no server answers on {path}")
            time.sleep(0.1)
        st = status(path)
        if st:                                  # a server that lost its lock file: still one server
            return f"tonecheck server already running on {path} (pid {st['pid']})"
        try:
            if stat.S_ISSOCK(os.lstat(path).st_mode):
                os.unlink(path)                 # stale: nothing answers, and nobody holds the lock
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise ServerError(f"{path}: cannot remove the stale socket: {exc.strerror}") from None
        if os.path.lexists(path):
            raise ServerError(f"{path}: exists and is not a socket")
        # the code's fingerprint as close as possible to when it was imported: if a file changes while the daemon
        # warms up, clients see a newer fingerprint and run in-process (never the other way round)
        pid = _daemonise(path, lock_fd, log_path, idle_timeout, fingerprint(), entry)
        return f"tonecheck server listening on {path} (pid {pid})"
    finally:
        os.close(lock_fd)                       # the daemon keeps its own copy, and with it the lock


def stop(path: str | None = None, wait: float = 15.0) -> str | None:
    """Ask the server to exit and wait until it has; the line to show, or None when none runs."""
    path = path or socket_path()
    st = status(path)
    if not st:
        return None
    reply = request(path, {"op": "stop"})
    pid = (reply or st).get("pid", st["pid"])
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if not _running(pid):
            return f"tonecheck server stopped (pid {pid})"
        time.sleep(0.05)
    raise ServerError(f"the server (pid {pid}) did not exit within {wait:g} s")


def _running(pid: int) -> bool:
    """Whether pid is a live process; an exited one nobody has reaped yet (a zombie: the daemon's parent is init,
    and a container's init may never reap) counts as gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rpartition(b")")[2].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def _daemonise(path: str, lock_fd: int, log_path: str, idle_timeout: float, code_fingerprint: str,
               entry: Entry) -> int:
    """Double fork + setsid; the grandchild warms up, listens, and reports "ok PID" (or the error) on a pipe."""
    r, w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:                                # first child: a new session, then the daemon, then leave
        try:
            os.close(r)
            os.setsid()
            if os.fork() != 0:
                os._exit(0)
            _daemon_main(path, lock_fd, log_path, idle_timeout, code_fingerprint, entry, w)
        finally:
            os._exit(1)
    os.close(w)
    os.waitpid(pid, 0)
    data = b""
    with os.fdopen(r, "rb") as fh:
        while b"\n" not in data:
            chunk = fh.read1(4096) if hasattr(fh, "read1") else fh.read(4096)
            if not chunk:
                break
            data += chunk
    line = data.decode("utf-8", "replace").strip()
    if line.startswith("ok "):
        return int(line.split()[1])
    raise ServerError(f"could not start: {line or 'the server exited during start-up'} (log: {log_path})")


# -- the daemon ------------------------------------------------------------------------------------------------------

class _Log:
    """The server's log file (its stdio is /dev/null): appended to, rotated once past 1 MiB."""

    def __init__(self, path: str):
        try:
            if os.path.getsize(path) > 1 << 20:
                os.replace(path, path + ".1")
        except OSError:
            pass
        try:
            self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        except OSError:
            self.fd = None

    def __call__(self, message: str) -> None:
        if self.fd is not None:
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            try:
                os.write(self.fd, f"{stamp} [{os.getpid()}] {message}\n".encode("utf-8", "replace"))
            except OSError:
                pass


def _daemon_main(path: str, lock_fd: int, log_path: str, idle_timeout: float, code_fingerprint: str,
                 entry: Entry, ready_fd: int) -> None:
    """The daemon's life: stdio to /dev/null, warm up, listen, report "ok PID" on ready_fd, serve, exit."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    log = _Log(log_path)
    try:
        os.chdir("/")
        log(f"starting tonecheck {__version__} server (python {sys.version.split()[0]}, pid {os.getpid()})")
        t0 = time.monotonic()
        warm_up()
        log(f"warm in {time.monotonic() - t0:.2f} s")
        server = Server(path, lock_fd, idle_timeout, log, code_fingerprint, entry)
        server.bind()
    except BaseException as exc:
        msg = f"{type(exc).__name__}: {exc}".splitlines()[0]
        log(f"start-up failed: {msg}")
        try:
            os.write(ready_fd, f"error {msg}\n".encode("utf-8", "replace"))
        finally:
            os._exit(1)
    os.write(ready_fd, f"ok {os.getpid()}\n".encode())
    os.close(ready_fd)
    code = 0
    try:
        server.serve()
    except BaseException as exc:
        import traceback
        log("server loop failed:\n" + "".join(traceback.format_exception(exc)))
        code = 1
    finally:
        server.close()
    os._exit(code)


class Server:
    """The listening parent: answers status/stop itself, forks a child per run, reaps them, and decides when to
    exit. Single-threaded, so that forking is safe."""

    def __init__(self, path: str, lock_fd: int, idle_timeout: float, log, code_fingerprint: str, entry: Entry):
        self.path = path
        self.entry = entry
        self.lock_fd = lock_fd
        self.idle = idle_timeout * 60.0
        self.log = log
        self.fingerprint = code_fingerprint
        self.interpreter = interpreter()
        self.started = time.time()
        self.last = time.monotonic()
        self.requests = 0
        self.children: dict[int, float] = {}
        self.pending: dict[int, list] = {}
        self.stopping: str | None = None
        self.sock: socket.socket | None = None
        self.inode = None
        self.wake_r = self.wake_w = -1

    def bind(self) -> None:
        """Listen on a socket only we can use; signals arrive through a wake-up pipe so select() sees them."""
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)
        try:
            sock.bind(self.path)
        finally:
            os.umask(old)
        os.chmod(self.path, 0o600)
        self.inode = os.lstat(self.path).st_ino
        sock.listen(64)
        sock.setblocking(False)
        self.sock = sock
        self.wake_r, self.wake_w = os.pipe()
        for fd in (self.wake_r, self.wake_w):
            os.set_blocking(fd, False)
        signal.set_wakeup_fd(self.wake_w, warn_on_full_buffer=False)
        signal.signal(signal.SIGCHLD, lambda *_: None)      # the wake-up fd does the work
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, self._on_signal)
        self.log(f"listening on {self.path} (idle timeout {self.idle / 60:g} min)")

    def _on_signal(self, signum, _frame):
        self.stopping = self.stopping or f"signal {signal.Signals(signum).name}"

    def close(self) -> None:
        """Stop listening and remove the socket, unless a newer server has already put its own there."""
        if self.sock is not None:
            self.sock.close()
            self.sock = None
            try:
                if os.lstat(self.path).st_ino == self.inode:    # ours, not a newer server's
                    os.unlink(self.path)
            except OSError:
                pass
            self.log(f"exiting ({self.stopping or 'error'}) after {self.requests} request(s)")

    def serve(self) -> None:
        """The loop: wait for connections, requests, signals and children until stopped or idle for too long."""
        while not self.stopping:
            now = time.monotonic()
            timeout = None
            if self.idle > 0:
                timeout = max(0.0, self.last + self.idle - now)
                if timeout == 0 and not self.children and not self.pending:
                    self.stopping = "idle timeout"
                    break
                if self.children:
                    timeout = max(timeout, 1.0)
            if self.pending:
                soonest = min(p[3] for p in self.pending.values()) - now
                timeout = max(0.0, soonest) if timeout is None else max(0.0, min(timeout, soonest))
            watched = [self.sock, self.wake_r, *(p[0] for p in self.pending.values())]
            try:
                ready, _, _ = select.select(watched, [], [], timeout)
            except InterruptedError:
                ready = []
            if self.wake_r in ready:
                try:
                    while os.read(self.wake_r, 512):
                        pass
                except BlockingIOError:
                    pass
            self._reap()
            for conn in ready:
                if conn is not self.sock and conn is not self.wake_r and not self.stopping:
                    self._read(conn)
            now = time.monotonic()
            for fd, p in list(self.pending.items()):
                if p[3] <= now or self.stopping:
                    self._drop(fd)
            if self.sock in ready and not self.stopping:
                self._accept()

    def _reap(self) -> None:
        """Collect finished children (zombies otherwise), logging the ones that died abnormally."""
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                self.children.clear()
                return
            if pid == 0:
                return
            self.children.pop(pid, None)
            if os.WIFSIGNALED(status) and os.WTERMSIG(status) != signal.SIGKILL:
                self.log(f"request child {pid} killed by {signal.Signals(os.WTERMSIG(status)).name}")
            elif os.WIFEXITED(status) and os.WEXITSTATUS(status) != 0:
                self.log(f"request child {pid} exited with status {os.WEXITSTATUS(status)}")

    def _accept(self) -> None:
        """Take new connections from our own user only; each gets HEADER_TIMEOUT to send its request."""
        while len(self.pending) < MAX_PENDING:
            try:
                conn, _ = self.sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                self.log(f"accept failed: {exc}")
                return
            try:
                uid = peer_uid(conn)
                if uid != os.getuid():
                    self.log(f"refused a connection from uid {uid}")
                    conn.close()
                    continue
                conn.setblocking(False)
            except OSError:
                conn.close()
                continue
            # [socket, bytes so far, fds received, deadline]: a client that never sends stalls nobody
            self.pending[conn.fileno()] = [conn, b"", [], time.monotonic() + HEADER_TIMEOUT]

    def _drop(self, fd: int) -> None:
        conn, _, fds, _ = self.pending.pop(fd)
        conn.close()
        for f in fds:
            try:
                os.close(f)
            except OSError:
                pass

    def _read(self, conn: socket.socket) -> None:
        """Gather a pending request (bytes and fds, without blocking); handle it once its line is complete."""
        p = self.pending.get(conn.fileno())
        if p is None:
            return
        try:
            data, fds, flags, _ = socket.recv_fds(conn, 1 << 16, 3)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data, fds, flags = b"", [], 0
        p[2].extend(fds)
        if flags & getattr(socket, "MSG_CTRUNC", 0):
            p[2].append(-1)                     # fds were lost: refuse the run below
        if not data or len(p[1]) + len(data) > MAX_HEADER:
            self._drop(conn.fileno())
            return
        p[1] += data
        if b"\n" not in data:
            return
        header_line = p[1].partition(b"\n")[0]
        try:
            conn.setblocking(True)
            conn.settimeout(HEADER_TIMEOUT)
            self._handle(conn, json.loads(header_line), [f for f in p[2] if f >= 0], -1 in p[2])
        except Exception as exc:                # one bad request never takes the server down
            self.log(f"request failed: {type(exc).__name__}: {exc}")
        finally:
            p[2][:] = [f for f in p[2] if f >= 0]
            self._drop(conn.fileno())

    def _reply(self, conn, obj) -> None:
        try:
            conn.sendall(encode(obj))
        except OSError:
            pass

    def _handle(self, conn: socket.socket, header: dict, fds: list[int], lost_fds: bool) -> None:
        """Answer control requests here; fork a child for a run (the caller closes our copies of conn and fds)."""
        op = header.get("op")
        if op == "status":
            self._reply(conn, {"pid": os.getpid(), "socket": self.path, "version": __version__,
                               "started": self.started, "uptime": time.time() - self.started,
                               "requests": self.requests, "active": sorted(self.children),
                               "idle_timeout": self.idle / 60})
            return
        if op == "stop":
            self.stopping = "stop requested"
            self._reply(conn, {"pid": os.getpid(), "stopping": True})
            return
        if op != "run":
            self._reply(conn, {"error": f"unknown request {op!r}"})
            return
        if header.get("fingerprint") != self.fingerprint:
            self.log("a client runs different tonecheck code (installed files changed): exiting; the client runs "
                     f"in-process\n  ours:   {self.fingerprint}\n  theirs: {header.get('fingerprint')}")
            self.stopping = "stale code"
            self._reply(conn, {"stale": True})
            return
        if header.get("protocol") != PROTOCOL or header.get("interpreter") != self.interpreter:
            self._reply(conn, {"fallback": "different interpreter settings"})
            return
        if len(fds) != 3 or lost_fds:
            self._reply(conn, {"fallback": "no standard streams received"})
            return
        self.requests += 1
        self.last = time.monotonic()            # only runs keep the server alive (not status polling)
        pid = os.fork()
        if pid == 0:
            code = 3
            try:
                code = self._child(conn, header, fds)
            except BaseException as exc:
                self.log(f"request child failed before running: {type(exc).__name__}: {exc}")
            finally:
                os._exit(code)
        try:
            os.setpgid(pid, pid)
        except OSError:
            pass
        self.children[pid] = time.monotonic()

    # -- the child -------------------------------------------------------------------------------------------------

    def _child(self, conn: socket.socket, header: dict, fds: list[int]) -> int:
        """Become the client's process (streams, cwd, environment, umask, argv) and run the command."""
        os.setpgid(0, 0)                        # a group of its own: killed with any workers it forks
        signal.set_wakeup_fd(-1)
        for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        others = [p[0].fileno() for p in self.pending.values() if p[0] is not conn]
        others += [f for p in self.pending.values() if p[0] is not conn for f in p[2]]
        for fd in (self.sock.fileno(), self.wake_r, self.wake_w, self.lock_fd, *others):
            try:
                if fd >= 0:
                    os.close(fd)
            except OSError:
                pass
        try:
            os.chdir(header["cwd"])
        except (OSError, KeyError, TypeError) as exc:
            self._reply(conn, {"fallback": f"cannot enter the working directory: {exc}"})
            return 0
        conn.settimeout(GO_TIMEOUT)
        self._reply(conn, {"ready": os.getpid()})
        buf = b""
        try:
            while b"\n" not in buf:
                chunk = conn.recv(64)
                if not chunk:
                    return 0                    # the client gave up: it runs in-process; we must not run
                buf += chunk
        except OSError:
            return 0
        if not buf.startswith(GO):
            return 0
        conn.settimeout(None)
        done = _watch_client(conn)
        for target, fd in enumerate(fds):
            os.dup2(fd, target, inheritable=True)
            if fd > 2:
                os.close(fd)
        _set_stdio(header["stdio"])
        os.environ.clear()
        os.environ.update(header["env"])
        os.umask(int(header["umask"]))
        sys.argv = [header.get("argv0") or "tonecheck", *header["argv"]]
        forget_lookups()
        code = _run_entry(self.entry, list(header["argv"]))
        done.append(True)
        try:
            conn.sendall(encode({"exit": code}))
        except OSError:
            return 1
        return 0


def _watch_client(conn: socket.socket) -> list:
    """A thread that turns the client's "int" into SIGINT here, and its disappearance (killed, or a second Ctrl-C)
    into SIGKILL for this child and any workers it forked. The list it returns is set once the result is sent."""
    import threading

    done: list = []
    main_thread = threading.main_thread().ident

    def watch():
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})     # signals are for the main thread
        buf = b""
        while True:
            try:
                chunk = conn.recv(64)
            except OSError:
                chunk = b""
            if not chunk:
                if not done:
                    os.killpg(os.getpgrp(), signal.SIGKILL)
                return
            buf += chunk
            while b"\n" in buf:
                line, _, buf = buf.partition(b"\n")
                if line == INTERRUPT and not done:       # interrupts a blocking read, as Ctrl-C does
                    signal.pthread_kill(main_thread, signal.SIGINT)

    threading.Thread(target=watch, name="tonecheck-client-watch", daemon=True).start()
    return done


def _set_stdio(spec: list) -> None:
    """sys.stdin/stdout/stderr as the client's interpreter made them (encoding, errors, buffering)."""
    import io

    streams = []
    for fd, (encoding, errors, line_buffering, write_through, unbuffered), name in zip(
            (0, 1, 2), spec, ("<stdin>", "<stdout>", "<stderr>"), strict=False):
        # unbuffered: the bytes go out at each write, as with python -u (it matters when 2>&1 merges the streams)
        buf = io.open(fd, "rb" if fd == 0 else "wb", buffering=0 if unbuffered and fd else -1, closefd=False)
        try:
            getattr(buf, "raw", buf).name = name
        except (AttributeError, TypeError):
            pass
        streams.append(io.TextIOWrapper(buf, encoding=encoding, errors=errors, newline="\n",
                                        line_buffering=line_buffering, write_through=write_through))
    sys.stdin, sys.stdout, sys.stderr = streams
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = streams


def _run_entry(entry: Entry, argv: list[str]) -> int:
    """The handed entry function on argv, and the exit code Python would have exited with: what Python prints for
    an uncaught exception or a SystemExit with a message goes to the run's own stderr, as in-process."""
    import traceback

    code = 0
    try:
        entry(argv)
    except SystemExit as exc:
        c = exc.code
        if c is None:
            code = 0
        elif isinstance(c, int):
            code = c & 0xFF
        else:
            print(c, file=sys.stderr)
            code = 1
    except KeyboardInterrupt:
        traceback.print_exc()
        code = 130
    except BaseException:
        traceback.print_exc()
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            code = 120
    return code
