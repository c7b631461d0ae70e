"""Whose promise, and to whom: the frame around a commitment clause that makes it the sender's promise to the
reader — or not.

LABELS.md counts a promise by the sender (I, we, our team, the company) that the reader will wait on. Real mail is
full of future clauses that are not that: reported speech and quotations ("'we'll fix it later,' he said"), third
parties named in news or internal notes ("the committee will turn to the bill", "Edison will try to borrow"),
purpose clauses ("so we can help you further"), and promises whose time the reader sets by acting first ("send us
the form and we'll refund you", "once you sign, I'll release the funds"). These are facts about the sentence, not
about any one phrase, so they live here and the detector asks them.
"""
from __future__ import annotations

import re
from functools import lru_cache

# "...," she said / says Jane Roe / according to / told reporters: the sentence reports someone else's words
_SPEECH_VERB = r"(?:said|says|say|told|tells|added|adds|explained|noted|wrote|writes|stated|states|claimed|" \
               r"claims|announced|warned|predicted|insisted|argued|acknowledged|conceded|replied|mused|quipped|" \
               r"remarked|observed|recalled|joked|testified|commented|responded|continued|asserted|contended|" \
               r"maintained|cautioned|declared|boasted|complained)"
# no speaker at all: "Nothing says Monday like a fourth change to the plan", "Nobody said it would be easy"
_NOBODY = r"(?:Nothing|Nobody|Everyone|Everybody|Everything|Anyone|Anybody|Someone|Somebody|Something|No\s+one)"
_REPORTED = re.compile(
    r"[\"”“]\s*[,.]?\s*(?:(?:he|she|they|[A-Z][\w.'-]*)\s+){0,4}" + _SPEECH_VERB + r"\b|"  # "...," Smith said
    r"\b" + _SPEECH_VERB + r"\s+(?:[A-Z][\w.'-]*\s*){1,4}[,:]?\s*[\"“]|"           # said Smith, "..."
    r"\baccording\s+to\b|"
    r"(?:''|``)|"                                                                    # typeset news quotes
    r",\s*(?:[A-Z][\w.'-]*\s+){1,3}" + _SPEECH_VERB + r"\s*(?:\w+\s*){0,3}[.!]?\s*$|"  # ..., Baligar said.
    # (not "as he told the gate": the writer's own correction of what was said, "10 a.m., NOT 10:30 as he told ...")
    r"(?<![Aa]s\s)\b(?!" + _NOBODY + r"\b)(?:he|she|they|it|[A-Z][a-z]+)\s+" + _SPEECH_VERB +
    r"\s+(?:that\s+)?(?:it|they|he|she|the|[A-Z])|"
    r"[,.!?]['’](?=\s)[^.!?]{0,60}\b" + _SPEECH_VERB + r"\b",                      # ...,' and that's what he said
    re.M)
# the tail of a quotation that began in an earlier sentence: '... and the public needs it."'
_QUOTE_TAIL = re.compile(r"[.!?][\"”]\s*$")

# the sender's side named around a third-person subject: "Ana from our billing team", "my colleague Ana"
_OURS = re.compile(r"\b(?:our|my|us|we|we'll|we've|i|i'll|i've)\b", re.I)
# the action reaches the reader: "Ana will call you", "UPS will deliver your parcel"
# ... or said to the reader by its verb: "Kylie will be in touch about the refund" (not "in touch with the supplier")
_TOWARD_READER = re.compile(r"\b(?:you|your|yours|you'll|you're)\b|"
                            r"\b(?:be|get|keep)\s+in\s+touch\b(?!\s+with\s+(?!you\b|us\b))", re.I)

# "so we can help", "so that I may check": a purpose, not a promise
_PURPOSE = re.compile(r"\b(?:so(?:\s+that)?|in\s+order\s+that)\s*$", re.I)

# the reader hands over what the work waits for: a form, a photo, a reading, a signature, a ticket, a payment
_HAND_OVER = r"(?:send|sends|sent|upload|attach|return|sign|signed|submit|fill|fills|complete|share|forward|post|" \
             r"bring|show|present|hand\s+(?:\w+\s+)?(?:in|over)|type|enter|tap|click|press|scan|" \
             r"reply\s+with|reply\s+to\s+(?:tell|confirm|let)|email|e-mail|dm|message|give|provide|confirm|" \
             r"create|open|log|book|pay|paid|drop|write\s+to\s+(?:me|us)|ask\s+(?:me|us)|" \
             r"(?:call|ring|phone|text|message)\s+(?:me|us|our\s+\w+|dispatch|reception|support|" \
             r"the\s+(?:\w+\s+)?(?:desk|line|team|office|helpline|hotline|number))|" \
             r"reply(?!\s+(?:if|when|whenever)\b)|" \
             r"(?:come|pop|stop|swing)\s+(?:by|in|into|round|over|to|at)|write\s+(?:down|out)|jot\s+down|" \
             r"finish|choose|pick|select|update|register|" \
             r"(?:come\s+and\s+)?(?:find|see|grab|catch)\s+(?:me|us|one\s+of\s+us)|" \
             r"(?:tell\s+(?:me|us)|let\s+(?:me|us)\s+know)\s+(?:which|what|when|whether|in\s+(?:the|your|this)|by)|" \
             r"tell\s+(?:me|us)\s+(?:your|their|his|her|the)\b)"     # "tell me their email": a detail handed over
