"""Cold start: `tonecheck draft.eml` (a ~300-word draft, all default rules, the corpus brand guide) from process
start to exit, and `tonecheck --version`; median (and min, CPU user+sys) of --runs runs each (default 10).

    .venv/bin/python benchmarks/bench_cold_start.py [--runs 10] [--words 300]

The draft is made from ../shared/corpus and examples/ (benchmarks/_data.py). The runs alternate between the two
commands so a burst of load on the shared machine touches both. Prints plain lines, then one JSON line.

The same two commands are then timed through a resident server (`tonecheck server start` on a temporary socket,
stopped at the end): the server_* figures. The in-process figures run with TONECHECK_NO_SERVER=1, so a server the
user happens to run does not change them. server_check_cpu_median_s is the client process's CPU only (the work is
done by the server's forked child); --version never goes through the server (it is in the figures to show the
client costs it nothing).
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _data  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--words", type=int, default=300)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        body = _data.draft_text(random.Random(1), _data.paragraph_pool(), args.words)
        draft = Path(tmp) / "draft.eml"
        draft.write_text(_data.as_eml(body, 1), encoding="utf-8")
        check = [_data.TONECHECK, "--brand", str(_data.BRAND), str(draft)]
        version = [_data.TONECHECK, "--version"]
        in_process = {**os.environ, "TONECHECK_NO_SERVER": "1"}
        _data.timed(check, cwd=tmp, env=in_process)     # warm the OS file cache (and .pyc files), not tonecheck
        runs = _alternate(check, version, args.runs, cwd=tmp, env=in_process)
        rss, _ = _data.peak_rss_mb(check, cwd=tmp, env=in_process)
        reference = _data.timed(check, cwd=tmp, env=in_process)

        served = {k: v for k, v in os.environ.items() if k != "TONECHECK_NO_SERVER"}
        served["TONECHECK_SERVER_SOCKET"] = str(Path(tmp) / "server" / "server.sock")
        started = _data.timed([_data.TONECHECK, "server", "start"], cwd=tmp, env=served)
        if started["rc"] != 0:
            raise SystemExit(f"server start: exit {started['rc']}: {started['stderr'].decode()[-500:]}")
        try:
            first = _data.timed(check, cwd=tmp, env=served)
            if (first["rc"], first["stdout"], first["stderr"]) != \
                    (reference["rc"], reference["stdout"], reference["stderr"]):
                raise SystemExit("the server's output differs from the in-process run's")
            server_runs = _alternate(check, version, args.runs, cwd=tmp, env=served)
            status = _data.timed([_data.TONECHECK, "server", "status"], cwd=tmp, env=served)["stdout"].decode()
            requests = int(next(line.split()[1] for line in status.splitlines() if line.startswith("requests")))
            if requests != args.runs + 1:
                raise SystemExit(f"the server served {requests} of {args.runs + 1} runs")
        finally:
            _data.timed([_data.TONECHECK, "server", "stop"], cwd=tmp, env=served)
    fig = {"draft_words": _data.word_count(body), "runs": args.runs}
    for prefix, by_name in (("", runs), ("server_", server_runs)):
        for name, rs in by_name.items():
            walls = [r["wall"] for r in rs]
            fig[f"{prefix}{name}_wall_median_s"] = _data.median(walls)
            fig[f"{prefix}{name}_wall_min_s"] = min(walls)
            fig[f"{prefix}{name}_cpu_median_s"] = _data.median([r["cpu"] for r in rs])
        if not prefix:
            fig["check_peak_rss_mb"] = rss
    fig["server_start_wall_s"] = started["wall"]
    _data.emit("cold_start", fig)


def _alternate(check: list[str], version: list[str], n: int, **kw) -> dict[str, list[dict]]:
    runs = {"check": [], "version": []}
    for _ in range(n):
        for name, argv in (("check", check), ("version", version)):
            r = _data.timed(argv, **kw)
            if r["rc"] not in (0, 1):
                raise SystemExit(f"{argv}: exit {r['rc']}: {r['stderr'].decode()[-500:]}")
            runs[name].append(r)
    return runs


if __name__ == "__main__":
    main()
