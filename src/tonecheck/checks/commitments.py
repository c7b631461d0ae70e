"""Commitments: find the sender's promises and say why one is unclear.

A *commitment* (LABELS.md) is a clause in which the sender - "I", "we", a team or person on the sender's side, or
an agentless passive standing for them - promises a future action or outcome the reader will wait on. The
detector works sentence by sentence over the judged text (never the subject line, the quoted thread or the
signature), in this order:

1. **Skip whole sentences** that cannot hold a promise: questions ("Will you be home on Friday?"), and mock
   concessions ("Sure, we'll just drop everything ...", which is sarcasm's business).
2. **Find anchors**: the words that make a clause future or intentional - `will`/`'ll`/`shall`, `be going to`,
   `plan/aim/intend/hope/expect/try/promise to`, `do(ing) our best to`, and `may`/`might`/`should` after a
   first-person or team subject (hedged promises: "We may be able to re-glue the sole"). `can`/`could`/`would`
   are offers or conditionals, not promises, and are never anchors. `ought to` is a hedged modal like `should`.
   A clause with no modal at all is an anchor when it is hedged by an adverb ("Hopefully we can swap it",
   "Hopefully the lamp reaches you on Friday", "The legs are probably arriving ...") or, for a progressive of a
   delivery-type verb, when it carries a vague time ("we're sending it soon"); "can" stays an offer unless hedged.
   A negated anchor ("it won't change") is skipped.
3. **Find the subject** left of the anchor (adverbs such as "also", "probably" are skipped). With a trained
   parser (`tonecheck.nlp.has_parser`) the subject and passive voice come from the dependency parse; on the
   blank pipeline a small noun-phrase scan does it: a pronoun, or the words back to a clause boundary ("Our
   merchandising team", "Someone from our finance team", "Tom's team", "Your refund"). The subject decides the
   *owner*: first person, a team/role/name on the sender's side, `someone` (no owner), the reader (only "you
   will receive/get/hear ..." and "you will be contacted" count; "you'll need to" is an instruction), or a
   thing ("your refund", "it", "they"); "our/my" + an agent noun ("our upholsterer") is on the sender's side.
   Things count only with a passive ("will be processed") or an outcome
   verb ("will ship", "will be back on the road"); "Pricing may change" is not a promise.
4. **Read the verb**: passive ("be sent", "be processed") marks an agentless promise; a role ("I'll be your
   account manager"), a state or a term of sale ("we'll include a floor display") is not something to wait on
   and is dropped.
5. **Cut the clause**: from the subject (or a hedge adverb right before it: "Hopefully the pallet ...") to the
   next clause boundary (`;`, `:`, a dash, ", and we ...", ", so ...", sentence end). That span is the finding's
   excerpt. The time scope is the clause plus what leads into it in the same sentence: a conditional or time
   clause ("If it hasn't arrived by Friday, I'll send a replacement" is clear) or a request it answers ("reply by
   Wednesday and I'll correct it"); a clause ending in ":" also takes in the list that follows. An `if you
   <choose/upgrade/prefer/'d like> ...` lead-in with no request in it makes the clause an offer on the reader's
   own choice ("If you upgrade, our crew will build it for you"): dropped. An indefinite time ("at some point",
   "sometime", "eventually", "once things quieten down") cancels any month, week or period beside it; only a
   named day or clock time can pin such a clause. A definite subject ("The engineer will ...") inherits the time
   of the sentence before only when that time is still ahead and the sentence is not in the past tense.
6. **Anchor to a scheduled event**: when the message dates a delivery, visit, booking, appointment or collection
   (`scheduled_events`), an event-relative time ("on the morning of delivery", "on the day", "when the van
   arrives", "at the start of the visit") counts as concrete (so it does when a third party such as the courier is
   the actor), and a clause with no time that only describes the work done on site ("our crew will unpack
   everything and take the packaging away", "it WILL be there") is part of the booking, not an open promise.
7. **Classify**, one finding per clause, first match wins:
   past-deadline (a concrete time that resolves, against the Date header, to before the email was sent),
   moved-deadline (the quoted thread shows an earlier promise by the sender side for the same thing with another
   date or duration, and the new text does not acknowledge the change), hedged ("try to", "hopefully", "should
   be able to", "might", "do our best", "we'll see", ...), vague-time ("soon", "ASAP", "when we can", "as soon
   as the return is scanned", ...), no-owner (agentless passive or "someone will"), no-time (nothing says when).
   A clause with an owner and a concrete time (a date, weekday, "today", a clock time, "within 2 business
   days", "next week", "the same day", "then") is clear and yields nothing; so does a clause whose sentence asks
   the reader for the time ("tell me a good time and I'll call you then").

The analysis runs once per document (`ctx.memo("commitments", ...)`); each `commitment.*` rule filters it by
`options.issue`. next_steps.py reuses it to tell whether the message holds a clear commitment, and reuses
`scheduled_events` for its scheduled-event next step.
"""
from __future__ import annotations
from . import sentences

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, datetime, time

from . import Hit, register
from . import timexpr
from ..literal import fold, required_literals

# ------------------------------------------------------------------------------------------------------------
# word lists (lower-case surface forms; apostrophes normalised to ')

FIRST = {"i", "we"}
THIRD_PERSON = {"he", "she"}
THING_PRON = {"it", "this", "that", "these", "those", "everything", "all", "both"}
THEY = {"they"}
SOMEONE = {"someone", "somebody", "anyone", "anybody", "one"}
BE = {"be", "am", "'m", "is", "'s", "are", "'re"}
SKIP_ADV = {"also", "then", "now", "probably", "definitely", "certainly", "hopefully", "just", "still", "usually",
            "gladly", "personally", "really", "both", "all", "likely", "surely", "actually", "therefore", "always",
            "each", "happily", "quickly", "immediately", "first", "absolutely", "normally", "possibly", "perhaps",
            "maybe", "then", "again", "either", "only", "ideally", "obviously", "personally", "typically", "already",
            "hopefully,", "most", "very", "defo", "honestly"}
NEG = {"not", "n't", "never", "no"}
INTENT = {"plan", "plans", "planning", "aim", "aims", "aiming", "intend", "intends", "intending", "hope", "hopes",
          "hoping", "expect", "expects", "expecting", "try", "tries", "trying", "promise", "promises", "promising",
          "mean", "means", "hoped", "planned"}
HEDGE_MODALS = {"may", "might", "should"}
TEAM_NOUNS = {"team", "teams", "department", "staff", "colleague", "colleagues", "manager", "rep", "representative",
              "agent", "agents", "technician", "technicians", "engineer", "engineers", "specialist", "specialists",
              "warehouse", "workshop", "office", "desk", "lead", "supervisor", "advisor", "adviser", "courier",
              "driver", "partner", "person", "coordinator", "crew", "store", "branch", "company", "support",
              "service", "accounts", "finance", "billing", "dispatch", "logistics", "carrier", "factory", "lab",
              "unit", "group", "member", "members", "contact", "owner", "director", "head", "expert", "experts"}
READER_SIDE = {"accountant", "buyer", "buyers", "bank", "customers", "customer", "family", "store", "staff",
               "employer", "landlord", "neighbour", "neighbor", "insurer"}
OUTCOME_VERBS = {"ship", "ships", "arrive", "reach", "go", "leave", "land", "come", "turn", "appear", "show",
                 "get", "return", "restock", "dispatch", "deliver", "clear", "post", "process", "update", "refresh",
                 "follow", "move", "travel", "head", "start", "begin", "resume", "reopen", "credit", "go", "drop",
                 "hit", "settle", "roll"}
OUTCOME_VERBS.discard("show")
OUTCOME_BE = re.compile(r"^(?:back|ready|available|with\s+you|on\s+(?:its|their|the)\s+way|in\s+stock|in\s+touch|"
                        r"in\s+your|delivered|fixed|resolved|sorted|done|complete|completed|live|up\s+and|online|"
                        r"there|here|out)\b")
STATE_VERBS = {"be", "need", "want", "like", "love", "miss", "remember", "understand", "appreciate", "know",
               "have", "depend", "cost", "last", "expire", "remain", "stay", "mean", "seem",
               "sound", "feel", "admit", "say", "note", "confess", "repeat", "include", "cover", "honour", "honor",
               "accept", "charge", "waive", "absorb", "match", "apply", "find", "notice", "enjoy", "agree",
               "require", "continue", "work", "count", "happen", "bear", "benefit", "hear"}