_HAND_OVER_AT = re.compile(_HAND_OVER, re.I)
# a lead-in where the reader acts first: "send us the form and ...", "if you upload ...", "once you've signed ...",
# "as soon as the form is signed ..." — the reader's own act sets the time
_READER_ACTS_FIRST = re.compile(
    # "reply with one that does and ...", also after a condition: "If that time doesn't suit, reply with ..."
    r"^\W*(?:(?:but|and|so|or|alternatively,?)\s+)?"          # "Or ring me on ... and I'll take the payment"
    r"(?:(?:(?:but|and|so|or)\s+)?(?:(?:if|when|where)\b[^,.;]{0,80}|to\s+[a-z]+(?:\s+[a-z]+){0,3}),\s*)?"
    r"(?:please\s+|kindly\s+)?(?:just\s+)?" +
    _HAND_OVER +
    r"(?:e?d|s|ing)?\b|"
    # asked as a question: "Could you please send me a list of what was taken by Friday 16 April?"
    r"^\W*(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+)?(?:just\s+)?" + _HAND_OVER + r"(?:e?d|s|ing)?\b|"
    r"^\W*(?:if|once|when|whenever|as\s+soon\s+as|after|the\s+moment)\s+you(?:'ve|\s+have)?\s+(?:\w+\s+)?"
    + _HAND_OVER + r"(?:e?d|s|ing)?\b|"
    # "once I have your confirmation", "as soon as we receive your form": what the reader sends starts the work
    r"^\W*(?:once|when|as\s+soon\s+as|after|the\s+moment)\s+(?:I|we)(?:'ve|\s+have)?\s+(?:(?:have|get|got|receive|"
    r"received)\s+(?:your|it\s+back\s+from\s+you|the\s+signed)|hear\s+(?:back\s+)?from\s+you)\b|"
    r"^\W*(?:once|when|as\s+soon\s+as|after|the\s+moment)\s+(?:the|this|that|your)\s+\w+(?:\s+\w+)?\s+"
    r"(?:is|are|has\s+been|have\s+been)\s+(?:signed|returned|received|approved|submitted|completed|sent|confirmed|"
    r"uploaded|paid)\b", re.I)


# "Mr. Wood says interconnection is ...", "as alleged by some": a third party's words, reported (not "As it says
# in every confirmation": the writer pointing at the papers, nor "whatever the schedule says", "no matter what /
# regardless of what / despite what the X says": the writer's own words, brushing the source aside)
# ("calls"/"called" only with what is called after it: "the fourteen calls to the shop" is a noun)
# papers of the deal: "The agreement says plowing starts ONCE the snow stops" is the writer pointing at the deal, in
# the writer's own words and stress, not someone else's speech
_PAPERS = (r"(?i:agreement|contract|terms|policy|invoice|quote|quotation|label|form|booking|confirmation|receipt|"
           r"warranty|guarantee|manual|guide|website|notice|leaflet|ticket|schedule|lease)")
THIRD_PARTY_SAYS = re.compile(r"(?<!\bas )(?<!\bAs )(?<!\bwhatever )(?<!\bmatter what )(?<!\bof what )"
                              r"(?<!\bdespite what )"
                              r"\b(?!(?:You|I|We|That|This|What|Which|Who|Having|Needless|So)\b|" + _NOBODY + r"\b)"
                              r"(?:[A-Z][\w.'-]+|he|she|it|"
                              # not the object of a preposition: "The form you signed before the repair says ..."
                              r"(?<!\bbefore )(?<!\bafter )(?<!\bduring )(?<!\buntil )"
                              r"(?i:the|a|an|their)\s+(?!" + _PAPERS + r"\b)[\w-]+)"
                              r"\s+(?:(?:says|said|claims|claimed|argues|argued|describes|described)\b|"
                              r"(?:calls|called)\s+(?=(?:it|this|that|these|those|them|the|a|an|his|her|their|our)\b|[\"“‘']))"
                              # "it says so on the form": the writer pointing at a document, not reported words
                              r"(?!\s*(?:you|your)\b)(?!\s+so\b)|\b(?:as\s+)?alleged\s+by\b")


@lru_cache(maxsize=4096)        # asked once per hit and per quotation mark of the same sentence
def reported_speech(sentence: str) -> bool:
    """The sentence reports what someone else said or wrote (a quotation with a speech verb, 'according to'), or
    ends a quotation it did not open."""
    if _QUOTE_TAIL.search(sentence) and not any(q in sentence[:-2] for q in ('"', "“", "”")):
        return True
    return _REPORTED.search(sentence) is not None


@lru_cache(maxsize=4096)
def third_party_speech(sentence: str) -> bool:
    """Someone other than the writer or the reader says, claims or calls something in the sentence ('the
    chairman says the plan is ...', 'as alleged by some'), without a quotation mark next to the verb."""
    return THIRD_PARTY_SAYS.search(sentence) is not None


def third_party(owner: str, clause: str, before_subject: str, subject: str = "") -> bool:
    """A named person or organisation whose action neither reaches the reader nor is tied to the sender's side:
    news, other companies' plans, colleagues' diaries — not a promise the reader waits on. An organisation by
    name ("DPD will email you a date", "HMRC will write to you") is someone else even when it acts for the reader;
    a first name may be a colleague, so it needs the reader out of the clause. (A bare he/she/they usually stands
    for a colleague or team named before, so it is left to the owner rules.)"""
    if owner != "named" or _OURS.search(before_subject[-40:]) or _OURS.search(subject):
        return False
    if firm_name(subject):
        return True             # "DPD will collect the hub we sent you", "Australia Post will email you": the firm acts
    if _OURS.search(clause):
        return False
    clause = _BESIDE_READER.sub(" ", clause)    # "Secretary Reilly will speak just before you": a place in a line-up
    return not _TOWARD_READER.search(clause)


