"""`tonecheck watch` against a real Dovecot (tests/dovecot.py): no mock IMAP.

Each test takes its own mailbox user from the shared server, so tests never see each other's mail. The second IMAP
client in these tests is the stdlib's imaplib, an implementation independent of the watcher's imaplib2.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dovecot import PASSWORD

from tonecheck.config import Config
from tonecheck.mailbox.connection import (Backoff, CertificateError, ConnectError, WatchUsageError, connect,
                                          connect_with_retry, parse_url, resolve_credentials)
from tonecheck.mailbox.verdict import KEYWORDS, report_message_id
from tonecheck.mailbox.watcher import WatchOptions, Watcher
from tonecheck.mailbox.workflow import mutf7
from tonecheck.runner import Runner

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning:imaplib2.imaplib2"),
              pytest.mark.filterwarnings("ignore::DeprecationWarning:threading")]

TONECHECK = str(Path(sys.executable).parent / "tonecheck")
OK_TEXT = "Your refund of 20 EUR was sent today. Nothing else is needed from you."
WARN_TEXT = "Per my last email, the refund was sent today. Nothing else is needed from you."
FAIL_TEXT = "The refund was sent today, NOT next week. Nothing else is needed from you."   # shouting -> error


def draft(n: int, text: str = OK_TEXT, subject: str | None = None, sender: str = "support@example.com") -> bytes:
    return (f"From: Ana <{sender}>\r\nTo: bob{n}@customer.example\r\nSubject: {subject or f'Refund {n}'}\r\n"
            f"Message-ID: <draft-{n}-{time.time_ns()}@example.com>\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\nHi Bob,\r\n\r\n{text} (ref {n})\r\n\r\nBest,\r\nAna\r\n"
            ).encode()


MALFORMED = (b"From: Ana <support@example.com>\r\nSubject: Half-saved\r\nMIME-Version: 1.0\r\n"
             b"Content-Type: multipart/mixed; boundary=\"never-used\"\r\n\r\nthe boundary never comes\r\n")


@pytest.fixture(scope="module")
def runner():
    # one rule made error-severity through the config, so all three verdicts can be produced
    r = Runner(base=Config(severity=(("defensive.shouting", "error"),)))
    r.check_path("warm-up.eml", data=draft(0))
    return r


class Box:
    """The test's view of one mailbox, through the stdlib imaplib."""

    def __init__(self, server, user):
        self.server, self.user = server, user
        self.c = server.client(user)

    def ensure(self, folder):
        self.c.create(_q(folder))

    def append(self, folder, data: bytes, flags=r"(\Draft)"):
        self.ensure(folder)
        typ, dat = self.c.append(_q(folder), flags, None, data)
        assert typ == "OK", dat
        return int(re.search(rb"APPENDUID \d+ (\d+)", dat[-1]).group(1))

    def messages(self, folder) -> dict[int, tuple[list[str], bytes]]:
        """uid -> (flags, bytes) of every message in `folder`, read without changing anything."""
        typ, _ = self.c.select(_q(folder), readonly=True)
        if typ != "OK":
            return {}
        typ, dat = self.c.uid("FETCH", "1:*", "(UID FLAGS BODY.PEEK[])")
        out = {}
        for item in dat:
            if isinstance(item, tuple):
                uid = int(re.search(rb"UID (\d+)", item[0]).group(1))
                flags = re.search(rb"FLAGS \(([^)]*)\)", item[0]).group(1).decode().split()
                out[uid] = (flags, item[1])
        self.c.close()
        return out

    def resave(self, folder, old_uid: int, data: bytes) -> int:
        """What a mail client does on "save draft": append the new version, then expunge the old one."""
        new = self.append(folder, data)
        self.c.select(_q(folder))
        self.c.uid("STORE", str(old_uid), "+FLAGS.SILENT", r"(\Deleted)")
        self.c.uid("EXPUNGE", str(old_uid))
        self.c.close()
        return new

    def reports(self, folder="Tonecheck") -> list[bytes]:
        return [m for _f, m in self.messages(folder).values()]

    def close(self):
        try:
            self.c.logout()
        except Exception:  # noqa: BLE001
            pass


def _q(folder):
    return '"' + mutf7(folder) + '"'


def _verdict(flags):
    found = [v for v, kw in KEYWORDS.items() if kw in flags]
    assert len(found) <= 1, flags
    return found[0] if found else None


def _header(msg: bytes, name: str) -> str | None:
    m = re.search(rb"^" + name.encode() + rb": *(.*)$", msg, re.M | re.I)
    return m.group(1).decode().strip() if m else None


