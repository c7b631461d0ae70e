"""One spaCy pipeline per process.

Default: `spacy.blank("en")` with a rule-based sentence splitter and lookup lemmas (spacy-lookups-data), so the
tool installs and runs offline. When a trained pipeline is named in the config (`nlp.model`, e.g.
"en_core_web_sm") and installed, it is used instead: its parser gives subjects and modals to the checks that can
use them (`has_parser(nlp)`).
"""
from __future__ import annotations

import bisect
import re
import threading

from .analysis.layout import WRAP_MARGIN, paragraph_widths

_lock = threading.Lock()
NOTES: list[str] = []  # things the user should know about the pipelines used since the last report (the CLI shows
#                        them after its report, then clears them, so a long-lived process does not repeat them later)
_MODEL_NOTES: dict[str, str] = {}   # per model: the note to give each time a run asks for that pipeline
_cache: dict[str, object] = {}


def import_spacy():
    """Import spaCy without its command-line package.

    `import spacy` imports `spacy.cli` (download helpers, weasel, httpx, typer…) only to re-export `spacy.info`;
    that is about 40% of its import time and tonecheck never uses it. A placeholder stands in while spaCy imports
    and is removed straight after, so a later `import spacy.cli` (by anyone) loads the real package.
    """
    import sys
    import types

    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    placed = []
    if "spacy.cli" not in sys.modules:
        cli = types.ModuleType("spacy.cli")
        cli.__path__ = []  # a package, so "spacy.cli.info" can be a submodule
        info = types.ModuleType("spacy.cli.info")

        def _real_info(*args, **kwargs):  # spacy.info() still works: it loads the real command on first use
            from spacy.cli.info import info as real
            return real(*args, **kwargs)

        info.info = _real_info
        cli.info = info
        sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
        placed = ["spacy.cli.info", "spacy.cli"]
    try:
        import spacy
    finally:
        for name in placed:
            sys.modules.pop(name, None)
    if placed and getattr(spacy, "cli", None) is not None and not hasattr(spacy.cli, "__file__"):
        del spacy.cli
    return spacy


def _build(model: str | None):
    """The pipeline for `model` with tonecheck's components; the blank offline one when it is not installed."""
    spacy = import_spacy()

    if model:
        try:
            nlp = spacy.load(model)
            _register_components()
            nlp.add_pipe("tonecheck_breaks", first=True)
            nlp.add_pipe("tonecheck_norm", last=True)
            nlp.tokenizer = CappedTokenizer(nlp.tokenizer)
            return nlp
        except (OSError, ImportError):  # not installed: fall back to the blank pipeline, offline
            _MODEL_NOTES[model] = f"nlp.model '{model}' is not installed; using the offline blank English pipeline"
    _register_components()
    nlp = spacy.blank("en")
    nlp.add_pipe("tonecheck_breaks")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("tonecheck_sentence_cap")
    nlp.add_pipe("tonecheck_norm")
    nlp.tokenizer = CappedTokenizer(nlp.tokenizer)
    return nlp


# spaCy's tokenizer takes a prefix or a suffix off a token one character at a time and searches the rest again, so
# a run of k punctuation characters without a space costs O(k**2): 20,000 '=' (or '<', '!', '*', '[') ran for
# minutes (issue 17). So before tokenizing, characters of over-long runs are replaced by spaces, one for one: the
# string keeps its length, so every token's character offset (and every finding's line and column) is unchanged.
# A run of punctuation longer than MAX_PUNCT_RUN (separator lines are shorter and stay as written) gets a space
# after every PIECE characters: the pieces stay tokens, so the run still separates what is around it, and each
# costs PIECE**2 instead of k**2. A run of non-space characters longer than MAX_RUN (no word or URL is that long)
# is blanked whole: it is not judged.
MAX_PUNCT_RUN = 80
PIECE = 16
MAX_RUN = 1000
_CANDIDATE = re.compile(r"(?<!\S)\S{%d,}" % (MAX_PUNCT_RUN + 1))     # from the start of a run only: linear
_PUNCT_RUN = re.compile(r"(?:[^\w\s]|_){%d,}" % (MAX_PUNCT_RUN + 1))