# a name spelt like a firm's: initials ("DPD", "HMRC") or a capital inside the word ("FedEx", "PayPal")
_ORGANISATION = re.compile(r"\b(?:[A-Z]{2,6}|[A-Z][a-z]+[A-Z]\w*)\b")


# the last word of a firm's name: "Royal Mail", "Australia Post", "Acme Logistics", "Kestrel Bank"
_FIRM_WORD = re.compile(r"\b(?:Mail|Post|Parcelforce|Express|Logistics|Freight|Couriers?|Airways|Airlines|Air|Rail|"
                        r"Bank|Council|Ltd|Limited|Inc|LLC|plc|PLC|Group|Corp|Corporation|Company|Services?|Insurance)\b")


def firm_name(subject: str) -> bool:
    """The subject names a firm ('DPD', 'FedEx', 'Royal Mail', 'Acme Logistics'), not a person."""
    return _ORGANISATION.search(subject) is not None or _FIRM_WORD.search(subject) is not None


# "you" as a place in an order or a comparison, not as the one the act is for
_BESIDE_READER = re.compile(r"\b(?:(?:just|right|straight)\s+)?(?:before|after|than|like)\s+you\b", re.I)
# bodies that act on their own account, never for the sender: "the council", "the university", "the court"
OUTSIDE_BODIES = frozenset({
    "university", "college", "school", "council", "court", "tribunal", "government", "ministry",
    "regulator", "ombudsman", "authority", "agency", "commission", "committee", "senate", "congress", "parliament",
    "embassy", "consulate", "police", "hospital", "airline", "bank", "insurer", "lender", "landlord", "manufacturer",
    "registry", "panel", "judge", "inspector", "auditor", "auditors", "examiner", "union"})
# a sentence whose own actor, named first, is an outside body: "The Senate Energy Committee is starting ...",
# "the council has the plans, and ..."
_LED_BY_BODY = re.compile(r"^\W*(?:(?P<the>(?i:the))\s+)?(?P<names>(?:[A-Z][\w&.'-]*\s+){1,4})?"
                          r"(?:(?:[a-z]+\s+)?(?P<body>[a-z]+)\s+)??"
                          r"(?:is|are|was|were|has|have|had|will|[a-z]+(?:s|ed))\b")


def passive_of_outside_body(sentence_before_subject: str, sentence: str) -> bool:
    """An agentless passive in a sentence led by an outside body's own clause stands for that body ("The planning
    committee is starting on the package (other issues will be taken up in March)"), unless the sender's side is in
    the sentence."""
    m = _LED_BY_BODY.match(sentence_before_subject)
    if m is None or _OURS.search(sentence):
        return False
    names, body = (m.group("names") or "").strip(), m.group("body")
    if body in OUTSIDE_BODIES:
        return True
    return bool(names) and body is None and (m.group("the") is not None or _ORGANISATION.fullmatch(names) is not None)


# "You will receive an invitation from the university": somebody else sends it
_FROM_SOMEONE_ELSE = re.compile(r"\bfrom\s+(?:(?:the\s+)?(?!(?:Us|Me|Our|My|Your|You|The|This|That)\b)[A-Z]|"
                                r"the\s+(?P<body>\w+(?:\s+\w+)?))")


def received_from_someone_else(clause: str) -> bool:
    """What the reader will receive comes from a named third party or an outside body, not from the sender's
    side ("from the university", "from HMRC"; not "from our team", "from the team")."""
    for m in _FROM_SOMEONE_ELSE.finditer(clause):
        if m.group("body") is not None and not OUTSIDE_BODIES.intersection(m.group("body").lower().split()):
            continue
        return not _OURS.search(clause[m.start():])
    return False


