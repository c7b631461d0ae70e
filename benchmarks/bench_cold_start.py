"""Cold start: `tonecheck draft.eml` (a ~300-word draft, all default rules, the corpus brand guide) from process
start to exit, and `tonecheck --version`; median (and min, CPU user+sys) of --runs runs each (default 10).

    .venv/bin/python benchmarks/bench_cold_start.py [--runs 10] [--words 300]

The draft is made from ../shared/corpus and examples/ (benchmarks/_data.py). The runs alternate between the two
commands so a burst of load on the shared machine touches both. Prints plain lines, then one JSON line.
"""
from __future__ import annotations

import argparse
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
        _data.timed(check, cwd=tmp)                 # warm the OS file cache (and .pyc files), not tonecheck
        runs = {"check": [], "version": []}
        for _ in range(args.runs):
            for name, argv in (("check", check), ("version", version)):
                r = _data.timed(argv, cwd=tmp)
                if r["rc"] not in (0, 1):
                    raise SystemExit(f"{argv}: exit {r['rc']}: {r['stderr'].decode()[-500:]}")
                runs[name].append(r)
        rss, _ = _data.peak_rss_mb(check, cwd=tmp)
    fig = {"draft_words": _data.word_count(body), "runs": args.runs}
    for name, rs in runs.items():
        walls = [r["wall"] for r in rs]
        fig[f"{name}_wall_median_s"] = _data.median(walls)
        fig[f"{name}_wall_min_s"] = min(walls)
        fig[f"{name}_cpu_median_s"] = _data.median([r["cpu"] for r in rs])
    fig["check_peak_rss_mb"] = rss
    _data.emit("cold_start", fig)


if __name__ == "__main__":
    main()
