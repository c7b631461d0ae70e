"""The watch loop: find drafts that carry no verdict keyword, check each, claim it, report, optionally move it.

State lives on the server, so a restart or a reconnect resumes without checking anything twice and misses nothing:
a draft is "checked" exactly when it carries one of the verdict keywords. Clients re-save a draft as a new message
(new UID) and expunge the old one, so every new version is a new unchecked UID; the content hash names the version
(the report's Message-ID is derived from it, and a version already seen in this process is not checked again).

Claiming: with CONDSTORE the keyword is stored with UNCHANGEDSINCE <the MODSEQ we fetched>, so when two watchers
race for the same draft exactly one STORE succeeds and only that watcher appends the report. Before APPEND the
report folder is searched for the report's Message-ID (a retry after a network fault, or an identical version that
was already reported), so a report is never appended twice. Without CONDSTORE the flags are re-read right before the
STORE (a narrower race) and the Message-ID search still prevents most duplicates.

Waking: one IDLE connection per watched folder (re-issued before the 29-minute limit) signals the worker; where the
server has no IDLE, the folders are polled. The worker also rescans every few minutes as a safety net.
"""
from __future__ import annotations

import logging
import queue
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .connection import (NETWORK_ERRORS, AuthError, Backoff, CertificateError, ConnectError, ImapError, ServerSpec,
                         close, connect_with_retry)
from .verdict import (KEYWORDS, build_report, content_hash, counts, verdict_in_flags, verdict_of)
from .workflow import move_message, quote_mailbox

log = logging.getLogger("tonecheck.watch")

IDLE_TIMEOUT = 25 * 60      # re-issue IDLE well before the 29-minute limit (RFC 2177)
POLL_INTERVAL = 30.0        # seconds between polls where the server has no IDLE
RESCAN_INTERVAL = 300.0     # the worker rescans every folder this often even without a wake-up
FETCH_RE = re.compile(rb"\bUID (\d+)\b")
FLAGS_RE = re.compile(rb"\bFLAGS \(([^)]*)\)")
MODSEQ_RE = re.compile(rb"\bMODSEQ \((\d+)\)")
UNCHECKED = ("UNKEYWORD", KEYWORDS["ok"], "UNKEYWORD", KEYWORDS["warn"], "UNKEYWORD", KEYWORDS["fail"],
             "UNDELETED")
CHECKED = ("OR", "OR", "KEYWORD", KEYWORDS["ok"], "KEYWORD", KEYWORDS["warn"], "KEYWORD", KEYWORDS["fail"],
           "UNDELETED")


@dataclass
class WatchOptions:
    folders: tuple[str, ...] = ("Drafts",)
    report_folder: str = "Tonecheck"
    outbox: str | None = None
    pass_to: str | None = None
    fail_to: str | None = None
    once: bool = False
    use_idle: bool = True
    idle_timeout: float = IDLE_TIMEOUT
    poll_interval: float = POLL_INTERVAL
    rescan_interval: float = RESCAN_INTERVAL
    use_move: bool = True           # False: COPY + verify + UID EXPUNGE even where MOVE exists (tests)
    once_retries: int = 3           # --once: network retries before giving up (exit 2)
    backoff_first: float = 1.0
    backoff_cap: float = 60.0

    @property
    def watched(self) -> tuple[str, ...]:
        out = list(self.folders)
        if self.outbox and self.outbox not in out:
            out.append(self.outbox)
        return tuple(out)


@dataclass
class Stats:
    checked: int = 0
    reports: int = 0
    skipped: int = 0            # claimed by another watcher, or vanished before we got to it
    moved: int = 0
    verdicts: dict = field(default_factory=lambda: {"ok": 0, "warn": 0, "fail": 0})


