"""Named Python checks: the logic patterns cannot express, one module per concept.

A check is a function `check(ctx: CheckContext, rule: Rule) -> Iterable[Hit]`, registered with
`@register("name")`; a rule in a YAML pack uses it with `check: name` (and `options:`). Checks that share an
analysis (e.g. every commitment rule needs the list of commitments) compute it once per document with
`ctx.memo(key, fn)`.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

CHECKS: dict[str, Callable] = {}

# modules imported on first use of the registry; each registers its checks
_MODULES = ("commitment", "next_step", "defensive", "sarcasm", "brand", "empathy", "clarity",
            # TRANSITIONAL: the old module names, removed when the restructuring is done
            "commitments", "timexpr", "next_steps", "tone", "voice")
_loaded = False


def register(*names: str):
    """File a check under the rule ids it produces (a rule's `check:` names one), so grep of an id finds it."""
    def deco(fn):
        for name in names:
            CHECKS[name] = fn
        return fn
    return deco


def get_check(name: str) -> Callable:
    global _loaded
    if not _loaded:
        for mod in _MODULES:
            try:
                importlib.import_module(f"{__name__}.{mod}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{__name__}.{mod}":
                    raise
        _loaded = True
    if name not in CHECKS:
        raise KeyError(name)
    return CHECKS[name]


@dataclass
class Hit:
    """One match of a rule: offsets in the judged text, and what the rule's wording needs to describe it.

    The words users read come only from the rule pack: `fields` fill the `{name}` slots of the rule's `message`
    and `suggestion` (`{match}` is always the excerpt), and `variant` picks one of the rule's `variants` when a
    check tells several situations apart. `fix` is a safe rewrite `--fix` and editors may apply.
    """
    start: int
    end: int
    fields: dict = field(default_factory=dict)
    variant: str | None = None
    severity: str | None = None
    sentence: str | None = None
    fix: Any = None          # tonecheck.model.Fix
    message: str | None = None       # TRANSITIONAL: removed once every check returns fields
    suggestion: str | None = None    # TRANSITIONAL


@dataclass
class CheckContext:
    document: Any            # tonecheck.model.Document
    doc: Any                 # spaCy Doc of document.text
    nlp: Any
    config: Any              # tonecheck.config.Config
    brand: Any = None        # tonecheck.brand.BrandGuide (compiled) or None
    _memo: dict = field(default_factory=dict)

    def memo(self, key: str, fn: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = fn()
        return self._memo[key]

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def context(self):
        return self.document.context


def sentences(doc) -> list:
    """doc.sents, computed once per Doc (spaCy rebuilds every sentence Span on each access)."""
    cached = doc.user_data.get("tonecheck_sents")
    if cached is None:
        cached = doc.user_data["tonecheck_sents"] = list(doc.sents)
    return cached


def sentence_spans(doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of every sentence, computed once per Doc; slice the judged text with them rather
    than calling Span.text, which re-joins the sentence's tokens on every access."""
    cached = doc.user_data.get("tonecheck_sent_spans")
    if cached is None:
        cached = doc.user_data["tonecheck_sent_spans"] = [(s.start_char, s.end_char) for s in sentences(doc)]
    return cached


def _length(doc) -> int:
    """len(doc.text) without re-joining every token (spaCy's Doc.text does that on each access)."""
    n = doc.user_data.get("tonecheck_len")
    if n is None:
        last = doc[-1] if len(doc) else None
        n = doc.user_data["tonecheck_len"] = last.idx + len(last.text_with_ws) if last is not None else 0
    return n


def sentence_of(doc, start: int, end: int):
    """The sentence holding the character range [start, end) (the one its first character falls in)."""
    import bisect

    sents = sentences(doc)
    if not sents or start >= _length(doc):
        return None
    starts = doc.user_data.get("tonecheck_sent_starts")
    if starts is None:
        starts = doc.user_data["tonecheck_sent_starts"] = [s.start_char for s in sents]
    i = bisect.bisect_right(starts, start) - 1
    return sents[max(i, 0)]
