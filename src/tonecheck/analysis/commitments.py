"""Commitments: the sender's promises in a spaCy Doc, with who owns them and what time they give.

A *commitment* (LABELS.md) is a clause in which the sender - "I", "we", a team or person on the sender's side, or
an agentless passive standing for them - promises a future action or outcome the reader will wait on. The
detector works sentence by sentence over the judged text (never the subject line, the quoted thread or the
signature), in this order:

1. **Skip whole sentences** that cannot hold a promise: questions ("Will you be home on Friday?"), and mock
   concessions ("Sure, we'll just drop everything ...", which is sarcasm's business).
2. **Find anchors** (anchors.py): the words that make a clause future or intentional. A negated anchor ("it
   won't change") is skipped.
3. **Find the subject** left of the anchor (subjects.py); it decides the *owner*: first person, a team/role/name
   on the sender's side, `someone` (no owner), the reader (only "you will receive/get/hear ..." and "you will be
   contacted" count; "you'll need to" is an instruction), or a thing ("your refund", "it", "they"). Things count
   only with a passive ("will be processed") or an outcome verb ("will ship", "will be back on the road");
   "Pricing may change" is not a promise.
4. **Read the verb** (promise_verbs.py): passive ("be sent", "be processed") marks an agentless promise; a role
   ("I'll be your account manager"), a state or a term of sale ("we'll include a floor display") is dropped.
5. **Cut the clause** (clauses.py): from the subject (or a hedge adverb right before it: "Hopefully the pallet
   ...") to the next clause boundary. That span is the excerpt. The time scope is the clause plus what leads into
   it in the same sentence: a conditional or time clause ("If it hasn't arrived by Friday, I'll send a
   replacement" is clear) or a request it answers ("reply by Wednesday and I'll correct it"); a clause ending in
   ":" also takes in the list that follows. An `if you <choose/upgrade/prefer/'d like> ...` lead-in with no
   request in it makes the clause an offer on the reader's own choice ("If you upgrade, our crew will build it
   for you"): dropped. An indefinite time ("at some point", "sometime", "eventually", "once things quieten down")
   cancels any month, week or period beside it; only a named day or clock time can pin such a clause. A
   definite subject ("The engineer will ...") inherits the time of the sentence before only when that time is
   still ahead and the sentence is not in the past tense.

commitment_issues.py then anchors commitments to scheduled events and says what is unclear about each.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, datetime, time

from .sentences import sentences
from . import timexpr
from .anchors import ARRIVAL_VERBS, anchor_kind, anchor_tokens
from .clauses import clause_end, clause_window, lead_in
from .hedges import HEDGE_ADV, HEDGE_BEFORE_SUBJECT, HEDGES
from .promise_frame import (SERVICE_VERBS, firm_name, named_agent, not_asserted, obligation, ours_nearby,
                            purpose_clause, passive_of_outside_body, reader_acts_first, reader_waits,
                            received_from_someone_else, reported_speech,
                            third_party)
from .promise_verbs import IRREGULAR_PP, OUTCOME_VERBS, STATE_VERBS, have_result, read_verb
from .subjects import find_subject
from .tokens import SKIP_ADV, lemma, low, lows

# an offer that waits on the reader's own choice: "If you upgrade to the Deluxe, our crew will build it for you"
READER_CHOICE = re.compile(r"^\W*if\s+you\s*(?:'d|would|do)?\s+(?:(?:like|want|wish|prefer|choose|decide|opt|"
                           r"upgrade|go\s+for|select|pick|add|switch|take\s+up|order|book|buy|purchase|rather|"
                           r"fancy|need)\w*)\b|"
                           # "If a payment plan would help, reply and we'll set one up": what suits the reader
                           r"^\W*if\s+(?:a|an|the|this|that|it|one)\b[^,]{0,40}?\b(?:would\s+help|helps|would\s+suit|"
                           r"suits\s+you|works\s+(?:better\s+)?for\s+you|would\s+work\s+(?:better\s+)?for\s+you|"
                           r"is\s+easier|would\s+be\s+easier|appeals)\b", re.I)
# the reader's choice after the promise: "we'll ask for it if you request an upgrade", "I can send one if you'd like"
_CHOICE_AFTER = re.compile(r"\b(?:if|whenever|should)\s+you\s*(?:'d|’d|would|do|ever)?\s+(?:like|want|wish|prefer|"
                           r"choose|decide|opt|request|upgrade|go\s+for|select|pick|switch|order|book|buy|purchase|"
                           r"take\s+up|fancy|rather)\w*\b", re.I)
_ASKS_IN_LEAD = re.compile(r"\b(?:let\s+(?:me|us)\s+know|tell\s+(?:me|us)|reply|email|e-mail|call|ring|message|text|"
                           r"contact|send|please)\b", re.I)
# the sentence asks the reader for the time: "tell me a good time and I'll call you then"
READER_SETS_TIME = re.compile(
    r"\b(?:tell|send|give|let|email|text)\s+(?:me|us)\b[^.?!]{0,40}?\b(?:times?|slots?|dates?|days?|when)\b|"
    r"\b(?:a|any|the)\s+(?:good|convenient|suitable|better|best)\s+(?:time|day|date)\b|"
    r"\btimes?\s+that\s+(?:suit|work)", re.I)
SARCASTIC_OPENER = re.compile(r"^\W*(?:oh\s+)?(?:sure|yeah\s+right|right|of\s+course|oh\s+yes|great|no\s+problem)\b"
                              r"[,!.]?\s+(?:\S+\s+){0,3}(?:just|simply)\b", re.I)
_PAST = re.compile(r"\b(?:was|were|did|had|arrived|came|went|reached|received|collected|picked\s+up|got|"
                   r"dropped\s+off|returned|left)\b", re.I)
_GETS_THERE = re.compile(r"\s*(?:to\s+(?:you|us)|there|here|back|out|up|delivered|sent|dispatched)\b", re.I)


@dataclass
class Commitment:
    start: int                 # excerpt offsets in the judged text
    end: int
    subject: str
    owner: str                 # first | team | named | someone | thing | they | reader
    passive: bool
    verb: str
    hedge: str | None = None
    times: list = field(default_factory=list)       # TimeExpr in scope
    concrete: list = field(default_factory=list)
    vague: list = field(default_factory=list)
    anchored_by_reader: bool = False
    contingent: bool = False   # "If anyone cancels, I'll let you know": the promise waits on an event, not a date
    indefinite: bool = False   # "at some point", "sometime", "eventually": no month or week can pin it down
    issue: str | None = None   # commitment_issues.classify: None for a clear commitment
    variant: str | None = None     # ... which situation of the issue (e.g. no-owner: "someone", "passive-vague")
    facts: dict = field(default_factory=dict)    # ... what a message about the issue names: {name: text}
    resolved: date | None = None
    clock: time | None = None
    text: str = ""

    @property
    def has_owner(self) -> bool:
        return not (self.owner == "someone" or (self.passive and self.owner in ("thing", "they", "reader")))


@dataclass
class _Reading:
    """What is known about one candidate clause while it is read: the anchor, the verb and the subject."""
    toks: list
    i: int                     # the anchor's token
    kind: str
    j: int                     # the verb's token
    verb: str
    passive: bool
    rest_start: int
    s_start: int = 0           # the subject's tokens [s_start, s_end)
    s_end: int = 0
    owner: str = ""
    grievance: bool = False    # the text answers a grievance: a remedy in the passive is waited on

    @property
    def anchor(self) -> str:
        return low(self.toks[self.i])


def subject_ranges(document) -> list[tuple[int, int]]:
    """The subject line's range in the judged text: never a place for a commitment or a next step."""
    return [(r.start, r.end) for r in document.regions if r.name == "subject"]


