"""Sarcasm checks that need more than a token pattern.

- `sarcasm.positive-negative-contrast`: a positive phrase (thanks, "we love", "lovely to") next to a negative
  situation in the same sentence, after Riloff et al. (2013), "Sarcasm as contrast between a positive sentiment
  and negative situation". Negative situations are the reader's own behaviour (ignoring, forgetting, finally
  replying, being late), scored with the VADER lexicon (analysis.sentiment) plus a small lexicon of
  negative-behaviour words that VADER lacks.
- `sarcasm.scare-quotes`: quotation marks around the reader's words ("your 'urgent' request").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from ..analysis.sentiment import valence
from ..literal import fold, required_literals
from ..analysis.promise_frame import reported_speech, third_party_speech
from ..analysis.sentences import sentence_of, sentence_spans
from . import Hit, register

# the reader's behaviour that thanks cannot sincerely be given for (lemmas / -ing forms)
NEG_BEHAVIOUR = {
    "ignore", "ignoring", "forget", "forgetting", "neglect", "neglecting", "waste", "wasting", "ruin", "ruining",
    "delay", "delaying", "ghost", "ghosting", "shout", "shouting", "yell", "yelling", "insult", "insulting",
    "blame", "blaming", "complain", "complaining", "miss", "missing", "lose", "losing", "break", "breaking",
    "skip", "skipping", "leave", "leaving", "keep", "keeping", "making", "dragging", "stonewalling",
}
# behaviour words that are bad only with what follows: "keeping us waiting" / "keeping us posted", "leaving the gate
# open" / "leaving a review", "making us wait" / "making time"
AMBIGUOUS_BEHAVIOUR = {"leave", "leaving", "keep", "keeping", "making"}
_BAD_OUTCOME = re.compile(r"\b(?:wait|waiting|dark|hold|mess|fuss|open|unlocked|unpaid|behind|harder|worse|difficult|"
                          r"late|last\s+minute|again|until|chase|chasing|guessing|"
                          # "thanks for keeping count": the reader's tally of our failures
                          r"count|score|tally|tabs\s+on\s+(?:us|me))\b", re.I)
# adverbs that turn thanks into reproach: "thanks for finally replying"
REPROACH_ADV = {"finally", "eventually", "at last", "once again", "yet again", "yet another", "even", "actually",
                "bothering",
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
# the ironic "only": a long wait made small ("only five weeks late", "it's only been outstanding since August"),
# never a plain recent fact ("it's only been open since March")
ONLY_LATE = re.compile(r"\bonly\s+(?:\w+\s+){0,1}(?:days?|weeks?|months?|hours?|years?)\s+(?:late|overdue|behind)\b|"
                       r"\bonly\s+been\s+(?:outstanding|overdue|unpaid|waiting|pending|unanswered|ignored|delayed|"
                       r"sitting\s+(?:there|here|in\s+\w+(?:\s+\w+)?))\s+(?:since|for)\b[^.!?\n]{0,30}", re.I)
CONCESSIVE = re.compile(r"\b(?:sorry|apologi[sz]e|apologies|even when|even if|although|though|but we)\b", re.I)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# --- ironic courtesy: a welcome, compliment or thanks attached to a repeated, late or excessive contact ----------
COURTESY = re.compile(
    r"\b(?:(?:so |how |very |always |really |such )?(?:lovely|nice|great|good|wonderful|delightful|marvell?ous|"
    r"fantastic|brilliant|a (?:real )?pleasure|a treat|a joy|refreshing|an honou?r)\s+(?:to|of you to)\s+\w+|"
    r"how (?:very )?(?:kind|nice|thoughtful|lovely|good|sweet|considerate|generous|gracious|decent) of you(?: to)?|"
    r"(?:thanks|thank you|many thanks)(?:\s+(?:so|very)\s+much|\s+a lot)?\s+for|"
    r"what a (?:pleasure|treat|joy|delight|lovely surprise|nice surprise))\b", re.I)
REPEATED = re.compile(
    r"\b(?:(?:again )?so soon|the (?:very )?same\b|yet again|for the (?:second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|\d+(?:st|nd|rd|th)|umpteenth|hundredth|nth|millionth|hundred and \w+) time|"
    # "your third telephone call this morning": an ordinal count of one contact
    r"(?:your|the|this) (?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|umpteenth|nth|\d+(?:rd|th)) "
    r"(?:[\w-]+ )?(?:call|email|e-mail|message|voicemail|text|reminder|chaser|complaint|ticket|letter|visit))",
    re.I)
NUMBER = (r"(?:\d{1,3}|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a hundred|a dozen|dozens of|hundreds of|countless|"
          r"endless|so many|numerous|umpteen|constant|non-stop|relentless|(?:a |the )?(?:barrage|stream|flood|string|"
          r"volley|torrent|avalanche|deluge) of)")
CONTACTS = (r"(?:voicemails?|voice ?messages|e-?mails|messages|(?:phone )?calls|texts|reminders|chasers|follow-ups|"
            r"complaints|tweets|tickets|dms|posts|comments|chat requests|letters|notes)")
LATE_CONTACT = re.compile(
    r"\b(?:after (?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few|many) (?:weeks?|months?|years?)|"
    r"(?:after )?(?:\w+|\d+) (?:days?|weeks?|months?) of "
    r"(?:radio )?(?:silence|no (?:reply|response|word)|nothing)|of (?:radio )?silence|at long last|only now|"
    # "Good to hear from you at last" (not "lovely to meet you at last", a warm first meeting)
    r"(?<=from you )at last|"
    r"at the (?:very )?last (?:minute|moment)|(?:\w+|\d+) (?:weeks?|months?) (?:later|late|after the)|"
    r"after the (?:deadline|cut-?off)|in your own (?:good )?time|"
    r"a (?:whole |full )?(?:week|month|year) (?:after|later)|"
    r"wait(?:ed|ing)? (?:right )?(?:until|till|til) (?:the (?:very )?last|day \d+|the end|now|the day before))\b", re.I)
EXCESS = re.compile(r"\b" + NUMBER + r"\s+(?:(?:[\w-]+)\s+){0,2}?" + CONTACTS + r"\b", re.I)
PATIENCE = re.compile(r"^\s*(?:your\s+|all\s+your\s+)?(?:patience|patient|understanding|bearing|waiting|sticking|"
                      r"persever|help|support|cooperation|co-operation|kind words|business|loyalty|order)", re.I)
SMALL_NUMBERS = {"1", "2", "one", "two", "a", "the"}
GLAD_WAITED = re.compile(
    r"\b(?:so |really |very |truly )?(?:glad|pleased|delighted|thrilled|happy|grateful|nice|good|great|lovely)\s+"
    r"(?:that\s+)?you\s+(?:\w+\s+){0,2}?(?:waited|left it|held off|held on|saved (?:it|this))\s+"
    r"(?:until|till|til|to)\b|"
    r"\b(?:glad|pleased|delighted|thrilled|happy|nice|good|great|lovely)\s+(?:that\s+)?you\s+(?:finally|eventually|"
    r"at last)\s+(?:replied|answered|responded|got back|found (?:the )?time|decided|bothered|read|called|rang|paid|"
    r"checked|looked|opened|got round|remembered)\b", re.I)
# a sentence-initial exclamation of delight followed by an inference about a bad situation: "Marvellous, so the
# engineer missed the slot again."
INTERJECTION = re.compile(
    r"^\W*(?:oh,?\s+)?(?:marvell?ous|wonderful|splendid|fabulous|fantastic|terrific|superb|brilliant|great|perfect|"
    r"lovely|excellent|super|charming|delightful|awesome|nice|delicious|smashing)\s*[,!.…—–-]*\s*"
    r"(?:so(?: now)?|now|then|and now|apparently|it seems|which means|that means)\b", re.I)
# "Great, mice, just what we needed this week": delight, a bad thing named, and mock welcome
NUISANCES = {"mice", "rats", "pests", "damp", "mould", "mold", "leak", "leaks", "flood", "flooding", "snow", "rain",
             "storm", "traffic", "roadworks", "delay", "delays", "strike", "strikes", "outage", "another", "more",
             "paperwork", "queue", "queues", "noise", "drilling", "wasps", "ants", "cockroaches", "bugs"}
MOCK_WELCOME = re.compile(
    r"^\W*(?:oh,?\s+)?(?:marvell?ous|wonderful|fantastic|brilliant|great|perfect|lovely|excellent|super|oh\s+good|"
    r"oh\s+joy)\s*[,!.…—–-]+\s*[^.!?]{1,40}?[,—–-]\s*(?:just|exactly)\s+what\s+(?:we|I)\s+(?:needed|wanted)\b", re.I)
BAD_SITUATION = {"again", "still", "another", "wrong", "missed", "lost", "broke", "broken", "forgot", "forgotten",
                 "turns", "turned",
                 "ignored", "failed", "cancelled", "canceled", "late", "later", "nothing", "nobody", "gone", "dead",
                 "damaged", "stuck", "useless", "worse", "never"}
_CLAUSE_END = re.compile(r"[.;!?\n]|,\s+(?:and|but|so|which|because|as)\b|\s[—–]\s")
_CONTRAST_CUT = re.compile(r"\s(?:but|though|although|however|whereas|while)\b", re.I)


# multi-word reproaches are looked for anywhere in the complement of thanks, single words among its first three
# (as whole words: "that last Tuesday" holds no "at last")
_REPROACH_PHRASES = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in REPROACH_ADV if " " in a) + r")\b", re.I)


class _Sentence(NamedTuple):
    """One sentence of the judged text, with what every family of the contrast check reads."""
    text: str               # the whole judged text (patterns run on it between start and end)
    start: int
    end: int
    concessive: bool        # an apology or concession in the sentence: courtesy in it is sincere

    @property
    def st(self) -> str:
        return self.text[self.start:self.end]


def _clause_end(text: str, start: int, limit: int) -> int:
    m = _CLAUSE_END.search(text, start, limit)
    return m.start() if m else limit


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def _reproachful(comp: str) -> bool:
    """The complement of "thanks for" names the reader's bad behaviour: "finally replying", "ignoring us"."""
    words = _words(comp)
    if not words:
        return False
    if _REPROACH_PHRASES.search(comp) or any(w in REPROACH_ADV for w in words[:3]):
        return True
    first = words[0]
    if first in AMBIGUOUS_BEHAVIOUR:
        return _BAD_OUTCOME.search(comp) is not None
    if first not in SINCERE_THANKS and (first in NEG_BEHAVIOUR or (first.endswith("ing") and valence(first) <= -0.8)):
        return True
    return first == "taking" and LONG_TIME.search(comp) is not None      # "taking so long"


