#!/usr/bin/env python3
"""Train the semantic back-off model (tonecheck.checks.semantic) and write rules/semantic-model.json.

    .venv/bin/python scripts/train_semantic.py                 # train on everything, write the model, print CV
    .venv/bin/python scripts/train_semantic.py --honesty       # train WITHOUT the dev-corpus spans and without a
                                                               # held-out 20% of data/semantic; report recall there
                                                               # and on iSarcasmEval task_A_En_test.csv; writes nothing

One L2-regularised logistic regression per category (sarcasm vs not, defensive vs not), fitted with Newton's method
in numpy (deterministic: fixed seed for the folds, no randomness in the fit). Features: the wordllama embedding and
the cheap signals of tonecheck.checks.semantic.FEATURES, standardised; the standardisation is folded into the
shipped weights, so the model is a weight vector and a bias per category.

Training data, with weights:
  data/semantic/*.tsv       our own customer-service sentences (label, text): sarcasm / defensive / none   1.0
  dev corpus spans          ../shared/corpus/items: labelled spans are positives for their category          1.0
  dev corpus sentences      sentences and clauses of the judged text not overlapping any such span: negatives 1.0
  iSarcasmEval train        sarcastic tweets: sarcasm positives (0.1); non-sarcastic tweets and the authors'
                            non-sarcastic rephrases: negatives for both                                     0.3
  Stanford politeness       the most polite quartile: negatives for both                                     0.5
A category's own data of the other category (our defensive sentences for the sarcasm model and the reverse) are
negatives at 0.5.

The threshold is chosen for precision on out-of-fold scores: the lowest probability at which the rule fires on
fewer than 1% (target 0.7%) of the dev-corpus negatives, of the non-sarcastic and rephrased tweets, and of the polite
requests, and at which out-of-fold precision on our own sentences (whose negatives are near misses) is at least 0.9.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from tonecheck.checks import semantic  # noqa: E402

SEED = 20240611
CATS = ("sarcasm", "defensive")
SHARED = REPO.parent / "shared"
TWEET_W, TWEET_POS_W, POLITE_W, OTHER_W = 0.3, 0.1, 0.5, 0.5
QUIET_RATE = 0.007
OWN_PRECISION = 0.9
POS_W = 3.0          # positives count three times: the classes are about 1:10
MIN_FIRED = 5        # precision is judged once at least this many own sentences fire (1 or 2 is noise)


# --- data ---------------------------------------------------------------------------------------------------------
def own_sentences() -> list[tuple[str, str]]:
    rows = []
    for f in sorted((REPO / "data" / "semantic").glob("*.tsv")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            label, text = line.split("\t", 1)
            rows.append((label.strip(), text.strip()))
    return rows


def clause_texts(text: str) -> list[str]:
    return [text[a:b] for a, b in semantic.units(text, 0, len(text))]


def dev_corpus(corpus: Path):
    """(positives [(cat, text)], negatives [text]) from the labelled dev corpus."""
    from tonecheck.nlp import get_nlp
    from tonecheck.readers import read_document

    nlp = get_nlp(None)
    pos, neg = [], []
    for lab_file in sorted((corpus / "items").glob("*.json")):
        lab = json.loads(lab_file.read_text(encoding="utf-8"))
        doc_file = lab_file.parent / lab["file"]
        document = read_document(str(doc_file))
        text = document.text
        spans = [s for s in lab["spans"] if s["category"] in CATS]
        for s in spans:
            pos.append((s["category"], s["text"]))
        bad = []
        for s in spans:
            i = text.find(s["text"])
            if i >= 0:
                bad.append((i, i + len(s["text"])))
        for sent in nlp(text).sents:
            for a, b in semantic.units(text, sent.start_char, sent.end_char):
                if any(a < e and b > s for s, e in bad):
                    continue
                if len(semantic._WORD.findall(text[a:b])) >= semantic.MIN_WORDS:
                    neg.append(text[a:b])
    return pos, neg


def isarcasm_train(ext: Path):
    yes, no, reph = [], [], []
    with open(ext / "isarcasmeval-en" / "train.En.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            tweet = (row.get("tweet") or "").strip()
            if not tweet:
                continue
            if row.get("sarcastic") == "1":
                yes.append(tweet)
                if (row.get("rephrase") or "").strip():
                    reph.append(row["rephrase"].strip())
            else:
                no.append(tweet)
    return yes, no, reph


def isarcasm_test(ext: Path):
    out = []
    with open(ext / "isarcasmeval-en" / "task_A_En_test.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            t = (row.get("text") or "").strip()
            if t:
                out.append((int(row["sarcastic"]), t))
    return out


def polite(ext: Path) -> list[str]:
    out = []
    for name in ("wikipedia.annotated.csv", "stack-exchange.annotated.csv"):
        with open(ext / "stanford-politeness" / name, encoding="utf-8", newline="") as fh:
            rows = [(float(r["Normalized Score"]), r["Request"]) for r in csv.DictReader(fh)]
        scores = sorted(s for s, _ in rows)
        q75 = scores[(3 * len(scores)) // 4]
        out.extend(t for s, t in rows if s >= q75)
    return out


class Set:
    """Texts with per-category labels (1, 0 or None = not used) and a weight, grouped by source."""

    def __init__(self):
        self.texts, self.source, self.weight = [], [], []
        self.y = {c: [] for c in CATS}

    def add(self, text, source, weight, **labels):
        self.texts.append(text)
        self.source.append(source)
        self.weight.append(weight)
        for c in CATS:
            self.y[c].append(labels.get(c))


def build(args, holdout: bool):
    rng = np.random.default_rng(SEED)
    ext = Path(args.external)
    data, held = Set(), []
    own = own_sentences()
    order = rng.permutation(len(own))
    cut = set(order[: len(own) // 5].tolist()) if holdout else set()
    for i, (label, text) in enumerate(own):
        if i in cut:
            held.append((label, text))
            continue
        if label == "none":
            data.add(text, "own-none", 1.0, sarcasm=0, defensive=0)
            for c in clause_texts(text)[1:]:
                data.add(c, "own-none-clause", 0.5, sarcasm=0, defensive=0)
        elif label == "sarcasm":
            data.add(text, "own-sarcasm", 1.0, sarcasm=1, defensive=None)
        elif label == "defensive":
            data.add(text, "own-defensive", 1.0, sarcasm=None, defensive=1)
    # the other category's sentences as weaker negatives
    for i, (label, text) in enumerate(own):
        if i in cut:
            continue
        if label == "sarcasm":
            data.add(text, "own-sarcasm-as-neg", OTHER_W, sarcasm=None, defensive=0)
        elif label == "defensive":
            data.add(text, "own-defensive-as-neg", OTHER_W, sarcasm=0, defensive=None)
    pos, neg = dev_corpus(Path(args.corpus))
    if not holdout:
        for cat, text in pos:
            data.add(text, f"dev-{cat}", 1.0, **{cat: 1})
    for text in neg:
        data.add(text, "dev-neg", 1.0, sarcasm=0, defensive=0)
    yes, no, reph = isarcasm_train(ext)
    for t in yes:
        data.add(t, "tweet-sarcastic", TWEET_POS_W, sarcasm=1)
    for t in no:
        data.add(t, "tweet-not", TWEET_W, sarcasm=0, defensive=0)
    for t in reph:
        data.add(t, "tweet-rephrase", TWEET_W, sarcasm=0, defensive=0)
    for t in polite(ext):
        data.add(t, "polite", POLITE_W, sarcasm=0, defensive=0)
    return data, held


# --- model --------------------------------------------------------------------------------------------------------
def fit(x, y, w, lam):
    """Weighted L2 logistic regression by Newton's method; x already standardised. Returns (coef, bias)."""
    n, d = x.shape
    xa = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    reg = np.full(d + 1, lam)
    reg[-1] = 0.0
    for _ in range(50):
        z = xa @ beta
        p = 1.0 / (1.0 + np.exp(-z))
        g = xa.T @ (w * (p - y)) + reg * beta
        h = (xa * (w * p * (1 - p))[:, None]).T @ xa + np.diag(reg + 1e-9)
        step = np.linalg.solve(h, g)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return beta[:-1], beta[-1]