def body_sentences(ctx) -> list:
    """The judged text's sentences with words in them, not on the subject line; once per document."""
    def run():
        skip = subject_ranges(ctx.document)
        text = ctx.text             # the doc's text: a sentence's .text is this slice, and slicing is cheaper
        return [s for s in sentences(ctx.doc) if not any(s.start_char < e and s.end_char > b for b, e in skip)
                and any(ch.isalpha() for ch in text[s.start_char:s.end_char])]

    return ctx.memo("body-sentences", run)


def find_commitments(doc, text: str, skip: list[tuple[int, int]] = (), use_parser: bool = False,
                     ref: datetime | None = None, grievance: bool = False) -> list[Commitment]:
    """Every commitment clause in `doc` (sentences overlapping a `skip` range are ignored); not yet classified.
    `ref` (the Date header) keeps a definite subject from inheriting a time that is already past. `grievance`: the
    text answers a grievance, so the reader waits on whatever the sender says they will try or hope to do."""
    out: list[Commitment] = []
    prev_sent = None
    cand = anchor_tokens(doc)
    if not cand:
        return out
    for sent in sentences(doc):
        before, prev_sent = prev_sent, sent
        k = bisect_left(cand, sent.start)
        if k == len(cand) or cand[k] >= sent.end:
            continue            # no word in the sentence can be an anchor (anchor_kind would return None at each)
        if any(sent.start_char < e and sent.end_char > s for s, e in skip) or \
                not _may_promise(text[sent.start_char:sent.end_char].strip()):   # == sent.text
            continue
        for c in _sentence_commitments(sent, cand[k:bisect_left(cand, sent.end, k)], text, use_parser, grievance):
            if not any(c.start < o.end and c.end > o.start for o in out):
                _inherit_time(c, before, sent, text, ref)
                _dated_by_availability(c, text, ref)
                _share_conjunct_time(c, out[-1] if out else None, sent, text)
                _date_picked_up_step(out[-1] if out else None, c, sent, text)
                out.append(c)
    return out


# the sentence after names when the same person can come: "He is available on Tuesday 17 or Thursday 19 November"
_AVAILABLE_NEXT = re.compile(r"\s*(?:He|She|They|We|I)(?:['’]s|['’]re|['’]m|\s+is|\s+are|\s+am|\s+will\s+be|"
                             r"\s+can\s+be)\s+(?:\w+\s+)?(?:available|free|booked|scheduled|pencilled\s+in|penciled\s+in|due)\b"
                             r"[^.!?\n]*")


def _dated_by_availability(c: Commitment, text: str, ref: datetime | None) -> None:
    """"Our technician will collect the sample himself. He is available on Tuesday 17 November at 8am": the
    promise is dated by the slots offered right after it, or by the next sentence that picks it up."""
    if c.concrete or c.vague or c.hedge or c.indefinite:
        return
    m = _AVAILABLE_NEXT.match(text, c.end, c.end + 300)
    if m is not None and future_time_in(m.group(0), ref):
        c.anchored_by_reader = True
        return
    # "We will replace the 12 kits at no charge. Chris will dispatch them on Monday 8 March": the next sentence
    # picks the promise up ("them", "it") and dates it
    m = _NEXT_SENTENCE.match(text, c.end - 1 if text[c.end - 1:c.end] in (".", "!", "?") else c.end, c.end + 380)
    if m is not None and _REFERS_BACK.search(m.group("next")) and future_time_in(m.group("next"), ref):
        c.anchored_by_reader = True


# the rest of the promise's sentence, then the next one
_NEXT_SENTENCE = re.compile(r"[^.!?\n]{0,80}[.!?][ \t]+(?:\n[ \t]*)?(?P<next>[^.!?\n]{5,200})")
_REFERS_BACK = re.compile(r"\b(?:them|it|they|those|these|the\s+(?:new|replacement|replacements|refund|credit))\b",
                          re.I)


def _share_conjunct_time(c: Commitment, prev: Commitment | None, sent, text: str) -> None:
    """"Leah will send your quote on Friday, and I'll add the shading report to it": a promise joined by "and" to
    a dated one in the same sentence shares its time."""
    if c.concrete or c.vague or c.indefinite or prev is None or not prev.concrete or prev.hedge or \
            prev.start < sent.start_char or c.verb in _OPEN_ENDED:
        return                  # "we'll refund you on Monday and we'll look into the fault": the looking is open
    if re.fullmatch(r"[^.;:!?]*?,?\s*(?:and|then|and\s+then)\s*", text[prev.end:c.start].split("\n\n")[-1], re.I):
        c.anchored_by_reader = True


def _date_picked_up_step(prev: Commitment | None, c: Commitment, sent, text: str) -> None:
    """"Aoife will turn your favourite into a first design, and we'll send it to you by Friday 19 March": a step
    whose result the dated promise joined to it by "and" picks up ("it", "them") is dated by that promise."""
    if prev is None or prev.concrete or prev.vague or prev.hedge or prev.indefinite or prev.start < sent.start_char \
            or prev.verb in _OPEN_ENDED or not c.concrete or c.hedge:
        return                  # "we'll look into the fault and refund it on Monday": the looking is open
    if re.fullmatch(r"[^.;:!?]*?,?\s*(?:and|then|and\s+then)\s*", text[prev.end:c.start].split("\n\n")[-1], re.I) \
            and _REFERS_BACK.search(c.text):
        prev.anchored_by_reader = True


def _sentence_commitments(sent, anchors: list[int], text: str, use_parser: bool, grievance: bool = False):
    """The commitments at the candidate anchors (Doc token indices) of one sentence."""
    toks = [t for t in sent if not t.is_space]  # hard-wrapped lines: "will be\nprocessed"
    for j in anchors:
        # the candidate's place in toks: its place in the sentence, less the space tokens before it (a candidate
        # is a word, never a space token, so it is in toks)
        i = min(j - sent.start, len(toks) - 1)
        while toks[i].i > j:
            i -= 1
        if _inside_double_quotes(text[sent.start_char:toks[i].idx]):
            continue                # 'Their reply was "we'll pay when we're ready"': someone else's words
        c = _commitment_at(toks, i, sent, text, use_parser, grievance)
        if c is not None:
            yield c


