"""`tonecheck watch --oauth2-token-command` against a real Dovecot whose `oauth2` passdb asks a real introspection
endpoint on loopback (tests/oauth_idp.py): the test decides which tokens are active, as an identity provider would.

The token command is a small script that prints the contents of a file the test writes, so a test can hand the
watcher a new token, a revoked one, or junk, and count how often it ran.
"""
from __future__ import annotations

import logging
import re
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from oauth_idp import oauth_dovecot
from test_watch import FAIL_TEXT, OK_TEXT, TONECHECK, WARN_TEXT, Box, Running, _cli, _header, _verdict, draft, wait_for

from tonecheck.config import Config
from tonecheck.mailbox.connection import ConnectError, parse_url
from tonecheck.mailbox.oauth2 import (TokenCommand, TokenRefused, choose_mechanism, command_argv, initial_response)
from tonecheck.mailbox.watcher import WatchOptions, Watcher
from tonecheck.runner import Runner

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning:imaplib2.imaplib2"),
              pytest.mark.filterwarnings("ignore::DeprecationWarning:threading")]

@pytest.fixture(scope="module")
def runner():
    """As in test_watch.py: shouting made an error, so all three verdicts occur."""
    return Runner(base=Config(severity=(("defensive.shouting", "error"),)))


_users = iter(["o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8"])


class TokenScript:
    """An executable that appends a line to `runs` and prints `token` (or exits with `status`)."""

    def __init__(self, folder: Path):
        self.dir = folder
        self.path = folder / "print-token"
        self.path.write_text(f"#!/bin/sh\necho run >> {folder}/runs\ncat {folder}/token\nexit $(cat {folder}/status)\n")
        self.path.chmod(0o755)
        self.set("")

    def set(self, token: str | bytes, status: int = 0) -> None:
        (self.dir / "token").write_bytes(token if isinstance(token, bytes) else token.encode() + b"\n")
        (self.dir / "status").write_text(str(status))

    @property
    def runs(self) -> int:
        try:
            return len((self.dir / "runs").read_text().splitlines())
        except FileNotFoundError:
            return 0


class OAuthBox(Box):
    """The test's own view of a mailbox: it logs in with a token of its own through the stdlib imaplib."""

    def __init__(self, server, user, idp):
        import imaplib
        import ssl
        self.server, self.user = server, user
        token = idp.issue(f"test-client-{user}-{time.time_ns()}", user)
        self.c = imaplib.IMAP4_SSL("127.0.0.1", server.imaps_port,
                                   ssl_context=ssl.create_default_context(cafile=server.cafile))
        self.c.authenticate("XOAUTH2", lambda _c: f"user={user}\x01auth=Bearer {token}\x01\x01".encode())
        self.idp = idp

    def reconnect(self):
        self.close()
        self.__init__(self.server, self.user, self.idp)


@pytest.fixture
def oauth_box(oauth_server, idp):
    b = OAuthBox(oauth_server, next(_users), idp)
    b.ensure("Drafts")
    yield b
    b.close()


@pytest.fixture
def script(tmp_path):
    return TokenScript(tmp_path)


def oauth_watcher(server, user, script, runner, **opts) -> Watcher:
    opts.setdefault("backoff_first", 0.1)
    opts.setdefault("backoff_cap", 0.4)
    return Watcher(parse_url(server.url(user), cafile=server.cafile), user, TokenCommand(str(script.path), 5.0),
                   runner, WatchOptions(**opts))


def logins(server, user) -> list[str]:
    return re.findall(rf"Login: user=<{user}>, method=(\w+)", server.log())


# --- the SASL messages and how the command runs ----------------------------------------------------------------------

def test_sasl_messages_and_mechanism_choice():
    # RFC 7628 section 4.1's example, and Google's XOAUTH2 format
    assert initial_response("OAUTHBEARER", "user@example.com", "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==",
                            "server.example.com", 143) == \
        b"n,a=user@example.com,\x01host=server.example.com\x01port=143\x01auth=Bearer " \
        b"vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01"
    assert initial_response("XOAUTH2", "someuser@example.com", "ya29.vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg",
                            "imap.gmail.com", 993) == \
        b"user=someuser@example.com\x01auth=Bearer ya29.vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg\x01\x01"
    assert choose_mechanism(["IMAP4REV1", "AUTH=XOAUTH2", "AUTH=OAUTHBEARER"]) == "OAUTHBEARER"
    assert choose_mechanism(["IMAP4rev1", "AUTH=XOAUTH2", "AUTH=PLAIN"]) == "XOAUTH2"   # Microsoft 365's list
    # without a shell unless the command needs one
    assert command_argv("tonecheck auth microsoft --user 'a b@contoso.example'") == \
        ["tonecheck", "auth", "microsoft", "--user", "a b@contoso.example"]
    assert command_argv("pass show mail | head -1") == ["/bin/sh", "-c", "pass show mail | head -1"]