# acts of service the reader waits on even when the clause does not name them: "we'll look into it", "this will be
# fixed", "I'll chase the courier" (lemmas; a participle is looked up through the lemma table)
SERVICE_VERBS = frozenset({
    "look", "investigate", "check", "fix", "resolve", "sort", "review", "process", "refund", "replace", "repair",
    "follow", "update", "confirm", "escalate", "arrange", "send", "resend", "re-send", "deliver", "ship", "dispatch",
    "post", "mail", "courier", "email", "e-mail", "contact", "call", "phone", "ring", "chase", "raise", "reply",
    "respond", "answer", "credit", "reimburse", "compensate", "waive", "book", "schedule", "reschedule", "organise",
    "organize", "correct", "amend", "adjust", "reset", "restore", "reinstate", "unlock", "reactivate", "activate",
    "release", "issue", "reissue", "re-issue", "pay", "return", "collect", "pick", "install", "fit", "visit",
    "inspect", "test", "pass", "forward", "share", "provide", "prepare", "draft", "finish", "complete", "find",
    "figure", "speak", "talk", "ask", "order", "reorder", "restock", "expedite", "prioritise", "prioritize", "trace",
    "locate", "handle", "deal", "action", "log", "cancel", "close", "reopen", "upgrade", "transfer", "grant",
    "authorise", "authorize", "verify", "assess", "approve", "allocate", "reserve", "exchange", "swap", "invoice",
    "bill", "settle", "finalise", "finalize", "remove", "honour", "honor", "notify", "inform", "text", "message",
    "bring", "get", "come", "arrive", "reach", "recheck", "re-check", "rectify", "redeliver",
    "reconnect", "connect", "restart", "reprint", "print", "produce", "write", "turn", "go", "change", "patch",
    "glue", "re-glue", "mend", "redo", "pencil", "squeeze", "move", "switch", "extend", "hold", "set", "work", "do",
    "help", "try", "source", "clear", "remind", "quote", "price", "measure", "survey", "recalculate", "revert",
    "examine", "analyse", "analyze", "audit", "upload", "publish", "assign",
    # hands-on work on the reader's goods or home
    "build", "take", "varnish", "paint", "clean", "polish", "sand", "sew", "stitch", "assemble", "dismantle",
    "service", "tune", "align", "calibrate", "weld", "seal", "lay", "plumb", "wire", "cut", "trim", "drop", "fill",
    "load", "unload", "pack", "wrap", "label", "refurbish", "recondition", "treat", "spray", "upholster", "cover",
    "unblock", "rebuild", "rewire", "reseal",
    # putting a fix or a change live
    "deploy", "redeploy", "roll", "apply", "implement", "launch", "enable", "disable", "migrate",
    # securing a booking: "we can lock in the interpreters by Friday"
    "lock", "secure"})
# work on the reader's items or documents in service trades (records, translations, instruments) in an agentless
# future ("the remaining 14 reels will be converted in due course"); not an intention ("we are trying to convert
# these concerns into action"), and the sender's own "we will scan it" is already work the reader waits on
_TRADE_PASSIVE = re.compile(r"\b(?:will|shall|['’]ll)\s+be\s+(?:\w+\s+)?(?:converted|digiti[sz]ed|scanned|translated|"
                            r"transcribed|calibrated|certified|restored|tuned|engraved)\b", re.I)
# "look" is work only with what is looked into: "look into it", "take a look at", "look over the contract"
_LOOK_INTO = re.compile(r"\blook(?:s|ed|ing)?\s+(?:\w+\s+)?(?:into|at|over|through|for|out|after|again)\b", re.I)
# "we'll see what the workshop says", "I'll see whether it can be done": finding out, which the reader waits on
_FIND_OUT = re.compile(r"\bsee\s+(?:what|if|whether|how|when|about)\b", re.I)
# being somewhere, or with someone: never work the reader waits on, whoever is named in the clause
_PRESENCE_WORDS = frozenset({"attend", "join", "meet", "accompany", "defer", "stay", "travel", "fly", "drive", "sit",
                             "wait", "head", "leave"})
# what a sender does that nobody waits on: reading, thinking, planning, deciding, announcing (a verb also in
# SERVICE_VERBS is service, so none is listed here)
NOT_WAITED_ON = frozenset({
    "attend", "join", "meet", "travel", "fly", "drive", "head", "leave", "stay", "remain", "read", "use", "copy",
    "cc", "see", "watch", "think", "consider", "discuss", "chat", "give", "keep", "chime", "defer", "withhold",
    "suspend", "pursue", "encourage", "oppose", "support", "vote", "recommend", "argue", "concentrate", "focus",
    "expect", "anticipate", "hope", "plan", "start", "begin", "continue", "spend", "enjoy", "win", "lose", "make",
    "have", "hire", "retire", "present", "convene", "publish", "announce", "launch", "solicit", "step", "seek",
    "push", "monitor", "wait", "assume", "guess", "bet", "imagine", "need", "want", "like", "love", "miss", "decide",
    "agree", "disagree", "approach", "tackle", "aim", "intend", "propose", "suggest", "invite", "host", "run",
    "lead", "own", "manage", "stop", "end", "increase", "reduce", "lower", "buy", "sell", "invest", "trade", "bid",
    "offer", "charge", "file", "sue", "fight", "challenge", "appeal", "comment", "testify", "address", "be",
    "accompany"}) | _PRESENCE_WORDS
_PRESENCE = _PRESENCE_WORDS
# the work goes to someone else, not to the reader: "we'll show it to Mark", "I'll call him", "send it to them"
_TO_SOMEONE_ELSE = re.compile(r"\b(?:to|with|for)\s+(?:him|her|them|(?!(?:You|Us|Me|Our|Your|The|This|That|It|"
                              # "in time for Thursday", "ready for Christmas": a time, not a person
                              r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                              r"April|May|June|July|August|September|October|November|December|Christmas|Easter|"
                              r"New|Tomorrow|Today|Tonight)\b)"
                              r"[A-Z][a-z]+)\b|^\S+\s+(?:\w+\s+){0,2}?(?:call|ring|phone|email|e-mail|ask|tell|"
                              r"contact|text|message|show|give|send|forward|tell|pay|thank|brief)\s+(?:him|her|them)\b|"
                              # "we will contact EPSA", "I'll call Jim": a named person or body, not the reader
                              r"^\S+\s+(?:\w+\s+){0,2}?(?:call|ring|phone|email|e-mail|contact|text|message)\s+"
                              r"(?:the\s+)?(?!(?:You|Us|Me|Our|Your|This|That|It|Monday|Tuesday|Wednesday|Thursday|"
                              r"Friday|Saturday|Sunday|Tomorrow|Today)\b)[A-Z][\w&-]+")


