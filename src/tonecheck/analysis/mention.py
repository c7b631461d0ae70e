"""Mention is not use: a phrase the writer puts in quotation marks as a phrase - a name, a term, an example of
what not to say - is not the writer saying it.

"We've renamed our 'Gentle nudge' template", "Avoid openers like "per my last email"": the words are there, the
tone is not. The test is layout, not vocabulary: the match lies inside a short quotation on its line (at most
`MAX_WORDS` words, so a quoted paragraph of the customer's own mail is not a mention), opened and closed by a
matching pair of marks. A single quote counts only where it cannot be an apostrophe: after a space or bracket and
before a space or punctuation.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

MAX_WORDS = 8
_PAIRS = {'"': '"', "\u201c": "\u201d", "\u2018": "\u2019", "'": "'", "\u00ab": "\u00bb"}
_OPEN_OK = re.compile(r"(?:^|[\s(\[:/—–-])$")
_CLOSE_OK = re.compile(r"^(?:$|[\s)\]:;,.!?/—–-])")


def _opens(text: str, ls: int, k: int) -> bool:
    """The mark at k can open a quotation: it starts the line or follows a space, bracket, colon, slash or dash
    (one character looked at, not the line: this runs at every mark left of every hit)."""
    return k == ls or _OPEN_OK.search(text[k - 1]) is not None


def _closes(text: str, j: int, le: int) -> bool:
    """The mark at j can close a quotation: it ends the line or comes before a space or punctuation."""
    return j + 1 >= le or _CLOSE_OK.match(text[j + 1]) is not None


def quotation_around(text: str, s: int, e: int) -> tuple[int, int] | None:
    """(start, end) of the inside of the quotation on the line of text[s:e] that holds it entirely, or None."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    marks = _mark_positions(text)
    for m in range(bisect_left(marks, s) - 1, bisect_left(marks, ls) - 1, -1):
        k = marks[m]
        closer = _PAIRS[text[k]]
        if not _opens(text, ls, k):
            continue
        end = _closing(text, e, le, closer)
        if end is not None and not _closed_between(text, k + 1, s, closer):
            return k + 1, end
    return None


@lru_cache(maxsize=4)
def _mark_positions(text: str) -> list[int]:
    """Where the text has a quotation mark, in order: the search for an opener visits these, not every character
    (one long line with thousands of hits - a pasted log, a fuzzed page - made that quadratic)."""
    return [k for k, ch in enumerate(text) if ch in _PAIRS]


def _closing(text: str, e: int, le: int, closer: str) -> int | None:
    """The position of the closing mark at or after e on the line (one that cannot be an apostrophe)."""
    j = text.find(closer, e, le)
    while j >= 0:
        if _closes(text, j, le):
            return j
        j = text.find(closer, j + 1, le)
    return None


def _closed_between(text: str, a: int, b: int, closer: str) -> bool:
    """A closing mark between the opener and the match: the match is outside that quotation."""
    j = text.find(closer, a, b)
    while j >= 0:
        if _CLOSE_OK.match(text[j + 1:j + 2]):
            return True
        j = text.find(closer, j + 1, b)
    return False


def is_mention(text: str, s: int, e: int) -> bool:
    """text[s:e] sits inside a short quotation: the writer names the phrase rather than using it."""
    q = quotation_around(text, s, e)
    return q is not None and len(text[q[0]:q[1]].split()) <= MAX_WORDS


# a negation earlier in the same clause: "we don't claim to be carbon neutral", "our tents are not 100% waterproof"
# "None of our lights are weatherproof", "no tent is fully waterproof" (not "no other firm is carbon neutral", which
# makes the claim)
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|cannot|can't|won't|don't|doesn't|didn't|isn't|aren't|wasn't|"
                       r"weren't|haven't|hasn't|wouldn't|shouldn't|nor|neither|none|"
                       r"no(?!\s+(?:other|one\s+else|doubt|wonder|matter|less|fewer)\b))\b"
                       r"(?!\s+(?:just|only|merely|simply)\b)", re.I)
