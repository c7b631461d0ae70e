"""A real Postfix for the milter tests: a private instance (its own config_directory, queue_directory and
data_directory under a temporary folder) listening for SMTP on a free loopback port, passing each message to the
milter named in `smtpd_milters`, and delivering every accepted message to one Maildir under the same folder
through Postfix's `virtual` delivery agent (the system's Postfix, if any, is not touched or started).

Import `Postfix` in a test module; `require_postfix()` skips with the apt-get command when the binary is missing.
Runs as root (as CI does): `postfix -c DIR start` and `postqueue -c DIR` are only allowed there for a
configuration directory that the default main.cf does not list.
"""
from __future__ import annotations

import email
import json
import os
import pwd
import shutil
import smtplib
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from dovecot import free_port  # noqa: F401  (one loopback-port picker for every fixture; test_milter imports it from here)

DOMAINS = ("company.example", "customer.example", "partner.example")
_MAIN_CF = """\
compatibility_level = 3.6
config_directory = {d}/etc
queue_directory = {d}/queue
data_directory = {d}/data
maillog_file = {d}/maillog
maillog_file_prefixes = {d}
syslog_name = tonecheck-test-postfix
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.company.example
mydomain = company.example
myorigin = company.example
mydestination =
relayhost =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtputf8_enable = no
biff = no
virtual_mailbox_domains = {domains}
virtual_mailbox_base = {d}/mail
virtual_mailbox_maps = static:Maildir/
virtual_uid_maps = static:{uid}
virtual_gid_maps = static:{gid}
virtual_minimum_uid = 1
virtual_destination_concurrency_limit = 4
smtpd_milters = {milter}
milter_default_action = {default_action}
milter_protocol = 6
milter_connect_timeout = 5s
milter_command_timeout = 10s
milter_content_timeout = 30s
smtpd_client_connection_count_limit = 0
smtpd_client_message_rate_limit = 0
smtpd_client_connection_rate_limit = 0
anvil_rate_time_unit = 60s
message_size_limit = 20480000
"""
# the services a submission and a local delivery need, none chrooted (the chroot would need copies of /etc files)
_MASTER_CF = """\
127.0.0.1:{port} inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
virtual   unix  -       n       n       -       -       virtual
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
"""


def _postfix_bin() -> str:
    return shutil.which("postfix") or "/usr/sbin/postfix"


def have_postfix() -> bool:
    return os.path.exists(_postfix_bin())


def require_postfix() -> None:
    if not have_postfix():
        pytest.skip("the postfix binary is not installed (apt-get install postfix)")
    if os.geteuid() != 0:
        pytest.skip("a private Postfix instance needs root (as in CI)")


