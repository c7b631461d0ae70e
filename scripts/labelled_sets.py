"""Training messages from labelled sets in the score.py format (LABELS.md: an item, its label file with spans).

scripts/train_model.py --labelled-sets reads them through this module. The development sets under benchmarks/
(written6..., and heldout sets after they were scored once and became development sets) were each written by a
different independent writer from LABELS.md only, so they carry far more voices and industries than the five
training batches; their labels are spans, and a sentence gets a label when it overlaps a span of that category -
the rule score.py applies to findings.

Each message is read the way the runtime reads it, so training and inference see the same sentences: tonecheck's
reader (quotes, forwards and signatures are context), the unwrapped text, the engine's sentence splitter
(analysis.commitments.body_sentences) and the customer's quoted words (analysis.thread.customer_text). Web pages
are left out: the runtime never asks the model about a page (learned/hits.py).
"""
from __future__ import annotations

import glob
import json
import re
from functools import lru_cache
from pathlib import Path

LABELS = ("commitment", "defensive", "sarcasm")


@lru_cache(maxsize=1)
def _engine():
    from tonecheck.config import Config
    from tonecheck.engine import Engine
    return Engine(Config(model=False))


def _span_ranges(text: str, span_text: str) -> list[tuple[int, int]]:
    """Where a labelled span occurs in the judged text, whitespace-insensitive (the text is unwrapped)."""
    words = span_text.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def message_from_item(label_file: Path) -> dict | None:
    """One training message (the FORMAT.md shape) for an email item, or None for a page or an unreadable item."""
    from tonecheck.analysis.commitments import body_sentences
    from tonecheck.analysis.layout import unwrapped
    from tonecheck.analysis.thread import customer_text
    from tonecheck.checks import CheckContext
    from tonecheck.model import InputError
    from tonecheck.readers import read_document

    spec = json.loads(label_file.read_text(encoding="utf-8"))
    item = label_file.parent / spec["file"]
    try:
        document = read_document(str(item))
    except InputError:
        return None
    if document.is_page:
        return None
    engine = _engine()
    flat = unwrapped(document.text)
    ctx = CheckContext(document=document, doc=engine.parse(flat), nlp=engine.nlp, config=engine.config,
                       brand=None, flat_text=flat)
    spans = [(s["category"], r) for s in spec.get("spans", []) if s.get("category") in LABELS
             for r in _span_ranges(ctx.text, s.get("text", ""))]
    sentences = []
    for sent in body_sentences(ctx):
        labels = sorted({cat for cat, (b, e) in spans if b < sent.end_char and e > sent.start_char})
        sentences.append({"text": ctx.text[sent.start_char:sent.end_char], "labels": labels})
    return {"id": f"{label_file.parent.parent.name}:{spec.get('id', label_file.stem)}",
            "customer": customer_text(document.context) or None, "sentences": sentences}


def messages_from_sets(folders: list[str]) -> list[dict]:
    """The email items of every labelled set folder (each with an items/ folder of items and label files)."""
    out = []
    for folder in folders:
        for label_file in sorted(glob.glob(str(Path(folder) / "items" / "*.json"))):
            msg = message_from_item(Path(label_file))
            if msg and msg["sentences"]:
                out.append(msg)
    return out


if __name__ == "__main__":
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    msgs = messages_from_sets(sys.argv[1:])
    counts = {lab: sum(lab in s["labels"] for m in msgs for s in m["sentences"]) for lab in LABELS}
    print(f"{len(msgs)} messages, {sum(len(m['sentences']) for m in msgs)} sentences, positives {counts}")
