"""Markdown pages: the prose only (no front matter, code, URLs or markup), each run mapped to its exact column.

A small line-based parser rather than a Markdown library: renderers throw away source positions, and we need
every kept character's line and column. It covers what web copy uses (CommonMark blocks, GFM tables, links,
images, emphasis, inline code, HTML comments) and errs on the side of keeping text.
"""
from __future__ import annotations

import html as _html
import re

from ..model import Context, Document, Piece, Region, Suppression
from .html import parse_suppression
from .mapped import Builder, MText
from .text import decode_file

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
INDENT_CODE = re.compile(r"^(?: {4}|\t)")
HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$")
THEMATIC = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
LIST_ITEM = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+(?:\[[ xX]\][ \t]+)?)(.*)$")
BLOCKQUOTE = re.compile(r"^(?: {0,3}>[ \t]?)+")
LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
DELIM_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
COMMENT_INLINE = re.compile(r"<!--.*?-->")
BARE_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]*_]")
PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _match_bracket(s: str, i: int, open_c: str, close_c: str) -> int:
    """Index of the bracket closing s[i] (== open_c), or -1."""
    depth = 0
    j = i
    while j < len(s):
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "`":
            k = j
            while k < len(s) and s[k] == "`":
                k += 1
            end = s.find(s[j:k], k)
            j = (end + (k - j)) if end >= 0 else k
            continue
        if c == open_c:
            depth += 1
        elif c == close_c:
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def inline(s: str, line: int, col: int) -> MText:
    """The readable text of one line of Markdown inline content; col is the column of s[0]."""
    out: list[tuple[str, int, bool]] = []  # (text, column, verbatim)

    def emit(text: str, c: int, verbatim: bool = True) -> None:
        out.append((text, c, verbatim))

    def sub(a: int, b: int) -> None:
        m = inline(s[a:b], line, col + a)
        for p in m.pieces:
            out.append((m.text[p.start:p.end], p.column, p.verbatim))

    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c == "\\" and i + 1 < n and s[i + 1] in PUNCT:
            emit(s[i + 1], col + i + 1)
            i += 2
            continue
        if c == "`":
            k = i
            while k < n and s[k] == "`":
                k += 1
            ticks = s[i:k]
            j = k
            end = -1
            while True:
                j = s.find(ticks, j)
                if j < 0:
                    break
                e = j + len(ticks)
                if (e < n and s[e] == "`") or s[j - 1] == "`":
                    j = e
                    while j < n and s[j] == "`":
                        j += 1
                    continue
                end = e
                break
            if end < 0:
                emit(ticks, col + i)
                i = k
            else:
                i = end
            continue
        if c == "!" and i + 1 < n and s[i + 1] == "[":
            close = _match_bracket(s, i + 1, "[", "]")
            if close > 0 and close + 1 < n and s[close + 1] in "([":
                tgt = _match_bracket(s, close + 1, s[close + 1], ")" if s[close + 1] == "(" else "]")
                if tgt > 0:
                    sub(i + 2, close)
                    i = tgt + 1
                    continue
        if c == "[":
            close = _match_bracket(s, i, "[", "]")
            if close > 0 and close + 1 < n and s[close + 1] in "([":
                tgt = _match_bracket(s, close + 1, s[close + 1], ")" if s[close + 1] == "(" else "]")
                if tgt > 0:
                    sub(i + 1, close)
                    i = tgt + 1
                    continue
        if c == "<":
            m = COMMENT_INLINE.match(s, i) or AUTOLINK.match(s, i) or TAG.match(s, i)
            if m:
                i = m.end()
                continue
        if c == "&":
            m = ENTITY.match(s, i)
            if m:
                emit(_html.unescape(m.group()), col + i, False)
                i = m.end()
                continue
        if c in "hHfFwW" and (i == 0 or not (s[i - 1].isalnum() or s[i - 1] in "@/.")):
            m = BARE_URL.match(s, i)
            if m:
                i = m.end()
                continue
        if c in "*_~":
            k = i
            while k < n and s[k] == c:
                k += 1
            prev = s[i - 1] if i else " "
            nxt = s[k] if k < n else " "
            left = not nxt.isspace()
            right = not prev.isspace()
            delim = left or right
            if c == "_" and prev.isalnum() and nxt.isalnum():
                delim = False
            if c == "~" and k - i < 2:
                delim = False
            if delim:
                i = k
                continue
            emit(s[i:k], col + i)
            i = k
            continue
        emit(c, col + i)
        i += 1

    # merge adjacent verbatim characters into runs
    b = Builder()
    for text, c, verbatim in out:
        if b.pieces and verbatim:
            last = b.pieces[-1]
            if last.verbatim and last.end == b.length and last.column + (last.end - last.start) == c:
                b.pieces[-1] = Piece(last.start, last.end + len(text), last.line, last.column, True)
                b.add(text)
                continue
        b.add(MText(text, [Piece(0, len(text), line, c, verbatim)]) if text else "")
    return MText(b.text, b.pieces)


def _line_content(line: str, ln: int, start: int) -> MText:
    """Inline text of line[start:], leading/trailing blanks and hard-break markers removed."""
    seg = line[start:]
    lead = len(seg) - len(seg.lstrip())
    body = seg.strip()
    if body.endswith("\\") and not body.endswith("\\\\"):
        body = body[:-1].rstrip()
    return inline(body, ln, start + lead + 1).strip()