def _thanks_for_behaviour(x: _Sentence) -> list[Hit]:
    """A) "Thanks so much for ignoring our three reminders"."""
    hits = []
    for m in THANKS.finditer(x.text, x.start, x.end):
        c1 = _clause_end(x.text, m.end(), x.end)
        if _reproachful(x.text[m.end():c1]):
            hits.append(Hit(m.start(), c1))
    return hits


def _reminder_when_aware(x: _Sentence) -> list[Hit]:
    """A2) "Yes, we've noticed it's been two weeks, thanks for the reminder"."""
    if x.concessive:
        return []
    m = REMINDER.search(x.text, x.start, x.end)
    if m and AWARE.search(x.text, x.start, m.start()):
        return [Hit(m.start(), m.end())]
    return []


def _delight_at_insult(x: _Sentence) -> list[Hit]:
    """B) "We love hearing that our products are 'flimsy garbage'"."""
    a = AFFECT.search(x.st) if not x.concessive else None
    if a is None:
        return []
    words = [w.lower().strip("'’") for w in WORD.findall(x.st)]
    if any(w in INSULT or valence(w) <= -2.0 for w in words):
        return [Hit(x.start + a.start(), _clause_end(x.text, x.start + a.end(), x.end))]
    return []


def _love_it_when(x: _Sentence) -> list[Hit]:
    """B2) "We love it when customers send returns without a label": delight at a negative situation."""
    lw = LOVE_WHEN.search(x.st) if not x.concessive else None
    if lw is None:
        return []
    c1 = _clause_end(x.text, x.start + lw.end(), x.end)
    if any(w in NEGATION or w in NEG_BEHAVIOUR or w in INSULT or valence(w) <= -1.0
           for w in _words(x.text[x.start + lw.end():c1])):
        return [Hit(x.start + lw.start(), c1)]
    return []


