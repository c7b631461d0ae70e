"""The brand guide's rules: terminology, banned words, forbidden claims, promises, values, and the voice limits
(exclamations, emoji, sentence length, reading grade, formality).

Every check reads the compiled guide from `ctx.brand` (None, or the guide does not set that part: no findings).
The guide's phrase matches are computed once per document (`BrandGuide.match`, memoised in the CheckContext).
Findings sit on the offending text itself; their wording is rules/brand.yml, filled from the hit's fields (`brand`
is the guide's name in every rule).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..analysis.mention import asked_about, attributed, denied
from ..analysis.durations import compare, find_durations, not_longer
from ..analysis.readability import measure, word_count
from ..literal import fold
from ..model import Edit, Fix
from ..analysis.sentences import sentence_spans, sentences
from . import CheckContext, Hit, register


def _matches(ctx: CheckContext):
    """The guide's matches in this document (None without a guide), computed once."""
    guide = ctx.brand
    if guide is None:
        return None
    return ctx.memo("brand.matches", lambda: guide.match(ctx.doc))


# -- the guide's words -----------------------------------------------------------------------------------------

@register("brand.terminology")
def terminology(ctx: CheckContext, rule) -> Iterable[Hit]:
    """A variant the guide writes differently; the fix writes the guide's term (inflected, for ordinary terms)."""
    m = _matches(ctx)
    if m is None:
        return
    guide = ctx.brand
    for s, e, i, variant in m.terms:
        span = ctx.doc.char_span(s, e)
        if span is None:
            continue
        term = guide.terms[i]
        if _inside_the_right_term(ctx.text, s, e, term.use):
            continue                    # "Kestrel Flex subscription": the right name, then a word of its own
        if _the_right_term_in_capitals(ctx.text, s, e, term.use):
            continue                    # "COVERED BY PUMPCARE PLAN": a line in capitals writes every name so
        if _singular_modifier_of_a_plural_term(span, variant):
            continue                    # the guide's "extras" (a noun) is not "one extra day" (an adjective)
        if not term.product and not variant[:1].isupper() and _inside_a_proper_name(ctx.text, s, e):
            continue                    # "the CARM Client Portal": someone's name for a thing, not our word
        rep = guide.replacement(i, span)
        yield Hit(s, e, fields={"brand": guide.name, "use": term.use, "instead_of": variant, "replacement": rep},
                  variant="product-name" if term.product else None, fix=Fix((Edit(s, e, rep),)))


def _singular_modifier_of_a_plural_term(span, variant: str) -> bool:
    """The guide names a plural noun ("extras", "specials", "dues") and the text has the bare word before a noun
    ("extra cost", "special offer") or after a copula ("is due June 1"): another word, not the guide's variant
    inflected."""
    words = variant.split()
    if len(words) != 1 or len(span) != 1 or not words[0].lower().endswith("s") or span.text.lower().endswith("s"):
        return False
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in _COPULAS:
        return True                     # "is due June 1": the adjective, not the guide's "dues"
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.is_alpha and nxt.text.islower()


_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "falls", "fall", "fell", "become", "becomes",
                      "'s", "’s", "'re", "’re"})


_ACRONYM_BEFORE = re.compile(r"\b[A-Z][A-Z0-9&]+(?:\s+[A-Z][\w&'’-]*)*\s+$")
_ACRONYM_AFTER = re.compile(r"(?:\s+[A-Z][\w&'’-]*)*\s+[A-Z][A-Z0-9&]+\b")


def _inside_a_proper_name(text: str, s: int, e: int) -> bool:
    """The word, capitalised, stands in a run of capitalised words that holds an acronym: someone else's name for a
    thing ("the CARM Client Portal", "the HMRC Client Services line"), which a guide's word list does not rename.
    (Title case alone is not enough: greetings and headings write the guide's own words that way.)"""
    word = text[s:e]
    if not word[:1].isupper():
        return False
    if word.isupper():          # "ATTORNEY-CLIENT COMMUNICATION": a legend in capitals, not our wording
        return bool(re.search(r"[A-Z]{2,}[\s-]*$", text[max(0, s - 20):s]) or
                    re.match(r"[\s-]*[A-Z]{2,}", text[e:e + 20]))
    return bool(_ACRONYM_BEFORE.search(text[max(0, s - 40):s]) or _ACRONYM_AFTER.match(text, e))


