"""Issue 17: a crash in the middle of a review-workflow move must not leave a draft in two places.

A move reaches the destination before the source is expunged (Dovecot's MOVE on Maildir links the file into the
destination and commits it there before it records the original's expunge; our fallback is COPY, verify, STORE
\\Deleted, UID EXPUNGE). These tests kill the server exactly in between, against a private Dovecot on loopback:

- deterministically: strace, attached to the imap process that serves the watcher right before it moves one chosen
  draft, SIGKILLs it as it releases the destination's uidlist lock, the last step of committing the copy there;
- at random: the whole server is SIGKILLed at a seeded random moment while drafts are moved, then started again.

Afterwards every draft must exist exactly once (outbox, pass and fail folders together) with every byte intact.
Also: a duplicate already there at start-up, a destination version that differs, a copy deleted before the expunge,
two watchers recovering at once, a server without UIDPLUS, and a refused move retried in service mode.
"""
from __future__ import annotations

import hashlib
import logging
import os
import random
import re
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from dovecot import Dovecot, require_dovecot
from test_watch import (FAIL_TEXT, MALFORMED, OK_TEXT, WARN_TEXT, Box, Running, draft, make_watcher,  # noqa: F401
                        runner, wait_for)

from tonecheck.mailbox import watcher as watcher_module
from tonecheck.mailbox.connection import ConnectError
from tonecheck.mailbox.verdict import KEYWORDS
from tonecheck.mailbox.watcher import Watcher

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning:imaplib2.imaplib2"),
              pytest.mark.filterwarnings("ignore::DeprecationWarning:threading")]

OUTBOX, PASS, FAIL = "Outbox", "Pass", "Fail"
WORKFLOW = {"folders": (), "outbox": OUTBOX, "pass_to": PASS, "fail_to": FAIL}
TEXTS = (OK_TEXT, WARN_TEXT, FAIL_TEXT)
USERS = [f"r{i}" for i in range(1, 25)]


@pytest.fixture(scope="module")
def crashy():
    """A Dovecot of this module's own: the random runs SIGKILL it whole."""
    require_dovecot()
    server = Dovecot(users=USERS).start()
    try:
        yield server
    finally:
        server.cleanup()


_users = iter(USERS)


@pytest.fixture
def rbox(crashy):
    b = Box(crashy, next(_users))
    for folder in (OUTBOX, PASS, FAIL):
        b.ensure(folder)
    yield b
    b.close()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fill_outbox(box, n: int, checked: bool = False) -> dict[int, bytes]:
    """n drafts (OK, warn and fail in turn; the fifth has no Message-ID) appended to the outbox; UID -> bytes."""
    sent = {}
    for i in range(n):
        data = draft(i, TEXTS[i % 3]) if i != 4 else MALFORMED
        flags = rf"(\Draft {KEYWORDS[('ok', 'warn', 'fail')[i % 3]]})" if checked else r"(\Draft)"
        sent[box.append(OUTBOX, data, flags=flags)] = data
    return sent


def places(box) -> dict[str, list[str]]:
    """digest -> the folders holding an undeleted message with exactly those bytes."""
    out: dict[str, list[str]] = {}
    for folder in (OUTBOX, PASS, FAIL):
        for flags, data in box.messages(folder).values():
            if r"\Deleted" not in flags:
                out.setdefault(sha(data), []).append(folder)
    return out


def assert_each_once(box, sent: dict[int, bytes]) -> None:
    where = places(box)
    assert set(where) == {sha(d) for d in sent.values()}, "a draft was lost or altered"
    twice = {d[:12]: f for d, f in where.items() if len(f) != 1}
    assert not twice, f"drafts in more than one place: {twice}"


def duplicates(box) -> int:
    return sum(len(f) - 1 for f in places(box).values())


# --- killing the server ------------------------------------------------------------------------------------------

def imap_pids(server, user) -> list[int]:
    out = subprocess.run(["doveadm", "-c", str(server.dir / "dovecot.conf"), "who", "-1", user],
                         capture_output=True, text=True, check=True).stdout
    return [int(m) for m in re.findall(rf"^{re.escape(user)}\s+imap\s+(\d+)\s", out, re.M)]


def kill_server(server) -> None:
    """SIGKILL Dovecot's master and every process it started: a crash, not a shutdown."""
    master = int(server.pidfile.read_text().strip())
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            children.append(int(stat.parent.name))
    for pid in (master, *children):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and Path(f"/proc/{master}").exists():
        time.sleep(0.01)


