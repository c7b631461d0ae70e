"""RFC 5322 / MIME messages: the Subject plus the body's new text, with headers and the thread as context.

The stdlib parser does the MIME work; we add what it lacks: where each judged character sits in the .eml file.
A 7bit/8bit part's lines stand verbatim in the file, so once the part's raw payload is located in the raw bytes,
each body line maps to its own file line. Decoded parts (quoted-printable, base64) map to the part's first line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime

from ..model import REPLY_PREFIX, Context, Document, InputError, QuotedBlock, Region, Suppression
from . import html as htmlreader
from . import limits, quoting
from .mapped import Builder, MText, ascii_compatible, choose_codec, decode, join

MAX_DEPTH = 400
MAX_PARTS = 2000
VERBATIM_CTE = {"", "7bit", "8bit", "binary"}


class _MemoPolicy(type(policy.default)):
    """policy.default, with the parsed header objects memoised by (name, raw value).

    The stdlib re-parses a header through its header registry at every msg.get() / get_content_type() /
    get_param() call (several per part), and that parsing is most of the cost of reading a small message. The
    result is a pure function of (name, value) and the header objects are immutable, so they can be shared.
    """

    def header_fetch_parse(self, name, value):
        if type(value) is not str or type(name) is not str or len(value) > _MEMO_MAX_VALUE:
            return super().header_fetch_parse(name, value)
        key = (name, value)
        hit = _HEADER_MEMO.get(key)
        if hit is None:
            hit = super().header_fetch_parse(name, value)
            if len(_HEADER_MEMO) >= _MEMO_MAX_ENTRIES:
                _HEADER_MEMO.clear()
            _HEADER_MEMO[key] = hit
        return hit


# A parsed header holds ~0.5 KB per character of its value: only short values are kept (the ones that repeat from
# message to message), and not too many, so the memo stays a few MB in a long-running watcher or language server
# (issue 17: 4,096 fuzzed headers of up to 32 KB grew it by gigabytes).
_MEMO_MAX_VALUE = 256
_MEMO_MAX_ENTRIES = 1024
_HEADER_MEMO: dict[tuple[str, str], object] = {}
_POLICY = _MemoPolicy()


def _safe_str(value) -> str:
    try:
        return str(value)
    except Exception:
        return ""


def _headers(msg: Message) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        raw_items = msg.raw_items()
    except Exception:
        return out
    for name, raw in raw_items:
        key = str(name).strip().lower()
        if key in out:
            continue
        try:
            value = str(msg.policy.header_fetch_parse(name, raw))
        except Exception:
            value = _decode_header_fallback(raw)
        out[key] = " ".join(value.split()) if "\n" in value else value
    return out


def _decode_header_fallback(raw) -> str:
    try:
        from email.header import decode_header, make_header
        return str(make_header(decode_header(str(raw))))
    except Exception:
        return str(raw).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _addresses(*values: str | None) -> list[str]:
    try:
        pairs = getaddresses([v for v in values if v])
    except Exception:
        return []
    return [a.lower() for _, a in pairs if a and "@" in a]


def _ctype(part: Message) -> str:
    try:
        return part.get_content_type().lower()
    except Exception:
        return "text/plain"


def _is_attachment(part: Message) -> bool:
    try:
        disp = (part.get_content_disposition() or "").lower()
    except Exception:
        disp = ""
    return disp == "attachment"


def _children(part: Message) -> list[Message]:
    try:
        payload = part.get_payload()
    except Exception:
        return []
    if isinstance(payload, list):
        return [p for p in payload if isinstance(p, Message)]
    return []


def _walk(msg: Message, warnings: list[str]):
    """Depth-first (part, depth, inside_forward) without recursion and with bounds."""
    stack = [(msg, 0, None)]
    seen = 0
    warned = False
    while stack:
        part, depth, fwd = stack.pop()
        seen += 1
        if seen > MAX_PARTS:
            warnings.append("message has too many MIME parts; only the first ones were read")
            return
        yield part, depth, fwd
        if depth >= MAX_DEPTH:
            if not warned and _children(part):
                warnings.append("MIME parts nested too deeply; inner parts ignored")
                warned = True
            continue
        ct = _ctype(part)
        if not ct.startswith(("multipart/", "message/")) or _is_attachment(part) and not ct.startswith("message/"):
            continue
        kids = _children(part)
        for k in reversed(kids):
            # the inner message of a message/rfc822 part is forwarded context, with its own headers
            stack.append((k, depth + 1, k if ct.startswith("message/") else fwd))


def _payload_bytes(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:
        data = None
    if isinstance(data, bytes):
        return data
    raw = getattr(part, "_payload", None)
    if isinstance(raw, str):
        return raw.encode("ascii", "surrogateescape")
    return b""


def _charset(part: Message) -> str | None:
    try:
        cs = part.get_param("charset")
    except Exception:
        return None
    if isinstance(cs, tuple):  # RFC 2231 value
        cs = cs[2] if len(cs) > 2 else None
    return str(cs) if cs else None


def _flowed(part: Message) -> str | None:
    """"yes"/"no" (the DelSp parameter) for a format=flowed text/plain part (RFC 3676), None otherwise."""
    try:
        fmt = part.get_param("format")
        delsp = part.get_param("delsp")
    except Exception:
        return None
    if str(fmt or "").lower() != "flowed":
        return None
    return "yes" if str(delsp or "").lower() == "yes" else "no"


def _cte(part: Message) -> str:
    return _safe_str(part.get("content-transfer-encoding", "")).strip().lower()


def _part_text(part: Message, warnings: list[str]) -> tuple[str, str]:
    """(decoded text, codec) of a text part."""
    data = _payload_bytes(part)
    codec, w = choose_codec(data, _charset(part))
    warnings.extend(w)
    return decode(data, codec).replace("\r\n", "\n").replace("\r", "\n"), codec


def _forward_block(fwd: Message, text: str) -> QuotedBlock:
    h = _headers(fwd)
    return QuotedBlock(text=text.strip(), author=h.get("from"), date=h.get("date"), kind="forward")


def _subject_mtext(raw_s: str, header_end: int, decoded_subject: str | None) -> MText | None:
    """The Subject value mapped to its header line (verbatim unless RFC 2047 encoded)."""
    m = re.search(r"(?im)^subject[ \t]*:[ \t]*", raw_s[:header_end])
    if not m:
        return MText.at(decoded_subject, 1, 1) if decoded_subject else None
    line_no = raw_s.count("\n", 0, m.start()) + 1
    col = m.end() - m.start() + 1
    # the raw value with continuation lines
    parts: list[tuple[str, int, int]] = []
    pos, ln, c = m.end(), line_no, col
    while True:
        nl = raw_s.find("\n", pos, header_end + 1)
        seg = raw_s[pos:nl if nl >= 0 else header_end]
        parts.append((seg.rstrip("\r"), ln, c))
        if nl < 0:
            break
        nxt = nl + 1
        if nxt < len(raw_s) and raw_s[nxt:nxt + 1] in (" ", "\t") and nxt < header_end:
            pos, ln, c = nxt, ln + 1, 1
            continue
        break
    raw_value = "".join(p[0] for p in parts)
    if "=?" in raw_value:
        return MText.at(decoded_subject or "", line_no, col)
    b = Builder()
    for seg, ln, c in parts:
        text = seg.encode("ascii", "surrogateescape").decode("utf-8", "replace")
        b.add(MText.verbatim(text, ln, c))
    return MText(b.text, b.pieces)


def _locate(raw_s: str, part: Message, hint: int) -> tuple[int, int, str] | None:
    """(line, offset, raw payload) of the part's body in the raw file, or None."""
    payload = getattr(part, "_payload", None)  # raw (surrogate-escaped) text; get_payload() re-decodes 8bit
    if not isinstance(payload, str) or not payload:
        return None
    pos = raw_s.find(payload, hint)
    if pos < 0:
        pos = raw_s.find(payload)
    if pos < 0:
        return None
    return raw_s.count("\n", 0, pos) + 1, pos, payload


