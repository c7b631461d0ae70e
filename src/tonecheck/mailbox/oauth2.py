"""OAuth2 logins for IMAP: an access token printed by --oauth2-token-command, sent with SASL OAUTHBEARER (RFC 7628)
where the server's CAPABILITY offers it, else XOAUTH2 (what Microsoft 365 offers).

Where the token comes from is the administrator's choice (`tonecheck auth`, or any script): tonecheck runs the
command, takes the one line it prints and keeps that token for every connection until the server refuses it. The
server is the judge of expiry (tokens may be opaque, clocks differ), so a refused token is dropped and the command run
again, once per login. A fresh token refused as well (revoked, or the command hands out a stale one) and a command that
fails are retried with backoff like a network fault: the identity provider may be down for a minute, or someone may
sign in again, and a service should not die meanwhile. At start-up the command runs once so a broken one is a
one-line error and exit 2 at once.

The token goes only into the SASL exchange: never on a command line, into a child's environment, a log line or an
exception message. The command's standard error is discarded (it may hold anything); run it by hand to see it.
"""
from __future__ import annotations

import base64
import json
import logging
import os
import re
import shlex
import signal
import subprocess
import threading

from .connection import AuthError, ConnectError, ServerSpec, WatchUsageError, _reason, imaplib2, resolve_credentials

log = logging.getLogger("tonecheck.watch")

TOKEN_TIMEOUT = 30.0       # seconds the token command may take (a silent refresh is one HTTPS round trip)
_SHELL_SYNTAX = set("|&;<>()$`\\*?[]{}~!#\n")   # a command using any of these is run by /bin/sh, others directly
_BEARER = re.compile(r"[A-Za-z0-9\-._~+/]+=*")  # RFC 6750 b64token: what an access token may be made of


class TokenCommandError(ConnectError):
    """The token command failed, hung or printed something that is not a token: retried with backoff."""


class TokenRefused(ConnectError):
    """The server refused a token the command had just printed (revoked, or not for this user): retried."""


class NoOAuthMechanism(AuthError):
    """The server offers neither OAUTHBEARER nor XOAUTH2: a setting that cannot work (exit 2, no retry)."""


def command_argv(command: str) -> list[str]:
    """The command split into words and run directly; through /bin/sh only when it uses shell syntax."""
    if _SHELL_SYNTAX & set(command):
        return ["/bin/sh", "-c", command]
    try:
        words = shlex.split(command)
    except ValueError:
        return ["/bin/sh", "-c", command]
    if not words:
        raise TokenCommandError("--oauth2-token-command is empty")
    return words


def token_from_output(out: bytes) -> str:
    """The access token in the command's output: one line of bearer-token characters, or TokenCommandError."""
    try:
        text = out.decode("ascii")
    except UnicodeDecodeError:
        raise TokenCommandError("--oauth2-token-command printed non-ASCII characters, not a token") from None
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if not lines:
        raise TokenCommandError("--oauth2-token-command printed nothing")
    if len(lines) > 1:
        raise TokenCommandError(f"--oauth2-token-command printed {len(lines)} lines; expected the token alone on "
                                "one line")
    token = lines[0].strip()
    if not _BEARER.fullmatch(token):
        raise TokenCommandError("--oauth2-token-command printed characters an access token cannot contain "
                                "(RFC 6750)")
    return token


def run_token_command(command: str, timeout: float = TOKEN_TIMEOUT) -> str:
    """Run the command (its own process group, killed whole on timeout) and return the token it printed."""
    argv = command_argv(command)
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                start_new_session=True)
    except OSError as exc:
        raise TokenCommandError(f"--oauth2-token-command cannot be run: {argv[0]}: {exc.strerror}") from None
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise TokenCommandError(f"--oauth2-token-command did not finish within {timeout:g} s") from None
    if proc.returncode != 0:  # what it printed may be secret: never shown
        raise TokenCommandError(f"--oauth2-token-command failed (exit status {proc.returncode}; run it by hand to "
                                "see its error output)")
    return token_from_output(out)


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()