# "have" is a state ("we'll have stock") except in "have it repaired/back to you", handled via the object below
DISCOURSE = {"say", "admit", "note", "confess", "repeat", "be honest", "be frank"}
IRREGULAR_PP = {"sent", "done", "made", "given", "taken", "built", "paid", "put", "set", "sold", "told", "brought",
                "bought", "caught", "held", "kept", "left", "lost", "met", "read", "run", "said", "seen", "shown",
                "spent", "won", "written", "dealt", "sorted", "fixed", "resolved", "returned", "refunded", "issued",
                "processed", "shipped", "handled", "reviewed", "dispatched", "delivered", "replaced", "repaired",
                "contacted", "notified", "informed", "credited", "emailed", "posted", "looked", "passed", "forwarded",
                "escalated", "investigated", "checked", "updated", "arranged", "corrected", "re-sent", "resent",
                "cancelled", "canceled", "collected", "picked", "applied", "added", "removed", "reimbursed",
                "honoured", "honored", "completed", "finished", "approved", "confirmed", "scheduled", "booked",
                "restocked", "back-ordered", "chased", "followed", "actioned", "raised", "logged", "mailed",
                "couriered", "printed", "reissued", "re-issued", "transferred", "offered", "provided", "granted",
                "authorised", "authorized", "verified", "assessed", "inspected", "tested", "prepared", "packed",
                "packaged", "allocated", "reserved", "released", "activated", "reset", "answered", "addressed",
                "rectified", "amended", "adjusted", "waived", "organised", "organized", "expedited", "prioritised",
                "prioritized", "rescheduled", "redelivered", "traced", "located", "found", "recovered", "finalised",
                "finalized", "invoiced", "billed", "settled", "closed", "reopened", "installed", "upgraded",
                "fitted", "cleaned", "restored", "handed", "contacted", "called", "phoned", "reviewed", "considered",
                "looked", "taken", "given", "refunded", "exchanged", "swapped", "credited", "deposited", "paid"}
_FINITE = {"will", "'ll", "shall", "can", "may", "might", "should", "would", "'d", "must", "is", "are", "was",
           "were", "has", "have", "'ve", "had", "'s", "'re", "'m", "am", "did", "does", "wo", "ca"}
SUBORD = ("if", "once", "when", "whenever", "as soon as", "after", "before", "until", "unless", "in case",
          "should", "as long as", "provided")
TIME_SUBORD = ("once", "when", "whenever", "as soon as", "until", "after")
CLAUSE_CONJ = {"and", "but", "or", "so", "while", "because", "as", "though", "although", "whereas", "yet", "then"}
NEW_SUBJ = FIRST | THIRD_PERSON | THEY | {"you", "it", "this", "someone", "somebody", "please", "there", "our",
                                          "your", "the", "tom", "she", "he"}

HEDGES = re.compile(
    r"\b(?:try(?:ing)?\s+to|tries\s+to|hopefully|ought\s+to|hope\s+to|hoping\s+to|hope\s+(?:we|i)\b|should\s+be\s+able\s+to|"
    r"may\s+be\s+able\s+to|might|may|should|probably|possibly|perhaps|maybe|"
    r"do(?:ing)?\s+(?:our|my)\s+(?:very\s+)?best|aim(?:ing)?\s+to|if\s+all\s+goes\s+(?:well|to\s+plan)|"
    r"all\s+being\s+well|(?:we|i)\s*(?:'ll|’ll|\s+will)\s+see|with\s+(?:any|a\s+bit\s+of)\s+luck|fingers\s+crossed|"
    r"if\s+(?:at\s+all\s+)?possible|where\s+possible|if\s+we\s+can|ideally|likely|all\s+things\s+being\s+equal|"
    r"touch\s+wood|god\s+willing|attempt\s+to|endeavou?r\s+to|see\s+what\s+(?:we|i)\s+can\s+do)\b", re.I)
# adverbs that hedge a clause without any modal: "Hopefully we can ...", "The legs are probably arriving ..."
HEDGE_ADV = re.compile(r"\b(?:hopefully|probably|with\s+(?:any|a\s+bit\s+of)\s+luck|fingers\s+crossed|all\s+being\s+well|"
                       r"if\s+all\s+goes\s+(?:well|to\s+plan)|touch\s+wood|all\s+things\s+being\s+equal)\b", re.I)
# work done on site during a booked delivery or visit: describing it is not an open promise once the visit is dated
FIELD_VERBS = {"assemble", "build", "install", "fit", "unpack", "unwrap", "take", "remove", "carry", "bring", "place",
               "position", "connect", "disconnect", "test", "set", "lay", "hang", "mount", "dispose", "recycle", "tidy",
               "clean", "unload", "measure", "check", "inspect", "show", "demonstrate", "put", "clear", "move", "level",
               "wall-mount", "plumb", "deliver", "drop", "arrive", "come", "reach", "call", "ring", "phone", "text",
               "go", "walk", "explain", "bring", "leave", "be there", "be with", "be on"}
CREW_NOUNS = {"crew", "driver", "drivers", "courier", "couriers", "fitter", "fitters", "installer", "installers",
              "engineer", "engineers", "technician", "technicians", "van", "porter", "porters", "movers", "carrier",
              "team"}
THIRD_PARTY = {"courier", "couriers", "carrier", "driver", "drivers", "van", "postman", "postie", "post"}
# an offer that waits on the reader's own choice: "If you upgrade to the Deluxe, our crew will build it for you"
READER_CHOICE = re.compile(r"^\W*if\s+you\s*(?:'d|would|do)?\s+(?:(?:like|want|wish|prefer|choose|decide|opt|"
                           r"upgrade|go\s+for|select|pick|add|switch|take\s+up|order|book|buy|purchase|rather|"
                           r"fancy|need)\w*)\b", re.I)
_ASKS_IN_LEAD = re.compile(r"\b(?:let\s+(?:me|us)\s+know|tell\s+(?:me|us)|reply|email|e-mail|call|ring|message|text|"
                           r"contact|send|please)\b", re.I)
READER_SETS_TIME = re.compile(
    r"\b(?:tell|send|give|let|email|text)\s+(?:me|us)\b[^.?!]{0,40}?\b(?:times?|slots?|dates?|days?|when)\b|"
    r"\b(?:a|any|the)\s+(?:good|convenient|suitable|better|best)\s+(?:time|day|date)\b|"
    r"\btimes?\s+that\s+(?:suit|work)", re.I)
SARCASTIC_OPENER = re.compile(r"^\W*(?:oh\s+)?(?:sure|yeah\s+right|right|of\s+course|oh\s+yes|great|no\s+problem)\b"
                              r"[,!.]?\s+(?:\S+\s+){0,3}(?:just|simply)\b", re.I)


_low_memo: dict[int, str] = {}     # LOWER hash -> _low() of that word


def _low(tok) -> str:
    """The token's lower-case form with curly apostrophes straightened; memoised by its LOWER hash, since reading
    Token.lower_ decodes the string from the StringStore each time."""
    h = tok.lower
    low = _low_memo.get(h)
    if low is None:
        if len(_low_memo) > 200_000:    # a long-running process: keep the memo bounded
            _low_memo.clear()
        low = _low_memo[h] = tok.lower_.replace("\u2019", "'").replace("\u2018", "'")
    return low


@dataclass
class Commitment:
    start: int                 # excerpt offsets in the judged text
    end: int
    sent_start: int
    sent_end: int
    subject: str
    owner: str                 # first | team | named | someone | thing | they | reader
    passive: bool
    anchor: str
    verb: str
    hedge: str | None = None
    times: list = field(default_factory=list)       # TimeExpr in scope
    concrete: list = field(default_factory=list)
    vague: list = field(default_factory=list)
    anchored_by_reader: bool = False
    indefinite: bool = False   # "at some point", "sometime", "eventually": no month or week can pin it down
    issue: str | None = None
    message: str = ""
    suggestion: str = ""
    resolved: date | None = None
    clock: time | None = None
    text: str = ""

    @property
    def has_owner(self) -> bool:
        return not (self.owner == "someone" or (self.passive and self.owner in ("thing", "they", "reader")))

    @property
    def clear(self) -> bool:
        return self.issue is None


# ------------------------------------------------------------------------------------------------------------
# finding commitments in a spaCy Doc

