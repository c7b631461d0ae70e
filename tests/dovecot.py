"""A real Dovecot IMAP server for the watch tests: started from a config in a temporary folder, on free loopback
ports, with a passwd-file of users and a Maildir each, and IMAPS with a self-signed certificate made by openssl.

Follows /work/shared/recipes/dovecot.md. Import `dovecot_server` (session-scoped, several users so tests stay
isolated without a restart) and `Dovecot` (to start a private instance, e.g. for a restart test) in a test module.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

PASSWORD = "Tc-pw-9d41f7"  # distinctive, so a test can show it never reaches a log
USERS = [f"u{i}" for i in range(1, 31)]
_CONF = """\
instance_name = tonecheck-test-{tag}
base_dir  = {d}/run
state_dir = {d}/state
log_path  = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
disable_plaintext_auth = no
{auth}userdb {{
  driver = passwd-file
  args = username_format=%u {d}/users
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Drafts {{
    special_use = \\Drafts
  }}
}}
ssl = yes
ssl_cert = <{d}/cert.pem
ssl_key  = <{d}/key.pem
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1, 127.0.0.2
    port = {imaps_port}
    ssl = yes
  }}
}}
"""
# how users log in: their password from the users file (an OAuth2 server has its own, see tests/oauth_idp.py)
PASSWORD_AUTH = """\
auth_mechanisms = plain login
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def have_dovecot() -> bool:
    return bool(shutil.which("dovecot") or os.path.exists("/usr/sbin/dovecot"))


def _dovecot_bin() -> str:
    return shutil.which("dovecot") or "/usr/sbin/dovecot"


class Dovecot:
    """One Dovecot instance; `start()` / `stop()` / `restart()`; `url(user, scheme)` names it for the watcher."""

    def __init__(self, users=USERS, root: str | None = None, auth: str = PASSWORD_AUTH):
        self.dir = Path(root or tempfile.mkdtemp(prefix="tonecheck-dovecot-"))
        self.users = list(users)
        self.imap_port = free_port()
        self.imaps_port = free_port()
        d = self.dir
        os.chmod(d, 0o755)
        for sub in ("run", "state"):
            (d / sub).mkdir(exist_ok=True)
        lines = []
        for u in self.users:
            home = d / "mail" / u
            home.mkdir(parents=True, exist_ok=True)
            os.chown(home, 65534, 65534)
            os.chmod(d / "mail", 0o755)
            lines.append(f"{u}:{{PLAIN}}{PASSWORD}:65534:65534::{home}::")
        (d / "users").write_text("\n".join(lines) + "\n")
        if not (d / "cert.pem").exists():
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650",
                            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                            "-keyout", str(d / "key.pem"), "-out", str(d / "cert.pem")],
                           check=True, capture_output=True)
            os.chmod(d / "key.pem", 0o600)
        (d / "dovecot.conf").write_text(_CONF.format(d=d, tag=os.getpid() % 100000 * 100 + self.imaps_port % 100,
                                                     imap_port=self.imap_port, imaps_port=self.imaps_port,
                                                     auth=auth.format(d=d)))
        self.cafile = str(d / "cert.pem")

    @property
    def pidfile(self) -> Path:
        return self.dir / "run" / "master.pid"

    def start(self) -> "Dovecot":
        # the master daemonises: give it no pipes to inherit (a pipe would keep run() waiting for ever)
        with open(self.dir / "start.err", "wb") as err:
            rc = subprocess.run([_dovecot_bin(), "-c", str(self.dir / "dovecot.conf")], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err).returncode
        if rc:
            raise RuntimeError(f"dovecot failed to start: {(self.dir / 'start.err').read_text(errors='replace')}")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.imaps_port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"dovecot did not start; log:\n{self.log()}")

    def stop(self, wait: bool = True) -> None:
        try:
            pid = int(self.pidfile.read_text().strip())
        except (OSError, ValueError):
            return
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        if wait:
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)

    def restart(self) -> None:
        self.stop()
        self.start()

    def kick(self, user: str) -> None:
        """Drop every connection of `user` (the server closes them), as a network fault would."""
        subprocess.run(["doveadm", "-c", str(self.dir / "dovecot.conf"), "kick", user], check=True,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def log(self) -> str:
        try:
            return (self.dir / "dovecot.log").read_text(errors="replace")
        except OSError:
            return ""

    def url(self, user: str, scheme: str = "imaps", host: str = "127.0.0.1") -> str:
        port = self.imaps_port if scheme == "imaps" else self.imap_port
        return f"{scheme}://{user}@{host}:{port}"

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    # --- a plain test client (imaplib from the stdlib: an independent second client) -------------------------

    def client(self, user: str):
        import imaplib

        ctx = ssl.create_default_context(cafile=self.cafile)
        c = imaplib.IMAP4_SSL("127.0.0.1", self.imaps_port, ssl_context=ctx)
        c.login(user, PASSWORD)
        return c


def require_dovecot():
    if not have_dovecot():
        pytest.skip("the dovecot binary is not installed (apt-get install dovecot-imapd)")


@pytest.fixture(scope="session")
def dovecot_server():
    require_dovecot()
    server = Dovecot().start()
    try:
        yield server
    finally:
        server.cleanup()


_next_user = iter(USERS)


@pytest.fixture
def imap_user(dovecot_server):
    """A mailbox user no other test has touched."""
    try:
        return next(_next_user)
    except StopIteration:  # pragma: no cover - add users to USERS
        pytest.fail("tests/dovecot.py: out of test users; add more to USERS")
