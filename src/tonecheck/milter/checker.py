"""A checker process: holds the warm Runners and checks one message at a time for the milter.

Checking runs here, in a process of its own and in its main thread, for two reasons: the Runner's CPU time budget
is a signal (tonecheck.budget), which only the main thread can take, and a check that hangs or crashes must cost
one checker process, never the milter that Postfix talks to. The pool (milter/pool.py) starts these processes from
multiprocessing's fork server, a clean single-threaded process, never from the milter's own threads.

Protocol over the pipe: the checker first sends ("ready", None) or ("failed", reason); then for each request
(data, internal) it answers ("done", (error, findings)) with the findings at every severity.

Each message is read as `<base_dir>/outgoing.eml`, so a brand.yml beside the config file (or above it) is found as
it would be for a draft saved there; `brand`/`[brands]` in the config and --brand come first, as everywhere.
"""
from __future__ import annotations

import dataclasses
import os
import signal
from dataclasses import dataclass

# a short draft checked before "ready": the first check builds lazy tables, and must not count against a real
# message's time budget
_WARM_UP = (b"From: Ann <ann@company.example>\r\nTo: sam@customer.example\r\nSubject: Your order\r\n\r\n"
            b"Hi Sam,\r\n\r\nThanks for your order. We will reply by Friday.\r\n\r\nBest,\r\nAnn\r\n")


@dataclass(frozen=True)
class CheckerSpec:
    """What a checker needs to build its Runners (sent to the new process, so it must pickle)."""
    config: object                    # tonecheck.config.Config
    brand: str | None
    time_budget: float
    internal_ignore: tuple[str, ...]
    base_dir: str                     # brand.yml is looked for from here up, as for a file in this folder


def build_runners(spec: CheckerSpec):
    """(runner for mail to customers, runner for internal mail): the second also ignores `internal_ignore`."""
    from ..runner import Runner

    cfg = dataclasses.replace(spec.config, watch=(), milter=())
    internal_cfg = cfg.with_overrides(ignore=tuple(cfg.ignore) + tuple(spec.internal_ignore))
    return (Runner(base=cfg, brand=spec.brand, time_budget=spec.time_budget),
            Runner(base=internal_cfg, brand=spec.brand, time_budget=spec.time_budget))


def serve(conn, spec: CheckerSpec) -> None:
    """The checker's loop, until the milter closes its end of the pipe (EOF) or dies."""
    # Ctrl-C and the service manager's TERM are for the milter, which stops the checkers itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        runners = build_runners(spec)
        path = os.path.join(spec.base_dir, "outgoing.eml")
        for runner in runners:
            runner.check_path(path, data=_WARM_UP)
    except Exception as exc:  # noqa: BLE001 - a bad config or brand guide: told to the milter, which exits 2
        conn.send(("failed", " ".join(str(exc).split())[:500] or type(exc).__name__))
        return
    conn.send(("ready", None))
    while True:
        try:
            data, internal = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(("done", check(runners[1] if internal else runners[0], path, data)))


def check(runner, path: str, data: bytes):
    """(error or None, findings) for one raw message; never raises."""
    try:
        res = runner.check_one(path, data=data)
    except Exception as exc:  # noqa: BLE001 - e.g. UsageProblem: an error for this message, the milter goes on
        return (f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}", [])
    return (res.error, [dataclasses.replace(f, fix=None) for f in res.findings])