# the praise is about what someone did or sent: the reader ("you", "your"), or a contact or delivery received ("Nice
# to get the timesheets on time for once"), or thanks
_AIMED_AT_SOMEONE = re.compile(r"\b(?:you|your|yours|they|their|he|his|she|her|thanks?)\b|"
                               r"\bto\s+(?:hear|get|see|receive|have|find)\b", re.I)


def _praise_for_a_change(x: _Sentence) -> list[Hit]:
    """C) "Lovely to hear from you before the deadline for a change" (also after an apology)."""
    fc = FOR_A_CHANGE.search(x.st)
    if fc is None or not _AIMED_AT_SOMEONE.search(x.st):
        return []           # "Good weather for once, wind under 8 m/s all day": glad of the day, not mocking anyone
    p = PRAISE_START.search(x.st)
    if p or any(valence(w) >= 1.5 for w in WORD.findall(x.st[:fc.start()])):
        return [Hit(x.start + (p.start() if p else 0), x.start + fc.end())]
    return []


def _contact_marker(rest: str) -> re.Match | None:
    """A repeated, late or excessive contact in the words after a courtesy ("again so soon", "after four weeks
    of silence", "the nine emails"); one or two contacts are not excessive."""
    marker = REPEATED.search(rest) or LATE_CONTACT.search(rest)
    if marker:
        return marker
    ex = EXCESS.search(rest)
    if ex and [w for w in ex.group(0).lower().split() if w not in ("a", "the", "all")][0] not in SMALL_NUMBERS:
        return ex
    return None


