"""Next steps: does the message leave the reader knowing what happens next?

LABELS.md: a customer-facing message has a next step when it holds at least one of
1. a clear commitment (an owner and a concrete time) - from the commitment analysis (commitment_issues.py);
2. a concrete request or instruction for the reader (requests.py): "please ...", an imperative clause, "you'll
   need to ...", "could you ...?", a polite ask, a question for something specific, a plan proposed together
   that is a question or has a time, or "let me know" with something specific;
3. a scheduled event on a named day or at a clock time still ahead of the Date header (schedule.py): a call,
   meeting, visit, appointment, delivery window, booking or collection slot that is the reader's own, never a
   policy ("Deliveries run Monday to Friday") or a past event ("was delivered on 22 December"); or a sum the reader
   owes by a date still ahead ("It's on invoice INV-2044, due by May 1");
4. an explicit closure: "nothing else is needed from you", "this case is now closed", "marked as solved", "I've
   now closed your return"; or the case completed/processed/resolved in the past tense together with "that's
   everything" / "nothing else" ("I've processed your refund" alone is a past action, not a closure).
5. something waiting for the reader with the time it waits ("on the hold shelf ... Pickup window is 5 days"), or a
   window for the reader to act in ("You have 5 days to collect it").
"Let me know if you have any questions", "feel free to reach out" and "hope this helps" are not next steps.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import timexpr
from .commitment_issues import analyse_commitments, dated_events, dated_meetings
from .commitments import body_sentences, future_time_in
from .requests import GENERIC_ASK, is_request

# (a bare "Morning Pieter" / "Afternoon all," is a greeting; "Morning deliveries are full" is not)
GREETING = re.compile(r"^\s*(?:hi|hello|hey|hiya|howdy|dear|good\s+(?:morning|afternoon|evening|day)|greetings|hej|"
                      r"hallo|bonjour|g['’]day|howzit|kia\s+ora|namaste|(?:morning|afternoon|evening)(?=\s*[,!:]|\s*$|"
                      r"\s+(?:all|team|everyone|folks|both|guys|"
                      r"(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?\s*(?:[,!:]|$))))\b",
                      re.I)
CLOSURE = re.compile(
    r"\b(?:nothing\s+(?:else|more|further)\s+(?:is\s+)?(?:needed|required|to\s+do)|"
    r"nothing\s+(?:is\s+)?(?:needed|required)\s+(?:from|of)\s+you|no\s+(?:further\s+)?action\s+"
    r"(?:is\s+)?(?:needed|required)|nothing\s+(?:else\s+)?(?:you\s+need|for\s+you)\s+to\s+do|you\s+don['’]?t\s+need\s+to\s+do\s+"
    r"anything|no\s+need\s+to\s+(?:do\s+anything|send|return|reply)|there['’]?s\s+no\s+need\s+to|"
    r"you\s+(?:don['’]?t|do\s+not)\s+need\s+to\s+(?:send|return|post|bring)\s+(?:\w+\s+){0,3}?back\b|"
    r"(?:this|your|the)\s+(?:case|ticket|request|claim|issue|query|enquiry|inquiry|matter|order|job|complaint|"
    r"project|repair|installation|install)\s+is\s+(?:now\s+)?"
    r"(?:closed|resolved|complete|completed|solved|done)|marked\s+(?:it|this|(?:your|the|this)\s+\w+)\s+as\s+(?:solved|resolved|closed|"
    r"complete|done)|(?:there['’]?s|there\s+is)\s+nothing\s+(?:(?:else|more|further)\s+)?(?:(?:for\s+you\s+)?to|you\s+need\s+to)\s+"
    r"(?:send|do|pay|return|sign)|"
    # the reader's account with us ended or paid up: "Your account with us is settled in full", "your rental is now
    # closed" (not the office: "Our office is now closed for the holidays")
    r"\byour\s+(?:[\w-]+\s+)?(?:account|rental|hire|booking|subscription|membership|contract|lease|loan|plan|balance|"
    r"bill|invoice|tab|case|ticket|claim|file)(?:\s+with\s+us)?\s+(?:is|has\s+been)\s+(?:now\s+)?(?:closed|settled|"
    r"paid|cleared)(?:\s+in\s+full)?\b|"
    r"you['’]?re\s+all\s+set|(?:^\W*|\b(?:you['’]re|you\s+are|we['’]re|that['’]s|that\s+is|it['’]s|everything['’]s|everything\s+is)\s+)"
    r"all\s+(?:done|sorted|set)\b|nothing\s+to\s+(?:send\s+back|pay|return)|"
    # "This closes job QL-J-22817", "that completes your order"
    r"\b(?:this|that)\s+(?:closes|completes|wraps\s+up|concludes)\s+(?:the\s+|your\s+|this\s+)?(?:\w+\s+)?(?:job|case|"
    r"ticket|order|request|claim|project|repair|return|booking)\b|"
    # the sender closes the case in the past tense: "I've now closed your return", "we have closed the ticket"
    r"(?:I|we)\s*(?:['’]ve|\s+have)?\s+(?:now\s+|just\s+|also\s+)?(?:closed|marked\s+(?:as\s+)?(?:closed|resolved|solved))\s+"
    r"(?:this|your|the)\s+(?:\w+\s+)?(?:case|ticket|request|claim|return|order|query|enquiry|inquiry|complaint|"
    r"exchange|file|account|call|job|work\s+order)\b|"
    r"(?:this|your|the)\s+(?:\w+\s+)?(?:case|ticket|request|claim|return|query|enquiry|inquiry|complaint)\s+"
    r"(?:has\s+(?:now\s+)?been|is\s+now)\s+(?:closed|resolved|marked\s+as\s+(?:closed|resolved|solved)))", re.I)
# "completed / processed / resolved / sorted" about the case only closes it alongside "that's everything",
# "nothing else (is) needed": "I've processed your refund" alone is a past action, not a closure
DONE_WITH_CASE = re.compile(
    r"\b(?:I|we)\s*(?:['’]ve|\s+have)?\s+(?:now\s+|just\s+|also\s+)?(?:closed|completed|resolved|processed|finali[sz]ed|"
    r"sorted|settled|cancelled|canceled|issued|refunded)\s+(?:this|your|the)\b|"
    r"\b(?:case|ticket|request|claim|return|order|refund|exchange|query|complaint)\s+(?:has\s+(?:now\s+)?been|is\s+(?:now\s+)?)"
    r"\s*(?:closed|completed|resolved|processed|finali[sz]ed|settled|complete)\b", re.I)
ALL_DONE = re.compile(r"\b(?:that['’]?s|that\s+is)\s+(?:everything|all|it)\b(?!\s+(?:for\s+now|I\s+know))|"
                      r"\bnothing\s+(?:else|more|further)\b|\bno\s+(?:further|other)\s+(?:action|steps?)\b|"
                      r"\bthere['’]?s\s+nothing\s+(?:else|more)\b|\ball\s+(?:done|sorted|wrapped\s+up)\b", re.I)


@dataclass
class NextSteps:
    has_next_step: bool
    vague_commitments: list      # the promises that would be next steps were they clear
    generic_asks: list           # "let me know if you have any questions" and the like


# the sender's side doing something at a named time, said in the present: "I'm moving your class to Room 2 from
# Monday 16 November", "Our billing system emails the corrected invoice at 5pm today"
_PRESENT_PLAN = re.compile(
    r"\b(?:I|we)(?:['’]m|['’]re|\s+am|\s+are)\s+(?!sorry\b|afraid\b|glad\b|happy\b|going\s+to\b|hoping\b|trying\b)"
    r"\w+ing\b|\bour\s+(?:[\w-]+\s+){0,2}?(?:emails?|sends?|posts?|calls?|rings?|delivers?|arrives?|starts?|opens?|"
    r"issues?|ships?|collects?|visits?|refunds?|credits?|texts?)\b|"
    # a colleague or our crew on the move: "Dafydd is bringing the other four boxes tomorrow, before 11am"
    r"\b(?:(?-i:[A-Z][a-z]+)|(?:our|my)\s+(?:[\w-]+\s+){0,2}?[\w-]+)(?:['’]s|\s+is|\s+are)\s+(?:bringing|sending|"
    r"delivering|coming|calling|ringing|fitting|installing|collecting|dropping|posting|shipping|returning|fixing|"
    r"repairing|visiting|popping|driving)\b", re.I)


# what the reader owes by a date: "It's on invoice INV-2044, due by May 1", "the balance is payable on 3 June"
# ... also as a field of an invoice note: "Payment due: Monday 30 November, by EFT."
_DUE_BY = re.compile(r"\b(?:due|payable)(?:\s+(?:by|on|before)\b|\s*:)", re.I)
# an offer the reader can take up, dated: "If you would like your site serviced before 7:30 a.m., I will send you a
# price by Friday, January 22" - the reader knows what happens next if they want it (one sentence: "a.m." may hold
# full stops)
_DATED_OFFER = re.compile(r"\bif\s+you(?:['’]d|\s+would)?\s+(?:like|want|wish|prefer)\b[^?!]{0,160}?\b(?:I|we)"
                          r"(?:['’]ll|\s+will|\s+can|\s+shall)\b", re.I)
# something waiting for the reader to fetch, with how long it waits: "they're on the hold shelf ... Pickup window is 5
# days", "Your parcel is ready to collect. We hold it for 7 days", "You have 5 days to collect it" - the reader knows
# what to do and by when
_READY_FOR_READER = re.compile(
    r"\b(?:ready|waiting|available)\s+(?:for\s+(?:you\s+to\s+)?(?:collection|pick-?up|collect|pick\s+up)|to\s+(?:collect|"
    r"pick\s+up|be\s+collected|be\s+picked\s+up))\b|\bon\s+the\s+(?:hold|reservations?|collection)\s+shel(?:f|ves)\b",
    re.I)
_READER_WINDOW = re.compile(
    r"\b(?:pick-?up|collection|return|payment|reply|response|cooling[- ]off|claim)\s+(?:window|period)\s+(?:is|of)\s+"
    r"(?:\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty|a)\s+(?:\w+\s+)?(?:days?|weeks?|hours?|months?)\b|"
    r"\b(?:we|I)\s+(?:will\s+|['’]ll\s+|can\s+)?(?:hold|keep|reserve)\s+(?:it|them|(?:the|your)\s+[\w-]+)\s+(?:for|until)\s+\w+|"
    r"\byou\s+(?:have|['’]ve\s+got|will\s+have)\s+(?:\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty|a|until)\s+"
    r"(?:\w+\s+){0,2}?(?:days?|weeks?|hours?|months?|\w+day)?\s*to\s+(?:collect|pick|pay|return|reply|respond|claim|"
    r"book|confirm|sign|cancel|send)\b", re.I)


# the reader's own route with its deadline, as a final response gives it: "you can refer your complaint to the
# Ombudsman within six months of today", "you can return it within 30 days for a full refund"
_ROUTE_WITH_DEADLINE = re.compile(
    r"\byou\s+(?:can|may|are\s+entitled\s+to|have\s+the\s+right\s+to)\s+(?:\w+\s+){1,12}?within\s+(?:\d+|one|two|three|"
    r"four|five|six|seven|eight|ten|twelve|fourteen|thirty|sixty|ninety)\s+(?:\w+\s+)?(?:days?|weeks?|months?)\b", re.I)


def _waits_for_reader(texts: list[str]) -> bool:
    """Something is waiting for the reader and the message says how long ("a reader's window"), or the reader is
    given a window to act in: a next step of the reader's own."""
    judged = " ".join(texts)
    return bool(_READER_WINDOW.search(judged)) and (bool(_READY_FOR_READER.search(judged)) or
                                                     re.search(r"\byou\s+(?:have|['’]ve\s+got|will\s+have)\b",
                                                               judged, re.I) is not None)


