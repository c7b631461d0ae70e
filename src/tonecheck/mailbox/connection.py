"""The IMAP server: its URL, the credentials, a verified TLS connection through imaplib2, reconnecting with backoff.

imaplib2 checks neither certificates (unless given ca_certs) nor host names, so both classes here wrap the socket
themselves with an ssl.SSLContext from ssl.create_default_context(): CERT_REQUIRED and check_hostname=True,
against the system CAs or a private CA (--cafile). Plain IMAP is only used when asked for explicitly.

Credentials never come from argv and never reach a log line: TONECHECK_IMAP_PASSWORD, a --password-command
whose first output line is the password, or ~/.netrc; or an OAuth2 access token from --oauth2-token-command
(oauth2.py).
"""
from __future__ import annotations

import logging
import netrc
import os
import random
import re
import select
import socket
import ssl
import subprocess
import threading
import time
import warnings
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

with warnings.catch_warnings():  # imaplib2 3.6 still uses long-deprecated threading/ssl names
    warnings.simplefilter("ignore", DeprecationWarning)
    import imaplib2

log = logging.getLogger("tonecheck.watch")

PASSWORD_ENV = "TONECHECK_IMAP_PASSWORD"
CONNECT_TIMEOUT = 20.0     # seconds for TCP connect and the TLS handshake
RESPONSE_TIMEOUT = 90.0    # seconds a command may wait for its response before the connection counts as dead


class WatchUsageError(Exception):
    """A setting that cannot work (bad URL, plaintext not allowed, no credentials): exit 2, no retry."""


class AuthError(Exception):
    """The server refused the user name or password: exit 2, no retry (retrying could lock the account)."""


class CertificateError(Exception):
    """The server's certificate is not trusted or names another host: exit 2, no retry."""


class ConnectError(Exception):
    """A network fault (refused, reset, timed out, server gone): retried with backoff."""


class ImapError(Exception):
    """The server answered NO or BAD to a command."""


@dataclass(frozen=True)
class ServerSpec:
    host: str
    port: int
    user: str | None
    security: str                    # "tls" (IMAPS) | "starttls" | "plain"
    cafile: str | None = None

    def __str__(self) -> str:        # never shows a password: there is none in a ServerSpec
        scheme = "imaps" if self.security == "tls" else "imap"
        user = f"{self.user}@" if self.user else ""
        return f"{scheme}://{user}{self.host}:{self.port}" + (" (STARTTLS)" if self.security == "starttls" else "")


def parse_url(url: str, *, starttls: bool = False, allow_plaintext: bool = False,
              cafile: str | None = None) -> ServerSpec:
    """imaps://user@host[:993] (default), imap://user@host[:143] with STARTTLS, or plain imap only when allowed."""
    if "://" not in url:
        url = "imaps://" + url
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("imap", "imaps"):
        raise WatchUsageError(f"unsupported URL scheme '{parts.scheme}': use imaps://user@host or imap://user@host")
    if parts.password is not None:
        raise WatchUsageError(f"do not put the password in the URL; set {PASSWORD_ENV}, use --password-command "
                              "or ~/.netrc")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise WatchUsageError("the URL names the server only (imaps://user@host:port); choose folders with --folder")
    host = parts.hostname
    if not host:
        raise WatchUsageError(f"no host name in '{url}'")
    try:
        port = parts.port
    except ValueError:
        raise WatchUsageError(f"invalid port in '{url}'") from None
    if scheme == "imaps":
        security = "tls"
        port = port or 993
    elif starttls:
        security = "starttls"
        port = port or 143
    elif allow_plaintext:
        security = "plain"
        port = port or 143
    else:
        raise WatchUsageError("imap:// without encryption would send the password in clear text: use imaps://, "
                              "add --starttls, or pass --allow-plaintext if you really mean it")
    user = unquote(parts.username) if parts.username else None
    if cafile and not os.path.isfile(cafile):
        raise WatchUsageError(f"--cafile {cafile}: no such file")
    return ServerSpec(host=host, port=port, user=user, security=security, cafile=cafile)


def resolve_credentials(spec: ServerSpec, password_command: str | None = None, environ=None,
                        netrc_file: str | None = None) -> tuple[str, str]:
    """(user, password) from the environment, a password command, or ~/.netrc, in that order."""
    environ = os.environ if environ is None else environ
    user = spec.user
    password = environ.get(PASSWORD_ENV)
    if password is None and password_command:
        try:
            proc = subprocess.run(password_command, shell=True, stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=60)
        except subprocess.TimeoutExpired:
            raise WatchUsageError("--password-command did not finish within 60 s") from None
        if proc.returncode != 0:  # its output may hold secrets: never shown
            raise WatchUsageError(f"--password-command failed (exit status {proc.returncode})")
        lines = proc.stdout.decode("utf-8", "replace").splitlines()
        if not lines or not lines[0]:
            raise WatchUsageError("--password-command printed no password")
        password = lines[0]
    if password is None:
        path = netrc_file or os.path.join(os.path.expanduser("~"), ".netrc")
        if os.path.isfile(path):
            try:
                entry = netrc.netrc(path).authenticators(spec.host)
            except (netrc.NetrcParseError, OSError) as exc:
                raise WatchUsageError(f"{path}: cannot read: {getattr(exc, 'msg', exc)}") from None
            if entry and (user is None or entry[0] in (None, "", user)):
                user = user or entry[0]
                password = entry[2]
    if not user:
        raise WatchUsageError("no user name: put it in the URL (imaps://user@host)")
    if password is None:
        raise WatchUsageError(f"no password for {user}@{spec.host}: set {PASSWORD_ENV}, use --password-command, "
                              "or add a 'machine' line to ~/.netrc")
    return user, password


