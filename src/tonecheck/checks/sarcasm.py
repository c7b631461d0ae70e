"""Sarcasm checks that need more than a token pattern.

- `sarcasm-contrast`: a positive phrase (thanks, "we love", "lovely to") next to a negative situation in the same
  sentence, after Riloff et al. (2013), "Sarcasm as contrast between a positive sentiment and negative situation".
  Negative situations are the reader's own behaviour (ignoring, forgetting, finally replying, being late), scored
  with the VADER sentiment lexicon (vaderSentiment, MIT licence) plus a small lexicon of negative-behaviour words
  that VADER lacks.
- `scare-quotes`: quotation marks around the reader's words ("your 'urgent' request").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..literal import fold
from . import Hit, register, sentence_of, sentence_spans


@lru_cache(maxsize=1)
def vader_lexicon() -> dict:
    """VADER's word -> valence table (-4..4); {} when vaderSentiment is not installed."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        return dict(SentimentIntensityAnalyzer().lexicon)
    except ImportError:  # pragma: no cover
        return {}


def valence(word: str) -> float:
    lex = vader_lexicon()
    w = word.lower().replace("’", "'")
    if w in lex:
        return lex[w]
    for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("s", "")):
        if w.endswith(suffix) and w[: -len(suffix)] + repl in lex:
            return lex[w[: -len(suffix)] + repl]
    return 0.0


# the reader's behaviour that thanks cannot sincerely be given for (lemmas / -ing forms)
NEG_BEHAVIOUR = {
    "ignore", "ignoring", "forget", "forgetting", "neglect", "neglecting", "waste", "wasting", "ruin", "ruining",
    "delay", "delaying", "ghost", "ghosting", "shout", "shouting", "yell", "yelling", "insult", "insulting",
    "blame", "blaming", "complain", "complaining", "miss", "missing", "lose", "losing", "break", "breaking",
    "skip", "skipping", "leave", "leaving", "keep", "keeping", "making", "dragging", "stonewalling",
}
# adverbs that turn thanks into reproach: "thanks for finally replying"
REPROACH_ADV = {"finally", "eventually", "at last", "once again", "yet again", "even", "actually", "bothering",
                "deigning", "gracing"}
# sincere complements of thanks: never sarcastic on their own
SINCERE_THANKS = {"patience", "patient", "understanding", "letting", "telling", "reporting", "flagging", "raising",
                  "pointing", "bringing", "sharing", "sending", "waiting", "bearing", "taking", "choosing",
                  "shopping", "order", "ordering", "feedback", "review", "support", "help", "helping", "your",
                  "the", "being", "getting", "contacting", "reaching", "writing", "calling", "checking",
                  "confirming", "trusting", "cooperation", "co-operation", "business", "kind", "quick"}
LONG_TIME = re.compile(r"\b(?:so long|forever|ages|all this time|this long|weeks|months)\b", re.I)
THANKS = re.compile(r"\b(?:thanks|thank you|thank u|thx|many thanks)(?:\s+(?:so|very)\s+much|\s+a lot|\s+again)?"
                    r"(?:\s+(?:for|so much for))\s+", re.I)
REMINDER = re.compile(r"\b(?:thanks|thank you)(?:\s+(?:so|very)\s+much)?\s+for\s+(?:the|your)\s+"
                      r"(?:(?:kind|helpful|friendly|gentle)\s+)?(?:reminder|heads[- ]up|update)\b", re.I)
AWARE = re.compile(r"\b(?:we|i)(?:'ve|\s+have|'re|\s+are|\s+am|'m)?\s+(?:well\s+)?(?:noticed|aware|know|realised|"
                   r"realized|counted)\b|\bit'?s been\b|\bbelieve (?:me|us)\b", re.I)