class KillAfterCommit:
    """strace on one imap process: SIGKILL it the moment it releases the destination folder's uidlist lock.

    Dovecot (Maildir) commits a MOVE or COPY to the destination (file linked into cur/, uidlist and index log
    written, then the lock unlinked) before it writes the source's expunge to that folder's index log; this is the
    moment in between, the window a crash leaves a draft in both folders."""

    def __init__(self, pid: int, server, user, dests):
        maildir = server.dir / "mail" / user / "Maildir"
        args = ["strace", "-qq", "-p", str(pid), "-e", "trace=unlink,unlinkat",
                "-e", "inject=unlink,unlinkat:error=EIO:signal=SIGKILL"]
        for dest in dests:
            args += ["-P", str(maildir / f".{dest}" / "dovecot-uidlist.lock")]
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not _traced(pid):  # attached: the next unlink of that lock is caught
            assert time.monotonic() < deadline and self.proc.poll() is None, "strace did not attach"
            time.sleep(0.01)

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="session")
def strace_attaches():
    """Skip unless strace can attach to a running process (not where ptrace is forbidden, as in some containers)."""
    if not shutil.which("strace"):
        pytest.skip("needs strace")
    sleeper = subprocess.Popen(["sleep", "30"])
    tracer = subprocess.Popen(["strace", "-qq", "-p", str(sleeper.pid), "-e", "trace=none"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 5
        while not _traced(sleeper.pid) and tracer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        attached = _traced(sleeper.pid)
    finally:
        tracer.terminate()
        tracer.wait()
        sleeper.kill()
        sleeper.wait()
    if not attached:
        pytest.skip("strace cannot attach to a process here (ptrace not permitted)")


def _traced(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^TracerPid:\s*(\d+)", status, re.M).group(1)) != 0


def kill_at_move_of(monkeypatch, server, user, victim_uid: int, killers: list):
    """Arrange for the imap process serving the watcher to die between the copy and the expunge of the outbox
    message `victim_uid`: strace is attached right before the watcher moves it, to every imap process of the user
    (the IDLE connections only read the outbox: the worker's is the one that commits to the destination)."""
    real = watcher_module.move_message

    def move(conn, *a, **kw):
        if kw.get("uid") == victim_uid and not killers:
            killers.extend(KillAfterCommit(pid, server, user, [kw["dest"]]) for pid in imap_pids(server, user))
        return real(conn, *a, **kw)

    monkeypatch.setattr(watcher_module, "move_message", move)


# --- deterministic: killed between the copy and the expunge ------------------------------------------------------

@pytest.mark.usefixtures("strace_attaches")
@pytest.mark.parametrize("use_move", [True, False], ids=["MOVE", "COPY+verify+UID-EXPUNGE"])
def test_killed_between_copy_and_expunge(crashy, rbox, runner, monkeypatch, caplog, use_move):  # noqa: F811
    sent = fill_outbox(rbox, 8)
    victim = sorted(sent)[2]  # the third draft: FAIL (shouting)
    rbox.close()  # the watcher's is then the only connection of this user
    killers: list = []
    kill_at_move_of(monkeypatch, crashy, rbox.user, victim, killers)
    w = make_watcher(crashy, rbox.user, runner, use_move=use_move, **WORKFLOW)
    try:
        with caplog.at_level(logging.INFO, logger="tonecheck.watch"):
            stats = w.run_once()
    finally:
        for k in killers:
            k.close()
    rbox.c = crashy.client(rbox.user)
    assert len(killers) == 1 and killers[0].proc.returncode is not None  # the only connection: killed
    assert "connection lost" in caplog.text  # the kill happened, and the watcher reconnected
    assert stats.checked == 8 and stats.recovered == 1 and stats.moved == 7
    assert_each_once(rbox, sent)
    assert places(rbox)[sha(sent[victim])] == [FAIL]
    assert len(re.findall(r"left by an interrupted move", caplog.text)) == 1
    assert all(KEYWORDS["fail"] in flags for flags, _m in rbox.messages(FAIL).values())  # a lost keyword put back


@pytest.mark.usefixtures("strace_attaches")
def test_killed_mid_move_in_service_mode(crashy, rbox, runner, monkeypatch, caplog):  # noqa: F811
    """The same crash under run_forever: the worker reconnects, catches up and finishes the move."""
    sent = fill_outbox(rbox, 6)
    victim = sorted(sent)[1]  # WARN: to PASS
    rbox.close()
    killers: list = []
    kill_at_move_of(monkeypatch, crashy, rbox.user, victim, killers)
    w = make_watcher(crashy, rbox.user, runner, **WORKFLOW)
    try:
        with caplog.at_level(logging.INFO, logger="tonecheck.watch"), Running(w):
            wait_for(lambda: w.stats.moved + w.stats.recovered == 6, timeout=30)
    finally:
        for k in killers:
            k.close()
    rbox.c = crashy.client(rbox.user)
    assert killers and w.stats.recovered == 1 and "IMAP connection lost" in caplog.text
    assert_each_once(rbox, sent)
    assert places(rbox)[sha(sent[victim])] == [PASS]


def test_failed_move_is_retried_in_service_mode(crashy, rbox, runner, monkeypatch):  # noqa: F811
    """A move the server refused (the connection stays up) is retried at the rescan interval, not only after a
    reconnect; the copy its first attempt left is found rather than doubled."""
    from tonecheck.mailbox.connection import ImapError
    sent = fill_outbox(rbox, 3)
    real, failures = watcher_module.move_message, []

    def copy_then_fail(conn, caps, **kw):
        if not failures:  # the copy reaches the destination, then the server says NO
            failures.append(kw["uid"])
            assert conn.uid("COPY", str(kw["uid"]), '"' + kw["dest"] + '"')[0] == "OK"
            raise ImapError("UID EXPUNGE: NO [SERVERBUG] injected")
        return real(conn, caps, **kw)

    monkeypatch.setattr(watcher_module, "move_message", copy_then_fail)
    w = make_watcher(crashy, rbox.user, runner, rescan_interval=0.5, **WORKFLOW)
    with Running(w):
        wait_for(lambda: w.stats.moved + w.stats.recovered == 3, timeout=20)
    assert failures and w.stats.recovered == 1 and w.stats.moved == 2
    assert_each_once(rbox, sent)


# --- a duplicate already there at start-up ---------------------------------------------------------------------

def test_duplicate_found_at_startup_is_removed_from_the_outbox(crashy, rbox, runner, caplog):  # noqa: F811
    """As a crash leaves it: the checked original in the outbox, its copy in the destination (here without the
    verdict keyword, as Dovecot sometimes leaves it); one draft with a Message-ID, one without (found by size)."""
    sent = fill_outbox(rbox, 6, checked=True)
    for uid in sorted(sent)[3:5]:  # an OK draft, and a WARN one without a Message-ID: both go to PASS
        rbox.append(PASS, sent[uid])
    other = rbox.append(PASS, draft(77))  # the destination's other mail is left alone
    with caplog.at_level(logging.INFO, logger="tonecheck.watch"):
        stats = make_watcher(crashy, rbox.user, runner, **WORKFLOW).run_once()
    assert stats.recovered == 2 and stats.moved == 4 and stats.checked == 0
    assert len(re.findall(r"left by an interrupted move", caplog.text)) == 2
    sent[-1] = rbox.messages(PASS)[other][1]  # (keys are outbox UIDs)
    assert_each_once(rbox, sent)
    assert rbox.messages(OUTBOX) == {}
    for flags, data in rbox.messages(PASS).values():
        assert any(k in flags for k in KEYWORDS.values()) or data == sent[-1]


def test_destination_copy_that_differs_is_not_a_copy(crashy, rbox, runner):  # noqa: F811
    """Same Message-ID, one byte different (another version): the original is not expunged as a leftover but
    moved, and the other version is left as it is."""
    data = draft(1, WARN_TEXT)
    rbox.append(OUTBOX, data, flags=rf"(\Draft {KEYWORDS['warn']})")
    changed = data.replace(b"Hi Bob", b"Hi Rob")
    assert changed != data and re.search(rb"Message-ID: (.*)", changed).group(1) in data
    rbox.append(PASS, changed)
    stats = make_watcher(crashy, rbox.user, runner, **WORKFLOW).run_once()
    assert stats.recovered == 0 and stats.moved == 1
    assert sorted(m for _f, m in rbox.messages(PASS).values()) == sorted([data, changed])
    assert rbox.messages(OUTBOX) == {}


def test_copy_gone_before_the_expunge_keeps_the_original(crashy, rbox, runner, monkeypatch):  # noqa: F811
    """The copy is verified again right before the original is expunged: here someone deletes it in between, so
    the original is the only copy left and is moved as usual, never expunged."""
    from tonecheck.mailbox import recovery
    data = draft(2, OK_TEXT)
    rbox.append(OUTBOX, data, flags=rf"(\Draft {KEYWORDS['ok']})")
    copy_uid = rbox.append(PASS, data)
    real = recovery.find_copies

    def then_deleted(conn, dest, drafts):
        found = real(conn, dest, drafts)
        rbox.c.select(f'"{PASS}"')
        rbox.c.uid("STORE", str(copy_uid), "+FLAGS.SILENT", r"(\Deleted)")
        rbox.c.uid("EXPUNGE", str(copy_uid))
        rbox.c.close()
        return found

    monkeypatch.setattr(watcher_module, "find_copies", then_deleted)
    stats = make_watcher(crashy, rbox.user, runner, **WORKFLOW).run_once()
    assert stats.recovered == 0 and stats.moved == 1
    assert [m for _f, m in rbox.messages(PASS).values()] == [data]
    assert rbox.messages(OUTBOX) == {}


def test_two_watchers_recover_the_same_duplicate(crashy, rbox, runner, monkeypatch):  # noqa: F811
    """B removes the leftover while A is between finding the copy and expunging: the copy survives both."""
    from tonecheck.mailbox import recovery
    data = draft(3, FAIL_TEXT)
    rbox.append(OUTBOX, data, flags=rf"(\Draft {KEYWORDS['fail']})")
    rbox.append(FAIL, data, flags=rf"(\Draft {KEYWORDS['fail']})")
    a, b = (make_watcher(crashy, rbox.user, runner, **WORKFLOW) for _ in range(2))
    real, calls = recovery.expunge_leftover, []

    def b_first(*args, **kw):
        calls.append(1)
        if len(calls) == 1:  # A's call: B runs to the end first (its own call is the second)
            b.run_once()
        return real(*args, **kw)

    monkeypatch.setattr(watcher_module, "expunge_leftover", b_first)
    a.run_once()
    assert b.stats.recovered == 1 and a.stats.moved == 0 and len(calls) == 2
    assert [m for _f, m in rbox.messages(FAIL).values()] == [data]
    assert rbox.messages(OUTBOX) == {}


def test_without_uidplus_only_a_lone_deleted_message_is_expunged(crashy, rbox, runner, monkeypatch, caplog):  # noqa: F811
    r"""Without UIDPLUS the only expunge is a plain EXPUNGE, which would also remove what others marked \Deleted:
    with such a message in the outbox the leftover stays (logged); alone, it is expunged."""
    data = draft(4, OK_TEXT)
    rbox.append(OUTBOX, data, flags=rf"(\Draft {KEYWORDS['ok']})")
    rbox.append(PASS, data)
    bystander = rbox.append(OUTBOX, draft(5), flags=r"(\Deleted)")
    real_connect = Watcher._connect

    def no_uidplus(self, retries):
        ok = real_connect(self, retries)
        self.caps = tuple(c for c in self.caps if c != "UIDPLUS")
        return ok

    monkeypatch.setattr(Watcher, "_connect", no_uidplus)
    with caplog.at_level(logging.INFO, logger="tonecheck.watch"):
        stats = make_watcher(crashy, rbox.user, runner, **WORKFLOW).run_once()
    assert stats.recovered == 0 and stats.moved == 0 and "a plain EXPUNGE would remove too" in caplog.text
    left = rbox.messages(OUTBOX)
    assert sorted(left) == sorted([bystander, *[u for u, (_f, m) in left.items() if m == data]]) and len(left) == 2
    assert r"\Deleted" not in [f for u, (f, m) in left.items() if m == data][0]
    rbox.c.select(f'"{OUTBOX}"')
    rbox.c.uid("STORE", str(bystander), "-FLAGS.SILENT", r"(\Deleted)")
    rbox.c.close()
    stats = make_watcher(crashy, rbox.user, runner, **WORKFLOW).run_once()
    assert stats.recovered == 1 and stats.moved == 1  # the bystander, undeleted, is now a draft to check
    assert sorted(m for _f, m in rbox.messages(PASS).values()) == sorted([data, left[bystander][1]])
    assert rbox.messages(OUTBOX) == {}


# --- at random: the whole server SIGKILLed while drafts are moved ------------------------------------------------

def crash_run(server, box, runner, monkeypatch, seed: int) -> tuple[dict[int, bytes], int]:  # noqa: F811
    """Drafts in the outbox; the server is SIGKILLed a seeded random moment after the first move begins and
    started again; the watcher carries on (reconnecting), then runs once more as after a restart.
    Returns the drafts and how many extra copies the crash left before that second run."""
    rng = random.Random(seed)
    use_move = seed % 2 == 0
    sent = fill_outbox(box, 12)
    box.close()
    real, timers = watcher_module.move_message, []

    def crash():
        kill_server(server)
        server.start()

    def move(conn, *a, **kw):
        if not timers:
            timers.append(threading.Timer(rng.uniform(0.0, 0.06 if use_move else 0.12), crash))
            timers[0].start()
        return real(conn, *a, **kw)

    monkeypatch.setattr(watcher_module, "move_message", move)
    try:
        make_watcher(server, box.user, runner, use_move=use_move, **WORKFLOW).run_once()
    except ConnectError:
        pass  # gave up reconnecting: the second run below is the restart
    finally:
        for t in timers:
            t.join()
        monkeypatch.setattr(watcher_module, "move_message", real)
    box.c = server.client(box.user)
    left = duplicates(box)
    make_watcher(server, box.user, runner, use_move=use_move, **WORKFLOW).run_once()
    return sent, left


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_random_server_kill_during_moves(crashy, rbox, runner, monkeypatch, seed):  # noqa: F811
    sent, _left = crash_run(crashy, rbox, runner, monkeypatch, seed)
    assert_each_once(rbox, sent)
