"""Load on `tonecheck serve`: N concurrent clients posting drafts to /v2/check for a fixed time.

Starts the real server (`python -m tonecheck serve --port 0`, loopback only) as a subprocess, then runs N client
threads, each posting one draft after another (LanguageTool's form encoding, a new connection per request, as
Gunicorn's sync workers close each one) until the time is up. Counts every answer that is not a 200 with
`matches`, and every connection error, as an error. Prints requests/s, p50/p90/p99/max latency, the server's
memory (master + workers, RSS and PSS) and one JSON line with every figure.

    .venv/bin/python benchmarks/bench_serve.py [--clients 50] [--seconds 60] [--workers N]

Not a pytest test: a figure to read and record in benchmarks/RESULTS.md, not an assertion.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

DRAFTS = [
    "Hi Sam,\n\nThanks for getting in touch about your order, and sorry for the wait. The parcel left our warehouse "
    "on Tuesday morning. It should reach you within three working days, and we will reply ASAP if anything "
    "changes.\n\nBest,\nAnna\n",
    "Hi Zoë 👋,\n\nThanks for the café photos 📷. Obviously the hinge was bent in transit, so this is not our "
    "fault!! We will get back to you soon about the replacement.\n\nBest,\nRené\n",
    "Hello Priya,\n\nI'm sorry the refund has taken so long. I have asked our billing team to process it today, "
    "and I will email you the confirmation by Thursday at noon. If you have not heard from me by then, reply to "
    "this email and I will call you.\n\nKind regards,\nTom\n\nOn Mon, Priya wrote:\n> Where is my refund? This "
    "is the third time I ask.\n",
    "Dear Mr Okafor,\n\nAs I already explained, the warranty does not cover accidental damage. There is nothing "
    "we can do. You should have read the terms before buying. Per my last email, the repair fee is 40 euros.\n\n"
    "Regards,\nSupport\n",
]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def start_server(workers: int | None, cwd: str):
    args = [sys.executable, "-m", "tonecheck", "serve", "--port", "0"] + (["--workers", str(workers)] if workers
                                                                          else [])
    env = {k: v for k, v in os.environ.items() if k != "TONECHECK_API_KEY"}
    env["TONECHECK_NO_SERVER"] = "1"
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if m:
            threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()   # drain its log
            return proc, int(m.group(1))
        if not line and proc.poll() is not None:
            break
    proc.kill()
    raise SystemExit("tonecheck serve did not start")


def client(port: int, stop_at: float, index: int, latencies: list, errors: list, lock: threading.Lock) -> None:
    """Post drafts one after another until stop_at; each request on a new connection."""
    n = index
    while time.monotonic() < stop_at:
        body = urllib.parse.urlencode({"text": DRAFTS[n % len(DRAFTS)], "language": "en-US"})
        n += 1
        t0 = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            conn.request("POST", "/v2/check", body, {"Content-Type": "application/x-www-form-urlencoded"})
            resp = conn.getresponse()
            data = resp.read()
            conn.close()
            ok = resp.status == 200 and "matches" in json.loads(data)
            problem = None if ok else f"HTTP {resp.status}: {data[:200]!r}"
        except (OSError, http.client.HTTPException, ValueError) as exc:
            problem = f"{type(exc).__name__}: {exc}"
        elapsed = time.perf_counter() - t0
        with lock:
            if problem:
                errors.append(problem)
            else:
                latencies.append(elapsed)


def memory(pid: int) -> dict:
    """RSS and PSS (kB) of the server's master and its workers."""
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            pids += [int(p) for p in fh.read().split()]
    except OSError:
        pass
    rss = pss = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return {"processes": len(pids), "rss_mb": round(rss / 1024, 1), "pss_mb": round(pss / 1024, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--workers", type=int, default=None, help="server workers (default: its own, the core count)")
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory() as cwd:
        proc, port = start_server(opts.workers, cwd)
        try:
            latencies, errors, lock = [], [], threading.Lock()
            stop_at = time.monotonic() + opts.seconds
            threads = [threading.Thread(target=client, args=(port, stop_at, i, latencies, errors, lock))
                       for i in range(opts.clients)]
            t0 = time.monotonic()
            for t in threads:
                t.start()
            mem = None
            while any(t.is_alive() for t in threads):
                time.sleep(0.5)
                if mem is None and time.monotonic() - t0 > opts.seconds / 2:
                    mem = memory(proc.pid)          # under load, half-way through
            wall = time.monotonic() - t0
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
    done = len(latencies)
    figures = {"clients": opts.clients, "seconds": round(wall, 1), "workers": opts.workers or os.cpu_count(),
               "requests": done, "errors": len(errors), "requests_per_s": round(done / wall, 1),
               "p50_ms": round(pct(latencies, 50) * 1000, 1) if done else None,
               "p90_ms": round(pct(latencies, 90) * 1000, 1) if done else None,
               "p99_ms": round(pct(latencies, 99) * 1000, 1) if done else None,
               "max_ms": round(max(latencies) * 1000, 1) if done else None, "memory": mem,
               "first_errors": errors[:3]}
    print(f"{opts.clients} clients for {wall:.1f} s against {figures['workers']} workers: {done} answers, "
          f"{len(errors)} errors, {figures['requests_per_s']} requests/s")
    print(f"latency p50 {figures['p50_ms']} ms, p90 {figures['p90_ms']} ms, p99 {figures['p99_ms']} ms, "
          f"max {figures['max_ms']} ms; server memory {mem}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
