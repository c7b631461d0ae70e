"""Token helpers and small word lists the commitment analysis reads sentences with (apostrophes normalised to ')."""
from __future__ import annotations

FIRST = frozenset({"i", "we"})
BE = frozenset({"be", "am", "'m", "is", "'s", "are", "'re"})
NEG = frozenset({"not", "n't", "never", "no"})
# adverbs stepped over between an anchor and its verb or subject: "we'll also send", "we are probably arriving"
SKIP_ADV = frozenset({
    "also", "then", "now", "probably", "definitely", "certainly", "hopefully", "just", "still", "usually", "gladly",
    "personally", "really", "both", "all", "likely", "surely", "actually", "therefore", "always", "each", "happily",
    "quickly", "immediately", "first", "absolutely", "normally", "possibly", "perhaps", "maybe", "again", "either",
    "only", "ideally", "obviously", "typically", "already", "hopefully,", "most", "very", "defo", "honestly"})

_low_memo: dict[int, str] = {}     # LOWER hash -> low() of that word


def low(tok) -> str:
    """The token's lower-case form with curly apostrophes straightened; memoised by its LOWER hash, since reading
    Token.lower_ decodes the string from the StringStore each time."""
    h = tok.lower
    word = _low_memo.get(h)
    if word is None:
        if len(_low_memo) > 200_000:    # a long-running process: keep the memo bounded
            _low_memo.clear()
        word = _low_memo[h] = tok.lower_.replace("\u2019", "'").replace("\u2018", "'")
    return word


def lemma(word: str) -> str:
    """The word's lemma from tonecheck's lemma table (the word itself when the table lacks it)."""
    from ..nlp import lemma_table
    table = lemma_table()
    found = table.get(word)
    if found is not None:
        return found
    # a verb done again, which the table lacks: "retested", "re-tested" -> "retest", "re-test"
    for prefix in ("re-", "re"):
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) > 3 and rest in table:
            return prefix + table[rest]
    return word


def lows(toks) -> str:
    """The tokens' low() forms joined by spaces."""
    return " ".join(low(t) for t in toks)