class Watcher:
    """One worker connection that does all the changes, plus IDLE notifiers that only listen."""

    def __init__(self, spec: ServerSpec, user: str, password: str, runner, options: WatchOptions | None = None,
                 stop: threading.Event | None = None):
        self.spec, self.user, self._password = spec, user, password
        # a Runner, or a function that builds one: called after the first login, so a wrong password or an
        # unreachable server is reported before the rule engine takes seconds to build
        self._runner = runner
        self.opt = options or WatchOptions()
        self.stop = stop or threading.Event()
        self.conn = None
        self.caps: tuple[str, ...] = ()
        self.condstore = False
        self.selected: str | None = None
        self.stats = Stats()
        self.wake: queue.Queue[str] = queue.Queue()
        self.notifiers: list[_Notifier] = []
        self.pending_reports: dict[str, tuple[bytes, str]] = {}   # digest -> (report, Message-ID) not yet appended
        self.seen_versions: dict[str, tuple[str, object]] = {}    # digest -> (verdict, result) checked here
        self.ready_folders: set[str] = set()
        self.retry_soon = False
        self._backoff = Backoff(self.opt.backoff_first, self.opt.backoff_cap)

    # --- connection ----------------------------------------------------------------------------------------

    @property
    def runner(self):
        if callable(self._runner):
            self._runner = self._runner()
        return self._runner

    def _connect(self, retries: int | None):
        conn = connect_with_retry(self.spec, self.user, self._password, retries=retries, backoff=self._backoff,
                                  stop=self.stop, what="IMAP connection")
        if conn is None:
            return False
        self._backoff.reset()
        self.conn = conn
        self.caps = tuple(conn.capabilities)
        self.selected = None
        self.condstore = "CONDSTORE" in self.caps
        if self.condstore and "ENABLE" in self.caps:
            try:
                conn.enable("CONDSTORE")
            finally:
                conn._release_state_change()  # imaplib2 3.6 leaves it held after ENABLE
        if self.opt.outbox and "MOVE" not in self.caps and "UIDPLUS" not in self.caps:
            raise ImapError("the review workflow needs MOVE or UIDPLUS, and this server has neither")
        self._ensure_folders()
        self.runner  # noqa: B018 - build it now, before the first draft waits for it
        return True

    def _drop(self):
        conn, self.conn, self.selected = self.conn, None, None
        close(conn)

    def _ensure_folders(self):
        wanted = [*self.opt.watched, self.opt.report_folder,
                  *(f for f in (self.opt.pass_to, self.opt.fail_to) if f)]
        for name in wanted:
            if name in self.ready_folders:
                continue
            typ, dat = self.conn.create(quote_mailbox(name))
            text = (dat[-1] or b"").decode("utf-8", "replace") if dat else ""
            if typ == "OK":
                log.info("created folder %s", name)
            elif "ALREADYEXISTS" not in text.upper() and "EXISTS" not in text.upper():
                raise ImapError(f"cannot create folder {name}: {text}")
            self.ready_folders.add(name)

    def _select(self, folder: str, readonly: bool = False):
        if self.selected == folder and not readonly:
            return
        typ, dat = self.conn.select(quote_mailbox(folder), readonly=readonly)
        if typ != "OK":
            raise ImapError(f"cannot select {folder}: {_text(dat)}")
        self.selected = None if readonly else folder
        # forget what SELECT said: EXISTS etc. are not news
        for _ in self.conn.pop_untagged_responses():
            pass

    # --- scanning ------------------------------------------------------------------------------------------

    def scan_all(self):
        for folder in self.opt.watched:
            self.scan(folder)

    def scan(self, folder: str) -> int:
        """Check every draft in `folder` without a verdict keyword; returns how many were processed."""
        self.selected = None  # SELECT again: a fresh view of the folder
        self._select(folder)
        typ, dat = self.conn.uid("SEARCH", *UNCHECKED)
        if typ != "OK":
            raise ImapError(f"SEARCH in {folder} failed: {_text(dat)}")
        uids = sorted(int(x) for x in b" ".join(d for d in dat if d).split())
        for uid in uids:
            if self.stop.is_set():
                break
            self.process(folder, uid)
        return len(uids)

    def finish_moves(self, folder: str):
        """Move checked messages still in the outbox (a crash or fault between the keyword and the move)."""
        if not self.opt.outbox or folder != self.opt.outbox:
            return
        self._select(folder)
        typ, dat = self.conn.uid("SEARCH", *CHECKED)
        uids = sorted(int(x) for x in b" ".join(d for d in dat if d).split()) if typ == "OK" else []
        for uid in uids:
            fetched = self._fetch(uid)
            if fetched is None:
                continue
            flags, _modseq, data = fetched
            verdict = verdict_in_flags(flags)
            if verdict:
                self._move(folder, uid, verdict, content_hash(data))

    # --- one draft -----------------------------------------------------------------------------------------

    def _fetch(self, uid: int):
        items = "(UID FLAGS MODSEQ BODY.PEEK[])" if self.condstore else "(UID FLAGS BODY.PEEK[])"
        typ, dat = self.conn.uid("FETCH", str(uid), items)
        if typ != "OK":
            raise ImapError(f"UID FETCH {uid}: {_text(dat)}")
        head, body = b"", None
        for item in dat or ():
            if isinstance(item, tuple) and len(item) == 2:
                m = FETCH_RE.search(item[0])
                if m and int(m.group(1)) == uid:
                    head, body = item[0], item[1]
            elif isinstance(item, bytes) and head and body is not None:
                head += b" " + item  # FLAGS may follow the literal
        if body is None:
            return None  # expunged meanwhile (the client re-saved it again)
        m = FLAGS_RE.search(head)
        flags = m.group(1).decode("utf-8", "replace").split() if m else []
        m = MODSEQ_RE.search(head)
        return flags, (int(m.group(1)) if m else None), body

    def check(self, data: bytes, folder: str, uid: int):
        from ..runner import FileResult

        display = f"{folder}/{uid}.eml"
        try:
            return self.runner.check_path(display, data=data, display=display)
        except Exception as exc:  # noqa: BLE001 - one bad draft never stops the watcher
            log.debug("checking %s UID %s raised", folder, uid, exc_info=True)
            return FileResult(path=display, error=f"internal error while checking: {exc.__class__.__name__}: {exc}")

    def process(self, folder: str, uid: int):
        t0 = time.perf_counter()
        fetched = self._fetch(uid)
        if fetched is None:
            self.stats.skipped += 1
            return
        flags, modseq, data = fetched
        if verdict_in_flags(flags):
            self.stats.skipped += 1
            return
        digest = content_hash(data)
        known = self.seen_versions.get(digest)
        if known is not None:
            verdict, result = known
        else:
            result = self.check(data, folder, uid)
            verdict = verdict_of(result)
            self.seen_versions[digest] = (verdict, result)
            if len(self.seen_versions) > 5000:
                self.seen_versions.pop(next(iter(self.seen_versions)))
        report, mid, _subject = build_report(result, data, verdict=verdict, folder=folder, uid=uid, digest=digest)
        self.pending_reports[digest] = (report, mid)
        if not self._claim(uid, verdict, modseq):
            self.pending_reports.pop(digest, None)
            self.stats.skipped += 1
            return
        appended = self._report(digest)
        self._select(folder)
        c = counts(result)
        self.stats.checked += 1
        self.stats.verdicts[verdict] += 1
        self.stats.reports += appended
        log.info("%s UID %d: %s, %d finding%s (%d error, %d warning, %d info)%s, %d ms%s", folder, uid,
                 verdict.upper(), len(result.findings), "" if len(result.findings) == 1 else "s", c["error"],
                 c["warning"], c["info"], " [unreadable: " + result.error + "]" if result.error else "",
                 round((time.perf_counter() - t0) * 1000), "" if appended else " (report already there)")
        if self.opt.outbox and folder == self.opt.outbox:
            self._move(folder, uid, verdict, digest)

    def _claim(self, uid: int, verdict: str, modseq: int | None) -> bool:
        """Store the verdict keyword; True only when this watcher's STORE is the one that did it."""
        kw = KEYWORDS[verdict]
        conn = self.conn
        conn.response("MODIFIED")  # clear a stale one
        if self.condstore and modseq is not None:
            typ, dat = conn.uid("STORE", str(uid), f"(UNCHANGEDSINCE {modseq})", "+FLAGS", f"({kw})")
            if typ != "OK":
                raise ImapError(f"UID STORE {uid}: {_text(dat)}")
            _t, modified = conn.response("MODIFIED")
            if modified and modified != [None]:
                # someone changed the draft's flags since we fetched it: another watcher's verdict, or a client
                again = self._fetch(uid)
                if again is None or verdict_in_flags(again[0]):
                    log.debug("UID %d: checked by another watcher", uid)
                else:
                    self.retry_soon = True  # flags changed by a client: check it again on the next pass
                return False
            return any(isinstance(d, bytes) and FETCH_RE.search(d) and int(FETCH_RE.search(d).group(1)) == uid
                       for d in dat or ())
        again = self._fetch(uid)
        if again is None or verdict_in_flags(again[0]):
            return False
        typ, dat = conn.uid("STORE", str(uid), "+FLAGS", f"({kw})")
        if typ != "OK":
            raise ImapError(f"UID STORE {uid}: {_text(dat)}")
        return True

    def _report(self, digest: str) -> int:
        """Append the pending report for `digest` unless the report folder has it already; 1 if appended."""
        report, mid = self.pending_reports[digest]
        self._select(self.opt.report_folder)
        typ, dat = self.conn.uid("SEARCH", "HEADER", "Message-ID", f'"{mid}"')
        if typ == "OK" and any(d and d.strip() for d in dat or ()):
            self.pending_reports.pop(digest, None)
            return 0
        typ, dat = self.conn.append(quote_mailbox(self.opt.report_folder), None, datetime.now(timezone.utc),
                                    report)
        if typ != "OK":
            raise ImapError(f"APPEND to {self.opt.report_folder}: {_text(dat)}")
        self.pending_reports.pop(digest, None)
        return 1

    def flush_pending(self):
        for digest in list(self.pending_reports):
            self.stats.reports += self._report(digest)

    def _move(self, folder: str, uid: int, verdict: str, digest: str):
        dest = self.opt.fail_to if verdict == "fail" else self.opt.pass_to
        if not dest:
            return
        try:
            new_uid = move_message(self.conn, self.caps, uid=uid, source=folder, dest=dest, digest=digest,
                                   use_move=self.opt.use_move)
        except ImapError as exc:
            log.error("%s UID %d: not moved to %s: %s", folder, uid, dest, exc)
            self.selected = None
            return
        self.stats.moved += 1
        log.info("%s UID %d: moved to %s%s", folder, uid, dest, f" (UID {new_uid})" if new_uid else "")

    # --- modes ---------------------------------------------------------------------------------------------

    def run_once(self) -> Stats:
        """Process what is waiting in every watched folder, then log out."""
        if not self._connect(retries=self.opt.once_retries):
            return self.stats
        attempts = 0
        while True:
            try:
                self.flush_pending()
                for folder in self.opt.watched:
                    self.finish_moves(folder)
                for _ in range(3):  # a claim lost to a client's flag change is retried
                    self.retry_soon = False
                    self.scan_all()
                    if not self.retry_soon:
                        break
                break
            except NETWORK_ERRORS as exc:
                attempts += 1
                self._drop()
                if attempts > self.opt.once_retries:
                    raise ConnectError(f"connection lost: {_reason(exc)}") from None
                log.error("connection lost: %s; reconnecting", _reason(exc))
                if not self._connect(retries=self.opt.once_retries):
                    return self.stats
        self._drop()
        return self.stats

    def run_forever(self):
        """Check as drafts arrive until `stop` is set; network faults are retried with backoff for ever."""
        if not self._connect(retries=None):
            return
        for folder in self.opt.watched:
            n = _Notifier(self, folder)
            self.notifiers.append(n)
            n.start()
        first = True
        last_full = time.monotonic()
        try:
            while not self.stop.is_set():
                try:
                    if self.conn is None:
                        if not self._connect(retries=None):
                            break
                        first = True
                    if first:
                        self.flush_pending()
                        for folder in self.opt.watched:
                            self.finish_moves(folder)
                        self.scan_all()
                        first = False
                    try:
                        todo = {self.wake.get(timeout=0.5 if self.retry_soon else 1.0)}
                    except queue.Empty:
                        if not self.retry_soon and time.monotonic() - last_full < self.opt.rescan_interval:
                            continue
                        todo = set(self.opt.watched)
                    while True:
                        try:
                            todo.add(self.wake.get_nowait())
                        except queue.Empty:
                            break
                    if todo >= set(self.opt.watched):
                        last_full = time.monotonic()
                    self.retry_soon = False
                    for folder in self.opt.watched:
                        if folder in todo and not self.stop.is_set():
                            self.scan(folder)
                except NETWORK_ERRORS as exc:
                    if self.stop.is_set():
                        break
                    log.error("IMAP connection lost: %s; reconnecting", _reason(exc))
                    self._drop()
                except ImapError as exc:  # the server said NO to something: log, wait, start over
                    delay = self._backoff.next_delay()
                    log.error("%s; retrying in %.1f s", exc, delay)
                    self._drop()
                    self.stop.wait(delay)
        finally:
            self.shutdown()

    def request_stop(self):
        """Ask run_forever to finish (it returns within about a second)."""
        self.stop.set()
        self.wake.put("")

    def shutdown(self):
        self.stop.set()
        for n in self.notifiers:
            n.close()
        for n in self.notifiers:
            n.join(timeout=10)
        self._drop()


