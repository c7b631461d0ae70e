"""Time expressions: find them in a sentence and resolve them against the message's date.

Pure Python (regular expressions over the text plus a small resolver); no dependency. `dateparser` was considered
and rejected: it parses a *given* string well but does not find expressions inside running text, knows nothing
of "EOD", "within 2 business days" or "as soon as the return is scanned", and weighs ~20 MB with its language data.

`find_times(text, offset=0)` returns TimeExpr objects, left to right, never overlapping (the longest match wins,
so "later today" is one concrete expression, not the vague "later" plus "today"). Each has a `kind`:

    date      "5 December", "Friday, 13 November 2026", "Nov 13th", "2026-12-05", "12/05"
    weekday   "Friday", "by Monday", "next Tuesday morning"
    day       "today", "tonight", "tomorrow afternoon", "this evening", "first thing tomorrow"
    clock     "2pm", "10:00", "noon"
    duration  "within 2 business days", "in 48 hours", "within a week"
    eod       "EOD", "COB", "end of play", "by the end of the week", "end of the month"
    week      "next week", "this week", "the week of 7 December", "this weekend"
    anaphor   "the same day", "that afternoon", "on the day it arrives", "by then", clause-final "then"
    event     "on the morning of delivery", "on the day", "on arrival", "when the van arrives", "at the start of
              the visit": relative to a scheduled event, so only as concrete as the event's own date (not
              concrete here; commitment_issues.py promotes them when the message dates the event)
    period    "mid-December", "next month", "in the spring", "in January" (a stretch of time, not a date)
    vague     "soon", "shortly", "ASAP", "in due course", "in the coming weeks", "later", "as soon as ...",
              "when we can", "when things calm down", "at some point"

`concrete` is true for every kind but `period` and `vague`. `resolve(expr, ref)` gives the calendar day (and,
when known, the clock time) the expression points at, seen from `ref` (the email's Date header):
- a weekday means the next such day after `ref` ("by Monday" sent on Thu 31 Dec 2026 is Mon 4 Jan 2027; "Friday"
  sent on a Friday is the Friday a week later); "next Friday" is the Friday of the following calendar week;
- a date without a year takes the year that puts it nearest to `ref` (so "5 January" in late December is next
  year, and "13 November" in an email of 20 November is a week ago: a past deadline);
- business/working days skip Saturdays and Sundays.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from ..literal import ODD_LETTERS, fold
from .events import ANAPHOR_EVENT, ARRIVING_CREW, EVENT_NOUN

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
            "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
            "sunday": 6, "sun": 6}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
           "twenty": 20, "twenty-four": 24, "thirty": 30, "forty-eight": 48, "seventy-two": 72}

_MONTH = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|" \
         r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)"     # the full stop only after an abbreviation
_MONTH2 = _MONTH.replace("?P<month>", "?:")
_WDAY_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WDAY_ANY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)"
_PART = r"(?:morning|afternoon|evening|night|lunchtime|lunch\s?time|midday)"
_ORD = r"(?:st|nd|rd|th)?"
_NUM = r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|" \
       r"twenty|twenty-four|thirty|forty-eight|seventy-two)"
_UNIT = r"(?:minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?)"
_CLOCK = r"(?:(?:\d{1,2})(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d/])|" \
         r"noon|midday|midnight)"
# nouns a bare four-digit code follows ("account 0123", "unit 0630"): not a time
_CODE_NOUNS = ("account", "acct", "ref", "job", "unit", "room", "no.", "order", "invoice", "code", "pin", "po", "box",
               "suite", "flat", "lot", "batch", "serial", "version", "item", "ticket", "case", "policy", "route")
_HHMM = r"(?:[01]\d|2[0-3])[0-5]\d"
_TZ = r"(?:\s?(?-i:[A-Z]{1,3}T|UTC|GMT|CET|CEST)\b|\s(?:pacific|eastern|central|mountain)(?:\s+time)?\b)?"


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    kind: str
    concrete: bool
    data: tuple = ()          # parsed pieces, used by resolve()

    @property
    def vague(self) -> bool:
        return not self.concrete


def _p(kind: str, pattern: str, concrete: bool = True, need: tuple | None = None, digit: bool = False):
    """One pattern. `need` (lower-case literals, one of which every match holds) is given by hand only where
    literal.required_literals finds none (it takes no literal shorter than 3 characters); `digit`: every match
    holds a digit (\\d). Both only let find_times skip a pattern that cannot match."""
    return kind, pattern, concrete, need, digit


# order does not matter: all matches are collected, then the longest non-overlapping ones are kept.
# Sources only: each is compiled (re.I) the first time a text could match it (_patterns(); compiling all of them
# at import cost ~0.1 s of every start)
# "At the desk we will place a hold": the place where a booked collection or visit happens, an "event" time that is
# a place (at_a_place)
# who gives a notice ("let you know", "email you", "another email") and the job states it can be timed by
_NOTICE_LEAD = (r"(?:tell|let)\s+you(?:\s+know)?|(?:text|call|ring|phone|email|e-mail|message|notify|update)\s+you|"
                r"(?:an|another|a|one\s+more|a\s+further)\s+(?:email|e-mail|text|message|notification|confirmation)")
_STATE_REACHED = (r"(?:['’]s|['’]re|\s+is|\s+are|\s+has|\s+have)\s+(?:been\s+)?(?:ready|dry|dried|done|finished|fixed|"
                  r"repaired|complete|completed|cured|set|shipped|dispatched|posted|on\s+(?:its|their|his|her)\s+way|"
                  r"out\s+for\s+delivery|(?:\w+\s+)?(?:minutes?|mins?|hours?)\s+(?:out|away))\b|"
                  r"\s+(?:ships|leaves\s+(?:us|our\s+\w+)|goes\s+out|gets\s+dispatched)\b")
_PLACE = r"at\s+the\s+(?:desk|counter|reception|front\s+desk|door|check-in)"
_PLACE_ONLY = re.compile(_PLACE + r"$", re.I)


def at_a_place(t) -> bool:
    """The time is a place ("at the counter"): it goes with whatever time the reader's visit sets."""
    return t.kind == "event" and _PLACE_ONLY.match(t.text) is not None


