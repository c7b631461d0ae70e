"""Fuzzing at length (issue 17): --inputs seeded mutations of the example drafts and pages (tests/hostile_inputs.py,
the generator the test suite's short fuzz test uses) through read_document and the engine, in this process, with
the default per-file time budget. Prints inputs/s, what became of the inputs (checked, refused and why, too
complex), any exception that escaped, the peak RSS, and the slowest inputs (CPU seconds to read and check).

    .venv/bin/python benchmarks/bench_fuzz.py [--inputs 20000] [--seed 17] [--max-bytes 60000] [--save DIR]
    TONECHECK_SRC=/path/to/src .venv/bin/python benchmarks/bench_fuzz.py ...       # another tree

--save DIR writes the slowest inputs there (by their fuzz name) to profile them. Prints a table, then one JSON line.
"""
from __future__ import annotations

import argparse
import collections
import resource
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _data  # noqa: E402

sys.path.insert(0, _data.SRC)
sys.path.insert(0, str(_data.REPO / "tests"))
import hostile_inputs  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--inputs", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--max-bytes", type=int, default=60_000)
    ap.add_argument("--slowest", type=int, default=10)
    ap.add_argument("--save", help="folder to write the slowest inputs to")
    args = ap.parse_args()

    from tonecheck.runner import Runner

    runner = Runner()
    runner.check_path("warm.txt", data=hostile_inputs.DRAFT)
    outcomes: collections.Counter = collections.Counter()
    escaped: list[str] = []
    timings: list[tuple[float, str, int]] = []
    data_of: dict[str, bytes] = {}
    t0 = time.perf_counter()
    for name, data in hostile_inputs.fuzz_inputs(args.seed, args.inputs, args.max_bytes):
        c0 = time.process_time()
        try:
            res = runner.check_path(name, data=data)
        except BaseException as exc:  # noqa: BLE001 - the point is to see it
            escaped.append(f"{name}: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")
            continue
        spent = time.process_time() - c0
        timings.append((spent, name, len(data)))
        if len(timings) > 4 * args.slowest:          # keep the slowest few (and their bytes) only
            timings.sort(reverse=True)
            for _, dropped, _ in timings[2 * args.slowest:]:
                data_of.pop(dropped, None)
            del timings[2 * args.slowest:]
        data_of[name] = data
        outcomes[_outcome(res.error)] += 1
    wall = time.perf_counter() - t0
    timings.sort(reverse=True)
    _report(args, wall, outcomes, escaped, timings[:args.slowest], data_of)


def _outcome(error: str | None) -> str:
    if error is None:
        return "checked"
    if "too complex" in error:
        return "too complex (over the time budget)"
    return "refused: " + error.split(":")[0][:60]


def _report(args, wall: float, outcomes, escaped: list[str], slowest, data_of: dict) -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.inputs:,} inputs in {wall:.1f} s: {args.inputs / wall:.1f} inputs/s; peak RSS {peak:.0f} MB")
    for what, n in outcomes.most_common():
        print(f"  {n:7,}  {what}")
    print(f"escaped exceptions: {len(escaped)}")
    for e in escaped[:5]:
        print("  " + e.replace("\n", "\n  "))
    print(f"slowest {len(slowest)} (CPU s to read and check):")
    for spent, name, size in slowest:
        print(f"  {spent:7.3f}  {name:16} {size:7,} bytes")
    if args.save:
        folder = Path(args.save)
        folder.mkdir(parents=True, exist_ok=True)
        for _, name, _ in slowest:
            (folder / name).write_bytes(data_of[name])
    _data.emit("fuzz", {"src": _data.SRC, "seed": args.seed, "inputs": args.inputs, "max_bytes": args.max_bytes,
                        "wall_s": wall, "inputs_per_s": args.inputs / wall, "peak_rss_mb": peak,
                        "outcomes": dict(outcomes), "escaped": len(escaped),
                        "slowest": [[round(s, 3), n, b] for s, n, b in slowest]})


if __name__ == "__main__":
    main()
