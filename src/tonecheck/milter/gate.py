"""The milter itself, on pymilter (Python bindings to Sendmail's libmilter, the reference implementation of the
milter protocol that Postfix also speaks): collects one message's envelope, headers and body as Postfix passes them
on, has a checker judge it (milter/pool.py), and answers with milter/policy.py's decision.

Every callback is guarded: whatever goes wrong inside the gate, it logs one line and answers so that the message
goes on untouched (or is tempfailed with on_error = "tempfail"); nothing here can make Postfix lose a message.
"""
from __future__ import annotations

import functools
import logging
import time

import Milter

from . import policy
from .pool import CheckFailed

log = logging.getLogger("tonecheck.milter")


class GateRuntime:
    """What every connection shares: the settings, the checker pool, the config's fail_on and internal domains."""

    def __init__(self, settings, pool, *, fail_on: str, internal_domains):
        self.settings = settings
        self.pool = pool
        self.fail_on = fail_on
        self.internal_domains = tuple(internal_domains)


def _guarded(stage: str):
    """Run a callback; on any exception log one line and answer as a failure of the gate (fail open by default)."""
    def wrap(method):
        @functools.wraps(method)
        def run(self, *args):
            try:
                return method(self, *args)
            except Exception as exc:  # noqa: BLE001 - the gate must never take a message down with it
                self.broken = f"internal error in {stage}: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
                if stage != "eom":          # told at eom, where the answer is given
                    return Milter.CONTINUE
                decision = policy.gate_failure(self.broken, on_error=self.runtime.settings.on_error,
                                               queue_id=self._queue_id())
                try:
                    return self._answer(decision)
                except Exception:  # noqa: BLE001 - e.g. the connection is gone: the answer without a reply text
                    return Milter.TEMPFAIL if decision.action == "tempfail" else Milter.CONTINUE
        return run
    return wrap


