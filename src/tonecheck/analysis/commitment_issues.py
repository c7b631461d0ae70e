"""What is unclear about each commitment in a message, and the facts a message about it names.

Once per document (`analyse_commitments`, memoised on the CheckContext):

1. **Anchor to a scheduled event**: when the message dates a delivery, visit, booking, appointment or collection
   (schedule.py), an event-relative time ("on the morning of delivery", "on the day", "when the van arrives", "at
   the start of the visit") counts as concrete (so it does when a third party such as the courier is the actor),
   and a clause with no time that only describes the work done on site ("our crew will unpack everything and take
   the packaging away", "it WILL be there") is part of the booking, not an open promise.
2. **Classify**, one issue per commitment, first match wins:
   past-deadline (a concrete time that resolves, against the Date header, to before the email was sent),
   moved-deadline (the quoted thread shows an earlier promise by the sender side for the same thing with another
   date or duration, and the new text does not acknowledge the change), hedged ("try to", "hopefully", "should
   be able to", "might", "do our best", "we'll see", ...), vague-time ("soon", "ASAP", "when we can", "as soon
   as the return is scanned", ...), no-owner (agentless passive or "someone will"), no-time (nothing says when).
   A commitment with an owner and a concrete time (a date, weekday, "today", a clock time, "within 2 business
   days", "next week", "the same day", "then") is clear (issue None); so is one whose sentence asks the reader
   for the time ("tell me a good time and I'll call you then").

Each issue comes with `facts` (the strings its message and suggestion name: the time as written, resolved days,
an example day to suggest, the subject) and, where one issue covers several situations, a `variant`.
"""
from __future__ import annotations

import re

from datetime import datetime

from . import timexpr
from .commitments import Commitment, body_sentences, find_commitments, subject_ranges
from .complaint import answers_grievance
from .earlier_promises import ACKNOWLEDGES_CHANGE, EarlierPromise, earlier_promises, moved_from, strip_end
from .events import CARRIERS, DURING_MEETING, FOLLOW_UP_ACTS, HANDS_ON_WORK, ON_SITE_CREW, ON_SITE_WORK, VISIT_EVENT
from ..model import REPLY_PREFIX
from .schedule import scheduled_events, scheduled_meetings
from .tokens import lemma

# the kinds of time that name a day a deadline can fall on
_DAY_KINDS = ("date", "day", "eod", "duration", "week", "weekday")


def analyse_commitments(ctx) -> list[Commitment]:
    """Every commitment in the judged text, classified (c.issue None: a clear commitment); once per document."""
    from ..nlp import has_parser

    def run():
        document = ctx.document
        ref = timexpr.reference_time(document.context.date)
        found = find_commitments(ctx.doc, ctx.text, subject_ranges(document), has_parser(ctx.nlp), ref,
                                 answers_grievance(ctx))
        earlier = earlier_promises(ctx, ctx.nlp) if document.context.quoted else []
        # only a moved deadline asks whether the text acknowledges a change, and only with earlier promises
        acknowledged = bool(earlier) and bool(ACKNOWLEDGES_CHANGE.search(ctx.text))
        def has_events(meetings: bool = False, visits: bool = False, any_date: bool = False) -> bool:
            # asked last: most messages never ask
            if any_date:
                return _any_date_ahead(ctx, ref)
            if visits:
                return any(VISIT_EVENT.search(s) for s in dated_events(ctx))
            return bool(dated_events(ctx)) or (meetings and bool(dated_meetings(ctx)))

        dated_before = None     # where the last commitment with a concrete time ends
        arrived = None          # ... and the last dated arrival ("We'll arrive at 8:30am on Tuesday 9 March")
        for c in found:
            after_arrival = arrived is not None and c.start > arrived
            follows_dated = after_arrival or dated_before is not None and 0 <= c.start - dated_before < 300 or \
                _dated_earlier_in_sentence(ctx, c, ref)
            _anchor_to_events(c, has_events, follows_dated, after_arrival)
            lead = re.split(r"[.!?\n]", ctx.text[max(0, c.start - 60):c.start])[-1]
            if not (c.concrete or c.vague) and (_READERS_CONSENT.search(c.text) or _READERS_CONSENT.search(lead)):
                c.anchored_by_reader = True     # "We will share your records with her only if you agree": an offer
            classify(c, ref, earlier, acknowledged)
            if c.concrete:
                dated_before = c.end
                if (c.verb.split()[0] in _ARRIVING or _being_there(c.verb)) and \
                        c.owner in ("first", "team", "named"):
                    arrived = c.end
        _dated_by_the_next_act(found)
        _dated_by_its_restatement(found)
        _dated_by_its_plan(found)
        _set_by_the_readers_act_before(found, ctx)
        _dated_by_the_return(found, ctx, ref)
        _social_wishes(found)
        return found

    return ctx.memo("commitments", run)