def _verbatim_lines(payload: str, line0: int, codec: str) -> list[MText]:
    lines = []
    for i, raw_line in enumerate(payload.split("\n")):
        if raw_line.endswith("\r"):
            raw_line = raw_line[:-1]
        text = decode(raw_line.encode("ascii", "surrogateescape"), codec).replace("\r", " ")
        lines.append(MText.verbatim(text, line0 + i, 1))
    return lines


def _qp_lines(payload: str, text: str, line0: int) -> list[MText]:
    """The decoded lines of a quoted-printable part, each mapped to the source line it starts on (soft line breaks
    - a line ending in "=" - join source lines); a line that decodes to its source unchanged maps column by
    column. When the counts do not agree, every line maps to the part's first line."""
    src = [ln[:-1] if ln.endswith("\r") else ln for ln in payload.split("\n")]
    decoded = text.split("\n")
    starts, cur = [], 0
    for _ in decoded:
        if cur >= len(src):
            return [MText.at(t, line0, 1) for t in decoded]
        starts.append(cur)
        while cur < len(src) and src[cur].endswith("="):
            cur += 1
        cur += 1
    out = []
    for t, k in zip(decoded, starts, strict=True):
        same = src[k] == t and not src[k].endswith("=")
        out.append(MText.verbatim(t, line0 + k, 1) if same else MText.at(t, line0 + k, 1))
    return out


