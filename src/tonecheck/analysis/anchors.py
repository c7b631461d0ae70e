"""Anchors: the words that make a clause future or intentional, where a commitment is looked for.

`will`/`'ll`/`shall`, `be going to`, `plan/aim/intend/hope/expect/try/promise to`, `do(ing) our best to`, and
`may`/`might`/`should`/`ought to` (hedged modals, kept only after a first-person or team subject by
commitments.py). `can`/`could`/`would` are offers or conditionals, not promises, and are never anchors - except
"can" in a hedged clause ("Hopefully we can swap it"). A clause with no modal at all is an anchor when it is
hedged ("Hopefully the lamp reaches you on Friday", "The legs are probably arriving ...") or, for a progressive
of a delivery-type verb, when it carries a vague time ("we're sending it soon").
"""
from __future__ import annotations

from . import timexpr
from .clauses import clause_end, clause_window
from .hedges import HEDGE_ADV
from .subjects import THEY
from .tokens import BE, FIRST, SKIP_ADV, lemma, low

INTENT = frozenset({"plan", "plans", "planning", "aim", "aims", "aiming", "intend", "intends", "intending", "hope",
                    "hopes", "hoping", "expect", "expects", "expecting", "try", "tries", "trying", "promise",
                    "promises", "promising", "mean", "means", "hoped", "planned"})
HEDGE_MODALS = frozenset({"may", "might", "should"})
# verbs whose plain present is a promise when hedged ("Hopefully the lamp reaches you on Friday")
ARRIVAL_VERBS = frozenset({"arrive", "ship", "come", "reach", "land", "go", "leave", "dispatch", "deliver", "return",
                           "restock", "head", "travel", "get", "turn"})
# verbs whose progressive is a promise when hedged or given a vague time ("we're sending it soon")
PROG_VERBS = ARRIVAL_VERBS | {"send", "post", "refund", "credit", "fix", "repair", "replace", "sort", "book",
                              "arrange", "order", "call", "email", "contact", "chase", "collect", "pick", "bring",
                              "fit", "install", "update", "issue", "process", "release"}
_WILL = ("will", "'ll", "shall")
_EXPECTED = ("things", "it", "this", "them", "everything", "the", "your", "delivery", "deliveries", "stock", "service")
_ANCHOR_WORDS = {"will", "'ll", "shall", "wo", "going", "do", "doing", "ought", "can"} | INTENT | HEDGE_MODALS | BE
_anchor_hash_array = None               # _anchor_hashes(), made on first use


def anchor_kind(toks, i: int) -> str | None:
    """What makes toks[i] an anchor: will | going | intent | ought | modal | expect-obj | best | hedge-can | prog |
    present; None when it is not one."""
    word = low(toks[i])
    nxt = _low_at(toks, i + 1)
    prev = low(toks[i - 1]) if i > 0 else ""
    if word in _WILL or (word == "wo" and nxt == "n't"):
        return "will"
    if word == "going" and prev in BE and nxt == "to":
        # "we're going to the warehouse" is a movement, not a plan
        return None if _low_at(toks, i + 2) in ("the", "a", "an", "your", "our", "my") else "going"
    if nxt == "to" and word in INTENT:
        if prev in _WILL and word == "expect":
            return None     # "which Ofsted will expect to see": an expectation in the future, no plan of anyone's
        return "intent"
    if nxt == "to" and word == "ought":
        return "ought"
    if word in HEDGE_MODALS:
        return "modal"
    return _phrase_anchor(toks, i, word, prev, nxt) or _unmarked_anchor(toks, i, word, prev)


def _low_at(toks, k: int) -> str:
    return low(toks[k]) if k < len(toks) else ""