def _inside_double_quotes(before: str) -> bool:
    """The sentence's text up to a word leaves a double quotation open: the word is quoted."""
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _may_promise(stext: str) -> bool:
    """Not a question ("Will you be home on Friday?"), not a mock concession, and has words at all."""
    if not stext or not any(c.isalpha() for c in stext):
        return False
    return not stext.rstrip("\"')”’ ").endswith("?") and not SARCASTIC_OPENER.match(stext) and \
        not reported_speech(stext)


def _inherit_time(c: Commitment, before, sent, text: str, ref: datetime | None) -> None:
    """"I've booked your engineer for Thursday 17 December. The engineer will fit the ONT ...": a definite
    subject picks up the time the sentence before has just set - a time still ahead, never a past one ("We
    collected it on 4 January. The payment will be put back ...")."""
    if c.concrete or c.indefinite or any(t.kind != "event" for t in c.vague) or before is None or \
            not (_anaphoric_subject(c) or _points_back(sent, text)):
        return                      # a vague time of its own ("once he's back") is the clause's; an event's is not
    #                                 ("eta 3:40pm. he will call you from the dock when he arrives")
    if "\n\n" not in text[before.end_char - 1:sent.start_char + 1] and \
            future_time_in(text[before.start_char:before.end_char], ref):     # before.text
        c.anchored_by_reader = True


# "After that payroll, I will send ...", "In that report I will explain ...": a thing the sentence before named
_POINTS_BACK = re.compile(r"\b(?:in|after|before|with|from|at|on|during|following)\s+(?:that|this|the\s+same)\s+"
                          r"(?!(?:is|was|we|I|you|it|they|he|she|point|case|way|sense)\b)[a-z]+\b", re.I)


def _points_back(sent, text: str) -> bool:
    """The sentence names, with "that"/"this", something the sentence before has just dated."""
    return _POINTS_BACK.search(text[sent.start_char:sent.end_char]) is not None


def future_time_in(sentence: str, ref: datetime | None) -> bool:
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


def _anaphoric_subject(c: Commitment) -> bool:
    """The clause points back at what the sentence before named: by its subject ("The engineer will ...") or by
    the object right after its verb ("Your usual teacher will run it", after the class was dated)."""
    first = c.subject.split()[0].lower() if c.subject.split() else ""
    if first in ("the", "they", "he", "she", "it", "this", "that") and c.owner != "someone":
        return True
    if first == "our" and c.owner == "team":
        return True                 # "... on Tuesday 8 December at 10.30. Our optometrist will bring ..."
    return c.verb.isalpha() and re.search(rf"\b{re.escape(c.verb)}\w*\s+(?:it|them)\b", c.text, re.I) is not None


# ------------------------------------------------------------------------------------------------------------
# one candidate anchor: read it, decide it is a promise, cut its clause, find its times and hedge

def _commitment_at(toks, i: int, sent, text: str, use_parser: bool, grievance: bool = False) -> Commitment | None:
    """The commitment anchored at toks[i] (the sentence's non-space tokens), or None when there is none."""
    kind = anchor_kind(toks, i)
    if kind is None or _inverted_question(toks, i, kind):
        return None
    verb = read_verb(toks, i, kind)
    if verb is None:
        return None
    r = _Reading(toks, i, verb.kind, verb.j, verb.verb, verb.passive, verb.rest_start, grievance=grievance)
    subject = find_subject(toks, i, r.kind, use_parser)
    if subject is None:
        return None
    r.s_start, r.s_end, r.owner = subject
    r.s_start = _with_coordinated_subject(toks, r.s_start)
    # the reader only waits on what they receive, get or hear ("you'll need to" is an instruction)
    if r.owner == "reader" and not (r.passive or r.verb in ("receive", "get", "hear") or _had_from_us(toks, r.j) or
                                    _will_have_by(toks, r)):
        return None
    if r.kind in ("prog", "present"):
        r.verb = lemma(r.verb)
    if not _is_promise(r, text):
        return None
    c, start_tok, end_tok = _clause(r, text)
    before_subject = text[sent.start_char:toks[r.s_start].idx]
    if purpose_clause(before_subject, r.kind) or not_asserted(before_subject) or \
            obligation([low(t) for t in toks[r.i + 1:r.i + 7]]) or _permission(r, c.text):
        return None
    scope_start = _time_scope(c, r, start_tok, end_tok, text)
    if scope_start is None:
        return None
    c.hedge = _hedge(c, r, text, scope_start, toks[start_tok].idx)
    if not _senders_side(r, c, text, sent, before_subject):
        return None
    # a dated plan the reader does not wait on is kept: it is clear, and still tells the reader what happens next
    if (not c.concrete or c.hedge) and not reader_waits(_verb_lemma(r), c.text, _is_outcome(r), _is_effort(r),
                                                         r.owner, _plain_future(r), grievance):
        return None
    c.anchored_by_reader = (bool(READER_SETS_TIME.search(text[sent.start_char:sent.end_char])) or
                            (not any(t.start >= c.start and not timexpr.at_a_place(t) for t in c.vague)
                             and _reader_acts_first(r, text))) \
        and not c.indefinite
    c.contingent = _contingent(r, text)
    return c


# a condition of the world or a third party: "If anyone cancels", "if the report shows any damage", "should the
# part fail", "in case the courier misses you"
_CONDITION = re.compile(r"^\W*(?:(?:but|and|so)\s+)?(?:if|in\s+case|should|in\s+the\s+event)\b", re.I)
# ... but not one on our own capacity, which is a hedge: "if we can", "if time allows", "if all goes well"
_OUR_CAPACITY = re.compile(r"\b(?:if|in\s+case)\s+(?:(?:I|we)\s+(?:can|could|are\s+able|am\s+able|have\s+(?:the\s+)?"
                           r"(?:time|capacity|room|space|a\s+chance)|get\s+(?:a|the)\s+chance|manage|find\s+(?:the\s+)?"
                           r"time)|possible|time\s+allows|all\s+goes\s+well|things\s+go|there\s+is\s+(?:time|space|room)|"
                           r"there['’]s\s+(?:time|space|room)|\w+\s+allows|(?:it['’]s|it\s+is)\s+possible|"
                           r"we\s+get\s+(?:a|the)\s+chance)\b", re.I)


# a state kept up until the reader's own act ends it: "We'll keep the bike here until you collect it", "I'll hold
# payment on that invoice until the credit comes through" (what the reader sends) - the reader knows when it ends.
# Not an end of our own making: "We will hold the samples until the lab is ready" leaves the reader waiting
_HOLDING = frozenset({"keep", "hold", "store", "leave", "pause", "suspend", "freeze", "retain", "reserve", "park"})
_UNTIL_EVENT = re.compile(r"\b(?:until|till|pending)\s+(?:you\b|your\b|(?:the|a)\s+"
                          r"(?:corrected\s+|revised\s+|signed\s+)?(?:credit(?:\s+(?:note|memo))?|payment|deposit|balance|confirmation|approval|go-ahead|"
                          r"purchase\s+order|PO|paperwork|form|documents?|invoice)\s+(?:comes?|arrives?|clears?|"
                          r"(?:is|are|has\s+been|have\s+been)\s+(?:paid|received|signed|sent|approved|issued)|"
                          r"reaches|lands))", re.I)


