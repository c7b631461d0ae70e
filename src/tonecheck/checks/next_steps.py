"""Next steps (document level): does the message leave the reader knowing what happens next?

LABELS.md: a customer-facing message has a next step when it holds at least one of
1. a clear commitment (an owner and a concrete time) - taken from the commitment analysis (commitments.py);
2. a concrete request or instruction for the reader: "please ..." (not "please note", "please bear with us"), an
   imperative clause ("Reply with your order number", "To use them, enter code X at checkout"), "you'll need to
   ...", "could you ...?" (also after a lead-in: "If you get a moment, could you ...?"), a polite ask ("would it
   be possible to ...", "I'd appreciate it if you could ..."), a question for something specific ("Which day would
   suit you?"), a plan proposed together that is a question or has a time ("Can we meet on Monday?"), or "let
   me know" with something specific ("let me know by Friday which option");
3. a scheduled event on a named day or at a clock time still ahead of the Date header: a call, meeting, visit,
   appointment, delivery window, booking or collection slot that is the reader's own ("your drop window is
   Friday 8 January, 12pm to 4pm", "booked with our crew for Wednesday 6 January"), never a policy ("Deliveries
   run Monday to Friday") or a past event ("was delivered on 22 December") - `commitments.scheduled_events`;
4. an explicit closure: "nothing else is needed from you", "this case is now closed", "marked as solved", "I've
   now closed your return"; or the case completed/processed/resolved in the past tense together with "that's
   everything" / "nothing else" ("I've processed your refund" alone is a past action, not a closure).
"Let me know if you have any questions", "feel free to reach out" and "hope this helps" are not next steps.

Scope: e-mails and plain text that looks like a message (a greeting or a sign-off line), never web pages (md,
html). Mail between the sender's own domain and the configured `internal_domains` is internal and never judged:
a colleague's "thanks, got it" needs no next step. The finding sits on the sign-off line (or the last sentence).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import Hit, register
from .commitments import IMPERATIVE_VERBS, analyse, is_request_words, scheduled_events, _low, _reference_date
from . import timexpr
from ..readers.quoting import SIGNOFF
from . import sentences

GREETING = re.compile(r"^\s*(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)|greetings|hej|hallo|bonjour)\b",
                      re.I)
# the reader's sign-off list ("Best,", "Kind regards", "Cheers") decides here too: one definition
GENERIC_ASK = re.compile(
    r"\b(?:let\s+(?:me|us)\s+know|tell\s+(?:me|us)|reach\s+out|get\s+in\s+touch|contact\s+(?:me|us)|drop\s+(?:me|us)\s+a\s+line|"
    r"reply|write\s+(?:back|to\s+(?:me|us)))\s+(?:here\s+)?(?:if|should|whenever|in\s+case)\s+(?:you\s+)?(?:have|there|need|I|we|"
    r"anything|you'd|you\s+would|there's|any)\b[^.?!]*|"
    r"\bif\s+you\s+(?:have|need|wish|want|prefer|no\s+longer|would\s+(?:like|rather)\s+not|'?d\s+(?:like|rather)\s+not|"
    r"run\s+into|require|experience)\s+(?:any\s+|further\s+|more\s+|other\s+|additional\s+)*(?:questions?|"
    r"concerns?|problems?|issues?|help|assistance|support|suggestions?|feedback|to\s+(?:contact|reach)|not\s+to|"
    r"anything)\b[^.?!]*|"
    r"\b(?:feel\s+free|don'?t\s+hesitate|do\s+not\s+hesitate|hope\s+(?:this|that)\s+helps|happy\s+to\s+help|"
    r"here\s+if\s+you\s+need)\b", re.I)
NOT_REQUEST_PLEASE = re.compile(r"\bplease\s+(?:note|be\s+(?:aware|advised|patient|assured)|accept\s+(?:our|my)|"
                                r"bear\s+with|rest\s+assured|understand|don'?t\s+hesitate|do\s+not\s+hesitate|feel\s+free)\b",
                                re.I)
READER_MUST = re.compile(r"\byou(?:'ll|\s+will)?\s+(?:need|have)\s+to\s+\w+|\byou\s+must\s+\w+|\byou'd\s+need\s+to\b", re.I)
ASK_QUESTION = re.compile(r"(?:^\W*(?:\w+,\s+)?|[,:;]\s*)(?:could|can|would|will|do|are|did)\s+you\s+(?:please\s+)?"
                          r"(?!have\s+any\b|need\s+anything\b|know\b(?!\s+(?:if|whether|when|where|who|what|how)\b))"
                          r"\w+[^?]*\?", re.I)
# polite requests that are not imperatives: "would it be possible to ...", "I'd appreciate it if you could ..."
POLITE_ASK = re.compile(
    r"\b(?:would|will|is)\s+it\s+be\s+possible\s+(?:for\s+you\s+)?to\b|\bis\s+it\s+possible\s+(?:for\s+you\s+)?to\b|"
    r"\bwould\s+you\s+mind\b|\b(?:I|we)(?:'d|\s+would)\s+(?:really\s+)?(?:appreciate|be\s+grateful\s+for)\s+"
    r"(?:it\s+if\s+you|your\s+(?:help|review|assistance|input|feedback|comments|thoughts|reply|response|confirmation))\b|"
    r"\b(?:I|we)\s+(?:need|want)\s+you\s+to\b|\b(?:I|we)\s+need\s+your\s+(?:help|input|approval|signature|"
    r"confirmation|answer|reply|decision)\b", re.I)
# a concrete plan proposed together: "Can we meet on Monday?", "Shall we talk at 3?", "Let's meet Friday at 10"
JOINT_PLAN = re.compile(r"\b(?:let'?s|shall\s+we|can\s+we|could\s+we|should\s+we|why\s+don'?t\s+we)\s+(?:\w+\s+){0,2}?"
                        r"(?:meet|talk|discuss|schedule|set\s+up|get\s+together|catch\s+up|call|speak|go\s+through|"
                        r"have\s+(?:a\s+)?(?:quick\s+)?(?:call|chat|lunch|dinner|coffee|meeting|look))\b", re.I)
# a question that asks the reader for something specific: "When would you like the delivery?", "Which size ...?"
WH_ASK = re.compile(r"^\W*(?:\w+,\s+)?(?:when|what\s+time|what\s+day|which|where|what|how\s+(?:many|much|soon|long))\b"
                    r"(?![^?]*\b(?:do\s+you\s+think\s+of\s+(?:that|this)|a\s+(?:great|lovely|nice)))[^?]*\byou\b[^?]*\?", re.I)
SPECIFIC_LET_KNOW = re.compile(r"\blet\s+(?:me|us)\s+know\s+(?:by\b|before\b|which|whether|what|how|when|your|the\b|if\s+(?:the|it|this|that|you(?:'d|\s+would)\s+(?:like|prefer|rather))\b)",
                               re.I)
EVENT = re.compile(r"\b(?:call|meeting|meet|video\s+call|zoom|teams|appointment|visit|demo|training|session|webinar|"
                   r"walk\s+you\s+through|calendar\s+invite|invitation|catch[- ]up|chat)\b", re.I)
CLOSURE = re.compile(
    r"\b(?:nothing\s+(?:else|more|further)\s+(?:is\s+)?(?:needed|required|to\s+do)|no\s+(?:further\s+)?action\s+"
    r"(?:is\s+)?(?:needed|required)|nothing\s+(?:else\s+)?(?:you\s+need|for\s+you)\s+to\s+do|you\s+don'?t\s+need\s+to\s+do\s+"
    r"anything|no\s+need\s+to\s+(?:do\s+anything|send|return|reply)|there'?s\s+no\s+need\s+to|"
    r"(?:this|your|the)\s+(?:case|ticket|request|claim|issue|query|enquiry|inquiry|matter|order)\s+is\s+(?:now\s+)?"
    r"(?:closed|resolved|complete|completed|solved|done)|marked\s+(?:it|this|(?:your|the|this)\s+\w+)\s+as\s+(?:solved|resolved|closed|"
    r"complete|done)|(?:there'?s|there\s+is)\s+nothing\s+(?:(?:else\s+)?(?:to|you\s+need\s+to)\s+(?:send|do|pay|return))|"
    r"you'?re\s+all\s+set|all\s+(?:done|sorted|set)\b|nothing\s+to\s+(?:send\s+back|pay|return)|"
    # the sender closes the case in the past tense: "I've now closed your return", "we have closed the ticket"
    r"(?:I|we)\s*(?:'ve|\s+have)?\s+(?:now\s+|just\s+|also\s+)?(?:closed|marked\s+(?:as\s+)?(?:closed|resolved|solved))\s+"
    r"(?:this|your|the)\s+(?:\w+\s+)?(?:case|ticket|request|claim|return|order|query|enquiry|inquiry|complaint|"
    r"exchange|file|account)\b|"
    r"(?:this|your|the)\s+(?:\w+\s+)?(?:case|ticket|request|claim|return|query|enquiry|inquiry|complaint)\s+"
    r"(?:has\s+(?:now\s+)?been|is\s+now)\s+(?:closed|resolved|marked\s+as\s+(?:closed|resolved|solved)))", re.I)
# "completed / processed / resolved / sorted" about the case only closes it alongside "that's everything",
# "nothing else (is) needed": "I've processed your refund" alone is a past action, not a closure
DONE_WITH_CASE = re.compile(
    r"\b(?:I|we)\s*(?:'ve|\s+have)?\s+(?:now\s+|just\s+|also\s+)?(?:closed|completed|resolved|processed|finali[sz]ed|"
    r"sorted|settled|cancelled|canceled|issued|refunded)\s+(?:this|your|the)\b|"
    r"\b(?:case|ticket|request|claim|return|order|refund|exchange|query|complaint)\s+(?:has\s+(?:now\s+)?been|is\s+(?:now\s+)?)"
    r"\s*(?:closed|completed|resolved|processed|finali[sz]ed|settled|complete)\b", re.I)
ALL_DONE = re.compile(r"\b(?:that'?s|that\s+is)\s+(?:everything|all|it)\b(?!\s+(?:for\s+now|I\s+know))|"
                      r"\bnothing\s+(?:else|more|further)\b|\bno\s+(?:further|other)\s+(?:action|steps?)\b|"
                      r"\bthere'?s\s+nothing\s+(?:else|more)\b|\ball\s+(?:done|sorted|wrapped\s+up)\b", re.I)
NOT_IMPERATIVE_START = re.compile(r"^(?:see\s+you|take\s+care|look\s+forward|note\s+that|have\s+a|enjoy|thanks|thank)\b",
                                  re.I)


@dataclass
class NextStepInfo:
    has_next_step: bool
    reason: str                  # what counted (for tests and explain)
    vague_commitments: list
    generic_asks: list


def _body_sentences(ctx):
    doc, document = ctx.doc, ctx.document
    subj = [(r.start, r.end) for r in document.regions if r.name == "subject"]
    for sent in sentences(doc):
        if any(sent.start_char < e and sent.end_char > s for s, e in subj):
            continue
        t = sent.text.strip()
        if t and any(ch.isalpha() for ch in t):
            yield sent


def _clauses(text: str) -> list[str]:
    parts = re.split(r"\s*(?:[;:]|,\s*(?:and\s+|then\s+|or\s+)?|\band\s+(?=(?:please|reply|send|call|let|tell|click|"
                     r"check|confirm|drop|use|keep)\b)|—|–|\s-\s)\s*", text)
    return [p for p in (x.strip() for x in parts) if p]


def is_request(sentence: str) -> bool:
    s = sentence.strip()
    if GENERIC_ASK.search(s):
        s = GENERIC_ASK.sub(" ", s)
    if not re.search(r"[a-z]", s, re.I):
        return False
    if re.search(r"\bplease\b", s, re.I) and not NOT_REQUEST_PLEASE.search(s):
        rest = re.split(r"\bplease\b", s, maxsplit=1, flags=re.I)[1]
        if re.search(r"[a-z]{3,}", rest, re.I):
            return True
    if READER_MUST.search(s):
        return True
    if ASK_QUESTION.search(s) or POLITE_ASK.search(s) or WH_ASK.search(s):
        return True
    if JOINT_PLAN.search(s) and (s.rstrip().endswith("?") or any(
            t.concrete and t.kind not in ("anaphor", "event") for t in timexpr.find_times(s))):
        return True
    if SPECIFIC_LET_KNOW.search(sentence):
        return True
    for clause in _clauses(s):
        c = re.sub(r"^[^A-Za-z]+", "", clause)
        if NOT_IMPERATIVE_START.match(c):
            continue
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", c.lower())
        if not words:
            continue
        if words[0] in ("let",) and len(words) > 2 and words[1] in ("me", "us") and words[2] == "know":
            continue  # "let me know ..." is generic unless SPECIFIC_LET_KNOW said otherwise
        if words[0] in ("let's", "lets", "let"):
            continue
        if words[0] in IMPERATIVE_VERBS and is_request_words(words):
            # "Check", "Reply with ...": but not a noun-led statement like "Use of the portal is ..."
            if len(words) > 1 and words[1] in ("of", "is", "was", "are", "were", "has", "have"):
                continue
            return True
    return False


def analyse_next_steps(ctx) -> NextStepInfo:
    def run():
        commitments = analyse(ctx)
        clear = [c for c in commitments if c.issue is None or c.issue in ("past-deadline", "moved-deadline")]
        vague = [c for c in commitments if c.issue not in (None, "past-deadline", "moved-deadline")]
        generic = []
        if clear:
            return NextStepInfo(True, "commitment: " + clear[0].text, vague, generic)
        sentences = [s.text for s in _body_sentences(ctx)]
        ref = _reference_date(ctx.document)
        events = scheduled_events(sentences, ref) or scheduled_events(sentences, ref, words=EVENT)
        if events:
            # a delivery window, a booking, a visit, an appointment or a collection slot on a named day
            return NextStepInfo(True, "event: " + events[0], vague, generic)
        judged = " ".join(sentences)
        if DONE_WITH_CASE.search(judged) and ALL_DONE.search(judged):
            return NextStepInfo(True, "closure: " + DONE_WITH_CASE.search(judged).group(0), vague, generic)
        for sent in _body_sentences(ctx):
            text = sent.text.strip()
            if GREETING.match(text) and len(text.split()) <= 4:
                continue
            if CLOSURE.search(text):
                return NextStepInfo(True, "closure: " + text, vague, generic)
            if is_request(text):
                return NextStepInfo(True, "request: " + text, vague, generic)
            if GENERIC_ASK.search(text):
                generic.append(text)
        return NextStepInfo(False, "", vague, generic)

    return ctx.memo("next-steps", run)


def _domain(addr: str | None) -> str:
    return (addr or "").lower().rpartition("@")[2].strip(" >")


def is_internal(ctx) -> bool:
    """Every recipient is on the sender's own domain or a configured internal domain."""
    context = ctx.document.context
    if not context.recipients:
        return False
    internal = {d.lower().lstrip("@") for d in (getattr(ctx.config, "internal_domains", ()) or ())}
    sd = _domain(context.sender)
    if sd:
        internal.add(sd)
    if not internal:
        return False
    return all(_domain(r) in internal for r in context.recipients)