def _ironic_courtesy(x: _Sentence) -> list[Hit]:
    """E) a welcome, compliment or thanks about a repeated, late or excessive contact: "Lovely to hear from you
    again so soon about the same router", "Thank you for the eleven voicemails over the weekend"."""
    if x.concessive:
        return []
    text = x.text
    for m in COURTESY.finditer(text, x.start, x.end):
        c1 = _clause_end(text, m.end(), x.end)
        cut = _CONTRAST_CUT.search(text, m.end(), c1)
        rest = text[m.end():cut.start() if cut else c1]
        if m.group(0).lower().startswith(("thank", "many")) and PATIENCE.match(rest):
            continue
        marker = _contact_marker(rest)
        if marker:
            return [Hit(m.start(), m.end() + marker.end())]
    return []


def _glad_you_waited(x: _Sentence) -> list[Hit]:
    """F) "So glad you waited until the last day to tell us"."""
    g = GLAD_WAITED.search(x.st) if not x.concessive else None
    if g is None:
        return []
    return [Hit(x.start + g.start(), _clause_end(x.text, x.start + g.end(), x.end))]


def _delighted_interjection(x: _Sentence) -> list[Hit]:
    """G) "Marvellous, so the engineer missed the appointment again": delight, then a bad situation; "Great,
    mice, just what we needed": delight, a bad thing, and a mock welcome."""
    welcome = MOCK_WELCOME.match(x.st) if not x.concessive else None
    if welcome is not None and any(w in NUISANCES or w in BAD_SITUATION or valence(w) < 0
                                   for w in _words(welcome.group(0))):
        lead = len(x.st) - len(x.st.lstrip())
        return [Hit(x.start + lead, x.start + welcome.end())]
    ij = INTERJECTION.match(x.st) if not x.concessive else None
    if ij is None:
        return []
    c1 = _clause_end(x.text, x.start + ij.end(), x.end)
    if any(w in BAD_SITUATION or w in NEG_BEHAVIOUR or w in NEGATION
           or (valence(w) <= -1.5 and w not in ("no", "sorry")) for w in _words(x.text[x.start + ij.end():c1])):
        return [Hit(x.start + len(x.st) - len(x.st.lstrip()), c1)]
    return []


def _only_late(x: _Sentence) -> list[Hit]:
    """D) the ironic "only five weeks late"."""
    return [Hit(m.start(), m.end()) for m in ONLY_LATE.finditer(x.text, x.start, x.end)]


# the families after thanks, each with the pattern it needs: a sentence reports the first of them that fires, and
# none when thanks already did
_FIRST_OF = ((AFFECT, _delight_at_insult), (LOVE_WHEN, _love_it_when), (FOR_A_CHANGE, _praise_for_a_change),
             (COURTESY, _ironic_courtesy), (GLAD_WAITED, _glad_you_waited), (INTERJECTION, _delighted_interjection))
# every pattern a family needs, filed under the literals one of which each of its matches holds (tonecheck.literal)
_GATED = (THANKS, REMINDER, AFFECT, LOVE_WHEN, FOR_A_CHANGE, COURTESY, GLAD_WAITED, INTERJECTION, ONLY_LATE, CONCESSIVE)


def _file_by_literal(patterns) -> tuple[dict[str, set], set]:
    """({literal: the patterns that may match where it occurs}, the patterns with no required literal)."""
    by_literal: dict[str, set] = {}
    ungated = set()
    for p in patterns:
        needs = required_literals(p)
        if needs is None:
            ungated.add(p)
        for w in needs or ():
            by_literal.setdefault(w, set()).add(p)
    return by_literal, ungated


_BY_LITERAL, _UNGATED = _file_by_literal(_GATED)


def _sentence_contrast(x: _Sentence, may: set) -> list[Hit]:
    """The contrast hits of one sentence; `may` holds the patterns the sentence may match (the rest are not run)."""
    hits = _thanks_for_behaviour(x) if THANKS in may else []
    if REMINDER in may:
        hits += _reminder_when_aware(x)
    if not hits:
        for pattern, family in _FIRST_OF:
            if pattern in may:
                hits = family(x)
                if hits:
                    break
    if ONLY_LATE in may:
        hits += _only_late(x)
    return hits


def _patterns_by_sentence(text: str, starts: list[int]) -> list[set]:
    """For each sentence (given by its start offset), the patterns of _GATED it may match. Each literal is looked
    up once in the folded text with str.find and filed under the sentence it starts in: testing every sentence
    for every literal (literal.might_match per sentence) cost more than the searches it spared."""
    low = fold(text)            # same offsets as text (fold keeps the length)
    live: list[set] = [set(_UNGATED) for _ in starts]
    for w, patterns in _BY_LITERAL.items():
        i = low.find(w)
        while i >= 0:
            k = bisect_right(starts, i) - 1
            if k >= 0:          # (not in the blank text before the first sentence)
                live[k] |= patterns
            i = low.find(w, i + 1)
    return live


