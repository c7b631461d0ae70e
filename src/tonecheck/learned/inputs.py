"""What the sentence model reads: the sentence itself as the first segment, and as the second its context - the
customer's message it answers (sarcasm and defensiveness often answer something specific) and the sentence just
before it. The training script (scripts/train_model.py) builds its examples with these same functions, so training
and inference see the same text."""
from __future__ import annotations

import re

CUSTOMER_WORDS = 50        # the customer's message is clipped to its first words (the model reads 128 tokens)
BEFORE_WORDS = 30
# and every segment to this many characters: the model reads ~100 tokens, and the tokenizer builds an overflow
# encoding for everything it truncates (a 9 KB run of symbols cost 270 MB)
MAX_CHARS = 600


def _clip(text: str, words: int) -> str:
    parts = re.sub(r"\s+", " ", text or "").strip().split(" ")
    return " ".join(parts[:words])[:MAX_CHARS] if parts != [""] else ""


def context_segment(before: str | None, customer: str | None) -> str:
    """The second segment: 'customer: ... | before: ...' (either part may be missing)."""
    out = []
    if customer and _clip(customer, CUSTOMER_WORDS):
        out.append("customer: " + _clip(customer, CUSTOMER_WORDS))
    if before and _clip(before, BEFORE_WORDS):
        out.append("before: " + _clip(before, BEFORE_WORDS))
    return " | ".join(out)


def model_input(sentence: str, before: str | None, customer: str | None) -> tuple[str, str]:
    """(first segment, second segment) for one sentence."""
    return re.sub(r"\s+", " ", sentence).strip()[:MAX_CHARS], context_segment(before, customer)