def find_commitments(doc, text: str, skip: list[tuple[int, int]] = (), use_parser: bool = False,
                     ref: datetime | None = None) -> list[Commitment]:
    """Every commitment clause in `doc` (sentences overlapping a `skip` range are ignored); not yet classified.
    `ref` (the Date header) keeps a definite subject from inheriting a time that is already past."""
    out: list[Commitment] = []
    prev_sent = None
    cand = _anchor_tokens(doc)
    if not cand:
        return out
    for sent in sentences(doc):
        before, prev_sent = prev_sent, sent
        k = bisect_left(cand, sent.start)
        if k == len(cand) or cand[k] >= sent.end:
            continue            # no word in the sentence can be an anchor (_anchor_kind would return None at each)
        if any(sent.start_char < e and sent.end_char > s for s, e in skip):
            continue
        stext = text[sent.start_char:sent.end_char].strip()    # == sent.text: `text` is the doc's text
        if not stext or not any(c.isalpha() for c in stext):
            continue
        if stext.rstrip("\"')”’ ").endswith("?"):
            continue
        if SARCASTIC_OPENER.match(stext):
            continue
        toks = [t for t in sent if not t.is_space]  # hard-wrapped lines: "will be\nprocessed"
        for j in cand[k:bisect_left(cand, sent.end, k)]:
            # the candidate's place in toks: its place in the sentence, less the space tokens before it (a
            # candidate is a word, never a space token, so it is in toks)
            i = min(j - sent.start, len(toks) - 1)
            while toks[i].i > j:
                i -= 1
            c = _commitment_at(toks, i, sent, text, use_parser)
            if c is not None and not any(c.start < o.end and c.end > o.start for o in out):
                if not c.concrete and not c.indefinite and before is not None and _anaphoric_subject(c) and \
                        "\n\n" not in text[before.end_char - 1:sent.start_char + 1]:
                    # "I've booked your engineer for Thursday 17 December. The engineer will fit the ONT ...":
                    # a definite subject picks up the time the sentence before has just set - a time still ahead,
                    # never a past one ("We collected it on 4 January. The payment will be put back ...")
                    if _future_time_in(text[before.start_char:before.end_char], ref):     # before.text
                        c.anchored_by_reader = True
                out.append(c)
    return out


_ANCHOR_WORDS = {"will", "'ll", "shall", "wo", "going", "do", "doing", "ought", "can"} | INTENT | HEDGE_MODALS | BE
_anchor_hash_array = None               # _anchor_hashes(), made on first use


def _could_anchor(low: str) -> bool:
    """A cheap superset test of _anchor_kind on the token's _low() form."""
    return low in _ANCHOR_WORDS or _lemma(low) in ARRIVAL_VERBS


def _anchor_hashes():
    """The LOWER hashes (a sorted numpy array) of every lower-case word whose _low() form _could_anchor accepts:
    the anchor words and the words the lemma table leads to an arrival verb, in each apostrophe spelling that
    _low() straightens. A finite set, so the whole Doc can be looked up at once."""
    global _anchor_hash_array
    if _anchor_hash_array is None:
        import itertools

        import numpy as np
        from spacy.strings import hash_string

        from ..nlp import lemma_table
        table = lemma_table()
        words = _ANCHOR_WORDS | {w for w, lemma in table.items() if lemma in ARRIVAL_VERBS} | \
            {w for w in ARRIVAL_VERBS if w not in table}
        spellings = set()
        for w in words:
            parts = w.split("'")
            for quotes in itertools.product("'\u2019\u2018", repeat=len(parts) - 1):
                spellings.add(parts[0] + "".join(q + p for q, p in zip(quotes, parts[1:])))
        # keep exactly the spellings _could_anchor accepts, as _anchor_kind's callers would see them
        accepted = [w for w in spellings if _could_anchor(w.replace("\u2019", "'").replace("\u2018", "'"))]
        _anchor_hash_array = np.array(sorted(hash_string(w) for w in accepted), dtype=np.uint64)
    return _anchor_hash_array


def _anchor_tokens(doc) -> list[int]:
    """Sorted indices of the tokens of `doc` that could be anchors (_could_anchor accepts their _low() form)."""
    known = _anchor_hashes()
    lower = doc.to_array("LOWER")
    pos = known.searchsorted(lower)
    pos[pos == len(known)] = 0
    return (known[pos] == lower).nonzero()[0].tolist()


def _anchor_kind(toks, i) -> str | None:
    low = _low(toks[i])
    nxt = _low(toks[i + 1]) if i + 1 < len(toks) else ""
    prev = _low(toks[i - 1]) if i > 0 else ""
    if low in ("will", "'ll", "shall") or (low == "wo" and nxt == "n't"):
        if prev in ("you",) and i >= 2 and False:
            return None
        return "will"
    if low == "going" and prev in BE and nxt == "to":
        after = _low(toks[i + 2]) if i + 2 < len(toks) else ""
        if after in ("the", "a", "an", "be", "your", "our", "my") and after != "be":
            return None
        return "going"
    if low in INTENT and nxt == "to":
        return "intent"
    if low in ("expect", "expects", "expecting") and prev in ("we", "i", "'re", "are", "am", "'m") and any(
            _low(t) == "to" for t in toks[i + 2:i + 5]) and _low(toks[i + 1]) in ("things", "it", "this", "them",
                                                                            "everything", "the", "your", "delivery",
                                                                            "deliveries", "stock", "service"):
        return "expect-obj"
    if low in ("do", "doing") and nxt in ("our", "my") and i + 2 < len(toks) and _low(toks[i + 2]) in ("best", "utmost", "very"):
        return "best"
    if low in HEDGE_MODALS:
        return "modal"
    if low == "ought" and nxt == "to":
        return "ought"
    # no modal at all, but the clause is hedged ("Hopefully we can ...", "The legs are probably arriving ...",
    # "Hopefully the lamp reaches you ...") or, for a progressive, given a vague time ("we're sending it soon")
    if low == "can" and _hedged_clause(toks, i):
        return "hedge-can"
    if low in BE and prev not in ("there", "here", "that", "what", "this"):
        k = i + 1
        while k < len(toks) and _low(toks[k]) in SKIP_ADV:
            k += 1
        if k < len(toks) and _low(toks[k]).endswith("ing") and _lemma(_low(toks[k])) in PROG_VERBS and \
                (_hedged_clause(toks, i) or _vague_in_clause(toks, i)):
            return "prog"
    if toks[i].is_alpha and _lemma(low) in ARRIVAL_VERBS and (
            (low.endswith("s") and _lemma(low) != low) or prev in FIRST | THEY) and _hedged_clause(toks, i):
        return "present"
    return None


ARRIVAL_VERBS = {"arrive", "ship", "come", "reach", "land", "go", "leave", "dispatch", "deliver", "return", "restock",
                 "head", "travel", "get", "turn"}
PROG_VERBS = ARRIVAL_VERBS | {"send", "post", "refund", "credit", "fix", "repair", "replace", "sort", "book", "arrange",
                              "order", "call", "email", "contact", "chase", "collect", "pick", "deliver", "bring",
                              "restock", "fit", "install", "update", "issue", "process", "release"}


def _lemma(word: str) -> str:
    from ..nlp import lemma_table
    return lemma_table().get(word, word)


def _clause_window(toks, i) -> str:
    """The words of the clause around token i: back to the sentence start or the last ';', ':', ', but/and/so'."""
    k = i - 1
    while k >= 0 and toks[k].text not in (";", ":", "—", "–") and not (
            toks[k].text == "," and k + 1 < i and _low(toks[k + 1]) in ("but", "and", "so", "while", "because")):
        k -= 1
    e = min(len(toks), i + 3)
    return " ".join(t.text for t in toks[k + 1:e])


def _hedged_clause(toks, i) -> bool:
    return bool(HEDGE_ADV.search(_clause_window(toks, i)))


def _vague_in_clause(toks, i) -> bool:
    rest = " ".join(t.text for t in toks[i:_clause_end(toks, i)])
    return any(t.kind == "vague" for t in timexpr.find_times(rest))