_PATTERNS = [
    # ---- dates
    _p("date", rf"\b(?:(?P<wd>{_WDAY_ANY})\.?,?\s+)?(?:the\s+)?(?P<day>[0-3]?\d){_ORD}(?:\s+of)?\s+{_MONTH}"
               rf"(?:,?\s+(?P<year>20\d\d))?(?![a-z])", digit=True),
    _p("date", rf"\b(?:(?P<wd>{_WDAY_ANY})\.?,?\s+)?{_MONTH}\s+(?:the\s+)?(?P<day>[0-3]?\d){_ORD}(?![\d:])"
               rf"(?:,?\s+(?P<year>20\d\d))?", digit=True),
    _p("date", r"\b(?P<year>20\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b", need=("20",)),
    _p("date", r"(?:(?<=\bon\s)|(?<=\bby\s)|(?<=\bbefore\s)|(?<=\buntil\s)|(?<=\bthe\s))"
               r"(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?:/(?P<year>(?:20)?\d\d))?\b", need=("/",), digit=True),
    _p("date", r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>20\d\d)\b", need=("/",), digit=True),
    _p("date", rf"\b(?:on|by|before|until|from)\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{_MONTH2})",
       digit=True),
    # ---- weekdays (full names only: "sat", "sun", "wed" are ordinary words too)
    _p("weekday", rf"\b(?:(?P<rel>this|next|coming|last|this\s+coming)\s+)?(?P<wd>{_WDAY_FULL})s?"
                  rf"(?:\s+(?P<part>{_PART}))?\b"),
    # ---- days relative to today
    _p("day", rf"\b(?:first\s+thing\s+)?(?:later\s+)?(?P<rel>today|tonight|tomorrow|tmrw|tmr|this\s+{_PART}|"
              rf"tomorrow\s+{_PART})(?:\s+{_PART})?\b", need=("today", "tonight", "tomorrow", "tmr", "this")),
    _p("day", r"\bfirst\s+thing\s+(?:in\s+the\s+morning|tomorrow)\b"),
    # a named holiday is a date everyone knows: "before Christmas", "by New Year's Eve", "after the bank holiday"
    _p("holiday", r"\b(?:by|before|for|until|till|over|after|on|at|in\s+time\s+for|ahead\s+of)\s+(?:the\s+)?"
                  r"(?:Christmas(?:\s+(?:Eve|Day|break|holidays?))?|Xmas|Boxing\s+Day|New\s+Year['’]?s?\s+(?:Eve|Day)|"
                  r"Hogmanay|Easter(?:\s+(?:Sunday|Monday|weekend|break|holidays?))?|Thanksgiving|Halloween|Diwali|"
                  r"Hanukkah|Valentine['’]?s\s+Day|Bonfire\s+Night|St\.?\s+Patrick['’]?s\s+Day|Labou?r\s+Day|"
                  r"Memorial\s+Day|Independence\s+Day|(?:August\s+|May\s+|Easter\s+|next\s+)?bank\s+holiday)\b"),
    _p("day", r"\bthis\s+(?:a\.?m|p\.?m)\b\.?", need=("this",)),          # "I'll fax it this am"
    _p("day", r"\b(?:right\s+away|straight\s+away|immediately|right\s+now|at\s+once|within\s+the\s+hour)\b"),
    _p("day", r"\bthe\s+day\s+after\s+tomorrow\b"),
    # "the following business day": the next working day after the message
    _p("day", r"\b(?:on\s+)?the\s+(?:following|next)\s+(?:business|working)\s+day\b", need=("business", "working")),
    # "in a few minutes", "within a couple of hours": later the same day
    _p("day", r"\b(?:in|within)\s+(?:a\s+few|a\s+couple\s+of|a\s+couple|several|the\s+next\s+few|some)\s+"
              r"(?:minutes|moments|hours)\b|\bin\s+a\s+(?:minute|moment)\b", need=("minute", "moment", "hour")),
    # "I'll send you a draft in the morning": the coming morning (tomorrow's, when the message is sent after it)
    _p("day", r"\b(?:early\s+|late\s+)?in\s+the\s+(?:morning|afternoon|evening)\b(?!\s+(?:of|before|after)\b)",
       need=("morning", "afternoon", "evening")),
    _p("day", r"\bovernight\b(?!\s+(?:ups|fedex|dhl|delivery|shipping|courier|express|air))"),
    # ---- clock times
    _p("clock", rf"\b(?:at\s+|by\s+|before\s+)?{_CLOCK}{_TZ}",
       need=("am", "pm", "a.m", "p.m", ":", "noon", "midday", "midnight")),
    # four-digit 24-hour times, as crews, couriers and rosters write them: "at 0530", "by 1200 with what they find",
    # "1430 hrs". Without "hrs"/"h" only after at/by/before/until and before punctuation or a function word, and never
    # 1900-2099 (a year: "by 2027"), so "at 1200 pages" and "by 2030" stay numbers
    _p("clock", rf"\b(?:(?:at|by|before|until|till|from)\s+)?{_HHMM}\s?(?:hrs|hours|h)\b{_TZ}", digit=True),
    _p("clock", r"\b(?:at|by|before|until|till)\s+(?:[01][0-8][0-5]\d|2[1-3][0-5]\d)(?=\s*(?:[.,;:!?)]|$)|\s+(?:with|"
                r"and|to|on|so|if|when|then|today|tomorrow|tonight|sharp|latest|at\s+the\s+latest|local|"
                r"(?-i:[A-Z]{1,3}T|UTC|GMT))\b)", digit=True),
    # ... and a bare hour after "at", as people say it: "I'll come to you at 4 and refit it", "see you at 10." - only
    # before punctuation or a function word ("at 4 Harbour View", "at 2 sites" stay numbers)
    _p("clock", r"\bat\s+(?:[1-9]|1[0-2])(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|then|so|if|when|today|tomorrow|tonight|sharp|"
                r"on|this|o['’]clock|latest|at\s+the\s+latest)\b)", digit=True),
    # ... and a bare one with a leading zero ("Crew on site 0630 Thu", "Induction 0700."), but not a phone number
    # ("0431 555 072", "086 555 0127"), a freephone prefix ("our 0800 number") or part of a code ("WTG-0630")
    _p("clock", r"(?<![\w#/.,£$€-])(?<!\d\s)" + "".join(rf"(?<!{w}\s)" for w in _CODE_NOUNS) +
       r"0\d[0-5]\d(?![\w/-])(?!\s*\d)(?!\s*(?:number|numbers|line)\b)(?![.,]\d)", digit=True),
    # ---- durations
    _p("duration", rf"\b(?:with)?in\s+(?:the\s+next\s+|(?:our|the|your)\s+(?:usual|normal|standard)\s+)?"
                   rf"(?P<n>{_NUM})(?:\s*(?:to|-|or)\s*(?P<n2>{_NUM}))?\s*"
                   rf"(?P<bus>business\s+|working\s+|calendar\s+)?(?P<unit>{_UNIT})\b"),
    _p("duration", rf"\b(?:in\s+under|under|no\s+later\s+than|no\s+more\s+than|up\s+to|over\s+the\s+next)\s+"
                   rf"(?P<n>{_NUM})\s*(?P<bus>business\s+|working\s+)?(?P<unit>{_UNIT})\b",
       need=("under", "than", "up", "over")),
    _p("duration", r"\b(?P<n>\d+)\s*(?:to|-)\s*(?P<n2>\d+)\s+(?P<bus>business\s+|working\s+)?"
                   r"(?P<unit>days?|hours?|weeks?)\b",
       digit=True),
    _p("duration", r"\b(?P<n>24|48|72)\s*(?:h|hrs?|hours)\b", need=("24", "48", "72")),
    # ---- end of day / week / month
    _p("eod", r"\b(?:by\s+)?(?:the\s+)?(?:EOD|COB|EOP|EOB|EOW|EOM|e\.o\.d\.?)(?:\s+(?:today|tomorrow))?\b"),
    _p("eod", r"\b(?:by\s+|before\s+)?(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+|this\s+|next\s+)?(?P<what>day|play|"
              r"business|(?:the\s+)?(?:working\s+|business\s+)?(?:day|week)|week|month|today|tomorrow)"
              r"(?:\s+(?:today|tomorrow))?\b"),
    _p("eod", rf"\b(?:by\s+|before\s+)?(?:the\s+)?end\s+of\s+{_MONTH}\b"),
    # "I'll change their tags before we close", "before closing tonight": the end of today's opening hours
    _p("eod", r"\bbefore\s+(?:we\s+close|we\s+shut|closing(?:\s+time)?|close)"
              r"(?:\s+(?:today|tonight|this\s+evening))?\b"),
    # ---- a cadence: "every week", "each month", "at every quarterly visit", "monthly." - the reader knows when
    # (a time that comes round: no deadline to miss - "Ryan will test it every morning at 7am" sent at noon)
    _p("recurring", r"\b(?:at\s+the\s+(?:end|start|close)\s+of\s+)?(?:each|every)\s+(?:other\s+|single\s+)?"
                    r"(?:working\s+|business\s+)?(?:day|morning|afternoon|evening|night|week|weekday|"
                    r"fortnight|month|quarter|year|season|term|shift|payday)\b"),
    _p("recurring", rf"\b(?:at|on|during|after|before|with|in)\s+(?:each|every)\s+(?:(?:daily|weekly|fortnightly|"
                    rf"monthly|quarterly|annual|yearly|routine|scheduled|regular|booked)\s+)?(?:{EVENT_NOUN}|"
                    rf"check-?up|check|clean|scan|test|reading|sample|round|run|renewal|billing\s+cycle|cycle|shipment|order|"
                    rf"statement|invoice)s?\b"),
    # "every 30 minutes", "every two hours", "every 3 days"
    _p("recurring", r"\b(?:every|each)\s+(?:\d+|two|three|four|five|six|ten|fifteen|twenty|thirty)\s+"
                    r"(?:minutes|hours|days|weeks|months)\b"),
    _p("recurring", r"\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly|nightly|hourly)"
                    r"(?=\s*(?:[.,;!)]|$))|"
                    r"\bon\s+an?\s+(?:daily|weekly|fortnightly|monthly|quarterly|annual|yearly|nightly|hourly)\s+basis\b"),
    # ---- weeks
    _p("week", r"\b(?P<rel>next|this|the\s+following)\s+(?P<what>week|weekend)\b"),
    _p("week", rf"\b(?:during\s+|in\s+)?the\s+week\s+(?:of|beginning|starting|commencing)\s+(?:(?:{_WDAY_FULL}),?\s+)?"
               rf"(?:the\s+)?[0-3]?\d{_ORD}(?:\s+of)?\s+{_MONTH2}", digit=True),
    _p("week", r"\b(?:by|over|at|on|before)\s+the\s+weekend\b"),
    # "the week of the 23rd": a named week of this month or the next
    _p("week", r"\b(?:during\s+|in\s+)?the\s+week\s+(?:of|beginning|starting|commencing)\s+(?:the\s+)?[0-3]?\d"
               r"(?:st|nd|rd|th)\b", digit=True),
    # ---- anaphors (a time the text has already set)
    _p("anaphor", rf"\b(?:on\s+)?(?:the\s+same|that(?:\s+same|\s+very)?|the\s+very\s+same)\s+"
                  rf"(?:(?:business|working)\s+)?(?:day|{_PART}|evening|week)\b"),
    # "on the day it arrives", "the day it's ready", "the day UPS scans it", 'the day "Ned Kelly" comes back in': a
    # same-day promise on an event the reader will see
    _p("anaphor", r"\b(?:on\s+)?the\s+(?:same\s+)?day\s+(?:that\s+)?(?:it|they|we|I|you|he|she|the\s+\w+|"
                  r"[\"“]?[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,3}?[\"”]?)(?:['’]s\s+(?:ready|back|here|fixed|done|repaired|in)|"
                  r"\s+(?:\w+\s+){0,3}?(?:arrives?|lands?|reach(?:es)?|comes?\s+(?:back\s+)?in|comes?\s+back|"
                  r"gets?\s+(?:here|to\s+us|back)|is\s+\w+|are\s+\w+|ships?|scans?|receives?|collects?|delivers?|returns?|"
                  r"clears?|asks?|requests?|needs?|confirms?|books?|calls?|pays?|signs?|moves?|leaves?|departs?|goes?\s+out|"
                  r"dispatch(?:es)?|sails?|rolls?\s+out))\b"),
    # a notice at the moment a job's own state changes: "(Brodie will) tell you when it's ready for paint", "text you
    # once the plaster is dry", "You will receive another email when it ships" - the notice is the promise, and it
    # comes the moment the thing is done (not "when we can", nor a restock: "when it's back in stock")
    _p("anaphor", rf"\b(?:{_NOTICE_LEAD})\s+(?:when|once|as\s+soon\s+as)\s+(?:it|they|he|she|the\s+\w+|your\s+\w+)"
                  rf"(?:{_STATE_REACHED})"),
    # a notice whose moment is the event it announces: "I'll text you when I'm 15 minutes away", "I'll ring you
    # as soon as the rides are built", "I'll call you the moment the van leaves" - the reader waits for the event,
    # not for the sender; not a notice that waits on the sender's own time or on news ("let you know when we can",
    # "update you once I know more", "email you when it's back in stock")
    _p("anaphor", rf"\b(?:{_NOTICE_LEAD})(?:\s+(?:the|a|an|your|our)\s+[\w-]+(?:\s+[\w-]+){{0,2}}?)?\s+"
                  r"(?:(?:the\s+)?(?:moment|minute|second)|when|once|as\s+soon\s+as)\s+"
                  r"(?![^.,;:!?\n]{0,80}?\b(?:can|could|possible|chance|free|able|round\s+to|calms?|settles?|stock|"
                  r"restock\w*|hear|heard|news|know|knows|known|update|more|answers?|info\w*|details|decisions?|"
                  r"decide[sd]?|confirm\w*|time|dates?|eta|slots?|availab\w*|gets?\s+back|back\s+to\s+(?:us|me)|repl(?:y|ies|ied)|respond\w*|"
                  # the sender's own planning: "let you know once we've worked out the new schedule"
                  r"worked\s+out|work\s+out|figured?\s+out|sorted\s+out|finali[sz]ed?|planned|schedule[sd]?|"
                  r"arranged|agreed)\b)"
                  r"(?:I|we|he|she|they|it|(?:the|your|our|his|her|their)\s+[\w'’-]+|[A-Z][\w'’-]+)\b[^.,;:!?\n]{1,80}"),
    _p("anaphor", r"\b(?:by|until|before|after)\s+then\b"),
    # "You have 28 days, which means by Monday 3 May. I will walk the plot with you on that date", "we need your design
    # by Wednesday at 5pm. After that we will bake what we have": the date the text has just given
    _p("anaphor", r"\b(?:on|by|until|before|from|after)\s+(?:that|this|the\s+same)\s+(?:date|day|deadline)\b|"
                  r"(?:^|(?<=[.;:]\s)|(?<=\n))(?i:after\s+that)\b(?!\s+(?:is|was|has|had|it|one|kind|sort|point)\b)"),
    # "I'll send the revised page by the same time": the time the text has just given
    _p("anaphor", r"\b(?:by|at|around)\s+(?:the\s+same|that)\s+time\b(?!\s+(?:of|as|last|next)\b)"),
    # "I'll fix it by 3pm today. You'll get the automatic email when I do.": the moment of the act just promised
    _p("anaphor", r"\b(?:when|once|as\s+soon\s+as)\s+(?:I|we)\s+(?:do|have|am|are)(?=\s*(?:[.,;!)]|$))|"
                  r"\b(?:when|once|as\s+soon\s+as)\s+(?:that|this|it)(?:['’]s|\s+is|\s+has\s+been)\s+done\b"),
    # "Afterwards Aoife will turn your favourite into a design": after the call or visit the message has dated
    _p("anaphor", r"\b(?:straight\s+|right\s+|soon\s+|shortly\s+)?afterwards?\b|\b(?:straight|right)\s+after\s+that\b"),
    # "at each step of the timetable above": the steps of a schedule the message sets out
    _p("anaphor", r"\b(?:at|after)\s+(?:each|every)\s+(?:step|stage|milestone)\s+(?:of|in)\s+(?:the|this|that|our)\s+"
                  r"(?:timetable|schedule|plan|programme|program)\b"),
    _p("anaphor", r"\b(?:that['’]s|that\s+is|which\s+is)\s+when\b"),
    # "each time" (each payment just scheduled), "by return"
    _p("anaphor", r"\b(?:each|every)\s+time\b(?=\s*[.,;!]|\s*$)"),
    _p("anaphor", r"\bby\s+return(?:\s+of\s+post)?\b"),
    _p("anaphor", rf"\b(?:on\s+)?the\s+(?:morning|afternoon|evening|day|night|eve)\s+(?:of|before)\s+(?:the|your)\s+"
                  rf"{ANAPHOR_EVENT}\b"),
    _p("anaphor", r"\bthen(?=\s*(?:[.;!]|$))"),
    # "we will then contact your provider": next in a sequence the sentence or the one before has set
    _p("anaphor", r"(?<=\bwill\s)then\b|(?<=['’]ll\s)then\b|(?<=\bshall\s)then\b"),
    # "I'll call you on Monday and I'll tell you then when Tom can refit it": then, after the object, is that time
    # (not a clause's "then": "we'll fix it then you can ride it")
    _p("anaphor", r"(?:(?<=\byou\s)|(?<=\bit\s)|(?<=\bthem\s)|(?<=\bhim\s)|(?<=\bher\s))"
                  r"then\b(?!\s+(?:I|we|you|they|he|she|it|there)\b)"),
    _p("anaphor", r"\bat\s+(?:that|the\s+same)\s+time\b"),
    # "a reminder on each of those dates", "on both days": dates the text has just given
    _p("anaphor", r"\b(?:on|for|during|over|across)\s+(?:each\s+of\s+)?(?:those|these|both|"
                  r"all\s+(?:of\s+)?(?:those|these))\s+(?:dates|days|weeks|nights)\b|\b(?:for|during|over)\s+(?:that|this)\s+(?:period|fortnight|week)\b|"
                  r"\bon\s+each\s+of\s+them\b"),
    # "we'll shift it within the day": before the day is out
    _p("anaphor", r"\bwithin\s+the\s+(?:day|hour)\b"),
    _p("anaphor", r"\bat\s+the\s+first\s+(?:one|of\s+them|time|slot)\b"),
    # "I'll hold that date for you", "we'll keep the slot for you": the date the text has just named, kept
    _p("anaphor", r"(?<=\bhold\s)(?:that|this|the\s+same)\s+(?:date|day|slot|time|spot|place|booking|appointment)\b|"
                  r"(?<=\bkeep\s)(?:that|this|the\s+same)\s+(?:date|day|slot|time|spot|place|booking|appointment)\b|"
                  r"(?<=\breserve\s)(?:that|this|the\s+same)\s+(?:date|day|slot|time|spot|place|booking|appointment)\b"),
    # "I'll email you the result straight after": right after the act the sentence before has timed
    _p("anaphor", r"\b(?:straight|right|immediately|directly|just)\s+after(?=\s*(?:[.,;!)]|$))"),
    # "at the first check where eBay is working", "at the next of those calls": one of the checks just dated
    _p("anaphor", r"\bat\s+the\s+(?:first|next|same|following|last)\s+(?:check|call|update|visit|inspection|run|"
                  r"review|session)\s+(?:where|when|that|at\s+which|in\s+which)\b"),
    # "I'll check the other windows while I'm there": during the visit the message has dated
    _p("anaphor", r"\bwhile\s+(?:I|we|he|she|they)(?:['’]m|['’]re|['’]s|\s+am|\s+are|\s+is)\s+(?:there|here|on\s+site|"
                  r"with\s+you|round|over|at\s+(?:yours|your\s+(?:house|home|place|office|site)))\b"),
    # ---- times relative to a scheduled event ("on the morning of delivery", "on arrival", "when the van
    #      arrives"): not concrete by themselves; commitment_issues.py counts them once the message dates the event
    # "You'll get a text the week before", "we ring the day before": before the event the message dates
    _p("event", r"\b(?:on\s+)?the\s+(?:day|week|night|evening|morning|afternoon)\s+before"
                r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|so|to|with|or|then|by)\b)", False),
    _p("event", r"\b(?:on\s+|in\s+)?the\s+(?:morning|afternoon|evening|day|night|eve)\s+(?:of|before)\s+"
                r"(?:the\s+|your\s+)?"
                rf"{EVENT_NOUN}\b", False),
    _p("event", r"\bon\s+the\s+(?:day|night)\b(?!\s+(?:after|before|of|it|they|we|you|the|that|when|itself)\b)",
       False),
    _p("event", r"\b(?:on|upon)\s+(?:arrival|delivery|collection|completion|installation|the\s+day\s+itself)\b", False),
    _p("event", rf"\b(?:at|by|towards|near)\s+the\s+(?:start|end|beginning|close)\s+of\s+(?:the|your)\s+"
                rf"{EVENT_NOUN}\b", False),
    # "during the maintenance window", "after your visit", "I'll bring the figures to the meeting"
    _p("event", rf"\b(?:during|throughout|at|after|following|before|on|to)\s+(?:the|your|that|our)\s+"
                rf"(?:(?:maintenance|planned|"
                rf"first|next|annual|yearly|quarterly|monthly|weekly|regular|routine|"
                rf"trial|online|video)\s+)?(?:{EVENT_NOUN})\b(?!\s+(?:of|to|for)\b)", False),
    _p("event", rf"\b(?:when|once|as\s+soon\s+as|after)\s+(?:(?:the|our|your)\s+(?:\w+\s+)?{ARRIVING_CREW}|they|he|she)"
                rf"\s+(?:arrives?|gets?\s+(?:there|to\s+you)|turns?\s+up|(?:is|are)\s+(?:there|with\s+you|on\s+site)|"
                rf"pulls?\s+up|comes?|finish(?:es)?|(?:has|have)\s+finished|(?:is|are)\s+(?:finished|done))\b|"
                # "when they're finished", "once he's done"
                r"\b(?:when|once|as\s+soon\s+as)\s+(?:they['’]re|he['’]s|she['’]s)\s+(?:finished|done|there|on\s+site)\b",
       False),
    # "You'll get a text when work starts and when it's done": the stages of the job the message dates
    _p("event", r"\b(?:when|once|as\s+soon\s+as|after|before)\s+(?:the\s+|your\s+)?(?:work|job|repair|service|"
                r"install(?:ation)?|fitting)\s+(?:starts?|begins?|finish(?:es)?|ends?|(?:is|has\s+been)\s+(?:done|finished|"
                r"complete|completed))\b|\b(?:when|once)\s+(?:it|that)(?:['’]s|\s+is|\s+has\s+been)\s+(?:done|finished)\b",
       False),
    # "Callum will phone you before he comes up the road": just ahead of the visit the message dates
    _p("event", rf"\bbefore\s+(?:(?:the|our|your)\s+(?:\w+\s+)?{ARRIVING_CREW}|they|he|she)\s+(?:comes?|arrives?|"
                r"sets?\s+off|leaves?|heads?\s+(?:out|over|off|up|down|round)|gets?\s+(?:there|to\s+you)|turns?\s+up|"
                r"pulls?\s+up)\b", False),
    # the reader's own act sets the time: "when you pick up the keys", "once you've signed"
    _p("event", r"\b(?:when|once|as\s+soon\s+as|after|the\s+moment)\s+you(?:'ve|\s+have)?\s+(?:\w+\s+)?(?:pick|collect|"
                r"arrive|check|sign|send|return|get|come|call|book|log|open|reply|confirm|pay|drop|bring|upload|receive|"
                r"visit|sign|finish|complete|submit|land|move|start|join|turn\s+up|show\s+up|approve|accept|agree|"
                r"give\s+(?:us\s+|me\s+)?the\s+go-ahead|okay|ok)\w*\b", False),
    # "on your last day", "before your first class": a day of the reader's own that the message dates
    _p("event", r"\b(?:on|by|before|at|after)\s+your\s+(?:last|first|final|next)\s+(?:day|class|lesson|session|visit|"
                r"week|shift)\b", False),
    # "At the desk we will place a hold": at the place where a booked collection or visit happens
    _p("event", rf"\b{_PLACE}\b", False),
    # "Your next invoice goes out on Friday 1 October, and I'll check it before it's sent": the sending just dated
    _p("event", r"\b(?:before|when|once|as\s+soon\s+as)\s+(?:it|they)(?:['’]s|['’]re|\s+is|\s+are|\s+goes|\s+go)\s+"
                r"(?:sent|posted|issued|dispatched|shipped|out|printed|fitted|installed|delivered)\b", False),
    # "before it reaches you", "once it gets to you": the reader's own delivery
    _p("event", r"\b(?:before|when|once|as\s+soon\s+as)\s+(?:it|they)\s+(?:reach(?:es)?|gets?\s+to|"
                r"arrives?\s+(?:with|at))\s+(?:you|your)\b", False),
    # "When I arrive, I will set it up on the table", "before I finish": our own visit the message dates
    _p("event", r"\b(?:when|once|as\s+soon\s+as|after)\s+(?:I|we)\s+(?:arrive|get\s+(?:there|to\s+you|to\s+your\s+\w+)|"
                r"turn\s+up|pull\s+up)\b|\bbefore\s+(?:I|we)\s+(?:finish|leave|go|head\s+off|pack\s+up)\b", False),
    # "I'll text you when we're packing up": the end of a visit the message dates (commitment_issues anchors it)
    _p("event", r"\bwhen\s+(?:we|I)(?:['’]re|['’]m|\s+are|\s+am)\s+(?:packing\s+up|leaving|finishing(?:\s+up)?|"
                r"wrapping\s+up|on\s+(?:our|my)\s+way|done)\b|"
                # "You'll get a text when he's on his way": the visitor setting off for the visit
                r"\bwhen\s+(?:he|she|they|the\s+\w+)(?:['’]s|['’]re|\s+is|\s+are)\s+on\s+(?:his|her|their|the|its)\s+way\b",
       False),
    # "I'll grab a table if I get there first", "Declan will talk to their crew if they're there first": at the
    # meeting the message dates, whoever arrives first
    _p("event", r"\bif\s+(?:I|we|he|she|they|you)(?:['’]re|['’]m|\s+am|\s+are|\s+is|\s+get|\s+gets|\s+arrive|"
                r"\s+arrives)\s+(?:there\s+|here\s+)?first\b", False),
    # "Marc will recalibrate it on site": during the visit the message dates
    _p("event", r"\b(?:on|at)[- ]site(?=\s*(?:[.,;:!?)]|$|\s+(?:and|so|to|with|or|then|while|during|on|at)\b))",
       False),
    # "when we're 15 minutes out", "the morning they arrive", "the day I receive it": relative to an arrival or to
    # what the reader sends
    _p("event", r"\bwhen\s+(?:we|I|he|she|they|the\s+\w+)(?:['’]re|['’]m|\s+are|\s+is|\s+am)\s+(?:about\s+)?"
                r"(?:\w+\s+)?(?:minutes?|mins?|hours?)\s+(?:out|away)\b", False),
    _p("event", r"\b(?:on\s+)?the\s+(?:same\s+)?(?:morning|afternoon|evening|day)\s+(?:they|it|he|she|you|we|I)\s+"
                r"(?:arrive|arrives|come\s+in|comes\s+in|land|lands|receive|get|reach|hear\s+(?:back\s+)?from\s+you)\b",
       False),
    # "we will pay on receipt of your invoice": when what the reader sends arrives
    _p("event", r"\b(?:on|upon|after|within\s+\w+\s+\w+\s+of)\s+receipt\s+of\s+your\b", False),
    # "before you arrive", "ahead of your check-in", "before you leave": the reader's own visit sets the time
    _p("event", r"\b(?:before|ahead\s+of\s+when)\s+you\s+(?:arrive|collect|pick\s+up|come\s+in|get\s+here|"
                r"check\s+in|leave|go|head\s+(?:off|home))\b", False),
    # "while you're here", "when you're in the studio", "while you wait": during the reader's own visit
    _p("event", r"\b(?:while|whilst|when|once)\s+you(?:['’]re|\s+are)\s+(?:here|there|in|with\s+us|on\s+site|"
                r"on\s+(?:the|this|our|a)\s+(?:call|phone|line|video\s+call|chat)|on\s+the\s+phone\s+(?:with|to)\s+us|"
                r"in\s+(?:the\s+)?(?:studio|shop|store|office|salon|clinic|showroom|branch|workshop|building))\b|"
                r"\b(?:while|whilst)\s+you\s+(?:wait|stand|sit|watch|hold)\b", False),
    # "before he leaves", "once the crew has finished", "when we hand the parcel to Royal Mail": the end of a visit
    # or the dispatch the message dates (commitment_issues anchors it when the message dates an event)
    _p("event", r"\b(?:before|after|when|once|as\s+soon\s+as)\s+(?:he|she|they|we|I|(?:the|our)\s+(?:\w+\s+)?"
                r"(?:crew|team|engineer|technician|installer|fitter|driver|courier|installers|fitters))\s+"
                r"(?:leaves?|heads?\s+off|finish(?:es)?|(?:has|have)\s+finished|(?:is|are)\s+done|wraps?\s+up|"
                r"hands?\s+(?:it|them|the\s+\w+|your\s+\w+)\s+(?:over\s+)?to|dispatch(?:es)?\s+(?:it|them|your|the)|"
                r"ships?\s+(?:it|them|your|the)|posts?\s+(?:it|them|your|the))\b", False),
    # "We will send a reminder two days before.": before the event the text has just dated
    _p("anaphor", r"\b(?:\d+|one|two|three|four|five|a\s+few|a\s+couple\s+of|an?)\s+(?:days?|hours?|weeks?)\s+"
                  r"(?:before|beforehand|in\s+advance|ahead)\b(?=\s*(?:[.,;!)]|$))"),
    # "two days ahead of your appointment", "24 hours before the visit"
    _p("event", rf"\b(?:\d+|one|two|three|four|five|a\s+few|a\s+couple\s+of|an?)\s+(?:days?|hours?|weeks?)\s+"
                rf"(?:ahead\s+of|before|prior\s+to|after)\s+(?:(?:the|your)\s+(?:{EVENT_NOUN})|arrival|departure|"
                r"delivery|collection|pick-?up)\b", False),
    # "14 days before we take the payment", "an hour before we arrive": a fixed offset from an act the clause names
    _p("event", r"\b(?:\d+|one|two|three|four|five|six|seven|ten|fourteen|an?)\s+"
                r"(?:(?:business|working|calendar|clear)\s+)?(?:minutes?|hours?|days?|weeks?)\s+(?:before|after|"
                r"ahead\s+of|prior\s+to)\s+(?:(?:when\s+)?(?:we|I|you|they|he|she|it|(?:the|our|your)\s+[\w-]+)\s+"
                r"(?:(?:will|can|are|is|have|has|'ll|’ll)\s+)?[a-z]+|(?:the|your|our|each|every|its)\s+"
                r"(?:[\w-]+\s+){0,2}?[\w-]+)\b", False),
    # "on your next statement": the next bill the reader gets
    _p("event", r"\b(?:on|in|with|to)\s+your\s+next\s+(?:statement|bill|invoice|payslip|payment|renewal|delivery)\b",
       False),
    # "on the date you choose", "at a time you pick": the reader picks the time
    _p("event", r"\b(?:on|at|for)\s+(?:the|a|whichever)\s+(?:date|day|time|slot)\s+(?:that\s+)?you\s+"
                r"(?:choose|chose|pick|picked|book|booked|select|selected|prefer|want|ask\s+for|asked\s+for|tell\s+us|"
                r"give\s+us|name|set)\b", False),
    # "which I'll add to your final invoice", "credit it against your March invoice": a bill of the reader's own
    _p("event", r"\b(?:on|to|in|against)\s+your\s+(?:final|closing|last|next|january|february|march|april|may|june|"
                r"july|"
                r"august|september|october|november|december)\s+(?:statement|bill|invoice)\b", False),
    # "on our normal 30-day terms": payment terms set the day
    _p("duration", r"\b(?:on|within|under)\s+(?:our|the|your)\s+(?:normal|usual|standard|agreed)?\s*\d{1,3}[- ]day\s+"
                   r"(?:payment\s+)?terms\b", digit=True),
    # "until your investigation is complete", "until you confirm": the reader's own event ends the wait
    _p("event", r"\buntil\s+(?:your\s+\w+(?:\s+\w+)?\s+(?:is|are|has\s+been|have\s+been)\s+(?:complete|completed|"
                r"finished|"
                r"done|closed|over|resolved|signed|returned|approved)|you\s+(?:confirm|tell|let|say|ask|decide|"
                r"have\s+(?:decided|confirmed)))\b", False),
    # "the first weekday after we receive it": a day counted from what the reader sends
    _p("event", r"\b(?:on\s+)?the\s+(?:first|next)\s+(?:working\s+|business\s+)?(?:weekday|day|working\s+day|"
                r"business\s+day)"
                r"\s+after\s+(?:we|I)\s+(?:receive|get)\s+(?:it|them|your)\b", False),
    # "I'll book the visit when I receive it": what the reader sends (commitment_issues: the reader's own)
    _p("event", r"\b(?:when|once|as\s+soon\s+as|the\s+moment)\s+(?:I|we)\s+(?:receive|get)\s+(?:it|them|"
                r"your|the\s+signed|the\s+completed)\b(?!(?:\s+\w+){0,4}\s+from\s+(?!you\b))", False),
    # "to the next bill of everyone affected", "on the next invoice": the next bill the reader gets (anchored as the
    # reader's own below: commitment_issues names "your"; here "the next bill" can only be the reader's)
    _p("event", r"\b(?:on|in|to)\s+the\s+next\s+(?:statement|bill|invoice)\b(?=\s+(?:of|for|you|your|everyone))",
       False),
    # "about 30 minutes before he arrives", "an hour before the engineer gets there": relative to a booked arrival
    _p("event", rf"\b(?:about\s+|around\s+|roughly\s+|some\s+)?(?:\d+|an?|one|two|half\s+an)\s+(?:minutes?|mins?|"
                rf"hours?)\s+(?:before|ahead\s+of)\s+(?:he|she|they|we|(?:the|our|your)\s+(?:\w+\s+)?{ARRIVING_CREW})\s+"
                rf"(?:arrives?|gets?\s+(?:there|to\s+you)|turns?\s+up|sets?\s+off|leaves?)\b", False),
    # ---- periods: a stretch, not a day
    # a named month is a window the reader can plan around, like "next week" ("we'll see you in January", "a
    # top-up in early October"); a season, a quarter or a year is not
    _p("period", rf"\b(?:by\s+|in\s+|around\s+)?(?:mid|early|late)[- ]{_MONTH2}(?![a-z])", True),
    _p("period", r"\b(?:in\s+|by\s+|during\s+)?(?:early|late|the\s+middle\s+of|the\s+start\s+of|"
                 r"the\s+beginning\s+of)\s+(?:next\s+|this\s+)?"
                 rf"(?:{_MONTH2}|week|month|year|season|spring|summer|autumn|fall|winter)\b", False),
    # (not a possessive naming a thing: "at this year's price", "next season's fixtures")
    _p("period", r"\b(?:next|this|the\s+following|the\s+coming)\s+"
                 r"(?:month|quarter|year|season|spring|summer|autumn|fall|winter)\b(?!['’]s?\b)",
       False),
    _p("period", r"\b(?:in|during|over)\s+(?:the\s+)?(?:spring|summer|autumn|fall|winter|new\s+year)\b", False),
    _p("period", rf"\b(?:in|during|by)\s+{_MONTH2}(?!\s*\d)(?![a-z])", True),
    # "I'll book it for the second week of January", "in the last fortnight of June": a named stretch of a month
    _p("period", rf"\b(?:(?:in|during|by|for)\s+)?the\s+(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+"
                 rf"(?:full\s+)?(?:week|fortnight|half)\s+of\s+{_MONTH2}(?![a-z])", True),
    # "We will delete it in January 2035", "we'll write to you in February 2028": a month of a named year, for a
    # step years ahead (a records schedule, a re-test), is as exact as the writer can be
    _p("month", rf"\b(?:in|during|by|from)\s+{_MONTH2}\s+(?:19|20)\d\d\b", digit=True),
    _p("period", r"\b(?:in\s+)?(?:Q[1-4])\b", False, need=("q1", "q2", "q3", "q4")),
    # ---- vague
    _p("vague", r"\b(?:very\s+|fairly\s+|pretty\s+)?(?:soon|shortly)\b(?!\s+as\b)", False),
    _p("vague", r"\b(?:asap|a\.s\.a\.p\.?)(?![a-z])", False),
    _p("vague", r"\bas\s+(?:soon|quickly|fast)\s+as\b(?:\s+(?:possible|we\s+can|I\s+can)\b|[^,.;:!?()\n]{1,60})",
       False),
    _p("vague", r"\bin\s+due\s+course\b", False),
    # "The fix should be out in the next update", "in a future release": a release the reader cannot date
    _p("vague", r"\b(?:in|with)\s+(?:the|a|an)\s+(?:next|future|upcoming|later|coming|forthcoming)\s+"
                r"(?:(?:app|software|firmware|system|product|minor|major)\s+)?(?:update|release|version|build|patch)\b",
       False),
    _p("vague", r"\b(?:in|over|during|within)\s+the\s+(?:coming|next\s+few|next\s+couple\s+of|following)\s+"
                r"(?:days|weeks|months)\b", False),
    _p("vague", r"\b(?:in|within)\s+(?:a\s+few|a\s+couple\s+of|a\s+couple|several|some|the\s+next\s+few)\s+"
                r"(?:days|weeks|months)\b", False),
    _p("vague", r"\b(?:in|within|over)\s+(?:a|the\s+next)\s+(?:day|week|month)\s+or\s+(?:two|so)\b", False),
    _p("vague", r"\b(?:at\s+some\s+(?:point|stage)|some\s*time|at\s+a\s+later\s+(?:date|stage|point)|eventually|"
                r"before\s+long|in\s+the\s+(?:near\s+)?future|down\s+the\s+line|one\s+of\s+these\s+days|any\s+day\s+now|"
                r"as\s+and\s+when|when(?:ever)?\s+possible|in\s+time|promptly|at\s+(?:the|our)\s+earliest\s+"
                r"(?:opportunity|convenience)|sooner\s+or\s+later|in\s+a\s+(?:while|bit))\b", False),
    # not an offset: "no sooner than 14 days later", "two weeks later"
    _p("vague", r"(?<!\bdays\s)(?<!\bday\s)(?<!\bweeks\s)(?<!\bweek\s)(?<!\bhours\s)(?<!\bmonths\s)(?<!\bminutes\s)"
                r"\blater\b(?!\s+than)", False),
    _p("vague", r"\b(?:when|once|whenever)\s+(?:it|they|this|that|we|I|he|she)['’](?:s|re|m)\s+(?:\w+\s+)?"
                r"(?:free|ready|able|back|available|in\s+stock|done|sorted)\b", False),
    # a third party's word we wait on: "once the supplier gives us a firm date", "when the insurer confirms"
    _p("vague", r"\b(?:when|once|whenever|as\s+soon\s+as)\s+(?:the|our|their)\s+(?:[\w-]+\s+){0,2}?(?:supplier|"
                r"manufacturer|factory|maker|insurer|insurers|council|landlord|bank|lender|solicitor|courier|carrier|"
                r"distributor|wholesaler|contractor|subcontractor|builder|lab|laboratory|mill|printer|vendor|agent|"
                r"authority|office|head\s+office|warehouse)\s+(?:gives?\s+(?:us|me)|confirms?|sends?\s+(?:us|me)|"
                r"lets?\s+(?:us|me)\s+know|comes?\s+back\s+to\s+(?:us|me)|gets?\s+back\s+to\s+(?:us|me)|replies|"
                r"responds|decides|approves|agrees|releases?|sets?)\b", False),
    _p("vague", r"\b(?:when|once|whenever)\s+(?:we|I|they|things|it|the\s+\w+|\w+)(?:['’](?:ve|re|m|d))?\s+"
                r"(?:\w+[’']?\w*\s+){0,5}?"
                r"(?:can|could|allows?|permits?|calms?\s+down|settles?\s+down|quietens?\s+down|(?:has|have|get|gets)\s+"
                r"(?:a\s+chance|the\s+chance|capacity|time|round\s+to\s+it|a\s+(?:quiet|free|spare|slow|gap|"
                r"quieter|moment|minute|window|lull)\b(?:\s+(?:afternoon|morning|evening|day|week|spell|moment|slot|"
                r"period|patch|minute|hour))?)|(?:is|are)\s+(?:free|ready|able|back|"
                r"available|in)|arrives?|lands?|comes?\s+(?:in|through|back)|hears?|reach(?:es)?|turns?\s+up|"
                r"gets?\s+(?:here|back|to\s+us)|\w+ed|scanned|done|sorted)\b", False),
]


