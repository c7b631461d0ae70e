"""Requests and instructions to the reader: "please send ...", "Reply with your order number", "could you ...?".

A request is a next step in itself (the reader knows what to do), and a request leading into a promise ("reply by
Wednesday and I'll correct it") gives the promise its time. "Let me know if you have any questions" and "feel
free to reach out" are generic asks, not requests: they hand the next move back to the reader.
"""
from __future__ import annotations

import re

from . import timexpr

IMPERATIVE_VERBS = frozenset({
    "reply", "respond", "send", "confirm", "check", "click", "tap", "call", "ring", "phone", "contact", "email",
    "e-mail", "text", "message", "print", "drop", "use", "sign", "enter", "update", "keep", "return", "choose",
    "select", "start", "log", "go", "visit", "open", "follow", "fill", "complete", "attach", "forward", "pitch",
    "mark", "refuse", "bring", "take", "pack", "post", "write", "read", "review", "approve", "pay", "book",
    "schedule", "download", "install", "upload", "add", "remove", "apply", "try", "test", "allow", "wait", "leave",
    "pick", "collect", "share", "submit", "provide", "include", "note", "tell", "give", "hold", "cancel", "reset",
    "change", "let", "make", "put", "place", "ship", "store", "wash", "dry", "tumble", "plug", "restart", "turn",
    "scan", "save", "find", "ask", "join", "register", "activate", "verify", "accept", "arrange", "order",
    "consider", "expect", "look", "see", "head", "show", "present", "simply", "just", "kindly", "come", "pop",
    "stop", "swing", "finish", "talk", "speak", "run", "switch", "set",
    # hands-on instructions: "If it happens again, press Source twice", "Unplug it for ten seconds"
    "press", "unplug", "reconnect", "disconnect", "reboot", "rinse", "wipe", "descale",
    "insert", "replace", "tighten", "push", "pull", "slide", "twist", "rotate",
    "unlock", "shut", "avoid", "meet",
    "mention", "double-check", "resend", "re-send", "resubmit", "rebook", "reschedule", "re-enter",
})