def blank_long_runs(text: str) -> str:
    """`text` with spaces in over-long runs (see above), of the same length; `text` itself when it has none, which
    is the case for ordinary prose."""
    chars: list[str] | None = None
    for m in _CANDIDATE.finditer(text):
        if chars is None:
            chars = list(text)
        if m.end() - m.start() > MAX_RUN:
            chars[m.start():m.end()] = " " * (m.end() - m.start())
            continue
        for p in _PUNCT_RUN.finditer(text, m.start(), m.end()):
            for i in range(p.start() + PIECE, p.end(), PIECE + 1):
                chars[i] = " "
    return text if chars is None else "".join(chars)


class CappedTokenizer:
    """The pipeline's tokenizer, given the text with over-long runs blanked (blank_long_runs) first. Everything
    else (vocab, rules, explain, ...) is the wrapped tokenizer's."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        return self.tokenizer(blank_long_runs(text))

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


_registered = False
_norm_memo: dict[int, dict[int, str | None]] = {}   # per vocab: a token's norm hash -> its NORM, None: unchanged
_NEW = object()


def _register_components():
    """Make the two tonecheck components known to spaCy by name (once per process), so pipelines can add them."""
    global _registered
    if _registered:
        return
    from spacy.language import Language

    Language.component("tonecheck_breaks", func=_sentence_breaks)
    Language.component("tonecheck_sentence_cap", func=_sentence_cap)
    Language.component("tonecheck_norm", func=_lemma_norms)
    _registered = True


def _sentence_breaks(doc):
    """Blank lines, and lines starting with a bullet, always start a sentence; hard-wrapped newlines do not.

    The sentencizer leaves sentence starts it did not decide alone, so this runs before it.
    """
    from spacy.attrs import IDX, IS_SPACE, ORTH, SENT_START

    # read as arrays: doc[i] builds a Python Token object on every access. (spaCy keeps at most one space
    # of a token's trailing whitespace; a newline is always a space token of its own.)
    if len(doc) < 2:
        return doc
    arr = doc.to_array([ORTH, IS_SPACE, IDX]).tolist()
    orth, space = [a[0] for a in arr], [a[1] for a in arr]
    starts = _line_starts(doc.vocab.strings, orth, space)
    idx = [a[2] for a in arr]
    starts += _unwrapped_line_starts(doc.text, doc.vocab.strings, orth, space, idx)
    starts += _starts_after_abbreviations(doc.vocab.strings, orth, idx)
    starts += _starts_after_emoji(doc.vocab.strings, orth)
    if starts:
        # written as one array: Token.is_sent_start's setter scans the whole Doc for a parse at every call, which
        # made a long text's sentence breaks quadratic (issue 17: 2.4 of 4.8 s on 400 KB of prose)
        sent = doc.to_array([SENT_START])
        sent[starts] = 1
        doc.from_array([SENT_START], sent)
    return doc


MAX_SENTENCE_TOKENS = 250


def _sentence_cap(doc):
    """A sentence of more than MAX_SENTENCE_TOKENS tokens is cut there (and again every as many tokens).

    Nothing written to be read runs that long without a full stop (the longest in the labelled sets: 88), but a
    pasted log, a table flattened to text or a hostile draft does, and several analyses read a hit's whole sentence
    for every hit in it, so one endless sentence made a check quadratic (issue 17). Runs after the sentencizer,
    on the blank pipeline only: a trained parser's sentences cannot be changed after the parse."""
    from spacy.attrs import SENT_START

    n = len(doc)
    if n <= MAX_SENTENCE_TOKENS:
        return doc
    sent = doc.to_array([SENT_START])
    run, changed = 0, False
    for i, v in enumerate(sent.tolist()):
        run = 0 if v == 1 or i == 0 else run + 1
        if run >= MAX_SENTENCE_TOKENS:
            sent[i], run, changed = 1, 0, True
    if changed:
        doc.from_array([SENT_START], sent)
    return doc


