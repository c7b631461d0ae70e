"""How much one file may hold (issue 17): every input is read and checked within about a second, or refused at once
with a one-line reason, and the cost of a file grows with its size, never faster.

The figures leave room: the longest drafts and pages are tens of kilobytes. Checking runs at roughly 2-3 µs per
character of judged text and the Markdown and HTML readers at 1-2 µs per byte (benchmarks/RESULTS.md, issue 17),
so these limits keep any file near a second; the time budget (tonecheck.budget) stops anything the limits miss.
"""
from __future__ import annotations

import re

from ..model import Document, InputError, Piece, SourceMap

MAX_BYTES = 1_000_000          # a .txt, .md or .html file; an email without its attachments (readers/emlbound.py)
MAX_TEXT = 300_000             # characters of judged text
MAX_FILE = 100_000_000         # any file, attachments and all: not even read past this
MAX_LINE = 2_000               # characters of judged text on one line (see break_long_lines)
_LONG_LINE = re.compile(r"[^\n]{%d,}" % (MAX_LINE + 1))
_BREAK_AT = re.compile(r" (?=[\w\"'\u201c\u2018(])")


def check_bytes(n: int, what: str = "") -> None:
    """InputError when `n` bytes are more than a reader takes."""
    if n > MAX_BYTES:
        raise InputError(f"too large to check: {n / 1e6:.1f} MB{what} (the limit is {MAX_BYTES / 1e6:g} MB)")


def check_text(n: int) -> None:
    """InputError when `n` characters of judged text are more than the checks take."""
    if n > MAX_TEXT:
        raise InputError(f"too long to check: {n:,} characters of text to judge (the limit is {MAX_TEXT:,})")


def check_file_size(n: int) -> None:
    """InputError, before reading, for a file no email or page comes near."""
    if n > MAX_FILE:
        raise InputError(f"too large to check: {n / 1e6:.0f} MB (the limit is {MAX_FILE / 1e6:g} MB)")


def break_long_lines(doc: Document) -> None:
    """Turn a space into a line break about every MAX_LINE // 2 characters of each line of the judged text longer
    than MAX_LINE (before a word or a quotation mark, so the new line never starts like a bullet).

    Analyses that read a hit's whole line (is it inside a quotation?) did so for every hit, so one endless line made
    a check quadratic (issue 17); hard line breaks are read as spaces by the sentence analysis anyway
    (analysis/layout.py). The text keeps its length, so offsets stay; each changed character gets a source piece
    of its own that is not verbatim (the file has a space there), so the source map stays truthful."""
    text = doc.text
    if len(text) <= MAX_LINE or _LONG_LINE.search(text) is None:
        return
    breaks: list[int] = []
    for m in _LONG_LINE.finditer(text):
        pos = m.start() + MAX_LINE // 2
        while pos < m.end() - MAX_LINE // 4:
            b = _BREAK_AT.search(text, pos, min(m.end(), pos + MAX_LINE // 4))
            pos = b.start() + MAX_LINE // 2 if b else pos + MAX_LINE // 4
            if b:
                breaks.append(b.start())
    if breaks:
        chars = list(text)
        for i in breaks:
            chars[i] = "\n"
        doc.text = "".join(chars)
        doc.source_map = _split_pieces(doc.source_map, breaks)


def _split_pieces(smap: SourceMap, breaks: list[int]) -> SourceMap:
    """The source map with each offset in `breaks` (sorted) cut out of its verbatim piece as a piece of its own."""
    todo = set(breaks)
    out: list[Piece] = []
    for p in smap.pieces:
        inside = sorted(i for i in range(p.start, p.end) if i in todo) if p.verbatim and todo else []
        start = p.start
        for i in inside:
            if i > start:
                out.append(Piece(start, i, p.line, p.column + start - p.start, True))
            out.append(Piece(i, i + 1, p.line, p.column + i - p.start, False))
            start = i + 1
        if not inside:
            out.append(p)
        elif start < p.end:
            out.append(Piece(start, p.end, p.line, p.column + start - p.start, True))
    return SourceMap(out, default_line=smap.default_line)