def ssl_context(cafile: str | None) -> ssl.SSLContext:
    """Certificates and host names verified; the system CAs, or only the given private CA."""
    ctx = ssl.create_default_context(cafile=cafile) if cafile else ssl.create_default_context()
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def _keepalive(sock) -> None:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    for name, value in (("TCP_KEEPIDLE", 60), ("TCP_KEEPINTVL", 15), ("TCP_KEEPCNT", 4)):
        if hasattr(socket, name):
            sock.setsockopt(socket.IPPROTO_TCP, getattr(socket, name), value)


class _Verified:
    """Mixin: open the socket with a connect timeout, wrap it with a verifying SSLContext, and serialise TLS I/O.

    imaplib2 reads in a reader thread while the caller's thread writes. An OpenSSL connection must not be used by
    two threads at once: right after STARTTLS a TLS 1.3 server sends session tickets, and a blocking SSL_read on
    them racing the next command's SSL_write lost that command's response about one time in ten (measured: 30 of
    300 STARTTLS connects to Dovecot hung until the response timeout). So once wrapped the socket is non-blocking,
    every SSL call holds `_tls_lock`, and waiting for the network happens outside the lock, in select().
    """

    _ctx: ssl.SSLContext | None = None
    _tls_lock = None
    WAIT = 1.0  # seconds per select() while waiting, so a closing connection is noticed promptly

    def open_socket(self):
        sock = socket.create_connection((self.host, self.port), timeout=CONNECT_TIMEOUT)
        _keepalive(sock)
        sock.settimeout(None)
        return sock

    def ssl_wrap_socket(self):  # called by IMAP4_SSL.open and by IMAP4.starttls, never with the reader running
        sock = self.sock
        sock.settimeout(CONNECT_TIMEOUT)
        try:
            self.sock = self._ctx.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise
        self._tls_lock = threading.Lock()
        self.sock.setblocking(False)
        self.read_fd = self.sock.fileno()

    def read(self, size):
        """Up to `size` bytes of application data; b"" at end of stream or when the connection is closing."""
        sock = self.sock
        if self._tls_lock is None or not isinstance(sock, ssl.SSLSocket):
            return super().read(size)
        while True:
            with self._tls_lock:
                try:
                    data = sock.recv(size)
                    if data and sock.pending():  # decrypted bytes poll() cannot see
                        data += sock.recv(sock.pending())
                    return data
                except ssl.SSLWantReadError:
                    pass  # a session ticket or a partial record: nothing for the caller yet
            if getattr(self, "Terminate", False):
                return b""
            select.select([sock], [], [], self.WAIT)

    def send(self, data):
        sock = self.sock
        if self._tls_lock is None or not isinstance(sock, ssl.SSLSocket):
            return super().send(data)
        view = memoryview(data if isinstance(data, (bytes, bytearray)) else bytes(data))
        deadline = time.monotonic() + RESPONSE_TIMEOUT
        while view:
            with self._tls_lock:
                try:
                    view = view[sock.send(view):]
                    continue
                except (ssl.SSLWantWriteError, ssl.SSLWantReadError):
                    pass
            if time.monotonic() > deadline:
                raise socket.timeout(f"could not send for {RESPONSE_TIMEOUT:.0f} s")
            select.select([], [sock], [], self.WAIT)


class VerifiedIMAP4(_Verified, imaplib2.IMAP4):
    def __init__(self, host, port, ctx=None, timeout=RESPONSE_TIMEOUT):
        self._ctx = ctx
        imaplib2.IMAP4.__init__(self, host, port, timeout=timeout)


class VerifiedIMAP4_SSL(_Verified, imaplib2.IMAP4_SSL):
    def __init__(self, host, port, ctx, timeout=RESPONSE_TIMEOUT):
        self._ctx = ctx
        imaplib2.IMAP4_SSL.__init__(self, host, port, timeout=timeout)


NETWORK_ERRORS = (imaplib2.IMAP4.abort, OSError, EOFError)


def _text(dat) -> str:
    if isinstance(dat, (list, tuple)):
        dat = dat[-1] if dat else b""
    if isinstance(dat, bytes):
        return dat.decode("utf-8", "replace")
    return str(dat)