AFFECT = re.compile(r"\b(?:we|i)\s+(?:really\s+|just\s+|absolutely\s+|simply\s+)?(?:love|adore|enjoy|relish)\s+"
                    r"(?:hearing|reading|being told|getting|receiving|it when)\b|"
                    r"\b(?:it\s+|that\s+)?(?:really\s+|truly\s+)?(?:makes?|made)\s+(?:our|my)\s+(?:day|week|morning)\b|"
                    r"\bnothing (?:we|i) (?:like|love|enjoy) more\b", re.I)
INSULT = {"garbage", "trash", "rubbish", "junk", "flimsy", "useless", "pathetic", "worst", "terrible", "awful",
          "crap", "crappy", "shoddy", "cheap", "horrible", "disgrace", "disgraceful", "scam", "joke", "rip-off",
          "ripoff", "incompetent", "idiots", "clowns", "amateurs"}
PRAISE_START = re.compile(r"\b(?:(?:lovely|nice|great|good|wonderful|delightful|a pleasure|a treat|refreshing)\s+"
                          r"(?:to|of you to)\s+\w+|how (?:kind|nice|thoughtful|lovely|good) of you)\b", re.I)
LOVE_WHEN = re.compile(r"\b(?:(?:we|i)\s+(?:just\s+|really\s+|absolutely\s+|simply\s+)?(?:love|adore|enjoy)\s+"
                       r"(?:it\s+)?(?:when|how)|(?:don'?t|doesn'?t)\s+you\s+(?:just\s+)?love\s+(?:it\s+)?(?:when|how)|"
                       r"nothing (?:we|i) (?:like|love|enjoy) more than)\b", re.I)
NEGATION = {"not", "no", "never", "without", "don't", "didn't", "doesn't", "won't", "can't", "isn't", "wasn't",
            "haven't", "hasn't", "nobody", "nothing", "forgot", "forgets", "ignored", "ignores", "late", "again"}
FOR_A_CHANGE = re.compile(r"\b(?:for a change|for once)\b", re.I)
ONLY_LATE = re.compile(r"\bonly\s+(?:\w+\s+){0,1}(?:days?|weeks?|months?|hours?|years?)\s+(?:late|overdue|behind)\b",
                       re.I)
CONCESSIVE = re.compile(r"\b(?:sorry|apologi[sz]e|apologies|even when|even if|although|though|but we)\b", re.I)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# --- ironic courtesy: a welcome, compliment or thanks attached to a repeated, late or excessive contact ----------
COURTESY = re.compile(
    r"\b(?:(?:so |how |very |always |really |such )?(?:lovely|nice|great|good|wonderful|delightful|marvell?ous|"
    r"fantastic|brilliant|a (?:real )?pleasure|a treat|a joy|refreshing|an honou?r)\s+(?:to|of you to)\s+\w+|"
    r"how (?:very )?(?:kind|nice|thoughtful|lovely|good|sweet|considerate|generous|gracious|decent|good) of you(?: to)?|"
    r"(?:thanks|thank you|many thanks)(?:\s+(?:so|very)\s+much|\s+a lot)?\s+for|"
    r"what a (?:pleasure|treat|joy|delight|lovely surprise|nice surprise))\b", re.I)
REPEATED = re.compile(
    r"\b(?:(?:again )?so soon|the (?:very )?same\b|yet again|for the (?:second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|\d+(?:st|nd|rd|th)|umpteenth|hundredth|nth|millionth|hundred and \w+) time)", re.I)
NUMBER = (r"(?:\d{1,3}|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a hundred|a dozen|dozens of|hundreds of|countless|"
          r"endless|so many|numerous|umpteen|constant|non-stop|relentless|(?:a |the )?(?:barrage|stream|flood|string|"
          r"volley|torrent|avalanche|deluge) of)")
CONTACTS = (r"(?:voicemails?|voice ?messages|e-?mails|messages|(?:phone )?calls|texts|reminders|chasers|follow-ups|"
            r"complaints|tweets|tickets|dms|posts|comments|chat requests|letters|notes)")