def _dated_plan(sentence: str, ref) -> bool:
    """A plan of the sender's side in the present tense with a concrete time still ahead: a clear next step."""
    return _PRESENT_PLAN.search(sentence) is not None and future_time_in(sentence, ref)


def find_next_steps(ctx) -> NextSteps:
    """Whether the judged text has a next step, and if not, what comes closest; once per document."""
    def run():
        commitments = analyse_commitments(ctx)
        if any(c.issue in (None, "past-deadline", "moved-deadline") for c in commitments):
            return NextSteps(True, [], [])
        vague = [c for c in commitments if c.issue not in (None, "past-deadline", "moved-deadline")]
        texts = [ctx.text[s.start_char:s.end_char] for s in body_sentences(ctx)]    # == s.text
        ref = timexpr.reference_time(ctx.document.context.date)
        # a delivery window, a booking, a visit, an appointment, a collection slot or a meeting on a named day (the
        # subject line may date it: "Site dinner - Monday 14 December")
        if dated_events(ctx) or dated_meetings(ctx):
            return NextSteps(True, vague, [])
        if any(_dated_plan(t, ref) or (_DUE_BY.search(t) or _DATED_OFFER.search(t)) and future_time_in(t, ref)
               for t in texts):
            return NextSteps(True, vague, [])
        judged = " ".join(texts)
        if DONE_WITH_CASE.search(judged) and ALL_DONE.search(judged) or _waits_for_reader(texts) or \
                _ROUTE_WITH_DEADLINE.search(judged):
            return NextSteps(True, vague, [])
        generic = []
        for text in (t.strip() for t in texts):
            if GREETING.match(text) and len(text.split()) <= 4:
                continue
            if CLOSURE.search(text) or is_request(text):
                return NextSteps(True, vague, generic)
            if GENERIC_ASK.search(text):
                generic.append(text)
        return NextSteps(False, vague, generic)

    return ctx.memo("next-steps", run)