def _message_context(headers: dict[str, str]) -> Context:
    """The email facts checks may consult (date, sender, recipients), with a bad Date header read as no date."""
    ctx = Context(headers=headers, is_email=True, subject=headers.get("subject"))
    if headers.get("date"):
        try:
            ctx.date = parsedate_to_datetime(headers["date"])
        except Exception:
            ctx.date = None
    sender = _addresses(headers.get("from"))
    ctx.sender = sender[0] if sender else None
    ctx.recipients = _addresses(headers.get("to"), headers.get("cc"))
    return ctx


def _header_suppressions(msg: Message, headers: dict[str, str]) -> list[Suppression]:
    """Every X-Tonecheck-Ignore header (it may repeat) as a whole-message suppression."""
    try:
        ignore_values = [_safe_str(v) for v in (msg.get_all("x-tonecheck-ignore") or [])]
    except Exception:
        ignore_values = [headers.get("x-tonecheck-ignore", "")]
    suppressions = []
    for value in ignore_values:
        sels = tuple(s for s in re.split(r"[\s,]+", value) if s)
        if sels:
            suppressions.append(Suppression(selectors=sels, start=None))
    return suppressions


_BROKEN_STRUCTURE = ("StartBoundaryNotFoundDefect", "CloseBoundaryNotFoundDefect", "MultipartInvariantViolationDefect")


def _structure_broken(part: Message) -> bool:
    """Whether the parser had to guess this part's boundaries (worth a warning: parts may be missing)."""
    try:
        return any(type(d).__name__ in _BROKEN_STRUCTURE for d in part.defects)
    except Exception:
        return False


@dataclass
class _TextParts:
    """The text parts the walk found: the first plain and html part of the message itself, and forwarded ones."""
    plain: Message | None = None
    html: Message | None = None
    forwards: dict[int, tuple[Message, list[Message]]] = field(default_factory=dict)


def _text_parts(msg: Message, warnings: list[str]) -> _TextParts:
    """Sort the message's text parts into the candidates for the body and the forwarded messages' parts."""
    found = _TextParts()
    defects = False
    for part, _depth, fwd in _walk(msg, warnings):
        defects = _structure_broken(part) or defects
        ct = _ctype(part)
        if ct not in ("text/plain", "text/html") or _is_attachment(part):
            continue
        if fwd is not None:
            found.forwards.setdefault(id(fwd), (fwd, []))[1].append(part)
            continue
        if ct == "text/plain" and found.plain is None:
            found.plain = part
        elif ct == "text/html" and found.html is None:
            found.html = part
    if defects:
        warnings.append("MIME structure is truncated or broken; checked the parts that are there")
    return found


@dataclass
class _Body:
    """What the chosen body part yields: the judged lines' text, and the context the reader set aside."""
    text: MText = field(default_factory=MText)
    quoted: list[QuotedBlock] = field(default_factory=list)
    signature_parts: list[str] = field(default_factory=list)
    verbatim_codec: str | None = None  # the charset, when the judged lines are the file's own bytes