LATE_CONTACT = re.compile(
    r"\b(?:after (?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few|many) (?:weeks?|months?|years?)|(?:after )?(?:\w+|\d+) (?:days?|weeks?|months?) of "
    r"(?:radio )?(?:silence|no (?:reply|response|word)|nothing)|of (?:radio )?silence|at long last|only now|"
    r"at the (?:very )?last (?:minute|moment)|(?:\w+|\d+) (?:weeks?|months?) (?:later|late|after the)|"
    r"after the (?:deadline|cut-?off)|in your own (?:good )?time|"
    r"wait(?:ed|ing)? (?:right )?(?:until|till|til) (?:the (?:very )?last|day \d+|the end|now|the day before))\b", re.I)
EXCESS = re.compile(r"\b" + NUMBER + r"\s+(?:(?:[\w-]+)\s+){0,2}?" + CONTACTS + r"\b", re.I)
PATIENCE = re.compile(r"^\s*(?:your\s+|all\s+your\s+)?(?:patience|patient|understanding|bearing|waiting|sticking|"
                      r"persever|help|support|cooperation|co-operation|kind words|business|loyalty|order)", re.I)
SMALL_NUMBERS = {"1", "2", "one", "two", "a", "the"}
GLAD_WAITED = re.compile(
    r"\b(?:so |really |very |truly )?(?:glad|pleased|delighted|thrilled|happy|grateful|nice|good|great|lovely)\s+"
    r"(?:that\s+)?you\s+(?:\w+\s+){0,2}?(?:waited|left it|held off|held on|saved (?:it|this))\s+(?:until|till|til|to)\b|"
    r"\b(?:glad|pleased|delighted|thrilled|happy|nice|good|great|lovely)\s+(?:that\s+)?you\s+(?:finally|eventually|"
    r"at last)\s+(?:replied|answered|responded|got back|found (?:the )?time|decided|bothered|read|called|rang|paid|"
    r"checked|looked|opened|got round|remembered)\b", re.I)
# a sentence-initial exclamation of delight followed by an inference about a bad situation: "Marvellous, so the
# engineer missed the slot again."
INTERJECTION = re.compile(
    r"^\W*(?:oh,?\s+)?(?:marvell?ous|wonderful|splendid|fabulous|fantastic|terrific|superb|brilliant|great|perfect|"
    r"lovely|excellent|super|charming|delightful|awesome|nice|delicious|smashing)\s*[,!.…—–-]*\s*"
    r"(?:so(?: now)?|now|then|and now|apparently|it seems|which means|that means)\b", re.I)
BAD_SITUATION = {"again", "still", "another", "wrong", "missed", "lost", "broke", "broken", "forgot", "forgotten",
                 "ignored", "failed", "cancelled", "canceled", "late", "later", "nothing", "nobody", "gone", "dead",
                 "damaged", "stuck", "useless", "worse", "never"}


# Lower-case words at least one of which every match of the pattern holds (read off its alternatives): a sentence
# whose folded text has none of them cannot match, and is not searched. Searching every sentence with every
# pattern was most of this check's time. A new alternative in a pattern needs its word here too.
_THANKS_WORDS = ("thank", "thx")                                     # THANKS, REMINDER ("thank" only)
_AFFECT_WORDS = ("love", "adore", "enjoy", "relish", "make", "made", "nothing")
_LOVE_WHEN_WORDS = ("love", "adore", "enjoy", "nothing")
_FOR_A_CHANGE_WORDS = ("for a change", "for once")
_COURTESY_WORDS = ("lovely", "nice", "great", "good", "wonderful", "delightful", "marvel", "fantastic", "brilliant",
                   "pleasure", "treat", "joy", "refreshing", "hono", "of you", "thank", "what a")