def _commitment_at(toks, i, sent, text, use_parser) -> Commitment | None:
    kind = _anchor_kind(toks, i)
    if kind is None:
        return None
    n = len(toks)
    # inverted question / request: "Will you ...", "Shall I ..."
    if kind in ("will", "modal") and i + 1 < n and _low(toks[i + 1]) in ("you", "i", "we") and \
            (i == 0 or _low(toks[i - 1]) in (",", ";", "and", "so", "but", "or", "please")):
        return None
    # ---- the verb after the anchor
    j = i + 1
    if kind == "going":
        j = i + 2
    elif kind in ("intent", "ought"):
        j = i + 2
    elif kind == "present":
        j = i
    elif kind == "expect-obj":
        j = next(k for k in range(i + 2, min(n, i + 5)) if _low(toks[k]) == "to") + 1
    elif kind == "best":
        j = i + 3
        while j < n and _low(toks[j]) in ("best", "utmost", "very"):
            j += 1
        if j < n and _low(toks[j]) == "to":
            j += 1
    negated = False
    while j < n and (_low(toks[j]) in SKIP_ADV or _low(toks[j]) in NEG):
        if _low(toks[j]) in NEG:
            negated = True
        j += 1
    if negated or (kind == "will" and _low(toks[i]) == "wo"):
        return None
    if kind in ("ought", "hedge-can"):
        kind = "modal"
    if j >= n:
        return None
    verb_tok = toks[j]
    verb = _low(verb_tok)
    if not verb_tok.is_alpha:
        return None
    passive = False
    role = False
    # "should have been", "may have", "might have shipped" (past), "should be able to"
    if kind == "modal" and verb == "have" and j + 1 < n and (_low(toks[j + 1]).endswith("ed") or _low(toks[j + 1]) in IRREGULAR_PP or _low(toks[j + 1]) == "been"):
        return None
    if verb in ("need", "have") and j + 2 < n and _low(toks[j + 1]) == "to" and kind in ("modal", "will"):
        j += 2
        verb_tok = toks[j]
        verb = _low(verb_tok)
    rest_start = j
    if verb == "be":
        k = j + 1
        while k < n and _low(toks[k]) in SKIP_ADV:
            k += 1
        nxt = _low(toks[k]) if k < n else ""
        tail = " ".join(_low(t) for t in toks[k:k + 4])
        if nxt == "able" and k + 2 < n and _low(toks[k + 1]) == "to":
            verb = _low(toks[k + 2])
            rest_start = k + 2
        elif nxt.endswith("ing") and nxt not in ("nothing", "something", "everything", "anything"):
            verb = nxt  # progressive future: "we'll be sending"
            rest_start = k
        elif nxt in IRREGULAR_PP or (nxt.endswith("ed") and len(nxt) > 3) or (nxt.endswith("en") and nxt in (
                "taken", "given", "written", "seen", "shown", "chosen", "driven", "broken", "forgotten")):
            passive = True
            verb = nxt
            rest_start = k
        elif OUTCOME_BE.match(tail):
            verb = "be " + nxt
            rest_start = k
        else:
            role = True   # "I'll be your account manager", "we'll be happy to", "it'll be worth it"
    elif verb in ("get", "got") and j + 1 < n and (_low(toks[j + 1]).endswith("ed") or _low(toks[j + 1]) in IRREGULAR_PP):
        passive = True    # "it'll get sorted"
        verb = _low(toks[j + 1])
    if role:
        return None
    if kind != "will" and kind != "going" and verb in ("be",):
        return None
    # ---- the subject
    subj = _subject(toks, i, kind, use_parser)
    if subj is None:
        return None
    s_start, s_end, owner = subj
    base = verb
    if owner == "reader":
        if not (passive or base in ("receive", "get", "hear")):
            return None
    if kind in ("prog", "present"):
        base = _lemma(base)
        if owner in ("thing", "they") and base not in ARRIVAL_VERBS and not passive:
            return None
        if owner in ("thing", "they") and base in ("get", "turn", "go") and not re.match(
                r"\s*(?:to\s+(?:you|us)|there|here|back|out|up|delivered|sent|dispatched)\b",
                text[toks[j].idx + len(toks[j].text):toks[j].idx + 40], re.I):
            return None   # "things are probably getting busier" is a forecast, not a promise
        if owner == "reader" and base not in ("receive", "get", "hear"):
            return None
    if kind == "modal" and not (passive and owner in ("thing", "they")):
        if owner not in ("first", "team") or _low(toks[s_start]) in ("which", "that", "who"):
            return None
        if _low(toks[i]) in ("should", "ought"):
            # "we should be able to", "we should have it back to you", "I should know more": hedged promises;
            # "we should discuss", "you should" are advice, not promises
            nxt3 = " ".join(_low(t) for t in toks[i + 1:i + 4])
            if _low(toks[i]) == "ought":
                nxt3 = " ".join(_low(t) for t in toks[i + 2:i + 5])
            if not (nxt3.startswith("be able") or passive or base.startswith("be ") or base in ("know", "hear", "get",
                                                                                              "receive")
                    or (base == "have" and _have_result(toks, j))):
                return None
    if owner in ("thing", "they") and not passive and not base.startswith("be ") and kind in ("will", "going", "prog",
                                                                                              "present"):
        if owner == "thing" and base not in OUTCOME_VERBS:
            return None
    if owner in ("thing",) and kind in ("intent", "best"):
        return None
    if owner in ("thing", "they") and kind == "modal" and not (passive and _low(toks[i]) in ("may", "might")
                                                               and base in IRREGULAR_PP):
        return None   # "it may be overloaded": a possibility, not a promise; "the discount might be reviewed" is
    if _low(toks[s_start]) in ("no", "nothing", "none", "neither"):
        return None
    if passive and owner in ("thing", "they", "reader") and base not in IRREGULAR_PP \
            and not any(_low(t) == "your" for t in toks[s_start:s_end]) and not _promise_shaped(toks, i):
        return None   # "the turbines will be assigned", "the event will be held": not a promise to the reader
    if owner in ("thing", "named", "they") and base in ("help", "allow", "enable", "let", "give", "make", "end"):
        return None   # "this will help you", "our app will let you": claims, not promises
    if owner in ("first", "team", "named", "they", "someone") and not passive and not base.startswith("be "):
        able = " ".join(_low(t) for t in toks[rest_start - 2:rest_start]) == "able to"
        if base in STATE_VERBS and not able \
                and not (base in ("have", "take") and (_have_result(toks, j) or kind == "intent")) \
                and not (base == "hear" and owner != "reader"):
            return None
    # ---- the clause span
    c_end = _clause_end(toks, i)
    start_tok = s_start
    # a hedge adverb right before the subject belongs to the clause: "Hopefully the pallet will ..."
    k = s_start - 1
    while k >= 0 and toks[k].is_punct and toks[k].text == ",":
        k -= 1
    if k >= 0 and _low(toks[k]) in ("hopefully", "probably", "maybe", "perhaps", "ideally", "possibly"):
        start_tok = k
    end_tok = c_end
    last = toks[end_tok - 1]
    if end_tok < len(toks) and toks[end_tok].text in (".", "!") and end_tok == len(toks) - 1:
        last = toks[end_tok]
    start = toks[start_tok].idx
    end = last.idx + len(last.text)
    c = Commitment(start=start, end=end, sent_start=sent.start_char, sent_end=sent.end_char,
                   subject=text[toks[s_start].idx: toks[s_end - 1].idx + len(toks[s_end - 1].text)],
                   owner=owner, passive=passive, anchor=toks[i].text, verb=base, text=text[start:end])
    # ---- time scope: lead-in + clause (+ a list after a colon)
    lead_from, lead_kind = _lead(toks, s_start)
    scope_start = toks[lead_from].idx if lead_from is not None else start
    if lead_kind == "if" and lead_from is not None:
        lead_words = text[scope_start:toks[start_tok].idx]
        if READER_CHOICE.match(lead_words) and not _ASKS_IN_LEAD.search(lead_words) and \
                not HEDGES.search(text[start:end]):
            return None   # an offer on the reader's choice ("If you upgrade, our crew will build it"), not a wait
    clause_text = text[toks[start_tok].idx:end]
    times = timexpr.find_times(clause_text, toks[start_tok].idx)
    lead_times = []
    if lead_from is not None and lead_from < start_tok:
        lead_text = text[scope_start:toks[start_tok].idx]
        lead_times = timexpr.find_times(lead_text, scope_start)
        if lead_kind in ("if", "request"):
            lead_times = [t for t in lead_times if t.concrete and t.kind not in ("anaphor",)] + \
                         [t for t in lead_times if t.kind == "anaphor" and lead_kind == "if"]
    after = []
    if end_tok < len(toks) and toks[end_tok].text == ":":
        tail = text[toks[end_tok].idx + 1:]
        m = re.search(r"\S[\s\S]*?(?:\n\s*\n|$)", tail)
        if m:
            seg = tail[:min(m.end(), 500)]
            after = [t for t in timexpr.find_times(seg, toks[end_tok].idx + 1) if t.concrete]
    c.times = lead_times + times + after
    c.concrete = [t for t in c.times if t.concrete]
    c.vague = [t for t in c.times if not t.concrete]
    if any(timexpr.indefinite(t) for t in c.times) and not any(t.kind in timexpr.PINNED_KINDS for t in c.concrete):
        c.indefinite = True     # "sometime next week", "probably at some point in January"
        c.concrete = []
        c.vague = [t for t in c.times if timexpr.indefinite(t)] + [t for t in c.vague if not timexpr.indefinite(t)]
    sent_text = text[sent.start_char:sent.end_char]     # == sent.text, without re-joining its tokens
    c.anchored_by_reader = bool(READER_SETS_TIME.search(sent_text)) and not c.indefinite
    m = HEDGES.search(clause_text)
    if m:
        h = m.group(0)
        if h.lower() in ("should", "may", "might") and owner not in ("first", "team", "named") and not (
                kind == "modal" and passive):
            h = None
        c.hedge = h
    if c.hedge is None:
        # a hedge phrase that leads into the clause: "With any luck, we'll ...", "All being well we can ..."
        m = HEDGE_ADV.search(text[scope_start:toks[start_tok].idx]) if scope_start < toks[start_tok].idx else None
        m = m or (HEDGE_ADV.search(_clause_window(toks, i)) if kind in ("modal", "prog", "present") and
                  _low(toks[i]) == "can" or kind in ("prog", "present") else None)
        if m:
            c.hedge = m.group(0)
    if c.hedge is None and kind == "intent" and _low(toks[i]).startswith(("hop", "tr", "aim")):
        c.hedge = toks[i].text + " to"
    return c