# seeing the reader again is a wish, not work the reader waits on: "I hope we'll see the four of you again before you
# head home!", "We hope to welcome you both back next March" (not "we'll see what we can do", "we'll see to it")
_SOCIAL_WISH = re.compile(r"\b(?:see|meet|welcome|host)\s+(?:you|all\s+of\s+you|both\s+of\s+you|"
                          r"the\s+(?:\w+\s+)?(?:two|three|four|five|six|several|rest)\s+of\s+you)"
                          r"(?:\s+(?:all|both|two))?\s+(?:again|back)\b(?!\s+(?:about|to|for)\b)", re.I)


def _social_wishes(found: list[Commitment]) -> None:
    """Meeting the reader again ("I hope we'll see the four of you again", "We hope to see you both again next
    March") is a social wish: the reader waits on nothing, so neither a hedge nor a vague time is an issue."""
    for c in found:
        if c.issue is not None and _SOCIAL_WISH.search(c.text):
            c.issue = None


# the act that follows takes up the same object: "I'll fit it myself on Monday 15 March", "we'll collect them at 8am"
_TAKES_IT_UP = re.compile(r"\b(?:will|['’]ll|shall|(?:am|are|['’]m|['’]re)\s+going\s+to)\s+(?:\w+\s+)?\w+\s+"
                          r"(?:it|them)\b", re.I)


def _dated_by_the_next_act(found: list[Commitment]) -> None:
    """"That's our doing, so we'll replace the pane at no cost to you. ... I'll fit it myself on Monday 15 March":
    an undated promise whose work the next promise (within a few lines, the sender's, clear and dated) takes up
    with "it" or "them" is dated by it."""
    for k, c in enumerate(found):
        if c.issue != "no-time" or c.hedge:
            continue
        for d in found[k + 1:]:
            if d.start - c.end > 300:
                break
            if d.issue is None and d.concrete and d.owner in ("first", "team") and _TAKES_IT_UP.search(d.text):
                c.issue = None
                break


# "I'll do him myself when I'm back" in a message that says "I'm back in the van on Monday 25 October"
_WHEN_BACK = re.compile(r"\b(?:when|once|as\s+soon\s+as)\s+(?:I|we|he|she)(?:['’]m|['’]re|['’]s|\s+am|\s+are|\s+is)\s+"
                        r"back\b", re.I)
_BACK_ON = re.compile(r"\b(?:I|we|he|she)(?:['’]m|['’]re|['’]s|\s+am|\s+are|\s+is|\s+will\s+be|['’]ll\s+be)\s+back\b",
                      re.I)


def _dated_by_the_return(found: list[Commitment], ctx, ref) -> None:
    """A promise for "when I'm back" is dated when the message says when that is ("I'm back in the van on Monday 25
    October")."""
    from .commitments import future_time_in
    waiting = [c for c in found if c.issue == "vague-time" and _WHEN_BACK.search(c.text)]
    if not waiting:
        return
    # the clause that says so: "I'm back in the van on Monday 25 October, and I'll phone you ... how the week went"
    clauses = [re.split(r"[,;]", t[m.start():], maxsplit=1)[0]
               for t in sentences_and_subject(ctx) for m in _BACK_ON.finditer(t)]
    if any(future_time_in(clause, ref) for clause in clauses):
        for c in waiting:
            c.issue = None