_INDEFINITE = re.compile(r"\b(?:at\s+some\s+(?:point|stage)|some\s*time|eventually|before\s+long|"
                         r"one\s+of\s+these\s+days|"
                         r"sooner\s+or\s+later|down\s+the\s+line|in\s+(?:a\s+while|the\s+(?:near\s+)?future)|"
                         r"(?:when|once|whenever)\s+things\s+(?:\w+\s+){0,2}?(?:calm|settle|quieten|quiet|slow|ease))\b",
                         re.I)


def indefinite(expr: TimeExpr) -> bool:
    """A vague time that stays vague whatever it sits next to: "at some point in January", "sometime next week",
    "eventually", "once things quieten down". Only a named day (a date, a weekday, "tomorrow", a clock time) can
    pin such a clause down; a month, a week or a period cannot."""
    return not expr.concrete and bool(_INDEFINITE.search(expr.text))


PINNED_KINDS = ("date", "weekday", "day", "clock")


class _Lazy:
    """One pattern of _PATTERNS: compiled on first use; `need` = the literals a match must hold (a frozenset, or
    None); `digit`: a match holds a digit."""
    __slots__ = ("kind", "source", "concrete", "need", "digit", "_re")

    def __init__(self, kind: str, source: str, concrete: bool, need, digit: bool):
        self.kind, self.source, self.concrete, self.digit, self._re = kind, source, concrete, digit, None
        self.need = frozenset(need) if need is not None else None

    @property
    def re(self) -> re.Pattern:
        if self._re is None:
            self._re = re.compile(self.source, re.I)
        return self._re