# "I will tell you that his attitude ...", "I'll say this": the future frames a statement, it promises nothing;
# "I may take you up on it": accepting the reader's offer
_ASSERTION = re.compile(r"^\S+\s+(?:\w+\s+){0,2}?(?:tell|say|admit|grant)\s+(?:you\s+)?(?:that|this)\b|"
                        # an explanation given in this very message: "I'll go through it once more", "I'll explain
                        # below"; ownership from now on: "Chiamaka and I will be handling your case from here"
                        r"\b(?:go|run|walk\s+you|take\s+you)\s+(?:through|over)\s+(?:it|this|that|them)\s+(?:again|once\s+more|"
                        r"one\s+more\s+time)\b|\b(?:explain|set\s+out|outline|summari[sz]e|recap)\s+(?:it\s+|this\s+|that\s+)?"
                        r"(?:below|here|again\s+below)\b|\bwill\s+be\s+(?:handling|looking\s+after|managing|dealing\s+with|"
                        r"taking\s+care\s+of)\b[^.!?]{0,60}?\b(?:from\s+(?:here|now)(?:\s+on)?|going\s+forward)\b|"
                        r"\btake\s+(?:you|him|her|them)\s+up\s+on\b", re.I)

# passing the reader's feedback on: a courtesy, nothing the reader waits on ("we'll pass this along to our dev team",
# "we'll forward it as a suggestion to the product team", "we'll pass on your thoughts")
_FEEDBACK_RELAY = re.compile(
    r"\b(?:pass|forward|relay|share|feed)\w*\s+(?:(?:this|it|that|them|these)\s+|(?:your|the)\s+(?:\w+\s+)?"
    r"(?:feedback|thoughts|comments|suggestions?|ideas?|views?|request|concerns?)\s+)?(?:along\s+|on\s+|back\s+)?"
    r"(?:as\s+(?:a\s+)?(?:suggestion|feedback|request)\s+)?to\s+(?:our|the)\s+(?:\w+\s+){0,2}?(?:team|teams|"
    r"department|developers|engineers|designers)\b(?![^.]*\b(?:and|who|they)\b[^.]*\b(?:will|'ll)\b)|"
    r"\bpass\s+on\s+(?:your|the)\s+(?:\w+\s+)?(?:feedback|thoughts|comments|suggestions?|ideas?|views?)\b|"
    # the reader's thanks passed to a colleague: "I'll pass your message on to Fiona", "pass on your kind words"
    r"\b(?:pass|forward|relay|share)\w*\s+(?:on\s+)?(?:your|the|this|these)\s+(?:(?:kind|lovely|nice|warm|good)\s+)?"
    r"(?:message|thanks|words|compliments?|praise|note|wishes)\s+(?:on\s+|along\s+)?to\b", re.I)
# saying who can help is not a promise to help: "our account experts will be able to help you out"
_CAPABILITY = re.compile(r"\bwill\s+be\s+(?:(?:happy|glad|best\s+placed)\s+to|able\s+to)\s+(?:help|assist|advise|"
                         r"support|answer)\b|"
                         # "our product team will be able to review it": who can take it further, not a promise
                         r"\b(?:team|department|specialists?|experts?|colleagues?)\s+will\s+be\s+able\s+to\s+"
                         r"(?:review|look|consider)\b", re.I)
# "we might be able to resolve it by cleaning the print head": steps offered for the reader to try, not a promise
_SELF_HELP = re.compile(r"\bable\s+to\s+(?:resolve|fix|solve|sort|clear|get\s+(?:it|this|that)\s+working)\b"
                        r"[^.;!?]{0,40}?\bby\s+\w+ing\b", re.I)
# "Mia will start with a ten-minute chat": how a session runs
_AGENDA = re.compile(r"\b(?:start|starts|begin|begins|open|opens|kick\s+off|finish|finishes|end|ends|close|closes|"
                     r"wrap\s+up)\s+(?:the\s+\w+\s+)?with\s+(?:an?|the|some|your|our)\b", re.I)
# a sending said with "have"/"get" and a particle: "have the timetable out to everyone", "get it back to you"
_SEND_OUT = re.compile(r"\b(?:have|get)\s+(?:it|this|that|them|(?:the|your|our|a|an|this|that)\s+"
                       r"(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:out|over|across|back)\s+to\b", re.I)
# "have this re-reviewed", "have the part replaced": the sender gets the work done
_CAUSATIVE = re.compile(r"\bhave\s+(?:it|this|that|them|(?:the|your|our)\s+\w+)\s+(?:re-)?[a-z]+(?:ed|en)\b", re.I)

# verbs too general to make a thing's future a service by themselves: "the cap may be set at $68", "what will turn
# out to be", "the company will be called Dynegy", "it will get three seats"
_GENERAL_FOR_THINGS = frozenset({"set", "turn", "go", "get", "call", "do", "work", "hold", "come", "move", "clear",
                                 "help", "try", "find", "write", "produce", "print", "change", "reach", "pass",
                                 "release", "handle", "identify", "treat", "issue", "price"})
_RELATIVE = frozenset({"that", "which", "what", "who", "whom", "whose"})


# a visit made to do the work: "swing by to have a look at it", "pop round to measure up", "come out to fix it"
_VISIT_TO_WORK = re.compile(r"\b(?:swing|pop|drop|stop|come|call|nip|head|get|be)\s+(?:by|round|around|over|out|in|"
                            r"across)\b[^.!?;]{0,30}?\bto\s+(?:have\s+a\s+look|look\s+at|check|fix|repair|inspect|"
                            r"sort|measure|collect|pick\s+up|replace|swap|change|service|test|assess|install|fit|read|tune|voice|"
                            r"adjust|clean|drop\s+off|deliver|bring|finish|top\s+up|regulate)\b", re.I)