# the reader's own visit or act opening the sentence before: "When you come back, ask for me at the desk. I'll fit Mateo
# myself.", "Send me a photo of the label. I'll order the part."
_READERS_VISIT = re.compile(r"^\W*(?:when|once|as\s+soon\s+as|after|next\s+time)\s+you(?:['’]re|\s+are)?\s+(?:\w+\s+)?"
                            r"(?:come|call|pop|drop|arrive|visit|collect|pick|get\s+(?:here|there|in)|are\s+(?:in|here|"
                            r"back)|back|in|here|ring|phone|book|bring)\b", re.I)


def _set_by_the_readers_act_before(found: list[Commitment], ctx) -> None:
    """An undated promise right after a sentence in which the reader acts first - a visit of theirs ("When you come
    back, ask for me at the desk.") or something they hand over ("Send me a photo of the label.") - happens then:
    the reader sets the time (LABELS.md). Not an open-ended look ("Send us the photos. We'll look into it.")."""
    from .commitments import _OPEN_ENDED, lemma
    from .promise_frame import reader_acts_first
    from .sentences import sentence_of
    for c in found:
        if c.issue != "no-time" or c.hedge or lemma(c.verb.split()[0]) in _OPEN_ENDED:
            continue
        sent = sentence_of(ctx.doc, c.start, c.end)
        if sent is None or sent.start < 1:
            continue
        prev = sentence_of(ctx.doc, sent.start_char - 1, sent.start_char - 1) if sent.start_char else None
        if prev is None or prev.end_char > c.start:
            continue
        before = ctx.text[prev.start_char:prev.end_char].strip()
        if _READERS_VISIT.match(before) or reader_acts_first("request", before):
            c.issue = None


# what the reader waits on without knowing for how long: a look, an answer, a decision, news, or the remedy for
# their problem - the promises that need a time of their own ("We'll look into it and come back to you.", "We'll
# replace the part."). A step of the plan ("we'll pay the fee", "I'll email you a receipt", "we'll send the
# invoice") sits in the plan the message dates around it.
_OPEN_LOOP = re.compile(
    r"\b(?:look(?:\s+(?:into|at|over|in))?|get\s+back|come\s+back|revert|be\s+in\s+touch|get\s+in\s+touch|"
    r"touch\s+base|let\s+(?:you|them|him|her|us|me)|keep\s+(?:you|them)\s+(?:posted|updated|informed)|update|"
    r"investigate|review|consider|see|check|chase|follow|"
    r"contact|have\s+(?:a\s+)?(?:word|chat|look|think)|speak|talk|discuss|find\s+out|explore|assess|think|work\s+on|"
    r"sort|ask|query|raise|escalate|pass|inform|advise|respond|reply|confirm|decide|arrange|book|get\s+(?:someone|a|an|"
    r"the|one|our)|replace|refund|repair|fix|credit|reimburse|compensate|resolve|rectify|redo|re-?send)\b", re.I)


def _dated_by_its_restatement(found: list[Commitment]) -> None:
    """"Carling will pay for the repair. Here is what happens next: ... We will pay the shop directly within 10
    business days of receiving its invoice": an undated promise that the message makes again, dated, with the same
    verb (not an open-ended look: "I'll look into it" is not dated by "I'll look at the booking on Monday")."""
    from .commitments import _OPEN_ENDED, lemma
    dated = [d for d in found if d.issue is None and d.concrete and d.owner in ("first", "team", "named")]
    for c in found:
        if c.issue != "no-time" or c.hedge or c.owner not in ("first", "team", "named"):
            continue
        verb = lemma(c.verb.split()[0])
        if verb in _OPEN_ENDED:
            continue
        if any(d is not c and lemma(d.verb.split()[0]) == verb and abs(d.start - c.start) < 800 for d in dated):
            c.issue = None


def _dated_by_its_plan(found: list[Commitment]) -> None:
    """"I'll call you at 10:00 on Tuesday 8 December. ... We'll replace it.": an undated deliverable (not a look,
    an answer or news the reader waits on) within a few lines of the sender's own clear, dated promise is part of
    that plan - the time is in the neighbouring sentence."""
    dated = [d for d in found if d.issue is None and d.concrete and d.owner in ("first", "team", "named")]
    for c in found:
        if c.issue != "no-time" or c.hedge or _OPEN_LOOP.search(c.text):
            continue
        if any(abs(d.start - c.end) < 300 or abs(c.start - d.end) < 300 for d in dated):
            c.issue = None