GENERIC_ASK = re.compile(
    r"\b(?:let\s+(?:me|us)\s+know|tell\s+(?:me|us)|reach\s+out|get\s+in\s+touch|contact\s+(?:me|us)|drop\s+(?:me|us)\s+a\s+line|"
    r"reply|write\s+(?:back|to\s+(?:me|us))|revert(?:\s+(?:back|to\s+(?:me|us)))?)\s+(?:here\s+)?"
    r"(?:if|should|whenever|in\s+case(?:\s+of)?)\s+(?:you\s+)?(?:have|there|need|I|we|"
    r"anything|you'd|you\s+would|there's|require|"
    # "if any questions come up", not "if any other units have the same problem" (a specific thing to report)
    r"any\s+(?:(?:other|more|further|additional)\s+)*(?:questions?|problems?|issues?|concerns?|quer(?:y|ies)|"
    r"enquir(?:y|ies)|inquir(?:y|ies)|trouble|"
    r"difficult(?:y|ies)|help|thoughts|feedback|comments?|changes?|updates?))\b[^.?!]*|"
    r"\bif\s+you\s+(?:have|need|wish|want|prefer|no\s+longer|would\s+(?:like|rather)\s+not|'?d\s+(?:like|rather)\s+not|"
    r"run\s+into|require|experience)\s+(?:any\s+|further\s+|more\s+|other\s+|additional\s+)*(?:questions?|"
    r"concerns?|problems?|issues?|help|assistance|support|suggestions?|feedback|to\s+(?:contact|reach)|not\s+to|"
    r"anything)\b[^.?!]*|"
    # "If there's anything else Sinead needs, just let me know": the open offer with the condition first
    r"^\W*if\s+there(?:['’]s|\s+is)\s+anything\s+(?:else\s+)?[^,.;!?]{0,50},\s*(?:just\s+|please\s+)?(?:let|give|drop|"
    r"call|ring|email|e-mail|get|shout|send)\b[^.?!]*|"
    # "Any questions, give me a shout.", "Any problems - just call us": the same offer, shortened
    r"^\W*(?:any|if\s+any|with\s+any)\s+(?:other\s+|more\s+|further\s+)?(?:questions?|problems?|issues?|"
    r"concerns?|queries|worries)(?:\s+(?:in\s+the\s+meantime|meanwhile|at\s+all|about\s+(?:this|that|it)))?\s*"
    r"(?:[,:;]|\s-|\s–|\s—)\s*(?:please\s+|just\s+)?(?:give|drop|call|ring|email|e-mail|shout|let|"
    r"get|send|contact|message|text|phone)\b[^.?!]*|"
    # the open offer with its condition first, formal: "Should you have any further enquiries, please feel free to
    # contact the undersigned"
    r"^\W*(?:should|if)\s+you\s+(?:have|require|need)\s+(?:any\s+)?(?:(?:further|more|other|additional)\s+)?"
    r"(?:enquiries|inquiries|questions|queries|concerns|information|clarification|assistance|help)\b[^.?!]*|"
    # the standing out-of-hours line: "For emergencies after 9pm, please contact the 24-hour hospital", "In an
    # emergency, call 999"
    r"^\W*(?:for|in)\s+(?:an?\s+|any\s+|case\s+of\s+(?:an?\s+)?)?(?:emergenc(?:y|ies)|urgent\s+(?:matters|problems|"
    r"issues|cases|queries)|anything\s+urgent)\b[^,.;!?]{0,40},\s*(?:please\s+|just\s+)?(?:call|ring|contact|phone|"
    r"email|e-mail|go|visit|use|text)\b[^.?!]*|"
    # the whole open offer, "please" included: "Please feel free to reach out for any further clarification"
    r"\b(?:please\s+)?(?:feel\s+free|don'?t\s+hesitate|do\s+not\s+hesitate)\s+to\s+(?:reach\s+out|contact|get\s+in\s+touch|"
    r"ask|call|phone|ring|email|e-mail|write|drop\s+(?:me|us)\s+a\s+line|let\s+(?:me|us)\s+know)(?:\s+(?:to\s+)?(?:me|us))?"
    r"(?:\s+(?:anytime|any\s+time|for|with|if|should|in\s+case|at\s+any\s+time|whenever)\b[^.?!]*)?(?=\s*[.!?]|\s*$)|"
    r"\b(?:feel\s+free|don'?t\s+hesitate|do\s+not\s+hesitate|hope\s+(?:this|that)\s+helps|happy\s+to\s+help|"
    r"here\s+if\s+you\s+need)\b", re.I)
# "please note", "please be patient", and reproaches in request form - "Please remember there's a person at the other
# end", "Please calm down" - ask the reader for nothing they can do next ("Please remember to bring your ID" does)
NOT_REQUEST_PLEASE = re.compile(r"\b(?:please|kindly)\s+(?:note|be\s+(?:aware|advised|patient|assured)|"
                                r"accept\s+(?:our|my)|"
                                r"bear\s+with|rest\s+assured|understand|don'?t\s+hesitate|do\s+not\s+hesitate|feel\s+free|"
                                r"remember(?!\s+to\b)|calm\s+down|(?:keep|bear)\s+in\s+mind|try\s+to\s+understand|"
                                r"appreciate\s+that)\b", re.I)
# an offer that says what the reader sends or does to set it going: "I can send it back tomorrow if you send me the
# DWG", "if you reply with the serial number, we'll book the engineer" - the reader knows the next move
IF_YOU_DO = re.compile(r"\bif\s+you\s+(?:can\s+|could\s+)?(?:just\s+)?(?:send|forward|e-?mail|reply|confirm|ring|phone|"
                       r"text|bring|upload|attach|sign|return|drop|pop|book|choose|pick)\s+(?:me|us|it|them|the|your|a|an|"
                       r"back|over|in|with|through|one|which)\b", re.I)
