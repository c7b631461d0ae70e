"""Benchmark: compile a brand guide with 5,000 terminology entries, then check 1,000 drafts against it.

    .venv/bin/python benchmarks/bench_brand.py [--terms 5000] [--drafts 1000]

Prints plain lines, then one JSON line with the figures (for CI dashboards).
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from tonecheck.brandguide.compile import compile_brand  # noqa: E402
from tonecheck.engine import Engine  # noqa: E402
from tonecheck.rules import load_pack  # noqa: E402

SYLL = ["tra", "lo", "ven", "mar", "sil", "do", "ka", "ber", "qui", "nor", "pel", "zan", "ri", "thu", "gos"]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 4)))


def guide(n_terms: int, rng: random.Random) -> dict:
    terms, seen = [], set()
    while len(terms) < n_terms:
        use = word(rng) if rng.random() < 0.6 else f"{word(rng)} {word(rng)}"
        if rng.random() < 0.1:
            use = use.title().replace(" ", "")                         # a product name
        variants = [v for v in {word(rng), f"{word(rng)} {word(rng)}"} if v.lower() not in seen]
        if use.lower() in seen or not variants:
            continue
        seen.update([use.lower(), *(v.lower() for v in variants)])
        terms.append({"use": use, "instead_of": variants})
    return {
        "name": "Bench Co",
        "voice": {"formality": "friendly", "max_exclamations": 1, "emoji": False, "max_sentence_words": 28,
                  "max_grade": 8},
        "terminology": terms,
        "banned": [{"word": f"ex{word(rng)}", "reason": "bench"} for _ in range(200)],
        "claims": {"forbidden": [f"ex{word(rng)} {word(rng)}" for _ in range(100)]},
        "values": [{"name": f"v{i}", "description": "bench", "avoid": [f"not our {word(rng)}"]} for i in range(20)],
        "promises": [{"topic": "response time", "keywords": ["reply", "respond", "get back"], "within": "24 hours"},
                     {"topic": "returns", "keywords": ["return", "exchange"], "within": "30 days"}],
    }


TEMPLATES = [
    "Hi {name},\n\nThanks for writing in about your {thing}. We will reply within {n} working days with a label.",
    "Our {thing} team checked the {thing2} today! It ships tomorrow and you can return it within 30 days.",
    "Hello {name}, the {thing} you asked about is back in stock. I have set one aside for you until Friday.",
    "Dear {name},\n\nYour refund for the {thing} went back to your card this morning. Nothing else is needed.",
]


def drafts(n: int, g: dict, rng: random.Random) -> list[str]:
    terms = g["terminology"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(2, 6)):
            t = rng.choice(terms)
            thing = rng.choice(t["instead_of"]) if rng.random() < 0.3 else t["use"]
            parts.append(rng.choice(TEMPLATES).format(name="Sam", thing=thing, thing2=word(rng), n=rng.randint(1, 5)))
        out.append("\n\n".join(parts) + "\n\nBest,\nSam")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--terms", type=int, default=5000)
    ap.add_argument("--drafts", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    engine = Engine(rules=load_pack(REPO / "rules" / "brand.yml"))   # the brand checks only
    data = guide(args.terms, rng)
    texts = drafts(args.drafts, data, rng)

    t0 = time.perf_counter()
    g = compile_brand(data, engine, path="<bench>")
    compile_s = time.perf_counter() - t0

    engine.check_text(texts[0], brand=g)                            # warm-up
    times, findings, words = [], 0, 0
    t0 = time.perf_counter()
    for text in texts:
        t1 = time.perf_counter()
        findings += len(engine.check_text(text, brand=g))
        times.append(time.perf_counter() - t1)
        words += len(text.split())
    total_s = time.perf_counter() - t0
    times.sort()
    res = {
        "terms": args.terms, "drafts": args.drafts, "words_per_draft": round(words / len(texts), 1),
        "compile_s": round(compile_s, 3), "check_total_s": round(total_s, 3),
        "per_draft_ms_mean": round(1000 * statistics.mean(times), 2),
        "per_draft_ms_p50": round(1000 * times[len(times) // 2], 2),
        "per_draft_ms_p95": round(1000 * times[int(len(times) * 0.95)], 2),
        "findings": findings,
    }
    print(f"brand guide: {args.terms} terminology entries (+200 banned, 100 claims, 20 values, 2 promises)")
    print(f"compile: {res['compile_s']:.2f} s")
    print(f"check {args.drafts} drafts (~{res['words_per_draft']:.0f} words each): {res['check_total_s']:.2f} s "
          f"total, {res['per_draft_ms_mean']:.1f} ms mean, {res['per_draft_ms_p50']:.1f} ms p50, "
          f"{res['per_draft_ms_p95']:.1f} ms p95; {findings} findings")
    print(json.dumps(res))


if __name__ == "__main__":
    main()
