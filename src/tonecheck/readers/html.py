"""HTML pages (and HTML-only email parts): the visible text, block by block, with exact source positions.

stdlib HTMLParser with convert_charrefs=False hands us text runs and entities separately, each with getpos(), so
every judged character can be traced to its line and column (entities map to the '&' that produced them). No
third-party parser: bs4/lxml do not expose source offsets for text nodes.
"""
from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..model import Piece
from .mapped import Builder, MText

BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "label", "legend", "li", "main", "nav", "ol", "optgroup", "option", "p",
    "section", "select", "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "title", "tr",
    "ul", "center", "menu",
}
SKIP = {"script", "style", "code", "pre", "template", "noscript", "svg", "math", "iframe", "object", "head",
        "kbd", "samp", "var"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr", "keygen"}
ATTR_TEXT = ("alt", "title")
SUPPRESS = re.compile(r"^\s*tonecheck\s*:\s*(ignore-file|ignore)\b\s*(.*?)\s*$", re.I | re.S)
ATTR_RE = r"""(?:^|\s){name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""


def parse_suppression(comment: str) -> tuple[str, tuple[str, ...]] | None:
    """'<!-- tonecheck: ignore a, b -->' -> ('ignore', ('a', 'b'))."""
    m = SUPPRESS.match(comment)
    if not m:
        return None
    sels = tuple(s for s in re.split(r"[\s,]+", m.group(2)) if s)
    return m.group(1).lower(), sels or ("all",)


class _Sink:
    """Collects blocks of whitespace-collapsed text with pieces (a collapsed run maps to its first char)."""

    def __init__(self) -> None:
        self.blocks: list[MText] = []
        self._b = Builder()
        self._ws: tuple[int, int, bool] | None = None

    def add(self, s: str, line: int, col: int, verbatim: bool = True) -> None:
        for m in re.finditer(r"\s+|\S+", s):
            seg = m.group()
            if seg.isspace():
                if self._ws is None:
                    self._ws = (line, col, verbatim and seg[0] == " ")
            else:
                if self._ws is not None and self._b.length:
                    wl, wc, wv = self._ws
                    self._b.add(MText(" ", [Piece(0, 1, wl, wc, wv)]))
                self._ws = None
                self._b.add(MText(seg, [Piece(0, len(seg), line, col, verbatim)]))
            if verbatim:
                nl = seg.count("\n")
                if nl:
                    line += nl
                    col = len(seg) - seg.rfind("\n")
                else:
                    col += len(seg)

    def brk(self) -> int | None:
        """End the current block; returns its index when it had text."""
        self._ws = None
        if not self._b.length:
            return None
        self.blocks.append(MText(self._b.text, self._b.pieces))
        self._b = Builder()
        return len(self.blocks) - 1

    def plain(self) -> str:
        self.brk()
        return "\n\n".join(b.text for b in self.blocks)


@dataclass
class HtmlText:
    blocks: list[MText] = field(default_factory=list)
    suppressions: list[tuple[tuple[str, ...], int | None]] = field(default_factory=list)  # (selectors, block)
    quoted: list[str] = field(default_factory=list)      # email mode: quote containers' text
    signature: list[str] = field(default_factory=list)   # email mode: signature containers' text
    warnings: list[str] = field(default_factory=list)
    attribute_blocks: list[int] = field(default_factory=list)  # blocks that are alt/title text


class _Extractor(HTMLParser):
    def __init__(self, email_mode: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.email_mode = email_mode
        self.out = HtmlText()
        self.main = _Sink()
        self.sink = self.main
        self.stack: list[tuple[str, str | None]] = []  # (tag, context kind started here)
        self.skip = 0
        self.head = 0
        self.title = 0
        self.ctx: _Sink | None = None
        self.ctx_kind: str | None = None
        self.pending_attrs: list[MText] = []
        self.pending_supp: list[tuple[str, ...]] = []

    # -- visibility ------------------------------------------------------------------------------------------
    def _visible(self) -> bool:
        return self.skip == 0 and (self.head == 0 or self.title > 0)

    def _count(self, tag: str, d: int) -> None:
        if tag == "head":
            self.head += d
        elif tag in SKIP:
            self.skip += d
        elif tag == "title":
            self.title += d

    def _break(self) -> None:
        idx = self.sink.brk()
        if self.sink is self.main and idx is not None and self.pending_supp:
            for sels in self.pending_supp:
                self.out.suppressions.append((sels, idx))
            self.pending_supp = []
        if self.pending_attrs:
            attrs, self.pending_attrs = self.pending_attrs, []
            for a in attrs:
                self.sink._b.add(a)
                at = self.sink.brk()
                if self.sink is self.main and at is not None:
                    self.out.attribute_blocks.append(at)

    # -- context containers (email mode) ----------------------------------------------------------------------
    def _context_kind(self, tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
        if not self.email_mode:
            return None
        cls = " ".join((v or "") for k, v in attrs if k == "class").lower().split()
        if "gmail_signature" in cls or "moz-signature" in cls or "signature" in cls:
            return "signature"
        if tag == "blockquote" or "gmail_quote" in cls or "moz-cite-prefix" in cls or "yahoo_quoted" in cls:
            return "quote"
        return None

    def _end_context(self) -> None:
        if self.ctx is None:
            return
        text = self.ctx.plain().strip()
        if text:
            (self.out.signature if self.ctx_kind == "signature" else self.out.quoted).append(text)
        self.ctx = None
        self.ctx_kind = None
        self.sink = self.main

    # -- parser callbacks -------------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in BLOCK:
            self._break()
        if tag not in VOID:
            kind = self._context_kind(tag, attrs)
            started = None
            if kind and self.ctx is None:
                self._break()
                self.ctx = _Sink()
                self.ctx_kind = kind
                self.sink = self.ctx
                started = kind
            self.stack.append((tag, started))
            self._count(tag, 1)
        if self._visible() and tag not in ("title",):
            self._attr_blocks(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag.lower() not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if not any(t == tag for t, _ in self.stack):
            if tag in BLOCK:
                self._break()
            return
        while self.stack:
            t, started = self.stack.pop()
            if t == "title" and self.sink is self.main:
                # the page's title shows in a tab and in search results, not in the page: advice, like alt text
                idx = self.sink.brk()
                if idx is not None:
                    self.out.attribute_blocks.append(idx)
            self._count(t, -1)
            if t in BLOCK:
                self._break()
            if started:
                self._end_context()
            if t == tag:
                break

    def _attr_blocks(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name in ATTR_TEXT:
            if name == "alt" and tag not in ("img", "area", "input"):
                continue
            value = next((v for k, v in attrs if k == name and v), None)
            if not value or not value.strip():
                continue
            line, off = self.getpos()
            raw = self.get_starttag_text() or ""
            m = re.search(ATTR_RE.format(name=name), raw, re.I)
            sink = _Sink()
            if m:
                g = next(i for i in (1, 2, 3) if m.group(i) is not None)
                start = m.start(g)
                before = raw[:start]
                nl = before.count("\n")
                vline = line + nl
                vcol = (off + start + 1) if not nl else (len(before) - before.rfind("\n"))
                raw_value = m.group(g)
                if "&" in raw_value:
                    sink.add(value, vline, vcol, verbatim=False)
                else:
                    sink.add(raw_value, vline, vcol)
            else:
                sink.add(value, line, off + 1, verbatim=False)
            sink.brk()
            self.pending_attrs.extend(sink.blocks)

    def handle_data(self, data: str) -> None:
        if self._visible():
            line, off = self.getpos()
            self.sink.add(data, line, off + 1)

    def _decoded(self, text: str) -> None:
        if self._visible():
            line, off = self.getpos()
            self.sink.add(text, line, off + 1, verbatim=False)

    def handle_entityref(self, name: str) -> None:
        self._decoded(_html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._decoded(_html.unescape(f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        s = parse_suppression(data)
        if not s:
            return
        kind, sels = s
        if kind == "ignore-file":
            self.out.suppressions.append((sels, None))
        else:
            self.pending_supp.append(sels)

    def finish(self) -> HtmlText:
        while self.stack:
            _, started = self.stack.pop()
            if started:
                self._end_context()
        self._break()
        self._break()
        self.out.blocks = self.main.blocks
        return self.out


def extract(text: str, email_mode: bool = False) -> HtmlText:
    """The visible text blocks of an HTML document; in email mode, quote/signature containers go aside."""
    p = _Extractor(email_mode)
    try:
        p.feed(text)
        p.close()
    except Exception as exc:  # malformed markup: keep what was read
        p.out.warnings.append(f"HTML could not be fully parsed ({type(exc).__name__}); checked the text before it")
    return p.finish()


def plain_text(text: str) -> str:
    """Just the visible text (used for forwarded HTML messages)."""
    return "\n\n".join(b.text for b in extract(text, email_mode=True).blocks)


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def sniff_charset(data: bytes) -> str | None:
    m = META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def read_html(path: str, data: bytes):
    """An HTML page: visible text blocks joined with blank lines; comment suppressions cover the next block."""
    from ..model import Context, Document, Region, Suppression
    from .text import decode_file
    text, warnings = decode_file(data, sniff_charset(data))
    ht = extract(text)
    b = Builder()
    ranges = []
    for k, blk in enumerate(ht.blocks):
        if k:
            b.add("\n\n")
        ranges.append(b.add(blk))
    suppressions = [Suppression(selectors=sels) if idx is None else
                    Suppression(selectors=sels, start=ranges[idx][0], end=ranges[idx][1])
                    for sels, idx in ht.suppressions]
    return Document(path=path, kind="html", text=b.text, source_map=b.source_map(), context=Context(),
                    suppressions=suppressions,
                    regions=([Region("body", 0, b.length)] if b.length else [])
                    + [Region("attribute", *ranges[i]) for i in ht.attribute_blocks],
                    warnings=warnings + ht.warnings, source_text=text)
