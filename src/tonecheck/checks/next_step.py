"""next-step.missing: a customer-facing message that never says what happens next (the analysis:
tonecheck.analysis.next_steps).

Scope: e-mails and plain text that looks like a message (a greeting or a sign-off line), never web pages (md,
html). Mail between the sender's own domain and the configured `internal_domains` is internal and never judged:
a colleague's "thanks, got it" needs no next step. The finding sits on the sign-off line (or the last sentence).
"""
from __future__ import annotations

import re

from ..analysis import timexpr
from ..analysis.commitments import body_sentences
from ..analysis.next_steps import GREETING, find_next_steps
from ..readers.quoting import SIGNOFF
from . import Hit, register


@register("next-step.missing")
def next_step_missing(ctx, rule):
    if not looks_like_message(ctx) or is_internal(ctx) or addressed_to_nobody(ctx) or not ctx.text.strip() or \
            addressed_to_a_list(ctx) or written_to_the_brand(ctx) or cover_note(ctx) or not_a_letter(ctx) or \
            not_a_customer_matter(ctx):
        return
    info = find_next_steps(ctx)
    if info.has_next_step:
        return
    s, e = _anchor(ctx)
    fields = {"example_day": timexpr.example_day(ctx.document.context.date)}
    variant = None
    if info.vague_commitments:
        first = info.vague_commitments[0]
        fields["promise"] = re.sub(r"\s+", " ", first.text).strip().rstrip(".")
        variant = "vague-promise"
        if first.hedge:             # "We should be able to fix it by Friday": owner and date, but hedged
            variant, fields["hedge"] = "hedged-promise", first.hedge
    elif info.generic_asks:
        variant = "generic-ask"
    yield Hit(s, e, fields=fields, variant=variant)


def _domain(addr: str | None) -> str:
    return (addr or "").lower().rpartition("@")[2].strip(" >")


def addressed_to_nobody(ctx) -> bool:
    """An e-mail whose headers name no recipient at all (a note to self, an archived copy): nobody is waiting to
    learn what happens next, and nothing says a customer will read it."""
    context = ctx.document.context
    return context.is_email and not context.recipients


# a circular: a status report, an announcement or a newsletter to a list, not a reply to one person's case
LIST_SIZE = 10
# what a note that hands material on says: "FYI", "see below", "here it is", "per your request"
_HANDS_ON = re.compile(r"\b(?:fyi|f\.y\.i\.|see\s+(?:below|attached|the\s+(?:attached|below|article|note|message))|"
                       r"here\s+(?:it\s+is|they\s+are|you\s+go)|per\s+your\s+request|as\s+requested|"
                       r"for\s+your\s+(?:information|review|files|records|reference)|"
                       r"(?:attached|enclosed)\s+(?:is|are)|(?:please\s+)?find\s+attached)\b", re.I)
_FORWARD_SUBJECT = re.compile(r"^\s*(?:re:\s*)*(?:fw|fwd)\s*:", re.I)
COVER_NOTE_WORDS = 40


# words of a brand's name that say nothing about whose domain it is
_GENERIC_NAME_WORDS = {"the", "and", "energy", "group", "company", "services", "service", "limited", "ltd", "inc",
                       "corp", "corporation", "holdings", "international", "global", "coffee", "travel", "bank",
                       "shop", "store", "outfitters", "supply", "supplies", "solutions", "systems", "partners", "co"}


def _brand_words(ctx) -> set[str]:
    name = getattr(ctx.brand, "name", "") or ""
    return {w for w in re.findall(r"[a-z0-9]+", name.lower()) if len(w) >= 4 and w not in _GENERIC_NAME_WORDS}


def written_to_the_brand(ctx) -> bool:
    """Mail from outside to the brand in force (a customer's or a supplier's message: the sender's domain carries
    no word of the brand's name, a recipient's does) is not the brand's own message: it owes no next step."""
    context = ctx.document.context
    words = _brand_words(ctx)
    if not words or not context.is_email or not context.sender:
        return False

    def ours(addr: str | None) -> bool:
        domain = _domain(addr).replace("-", "")
        return any(w in domain for w in words)
    return not ours(context.sender) and any(ours(r) for r in context.recipients or ())


# a salutation line: "Hi Ana,", "Dear Mr Osei,", "Good morning team,", or a bare name with a comma ("Presly,")
_SALUTATION = re.compile(r"^\s*(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}\s*[,:!-]|(?:hi|hello|hey|dear|good\s+"
                         r"(?:morning|afternoon|evening)|greetings|hiya)\b)", re.I)