def _contingent(r: _Reading, text: str) -> bool:
    """The promise hangs on a condition of the world or of a third party ("If the report shows our work caused any
    damage, we'll pay for the repair"): the reader waits on the event, not on a date, so no time is missing (open-
    ended work such as looking into it stays open). A condition on our own capacity ("if we can") is a hedge, and
    the reader's own choice is read elsewhere."""
    if _verb_lemma(r) in _HOLDING and _UNTIL_EVENT.search(text[r.toks[r.j].idx:r.toks[-1].idx + len(r.toks[-1])]):
        return True             # "I'll hold payment until the credit comes through": a state with its own end
    lead_from, lead_kind = lead_in(r.toks, r.s_start)
    if lead_from is None or lead_kind != "if" or _verb_lemma(r) in _OPEN_ENDED:
        return False            # "if it happens again, we'll look into it": the looking still has no end
    lead_text = text[r.toks[lead_from].idx:r.toks[r.s_start].idx]
    # "If your accountant needs another format, let us know and we'll sort it": a request between the condition
    # and the promise makes it the reader's move, which reader_acts_first judges
    after_condition = lead_text.split(",", 1)[1] if "," in lead_text else ""
    return bool(_CONDITION.match(lead_text)) and not READER_CHOICE.match(lead_text) and \
        not _OUR_CAPACITY.search(lead_text) and not _ASKS_IN_LEAD.search(after_condition)


_NOT_A_NAME = frozenset("and then so but please monday tuesday wednesday thursday friday saturday sunday january "
                        "february march april may june july august september october november december today "
                        "tomorrow".split())


def _had_from_us(toks, j: int) -> bool:
    """"You'll have the quote from me within 3 business days": what the reader will have, from the sender."""
    words = [low(t) for t in toks[j:j + 10]]
    return bool(words) and words[0] == "have" and any(
        w == "from" and nxt in ("me", "us", "our") for w, nxt in zip(words, words[1:], strict=False))


# words before a capitalised noun that make it an object, not a person in a compound subject
_OBJECT_LEAD = frozenset("your the a an this that his her their its with to for of on in by from at about".split())


def _will_have_by(toks, r) -> bool:
    """"you'll have the quote within 2 working days": what the reader will have by a time is what we deliver (not
    "you'll have to ...", an obligation)."""
    if r.verb != "have" or r.kind != "will" or r.j + 1 >= len(toks) or low(toks[r.j + 1]) == "to":
        return False
    rest = " ".join(t.text for t in toks[r.j + 1:r.j + 14])
    return any(t.concrete for t in timexpr.find_times(rest))


def _with_coordinated_subject(toks, s_start: int) -> int:
    """"Dave and I will come out": the subject starts at "Dave", so that what leads into the clause ("Tomorrow at
    8am, Dave and I will ...") is read as its lead-in, not as a clause of its own."""
    k = s_start
    if low(toks[k]) not in ("i", "we") or k < 2 or low(toks[k - 1]) != "and":
        return k
    name = toks[k - 2]
    # a person's name, not the end of a date or place ("before 11 December and we'll hold a date")
    if not (name.pos_ == "PROPN" or name.is_title) or name.ent_type_ not in ("PERSON", "") or \
            low(name) in _NOT_A_NAME or (k >= 3 and toks[k - 3].pos_ in ("ADP", "NUM")):
        return k
    if k >= 3 and low(toks[k - 3]) in _OBJECT_LEAD:
        return k            # "Reply with your Eircode and I'll book you in": a thing the reader sends, not a person
    k -= 2
    while k >= 1 and (toks[k - 1].pos_ == "PROPN" or low(toks[k - 1]) in ("my", "our", "colleague")):
        k -= 1              # "my colleague Dave and I", "Dave Smith and I"
    return k


def _permission(r: _Reading, clause: str) -> bool:
    """"we may do so only if we give notice": a permission and its terms, not a promise; and a rule for any such
    thing: "A licence may be transferred once", "Fees may be paid annually" (an indefinite subject: no particular
    thing the reader waits on)."""
    if r.anchor not in ("may", "can"):
        return False
    if r.anchor == "may" and r.owner in ("first", "team") and not r.passive and \
            r.verb.split()[0] in _RESERVED_ACTS:
        return True     # "We may hold a transfer when ...", "we may ask you for proof of address": a right reserved
    return _PERMISSION.search(clause) is not None or \
        (r.owner == "thing" and r.passive and _any_such(r.toks[r.s_start:r.s_end]) and
         not any(low(t) in _THIS_CASE for t in r.toks[r.s_start + 1:r.s_end]))


def _any_such(subject) -> bool:
    """An indefinite subject, a rule for any such thing: "A licence", "Any refund", or a bare plural ("Fees may be
    paid annually", "Deposits may be transferred once"), not "the fees" or "your deposits"."""
    first, last = low(subject[0]), low(subject[-1])
    return first in ("a", "an", "any", "each", "every") or (
        first not in _DEFINITE and last.endswith("s") and not last.endswith("ss") and subject[0].is_alpha)


_DEFINITE = frozenset({"the", "your", "our", "my", "his", "her", "their", "its", "this", "that", "these", "those"})


# what a case produces for this reader, even with "a": "A corrected invoice may be issued once the team has checked
# it" is this reader's invoice, not a rule for any invoice
_THIS_CASE = frozenset({"corrected", "revised", "replacement", "new", "updated", "amended", "fresh", "credit",
                        "refund", "second", "further", "final"})


# what a sender "may" do to the reader is a right it keeps, not a promise the reader waits on
_RESERVED_ACTS = frozenset({"hold", "ask", "suspend", "close", "cancel", "refuse", "decline", "charge", "contact",
                            "share", "withhold", "restrict", "block", "freeze", "limit", "report", "record", "monitor",
                            "reject", "remove", "change", "amend", "vary", "terminate", "retain", "require", "deduct",
                            "pause", "disclose", "delay", "request", "recover", "end", "stop", "keep", "use"})

# ... or a limit on what we are allowed to do: "we may only release the footage to the police"
_PERMISSION = re.compile(r"\bmay\s+(?:\w+\s+){0,3}?(?:only\s+(?:if|when|where|after)|provided\s+(?:that\s+)?)\b|"
                         r"\b(?:may|can)\s+only\s+(?!be\s+(?:able|sure)\b)[a-z]+", re.I)


