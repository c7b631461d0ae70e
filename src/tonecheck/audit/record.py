"""One archive entry checked: a MessageRecord with what the figures need (sender, ISO week, findings) and, for the
html report, the message's section rendered where its Document is (in the worker), so no Document crosses a pipe.
"""
from __future__ import annotations

import email.header
import email.utils
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from email.policy import compat32

from ..archive import ArchiveEntry
from ..model import Finding
from .team import TeamFilter

UNKNOWN_WEEK = "unknown"


@dataclass(frozen=True)
class AuditOptions:
    team: TeamFilter = TeamFilter()
    html: bool = False          # render each message's section (only messages with findings or an error)


@dataclass
class MessageRecord:
    archive: str
    number: int
    position: str               # 'message 12 (byte 3456)' / 'message 3 (cur/…)'
    display: str                # the name its findings carry
    offset: int | None = None
    name: str | None = None
    sender: str | None = None
    date: str | None = None     # ISO 8601, as the Date header gives it
    week: str = UNKNOWN_WEEK    # ISO week, '2026-W49'
    subject: str | None = None
    message_id: str | None = None
    team: bool = True           # sent by the team (else not checked)
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)
    section: str | None = None  # html for the report

    def to_json(self) -> dict:
        return {"archive": self.archive, "number": self.number, "position": self.position, "path": self.display,
                "offset": self.offset, "file": self.name, "sender": self.sender, "date": self.date,
                "week": self.week, "subject": self.subject, "message_id": self.message_id, "error": self.error,
                "findings": [f.to_json() for f in self.findings]}


def _headers(data: bytes) -> dict:
    """From, Date, Subject and Message-ID without parsing the body (also for a message that cannot be checked)."""
    try:
        msg = BytesHeaderParser(policy=compat32).parsebytes(data)
        sender = email.utils.parseaddr(str(msg.get("From", "")))[1].lower() or None
        raw_date, subject = msg.get("Date"), msg.get("Subject")
        message_id = msg.get("Message-ID")
    except Exception:  # noqa: BLE001 - a header the parser chokes on: the message is judged without them
        return {}
    out = {"sender": sender, "subject": _header_text(subject), "message_id": _header_text(message_id)}
    try:
        when = email.utils.parsedate_to_datetime(str(raw_date)) if raw_date else None
    except (TypeError, ValueError, IndexError, OverflowError):
        when = None
    if when is not None:
        year, week, _ = when.isocalendar()
        out.update(date=when.isoformat(), week=f"{year}-W{week:02d}")
    return out


def _header_text(value) -> str | None:
    """A header as text (RFC 2047 words decoded), on one line."""
    if value is None:
        return None
    try:
        text = str(email.header.make_header(email.header.decode_header(str(value))))
    except Exception:  # noqa: BLE001 - undecodable encoded words: shown as written
        text = str(value)
    return " ".join(text.split())[:300]


def check_entry(runner, entry: ArchiveEntry, options: AuditOptions = AuditOptions()) -> MessageRecord:
    """The record of one entry: not checked when not from the team, an error when unreadable, else its findings."""
    rec = MessageRecord(archive=entry.archive, number=entry.number, position=entry.position, display=entry.display,
                        offset=entry.offset, name=entry.name)
    if entry.data is None:
        rec.error = entry.error or "cannot be read"
        return _with_section(rec, None, options)
    for key, value in _headers(entry.data).items():
        setattr(rec, key, value)
    if not options.team.sent_by_team(rec.sender):
        rec.team = False
        return rec
    result = runner.check_one(entry.display, data=entry.data, display=entry.display, kind="eml")
    rec.error, rec.findings = result.error, list(result.findings)
    return _with_section(rec, result, options)


def _with_section(rec: MessageRecord, result, options: AuditOptions) -> MessageRecord:
    if options.html and (rec.error or rec.findings):
        from .section import message_section
        rec.section = message_section(rec, result)
    return rec