# (not a guess about the reader: "you must really miss us", "you must be tired", "you must have been worried")
READER_MUST = re.compile(r"\byou(?:['’]ll|\s+will)?\s+(?:need|have)\s+to\s+\w+|"
                         r"\byou\s+must\s+(?!(?:really|surely|certainly|all|both|miss|know|think|feel|wonder|love|"
                         r"hate|like|enjoy|agree)\b|have\s+(?:been|thought|felt|wondered|missed|had)\b|"
                         r"be\s+(?:(?:so|very|really|quite|pretty|getting)\s+)?(?:tired|busy|worried|frustrated|"
                         r"disappointed|exhausted|fed\s+up|relieved|thrilled|delighted|excited|keen|wondering|feeling|"
                         r"pleased|glad|happy|upset|annoyed|sick|bored|joking|kidding|mistaken|confused|missing|"
                         r"looking\s+forward)\b)\w+|"
                         r"\byou['’]d\s+need\s+to\b|"
                         # advice on what to do: "it's best to contact the host family", "the quickest way is to ..."
                         r"\b(?:it['’]s|it\s+is|it\s+would\s+be|it['’]d\s+be)\s+(?:best|better|easiest|quickest|"
                         r"safest)\s+(?:for\s+you\s+)?to\s+\w+|\bthe\s+(?:best|quickest|easiest|fastest)\s+"
                         r"(?:thing|way|option)\s+(?:is|would\s+be)\s+to\s+\w+", re.I)
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
# what the sender needs from the reader, said tersely as site and trade mail says it: "Need 2 parking spots near the
# loading dock.", "Need from you by Friday:", "We'll need the serial number from you" - never the sender's own need
# ("Need to check the contract first", "We need a few more days")
TERSE_NEED = re.compile(
    r"^\W*need\s+(?!to\b|any(?:thing)?\b|help\b|a\s+hand\b|(?:a\s+(?:few|couple\s+of|bit)|more|some|another|extra|an?|\d+|two|three)\s+(?:more\s+)?"
    r"(?:days?|weeks?|hours?|minutes?|time|while)\b)(?:from\s+you\b|[\w£$€-]+)|"
    r"\b(?:I|we)(?:['’]ll|\s+will)?\s+need\s+(?:\w+\s+){0,5}?from\s+you\b", re.I)
# a concrete plan proposed together: "Can we meet on Monday?", "Shall we talk at 3?", "Let's meet Friday at 10"
JOINT_PLAN = re.compile(r"\b(?:let'?s|shall\s+we|can\s+we|could\s+we|should\s+we|why\s+don'?t\s+we)\s+(?:\w+\s+){0,2}?"
                        r"(?:meet|talk|discuss|schedule|set\s+up|get\s+together|catch\s+up|call|speak|go\s+through|"
                        r"have\s+(?:a\s+)?(?:quick\s+)?(?:call|chat|lunch|dinner|coffee|meeting|look))\b", re.I)
# a question that asks the reader for something specific: "When would you like the delivery?", "Which size ...?"
WH_ASK = re.compile(r"^\W*(?:\w+(?:\s+(?:and|&)\s+\w+)?,\s+)?"
                    r"(?:when|what\s+time|what\s+day|which|where|what|how\s+(?:many|much|soon|long))\b"
                    r"(?![^?]*\b(?:do\s+you\s+think\s+of\s+(?:that|this)|a\s+(?:great|lovely|nice)))"
                    r"[^?]*\byou\b[^?]*\?", re.I)
# a short question about a choice the reader makes, with no "you": "Which day works?", "What time suits best?"
CHOICE_ASK = re.compile(r"^\W*(?:so\s+)?(?:which|what)\s+(?:(?:day|date|time|slot|option|one|size|colour|color|week|"
                        r"morning|afternoon)s?\s+)?(?:works?|suits?|would\s+(?:work|suit)|is\s+(?:best|better|easiest))"
                        r"\b[^?]{0,30}\?", re.I)