def _html_quoted(qt: str) -> list[QuotedBlock]:
    """A quote container of an html body as blocks, keeping text written before its first quote marker apart."""
    qs = quoting.split_lines(qt.split("\n"))
    qb = qs.quoted or [QuotedBlock(text=qt)]
    if qs.judged and qs.quoted:  # text before the first marker inside the container
        pre = "\n".join(qt.split("\n")[i] for i in qs.judged).strip()
        if pre:
            qb = [QuotedBlock(text=pre)] + qb
    return qb


def _html_signature(sig: str) -> str | None:
    """A signature container of an html body as plain lines, without the '-- ' delimiter."""
    sig_lines = [x.strip() for x in sig.split("\n") if x.strip()]
    if sig_lines and sig_lines[0] in ("--", "-- "):
        sig_lines = sig_lines[1:]
    return "\n".join(sig_lines) if sig_lines else None


def _html_body_lines(src: str, line0: int, verbatim_ok: bool, body: _Body, warnings: list[str]) -> list[MText]:
    """The visible lines of an html body part; its quote and signature containers go to `body` as context."""
    ht = htmlreader.extract(src, email_mode=True)
    warnings.extend(ht.warnings)
    joined = join(ht.blocks, "\n\n")
    joined = joined.shift_lines(line0 - 1) if verbatim_ok else joined.relocate(line0, 1)
    for qt in ht.quoted:
        body.quoted.extend(_html_quoted(qt))
    for sig in ht.signature:
        sig_text = _html_signature(sig)
        if sig_text:
            body.signature_parts.append(sig_text)
    return joined.split_lines()


def _read_body(raw_s: str, chosen: Message, is_plain: bool, body_start: int, warnings: list[str]) -> _Body:
    """The chosen part's new text, with its quotes and signature split off as context.

    A 7bit/8bit part in an ASCII-compatible charset is mapped line by line onto the file; any other part maps to
    the line its payload starts on.
    """
    body = _Body()
    loc = _locate(raw_s, chosen, 0)
    line0 = loc[0] if loc else body_start
    cte = _cte(chosen)
    text, codec = _part_text(chosen, warnings)
    verbatim_ok = loc is not None and cte in VERBATIM_CTE and ascii_compatible(codec)
    if is_plain:
        if verbatim_ok:
            lines = _verbatim_lines(loc[2], line0, codec)
        elif loc is not None and cte == "quoted-printable":
            lines = _qp_lines(loc[2], text, line0)
        else:
            lines = [MText.at(t, line0, 1) for t in text.split("\n")]
            if loc is not None and cte == "base64" and text.strip():
                warnings.append(f"the body is base64-encoded: its findings point at the part's first line ({line0})")
    else:
        src = decode(loc[2].encode("ascii", "surrogateescape"), codec) if verbatim_ok else text
        lines = _html_body_lines(src, line0, verbatim_ok, body, warnings)
    split = quoting.split_lines([ln.text for ln in lines])
    body.text = quoting.assemble(lines, split.judged, _flowed(chosen) if is_plain else None)
    body.quoted = split.quoted + body.quoted
    if split.signature:
        body.signature_parts.insert(0, split.signature)
    if verbatim_ok:
        body.verbatim_codec = codec
    return body


def _source_in_body_charset(data: bytes, source_text: str, codec: str | None) -> str:
    """The file as shown in excerpts: 8-bit lines in the body's own charset when UTF-8 could not show them.

    Same columns either way: the codec is ascii-compatible with one byte per char; a decoding that moved the
    line breaks is not used.
    """
    if codec is not None and codec != "utf-8" and "\ufffd" in source_text:
        alt = decode(data, codec)
        if alt.count("\n") == source_text.count("\n"):
            return alt
    return source_text


def _forward_blocks(forwards: dict[int, tuple[Message, list[Message]]], warnings: list[str]) -> list[QuotedBlock]:
    """Each forwarded (message/rfc822) message as one quoted block, read from its plain part when it has one."""
    blocks = []
    for fwd, parts in forwards.values():
        p = next((x for x in parts if _ctype(x) == "text/plain"), parts[0])
        t, _ = _part_text(p, warnings)
        if _ctype(p) == "text/html":
            t = htmlreader.plain_text(t)
        blocks.append(_forward_block(fwd, t))
    return blocks