def looks_like_message(ctx) -> bool:
    document = ctx.document
    if document.kind in ("md", "html"):
        return False
    if document.context.is_email:
        return True
    lines = [ln for ln in ctx.text.split("\n") if ln.strip()]
    if not lines:
        return False
    return bool(GREETING.match(lines[0])) or any(SIGNOFF.match(ln) for ln in lines[-4:])


def _anchor(ctx) -> tuple[int, int]:
    """The sign-off line, or else the last sentence of the new text."""
    text = ctx.text
    body = [r for r in ctx.document.regions if r.name == "body"]
    lo = body[0].start if body else 0
    hi = body[-1].end if body else len(text)
    pos = lo
    best = None
    for line in text[lo:hi].split("\n"):
        if SIGNOFF.match(line) and line.strip():
            s = pos + (len(line) - len(line.lstrip()))
            best = (s, pos + len(line.rstrip()))
        pos += len(line) + 1
    if best:
        return best
    sents = [s for s in _body_sentences(ctx)]
    # the last sentence with some words in it (not a bare name)
    for s in reversed(sents):
        if len(s.text.split()) >= 3:
            return s.start_char, s.end_char
    if sents:
        return sents[-1].start_char, sents[-1].end_char
    return lo, hi


@register("next-step")
def next_step_missing(ctx, rule):
    if not looks_like_message(ctx) or is_internal(ctx):
        return
    if not ctx.text.strip():
        return
    info = analyse_next_steps(ctx)
    if info.has_next_step:
        return
    s, e = _anchor(ctx)
    when = timexpr.example_day(ctx.document.context.date)
    if info.vague_commitments:
        c = info.vague_commitments[0]
        short = re.sub(r"\s+", " ", c.text).strip().rstrip(".")
        msg = (f"The message never says what happens next: its only promise (\"{short}\") has no clear owner or "
               f"date.")
        sug = (f"Turn it into a dated promise, e.g. \"I'll ... by {when}\", or ask the reader for one concrete "
               f"thing.")
    elif info.generic_asks:
        msg = ("The message never says what happens next: \"let me know if you have any questions\" leaves the "
               "next move to the reader.")
        sug = (f"Say what you will do and when (e.g. \"I'll email you an update by {when}\"), ask for one "
               f"specific thing, or close it: \"Nothing else is needed from you.\"")
    else:
        msg = "The message never says what happens next."
        sug = (f"Add a next step: what you will do and when (e.g. \"I'll email you by {when}\"), what the reader "
               f"should do, or say that nothing else is needed.")
    yield Hit(s, e, message=msg, suggestion=sug)