_CALLED_OFF = re.compile(r"\b(?:cancel|cancels|cancelled|canceled|cancelling|canceling|call(?:ed|ing)?\s+off|"
                         r"postpone[sd]?|postponing)\b", re.I)


_SAME_DAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d\d|\s*(?:am|pm|a\.m\.|p\.m\.))", re.I)


def sentences_and_subject(ctx) -> list[str]:
    """The body sentences' texts and the subject line: the subject may date the booking or meeting the message is
    about ("Your installation is booked: Tuesday 8 December"), a reply's too, though it is not judged ("Re: Visit
    on Tuesday 8 December"); once per document."""
    def run():
        subjects = [ctx.text[b:e] for b, e in subject_ranges(ctx.document)]
        if not subjects and ctx.document.context.subject:
            subjects = [REPLY_PREFIX.sub("", ctx.document.context.subject)]
        body = [ctx.text[s.start_char:s.end_char] for s in body_sentences(ctx)]
        if any(_CALLED_OFF.search(t) for t in body):
            subjects = []       # "Today's appointment" over "Sorry, have to cancel today": the subject's event is off
        # "Site visit today" over a report of the visit: a same-day subject names the message's topic, not a time ahead
        subjects = [t for t in subjects if not (_SAME_DAY.search(t) and not _CLOCK.search(t))]
        return body + subjects

    return ctx.memo("sentences-and-subject", run)


def dated_events(ctx) -> list[str]:
    """The sentences (or subject) that date an event of the reader's own (schedule.scheduled_events); once per
    document, for the commitments that hang on it and for the next-step check."""
    return ctx.memo("dated-events", lambda: scheduled_events(
        sentences_and_subject(ctx), timexpr.reference_time(ctx.document.context.date)))


def dated_meetings(ctx) -> list[str]:
    """The sentences (or subject) that date a meeting of any kind (schedule.scheduled_meetings); once per document."""
    return ctx.memo("dated-meetings", lambda: scheduled_meetings(
        sentences_and_subject(ctx), timexpr.reference_time(ctx.document.context.date)))


# the reader's own event, or what the reader sends ("the day I receive it")
_READERS_OWN = re.compile(r"\b(?:you|your|you've)\b|\bnext\s+(?:statement|bill|invoice)\b|"
                          r"\b(?:I|we)\s+(?:receive|get|hear)\b", re.I)


# a promise over "any" such thing is a standing offer, kept whenever one arises - not a deliverable the reader waits
# on: "I will answer any technical questions he passes to me", "we'll cover any costs of the second visit"
_STANDING_OFFER = re.compile(r"\b(?:will|['’]ll|shall)\s+(?:(?:happily|gladly|also|always|still)\s+)?[a-z]+"
                             r"(?:\s+(?:you|us|them|him|her|on|up|over|back|in|out|about|with|to\s+you|in\s+advance))*"
                             r"\s+(?:any(?:thing|one|body)?|all\s+future)\b", re.I)

_OFFSET = re.compile(r"(?:\d+|one|two|three|four|five|six|seven|ten|fourteen|an?)\s+(?:(?:business|working|calendar|"
                     r"clear)\s+)?(?:minutes?|hours?|days?|weeks?)\s+(?:before|after|ahead|prior)\b", re.I)

# the sender's side arriving for a visit: what it does after that is the visit's work
_ARRIVING = frozenset({"arrive", "come", "visit", "meet"})


def _any_date_ahead(ctx, ref) -> bool:
    """The message (or its subject) names a day still ahead: a date, a weekday, "tomorrow"; once per document."""
    def run():
        for text in sentences_and_subject(ctx):
            days = [t for t in timexpr.find_times(text) if t.concrete and t.kind in _DAY_KINDS]
            if days and (ref is None or (timexpr.deadline(days, ref)[0] or ref.date()) >= ref.date()):
                return True
        return False
    return ctx.memo("any-date-ahead", run)


def _dated_earlier_in_sentence(ctx, c: Commitment, ref) -> bool:
    """The sentence dates something before the promise: "Your next invoice goes out on Friday 1 October, and I'll
    check it myself before it's sent" - an event-relative time in the promise refers to it. Asked only of promises
    with such a time."""
    if not any(t.kind == "event" for t in c.vague):
        return False
    from .sentences import sentence_of
    sent = sentence_of(ctx.doc, c.start, c.end)
    if sent is None or sent.start_char >= c.start:
        return False
    return any(t.concrete and t.kind not in ("anaphor", "event")
               for t in timexpr.find_times(ctx.text[sent.start_char:c.start]))


