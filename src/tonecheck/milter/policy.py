"""What the gate does with one message, decided from its envelope and its findings: no milter library here, so the
decisions are plain functions (tested without a mail server) and the milter (milter/gate.py) only carries them out.

- Exempt: the envelope sender is listed, or every envelope recipient is (an address, or a domain as "@domain" or
  "domain"). Exempt mail is not checked at all.
- Internal: every envelope recipient is on the sender's own domain or on one of the config's `internal_domains`
  (the same test the next-step rule applies to the To/Cc headers). Internal mail is checked without the rules in
  the milter's `internal_ignore` (default: next-step and brand: a colleague needs neither a next step spelled out
  nor the brand's customer-facing wording); tone rules (defensive, sarcasm, commitment) still apply.
- A message fails when it has a finding at or above `fail_on`; then `action` says reject (5xx with the reason and
  the first findings), hold (Postfix's hold queue) or tag (X-Tonecheck headers, delivered).
- A message that could not be checked (unreadable, too complex, too large) passes: it is mail, and is never lost.
  A failure of the gate itself (timeout, overload, a checker that died) passes too, or is tempfailed with
  on_error = "tempfail" so the sending client tries again later.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.header import Header

from ..model import SEVERITY_RANK

SHOWN = 3                   # findings named in a reply or a header
_UNSAFE = re.compile(r"[^\x20-\x7e]")


@dataclass
class Decision:
    action: str                                   # continue | reject | hold | tag | tempfail
    reason: str                                   # one line for the log
    reply: list[str] = field(default_factory=list)            # SMTP reply text lines (reject, tempfail)
    headers: list[tuple[str, str]] = field(default_factory=list)   # added in tag mode
    unchecked: bool = False                       # passed without a verdict: logged as a warning, not info


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].lower()


def address_listed(address: str, entries) -> bool:
    """Whether `address` is one of `entries`: an address exactly, or its domain as "@domain" or "domain"."""
    address = address.lower()
    domain = domain_of(address)
    for entry in entries:
        if entry == address or (entry.lstrip("@") == domain and "@" not in entry.lstrip("@")):
            return True
    return False


def exemption(sender: str, recipients: list[str], settings) -> str | None:
    """Why this envelope is exempt from the gate, or None."""
    if sender and address_listed(sender, settings.exempt_senders):
        return f"sender {sender} is exempt"
    if recipients and all(address_listed(r, settings.exempt_recipients) for r in recipients):
        return "every recipient is exempt"
    return None


def is_internal(sender: str, recipients: list[str], internal_domains) -> bool:
    """Every envelope recipient on the sender's domain or an internal domain."""
    ours = {d.lower().lstrip("@") for d in internal_domains}
    if sender and "@" in sender:
        ours.add(domain_of(sender))
    return bool(recipients) and bool(ours) and all(domain_of(r) in ours for r in recipients)


def failing(findings, fail_on: str) -> list:
    """The findings at or above `fail_on` ("never": none), most severe first, in text order within a severity."""
    if fail_on not in SEVERITY_RANK:
        return []
    floor = SEVERITY_RANK[fail_on]
    hits = [f for f in findings if SEVERITY_RANK.get(f.severity, 0) >= floor]
    return sorted(hits, key=lambda f: (-SEVERITY_RANK.get(f.severity, 0), f.line, f.column))


def decide(error: str | None, findings, *, fail_on: str, action: str, queue_id: str) -> Decision:
    """The decision for a checked message (`error`: why it could not be checked)."""
    if error:
        return Decision("continue", f"{queue_id}: passed unchecked: {error}", unchecked=True)
    bad = failing(findings, fail_on)
    if not bad:
        return Decision("continue", f"{queue_id}: pass ({len(findings)} finding{_s(findings)} below {fail_on})")
    summary = f"{len(bad)} finding{_s(bad)} at or above {fail_on}"
    named = "; ".join(_named(f) for f in bad[:SHOWN])
    log_line = f"{queue_id}: {action}: {summary}: {named}"
    if action == "reject":
        reply = [f"tonecheck: message not sent: {summary}"]
        reply += [_smtp_safe(f"{f.rule}: {f.message} ({_excerpt(f)})") for f in bad[:SHOWN]]
        reply.append("Please reword the message and send it again.")
        return Decision("reject", log_line, reply=reply)
    if action == "hold":
        return Decision("hold", log_line, reply=[_smtp_safe(f"tonecheck: {summary}: {named}")])
    counts = ", ".join(f"{n} {sev}" for sev in ("error", "warning", "info")
                       if (n := sum(1 for f in bad if f.severity == sev)))
    headers = [("X-Tonecheck", f"fail; {summary} ({counts})"),
               ("X-Tonecheck-Findings", _header_value(named))]
    return Decision("tag", log_line, headers=headers)


def gate_failure(problem: str, *, on_error: str, queue_id: str) -> Decision:
    """The answer when the gate itself failed for this message: pass it on, or tempfail with on_error."""
    if on_error == "tempfail":
        return Decision("tempfail", f"{queue_id}: tempfail: {problem}", unchecked=True,
                        reply=["tonecheck: the message could not be checked now; please try again later"])
    return Decision("continue", f"{queue_id}: passed unchecked: {problem}", unchecked=True)


def _s(items) -> str:
    return "" if len(items) == 1 else "s"


def _excerpt(finding) -> str:
    text = " ".join((finding.excerpt or "").split())
    return f'"{text[:60]}{"..." if len(text) > 60 else ""}"'


def _named(finding) -> str:
    return f"{finding.rule} {_excerpt(finding)}"


def _smtp_safe(text: str, limit: int = 200) -> str:
    """One SMTP reply line: printable ASCII (others as '?'), '%' doubled as libmilter requires, kept short."""
    text = _UNSAFE.sub("?", " ".join(text.split()))
    if len(text) > limit:
        text = text[:limit - 3] + "..."
    return text.replace("%", "%%")


def _header_value(text: str, limit: int = 900) -> str:
    """A header value: ASCII as is, else RFC 2047 encoded words; never a line break of its own."""
    text = " ".join(text.split())[:limit]
    if text.isascii():
        return text
    return Header(text, "utf-8", maxlinelen=998).encode()