def _senders_side(r: _Reading, c: Commitment, text: str, sent, before_subject: str) -> bool:
    """The clause is the sender's side acting (promise_frame): not a third party's plan, not a description in a
    relative clause ("the memo that will be sent"), not something done to us ("we will likely be asked to
    comment"), not "we will do nothing but ...", and for he/she/they a colleague the message has put on our side
    ("I've passed this to the returns team. They'll ...")."""
    # a named third party's dated plan is kept: it still tells the reader what happens next; a firm's own hedge is
    # not the sender's ("Royal Mail aims to deliver Tracked 48 parcels within two working days")
    if (not c.concrete or c.hedge and firm_name(c.subject)) and third_party(r.owner, c.text, before_subject,
                                                                             c.subject):
        return False
    if r.passive and r.owner in ("first", "team"):
        return False
    if r.passive and named_agent(c.text):
        return False                # "will be treated by the Senate committee": someone else does it
    if r.passive and r.owner in ("thing", "they") and \
            passive_of_outside_body(before_subject, text[sent.start_char:sent.end_char]):
        return False                # "The council has the plans; a decision will be made ...": the council's act
    if r.owner in ("first", "team") and r.verb in _AVAILABILITY and not c.concrete:
        return False                # "we'll be here when you're ready": being there is not a promise of work
    if r.owner in ("named", "they") and r.verb in _WHEREABOUTS and \
            not re.search(r"\b(?:with|to)\s+you\b|\bin\s+touch\b", c.text):
        return False                # "Tom hopes to be back on Monday": a colleague's whereabouts ("be in touch" is not)
    if r.owner == "first" and r.verb in _AWAY and not c.concrete and not _coming_to_do(r):
        return False                # "we will be out looking for hires in the autumn": our own whereabouts
    if r.anchor == "should" and r.owner in ("thing", "they") and not c.times:
        return False                # "the cap should be escalated": a recommendation, unless a time makes it a promise
    if r.anchor == "should" and r.owner in ("thing", "they", "named") and _OPINION.search(before_subject):
        return False                # "I think the credit should be adjusted if ...": an opinion, whatever its dates
    if (r.passive or r.owner == "thing") and _FOR_ANY.search(c.text):
        return False                # "the change fee will be waived for any changes": a policy, not this reader's case
    if r.owner == "reader" and received_from_someone_else(c.text):
        return False                # "you will receive an invitation from the university"
    if r.owner != "first" and _in_relative_clause(r):
        return False                # "the memo that will be sent", "the details they will ask you for"
    if r.rest_start < len(r.toks) and low(r.toks[min(r.rest_start + 1, len(r.toks) - 1)]) == "nothing":
        return False
    if low(r.toks[r.s_start]) in ("he", "she", "they") and not r.passive and \
            not ours_nearby(text[max(0, sent.start_char - 240):r.toks[r.s_start].idx], c.text):
        return False
    return True


_DETERMINERS = frozenset({"the", "these", "those", "any", "all", "every", "each"})
_NOT_A_NOUN = frozenset({"and", "or", "but", "so", "because", "then", "that", "which", "who", "if", "when", "once",
                         "as", "than", "until", "before", "after", "while", "since", "where", "what", "how", "why",
                         "is", "are", "was", "were", "be", "said", "says", "think", "hope", "know", "sure", "guess",
                         "believe", "expect", "suspect", "hear", "heard", "told", "all", "both", "now", "today"})


def _in_relative_clause(r: _Reading) -> bool:
    """The clause describes a noun: after "that", "which" or "who", or opened by a third person with no "that"
    ("the details they will ask you for": a noun right before the pronoun, its determiner a word or three back;
    "Once we have the parts the engineer will call" has no pronoun, and stays a promise)."""
    if {low(r.toks[max(r.s_end - 1, 0)]), low(r.toks[max(r.i - 1, 0)])} & {"that", "which", "who"}:
        return True
    k = r.s_start - 1
    if low(r.toks[r.s_start]) not in ("they", "he", "she") or k < 1:
        return False
    before = r.toks[k]
    if not before.is_alpha or not before.text.islower() or low(before) in _NOT_A_NOUN:
        return False
    return any(low(t) in _DETERMINERS for t in r.toks[max(0, k - 3):k])


def _verb_lemma(r: _Reading) -> str:
    """The lemma of the clause's main verb ("processed" -> "process", "sending" -> "send")."""
    word = r.verb.split()[0] if r.verb.startswith("be ") else r.verb
    toks, j = r.toks, r.j
    if word == low(toks[j]) and j + 2 < len(toks) and toks[j + 1].text == "-" and not toks[j].whitespace_:
        word = word + "-" + low(toks[j + 2])        # "re-varnish", split by the tokenizer
    return lemma(word)


_AVAILABILITY = ("be here", "be around", "be available")
# work with no end the reader can see, even once the reader has done their part
_OPEN_ENDED = frozenset({"look", "investigate", "check", "review", "consider", "see", "assess", "explore", "examine",
                         "discuss", "think", "try"})
# where a person will be: "Tom hopes to be back on Monday" (not "it will be back with you")
_WHEREABOUTS = _AVAILABILITY + ("be back", "be in", "be there", "be off", "be away")
# the sender's work named as a noun: when it starts or resumes, the reader has something to wait for
SERVICE_NOUNS = frozenset({
    "production", "delivery", "deliveries", "installation", "work", "works", "repair", "repairs", "construction",
    "fitting", "dispatch", "shipping", "collection", "inspection", "survey", "refund", "replacement", "treatment",
    "cleaning", "servicing", "maintenance", "manufacturing", "processing", "assessment", "build", "renovation"})
# things the reader operates: what they "will" do describes how they work when used, it promises nothing
CONTROLS = frozenset({
    "option", "options", "button", "buttons", "link", "links", "setting", "settings", "switch", "toggle", "menu",
    "tab", "shortcut", "command", "wizard", "checkbox", "field", "filter", "feature", "function", "mode", "tool",
    "key", "icon", "slider", "dropdown", "formula", "macro", "script", "selection", "choice"})
# a negative condition on the reader: what follows is a consequence, not something the reader waits for
_CONSEQUENCE = re.compile(r"^\W*(?:if|unless)\s+(?:you|we)\s+(?:do\s*n['’]?t|do\s+not|have\s*n['’]?t|have\s+not|"
                          r"ca\s*n['’]?t|cannot|are\s*n['’]?t|are\s+not|hear\s+nothing)\b|^\W*unless\s+you\b", re.I)
_FOR_ANY = re.compile(r"\b(?:for|on|to|with)\s+(?:any|all|every|each)\b", re.I)
_OPINION = re.compile(r"\b(?:think|believe|feel|suggest|recommend|propose|guess)\s+(?:that\s+)?$", re.I)
_AWAY = ("be out", "be away", "be off")


def _coming_to_do(r: _Reading) -> bool:
    """"we'll be out to fix the boiler": away in order to do the reader's work (the word after is "to")."""
    k = r.rest_start
    while k < len(r.toks) and low(r.toks[k]) in ("out", "away", "off", "round", "over"):
        k += 1
    return k < len(r.toks) and low(r.toks[k]) in ("to", "with")


# a state a thing will be in, which nobody waits on: "a mult box will be available", "the page will be live"
_MERE_STATES = ("be available", "be there", "be here", "be out", "be live", "be online", "be up")