def standardise(x):
    mu = x.mean(axis=0)
    sd = x.std(axis=0)
    sd[sd < 1e-9] = 1.0
    return mu, sd


def train_cat(x, y, w, lam):
    mu, sd = standardise(x)
    coef, bias = fit((x - mu) / sd, y, w, lam)
    # fold the standardisation into the weights: (x - mu) / sd @ coef + bias == x @ (coef / sd) + b'
    wf = coef / sd
    return wf, bias - float(mu @ wf)


def predict(x, wf, b):
    return 1.0 / (1.0 + np.exp(-(x @ wf + b)))


def folds(n, k, seed=SEED):
    order = np.random.default_rng(seed).permutation(n)
    return [order[i::k] for i in range(k)]


def oof_scores(x, y, w, lam, k=5):
    p = np.zeros(len(y))
    for idx in folds(len(y), k):
        mask = np.ones(len(y), bool)
        mask[idx] = False
        wf, b = train_cat(x[mask], y[mask], w[mask], lam)
        p[idx] = predict(x[idx], wf, b)
    return p


QUIET = {"sarcasm": ("dev-neg", "tweet-not", "tweet-rephrase", "polite", "own-none"),
         "defensive": ("dev-neg", "tweet-not", "tweet-rephrase", "polite", "own-none")}


