"""Resident latency: per-draft time inside one long-lived process — the path `tonecheck watch` and the language
server use (one Runner; read the draft's bytes, pick config and brand guide, run the engine).

    .venv/bin/python benchmarks/bench_resident.py [--drafts 1000] [--words 300]

The Runner is warmed on one draft first (spaCy pipeline, rule packs and brand guide built), then each of --drafts
distinct ~300-word .eml drafts (benchmarks/_data.py) is checked once: median, p90, p99 and max of the wall time
per draft, and the median CPU time per draft. Also reported: the first draft (setup included) and spaCy's blank
English tokenizer over the same texts (the bound). Prints plain lines, then one JSON line.
"""
from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _data  # noqa: E402

sys.path.insert(0, _data.SRC)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--drafts", type=int, default=1000)
    ap.add_argument("--words", type=int, default=300)
    args = ap.parse_args()
    rng = random.Random(11)
    pool = _data.paragraph_pool()
    bodies = [_data.draft_text(rng, pool, args.words) for _ in range(args.drafts)]
    blobs = [_data.as_eml(b, i).encode() for i, b in enumerate(bodies)]
    words = [_data.word_count(b) for b in bodies]

    t0 = time.perf_counter()
    from tonecheck.runner import Runner
    runner = Runner(brand=str(_data.BRAND))
    res = runner.check_path("draft.eml", data=blobs[0])
    first = time.perf_counter() - t0
    if res.error:
        raise SystemExit(res.error)

    walls, cpus, findings = [], [], 0
    gc.collect()
    for blob in blobs:
        c0, w0 = time.process_time(), time.perf_counter()
        res = runner.check_path("draft.eml", data=blob)
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
        findings += len(res.findings)
    bound = _data.blank_tokenizer_rate(bodies)
    ms = [w * 1000 for w in walls]
    total_words = sum(words)
    fig = {
        "drafts": args.drafts, "words_per_draft_median": _data.median(words),
        "first_draft_incl_setup_s": first,
        "latency_median_ms": _data.median(ms), "latency_p90_ms": _data.pct(ms, 90),
        "latency_p99_ms": _data.pct(ms, 99), "latency_max_ms": max(ms),
        "cpu_median_ms": _data.median(cpus) * 1000,
        "words_per_s_cpu": total_words / sum(cpus),
        "tokenizer_bound_words_per_s": bound,
        "fraction_of_tokenizer_bound": (total_words / sum(cpus)) / bound,
        "findings": findings,
    }
    _data.emit("resident", fig)


if __name__ == "__main__":
    main()
