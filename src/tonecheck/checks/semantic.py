"""Semantic back-off for `sarcasm` and `defensive`: catches paraphrases the pattern rules miss.

Each judged sentence, and each clause of it (split at ; — – , and "but"), is embedded with wordllama's static
256-d word embeddings (`l2_supercat_256`: the mean of the token vectors, L2-normalised; MIT licence) and scored by
a logistic regression per category (sarcasm vs not, defensive vs not). The features are the embedding plus a few
cheap signals: a VADER-lexicon compound score, second-person pronouns, intensifiers, and punctuation. The weights
are plain JSON in `rules/semantic-model.json`, written by `scripts/train_semantic.py`; scoring is deterministic.

The model loads lazily, once per process, on the first document a semantic rule is asked to check. wordllama's
own `WordLlama.load()` imports pydantic, requests and huggingface_hub (~0.5 s) and looks for its tokenizer where
the wheel does not ship it; this module reads the same two files from the installed package folder (the tokenizer
JSON with `tokenizers`, the weights with `safetensors`) and pools exactly as `WordLlamaInference.embed` does.
When wordllama is not installed the semantic rules find nothing and one note says so.

Rules: `check: semantic-sarcasm` / `semantic-defensive`, option `threshold` (probability, default the model's own).
A sentence that another rule of the same category already flagged (as far as this check can see: the results the
other named checks left in the document memo) is skipped; pattern findings are not visible to a check, so a
sentence may occasionally carry both.
"""
from __future__ import annotations

import json
import math
import re
import sys
import threading
from functools import lru_cache
from pathlib import Path

from . import Hit, register

NOTES: list[str] = []
_lock = threading.Lock()
_state: dict = {}

# --- cheap signals -------------------------------------------------------------------------------------------------
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SECOND_PERSON = {"you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'd", "you'll", "u", "ur"}
INTENSIFIERS = {"so", "very", "really", "truly", "absolutely", "totally", "completely", "utterly", "clearly",
                "obviously", "simply", "just", "ever", "such", "always", "never", "literally", "incredibly",
                "extremely", "of course", "surely", "certainly", "definitely", "honestly", "frankly", "actually",
                "whole", "entire", "every", "single", "again", "finally", "once", "already", "even"}
NEGATORS = {"not", "no", "never", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "won't",
            "can't", "cannot", "couldn't", "shouldn't", "wouldn't", "nothing", "nobody", "hardly", "without"}
FEATURES = ("vader_compound", "vader_pos", "vader_neg", "second_person", "intensifiers", "exclamation", "question",
            "quotes", "caps_words", "words")


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    from .sarcasm import vader_lexicon
    return vader_lexicon()


def cheap_signals(text: str) -> list[float]:
    """The hand-made features of one text, in FEATURES order. The compound score uses VADER's lexicon and its
    normalisation (x / sqrt(x^2 + 15)) with negation flipping; VADER's booster and capitals rules are left out,
    which makes it about 20 times faster than SentimentIntensityAnalyzer.polarity_scores."""
    lex = _lexicon()
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    total = pos = neg = 0.0
    for i, w in enumerate(words):
        v = lex.get(w)
        if v is None:
            continue
        if any(p in NEGATORS or p.endswith("n't") for p in words[max(0, i - 3):i]):
            v *= -0.74
        total += v
        if v > 0:
            pos += v
        else:
            neg -= v
    compound = total / math.sqrt(total * total + 15.0)
    n = max(len(words), 1)
    second = sum(1 for w in words if w in SECOND_PERSON)
    inten = sum(1 for w in words if w in INTENSIFIERS) + sum(1 for p in ("of course",) if p in text.lower())
    caps = sum(1 for w in _WORD.findall(text) if len(w) > 2 and w.isupper())
    return [compound, pos / (pos + neg + 1.0), neg / (pos + neg + 1.0), min(second, 4) / 2.0, min(inten, 4) / 2.0,
            min(text.count("!"), 3) / 1.0, 1.0 if "?" in text else 0.0,
            1.0 if re.search(r"[\"“”‘]|(?<!\w)'|'(?!\w)", text) else 0.0, min(caps, 3) / 1.0, math.log1p(n) / 3.0]