_CLAUSE_START = re.compile(r"[.;:!?\n]|,\s*(?:but|and|yet|so)\b|\bbut\b", re.I)


def denied(text: str, s: int) -> bool:
    """The clause that leads up to text[s] denies what follows: the phrase is mentioned to be rejected."""
    lead = _UNWRAPPED.sub(" ", text[max(0, s - 120):s].replace("’", "'"))
    cut = [m.end() for m in _CLAUSE_START.finditer(lead)]
    return _NEGATION.search(lead[cut[-1]:] if cut else lead) is not None


# a hard-wrapped line break inside a paragraph ("we can't call any of our cheeses\nlactose free") joins the clause
_UNWRAPPED = re.compile(r"(?<!\n)\n(?![\n\-*•>]|\s*\d+[.)])")


# someone else's claim reported earlier in the clause: "any product that claims to cure tinnitus", "the advert
# promised it would never fade", "drops marketed as a cure" (not the sender's own: "we promise", "our range claims")
_REPORTED_CLAIM = re.compile(r"\b(?P<subject>(?:[\w']+\s+)?[\w']+)\s+(?:[\w']+\s+)?(?:claims?|claimed|claiming|"
                             r"promis(?:es|ed|ing)|boasts?|boasted|boasting|advertis(?:es|ed|ing)|"
                             r"market(?:s|ed|ing)\s+as|sold\s+as|billed\s+as|sells?\s+(?:it|them)\s+as)\b", re.I)
_SENDER = frozenset({"we", "i", "our", "us", "my", "we're", "i'm", "we've", "i've"})


# the clause asks about the phrase rather than saying it: "you asked whether our kitchen is halal certified",
# "wondering if the paint is lead free" (a question answered next, not the sender's claim)
_ASKED = re.compile(r"\bwhether\b|\b(?:ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?|enquir(?:e|es|ed|ing)|"
                    r"inquir(?:e|es|ed|ing)|check(?:ed|ing)|queried|querying)\s+(?:\w+\s+){0,2}?if\b", re.I)


def asked_about(text: str, s: int) -> bool:
    """The clause that leads up to text[s] is an indirect question: the phrase is asked about, not claimed."""
    lead = _UNWRAPPED.sub(" ", text[max(0, s - 120):s].replace("’", "'"))
    cut = [m.end() for m in _CLAUSE_START.finditer(lead)]
    return _ASKED.search(lead[cut[-1]:] if cut else lead) is not None


# the reader's (or a third party's) own question reported back: "You asked whether you should have brought him in
# earlier", "Ama wondered if she had missed the deadline" (not the writer's own "I wonder whether you even read it")
_QUESTION_REPORTED = re.compile(r"\b(?!(?i:I|we)\b)(?:(?i:you|he|she|they|your\s+[\w-]+)|[A-Z][a-z]+)\s+(?:also\s+)?"
                                r"(?:asked|wondered|queried|enquired|inquired|wanted\s+to\s+know|were\s+asking|"
                                r"was\s+asking|were\s+wondering|was\s+wondering|raised\s+the\s+question)\s+"
                                r"(?:\w+\s+){0,3}?(?:whether|if)\b")


def question_reported(text: str, s: int) -> bool:
    """The clause that leads up to text[s] reports someone else's question: what follows is what they asked, not
    what the writer says ("You asked whether you should have brought him in earlier")."""
    lead = _UNWRAPPED.sub(" ", text[max(0, s - 120):s].replace("’", "'"))
    cut = [m.end() for m in _CLAUSE_START.finditer(lead)]
    return _QUESTION_REPORTED.search(lead[cut[-1]:] if cut else lead) is not None


def attributed(text: str, s: int) -> bool:
    """The clause that leads up to text[s] reports someone else's claim: the phrase is theirs, not the sender's."""
    lead = _UNWRAPPED.sub(" ", text[max(0, s - 120):s].replace("’", "'"))
    cut = [m.end() for m in _CLAUSE_START.finditer(lead)]
    reports = list(_REPORTED_CLAIM.finditer(lead[cut[-1]:] if cut else lead))
    return bool(reports) and not _SENDER.intersection(reports[-1].group("subject").lower().split())
