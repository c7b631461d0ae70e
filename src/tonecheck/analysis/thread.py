"""Facts about the thread around the judged text: the other party's quoted words. (A subject line that echoes
someone else's subject is never judged: readers/eml.py leaves it out.)"""
from __future__ import annotations

import re
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


# what a customer's message offers that a reply can return: a greeting, a good wish, thanks
_GREETED = re.compile(r"\b(?:hi|hiya|hello|hey|dear|good\s+(?:morning|afternoon|evening|day)|morning|greetings|"
                      r"hope\s+(?:you|this|all|everyone|your)|(?:nice|lovely|great|good|pleasure)\s+to\s+"
                      r"(?:hear|speak|talk|see|meet|chat)|happy\s+\w+|have\s+a\s+(?:good|great|nice|lovely))\b", re.I)
_THANKED = re.compile(r"\b(?:thanks|thank|thx|cheers|ta|appreciate[sd]?|grateful|much\s+obliged)\b", re.I)


def offers_greeting(customer: str) -> bool:
    """The customer's words greet or wish well (or thank): a "to you too" in the reply returns something given."""
    return bool(_GREETED.search(customer) or _THANKED.search(customer))


def offers_thanks(customer: str) -> bool:
    """The customer's words thank: a "You're welcome" in the reply answers them."""
    return bool(_THANKED.search(customer))


_PRAISED = re.compile(r"\b(?:great|brilliant|excellent|amazing|lovely|kind|helpful|wonderful|fantastic|pleased|happy|"
                      r"love|loved|impressed|perfect|superb|outstanding|delighted|grateful|well\s+done)\b", re.I)


def offers_praise(customer: str) -> bool:
    """The customer's words praise or thank: "your kind words" in the reply can refer to them."""
    return bool(_PRAISED.search(customer) or _THANKED.search(customer))