_PAST = re.compile(r"\b(?:was|were|did|had|arrived|came|went|reached|received|collected|picked\s+up|got|"
                   r"dropped\s+off|returned|left)\b", re.I)


def _future_time_in(sentence: str, ref: datetime | None) -> bool:
    """The sentence sets a concrete time that is still ahead (against `ref`; without one, a non-past sentence)."""
    times = [t for t in timexpr.find_times(sentence) if t.concrete and t.kind not in ("anaphor", "event")]
    if not times:
        return False
    if _PAST.search(sentence):
        return False
    if ref is None:
        return True
    day, _, _ = timexpr.deadline(times, ref)
    return day is None or day >= ref.date()


def _anaphoric_subject(c) -> bool:
    first = c.subject.split()[0].lower() if c.subject.split() else ""
    return first in ("the", "they", "he", "she", "it", "this", "that") and c.owner != "someone"


def _promise_shaped(toks, i) -> bool:
    """The rest of the sentence has a hedge or a vague time: the passive is a promise, whatever its verb."""
    rest = " ".join(t.text for t in toks[i:])
    return bool(HEDGES.search(rest)) or any(not t.concrete for t in timexpr.find_times(rest))


def _have_result(toks, j) -> bool:
    """'have it repaired and back to you', 'have them in our warehouse by ...': have + object + result."""
    window = " ".join(_low(t) for t in toks[j + 1:j + 6])
    if _low(toks[j]) == "have" and re.search(r"\b(?:answer|update|news|decision|reply|response|quote|fix|solution|"
                                               r"replacement|refund|results?|information|info|details|confirmation|"
                                               r"estimate|proposal|invoice)\b", window):
        return True
    return bool(re.search(r"^(?:it|them|this|that|these|those|(?:your|the|a|an|our|some|any|all|another)(?:\s+(?!back\b|"
                          r"in\b|with\b|to\b|over\b|ready\b|free\b|available\b)[\w-]+){1,3})\s+(?:\w+ed|back|in|"
                          r"ready|with|sent|done|fixed|over|to\s+you|repaired|sorted|free|available)\b", window)) \
        or _low(toks[j]) == "take" and "care" in window or "look" in window


def _subject(toks, i, kind, use_parser) -> tuple[int, int, str] | None:
    if use_parser:
        r = _subject_from_parse(toks, i)
        if r is not None:
            return r
    j = i - 1
    if kind in ("intent", "best", "going", "expect-obj"):
        while j >= 0 and (_low(toks[j]) in BE or _low(toks[j]) in SKIP_ADV or _low(toks[j]) in ("will", "'ll")):
            j -= 1
    while j >= 0 and _low(toks[j]) in SKIP_ADV and _low(toks[j]) not in ("all", "both", "that", "this"):
        j -= 1
    if j < 0:
        return None
    t = toks[j]
    low = _low(t)
    if low == ",":
        # "Elena Rossi, who looks after new accounts, will call you" / "Our sales rep, Alicia, will ..."
        k = j - 1
        while k >= 0 and toks[k].text not in (",", ".", ";", ":") and i - k < 25:
            k -= 1
        if k <= 0 or toks[k].text != ",":
            return None
        head = k - 1
        if head < 0 or not toks[head].is_alpha:
            return None
        s, owner = _np_left(toks, head)
        return (s, head + 1, owner) if owner else None
    if low in FIRST:
        return j, j + 1, "first"
    if low in THIRD_PERSON:
        return j, j + 1, "team"
    if low in THEY:
        return j, j + 1, "they"
    if low in ("you",):
        if j > 0 and _low(toks[j - 1]) in ("if", "unless", "when", "once", "whether"):
            return None
        return j, j + 1, "reader"
    if low in SOMEONE:
        return j, j + 1, "someone"
    if low in ("it", "this", "everything"):
        return j, j + 1, "thing"
    if low in ("that", "which", "who"):
        # relative clause: "the parcel that will arrive", "the rep who will call you": look at the noun before
        if j == 0:
            return None
        s, owner = _np_left(toks, j - 1)
        return (s, j, owner) if owner else None
    if low == "there":
        return None
    if (t.like_num or t.is_currency) and j >= 2:
        # "The payment of £329.00 will …": an amount after "of" belongs to the noun before it
        k = j
        while k > 0 and (toks[k].like_num or toks[k].is_currency or _low(toks[k]) in ("£", "$", "€")):
            k -= 1
        if _low(toks[k]) in ("of", "for") and k >= 1 and toks[k - 1].is_alpha:
            s, owner = _np_left(toks, k - 1)
            return (s, j + 1, owner) if owner else None
    if not t.is_alpha and not low.endswith("'s"):
        return None
    s, owner = _np_left(toks, j)
    return (s, j + 1, owner) if owner else None


_NP_STOP = {"and", "but", "or", "so", "if", "when", "once", "as", "because", "since", "while", "until", "that",
            "then", "please", "which", "who", "where", "though", "although", "unless", "before", "after", "hopefully",
            "probably", "meanwhile", "also", "now", "we", "i", "you", "they", "he", "she", "it", "let", "know",
            "and", "yes", "sure", "ok", "okay", "thanks", "thank", "sorry", "unfortunately", "luckily",
            "fortunately", "good", "great", "news", "is", "are", "was", "were", "has", "have", "had", "be", "been",
            "today", "tomorrow", "soon", "later", "again", "will", "'ll", "can", "could", "should", "would"}


def _np_left(toks, head) -> tuple[int, str | None]:
    """The noun phrase ending at `head`, and whose side it is on."""
    k = head
    words = []
    while k >= 0 and head - k < 7:
        t = toks[k]
        low = _low(t)
        if t.is_punct and low not in ("'s", "-", "&"):
            break
        if t.is_space:
            break
        if low in _NP_STOP and k != head:
            break
        if low in _NP_STOP and k == head and low not in ("news",):
            return head, None
        words.append(low)
        k -= 1
        if low in ("someone", "somebody", "the", "a", "an", "your", "our", "my", "their", "his", "her"):
            break
    s = k + 1
    words.reverse()
    if not words:
        return head, None
    # a prepositional post-modifier: "Someone from our finance team", "A member of the returns team"
    if s >= 2 and _low(toks[s - 1]) in ("from", "of", "in", "at", "on") and toks[s - 2].is_alpha \
            and _low(toks[s - 2]) not in _NP_STOP:
        s2, owner2 = _np_left(toks, s - 2)
        if owner2 is not None:
            inner = _np_owner(words, toks, head)
            if owner2 in ("someone", "team", "named"):
                return s2, owner2
            if inner in ("team", "named") and _low(toks[s - 2]) in ("member", "members", "one", "head", "some",
                                                                     "all", "each", "rest"):
                return s2, "team"
            return s2, owner2
    return s, _np_owner(words, toks, head)


