"""Insults and profanity aimed at the reader ("Grow up and read the manual, you clown", "read the damn
instructions", "what the hell is wrong with you people").

The swear words come from a maintained lexicon, better-profanity's word list (read as data: its matcher, which
generates every leetspeak variant, is not needed); the words that insult a person ("idiot", "clown") and the
insulting imperatives ("grow up", "shut up") are the rule's own options in its pack. Matching is by token, so
"Scunthorpe", "assess" and "cocktail" never match. A word counts only when it is aimed at the reader: in a
sentence that addresses them ("you", "your", "you people") or gives them an order (it starts with a verb the
reader is told to do). "The damn printer jammed again" is a bad day, not an insult.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# a word, not part of a handle, a hashtag, an address or an identifier ("@xx_inde", "#fail", "bad_ass_2")
_TOKEN = re.compile(r"(?<![@#\w.])[A-Za-z][A-Za-z'’*-]*(?![\w@])")
_SECOND_PERSON = {"you", "your", "yours", "yourself", "yourselves", "you're", "youre", "ya", "u"}


@lru_cache(maxsize=1)
def swear_words() -> frozenset:
    """better-profanity's word list (lower case, single words; its multi-word entries are left out), or empty when
    the package is missing."""
    try:
        text = resources.files("better_profanity").joinpath("profanity_wordlist.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset()
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and " " not in w.strip())


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0).lower().replace("’", "'")) for m in _TOKEN.finditer(text)]


def _is_insult(word: str, labels: frozenset) -> bool:
    """A swear word, or a word that labels a person ("idiot", "idiots")."""
    base = word.rstrip("s") if word.endswith("s") and word[:-1] in labels else word
    return word in swear_words() or base in labels


def aimed_insults(sentence: str, labels: frozenset, orders: frozenset) -> list[tuple[int, int, str]]:
    """(start, end, kind) in `sentence` of each insult aimed at the reader: kind "insult" for a word that labels
    them ("you clown"), "profanity" for a swear word in a sentence that addresses or orders them."""
    words = _words(sentence)
    if not words:
        return []
    ordered = words[0][2] in orders or (words[0][2] in ("please", "just") and len(words) > 1
                                        and words[1][2] in orders)
    out = []
    for k, (s, e, w) in enumerate(words):
        if not _is_insult(w, labels):
            continue
        if w in swear_words() and w not in labels:
            if ordered or _addressed_near(words, k):
                out.append((s, e, "profanity"))
        elif _said_of_the_reader(words, k):
            out.append((_with_you(sentence, s), e, "insult"))
    return out


def insulting_orders(sentence: str, phrases: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, "order") of an insulting order ("grow up", "get a clue") at the start of a sentence or a
    clause of it."""
    out = []
    for phrase in phrases:
        pat = r"(?:^|[,;:]\s*|\band\s+|\bjust\s+)(" + r"\s+".join(map(re.escape, phrase.split())) + r")\b"
        for m in re.finditer(pat, sentence, re.I):
            out.append((m.start(1), m.end(1), "order"))
    return out


def _addressed_near(words: list, k: int) -> bool:
    """A "you"/"your" within five words of word k, not in a "thank you": the swearing is said to the reader."""
    for j in range(max(0, k - 5), min(len(words), k + 6)):
        if words[j][2] in _SECOND_PERSON and not (j > 0 and words[j - 1][2] in ("thank", "thanks")):
            return True
    return False


def _said_of_the_reader(words: list, k: int) -> bool:
    """The label is the reader's: "you clown", "you're an idiot", "are you a complete moron", "idiots like you"."""
    before = [w for _, _, w in words[max(0, k - 4):k]]
    after = [w for _, _, w in words[k + 1:k + 3]]
    return any(w in _SECOND_PERSON for w in before) or after[:2] == ["like", "you"]


def _with_you(sentence: str, s: int) -> int:
    """Widen "clown" to "you clown" when the insult is said to the reader directly."""
    m = re.search(r"\byou\s+(?:\w+\s+){0,2}$", sentence[:s], re.I)
    return m.start() if m else s