def _is_outcome(r: _Reading) -> bool:
    """An outcome the reader waits on: "it'll be back", "we'll be in touch", "we'll have an answer for you"."""
    if r.verb.startswith("be "):
        # "the fix should be out in the next update": something the reader is owed arriving, not a mere state
        # ... and in a reply to a grievance, what was down coming back "soon" is awaited ("They'll be up shortly")
        return r.owner in ("first", "team", "reader") or r.verb not in _MERE_STATES or \
            _owed(r.toks[r.s_start:r.s_end]) or (r.grievance and _promise_shaped(r.toks, r.i))
    if r.owner == "thing" and r.verb in OUTCOME_VERBS and low(r.toks[max(r.s_end - 1, r.s_start)]) in SERVICE_NOUNS:
        return True                 # "production will begin in due course": the sender's work, going ahead
    if r.owner == "thing" and not r.passive and lemma(r.verb) in _ARRIVING_THINGS and \
            (_owed(r.toks[r.s_start:r.s_end]) or low(r.toks[r.s_start]) == "your"):
        return True                 # "The refund should reflect in your account within the next few working days"
    if r.passive and (_owed(r.toks[r.s_start:r.s_end]) or r.grievance and r.verb in _REMEDIES):
        return True                 # "the corrected payslip will be uploaded": what the reader is owed, arriving;
        #                             "the duplicate charge will be reversed", in a reply to the complaint about it
    return r.verb in ("have", "take") and have_result(r.toks, r.j)


def _plain_future(r: _Reading) -> bool:
    """"I will fax it", "we'll analyse": will/shall + a base verb (not "will be facing", not "will strongly ...")."""
    return r.kind == "will" and not r.passive and all(low(t) in SKIP_ADV for t in r.toks[r.i + 1:r.j]) and \
        not r.verb.endswith(("ing", "ly")) and \
        not r.verb.startswith("be ") and r.verb not in ("ever", "never", "always")


def _is_effort(r: _Reading) -> bool:
    """"we'll do our best to", "we'll try to", "we should be able to": an effort offered, not a plan. "We may be
    able to bypass the problem" weighs a possibility: it offers no effort, so it needs a service or the reader."""
    if r.anchor in ("may", "might", "could"):
        return _service_follows(r)
    return r.kind == "best" or lows(r.toks[max(0, r.rest_start - 2):r.rest_start]) in ("able to", "position to",
                                                                                           "try to", "try and")


def _service_follows(r: _Reading) -> bool:
    """"we may be able to re-glue the sole", "... offer a refund": the possibility is an act of service
    (promise_frame.SERVICE_VERBS) or something given to the reader."""
    toks, k = r.toks, r.rest_start
    if k >= len(toks) or lows(toks[max(0, k - 2):k]) not in ("able to", "position to"):
        return False
    word = low(toks[k])
    if word == "re" and k + 2 < len(toks) and toks[k + 1].text == "-":
        word = "re-" + low(toks[k + 2])
    return lemma(word) in SERVICE_VERBS or lemma(word) in _GIVING


# what a sender gives the reader: "we might be able to offer a partial refund"
_GIVING = ("offer", "give", "lend", "let")


def _reader_acts_first(r: _Reading, text: str) -> bool:
    """The lead-in of the clause has the reader act first (see promise_frame.reader_acts_first)."""
    lead_from, lead_kind = lead_in(r.toks, r.s_start)
    if lead_from is None:
        return False
    lead_text = text[r.toks[lead_from].idx:r.toks[r.s_start].idx]
    if _verb_lemma(r) in _OPEN_ENDED:
        return False                # "send us photos and we'll look at a claim": the looking still has no end
    if READER_CHOICE.match(lead_text):
        # "If you would like to go ahead, please reply and I will ask ...": the choice, then the reader's act
        rest = lead_text.split(",", 1)[1] if "," in lead_text else ""
        return bool(rest.strip()) and reader_acts_first("request", rest)
    return reader_acts_first(lead_kind, lead_text)


def _inverted_question(toks, i: int, kind: str) -> bool:
    """An inverted question or request: "Will you ...", "Shall I ...", ", may we ..."."""
    return kind in ("will", "modal") and i + 1 < len(toks) and low(toks[i + 1]) in ("you", "i", "we") and \
        (i == 0 or low(toks[i - 1]) in (",", ";", "and", "so", "but", "or", "please"))


def _is_promise(r: _Reading, text: str) -> bool:
    """The subject and verb make a promise the reader waits on (not a forecast, a claim, advice or a state)."""
    return _arrival_ok(r, text) and _modal_ok(r) and _thing_ok(r) and _not_a_claim(r) and _not_a_state(r)


def _arrival_ok(r: _Reading, text: str) -> bool:
    """A hedged present or progressive ("the legs are probably arriving", "hopefully you get it") promises an
    arrival, or what the reader receives."""
    if r.kind not in ("prog", "present"):
        return True
    if r.owner == "reader":
        return r.verb in ("receive", "get", "hear")
    if r.owner not in ("thing", "they"):
        return True
    if r.verb not in ARRIVAL_VERBS and not r.passive:
        return False
    # "things are probably getting busier" is a forecast, not a promise
    verb_tok = r.toks[r.j]
    return r.verb not in ("get", "turn", "go") or bool(
        _GETS_THERE.match(text[verb_tok.idx + len(verb_tok.text):verb_tok.idx + 40]))


def _modal_ok(r: _Reading) -> bool:
    """A hedged modal promises only after a first-person or team subject, or a thing of the reader's or ours that
    is to be ready or arrive; "we should ..." only in "we should be
    able to", "we should have it back to you", "I should know more" (hedged promises), not in "we should
    discuss" or "you should" (advice)."""
    if r.kind != "modal" or (r.passive and r.owner in ("thing", "they")):
        return True
    if r.owner == "thing" and (low(r.toks[r.s_start]) in ("our", "your") or _owed(r.toks[r.s_start:r.s_end]) or
                               r.grievance) and r.anchor in ("should", "may", "might") and \
            (r.verb.startswith("be ") or r.verb in ARRIVAL_VERBS or lemma(r.verb) in _ARRIVING_THINGS):
        return True                 # "Our July offer should be ready", "Replacement units should be ready": hedged
    if r.owner not in ("first", "team") or low(r.toks[r.s_start]) in ("which", "that", "who"):
        return False
    if r.anchor not in ("should", "ought"):
        return True
    after = r.i + 2 if r.anchor == "ought" else r.i + 1
    while after < len(r.toks) - 1 and low(r.toks[after]) in _MODAL_ADVERBS:
        after += 1                  # "we should also be able to send you the report"
    if r.owner == "team" and {"you", "your"} & {low(t) for t in r.toks[r.j + 1:r.j + 4]}:
        return True                 # "the courier should ring you": what our side is expected to do for the reader
    return lows(r.toks[after:after + 3]).startswith("be able") or r.passive or r.verb.startswith("be ") or \
        r.verb in ("know", "hear", "get", "receive") or (r.verb == "have" and have_result(r.toks, r.j))


_MODAL_ADVERBS = frozenset({"also", "still", "then", "now", "hopefully", "probably", "definitely", "certainly",
                            "easily", "soon", "both", "all"})