def _np_owner(words, toks, head) -> str | None:
    first = words[0]
    hd = words[-1]
    if first in SOMEONE or first in ("a member", "one"):
        return "someone"
    if first == "your":
        if hd in ("manager", "rep", "representative", "contact", "agent", "advisor", "adviser", "technician",
                  "engineer", "specialist", "coordinator"):
            return "team"
        if hd in READER_SIDE or hd in ("team", "staff", "colleagues", "colleague"):
            return None
        return "thing"
    if first in ("our", "my") and (hd in TEAM_NOUNS or any(w in TEAM_NOUNS for w in words[1:]) or _agent_noun(hd)):
        return "team"
    if first in ("the",) and hd in TEAM_NOUNS and hd not in ("store", "company", "service", "support", "member"):
        return "team"
    if "'s" in words and hd in TEAM_NOUNS:
        return "named"
    # proper names: capitalised words that are not the sentence's first word, or acronyms (UPS, DHL)
    t = toks[head]
    if t.text[:1].isupper() and (t.i != t.sent.start or t.text.isupper() and len(t.text) > 1) and first not in (
            "the", "a", "an", "our", "my", "their", "this", "that"):
        return "named"
    if t.text[:1].isupper() and t.i == t.sent.start and len(words) == 1 and not _common_word(t):
        return "named"
    return "thing"


_NOT_AGENTS = {"order", "orders", "number", "letter", "newsletter", "paper", "folder", "counter", "cover", "corner",
               "water", "power", "offer", "voucher", "sticker", "poster", "filter", "timer", "container", "trailer",
               "door", "floor", "colour", "color", "error", "mirror", "interior", "exterior", "indicator", "monitor",
               "radiator", "motor", "sensor", "behaviour", "behavior", "favour", "flavour", "labour", "border",
               "register", "chapter", "quarter", "winter", "summer", "december", "november", "september", "october",
               "calendar", "banner", "charger", "adapter", "adaptor", "router", "printer", "computer", "dryer",
               "washer", "heater", "cooler", "freezer", "speaker", "drawer", "holder", "marker", "other", "either",
               "further", "matter", "member", "christian", "median", "list", "playlist", "checklist", "wishlist"}


def _agent_noun(word: str) -> bool:
    """A person by trade on our side: "our upholsterer", "my supervisor", "our electrician", "our florist"."""
    return len(word) > 4 and word not in _NOT_AGENTS and word.endswith(("er", "or", "ist", "ian", "ers", "ors",
                                                                        "ists", "ians"))


def _common_word(tok) -> bool:
    from ..nlp import lemma_table
    return tok.lower_ in lemma_table() or tok.lower_ in ("refund", "order", "parcel", "package", "replacement")


def _subject_from_parse(toks, i):
    """With a trained parser: the nsubj/nsubjpass of the verb the anchor belongs to."""
    tok = toks[i]
    head = tok.head if tok.dep_ in ("aux", "auxpass", "xcomp") or tok.dep_.startswith("aux") else tok
    if tok.dep_ == "ROOT" or tok.pos_ == "VERB":
        head = tok
    subj = None
    for ch in head.children:
        if ch.dep_ in ("nsubj", "nsubjpass", "expl"):
            subj = ch
            break
    if subj is None or subj.dep_ == "expl":
        return None
    sent_start = toks[0].i
    s = subj.left_edge.i - sent_start
    e = subj.right_edge.i - sent_start + 1
    if s < 0 or e > len(toks) or e > i:
        return None
    low = subj.lower_
    if low in FIRST:
        owner = "first"
    elif low in THEY:
        owner = "they"
    elif low == "you":
        owner = "reader"
    elif low in SOMEONE:
        owner = "someone"
    elif low in THIRD_PERSON:
        owner = "team"
    elif subj.ent_type_ in ("PERSON", "ORG") or subj.pos_ == "PROPN":
        owner = "named"
    else:
        _, owner = _np_left(toks, subj.i - sent_start)
        if owner is None:
            return None
    return s, e, owner


def _clause_end(toks, i) -> int:
    """Token index (exclusive) where the clause that holds the anchor at i ends."""
    n = len(toks)
    k = i + 1
    while k < n:
        t = toks[k]
        low = _low(t)
        if t.text in (";", ":", "—", "–", "(", ")", "!", "?") or (t.text == "." and k == n - 1):
            return k
        if t.text == "-" and t.whitespace_ and k > 0 and toks[k - 1].whitespace_:
            return k
        if t.text == "." and k < n - 1 and toks[k].whitespace_:
            return k
        if t.is_space and "\n\n" in t.text:
            return k
        if t.is_space and k + 1 < n and toks[k + 1].text in ("-", "*", "•", "–"):
            return k
        if low == ",":
            nxt = _low(toks[k + 1]) if k + 1 < n else ""
            nxt2 = _low(toks[k + 2]) if k + 2 < n else ""
            if nxt in CLAUSE_CONJ and (nxt2 in NEW_SUBJ or nxt in ("so", "but", "because", "while", "although",
                                                                   "though", "whereas", "yet")):
                return k
            if nxt in NEW_SUBJ and nxt not in ("the", "our", "your") and nxt2 not in (",",):
                return k
            if nxt in ("which", "as", "so", "but"):
                return k
            if nxt in CLAUSE_CONJ and any(_low(x) in _FINITE for x in toks[k + 2:min(n, k + 8)]):
                return k
        if low in ("and", "but", "or", "so") and k + 2 < n:
            nxt, nxt2 = _low(toks[k + 1]), _low(toks[k + 2])
            if nxt in (FIRST | THEY | {"you", "someone", "he", "she", "please"}) and (
                    nxt2 in ("will", "'ll", "can", "may", "might", "should", "would", "'d", "'re", "are", "am", "'m",
                             "have", "'ve", "need", "must", "do", "don't", "did") or nxt == "please"):
                return k
        k += 1
    return n


def _lead(toks, s_start) -> tuple[int | None, str]:
    """Start of what leads into the clause in the same sentence, and its kind: if | time | request | adverbial."""
    k = s_start - 1
    while k >= 0 and toks[k].text not in (";", ":", "—", "–") and not (toks[k].text == "." and k > 0):
        if toks[k].is_space and "\n\n" in toks[k].text:
            break
        k -= 1
    start = k + 1
    if start >= s_start:
        return None, ""
    words = " ".join(_low(t) for t in toks[start:s_start] if not t.is_space)
    if not words:
        return None, ""
    # the part immediately before: "X and we'll", "X, and we'll"
    prev = [_low(t) for t in toks[start:s_start] if not t.is_punct and not t.is_space]
    if prev and prev[-1] in ("and", "or", "then"):
        if words.startswith(("if ", "unless ", "in case ")):
            return start, "if"
        if is_request_words(prev):
            return start, "request"
        return None, ""
    for sub in TIME_SUBORD:
        if words.startswith(sub + " "):
            return start, "time"
    for sub in SUBORD:
        if words.startswith(sub + " "):
            return start, "if"
    # a preceding clause with its own commitment ("..., and we'll ship") is not a lead-in: only short adverbials
    if len(prev) <= 6:
        return start, "adverbial"
    return None, ""


IMPERATIVE_VERBS = {
    "reply", "respond", "send", "confirm", "check", "click", "tap", "call", "ring", "phone", "contact", "email",
    "e-mail", "text", "message", "print", "drop", "use", "sign", "enter", "update", "keep", "return", "choose",
    "select", "start", "log", "go", "visit", "open", "follow", "fill", "complete", "attach", "forward", "pitch",
    "mark", "refuse", "bring", "take", "pack", "post", "write", "read", "review", "approve", "pay", "book",
    "schedule", "download", "install", "upload", "add", "remove", "apply", "try", "test", "allow", "wait", "leave",
    "pick", "collect", "share", "submit", "provide", "include", "note", "tell", "give", "hold", "cancel", "reset",
    "change", "let", "make", "put", "place", "ship", "store", "wash", "dry", "tumble", "plug", "restart", "turn",
    "scan", "save", "find", "ask", "join", "register", "activate", "verify", "accept", "arrange", "order",
    "consider", "expect", "look", "see", "go", "head", "show", "present", "bring", "simply", "just", "kindly",
}


def is_request_words(words: list[str]) -> bool:
    """Lower-case words of a clause that asks the reader to do something: "please ...", an imperative verb."""
    if not words:
        return False
    if "please" in words or "kindly" in words:
        return True
    w = [x for x in words if x not in ("just", "simply", "then", "also", "now", "first", "so")]
    return bool(w) and w[0] in IMPERATIVE_VERBS


# ------------------------------------------------------------------------------------------------------------
# classification

ISSUES = ("past-deadline", "moved-deadline", "hedged", "vague-time", "no-owner", "no-time")