def contrast_hits(ctx) -> list[Hit]:
    """Positive words next to a negative situation, sentence by sentence (blank sentences skipped)."""
    text = ctx.text
    bounds = [(a, b) for a, b in sentence_spans(ctx.doc) if text[a:b].strip()]
    live = _patterns_by_sentence(text, [a for a, _ in bounds])
    hits: list[Hit] = []
    for (s0, s1), may in zip(bounds, live, strict=True):
        if may and may != {CONCESSIVE}:
            concessive = CONCESSIVE in may and CONCESSIVE.search(text[s0:s1]) is not None
            hits += _sentence_contrast(_Sentence(text, s0, s1, concessive), may)
    return hits


@register("sarcasm.positive-negative-contrast")
def positive_negative_contrast(ctx, rule):
    return contrast_hits(ctx)


# --- scare quotes -----------------------------------------------------------------------------------------------
QUOTED = re.compile(
    r"(?P<open>[\"“‘]|(?<![\w])')(?P<body>[a-z][^\"“”‘’'\n]{0,40}?)(?P<close>[\"”’]|'(?![\w]))")
DETERMINER = re.compile(r"\b(?:your|so-called|so called|this|these|that|those|the|such|his|her|their|our)\s*$", re.I)
REPORTING = re.compile(r"\b(?:you|they|the customer)\s+(?:called|call|describe[sd]?|termed|labelled|labeled|"
                       r"said|say|wrote|claim(?:ed|s)?)\b[^.!?]{0,25}$", re.I)
# an apology or understanding beside the quotation: quoting, not mocking (thanks are not: "Thanks so much for your
# patience with our 'slow' workshop" is the sneer itself)
SINCERE = re.compile(r"\b(?:sorry|apologi[sz]e|apologies|understand|I\s+know\s+(?:that\s+)?you|"
                     r"I\s+can\s+(?:see|hear|imagine|tell)\s+(?:that\s+|how\s+|why\s+)?)\b", re.I)
# ... or in the sentence right after it: 'You said our policy is "heartless". I understand why it reads that way.'
SINCERE_NEXT = re.compile(r"^\W*(?:I|we)\s+(?:(?:do|really|completely|fully|totally)\s+)?(?:understand|(?:am|['’]m|are|"
                          r"['’]re)\s+(?:so\s+|very\s+|truly\s+|really\s+)?sorry|can\s+(?:see|understand|imagine)|"
                          r"apologi[sz]e)\b", re.I)
UI_NOUN = re.compile(r"^\s*(?:button|tab|link|menu|page|field|option|box|section|setting|label|icon|screen|folder|"
                     r"code|mode|column|filter|form)\b", re.I)
COMPLAINT_WORDS = {"urgent", "emergency", "broken", "faulty", "defect", "defective", "damaged", "damage", "mistake",
                   "error", "problem", "issue", "complaint", "lost", "missing", "late", "delay", "flimsy", "garbage",
                   "rubbish", "junk", "useless", "cheap", "terrible", "awful", "unacceptable", "ripped", "torn",
                   "leaking", "leaky", "waterproof", "quality", "expert", "research", "customer service", "asap",
                   "immediately", "important", "priority", "deadline", "misunderstanding", "policy", "guarantee",
                   "slow", "rude", "unhelpful", "overpriced", "confusing", "complicated", "poor", "incompetent",
                   "shoddy"}

# determiners that point at someone else's words, not the reader's: "one of the 'bad guy' generators"
_NOT_READERS = frozenset({"the", "his", "her", "their"})
COPULA_BEFORE = re.compile(r"\b(?:are|is|was|were|be|been|call|called)\s*$", re.I)
READER_BEFORE = re.compile(r"\byour\s+(?:so-called\s+|so\s+called\s+)?$", re.I)
NOUN_AFTER = re.compile(r"\s*([a-z]+)")


def _quotes_pair(open_: str, close: str) -> bool:
    """Double with double, single with single (straight or curly, in either combination)."""
    return (open_ in "\"“" and close in "\"”") or (open_ in "'‘" and close in "'’")


def _sincere_sentence(ctx, m: re.Match) -> bool:
    """The quote sits in a sentence that apologises, thanks or shows understanding: quoting, not mocking."""
    text = ctx.text
    sent = sentence_of(ctx.doc, m.start(), m.end())
    if sent is not None:
        following = text[sent.end_char:sent.end_char + 80].lstrip()
        return SINCERE.search(text[sent.start_char:sent.end_char]) is not None or \
            SINCERE_NEXT.match(following) is not None
    line_start = text.rfind("\n", 0, m.start()) + 1
    return SINCERE.search(re.split(r"[.!?]\s", text[line_start:m.start()])[-1]) is not None