def _line_starts(strings, orth: list[int], space: list[int]) -> list[int]:
    """Token indices that begin a new sentence because of the line break before them.

    After a blank line; after a newline when the line starts with a bullet; after a newline when the line before
    is a short one ending in a comma (a greeting or a closing: "Hi Daniel," / "Best regards,").
    """
    bullets = {strings[b] for b in ("-", "*", "•", "–")}
    comma = strings[","]
    starts = []
    for i in range(1, len(orth)):
        if space[i] or not space[i - 1]:
            continue
        nl = strings[orth[i - 1]].count("\n")
        if nl >= 2:
            starts.append(i)
        elif nl == 1 and orth[i] in bullets:
            starts.append(i)
        elif nl == 1 and i >= 2 and orth[i - 2] == comma and _short_line_before(strings, orth, space, i - 2):
            starts.append(i)
    return starts




def _unwrapped_line_starts(text: str, strings, orth: list[int], space: list[int], idx: list[int]) -> list[int]:
    """Token indices after a single line break that no wrapper made: the line before, a space and the next word
    would still have fitted in the paragraph's longest line, so the writer ended the line on purpose - list lines,
    table rows, a status report ("In production: 14 jobs\nExpedited: 4 jobs due Tue") - or the line before and
    this one both open with a label and a colon ("Mon 21: Knighton\nTue 22: Bishop's Castle"). A greedy wrapper
    breaks a line only when the next word does not fit. (A next line in lower case was already read as a wrap:
    layout.py.)"""
    widths = None
    starts = []
    for i in range(1, len(orth)):
        if space[i] or not space[i - 1] or strings[orth[i - 1]].count("\n") != 1:
            continue
        if widths is None:
            widths = paragraph_widths(text)
        nl = idx[i - 1] + strings[orth[i - 1]].index("\n")
        line_start = text.rfind("\n", 0, nl) + 1
        before = text[line_start:nl].rstrip()
        if not before:
            continue
        width = widths[bisect.bisect_right(widths, (nl, 1 << 62)) - 1][1] if widths else len(before)
        line_end = text.find("\n", nl + 1)
        after = text[nl + 1:line_end if line_end >= 0 else len(text)]
        if len(before) + 1 + len(strings[orth[i]]) <= width - WRAP_MARGIN or \
                (_LABEL_LINE.match(before) and _LABEL_LINE.match(after)) or table_row(before) or table_row(after):
            starts.append(i)
    return starts


# two column gaps (three or more spaces, or a tab, between words, not after the end of a sentence) make a line a row
# of a fixed-width table or form ("A-14   TF-10452-Z   M8 x 1.25 x 20 SHCS     210   400   REORDER"); a wrapper never
# leaves such gaps, so each row is read on its own, never run together with the rows around it into one "sentence".
# (Two spaces are no gap: re-joined hard-wrapped lines keep a trailing space beside the joining one.)
_COLUMN_GAP = re.compile(r"(?<=[^\s.!?:;])(?: {3,}|\t+)(?=\S)")


def table_row(line: str) -> bool:
    """True when `line` is laid out in columns."""
    return len(_COLUMN_GAP.findall(line.strip())) >= 2


_LABEL_LINE = re.compile(r"^[ \t]*[A-Z0-9][\w'’/&.-]*(?:[ \t]+[\w'’/&.-]+){0,2}:[ \t]+\S")