def connect(spec: ServerSpec, user: str, password) -> imaplib2.IMAP4:
    """A logged-in imaplib2 connection, or AuthError / CertificateError / ConnectError. `password` is a string, or
    an object whose login(conn, user) authenticates (oauth2.TokenCommand)."""
    ctx = None if spec.security == "plain" else ssl_context(spec.cafile)
    conn = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            if spec.security == "tls":
                conn = VerifiedIMAP4_SSL(spec.host, spec.port, ctx)
            else:
                conn = VerifiedIMAP4(spec.host, spec.port, ctx)
                if spec.security == "starttls":
                    if "STARTTLS" not in conn.capabilities:
                        raise CertificateError(f"{spec.host}:{spec.port} does not offer STARTTLS; refusing to send "
                                               "the password in clear text")
                    conn.starttls()
    except ssl.SSLCertVerificationError as exc:
        _close(conn)
        raise CertificateError(f"TLS certificate of {spec.host}:{spec.port} rejected: "
                               f"{exc.verify_message or exc.reason}" +
                               ("" if spec.cafile else " (use --cafile for a private CA)")) from None
    except ssl.SSLError as exc:
        _close(conn)
        raise ConnectError(f"TLS with {spec.host}:{spec.port} failed: {exc.reason or exc}") from None
    except CertificateError:
        _close(conn)
        raise
    except (OSError, imaplib2.IMAP4.error) as exc:
        _close(conn)
        if isinstance(exc, imaplib2.IMAP4.error) and isinstance(exc.__context__, ssl.SSLCertVerificationError):
            raise CertificateError(f"TLS certificate of {spec.host}:{spec.port} rejected") from None
        raise ConnectError(f"cannot connect to {spec.host}:{spec.port}: {_reason(exc)}") from None
    try:
        if isinstance(password, str):
            conn.login(user, password)
        else:  # an OAuth2 token source (oauth2.TokenCommand): SASL OAUTHBEARER or XOAUTH2
            password.login(conn, user)
    except (AuthError, ConnectError):  # the token source's own one-line errors
        _close(conn)
        raise
    except imaplib2.IMAP4.abort as exc:
        _close(conn)
        raise ConnectError(f"connection to {spec.host}:{spec.port} lost during login: {_reason(exc)}") from None
    except imaplib2.IMAP4.error as exc:
        _close(conn)
        raise AuthError(f"login as {user} at {spec.host}:{spec.port} refused: {_reason(exc)}") from None
    except OSError as exc:
        _close(conn)
        raise ConnectError(f"connection to {spec.host}:{spec.port} lost during login: {_reason(exc)}") from None
    try:
        conn._get_capabilities()  # servers announce more (CONDSTORE, MOVE, …) once logged in
    except NETWORK_ERRORS as exc:
        _close(conn)
        raise ConnectError(f"connection to {spec.host}:{spec.port} lost after login: {_reason(exc)}") from None
    return conn


def _reason(exc) -> str:
    arg = exc.args[0] if exc.args else ""
    text = _text(arg) if isinstance(arg, (bytes, list, tuple)) else (str(exc) or exc.__class__.__name__)
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    text = re.sub(r"^command: \w+ => ", "", text)
    return text.strip() or exc.__class__.__name__


def _close(conn) -> None:
    if conn is None:
        return
    try:
        conn.logout()
    except Exception:  # noqa: BLE001 - best effort on a connection that is going away
        try:
            conn._close_threads()
        except Exception:  # noqa: BLE001
            pass


close = _close


class Backoff:
    """Exponential backoff with jitter: 1, 2, 4 … up to `cap` seconds; reset after a success."""

    def __init__(self, first: float = 1.0, cap: float = 60.0):
        self.first, self.cap = first, cap
        self.attempt = 0

    def next_delay(self) -> float:
        delay = min(self.cap, self.first * (2 ** self.attempt))
        self.attempt += 1
        return delay * random.uniform(0.8, 1.2)

    def reset(self) -> None:
        self.attempt = 0


def connect_with_retry(spec: ServerSpec, user: str, password, *, retries: int | None = None,
                       backoff: Backoff | None = None, stop=None, what: str = "connection"):
    """connect(), retrying network faults with backoff (for ever when retries is None), and OAuth2 token problems,
    which are ConnectErrors too (oauth2.py). A refused password and certificate problems are not retried. `stop` (a
    threading.Event) ends the waiting early: returns None."""
    backoff = backoff or Backoff()
    failures = 0
    while True:
        try:
            conn = connect(spec, user, password)
            if failures:
                log.info("%s to %s restored after %d failed attempt%s", what, spec, failures,
                         "" if failures == 1 else "s")
            return conn
        except ConnectError as exc:
            failures += 1
            if retries is not None and failures > retries:
                raise
            delay = backoff.next_delay()
            log.error("%s: %s; retrying in %.1f s", what, exc, delay)
            if stop is not None:
                if stop.wait(delay):
                    return None
            else:
                time.sleep(delay)