_lazy: list[_Lazy] | None = None
_DIGIT = re.compile(r"\d")
# the patterns' literals, found in one pass (_literal_finder); which patterns each found literal lets run
_finder: re.Pattern | None = None
_runs_for: dict[str, frozenset[int]] = {}
_always: frozenset[int] = frozenset()     # patterns without literals


def _patterns() -> list[_Lazy]:
    global _lazy, _finder, _runs_for, _always
    if _lazy is None:
        lazy = [_Lazy(kind, src, concrete, hand if hand is not None else need, digit)
                for (kind, src, concrete, hand, digit), need in zip(_PATTERNS, _pattern_literals(), strict=True)]
        literals = {w for lp in lazy if lp.need for w in lp.need}
        _finder = _literal_finder(literals)
        _runs_for = _patterns_by_literal(lazy, literals)
        _always = frozenset(n for n, lp in enumerate(lazy) if lp.need is None)
        _lazy = lazy
    return _lazy


def _pattern_literals() -> list:
    """literal.required_literals of each pattern, cached on disk (reading the parsed patterns costs time at every
    start otherwise)."""
    from .. import cache
    from ..literal import VERSION, required_literals

    k = cache.key("timexpr-literals", VERSION, repr([p[1] for p in _PATTERNS]))
    needs = cache.load("literals", k)
    if not isinstance(needs, list) or len(needs) != len(_PATTERNS):
        needs = [required_literals(p[1], re.I) for p in _PATTERNS]
        cache.store("literals", k, needs)
    return needs