# --- logging in --------------------------------------------------------------------------------------------------

def test_valid_token_logs_in_with_oauthbearer_and_checks(oauth_server, idp, oauth_box, script, runner, caplog):
    token = idp.issue("at-valid-5b1e0c", oauth_box.user)
    script.set(token)
    uid = oauth_box.append("Drafts", draft(1, WARN_TEXT))
    with caplog.at_level(logging.DEBUG):
        stats = oauth_watcher(oauth_server, oauth_box.user, script, runner).run_once()
    assert stats.checked == 1 and stats.reports == 1
    assert _verdict(oauth_box.messages("Drafts")[uid][0]) == "warn"
    assert logins(oauth_server, oauth_box.user)[-1] == "OAUTHBEARER"   # the server offers both: RFC 7628's
    assert script.runs == 1 and token in idp.asked
    assert token not in caplog.text
    assert all(token.encode() not in m for m in oauth_box.reports())


def test_xoauth2_where_the_server_offers_only_it(idp, script, runner, tmp_path):
    server = oauth_dovecot(idp, mechanisms="xoauth2", users=("x1",)).start()
    try:
        script.set(idp.issue("at-xoauth2-only-77", "x1"))
        stats = Watcher(parse_url(server.url("x1"), cafile=server.cafile), "x1", TokenCommand(str(script.path)),
                        runner, WatchOptions()).run_once()
        assert stats.checked == 0
        assert logins(server, "x1") == ["XOAUTH2"]
    finally:
        server.cleanup()


def test_expired_token_runs_the_command_again_and_resumes(oauth_server, idp, oauth_box, script, runner, caplog):
    first = idp.issue("at-first-hour-1", oauth_box.user)
    script.set(first)
    w = oauth_watcher(oauth_server, oauth_box.user, script, runner)
    with caplog.at_level(logging.INFO, logger="tonecheck.watch"), Running(w):
        wait_for(lambda: w.notifiers and w.notifiers[0].conn is not None)
        a = oauth_box.append("Drafts", draft(1, WARN_TEXT))
        wait_for(lambda: _verdict(oauth_box.messages("Drafts")[a][0]) == "warn")
        assert script.runs == 1
        # the hour is up: the provider calls the first token inactive, the command now prints a new one, and the
        # server ends the sessions (as Exchange Online does when a token expires)
        idp.deactivate(first)
        asked_before = idp.asked.count(first)
        second = idp.issue("at-second-hour-2", oauth_box.user)
        script.set(second)
        oauth_box.close()
        oauth_server.kick(oauth_box.user)
        oauth_box.reconnect()
        b = oauth_box.append("Drafts", draft(2, FAIL_TEXT))   # arrives while the watcher is logging in again
        wait_for(lambda: _verdict(oauth_box.messages("Drafts")[b][0]) == "fail")
        c = oauth_box.append("Drafts", draft(3, OK_TEXT))     # and IDLE works with the new token
        wait_for(lambda: _verdict(oauth_box.messages("Drafts")[c][0]) == "ok")
    assert script.runs == 2                       # once for the refused token, shared by every connection
    assert "refused the kept OAuth2 token ([AUTHENTICATIONFAILED] Authentication failed. (status invalid_token)); " \
        "running --oauth2-token-command again" in caplog.text
    assert idp.asked.count(first) > asked_before  # the kept token was tried again, refused, and replaced
    reports = oauth_box.reports()
    assert len(reports) == 3 and len({_header(m, "In-Reply-To") for m in reports}) == 3
    assert w.stats.checked == 3
    assert first not in caplog.text and second not in caplog.text
    assert "Traceback" not in caplog.text