class _Notifier(threading.Thread):
    """Listens on one folder (IDLE, or polling where the server has none) and wakes the worker."""

    def __init__(self, watcher: Watcher, folder: str):
        super().__init__(name=f"tonecheck-idle-{folder}", daemon=True)
        self.w, self.folder = watcher, folder
        self.conn = None
        self._lock = threading.Lock()

    def close(self):
        with self._lock:
            conn, self.conn = self.conn, None
        if conn is not None:
            threading.Thread(target=close, args=(conn,), daemon=True).start()  # ends a pending IDLE

    def run(self):
        w, stop = self.w, self.w.stop
        backoff = Backoff(w.opt.backoff_first, w.opt.backoff_cap)
        while not stop.is_set():
            try:
                conn = connect_with_retry(w.spec, w.user, w._password, retries=None, backoff=backoff, stop=stop,
                                          what=f"IDLE connection for {self.folder}")
            except (AuthError, CertificateError) as exc:
                log.error("IDLE connection for %s: %s", self.folder, exc)
                stop.wait(backoff.next_delay())
                continue
            if conn is None:
                return
            with self._lock:
                if stop.is_set():
                    close(conn)
                    return
                self.conn = conn
            try:
                typ, dat = conn.select(quote_mailbox(self.folder), readonly=True)
                if typ != "OK":
                    raise ImapError(f"cannot select {self.folder}: {_text(dat)}")
                backoff.reset()
                w.wake.put(self.folder)  # whatever arrived while we were not listening
                use_idle = w.opt.use_idle and "IDLE" in conn.capabilities
                if not use_idle:
                    log.info("%s: polling every %.0f s (%s)", self.folder, w.opt.poll_interval,
                             "server has no IDLE" if "IDLE" not in conn.capabilities else "IDLE switched off")
                while not stop.is_set():
                    for _ in conn.pop_untagged_responses():
                        pass
                    if use_idle:
                        conn.idle(timeout=w.opt.idle_timeout)
                    else:
                        if stop.wait(w.opt.poll_interval):
                            break
                        conn.noop()
                    news = [typ for typ, _dat in conn.pop_untagged_responses() if typ in ("EXISTS", "RECENT")]
                    if news:
                        w.wake.put(self.folder)
                    elif not use_idle:
                        w.wake.put(self.folder)  # polling: let the worker look
            except NETWORK_ERRORS + (ImapError,) as exc:
                if stop.is_set():
                    break
                delay = backoff.next_delay()
                log.error("IDLE connection for %s lost: %s; reconnecting in %.1f s", self.folder, _reason(exc),
                          delay)
                stop.wait(delay)
            finally:
                with self._lock:
                    conn, self.conn = self.conn, None
                close(conn)


def _text(dat) -> str:
    if isinstance(dat, (list, tuple)):
        dat = dat[-1] if dat else b""
    if isinstance(dat, bytes):
        return dat.decode("utf-8", "replace")
    return str(dat)


def _reason(exc) -> str:
    from .connection import _reason as r
    return r(exc)
