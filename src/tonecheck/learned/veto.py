"""The model as a verifier: a rule with `model_veto: {label, below}` loses a hit whose sentence the learned model
scores under `below` for that label.

Why: a phrase or parse rule fires on the words it knows, whatever the frame; the model reads the whole sentence with
the one before it and the customer's message. For `commitment.no-time` on the sets the model never saw, the hits it
scored under 0.1 were mostly not promises the reader waits on (a visit's plan, a refund already decided, a promise
bound to the reader's own step) - benchmarks/RESULTS.md, session 21. Only in messages (the model learned from
messages, as in hits.asked_inputs); when the model is missing or the document's time is nearly spent, every hit is
kept: a verifier that cannot run must not lose findings.

The model scores a sentence, the rules a clause: in "We'll look into it, and I'll call you on Friday at 3pm" its low
score is the dated call's, and says nothing of the other promise. So a commitment hit is verified only when its
sentence holds no clear promise besides it.
"""
from __future__ import annotations

from ..analysis.commitments import body_sentences
from ..analysis.thread import customer_text
from ..budget import remaining
from .hits import BUDGET_RESERVE, sentence_scores
from .inputs import model_input


def _sentence_at(ctx, pos: int) -> tuple[int, int, str, str | None] | None:
    """(start, end, text, the sentence before it) of the body sentence holding `pos`."""
    before = None
    for s in body_sentences(ctx):
        text = ctx.text[s.start_char:s.end_char]
        if s.start_char <= pos < s.end_char:
            return s.start_char, s.end_char, text, before
        before = text
    return None


def _probabilities(ctx, start: int, end: int, text: str, before: str | None) -> dict | None:
    """The model's probabilities for one sentence (one run a sentence a document, shared with the model rules), or
    None when the document's time is nearly spent."""
    left = remaining()
    if left is not None and left < BUDGET_RESERVE:
        return None
    return sentence_scores(ctx, start, end, model_input(text, before, customer_text(ctx.document.context) or None))


def _holds_a_clear_promise(ctx, start: int, end: int, hit_start: int, hit_end: int) -> bool:
    from ..analysis.commitment_issues import analyse_commitments
    return any(c.issue is None and start <= c.start < end and not (c.start < hit_end and hit_start < c.end)
               for c in analyse_commitments(ctx))


def vetoed(ctx, rule, start: int, end: int) -> bool:
    """True when the model scores the sentence holding a hit of `rule` under the rule's `model_veto.below`."""
    if ctx.document.is_page:
        return False
    found = _sentence_at(ctx, start)
    if found is None:
        return False
    label = rule.model_veto["label"]
    if label == "commitment" and _holds_a_clear_promise(ctx, found[0], found[1], start, end):
        return False
    probs = _probabilities(ctx, *found)
    return probs is not None and label in probs and probs[label] < rule.model_veto["below"]
