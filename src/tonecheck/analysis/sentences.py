"""Sentences of a spaCy Doc, computed once per Doc: every check and analysis asks for them, and spaCy rebuilds
each sentence Span (and re-joins its text) on every access."""
from __future__ import annotations

import bisect


def sentences(doc) -> list:
    """doc.sents, computed once per Doc (spaCy rebuilds every sentence Span on each access)."""
    cached = doc.user_data.get("tonecheck_sents")
    if cached is None:
        cached = doc.user_data["tonecheck_sents"] = list(doc.sents)
    return cached


def sentence_spans(doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of every sentence, computed once per Doc; slice the judged text with them rather
    than calling Span.text, which re-joins the sentence's tokens on every access."""
    cached = doc.user_data.get("tonecheck_sent_spans")
    if cached is None:
        cached = doc.user_data["tonecheck_sent_spans"] = [(s.start_char, s.end_char) for s in sentences(doc)]
    return cached


def _length(doc) -> int:
    """len(doc.text) without re-joining every token (spaCy's Doc.text does that on each access)."""
    n = doc.user_data.get("tonecheck_len")
    if n is None:
        last = doc[-1] if len(doc) else None
        n = doc.user_data["tonecheck_len"] = last.idx + len(last.text_with_ws) if last is not None else 0
    return n


def sentence_of(doc, start: int, end: int):
    """The sentence holding the character range [start, end) (the one its first character falls in)."""
    sents = sentences(doc)
    if not sents or start >= _length(doc):
        return None
    starts = doc.user_data.get("tonecheck_sent_starts")
    if starts is None:
        starts = doc.user_data["tonecheck_sent_starts"] = [s.start_char for s in sents]
    i = bisect.bisect_right(starts, start) - 1
    return sents[max(i, 0)]
