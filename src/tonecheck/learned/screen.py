"""A cheap first stage in front of the sentence model: a linear model over hashed words that says whether the
encoder could score a sentence high enough to matter, so the encoder (~10 ms a sentence on one core) is run only
on the few that could. Without it a 300-word draft asks ~11 sentences and spends ~0.12 s in the encoder, although
nine in ten of them score under 0.05.

The screen is distilled from the shipped encoder (scripts/train_screen.py): it learns which sentences the encoder
scores high, and its cutoff is chosen to keep nearly all of the encoder's hits on sentences it did not train on. It
is data (screen.npz: one weight per hashed feature, and the cutoff), read from this package; the same
`features` function builds its inputs in training and here, so the two cannot drift apart.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

SCREEN_FILE = "data/screen.npz"
BUCKETS = 1 << 18
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|[!?\"“”‘’]|[\U0001F300-\U0001FAFF\u2600-\u27BF]")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def features(first: str, second: str) -> list[int]:
    """Hashed feature indexes for one model input (sentence, context): the sentence's words and word pairs, and the
    context's words marked as such (sarcasm often answers what the customer wrote)."""
    words = _tokens(first)
    names = [f"w:{w}" for w in words]
    names += [f"b:{a} {b}" for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True)]
    names += [f"c:{w}" for w in set(_tokens(second))]
    names.append(f"n:{min(len(words) // 5, 8)}")
    return sorted({zlib.crc32(n.encode("utf-8")) % BUCKETS for n in names})


@dataclass(frozen=True)
class Screen:
    weights: object         # numpy array [BUCKETS, labels]
    bias: object            # numpy array [labels]
    cutoffs: dict           # label -> the lowest score that passes
    labels: tuple[str, ...]

    def passes(self, label: str, first: str, second: str) -> bool:
        """Whether the encoder could score this input high on `label` (always True for a label not screened)."""
        if label not in self.cutoffs:
            return True
        k = self.labels.index(label)
        score = float(self.bias[k] + self.weights[features(first, second), k].sum())
        return score >= self.cutoffs[label]


@lru_cache(maxsize=1)
def load_screen() -> Screen | None:
    """The packaged screen, or None when this install has none (every sentence then goes to the encoder)."""
    import numpy as np
    try:
        with resources.files("tonecheck.learned").joinpath(SCREEN_FILE).open("rb") as fh:
            data = np.load(fh, allow_pickle=False)
            labels = tuple(str(x) for x in data["labels"])
            cutoffs = dict(zip(labels, map(float, data["cutoffs"]), strict=True))
            return Screen(data["weights"].astype(np.float32), data["bias"].astype(np.float32), cutoffs, labels)
    except (OSError, KeyError, ValueError):
        return None
