"""Earlier promises in the quoted thread: what the sender's side already promised, and for when.

A new date for the same thing, later than the one promised before, is a moved deadline unless the new text
acknowledges the change ("sorry, this has moved", "the new date is ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..readers.quoting import nested_messages
from . import timexpr
from .commitments import Commitment, find_commitments

# words too common to tell two promises apart
_STOP = {"i", "we", "you", "it", "they", "the", "a", "an", "to", "of", "for", "your", "our", "my", "will", "'ll",
         "be", "by", "on", "in", "at", "and", "with", "this", "that", "them", "us", "me", "send", "get", "over",
         "out", "back", "then", "so", "from", "is", "are", "have", "has", "can", "make", "sure", "also", "up",
         # words of time and courtesy say nothing about what was promised: "I'll add it to your timeline the same
         # day" is not the earlier "I'll write about the lanterns on Monday"
         "day", "days", "same", "week", "weeks", "today", "tomorrow", "morning", "afternoon", "evening", "next",
         "about", "please", "let", "know", "just", "again", "soon", "time", "properly"}
# a contraction's tail: "I'll" is "I"
_CLITIC = re.compile(r"['’](?:ll|re|ve|d|s|m)$")
ACKNOWLEDGES_CHANGE = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|unfortunately|delay(?:ed)?|moved|changed?|pushed\s+(?:back|out)|"
    r"slipped|revised|new\s+date|instead\s+of|rather\s+than|later\s+than|reschedul\w*|postpon\w*|"
    r"no\s+longer|not\s+(?:be\s+)?(?:able|possible)|as\s+(?:I|we)\s+(?:said|promised|mentioned)|"
    r"update(?:d)?\s+(?:date|timeline|estimate)|earlier\s+than|ahead\s+of)\b", re.I)


@dataclass
class EarlierPromise:
    text: str                  # the clause, whitespace collapsed, without its final punctuation
    day: date                  # the day it resolved to, seen from the quoted message's date
    expr: object               # the TimeExpr that gave the day
    words: set                 # its content words (lemmas), to tell whether a new promise is about the same thing


def earlier_promises(ctx, nlp) -> list[EarlierPromise]:
    """Each dated commitment the sender's side (the sender, the sender's domain, an internal domain) made earlier
    in the quoted thread."""
    context = ctx.document.context
    out = []
    for message in _our_messages(context, ctx.config):
        ref = timexpr.parse_loose_date(message.date) or context.date
        body = message.text
        if ref is None or not body.strip():
            continue
        try:
            bdoc = nlp(body)
        except Exception:  # pragma: no cover - a pipeline error must not stop the check
            continue
        for c in find_commitments(bdoc, body):
            day, _, expr = timexpr.deadline([t for t in c.times if t.concrete], ref)
            if day is not None:
                out.append(EarlierPromise(strip_end(c.text), day, expr, _content(c.text)))
    return out


def _our_messages(context, config):
    """The quoted messages (nested ones too) written by the sender's side."""
    sender = (context.sender or "").lower()
    domain = sender.rpartition("@")[2]
    internal = {d.lower().lstrip("@") for d in (getattr(config, "internal_domains", ()) or ())}
    ours = {domain} | internal if domain else internal
    for block in context.quoted or []:
        for message in nested_messages(block):
            if _is_ours(message.author, sender, ours, context):
                yield message


def moved_from(c: Commitment, day: date, earlier: list[EarlierPromise]) -> EarlierPromise | None:
    """The earlier promise of the same thing (shared content words) that `c`, due on `day`, moves later: to a
    later day, or to a different duration."""
    mine = _content(c.text)
    for e in earlier:
        if e.day == day or not (mine & e.words):
            continue
        if e.expr is not None and e.expr.kind == "duration" and any(t.kind == "duration" for t in c.concrete):
            # two durations: compare lengths, not the dates they resolve to
            mine_d = next(t for t in c.concrete if t.kind == "duration")
            if _duration_key(mine_d) == _duration_key(e.expr):
                continue
        elif day <= e.day:
            continue       # earlier than promised is not a slip
        return e
    return None


def strip_end(s: str) -> str:
    """Whitespace collapsed, final punctuation dropped: a clause as a message quotes it."""
    s = re.sub(r"\s+", " ", s).strip()
    return s.rstrip(".!;:, ")


def _content(text: str) -> set[str]:
    from ..nlp import lemma_table
    table = lemma_table()
    out = set()
    for w in re.findall(r"[a-z][a-z'’-]+", text.lower()):
        w = _CLITIC.sub("", w)
        w = table.get(w, w)
        if w not in _STOP and len(w) >= 3:
            out.add(w)
    return out


def _duration_key(t) -> tuple:
    g = dict(t.data)
    return (g.get("n2") or g.get("n"), (g.get("bus") or "").strip().lower(), (g.get("unit") or "").rstrip("s").lower())


def _is_ours(author: str | None, sender: str, ours: set, context) -> bool:
    if not author:
        return False
    a = author.lower()
    m = re.search(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", a)
    if m:
        return m.group(0) == sender or m.group(1) in ours
    name = (context.headers.get("from") or "").lower()
    name = re.sub(r"<[^>]*>", "", name).strip().strip('"')
    return bool(name) and (name in a or a.strip() in name)