# "the week before", "on the day": they can only mean the day of something already dated - any date ahead in the
# message ("He's on Fraser's list for Wednesday 20 October at around 11. You'll get a text the week before.")
_BARE_ANAPHOR = re.compile(r"^(?:on\s+)?the\s+(?:day|week|night|evening|morning|afternoon)(?:\s+before)?$", re.I)


# a promise that waits on the reader's say-so, said after it: the reader starts it ("only if you agree", "with your
# permission", "unless you tell us otherwise")
_READERS_CONSENT = re.compile(r"\b(?:(?:only\s+)?(?:if|once|when)\s+you\s+(?:agree|consent|say\s+so|"
                              r"give\s+(?:us|me)\s+the\s+go-ahead|approve|are\s+happy|would\s+like|['’]d\s+like|want|wish|prefer|ask|confirm)|"
                              r"with\s+your\s+(?:permission|consent|agreement|approval|go-ahead)|"
                              r"unless\s+you\s+(?:object|say\s+otherwise|tell\s+(?:us|me)\s+otherwise))\b", re.I)


def _anchor_to_events(c: Commitment, has_events, follows_dated: bool = False, after_arrival: bool = False) -> None:
    """Times and work that hang on a scheduled event the message dates.

    - an event-relative time ("on the morning of delivery", "on the day", "when the van arrives") is concrete
      when the message gives the event's date, or when a third party (the courier, the driver, a named carrier
      such as "DPD") is the actor;
    - with a dated visit or delivery, a clause that only describes the work done on site ("our crew will unpack
      everything and take the packaging away", "it WILL be there") is part of the booking, not an open promise.

    An event-relative time is also concrete right after a dated promise (`follows_dated`: "We'll print them on
    Friday and post them the same day. We'll email you the tracking link when we hand the parcel to Royal Mail").
    `has_events()` says whether the message dates such an event (`meetings=True`: or a meeting of any kind, for
    "to the meeting", "on the night"); it is asked last, only when the answer matters
    (finding the events means running find_times over the message's sentences).
    """
    head = c.subject.lower().split()[-1] if c.subject.split() else ""
    ev = [t for t in c.vague if t.kind == "event"]
    # the reader's own event or act sets the time: "when you pick up the keys", "two days ahead of your appointment",
    # "on your next statement" - the reader knows when that is
    # a fixed offset from an act is a schedule the reader can plan around: "14 days before we take the payment"
    if ev and not c.indefinite and any(_READERS_OWN.search(t.text) or _OFFSET.match(t.text) for t in ev) and \
            all(_READERS_OWN.search(t.text) or _OFFSET.match(t.text) or timexpr.at_a_place(t) for t in ev):
        c.concrete = c.concrete + ev
        c.vague = [t for t in c.vague if t.kind != "event"]
        return
    # a carrier or another named firm ("DPD will text you on the morning of delivery") works to its own timetable,
    # which the event names as precisely as the sender can
    # "I'll bring the figures to the meeting", "on the night": a meeting or evening the message dates
    if ev and not c.indefinite and (head in CARRIERS or c.owner == "named" or follows_dated or
                                    has_events(meetings=True) or
                                    (all(_BARE_ANAPHOR.match(t.text) for t in ev) and has_events(any_date=True))):
        c.concrete = c.concrete + ev
        c.vague = [t for t in c.vague if t.kind != "event"]
    if _open_work(c) and (c.verb in ON_SITE_WORK and not _OPEN_ENDED_PHRASE.search(c.text) or head in ON_SITE_CREW or
                          _being_there(c.verb)) and (after_arrival or has_events()):
        c.anchored_by_reader = True
    # coming to a meeting the message dates: "Thursday 18 March at 14:00 suits. I'll come to you at Little Island"
    elif _open_work(c) and c.verb.split()[0] in _ARRIVING and not _OPEN_ENDED_PHRASE.search(c.text) and \
            has_events(meetings=True):
        c.anchored_by_reader = True
    # what happens at a meeting or session the message dates: its agenda ("We'll go through the draft with you")
    elif _open_work(c) and c.verb in HANDS_ON_WORK and (after_arrival or has_events(visits=True)):
        c.anchored_by_reader = True
    elif _open_work(c) and DURING_MEETING.search(c.text) and has_events(meetings=True):
        c.anchored_by_reader = True
    # any other act of the sender's at a visit or appointment the message dates ("I'll knock at the back door",
    # "Daniel will film you on the treadmill", "your toe will be bandaged"): the booking's own description
    elif _described_at_visit(c) and (after_arrival or has_events(visits=True)):
        c.anchored_by_reader = True