def _patterns_by_literal(lazy: list[_Lazy], literals) -> dict[str, frozenset[int]]:
    """{literal: the patterns it lets run}. The finder reports the longest literal at a position: the literals
    that are prefixes of it are there too."""
    return {w: frozenset(n for n, lp in enumerate(lazy) if lp.need and any(w.startswith(v) for v in lp.need))
            for w in literals}


def _literal_finder(literals) -> re.Pattern:
    """A regex whose findall() over a lower-cased text gives, at every position, the longest of `literals`
    starting there (a lookahead, so overlapping ones are all seen). Built as a character trie, so each position
    costs one branch per character rather than one `in` search of the whole text per literal."""
    tree: dict = {}
    for w in literals:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}                   # a literal ends here

    def emit(node) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body     # greedy: the longer literal first

    return re.compile(f"(?=({emit(tree)}))")


def find_times(text: str, offset: int = 0) -> list[TimeExpr]:
    """Every time expression in `text`, left to right, without overlaps; offsets are shifted by `offset`."""
    taken: list[tuple[int, int]] = []
    out = []
    for s, e, kind, concrete, m in _ranked(_candidates(text)):
        if any(s < te and e > ts for ts, te in taken):
            continue
        taken.append((s, e))
        out.append(TimeExpr(s + offset, e + offset, text[s:e], kind, concrete,
                            tuple(sorted((k, v) for k, v in m.groupdict().items() if v))))
    out.sort(key=lambda t: t.start)
    return out