# a question put to a reader by name: "Lee, does the dean have a view on it?", "Bill and Allen, any thoughts?"
NAMED_QUESTION = re.compile(r"^\W*(?!(?:Thanks|Thank|Hi|Hello|Hey|Dear|Yes|No|OK|Okay|Well|So|And|But|Also|Again|"
                            r"Sorry|Please|Great|Sure|Right|Now|Then|Anyway|However)\b)[A-Z][a-z]+"
                            r"(?:\s+(?:and|&)\s+[A-Z][a-z]+)?,\s+[^?]{3,}\?\s*$")
# the writer offers times for something together: "The first days of next week would work for me", "I'm free
# on Tuesday afternoon" (with a time in the sentence: the reader picks one)
# a time put to the reader as a question: "Would Tuesday, October 20, at 2:00 p.m. work for you?", "Does 9am on
# Friday suit you?" (with a concrete time: _asks checks)
TIME_PUT_TO_READER = re.compile(r"^\W*(?:would|does|do|will|could|can|is)\b[^?]{0,80}?\b(?:work|suit|be\s+(?:ok|okay|"
                                r"convenient|possible|any\s+good))\s+(?:for\s+you|you|with\s+you)\b[^?]*\?", re.I)
OFFERS_TIMES = re.compile(r"\b(?:(?:would|will|should|could)\s+(?:\w+\s+)?work|works)\s+(?:for|with)\s+(?:me|us)\b|"
                          r"\b(?:I'?m|I\s+am|we'?re|we\s+are)\s+(?:\w+\s+)?(?:free|available)\b|"
                          # "my direct line is ..., and I am in the office until 5pm each day this week"
                          r"\b(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+(?:in\s+the\s+office|at\s+my\s+desk|on\s+the\s+phones?|"
                          r"around)\b", re.I)
# a meeting both sides already know of: met again with a time ("See you next week", "Confirmed 8:30, Thu."), or
# with the reader's own return or as a meeting already arranged ("Let's connect when you come back", "Look forward
# to meeting you in Houston")
MEETING_AT_A_TIME = re.compile(r"^\W*(?:see\s+you|confirmed|talk\s+(?:to\s+you\s+)?(?:then|soon)?)\b", re.I)
MEETING_AHEAD = re.compile(r"\blet'?s\s+(?:connect|meet|talk|speak|catch\s+up|get\s+together)\b[^.?!]*\bwhen\s+you\b|"
                           r"\b(?:look(?:ing)?\s+forward\s+to\s+(?:meeting|seeing|speaking\s+(?:with|to)|talking\s+"
                           r"(?:with|to))\s+you)\b", re.I)
# the writer tells the reader how to reach them with what is needed: "You can e-mail me with the place and time"
CONTACT_WITH = re.compile(r"\byou\s+can\s+(?:e-?mail|call|ring|phone|text|send|message|reach)\s+(?:me|us)\s+"
                          r"(?:with|at|on)\b|"
                          # what the reader can come and do, and when: "you can pick it up any weekday from 8am"
                          r"\byou\s+can\s+(?:now\s+)?(?:pick\s+(?:it|them)\s+up|collect\s+(?:it|them)|come\s+(?:in|by)|"
                          r"drop\s+(?:it|them)\s+(?:off|in)|book)\b[^.!?]{0,40}?\b(?:any\s+(?:day|weekday|time)|"
                          r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|from\s+\d|between\s+\d|today|tomorrow)", re.I)
SPECIFIC_LET_KNOW = re.compile(r"\blet\s+(?:me|us)\s+know\s+(?:by\b|before\b|which|whether|what|how|when|your|"
                               r"the\b|if\s+(?:the|it|this|that|you(?:'d|\s+would)\s+(?:like|prefer|rather))\b|"
                               # "if any of the dates suit", "if any other units have the same fault"
                               r"if\s+any\b(?!\s+(?:(?:other|more|further|additional)\s+)*(?:questions?|problems?|"
                               r"issues?|concerns?|queries|trouble|difficult|help|thoughts|feedback|comments?|changes?|"
                               r"updates?)\b))", re.I)
