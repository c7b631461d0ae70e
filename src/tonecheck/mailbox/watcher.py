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
from .recovery import EXPUNGED, KEPT, NO_COPY, expunge_leftover, find_copies, same_folder
from .verdict import (KEYWORDS, build_report, content_hash, counts, verdict_in_flags, verdict_of)
from .workflow import move_message, quote_mailbox

log = logging.getLogger("tonecheck.watch")

IDLE_TIMEOUT = 25 * 60      # re-issue IDLE well before the 29-minute limit (RFC 2177)
POLL_INTERVAL = 30.0        # seconds between polls where the server has no IDLE
RESCAN_INTERVAL = 300.0     # the worker rescans every folder this often even without a wake-up
FETCH_RE = re.compile(rb"\bUID (\d+)\b")
FLAGS_RE = re.compile(rb"\bFLAGS \(([^)]*)\)")
MODSEQ_RE = re.compile(rb"\bMODSEQ \((\d+)\)")
BATCH = 16                  # drafts fetched (and reports searched for) per command
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
    recovered: int = 0          # originals expunged because their destination already held them (recovery.py)
    verdicts: dict = field(default_factory=lambda: {"ok": 0, "warn": 0, "fail": 0})


class Watcher:
    """One worker connection that does all the changes, plus IDLE notifiers that only listen."""

    def __init__(self, spec: ServerSpec, user: str, password, runner, options: WatchOptions | None = None,
                 stop: threading.Event | None = None):
        # a password, or an OAuth2 token source shared by every connection (oauth2.TokenCommand)
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
        self.last_full_scan = 0.0  # time.monotonic() of run_forever's last scan of every folder
        self.last_moves_retry = 0.0  # … and of its last look for moves still owed (finish_moves)
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
        for i in range(0, len(uids), BATCH):
            if self.stop.is_set():
                break
            self.process_batch(folder, uids[i:i + BATCH])
        return len(uids)

    def finish_moves(self, folder: str):
        """Move checked messages still in the outbox (a crash or fault between the keyword and the move, or in the
        middle of the move: then the destination may already hold the copy, see _move_many)."""
        if not self.opt.outbox or folder != self.opt.outbox:
            return
        self._select(folder)
        typ, dat = self.conn.uid("SEARCH", *CHECKED)
        uids = sorted(int(x) for x in b" ".join(d for d in dat if d).split()) if typ == "OK" else []
        for i in range(0, len(uids), BATCH):
            moves = []
            for uid, (flags, _modseq, data) in sorted(self._fetch_many(uids[i:i + BATCH]).items()):
                verdict = verdict_in_flags(flags)
                if verdict:
                    moves.append((uid, verdict, content_hash(data), data))
            self._move_many(folder, moves)

    # --- one draft -----------------------------------------------------------------------------------------

    def _fetch(self, uid: int):
        return self._fetch_many([uid]).get(uid)

    def _fetch_many(self, uids) -> dict[int, tuple[list[str], int | None, bytes]]:
        """uid -> (flags, modseq, bytes) for those of `uids` still there, read with BODY.PEEK (no \\Seen)."""
        items = "(UID FLAGS MODSEQ BODY.PEEK[])" if self.condstore else "(UID FLAGS BODY.PEEK[])"
        typ, dat = self.conn.uid("FETCH", ",".join(map(str, uids)), items)
        if typ != "OK":
            raise ImapError(f"UID FETCH: {_text(dat)}")
        records: list[list] = []
        for item in dat or ():
            if isinstance(item, tuple) and len(item) == 2:
                records.append([item[0], item[1]])
            elif isinstance(item, bytes) and records and not re.match(rb"\d+ \(", item):
                records[-1][0] += b" " + item  # the rest of the response after the literal
        wanted, out = set(uids), {}
        for head, body in records:
            m = FETCH_RE.search(head)
            if not m or int(m.group(1)) not in wanted:
                continue
            f = FLAGS_RE.search(head)
            ms = MODSEQ_RE.search(head)
            out[int(m.group(1))] = (f.group(1).decode("utf-8", "replace").split() if f else [],
                                    int(ms.group(1)) if ms else None, body)
        return out

    def check(self, data: bytes, folder: str, uid: int):
        from ..runner import FileResult

        display = f"{folder}/{uid}.eml"
        try:
            return self.runner.check_path(display, data=data, display=display)
        except Exception as exc:  # noqa: BLE001 - one bad draft never stops the watcher
            log.debug("checking %s UID %s raised", folder, uid, exc_info=True)
            return FileResult(path=display, error=f"internal error while checking: {exc.__class__.__name__}: {exc}")

    def process(self, folder: str, uid: int):
        self.process_batch(folder, [uid])

    def process_batch(self, folder: str, uids):
        """Fetch, check and claim each draft; then the reports (one SELECT, one SEARCH); then the moves."""
        fetched = self._fetch_many(uids)
        claimed = []
        for uid in uids:
            t0 = time.perf_counter()
            got = fetched.get(uid)
            if got is None or verdict_in_flags(got[0]):  # gone (re-saved again), or another watcher's
                self.stats.skipped += 1
                continue
            flags, modseq, data = got
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
            report, mid, _subject = build_report(result, data, verdict=verdict, folder=folder, uid=uid,
                                                 digest=digest)
            self.pending_reports[digest] = (report, mid)
            if not self._claim(uid, verdict, modseq):
                self.pending_reports.pop(digest, None)
                self.stats.skipped += 1
                continue
            claimed.append((uid, digest, verdict, result, time.perf_counter() - t0))
        if not claimed:
            return
        t_reports = time.perf_counter()
        appended = self._report_many([c[1] for c in claimed])
        self._select(folder)
        report_share = (time.perf_counter() - t_reports) / len(claimed)
        for uid, digest, verdict, result, spent in claimed:
            c = counts(result)
            self.stats.checked += 1
            self.stats.verdicts[verdict] += 1
            self.stats.reports += appended.get(digest, 0)
            log.info("%s UID %d: %s, %d finding%s (%d error, %d warning, %d info)%s, %d ms%s", folder, uid,
                     verdict.upper(), len(result.findings), "" if len(result.findings) == 1 else "s", c["error"],
                     c["warning"], c["info"], " [unreadable: " + result.error + "]" if result.error else "",
                     round((spent + report_share) * 1000), "" if appended.get(digest) else " (report already there)")
        if self.opt.outbox and folder == self.opt.outbox:
            self._move_many(folder, [(uid, verdict, digest, fetched[uid][2])
                                     for uid, digest, verdict, _result, _spent in claimed])

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

    def _report_many(self, digests) -> dict[str, int]:
        """Append the pending reports for `digests` that the report folder does not have yet (searched for by
        Message-ID first, so a retry or an identical version never makes a second one); digest -> 1 if appended."""
        self._select(self.opt.report_folder)
        existing: set[str] = set()
        todo = [d for d in dict.fromkeys(digests) if d in self.pending_reports]
        for i in range(0, len(todo), BATCH):
            mids = [self.pending_reports[d][1] for d in todo[i:i + BATCH]]
            typ, dat = self.conn.uid("SEARCH", *_any_message_id(mids))
            if typ != "OK":
                raise ImapError(f"SEARCH in {self.opt.report_folder}: {_text(dat)}")
            found = b" ".join(d for d in dat if d).split()
            if found:
                typ, dat = self.conn.uid("FETCH", b",".join(found).decode(), "(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
                for item in dat or ():
                    if isinstance(item, tuple) and len(item) == 2:
                        existing.update(m.decode("ascii", "replace") for m in re.findall(rb"<[^<>\s]+>", item[1]))
        out = {}
        for digest in todo:
            report, mid = self.pending_reports[digest]
            if mid in existing:
                out[digest] = 0
            else:
                typ, dat = self.conn.append(quote_mailbox(self.opt.report_folder), None,
                                            datetime.now(timezone.utc), report)
                if typ != "OK":
                    raise ImapError(f"APPEND to {self.opt.report_folder}: {_text(dat)}")
                existing.add(mid)
                out[digest] = 1
            self.pending_reports.pop(digest, None)
        return out

    def flush_pending(self):
        if self.pending_reports:
            self.stats.reports += sum(self._report_many(list(self.pending_reports)).values())

    def _move_many(self, folder: str, moves):
        """Move each (uid, verdict, digest, bytes) in `folder` to its destination. One whose exact bytes the
        destination already holds is what a crash mid-move left behind: it is expunged instead of copied again."""
        by_dest: dict[str, list] = {}
        for move in moves:
            dest = self.opt.fail_to if move[1] == "fail" else self.opt.pass_to
            if dest and not same_folder(folder, dest):
                by_dest.setdefault(dest, []).append(move)
        for dest, group in by_dest.items():
            self.selected = None
            try:
                copies = find_copies(self.conn, dest, {digest: data for _uid, _v, digest, data in group})
            except ImapError as exc:
                log.error("%s: not moved to %s for now: cannot look for copies already there: %s", folder, dest, exc)
                continue
            self._select(folder)
            for uid, verdict, digest, _data in group:
                if digest in copies and self._drop_leftover(folder, uid, dest, copies[digest], verdict, digest) \
                        != NO_COPY:
                    continue
                self._select(folder)  # again, should a failed step have left another folder selected
                self._move(folder, uid, dest, digest)

    def _drop_leftover(self, folder: str, uid: int, dest: str, dest_uid: int, verdict: str, digest: str) -> str:
        """Expunge the original of a draft its destination already holds (verified again first); recovery.py."""
        try:
            outcome = expunge_leftover(self.conn, self.caps, uid=uid, source=folder, dest=dest, dest_uid=dest_uid,
                                       digest=digest, keyword=KEYWORDS[verdict])
        except ImapError as exc:
            log.error("%s UID %d: also in %s (UID %d), but not removed: %s", folder, uid, dest, dest_uid, exc)
            self.selected = None
            return KEPT
        self.selected = folder
        if outcome == EXPUNGED:
            self.stats.recovered += 1
            log.warning("%s UID %d: already in %s (UID %d) byte for byte, left by an interrupted move: removed the "
                        "original from %s", folder, uid, dest, dest_uid, folder)
        return outcome

    def _move(self, folder: str, uid: int, dest: str, digest: str):
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
        fresh = True  # a new connection: catch up on everything before waiting for wake-ups
        self.last_full_scan = time.monotonic()
        try:
            while not self.stop.is_set():
                try:
                    if self.conn is None:
                        if not self._connect(retries=None):
                            break
                        fresh = True
                    if fresh:
                        self._catch_up()
                        fresh = False
                    self._scan_woken()
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

    def _catch_up(self):
        """After (re)connecting: append reports still owed, finish interrupted moves, scan every folder."""
        self.flush_pending()
        self.last_moves_retry = time.monotonic()
        for folder in self.opt.watched:
            self.finish_moves(folder)
        self.scan_all()

    def _scan_woken(self):
        """Wait (about a second) for wake-ups and scan the folders they name, or every folder when a rescan is due.
        Moves that failed without losing the connection (the server said NO) are retried at that interval too."""
        todo = self._woken_folders()
        if todo is None:
            return
        if self.opt.outbox and time.monotonic() - self.last_moves_retry >= self.opt.rescan_interval:
            self.last_moves_retry = time.monotonic()
            self.finish_moves(self.opt.outbox)
        if todo >= set(self.opt.watched):
            self.last_full_scan = time.monotonic()
        self.retry_soon = False
        for folder in self.opt.watched:
            if folder in todo and not self.stop.is_set():
                self.scan(folder)

    def _woken_folders(self) -> set[str] | None:
        """The folders woken since the last look (all of them when a retry or the safety-net rescan is due), or
        None when there is nothing to do yet."""
        try:
            todo = {self.wake.get(timeout=0.5 if self.retry_soon else 1.0)}
        except queue.Empty:
            if not self.retry_soon and time.monotonic() - self.last_full_scan < self.opt.rescan_interval:
                return None
            todo = set(self.opt.watched)
        while True:
            try:
                todo.add(self.wake.get_nowait())
            except queue.Empty:
                break
        return todo

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


def _any_message_id(mids) -> list[str]:
    """SEARCH criteria matching any of the Message-IDs: OR HEADER … (OR HEADER … HEADER …)."""
    one = ["HEADER", "Message-ID", f'"{mids[-1]}"']
    for mid in reversed(mids[:-1]):
        one = ["OR", "HEADER", "Message-ID", f'"{mid}"', *one]
    return one


def _text(dat) -> str:
    if isinstance(dat, (list, tuple)):
        dat = dat[-1] if dat else b""
    if isinstance(dat, bytes):
        return dat.decode("utf-8", "replace")
    return str(dat)


def _reason(exc) -> str:
    from .connection import _reason as r
    return r(exc)
