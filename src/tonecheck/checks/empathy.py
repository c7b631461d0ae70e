"""Empathy coaching (advisory, severity info): a reply to a complaint should acknowledge it, apologise or take
ownership, and offer more than one way forward.

The complaint is read from the quoted thread (document.context.quoted), never from the judged text: the VADER
sentiment score (vaderSentiment, MIT licence) of the customer's quoted words plus a small lexicon of problem
reports ("never arrived", "broke", "wrong size", "refund"). Blocks quoted from the sender's own organisation are
skipped. One analysis per document (ctx.memo), shared by the three empathy rules; `options.need` picks which gap
a rule reports: acknowledgement | apology | options.
"""
from __future__ import annotations

import re
from email.utils import parseaddr

from . import Hit, register
from . import sentence_spans

PROBLEM = re.compile(
    r"\b(?:(?:never|still not|still hasn'?t|hasn'?t|has not|haven'?t|have not|didn'?t|did not|not yet)\s+"
    r"(?:arrived|received|come|turned up|shown up|been (?:delivered|refunded|shipped))|"
    r"still waiting|no (?:reply|response|answer|update)|nobody (?:answers|replied|got back)|"
    r"broke(?:n)?|damaged|faulty|defective|cracked|torn|ripped|leak(?:s|ed|ing|y)?|stopped working|"
    r"doesn'?t work|does not work|won'?t (?:work|close|open|zip|charge)|fell apart|falling apart|"
    r"wrong (?:size|item|colou?r|order|address|product|one)|missing|lost|late|delayed|overdue|"
    r"charged (?:twice|two times|me again)|double[- ]charged|overcharged|refund|money back|"
    r"disappoint(?:ed|ing)|frustrat(?:ed|ing)|annoy(?:ed|ing)|angry|furious|upset|unhappy|not happy|"
    r"unacceptable|ridiculous|terrible|awful|appalling|worst|useless|rubbish|garbage|poor (?:quality|service)|"
    r"complain(?:t)?|fed up|sick of|had enough|let down|joke)\b", re.I)
ACK = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|i understand|we understand|i can (?:see|imagine|understand)|"
    r"we can (?:see|imagine|understand)|(?:completely|totally|fully) understand|understandabl[ey]|"
    r"frustrat\w*|disappoint\w*|annoying|upsetting|(?:thank you|thanks) for (?:letting|telling|reporting|flagging|"
    r"raising|bringing|pointing|your patience|bearing|sending (?:the|those) photo)|you'?re right|you are right|"
    r"i hear you|not the experience|must have been|no wonder|i see (?:that|what)|i'?ve read|i have read|"
    r"appreciate you (?:letting|telling|raising|flagging|bringing)|that'?s not (?:good enough|acceptable|right|ok)|"
    r"(?:should|shouldn'?t) have (?:happened|arrived|been)|not what you (?:expected|ordered|paid for))", re.I)
APOLOGY = re.compile(
    r"\b(?:(?:i'?m|i am|we'?re|we are)\s+(?:(?:so|very|truly|really|deeply|genuinely)\s+)?sorry|sorry (?:about|for|that)|"
    r"(?:i|we)\s+(?:sincerely\s+|do\s+|truly\s+)?apologi[sz]e|(?:my|our)\s+(?:sincere\s+)?apologies|"
    r"(?:our|my) (?:[\w-]+ ){0,2}?(?:mistake|error|fault|bad)|that'?s on (?:us|me)|(?:we|i) (?:got|made) (?:it|this|that|a mistake)"
    r"(?: wrong)?|(?:we|i) take (?:full )?(?:responsibility|ownership)|(?:we|i) should have|(?:we|i) let you down|"
    r"(?:we|i) dropped the ball|(?:we|i) messed up|(?:we|i) (?:mis|wrongly )\w+ed)\b", re.I)
NON_APOLOGY = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies),?\s+but\b|\b(?:sorry|apologi[sz]e)\s+if\s+you\b|"
    r"\b(?:sorry|apologi[sz]e|apologies)\s+(?:for\s+)?any\s+(?:inconvenience|trouble)\b|\bsorry you feel\b", re.I)
OPTIONS = re.compile(
    r"\b(?:alternatively|either\b[^.!?\n]{1,80}\bor|if you(?:'d| would)? (?:rather|prefer)|another option|"
    r"other options?|(?:two|three|a few|several|some) (?:options|choices|ways)|options?\s*(?:are|is)?:|"
    r"you can also|you could also|we can also|we could also|or,? if you|or (?:we|i) (?:can|could|will|'ll)|"
    r"or (?:you|we) could|or you can|or,? instead|instead,? (?:we|i) can|whichever (?:you|suits)|"
    r"or (?:a |an |your )?(?:full |partial )?(?:refund|replacement|exchange|repair|credit|voucher|discount|"
    r"store credit|gift card|new one)|which (?:would you prefer|do you prefer|suits you)|let me know which)\b",
    re.I)
BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)]|[a-c][.)])\s+\S", re.M)
GREETING = re.compile(r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^\n]{0,40}[,!]?\s*$",
                      re.I)


def _domain(addr: str | None) -> str | None:
    if not addr:
        return None
    a = parseaddr(addr)[1] or addr
    return a.rsplit("@", 1)[-1].lower() if "@" in a else None


def customer_text(ctx) -> str:
    """The quoted words of the other party (blocks from the sender's own domain are left out)."""
    context = ctx.context
    mine = _domain(getattr(context, "sender", None))
    parts = []
    for b in getattr(context, "quoted", None) or ():
        if mine and b.author and _domain(b.author) == mine:
            continue
        parts.append(b.text)
    return "\n".join(parts)


def is_complaint(text: str) -> bool:
    if not text.strip():
        return False
    problems = {m.group(0).lower() for m in PROBLEM.finditer(text)}
    if len(problems) >= 2:
        return True                 # a complaint whatever its sentiment: VADER (the slow part) is not needed
    compound = 0.0
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        compound = _analyzer().polarity_scores(text[:4000])["compound"]
    except ImportError:  # pragma: no cover
        pass
    return len(problems) >= 2 or (len(problems) == 1 and compound < 0.3) or compound <= -0.5


_vader = None


def _analyzer():
    global _vader
    if _vader is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        _vader = SentimentIntensityAnalyzer()
    return _vader


def _options_count(text: str) -> int:
    n = 1 if OPTIONS.search(text) else 0
    if len(BULLET.findall(text)) >= 2:
        n += 1
    return n


def analyse(ctx) -> dict | None:
    """None when the quoted thread is not a complaint; else which parts of a good reply are missing."""
    complaint = customer_text(ctx)
    if not is_complaint(complaint):
        return None
    text = ctx.text
    clean = NON_APOLOGY.sub(" ", text)
    return {
        "acknowledgement": not ACK.search(clean),
        "apology": not APOLOGY.search(clean),
        "options": _options_count(text) == 0,
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


@register("empathy")
def empathy(ctx, rule):
    result = ctx.memo("empathy", lambda: analyse(ctx))
    need = (rule.options or {}).get("need", "acknowledgement")
    if not result or not result.get(need):
        return []
    hit = ctx.memo("empathy.anchor", lambda: _anchor(ctx))
    return [hit] if hit else []