NOT_IMPERATIVE_START = re.compile(r"^(?:see\s+you|take\s+care|look\s+forward|note\s+that|have\s+a|enjoy|thanks|"
                                  r"thank|talk\s+(?:soon|later|then|tomorrow|next)|speak\s+(?:soon|later|then|tomorrow|next))\b",
                                  re.I)
# advice on what to do, said without an imperative: "Best to call the plumber.", "It's worth checking the fuse",
# "What you can do is set rounding for the whole firm"
ADVISED = re.compile(r"^\W*(?:(?:(?:it['’]s|it\s+is|it\s+would\s+be|it['’]d\s+be)\s+)?"
                     r"(?:best|better|wise|worth|a\s+good\s+idea)\s+(?:to\s+)?|"
                     r"what\s+you\s+(?:can|could|need\s+to|should)\s+do\s+(?:now\s+)?is\s+(?:to\s+)?|"
                     # "I'd suggest booking his first check on the app", "We would recommend that you call the bank"
                     r"(?:I|we)(?:['’]d|\s+would)\s+(?:strongly\s+|really\s+)?(?:suggest|recommend|advise)\s+"
                     r"(?:that\s+you\s+|you\s+)?)([a-z]+)", re.I)
# "If you upload revision C to PartLink by 10am tomorrow, I can have the panels cut ...": the reader's act, dated,
# that a conditional offer waits on
IF_YOU_DO_BY = re.compile(r"\bif\s+you\s+(?:can\s+|could\s+)?(?:just\s+)?(?:send|forward|e-?mail|reply|confirm|ring|"
                          r"phone|text|bring|upload|attach|sign|return|drop|book|choose|pick|pay|approve|order|"
                          r"call)\b[^,;.!?]{0,80}?\b(?:by|before|no\s+later\s+than)\b|"
                          # the reader's form or payment due with us by a date: "the form is in MyRoom, and it needs to
                          # be in by Friday, July 30" (a time is required by the caller)
                          r"\b(?:it|they|(?:the|your)\s+(?:[\w-]+\s+)?(?:forms?|application|payment|paperwork|"
                          r"documents?|claim|deposit|balance|signature|photos?|receipts?|return|request|renewal|"
                          r"reply|response|appeal|timesheets?|meter\s+reading))\s+(?:needs?|has|have)\s+to\s+"
                          r"(?:be\s+)?(?:in|with\s+(?:us|me)|back|returned|received|submitted|signed|sent|filed|"
                          r"lodged|uploaded|paid)\s+(?:by|before|no\s+later\s+than)\b", re.I)


def is_request_words(words: list[str]) -> bool:
    """Lower-case words of a clause that asks the reader to do something: "please ...", an imperative verb."""
    if not words:
        return False
    if "please" in words or "kindly" in words:
        return True
    w = [x for x in words if x not in ("just", "simply", "then", "also", "now", "first", "so")]
    return bool(w) and w[0] in IMPERATIVE_VERBS


# "Look, mate, ...", "Listen, ...", "See, ...": a marker that opens a statement, not an instruction to look
_DISCOURSE_MARKER = re.compile(r"^(?:look|listen|see|mind\s+you)\s*,\s*(?:(?:mate|love|pal|guys|folks|sir|madam|"
                               r"[A-Z][a-z]+)\s*,\s*)?", re.I)


# a line of opening hours or a timetable: "- Wednesday 29 September: open as normal, 7.30 am to 5 pm"
_HOURS_ENTRY = re.compile(r"^\W*[^:\n]{2,40}:\s*(?:open|closed|shut)\b", re.I)