def _thing_ok(r: _Reading) -> bool:
    """A thing promises an outcome ("your parcel will ship"); it does not intend or try; "it may be overloaded" is
    a possibility, but "the discount might be reviewed" a hedged promise."""
    if r.owner == "thing" and not r.passive and not r.verb.startswith("be ") and \
            r.kind in ("will", "going", "prog", "present") and r.verb not in OUTCOME_VERBS and \
            not (r.kind == "will" and _owed(r.toks[r.s_start:r.s_end])):
        return False                # ... but "the credit will go on your next invoice": what the reader is owed
    if r.owner == "thing" and r.kind in ("intent", "best"):
        return False
    if r.owner == "thing" and not r.passive and low(r.toks[max(r.s_end - 1, r.s_start)]) in CONTROLS:
        return False                # "this option will go back to the last good settings": what a control does
    # "this should be sorted in the coming days", "it may be reviewed", "it should be back with you": hedged; "the
    # refund should reflect in your account", "the kit should ship next week": an arrival, hedged
    return not (r.owner in ("thing", "they") and r.kind == "modal"
                and not (r.passive and r.anchor in ("may", "might", "should") and r.verb in IRREGULAR_PP)
                and not (r.anchor == "should" and r.verb.startswith("be ") and
                         (r.verb not in _MERE_STATES or _owed(r.toks[r.s_start:r.s_end])))
                and not (r.anchor == "should" and not r.passive and lemma(r.verb) in _ARRIVING_THINGS))


# what a thing the reader is owed does when it comes: "the refund should reflect in your account", "the kit should
# ship out next week" (not "the market should turn", "prices should rise")
_ARRIVING_THINGS = frozenset({"ship", "arrive", "reach", "land", "appear", "clear", "reflect", "dispatch", "deliver",
                              "credit", "post", "show"})


# what is done to put a grievance right, said in the passive: in a reply to one, the reader waits on it ("The
# duplicate $4.50 will be reversed once it's been reviewed", "A fix will be included in a future release")
_REMEDIES = frozenset({"reversed", "refunded", "credited", "fixed", "repaired", "replaced", "remade", "resent",
                       "re-sent", "reissued", "re-issued", "included", "deployed", "released", "issued", "corrected",
                       "investigated", "reviewed", "escalated", "rebooked", "rescheduled", "reprinted", "redelivered",
                       "waived", "cancelled", "canceled", "removed", "restored", "reinstated", "adjusted", "amended",
                       # ... and the steps taken on it: "the claim will be submitted to your insurer", "the certificates
                       # will be shared after final approval"
                       "submitted", "forwarded", "processed", "actioned", "assessed", "shared", "uploaded", "returned",
                       "examined", "booked", "arranged", "dispatched", "posted", "emailed", "collected", "sent"})


def _not_a_claim(r: _Reading) -> bool:
    """"No one will ...", "the turbines will be assigned", "the event will be held" (nothing promised to the
    reader), "this will help you", "our app will let you" (claims)."""
    if low(r.toks[r.s_start]) in ("no", "nothing", "none", "neither"):
        return False
    if r.passive and r.owner in ("thing", "they", "reader") and r.verb not in IRREGULAR_PP \
            and not any(low(t) == "your" for t in r.toks[r.s_start:r.s_end]) and not _owed(r.toks[r.s_start:r.s_end]) \
            and not _promise_shaped(r.toks, max(0, r.s_start - 3)) \
            and not (r.grievance and r.verb in _REMEDIES):
        return False
    return not (r.owner in ("thing", "named", "they") and r.verb in ("help", "allow", "enable", "let", "give",
                                                                     "make", "end"))


def _not_a_state(r: _Reading) -> bool:
    """"We'll need", "I'll remember", "we'll include": states and terms, unless "able to", "have it repaired",
    "we plan to take", "we'll hear back"."""
    if r.owner not in ("first", "team", "named", "they", "someone") or r.passive or r.verb.startswith("be "):
        return True
    if lemma(r.verb) not in STATE_VERBS or lows(r.toks[r.rest_start - 2:r.rest_start]) == "able to":
        return True
    if lemma(r.verb) == "find" and r.j + 1 < len(r.toks) and low(r.toks[r.j + 1]) == "out":
        return True                 # "I'll find out when she can do it": finding out, not "you'll find"
    if r.verb in ("have", "take") and (have_result(r.toks, r.j) or r.kind == "intent"):
        return True
    return r.verb == "hear" and r.owner != "reader"


# what a customer is owed: "the corrected payslip", "the replacement", "the refund", "the arrears"
_OWED_MODIFIERS = frozenset("corrected replacement revised amended updated reissued refunded outstanding missing"
                            .split())
_OWED_NOUNS = frozenset("refund refunds credit replacement payslip payslips arrears reimbursement compensation "
                        "voucher vouchers rebate fix hotfix patch correction".split())


def _owed(subject_toks) -> bool:
    """The subject is something the reader is owed ("The corrected payslip will be uploaded", "the arrears will
    be included"): its passive is a promise to the reader, whatever the verb."""
    words = [low(t) for t in subject_toks]
    if "of" in words:
        words = words[:words.index("of")]   # "the prospect of refunds": the head is the prospect, not the refunds
    return bool(words) and (words[-1] in _OWED_NOUNS or any(w in _OWED_MODIFIERS for w in words[:-1]))


def _promise_shaped(toks, i: int) -> bool:
    """The rest of the sentence has a hedge or a vague time: the passive is a promise, whatever its verb."""
    rest = " ".join(t.text for t in toks[i:])
    return bool(HEDGES.search(rest)) or any(not t.concrete for t in timexpr.find_times(rest))


def _clause(r: _Reading, text: str) -> tuple[Commitment, int, int]:
    """The commitment over its clause: from the subject (or a hedge adverb right before it: "Hopefully the pallet
    will ...") to the clause's end, with the sentence's full stop when the clause ends the sentence."""
    toks = r.toks
    end_tok = clause_end(toks, r.i)
    start_tok = r.s_start
    k = r.s_start - 1
    while k >= 0 and toks[k].is_punct and toks[k].text == ",":
        k -= 1
    if k >= 0 and low(toks[k]) in HEDGE_BEFORE_SUBJECT:
        start_tok = k
    last = toks[end_tok - 1]
    if end_tok < len(toks) and toks[end_tok].text in (".", "!") and end_tok == len(toks) - 1:
        last = toks[end_tok]
    start = toks[start_tok].idx
    end = last.idx + len(last.text)
    s_last = toks[r.s_end - 1]
    c = Commitment(start=start, end=end, subject=text[toks[r.s_start].idx: s_last.idx + len(s_last.text)],
                   owner=r.owner, passive=r.passive, verb=r.verb, text=text[start:end])
    return c, start_tok, end_tok


# a condition about cases in general, no one's in particular ("If the fare is less, ...", "If a flight is cancelled,
# ..."): what follows describes a policy
_GENERAL_CASE = re.compile(r"^\W*(?:@\w+\s+)?if\s+(?:the|a|an|any)\s+(?![^,]*\b(?:you|your|yours|we|our|us|I|my|me)\b)"
                           r"(?:[\w-]+\s+){1,3}(?:is|are|was|were|gets?|turns\s+out)\s+(?:\w+\s+)?(?:less|lower|higher|more|"
                           r"cheaper|dearer|cancell?ed|delayed|changed|late|lost|damaged|refused|declined|over|under)\b[^,]{0,30},",
                           re.I)


