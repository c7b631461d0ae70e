"""Verdicts and the report message.

The verdict is Fail for any error-severity finding or an unreadable draft, Warn for any warning, OK otherwise (info
findings only → OK). It is stored on the draft as one keyword, which is also the record of what has been checked.

The report is a plain-text message appended to the report folder. Its Message-ID is derived from the draft's content
hash, so one draft version has exactly one report however often (and by however many watchers) it is checked, and
In-Reply-To / References point at the draft so mail clients thread them.
"""
from __future__ import annotations

import email.utils
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timezone
import quopri
from email.header import Header, decode_header, make_header
from email.parser import BytesHeaderParser

from ..report.text import render_finding

KEYWORDS = {"ok": "$ToneCheckOK", "warn": "$ToneCheckWarn", "fail": "$ToneCheckFail"}
VERDICT_OF_KEYWORD = {v.lower(): k for k, v in KEYWORDS.items()}
REPORT_DOMAIN = "tonecheck.invalid"


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def verdict_of(result) -> str:
    if result.error:
        return "fail"
    sevs = {f.severity for f in result.findings}
    if "error" in sevs:
        return "fail"
    if "warning" in sevs:
        return "warn"
    return "ok"


def verdict_in_flags(flags) -> str | None:
    """The verdict a draft already carries, from its FLAGS (keywords are case-insensitive)."""
    for flag in flags:
        v = VERDICT_OF_KEYWORD.get(flag.lower())
        if v:
            return v
    return None


def report_message_id(digest: str) -> str:
    return f"<report-{digest[:40]}@{REPORT_DOMAIN}>"


def counts(result) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for f in result.findings:
        out[f.severity] = out.get(f.severity, 0) + 1
    return out


@dataclass
class DraftHeaders:
    subject: str
    message_id: str | None
    references: str | None
    sender: str | None


_MSGID = re.compile(r"<[^<>\s]+>")


def draft_headers(data: bytes) -> DraftHeaders:
    """Subject, Message-ID, References and From, read leniently: a malformed draft still gets a report."""
    try:
        msg = BytesHeaderParser().parsebytes(data[:200_000])  # compat32: lenient and fast

        def text(name):
            raw = msg.get(name)
            return str(make_header(decode_header(str(raw)))) if raw is not None else ""

        subject = _one_line(text("subject"))
        mid = _MSGID.search(str(msg.get("message-id", "") or ""))
        refs = " ".join(_MSGID.findall(str(msg.get("references", "") or ""))) or None
        sender = text("from") or None
    except Exception:  # noqa: BLE001 - headers so broken the parser gave up: report without them
        return DraftHeaders(subject="", message_id=None, references=None, sender=None)
    return DraftHeaders(subject=subject, message_id=mid.group(0) if mid else None, references=refs,
                        sender=_one_line(sender) if sender else None)


def _one_line(s: str, limit: int = 200) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[:limit - 1] + "…"


def report_subject(result, subject: str) -> str:
    shown = subject or "(no subject)"
    if result.error:
        return f"tonecheck: could not read '{shown}'"
    n = len(result.findings)
    return f"tonecheck: {n} finding{'s' if n != 1 else ''} in '{shown}'"


def report_body(result, *, verdict: str, folder: str, uid: int, digest: str, subject: str) -> str:
    c = counts(result)
    lines = [f"tonecheck checked the draft '{subject or '(no subject)'}' (folder {folder}, UID {uid}).", ""]
    if result.error:
        lines += [f"Verdict: {verdict.upper()}: the draft could not be read: {result.error}.", "",
                  "Fix the message (or save it again from your mail client) and tonecheck will check the new "
                  "version.", ""]
    else:
        n = len(result.findings)
        lines += [f"Verdict: {verdict.upper()}: {n} finding{'s' if n != 1 else ''} "
                  f"({c['error']} error{'s' if c['error'] != 1 else ''}, "
                  f"{c['warning']} warning{'s' if c['warning'] != 1 else ''}, {c['info']} info).", ""]
        if not result.findings:
            lines += ["All clear: nothing to change.", ""]
        for i, f in enumerate(result.findings, 1):
            lines.append(f"{i}. " + render_finding(result, f, color=False)[0])
            lines += ["   " + line for line in render_finding(result, f, color=False)[1:]]
            if not f.suggestion:
                lines.append("   (no suggestion)")
            lines.append("")
    for note in getattr(result, "notes", None) or ():
        lines.append(f"Note: {note}")
    lines += ["-- ", f"tonecheck watch; draft content sha256 {digest}",
              "This report is written once per version of the draft: save the draft again to have it re-checked."]
    return "\n".join(lines) + "\n"


def _encode(value: str) -> str:
    """A header value: as is when ASCII, else an RFC 2047 encoded-word."""
    if value.isascii():
        return value
    return Header(value, "utf-8", maxlinelen=998).encode()


def build_report(result, data: bytes, *, verdict: str, folder: str, uid: int, digest: str,
                 now: datetime | None = None) -> tuple[bytes, str, str]:
    """(message bytes, Message-ID, subject) of the report for one draft version.

    Built by hand rather than with email.message.EmailMessage: the header registry costs ~15 ms a message."""
    h = draft_headers(data)
    subject = report_subject(result, h.subject)
    mid = report_message_id(digest)
    headers = [("From", f"tonecheck <tonecheck@{REPORT_DOMAIN}>")]
    if h.sender:
        name, addr = email.utils.parseaddr(h.sender)
        if addr and "@" in addr and addr.isascii() and not re.search(r"[\s<>]", addr):
            headers.append(("To", email.utils.formataddr((name, addr), charset="utf-8")))
    headers += [("Subject", _encode(subject)),
                ("Date", email.utils.format_datetime(now or datetime.now(timezone.utc))),
                ("Message-ID", mid)]
    if h.message_id:
        headers.append(("In-Reply-To", h.message_id))
        headers.append(("References", " ".join(x for x in (h.references, h.message_id) if x)))
    headers += [("Auto-Submitted", "auto-generated"), ("X-Tonecheck-Verdict", verdict),
                ("X-Tonecheck-Draft", f"folder={_encode(folder)}; uid={uid}; sha256={digest}"),
                ("MIME-Version", "1.0"), ("Content-Type", 'text/plain; charset="utf-8"')]
    body = report_body(result, verdict=verdict, folder=folder, uid=uid, digest=digest, subject=h.subject)
    lines = body.splitlines()
    if all(len(line.encode("utf-8")) <= 990 for line in lines):
        # 8bit keeps the body readable as it is stored
        headers.append(("Content-Transfer-Encoding", "8bit" if not body.isascii() else "7bit"))
        payload = "\r\n".join(lines).encode("utf-8") + b"\r\n"
    else:
        headers.append(("Content-Transfer-Encoding", "quoted-printable"))
        payload = quopri.encodestring(body.replace("\n", "\r\n").encode("utf-8"))
    head = "".join(f"{k}: {v}\r\n" for k, v in headers).encode("ascii")
    return head + b"\r\n" + payload, mid, subject
