"""RFC 5322 / MIME messages: the Subject plus the body's new text, with headers and the thread as context.

The stdlib parser does the MIME work; we add what it lacks: where each judged character sits in the .eml file.
A 7bit/8bit part's lines stand verbatim in the file, so once the part's raw payload is located in the raw bytes,
each body line maps to its own file line. Decoded parts (quoted-printable, base64) map to the part's first line.
"""
from __future__ import annotations

import re
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime

from ..model import Context, Document, InputError, QuotedBlock, Region, Suppression
from . import html as htmlreader
from . import quoting
from .mapped import Builder, MText, ascii_compatible, choose_codec, decode, join

MAX_DEPTH = 400
MAX_PARTS = 2000
SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|fw|aw|sv|wg|tr)\s*(?:\[\d+\])?\s*:\s*)+", re.I)
VERBATIM_CTE = {"", "7bit", "8bit", "binary"}


class _MemoPolicy(type(policy.default)):
    """policy.default, with the parsed header objects memoised by (name, raw value).

    The stdlib re-parses a header through its header registry at every msg.get() / get_content_type() /
    get_param() call (several per part), and that parsing is most of the cost of reading a small message. The
    result is a pure function of (name, value) and the header objects are immutable, so they can be shared.
    """

    def header_fetch_parse(self, name, value):
        if type(value) is not str or type(name) is not str:
            return super().header_fetch_parse(name, value)
        key = (name, value)
        hit = _HEADER_MEMO.get(key)
        if hit is None:
            hit = super().header_fetch_parse(name, value)
            if len(_HEADER_MEMO) >= 4096:
                _HEADER_MEMO.clear()
            _HEADER_MEMO[key] = hit
        return hit


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


def read_eml(path: str, data: bytes) -> Document:
    raw_s = data.decode("ascii", "surrogateescape")
    source_text = data.decode("utf-8", "replace")
    warnings: list[str] = []
    msg = BytesParser(policy=_POLICY).parsebytes(data)
    headers = _headers(msg)
    if not headers:
        from .text import read_text
        doc = read_text(path, data)
        doc.warnings.insert(0, "no email headers found; read as plain text")
        return doc
    sep = re.search(r"\r?\n\r?\n", raw_s)
    header_end = sep.start() if sep else len(raw_s)

    ctx = Context(headers=headers, is_email=True, subject=headers.get("subject"))
    if headers.get("date"):
        try:
            ctx.date = parsedate_to_datetime(headers["date"])
        except Exception:
            ctx.date = None
    sender = _addresses(headers.get("from"))
    ctx.sender = sender[0] if sender else None
    ctx.recipients = _addresses(headers.get("to"), headers.get("cc"))

    suppressions = []
    try:
        ignore_values = [_safe_str(v) for v in (msg.get_all("x-tonecheck-ignore") or [])]
    except Exception:
        ignore_values = [headers.get("x-tonecheck-ignore", "")]
    for value in ignore_values:
        sels = tuple(s for s in re.split(r"[\s,]+", value) if s)
        if sels:
            suppressions.append(Suppression(selectors=sels, start=None))

    # choose the body part; collect forwarded messages
    plain = html_part = None
    forwards: dict[int, tuple[Message, list[Message]]] = {}
    defects = False
    for part, depth, fwd in _walk(msg, warnings):
        try:
            if any(type(d).__name__ in ("StartBoundaryNotFoundDefect", "CloseBoundaryNotFoundDefect",
                                        "MultipartInvariantViolationDefect") for d in part.defects):
                defects = True
        except Exception:
            pass
        ct = _ctype(part)
        if ct not in ("text/plain", "text/html") or _is_attachment(part):
            continue
        if fwd is not None:
            forwards.setdefault(id(fwd), (fwd, []))[1].append(part)
            continue
        if ct == "text/plain" and plain is None:
            plain = part
        elif ct == "text/html" and html_part is None:
            html_part = part
    if defects:
        warnings.append("MIME structure is truncated or broken; checked the parts that are there")

    quoted: list[QuotedBlock] = []
    signature_parts: list[str] = []
    body_start = raw_s.count("\n", 0, sep.end()) + 1 if sep else 1
    chosen = plain if plain is not None else html_part
    body = MText()
    if chosen is None:
        if not forwards:
            deep = any("nested too deeply" in w for w in warnings)
            raise InputError("message has no text part" + (" (MIME parts nested too deeply)" if deep else ""))
    else:
        loc = _locate(raw_s, chosen, 0)
        line0 = loc[0] if loc else body_start
        cte = _cte(chosen)
        text, codec = _part_text(chosen, warnings)
        verbatim_ok = loc is not None and cte in VERBATIM_CTE and ascii_compatible(codec)
        if chosen is plain:
            if verbatim_ok:
                lines = _verbatim_lines(loc[2], line0, codec)
            else:
                lines = [MText.at(t, line0, 1) for t in text.split("\n")]
        else:
            src = decode(loc[2].encode("ascii", "surrogateescape"), codec) if verbatim_ok else text
            ht = htmlreader.extract(src, email_mode=True)
            warnings.extend(ht.warnings)
            joined = join(ht.blocks, "\n\n")
            joined = joined.shift_lines(line0 - 1) if verbatim_ok else joined.relocate(line0, 1)
            lines = joined.split_lines()
            for qt in ht.quoted:
                qs = quoting.split_lines(qt.split("\n"))
                qb = qs.quoted or [QuotedBlock(text=qt)]
                if qs.judged and qs.quoted:  # text before the first marker inside the container
                    pre = "\n".join(qt.split("\n")[i] for i in qs.judged).strip()
                    if pre:
                        qb = [QuotedBlock(text=pre)] + qb
                quoted.extend(qb)
            for sig in ht.signature:
                sig_lines = [x.strip() for x in sig.split("\n") if x.strip()]
                if sig_lines and sig_lines[0] in ("--", "-- "):
                    sig_lines = sig_lines[1:]
                if sig_lines:
                    signature_parts.append("\n".join(sig_lines))
        if verbatim_ok and codec != "utf-8" and "\ufffd" in source_text:
            # show 8-bit lines in the body's own charset (same columns: ascii-compatible codec, 1 byte per char)
            alt = decode(data, codec)
            if alt.count("\n") == source_text.count("\n"):
                source_text = alt
        split = quoting.split_lines([ln.text for ln in lines])
        body = quoting.assemble(lines, split.judged)
        quoted = split.quoted + quoted
        if split.signature:
            signature_parts.insert(0, split.signature)
    for fwd, parts in forwards.values():
        p = next((x for x in parts if _ctype(x) == "text/plain"), parts[0])
        t, _ = _part_text(p, warnings)
        if _ctype(p) == "text/html":
            t = htmlreader.plain_text(t)
        quoted.append(_forward_block(fwd, t))
    ctx.quoted = quoted
    ctx.signature = "\n\n".join(signature_parts) if signature_parts else None

    b = Builder()
    regions = []
    subj = _subject_mtext(raw_s, header_end, headers.get("subject"))
    if subj is not None:
        m = SUBJECT_PREFIX.match(subj.text)
        subj = subj.slice(m.end() if m else 0).strip()
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
    seen: set[str] = set()
    warnings = [w for w in warnings if not (w in seen or seen.add(w))]
    return Document(path=path, kind="eml", text=b.text, source_map=b.source_map(default_line=body_start),
                    context=ctx, suppressions=suppressions, regions=regions, warnings=warnings,
                    source_text=source_text)