def _candidates(text: str) -> list[tuple]:
    """(start, end, kind, concrete, match) for every match of the patterns that may match `text`: those one of
    whose literals the text holds (or that have none), in their order."""
    patterns = _lazy or _patterns()
    found = _always.union(*[_runs_for[w] for w in set(_finder.findall(fold(text)))])
    digit = _DIGIT.search(text) is not None
    cands = []
    for n in sorted(found):
        lp = patterns[n]
        if lp.digit and not digit:
            continue            # the text lacks the digit a match of this pattern must hold
        for m in lp.re.finditer(text):
            if m.end() > m.start() and _plausible(lp.kind, text, m):
                cands.append((m.start(), m.end(), lp.kind, lp.concrete, m))
    return cands


def _plausible(kind: str, text: str, m) -> bool:
    if _OPTION_WEIGHED.match(text, m.end()):
        return False            # "If 8am doesn't work, call me": a slot talked about, not the time of an act
    if kind == "clock":
        return not _not_a_clock(text, m)
    if kind == "weekday":
        return not _names_a_thing(text, m) and not _ANY_SUCH_DAY.search(text, max(0, m.start() - 8), m.start())
    if kind == "day" and _OF_A_DAYS_THING.search(text, max(0, m.start() - 12), m.start()) and \
            re.match(r"['’]s?\b", text[m.end():m.end() + 3]):
        return False            # "the draft of today's session": the session's day, not the act's
    if kind in ("period", "vague") and _PLAN_FOR.search(text, max(0, m.start() - 40), m.start()):
        return False            # "a draft test plan for the coming year": the plan's period, not the act's time
    return kind != "date" or _valid_date_match(m)