def _the_right_term_in_capitals(text: str, s: int, e: int, use: str) -> bool:
    """The variant is written in capitals, in a line written in capitals, and the guide's own term put in capitals
    reads the same there: a form line or heading in capitals ("PUMPCARE PLAN: PC-0418") cannot show the term's
    own capitals."""
    word = text[s:e]
    if not word.isupper():
        return False
    line_start, line_end = text.rfind("\n", 0, s) + 1, text.find("\n", e)
    rest = text[line_start:s] + text[e:line_end if line_end >= 0 else len(text)]
    letters = [c for c in rest if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) < 0.7 * len(letters):
        return False            # "Join LANE REWARDS today.": the name put in capitals inside ordinary text
    caps = use.upper()
    return text[s:s + len(caps)].upper() == caps or \
        (caps.startswith(word) and caps[len(word):len(word) + 1] in ("", " "))


def _inside_the_right_term(text: str, s: int, e: int, use: str) -> bool:
    """The variant found at [s, e) overlaps the guide's own spelling written exactly ('Flex subscription' inside
    'Kestrel Flex subscription' when the guide says 'Kestrel Flex' instead of 'flex subscription')."""
    if not use:
        return False
    start = max(0, s - len(use))
    k = text.find(use, start, e + len(use))
    while k >= 0 and k < e:
        if k + len(use) > s:
            return True
        k = text.find(use, k + 1, e + len(use))
    return False


@register("brand.banned")
def banned(ctx: CheckContext, rule) -> Iterable[Hit]:
    m = _matches(ctx)
    if m is None:
        return
    guide = ctx.brand
    for s, e, i in m.banned:
        reason = guide.banned[i].reason.strip()
        yield Hit(s, e, fields={"brand": guide.name, "reason": reason}, variant="reason-given" if reason else None)


@register("brand.claim")
def claims(ctx: CheckContext, rule) -> Iterable[Hit]:
    m = _matches(ctx)
    if m is None:
        return
    for s, e, _ in m.claims:
        # "we don't claim to be carbon neutral" rejects the claim; "any product that claims to cure it" reports one
        if not denied(ctx.text, s) and not attributed(ctx.text, s) and not asked_about(ctx.text, s):
            yield Hit(s, e, fields={"brand": ctx.brand.name})


@register("brand.value")
def values(ctx: CheckContext, rule) -> Iterable[Hit]:
    m = _matches(ctx)
    if m is None:
        return
    for s, e, i in m.values:
        start = _word_start(ctx.text, s)
        if _negated_right_before(ctx.text, start):
            continue            # "You do not need to contact Revenue yourself" keeps the value it names
        value = ctx.brand.values[i]
        description = value.description.strip()
        yield Hit(start, e, fields={"value": value.name, "description": description},
                  variant=None if description else "no-description")


# a negation governing the next few words: "you do not need to", "you'll never have to", "no need to", "without"
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never|without|no\s+need\s+to)|n['’]t)(?:\s+(?:need|needs|have|has|having|"
                             r"to|be|ever|even|just|bother|worry\s+about))*\s*$", re.I)


def _negated_right_before(text: str, s: int) -> bool:
    """An avoided phrase right after a negation ("do not need to", "never have to") is the value kept, not broken;
    a negation further back ("we can't help with that, it's a matter for your bank") is not about it."""
    return _NEGATED_BEFORE.search(text[max(0, s - 40):s]) is not None


def _word_start(text: str, s: int) -> int:
    """Widen a match that starts inside a word ("n't my department" in "isn't my department") to the word."""
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "'’"):
        s -= 1
    return s