# what the sender gets from someone else for the reader: "I'll have an answer from DPD by Friday"
_ANSWER_FOR_READER = re.compile(r"\bhave\s+(?:\w+\s+)?(?:an?\s+|the\s+|their\s+|some\s+)?(?:answer|reply|response|"
                                r"decision|"
                                r"confirmation|quote|news|word|date|price|figures?)\b", re.I)


_COPY_IN = re.compile(r"\b(?:copy|cc)\s+you\s+(?:in|into|on)\b|\bcc\s+you\b", re.I)


def _work_said_with_have(verb_lemma: str, clause: str) -> str:
    """The work a "have"/"get" clause stands for: "I will have this re-reviewed by counsel" is work arranged, "we're
    hoping to have it out to everyone" and "I'll get the quote over to you" are a sending."""
    if verb_lemma == "have" and _CAUSATIVE.search(clause):
        return "arrange"
    if verb_lemma in ("have", "get") and _SEND_OUT.search(clause):
        return "send"
    if verb_lemma == "have" and _A_WORD_WITH.search(clause):
        return "speak"              # "I'll have a word with the driver": a talk on the reader's behalf
    return verb_lemma


_A_WORD_WITH = re.compile(r"\bhave\s+(?:a|another)\s+(?:quiet\s+|quick\s+|firm\s+)?(?:word|chat|talk)\s+with\b", re.I)


def reader_waits(verb_lemma: str, clause: str, outcome: bool, effort: bool = False, owner: str = "first",
                 plain_future: bool = False, grievance: bool = False) -> bool:
    """LABELS.md counts only a promise 'the recipient will wait on'. The clause names the reader ("I'll forward it
    to you", "your refund will be processed", "we'll keep you posted"), or it is an act of service or an outcome
    ("we'll look into it", "this will be fixed") that goes to no one else; a thing, a name or "they" needs more than
    a general verb or a state ("the company will be called X", "a room will be available"). Plans,
    intentions and news without that tie ("I'm going to read the comments", "we'll show it to Mark", "we may step
    up our efforts") are not promises to the reader. `effort`: the clause offers an effort ("we should be able to
    match the finish", "we'll do our best to squeeze it in"), which is made for the reader whatever the verb.
    `plain_future`: the clause is a plain "will"/"shall" + base verb, not an intention or a progressive.
    `grievance`: the text answers a grievance, where what the sender hopes or tries to do about it is waited on
    ("We'll hopefully get Ella back in the car next week", "I'll try to sort it at some point tomorrow")."""
    if verb_lemma == "look" and not _LOOK_INTO.search(clause):
        return False            # "we will look dimly on any firm that ...": an attitude, not a look into anything
    if _VISIT_TO_WORK.search(clause):
        return True             # "Someone will swing by to have a look at it": a visit to do the work
    if verb_lemma in _PRESENCE:
        return False            # "Rick will meet you there", "I shall join you": a plan, even with the reader in it
    if _COPY_IN.search(clause):
        return False            # "I'll copy you in so you can see what was sent": it goes with another act
    if _ASSERTION.search(clause):
        return False            # "I will tell you that ...", "I'll take you up on it": a statement or an acceptance
    if _SELF_HELP.search(clause):
        return False            # "we may be able to fix it by resetting the router": a suggestion to try
    if _MANNER_OR_HABIT.search(clause):
        return False            # "I'll take extra care there", "We will always ring you before we leave": how, not what
    if _AGENDA.search(clause):
        return False            # "Mia will start with a ten-minute chat": how a session runs, not work to wait for
    if (_FEEDBACK_RELAY.search(clause) or _CAPABILITY.search(clause)) and not _DECISION_MADE.search(clause):
        return False            # "we'll pass this along to our dev team", "our experts will be able to help you"
        #                         (but "passed to our insurers and a decision made" ends in the reader's answer)
    if verb_lemma == "have" and received_from_someone_else(clause) and not _ANSWER_FOR_READER.search(clause):
        return False            # "We'll have the usual update from Larry Lindsay": a programme item someone else gives
    verb_lemma = _work_said_with_have(verb_lemma, clause)
    if _TOWARD_READER.search(clause):
        return True
    first_word = clause.split()[0].lower() if clause.split() else ""
    if owner != "first" and first_word in _RELATIVE:
        return False            # "the report that will be released": a description, not a promise
    if owner in ("thing", "named", "they") and not outcome and verb_lemma in _GENERAL_FOR_THINGS:
        return False
    # "re-varnish": a hyphenated re- repeats a service; unhyphenated words are themselves ("recover" is not "cover")
    service = verb_lemma in SERVICE_VERBS or (verb_lemma.startswith("re-") and verb_lemma[3:] in SERVICE_VERBS) or \
        _TRADE_PASSIVE.search(clause) is not None or _SERVICE_AS_NOUN.search(clause) is not None or \
        _DECISION_MADE.search(clause) is not None
    # "I will fax it", "we'll analyse the versions": the sender's own plain "will" + a verb is work the reader waits
    # on unless the verb is one of the plans and activities nobody waits on ("I will attend", "I shall join you");
    # intentions, hopes and progressives ("we expect to pursue", "we will be facing") and others' acts need a service
    own_work = owner == "first" and (plain_future or grievance) and verb_lemma not in NOT_WAITED_ON
    if not (outcome or effort or service or own_work or _FIND_OUT.search(clause)):
        return False
    # ... and what goes to someone else ("I'll ring the courier") is for the reader only when they are waiting on it
    return grievance or _TO_SOMEONE_ELSE.search(clause) is None