# "on a Sunday night", "any Friday": some such day, not a date ("a Saturday class" is a thing: _names_a_thing)
_ANY_SUCH_DAY = re.compile(r"\b(?:a|any)\s+$", re.I)
# a day's thing named as the object of an act: "the rough draft of today's session", "notes from yesterday's call"
_OF_A_DAYS_THING = re.compile(r"\b(?:of|from|about)\s+$", re.I)
# a plan, budget or price list named by the period it covers: "the budget for next year", "the rota for next month"
_PLAN_FOR = re.compile(r"\b(?:plans?|budgets?|programmes?|programs?|schedules?|calendars?|roadmaps?|forecasts?|"
                       r"targets?|strateg(?:y|ies)|rotas?|timetables?|fixtures|prices?|rates?|fees?|price\s+list|goals?|"
                       r"objectives?|priorities|agenda|allocation|quota|estimates?)\s+for\s+$", re.I)
_DETERMINED = re.compile(r"(?<!\bwith\s)(?<!\bon\s)(?<!\bat\s)(?<!\bin\s)(?<!\bby\s)(?<!\buntil\s)(?<!\bbefore\s)"
                         r"\b(?:the|a|an|each|every)\s+(?:[a-z]+\s+)?$")
_THING_AFTER = re.compile(r"\s+(?!(?:after|before|morning|afternoon|evening|night|following|of|at|that|which|when|"
                          r"we|you|it|he|she|they|is|was|will|works?|suits?|and|or|to|in|on|by|if|as)\b)[a-z]{3,}")


def _names_a_thing(text: str, m) -> bool:
    """"the extra Saturday class", "a Monday delivery slot": a weekday naming a kind of event, not the time of an
    act ("the Saturday after next", "next Saturday's slot" and "with the Friday delivery" stay times)."""
    g = m.groupdict()
    return not g.get("rel") and not g.get("part") and bool(_DETERMINED.search(text[max(0, m.start() - 30):m.start()])) \
        and bool(_THING_AFTER.match(text, m.end()))


# a time that is the subject of a refusal: an option being weighed ("if Thursday doesn't suit", "If 8am doesn't
# work"), not the time of an act ("Tuesday works for me" still proposes a time)
_OPTION_WEIGHED = re.compile(r"\s+(?:doesn['’]t|does\s+not|won['’]t|will\s+not)\s+(?:work|suit|fit)\b|"
                             r"\s+(?:isn['’]t|is\s+not)\s+(?:good|convenient|possible|ideal)\b|"
                             r"\s+is\s+no\s+good\b", re.I)


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[1] and a[1] > b[0]


def _ranked(cands: list[tuple]) -> list[tuple]:
    """The candidates in the order they are taken: longest first, then earliest; concrete beats vague on a tie.
    An event-relative time ("when the van arrives") beats the vague reading of the same words ("when ...
    arrives", "as soon as ..."), but never a concrete one ("the morning of the visit" stays an anaphor)."""
    events = [c for c in cands if c[2] == "event" and not any(o[3] and _overlap(c, o) for o in cands)]
    kept = [c for c in cands if (c in events if c[2] == "event" else c[3] or not any(_overlap(c, e) for e in events))]
    kept.sort(key=lambda c: (-(c[1] - c[0]), c[0], not c[3]))
    return kept


def _not_a_clock(text: str, m) -> bool:
    """'10:00' inside '10:00:00' or a reference like 'section 4:12' is not a time; ratios are not either."""
    s, e = m.span()
    before = text[max(0, s - 10):s].lower()
    return bool(re.search(r"(?:section|ch\.|chapter|verse|ratio)\s*$", before))


def _valid_date_match(m) -> bool:
    g = m.groupdict()
    try:
        if g.get("day") and not 1 <= int(g["day"]) <= 31:
            return False
        if g.get("a") and g.get("b"):
            a, b = int(g["a"]), int(g["b"])
            if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
                return False
    except ValueError:
        return False
    return True


# ------------------------------------------------------------------------------------------------------------
# resolution

def add_business_days(d: date, n: int) -> date:
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def _nearest_year(month: int, day: int, ref: date) -> date | None:
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - ref).days) < abs((best - ref).days):
            best = d
    return best


def _number(s: str | None) -> float | None:
    if not s:
        return None
    s = s.lower()
    if s in NUMBERS:
        return NUMBERS[s]
    try:
        return float(s)
    except ValueError:
        return None


def _clock_of(text: str) -> time | None:
    t = text.lower()
    if "noon" in t or "midday" in t:
        return time(12, 0)
    if "midnight" in t:
        return time(23, 59)
    four = re.search(r"\b([01]\d|2[0-3])([0-5]\d)\b", t)
    if four:                                    # "0530", "1430 hrs"
        return time(int(four.group(1)), int(four.group(2)))
    m = re.search(r"(\d{1,2})(?:[:.](\d{2}))?\s?(am|pm|a\.m\.|p\.m\.)?", t)
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    ap = (m.group(3) or "").replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return None
    return time(h, mi)


def resolve(expr: TimeExpr, ref: datetime | date) -> date | None:
    """The calendar day `expr` points at, seen from `ref`; None when it names no day (vague, period, clock only)."""
    resolver = _RESOLVERS.get(expr.kind)
    if resolver is None:
        return None
    today = ref.date() if isinstance(ref, datetime) else ref
    # the patterns match case-insensitively, so "Frıday" (dotless i) or "Tueſday" (long s) is a weekday too:
    # fold those letters to ASCII before looking names up
    g = {k: v.translate(ODD_LETTERS) if isinstance(v, str) else v for k, v in dict(expr.data).items()}
    return resolver(g, fold(expr.text), today, ref)


