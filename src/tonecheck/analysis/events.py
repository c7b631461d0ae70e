"""Scheduled events - a delivery, a visit, a booked slot, a call - and the people who come to them: every word
list that names them, in one place.

The lists share a core (what a customer books with us, and who turns up) and differ where their uses differ;
each says what it is for. Regex fragments (strings) are for patterns built elsewhere (timexpr's event-relative
times), compiled patterns and sets are used as they are. schedule.py finds the sentences that date an event.
"""
from __future__ import annotations

import re


def _words(words) -> str:
    """A regex alternation of literal words, the longest first (each use ends the word with \\b or \\s)."""
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


# what a customer books with us: the core of every event list below
BOOKED = r"deliver(?:y|ies)|visit|appointment|install(?:ation)?|fitting|collection|pick-?up|survey|inspection|" \
         r"booking|slot|window|call|meeting"
# the people who come to an event
CREW = ("crew", "team", "van", "driver", "drivers", "courier", "engineer", "engineers", "technician", "technicians",
        "fitter", "fitters", "installer", "installers", "porter", "porters", "movers")

# ---- fragments of timexpr's event-relative times
# "on the morning of the delivery", "at the start of your visit", "after the move" (a time as concrete as the
# event's own date)
# ... and what a customer is booked on or affected by that is not a visit: a class, a consultation, a maintenance window
SERVICE_EVENT = r"maintenance|migration|upgrade|outage|session|class|lesson|course|induction|demo|webinar|training|" \
                r"consultation|workshop|tour|treatment|procedure|hearing|conference|presentation|interview|tasting"
EVENT_NOUN = rf"(?:{BOOKED}|drop|repair|service|move|handover|{SERVICE_EVENT})"
# "the day before your switchover", "the morning of the trip": a time the text has already set (an anaphor)
ANAPHOR_EVENT = r"(?:visit|appointment|installation|delivery|call|meeting|move|switch(?:over)?|collection|event|trip)"
# "when the van arrives", "once our fitters have finished"
ARRIVING_CREW = "(?:" + _words(CREW + ("mover", "lorry", "truck")) + ")"

# ---- sentences that date an event (schedule.py)
_VISITORS = r"engineer|technician|crew|fitters?|installers?|driver|courier|van"
_MEETINGS = r"video\s+call|zoom|demo|training|session|webinar|walk\s+you\s+through|calendar\s+invite|catch[- ]up"
# dates offered for the reader to pick: "We can do either of these dates:" above the dates
_OFFERED_DATES = r"(?:either|one|any)\s+of\s+(?:these|the\s+following|those|the\s+two)\s+(?:dates|days|slots|times)"
# the sentence mentions a scheduled event: a delivery, visit, appointment, booking, collection, call or meeting
EVENT_MENTION = re.compile(rf"\b(?:{BOOKED}|{SERVICE_EVENT}|drop[- ]?(?:off|window|slot)|booked|service|"
                           rf"book(?:ed)?\s+(?:you\s+)?in|reserved|scheduled|{_MEETINGS}|{_VISITORS}|"
                           rf"be\s+with\s+you|on\s+site|collect|ready\s+(?:for|to)\s+collect(?:ion)?|{_OFFERED_DATES}|"
                           # the sender's own visit: "I'll be at Cairnie on Friday at 8am"
                           r"(?:I|we|he|she|they)(?:['’]ll|\s+will)\s+be\s+(?:at|round|over|with\s+you)\b)\b",
                           re.I)