def _phrase_anchor(toks, i: int, word: str, prev: str, nxt: str) -> str | None:
    """"we expect things to ...", "we'll do our best to ..."."""
    if word in ("expect", "expects", "expecting") and prev in ("we", "i", "'re", "are", "am", "'m") and any(
            low(t) == "to" for t in toks[i + 2:i + 5]) and nxt in _EXPECTED:
        return "expect-obj"
    if word in ("do", "doing") and nxt in ("our", "my") and _low_at(toks, i + 2) in ("best", "utmost", "very"):
        return "best"
    return None


def _unmarked_anchor(toks, i: int, word: str, prev: str) -> str | None:
    """No modal at all, but the clause is hedged ("Hopefully we can ...", "The legs are probably arriving ...",
    "Hopefully the lamp reaches you ...") or, for a progressive, given a vague time ("we're sending it soon")."""
    if word == "can" and hedged_clause(toks, i):
        return "hedge-can"
    if word in BE and prev not in ("there", "here", "that", "what", "this") and _promising_progressive(toks, i):
        return "prog"
    if toks[i].is_alpha and lemma(word) in ARRIVAL_VERBS and (
            (word.endswith("s") and lemma(word) != word) or prev in FIRST | THEY) and hedged_clause(toks, i):
        return "present"
    return None


def _promising_progressive(toks, i: int) -> bool:
    """"are (probably) sending ...": a delivery-type progressive after the "be" at toks[i], in a clause that is
    hedged or has a vague time."""
    k = i + 1
    while k < len(toks) and low(toks[k]) in SKIP_ADV:
        k += 1
    return k < len(toks) and low(toks[k]).endswith("ing") and lemma(low(toks[k])) in PROG_VERBS and \
        (hedged_clause(toks, i) or _vague_in_clause(toks, i))


def hedged_clause(toks, i: int) -> bool:
    """A hedge adverb in the clause around toks[i]."""
    return bool(HEDGE_ADV.search(clause_window(toks, i)))


def _vague_in_clause(toks, i: int) -> bool:
    rest = " ".join(t.text for t in toks[i:clause_end(toks, i)])
    return any(t.kind == "vague" for t in timexpr.find_times(rest))


def _could_anchor(word: str) -> bool:
    """A cheap superset test of anchor_kind on the token's low() form."""
    return word in _ANCHOR_WORDS or lemma(word) in ARRIVAL_VERBS


def _anchor_hashes():
    """The LOWER hashes (a sorted numpy array) of every lower-case word whose low() form _could_anchor accepts:
    the anchor words and the words the lemma table leads to an arrival verb, in each apostrophe spelling that
    low() straightens. A finite set, so the whole Doc can be looked up at once."""
    global _anchor_hash_array
    if _anchor_hash_array is None:
        import itertools

        import numpy as np
        from spacy.strings import hash_string

        from ..nlp import lemma_table
        table = lemma_table()
        words = _ANCHOR_WORDS | {w for w, lem in table.items() if lem in ARRIVAL_VERBS} | \
            {w for w in ARRIVAL_VERBS if w not in table}
        spellings = set()
        for w in words:
            parts = w.split("'")
            for quotes in itertools.product("'\u2019\u2018", repeat=len(parts) - 1):
                spellings.add(parts[0] + "".join(q + p for q, p in zip(quotes, parts[1:], strict=True)))
        # keep exactly the spellings _could_anchor accepts, as anchor_kind's callers would see them
        accepted = [w for w in spellings if _could_anchor(w.replace("\u2019", "'").replace("\u2018", "'"))]
        _anchor_hash_array = np.array(sorted(hash_string(w) for w in accepted), dtype=np.uint64)
    return _anchor_hash_array


def anchor_tokens(doc) -> list[int]:
    """Sorted indices of the tokens of `doc` that could be anchors (_could_anchor accepts their low() form)."""
    known = _anchor_hashes()
    lower = doc.to_array("LOWER")
    pos = known.searchsorted(lower)
    pos[pos == len(known)] = 0
    return (known[pos] == lower).nonzero()[0].tolist()