def _reported(ctx, m: re.Match) -> bool:
    """The quotation marks sit in reported speech ("the chairman said the plan is 'deeply flawed'"): they quote a
    third party's words, they do not mock the reader's."""
    sent = sentence_of(ctx.doc, m.start(), m.end())
    if sent is None:
        return False
    stext = ctx.text[sent.start_char:sent.end_char]
    return reported_speech(stext) or third_party_speech(stext)


def _complains(words: list[str], body: str) -> bool:
    """The quoted words are a complaint or a negative word: what a sneer puts in quotation marks."""
    return body.lower() in COMPLAINT_WORDS or any(w.lower() in COMPLAINT_WORDS or valence(w.lower()) <= -1.0
                                                  for w in words)


# our own name for something we offer: 'We call this our "no quibble" promise' (the reader's word held up needs
# "your" or a noun of theirs: 'our "overpriced" boiler' is still their complaint quoted back)
_OUR_NAMED_OFFER = re.compile(r"\b(?:our|my)\s*$", re.I)
_OFFER_NOUN = re.compile(r"\s*(?:promise|guarantee|pledge|policy|plan|scheme|service|package|offer|range|programme|"
                         r"program|deal|tariff|option|bundle|kit|membership|club|rule|approach|method|process|"
                         r"check|visit|team|desk|line)s?\b", re.I)
# the quotation gives words to say, type or expect, not the reader's words mocked: "even if the answer is 'no
# changes'", "reply with 'STOP'", "the status reads 'on hold'"
_NAMING_BEFORE = re.compile(r"\b(?:(?:the|your|an?|our)\s+(?:answer|reply|response|status|subject(?:\s+line)?|"
                            r"wording|value|option|heading|title|label|code|password|word|phrase)\s+(?:is|was|will\s+be|"
                            r"reads|says|should\s+be|of)|(?:reply|answer|respond|write|type|enter|put|say|select|choose|"
                            r"click|tick|mark(?:ed)?)(?:\s+(?:with|it|them|as|in))?)\s*$", re.I)


def _scare_quote_span(text: str, m: re.Match, words: list[str], body: str,
                      theirs: bool = False, quoted_back: bool = False) -> tuple[int, int] | None:
    """Where the quotation marks mock the reader's words, the span to report (from a determiner before them to
    the noun after them: "your 'urgent' request"); None when they only quote. `theirs`: the words are the
    customer's own sizing of the problem, from the quoted message ("The 'small drip' was a split pipe");
    `quoted_back`: they are words of the customer's message at all."""
    before = text[max(0, m.start() - 40):m.start()]
    after = text[m.end():m.end() + 20]
    if UI_NOUN.match(after) or _NAMING_BEFORE.search(before):
        return None                 # "the 'Returns' tab", "even if the answer is 'no changes'", "reply 'STOP'"
    if _OUR_NAMED_OFFER.search(before) and _OFFER_NOUN.match(after):
        return None                 # 'our "no quibble" promise', 'our "Fix it first" plan': our name for our offer
    line_start = text.rfind("\n", 0, m.start()) + 1
    sent_before = re.split(r"[.!?]\s", text[line_start:m.start()])[-1]
    det = DETERMINER.search(before)         # also matches wherever READER_BEFORE does
    negative = _complains(words, body)
    noun_after = NOUN_AFTER.match(after)
    # "this 'urgent' request": a determiner that points at the reader's message, and a noun (not "at", "is") after
    modifier = bool(det and det.group(0).strip().lower() not in _NOT_READERS and noun_after and
                    noun_after.group(1).lower() not in STOP_WORDS and len(words) <= 2)
    held_up = theirs and len(words) <= 3 and (det is not None or COPULA_BEFORE.search(before) is not None)
    # one word of the customer's own message, quoted back as the modifier of a noun after any determiner ('the
    # "unauthorised" payment' to a customer who wrote of an unauthorised payment): their verdict held up, whatever
    # the word (not a name of ours: 'our "no quibble" promise' is left above, "the 'Returns' tab" never matches)
    echoed = quoted_back and len(words) == 1 and det is not None and noun_after is not None and \
        noun_after.group(1).lower() not in STOP_WORDS and not _OFFER_NOUN.match(after)
    if not (READER_BEFORE.search(before) or held_up or echoed
            or negative and (REPORTING.search(sent_before) or modifier or COPULA_BEFORE.search(before))):
        return None
    s = m.start() - len(before) + det.start() if det else m.start()
    e = m.end() + noun_after.end() if noun_after and det else m.end()
    return s, e