# ... and it is this reader's own event, not a policy ("Deliveries run Monday to Friday")
READERS_OWN_EVENT = re.compile(
    rf"\b{_OFFERED_DATES}\b|"
    rf"\b(?:your|the|our|this|a)\s+(?:[\w-]+\s+){{0,2}}?(?:{BOOKED}|drop|demo|session|service|{_VISITORS})\b|"
    r"\b(?:booked|scheduled|confirmed|reserved|arranged|pencilled|penciled|set\s+up|planned)\b|"
    rf"\b(?:{BOOKED})\s+(?:schedule|dates?|plan|programme|program)\b|"
    r"\bsee\s+you\b|\b(?:I|we)(?:'ll|\s+will)\s+(?:call|ring|phone|visit|meet|be\s+with\s+you|"
    r"be\s+(?:at|round|over|on\s+site)\b)|\b(?:he|she|they)(?:['’]ll|\s+will)\s+(?:be\s+with\s+you|"
    r"be\s+(?:at|round|over|on\s+site)\b)|"
    r"\bready\s+(?:for|to)\s+collect(?:ion)?\b|"
    # the sender coming to collect or drop off: "Could we collect the flasks on Thursday 19 November, around 10?"
    r"\b(?:we|I)\s+(?:\w+\s+)?(?:collect|pick\s+(?:\w+\s+)?up|drop\s+(?:\w+\s+)?off|call\s+in|come\s+(?:by|over|round))\b|"
    # a crew's own day on the reader's site: "Crew of four on site Monday 5 October, 0630", a roster line
    # "Tomorrow: WTG-05, on site 0630"
    rf"\b(?:{_VISITORS}|we|I|us)\b[^.!?\n]{{0,20}}\bon\s+site\b|(?:^|\n)[^:\n]{{1,25}}:[^.!?\n]{{0,30}}\bon\s+site\b|"
    # a booking's own field line: "Collection: Manchester Airport T2, Saturday 12 December at 09:30"
    r"(?:^|\n)\W*(?:collection|delivery|pick-?up|drop-?off|appointment|visit|return|check-?in|arrival)\s*:", re.I)
# a meeting of any kind, the reader's own or not ("Let's meet on Tuesday at 2pm"): a next step once dated
MEETING_MENTION = re.compile(rf"\b(?:call|meeting|meet|appointment|visit|{_MEETINGS}|teams|invitation|invites?|chat|"
                             rf"event|"
                             rf"conference|dinner|lunch|reception|interview|presentation|workshop|seminar|tasting|hearing|"
                             rf"tour|lesson|class|(?:in|into)\s+(?:your|my|our|the)\s+(?:calendar|diary))\b", re.I)
# a time the sender accepts for a meeting: "Thursday 18 March at 14:00 suits.", "Tuesday at 10 works for me"
TIME_ACCEPTED = re.compile(r"^\W*(?:(?:yes|great|perfect|thanks|lovely|sure)[,!.]?\s+)?(?:(?:mon|tues|wednes|thurs|fri|"
                           r"satur|sun)day|tomorrow|the\s+\d|\d)[^.!?\n]{0,40}?\s(?:works|suits|is\s+(?:fine|good|perfect|"
                           r"great|ideal))\b", re.I)