# how the work is done, or what is always done, rather than a deliverable: "I'll take extra care there", "We will
# always ring you from the property before we leave"
_MANNER_OR_HABIT = re.compile(r"\btake\s+(?:extra|more|special|great|particular|good|every)\s+care\b(?!\s+of\b)|"
                              r"\b(?:will|['’]ll|shall)\s+always\b", re.I)


# a decision said with "make"/"reach": "we'll make a decision on the expansion in due course" is the reader's answer
# ... and in the passive, also elided after "and": "a decision will be made", "the claim will be passed to our
# insurers and a decision made in due course"
_DECISION_MADE = re.compile(r"\b(?:make|reach|come\s+to|take|give)\s+(?:a|our|the|my|your|an?)\s+"
                            r"(?:(?:final|firm|formal|clear)\s+)?decision\b|"
                            r"\b(?:a|our|the|your)\s+(?:(?:final|firm|formal|clear)\s+)?decision\s+(?:(?:will|['’]ll|"
                            r"should|shall|may|might|can|is\s+to)\s+be\s+)?(?:made|reached|taken|given)\b", re.I)


# a service said with "give": "I'll give it a proper clean", "we'll give the boiler a full service"
_SERVICE_AS_NOUN = re.compile(r"\bgive\s+(?:it|them|(?:the|your|this|that)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:a|an)\s+"
                              r"(?:(?:proper|quick|good|full|thorough|deep|final|second|fresh|light)\s+)?(?:clean|service|"
                              r"check|wash|polish|once-over|tune|tune-up|going-over|inspection|coat|scrub|flush|test|"
                              r"sweep|trim|repaint|overhaul)\b", re.I)


# the sender's side named before a he/she/they: "I've passed this to our returns team", "my colleague Ana"
_OUR_PEOPLE = re.compile(r"\b(?:our|my)\s+(?:\w+\s+){0,2}?(?:team|colleague|colleagues|engineer|engineers|manager|"
                         r"department|technician|specialist|staff|courier|driver|partner|agent|rep|crew|office|"
                         r"warehouse|workshop|desk|lead|supervisor|adviser|advisor|group)s?\b|"
                         r"\b(?:I|we)(?:'ve|\s+have)?\s+(?:passed|handed|forwarded|sent|referred|escalated|asked|"
                         r"spoken|talked|assigned)\b|"
                         # a hand-over in the passive: "your claim has been passed to the right people"
                         r"\b(?:has|have|is|are|was|were)\s+(?:now\s+)?(?:been\s+)?(?:passed|handed|forwarded|sent|"
                         r"referred|escalated|assigned)\s+(?:on\s+)?to\b", re.I)


def ours_nearby(before: str, clause: str) -> bool:
    """A he/she/they is a colleague on the sender's side when the reader is in the clause ("she will call you")
    or the text just before puts someone on our side ("I've passed this to the returns team. They'll sort it");
    otherwise it is news or somebody else's plan ("once utilities are in the business they will look for ways")."""
    before = before.rsplit("\n\n", 1)[-1]
    if _THEIR_SIDE.search(before[-160:]) and not _OUR_PEOPLE.search(before[-160:]):
        return False            # "Please send both to your insurer, Westbrook Health. They will decide ..."
    return bool(_TOWARD_READER.search(clause) or _OUR_PEOPLE.search(before))


# a body on the reader's side named just before a "they": the reader's insurer, bank, landlord, employer
_THEIR_SIDE = re.compile(r"\byour\s+(?:own\s+)?(?:insurer|insurance\s+company|bank|card\s+issuer|landlord|employer|"
                         r"lender|solicitor|lawyer|accountant|council|airline|GP|doctor|dentist|school|university|"
                         r"broker|agent|provider)\b", re.I)


# anchors after which a bare "so" reads as "and therefore", never as "in order that"
_RESULT_KINDS = frozenset({"will", "going", "intent", "best", "prog"})


def purpose_clause(before_subject: str, anchor_kind: str = "modal") -> bool:
    """'so (that) we can ...' right before the subject: the clause says why, it promises nothing. A bare "so"
    before "will", "going to", "hoping to" or a progressive is a result ("you returned the book, so we'll look into
    the charge", "it is still being finalised, so we're hoping to have it out soon"): that is a promise."""
    m = _PURPOSE.search(before_subject)
    return m is not None and not (anchor_kind in _RESULT_KINDS and m.group(0).strip().lower() == "so")