def wait_for(cond, timeout=15.0, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        v = cond()
        if v:
            return v
        time.sleep(step)
    raise AssertionError(f"condition not met within {timeout} s")


def make_watcher(server, user, runner, **opts) -> Watcher:
    spec = parse_url(server.url(user), cafile=server.cafile)
    opts.setdefault("backoff_first", 0.1)
    opts.setdefault("backoff_cap", 0.5)
    return Watcher(spec, user, PASSWORD, runner, WatchOptions(**opts))


class Running:
    """A watcher in service mode on a thread; stopped (and joined) on exit."""

    def __init__(self, watcher):
        self.w = watcher
        self.t = threading.Thread(target=watcher.run_forever, daemon=True)

    def __enter__(self):
        self.t.start()
        return self.w

    def __exit__(self, *exc):
        self.w.request_stop()
        self.t.join(timeout=20)
        assert not self.t.is_alive()


@pytest.fixture
def box(dovecot_server, imap_user):
    b = Box(dovecot_server, imap_user)
    b.ensure("Drafts")
    yield b
    b.close()


# --- URL, TLS, credentials -------------------------------------------------------------------------------------

def test_url_forms_and_plaintext_refused():
    s = parse_url("imaps://alice@mail.example.com")
    assert (s.host, s.port, s.user, s.security) == ("mail.example.com", 993, "alice", "tls")
    assert parse_url("imaps://alice@mail.example.com:1993").port == 1993
    s = parse_url("imap://alice@mail.example.com", starttls=True)
    assert (s.port, s.security) == (143, "starttls")
    assert parse_url("imap://bob%40corp@h", allow_plaintext=True).user == "bob@corp"
    with pytest.raises(WatchUsageError, match="clear text"):
        parse_url("imap://alice@mail.example.com")
    with pytest.raises(WatchUsageError, match="password in the URL"):
        parse_url("imaps://alice:hunter2@mail.example.com")
    with pytest.raises(WatchUsageError, match="scheme"):
        parse_url("pop3://alice@mail.example.com")


def test_credentials_env_command_netrc(tmp_path):
    spec = parse_url("imaps://alice@mail.example.com")
    assert resolve_credentials(spec, environ={"TONECHECK_IMAP_PASSWORD": "pw1"}) == ("alice", "pw1")
    assert resolve_credentials(spec, "printf 'pw2\\nignored'", environ={}) == ("alice", "pw2")
    with pytest.raises(WatchUsageError, match=r"failed \(exit status 3\)") as exc:
        resolve_credentials(spec, "echo leaked-secret; exit 3", environ={})
    assert "leaked-secret" not in str(exc.value)
    rc = tmp_path / "netrc"
    rc.write_text("machine mail.example.com login alice password pw3\n")
    rc.chmod(0o600)
    assert resolve_credentials(spec, environ={}, netrc_file=str(rc)) == ("alice", "pw3")
    assert resolve_credentials(parse_url("imaps://mail.example.com"), environ={}, netrc_file=str(rc)) == \
        ("alice", "pw3")
    with pytest.raises(WatchUsageError, match="no password"):
        resolve_credentials(parse_url("imaps://carol@other.example"), environ={}, netrc_file=str(rc))


def test_tls_verified_by_default(dovecot_server, imap_user):
    s = dovecot_server
    # the self-signed certificate is not trusted without --cafile
    with pytest.raises(CertificateError, match="self-signed"):
        connect(parse_url(s.url(imap_user)), imap_user, PASSWORD)
    # trusted, but the certificate names localhost/127.0.0.1, not 127.0.0.2 (the same server): refused
    with pytest.raises(CertificateError, match="127.0.0.2"):
        connect(parse_url(s.url(imap_user, host="127.0.0.2"), cafile=s.cafile), imap_user, PASSWORD)
    # by name, over IMAPS and over STARTTLS
    for url, kw in ((s.url(imap_user, host="localhost"), {}), (s.url(imap_user, "imap", "localhost"),
                                                                {"starttls": True})):
        conn = connect(parse_url(url, cafile=s.cafile, **kw), imap_user, PASSWORD)
        assert conn.sock.version().startswith("TLS")
        conn.logout()


def test_starttls_then_commands_never_lose_a_response(dovecot_server, imap_user):
    """Right after STARTTLS a TLS 1.3 server sends session tickets; before TLS I/O was serialised, a reader thread
    consuming them raced the next command and 30 of 300 connects hung until the response timeout."""
    from tonecheck.mailbox.connection import VerifiedIMAP4, VerifiedIMAP4_SSL, ssl_context
    s = dovecot_server
    ctx = ssl_context(s.cafile)
    for i in range(40):
        if i % 4:
            conn = VerifiedIMAP4("localhost", s.imap_port, ctx, timeout=5.0)
            conn.starttls()
        else:
            conn = VerifiedIMAP4_SSL("localhost", s.imaps_port, ctx, timeout=5.0)
        assert conn.sock.version() == "TLSv1.3"
        conn.login(imap_user, PASSWORD)
        assert conn.select("INBOX")[0] == "OK"
        conn.logout()


def test_network_fault_is_retried_then_reported(dovecot_server, imap_user, caplog):
    from dovecot import free_port
    spec = parse_url(f"imaps://{imap_user}@127.0.0.1:{free_port()}", cafile=dovecot_server.cafile)
    with caplog.at_level(logging.ERROR, logger="tonecheck.watch"):
        with pytest.raises(ConnectError, match="refused"):
            connect_with_retry(spec, imap_user, PASSWORD, retries=2, backoff=Backoff(0.01, 0.02))
    assert len([r for r in caplog.records if "retrying in" in r.getMessage()]) == 2


def test_wrong_password_exits_2(dovecot_server, imap_user, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        _cli(), ["watch", dovecot_server.url(imap_user), "--cafile", dovecot_server.cafile, "--once"],
        env={"TONECHECK_IMAP_PASSWORD": "wrong-Pw-1234"})
    assert result.exit_code == 2, result.output
    assert f"login as {imap_user}" in result.output and "Authentication failed" in result.output
    assert "wrong-Pw-1234" not in result.output


def _cli():
    from tonecheck.cli import main
    return main


# --- checking, keywords, reports ---------------------------------------------------------------------------------

def test_once_verdicts_reports_and_resume(dovecot_server, box, runner, caplog):
    originals = {}
    for n, text in ((1, OK_TEXT), (2, WARN_TEXT), (3, FAIL_TEXT)):
        data = draft(n, text)
        originals[box.append("Drafts", data)] = data
    bad_uid = box.append("Drafts", MALFORMED)
    originals[bad_uid] = MALFORMED
    after_bad = box.append("Drafts", draft(4, WARN_TEXT))
    with caplog.at_level(logging.DEBUG):
        stats = make_watcher(dovecot_server, box.user, runner).run_once()
    assert stats.checked == 5 and stats.reports == 5
    assert PASSWORD not in caplog.text
    lines = [r.getMessage() for r in caplog.records if re.match(r"Drafts UID \d+: ", r.getMessage())]
    assert len(lines) == 5 and all(re.search(r"\d+ ms", line) for line in lines)

    msgs = box.messages("Drafts")
    verdicts = {uid: _verdict(flags) for uid, (flags, _m) in msgs.items()}
    uids = sorted(originals)
    assert [verdicts[u] for u in uids] == ["ok", "warn", "fail", "fail"] and verdicts[after_bad] == "warn"
    for uid, data in originals.items():  # the drafts themselves are untouched
        assert msgs[uid][1] == data
        assert r"\Seen" not in msgs[uid][0]

    reports = {_header(m, "In-Reply-To"): m for m in box.reports()}
    assert len(reports) == 4 + 1  # the malformed draft has no Message-ID: its report threads by nothing
    warn = reports[_header(originals[uids[1]], "Message-ID")]
    assert _header(warn, "Subject") == "tonecheck: 1 finding in 'Refund 2'"
    assert _header(warn, "References") == _header(originals[uids[1]], "Message-ID")
    assert _header(warn, "Message-ID") == report_message_id(hashlib.sha256(originals[uids[1]]).hexdigest())
    body = warn.decode()
    assert "defensive.passive-aggressive" in body and "Per my last email" in body and "suggestion:" in body
    fail = reports[_header(originals[uids[2]], "Message-ID")]
    assert "error [defensive.shouting]" in fail.decode() and "Verdict: FAIL" in fail.decode()
    assert _header(reports[_header(originals[uids[0]], "Message-ID")], "Subject") == \
        "tonecheck: 0 findings in 'Refund 1'"
    malformed = [m for m in box.reports() if b"Half-saved" in m][0]
    assert _header(malformed, "Subject") == "tonecheck: could not read 'Half-saved'"
    assert b"could not be read: message has no text part" in malformed

    # a restart resumes from the keywords: nothing is checked twice, no report is added
    stats = make_watcher(dovecot_server, box.user, runner).run_once()
    assert stats.checked == 0 and len(box.reports()) == 5


def test_idle_wakeup_resave_and_reissue(dovecot_server, box, runner):
    w = make_watcher(dovecot_server, box.user, runner, idle_timeout=0.5)  # re-issue IDLE twice a second
    with Running(w):
        wait_for(lambda: w.notifiers and all(n.conn is not None for n in w.notifiers))
        time.sleep(1.2)  # a few IDLE re-issues
        t0 = time.monotonic()
        uid1 = box.append("Drafts", draft(1, WARN_TEXT))
        wait_for(lambda: _verdict(box.messages("Drafts").get(uid1, ([], b""))[0]) == "warn")
        latency = time.monotonic() - t0
        # the agent edits and saves again: a new message, the old one expunged
        uid2 = box.resave("Drafts", uid1, draft(1, OK_TEXT))
        wait_for(lambda: _verdict(box.messages("Drafts").get(uid2, ([], b""))[0]) == "ok")
        wait_for(lambda: len(box.reports()) == 2)
    assert latency < 5
    msgs = box.messages("Drafts")
    assert list(msgs) == [uid2]
    subjects = sorted(_header(m, "Subject") for m in box.reports())
    assert subjects == ["tonecheck: 0 findings in 'Refund 1'", "tonecheck: 1 finding in 'Refund 1'"]
    assert len({_header(m, "Message-ID") for m in box.reports()}) == 2


def test_polling_fallback(dovecot_server, box, runner):
    w = make_watcher(dovecot_server, box.user, runner, use_idle=False, poll_interval=0.3, folders=("Drafts", "Shared"))
    with Running(w):
        wait_for(lambda: len(w.notifiers) == 2 and all(n.conn is not None for n in w.notifiers))
        a = box.append("Drafts", draft(1))
        b = box.append("Shared", draft(2, WARN_TEXT))
        wait_for(lambda: _verdict(box.messages("Shared").get(b, ([], b""))[0]) == "warn")
        wait_for(lambda: _verdict(box.messages("Drafts").get(a, ([], b""))[0]) == "ok")


def test_dropped_connection_and_server_restart(dovecot_server, box, runner, caplog):
    w = make_watcher(dovecot_server, box.user, runner)
    with caplog.at_level(logging.INFO, logger="tonecheck.watch"), Running(w):
        wait_for(lambda: w.notifiers and w.notifiers[0].conn is not None)
        a = box.append("Drafts", draft(1))
        wait_for(lambda: _verdict(box.messages("Drafts")[a][0]))
        # the server drops every connection of this user (worker and IDLE) at once
        box.close()
        dovecot_server.kick(box.user)
        box.c = dovecot_server.client(box.user)
        b = box.append("Drafts", draft(2, WARN_TEXT))
        wait_for(lambda: _verdict(box.messages("Drafts")[b][0]) == "warn")
        # the server restarts while the watcher is in IDLE; a draft arrives before the watcher is back
        box.close()
        dovecot_server.restart()
        box.c = dovecot_server.client(box.user)
        c = box.append("Drafts", draft(3, FAIL_TEXT))
        wait_for(lambda: _verdict(box.messages("Drafts")[c][0]) == "fail", timeout=30)
        d = box.append("Drafts", draft(4))  # and IDLE works again afterwards
        wait_for(lambda: _verdict(box.messages("Drafts")[d][0]) == "ok")
    text = caplog.text
    assert "connection" in text and "lost" in text and "reconnect" in text
    assert len(box.reports()) == 4
    assert PASSWORD not in text


def test_two_watchers_one_report_per_draft(dovecot_server, box, runner, monkeypatch):
    # deterministic race: watcher B checks and claims the draft while A is still checking it
    uid = box.append("Drafts", draft(1, WARN_TEXT))
    a, b = make_watcher(dovecot_server, box.user, runner), make_watcher(dovecot_server, box.user, runner)
    real_check = a.check

    def slow_check(data, folder, u):
        b.run_once()  # B gets there first
        return real_check(data, folder, u)

    monkeypatch.setattr(a, "check", slow_check)
    sa = a.run_once()
    assert b.stats.checked == 1 and sa.checked == 0 and sa.skipped == 1
    assert len(box.reports()) == 1 and _verdict(box.messages("Drafts")[uid][0]) == "warn"


def test_two_watcher_processes_race(dovecot_server, box, runner, tmp_path):
    n = 40
    for i in range(n):
        box.append("Drafts", draft(i, (OK_TEXT, WARN_TEXT, FAIL_TEXT)[i % 3]))
    env = dict(os.environ, TONECHECK_IMAP_PASSWORD=PASSWORD)
    proc = subprocess.Popen([TONECHECK, "watch", dovecot_server.url(box.user), "--cafile", dovecot_server.cafile,
                             "--once", "--config", str(_config(tmp_path))], env=env, cwd=tmp_path,
                            stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stderr.readline()  # "watching …": the other process is connecting now
        assert "watching" in first, first
        stats = make_watcher(dovecot_server, box.user, runner).run_once()
        rest = proc.stderr.read()
        assert proc.wait(timeout=60) == 0, rest
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    other = int(re.search(r"done: (\d+) checked", rest).group(1))
    assert stats.checked + other == n
    reports = box.reports()
    assert len(reports) == n
    assert len({_header(m, "Message-ID") for m in reports}) == n
    msgs = box.messages("Drafts")
    assert all(_verdict(flags) for flags, _m in msgs.values())


def _config(tmp_path) -> Path:
    cfg = tmp_path / "tonecheck.toml"
    cfg.write_text('[severity]\n"defensive.shouting" = "error"\n')
    return cfg


# --- review workflow ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("use_move,n", [(True, 200), (False, 40)], ids=["MOVE", "COPY+verify+UID-EXPUNGE"])
def test_review_workflow_moves_every_byte_intact(dovecot_server, box, runner, use_move, n):
    outbox, ok_box, fail_box = "To check", "Ready to send", "Needs changes"
    box.ensure(outbox)
    sent = {}
    for i in range(n):
        data = draft(i, (OK_TEXT, WARN_TEXT, FAIL_TEXT)[i % 3] + " é €" * (i % 5)) if i != 7 else MALFORMED
        sent[hashlib.sha256(data).hexdigest()] = data
        box.append(outbox, data)
    # a message someone else marked \Deleted in the outbox must survive our UID EXPUNGEs
    bystander = box.append(outbox, draft(999), flags=r"(\Deleted)")
    w = make_watcher(dovecot_server, box.user, runner, folders=(), outbox=outbox, pass_to=ok_box,
                     fail_to=fail_box, use_move=use_move)
    t0 = time.perf_counter()
    stats = w.run_once()
    elapsed = time.perf_counter() - t0
    assert stats.checked == n and stats.moved == n, stats
    left = box.messages(outbox)
    assert list(left) == [bystander]
    passed, failed = box.messages(ok_box), box.messages(fail_box)
    got = {}
    for folder, expected in ((passed, {"ok", "warn"}), (failed, {"fail"})):
        for flags, data in folder.values():
            assert _verdict(flags) in expected
            got[hashlib.sha256(data).hexdigest()] = data
    assert len(passed) + len(failed) == n
    assert got.keys() == sent.keys()  # every byte of every draft, by hash
    assert len(box.reports()) == n
    print(f"\nreview workflow ({'MOVE' if use_move else 'COPY'}): {n} drafts in {elapsed:.2f} s")


def test_cli_once_with_config_table(dovecot_server, box, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ca.pem").write_bytes(Path(dovecot_server.cafile).read_bytes())
    (tmp_path / "tonecheck.toml").write_text(
        f'[watch]\nurl = "{dovecot_server.url(box.user)}"\ncafile = "ca.pem"\nfolders = ["Drafts", "Team drafts"]\n'
        'report_folder = "Checked"\npassword_command = "cat pw.txt"\n')
    (tmp_path / "pw.txt").write_text(PASSWORD + "\n")
    a = box.append("Drafts", draft(1, WARN_TEXT))
    b = box.append("Team drafts", draft(2))
    result = CliRunner().invoke(_cli(), ["watch", "--once"])
    assert result.exit_code == 0, result.output
    assert _verdict(box.messages("Drafts")[a][0]) == "warn"
    assert _verdict(box.messages("Team drafts")[b][0]) == "ok"
    assert len(box.reports("Checked")) == 2
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "tonecheck.toml").write_text('[watch]\nurl = "imap://x@127.0.0.1"\n')
    monkeypatch.chdir(tmp_path / "plain")
    result = CliRunner().invoke(_cli(), ["watch", "--once"])
    assert result.exit_code == 2 and "clear text" in result.output


def test_identical_version_gets_one_report(dovecot_server, box, runner):
    # a client that re-saves without changing a byte (or a copy into another watched folder): same version
    data = draft(1, WARN_TEXT)
    a = box.append("Drafts", data)
    make_watcher(dovecot_server, box.user, runner).run_once()
    b = box.append("Drafts", data)
    c = box.append("Other", data)
    stats = make_watcher(dovecot_server, box.user, runner, folders=("Drafts", "Other")).run_once()
    assert stats.checked == 2 and stats.reports == 0
    assert _verdict(box.messages("Drafts")[a][0]) == _verdict(box.messages("Drafts")[b][0]) == "warn"
    assert _verdict(box.messages("Other")[c][0]) == "warn"
    assert len(box.reports()) == 1
