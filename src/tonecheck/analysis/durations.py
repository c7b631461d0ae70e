"""Durations as written in English: '24 hours', '1 business day', 'two weeks', 'a day', '24h', '48-hour',
'3 to 5 working days', '7 banking days'.

    parse_duration("2 working days")      # Duration(2, 2, "bday")
    find_durations(text)                  # every duration in a text, with whether it modifies a noun
    compare(found, promised)              # whether a figure agrees with a promised one
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-one": 21,
    "twenty-four": 24, "thirty": 30, "forty": 40, "forty-five": 45, "forty-eight": 48, "fifty": 50, "sixty": 60,
    "seventy-two": 72, "ninety": 90, "hundred": 100, "a couple of": 2, "couple of": 2, "a single": 1,
}
_UNIT_HOURS = {"minute": 1 / 60, "hour": 1.0, "day": 24.0, "bday": 24.0, "week": 168.0, "month": 720.0, "year": 8760.0}

_NUM = (r"(?:\d+(?:\.\d+)?|a\s+couple\s+of|couple\s+of|a\s+single|twenty-one|twenty-four|forty-five|forty-eight|"
        r"seventy-two|" + "|".join(sorted((w for w in _NUMBER_WORDS if " " not in w and "-" not in w),
                                          key=len, reverse=True)) + ")")
_UNIT = (r"(?:(?P<{p}q>business|working|work|banking)[\s-]+)?"
         r"(?P<{p}u>minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?)")
_DURATION_RE = re.compile(
    r"(?<![\w.-])(?:(?P<lo>" + _NUM + r")\s*(?:-|–|—|to|or)\s*)?(?P<n>" + _NUM + r")(?P<sep>[\s-]*)"
    + _UNIT.format(p="") + r"(?![\w])"
    r"|(?<![\w.-])(?P<hn>\d+)\s?(?P<hu>h|hrs?)\b",
    re.IGNORECASE)

# what may precede a duration that is the whole of a promise's `within` ("within 24 hours")
_LEADS = ("", "within", "in", "up to", "under", "less than")

# a word after a singular-unit duration that does not make it a modifier ("a day or less", "48 hours for you")
_FUNCTION_WORD = re.compile(
    r"\s*(?:and|or|to|of|from|for|after|before|in|on|at|by|with|if|when|so|every|each|the|a|an|your|our|this|"
    r"that|as|then|but|via|please|we|you|i|it|they|he|she|max|maximum|or\s+less|at\s+most)\b", re.I)
_NEXT_WORD = re.compile(r"\s*[A-Za-z]")


@dataclass(frozen=True)
class Duration:
    """A duration or a range of them, in one unit (minute | hour | day | bday | week | month | year)."""
    lo: float
    hi: float
    unit: str
    text: str = ""

    @property
    def is_range(self) -> bool:
        return self.lo != self.hi

    def hours(self, value: float, other_unit: str | None = None) -> float:
        """Hours, where a business day counts as 24 hours (a day) and a week, against business days, as 5 of them."""
        if self.unit == "week" and other_unit == "bday":
            return value * 5 * 24.0
        return value * _UNIT_HOURS[self.unit]

    def __str__(self) -> str:
        return self.text


def _num(s: str) -> float | None:
    s = re.sub(r"\s+", " ", s.strip().lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    return _NUMBER_WORDS.get(s)


def _unit(word: str, qualifier: str | None) -> str:
    w = word.lower().rstrip("s")
    if w in ("hour", "hr", "h"):
        return "hour"
    if w in ("minute", "min"):
        return "minute"
    if w in ("week", "wk"):
        return "week"
    if w in ("month", "year"):
        return w
    return "bday" if qualifier else "day"


def _from_match(m: re.Match) -> Duration | None:
    if m.group("hn"):
        v = float(m.group("hn"))
        return Duration(v, v, "hour", m.group(0))
    n = _num(m.group("n"))
    if n is None:
        return None
    lo = _num(m.group("lo")) if m.group("lo") else n
    if lo is None or lo > n:
        return None
    return Duration(lo, n, _unit(m.group("u"), m.group("q")), m.group(0))


def parse_duration(text: str) -> Duration | None:
    """'24 hours', '1 business day', 'two weeks', 'a day', '24h', '48-hour', '3 to 5 working days', '60 minutes'
    -> Duration."""
    s = text.strip()
    m = _DURATION_RE.fullmatch(s)
    if not m:
        m = _DURATION_RE.search(s)
        if not m or s[:m.start()].strip().lower() not in _LEADS:
            return None
    return _from_match(m)


def _is_adjectival(m: re.Match, d: Duration, text: str) -> bool:
    """"14-day trip", "48 hour turnaround": a singular unit followed by a word (not a function word) modifies it."""
    unit = m.group("u")
    if not unit or unit.lower().endswith("s"):
        return False
    if "-" not in m.group("sep") and (d.hi == 1 or m.group("n").lower() in ("a", "an")):
        return False
    return bool(_NEXT_WORD.match(text, m.end())) and not _FUNCTION_WORD.match(text, m.end())


def find_durations(text: str) -> list[tuple[int, int, Duration, bool]]:
    """Every duration in `text`: (start, end, Duration, adjectival) — adjectival for "14-day trip" style modifiers."""
    out = []
    for m in _DURATION_RE.finditer(text):
        d = _from_match(m)
        if d is not None and not _rate(text, m.start(), m.end()):
            out.append((m.start(), m.end(), d, _is_adjectival(m, d, text)))
    return out


_PER = re.compile(r"\s+(?:a|per|each|every)\s+(?:day|week|month|year)\b", re.I)
_COUNTED = re.compile(r"\b(?:days?|hours?|nights?|times?)\s+$", re.I)


def _rate(text: str, s: int, e: int) -> bool:
    """Part of a rate, not a length of time: "seven days a week", "24 hours a day" (both the count and the "a
    week" after it)."""
    return _PER.match(text, e) is not None or _COUNTED.search(text[max(0, s - 12):s]) is not None


def not_longer(found: Duration, promised: Duration) -> bool:
    """`found` is no longer than the promise: a deadline we set ourselves ("we reply within 2 hours" against 24
    hours) keeps it."""
    return found.hours(found.hi, promised.unit) <= promised.hours(promised.hi, found.unit) + 1e-6


def compare(found: Duration, promised: Duration) -> bool:
    """True when `found` agrees with the promise.

    A single figure agrees when it is the same length of time; a range agrees unless its upper end exceeds the
    promise. A business (working) day counts as one day, i.e. 24 hours: "1 business day" agrees with "24 hours" and
    "a day", not with "48 hours"; against business days a week counts as 5 of them.
    """
    eps = 1e-6
    p = promised.hours(promised.hi, found.unit)
    hi = found.hours(found.hi, promised.unit)
    if found.is_range:
        return hi <= p + eps
    return abs(hi - p) <= eps
