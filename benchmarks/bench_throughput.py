"""Throughput: --drafts (default 10,000) ~300-word .eml drafts in one `tonecheck` run, all default rules and the
corpus brand guide, with `--jobs 1` and `--jobs 2`: drafts/s, words/s, CPU time, peak RSS; checks that both
outputs are byte-identical (stable order); and spaCy's blank English tokenizer over the same texts, in this run,
as the bound (words/s, one core).

    .venv/bin/python benchmarks/bench_throughput.py [--drafts 10000] [--words 300] [--jobs 1,2] [--reps 1] [--no-model]

Peak RSS: the largest single process (/usr/bin/time %M) and the largest sum over the process tree (parent and
workers, sampled from /proc every 0.2 s; forked workers share pages, so the sum over-counts). Prints plain lines,
then one JSON line.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _data  # noqa: E402


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                kids.setdefault(ppid, []).append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, ()))
    return out


def run(argv: list[str], cwd: str) -> dict:
    before = os.times()
    t0 = time.perf_counter()
    proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", *argv], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    peak_sum = [0]
    done = threading.Event()

    def sample():
        while not done.wait(0.2):
            peak_sum[0] = max(peak_sum[0], sum(_rss_kb(p) for p in _tree(proc.pid)[1:]))

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    th.join()
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    lines = err.decode().strip().splitlines()
    return {"wall": wall, "cpu": cpu, "rc": proc.returncode, "stdout": out,
            "peak_rss_mb": int(lines[-1]) / 1024, "peak_tree_rss_mb": peak_sum[0] / 1024,
            "stderr": "\n".join(lines[:-1])}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--drafts", type=int, default=10000)
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--no-model", action="store_true", help="the phrase rules alone (the model is on by default)")
    args = ap.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "drafts"
        paths, words = _data.write_drafts(folder, args.drafts, args.words)
        texts = [Path(p).read_text(encoding="utf-8").split("\n\n", 1)[1] for p in paths]
        bound = _data.blank_tokenizer_rate(texts, reps=1)
        fig: dict = {"drafts": args.drafts, "words": words, "tokenizer_bound_words_per_s": bound,
                     "model": not args.no_model}
        outputs = {}
        for n in jobs:
            rs = []
            for _ in range(args.reps):
                r = run([_data.TONECHECK, "--brand", str(_data.BRAND), "--format", "json", "--jobs", str(n),
                         *(["--no-model"] if args.no_model else []), str(folder)], cwd=tmp)
                if r["rc"] not in (0, 1):
                    raise SystemExit(f"--jobs {n}: exit {r['rc']}: {r['stderr'][-800:]}")
                rs.append(r)
            outputs[n] = rs[0]["stdout"]
            wall = _data.median([r["wall"] for r in rs])
            fig[f"jobs{n}_wall_s"] = wall
            fig[f"jobs{n}_cpu_s"] = _data.median([r["cpu"] for r in rs])
            fig[f"jobs{n}_drafts_per_s"] = args.drafts / wall
            fig[f"jobs{n}_words_per_s"] = words / wall
            fig[f"jobs{n}_fraction_of_tokenizer_bound"] = words / wall / bound
            fig[f"jobs{n}_peak_rss_mb"] = max(r["peak_rss_mb"] for r in rs)
            fig[f"jobs{n}_peak_tree_rss_mb"] = max(r["peak_tree_rss_mb"] for r in rs)
        if 1 in outputs and 2 in outputs:
            fig["jobs2_speedup"] = fig["jobs1_wall_s"] / fig["jobs2_wall_s"]
        ref = outputs[jobs[0]]
        fig["outputs_identical"] = all(o == ref for o in outputs.values())
        fig["output_bytes"] = len(ref)
    _data.emit("throughput", fig)


if __name__ == "__main__":
    main()
