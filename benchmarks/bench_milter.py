"""How much does `tonecheck milter` cost a real Postfix (the test fixture in tests/postfix.py), and does a killed
milter lose mail?

1. Throughput: N messages (two in three clean, one failing) submitted by C SMTP clients at once, one connection a
   message, to a Postfix without a milter and to one with `tonecheck milter` (reject mode, --jobs = cores):
   messages/s from the first connection to the last SMTP reply.
2. Added latency: the same messages one at a time from one client: SMTP transaction time with and without the
   milter, median and 95th percentile; the difference is what a sender waits for the check.
3. Kill run: N messages from C clients with the milter SIGKILLed at the N/2-th reply (Postfix's
   milter_default_action = tempfail): each message accounted for as delivered unchanged, rejected (550) or told
   to retry (4xx); lost must be 0.
4. Memory: resident set of the milter and its processes (fork server, checkers) after the runs.

    .venv/bin/python benchmarks/bench_milter.py [--messages 200] [--clients 4] [--latency-runs 60]

Prints plain lines, then one JSON line with every figure. Needs root and the postfix binary (as the tests).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

warnings.simplefilter("ignore", DeprecationWarning)
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from postfix import Postfix  # noqa: E402  (tests/postfix.py)
from test_milter import DEFENSIVE, MilterProcess, message, run_and_kill, stop_all  # noqa: E402

PARAGRAPHS = [
    "Thank you for your patience while we looked into the missing parcel. The courier confirmed this morning that "
    "it was left at the depot on Station Road, and it is now on the van for delivery tomorrow, Friday 11 December, "
    "before 1 pm.",
    "Your refund of 24.90 EUR for the damaged lid was sent to the card ending 4471 today. Banks usually show it "
    "within three to five working days.",
    "If the parcel has not arrived by Friday evening, just reply to this email with a photo of the label and I will "
    "send a replacement the same day.",
]
CLEAN = "Hello Sam,\n\n" + "\n\n".join(PARAGRAPHS) + "\n\nKind regards,\nAnn\n"


def batch(tag: str, n: int) -> list[tuple[str, bytes]]:
    return [(f"{tag}-{i}", message(f"{tag}-{i}", DEFENSIVE if i % 3 == 0 else CLEAN)) for i in range(n)]


def throughput(server: Postfix, msgs, clients: int) -> tuple[float, dict]:
    codes: dict[int, int] = {}

    def send(item):
        return server.send(item[1], "ann@company.example", ["sam@customer.example"])[0]

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        for code in pool.map(send, msgs):
            codes[code] = codes.get(code, 0) + 1
    return len(msgs) / (time.perf_counter() - start), codes


def latencies(server: Postfix, msgs) -> list[float]:
    out = []
    for _, raw in msgs:
        t = time.perf_counter()
        server.send(raw, "ann@company.example", ["sam@customer.example"])
        out.append(time.perf_counter() - t)
    return out


def group_rss_mb(pgid: int) -> float:
    pids = subprocess.run(["pgrep", "-g", str(pgid)], capture_output=True, text=True).stdout.split()
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(round(0.95 * len(values))) - 1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=200)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--latency-runs", type=int, default=60)
    args = ap.parse_args()
    jobs = str(os.cpu_count() or 1)
    tmp = Path(tempfile.mkdtemp(prefix="bench-milter-"))
    (tmp / "a").mkdir()
    (tmp / "b").mkdir()
    milter = MilterProcess(tmp / "a", "--jobs", jobs)
    plain = Postfix(milter="").start()
    gated = Postfix(milter=milter.listen).start()
    figures: dict = {"messages": args.messages, "clients": args.clients, "checkers": int(jobs)}
    try:
        milter.wait_ready()
        latencies(gated, batch("warm", 10))             # each smtpd's first connection to the milter
        figures["plain_msgs_per_s"], _ = throughput(plain, batch("p", args.messages), args.clients)
        figures["milter_msgs_per_s"], codes = throughput(gated, batch("g", args.messages), args.clients)
        figures["milter_codes"] = {str(k): v for k, v in codes.items()}
        lat_plain = latencies(plain, batch("lp", args.latency_runs))
        lat_gated = latencies(gated, batch("lg", args.latency_runs))
        for name, lat in (("plain", lat_plain), ("milter", lat_gated)):
            figures[f"{name}_latency_ms_median"] = statistics.median(lat) * 1000
            figures[f"{name}_latency_ms_p95"] = p95(lat) * 1000
        figures["added_latency_ms_median"] = figures["milter_latency_ms_median"] - figures["plain_latency_ms_median"]
        figures["milter_rss_mb"] = group_rss_mb(milter.proc.pid)
    finally:
        gated.cleanup()
        plain.cleanup()
        stop_all([milter])
    try:
        figures["kill_run"] = kill_run(tmp / "b", args.messages, args.clients, jobs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report(figures)


def kill_run(folder: Path, n: int, clients: int, jobs: str) -> dict:
    milter = MilterProcess(folder, "--jobs", jobs)
    server = Postfix(milter=milter.listen, default_action="tempfail").start()
    try:
        milter.wait_ready()
        outcome = run_and_kill(server, milter, total=n, kill_after=n // 2, senders=clients)
    finally:
        server.cleanup()
        stop_all([milter])
    codes = outcome["codes"]
    return {"sent": n, "answered": outcome["answered"], "delivered": outcome["delivered"],
            "rejected_550": codes["550"], "told_4xx": codes["451"] + codes["421"], "unknown": outcome["unknown"],
            "changed_or_duplicated": outcome["changed"],
            "lost": n - outcome["delivered"] - codes["550"] - codes["451"] - codes["421"]}


def report(f: dict) -> None:
    k = f["kill_run"]
    print(f"throughput, {f['messages']} messages from {f['clients']} clients: without milter "
          f"{f['plain_msgs_per_s']:.1f} msg/s, with tonecheck milter ({f['checkers']} checkers) "
          f"{f['milter_msgs_per_s']:.1f} msg/s (answers {f['milter_codes']})")
    print(f"latency, one client: without {f['plain_latency_ms_median']:.1f} ms median "
          f"({f['plain_latency_ms_p95']:.1f} p95), with {f['milter_latency_ms_median']:.1f} ms median "
          f"({f['milter_latency_ms_p95']:.1f} p95): +{f['added_latency_ms_median']:.1f} ms a message")
    print(f"memory: milter + fork server + checkers {f['milter_rss_mb']:.0f} MB resident")
    print(f"kill run: {k['sent']} sent, milter SIGKILLed at reply {k['sent'] // 2}: {k['delivered']} delivered "
          f"unchanged, {k['rejected_550']} rejected (550), {k['told_4xx']} told to retry (4xx), lost {k['lost']}, "
          f"changed or duplicated {len(k['changed_or_duplicated'])}")
    print(json.dumps(f))


if __name__ == "__main__":
    main()
