"""Side by side: the same --files (default 1,000) ~300-word .txt drafts through `tonecheck` (every rule, the corpus
brand guide, --jobs 1) and through `proselint check` (pip install 'tonecheck[bench]'), in the same run, alternating,
--reps times (default 3): wall and CPU time of each, words/s, and the ratio proselint/tonecheck (> 1: tonecheck is
faster per word; both read the same files, so the ratio of wall times is the ratio per word).

    .venv/bin/python benchmarks/bench_vs_proselint.py [--files 1000] [--words 300] [--reps 3]

Prints plain lines, then one JSON line.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _data  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    proselint = shutil.which("proselint", path=str(Path(_data.PY).parent)) or shutil.which("proselint")
    if not proselint:
        raise SystemExit("proselint is not installed: .venv/bin/python -m pip install -e '.[bench]'")
    with tempfile.TemporaryDirectory() as tmp:
        paths, words = _data.write_drafts(Path(tmp) / "drafts", args.files, args.words, kind="txt")
        cmds = {
            "tonecheck": [_data.TONECHECK, "--brand", str(_data.BRAND), "--jobs", "1", "--format", "json",
                          *paths],
            "proselint": [proselint, "--output-format", "json", "check", *paths],
        }
        runs: dict[str, list] = {k: [] for k in cmds}
        for _ in range(args.reps):
            for name, argv in cmds.items():
                r = _data.timed(argv, cwd=tmp)
                if r["rc"] not in (0, 1):
                    raise SystemExit(f"{name}: exit {r['rc']}: {r['stderr'].decode()[-800:]}")
                runs[name].append(r)
    fig: dict = {"files": args.files, "words": words, "reps": args.reps}
    for name, rs in runs.items():
        wall = _data.median([r["wall"] for r in rs])
        fig[f"{name}_wall_s"] = wall
        fig[f"{name}_cpu_s"] = _data.median([r["cpu"] for r in rs])
        fig[f"{name}_words_per_s"] = words / wall
    fig["ratio_wall_proselint_over_tonecheck"] = fig["proselint_wall_s"] / fig["tonecheck_wall_s"]
    fig["ratio_cpu_proselint_over_tonecheck"] = fig["proselint_cpu_s"] / fig["tonecheck_cpu_s"]
    _data.emit("vs_proselint", fig)


if __name__ == "__main__":
    main()