def is_request(sentence: str) -> bool:
    """The sentence asks the reader for something concrete (a generic "let me know if ..." does not count)."""
    if _HOURS_ENTRY.match(sentence):
        return False
    s = _DISCOURSE_MARKER.sub("", sentence.strip())
    if GENERIC_ASK.search(s):
        s = GENERIC_ASK.sub(" ", s)
        # the courtesy left behind is no ask of its own: "Kindly [let me know should you require anything]."
        s = re.sub(r"\b(?:please|kindly|do|just|simply)\b(?=[\s,.!]*$)", " ", s, flags=re.I)
    if not re.search(r"[a-z]", s, re.I):
        return False
    return _asks(s) or bool(SPECIFIC_LET_KNOW.search(sentence)) or any(_imperative(c) for c in _clauses(s))


def _asks(s: str) -> bool:
    """A "please ...", a "you'll need to ...", a question or polite ask for something, a joint plan with a time."""
    if re.search(r"\bplease\b", s, re.I) and not NOT_REQUEST_PLEASE.search(s):
        rest = re.split(r"\bplease\b", s, maxsplit=1, flags=re.I)[1]
        if re.search(r"[a-z]{3,}", rest, re.I):
            return True
    if READER_MUST.search(s) or ASK_QUESTION.search(s) or POLITE_ASK.search(s) or WH_ASK.search(s) or \
            NAMED_QUESTION.search(s) or CHOICE_ASK.search(s) or TERSE_NEED.search(s) or IF_YOU_DO.search(s):
        return True
    if IF_YOU_DO_BY.search(s) and any(t.concrete for t in timexpr.find_times(s)):
        return True
    m = ADVISED.match(s)
    if m and (m.group(1).lower() in IMPERATIVE_VERBS or m.group(1).lower()[:-3] in IMPERATIVE_VERBS):
        return True             # "Best to call the plumber.", "What you can do is set rounding to 6 minutes"
    if (OFFERS_TIMES.search(s) or TIME_PUT_TO_READER.search(s)) and \
            any(t.concrete or t.kind == "period" for t in timexpr.find_times(s)):
        return True
    if CONTACT_WITH.search(s):
        return True
    if MEETING_AHEAD.search(s) or (MEETING_AT_A_TIME.search(s) and any(t.concrete for t in timexpr.find_times(s))):
        return True
    return bool(JOINT_PLAN.search(s)) and (s.rstrip().endswith("?") or any(
        t.concrete and t.kind not in ("anaphor", "event") for t in timexpr.find_times(s)))


_AND_VERB = re.compile(r"\band\s+(?=(?:please|reply|send|call|let|tell|click|check|confirm|drop|use|keep|text|ring|"
                       r"email|phone)\b)", re.I)
# a clause with our own subject and a modal: the verb after its "and" shares that subject ("We will reschedule the
# drops and keep you informed" asks nothing of the reader)
_OUR_MODAL = re.compile(r"\b(?:I|we)(?:['’]ll|['’]d|\s+(?:will|shall|can|could|would|may|might|must)|"
                        r"(?:['’]re|['’]m|\s+are|\s+am)\s+(?:going\s+to|happy\s+to|able\s+to))\b", re.I)


# a modal or "to" and one verb, then a comma: the verbs after it share that modal ("can't adjust, test or remount")
_VERB_LIST_BEFORE = re.compile(r"\w\s+(?:can(?:not|['’]t)?|could(?:n['’]t)?|will|won['’]t|would(?:n['’]t)?|"
                               r"should(?:n['’]t)?|must|may|might|to|(?:do|does|did)(?:n['’]t)?|not)\s+[a-z]+$", re.I)


# ... when the part after the comma goes on with the list: "test or remount them", "test" (not "If that time doesn't
# work, text me a better one": a condition, then an instruction)
_VERB_LIST_GOES_ON = re.compile(r"^[a-z]+(?:\s+(?:or|and)\b|\s*$)")


