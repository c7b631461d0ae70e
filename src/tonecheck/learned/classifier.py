"""The fine-tuned sentence model as shipped: an int8 ONNX graph and its tokenizer, read from this package.

Loaded once per process on first use (~0.15 s), run with one intra-op thread (the runner already uses one process
per core), on batches padded only to their longest member: the packaged MiniLM tokenizer pads every input to 128
tokens, so padding is switched off here and in training, or the two would silently differ.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

DATA = "tonecheck.learned"
MODEL_FILE = "data/model.int8.onnx"
TOKENIZER_FILE = "data/tokenizer.json"
META_FILE = "data/model.json"
MAX_TOKENS = 128


class ModelUnavailable(RuntimeError):
    """The model files or onnxruntime are missing: the rules alone still run."""


@dataclass(frozen=True)
class ModelInfo:
    labels: tuple[str, ...]
    max_tokens: int
    meta: dict


def _data_path(name: str):
    return resources.files(DATA).joinpath(name)


@lru_cache(maxsize=1)
def model_info() -> ModelInfo:
    """The labels and training facts recorded beside the model (model.json)."""
    try:
        meta = json.loads(_data_path(META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelUnavailable(f"no sentence model in this install ({exc.__class__.__name__})") from None
    return ModelInfo(tuple(meta["labels"]), int(meta.get("max_tokens", MAX_TOKENS)), meta)


class SentenceModel:
    """Probabilities per label for (sentence, context) pairs."""

    def __init__(self):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelUnavailable(f"the sentence model needs {exc.name}") from None
        info = model_info()
        self.labels = info.labels
        try:
            self.tokenizer = Tokenizer.from_str(_data_path(TOKENIZER_FILE).read_text(encoding="utf-8"))
            model_bytes = _data_path(MODEL_FILE).read_bytes()
        except OSError as exc:
            raise ModelUnavailable(f"no sentence model in this install ({exc.__class__.__name__})") from None
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(info.max_tokens, strategy="longest_first")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(model_bytes, sess_options=opts, providers=["CPUExecutionProvider"])

    def encode(self, pairs: list[tuple[str, str]]):
        """input_ids, attention_mask and token_type_ids for a batch, padded to its longest pair."""
        import numpy as np
        encs = [self.tokenizer.encode(a, b) if b else self.tokenizer.encode(a) for a, b in pairs]
        width = max(len(e.ids) for e in encs)
        ids = np.zeros((len(encs), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        types = np.zeros_like(ids)
        for k, e in enumerate(encs):
            n = len(e.ids)
            ids[k, :n], mask[k, :n], types[k, :n] = e.ids, e.attention_mask, e.type_ids
        return ids, mask, types

    def predict(self, pairs: list[tuple[str, str]], batch: int = 32):
        """An array [len(pairs), len(labels)] of probabilities."""
        import numpy as np
        out = []
        # sorting by length keeps each batch's padding small
        order = sorted(range(len(pairs)), key=lambda k: len(pairs[k][0]) + len(pairs[k][1]))
        for b in range(0, len(order), batch):
            chunk = [pairs[k] for k in order[b:b + batch]]
            ids, mask, types = self.encode(chunk)
            (logits,) = self.session.run(["logits"], {"input_ids": ids, "attention_mask": mask,
                                                      "token_type_ids": types})
            out.append(1.0 / (1.0 + np.exp(-logits)))
        probs = np.concatenate(out) if out else np.zeros((0, len(self.labels)))
        result = np.empty_like(probs)
        result[order] = probs
        return result


_lock = threading.Lock()
_model: SentenceModel | None = None


def get_model() -> SentenceModel:
    """The process's one model (ModelUnavailable when it cannot be loaded)."""
    global _model
    with _lock:
        if _model is None:
            _model = SentenceModel()
        return _model
