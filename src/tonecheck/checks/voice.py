"""Brand voice limits from the guide's `voice:` section: exclamations, emoji, sentence length, grade, formality.

Each check reads `ctx.brand` (None, or the limit not set: no findings). Findings sit on the offending text itself:
the exclamation beyond the limit, the emoji, the long sentence, the slang word.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..literal import fold
from . import CheckContext, Hit, register, sentence_spans

# Emoji: pictographs, symbols and flags, with their modifiers (variation selector 16, skin tones, ZWJ sequences,
# keycaps). Symbols that default to text presentation (✓ ✔ ✗ ★ ♥ →) only count with the emoji variation selector.
_PICTO = (r"[\U0001F000-\U0001F0FF\U0001F170-\U0001F19A\U0001F1E6-\U0001F1FF\U0001F200-\U0001F2FF"
          r"\U0001F300-\U0001F5FF\U0001F600-\U0001F64F\U0001F680-\U0001F6FF\U0001F700-\U0001F7FF"
          r"\U0001F900-\U0001F9FF\U0001FA70-\U0001FAFF\u2614\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD"
          r"\u26BE\u26C4\u26C5\u26CE\u26D4\u26EA\u26F2\u26F3\u26F5\u26FA\u26FD\u263A\u2639\u2B50\u2B55\u231A\u231B\u23E9-\u23F3"
          r"\u23F8-\u23FA\u2705\u270A\u270B\u2728\u274C\u274E\u2753-\u2755\u2757\u2763\u2764\u2795-\u2797\u27B0"
          r"\u27BF\u2934\u2935\u3030\u303D\u3297\u3299]")
_EMOJI_ONE = (r"(?:" + _PICTO + r"|[\u2190-\u21FF\u2600-\u26FF\u2700-\u27BF\u00A9\u00AE\u2122\u2139](?=\uFE0F)|[0-9#*]\uFE0F?\u20E3)"
              r"[\uFE0F\U0001F3FB-\U0001F3FF]*")
EMOJI_RE = re.compile(_EMOJI_ONE + r"(?:\u200D" + _EMOJI_ONE + r")*(?:\s*" + _EMOJI_ONE + r"(?:\u200D"
                      + _EMOJI_ONE + r")*)*")

# Every EMOJI_RE match holds a pictograph, U+FE0F or U+20E3, none of them below U+20E3: a text without a character
# that high (most text, curly quotes, accents and € included) has no emoji, and this search costs a tenth of EMOJI_RE's.
_MAYBE_EMOJI = re.compile("[\u20e3-\U0010ffff]")

_EXCLAIM = re.compile(r"[!¡‼]+[?!]*|\?+!+[?!]*")


@register("brand-exclamations")
def exclamations(ctx: CheckContext, rule) -> Iterable[Hit]:
    """Every exclamation beyond the guide's `max_exclamations` (per message), on its own sentence."""
    guide = ctx.brand
    limit = getattr(guide, "max_exclamations", None)
    if guide is None or limit is None:
        return
    text = ctx.text
    if isinstance(limit, int) and text.count("!") + text.count("¡") + text.count("‼") <= limit:
        return                      # each exclamation holds at least one of these marks: none beyond the limit
    count = 0
    for m in _EXCLAIM.finditer(text):
        count += 1
        if count <= limit:
            continue
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        start = span.sent.start_char if span is not None and len(span) else m.start()
        # an earlier exclamation in the same sentence ends the excerpt's reach backwards
        prev = text.rfind("!", start, m.start())
        if prev >= 0:
            start = prev + 1
        while start < m.start() and text[start].isspace():
            start += 1
        emo = EMOJI_RE.match(text, start)          # "🎉 Great news!" — the emoji is its own finding
        if emo and emo.end() < m.start():
            start = emo.end()
        yield Hit(start, m.end(),
                  message=f"This is exclamation {count} in the message; {guide.name}'s voice allows "
                          f"{limit if limit else 'none'}.")


@register("brand-emoji")
def emoji(ctx: CheckContext, rule) -> Iterable[Hit]:
    guide = ctx.brand
    if guide is None or guide.emoji is None or guide.emoji:
        return
    if not _MAYBE_EMOJI.search(ctx.text):
        return
    for m in EMOJI_RE.finditer(ctx.text):
        yield Hit(m.start(), m.end(), message=f"{guide.name}'s voice does not use emoji ('{m.group(0).strip()}').")