def _resolve_date(g: dict, low: str, today: date, ref) -> date | None:
    year = g.get("year")
    if year and len(year) == 2:
        year = "20" + year
    if g.get("a") and g.get("b"):
        return _slash_date(int(g["a"]), int(g["b"]), year, today)
    if g.get("mon"):
        try:
            return date(int(year), int(g["mon"]), int(g["day"]))
        except (ValueError, TypeError):
            return None
    day = int(g["day"])
    if g.get("month"):
        month = MONTHS[g["month"].lower().rstrip(".")]
        if year:
            try:
                return date(int(year), month, day)
            except ValueError:
                return None
        return _nearest_year(month, day, today)
    # "by the 14th": this month, or next month when that day has passed
    for k in range(0, 3):
        y, mth = today.year + (today.month - 1 + k) // 12, (today.month - 1 + k) % 12 + 1
        try:
            d = date(y, mth, day)
        except ValueError:
            continue
        if d >= today:
            return d
    return None


def _slash_date(a: int, b: int, year: str | None, today: date) -> date | None:
    """'12/05': read as US month/day and as day/month, and take the reading nearer to `today`."""
    options = []
    for mon, day in ((a, b), (b, a)):  # US month/day first, then day/month
        if 1 <= mon <= 12:
            try:
                options.append(date(int(year), mon, day) if year else _nearest_year(mon, day, today))
            except ValueError:
                pass
    options = [o for o in options if o]
    if not options:
        return None
    return min(options, key=lambda d: abs((d - today).days))


def _resolve_weekday(g: dict, low: str, today: date, ref) -> date:
    name = g["wd"].lower()
    wd = WEEKDAYS[name.rstrip("s")] if name.rstrip("s") in WEEKDAYS else WEEKDAYS[name]
    rel = (g.get("rel") or "").lower()
    ahead = (wd - today.weekday()) % 7
    if rel == "last":
        return today - timedelta(days=(today.weekday() - wd) % 7 or 7)
    if rel == "next":
        monday_next = today + timedelta(days=7 - today.weekday())
        return monday_next + timedelta(days=wd)
    if rel.startswith("this") and ahead == 0:
        return today
    return today + timedelta(days=ahead or 7)


def _resolve_day(g: dict, low: str, today: date, ref) -> date:
    if "day after tomorrow" in low:
        return today + timedelta(days=2)
    if "business day" in low or "working day" in low:
        return today + timedelta(days={4: 3, 5: 2}.get(today.weekday(), 1))
    if low.lstrip().startswith(("in the morning", "early in the morning")) and isinstance(ref, datetime) and \
            ref.hour >= 10:
        return today + timedelta(days=1)
    if "tomorrow" in low or "tmr" in low:
        return today + timedelta(days=1)
    return today


def _resolve_eod(g: dict, low: str, today: date, ref) -> date:
    if "tomorrow" in low:
        return today + timedelta(days=1)
    if "week" in low or "eow" in low:
        return today + timedelta(days=(4 - today.weekday()) % 7)
    m = re.search(_MONTH, low)
    if m and "end of" in low:
        month = MONTHS[m.group("month").rstrip(".")]
        y = today.year + (1 if month < today.month else 0)
        nxt = date(y + (month == 12), month % 12 + 1, 1)
        return nxt - timedelta(days=1)
    if "month" in low or "eom" in low:
        nxt = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return today


def _resolve_duration(g: dict, low: str, today: date, ref) -> date | None:
    n = _number(g.get("n2")) or _number(g.get("n"))
    unit = (g.get("unit") or low).lower()
    if n is None:
        return None
    if unit.startswith(("min", "h")):
        return (datetime.combine(today, ref.time() if isinstance(ref, datetime) else time(9))
                + timedelta(hours=n if unit.startswith("h") else n / 60)).date()
    if unit.startswith("day"):
        if g.get("bus") and g["bus"].strip().lower() in ("business", "working"):
            return add_business_days(today, int(n))
        return today + timedelta(days=int(n))
    if unit.startswith("week"):
        return today + timedelta(weeks=n)
    if unit.startswith("month"):
        return today + timedelta(days=int(30 * n))
    return None


def _resolve_week(g: dict, low: str, today: date, ref) -> date | None:
    if "week of" in low or "beginning" in low or "starting" in low or "commencing" in low:
        m = re.search(r"([0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH, low)
        if m:
            return _nearest_year(MONTHS[m.group("month").rstrip(".")], int(m.group(1)), today)
        return None
    if "weekend" in low:
        sat = today + timedelta(days=(5 - today.weekday()) % 7)
        return sat + timedelta(days=7) if low.startswith("next") else sat
    monday_this = today - timedelta(days=today.weekday())
    if low.startswith("next") or "following" in low:
        return monday_this + timedelta(days=11)  # the Friday of next week
    return monday_this + timedelta(days=4)


_RESOLVERS = {"date": _resolve_date, "weekday": _resolve_weekday, "day": _resolve_day, "eod": _resolve_eod,
              "duration": _resolve_duration, "week": _resolve_week}


def resolve_clock(expr: TimeExpr) -> time | None:
    return _clock_of(expr.text) if expr.kind == "clock" else None


def deadline(exprs: list[TimeExpr], ref: datetime | date) -> tuple[date | None, time | None, TimeExpr | None]:
    """The day (and clock time, when one is given) a group of expressions in one clause points at.

    The most specific dated expression wins; a clock time without a day means the reference day only when
    "today"/"tonight"/"this afternoon" (or nothing else) is said.
    """
    day, clock, which = None, None, None
    rank = {"date": 0, "weekday": 1, "day": 2, "eod": 3, "week": 4, "duration": 5}
    best = None
    for e in exprs:
        if e.kind == "clock":
            clock = clock or resolve_clock(e)
            continue
        if not e.concrete or e.kind not in rank:
            continue
        d = resolve(e, ref)
        if d is not None and (best is None or rank[e.kind] < rank[best.kind]):
            day, which, best = d, e, e
    return day, clock, which


def reference_time(d: datetime | date | None) -> datetime | None:
    """The message's date as the moment deadlines are judged from: a bare day counts from 9:00."""
    if d is None or isinstance(d, datetime):
        return d
    return datetime.combine(d, time(9))


def fmt_day(d: date, ref: date | None = None) -> str:
    """'Thursday 26 November' (with the year when it differs from the reference's)."""
    s = f"{d.strftime('%A')} {d.day} {d.strftime('%B')}"
    if ref is None or d.year != ref.year:
        s += f" {d.year}"
    return s


def example_day(ref: datetime | date | None, business_days: int = 2) -> str:
    """A plausible concrete day to suggest: `business_days` working days after the message date."""
    if ref is None:
        ref = date.today()
    base = ref.date() if isinstance(ref, datetime) else ref
    return _example_day(base, business_days)


@lru_cache(maxsize=256)
def _example_day(base: date, business_days: int) -> str:
    """example_day for a calendar day: the same few message dates are asked for once per commitment."""
    d = add_business_days(base, business_days)
    return f"{d.strftime('%A')} {d.day} {d.strftime('%B')}"


_ATTR_DATE_FORMATS = ("%a, %b %d, %Y %I:%M %p", "%a, %b %d, %Y", "%A, %B %d, %Y %I:%M %p", "%A, %B %d, %Y",
                      "%d %B %Y %H:%M", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%Y-%m-%d %H:%M", "%Y-%m-%d")


def parse_loose_date(s: str | None) -> datetime | None:
    """A date as mail clients write it in attributions ("Mon, Nov 9, 2026 at 2:12 PM", "Friday, November 13,
    2026 7:12 AM", RFC 5322 dates). None when it cannot be read."""
    if not s:
        return None
    s = s.strip()
    from email.utils import parsedate_to_datetime
    try:
        d = parsedate_to_datetime(s)
        if d is not None:
            return d
    except (TypeError, ValueError, IndexError):
        pass
    t = re.sub(r"\s+at\s+", " ", s)
    t = re.sub(r"\s+", " ", t).strip().rstrip(",")
    for f in _ATTR_DATE_FORMATS:
        try:
            return datetime.strptime(t, f)
        except ValueError:
            continue
    for e in find_times(s):
        if e.kind == "date" and dict(e.data).get("year"):
            d = resolve(e, date.today())
            if d:
                return datetime.combine(d, time(12))
    return None