# -- promises --------------------------------------------------------------------------------------------------

_BREAK_PUNCT = {";", ":", "—", "–", "(", ")", "|"}
_BREAK_WORDS = {"but", "although", "though", "while", "whereas", "because", "unless", "which", "so", "about",
                "regarding", "except"}
_PRONOUNS = {"we", "i", "you", "they", "it", "he", "she", "our", "your", "their", "my"}
_DETERMINERS = {"the", "this", "that", "these", "those", "each", "every", "a", "an"}
_ANCHORS = {"after", "of", "from", "since", "before", "following", "upon"}
_TIME_NOUNS = {"window", "period", "turnaround", "timeframe", "time", "frame", "limit", "deadline", "policy"}


def _is_break(doc, i: int) -> bool:
    """Whether token i ends a clause: clause punctuation, a contrasting or subordinating word, or "and"/"or"
    before a new subject."""
    t = doc[i]
    if t.lower_ == "about" and i + 1 < len(doc) and (doc[i + 1].like_num or doc[i + 1].lower_ in ("a", "an")):
        return False            # "about 4 weeks", "about a week": a figure, roughly (not "about your 14-day trip")
    if t.text in _BREAK_PUNCT or t.lower_ in _BREAK_WORDS:
        return True
    if t.lower_ not in ("and", "or") or i + 1 >= len(doc):
        return False
    # "and we", or ", and the job takes about an hour", ", and then the courier takes ...": a coordinated clause
    # with its own subject
    return doc[i + 1].lower_ in _PRONOUNS or (i > 0 and doc[i - 1].text == "," and
                                              doc[i + 1].lower_ in _DETERMINERS | {"then"})


def _clause(doc, sent, s: int, e: int) -> tuple[int, int]:
    """Token range of the clause around tokens [s, e): out to the nearest breaks inside the sentence."""
    a = s
    while a > sent.start and not _is_break(doc, a - 1) and not _ends_leading_condition(doc, sent, a - 1):
        a -= 1
    b = e
    while b < sent.end and not _is_break(doc, b):
        b += 1
    return a, b


def _ends_leading_condition(doc, sent, i: int) -> bool:
    """Token i is the comma closing a condition or time clause that opens the sentence ("Once she's been out, I'll
    get back to you within 10 days"): what happened before the promise is not the promise's own past."""
    return doc[i].text == "," and doc[sent.start].lower_ in _LEADING_OPENERS


_LEADING_OPENERS = frozenset({"once", "when", "after", "if", "whenever", "as"})


@dataclass(frozen=True)
class _PromiseOptions:
    max_gap: int
    third_parties: frozenset
    past_markers: frozenset
    not_after: frozenset
    not_before: frozenset
    party_as_modifier: frozenset

    @classmethod
    def of(cls, rule) -> "_PromiseOptions":
        opts = rule.options or {}

        def words(key):
            return frozenset(w.lower() for w in opts.get(key, ()))

        return cls(int(opts.get("max_gap", 12)), words("third_parties"), words("past_markers"), words("not_after"),
                   words("not_before"), words("party_as_modifier"))


@register("brand.promise")
def promises(ctx: CheckContext, rule) -> Iterable[Hit]:
    """A duration in the same clause as a promise keyword must agree with the promise's `within`."""
    m = _matches(ctx)
    if m is None or not ctx.brand.promises or not m.keywords:
        return
    opts = _PromiseOptions.of(rule)
    for sent in sentences(ctx.doc):
        kws = [k for k in m.keywords if sent.start <= k[0] < sent.end]
        if not kws:
            continue
        for ds, de, dur, adjectival in find_durations(ctx.text[sent.start_char:sent.end_char]):
            hit = _promise_hit(ctx, sent, kws, (sent.start_char + ds, sent.start_char + de), dur, adjectival, opts)
            if hit is not None:
                yield hit