# --- the embedder ----------------------------------------------------------------------------------------------------
class Embedder:
    """wordllama l2_supercat_256 sentence embeddings: mean of token vectors, L2-normalised."""

    def __init__(self, tokenizer, matrix):
        import numpy as np
        self.np = np
        self.tokenizer = tokenizer
        self.matrix = matrix                      # (vocab, 256) float32

    def embed(self, texts: list[str]):
        np = self.np
        if not texts:
            return np.zeros((0, self.matrix.shape[1]), dtype=np.float32)
        encs = self.tokenizer.encode_batch(texts, add_special_tokens=False)
        ids = [e.ids or [0] for e in encs]
        lens = np.fromiter((len(x) for x in ids), dtype=np.int64, count=len(ids))
        flat = np.fromiter((i for x in ids for i in x), dtype=np.int64, count=int(lens.sum()))
        np.clip(flat, 0, self.matrix.shape[0] - 1, out=flat)
        starts = np.zeros(len(ids), dtype=np.int64)
        starts[1:] = np.cumsum(lens)[:-1]
        sums = np.add.reduceat(self.matrix[flat], starts, axis=0)
        means = sums / lens[:, None].astype(np.float32)
        norms = np.linalg.norm(means, axis=1, keepdims=True)
        return (means / np.maximum(norms, 1e-9)).astype(np.float32)


def _package_dir() -> Path | None:
    import importlib.util
    try:
        spec = importlib.util.find_spec("wordllama")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def load_embedder() -> Embedder | None:
    """The embedder, built once per process; None (with a note) when wordllama is not installed."""
    with _lock:
        if "embedder" in _state:
            return _state["embedder"]
        emb = None
        why = None
        try:
            import numpy as np
            folder = _package_dir()
            if folder is None:
                raise ImportError("wordllama is not installed")
            tok_file = folder / "tokenizers" / "l2_supercat_tokenizer_config.json"
            w_file = folder / "weights" / "l2_supercat_256.safetensors"
            if tok_file.is_file() and w_file.is_file():
                from safetensors.numpy import load_file
                from tokenizers import Tokenizer
                tok = Tokenizer.from_file(str(tok_file))
                tok.no_padding()
                tok.no_truncation()
                matrix = load_file(str(w_file))["embedding.weight"].astype(np.float32)
                emb = Embedder(tok, matrix)
            else:                                   # another wheel layout: the documented loader, offline
                from wordllama import WordLlama
                wl = WordLlama.load(cache_dir=folder, disable_download=True)
                emb = Embedder(wl.tokenizer, wl.embedding)
                emb.tokenizer.no_padding()
        except Exception as exc:                    # missing package, unreadable weights: the rules stay silent
            why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            emb = None
        if emb is None:
            note = f"tonecheck: semantic rules skipped ({why}); install wordllama to enable them"
            NOTES.append(note)
            print(note, file=sys.stderr)
        _state["embedder"] = emb
        return emb


def model_path() -> Path:
    from ..rules import builtin_rules_dir
    return builtin_rules_dir() / "semantic-model.json"


def load_model(path: str | Path | None = None) -> dict:
    """The shipped model: {category: {"weights": [...], "bias": b, "threshold": t}, ...} plus metadata."""
    key = str(path or model_path())
    with _lock:
        if key not in _state:
            import numpy as np
            data = json.loads(Path(key).read_text(encoding="utf-8"))
            for cat, m in data["categories"].items():
                m["_w"] = np.asarray(m["weights"], dtype=np.float64)
            _state[key] = data
        return _state[key]


def featurize(texts: list[str], embedder: Embedder):
    import numpy as np
    emb = embedder.embed(texts).astype(np.float64)
    extra = np.asarray([cheap_signals(t) for t in texts], dtype=np.float64).reshape(len(texts), len(FEATURES))
    return np.hstack([emb, extra])


