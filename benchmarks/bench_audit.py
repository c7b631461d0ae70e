"""Audit throughput and memory: `tonecheck audit` over a generated mbox of --messages (default 100,000) invented
support replies (12 templates, 8 senders, 26 weeks, a few '>From ' lines and a damaged message), at each of --jobs
(default 1,2): messages/s (wall clock, and per CPU second of the whole process tree, which other load on the machine
does not change), peak RSS of the main process and of the process tree, and the main process's RSS at a
tenth, half and the end of the run, to show it stays flat while the archive streams through.

    .venv/bin/python benchmarks/bench_audit.py [--messages 100000] [--jobs 1,2] [--format json]

The mbox is written to a temporary folder and deleted afterwards. Prints plain lines, then one JSON line.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_throughput import _rss_kb, _tree  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SENDERS = ["ann", "bob", "chen", "dora", "emil", "fatima", "gus", "hana"]
NAMES = ["Sam", "Kim", "Alex", "Jordan", "Priya", "Lee", "Maria", "Tom"]
TEMPLATES = [
    "Thanks for your order {order}. It left our warehouse on {day} and arrives within 3 working days. Reply to this "
    "email if it has not arrived by {day2}.",
    "We will look into the problem with order {order} ASAP and get back to you soon.",
    "As I said before, the refund for order {order} was sent on {day}. Please check your statement again.",
    "I'm sorry your parcel {order} arrived damaged. I have sent a replacement today; it will reach you by {day2}. "
    "You do not need to return the damaged one.",
    "Obviously the warranty does not cover water damage. You should have read the terms before buying.",
    "Your appointment is confirmed for {day} at 10:30. If the time does not suit you, reply with two other times "
    "and I will move it.",
    "We are checking with the courier about order {order}. I will write to you again by {day2} with what they say.",
    "Great, another week without an answer from our supplier. Just what we all needed!!!",
    "Thanks for the photos. Our technician will call you on {day} between 9:00 and 12:00 to book the repair.",
    "Your account has been updated and the new address will be used for order {order} and later orders.",
    "Unfortunately we cannot refund order {order}. Our policy is final and this matter is now closed.",
    "Could you send us the serial number on the back of the device? Once we have it, we will ship the part the "
    "same day.",
]


def _message(rng: random.Random, i: int, when: datetime) -> bytes:
    day = (when + timedelta(days=rng.randint(1, 5))).strftime("%A %-d %B")
    day2 = (when + timedelta(days=rng.randint(6, 10))).strftime("%A %-d %B")
    body = rng.choice(TEMPLATES).format(order=f"#{100000 + i}", day=day, day2=day2)
    sender = rng.choice(SENDERS)
    extra = "\n>From now on you can also reach us by chat.\n" if i % 50 == 0 else ""
    return (f"From {sender}@contoso.example {when.strftime('%a %b %d %H:%M:%S %Y')}\n"
            f"From: {sender.title()} <{sender}@contoso.example>\nTo: customer{i}@mail.example\n"
            f"Subject: Re: your order #{100000 + i}\nDate: {format_datetime(when)}\n"
            f"Message-ID: <{i}@contoso.example>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
            f"Hi {rng.choice(NAMES)},\n\n{body}\n{extra}\nBest regards,\n{sender.title()}\nContoso Support\n\n"
            ).encode()


def write_mbox(path: Path, n: int) -> int:
    """n messages over 26 weeks; message 1000 is cut short by a NUL-filled body (unreadable, skipped)."""
    rng = random.Random(15)
    start = datetime(2026, 6, 1, 8, 0, tzinfo=timezone.utc)
    step = timedelta(weeks=26) / max(n, 1)
    with open(path, "wb") as fh:
        for i in range(n):
            msg = _message(rng, i, start + step * i)
            if i == 999:
                msg = msg.split(b"\n\n", 1)[0] + b"\n\n" + b"\x00" * 200 + b"\n\n"
            fh.write(msg)
    return path.stat().st_size


def run(argv: list[str], cwd: str) -> dict:
    before = os.times()
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "TONECHECK_NO_SERVER": "1"})
    samples: list[tuple[float, int, int]] = []          # (seconds, main RSS kB, tree RSS kB)
    done = threading.Event()

    def sample():
        while not done.wait(0.5):
            tree = _tree(proc.pid)
            samples.append((time.perf_counter() - t0, _rss_kb(proc.pid), sum(_rss_kb(p) for p in tree)))

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    after = os.times()
    done.set()
    th.join()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)

    def main_at(fraction: float) -> float:
        later = [s for s in samples if s[0] >= wall * fraction] or samples[-1:]
        return round(later[0][1] / 1024, 1) if later else 0.0

    return {"wall": wall, "cpu": round(cpu, 1), "load_before": round(os.getloadavg()[0], 2), "rc": proc.returncode,
            "stderr": err.decode(errors="replace").strip().splitlines()[-3:],
            "peak_main_rss_mb": round(max((s[1] for s in samples), default=0) / 1024, 1),
            "peak_tree_rss_mb": round(max((s[2] for s in samples), default=0) / 1024, 1),
            "main_rss_mb_at_10_50_95pct": [main_at(0.1), main_at(0.5), main_at(0.95)]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--format", default="json", choices=["json", "html", "text"])
    args = ap.parse_args()
    results = {"messages": args.messages, "cores": os.cpu_count(), "format": args.format, "runs": {}}
    with tempfile.TemporaryDirectory() as tmp:
        mbox = Path(tmp) / "Sent.mbox"
        t0 = time.perf_counter()
        size = write_mbox(mbox, args.messages)
        print(f"wrote {args.messages:,} messages, {size / 1e6:.1f} MB, in {time.perf_counter() - t0:.1f} s")
        results["mbox_mb"] = round(size / 1e6, 1)
        for jobs in [int(j) for j in args.jobs.split(",")]:
            out = Path(tmp) / f"audit-{jobs}.{args.format}"
            r = run([sys.executable, "-m", "tonecheck", "audit", str(mbox), "--format", args.format, "-o", str(out),
                     "--jobs", str(jobs), "--no-progress"], cwd=tmp)
            r["messages_per_s"] = round(args.messages / r["wall"], 1)
            r["messages_per_cpu_s"] = round(args.messages / r["cpu"], 1) if r["cpu"] else None
            if args.format == "json":
                summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
                r["checked"], r["findings"], r["unreadable"] = (summary["checked"], summary["findings"],
                                                               summary["unreadable"])
            results["runs"][jobs] = r
            print(f"--jobs {jobs}: {r['wall']:.1f} s, {r['messages_per_s']} messages/s ({r['cpu']} CPU s, "
                  f"{r['messages_per_cpu_s']} messages per CPU second; load {r['load_before']}), exit {r['rc']}, "
                  "peak RSS "
                  f"main {r['peak_main_rss_mb']} MB, tree {r['peak_tree_rss_mb']} MB, main RSS at 10/50/95% "
                  f"{r['main_rss_mb_at_10_50_95pct']} MB; checked {r.get('checked')}, findings {r.get('findings')}, "
                  f"unreadable {r.get('unreadable')}; stderr tail {r['stderr']}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
