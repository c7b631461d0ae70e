"""Time expressions: finding them in running text and resolving them against the email's date."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from tonecheck.analysis.timexpr import add_business_days, find_times, fmt_day, parse_loose_date, resolve

THU_31_DEC = datetime(2026, 12, 31, 10, 0)
MON_16_NOV = datetime(2026, 11, 16, 9, 0)


def one(text, kind=None):
    found = find_times(text)
    assert found, f"no time expression in {text!r}"
    if kind:
        found = [t for t in found if t.kind == kind]
        assert found, f"no {kind} in {text!r}: {find_times(text)}"
    return found[0]


@pytest.mark.parametrize("text,ref,expected", [
    ("by Monday", THU_31_DEC, date(2027, 1, 4)),                  # across the year end
    ("on Friday", THU_31_DEC, date(2027, 1, 1)),
    ("tomorrow", THU_31_DEC, date(2027, 1, 1)),
    ("within 2 business days", THU_31_DEC, date(2027, 1, 4)),     # Fri 1 Jan, (weekend), Mon 4 Jan
    ("5 January", THU_31_DEC, date(2027, 1, 5)),                  # nearest year: next year
    ("by the end of the month", THU_31_DEC, date(2026, 12, 31)),
    ("next week", THU_31_DEC, date(2027, 1, 8)),
    ("on Thursday", THU_31_DEC, date(2027, 1, 7)),               # same weekday: a week later
    ("by 30 November", datetime(2026, 11, 28), date(2026, 11, 30)),
    ("in 48 hours", datetime(2026, 11, 30, 12), date(2026, 12, 2)),  # across a month end
    ("13 November", datetime(2026, 11, 20), date(2026, 11, 13)),  # a week ago, not next year
    ("Friday, 13 November", MON_16_NOV, date(2026, 11, 13)),
    ("Dec 5th", MON_16_NOV, date(2026, 12, 5)),
    ("2027-02-01", MON_16_NOV, date(2027, 2, 1)),
    ("by the 28th", MON_16_NOV, date(2026, 11, 28)),
    ("by the 3rd", datetime(2026, 11, 20), date(2026, 12, 3)),
    ("next Tuesday", MON_16_NOV, date(2026, 11, 24)),
    ("end of play", MON_16_NOV, date(2026, 11, 16)),
    ("EOD tomorrow", MON_16_NOV, date(2026, 11, 17)),
    ("this weekend", MON_16_NOV, date(2026, 11, 21)),
    ("within 5 working days", datetime(2026, 11, 27), date(2026, 12, 4)),
])
def test_resolves(text, ref, expected):
    t = one(text)
    assert t.concrete
    assert resolve(t, ref) == expected


@pytest.mark.parametrize("text,kind", [
    ("I'll call you at 2pm", "clock"), ("by 10:30", "clock"), ("before noon", "clock"),
    ("by COB", "eod"), ("by EOD", "eod"), ("by close of business", "eod"), ("before we close tonight", "eod"),
    ("this afternoon", "day"), ("tonight", "day"), ("first thing tomorrow", "day"), ("later today", "day"),
    ("the same day", "anaphor"), ("that same day", "anaphor"),
    ("that afternoon", "anaphor"), ("on the day it arrives", "anaphor"),
    ("I'll call you then.", "anaphor"), ("during the week of 7 December", "week"),
    ("within 24 hours", "duration"), ("in 3 to 5 business days", "duration"),
])
def test_concrete_kinds(text, kind):
    t = one(text, kind)
    assert t.concrete


@pytest.mark.parametrize("text", [
    "soon", "shortly", "ASAP", "as soon as possible", "in due course", "in the coming days", "in the coming weeks",
    "at some point", "later", "when we can", "when things calm down", "when stock allows",
    "as soon as the return is scanned", "in a few days", "before long", "at a later date",
    "when we get a quiet afternoon", "when I get a spare moment", "once the supplier gives us a firm date",
    "once he's back down this way",
])
def test_vague(text):
    found = find_times(f"We'll send it {text}.")
    assert found and all(not t.concrete for t in found), found


@pytest.mark.parametrize("text", ["next month", "in the spring", "later this month", "in Q3", "early next year"])
def test_periods_are_not_concrete(text):
    assert all(not t.concrete for t in find_times(text))


@pytest.mark.parametrize("text", ["by mid-December", "in January", "in early October", "during March"])
def test_a_named_month_is_a_window_the_reader_can_plan_around(text):
    found = find_times(f"We'll send it {text}.")
    assert found and all(t.concrete for t in found), found


def test_longest_match_wins():
    kinds = [t.kind for t in find_times("I'll send it later today.")]
    assert kinds == ["day"]


@pytest.mark.parametrize("text", ["24/7 support", "May I ask a question", "I sat down", "the 2 of us", "version 4.12"])
def test_not_times(text):
    assert [t for t in find_times(text) if t.concrete] == []


def test_business_days_skip_weekends():
    assert add_business_days(date(2026, 11, 20), 1) == date(2026, 11, 23)


def test_format_and_attribution_dates():
    assert fmt_day(date(2027, 1, 4), date(2026, 12, 31)) == "Monday 4 January 2027"
    assert fmt_day(date(2026, 11, 26), date(2026, 11, 16)) == "Thursday 26 November"
    assert parse_loose_date("Mon, Nov 9, 2026 at 2:12 PM") == datetime(2026, 11, 9, 14, 12)
    assert parse_loose_date("Friday, November 13, 2026 7:12 AM") == datetime(2026, 11, 13, 7, 12)
    assert parse_loose_date("Thu, 12 Nov 2026 11:48:00 -0700").day == 12
    assert parse_loose_date("not a date") is None


@pytest.mark.parametrize("text", ["on the morning of delivery", "on the day", "on arrival", "when the van arrives",
                                  "at the start of the visit", "as soon as the crew arrives"])
def test_event_relative_times(text):
    found = find_times(f"We'll unpack it {text}.")
    assert [t.kind for t in found] == ["event"] and not found[0].concrete


def test_event_relative_never_beats_a_concrete_anaphor():
    assert [t.kind for t in find_times("on the morning of the visit")] == ["anaphor"]
    assert [t.kind for t in find_times("on the day it arrives")] == ["anaphor"]


@pytest.mark.parametrize("text,indef", [("at some point", True), ("sometime", True), ("eventually", True),
                                        ("before long", True), ("once things quieten down", True),
                                        ("soon", False), ("in January", False)])
def test_indefinite(text, indef):
    from tonecheck.analysis.timexpr import indefinite
    assert any(indefinite(t) for t in find_times(f"We'll do it {text}.")) == indef


@pytest.mark.parametrize("text,expected", [
    ("on Fr\u0131day", date(2027, 1, 1)),          # dotless i
    ("by Tue\u017fday", date(2027, 1, 5)),         # long s
    ("\u0130N 2 DAYS", date(2027, 1, 2)),          # dotted capital I
    ("by 5 Jan", date(2027, 1, 5)),
])
def test_letters_ignorecase_equates_with_ascii_resolve(text, expected):
    """re.IGNORECASE lets "Frıday" match the weekday pattern; resolving it once raised KeyError: 'frıday'."""
    assert resolve(one(text), THU_31_DEC) == expected


def test_a_slot_refused_is_weighed_but_a_slot_accepted_is_a_time():
    from tonecheck.analysis import timexpr
    assert not timexpr.find_times("If 8am doesn't work, call me.")
    assert [t.text for t in timexpr.find_times("Tuesday works for me.")] == ["Tuesday"]
    assert [t.text for t in timexpr.find_times("Ring me on 086 555 0127 before 17:00.")] == ["before 17:00"]


@pytest.mark.parametrize("text,found", [
    ("I'll book it for the second week of January.", "for the second week of January"),
    ("We'll send it in the last fortnight of June.", "in the last fortnight of June"),
    ("I'll email you after each check until it is released.", "after each check"),
    ("We will check yours on the day you tell us.", "on the day you tell us"),
])
def test_a_named_stretch_of_a_month_a_repeated_check_and_the_readers_day_are_times(text, found):
    assert [t.text for t in find_times(text)] == [found]


def test_a_weekday_naming_a_kind_of_event_is_not_a_time():
    assert [t.text for t in find_times("once Orla has confirmed the hall for the extra Saturday class")] == \
        ["once Orla has confirmed"]
    assert [t.text for t in find_times("We run a Saturday class for beginners.")] == []
    assert [t.text for t in find_times("I will book you into the next Saturday slot.")] == ["next Saturday"]
    assert [t.text for t in find_times("We will send it with the Friday delivery.")] == ["Friday"]