def score_texts(texts: list[str], category: str, model: dict | None = None, embedder: Embedder | None = None):
    """Probabilities (numpy array) that each text is `category`; None when the embedder is unavailable."""
    import numpy as np
    embedder = embedder or load_embedder()
    if embedder is None:
        return None
    model = model or load_model()
    m = model["categories"][category]
    x = featurize(texts, embedder)
    z = x @ m["_w"] + m["bias"]
    return 1.0 / (1.0 + np.exp(-z))


# --- units: sentences and their clauses ------------------------------------------------------------------------------
_CLAUSE_SPLIT = re.compile(r"\s*;\s*|\s+[—–]\s+|\s*—\s*|,\s+(?=but\b)|,\s+|\s+(?=but\b)", re.I)
MIN_WORDS = 3


def units(text: str, s0: int, s1: int) -> list[tuple[int, int]]:
    """(start, end) of the sentence and, when it has more than one, of each clause with MIN_WORDS words or more."""
    out = []
    a, b = s0, s1
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b <= a:
        return out
    out.append((a, b))
    parts = []
    pos = a
    for m in _CLAUSE_SPLIT.finditer(text, a, b):
        if m.start() > pos:
            parts.append((pos, m.start()))
        pos = m.end()
    if pos < b:
        parts.append((pos, b))
    if len(parts) > 1:
        for p, q in parts:
            if len(_WORD.findall(text[p:q])) >= MIN_WORDS:
                out.append((p, q))
    return out


def _doc_scores(ctx):
    """[(sentence start, sentence end, [(unit start, unit end, {category: p})])] for the document, or None."""
    embedder = load_embedder()
    if embedder is None:
        return None
    model = load_model()
    text = ctx.text
    plan = []
    flat: list[tuple[int, int]] = []
    for sent in ctx.doc.sents:
        s0, s1 = sent.start_char, sent.end_char
        us = [u for u in units(text, s0, s1) if len(_WORD.findall(text[u[0]:u[1]])) >= MIN_WORDS]
        if not us:
            continue
        plan.append((s0, s1, len(flat), len(us)))
        flat.extend(us)
    if not flat:
        return []
    x = featurize([text[a:b] for a, b in flat], embedder)
    import numpy as np
    probs = {}
    for cat, m in model["categories"].items():
        probs[cat] = 1.0 / (1.0 + np.exp(-(x @ m["_w"] + m["bias"])))
    out = []
    for s0, s1, i, n in plan:
        out.append((s0, s1, [(flat[j][0], flat[j][1], {c: float(p[j]) for c, p in probs.items()})
                             for j in range(i, i + n)]))
    return out


# memo keys whose values are other rules' hits of the same category
_SAME_CATEGORY_MEMO = {"sarcasm": ("sarcasm.",), "defensive": ("tone.", "defensive.")}


def _flagged_elsewhere(ctx, category: str) -> list[tuple[int, int]]:
    spans = []
    prefixes = _SAME_CATEGORY_MEMO.get(category, ())
    for key, value in list(getattr(ctx, "_memo", {}).items()):
        if not key.startswith(prefixes) or not isinstance(value, list):
            continue
        spans.extend((h.start, h.end) for h in value if isinstance(h, Hit))
    return spans


def semantic_hits(ctx, rule, category: str) -> list[Hit]:
    scored = ctx.memo("semantic.scores", lambda: _doc_scores(ctx))
    if not scored:
        return []
    model = load_model()
    threshold = float((rule.options or {}).get("threshold", model["categories"][category]["threshold"]))
    taken = _flagged_elsewhere(ctx, category)
    hits = []
    for s0, s1, us in scored:
        if any(a < s1 and b > s0 for a, b in taken):
            continue
        best = max(us, key=lambda u: u[2][category])
        if best[2][category] < threshold:
            continue
        # the excerpt is the clause that carries it: the best clause when one passes, else the sentence
        clauses = [u for u in us[1:] if u[2][category] >= threshold]
        if clauses:
            best = max(clauses, key=lambda u: u[2][category])
        hits.append(Hit(best[0], best[1]))
    return hits


@register("semantic-sarcasm")
def semantic_sarcasm(ctx, rule):
    return semantic_hits(ctx, rule, "sarcasm")


@register("semantic-defensive")
def semantic_defensive(ctx, rule):
    return semantic_hits(ctx, rule, "defensive")