_GLAD_WAITED_WORDS = ("waited", "left it", "held o", "saved", "finally", "eventually", "at last")  # and "you"
_CONCESSIVE_WORDS = ("sorry", "apologi", "even when", "even if", "though", "but we")
_INTERJECTION_WORDS = ("marvel", "wonderful", "splendid", "fabulous", "fantastic", "terrific", "super", "brilliant",
                       "great", "perfect", "lovely", "excellent", "charming", "delightful", "awesome", "nice",
                       "delicious", "smashing")
_CLAUSE_END = re.compile(r"[.;!?\n]|,\s+(?:and|but|so|which|because|as)\b|\s[—–]\s")
_CONTRAST_CUT = re.compile(r"\s(?:but|though|although|however|whereas|while)\b", re.I)


def _sentences_with(low_text: str, word: str, starts: list[int]) -> set[int]:
    """Indices of the sentences (given by their start offsets) in which `word` occurs in the folded text (or starts
    and runs past the end: a superset, which is safe for a pre-test). One pass of str.find over the whole text:
    testing every sentence for every word cost more than the searches it spared."""
    found = set()
    i = low_text.find(word)
    while i >= 0:
        found.add(bisect_right(starts, i) - 1)
        i = low_text.find(word, i + 1)
    return found


def _sentence_bounds(ctx) -> list[tuple[int, int]]:
    """(start, end) of each sentence that is not blank."""
    text = ctx.text
    return [(a, b) for a, b in sentence_spans(ctx.doc) if text[a:b].strip()]


def _clause_end(text: str, start: int, limit: int) -> int:
    m = _CLAUSE_END.search(text, start, limit)
    return m.start() if m else limit


