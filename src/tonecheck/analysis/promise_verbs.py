"""The verb of a commitment, read from its anchor: which verb, whether passive ("be sent", "get sorted"), and
whether it is something to wait on at all - a role ("I'll be your account manager") or a state ("we'll include a
floor display") is not."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .tokens import NEG, SKIP_ADV, low

IRREGULAR_PP = frozenset({
    "sent", "done", "made", "given", "taken", "built", "paid", "put", "set", "sold", "told", "brought", "bought",
    "caught", "held", "kept", "left", "lost", "met", "read", "run", "said", "seen", "shown", "spent", "won", "written",
    "dealt", "sorted", "fixed", "resolved", "returned", "refunded", "issued", "processed", "shipped", "handled",
    "reviewed", "dispatched", "delivered", "replaced", "repaired", "contacted", "notified", "informed", "credited",
    "emailed", "posted", "looked", "passed", "forwarded", "escalated", "investigated", "checked", "updated",
    "arranged", "corrected", "re-sent", "resent", "cancelled", "canceled", "collected", "picked", "applied", "added",
    "removed", "reimbursed", "honoured", "honored", "completed", "finished", "approved", "confirmed", "scheduled",
    "booked", "restocked", "back-ordered", "chased", "followed", "actioned", "raised", "logged", "mailed",
    "couriered", "printed", "reissued", "re-issued", "transferred", "offered", "provided", "granted", "authorised",
    "authorized", "verified", "assessed", "inspected", "tested", "prepared", "packed", "packaged", "allocated",
    "reserved", "released", "activated", "reset", "answered", "addressed", "rectified", "amended", "adjusted",
    "waived", "organised", "organized", "expedited", "prioritised", "prioritized", "rescheduled", "redelivered",
    "traced", "located", "found", "recovered", "finalised", "finalized", "invoiced", "billed", "settled", "closed",
    "reopened", "installed", "upgraded", "fitted", "cleaned", "restored", "handed", "called", "phoned", "considered",
    "exchanged", "swapped", "deposited"})
_READ_AS = {"ought": "modal", "hedge-can": "modal"}     # anchor kinds read as a hedged modal from here on
_EN_PARTICIPLES = ("taken", "given", "written", "seen", "shown", "chosen", "driven", "broken", "forgotten")
# verbs a thing can do that the reader waits on: "your parcel will ship", "it will be back"
OUTCOME_VERBS = frozenset({
    "ship", "ships", "arrive", "reach", "go", "leave", "land", "come", "turn", "appear", "get", "return", "restock",
    "dispatch", "deliver", "clear", "post", "process", "update", "refresh", "follow", "move", "travel", "head",
    "start", "begin", "resume", "reopen", "credit", "drop", "hit", "settle", "roll"})
OUTCOME_BE = re.compile(r"^(?:back|ready|available|with\s+you|on\s+(?:its|their|the)\s+way|in\s+stock|in\s+touch|"
                        r"in\s+your|delivered|fixed|resolved|sorted|done|complete|completed|live|up\s+and|online|"
                        r"there|here|out|"
                        # "They'll be up shortly": published (not "up to you", "up for it", "up against")
                        r"up(?=\s+(?:shortly|soon|later|today|tomorrow|tonight|by|on|in|within|online|live|"
                        r"before|after|this|next)\b|\s*[.!,;]|\s*$))")
# states and terms, not actions to wait on; "have" is a state ("we'll have stock") except in "have it repaired /
# back to you" (have_result)
STATE_VERBS = frozenset({
    "be", "need", "want", "like", "love", "miss", "remember", "understand", "appreciate", "know", "have", "depend",
    "cost", "last", "expire", "remain", "stay", "mean", "seem", "sound", "feel", "admit", "say", "note", "confess",
    "repeat", "include", "cover", "honour", "honor", "accept", "charge", "waive", "absorb", "match", "apply", "find",
    "notice", "enjoy", "agree", "require", "continue", "count", "happen", "bear", "benefit", "hear", "expect",
    # the sender waiting on the reader is a request, not a promise: "we'll wait for your reply"
    "wait", "await"})
_RESULT_NOUN = re.compile(r"\b(?:answer|update|news|decision|reply|response|quote|fix|solution|replacement|refund|"
                          r"results?|information|info|details|confirmation|estimate|proposal|invoice)\b")
_OBJECT_AND_RESULT = re.compile(
    r"^(?:(?:it|them|this|that|these|those)\s+(?:all|both)|it|them|this|that|these|those|you|"
    r"(?:most|all|some|half|each|both|the\s+rest)\s+of\s+(?:them|it|these|"
    r"those|(?:the|your|our)\s+[\w-]+)|the\s+rest|(?:your|the|a|an|our|some|any|all|another)(?:\s+(?!back\b|"
    r"in\b|with\b|to\b|over\b|ready\b|free\b|available\b|out\b|round\b)[\w-]+){1,3})\s+(?:(?:re\s-\s)?\w+ed|back|in|"
    r"ready|with|sent|done|fixed|over|to\s+you|repaired|sorted|free|available|online|up\s+and\s+running|"
    r"out\s+to\s+you|(?:to|for)\s+(?:you|your\s+[\w-]+)|"
    # someone sent to the reader: "We should have the gate vendor out this week", "have an engineer round"
    r"(?:out|round|around)(?!\s+of\b))\b|"
    # the reader's things where they will collect them: "I'll have your copies at the front desk by 4 pm"
    r"^your\s+[\w-]+(?:\s+[\w-]+)?\s+(?:at|on|in)\s+(?:the|our)\s+(?:front\s+)?(?:desk|reception|counter|door|office|"
    r"shop|depot|branch|store|workshop|gate)\b")


@dataclass
class VerbReading:
    kind: str          # the anchor's kind, with "ought" and "hedge-can" read as "modal"
    j: int             # the verb's token
    verb: str          # as read: "send", "sending", a participle when passive, "be back"
    passive: bool
    rest_start: int    # where the verb phrase proper starts ("able to [send]", "be [sent]")


def read_verb(toks, i: int, kind: str) -> VerbReading | None:
    """The verb that the anchor toks[i] (of `kind`) governs; None when the clause is negated (also by its object:
    "you will receive no further emails"), past ("should have shipped"), a role or a state of being."""
    j, negated = _past_adverbs(toks, _verb_start(toks, i, kind))
    if negated or (kind == "will" and low(toks[i]) == "wo"):
        return None
    kind = _READ_AS.get(kind, kind)
    if j >= len(toks) or not toks[j].is_alpha or (kind == "modal" and _modal_perfect(toks, j)):
        return None
    verb = low(toks[j])
    if verb in ("need", "have") and j + 2 < len(toks) and low(toks[j + 1]) == "to" and kind in ("modal", "will"):
        j += 2                                      # "we'll need to send", "we'll have to order"
        verb = low(toks[j])
    phrase = _verb_phrase(toks, j, verb)
    if phrase is None:
        return None
    verb, passive, rest_start = phrase
    if kind not in ("will", "going") and verb == "be":
        return None
    if j + 1 < len(toks) and low(toks[j + 1]) in ("no", "nothing", "none"):
        return None             # "You will receive no further messages", "we'll charge nothing": a stop, not a wait
    return VerbReading(kind, j, verb, passive, rest_start)


def _past_adverbs(toks, j: int) -> tuple[int, bool]:
    """The first token from j on that is neither an adverb to skip nor a negation, and whether a negation came
    before it ("we will not", "we'll never")."""
    negated = False
    while j < len(toks) and (low(toks[j]) in SKIP_ADV or low(toks[j]) in NEG):
        negated = negated or low(toks[j]) in NEG
        j += 1
    return j, negated


def _modal_perfect(toks, j: int) -> bool:
    """"should have been", "may have", "might have shipped": the past, not a promise."""
    return low(toks[j]) == "have" and j + 1 < len(toks) and (_participle_ed(low(toks[j + 1]))
                                                             or low(toks[j + 1]) == "been")


def _participle_ed(word: str) -> bool:
    return word.endswith("ed") or word in IRREGULAR_PP


def _verb_start(toks, i: int, kind: str) -> int:
    """The token after the anchor phrase: "will [send]", "going to [send]", "do our best to [send]"."""
    if kind in ("going", "intent", "ought"):
        return i + 2
    if kind == "present":
        return i
    if kind == "expect-obj":
        return next(k for k in range(i + 2, min(len(toks), i + 5)) if low(toks[k]) == "to") + 1
    if kind == "best":
        j = i + 3
        while j < len(toks) and low(toks[j]) in ("best", "utmost", "very"):
            j += 1
        return j + 1 if j < len(toks) and low(toks[j]) == "to" else j
    return i + 1


def _verb_phrase(toks, j: int, verb: str) -> tuple[str, bool, int] | None:
    """(verb, passive, rest_start) from the verb at toks[j]; None for a role or a state of being."""
    if verb == "be":
        return _be_phrase(toks, j)
    if verb in ("get", "got") and j + 1 < len(toks) and _participle_ed(low(toks[j + 1])):
        return low(toks[j + 1]), True, j        # "it'll get sorted"
    return verb, False, j


def _be_phrase(toks, j: int) -> tuple[str, bool, int] | None:
    """"be able to send" (or "in a position to"), "be sending" (progressive future), "be sent" (passive), "be back"
    (an outcome); None for "I'll be your account manager", "we'll be happy to", "it'll be worth it"."""
    n = len(toks)
    k = j + 1
    while k < n and low(toks[k]) in SKIP_ADV:
        k += 1
    nxt = low(toks[k]) if k < n else ""
    if nxt == "able" and k + 2 < n and low(toks[k + 1]) == "to":
        return low(toks[k + 2]), False, k + 2
    # "we may be in a position to backdate it": "able to" in other words
    if nxt == "in" and k + 4 < n and " ".join(low(t) for t in toks[k + 1:k + 4]) == "a position to":
        return low(toks[k + 4]), False, k + 4
    if nxt in ("re", "pre", "co") and k + 2 < n and toks[k + 1].text == "-" and not toks[k].whitespace_:
        k += 2                          # "be re-tested", split by the tokenizer: the participle decides
        nxt = low(toks[k])
    if nxt.endswith("ing") and nxt not in ("nothing", "something", "everything", "anything"):
        return nxt, False, k
    if nxt in IRREGULAR_PP or (nxt.endswith("ed") and len(nxt) > 3) or nxt in _EN_PARTICIPLES:
        return nxt, True, k
    if OUTCOME_BE.match(" ".join(low(t) for t in toks[k:k + 4])):
        return "be " + nxt, False, k
    return None


def have_result(toks, j: int) -> bool:
    """'have it repaired and back to you', 'have them in our warehouse by ...': have + object + result; also
    'have an answer for you', 'have the report to you', 'have it to your mum', 'take care of it', 'have a look'."""
    window = " ".join(low(t) for t in toks[j + 1:j + 8])     # "have the CCTV survey report to you"
    if low(toks[j]) == "have" and _RESULT_NOUN.search(window):
        return True
    return bool(_OBJECT_AND_RESULT.search(window)) or low(toks[j]) == "take" and "care" in window or \
        "look" in window or bool(_A_LOOK.match(window))


# a look said the colloquial way: "I'll have a dig through the box", "have a quick rummage", "have a nose around"
_A_LOOK = re.compile(r"(?:a|another)\s+(?:quick\s+|proper\s+|good\s+)?(?:dig|rummage|nose|poke|root|scout)\b")
