"""Required literals of a regular expression: a cheap test that a text cannot match it, so it need not be run.

    need = required_literals(pattern)      # None (no test) or a tuple of lower-case ASCII strings
    low = fold(text)                       # the text lower-cased, as re.IGNORECASE sees ASCII letters
    if need is None or any(s in low for s in need): ... run the regex ...

`required_literals` reads the parsed pattern: every match must contain (or, for a lookahead, be followed by) one
of the strings, compared without case. Only ASCII characters are taken as literals, and `fold` turns the few
non-ASCII letters that the `re` module matches to an ASCII letter without case (the Kelvin sign, the long s,
dotted/dotless i) into that letter, so the test never says "no" when the regex would match.
"""
from __future__ import annotations

import re
import sys

VERSION = "1"   # bump when required_literals changes (its results are cached on disk)

if sys.version_info >= (3, 11):
    from re import _constants as _c
    from re import _parser as _p
else:  # pragma: no cover
    import sre_constants as _c
    import sre_parse as _p

# the non-ASCII characters that re.IGNORECASE matches to an ASCII letter (all of U+0080..U+10FFFF tested against
# [a-z] with re.I on Python 3.11): dotted capital I, dotless i, long s, Kelvin sign
_ODD = frozenset("\u0130\u0131\u017f\u212a")
ODD_LETTERS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_MIN = 3   # a shorter literal is too common to be worth testing


def _seq_required(items) -> tuple[str, ...] | None:
    """Alternatives (any match holds one) for a parsed sequence, or None."""
    best: tuple[str, ...] | None = None

    def consider(cand):
        nonlocal best
        if cand and min(len(s) for s in cand) >= _MIN:
            if best is None or (min(len(s) for s in cand), -len(cand)) > (min(len(s) for s in best), -len(best)):
                best = tuple(cand)

    run = []
    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        consider(("".join(run),) if run else None)
        run = []
        if op is _c.SUBPATTERN:
            consider(_seq_required(av[-1]))
        elif op is _c.BRANCH:
            alts = [_seq_required(a) for a in av[1]]
            if alts and all(a is not None for a in alts):
                consider(tuple(dict.fromkeys(s for a in alts for s in a)))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            consider(_seq_required(av[2]))
        elif op is _c.ASSERT and av[0] == 1:     # positive lookahead: the text holds it too
            consider(_seq_required(av[1]))
    consider(("".join(run),) if run else None)
    return best


def required_literals(pattern, flags: int = 0) -> tuple[str, ...] | None:
    """Lower-case ASCII strings of which every match of `pattern` (a compiled pattern, or a source string and
    its flags) holds one (None: no such test)."""
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    if not isinstance(pattern, str):
        return None
    try:
        parsed = _p.parse(pattern, flags)
    except Exception:
        return None
    return _seq_required(list(parsed))


def fold(text: str) -> str:
    """`text` lower-cased so that wherever a re.IGNORECASE pattern matches an ASCII word, that word appears here
    in lower case at the same offsets (str.lower() alone misses 'İ', 'ı' and 'ſ', and 'İ'.lower() is two
    characters): `"thank" not in fold(t)` proves a pattern that must match "thank" has no match in t."""
    if not text.isascii() and not _ODD.isdisjoint(text):
        text = text.translate(ODD_LETTERS)
    return text.lower()


_NEEDS: dict = {}   # (pattern, flags) -> required_literals, computed once per process


def might_match(pattern: re.Pattern, low: str) -> bool:
    """The one "might this match at all" pre-test (as Vale's MightMatch): False only when `low` (fold of the
    text) lacks every literal a match of `pattern` must hold, so the regex need not run. True means: run it."""
    key = (pattern.pattern, pattern.flags)
    need = _NEEDS.get(key, False)
    if need is False:
        need = _NEEDS[key] = required_literals(pattern)
    return need is None or any(w in low for w in need)


def search(pattern: re.Pattern, text: str, low: str | None = None):
    """pattern.search(text) behind the pre-test; `low` is fold(text) when the caller already has it."""
    if not might_match(pattern, fold(text) if low is None else low):
        return None
    return pattern.search(text)