def not_a_letter(ctx) -> bool:
    """An e-mail whose own text opens without any salutation: a turn in a running conversation between people
    ("Yes, Phillippe left to join a firm in New York"), not a message written to a customer about their matter,
    which opens by addressing them (46 of the 47 labelled missing-next-step replies do)."""
    if not ctx.document.context.is_email:
        return False
    first = next((ln for ln in _body(ctx).split("\n") if ln.strip()), "")
    return not (GREETING.match(first) or (_SALUTATION.match(first) and len(first.split()) <= 5))


# what a customer writes to a company about: without a brand guide in force, the message must name such a matter
_CUSTOMER_MATTER = re.compile(
    r"\b(?:orders?|ordered|account|booking|booked|bookings|refunds?|invoices?|deliver(?:y|ies|ed)|appointments?|"
    r"subscriptions?|claims?|tickets?|complaints?|payments?|paid|charges?|charged|bills?|billing|returns?|"
    r"replacements?|repairs?|warranty|guarantee|membership|contract|quote|quotation|parcel|package|purchase|"
    r"cancel(?:led|lation)?|fault|faulty|broken|damaged|service|support|installation|visit|engineer|customer|"
    r"reservation|policy|premium|renewal|course|class|lesson|tenancy|lease)\b", re.I)


def not_a_customer_matter(ctx) -> bool:
    """An e-mail with no brand guide in force whose subject and own words name nothing a customer writes about
    (an order, a booking, a bill, a fault ...): a personal note, thanks to a colleague or an academic, a reply to a
    recruiter - mail that owes no next step, since the rule is for customer-facing messages."""
    context = ctx.document.context
    if ctx.brand is not None or not context.is_email:
        return False
    return _CUSTOMER_MATTER.search((context.subject or "") + "\n" + _body(ctx)) is None


def addressed_to_a_list(ctx) -> bool:
    """Ten recipients or more: a circular, not a reply to someone waiting on their case."""
    return len(ctx.document.context.recipients or ()) >= LIST_SIZE


def cover_note(ctx) -> bool:
    """A message whose own words are at most a short note that passes on something else - a forwarded message, a
    pasted article, "FYI", "here it is", "attached is": handing the material over is the whole point, and nothing
    more is to happen."""
    own = _own_words(ctx)
    if own == 0:
        return True                     # nothing but a link, an address or a name: the material is the message
    if own > COVER_NOTE_WORDS:
        return False
    context = ctx.document.context
    forwarded = any(b.kind in ("forward", "pasted") for b in context.quoted or ()) or \
        bool(_FORWARD_SUBJECT.match(context.subject or ""))
    return forwarded or bool(_HANDS_ON.search(_body(ctx)))


def _body(ctx) -> str:
    return "\n".join(ctx.text[r.start:r.end] for r in ctx.document.regions if r.name == "body") or ctx.text


def _own_words(ctx) -> int:
    """Words the sender wrote in the body, less a greeting, a sign-off and a name line."""
    count = 0
    for line in _body(ctx).split("\n"):
        words = line.split()
        if not words or SIGNOFF.match(line) or (GREETING.match(line) and len(words) <= 4) or \
                (len(words) <= 2 and not line.rstrip().endswith((".", "!", "?"))):
            continue
        count += len(words)
    return count


def is_internal(ctx) -> bool:
    """Every recipient is on the sender's own domain or a configured internal domain."""
    context = ctx.document.context
    if not context.recipients:
        return False
    internal = {d.lower().lstrip("@") for d in (getattr(ctx.config, "internal_domains", ()) or ())}
    sd = _domain(context.sender)
    if sd:
        internal.add(sd)
    if not internal:
        return False
    return all(_domain(r) in internal for r in context.recipients)


def looks_like_message(ctx) -> bool:
    """An e-mail, or plain text that opens with a greeting or closes with a sign-off; never a web page."""
    document = ctx.document
    if document.kind in ("md", "html"):
        return False
    if document.context.is_email:
        return True
    lines = [ln for ln in ctx.text.split("\n") if ln.strip()]
    if not lines:
        return False
    return bool(GREETING.match(lines[0])) or any(SIGNOFF.match(ln) for ln in lines[-4:])


def _anchor(ctx) -> tuple[int, int]:
    """The sign-off line, or else the last sentence of the new text."""
    text = ctx.text
    body = [r for r in ctx.document.regions if r.name == "body"]
    lo = body[0].start if body else 0
    hi = body[-1].end if body else len(text)
    pos = lo
    best = None
    for line in text[lo:hi].split("\n"):
        if SIGNOFF.match(line) and line.strip():
            s = pos + (len(line) - len(line.lstrip()))
            best = (s, pos + len(line.rstrip()))
        pos += len(line) + 1
    if best:
        return best
    sents = body_sentences(ctx)
    # the last sentence with some words in it (not a bare name)
    for s in reversed(sents):
        if len(s.text.split()) >= 3:
            return s.start_char, s.end_char
    if sents:
        return sents[-1].start_char, sents[-1].end_char
    return lo, hi
