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


def _bracket_pairs(s: str) -> dict[int, int]:
    """{index of an opening [ or (: index of the bracket closing it, or -1} for every bracket _match_bracket
    would reach scanning s from its start, in one pass with a stack per bracket kind.

    _match_bracket alone costs the rest of the line per call, so a line of 20,000 '[' cost 20,000**2 steps
    (issue 17). Scanning from any position this pass reaches goes on exactly as the pass does (same escapes, same
    code spans), so its answers are _match_bracket's; link() falls back to _match_bracket elsewhere."""
    pairs: dict[int, int] = {}
    stacks: dict[str, list[int]] = {"[": [], "(": []}
    closers = {"]": stacks["["], ")": stacks["("]}
    n, j = len(s), 0
    while j < n:
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "`":
            k = j
            while k < n and s[k] == "`":
                k += 1
            end = s.find(s[j:k], k)
            j = (end + (k - j)) if end >= 0 else k
            continue
        if c in stacks:
            stacks[c].append(j)
            pairs[j] = -1
        elif c in closers and closers[c]:
            pairs[closers[c].pop()] = j
        j += 1
    return pairs


class _InlineScan:
    """One line of inline Markdown being read left to right into (text, column, verbatim) runs.

    Each construct has a step that reads it at s[i] and returns the index after it, or -1 when s[i] does not
    start one (the character is then kept as text). A character starts at most one kind of construct, so the step
    is picked by the character alone (see _INLINE_STEPS).
    """

    def __init__(self, s: str, line: int, col: int) -> None:
        self.s, self.n, self.line, self.col = s, len(s), line, col
        self.out: list[tuple[str, int, bool]] = []  # (text, column, verbatim)
        self._pairs: dict[int, int] | None = None   # _bracket_pairs(s), made at the first bracket

    def closing(self, i: int, open_c: str, close_c: str) -> int:
        """_match_bracket(s, i, open_c, close_c), from the line's bracket table when the table has i."""
        if self._pairs is None:
            self._pairs = _bracket_pairs(self.s)
        j = self._pairs.get(i)
        return j if j is not None else _match_bracket(self.s, i, open_c, close_c)

    def emit(self, text: str, c: int, verbatim: bool = True) -> None:
        """Keep `text`, found at column c (verbatim: a literal copy of the source there)."""
        self.out.append((text, c, verbatim))

    def nested(self, a: int, b: int) -> None:
        """The readable text of a link's or image's label, itself inline Markdown."""
        m = inline(self.s[a:b], self.line, self.col + a)
        for p in m.pieces:
            self.out.append((m.text[p.start:p.end], p.column, p.verbatim))

    def escape(self, i: int) -> int:
        """A backslash-escaped punctuation character is kept, without the backslash."""
        s = self.s
        if i + 1 < self.n and s[i + 1] in PUNCT:
            self.emit(s[i + 1], self.col + i + 1)
            return i + 2
        return -1

    def code_span(self, i: int) -> int:
        """Inline code is dropped; a backtick run with no closing run of the same length is kept as text."""
        s, n = self.s, self.n
        k = i
        while k < n and s[k] == "`":
            k += 1
        ticks = s[i:k]
        end = _closing_ticks(s, ticks, k)
        if end < 0:
            self.emit(ticks, self.col + i)
            return k
        return end

    def image(self, i: int) -> int:
        """![alt](target): the alt text is kept."""
        if i + 1 < self.n and self.s[i + 1] == "[":
            return self.link(i + 1)
        return -1

    def link(self, i: int) -> int:
        """[label](target) or [label][ref]: the label is kept, the target dropped."""
        s, n = self.s, self.n
        close = self.closing(i, "[", "]")
        if close > 0 and close + 1 < n and s[close + 1] in "([":
            tgt = self.closing(close + 1, s[close + 1], ")" if s[close + 1] == "(" else "]")
            if tgt > 0:
                self.nested(i + 1, close)
                return tgt + 1
        return -1

    def markup(self, i: int) -> int:
        """An HTML comment, an autolink or an HTML tag is dropped."""
        s = self.s
        m = COMMENT_INLINE.match(s, i) or AUTOLINK.match(s, i) or TAG.match(s, i)
        return m.end() if m else -1

    def entity(self, i: int) -> int:
        """An HTML entity stands for its character (not a verbatim copy of the source)."""
        m = ENTITY.match(self.s, i)
        if m:
            self.emit(_html.unescape(m.group()), self.col + i, False)
            return m.end()
        return -1

    def bare_url(self, i: int) -> int:
        """A bare URL (not inside a word, path or address) is dropped."""
        s = self.s
        if i == 0 or not (s[i - 1].isalnum() or s[i - 1] in "@/."):
            m = BARE_URL.match(s, i)
            if m:
                return m.end()
        return -1

    def emphasis(self, i: int) -> int:
        """A run of * _ ~ that can open or close emphasis (or strikethrough) is dropped, any other run kept."""
        s, n = self.s, self.n
        c = s[i]
        k = i
        while k < n and s[k] == c:
            k += 1
        prev = s[i - 1] if i else " "
        nxt = s[k] if k < n else " "
        delim = not nxt.isspace() or not prev.isspace()
        if c == "_" and prev.isalnum() and nxt.isalnum():
            delim = False
        if c == "~" and k - i < 2:
            delim = False
        if not delim:
            self.emit(s[i:k], self.col + i)
        return k