def classify(c: Commitment, ref: datetime | None, earlier: list | None = None, acknowledged: bool = False) -> None:
    """Set c.issue, c.message and c.suggestion (issue None: a clear commitment)."""
    when_ex = timexpr.example_day(ref)
    day, clock, which = timexpr.deadline(c.concrete, ref) if ref is not None else (None, None, None)
    c.resolved, c.clock = day, clock
    ref_day = ref.date() if isinstance(ref, datetime) else None
    # 1. past deadline
    if ref is not None and day is not None and which is not None and which.kind in ("date", "day", "eod", "duration", "week", "weekday"):
        past = day < ref_day
        if not past and day == ref_day and clock is not None and which.kind in ("day", "eod", "date") and \
                isinstance(ref, datetime) and (ref.hour, ref.minute) > (clock.hour, clock.minute):
            past = True
        if past:
            c.issue = "past-deadline"
            when = timexpr.fmt_day(day, ref_day) + (f" at {clock.strftime('%H:%M')}" if clock else "")
            c.message = (f"'{which.text}' resolves to {when}, which has already passed on the day this email is "
                         f"dated ({timexpr.fmt_day(ref_day, ref_day)}{', ' + ref.strftime('%H:%M') if clock else ''}).")
            c.suggestion = (f"Give a time that is still ahead, e.g. 'by {when_ex}', or say what happened to the "
                            f"earlier date and when it will now be done.")
            return
    # 2. moved deadline
    if earlier and day is not None and not acknowledged:
        m = _moved(c, day, earlier)
        if m is not None:
            old_text, old_day, old_expr = m
            c.issue = "moved-deadline"
            c.message = (f"An earlier message in this thread promised this for {timexpr.fmt_day(old_day, ref_day)} "
                         f"(\"{old_text}\"); this one says {timexpr.fmt_day(day, ref_day)} without acknowledging "
                         f"the change.")
            c.suggestion = (f"Say the date has moved and why, e.g. \"Sorry, this has moved from "
                            f"{timexpr.fmt_day(old_day, ref_day)} to {timexpr.fmt_day(day, ref_day)} because ...\", "
                            f"and keep to the new date.")
            return
    # 3. hedged
    if c.hedge:
        c.issue = "hedged"
        c.message = f"'{c.hedge}' hedges this promise: the reader can't tell whether it will happen."
        c.suggestion = (f"Promise only what you can do, and say when: e.g. '{_owner_phrase(c)} will ... by "
                        f"{when_ex}', or say what it depends on and when you will know.")
        return
    concrete = bool(c.concrete) or c.anchored_by_reader
    vague = c.vague[0].text if c.vague and not concrete else None
    # 4. no owner (an agentless passive with a concrete time is clear enough; "someone" never is)
    if not c.has_owner and (not concrete or c.owner == "someone"):
        c.issue = "no-owner"
        who = "'someone'" if c.owner == "someone" else f"'{_strip_end(c.subject)} ... {c.verb}'"
        c.message = (f"No one owns this promise: {who} does not say who will do it"
                     + ("." if concrete else f", and '{vague}' gives no date." if vague else ", or when."))
        if c.owner == "someone":
            c.suggestion = (f"Name the person or team" + ("" if concrete else " and the day") +
                            f", e.g. 'Our finance team will contact you by {when_ex}'.")
        else:
            c.suggestion = ("Say who will do it" + ("" if concrete else " and when") +
                            f", e.g. 'I'll make sure {_object_phrase(c)} by {when_ex}', or name the team.")
        return
    # 5. vague time
    if vague:
        c.issue = "vague-time"
        c.message = f"'{vague}' is not a time the reader can plan around."
        c.suggestion = f"Name a day, e.g. 'by {when_ex}', or a window such as 'within 2 business days'."
        return
    # 6. no time
    if not concrete:
        c.issue = "no-time"
        c.message = "This promise has no time: the reader can't tell when to expect it."
        c.suggestion = f"Add when it will happen, e.g. '{_strip_end(c.text)} by {when_ex}'."
        return
    c.issue = None


def _owner_phrase(c: Commitment) -> str:
    if c.owner in ("first", "team", "named"):
        return c.subject[:1].upper() + c.subject[1:]
    return "I"


def _object_phrase(c: Commitment) -> str:
    subj = c.subject
    if subj.lower().startswith(("your ", "the ", "a ", "an ")):
        return f"{subj[:1].lower() + subj[1:]} is {c.verb}"
    return f"it is {c.verb}"


