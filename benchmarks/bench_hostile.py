"""Hostile inputs (issue 17): the pathological files of the issue's table, each checked by a fresh `tonecheck` run,
with wall time, CPU time, peak RSS, exit code and the first line of standard error.

    .venv/bin/python benchmarks/bench_hostile.py [--scale 1.0] [--timeout 60] [--only SUBSTRING]
    TONECHECK_SRC=/tmp/before/src .venv/bin/python benchmarks/bench_hostile.py      # another tree (before/after)

The inputs come from tests/hostile_inputs.py (the regression tests use the same generators). Every run shares one
cache folder, warmed first by an ordinary draft, so the rule packs are not re-validated each time but each hostile
brand guide is read cold. The first row is that ordinary draft: a run's fixed cost (start-up, pipeline). A run still
going after --timeout seconds is killed and shown as "> T". No resident server is used (TONECHECK_NO_SERVER=1).
Prints a table, then one JSON line.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _data  # noqa: E402

sys.path.insert(0, str(_data.REPO / "tests"))
import hostile_inputs  # noqa: E402


def run(argv: list[str], cwd: str, env: dict, timeout: float) -> dict:
    """One run: wall and CPU seconds, peak RSS (MB), exit code, first stderr line.

    The peak is /usr/bin/time's %M: wait4's own figure for this child would count the copy of this process that
    is forked before exec (the inputs are up to 50 MB). A run that is killed has no %M: wait4's figure stands."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(["/usr/bin/time", "-f", "TIMEPEAK %M", *argv], cwd=cwd, env=env,
                                stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        killed = False
        sampled = [0, 0.0]                  # the tree's largest RSS (KB) and CPU (s), for a run that is killed
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            _sample(proc.pid, sampled)
            if time.perf_counter() - t0 > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                killed = True
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = [ln for ln in err.read().decode("utf-8", "replace").splitlines() if ln.strip()]
    peak_kb, cpu = sampled[0], sampled[1]
    if lines and lines[-1].startswith("TIMEPEAK "):
        peak_kb, cpu = int(lines.pop().split()[1]), usage.ru_utime + usage.ru_stime
    first = next((ln for ln in lines if "warning:" not in ln and "exited with" not in ln), "")
    return {"wall": wall, "cpu": cpu, "peak_mb": peak_kb / 1024,
            "rc": "killed" if killed else proc.returncode, "stderr": first[:110]}


def _sample(pid: int, sampled: list) -> None:
    """Largest RSS and CPU so far of /usr/bin/time's child (tonecheck), from /proc."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            kids = [int(k) for k in fh.read().split()]
        for k in kids:
            with open(f"/proc/{k}/status") as fh:
                rss = next((int(ln.split()[1]) for ln in fh if ln.startswith("VmHWM:")), 0)
            with open(f"/proc/{k}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            sampled[0] = max(sampled[0], rss)
            sampled[1] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, StopIteration):
        pass


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0, help="shrink the inputs (0.1: a tenth of each size)")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--only", default="", help="only inputs whose name contains this")
    args = ap.parse_args()
    rows = [lambda: hostile_inputs.Hostile("ordinary draft (fixed cost)", "draft.txt", hostile_inputs.DRAFT)]
    rows += hostile_inputs.table_rows(args.scale)
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, TONECHECK_NO_SERVER="1", TONECHECK_CACHE_DIR=os.path.join(tmp, "cache"))
        draft = Path(tmp, "warm.txt")
        draft.write_bytes(hostile_inputs.DRAFT)
        run([_data.TONECHECK, str(draft)], tmp, env, args.timeout)          # warm the cache (packs, lemmas)
        print(f"{'input':44} {'wall s':>8} {'cpu s':>7} {'peak MB':>8} {'exit':>6}  first line of stderr")
        for i, make in enumerate(rows):
            h = make()          # made one at a time, so this process stays small (see run)
            if args.only not in h.name:
                continue
            folder = Path(tmp, f"in{i}")
            folder.mkdir()
            path = folder / h.filename
            path.write_bytes(h.data)
            argv = [_data.TONECHECK, "--no-color", str(path)]
            if h.brand is not None:
                (folder / "guide.yml").write_bytes(h.brand)
                argv[1:1] = ["--brand", str(folder / "guide.yml")]
            r = run(argv, str(folder), env, args.timeout)
            wall = f"> {args.timeout:.0f}" if r["rc"] == "killed" else f"{r['wall']:.2f}"
            print(f"{h.name:44} {wall:>8} {r['cpu']:7.2f} {r['peak_mb']:8.0f} {r['rc']!s:>6}  {r['stderr']}",
                  flush=True)
            figures[h.name] = {k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()}
            del h
    _data.emit("hostile", {"src": _data.SRC, "scale": args.scale, "inputs": figures})


if __name__ == "__main__":
    main()
