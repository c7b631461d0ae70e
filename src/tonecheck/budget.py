"""A time budget per file: work on one file that runs past it is stopped, and the file is reported as
"too complex to check in N s; skipped" while the other files are still checked.

Why a signal: the fixes at the source (readers, tokenizer, YAML) bound every input we know of, and this is the
backstop for the ones we do not. A check cannot poll a deadline inside spaCy or a regex, but a signal handler runs
at the next bytecode or the next regex step, so the work really stops instead of being abandoned in the
background. The timer counts the process's CPU time (ITIMER_PROF), not wall time: a busy machine must not turn an
ordinary draft into a skipped one.

Limits, by design: only the main thread can take a signal, so elsewhere (and where setitimer does not exist) the
budget is not enforced and the caps at the source are what bound the work. TooComplex is a BaseException, like
KeyboardInterrupt, so code that catches Exception cannot swallow it; once it has fired the timer repeats every
REPEAT seconds until the budgeted block is left, in case something swallows it anyway.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

DEFAULT_SECONDS = 2.0       # issue 17's target: every input checked (or rejected) within 2 s
REPEAT = 0.05
_state = {"armed": False}


class TooComplex(BaseException):
    """One file's work ran past its time budget."""

    def __init__(self, seconds: float):
        super().__init__(f"too complex to check in {seconds:g} s; skipped")
        self.seconds = seconds


def enforceable() -> bool:
    """Whether a budget can interrupt work here (the main thread of a system with setitimer)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def limit(seconds: float | None, spent: float = 0.0) -> Iterator[None]:
    """Run the block within `seconds` of CPU time, `spent` of which are already used (TooComplex when it is over).

    A budget inside another one, a budget of None or 0, or one that cannot be enforced here, changes nothing."""
    if not seconds or seconds <= 0 or _state["armed"] or not enforceable():
        yield
        return
    if spent >= seconds:
        raise TooComplex(seconds)

    def expired(signum, frame):
        if _state["armed"]:
            raise TooComplex(seconds)

    previous = signal.signal(signal.SIGPROF, expired)
    _state["armed"] = True
    try:
        signal.setitimer(signal.ITIMER_PROF, seconds - spent, REPEAT)
        yield
    finally:
        _state["armed"] = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def remaining() -> float | None:
    """CPU seconds left in the budget enforced here, or None when none is (optional work - the sentence model -
    stops early rather than push an ordinary long draft over its budget)."""
    if not _state["armed"] or not enforceable():
        return None
    return signal.getitimer(signal.ITIMER_PROF)[0]


def cpu_now() -> float:
    """The process's CPU time, the clock budgets are measured in."""
    return time.process_time()