def _closing_ticks(s: str, ticks: str, j: int) -> int:
    """The index after the backtick run equal to `ticks` (not part of a longer run) from j on, or -1."""
    n = len(s)
    while True:
        j = s.find(ticks, j)
        if j < 0:
            return -1
        e = j + len(ticks)
        if (e < n and s[e] == "`") or s[j - 1] == "`":
            j = e
            while j < n and s[j] == "`":
                j += 1
            continue
        return e


_INLINE_STEPS = {"\\": _InlineScan.escape, "`": _InlineScan.code_span, "!": _InlineScan.image,
                 "[": _InlineScan.link, "<": _InlineScan.markup, "&": _InlineScan.entity,
                 **dict.fromkeys("hHfFwW", _InlineScan.bare_url), **dict.fromkeys("*_~", _InlineScan.emphasis)}


def inline(s: str, line: int, col: int) -> MText:
    """The readable text of one line of Markdown inline content; col is the column of s[0]."""
    scan = _InlineScan(s, line, col)
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        step = _INLINE_STEPS.get(c)
        nxt = step(scan, i) if step is not None else -1
        if nxt < 0:
            scan.emit(c, col + i)
            nxt = i + 1
        i = nxt
    return _merge_runs(scan.out, line)


def _merge_runs(out: list[tuple[str, int, bool]], line: int) -> MText:
    """The kept runs as one MText, adjacent verbatim characters merged into one piece each."""
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


# a line that is nothing but images: "![A customer on the app](/img/app.png)"
IMAGE_LINE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$")


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


def _front_matter_end(lines: list[str]) -> int:
    """Index of the first line after a YAML front matter block (0 when there is none)."""
    if lines and lines[0].strip() == "---":
        for j in range(1, len(lines)):
            if lines[j].strip() in ("---", "..."):
                return j + 1
    return 0


_BlockSuppression = tuple[tuple[str, ...], int | None]  # (selectors, block index or None: the whole file)