def _promise_hit(ctx: CheckContext, sent, kws, chars: tuple[int, int], dur, adjectival: bool,
                 opts: _PromiseOptions) -> Hit | None:
    """The finding for one duration of a sentence with promise keywords, if it contradicts the nearest one's
    promise (figures of the past, of third parties or attached to something else are left alone)."""
    doc = ctx.doc
    cs, ce = chars
    span = doc.char_span(cs, ce, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    ts, te = span.start, span.end
    if te < len(doc) and doc[te].lower_ in opts.not_after:      # "3 days ago", "two days late"
        return None
    if ts > 0 and doc[ts - 1].lower_ in opts.not_before:
        return None             # "in the last twelve months all 14 orders were delivered": a look back, not a promise
    if adjectival and te < len(doc) and doc[te].lower_ in _TIME_NOUNS:
        adjectival = False                                       # "a 14-day return period"
    nearest = _nearest_keyword(doc, kws, ts, te, adjectival, opts.max_gap)
    if nearest is None:
        return None
    ks, ke, pi = nearest
    if ts > 0 and doc[ts - 1].lower_ in ("every", "each") and ks >= te:
        return None     # "a service visit every six months and breakdown callouts ...": how often something else is
    clause = _clause(doc, sent, min(ks, ts), max(ke, te))
    if _past_or_third_party(doc, clause, opts) or _readers_act(doc, sent, ks, ke) or _not_a_span(doc, ts, te):
        return None
    promise = ctx.brand.promises[pi]
    if compare(dur, promise.within) or \
            (not adjectival and _our_deadline(doc, clause, ts) and not_longer(dur, promise.within)):
        return None
    s = min(doc[ks].idx, cs)
    e = max(doc[ke - 1].idx + len(doc[ke - 1]), ce)
    return Hit(s, e, fields={"figure": dur.text, "brand": ctx.brand.name, "topic": promise.topic,
                             "within": promise.within_text}, variant="range" if dur.is_range else None)


_CONDITION_OPENERS = frozenset({"if", "when", "once", "whenever", "should", "unless"})
_VERB_AFTER_NOUN = frozenset("is are was were will can may must should take takes arrive arrives".split())


def _readers_act(doc, sent, ks: int, ke: int) -> bool:
    """The keyword [ks, ke) is what the reader is asked to do ("Please reply within 5 days", "Reply YES to
    confirm", "we ask you to respond by ..."): the reader's deadline, not the brand's promise. A keyword of
    several words is judged by its last ("Test pressings take 4 weeks" is a noun phrase, "Send back within 14
    days" an imperative)."""
    if ks > sent.start and doc[ks - 1].lower_ in ("a", "an", "the", "our", "your", "my", "their", "first", "full"):
        return False                # a noun: "you'll get a reply within 2 days" is ours (no tagger to ask)
    k = ks
    while k > sent.start and (doc[k - 1].is_punct or doc[k - 1].lower_ in ("please", "kindly", "just", "simply")):
        k -= 1
    after = doc[ke].lower_ if ke < len(doc) else ""
    if after == "to" and ke + 1 < len(doc) and doc[ke + 1].text in ("us", "me", "Us", "Me"):
        return True                 # "thanks for getting back to us seven weeks later": the reader answering us
        #                             (not "payouts to US bank accounts")
    # "If you can come at a day's notice, reply SHORT NOTICE": the main clause after a condition opens there too
    after_condition = ks > sent.start and doc[ks - 1].text == "," and doc[sent.start].lower_ in _CONDITION_OPENERS
    if (k == sent.start or after_condition) and not doc[ke - 1].lower_.endswith("s") and \
            after not in _VERB_AFTER_NOUN and _can_command(doc, ks, ke):
        return True                 # an imperative (not "Returns are accepted for 14 days")
    if ks > sent.start and doc[ks - 1].lower_ in ("please", "kindly"):
        return True                 # "could you please reply within 5 days"
    return any(doc[i].lower_ == "you" and all(doc[j].lower_ in _SUBJECT_TO_VERB for j in range(i + 1, ks))
               for i in range(max(sent.start, ks - 3), ks))


# what may stand between the reader as subject and their act ("you reply", "you to respond", "you can just send
# back"); anything else makes "you" an object: "we shall send you the inspection report within three weeks"
_SUBJECT_TO_VERB = frozenset("to can could will would must should may might need needs just then also only "
                             "'ll ’ll do".split())


def _can_command(doc, ks: int, ke: int) -> bool:
    """The keyword can open an order: a verb the request analysis knows ("Reply", "Send back"), or any word followed
    by what an order takes next ("Dispatch within 2 days", "Renew it by Friday"), not by a noun it modifies
    ("Emergency service calls are answered within 24 hours")."""
    from ..analysis.requests import IMPERATIVE_VERBS
    if doc[ks].lower_ in IMPERATIVE_VERBS or doc[ks].lower_ in ("get", "answer", "refund", "renew", "dispatch"):
        return True
    after = doc[ke] if ke < len(doc) else None
    return after is None or after.is_punct or after.is_stop or after.like_num


def _not_a_span(doc, ts: int, te: int) -> bool:
    """"send me a day that suits", "pick a week": a day to choose, not a length of time."""
    first = doc[ts].lower_
    if first not in ("a", "an", "one"):
        return False
    after = doc[te].lower_ if te < len(doc) else ""
    before = doc[ts - 1].lower_ if ts > 0 else ""
    return after in ("that", "which", "when", "to", "you", "of", "for") or \
        before in ("me", "us", "pick", "choose", "suggest", "name", "book", "find", "give", "set")


def _our_deadline(doc, clause: tuple[int, int], figure: int) -> bool:
    """The clause sets a deadline for us ("we usually refund within 7 days"): doing it sooner keeps the promise.
    Against an allowance of the reader's ("you can return it within 14 days", "a 14-day return window": the caller
    leaves adjectival figures out) any other figure contradicts it."""
    a, b = clause
    words = [t.lower_ for t in doc[a:figure]]
    if any(t.lower_ in _TIME_NOUNS or t.lower_ in ("you", "your") for t in doc[a:b]):
        return False                    # "our return window is 30 days", "you can send it back within 30 days"
    return any(w in ("we", "i", "our", "us", "we'll", "i'll") for w in words)


def _past_or_third_party(doc, clause: tuple[int, int], opts: _PromiseOptions) -> bool:
    """Whether the clause tells of the past ("we waited 3 days") or of someone else's timing ("your bank may take
    5 days"): not the brand's promise."""
    a, b = clause
    words = {t.lower_ for t in doc[a:b]} | {t.norm_ for t in doc[a:b]}
    # someone else's timing is named by a noun as written ("your bank", "the post"); lemmas would make the
    # brand's own "your knives are posted back" the Post Office's
    others = {t.lower_ for t in doc[a:b] if (t.lower_ != "post" or (t.i > 0 and doc[t.i - 1].lower_ in _POST_NOUN))
              and not _describes_next(doc, t.i, opts)}
    return bool(words & opts.past_markers or others & opts.third_parties) or _someone_elses_own(doc[a:b])


def _describes_next(doc, i: int, opts: _PromiseOptions) -> bool:
    """The party's name only describes the next word ("bank holidays", "to US bank accounts", "by bank transfer"):
    nobody else's timing is in the clause."""
    return i + 1 < len(doc) and doc[i + 1].lower_ in opts.party_as_modifier


def _someone_elses_own(span) -> bool:
    """"The charger also carries Voltaro's own 3-year product warranty": a figure another named party gives."""
    toks = list(span)
    return any(t.text[:1].isupper() and toks[k + 1].lower_ in ("'s", "’s") and toks[k + 2].lower_ == "own"
               for k, t in enumerate(toks[:-2]))


# "post" the service, not the verb: "by post", "in the post", "Royal Post"
_POST_NOUN = frozenset({"the", "by", "royal", "via", "through", "australia", "an", "canada"})


def _keyword_gap(doc, ks: int, ke: int, ts: int, te: int, adjectival: bool, max_gap: int) -> int | None:
    """Tokens between a keyword [ks, ke) and a figure [ts, te), or None when the keyword is not the figure's."""
    if adjectival:
        # "a 30-day return window": the keyword must be in the noun phrase the figure modifies (not past a comma:
        # "a new 12-month contract, reply by Friday")
        if not te <= ks < te + 3 or any(doc[i].is_punct for i in range(te, ks)):
            return None
        return ks - te
    if ke <= ts:
        lo, hi = ke, ts
    elif ks >= te:
        if any(doc[i].lower_ in _ANCHORS for i in range(te, ks)):
            return None                     # "14 days after delivery": delivery is the anchor, not the topic
        lo, hi = te, ks
    else:
        return None
    if hi - lo > max_gap or any(_is_break(doc, i) for i in range(lo, hi)):
        return None
    return hi - lo


def _nearest_keyword(doc, kws, ts: int, te: int, adjectival: bool, max_gap: int) -> tuple[int, int, int] | None:
    """(token start, token end, promise) of the keyword closest to the figure (ties: the one before it)."""
    best = None
    for ks, ke, pi in kws:
        gap = _keyword_gap(doc, ks, ke, ts, te, adjectival, max_gap)
        if gap is None:
            continue
        if best is None or gap < best[0] or (gap == best[0] and ks < ts):
            best = (gap, ks, ke, pi)
    return best[1:] if best is not None else None


# -- voice limits ----------------------------------------------------------------------------------------------

# Emoji: pictographs, symbols and flags, with their modifiers (variation selector 16, skin tones, ZWJ sequences,
# keycaps). Symbols that default to text presentation (✓ ✔ ✗ ★ ♥ →) only count with the emoji variation selector.
_PICTO = (r"[\U0001F000-\U0001F0FF\U0001F170-\U0001F19A\U0001F1E6-\U0001F1FF\U0001F200-\U0001F2FF"
          r"\U0001F300-\U0001F5FF\U0001F600-\U0001F64F\U0001F680-\U0001F6FF\U0001F700-\U0001F7FF"
          r"\U0001F900-\U0001F9FF\U0001FA70-\U0001FAFF\u2614\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD"
          r"\u26BE\u26C4\u26C5\u26CE\u26D4\u26EA\u26F2\u26F3\u26F5\u26FA\u26FD\u263A\u2639\u2B50\u2B55\u231A\u231B\u23E9-\u23F3"
          r"\u23F8-\u23FA\u2705\u270A\u270B\u2728\u274C\u274E\u2753-\u2755\u2757\u2763\u2764\u2795-\u2797\u27B0"
          r"\u27BF\u2934\u2935\u3030\u303D\u3297\u3299]")
_EMOJI_ONE = (r"(?:" + _PICTO + r"|[\u2190-\u21FF\u2600-\u26FF\u2700-\u27BF\u00A9\u00AE\u2122\u2139](?=\uFE0F)"
              r"|[0-9#*]\uFE0F?\u20E3)"
              r"[\uFE0F\U0001F3FB-\U0001F3FF]*")
EMOJI_RE = re.compile(_EMOJI_ONE + r"(?:\u200D" + _EMOJI_ONE + r")*(?:\s*" + _EMOJI_ONE + r"(?:\u200D"
                      + _EMOJI_ONE + r")*)*")

# Every EMOJI_RE match holds a pictograph, U+FE0F or U+20E3, none of them below U+20E3: a text without a character
# that high (most text, curly quotes, accents and € included) has no emoji, and this search costs a tenth of
# EMOJI_RE's. (tonecheck.literal's pre-test looks for ASCII literals, which no emoji has.)
_MAYBE_EMOJI = re.compile("[\u20e3-\U0010ffff]")

_EXCLAIM = re.compile(r"[!¡‼]+[?!]*|\?+!+[?!]*")


@register("brand.exclamations")
def exclamations(ctx: CheckContext, rule) -> Iterable[Hit]:
    """Every exclamation beyond the guide's `max_exclamations` (per message), on its own sentence."""
    guide = ctx.brand
    limit = getattr(guide, "max_exclamations", None)
    if limit is None:
        return
    text = ctx.text
    if text.count("!") + text.count("¡") + text.count("‼") <= limit:
        return                      # each exclamation holds at least one of these marks: none beyond the limit
    for count, m in enumerate(_EXCLAIM.finditer(text), start=1):
        if count > limit:
            yield Hit(_exclamation_start(ctx, m), m.end(), fields={"count": count, "brand": guide.name,
                                                                   "limit": limit},
                      variant=None if limit else "none-allowed")


def _exclamation_start(ctx: CheckContext, m: re.Match) -> int:
    """Where the excerpt of an exclamation starts: its sentence, after any earlier exclamation in it and after an
    emoji that opens it ("🎉 Great news!": the emoji is its own finding)."""
    text = ctx.text
    span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
    start = span.sent.start_char if span is not None and len(span) else m.start()
    prev = text.rfind("!", start, m.start())
    if prev >= 0:
        start = prev + 1
    while start < m.start() and text[start].isspace():
        start += 1
    emo = EMOJI_RE.match(text, start)
    if emo and emo.end() < m.start():
        start = emo.end()
    return start


@register("brand.emoji")
def emoji(ctx: CheckContext, rule) -> Iterable[Hit]:
    guide = ctx.brand
    if guide is None or guide.emoji is None or guide.emoji or not _MAYBE_EMOJI.search(ctx.text):
        return
    for m in EMOJI_RE.finditer(ctx.text):
        yield Hit(m.start(), m.end(), fields={"brand": guide.name})


@register("brand.sentence-length")
def sentence_length(ctx: CheckContext, rule) -> Iterable[Hit]:
    guide = ctx.brand
    limit = getattr(guide, "max_sentence_words", None)
    if not limit:
        return
    opts = rule.options or {}
    # clearly over the limit is a warning; a few words over (word counts differ by a couple between counters,
    # and a 30-word sentence against a 28-word limit is rarely the problem) keeps the rule's own severity
    margin = max(int(opts.get("warn_margin_words", 8)), int(limit * float(opts.get("warn_margin", 0.4))))
    text = ctx.text
    for start, end in sentence_spans(ctx.doc):
        n = sentence_words(text[start:end])
        if n > limit:
            yield Hit(start, end, fields={"words": n, "brand": guide.name, "limit": limit},
                      severity="warning" if n > limit + margin else None)


# a colon that opens a list ("Two things we need from you: the name of ..., and confirmation that ...") - not a
# clock time or a ratio ("10:40", "3:1"), which have no space after the colon
_LIST_COLON = re.compile(r":\s+")
_LIST_SEPARATOR = re.compile(r";\s+|,\s+(?:and\s+|or\s+)?")


def sentence_words(sentence: str) -> int:
    """The sentence's length as a reader feels it: a list after a colon ("£385 for the service, £95 for a new crystal,
    and £40 for postage") is read item by item, so the longest of the lead and the items counts; an explanation
    after a colon (one clause, no separators) is still part of the sentence."""
    parts = _LIST_COLON.split(sentence, maxsplit=1)
    if len(parts) < 2:
        return word_count(sentence)
    items = _LIST_SEPARATOR.split(parts[1])
    if len(items) < 2:
        return word_count(sentence)
    return max(word_count(x) for x in [parts[0], *items])


@register("brand.grade")
def grade(ctx: CheckContext, rule) -> Iterable[Hit]:
    """Flesch-Kincaid grade of the whole text over the guide's `max_grade`: one finding, on the hardest sentence."""
    guide = ctx.brand
    limit = getattr(guide, "max_grade", None)
    if limit is None:
        return
    min_words = int((rule.options or {}).get("min_words", 40))
    if word_count(ctx.text) < min_words:
        return                      # a short note has no meaningful reading grade
    value = measure("grade", ctx.text)
    if value is None or value <= limit:
        return
    hardest = _hardest_sentence(ctx)
    if hardest is not None:
        yield Hit(hardest[0], hardest[1], fields={"grade": f"{value:.1f}", "brand": guide.name,
                                                  "limit": f"{limit:g}"})


def _hardest_sentence(ctx: CheckContext) -> tuple[int, int] | None:
    """(start, end) of the sentence of five words or more with the highest grade (the first of equals)."""
    hardest, worst = None, -1e9
    text = ctx.text
    for start, end in sentence_spans(ctx.doc):
        sent = text[start:end]
        if word_count(sent) < 5:
            continue
        g = measure("grade", sent)
        if g is not None and g > worst:
            hardest, worst = (start, end), g
    return hardest


# -- formality -------------------------------------------------------------------------------------------------

@lru_cache(maxsize=256)
def _phrase_re(phrases: tuple[str, ...], case_sensitive: tuple[str, ...]) -> re.Pattern | None:
    alts = []
    for p in phrases:
        body = r"\s+".join(re.escape(w).replace("'", "['’]") for w in p.split())
        alts.append(f"(?-i:{body})" if p in case_sensitive else body)
    if not alts:
        return None
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?![\w'’-])",
                      re.IGNORECASE)


# A phrase the formality pattern matches spans whole runs of these characters (its lookarounds exclude them on both
# sides, and its words are joined by whitespace), so a phrase with a word that is no such run of the text cannot
# match. Testing that against the set of the text's runs spares the pattern's scan of most texts (and, unlike
# tonecheck.literal's test of one pattern, drops each absent phrase from the pattern).
_RUN = re.compile(r"[\w'’-]+")
_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'’-")


def _fold_word(word: str) -> str:
    return fold(word).replace("’", "'")


@lru_cache(maxsize=32)
def _phrase_words(phrases: tuple[str, ...]) -> tuple:
    """(phrase, its words folded) for each phrase; None instead of the words when a word holds a character the
    run test cannot vouch for (outside ASCII letters, digits, apostrophes and hyphens): such a phrase is always
    searched."""
    return tuple((p, tuple(_fold_word(w) for w in p.split()) if all(set(w) <= _RUN_CHARS for w in p.split())
                  else None) for p in phrases)


def _possible_phrases(phrases: tuple[str, ...], runs: set) -> tuple[str, ...]:
    """The phrases that may occur in a text whose (folded) word runs are `runs`, in their order."""
    return tuple(p for p, words in _phrase_words(phrases) if words is None or runs.issuperset(words))


# (the option listing the words, the wording variant, the voices they do not fit); slang has the rule's own wording
_REGISTERS = (("slang", None, ("formal", "friendly")), ("casual", "casual", ("formal",)),
              ("legalese", "legalese", ("friendly", "casual")))


@register("brand.formality")
def formality(ctx: CheckContext, rule) -> Iterable[Hit]:
    """Slang and text-speak in a formal or friendly voice; casual words in a formal one; legalese in a friendly
    or casual one. The word lists are the rule's options."""
    guide = ctx.brand
    level = getattr(guide, "formality", None)
    if not level:
        return
    opts = rule.options or {}
    exact = tuple(opts.get("case_sensitive", ()))
    seen: list[tuple[int, int]] = []
    runs = set(_RUN.findall(_fold_word(ctx.text)))
    for key, variant, levels in _REGISTERS:
        if level not in levels:
            continue
        rx = _phrase_re(_possible_phrases(tuple(opts.get(key, ())), runs), exact)
        if rx is None:
            continue
        for m in rx.finditer(ctx.text):
            if any(s <= m.start() < e for s, e in seen):
                continue
            seen.append(m.span())
            yield Hit(m.start(), m.end(), fields={"brand": guide.name, "level": level}, variant=variant)