def test_revoked_token_and_failing_command_retry_with_backoff(oauth_server, idp, oauth_box, script, runner, caplog):
    good = idp.issue("at-before-revocation", oauth_box.user)
    script.set(good)
    w = oauth_watcher(oauth_server, oauth_box.user, script, runner)
    with caplog.at_level(logging.INFO, logger="tonecheck.watch"), Running(w):
        wait_for(lambda: w.notifiers and w.notifiers[0].conn is not None)
        idp.deactivate(good)                       # revoked; the command keeps printing it
        oauth_box.close()
        oauth_server.kick(oauth_box.user)
        wait_for(lambda: len(_retries(caplog, "refused a fresh token")) >= 4)
        script.set("", status=1)                   # then the command itself fails
        wait_for(lambda: len(_retries(caplog, "failed (exit status 1")) >= 2)
        oauth_box.reconnect()
        a = oauth_box.append("Drafts", draft(1, WARN_TEXT))
        script.set(idp.issue("at-after-sign-in", oauth_box.user))   # someone signs in again
        wait_for(lambda: _verdict(oauth_box.messages("Drafts")[a][0]) == "warn")
    refused = _retries(caplog, "refused a fresh token")
    assert re.search(rf"login as {oauth_box.user} at 127\.0\.0\.1:\d+ \(OAUTHBEARER\) refused a fresh token from "
                     r"--oauth2-token-command: \[AUTHENTICATIONFAILED\] Authentication failed\. "
                     r"\(status invalid_token\); retrying in [\d.]+ s$", refused[0])
    delays = [float(re.search(r"retrying in ([\d.]+) s", m).group(1)) for m in refused[:3]]
    assert delays[0] < delays[2]                     # backing off
    assert all("\n" not in r.getMessage() and not r.exc_info for r in caplog.records)
    assert "Traceback" not in caplog.text and "at-before-revocation" not in caplog.text
    assert len(oauth_box.reports()) == 1


def _retries(caplog, text) -> list[str]:
    return [r.getMessage() for r in caplog.records if text in r.getMessage() and "retrying in" in r.getMessage()]


def test_once_gives_up_with_a_one_line_error(oauth_server, idp, oauth_box, script, runner):
    script.set("at-never-issued-0")
    w = oauth_watcher(oauth_server, oauth_box.user, script, runner, once_retries=2)
    with pytest.raises(TokenRefused) as exc:
        w.run_once()
    assert isinstance(exc.value, ConnectError) and "\n" not in str(exc.value)
    assert "at-never-issued-0" not in str(exc.value)
    assert script.runs == 3     # one run per attempt: a fresh token refused is not fetched again at once


# --- the command line: bad token commands, and no secret anywhere ---------------------------------------------------

JUNK = {
    "fails": (b"at-secret-on-stdout\n", 3, r"failed \(exit status 3; run it by hand"),
    "prints nothing": (b"\n\n", 0, "printed nothing"),
    "several lines": (b"at-line-one\nat-line-two\n", 0, "printed 2 lines; expected the token alone on one line"),
    "non-ascii": ("at-t\u00f6ken\n".encode(), 0, "printed non-ASCII characters"),
    "not a token": (b"Bearer at-with-space\n", 0, "printed characters an access token cannot contain"),
}


@pytest.mark.parametrize("case", list(JUNK) + ["hangs"])
def test_bad_token_command_is_a_one_line_error(oauth_server, script, tmp_path, monkeypatch, case):
    monkeypatch.chdir(tmp_path)
    if case == "hangs":
        script.path.write_text("#!/bin/sh\nsleep 30\necho at-too-late\n")
        output, status, reason = None, None, r"did not finish within 0\.5 s"
    else:
        output, status, reason = JUNK[case]
        script.set(output, status)
    t0 = time.monotonic()
    result = CliRunner().invoke(_cli(), ["watch", oauth_server.url("o8"), "--cafile", oauth_server.cafile, "--once",
                                         "--oauth2-token-command", str(script.path), "--oauth2-token-timeout", "0.5"])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and re.fullmatch(r"tonecheck: watch: --oauth2-token-command " + reason + ".*", lines[0])
    assert "at-" not in result.output and "Traceback" not in result.output
    assert time.monotonic() - t0 < 5


def test_cli_token_absent_from_output_logs_and_reports(oauth_server, idp, oauth_box, script, tmp_path):
    token = idp.issue("at-Cli-9f3c2d7e41", oauth_box.user)
    script.set(token)
    for n, text in ((1, OK_TEXT), (2, WARN_TEXT), (3, FAIL_TEXT)):
        oauth_box.append("Drafts", draft(n, text))
    (tmp_path / "tonecheck.toml").write_text(f'[watch]\noauth2_token_command = "{script.path}"\n')
    proc = subprocess.run([TONECHECK, "watch", oauth_server.url(oauth_box.user), "--cafile", oauth_server.cafile,
                           "--once", "-v"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    assert "done: 3 checked" in proc.stderr
    assert token not in proc.stdout + proc.stderr
    reports = oauth_box.reports()
    assert len(reports) == 3 and all(token.encode() not in m for m in reports)
    assert "OAUTHBEARER" in logins(oauth_server, oauth_box.user)   # the watcher's (the test's client: XOAUTH2)


def test_password_and_token_command_together_refused(oauth_server, script, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(_cli(), ["watch", oauth_server.url("o8"), "--once", "--password-command", "echo x",
                                         "--oauth2-token-command", str(script.path)])
    assert result.exit_code == 2 and "not both" in result.output