def _strip_end(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return s.rstrip(".!;:, ")


# ------------------------------------------------------------------------------------------------------------
# moved deadlines: earlier promises by the sender side in the quoted thread

_STOP = {"i", "we", "you", "it", "they", "the", "a", "an", "to", "of", "for", "your", "our", "my", "will", "'ll",
         "be", "by", "on", "in", "at", "and", "with", "this", "that", "them", "us", "me", "send", "get", "over",
         "out", "back", "then", "so", "from", "is", "are", "have", "has", "can", "make", "sure", "also", "up"}
_ACK = re.compile(r"\b(?:sorry|apologi[sz]e|apologies|unfortunately|delay(?:ed)?|moved|changed?|pushed\s+(?:back|out)|"
                  r"slipped|revised|new\s+date|instead\s+of|rather\s+than|later\s+than|reschedul\w*|postpon\w*|"
                  r"no\s+longer|not\s+(?:be\s+)?(?:able|possible)|as\s+(?:I|we)\s+(?:said|promised|mentioned)|"
                  r"update(?:d)?\s+(?:date|timeline|estimate)|earlier\s+than|ahead\s+of)\b", re.I)


def _content(text: str) -> set[str]:
    from ..nlp import lemma_table
    table = lemma_table()
    words = re.findall(r"[a-z][a-z'-]+", text.lower())
    out = set()
    for w in words:
        w = table.get(w, w)
        if w in _STOP or len(w) < 3:
            continue
        out.add(w)
    return out


def _moved(c: Commitment, day: date, earlier: list):
    mine = _content(_strip_times(c.text, c.times))
    for e_text, e_day, e_expr, e_words in earlier:
        if e_day is None or e_day == day:
            continue
        shared = mine & e_words
        if not shared:
            continue
        if e_expr is not None and e_expr.kind == "duration" and any(t.kind == "duration" for t in c.concrete):
            # two durations: compare lengths, not the dates they resolve to
            mine_d = next(t for t in c.concrete if t.kind == "duration")
            if _dur_key(mine_d) == _dur_key(e_expr):
                continue
        elif day <= e_day:
            continue       # earlier than promised is not a slip
        return e_text, e_day, e_expr
    return None


def _dur_key(t) -> tuple:
    g = dict(t.data)
    return (g.get("n2") or g.get("n"), (g.get("bus") or "").strip().lower(), (g.get("unit") or "").rstrip("s").lower())


def _strip_times(text: str, times) -> str:
    return text


def earlier_promises(ctx, nlp) -> list:
    """(excerpt, resolved day, TimeExpr, content words) for each dated commitment the sender side made earlier
    in the quoted thread."""
    context = ctx.document.context
    sender = (context.sender or "").lower()
    domain = sender.rpartition("@")[2]
    internal = {d.lower().lstrip("@") for d in (getattr(ctx.config, "internal_domains", ()) or ())}
    ours = {domain} | internal if domain else internal
    out = []
    for block in context.quoted or []:
        for author, bdate, body in _split_thread(block):
            if not _is_ours(author, sender, ours, context):
                continue
            ref = timexpr.parse_loose_date(bdate) or context.date
            if ref is None or not body.strip():
                continue
            try:
                bdoc = nlp(body)
            except Exception:  # pragma: no cover - a pipeline error must not stop the check
                continue
            for c in find_commitments(bdoc, body):
                day, _, expr = timexpr.deadline([t for t in c.times if t.concrete], ref)
                if day is not None:
                    out.append((_strip_end(c.text), day, expr, _content(c.text)))
    return out


_ATTRIB = re.compile(r"^\s*(?:On\s+(?P<date>.+?),?\s+(?P<author>[^,\n]+?)\s+wrote\s?:\s*$|"
                     r"-{2,}\s*Original Message\s*-{2,}|_{5,}|-{5,}\s*Forwarded message\s*-{5,})",
                     re.I | re.M)


def _split_thread(block) -> list[tuple[str | None, str | None, str]]:
    """A quoted block can hold a whole nested thread: split it at inner attributions."""
    text = block.text or ""
    parts = []
    pos = 0
    author, bdate = block.author, block.date
    for m in _ATTRIB.finditer(text):
        parts.append((author, bdate, text[pos:m.start()]))
        author, bdate = m.group("author"), m.group("date")
        pos = m.end()
        # Outlook header block right after: From:/Sent:/To:/Subject:
        hdr = re.match(r"(?:\s*(?:From|Sent|Date|To|Cc|Subject)\s*:[^\n]*\n)+", text[pos:], re.I)
        if hdr:
            h = hdr.group(0)
            fm = re.search(r"From\s*:\s*([^\n]+)", h, re.I)
            dm = re.search(r"(?:Sent|Date)\s*:\s*([^\n]+)", h, re.I)
            author = fm.group(1).strip() if fm else author
            bdate = dm.group(1).strip() if dm else bdate
            pos += hdr.end()
    parts.append((author, bdate, text[pos:]))
    # a bare Outlook header block at the top of the first part
    return [(a, d, _drop_headers(t)) for a, d, t in parts]


def _drop_headers(t: str) -> str:
    return re.sub(r"^(?:\s*(?:From|Sent|Date|To|Cc|Subject)\s*:[^\n]*\n)+", "", t, flags=re.I)


def _is_ours(author: str | None, sender: str, ours: set, context) -> bool:
    if not author:
        return False
    a = author.lower()
    m = re.search(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", a)
    if m:
        return m.group(0) == sender or m.group(1) in ours
    name = (context.headers.get("from") or "").lower()
    name = re.sub(r"<[^>]*>", "", name).strip().strip('"')
    return bool(name) and (name in a or a.strip() in name)


# ------------------------------------------------------------------------------------------------------------
# the analysis shared by every commitment rule

def _skip_ranges(document) -> list[tuple[int, int]]:
    return [(r.start, r.end) for r in document.regions if r.name == "subject"]


def _reference_date(document) -> datetime | None:
    d = document.context.date
    if d is None:
        return None
    if isinstance(d, datetime):
        return d
    return datetime.combine(d, time(9))


# a scheduled event: a delivery, visit, appointment, booking, collection, call or meeting
EVENT_WORDS = re.compile(
    r"\b(?:deliver(?:y|ies)|drop[- ]?(?:off|window|slot)|visit|appointment|install(?:ation)?|fitting|collection|"
    r"pick-?up|survey|inspection|booking|booked|book(?:ed)?\s+(?:you\s+)?in|reserved|scheduled|slot|window|call|"
    r"meeting|video\s+call|zoom|demo|training|session|webinar|walk\s+you\s+through|calendar\s+invite|catch[- ]up|"
    r"engineer|technician|crew|fitters?|installers?|driver|courier|van)\b", re.I)
# ... that is this reader's own event, not a policy ("Deliveries run Monday to Friday")
_EVENT_OWN = re.compile(r"\b(?:your|the|our|this|a)\s+(?:[\w-]+\s+){0,2}?(?:deliver(?:y|ies)|drop|visit|appointment|"
                        r"install(?:ation)?|fitting|collection|pick-?up|survey|inspection|booking|slot|window|call|meeting|"
                        r"demo|session|engineer|technician|crew|fitters?|installers?|driver|courier|van)\b|"
                        r"\b(?:booked|scheduled|confirmed|reserved|arranged|pencilled|penciled|set\s+up)\b|"
                        r"\bsee\s+you\b|\b(?:I|we)(?:'ll|\s+will)\s+(?:call|ring|phone|visit|meet)\b", re.I)
_EVENT_PAST = re.compile(r"\b(?:was|were)\s+(?:\w+\s+)?(?:delivered|collected|installed|fitted|visited|completed|"
                         r"held|done)\b|\b(?:arrived|came|visited|dropped\s+off)\b", re.I)


_needs: dict = {}   # compiled pattern -> required_literals(pattern)


def _search(pattern: re.Pattern, text: str, low: str) -> bool:
    """pattern.search(text), skipping the search when `low` (fold(text)) lacks every literal a match
    must hold: most sentences mention no event, and these long alternations are slow to run on every one."""
    need = _needs.get(pattern, False)
    if need is False:
        need = _needs[pattern] = required_literals(pattern)
    if need is not None and not any(w in low for w in need):
        return False
    return pattern.search(text) is not None


def scheduled_events(sentences, ref: datetime | None, words=None) -> list[str]:
    """Sentences that put a scheduled event (a delivery window, a booking, a visit, an appointment, a collection
    slot, a call) on a named day or at a clock time still ahead of `ref`. With `words` (a pattern of meeting
    words), any sentence with one of them counts, the reader's own or not ("Let's meet on Tuesday at 2pm")."""
    out = []
    for text in sentences:
        low = fold(text)
        if words is not None:
            if not _search(words, text, low) or _search(_EVENT_PAST, text, low):
                continue
        elif not _search(EVENT_WORDS, text, low) or not _search(_EVENT_OWN, text, low) or \
                _search(_EVENT_PAST, text, low):
            continue
        times = [t for t in timexpr.find_times(text) if t.concrete and t.kind not in ("anaphor", "event", "duration")
                 and not (t.kind == "weekday" and t.text.lower().rstrip().endswith("days"))]   # "on Fridays"
        if not times:
            continue
        if ref is not None:
            day, _, _ = timexpr.deadline(times, ref)
            if day is not None and day < ref.date():
                continue
        out.append(text.strip())
    return out


def _judged_sentences(ctx) -> list[str]:
    skip = _skip_ranges(ctx.document)
    text = ctx.text             # the doc's text: a sentence's .text is this slice, and slicing is cheaper
    return [text[s.start_char:s.end_char] for s in sentences(ctx.doc)
            if not any(s.start_char < e and s.end_char > b for b, e in skip)
            and any(ch.isalpha() for ch in text[s.start_char:s.end_char])]


def _event_anchored(c: Commitment, has_events) -> None:
    """Times and work that hang on a scheduled event the message dates.

    - an event-relative time ("on the morning of delivery", "on the day", "when the van arrives") is concrete
      when the message gives the event's date, or when a third party (the courier, the driver) is the actor;
    - with a dated visit or delivery, a clause that only describes the work done on site ("our crew will unpack
      everything and take the packaging away", "it WILL be there") is part of the booking, not an open promise.

    `has_events()` says whether the message dates such an event; it is asked last, only when the answer matters
    (finding the events means running find_times over the message's sentences).
    """
    head = c.subject.lower().split()[-1] if c.subject.split() else ""
    third = head in THIRD_PARTY
    ev = [t for t in c.vague if t.kind == "event"]
    if ev and not c.indefinite and (third or has_events()):
        c.concrete = c.concrete + ev
        c.vague = [t for t in c.vague if t.kind != "event"]
    if c.concrete or c.vague or c.hedge or c.anchored_by_reader:
        return
    if c.passive or c.owner == "someone":
        return
    if (c.verb in FIELD_VERBS or head in CREW_NOUNS or any(c.verb.startswith(v + " ") for v in ("be",)) and
            c.verb.split()[-1] in ("there", "with", "on", "here")) and has_events():
        c.anchored_by_reader = True


def analyse(ctx) -> list[Commitment]:
    from ..nlp import has_parser

    def run():
        document = ctx.document
        use_parser = has_parser(ctx.nlp)
        ref = _reference_date(document)
        found = find_commitments(ctx.doc, ctx.text, _skip_ranges(document), use_parser, ref)
        earlier = earlier_promises(ctx, ctx.nlp) if document.context.quoted else []
        # only a moved deadline asks whether the text acknowledges a change, and only with earlier promises
        acknowledged = bool(earlier) and bool(_ACK.search(ctx.text))
        events = None

        def has_events() -> bool:      # computed once, on first need: most messages never ask
            nonlocal events
            if events is None:
                events = bool(scheduled_events(_judged_sentences(ctx), ref))
            return events

        for c in found:
            _event_anchored(c, has_events)
            classify(c, ref, earlier, acknowledged)
        return found

    return ctx.memo("commitments", run)


# On a web page nobody waits on a reply: "our workshop will check your bike" describes a service. Only wording
# that is unclear anywhere (a vague time, a hedge) is flagged there.
PAGE_ISSUES = ("vague-time", "hedged")


@register("commitments")
def commitments_check(ctx, rule):
    issue = (rule.options or {}).get("issue")
    page = ctx.document.kind in ("md", "html")
    for c in analyse(ctx):
        if c.issue is None or (issue and c.issue != issue):
            continue
        if page and c.issue not in PAGE_ISSUES:
            continue
        yield Hit(c.start, c.end, message=c.message, suggestion=c.suggestion)