def _clauses(text: str) -> list[str]:
    parts = re.split(r"\s*(?:[;:]|,\s*(?:and\s+|then\s+|or\s+)?|—|–|\s-\s)\s*", text)
    out = []
    for part in parts:
        if out and _VERB_LIST_BEFORE.search(out[-1]) and _VERB_LIST_GOES_ON.match(part):
            out[-1] = out[-1] + ", " + part     # "our techs can't adjust, test or remount them": one verb list
            continue
        pieces = _AND_VERB.split(part)
        kept = [pieces[0]]
        for piece in pieces[1:]:
            if _OUR_MODAL.search(kept[-1]):
                kept[-1] = kept[-1] + " and " + piece
            else:
                kept.append(piece)
        out.extend(kept)
    return [p for p in (x.strip() for x in out) if p]


# "don't worry", "don't hesitate to call": comfort and a generic offer, not an instruction
_REASSURANCE = frozenset({"worry", "hesitate", "panic", "fret", "stress", "feel", "be", "apologise", "apologize"})


_OBJECT_WORDS = frozenset({"it", "them", "this", "that", "the", "a", "an", "your", "our", "these", "those", "me", "us",
                           "him", "her", "all", "up", "out", "in", "on", "off", "back", "down"})
_SUBJECT_VERBS = frozenset({"is", "was", "has", "had", "will", "would", "said", "says", "asked", "asks", "thinks",
                            "thought", "took", "told", "made", "came", "went", "sent", "can", "could", "did", "does",
                            # irregular past forms that are never base forms: "Mark gave us the number on Friday"
                            "gave", "knew", "brought", "kept", "left", "found", "got", "felt", "saw", "bought", "paid",
                            "rang", "wrote", "spoke", "met", "drove", "chose", "forgot", "sold", "caught", "taught"})


# every word capitalised, two to five of them, and nothing after: "Head Tech", "Book Sales Manager"
_TITLE_CASE = re.compile(r"^(?:[A-Z][\w&'’-]*\s+){1,4}[A-Z][\w&'’-]*\W*$")


def _imperative(clause: str) -> bool:
    """The clause starts with an imperative verb ("Check ...", "Reply with ..."), not a noun-led statement like
    "Use of the portal is ..." nor "let me know ..." (generic unless SPECIFIC_LET_KNOW said otherwise)."""
    # "..., so book in the app by Friday": a connective before the imperative
    c = re.sub(r"^[^A-Za-z]+", "", clause)
    c = re.sub(r"^(?:so|then|and|now|but|in\s+the\s+meantime,?|meanwhile,?|for\s+now,?|until\s+then,?)\s+(?=[a-z])", "",
               c, flags=re.I)
    if NOT_IMPERATIVE_START.match(c) or NOT_REQUEST_PLEASE.match(c):
        return False            # "Kindly note that the compressor was ordered on Wednesday": nothing to do
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", c.lower())
    if not words or words[0] in ("let's", "lets", "let"):
        return False
    if _TITLE_CASE.match(c):
        return False            # a job title or a name on a signature line: "Head Tech, Granite Pass Ski & Board"
    if len(words) == 1 and c[:1].isupper() and not re.search(r"[.!]\s*$", c):
        return False            # a name signing off ("Regards,\nMark"), not the verb "mark"
    if len(words) > 1 and c[:1].isupper() and (words[1].endswith("ed") or words[1] in _SUBJECT_VERBS):
        return False            # "Mark raised the idea ...", "Sue said ...": a name, then its verb
    # "Don't pay the invoice", "Do not return the kit": an instruction too (not "don't worry", "don't hesitate")
    if words[0] in ("don't", "don’t", "dont") or words[:2] == ["do", "not"]:
        words = words[1 if words[0] != "do" else 2:]
        if words[:2] == ["forget", "to"]:
            words = words[2:]   # "Don't forget to bring the keys"
        return bool(words) and words[0] in IMPERATIVE_VERBS and words[0] not in _REASSURANCE
    if words[0] in IMPERATIVE_VERBS and is_request_words(words):
        if len(words) > 2 and words[2] in ("is", "are", "was", "were") and words[1] not in _OBJECT_WORDS:
            return False        # "Run times are listed below": a noun phrase, then its verb
        return not (len(words) > 1 and words[1] in ("of", "is", "was", "are", "were", "has", "have"))
    return False
