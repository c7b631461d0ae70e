"""Brand guide checks: terminology, banned words, forbidden claims, promises, values.

Every check reads the compiled guide from `ctx.brand` (None: no findings) and the guide's matches, computed once per
document (`BrandGuide.match`, memoised in the CheckContext). Voice limits live in tonecheck.checks.voice.
"""
from __future__ import annotations

from typing import Iterable

from . import CheckContext, Hit, register
from . import sentences


def brand_matches(ctx: CheckContext):
    """The guide's matches in this document (None without a guide), computed once."""
    guide = ctx.brand
    if guide is None:
        return None
    return ctx.memo("brand.matches", lambda: guide.match(ctx.doc))


def record_fix(document, start: int, end: int, replacement: str) -> None:
    """Remember a terminology substitution for `tonecheck --fix` (tonecheck.fix reads it back by offsets)."""
    fixes = document.__dict__.setdefault("_tonecheck_fixes", {})
    fixes[(start, end)] = replacement


@register("brand-terminology")
def terminology(ctx: CheckContext, rule) -> Iterable[Hit]:
    m = brand_matches(ctx)
    if m is None:
        return
    guide = ctx.brand
    for s, e, i, variant in m.terms:
        span = ctx.doc.char_span(s, e)
        if span is None:
            continue
        term = guide.terms[i]
        rep = guide.replacement(i, span)
        if term.product:
            msg = f"'{span.text}' is not how we write the product name: it is '{term.use}', exactly as written."
        else:
            msg = f"{guide.name} says '{term.use}', not '{variant}'."
        record_fix(ctx.document, s, e, rep)
        yield Hit(s, e, message=msg, suggestion=f"Write '{rep}'.")


@register("brand-banned")
def banned(ctx: CheckContext, rule) -> Iterable[Hit]:
    m = brand_matches(ctx)
    if m is None:
        return
    guide = ctx.brand
    for s, e, i in m.banned:
        b = guide.banned[i]
        text = ctx.text[s:e]
        reason = f" {b.reason.strip()}" if b.reason.strip() else ""
        yield Hit(s, e, message=f"'{text}' is on {guide.name}'s list of words we never use.{reason}")


@register("brand-claim")
def claims(ctx: CheckContext, rule) -> Iterable[Hit]:
    m = brand_matches(ctx)
    if m is None:
        return
    guide = ctx.brand
    for s, e, _ in m.claims:
        yield Hit(s, e, message=f"'{ctx.text[s:e]}' is a claim {guide.name}'s legal team has not approved.")


@register("brand-value")
def values(ctx: CheckContext, rule) -> Iterable[Hit]:
    m = brand_matches(ctx)
    if m is None:
        return
    guide = ctx.brand
    for s, e, i in m.values:
        v = guide.values[i]
        desc = f": {v.description.strip()}" if v.description.strip() else "."
        s = _word_start(ctx.text, s)
        yield Hit(s, e, message=f"'{ctx.text[s:e]}' goes against our value '{v.name}'{desc}")


def _word_start(text: str, s: int) -> int:
    """Widen a match that starts inside a word ("n't my department" in "isn't my department") to the word."""
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "'’"):
        s -= 1
    return s


# -- promises --------------------------------------------------------------------------------------------------

_BREAK_PUNCT = {";", ":", "—", "–", "(", ")", "|"}
_BREAK_WORDS = {"but", "although", "though", "while", "whereas", "because", "unless", "which", "so", "about",
                "regarding", "whereas", "except"}
_PRONOUNS = {"we", "i", "you", "they", "it", "he", "she", "our", "your", "their", "my"}
_ANCHORS = {"after", "of", "from", "since", "before", "following", "upon"}
_TIME_NOUNS = {"window", "period", "turnaround", "timeframe", "time", "frame", "limit", "deadline", "policy"}


def _is_break(doc, i: int) -> bool:
    t = doc[i]
    if t.text in _BREAK_PUNCT or t.lower_ in _BREAK_WORDS:
        return True
    if t.lower_ in ("and", "or") and i + 1 < len(doc) and doc[i + 1].lower_ in _PRONOUNS:
        return True
    return False


def _clause(doc, sent, s: int, e: int) -> tuple[int, int]:
    """Token range of the clause around tokens [s, e): out to the nearest breaks inside the sentence."""
    a = s
    while a > sent.start and not _is_break(doc, a - 1):
        a -= 1
    b = e
    while b < sent.end and not _is_break(doc, b):
        b += 1
    return a, b


@register("brand-promise")
def promises(ctx: CheckContext, rule) -> Iterable[Hit]:
    """A duration in the same clause as a promise keyword must agree with the promise's `within`."""
    from ..brand import compare, find_durations

    m = brand_matches(ctx)
    guide = ctx.brand
    if m is None or not guide.promises or not m.keywords:
        return
    opts = rule.options or {}
    max_gap = int(opts.get("max_gap", 12))
    third = {w.lower() for w in opts.get("third_parties", ())}
    past = {w.lower() for w in opts.get("past_markers", ())}
    after_skip = {w.lower() for w in opts.get("not_after", ())}
    doc = ctx.doc
    for sent in sentences(doc):
        kws = [k for k in m.keywords if sent.start <= k[0] < sent.end]
        if not kws:
            continue
        for ds, de, dur, adjectival in find_durations(ctx.text[sent.start_char:sent.end_char]):
            cs, ce = sent.start_char + ds, sent.start_char + de
            span = doc.char_span(cs, ce, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            ts, te = span.start, span.end
            if te < len(doc) and doc[te].lower_ in after_skip:      # "3 days ago", "two days late"
                continue
            if adjectival and te < len(doc) and doc[te].lower_ in _TIME_NOUNS:
                adjectival = False                                   # "a 14-day return period"
            best = None
            for ks, ke, pi in kws:
                if adjectival:
                    # "a 30-day return window": the keyword must be in the noun phrase the figure modifies
                    if not (te <= ks < te + 3):
                        continue
                    gap = ks - te
                else:
                    if ke <= ts:
                        lo, hi = ke, ts
                    elif ks >= te:
                        lo, hi = te, ks
                        if any(doc[i].lower_ in _ANCHORS for i in range(te, ks)):
                            continue                 # "14 days after delivery": delivery is the anchor, not the topic
                    else:
                        continue
                    gap = hi - lo
                    if gap > max_gap or any(_is_break(doc, i) for i in range(lo, hi)):
                        continue
                if best is None or gap < best[0] or (gap == best[0] and ks < ts):
                    best = (gap, ks, ke, pi)
            if best is None:
                continue
            _, ks, ke, pi = best
            a, b = _clause(doc, sent, min(ks, ts), max(ke, te))
            words = {t.lower_ for t in doc[a:b]} | {t.norm_ for t in doc[a:b]}
            if words & past or words & third:
                continue
            promise = guide.promises[pi]
            if compare(dur, promise.within):
                continue
            s = min(doc[ks].idx, cs)
            e = max(doc[ke - 1].idx + len(doc[ke - 1]), ce)
            how = "goes beyond" if dur.is_range else "does not match"
            yield Hit(s, e,
                      message=f"'{dur.text}' {how} what {guide.name} has promised on {promise.topic}: "
                              f"{promise.within_text}.",
                      suggestion=f"Use the promised figure ({promise.within_text}), or check the guide with the "
                                 f"team that owns the promise.")
