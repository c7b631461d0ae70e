"""Word and text sentiment from the VADER lexicon (vaderSentiment, MIT licence): valence of a word (-4..4) and
the compound score of a text (-1..1). Without vaderSentiment installed every word is neutral."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _analyzer():
    """One VADER analyzer per process (building it reads the lexicon file); None when not installed."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:  # pragma: no cover
        return None
    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def vader_lexicon() -> dict:
    """VADER's word -> valence table (-4..4); {} when vaderSentiment is not installed."""
    analyzer = _analyzer()
    return dict(analyzer.lexicon) if analyzer is not None else {}


# inflections tried, in order, when a word is not in the lexicon as written: "ignoring" -> "ignore"
_SUFFIXES = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("s", ""))


def valence(word: str) -> float:
    """The lexicon valence of `word` (or of its base form), 0.0 for a word the lexicon lacks."""
    lex = vader_lexicon()
    w = word.lower().replace("’", "'")
    if w in lex:
        return lex[w]
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and w[: -len(suffix)] + repl in lex:
            return lex[w[: -len(suffix)] + repl]
    return 0.0


def compound(text: str) -> float:
    """VADER's compound score of `text` (-1 negative .. 1 positive); 0.0 without vaderSentiment."""
    analyzer = _analyzer()
    return analyzer.polarity_scores(text)["compound"] if analyzer is not None else 0.0
