"""Facts about the thread around the judged text: the other party's quoted words. (A subject line that echoes
someone else's subject is never judged: readers/eml.py leaves it out.)"""
from __future__ import annotations

from email.utils import parseaddr


# an address is at most 320 characters (RFC 5321); a longer "author" is a misread attribution line, and the
# stdlib's parseaddr recurses on nested brackets in it (a 9,587-character one hit the recursion limit)
_MAX_ADDRESS = 320


def _domain(addr: str | None) -> str | None:
    if not addr or len(addr) > _MAX_ADDRESS * 2:
        return None
    a = parseaddr(addr)[1] or addr
    return a.rsplit("@", 1)[-1].lower() if "@" in a else None


def customer_text(context) -> str:
    """The quoted words of the other party (a document's context.quoted, leaving out blocks from the sender's own
    domain: those are the organisation's earlier replies, not the customer; and pasted articles and legal footers,
    which nobody in the conversation wrote)."""
    mine = _domain(getattr(context, "sender", None))
    parts = []
    for b in getattr(context, "quoted", None) or ():
        if b.kind in ("pasted", "footer") or (mine and b.author and _domain(b.author) == mine):
            continue
        parts.append(b.text)
    return "\n".join(parts)
