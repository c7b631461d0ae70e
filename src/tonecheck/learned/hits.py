"""Which sentences the model is asked about, and the hits its answers give.

Asked: the body sentences (never the subject line, the quoted thread or the signature) with at least three words
that might carry a label, each with the sentence before it and the customer's message it answers
(analysis.thread.customer_text), once per document. A rule with `model: {label, threshold}` gets a
hit on every sentence whose probability for its label reaches the threshold (the pack's, else the one chosen at
training time on the calibration split); the engine keeps it only where no other rule of the category has already
flagged the sentence, so the model adds what the rules miss and never doubles a finding.
"""
from __future__ import annotations

import re

from ..analysis.thread import customer_text
from ..checks import Hit
from .inputs import model_input

MIN_WORDS = 3
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


# Only sentences that might carry a label are asked (the model costs milliseconds a sentence; a draft has dozens):
# sarcasm says something good about something bad, so it needs a word VADER rates positive, a quotation mark, an
# exclamation or an emoji, and is the writer's own voice, not a quotation or dialogue; a commitment needs a word
# that looks ahead. Labels without a pre-test here are asked about every sentence.
_QUOTE_OR_MARK = re.compile(r"[\"“”‘’'!]|[\U0001F300-\U0001FAFF\u2600-\u27BF]")


# a promise about the future needs a word that looks ahead, a hedge or a vague time
_LOOKS_AHEAD = re.compile(r"\b(?:will|shall|wo|going|gonna|should|may|might|try|trying|hope|hopefully|plan|aim|"
                          r"intend|expect|promise|soon|shortly|asap|later|eventually|once|when|until|follow|chase|"
                          r"touch|back)\b|['’]ll\b", re.I)


# dialogue and quoted text: a quotation of three words or more, or a line that opens with a quotation mark
# ('"Why didn't you ask for 300?" I wondered.') - someone's words, not the writer's tone
_QUOTATION = re.compile(r"[\"“][^\"“”]*?\w+(?:\W+\w+){2,}[^\"“”]*[\"”]|^\W{0,3}[\"“]")


# a salutation, or a short courtesy formula with nothing after it ("Thank you for your email.", "Dear Ms Lee,")
_FORMULA = re.compile(r"^\W*(?:(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\b[^.!?]{0,40}$|"
                      r"(?:thanks|thank\s+you|many\s+thanks)(?:\s+(?:so|very)\s+much)?\s+for\s+(?:your|the)\s+"
                      r"(?:e-?mail|message|patience|question|enquiry|inquiry|reply|call|order|note|feedback|time)\W*$)",
                      re.I)


def _might_carry(label: str, text: str) -> bool:
    if label == "commitment":
        return _LOOKS_AHEAD.search(text) is not None
    if label != "sarcasm":
        return True
    if _QUOTATION.search(text) or _FORMULA.match(text.strip()):
        return False
    if _QUOTE_OR_MARK.search(text):
        return True
    from ..analysis.sentiment import valence
    return any(valence(w) > 0 for w in _WORD.findall(text.lower()))


def _asked_sentences(ctx, labels: frozenset) -> list[tuple[int, int, str, str | None]]:
    """(start, end, text, the sentence before it) of the sentences worth asking about for any of `labels`, in
    order; the sentence before is the text's own, asked or not, as in training."""
    from ..analysis.commitments import body_sentences
    out, before = [], None
    for s in body_sentences(ctx):
        text = ctx.text[s.start_char:s.end_char]
        if len(_WORD.findall(text)) >= MIN_WORDS and any(_might_carry(lab, text) for lab in labels):
            out.append((s.start_char, s.end_char, text, before))
        before = text
    return out


def sentence_probabilities(ctx, labels: frozenset):
    """[(start, end, {label: probability})] for the document's sentences that might carry one of `labels`, once
    per document."""
    def run():
        from .classifier import get_model
        sents = _asked_sentences(ctx, labels)
        if not sents:
            return []
        model = get_model()
        customer = customer_text(ctx.document.context) or None
        pairs = [model_input(text, before, customer) for _, _, text, before in sents]
        # one sentence a run: int8 activations are scaled per run, so a sentence's score must not depend on the
        # other sentences of the draft (the pre-test leaves few to ask)
        probs = model.predict(pairs, batch=1)
        return [(s, e, dict(zip(model.labels, map(float, row), strict=True))) for (s, e, _, _), row in
                zip(sents, probs, strict=True)]

    return ctx.memo("model-probabilities:" + ",".join(sorted(labels)), run)


def model_hits(ctx, rule, labels: frozenset) -> list[Hit]:
    """Hits for one rule with a `model` key (`labels`: every label the engine's model rules ask for, so one batch
    serves them all)."""
    from .classifier import model_info
    label = rule.model["label"]
    threshold = rule.model.get("threshold") or model_info().meta.get("thresholds", {}).get(label, 0.9)
    return [Hit(s, e) for s, e, p in sentence_probabilities(ctx, labels)
            if p.get(label, 0.0) >= threshold and _might_carry(label, ctx.text[s:e])]