@register("brand-sentence-length")
def sentence_length(ctx: CheckContext, rule) -> Iterable[Hit]:
    from ..analysis.readability import word_count

    guide = ctx.brand
    limit = getattr(guide, "max_sentence_words", None)
    if guide is None or not limit:
        return
    opts = rule.options or {}
    # clearly over the limit is a warning; a few words over (word counts differ by a couple between counters,
    # and a 30-word sentence against a 28-word limit is rarely the problem) keeps the rule's own severity
    margin = max(int(opts.get("warn_margin_words", 5)), int(limit * float(opts.get("warn_margin", 0.2))))
    text = ctx.text
    for start, end in sentence_spans(ctx.doc):
        n = word_count(text[start:end])
        if n > limit:
            yield Hit(start, end,
                      message=f"This sentence has {n} words; {guide.name}'s voice keeps sentences to {limit}.",
                      severity="warning" if n > limit + margin else None)


@register("brand-grade")
def grade(ctx: CheckContext, rule) -> Iterable[Hit]:
    """Flesch-Kincaid grade of the whole text over the guide's `max_grade`: one finding, on the hardest sentence."""
    from ..analysis.readability import measure, word_count

    guide = ctx.brand
    limit = getattr(guide, "max_grade", None)
    if guide is None or limit is None:
        return
    min_words = int((rule.options or {}).get("min_words", 40))
    if word_count(ctx.text) < min_words:
        return                      # a short note has no meaningful reading grade
    value = measure("grade", ctx.text)
    if value is None or value <= limit:
        return
    hardest, worst = None, -1e9
    text = ctx.text
    for start, end in sentence_spans(ctx.doc):
        sent = text[start:end]
        if word_count(sent) < 5:
            continue
        g = measure("grade", sent)
        if g is not None and g > worst:
            hardest, worst = (start, end), g
    if hardest is None:
        return
    yield Hit(hardest[0], hardest[1],
              message=f"The text reads at grade {value:.1f} (Flesch-Kincaid); {guide.name}'s voice aims for "
                      f"{limit:g} or below. This is its hardest sentence.")


@lru_cache(maxsize=256)
def _phrase_re(phrases: tuple[str, ...], case_sensitive: tuple[str, ...]) -> re.Pattern | None:
    alts = []
    for p in phrases:
        body = r"\s+".join(re.escape(w).replace("'", "['’]") for w in p.split())
        alts.append(f"(?-i:{body})" if p in case_sensitive else body)
    if not alts:
        return None
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?![\w'’-])",
                      re.IGNORECASE)


# A phrase the formality pattern matches spans whole runs of these characters (its lookarounds exclude them on both
# sides, and its words are joined by whitespace), so a phrase with a word that is no such run of the text cannot
# match. Testing that against the set of the text's runs spares the pattern's scan of most texts.
_RUN = re.compile(r"[\w'’-]+")
_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'’-")


def _fold_word(word: str) -> str:
    return fold(word).replace("’", "'")


@lru_cache(maxsize=32)
def _phrase_words(phrases: tuple[str, ...]) -> tuple:
    """(phrase, its words folded) for each phrase; None instead of the words when a word holds a character the
    run test cannot vouch for (outside ASCII letters, digits, apostrophes and hyphens): such a phrase is always
    searched."""
    return tuple((p, tuple(_fold_word(w) for w in p.split()) if all(set(w) <= _RUN_CHARS for w in p.split())
                  else None) for p in phrases)


def _possible_phrases(phrases: tuple[str, ...], runs: set) -> tuple[str, ...]:
    """The phrases that may occur in a text whose (folded) word runs are `runs`, in their order."""
    return tuple(p for p, words in _phrase_words(phrases) if words is None or runs.issuperset(words))


@register("brand-formality")
def formality(ctx: CheckContext, rule) -> Iterable[Hit]:
    """Slang and text-speak in a formal or friendly voice; casual words in a formal one; legalese in a friendly
    or casual one. The word lists are the rule's options."""
    guide = ctx.brand
    level = getattr(guide, "formality", None)
    if guide is None or not level:
        return
    opts = rule.options or {}
    lists = []
    exact = tuple(opts.get("case_sensitive", ()))
    if level in ("formal", "friendly"):
        lists.append((tuple(opts.get("slang", ())), "slang or text-speak"))
    if level == "formal":
        lists.append((tuple(opts.get("casual", ())), "casual"))
    if level in ("friendly", "casual"):
        lists.append((tuple(opts.get("legalese", ())), "stiff, legal-sounding"))
    seen: list[tuple[int, int]] = []
    runs = set(_RUN.findall(_fold_word(ctx.text)))
    for words, what in lists:
        rx = _phrase_re(_possible_phrases(words, runs), exact)
        if rx is None:
            continue
        for m in rx.finditer(ctx.text):
            if any(s <= m.start() < e for s, e in seen):
                continue
            seen.append(m.span())
            yield Hit(m.start(), m.end(),
                      message=f"'{m.group(0)}' is {what} for {guide.name}'s {level} voice.")