def contrast_hits(ctx) -> list[Hit]:
    text = ctx.text
    low_text = fold(text)
    hits: list[Hit] = []
    bounds = _sentence_bounds(ctx)
    starts = [s0 for s0, _ in bounds]
    occurs: dict[str, set[int]] = {}

    def where(words: tuple) -> set[int]:
        """The sentences holding one of `words`."""
        out = set()
        for w in words:
            if w not in occurs:
                occurs[w] = _sentences_with(low_text, w, starts)
            out |= occurs[w]
        return out

    concessive_at, thanks_at, reminder_at = where(_CONCESSIVE_WORDS), where(_THANKS_WORDS), where(("thank",))
    affect_at, love_when_at, for_a_change_at = where(_AFFECT_WORDS), where(_LOVE_WHEN_WORDS), where(_FOR_A_CHANGE_WORDS)
    courtesy_at, interjection_at, only_at = where(_COURTESY_WORDS), where(_INTERJECTION_WORDS), where(("only",))
    glad_waited_at = where(_GLAD_WAITED_WORDS) & where(("you",))
    for k, (s0, s1) in enumerate(bounds):
        st = text[s0:s1]
        found = False
        concessive = k in concessive_at and CONCESSIVE.search(st) is not None
        # A) thanks for <negative behaviour>
        for m in THANKS.finditer(text, s0, s1) if k in thanks_at else ():
            c0 = m.end()
            c1 = _clause_end(text, c0, s1)
            comp = text[c0:c1]
            words = [w.lower().replace("’", "'") for w in WORD.findall(comp)]
            if not words:
                continue
            head = words[:3]
            neg = any(a in comp.lower() for a in REPROACH_ADV if " " in a) or any(w in REPROACH_ADV for w in head)
            first = words[0]
            if not neg and first not in SINCERE_THANKS:
                if first in NEG_BEHAVIOUR or (first.endswith("ing") and valence(first) <= -0.8):
                    neg = True
            if not neg and first.endswith("ing") and LONG_TIME.search(comp) and first in ("taking", "keeping"):
                neg = True
            if neg:
                hits.append(Hit(m.start(), c1))
                found = True
        # A2) "Yes, we've noticed it's been two weeks, thanks for the reminder"
        m = REMINDER.search(text, s0, s1) if k in reminder_at else None
        if m and AWARE.search(text, s0, m.start()) and not concessive:
            hits.append(Hit(m.start(), m.end()))
            found = True
        # B) delight next to an insult: "We love hearing that our products are 'flimsy garbage'"
        if not found and k in affect_at and AFFECT.search(st) and not concessive:
            words = [w.lower().strip("'’") for w in WORD.findall(st)]
            if any(w in INSULT or valence(w) <= -2.0 for w in words):
                a = AFFECT.search(st)
                hits.append(Hit(s0 + a.start(), _clause_end(text, s0 + a.end(), s1)))
                found = True
        # B2) "We love it when customers send returns without a label": delight at a negative situation
        if not found and k in love_when_at:
            lw = LOVE_WHEN.search(st)
            if lw and not concessive:
                c1 = _clause_end(text, s0 + lw.end(), s1)
                comp = text[s0 + lw.end():c1]
                cw = [w.lower().replace("’", "'") for w in WORD.findall(comp)]
                if any(w in NEGATION or w in NEG_BEHAVIOUR or w in INSULT or valence(w) <= -1.0 for w in cw):
                    hits.append(Hit(s0 + lw.start(), c1))
                    found = True
        # C) praise "... for a change" / "for once"
        if not found and k in for_a_change_at:
            fc = FOR_A_CHANGE.search(st)
            if fc:
                p = PRAISE_START.search(st)
                pos_words = [w for w in WORD.findall(st[:fc.start()]) if valence(w) >= 1.5]
                if p or pos_words:
                    start = s0 + (p.start() if p else 0)
                    hits.append(Hit(start, s0 + fc.end()))
                    found = True
        # E) ironic courtesy about a repeated, late or excessive contact: "Lovely to hear from you again so soon
        #    about the same router", "How kind of you to let us know after three weeks of silence", "Thank you for
        #    the eleven voicemails over the weekend"
        if not found and not concessive and k in courtesy_at:
            for m in COURTESY.finditer(text, s0, s1):
                c1 = _clause_end(text, m.end(), s1)
                cut = _CONTRAST_CUT.search(text, m.end(), c1)
                rest = text[m.end():cut.start() if cut else c1]
                if m.group(0).lower().startswith(("thank", "many")) and PATIENCE.match(rest):
                    continue
                marker = REPEATED.search(rest) or LATE_CONTACT.search(rest)
                if not marker:
                    ex = EXCESS.search(rest)
                    if ex and [w for w in ex.group(0).lower().split() if w not in ("a", "the", "all")][0] \
                            not in SMALL_NUMBERS:
                        marker = ex
                if marker:
                    hits.append(Hit(m.start(), m.end() + marker.end()))
                    found = True
                    break
        # F) "So glad you waited until the last day to tell us"
        if not found and not concessive and k in glad_waited_at:
            g = GLAD_WAITED.search(st)
            if g:
                hits.append(Hit(s0 + g.start(), _clause_end(text, s0 + g.end(), s1)))
                found = True
        # G) "Marvellous, so the engineer missed the appointment again": delight, then a bad situation
        if not found and not concessive and k in interjection_at:
            ij = INTERJECTION.match(st)
            if ij:
                c1 = _clause_end(text, s0 + ij.end(), s1)
                rest = [w.lower().replace("’", "'") for w in WORD.findall(text[s0 + ij.end():c1])]
                if any(w in BAD_SITUATION or w in NEG_BEHAVIOUR or w in NEGATION
                       or (valence(w) <= -1.5 and w not in ("no", "sorry")) for w in rest):
                    hits.append(Hit(s0 + len(st) - len(st.lstrip()), c1))
                    found = True
        # D) ironic "only five weeks late"
        for m in ONLY_LATE.finditer(text, s0, s1) if k in only_at else ():
            hits.append(Hit(m.start(), m.end()))
    return hits


