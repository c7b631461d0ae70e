"""Rule checks: the logic patterns cannot express, one module per rule category (as the YAML packs).

A check is a function `check(ctx: CheckContext, rule: Rule) -> Iterable[Hit]`, registered with
`@register("category.slug", ...)` under every rule id it produces; the pack's rule names it with `check:` (its own
id). A check returns facts (`Hit.fields`, `Hit.variant`), never words: the engine fills the rule's message and
suggestion templates. Language facts several checks need live in tonecheck.analysis; work one document's rules
share is computed once with `ctx.memo(key, fn)`.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable

CHECKS: dict[str, Callable] = {}

# modules imported on first use of the registry; each registers its checks
_MODULES = ("commitment", "next_step", "defensive", "sarcasm", "brand", "empathy", "clarity")
_loaded = False


# checks that read what the other rules (and the model) found: the engine runs them last, with ctx.flagged set
SECOND_PASS: set[str] = set()


def register(*names: str, second_pass: bool = False):
    """File a check under the rule ids it produces (a rule's `check:` names one), so grep of an id finds it.
    `second_pass`: the check reads `ctx.flagged`, the (category, start, end) of every earlier hit."""
    def deco(fn):
        for name in names:
            CHECKS[name] = fn
            if second_pass:
                SECOND_PASS.add(name)
        return fn
    return deco


def get_check(name: str) -> Callable:
    """The check registered under `name` (KeyError when none is); the category modules load on first use."""
    global _loaded
    if not _loaded:
        for mod in _MODULES:
            importlib.import_module(f"{__name__}.{mod}")
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


@dataclass
class CheckContext:
    document: Any            # tonecheck.model.Document
    doc: Any                 # spaCy Doc of flat_text
    nlp: Any
    config: Any              # tonecheck.config.Config
    brand: Any = None        # tonecheck.brandguide.compile.BrandGuide (compiled) or None
    flat_text: str = ""      # document.text with soft line breaks as spaces (analysis/layout.py); same offsets
    flagged: list = field(default_factory=list)     # (category, start, end) of the hits before the second pass
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