class _BlockParser:
    """Reads a page's lines into blocks of prose (paragraphs, list items, headings, table cells).

    Each block kind has a step that, when the line at self.i starts it, consumes its line(s) and returns True; the
    steps are tried in CommonMark's order of precedence and a line no step takes is paragraph or list text.
    Suppression comments stay pending until the block after them is known.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines, self.n = lines, len(lines)
        self.i = 0
        self.blocks: list[MText] = []
        self.cur: list[MText] = []  # the lines of the block being read
        self.cur_kind: str | None = None
        self.supp_pending: list[tuple[str, ...]] = []
        self.supp: list[_BlockSuppression] = []
        self.in_list = False
        self.prev_blank = True
        self.images_only = True             # every line of the block being read is an image: alt text
        self.image_blocks: list[int] = []   # blocks that are only images' alt text (an "attribute" region)

    def parse(self) -> None:
        """Read every line after the front matter into self.blocks and self.supp."""
        self.i = _front_matter_end(self.lines)
        steps = (self.blank, self.fenced_code, self.indented_code, self.comment, self.setext_underline,
                 self.thematic_break, self.heading, self.link_definition, self.table_row)
        while self.i < self.n:
            line = self.lines[self.i]
            if not any(step(line) for step in steps):
                self.text_line(line)
        self.flush()

    def flush(self) -> None:
        """Close the block being read (its lines joined by newlines); pending suppressions apply to it."""
        parts = [p for p in self.cur if p.text]
        if parts:
            b = Builder()
            for k, p in enumerate(parts):
                if k:
                    b.add("\n")
                b.add(p)
            self.blocks.append(MText(b.text, b.pieces))
            if self.images_only and self.cur_kind == "p":
                self.image_blocks.append(len(self.blocks) - 1)
            for sels in self.supp_pending:
                self.supp.append((sels, len(self.blocks) - 1))
            self.supp_pending.clear()
        self.cur, self.cur_kind = [], None
        self.images_only = True

    def add_block(self, m: MText, kind: str) -> None:
        """Start a new block of `kind` ("p", "li", "h") with its first line."""
        self.flush()
        self.cur.append(m)
        self.cur_kind = kind

    def blank(self, line: str) -> bool:
        """A blank line ends the block being read."""
        if line.strip():
            return False
        self.flush()
        self.prev_blank = True
        self.i += 1
        return True

    def fenced_code(self, line: str) -> bool:
        """A fenced code block is skipped up to its closing fence (or the end of the page)."""
        fm = FENCE.match(line)
        if not fm:
            return False
        self.flush()
        fence = fm.group(1)
        closing = re.compile(r"^ {0,3}%s%s*\s*$" % (re.escape(fence), re.escape(fence[0])))
        j = self.i + 1
        while j < self.n and not closing.match(self.lines[j]):
            j += 1
        self.i = j + 1
        self.prev_blank = False
        return True

    def indented_code(self, line: str) -> bool:
        """An indented code block (only after a blank line, outside lists) is skipped."""
        if not (INDENT_CODE.match(line) and self.prev_blank and not self.in_list and not self.cur):
            return False
        lines = self.lines
        while self.i < self.n and (INDENT_CODE.match(lines[self.i]) or not lines[self.i].strip()):
            self.i += 1
        return True

    def comment(self, line: str) -> bool:
        """An HTML comment block is dropped, but may be a suppression; text after its end on the line is kept."""
        if not line.strip().startswith("<!--"):
            return False
        lines = self.lines
        end_line, end = self.i, line.find("-->", line.find("<!--") + 4)
        body = line[line.find("<!--") + 4:end if end >= 0 else None]
        while end < 0 and end_line + 1 < self.n:
            end_line += 1
            end = lines[end_line].find("-->")
            body += "\n" + (lines[end_line][:end] if end >= 0 else lines[end_line])
        self.suppression(body)
        rest = lines[end_line][end + 3:] if end >= 0 else ""
        if rest.strip():
            self.cur.append(_line_content(lines[end_line], end_line + 1, end + 3))
            self.cur_kind = self.cur_kind or "p"
        self.i = end_line + 1
        self.prev_blank = False
        return True

    def suppression(self, comment_body: str) -> None:
        """A tonecheck comment: ignore-file applies at once, ignore to the next block."""
        s = parse_suppression(comment_body)
        if s:
            if s[0] == "ignore-file":
                self.supp.append((s[1], None))
            else:
                self.flush()
                self.supp_pending.append(s[1])

    def setext_underline(self, line: str) -> bool:
        """=== or --- under a paragraph makes it a heading: the paragraph ends, the underline is dropped."""
        if not (self.cur and self.cur_kind == "p" and SETEXT.match(line)):
            return False
        self.flush()
        self.i += 1
        return True

    def thematic_break(self, line: str) -> bool:
        """A thematic break (---, ***) ends the block and counts as a blank line."""
        if not THEMATIC.match(line):
            return False
        self.flush()
        self.i += 1
        self.prev_blank = True
        return True

    def heading(self, line: str) -> bool:
        """An ATX heading is a block of its own (and ends any list)."""
        hm = HEADING.match(line)
        if not hm:
            return False
        content = hm.group(2) or ""
        start = hm.start(2) if hm.group(2) is not None else len(line)
        self.add_block(_line_content(line, self.i + 1, start) if content else MText(), "h")
        self.flush()
        self.i += 1
        self.prev_blank = False
        self.in_list = False
        return True

    def link_definition(self, line: str) -> bool:
        """A link reference definition ([ref]: url) has no prose."""
        if not LINK_DEF.match(line):
            return False
        self.i += 1
        return True

    def table_row(self, line: str) -> bool:
        """A GFM table row (the header row is known by the delimiter row under it): each cell is a block."""
        lines, i, n = self.lines, self.i, self.n
        if "|" not in line or not (self.cur_kind == "table" or (i + 1 < n and "|" in lines[i + 1]
                                                                and DELIM_ROW.match(lines[i + 1]))):
            return False
        self.flush()
        for a, b in _cells(line):
            cell = _line_content(line[:b], i + 1, a)
            if cell.text:
                self.cur.append(cell)
                self.flush()
        self.cur_kind = "table"
        self.i += 1
        if self.i < n and DELIM_ROW.match(lines[self.i]) and "|" in lines[self.i]:
            self.i += 1
        return True

    def text_line(self, line: str) -> None:
        """A line of paragraph or list-item text (inside a blockquote or not): starts a block or continues one."""
        if self.cur_kind == "table":
            self.flush()
        ln = self.i + 1
        qm = BLOCKQUOTE.match(line)
        offset = qm.end() if qm else 0
        is_image = IMAGE_LINE.match(line[offset:]) is not None
        continuing = False
        lm = LIST_ITEM.match(line[offset:])
        if lm and (lm.group(2)[0].isdigit() is False or self.prev_blank or self.cur_kind in ("li", None)
                   or self.in_list):
            self.add_block(_line_content(line, ln, offset + lm.start(4)), "li")
            self.in_list = True
        elif self.cur and not self.prev_blank:
            self.cur.append(_line_content(line, ln, offset))
            continuing = True
        else:
            if self.prev_blank and self.in_list and not line[:1].isspace():
                self.in_list = False
            self.add_block(_line_content(line, ln, offset), "p")
        self.images_only = (self.images_only and is_image) if continuing else is_image
        self.prev_blank = False
        self.i += 1


def _judged_text(blocks: list[MText], supp: list[_BlockSuppression]) -> tuple[Builder, list[Suppression], list]:
    """The blocks joined by blank lines, each suppression bound to its block's range (or the whole file), and the
    blocks' ranges."""
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
    return b, suppressions, ranges


def read_markdown(path: str, data: bytes) -> Document:
    """Read a Markdown page: its prose blocks are judged, each character mapped to its line and column."""
    text, warnings = decode_file(data)
    lines = [ln[:-1] if ln.endswith("\r") else ln for ln in text.split("\n")]
    parser = _BlockParser(lines)
    parser.parse()
    b, suppressions, ranges = _judged_text(parser.blocks, parser.supp)
    # an image on a line of its own: its alt text is judged as advice, like HTML alt text (config attribute_severity)
    regions = ([Region("body", 0, b.length)] if b.length else []) + \
        [Region("attribute", *ranges[k]) for k in parser.image_blocks]
    return Document(path=path, kind="md", text=b.text, source_map=b.source_map(), context=Context(),
                    suppressions=suppressions, regions=regions, warnings=warnings, source_text=text)