class TokenCommand:
    """The token source shared by all of a watcher's connections: one command run per refresh, however many
    connections find the old token refused at the same time."""

    def __init__(self, command: str, timeout: float = TOKEN_TIMEOUT):
        self.command, self.timeout = command, timeout
        self.runs = 0                      # how often the command ran (tests, and a debug line)
        self._token: str | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:             # never shows the token
        return f"TokenCommand({self.command!r})"

    def token(self) -> tuple[str, bool]:
        """(token, fresh): the kept token, or a new one from the command (fresh=True)."""
        with self._lock:
            if self._token is not None:
                return self._token, False
            self._token = run_token_command(self.command, self.timeout)
            self.runs += 1
            return self._token, True

    def discard(self, token: str) -> None:
        """Forget `token` (the server refused it), unless another connection already replaced it."""
        with self._lock:
            if self._token == token:
                self._token = None

    def login(self, conn, user: str) -> None:
        """Authenticate `conn` as `user`: the kept token, and if the server refuses it, one new one."""
        mechanism = choose_mechanism(conn.capabilities)
        for attempt in (1, 2):
            token, fresh = self.token()
            try:
                authenticate(conn, mechanism, user, token)
                return
            except imaplib2.IMAP4.abort:
                raise
            except imaplib2.IMAP4.error as exc:
                self.discard(token)
                if fresh or attempt == 2:
                    raise _refused(conn, user, mechanism, exc) from None
                log.info("%s:%s refused the kept OAuth2 token (%s); running --oauth2-token-command again",
                         conn.host, conn.port, _reason(exc))


def _refused(conn, user: str, mechanism: str, exc) -> TokenRefused:
    return TokenRefused(f"login as {user} at {conn.host}:{conn.port} ({mechanism}) refused a fresh token from "
                        f"--oauth2-token-command: {_reason(exc)}")


def choose_mechanism(capabilities) -> str:
    caps = {c.upper() for c in capabilities}
    if "AUTH=OAUTHBEARER" in caps:
        return "OAUTHBEARER"
    if "AUTH=XOAUTH2" in caps:
        return "XOAUTH2"
    raise NoOAuthMechanism("the server offers neither AUTH=OAUTHBEARER nor AUTH=XOAUTH2: it does not take OAuth2 "
                           "logins")


def initial_response(mechanism: str, user: str, token: str, host: str, port: int) -> bytes:
    """The client's first SASL message: RFC 7628 section 3.1 for OAUTHBEARER; Google's XOAUTH2 format."""
    if mechanism == "OAUTHBEARER":
        user_part = user.replace("=", "=3D").replace(",", "=2C")
        return f"n,a={user_part},\x01host={host}\x01port={port}\x01auth=Bearer {token}\x01\x01".encode()
    return f"user={user}\x01auth=Bearer {token}\x01\x01".encode()


def authenticate(conn, mechanism: str, user: str, token: str) -> None:
    """AUTHENTICATE; a refused token raises imaplib2's IMAP4.error naming the server's status (e.g. 401)."""
    first = initial_response(mechanism, user, token, conn.host, conn.port)
    challenges: list[bytes] = []

    def respond(challenge: bytes):
        challenges.append(challenge)
        if len(challenges) == 1:
            return first
        if len(challenges) == 2:  # the server's error report: acknowledge it, it then answers NO
            return b"\x01" if mechanism == "OAUTHBEARER" else b""
        return None               # anything more: abort the exchange

    try:
        conn.authenticate(mechanism, respond)
    except imaplib2.IMAP4.abort:
        raise
    except imaplib2.IMAP4.error as exc:
        status = _error_status(challenges[1:])
        raise imaplib2.IMAP4.error(f"{_reason(exc)}{f' (status {status})' if status else ''}") from None


def _error_status(challenges) -> str | None:
    """The "status" of the JSON error report an OAuth2 server sends before NO (RFC 7628 3.2.2), if any."""
    for challenge in challenges:
        try:
            report = json.loads(challenge if challenge[:1] == b"{" else base64.b64decode(challenge))
        except ValueError:
            continue
        if isinstance(report, dict) and isinstance(report.get("status"), str):
            return re.sub(r"[^\w.-]", "", report["status"])[:20]
    return None


def resolve_login(spec: ServerSpec, password_command: str | None = None, token_command: str | None = None,
                  token_timeout: float | None = None):
    """(user, secret): a password (resolve_credentials), or a TokenCommand that has printed a token once."""
    if not token_command:
        return resolve_credentials(spec, password_command)
    if password_command:
        raise WatchUsageError("use --password-command or --oauth2-token-command, not both")
    if not spec.user:
        raise WatchUsageError("no user name: put the mailbox in the URL (imaps://user@host); OAuth2 logs in as it")
    source = TokenCommand(token_command, float(token_timeout or TOKEN_TIMEOUT))
    try:
        source.token()
    except TokenCommandError as exc:
        raise WatchUsageError(str(exc)) from None
    return spec.user, source
