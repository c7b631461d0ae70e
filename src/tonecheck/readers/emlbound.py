"""Bounds on a raw message before the stdlib parses it (issue 17): the cost of reading a draft follows its text, not
its attachments or its headers.

- The stdlib's header parser is quadratic in a header's length (a 1 MB folded Subject took 15 s and 471 MB), so a
  header longer than MAX_HEADER keeps its first lines only; the lines taken out are put back afterwards
  (`restore`): findings keep the file's own line numbers, and excerpts its own lines. Header blocks bigger than
  MAX_HEADER_BLOCK even so are refused: no mail client writes them.
- An attachment (or any part that is not text/plain or text/html) is never read, but the parser would hold its
  body as text and the reader would decode the whole file twice more (a 50 MB attachment: 545 MB). So a body over
  SKIP_BODY bytes of such a part is replaced by its line breaks alone: line numbers stay, the bytes go.

Parts are found as the header block after each line that starts with "--" (every MIME boundary does); a block
that is not one is left alone, and a body ends at the next "--" line at the latest, so no change crosses a
boundary. Ordinary mail has nothing over either limit and is parsed byte for byte as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Document, InputError, Piece, SourceMap

MAX_HEADER = 32_768
MAX_HEADER_BLOCK = 262_144
SKIP_BODY = 65_536

_DASH_LINE = re.compile(rb"^--", re.M)
_HEADER_START = re.compile(rb"[!-9;-~]+[ \t]*:")
_CTYPE = re.compile(rb"(?im)^content-type[ \t]*:[ \t\r\n]*([!-~]+?)[ \t\r\n;]")
_ATTACHMENT = re.compile(rb"(?im)^content-disposition[ \t]*:[ \t\r\n]*attachment")
_READ_TYPES = (b"text/plain", b"text/html", b"multipart/", b"message/")


@dataclass
class Bounded:
    """The message as it is parsed, and what was taken out of its headers (to put back into the Document)."""
    data: bytes
    removed: list[tuple[int, list[bytes]]] = field(default_factory=list)  # (after 0-based line, original lines)
    truncated: dict[int, bytes] = field(default_factory=dict)            # 0-based line: its original text
    warnings: list[str] = field(default_factory=list)


def bound_message(data: bytes) -> Bounded:
    """`data` with over-long headers cut and big unread bodies blanked (see above); InputError for headers past
    MAX_HEADER_BLOCK. Keeps `data` itself when nothing is over a limit."""
    out = Bounded(data)
    pieces: list[bytes] = []
    changed = False
    pos = line_no = 0
    dashes = [m.start() for m in _DASH_LINE.finditer(data)]
    starts = [0] + [e + 1 if (e := data.find(b"\n", d)) >= 0 else len(data) for d in dashes]
    for k, start in enumerate(starts):
        if start < pos or not _HEADER_START.match(data, start):
            continue
        nxt = dashes[k] if k < len(dashes) else len(data)          # the next "--" line: the body ends there
        pieces.append(data[pos:start])
        line_no += data.count(b"\n", pos, start)
        head, pos = _header_block(data, start, top=(k == 0), first_line=line_no, out=out)
        changed = changed or len(head) != pos - start
        pieces.append(head)
        line_no += head.count(b"\n")
        if nxt - pos > SKIP_BODY and not _is_read(head):
            n = data.count(b"\n", pos, nxt)
            pieces.append(b"\n" * n)
            line_no += n
            pos, changed = nxt, True
    if changed:
        pieces.append(data[pos:])
        out.data = b"".join(pieces)
    return out


def _header_block(data: bytes, start: int, top: bool, first_line: int, out: Bounded) -> tuple[bytes, int]:
    """(the header block at `start` through its blank line, each header within MAX_HEADER; where the body starts).

    A header over MAX_HEADER keeps its first lines (a single line is cut at MAX_HEADER); what is taken out goes to
    out.removed / out.truncated, at the line it sits at in the bounded message."""
    kept: list[bytes] = []
    size = header_size = 0
    name = b""
    pos, n = start, len(data)
    while pos < n:
        end = data.find(b"\n", pos)
        end = n if end < 0 else end + 1
        line, pos = data[pos:end], end
        if not line.strip(b"\r\n"):              # the blank line that ends the block
            kept.append(line)
            break
        if line[:1] not in (b" ", b"\t"):
            header_size, name = 0, line.split(b":", 1)[0][:40]
        header_size += len(line)
        if header_size > MAX_HEADER:
            _cut(line.rstrip(b"\r\n"), kept, first_line + len(kept), out, name, header_size == len(line))
            continue
        kept.append(line)
        size += len(line)
        if size > MAX_HEADER_BLOCK:
            if top:
                raise InputError(f"the message's headers are too large to read (over {MAX_HEADER_BLOCK // 1024} KB)")
            break
    return b"".join(kept), pos


def _cut(text: bytes, kept: list[bytes], at: int, out: Bounded, name: bytes, first: bool) -> None:
    """Take a line out of an over-long header: the header's first line is cut at MAX_HEADER (it keeps its place),
    a later one is dropped (after the last kept line, `at` - 1)."""
    if first:
        out.truncated[at] = text
        kept.append(text[:MAX_HEADER] + b"\n")
    elif out.removed and out.removed[-1][0] == at - 1:
        out.removed[-1][1].append(text)
        return
    else:
        out.removed.append((at - 1, [text]))
    out.warnings.append(f"the {name.decode('ascii', 'replace')} header is over {MAX_HEADER // 1024} KB: only its "
                        "start was read")


def _is_read(head: bytes) -> bool:
    """Whether the reader may read this part's body: a text/plain or text/html part that is not an attachment, or
    a container (multipart, message) whose body holds more parts."""
    m = _CTYPE.search(head + b"\n")
    ctype = m.group(1).lower() if m else b"text/plain"
    if ctype.startswith((b"multipart/", b"message/")):
        return True
    return ctype.startswith(_READ_TYPES) and not _ATTACHMENT.search(head)


def restore(doc: Document, bounded: Bounded, original: bytes) -> Document:
    """Put the header lines bound_message took out back: the Document's lines and source text are the file's."""
    if not bounded.removed and not bounded.truncated:
        return doc
    lines = (doc.source_text or "").split("\n")
    shift = []                                   # (first bounded 0-based line moved down, by how many lines)
    for at, text in bounded.truncated.items():
        if at < len(lines):
            lines[at] = text.decode("utf-8", "replace")
    moved = 0
    for after, removed in bounded.removed:
        idx = after + 1 + moved
        lines[idx:idx] = [r.decode("utf-8", "replace") for r in removed]
        moved += len(removed)
        shift.append((after + 1, moved))
    doc.source_text = "\n".join(lines)

    def line_of(line1: int) -> int:          # 1-based line in the bounded message -> in the file
        extra = 0
        for first, total in shift:
            if line1 - 1 >= first:
                extra = total
        return line1 + extra

    pieces = [Piece(p.start, p.end, line_of(p.line), p.column, p.verbatim) for p in doc.source_map.pieces]
    doc.source_map = SourceMap(pieces, default_line=line_of(doc.source_map.default_line))
    doc.warnings.extend(w for w in dict.fromkeys(bounded.warnings) if w not in doc.warnings)
    return doc