def _judged_subject(raw_s: str, header_end: int, subject: str | None) -> MText | None:
    """The Subject, when the writer wrote it: a reply's or a forward's ("RE: Need this rushed", "Fwd: ...", or the
    same subject as the forwarded message's) is the other party's wording, kept as context (Context.subject) and
    not judged."""
    subj = _subject_mtext(raw_s, header_end, subject)
    if subj is not None and (REPLY_PREFIX.match(subj.text) or _echoed(subj.text, raw_s[header_end:])):
        return None
    return subj.strip() if subj is not None else None


def _echoed(subject: str, body: str) -> bool:
    """The subject is an earlier message's, kept by a forward without "Fw:" (Lotus Notes does this): the quoted or
    forwarded headers in the body carry the same "Subject:" line."""
    want = " ".join(subject.split()).lower()
    if not want or "subject:" not in body.lower():
        return False
    for m in _QUOTED_SUBJECT.finditer(body):
        if " ".join(REPLY_PREFIX.sub("", m.group(1)).split()).lower() == want:
            return True
    return False


_QUOTED_SUBJECT = re.compile(r"^[ \t>]*subject:[ \t]*(.+?)[ \t]*$", re.I | re.M)


def _judged_text(subj: MText | None, body: MText, warnings: list[str]) -> tuple[Builder, list[Region]]:
    """Subject and body joined into the judged text, each a Region so checks can tell them apart."""
    b = Builder()
    regions = []
    if subj is not None and subj.text:
        s, e = b.add(subj)
        regions.append(Region("subject", s, e))
        if body.text:
            b.add("\n\n")
    if body.text:
        s, e = b.add(body)
        regions.append(Region("body", s, e))
    else:
        warnings.append("no new text in the message body")
    return b, regions


def _no_headers(path: str, data: bytes) -> Document:
    """A file without headers is not an email: read it as plain text, saying so."""
    from .text import read_text
    doc = read_text(path, data)
    doc.warnings.insert(0, "no email headers found; read as plain text")
    return doc


def read_eml(path: str, data: bytes) -> Document:
    """Read an .eml file: Subject plus the body's new text are judged; headers, quotes, forwards are context.

    Over-long headers and big attachments are bounded first (readers/emlbound.py), then put back as lines."""
    from .emlbound import bound_message, restore

    bounded = bound_message(data)
    limits.check_bytes(len(bounded.data), " besides attachments")
    if bounded.data is data:
        return _read_message(path, data)
    return restore(_read_message(path, bounded.data), bounded, data)


def _read_message(path: str, data: bytes) -> Document:
    """read_eml on a message within the bounds."""
    raw_s = data.decode("ascii", "surrogateescape")
    source_text = data.decode("utf-8", "replace")
    warnings: list[str] = []
    msg = BytesParser(policy=_POLICY).parsebytes(data)
    headers = _headers(msg)
    if not headers:
        return _no_headers(path, data)
    sep = re.search(r"\r?\n\r?\n", raw_s)
    header_end = sep.start() if sep else len(raw_s)
    ctx = _message_context(headers)
    suppressions = _header_suppressions(msg, headers)
    found = _text_parts(msg, warnings)

    body_start = raw_s.count("\n", 0, sep.end()) + 1 if sep else 1
    chosen = found.plain if found.plain is not None else found.html
    body = _Body()
    if chosen is None:
        if not found.forwards:
            deep = any("nested too deeply" in w for w in warnings)
            raise InputError("message has no text part" + (" (MIME parts nested too deeply)" if deep else ""))
    else:
        body = _read_body(raw_s, chosen, chosen is found.plain, body_start, warnings)
        source_text = _source_in_body_charset(data, source_text, body.verbatim_codec)
    ctx.quoted = body.quoted + _forward_blocks(found.forwards, warnings)
    ctx.signature = "\n\n".join(body.signature_parts) if body.signature_parts else None

    subj = _judged_subject(raw_s, header_end, headers.get("subject"))
    b, regions = _judged_text(subj, body.text, warnings)
    seen: set[str] = set()
    warnings = [w for w in warnings if not (w in seen or seen.add(w))]
    return Document(path=path, kind="eml", text=b.text, source_map=b.source_map(default_line=body_start),
                    context=ctx, suppressions=suppressions, regions=regions, warnings=warnings,
                    source_text=source_text)
