"""Clause boundaries inside a sentence: where a commitment's clause ends, and what leads into it.

A commitment's excerpt runs from its subject to the next clause boundary (`;`, `:`, a dash, ", and we ...",
", so ...", the sentence end); its time scope also takes in a lead-in clause in the same sentence (a condition
or time clause, "If it hasn't arrived by Friday, ...", or a request it answers, "reply by Wednesday and ...").
"""
from __future__ import annotations

from .requests import is_request_words
from .subjects import THEY, THIRD_PERSON
from .tokens import FIRST, low

# finite verbs and auxiliaries: a conjunction followed by one starts a clause of its own
_FINITE = frozenset({"will", "'ll", "shall", "can", "may", "might", "should", "would", "'d", "must", "is", "are",
                     "was", "were", "has", "have", "'ve", "had", "'s", "'re", "'m", "am", "did", "does", "wo", "ca"})
SUBORD = ("if", "once", "when", "whenever", "as soon as", "after", "before", "until", "unless", "in case",
          "should", "as long as", "provided")
TIME_SUBORD = ("once", "when", "whenever", "as soon as", "until", "after")
CLAUSE_CONJ = frozenset({"and", "but", "or", "so", "while", "because", "as", "though", "although", "whereas", "yet",
                         "then"})
# words that open a new subject after a comma: ", we ...", ", the courier ..."
NEW_SUBJ = FIRST | THIRD_PERSON | THEY | {"you", "it", "this", "someone", "somebody", "please", "there", "our",
                                          "your", "the", "tom"}
# "and we'll ...", "but you can ...": a conjunction, a subject and an auxiliary start a new clause
_SUBJ_AFTER_CONJ = FIRST | THEY | {"you", "someone", "he", "she", "please"}
_AUX_AFTER_CONJ = frozenset({"will", "'ll", "can", "may", "might", "should", "would", "'d", "'re", "are", "am", "'m",
                             "have", "'ve", "need", "must", "do", "don't", "did"})


def clause_end(toks, i: int) -> int:
    """Token index (exclusive) where the clause that holds the anchor at i ends."""
    n = len(toks)
    k = i
    while k + 1 < n:
        k += 1
        if toks[k].text == "(" and (close := _short_aside(toks, k)):
            k = close           # "the bill of lading (B/L) on 15 December": a short aside is not a boundary
            continue
        if _punct_boundary(toks, k):
            return k
        word = low(toks[k])
        if word == "," and _comma_boundary(toks, k):
            return k
        if word in ("and", "but", "or", "so") and k + 2 < n and _conj_boundary(toks, k):
            return k
    return n


def _short_aside(toks, k: int) -> int | None:
    """The index of the ')' closing a bracket opened at k within six tokens, or within sixteen when nothing
    inside is a verb ("(USD 360.00 in surcharges instead of USD 405.00)"), with no clause mark inside."""
    finite = False
    for j in range(k + 1, min(k + 18, len(toks))):
        if toks[j].text == ")":
            return j if j <= k + 7 or not finite else None
        if toks[j].text in (";", ":", "!", "?", "(") or toks[j].is_space or \
                toks[j].text == "." and toks[j].whitespace_:
            return None
        finite = finite or low(toks[j]) in _FINITE
    return None


def _punct_boundary(toks, k: int) -> bool:
    """A clause-ending mark: ; : a dash, brackets, ! ?, a full stop, a blank line, a list item on a new line."""
    t, n = toks[k], len(toks)
    if t.text in (";", ":", "—", "–", "(", ")", "!", "?") or (t.text == "." and k == n - 1):
        return True
    if t.text == "-" and t.whitespace_ and k > 0 and toks[k - 1].whitespace_:
        return True
    if t.text == "." and k < n - 1 and t.whitespace_:
        return True
    if t.is_space:
        return "\n\n" in t.text or (k + 1 < n and toks[k + 1].text in ("-", "*", "•", "–"))
    return False


def _comma_boundary(toks, k: int) -> bool:
    """A comma that starts a new clause: ", and we ...", ", so ...", ", we ...", ", which ..."."""
    n = len(toks)
    nxt = low(toks[k + 1]) if k + 1 < n else ""
    nxt2 = low(toks[k + 2]) if k + 2 < n else ""
    if nxt == "as" and _role_aside(toks, k):
        return False            # "We'll send the report to you, as the landlord's agent, within 5 working days"
    if nxt in CLAUSE_CONJ and (nxt2 in NEW_SUBJ or nxt in ("so", "but", "because", "while", "although", "though",
                                                           "whereas", "yet")):
        return True
    if nxt in NEW_SUBJ and nxt not in ("the", "our", "your") and nxt2 != ",":
        return True
    if nxt in ("which", "as", "so", "but"):
        return True
    return nxt in CLAUSE_CONJ and any(low(x) in _FINITE for x in toks[k + 2:min(n, k + 8)])


