"""How often the semantic back-off rules fire, on text that should stay quiet and on text that should not.

    .venv/bin/python benchmarks/semantic_fire_rates.py [--corpus ../shared/corpus] [--external ../shared/external]

Quiet sets: the sentences of the dev corpus's clean items (no labelled span of any category), and the external
sets of benchmarks/external_fire_rates.py (sarc-not, sarc-rephrase, polite, email, fcc). Note that sarc-not,
sarc-rephrase, polite and the dev corpus are in the model's training data (scripts/train_semantic.py reports their
out-of-fold rates); email (Parakweet) and fcc (freeCodeCamp templates) are not. Recall proxies: sarc-yes, impolite,
and iSarcasmEval task_A_En_test (never trained on). Also the per-draft cost of the semantic checks.
"""
from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from external_fire_rates import load_sets  # noqa: E402
from tonecheck.engine import Engine  # noqa: E402
from tonecheck.readers import read_document  # noqa: E402
from tonecheck.rules import load_rules  # noqa: E402

RULES = ("sarcasm.semantic", "defensive.semantic")


def clean_sentences(engine: Engine, corpus: Path) -> list[str]:
    out = []
    for lab_file in sorted((corpus / "items").glob("*.json")):
        lab = json.loads(lab_file.read_text(encoding="utf-8"))
        if lab["spans"]:
            continue
        doc = read_document(str(lab_file.parent / lab["file"]))
        out.extend(s.text.strip() for s in engine.parse(doc.text).sents if len(s.text.split()) >= 3)
    return out


def task_a(ext: Path) -> dict[str, list[str]]:
    sets = {"taskA-sarcastic": [], "taskA-not": []}
    with open(ext / "isarcasmeval-en" / "task_A_En_test.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            t = (row.get("text") or "").strip()
            if t:
                sets["taskA-sarcastic" if row["sarcastic"] == "1" else "taskA-not"].append(t)
    return sets


def draft_cost(engine_all: Engine, engine_off: Engine, n: int = 30) -> tuple[float, float]:
    """Median ms per ~300-word draft with every rule, and the share the semantic rules add."""
    para = ("Hi Jo, thanks for your email about the wardrobe. I'm sorry the left door arrived with a dent; that "
            "should never happen, and the photos you sent make it very clear. I've ordered a replacement door, "
            "which leaves our warehouse on Tuesday and should reach you on Thursday between 8 and 12. The driver "
            "will take the damaged door away, so there's no need to keep the box. If Thursday doesn't suit you, "
            "reply with a better day and I'll move the slot. ")
    text = (para * 4)[:1900]            # ~300 words, 20 sentences
    for e in (engine_all, engine_off):
        e.check_text(text)
    times = {}
    for name, e in (("all", engine_all), ("off", engine_off)):
        ts = []
        for _ in range(n):
            t0 = time.perf_counter()
            e.check_text(text)
            ts.append((time.perf_counter() - t0) * 1000)
        times[name] = statistics.median(ts)
    return times["all"], times["all"] - times["off"]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    ap.add_argument("--external", default=str(REPO.parent / "shared" / "external"))
    args = ap.parse_args(argv)
    rules = load_rules()
    engine = Engine(rules=[r for r in rules if r.id in RULES])
    sets = {"dev-clean-sentences": clean_sentences(engine, Path(args.corpus))}
    sets.update(load_sets(Path(args.external)))
    sets.update(task_a(Path(args.external)))
    report = {}
    print(f"{'set':22s} {'n':>6s}  " + "  ".join(f"{r:>18s}" for r in RULES))
    for name, texts in sets.items():
        fired = {r: 0 for r in RULES}
        for t in texts:
            found = {f.rule for f in engine.check_text(t)}
            for r in RULES:
                fired[r] += r in found
        rates = {r: fired[r] / max(len(texts), 1) for r in RULES}
        report[name] = {"n": len(texts), **{r: round(v, 4) for r, v in rates.items()}}
        print(f"{name:22s} {len(texts):6d}  " + "  ".join(f"{rates[r]:18.4f}" for r in RULES))
    full = Engine(rules=rules)
    off = Engine(rules=[r for r in rules if r.id not in RULES])
    total, added = draft_cost(full, off)
    print(f"\nper 300-word draft: {total:.1f} ms with every rule; the semantic rules add {added:.2f} ms (median)")
    report["draft_ms"] = {"all": round(total, 2), "semantic_added": round(added, 2)}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