def _cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each table cell's content on a table row."""
    bounds, i, n = [], 0, len(line)
    start = 0
    in_code = False
    while i < n:
        c = line[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":
            in_code = not in_code
        elif c == "|" and not in_code:
            bounds.append((start, i))
            start = i + 1
        i += 1
    bounds.append((start, n))
    if bounds and not line[bounds[0][0]:bounds[0][1]].strip():
        bounds = bounds[1:]
    if bounds and not line[bounds[-1][0]:bounds[-1][1]].strip():
        bounds = bounds[:-1]
    return bounds


def read_markdown(path: str, data: bytes) -> Document:
    text, warnings = decode_file(data)
    lines = [ln[:-1] if ln.endswith("\r") else ln for ln in text.split("\n")]
    n = len(lines)
    blocks: list[MText] = []
    cur: list[MText] = []
    cur_kind: str | None = None
    supp_pending: list[tuple[str, ...]] = []
    supp: list[tuple[tuple[str, ...], int | None]] = []
    in_list = False

    def flush() -> None:
        nonlocal cur, cur_kind
        parts = [p for p in cur if p.text]
        if parts:
            b = Builder()
            for k, p in enumerate(parts):
                if k:
                    b.add("\n")
                b.add(p)
            blocks.append(MText(b.text, b.pieces))
            for sels in supp_pending:
                supp.append((sels, len(blocks) - 1))
            supp_pending.clear()
        cur, cur_kind = [], None

    def add_block(m: MText, kind: str) -> None:
        nonlocal cur_kind
        flush()
        cur.append(m)
        cur_kind = kind

    i = 0
    if n and lines[0].strip() == "---":
        for j in range(1, n):
            if lines[j].strip() in ("---", "..."):
                i = j + 1
                break
    prev_blank = True
    while i < n:
        line, ln = lines[i], i + 1
        if not line.strip():
            flush()
            prev_blank = True
            i += 1
            continue
        fm = FENCE.match(line)
        if fm:
            flush()
            fence = fm.group(1)
            j = i + 1
            while j < n and not re.match(r"^ {0,3}%s%s*\s*$" % (re.escape(fence), re.escape(fence[0])), lines[j]):
                j += 1
            i = j + 1
            prev_blank = False
            continue
        if INDENT_CODE.match(line) and prev_blank and not in_list and not cur:
            while i < n and (INDENT_CODE.match(lines[i]) or not lines[i].strip()):
                i += 1
            continue
        stripped = line.strip()
        if stripped.startswith("<!--"):
            end_line, end = i, line.find("-->", line.find("<!--") + 4)
            body = line[line.find("<!--") + 4:end if end >= 0 else None]
            while end < 0 and end_line + 1 < n:
                end_line += 1
                end = lines[end_line].find("-->")
                body += "\n" + (lines[end_line][:end] if end >= 0 else lines[end_line])
            s = parse_suppression(body)
            if s:
                if s[0] == "ignore-file":
                    supp.append((s[1], None))
                else:
                    flush()
                    supp_pending.append(s[1])
            rest = lines[end_line][end + 3:] if end >= 0 else ""
            if rest.strip():
                cur.append(_line_content(lines[end_line], end_line + 1, end + 3))
                cur_kind = cur_kind or "p"
            i = end_line + 1
            prev_blank = False
            continue
        if cur and cur_kind == "p" and SETEXT.match(line):
            flush()  # the paragraph above was a setext heading
            i += 1
            continue
        if THEMATIC.match(line):
            flush()
            i += 1
            prev_blank = True
            continue
        hm = HEADING.match(line)
        if hm:
            content = hm.group(2) or ""
            start = hm.start(2) if hm.group(2) is not None else len(line)
            add_block(_line_content(line, ln, start) if content else MText(), "h")
            flush()
            i += 1
            prev_blank = False
            in_list = False
            continue
        if LINK_DEF.match(line):
            i += 1
            continue
        if "|" in line and (cur_kind == "table" or (i + 1 < n and "|" in lines[i + 1]
                                                     and DELIM_ROW.match(lines[i + 1]))):
            flush()
            for a, b in _cells(line):
                cell = _line_content(line[:b], ln, a)
                if cell.text:
                    cur.append(cell)
                    flush()
            cur_kind = "table"
            i += 1
            if i < n and DELIM_ROW.match(lines[i]) and "|" in lines[i]:
                i += 1
            continue
        if cur_kind == "table":
            flush()
        qm = BLOCKQUOTE.match(line)
        offset = qm.end() if qm else 0
        lm = LIST_ITEM.match(line[offset:])
        if lm and (lm.group(2)[0].isdigit() is False or prev_blank or cur_kind in ("li", None) or in_list):
            add_block(_line_content(line, ln, offset + lm.start(4)), "li")
            in_list = True
        elif cur and not prev_blank:
            cur.append(_line_content(line, ln, offset))
        else:
            if prev_blank and in_list and not line[:1].isspace():
                in_list = False
            add_block(_line_content(line, ln, offset), "p")
        prev_blank = False
        i += 1
    flush()

    b = Builder()
    ranges = []
    for k, blk in enumerate(blocks):
        if k:
            b.add("\n\n")
        ranges.append(b.add(blk))
    suppressions = []
    for sels, idx in supp:
        if idx is None:
            suppressions.append(Suppression(selectors=sels))
        else:
            suppressions.append(Suppression(selectors=sels, start=ranges[idx][0], end=ranges[idx][1]))
    doc = Document(path=path, kind="md", text=b.text, source_map=b.source_map(), context=Context(),
                   suppressions=suppressions, regions=[Region("body", 0, b.length)] if b.length else [],
                   warnings=warnings, source_text=text)
    return doc