def _role_aside(toks, k: int) -> bool:
    """", as the landlord's agent," - a role in commas (a noun phrase, no verb), not ", as we said"."""
    n = len(toks)
    if k + 2 >= n or low(toks[k + 2]) not in ("the", "a", "an", "our", "your", "my", "his", "her", "their"):
        return False
    for j in range(k + 3, min(n, k + 9)):
        if toks[j].text == ",":
            return True
        if low(toks[j]) in _FINITE and low(toks[j]) not in ("'s", "’s") or toks[j].text in (".", ";", ":", "!", "?"):
            return False        # (a possessive "'s" is part of the role: "as the landlord's agent")
    return False


def _conj_boundary(toks, k: int) -> bool:
    """"and we'll ...", "but you can ...", "and please ...": a conjunction that starts a new clause."""
    nxt, nxt2 = low(toks[k + 1]), low(toks[k + 2])
    return nxt in _SUBJ_AFTER_CONJ and (nxt2 in _AUX_AFTER_CONJ or nxt == "please")


def clause_window(toks, i: int) -> str:
    """The words of the clause around token i: back to the sentence start or the last ';', ':', ', but/and/so'."""
    k = i - 1
    while k >= 0 and toks[k].text not in (";", ":", "—", "–") and not (
            toks[k].text == "," and k + 1 < i and low(toks[k + 1]) in ("but", "and", "so", "while", "because")):
        k -= 1
    e = min(len(toks), i + 3)
    return " ".join(t.text for t in toks[k + 1:e])


def lead_in(toks, s_start: int) -> tuple[int | None, str]:
    """Start of what leads into the clause whose subject starts at s_start, in the same sentence, and its kind:
    if | time | request | adverbial ((None, "") when nothing does)."""
    start = _lead_start(toks, s_start)
    # "We touched it up, but if it still shows, send me a photo and I'll ...": the lead starts after ", but"
    for k in range(s_start - 1, start, -1):
        if low(toks[k]) == "but" and toks[k - 1].text == ",":
            start = k + 1
            break
        # "I'll send it by Friday, and once you approve it, we will submit it": the lead starts after ", and"
        if low(toks[k]) == "and" and toks[k - 1].text == "," and k + 1 < s_start and \
                any(" ".join(low(t) for t in toks[k + 1:s_start]).startswith(sub + " ") for sub in SUBORD):
            start = k + 1
            break
    while start < s_start and (toks[start].text in ("-", "*", "•", "·", "–", "—") or toks[start].is_space):
        start += 1              # a list item's bullet: "- If the report shows any damage, we'll pay"
    if start >= s_start:
        return None, ""
    words = " ".join(low(t) for t in toks[start:s_start] if not t.is_space)
    if not words:
        return None, ""
    # the part immediately before: "X and we'll", "X, and we'll"
    prev = [low(t) for t in toks[start:s_start] if not t.is_punct and not t.is_space]
    kind = _lead_kind(words, prev)
    return (start, kind) if kind else (None, "")


def _lead_start(toks, s_start: int) -> int:
    """Back from the subject to the sentence start, a ';', ':', a dash, a full stop or a blank line."""
    k = s_start - 1
    while k >= 0 and toks[k].text not in (";", ":", "—", "–") and not (toks[k].text == "." and k > 0):
        if toks[k].is_space and "\n\n" in toks[k].text:
            break
        k -= 1
    return k + 1


def _lead_kind(words: str, prev: list[str]) -> str:
    if prev and prev[-1] in ("and", "or", "then"):
        if words.startswith(("if ", "unless ", "in case ")):
            return "if"
        # "To cancel, reply CANCEL and we will ...", "When you're ready, sign the quote and we'll book ...": the
        # request follows the comma
        if words.startswith(("to ", *(sub + " " for sub in TIME_SUBORD))) and "," in words:
            prev = [w for w in words.split(",", 1)[1].split() if w.isalpha()]
        while prev and prev[0] in ("or", "and", "but", "alternatively", "otherwise", "instead"):
            prev = prev[1:]         # "Or ring me on 057 932 4412 and I'll take the payment"
        return "request" if is_request_words(prev) else ""
    if any(words.startswith(sub + " ") for sub in TIME_SUBORD):
        return "time"
    if any(words.startswith(sub + " ") for sub in SUBORD):
        return "if"
    # a preceding clause with its own commitment ("..., and we'll ship") is not a lead-in: only short adverbials
    return "adverbial" if len(prev) <= 6 else ""
