"""How fast is `tonecheck watch`, against a real Dovecot (the test fixture in tests/dovecot.py)?

1. Throughput of --once: 200 drafts waiting in Drafts, one Watcher.run_once() (the rule engine already built, as a
   service has it): drafts per second, including fetch, check, keyword STORE, report SEARCH + APPEND.
2. IDLE-to-verdict latency: a watcher in service mode (IDLE); a second client APPENDs one draft; the time until the
   verdict keyword is stored on it (measured when the watcher's claim returns), repeated, median and max.

    .venv/bin/python benchmarks/bench_watch.py [--drafts 200] [--latency-runs 7]

Prints plain lines, then one JSON line with every figure. Needs the `dovecot` binary (dovecot-imapd).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
import warnings
from pathlib import Path

warnings.simplefilter("ignore", DeprecationWarning)
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import dovecot  # noqa: E402  (tests/dovecot.py)

from tonecheck.mailbox.connection import parse_url  # noqa: E402
from tonecheck.mailbox.watcher import WatchOptions, Watcher  # noqa: E402
from tonecheck.runner import Runner  # noqa: E402

TEXTS = [
    "Your refund of 20 EUR was sent today. Nothing else is needed from you.",
    "Per my last email, the refund was sent today. We will look into the delivery issue at some point.",
    "Thanks for your patience. The replacement router ships on Monday and I will email you the tracking number "
    "as soon as the courier collects it.",
    "As clearly stated in our terms, refunds take 14 days. Obviously this is not something we can change.",
]


def draft(n: int) -> bytes:
    body = TEXTS[n % len(TEXTS)]
    return (f"From: Ana <support@example.com>\r\nTo: customer{n}@example.net\r\nSubject: Your order {n}\r\n"
            f"Message-ID: <bench-{n}-{time.time_ns()}@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"\r\nHi,\r\n\r\n{body}\r\n\r\nBest,\r\nAna\r\n").encode()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--drafts", type=int, default=200)
    ap.add_argument("--latency-runs", type=int, default=7)
    args = ap.parse_args()
    if not dovecot.have_dovecot():
        sys.exit("bench_watch: the dovecot binary is not installed (apt-get install dovecot-imapd)")

    server = dovecot.Dovecot(users=["bench1", "bench2"]).start()
    try:
        t = time.perf_counter()
        runner = Runner()
        runner.check_path("warm-up.eml", data=draft(0))
        engine_s = time.perf_counter() - t

        # 1. --once throughput
        c = server.client("bench1")
        c.create("Drafts")
        for i in range(args.drafts):
            c.append("Drafts", r"(\Draft)", None, draft(i))
        c.logout()
        spec = parse_url(server.url("bench1"), cafile=server.cafile)
        w = Watcher(spec, "bench1", dovecot.PASSWORD, runner, WatchOptions())
        t = time.perf_counter()
        stats = w.run_once()
        once_s = time.perf_counter() - t
        assert stats.checked == args.drafts, stats
        per_s = args.drafts / once_s

        # 2. IDLE-to-verdict latency
        spec = parse_url(server.url("bench2"), cafile=server.cafile)
        w = Watcher(spec, "bench2", dovecot.PASSWORD, runner, WatchOptions())
        done: dict[int, float] = {}
        real_claim = w._claim

        def timed_claim(uid, verdict, modseq):
            ok = real_claim(uid, verdict, modseq)
            done[uid] = time.perf_counter()
            return ok

        w._claim = timed_claim
        th = threading.Thread(target=w.run_forever, daemon=True)
        th.start()
        client = server.client("bench2")
        client.create("Drafts")
        deadline = time.monotonic() + 30
        while not (w.notifiers and w.notifiers[0].conn is not None) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        latencies = []
        for i in range(args.latency_runs):
            t0 = time.perf_counter()
            typ, dat = client.append("Drafts", r"(\Draft)", None, draft(1000 + i))
            uid = int(dat[-1].split()[2].rstrip(b"]"))
            while uid not in done and time.perf_counter() - t0 < 30:
                time.sleep(0.005)
            latencies.append((done[uid] - t0) * 1000)
            time.sleep(0.3)
        client.logout()
        w.request_stop()
        th.join(timeout=20)
    finally:
        server.cleanup()

    figures = {
        "drafts": args.drafts,
        "once_seconds": round(once_s, 3),
        "once_drafts_per_second": round(per_s, 1),
        "once_ms_per_draft": round(once_s * 1000 / args.drafts, 1),
        "idle_to_verdict_ms_median": round(statistics.median(latencies), 1),
        "idle_to_verdict_ms_max": round(max(latencies), 1),
        "idle_to_verdict_ms_all": [round(x, 1) for x in latencies],
        "engine_build_seconds": round(engine_s, 2),
    }
    print(f"--once: {args.drafts} drafts in {once_s:.2f} s = {per_s:.1f} drafts/s "
          f"({figures['once_ms_per_draft']} ms per draft)")
    print(f"IDLE-to-verdict latency over {len(latencies)} drafts: median {figures['idle_to_verdict_ms_median']} ms, "
          f"max {figures['idle_to_verdict_ms_max']} ms")
    print(f"(rule engine build, once per process: {engine_s:.2f} s, not included above)")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