@Milter.header_leading_space
class ToneGate(Milter.Base):
    """One SMTP connection (libmilter calls it from that connection's thread; messages come one after another)."""

    runtime: GateRuntime = None        # set by serve() before libmilter starts

    def __init__(self):
        self._reset()

    def _reset(self) -> None:
        self.sender = ""
        self.recipients: list[str] = []
        self.chunks: list[bytes] = []
        self.size = 0
        self.too_large = False
        self.broken: str | None = None   # set when a callback failed: the message then passes unchecked

    @_guarded("envfrom")
    def envfrom(self, mailfrom, *params):
        self._reset()
        self.sender = _bare(mailfrom)
        why = policy.exemption(self.sender, [], self.runtime.settings)
        if why:
            log.info("%s: not checked: %s", self._queue_id(), why)
            return Milter.ACCEPT
        return Milter.CONTINUE

    @_guarded("envrcpt")
    def envrcpt(self, to, *params):
        self.recipients.append(_bare(to))
        return Milter.CONTINUE

    def data(self):
        """Answered though there is nothing to decide: over TCP, Postfix's next packets (the headers, from its
        cleanup process) would otherwise wait on Nagle's algorithm for the delayed ACK of the unanswered DATA
        macros, about 40 ms a message (measured: 55 ms -> 7 ms added latency)."""
        return Milter.CONTINUE

    @Milter.noreply
    @Milter.decode("bytes")
    @_guarded("header")
    def header(self, name, value):
        name = name.encode("utf-8", "surrogateescape") if isinstance(name, str) else name
        self._keep(name + b":" + value + b"\r\n")
        return Milter.CONTINUE

    @_guarded("eoh")
    def eoh(self):
        why = policy.exemption(self.sender, self.recipients, self.runtime.settings)
        if why:
            log.info("%s: not checked: %s", self._queue_id(), why)
            return Milter.ACCEPT
        self._keep(b"\r\n")
        return Milter.CONTINUE

    @Milter.noreply
    @_guarded("body")
    def body(self, chunk):
        self._keep(chunk)
        return Milter.CONTINUE

    @_guarded("eom")
    def eom(self):
        queue_id = self._queue_id()
        if self.broken:
            return self._answer(policy.gate_failure(self.broken, on_error=self.runtime.settings.on_error,
                                                    queue_id=queue_id))
        if self.too_large:
            return self._answer(policy.Decision("continue", f"{queue_id}: passed unchecked: larger than "
                                                f"max_message_bytes ({self.runtime.settings.max_message_bytes})",
                                                unchecked=True))
        return self._answer(self._judge(b"".join(self.chunks), queue_id))

    def abort(self):
        self._reset()
        return Milter.CONTINUE

    def close(self):
        self._reset()
        return Milter.CONTINUE

    # --- helpers ------------------------------------------------------------------------------------------------

    def _keep(self, data: bytes) -> None:
        """Buffer the message up to max_message_bytes; past that it is passed on unchecked at eom."""
        if self.too_large:
            return
        self.size += len(data)
        if self.size > self.runtime.settings.max_message_bytes:
            self.too_large = True
            self.chunks = []
            return
        self.chunks.append(data)

    def _judge(self, data: bytes, queue_id: str) -> policy.Decision:
        rt = self.runtime
        internal = policy.is_internal(self.sender, self.recipients, rt.internal_domains)
        started = time.monotonic()
        try:
            error, findings = rt.pool.check(data, internal, started + rt.settings.timeout)
        except CheckFailed as exc:
            return policy.gate_failure(str(exc), on_error=rt.settings.on_error, queue_id=queue_id)
        decision = policy.decide(error, findings, fail_on=rt.fail_on, action=rt.settings.action, queue_id=queue_id)
        decision.reason += f" [{'internal' if internal else 'external'}, {time.monotonic() - started:.2f} s]"
        return decision

    def _answer(self, decision: policy.Decision):
        """Carry out a decision; log its one line."""
        (log.warning if decision.action != "continue" or decision.unchecked else log.info)("%s", decision.reason)
        if decision.action == "reject":
            self.setreply("550", "5.7.1", *decision.reply)
            return Milter.REJECT
        if decision.action == "tempfail":
            self.setreply("451", "4.7.1", *decision.reply)
            return Milter.TEMPFAIL
        if decision.action == "hold":
            self.quarantine(decision.reply[0] if decision.reply else "tonecheck")
        # with leading spaces negotiated (P_HDR_LEADSPC, to read headers exactly), a value is written as given
        lead = " " if self._protocol & Milter.P_HDR_LEADSPC else ""
        for name, value in decision.headers:
            self.addheader(name, lead + value)
        return Milter.CONTINUE

    def _queue_id(self) -> str:
        try:
            return self.getsymval("i") or "NOQUEUE"
        except Exception:  # noqa: BLE001 - no context (a connection already gone)
            return "NOQUEUE"


def _bare(address) -> str:
    """An envelope address without its angle brackets, lower-case ('' for the null sender <>)."""
    if isinstance(address, bytes):
        address = address.decode("utf-8", "replace")
    return str(address).strip().strip("<>").strip().lower()


def serve(runtime: GateRuntime, listen: str, socket_mode: int) -> None:
    """Run the milter until libmilter stops (SIGTERM, SIGINT, SIGHUP)."""
    import os

    ToneGate.runtime = runtime
    Milter.factory = ToneGate
    Milter.set_flags(Milter.ADDHDRS | Milter.QUARANTINE)
    # a callback that raised in spite of _guarded: libmilter answers as on_error says, not its default tempfail
    Milter.milter.set_exception_policy(Milter.TEMPFAIL if runtime.settings.on_error == "tempfail"
                                       else Milter.CONTINUE)
    previous = os.umask(0o777 & ~socket_mode)     # the unix socket's permissions (libmilter creates it)
    try:
        Milter.runmilter("tonecheck", listen, timeout=600)
    finally:
        os.umask(previous)