# the customer's own sizing of the problem or verdict on it, which a sneer quotes back ("the 'small drip'", "your
# 'emergency'", 'the "faulty" panels'); their names for things ("the 'lift interlock' fault", "the 'camera blocked'
# message") are quoted to be clear
_SIZED_UP_OR_DOWN = frozenset({"small", "tiny", "little", "minor", "quick", "slight", "simple", "easy", "bit", "few",
                               "emergency", "urgent", "disaster", "catastrophe", "nightmare", "unusable", "undrinkable",
                               "inedible", "useless", "ruined", "destroyed", "huge", "massive", "enormous",
                               "faulty", "broken", "defective", "damaged", "dangerous", "unsafe", "shoddy", "botched",
                               "substandard", "rubbish", "terrible", "awful", "unacceptable", "misleading", "scam",
                               "overcharged", "wrong", "disappointing", "unprofessional", "overpriced", "poor"})
# one such word of theirs pinned on their own thing ("your 'disappointing' safari") sneers even inside an apology
_YOUR_BEFORE = re.compile(r"\byour\s+$", re.I)


def _modifies_a_noun(text: str, m: re.Match) -> bool:
    """The quotation sits between a determiner and a noun: 'the "mustard" shade'."""
    noun = NOUN_AFTER.match(text, m.end())
    return DETERMINER.search(text[max(0, m.start() - 40):m.start()]) is not None and noun is not None and \
        noun.group(1).lower() not in STOP_WORDS and not UI_NOUN.match(text, m.end()) and \
        not _OFFER_NOUN.match(text, m.end())


def scare_quote_hits(ctx) -> list[Hit]:
    from ..analysis.thread import customer_text
    text = ctx.text
    hits = []
    customer = None
    for m in QUOTED.finditer(text):
        if not _quotes_pair(m.group("open"), m.group("close")):
            continue
        body = m.group("body").strip()
        words = WORD.findall(body)
        # a longer stretch only right after "your": the reader's own claim held up ('your "entire practice ground to
        # a standstill" over a three-hour fault')
        longest = 7 if READER_BEFORE.search(text[max(0, m.start() - 40):m.start()]) else 4
        if customer is None:
            customer = " ".join(customer_text(ctx.context).lower().split())
        quoted_back = bool(words) and len(body) > 3 and \
            re.search(rf"\b{re.escape(' '.join(body.lower().split()))}\b", customer) is not None
        # one word pinned on the reader's own thing ("your 'disappointing' safari"), or one of the reader's own words
        # pinned on a thing ("I am sorry the 'mustard' shade is not what you expected"): a sneer even in an apology
        pinned = len(words) == 1 and (
            (words[0].lower() in _SIZED_UP_OR_DOWN and
             _YOUR_BEFORE.search(text, max(0, m.start() - 12), m.start()) is not None) or
            (quoted_back and _modifies_a_noun(text, m)))
        if not words or len(words) > longest or body.endswith((".", "!", "?")) or \
                _sincere_sentence(ctx, m) and not pinned or _reported(ctx, m):
            continue
        theirs = quoted_back and any(w.lower() in _SIZED_UP_OR_DOWN for w in words)
        span = _scare_quote_span(text, m, words, body, theirs, quoted_back)
        if span is not None:
            hits.append(Hit(*span))
    return hits


@register("sarcasm.scare-quotes")
def scare_quotes(ctx, rule):
    return scare_quote_hits(ctx)


# a tag that only evaluates: "Really made my weekend.", "Very helpful.", "Just what I was hoping for."
_TAG_PHRASES = re.compile(r"\b(?:made\s+(?:my|our|the|their|his|her)\b|just\s+what\b|who\s+(?:could|would)\s+have\b|"
                          r"(?:my|our)\s+fav(?:ou)?rite\b|as\s+always\b|what\s+a\s+treat\b|love\s+it\b)", re.I)


# a tag opens with an intensifier and praises ("Really appreciated.", "Truly inspired work.", "Very helpful."); a
# plain fact or new thanks after the jab ("Your sample has now arrived.", "Thanks for telling me.") is not a tag
_INTENSIFIERS = frozenset({"really", "truly", "very", "so", "such", "what", "how", "absolutely", "totally", "most",
                           "much", "greatly", "hugely", "super", "ever"})
_SIGN_OFF = re.compile(r"^\W*(?:many\s+|warm\s+|kind\s+|best\s+)?(?:thanks|thank\s+you|cheers|regards|wishes|best|"
                       r"all\s+the\s+best|take\s+care|talk\s+soon|speak\s+soon)\b(?:\s+again)?\W*$", re.I)