def choose_threshold(p, y, src, cat):
    """The lowest threshold such that at it and at every higher one every quiet set fires on < QUIET_RATE and
    out-of-fold precision on our own sentences is at least OWN_PRECISION (scanning down from 0.99)."""
    own = np.array([s.startswith("own-") for s in src])
    best = 0.99
    for t in np.arange(0.99, 0.01, -0.005):
        ok = all(not (src == q).any() or (p[src == q] >= t).mean() < QUIET_RATE for q in QUIET[cat])
        fired = own & (p >= t)
        if ok and fired.sum() >= MIN_FIRED and (y[fired] == 1).mean() < OWN_PRECISION:
            ok = False
        if not ok:
            break
        best = round(float(t), 3)
    return best


def report(p, y, src, t, cat, out):
    print(f"\n[{cat}] threshold {t:.3f} (out-of-fold, 5 folds)")
    rows = {}
    for s in sorted(set(src)):
        m = src == s
        fire = float((p[m] >= t).mean())
        rows[s] = {"n": int(m.sum()), "fire": round(fire, 4)}
        kind = "recall" if (y[m] == 1).all() else "fire"
        print(f"  {s:24s} n={m.sum():5d}  {kind} {fire:.3f}")
    for name, m in (("own sentences", np.array([s.startswith("own-") and not s.endswith("-as-neg")
                                                  and not s.endswith("clause") for s in src])),
                    ("own + dev", np.array([s.startswith(("own-", "dev-")) for s in src])),
                    ("all", np.ones(len(src), bool))):
        fired = m & (p >= t)
        tp = int((fired & (y == 1)).sum())
        prec = tp / max(int(fired.sum()), 1)
        rec = tp / max(int((m & (y == 1)).sum()), 1)
        rows[name] = {"precision": round(prec, 3), "recall": round(rec, 3)}
        print(f"  {name:24s} precision {prec:.3f}  recall {rec:.3f}")
    out[cat] = rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(SHARED / "corpus"))
    ap.add_argument("--external", default=str(SHARED / "external"))
    ap.add_argument("--out", default=str(REPO / "rules" / "semantic-model.json"))
    ap.add_argument("--lam", type=float, default=50.0, help="L2 strength on standardised features")
    ap.add_argument("--honesty", action="store_true")
    ap.add_argument("--curve", action="store_true", help="print the out-of-fold precision/fire-rate curve")
    args = ap.parse_args(argv)

    emb = semantic.load_embedder()
    if emb is None:
        sys.exit("wordllama is not installed")
    data, held = build(args, holdout=args.honesty)
    x = semantic.featurize(data.texts, emb)
    src_all = np.array(data.source)
    w_all = np.array(data.weight, dtype=np.float64)
    model = {"version": 1, "embedding": "wordllama l2_supercat_256 (mean-pooled, L2-normalised)",
             "features": [f"emb{i}" for i in range(emb.matrix.shape[1])] + list(semantic.FEATURES),
             "trained_by": "scripts/train_semantic.py", "seed": SEED, "lambda": args.lam, "categories": {}}
    cv = {}
    for cat in CATS:
        lab = data.y[cat]
        m = np.array([v is not None for v in lab])
        y = np.array([v if v is not None else 0 for v in lab], dtype=np.float64)[m]
        xs, ws, src = x[m], w_all[m] * np.where(y == 1, POS_W, 1.0), src_all[m]
        p = oof_scores(xs, y, ws, args.lam)
        if args.curve:
            own = np.array([s.startswith("own-") for s in src])
            for t in np.arange(0.6, 0.02, -0.02):
                f = own & (p >= t)
                print(f"  t={t:.2f} own fired {f.sum():4d} prec {(y[f] == 1).mean() if f.sum() else 1:.2f} "
                      + " ".join(f"{q}={(p[src == q] >= t).mean():.4f}" for q in QUIET[cat]))
        t = choose_threshold(p, y, src, cat)
        report(p, y, src, t, cat, cv)
        wf, b = train_cat(xs, y, ws, args.lam)
        model["categories"][cat] = {"weights": [round(float(v), 7) for v in wf], "bias": round(float(b), 7),
                                    "threshold": t}
        counts = {s: int((src == s).sum()) for s in sorted(set(src))}
        model["categories"][cat]["trained_on"] = counts
    if args.honesty:
        ext = Path(args.external)
        for cat in CATS:
            mc = model["categories"][cat]
            wf, b, t = np.array(mc["weights"]), mc["bias"], mc["threshold"]
            ht = [tx for _, tx in held]
            p = predict(semantic.featurize(ht, emb), wf, b)
            yl = np.array([lab == cat for lab, _ in held])
            fired = p >= t
            print(f"\n[honesty {cat}] held-out 20% of own sentences (n={len(held)}, {yl.sum()} {cat}): "
                  f"recall {(fired & yl).sum() / max(yl.sum(), 1):.3f}, precision "
                  f"{(fired & yl).sum() / max(fired.sum(), 1):.3f}, fires on {(fired & ~yl).sum()} others")
            if cat == "sarcasm":
                test = isarcasm_test(ext)
                yt = np.array([s for s, _ in test]) == 1
                pt = predict(semantic.featurize([tx for _, tx in test], emb), wf, b) >= t
                print(f"[honesty sarcasm] iSarcasmEval task_A_En_test (n={len(test)}, {yt.sum()} sarcastic): "
                      f"recall {(pt & yt).sum() / yt.sum():.3f}, fire on non-sarcastic {(pt & ~yt).sum() / (~yt).sum():.3f}, "
                      f"precision {(pt & yt).sum() / max(pt.sum(), 1):.3f}")
        return
    for m in model["categories"].values():
        m["cv"] = None
    for cat in CATS:
        model["categories"][cat]["cv"] = cv[cat]
    Path(args.out).write_text(json.dumps(model, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