# a time that dates the reader's own past act inside the promise: "I will refund the £720 you paid on 15 February"
_READERS_PAST_ACT = re.compile(r"\b(?:you|your\s+[\w-]+)\s+(?:paid|ordered|booked|bought|placed|made|sent|posted|"
                               r"returned|signed|submitted|received|collected|cancelled|canceled|renewed|"
                               r"started|joined|moved|called|rang|emailed)(?:\s+(?:it|them|us|me|(?:the|your|this|that)"
                               r"\s+[\w-]+))?\s+(?:on|at|in|last)?\s*$", re.I)


def _time_scope(c: Commitment, r: _Reading, start_tok: int, end_tok: int, text: str) -> int | None:
    """Set the times in the clause's scope (lead-in + clause + a list after a colon); return where the scope
    starts, or None when the lead-in makes the clause an offer on the reader's own choice ("If you upgrade, our
    crew will build it"), not a wait."""
    toks = r.toks
    clause_start = toks[start_tok].idx
    lead_from, lead_kind = lead_in(toks, r.s_start)
    scope_start = toks[lead_from].idx if lead_from is not None else c.start
    lead_text = text[scope_start:clause_start]
    if lead_kind == "if" and READER_CHOICE.match(lead_text) and not _ASKS_IN_LEAD.search(lead_text) and \
            not HEDGES.search(c.text):
        return None
    choice = _CHOICE_AFTER.search(text[toks[r.j].idx:c.end])
    if choice and not any(t.concrete and t.start < toks[r.j].idx + choice.start()
                          for t in timexpr.find_times(text[clause_start:c.end], clause_start)):
        # "we will ask for it if you request an upgrade": an offer on the reader's choice, as a lead - unless the
        # promise is dated before the choice ("I will ring you at 10am tomorrow to go through the options and, if
        # you wish, to speak to your broker": the call is promised, only its second part is the reader's choice)
        return None
    if _CONSEQUENCE.match(lead_text):
        return None     # "if we don't hear from you by Friday, we will offer the slot to ...": a warning, not a wait
    if c.owner == "thing" and _GENERAL_CASE.match(lead_text):
        return None     # "If the fare is less, the residual value will be issued as a credit": how a policy works
    lead_times = _lead_times(lead_text, scope_start, lead_kind) if lead_from is not None and lead_from < start_tok \
        else []
    lead_times += _time_label(text, scope_start)
    own = [t for t in timexpr.find_times(text[clause_start:c.end], clause_start)
           if not _READERS_PAST_ACT.search(text[max(clause_start, t.start - 60):t.start])]
    if lead_kind == "request" and any(t.kind == "vague" for t in own):
        lead_times = []         # "Reply with mornings next week that suit, and we'll fit you in as soon as we can"
    c.times = lead_times + own + _times_after_colon(toks, end_tok, text)
    c.concrete = [t for t in c.times if t.concrete]
    c.vague = [t for t in c.times if not t.concrete]
    _indefinite(c)
    return scope_start


def _lead_times(lead_text: str, offset: int, lead_kind: str) -> list:
    """The times of a lead-in; of a condition or a request only the concrete ones ("If it hasn't arrived by
    Friday"), and anaphors only of a condition."""
    times = timexpr.find_times(lead_text, offset)
    if lead_kind not in ("if", "request"):
        return times
    return [t for t in times if t.concrete and t.kind != "anaphor"] + \
        [t for t in times if t.kind == "anaphor" and lead_kind == "if"]


# a list item or line led by a time and a colon: "- Today: I will send ...", "7 December: we will request ..."
# the label leading a line, a clock time's colon inside it: "- 18 December: ...", "- About 8:15pm: ..."
_TIME_LABEL = re.compile(r"[ \t]*(?:[-*•·]|\d{1,2}[.)])?[ \t]*(?P<label>(?:[^\n:]|(?<=\d):(?=\d)){2,40}?)"
                         r"[ \t]*:(?:[ \t]|$)", re.M)


def _time_label(text: str, scope_start: int) -> list:
    """The concrete time of a label that leads the clause's line ("- 18 December: Ciarán will run the payroll",
    "- About 8:15pm: over the castle, Shane will hand you the ring"): the label is all time, so it dates what
    follows on its line."""
    m = _TIME_LABEL.match(text, text.rfind("\n", 0, scope_start) + 1)
    if m is None or m.end() > scope_start:
        return []
    label = m.group("label")
    times = [t for t in timexpr.find_times(label, m.start("label")) if t.concrete]
    covered = sum(t.end - t.start for t in times)
    core = _ROUGHLY.sub("", label.strip())      # "About 8:15pm": the label is still all time
    return times if times and covered >= 0.6 * len(core) else []


_ROUGHLY = re.compile(r"^(?:about|around|approx\.?|approximately|roughly|circa|c\.)\s+", re.I)


def _indefinite(c: Commitment) -> None:
    """An indefinite time ("sometime next week", "probably at some point in January") leaves the clause vague,
    unless a named day or clock time pins it down."""
    if any(timexpr.indefinite(t) for t in c.times) and not any(t.kind in timexpr.PINNED_KINDS for t in c.concrete):
        c.indefinite = True
        c.concrete = []
        c.vague = [t for t in c.times if timexpr.indefinite(t)] + [t for t in c.vague if not timexpr.indefinite(t)]


def _times_after_colon(toks, end_tok: int, text: str) -> list:
    """A clause ending in ":" takes in the concrete times of the list that follows (up to a blank line)."""
    if end_tok >= len(toks) or toks[end_tok].text != ":":
        return []
    tail = text[toks[end_tok].idx + 1:]
    m = re.search(r"\S[\s\S]*?(?:\n\s*\n|$)", tail)
    if not m:
        return []
    seg = tail[:min(m.end(), 500)]
    return [t for t in timexpr.find_times(seg, toks[end_tok].idx + 1) if t.concrete]


def _hedge(c: Commitment, r: _Reading, text: str, scope_start: int, clause_start: int) -> str | None:
    """The words that hedge the promise: in the clause, in a lead-in ("With any luck, we'll ..."), around a
    hedged "can" or plain present, or the anchor itself ("hoping to", "trying to", "aiming to")."""
    m = HEDGES.search(text[clause_start:c.end])
    # a bare "should"/"may"/"might" hedges only a promise by us, or an agentless passive one
    if m and not (m.group(0).lower() in ("should", "may", "might") and r.owner not in ("first", "team", "named")
                  and not (r.kind == "modal" and r.passive)):
        return m.group(0)
    m = HEDGE_ADV.search(text[scope_start:clause_start]) if scope_start < clause_start else None
    if m is None and ((r.kind == "modal" and r.anchor == "can") or r.kind in ("prog", "present")):
        m = HEDGE_ADV.search(clause_window(r.toks, r.i))
    if m:
        return m.group(0)
    if r.kind == "intent" and r.anchor.startswith(("hop", "tr", "aim")):
        return r.toks[r.i].text + " to"
    return None