@register("sarcasm.follow-up", second_pass=True)
def follow_up(ctx, rule):
    """"Thanks for the 6am call about the gearbox. Really made the crew's morning.": a short tag that only praises
    (an intensifier and a word of praise, or a stock tag such as "just what I needed"), right after a sentence already
    flagged as sarcastic, carries the same sarcasm (it adds no fact of its own)."""
    from ..analysis.commitments import body_sentences
    sarcastic = [(s, e) for cat, s, e in ctx.flagged if cat == "sarcasm"]
    if not sarcastic:
        return []
    max_words = int((rule.options or {}).get("max_words", 6))
    sents = list(body_sentences(ctx))
    out = []
    for before, tag in zip(sents, sents[1:], strict=False):
        if not any(s < before.end_char and e > before.start_char for s, e in sarcastic) or \
                any(s < tag.end_char and e > tag.start_char for s, e in sarcastic):
            continue
        text = ctx.text[tag.start_char:tag.end_char]
        words = _words(text)
        if not 0 < len(words) <= max_words or any(ch.isdigit() for ch in text) or _SIGN_OFF.match(text) or \
                ctx.text[before.end_char:tag.start_char].count("\n") > 1:
            continue            # a fact, a sign-off or a new paragraph: not a tag on the sentence before
        if _TAG_PHRASES.search(text) or (words[0] in _INTENSIFIERS and any(valence(w) > 0 for w in words)):
            out.append(Hit(tag.start_char, tag.end_char))
    return out


# a courtesy handed back: "Lovely to hear from you too, Riaan.", "And a good morning to you too."
_RETURNED = re.compile(
    r"^\W*(?:(?:hi|hello|dear|morning)\s+[A-Z][\w'’-]*\s*,\s*)?(?:and\s+)?"
    r"(?:(?:(?:it['’]s|it\s+is|always|so)\s+)?(?:lovely|nice|great|good|wonderful|delightful|a\s+pleasure|a\s+joy)\s+"
    r"to\s+(?:hear|speak|talk|chat)\s+(?:from|with|to)\s+you|"
    r"(?:a\s+)?(?:very\s+)?(?:good|happy|lovely|pleasant|great)\s+(?:morning|afternoon|evening|day|weekend|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|hello|hi|greetings)"
    r"\s+(?:to\s+you\s+)?(?:too|as\s+well)\b", re.I)
# thanks acknowledged: "You're welcome."
_WELCOME = re.compile(r"^\W*(?:and\s+)?you(?:['’]re|\s+are)\s+(?:very\s+|most\s+|so\s+|more\s+than\s+)?welcome"
                      r"(?=\s*(?:[.!,]|$))", re.I)


@register("sarcasm.returned-courtesy")
def returned_courtesy(ctx, rule):
    """"Lovely to hear from you too" to a customer who only complained, "You're welcome." to one who never said
    thanks, "I'll pass your kind words on to Marisol" when the words were a complaint about her: a courtesy
    returned that was never offered mocks the message it answers. Judged only against a quoted
    message from the other party (without one, the reply may be returning a phone call's greeting)."""
    from ..analysis.commitments import body_sentences
    from ..analysis.thread import customer_text, offers_greeting, offers_praise, offers_thanks
    text = ctx.text
    if not (_RETURNED_LITERAL.search(text) or _WELCOME_LITERAL.search(text) or _KIND_WORDS.search(text)):
        return []
    customer = customer_text(ctx.context)
    if not customer.strip():
        return []
    out = []
    for sent in body_sentences(ctx):
        words = text[sent.start_char:sent.end_char]
        if len(words.split()) > int((rule.options or {}).get("max_words", 12)):
            continue
        m = _RETURNED.match(words)
        if m and not offers_greeting(customer):
            out.append(Hit(sent.start_char + len(words) - len(words.lstrip()), sent.start_char + m.end()))
            continue
        m = _WELCOME.match(words)
        if m and not offers_thanks(customer):
            out.append(Hit(sent.start_char + len(words) - len(words.lstrip()), sent.start_char + m.end()))
            continue
        m = _KIND_WORDS.search(words)
        if m and not offers_praise(customer):
            out.append(Hit(sent.start_char + m.start(), sent.start_char + m.end()))
    return out


# "I'll be sure to pass your kind words on to Marisol", to a customer whose words were a complaint about her
_KIND_WORDS = re.compile(r"\b(?:pass|share|forward|relay)\w*\s+(?:on\s+|along\s+)?your\s+(?:very\s+)?(?:kind|lovely|"
                         r"generous|warm|nice|glowing|complimentary)\s+(?:words|comments|remarks|feedback|message|"
                         r"thoughts|review)\b", re.I)
_RETURNED_LITERAL = re.compile(r"\b(?:too|as\s+well)\b", re.I)
_WELCOME_LITERAL = re.compile(r"\bwelcome\b", re.I)