# "before deciding whether or not we will ...", "till we shall sort ...", "more than we will ever need": a clause
# the sentence does not assert, only weighs, waits for or compares with
_NOT_ASSERTED = re.compile(r"\b(?:whether(?:\s+or\s+not)?|till|until|than|whereas|as\s+if|as\s+though|"
                           r"even\s+though|although|though|"
                           # an embedded question: "natural to want to know how Ji-ho will be looked after"
                           r"(?:know|wonder|wondering|wondered|ask|asking|asked|understand|curious|unsure|worried|"
                           r"concerned)\s+(?:about\s+)?(?:how|what|why|where|who|when|if)|"
                           # ... after a verb of telling or finding out: "the survey lets us tell you, before we drill,
                           # how deep we expect to go", "I'll find out which crew we can send"
                           r"(?:tell|show|explain|say|know|see|decide|work\s+out|figure\s+out|find\s+out|estimate|"
                           r"predict|gauge|judge|check)\b[^.!?\n]{0,40}?\b(?:how(?:\s+(?:much|many|long|far|soon|"
                           r"quickly|deep|big|high|often|likely|well|badly|fast))?|which\s+[\w-]+|what|why|where|who)"
                           r"\s*$|"
                           # a question put to the reader: "Please let me know a weekday morning next week when we
                           # may visit", "tell me which day we should come"
                           r"(?:let\s+(?:me|us)\s+know|tell\s+(?:me|us)|advise|confirm)\b[^.!?\n]{0,60}?"
                           r"\b(?:when|whether|if|which\s+(?:day|date|time|slot|morning|afternoon)|what\s+time)|"
                           # what someone recommends or argues: "He recommended that the cap should be raised"
                           r"(?:recommend|suggest|propose|urge|insist|demand|argue|request)(?:s|ed|d)?\s+that|"
                           # what a note or form the reader brings will say: "a short note from you saying she may
                           # collect it", "a letter stating that you may drive the van"
                           r"\b(?:note|letter|form|card|email|message|sign|slip|statement|declaration|authori[sz]ation)"
                           r"\b[^.!?\n]{0,40}?\b(?:saying|stating|confirming|to\s+say|that\s+(?:says|states))"
                           r"(?:\s+that)?|"
                           # a lead to what follows: "Here is how we will work together." (the promises, with
                           # their times, are in the list below it)
                           r"^\W*(?:here\s+is|here['’]s|this\s+is|below\s+is|that['’]s|these\s+are|here\s+are)\s+"
                           r"(?:how|what|when)(?:\s+and\s+(?:how|what|when))?)\s*$",
                           re.I)


def not_asserted(before_subject: str) -> bool:
    """The subject opens a clause that is weighed or waited for, not promised ('whether or not we will quote')."""
    return _NOT_ASSERTED.search(before_subject) is not None


# "will be treated by the Senate committee", "will be reviewed by Acme's lawyers": the passive names its agent
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+|an?\s+)?(?P<agent>[A-Z][\w.&'-]*)")
_TIME_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may "
                        "june july august september october november december noon midnight tomorrow today tonight "
                        "end eod cob close".split())


def named_agent(clause: str) -> str | None:
    """The named agent of a passive clause ('by the Senate Select Committee'), unless it is a time ('by Friday')
    or the sender's own side; None when the clause names none."""
    for m in _BY_AGENT.finditer(clause):
        agent = m.group("agent")
        if agent.lower().rstrip(".") in _TIME_NAMES or _OURS.search(clause[m.start():]):
            continue            # "by Friday"; "by Maria in our billing team"
        return agent
    return None


# where one of several steps asked of the reader ends and the next begins: ", then", "; then", "and then", ", "
_NEXT_STEP = re.compile(r"\s*[,;]\s*(?:and\s+)?(?:then\s+)?|\s+and\s+then\s+", re.I)

# "let us know and we'll sort it": a general invitation, not an act with something the work waits for
_SOFT_ASK = re.compile(r"\b(?:let\s+(?:me|us)\s+know|tell\s+(?:me|us)|get\s+in\s+touch|reach\s+out|"
                       r"contact\s+(?:me|us))\b(?!\s+(?:which|what|when|whether|in\s+(?:the|your|this)|by)\b)", re.I)


def reader_acts_first(lead_kind: str, lead_text: str) -> bool:
    """The reader's own act starts the promised work ('send us the form and we'll refund you', 'once you've
    signed, I'll release the funds'): the reader sets the time, so it is not left open. A general invitation
    ('let us know and we'll sort it') hands over nothing the work waits for, so it does not count."""
    if lead_kind not in ("request", "if", "time"):
        return False
    acts = _READER_ACTS_FIRST.match(lead_text)
    if acts is None and lead_kind == "request":
        # the last of several steps hands over: "Please check the names, then reply 'approved' and I'll print it"
        # (the last three steps of the last 300 characters: a run-on lead must not cost a match per comma)
        tail = lead_text[-300:]
        for step in list(_NEXT_STEP.finditer(tail))[-3:]:
            acts = _READER_ACTS_FIRST.match(tail[step.end():])
            if acts is not None:
                lead_text = tail[step.end():]
                break
    # a bare "let us know and ..." hands nothing over; "please reply to tell me, and ..." does
    if acts is None:
        return False
    return not (_SOFT_ASK.search(lead_text[:acts.end()]) and not _HAND_OVER_AT.search(acts.group(0)))


def obligation(words_after_anchor: list[str]) -> bool:
    """'we'll need to read the contract first', 'someone will have to own it', 'we may need to verify it': a
    need, not a promise (the words right after the future/modal word)."""
    w = [x for x in words_after_anchor if x not in ("also", "still", "probably", "first", "just", "then")]
    while w[:1] in (["going"], ["to"]):
        w = w[1:]                               # "we're (probably) going to have to discuss it"
    return len(w) >= 2 and w[0] in ("need", "have", "be") and w[1] == "to" or w[:3] == ["be", "required", "to"]