# an on-site verb in an open-ended phrase: "take care of the refund", "take a look at it" are no work at the visit
_OPEN_ENDED_PHRASE = re.compile(r"\btake\s+care\b|\btake\s+(?:a\s+)?(?:look|closer\s+look)\b|\bcome\s+back\s+to\b",
                                re.I)


def _open_work(c: Commitment) -> bool:
    """A promise by an owner with no time, no hedge and nothing else that says when."""
    return not (c.concrete or c.vague or c.hedge or c.anchored_by_reader or c.passive or c.owner == "someone")


def _described_at_visit(c: Commitment) -> bool:
    """A promise with nothing that says when, by the sender's side or of the reader's own thing ("your toe will be
    bandaged"), whose act is none of the follow-ups that run on their own timetable (events.FOLLOW_UP_ACTS)."""
    if c.concrete or c.vague or c.hedge or c.anchored_by_reader or c.indefinite or c.contingent:
        return False
    head = c.verb.split()[0] if c.verb.split() else ""
    if head in FOLLOW_UP_ACTS or lemma(head) in FOLLOW_UP_ACTS or _OPEN_ENDED_PHRASE.search(c.text):
        return False
    if c.passive or c.owner == "thing":
        return c.subject.lower().startswith("your ")
    return c.owner in ("first", "team", "named")


def _being_there(verb: str) -> bool:
    """"be there", "be with you", "be on site", "be here"."""
    return verb.startswith("be ") and verb.split()[-1] in ("there", "with", "on", "here")


def classify(c: Commitment, ref: datetime | None, earlier: list[EarlierPromise] | None = None,
             acknowledged: bool = False) -> None:
    """Set c.issue, c.variant and c.facts (issue None: a clear commitment), and the day it is due."""
    day, clock, which = timexpr.deadline(c.concrete, ref) if ref is not None else (None, None, None)
    c.resolved, c.clock = day, clock
    c.issue, c.variant, c.facts = _issue(c, ref, which, earlier, acknowledged)


def _issue(c: Commitment, ref: datetime | None, which, earlier, acknowledged: bool) -> tuple[str | None, str | None,
                                                                                             dict]:
    """(issue, variant, facts): the first of the issues (module docstring) that the commitment has."""
    facts = _past_deadline(c, ref, which)
    if facts:
        return "past-deadline", None, facts
    facts = _moved_deadline(c, ref, earlier) if earlier and c.resolved is not None and not acknowledged else None
    if facts:
        return "moved-deadline", None, facts
    return _wording_issue(c, timexpr.example_day(ref))


def _wording_issue(c: Commitment, example: str) -> tuple[str | None, str | None, dict]:
    """A hedge, no owner, a vague time or no time at all: (issue, variant, facts), or (None, None, {})."""
    concrete = (bool(c.concrete) and not _delay_after_trigger(c)) or c.anchored_by_reader
    vague = c.vague[0].text if c.vague and not concrete else None
    if c.hedge:
        return "hedged", None, {"hedge": c.hedge, "owner": _owner_phrase(c), "example_day": example}
    if not c.has_owner and (not concrete or c.owner == "someone"):
        # an agentless passive with a concrete time is clear enough; "someone" never is
        return "no-owner", _no_owner_variant(c, concrete, vague), {
            "subject": strip_end(c.subject), "verb": c.verb, "time": vague or "", "object": _object_phrase(c),
            "example_day": example}
    if vague:
        return "vague-time", None, {"time": vague, "example_day": example}
    if not concrete and not c.contingent and not _STANDING_OFFER.search(c.text):
        return "no-time", None, {"dated": dated(strip_end(c.text), example), "clause": strip_end(c.text),
                                 "example_day": example}
    return None, None, {}