# words that open a sentence far more often than they follow an abbreviation inside one: pronouns, determiners,
# conjunctions and courtesy words ("... from 8 a.m. to 6 p.m. Please add a wired line", "over 12 m/s. The report")
_OPENERS = frozenset("""the a an this that these those it its we our i my you your they their he she his her there
please thanks thank sorry unfortunately if when once as so but and also otherwise let note kind best regards cheers
all any each every what how why where can could would should will do does is are was were just in on at for""".split())
# what may follow "a.m."/"p.m." inside a sentence: a day, a month, a time zone ("9 a.m. Eastern", "10 a.m. Monday")
_AFTER_A_CLOCK = frozenset("""monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
fri sat sun january february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec eastern central mountain pacific atlantic alaska hawaii hawaiian newfoundland
et ct mt pt est edt cst cdt mst mdt pst pdt akst akdt hst ast adt nst ndt gmt bst utc cet cest ist aest aedt acst
acdt awst nzst nzdt sast wat eat sgt hkt jst kst local time""".split())
_UNIT_AFTER_NUMBER = re.compile(r"^[a-zµ]{1,3}\.$")     # "44 g.", "12 kg.", "3 m."
_TITLES = frozenset("mr. mrs. ms. dr. prof. st. mt. no. vs. fig. approx. ca. gen. sen. rep. rev. jr. sr.".split())


def _starts_after_abbreviations(strings, orth: list[int], idx: list[int]) -> list[int]:
    """Token indices of a capitalised sentence opener ("Please", "The", "We") after a word that ends in a full stop
    the tokenizer kept ("p.m.", "m/s.", "etc."), and of any capitalised word after a unit or a code with digits
    ("44 g. Screenings", "R-404A. Box"): the sentencizer only splits on a full stop of its own. Never after a title or
    an initial ("Dr. Patel", "No. 4", "J. The")."""
    starts = []
    for i in range(1, len(orth)):
        prev, word = strings[orth[i - 1]], strings[orth[i]]
        if len(prev) < 2 or not prev.endswith(".") or not word[:1].isupper():
            continue
        # the whole word the full stop ends, tokens glued to it included: "17/F." is one word ("to 17/F. Starting")
        whole = _glued_word(strings, orth, idx, i - 1)
        if len(whole) == 2 and prev[0].isupper():
            continue                                # "J. Smith": an initial
        unit = i >= 2 and _UNIT_AFTER_NUMBER.match(prev) and strings[orth[i - 2]][-1:].isdigit()
        # a code with digits is no abbreviation: "recharged with R-404A. Box was at 36°F", "invoice INV-2044. It's",
        # a floor "to 17/F. Starting at noon"
        code = any(c.isdigit() for c in whole) and any(c.isalpha() for c in whole)
        # "between 6:00 p.m. and 4:00 a.m. Under your agreement ...": after a clock time, any capitalised word but a
        # day, a month or a time zone opens a sentence
        clock = prev.lower() in ("a.m.", "p.m.") and word.lower() not in _AFTER_A_CLOCK
        if word.lower() not in _OPENERS and not unit and not code and not clock:
            continue
        if idx[i] > idx[i - 1] + len(prev) and prev.lower() not in _TITLES and any(c.isalpha() for c in prev):
            starts.append(i)
    return starts


def _glued_word(strings, orth: list[int], idx: list[int], j: int, most: int = 6) -> str:
    """Token j with the tokens written against it before it (no space between), at most `most` of them: the word
    as written (a longer glued run is no word; the cap keeps hostile input linear)."""
    word = strings[orth[j]]
    stop = max(0, j - most)
    while j > stop and idx[j - 1] + len(strings[orth[j - 1]]) == idx[j]:
        j -= 1
        word = strings[orth[j]] + word
    return word


_EMOJI = re.compile(r"^[\U0001F300-\U0001FAFF\u2600-\u27BF\ufe0f\u200d]+$")


def _starts_after_emoji(strings, orth: list[int]) -> list[int]:
    """Token indices of a capitalised sentence opener right after an emoji that ends a sentence in place of a full
    stop ("Thanks heaps for the notice 🙃 We can stretch to 110 guests"): chat-style mail often writes it so."""
    starts = []
    for i in range(1, len(orth)):
        word = strings[orth[i]]
        if word[:1].isupper() and word.lower() in _OPENERS and _EMOJI.match(strings[orth[i - 1]]):
            starts.append(i)
    return starts


