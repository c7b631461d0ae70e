"""Rule selectors: the one definition of which rule ids a selector names, for --select/--ignore, config
`select`/`ignore`/`[severity]` and suppression comments/headers (ruff-style, so all of them agree).

A selector is `ALL` (or `all`, `*`), a whole rule id, or a prefix made of whole id parts: `defensive` names every
defensive rule, `commitment.vague` names `commitment.vague-time`.
"""
from __future__ import annotations

from typing import Iterable

EVERYTHING = frozenset({"ALL", "all", "*"})


def selects(selector: str, rule_id: str) -> bool:
    """Whether one selector names `rule_id`."""
    s = selector.strip()
    if not s:
        return False
    return s in EVERYTHING or rule_id == s or rule_id.startswith(s + ".") or rule_id.startswith(s + "-")


def matches(rule_id: str, selectors: Iterable[str]) -> bool:
    """Whether any of `selectors` names `rule_id`."""
    return any(selects(s, rule_id) for s in selectors)


def most_specific(rule_id: str, table: Iterable[tuple[str, object]], default):
    """The value of the longest selector in `table` ((selector, value) pairs) that names `rule_id`, else
    `default`: `"commitment.no-time" = "info"` beats `"commitment" = "error"`."""
    best, best_len = default, -1
    for sel, value in table:
        if selects(sel, rule_id) and len(sel) > best_len:
            best, best_len = value, len(sel)
    return best