# the event is over ("was delivered on 22 December") or called off: it dates nothing ahead
EVENT_IN_PAST = re.compile(r"\b(?:was|were)\s+(?:\w+\s+)?(?:delivered|collected|installed|fitted|visited|completed|"
                           r"held|done)\b|\b(?:arrived|came|visited|dropped\s+off)\b|"
                           # the sender's own act, done today: "I have passed your booking number to them again today"
                           # (not with a plan ahead: "I've packed you a new box and it goes out Monday morning")
                           r"^(?![\s\S]*\b(?:will|['’]ll|going\s+to|shall|booked|scheduled|confirmed|due)\b)"
                           r"(?=[\s\S]*\b(?:today|this\s+(?:morning|afternoon|evening)|earlier|yesterday|just\s+now)\b)"
                           r"(?![\s\S]*\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
                           r"[\s\S]*?\b(?:I|we)(?:['’]ve|\s+have)\s+(?:(?:also|just|now|already|again)\s+)?"
                           r"(?!(?:booked|scheduled|rescheduled|rebooked|arranged|confirmed|reserved|moved|planned|"
                           r"organi[sz]ed|added|agreed|fixed|set|changed|updated|extended)\b)[a-z]{3,}ed\b|"
                           # ... or done by a named person: "Tanvir reinstalled the driver at 10.05 am on Tuesday"
                           # (not an arrangement, which dates what is still to come: "we booked you in for Friday", nor
                           # a sentence that also looks ahead: "Sam called and will come back on Friday")
                           r"^(?![\s\S]*\b(?:will|['’]ll|going\s+to|shall|booked|scheduled|confirmed|due)\b)"
                           r"[\s\S]*?\b(?:I|we|he|she|they|(?-i:[A-Z][a-z]+))\s+(?:\w+ly\s+)?(?!(?:booked|scheduled|"
                           r"rescheduled|rebooked|arranged|confirmed|reserved|moved|pencil+ed|planned|organi[sz]ed|"
                           r"added|agreed|fixed|set|changed|updated|extended)\b)[a-z]{3,}ed\b(?=[^.;!?]{0,60}?\b(?:at|on)\s+"
                           r"(?:\d|mon|tues|wednes|thurs|fri|satur|sun))|"
                           # a day named by a past act: "the photos our technician took on Wednesday"
                           r"\b(?:took|went|rang|met|saw|spoke|gave|brought|found|left)\b[^.,;!?]{0,40}?\bon\s+"
                           r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
                           # ... or called off: "the class on Monday was cancelled"
                           r"\b(?:was|were|has\s+been|have\s+been|is|are)\s+(?:now\s+|sadly\s+)?(?:cancelled|canceled|"
                           r"called\s+off)\b|"
                           # ... or done by someone already: "Tomasz finished the annual service this afternoon"
                           r"\b(?:I|we|he|she|they|[A-Z][a-z]+)\s+(?:\w+ly\s+)?(?:finished|completed|carried\s+out|"
                           r"serviced|inspected|attended|repaired)\b|"
                           # ... or thanked for: "Thank you for meeting Priya on the roof on Monday"
                           r"^\W*(?:thank\s+you|thanks|many\s+thanks)\s+(?:so\s+much\s+|again\s+)?for\s+(?:meeting|seeing|"
                           r"coming|joining|attending|taking\s+the\s+time|showing)\b|"
                           # ... or happened earlier today with nothing ahead in the sentence: "The van's gearbox packed
                           # in on the A96 this morning"
                           r"^(?![\s\S]*\b(?:will|['’]ll|going\s+to|due|later|shall|until|by|can|today|tonight|"
                           r"tomorrow)\b)[\s\S]*"
                           r"\b(?:this\s+morning|"
                           r"earlier\s+today|last\s+night|yesterday)\b|"
                           # ... or handled already: "Those wheels were tasted and checked on Tuesday morning before
                           # they went on the van"
                           # (with nothing ahead in the sentence: "was dispatched on Monday and will be delivered on
                           # Friday" still dates the delivery)
                           r"^(?![\s\S]*\b(?:will|['’]ll|going\s+to|due|shall|until|by|can|tomorrow|next)\b)[\s\S]*"
                           r"(?:\b(?:was|were)\s+(?:\w+ed\s+and\s+)?\w+ed\s+(?:on|at|last|this|early|first\s+thing)\b|"

                           r"\b(?:went|left|shipped|dispatched|sent|posted)\s+(?:out|on|off)\b)|"
                           # ... or a past state: "On Monday all P2 bays were full by 07:50"
                           r"^(?![\s\S]*\b(?:will|['’]ll|going\s+to|shall|tomorrow)\b)[\s\S]*"
                           r"\b(?:was|were)\s+(?:all\s+)?(?:full|busy|closed|empty|shut|packed|late)\b|"
                           # ... or the reader's own contact, answered now: "Regarding your calls on Monday, ..."
                           r"\b(?:regarding|about|re|concerning|following|after|further\s+to)\s+your\s+(?:\w+\s+)?"
                           r"(?:calls?|emails?|messages?|voicemails?|complaint|enquiry|inquiry|letter)\s+(?:on|of|from|"
                           r"last)\b|"
                           # ... or written up: "Quick round-up from today's visit to Greenhill"
                           r"\b(?:round-?up|summary|recap|notes|report|write-?up|update|feedback|photos?|findings)\s+"
                           r"(?:from|of|on|after)\s+(?:today|yesterday|this\s+morning|this\s+afternoon|last\s+night)['’]s\b|"
                           # ... or a meeting just held: "Lovely to meet you at the open day on Sunday"
                           r"(?:^\W*|\bit\s+was\s+(?:so\s+|really\s+)?)(?:lovely|nice|great|good|a\s+pleasure|"
                           r"wonderful)\s+to\s+(?:meet|see|chat\s+(?:to|with)|speak\s+(?:to|with)|talk\s+(?:to|with))"
                           r"\s+you\b", re.I)

# no room to book: "fully booked until 15 April", "booked up through May" dates the wait, not an event
NO_AVAILABILITY = re.compile(r"\b(?:fully|completely|all)\s+(?:booked|committed|allocated)\b|"
                             r"\bbooked\s+(?:up|solid|out)\b|\bno\s+(?:free\s+)?(?:slots|availability|capacity)\b",
                             re.I)