def _short_line_before(strings, orth: list[int], space: list[int], ci: int) -> bool:
    """True when the comma at `ci` ends a short line of its own ("Hi Daniel," / "Best regards,")."""
    words = 0
    for j in range(ci - 1, -1, -1):
        if space[j]:
            if "\n" in strings[orth[j]]:
                break
        else:
            words += 1
    return words <= 4


def _lemma_norms(doc):
    """NORM := lower-case lemma, so phrase lists and patterns match every inflection ("clients" ~ "client")."""
    from spacy.attrs import NORM

    memo = _norm_memo.get(id(doc.vocab))
    if memo is None:
        memo = _norm_memo.setdefault(id(doc.vocab), {})
    strings = doc.vocab.strings
    for i, h in enumerate(doc.to_array(NORM).tolist()):
        new = memo.get(h, _NEW)
        if new is _NEW:                  # once per distinct norm: the same result for the same input norm
            n = strings[h]
            m = n.replace("\u2019", "'").replace("\u2018", "'")
            m = lemma_table().get(m, m)
            new = memo[h] = None if m == n else m
        if new is not None:
            doc[i].norm_ = new
    return doc


_lemmas: dict | None = None


def lemma_table() -> dict:
    """English lookup lemmas from spacy-lookups-data (offline), lower-case keys; {} when not installed."""
    global _lemmas
    if _lemmas is None:
        try:
            import gzip
            import importlib.util
            import json
            import os

            from . import cache

            # located, not imported: the package's own import is not needed to read its data file
            spec = importlib.util.find_spec("spacy_lookups_data")
            if spec is None or not spec.origin:
                raise ImportError("spacy_lookups_data")
            with open(os.path.join(os.path.dirname(spec.origin), "data", "en_lemma_lookup.json.gz"), "rb") as fh:
                raw = fh.read()
            k = cache.key("en-lemma-lookup", raw)
            _lemmas = cache.load("lemmas", k)
            if not isinstance(_lemmas, dict):
                table = json.loads(gzip.decompress(raw))
                _lemmas = {k: v.lower() for k, v in table.items() if k == k.lower()}
                cache.store("lemmas", k, _lemmas)
            # a few the lookup table lacks or gets wrong for our purposes
            _lemmas.update({"'ll": "will", "wo": "will", "ca": "can", "'d": "would", "'s": "'s", "am": "be",
                            "'m": "be", "'re": "be", "'ve": "have", "n't": "not", "our": "our",
                            "data": "data", "news": "news", "hours": "hour", "days": "day", "does": "do"})
            # lookup entries that would merge words rules must tell apart (hedges, degrees, ordinals)
            for word in ("as", "us", "could", "might", "first", "third", "more", "most", "less", "least",
                         "further", "well", "best", "better", "worse", "worst", "ups"):
                _lemmas[word] = word
        except (ImportError, OSError, ValueError):
            _lemmas = {}
    return _lemmas


def get_nlp(model: str | None = None):
    """The process-wide pipeline for `model` (None: the blank offline one). Built once."""
    key = model or ""
    nlp = _cache.get(key)
    if nlp is None:
        with _lock:
            nlp = _cache.get(key)
            if nlp is None:
                nlp = _build(model)
                _cache[key] = nlp
    pipeline_used(model)
    return nlp


def pipeline_used(model: str | None) -> None:
    """A run is using the pipeline for `model`: what the user should know about it goes into NOTES."""
    if model and model in _MODEL_NOTES:
        NOTES.append(_MODEL_NOTES[model])


def has_parser(nlp) -> bool:
    """Whether the pipeline parses (a trained model): checks that use subjects and modals need it."""
    return "parser" in getattr(nlp, "pipe_names", ())
