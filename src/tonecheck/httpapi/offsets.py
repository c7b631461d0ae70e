"""Positions as LanguageTool clients count them.

Why a module of its own: tonecheck counts code points of the judged text and reports 1-based (line, column) in
the source; a LanguageTool client (a Java server's client: the browser extension, LTeX, language_tool_python)
counts UTF-16 code units of the text it sent, markup included. Everything that converts between the two lives
here, so the app and the response shape never do arithmetic on offsets.

Annotated text (LanguageTool's `data` parameter) is a list of parts, each {"text": ...} or {"markup": ...,
"interpretAs": ...}. Only the text (and what markup is to be read as) is checked; positions in the answer refer to
the whole original, markup included, as LanguageTool's AnnotatedText does: a client that sent HTML gets offsets
into its HTML.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass


class AnnotationError(ValueError):
    """`data` is not LanguageTool's annotated text; str() says what is wrong with it."""


def utf16_len(s: str) -> int:
    """Length of `s` in UTF-16 code units (a character beyond the BMP, e.g. most emoji, counts 2)."""
    return len(s) + sum(1 for c in s if ord(c) > 0xFFFF)


class Utf16Index:
    """Code-point offsets of one string to UTF-16 offsets, in O(log n) per lookup."""

    def __init__(self, text: str):
        self._wide = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]   # code-point offsets of 2-unit characters

    def units(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._wide, offset)


def line_starts(text: str) -> list[int]:
    """Code-point offset of each line's start, lines split on "\\n" as tonecheck's text reader splits them."""
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def offset_at(starts: list[int], text_len: int, line: int, column: int) -> int:
    """Code-point offset of a 1-based (line, column), clamped to the text."""
    if not starts:
        return 0
    li = min(max(line, 1), len(starts)) - 1
    return min(max(starts[li] + column - 1, 0), text_len)


@dataclass
class Annotated:
    """What is checked (`plain`) and where each of its characters stands in the original (`original`)."""
    plain: str
    original: str
    _plain_starts: list[int]        # start in `plain` of each segment
    _orig_starts: list[int]         # start in `original` of each segment
    _verbatim: list[bool]           # whether the segment is text (one-to-one) or markup read as something

    @classmethod
    def from_text(cls, text: str) -> "Annotated":
        return cls(text, text, [0], [0], [True])

    @classmethod
    def from_parts(cls, parts) -> "Annotated":
        """From the `annotation` list of LanguageTool's `data`; AnnotationError for anything else."""
        plain, original = [], []
        p_starts, o_starts, verbatim = [], [], []
        p = o = 0
        for i, part in enumerate(parts):
            if not isinstance(part, dict):
                raise AnnotationError(f"annotation[{i}] is not an object")
            text, markup, read_as = part.get("text"), part.get("markup"), part.get("interpretAs", "")
            if (text is None) == (markup is None) or not isinstance(text if text is not None else markup, str) \
                    or not isinstance(read_as, str):
                raise AnnotationError(f"annotation[{i}] needs a string 'text' or a string 'markup' "
                                      "(with an optional string 'interpretAs')")
            shown, source = (text, text) if text is not None else (read_as, markup)
            p_starts.append(p)
            o_starts.append(o)
            verbatim.append(text is not None)
            plain.append(shown)
            original.append(source)
            p += len(shown)
            o += len(source)
        return cls("".join(plain), "".join(original), p_starts, o_starts, verbatim)

    def to_original(self, offset: int, is_end: bool = False) -> int:
        """The code-point offset in the original of a plain offset. A start belongs to the segment that begins at
        or before it, an end to the one that begins before it (so neither lands inside markup next to it); inside
        markup read as something (a <p> read as a blank line) a start maps to the markup's start, an end to its end."""
        find = bisect.bisect_left if is_end else bisect.bisect_right
        i = max(find(self._plain_starts, offset) - 1, 0)
        delta = offset - self._plain_starts[i]
        if self._verbatim[i]:
            return self._orig_starts[i] + delta
        end = self._orig_starts[i + 1] if i + 1 < len(self._orig_starts) else len(self.original)
        return end if is_end and delta > 0 else self._orig_starts[i]