def _delay_after_trigger(c: Commitment) -> bool:
    """"Once you submit the form, a member of our team will be in touch shortly": the reader's act starts the clock,
    but a vague delay after it still leaves them unable to plan (not "... we'll send it the same day", a concrete
    time, nor a trigger alone: "As soon as you reply, I'll release the funds")."""
    return all(t.kind == "event" for t in c.concrete) and any(t.kind == "vague" and t.start >= c.start
                                                                  for t in c.vague)


def _past_deadline(c: Commitment, ref: datetime | None, which) -> dict | None:
    """Facts of a concrete time that resolves to a day (or, today, a clock time) already gone when the email was
    sent; None when the deadline is still ahead (or unknown)."""
    day, clock = c.resolved, c.clock
    if ref is None or day is None or which is None or which.kind not in _DAY_KINDS:
        return None
    if which.start < c.start and any(t.start >= c.start for t in c.concrete):
        return None     # "please send an amended notice showing November 4 and we will reissue it the same day":
        #                 the lead's date is what the reader asks about; the promise has its own time
    ref_day = ref.date()
    if not (day < ref_day or (day == ref_day and clock is not None and which.kind in ("day", "eod", "date")
                              and (ref.hour, ref.minute) > (clock.hour, clock.minute))):
        return None
    return {"time": which.text,
            "resolved": timexpr.fmt_day(day, ref_day) + (f" at {clock.strftime('%H:%M')}" if clock else ""),
            "sent": timexpr.fmt_day(ref_day, ref_day) + (f", {ref.strftime('%H:%M')}" if clock else ""),
            "example_day": timexpr.example_day(ref)}


def _moved_deadline(c: Commitment, ref: datetime | None, earlier: list[EarlierPromise]) -> dict | None:
    """Facts of an earlier promise in the quoted thread of the same thing for an earlier day (or a shorter
    duration); None when there is none."""
    old = moved_from(c, c.resolved, earlier)
    if old is None:
        return None
    ref_day = ref.date() if isinstance(ref, datetime) else None
    return {"earlier_day": timexpr.fmt_day(old.day, ref_day), "earlier_text": old.text,
            "new_day": timexpr.fmt_day(c.resolved, ref_day)}


def _no_owner_variant(c: Commitment, concrete: bool, vague: str | None) -> str | None:
    """"someone will ..." (with a date, a vague time or no time), or an agentless passive (with a vague time or
    none: the rule's own wording)."""
    if c.owner == "someone":
        return "someone-dated" if concrete else "someone-vague" if vague else "someone"
    return "passive-vague" if vague else None


def _owner_phrase(c: Commitment) -> str:
    """Who to write the promise for in a suggestion: the subject when it is us, else "I"."""
    if c.owner in ("first", "team", "named"):
        return c.subject[:1].upper() + c.subject[1:]
    return "I"


def _object_phrase(c: Commitment) -> str:
    """An agentless promise as something the writer makes sure of: "your refund is processed"."""
    subj = c.subject
    if subj.lower().startswith(("your ", "the ", "a ", "an ")):
        return f"{subj[:1].lower() + subj[1:]} is {c.verb}"
    return f"it is {c.verb}"


# an object clause or a long tail after the verb: "by Thursday" at the end would date the wrong verb
_EMBEDDED = re.compile(r"\b(?:why|what|how|whether|which|who|whom|where|when|if|that)\b", re.I)


def dated(clause: str, day: str) -> str:
    """The promise with the example day where it reads right: "I'll look into it by Thursday 14 March", but "By
    Thursday 14 March, I'll look into why the first payment was taken" (not "... was taken by Thursday")."""
    if not day:
        return clause
    words = clause.split()
    if _EMBEDDED.search(" ".join(words[2:])) or len(words) > 9:
        first = words[0] if words[0] in ("I", "I'll", "I've", "I'd") or words[0].isupper() else \
            words[0][:1].lower() + words[0][1:]
        return f"By {day}, " + " ".join([first, *words[1:]])
    return f"{clause} by {day}"