# ---- a commitment that hangs on a dated event (commitment_issues.py)
# the subject is the crew at a booked visit: what they will do there is part of the booking
ON_SITE_CREW = frozenset(CREW) | {"couriers", "carrier"}
# a third party whose event-relative time ("the courier will text you on the morning of delivery") is concrete
# even when the message does not date the event
CARRIERS = frozenset({"courier", "couriers", "carrier", "driver", "drivers", "van", "postman", "postie", "post"})
# work done on site during a booked delivery or visit: describing it is not an open promise once the visit is dated
ON_SITE_WORK = frozenset({
    "assemble", "build", "install", "fit", "unpack", "unwrap", "take", "remove", "carry", "bring", "place", "position",
    "connect", "disconnect", "test", "set", "lay", "hang", "mount", "dispose", "recycle", "tidy", "clean", "unload",
    "measure", "check", "inspect", "show", "demonstrate", "put", "clear", "move", "level", "wall-mount", "plumb",
    "run", "deliver", "drop", "arrive", "come", "reach", "call", "ring", "phone", "text", "go", "walk", "explain",
    "leave", "be there", "be with", "be on"})
# trades' hands-on work ("We'll lift a few boards, spray the timbers and put everything back"): part of a visit, so
# only after a dated arrival or visit - a dated phone call does not make "we'll fix it" the call's work
HANDS_ON_WORK = frozenset({
    "lift", "spray", "treat", "drill", "paint", "fill", "fix", "repair", "replace", "strip", "sand", "seal", "patch",
    "plaster", "cut", "drain", "flush", "service", "swap", "tighten", "adjust", "vacuum", "protect", "sheet", "cover",
    "prime", "re-tie", "tie", "scaffold", "wrap", "label", "photograph", "record", "sample", "survey", "practise",
    "practice", "rehearse"})
# acts that happen away from a visit, after it, on their own timetable ("we'll send the report", "I'll look into
# the refund"): with a dated visit, every other act of the sender's ("I'll knock at the back door", "Daniel will
# film you on the treadmill", "your toe will be bandaged") is what happens at the visit, described
FOLLOW_UP_ACTS = frozenset({
    "send", "email", "e-mail", "post", "mail", "forward", "refund", "credit", "reimburse", "pay", "invoice", "bill",
    "charge", "look", "investigate", "get", "update", "let", "confirm", "chase", "arrange", "order", "book",
    "contact", "reply", "respond", "write", "pass", "escalate", "raise", "review", "consider", "sort", "follow",
    "schedule", "reschedule", "rebook", "process", "issue", "return", "ship", "dispatch", "find", "source", "try",
    "see", "speak", "talk", "ask", "discuss", "keep", "notify", "inform", "advise", "report", "waive", "refer",
    "compensate", "cover", "share", "upload", "publish", "release", "transfer", "deposit", "apply",
    "submit", "file", "lodge", "claim", "cancel", "close", "open", "reopen", "resolve", "handle", "deal", "take",
    "make", "do", "come", "call", "ring", "phone", "text", "remind", "check", "test", "replace", "repair", "fix"})
# a dated event where someone comes to the reader (not a phone call or a meeting)
VISIT_EVENT = re.compile(r"\b(?:deliver(?:y|ies)|visit|appointment|install(?:ation)?|fitting|collection|survey|"
                         r"inspection|treatment|repair|service|on\s+site|be\s+with\s+you|surgery|procedure|"
                         # "I've booked your mam in for a cut and set at home on Thursday 13 May"
                         r"booked\s+(?:(?:you|him|her|them|your\s+[\w-]+)\s+)?in|"
                         r"at\s+(?:your|her|his|their)\s+(?:home|flat|house|place|office|premises|farm|yard|site))\b",
                         re.I)
# what happens during a dated meeting, tasting or session ("I've put 30 minutes in your calendar for Thursday at 10.
# We'll go through the draft agreement with you"): its agenda, not an open promise (not "look into", "take care of")
DURING_MEETING = re.compile(r"\b(?:go|walk|talk|run|take)\s+(?:you\s+|them\s+|everyone\s+)?(?:through|over)\b|"
                            r"\b(?:discuss|show|explain|demonstrate|present|introduce|answer|serve|pour|meet|bring)\b",
                            re.I)
