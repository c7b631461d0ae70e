"""Sentences that put a scheduled event (events.py: a delivery window, a booking, a visit, an appointment, a
collection slot, a call) on a named day or at a clock time still ahead of the message's date.

Such a sentence is a next step in itself, and it makes the times and work that hang on the event concrete ("our
crew will unpack everything on the day"). Kept apart from events.py because it needs timexpr, which builds its
event-relative times from events.py's words.
"""
from __future__ import annotations

import re
from datetime import datetime

from ..literal import fold, search
from . import timexpr
from .events import EVENT_IN_PAST, EVENT_MENTION, MEETING_MENTION, NO_AVAILABILITY, READERS_OWN_EVENT, TIME_ACCEPTED
from .hedges import HEDGES


# a meeting the sender only tries or hopes to arrange ("should" and "may" are left out: "You should get an invite
# for Tuesday's call at 3pm" is a meeting)
_MAYBE = re.compile(r"\b(?:try(?:ing)?\s+(?:to|and)|hope\s+to|hoping\s+to|hopefully|aim(?:ing)?\s+to|"
                    r"if\s+(?:at\s+all\s+)?possible|see\s+(?:if|whether)|might|maybe|perhaps)\b", re.I)


def scheduled_events(sentences, ref: datetime | None) -> list[str]:
    """The sentences that date an event of this reader's own (not a policy: "Deliveries run Monday to Friday")."""
    out = []
    for text, dating in _with_details(sentences):
        low = fold(text)
        if not search(EVENT_MENTION, text, low) or not search(READERS_OWN_EVENT, text, low) or \
                search(EVENT_IN_PAST, text, low) or HEDGES.search(text) or NO_AVAILABILITY.search(text):
            continue            # a hedged booking ("we should be able to book you in before Christmas") is a maybe
        if _dated(dating, ref):
            out.append(text.strip())
    return out


def scheduled_meetings(sentences, ref: datetime | None) -> list[str]:
    """The sentences that date a meeting of any kind, the reader's own or not ("Let's meet on Tuesday at 2pm"), or
    accept a time for one ("Thursday 18 March at 14:00 suits")."""
    out = []
    for text, dating in _with_details(sentences):
        low = fold(text)
        if not (search(MEETING_MENTION, text, low) or TIME_ACCEPTED.match(text)) or \
                search(EVENT_IN_PAST, text, low) or _MAYBE.search(text) or NO_AVAILABILITY.search(text):
            continue            # "I'll try to get Sam to give you a call next week": a maybe, not a meeting
        if _dated(dating, ref):
            out.append(text.strip())
    return out


def _with_details(sentences) -> list[tuple[str, str]]:
    """(sentence, the text that may date it): a label line ending in a colon is dated by the line after it
    ("Details for the evening meeting:" above "Wednesday 14 October, 7.30pm")."""
    texts = list(sentences)
    return [(text, text + " " + texts[k + 1] if text.rstrip().endswith(":") and k + 1 < len(texts) else text)
            for k, text in enumerate(texts)]


def _dated(text: str, ref: datetime | None) -> bool:
    """The sentence names a day or a clock time (not "on Fridays" or "every week", not a duration) that is not
    already past."""
    times = [t for t in timexpr.find_times(text)
             if t.concrete and t.kind not in ("anaphor", "event", "duration", "recurring")
             and not (t.kind == "weekday" and t.text.lower().rstrip().endswith("days"))]   # "on Fridays"
    if not times:
        return False
    if ref is not None:
        day, _, _ = timexpr.deadline(times, ref)
        if day is not None and day < ref.date():
            return False
    return True