@register("sarcasm-contrast")
def sarcasm_contrast(ctx, rule):
    return ctx.memo("sarcasm.contrast", lambda: contrast_hits(ctx))


# --- scare quotes -----------------------------------------------------------------------------------------------
QUOTED = re.compile(
    r"(?P<open>[\"“‘]|(?<![\w])')(?P<body>[a-z][^\"“”‘’'\n]{0,40}?)(?P<close>[\"”’]|'(?![\w]))")
PAIRS = {'"': '"', "“": "”", "‘": "’", "'": "'"}
DETERMINER = re.compile(r"\b(?:your|so-called|so called|this|these|that|those|the|such|his|her|their|our)\s*$", re.I)
REPORTING = re.compile(r"\b(?:you|they|the customer)\s+(?:called|call|describe[sd]?|termed|labelled|labeled|"
                       r"said|say|wrote|claim(?:ed|s)?)\b[^.!?]{0,25}$", re.I)
SINCERE = re.compile(r"\b(?:sorry|apologi[sz]e|apologies|understand|thank)\b", re.I)
UI_NOUN = re.compile(r"^\s*(?:button|tab|link|menu|page|field|option|box|section|setting|label|icon|screen|folder|"
                     r"code|mode|column|filter|form)\b", re.I)
COMPLAINT_WORDS = {"urgent", "emergency", "broken", "faulty", "defect", "defective", "damaged", "damage", "mistake",
                   "error", "problem", "issue", "complaint", "lost", "missing", "late", "delay", "flimsy", "garbage",
                   "rubbish", "junk", "useless", "cheap", "terrible", "awful", "unacceptable", "ripped", "torn",
                   "leaking", "leaky", "waterproof", "quality", "expert", "research", "customer service", "asap",
                   "immediately", "important", "priority", "deadline", "misunderstanding", "policy", "guarantee"}


def scare_quote_hits(ctx) -> list[Hit]:
    text = ctx.text
    hits = []
    for m in QUOTED.finditer(text):
        if PAIRS.get(m.group("open")) != m.group("close") and not (m.group("open") == "“" and m.group("close") == '"'):
            if not (m.group("open") in "\"“" and m.group("close") in "\"”") and \
               not (m.group("open") in "'‘" and m.group("close") in "'’"):
                continue
        body = m.group("body").strip()
        words = WORD.findall(body)
        if not words or len(words) > 4 or body.endswith((".", "!", "?")):
            continue
        before = text[max(0, m.start() - 40):m.start()]
        after = text[m.end():m.end() + 20]
        line_start = text.rfind("\n", 0, m.start()) + 1
        sent_before = re.split(r"[.!?]\s", text[line_start:m.start()])[-1]
        sent = sentence_of(ctx.doc, m.start(), m.end())
        if SINCERE.search(text[sent.start_char:sent.end_char] if sent is not None else sent_before):
            continue
        if UI_NOUN.match(after):
            continue
        low = [w.lower() for w in words]
        det = DETERMINER.search(before)
        reader = re.search(r"\b(?:your|so-called|so called)\s*$", before, re.I)
        negative = any(w in COMPLAINT_WORDS or valence(w) <= -1.0 for w in low) or body.lower() in COMPLAINT_WORDS
        noun_after = re.match(r"\s*([a-z]+)", after)
        modifier = bool(det and noun_after and len(words) <= 2)
        if reader or REPORTING.search(sent_before) and negative or (modifier and negative) or \
                (negative and re.search(r"\b(?:are|is|was|were|be|been|call|called)\s*$", before, re.I)):
            s, e = m.start(), m.end()
            if reader or det:
                s = m.start() - len(before) + det.start() if det else s
            if noun_after and (det or reader):
                e = m.end() + noun_after.end()
            hits.append(Hit(s, e))
    return hits


@register("scare-quotes")
def scare_quotes(ctx, rule):
    return ctx.memo("sarcasm.scare-quotes", lambda: scare_quote_hits(ctx))
