#!/usr/bin/env python3
"""Distil the sentence model's first stage (tonecheck.learned.screen) from the shipped encoder.

    pip install -e '.[train]'            # scikit-learn, for training only
    python scripts/train_screen.py       # seeded and deterministic: the same data and model give the same screen

What it does, in order:
1. builds the same pool of (sentence, context) inputs the encoder was trained on (scripts/train_model.py: the
   training corpus, the calibration split, the rule packs' examples, --labelled-sets, and with the default
   --external the real text read from ../shared/external at training time - never copied into the repository),
   keeping, per label (sarcasm and defensive), the inputs the runtime might ask about (tonecheck.learned.hits'
   pre-test);
2. scores every input with the shipped int8 encoder exactly as the runtime does (one sentence a run), cached in
   build/ by the model's hash;
3. per label, splits the pool by message (a fifth held out), fits a logistic regression on
   tonecheck.learned.screen.features to predict "the encoder scores this at least --positive";
4. picks the cutoff on the held-out fifth: the highest that keeps --keep of the inputs the encoder scores at least
   --hit (a little under the rule's threshold), and reports how many inputs pass it;
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

LABELS = ("sarcasm", "defensive")
OUT = ROOT / "src" / "tonecheck" / "learned" / screen.SCREEN_FILE


def pool(external: bool, labelled_sets: str, labels: tuple[str, ...]) -> list[tuple[tuple[str, str], str, tuple]]:
    """((sentence, context), message key, the labels whose pre-test it passes) for every input the runtime might
    ask the encoder about. The defensive pre-test is taken as if every message answered a complaint (the pool
    has no thread), and wider still (_poolable): a superset of what the runtime asks."""
    messages = train_model.read_messages("batch-*.jsonl") + train_model.read_messages("calib-*.jsonl")
    rows = train_model.examples_from_messages(messages) + train_model.examples_from_rule_packs()
    if external:
        rows += train_model.examples_from_external(limit_enron=10**9)
    rows += train_model.examples_from_labelled_sets(labelled_sets)
    seen, out = set(), []
    for pair, _labels, key in rows:
        text = pair[0]
        if pair in seen or len(hits._WORD.findall(text)) < hits.MIN_WORDS:
            continue
        passed = tuple(lab for lab in labels if _poolable(lab, text))
        if passed:
            seen.add(pair)
            out.append((pair, key, passed))
    return out


def _poolable(label: str, text: str) -> bool:
    """Whether the runtime might ask the encoder about `text` for `label`. For defensive, wider than the pre-test
    (hits._might_carry): any sentence that is not a quotation or a request for clarification, so the screen also
    knows the sentences its denial-word test drops."""
    if label == "defensive":
        return not hits._quotation(text) and not hits._CLARIFYING.search(text)
    return hits._might_carry(label, text, True)


def _score_chunk(pairs: list[tuple[str, str]]) -> list[list[float]]:
    from tonecheck.learned.classifier import get_model
    model = get_model()
    return [[float(p) for p in model.predict([pair], batch=1)[0]] for pair in pairs]


def encoder_scores(pairs: list[tuple[str, str]], jobs: int) -> list[dict]:
    """The shipped encoder's probabilities ({label: p}) as the runtime computes them (one sentence a run), cached
    by the model's hash (scoring takes minutes)."""
    from tonecheck.learned.classifier import model_info
    names = model_info().labels
    digest = hashlib.sha256(_data_path(MODEL_FILE).read_bytes()).hexdigest()[:16]
    cache = ROOT / "build" / f"screen-scores-all-{digest}.json"
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
    return [dict(zip(names, known[json.dumps(p)], strict=True)) for p in pairs]


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
    ap.add_argument("--labels", default=",".join(LABELS), help="labels to screen (comma-separated)")
    ap.add_argument("--hit", default="0.8,0.9",
                    help="per label (same order), the encoder score whose inputs the cutoff must keep: a little "
                         "under the rule's threshold (rules/model.yml: sarcasm 0.96, defensive 0.98)")
    ap.add_argument("--keep", type=float, default=0.99, help="share of those inputs the cutoff keeps")
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-external", dest="external", action="store_false")
    ap.add_argument("--labelled-sets", default="", help="as scripts/train_model.py --labelled-sets (model.json "
                                                         "lists the sets the shipped encoder was trained on)")
    args = ap.parse_args()

    import numpy as np

    labels = tuple(x.strip() for x in args.labels.split(",") if x.strip())
    hit = dict(zip(labels, (float(x) for x in args.hit.split(",")), strict=True))
    rows = pool(args.external, args.labelled_sets, labels)
    probs = encoder_scores([p for p, _, _ in rows], args.jobs)
    weights, biases, cutoffs, reports = [], [], [], {}
    for label in labels:
        mine = [(pair, key, p[label]) for (pair, key, passed), p in zip(rows, probs, strict=True) if label in passed]
        w, b, cutoff, report = fit_label(mine, hit[label], args)
        weights.append(w)
        biases.append(b)
        cutoffs.append(cutoff)
        reports[label] = report
    print(json.dumps(reports, indent=1))
    np.savez_compressed(OUT, weights=np.concatenate(weights, axis=1), bias=np.asarray(biases, dtype=np.float32),
                        cutoffs=np.asarray(cutoffs, dtype=np.float32), labels=np.asarray(labels),
                        report=np.asarray(json.dumps(reports)))
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e3:.0f} KB)")


def fit_label(rows, hit: float, args):
    """One label's screen: (weights [BUCKETS, 1], bias, cutoff, report) from (input, message key, encoder p)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    pairs = [p for p, _, _ in rows]
    probs = np.asarray([p for _, _, p in rows])
    held = np.asarray([_held(k) for _, k, _ in rows])
    y = probs >= args.positive
    x = matrix(pairs)
    fit = LogisticRegression(C=args.c, class_weight="balanced", max_iter=2000, solver="liblinear", random_state=13)
    fit.fit(x[~held], y[~held])
    weights = np.asarray(fit.coef_, dtype=np.float32).reshape(-1, 1)
    bias = float(np.asarray(fit.intercept_, dtype=np.float32)[0])
    scores = np.asarray(x[held] @ weights).ravel() + np.float32(bias)    # as the runtime adds them, in float32
    cutoff = pick_cutoff(scores, probs[held], hit, args.keep)
    passed = scores >= cutoff
    report = {"inputs": len(pairs), "held_out": int(held.sum()), "positives": int(y.sum()),
              "held_hits": int((probs[held] >= hit).sum()),
              "held_hits_kept": int((passed & (probs[held] >= hit)).sum()),
              "held_pass_rate": round(float(passed.mean()), 4), "cutoff": round(cutoff, 4),
              "positive": args.positive, "hit": hit, "keep": args.keep, "c": args.c, "external": args.external}
    return weights, bias, cutoff, report


if __name__ == "__main__":
    main()
