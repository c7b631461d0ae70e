"""Empathy coaching (advisory, severity info): a reply to a complaint should acknowledge it, apologise or take
ownership, and offer more than one way forward.

The complaint is read from the quoted thread (analysis.thread.customer_text), never from the judged text, and
judged by analysis.complaint. One analysis per document (ctx.memo), shared by the three empathy rules; each rule
reports its own gap, attached to the reply's first sentence that is not a greeting.
"""
from __future__ import annotations

import re

from ..analysis.next_steps import find_next_steps
from ..analysis.complaint import answers_complaint
from ..analysis.sentences import sentence_spans
from . import Hit, register

ACK = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|i understand|we understand|i can (?:see|imagine|understand)|"
    r"we can (?:see|imagine|understand)|(?:completely|totally|fully) understand|understandabl[ey]|"
    r"frustrat\w*|disappoint\w*|annoying|upsetting|(?:thank you|thanks) for (?:letting|telling|reporting|flagging|"
    r"raising|bringing|pointing|your patience|bearing|sending (?:the|those) photo)|you'?re right|you are right|"
    r"i hear you|not the experience|must have been|no wonder|i see (?:that|what)|i'?ve read|i have read|"
    r"appreciate you (?:letting|telling|raising|flagging|bringing)|that'?s not (?:good enough|acceptable|right|ok)|"
    r"(?:should|shouldn'?t) have (?:happened|arrived|been)|not what you (?:expected|ordered|paid for)|"
    # the reader's question or feeling called fair: "It's completely fair to ask", "a very reasonable question",
    # "I can only imagine how worrying that was", "that sounds exhausting"
    r"(?:(?:completely|totally|perfectly|entirely|absolutely|very|a)\s+)?(?:fair|reasonable|understandable|valid|good)\s+"
    r"(?:question|point|concern|thing\s+to\s+ask|to\s+ask|to\s+want|to\s+expect|to\s+be\s+(?:upset|annoyed|worried|"
    r"frustrated|angry|cross|concerned))|i can only imagine|"
    r"that (?:sounds|must have been|must be) (?:really |so |very )?"
    r"(?:awful|stressful|exhausting|horrible|miserable|worrying|upsetting|frightening|scary|hard|difficult|"
    r"isolating|draining))", re.I)
APOLOGY = re.compile(
    r"\b(?:(?:i'?m|i am|we'?re|we are)\s+(?:(?:so|very|truly|really|deeply|genuinely)\s+)?sorry|"
    r"sorry (?:about|for|that)|"
    r"(?:i|we)\s+(?:sincerely\s+|do\s+|truly\s+)?apologi[sz]e|(?:my|our)\s+(?:sincere\s+)?apologies|"
    r"(?:our|my) (?:[\w-]+ ){0,2}?(?:mistake|error|fault|bad)|that'?s on (?:us|me)|"
    r"(?:we|i) (?:got|made) (?:it|this|that|a mistake)"
    r"(?: wrong)?|(?:we|i) take (?:full )?(?:responsibility|ownership)|(?:we|i) should have|(?:we|i) let you down|"
    r"(?:we|i) dropped the ball|(?:we|i) messed up|(?:we|i) (?:mis|wrongly )\w+ed)\b", re.I)
# apologies that do not count: removed from the reply before looking for an acknowledgement or an apology
NON_APOLOGY = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies),?\s+but\b|\b(?:sorry|apologi[sz]e)\s+if\s+you\b|"
    r"\b(?:sorry|apologi[sz]e|apologies)\s+(?:for\s+)?any\s+(?:inconvenience|trouble)\b|\bsorry you feel\b", re.I)
OPTIONS = re.compile(
    r"\b(?:alternatively|either\b[^.!?\n]{1,80}\bor|if you(?:'d| would)? (?:rather|prefer)|another option|"
    r"other options?|(?:two|three|a few|several|some) (?:options|choices|ways)|options?\s*(?:are|is)?:|"
    r"you can also|you could also|we can also|we could also|or,? if you|or (?:we|i) (?:can|could|will|'ll)|"
    r"or (?:you|we) could|or you can|or,? instead|instead,? (?:we|i) can|whichever (?:you|suits)|"
    r"or (?:a |an |your )?(?:full |partial )?(?:refund|replacement|exchange|repair|credit|voucher|discount|"
    r"store credit|gift card|new one)|which (?:would you prefer|do you prefer|suits you)|let me know which|"
    # a fallback offered on a condition: "if Thursday morning is not convenient, reply with another weekday"
    r"if\b[^.!?\n]{1,40}?\b(?:not|n't)\s+(?:convenient|suit\w*|work\w*|possible|ideal|good\s+for\s+you))\b",
    re.I)
BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)]|[a-c][.)])\s+\S", re.M)
GREETING = re.compile(r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^\n]{0,40}[,!]?\s*$",
                      re.I)

# the part of a good reply to a complaint whose absence each rule reports
_GAP = {"empathy.no-acknowledgement": "acknowledgement", "empathy.no-apology": "apology",
        "empathy.one-way-forward": "options"}


def _offers_a_choice(text: str) -> bool:
    """An "or"/"alternatively"-style offer, or a list of at least two bullet points."""
    return OPTIONS.search(text) is not None or len(BULLET.findall(text)) >= 2


def analyse(ctx) -> dict | None:
    """None when the quoted thread is not a complaint; else which parts of a good reply are missing."""
    if not answers_complaint(ctx):
        return None
    text = ctx.text
    clean = NON_APOLOGY.sub(" ", text)
    return {
        "acknowledgement": not ACK.search(clean),
        "apology": not APOLOGY.search(clean),
        "options": not _offers_a_choice(text),
    }


def _anchor(ctx) -> Hit | None:
    """The first sentence of the reply that is not a greeting: where the coaching is attached."""
    text = ctx.text
    for start, end in sentence_spans(ctx.doc):
        sent = text[start:end]
        t = sent.strip()
        if not t or GREETING.match(t):
            continue
        if ctx.document.region_at(start) == "subject":
            continue
        s = start + (len(sent) - len(sent.lstrip()))
        return Hit(s, s + len(t))
    return None


def _no_way_forward(ctx) -> bool:
    """No next step and not even a vague promise: nothing at all is offered."""
    steps = find_next_steps(ctx)
    return not steps.has_next_step and not steps.vague_commitments


@register("empathy.no-acknowledgement", "empathy.no-apology", "empathy.one-way-forward")
def missing_part_of_reply(ctx, rule):
    """The rule's part of a good reply (see _GAP) is missing from this reply to a complaint."""
    result = ctx.memo("empathy", lambda: analyse(ctx))
    if not result or not result[_GAP[rule.id]]:
        return []
    hit = ctx.memo("empathy.anchor", lambda: _anchor(ctx))
    if hit and rule.id == "empathy.one-way-forward" and _no_way_forward(ctx):
        hit = Hit(hit.start, hit.end, variant="none")      # not even one way forward
    return [hit] if hit else []
