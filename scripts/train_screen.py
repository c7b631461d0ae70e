#!/usr/bin/env python3
"""Distil the sentence model's first stage (tonecheck.learned.screen) from the shipped encoder.

    pip install -e '.[train]'            # scikit-learn, for training only
    python scripts/train_screen.py       # seeded and deterministic: the same data and model give the same screen

What it does, in order:
1. builds the same pool of (sentence, context) inputs the encoder was trained on (scripts/train_model.py: the
   training corpus, the calibration split, the rule packs' examples, and with the default --external the real
   text read from ../shared/external at training time - never copied into the repository), keeping only the
   inputs the runtime would ask about (tonecheck.learned.hits' pre-test);
2. scores every input with the shipped int8 encoder exactly as the runtime does (one sentence a run), cached in
   build/ by the model's hash;
3. splits the pool by message (a fifth held out), fits a logistic regression on tonecheck.learned.screen.features
   to predict "the encoder scores this at least --positive";
4. picks the cutoff on the held-out fifth: the highest that keeps --keep of the inputs the encoder scores at least
   --hit (the rules use 0.90), and reports how many inputs pass it;
5. writes src/tonecheck/learned/data/screen.npz and prints its figures (also stored in the file).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import train_model  # noqa: E402
from tonecheck.learned import hits, screen  # noqa: E402
from tonecheck.learned.classifier import MODEL_FILE, _data_path  # noqa: E402

LABEL = "sarcasm"
OUT = ROOT / "src" / "tonecheck" / "learned" / screen.SCREEN_FILE


def pool(external: bool) -> list[tuple[tuple[str, str], str]]:
    """((sentence, context), message key) for every input the runtime would ask the encoder about."""
    messages = train_model.read_messages("batch-*.jsonl") + train_model.read_messages("calib-*.jsonl")
    rows = train_model.examples_from_messages(messages) + train_model.examples_from_rule_packs()
    if external:
        rows += train_model.examples_from_external(limit_enron=10**9)
    seen, out = set(), []
    for pair, _labels, key in rows:
        text = pair[0]
        if pair in seen or len(hits._WORD.findall(text)) < hits.MIN_WORDS or not hits._might_carry(LABEL, text):
            continue
        seen.add(pair)
        out.append((pair, key))
    return out


def _score_chunk(pairs: list[tuple[str, str]]) -> list[float]:
    from tonecheck.learned.classifier import get_model
    model = get_model()
    k = model.labels.index(LABEL)
    return [float(model.predict([p], batch=1)[0][k]) for p in pairs]


def encoder_scores(pairs: list[tuple[str, str]], jobs: int) -> list[float]:
    """The shipped encoder's probabilities, cached by the model's hash (scoring takes minutes)."""
    digest = hashlib.sha256(_data_path(MODEL_FILE).read_bytes()).hexdigest()[:16]
    cache = ROOT / "build" / f"screen-scores-{digest}.json"
    known = json.loads(cache.read_text()) if cache.exists() else {}
    todo = sorted({json.dumps(p) for p in pairs} - known.keys())
    if todo:
        chunks = [todo[k::jobs * 8] for k in range(jobs * 8)]
        with Pool(jobs) as workers:
            for chunk, got in zip(chunks, workers.map(_score_chunk, [[tuple(json.loads(t)) for t in c]
                                                                      for c in chunks]), strict=True):
                known.update(zip(chunk, got, strict=True))
        cache.parent.mkdir(exist_ok=True)
        cache.write_text(json.dumps(known))
    return [known[json.dumps(p)] for p in pairs]


def _held(key: str) -> bool:
    return int(hashlib.sha256(("screen:" + key).encode()).hexdigest(), 16) % 5 == 0


def matrix(pairs):
    import numpy as np
    from scipy.sparse import csr_matrix
    rows, cols = [], []
    for r, p in enumerate(pairs):
        idx = screen.features(*p)
        rows += [r] * len(idx)
        cols += idx
    return csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(len(pairs), screen.BUCKETS))


def pick_cutoff(scores, probs, hit: float, keep: float) -> float:
    """The highest cutoff that still passes `keep` of the held-out inputs the encoder scores >= `hit`."""
    import numpy as np
    hit_scores = np.sort(np.asarray(scores)[np.asarray(probs) >= hit])
    if len(hit_scores) == 0:
        sys.exit("no held-out input reaches --hit: nothing to calibrate on")
    allowed_misses = int(np.floor(len(hit_scores) * (1 - keep)))
    return float(hit_scores[allowed_misses]) - 1e-6


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--positive", type=float, default=0.5, help="encoder score the screen learns to recognise")
    ap.add_argument("--hit", type=float, default=0.8, help="encoder score whose inputs the cutoff must keep")
    ap.add_argument("--keep", type=float, default=0.99, help="share of those inputs the cutoff keeps")
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--target", choices=("class", "logit"), default="class",
                    help="class: logistic regression on encoder >= --positive; logit: ridge regression on the "
                         "encoder's logit")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-external", dest="external", action="store_false")
    args = ap.parse_args()

    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rows = pool(args.external)
    pairs = [p for p, _ in rows]
    probs = np.asarray(encoder_scores(pairs, args.jobs))
    held = np.asarray([_held(k) for _, k in rows])
    y = probs >= args.positive
    x = matrix(pairs)
    if args.target == "class":
        fit = LogisticRegression(C=args.c, class_weight="balanced", max_iter=2000, solver="liblinear",
                                 random_state=13)
        fit.fit(x[~held], y[~held])
    else:
        from sklearn.linear_model import Ridge
        fit = Ridge(alpha=1.0 / args.c, solver="sparse_cg", random_state=13)
        logit = np.log(np.clip(probs, 1e-4, 1 - 1e-4) / (1 - np.clip(probs, 1e-4, 1 - 1e-4)))
        fit.fit(x[~held], logit[~held])

    weights = np.asarray(fit.coef_, dtype=np.float32).reshape(-1, 1)
    bias = np.atleast_1d(np.asarray(fit.intercept_, dtype=np.float32))
    scores = np.asarray(x[held] @ weights).ravel() + bias[0]     # as the runtime adds them, in float32
    cutoff = pick_cutoff(scores, probs[held], args.hit, args.keep)
    passed = scores >= cutoff
    report = {"inputs": len(pairs), "held_out": int(held.sum()), "positives": int(y.sum()),
              "held_hits": int((probs[held] >= args.hit).sum()),
              "held_hits_kept": int((passed & (probs[held] >= args.hit)).sum()),
              "held_pass_rate": round(float(passed.mean()), 4), "cutoff": round(cutoff, 4),
              "positive": args.positive, "hit": args.hit, "keep": args.keep, "c": args.c,
              "external": args.external}
    print(json.dumps(report, indent=1))
    np.savez_compressed(OUT, weights=weights, bias=bias,
                        cutoffs=np.asarray([cutoff], dtype=np.float32), labels=np.asarray([LABEL]),
                        report=np.asarray(json.dumps(report)))
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e3:.0f} KB)")


if __name__ == "__main__":
    main()