class Postfix:
    """One private Postfix instance: `start()`, `stop()`, `send(...)`, `delivered()`, `queue()`, `log()`."""

    def __init__(self, milter: str, default_action: str = "tempfail", root: str | None = None):
        self.dir = Path(root or tempfile.mkdtemp(prefix="tonecheck-postfix-"))
        self.port = free_port()
        d = self.dir
        os.chmod(d, 0o755)
        for sub in ("etc", "queue", "data", "mail"):
            (d / sub).mkdir(exist_ok=True)
        owner = pwd.getpwnam("postfix")
        os.chown(d / "data", owner.pw_uid, owner.pw_gid)
        os.chown(d / "mail", owner.pw_uid, owner.pw_gid)
        (d / "etc" / "main.cf").write_text(_MAIN_CF.format(
            d=d, domains=", ".join(DOMAINS), uid=owner.pw_uid, gid=owner.pw_gid, milter=milter,
            default_action=default_action))
        (d / "etc" / "master.cf").write_text(_MASTER_CF.format(port=self.port))
        self.maildir = d / "mail" / "Maildir"

    @property
    def config(self) -> str:
        return str(self.dir / "etc")

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(list(args), stdin=subprocess.DEVNULL, capture_output=True, text=True, check=check,
                              timeout=60)

    def start(self) -> "Postfix":
        res = self._run(_postfix_bin(), "-c", self.config, "start", check=False)
        if res.returncode:
            raise RuntimeError(f"postfix failed to start: {res.stderr.strip()}\n{self.log()}")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with smtplib.SMTP("127.0.0.1", self.port, timeout=2) as s:
                    s.noop()
                    return self
            except (OSError, smtplib.SMTPException):
                time.sleep(0.1)
        raise RuntimeError(f"postfix did not start; log:\n{self.log()}")

    def stop(self) -> None:
        self._run(_postfix_bin(), "-c", self.config, "stop", check=False)

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def log(self) -> str:
        try:
            return (self.dir / "maillog").read_text(errors="replace")
        except OSError:
            return ""

    # --- the client side: smtplib from the stdlib ------------------------------------------------------------

    def send(self, raw: bytes, sender: str, recipients: list[str], smtp: smtplib.SMTP | None = None):
        """Submit one message; (code, reply text) of the end of DATA, or of the command that refused it."""
        own = smtp is None
        smtp = smtp or smtplib.SMTP("127.0.0.1", self.port, timeout=60)
        try:
            smtp.sendmail(sender, recipients, raw)
            return 250, ""
        except smtplib.SMTPDataError as exc:
            return exc.smtp_code, exc.smtp_error.decode("utf-8", "replace")
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()))
            return code, text.decode("utf-8", "replace")
        except smtplib.SMTPSenderRefused as exc:
            return exc.smtp_code, exc.smtp_error.decode("utf-8", "replace")
        except smtplib.SMTPResponseException as exc:
            return exc.smtp_code, exc.smtp_error.decode("utf-8", "replace")
        finally:
            if own:
                try:
                    smtp.quit()
                except (OSError, smtplib.SMTPException):
                    pass

    # --- what became of the mail -----------------------------------------------------------------------------

    def delivered(self) -> list[bytes]:
        """The raw bytes of every message in the Maildir (new/ and cur/)."""
        out = []
        for sub in ("new", "cur"):
            folder = self.maildir / sub
            if folder.is_dir():
                out.extend(p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file())
        return out

    def delivered_by_id(self) -> dict[str, bytes]:
        """Delivered messages keyed by their Message-ID."""
        out = {}
        for raw in self.delivered():
            mid = email.message_from_bytes(raw).get("Message-ID", "")
            out[mid.strip()] = raw
        return out

    def queue(self) -> list[dict]:
        """`postqueue -j`: one dict per queued message (queue_name is 'hold' for held mail)."""
        res = self._run("postqueue", "-c", self.config, "-j")
        return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]

    def wait_delivered(self, message_ids: list[str], timeout: float = 30.0) -> dict[str, bytes]:
        """Wait until every one of `message_ids` is in the Maildir; the delivered messages by Message-ID."""
        deadline = time.monotonic() + timeout
        while True:
            landed = self.delivered_by_id()
            if all(m in landed for m in message_ids):
                return landed
            if time.monotonic() > deadline:
                raise AssertionError(f"not delivered: {[m for m in message_ids if m not in landed]}\n"
                                     f"{self.log()[-3000:]}")
            time.sleep(0.05)

    def wait_settled(self, expected: int, timeout: float = 30.0) -> None:
        """Wait until `expected` messages are delivered or held and nothing else is queued."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            queue = self.queue()
            held = sum(1 for q in queue if q.get("queue_name") == "hold")
            if len(self.delivered()) + held >= expected and len(queue) == held:
                return
            time.sleep(0.1)
        raise AssertionError(f"mail not settled: {len(self.delivered())} delivered, queue {self.queue()}\n"
                             f"{self.log()[-3000:]}")


def body_of(raw: bytes) -> bytes:
    """The body of a raw message: everything after the first empty line (CRLF or LF)."""
    for sep in (b"\r\n\r\n", b"\n\n"):
        head, found, body = raw.partition(sep)
        if found:
            return body
    return b""


_TRACE = (b"return-path", b"delivered-to", b"x-original-to", b"received")


def headers_without_trace(raw: bytes) -> list[bytes]:
    """The header lines (unfolded, LF line ends) minus those Postfix adds on delivery (Return-Path, Delivered-To,
    X-Original-To, Received), to compare a sent message with what landed."""
    head = raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    fields: list[bytes] = []
    for line in head.split(b"\n"):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += b"\n" + line
        else:
            fields.append(line)
    return [f for f in fields if f.split(b":", 1)[0].lower() not in _TRACE]
