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


def known_selectors(rule_ids: Iterable[str]) -> set[str]:
    """Every selector that names at least one of `rule_ids`: the ids and their whole-part prefixes."""
    import re

    known = set(EVERYTHING)
    for rid in rule_ids:
        known.add(rid)
        known.update(rid[:m.start()] for m in re.finditer(r"[.-]", rid))
    return known


def unknown(selectors: Iterable[str], rule_ids: Iterable[str]) -> list[str]:
    """A one-line problem for each selector that names no rule, with the closest known one: a typo in
    `--select commitmnet` must not quietly select nothing and pass every draft."""
    import difflib

    known = known_selectors(rule_ids)
    problems = []
    for s in selectors:
        s = s.strip()
        if not s or s in known:
            continue
        close = difflib.get_close_matches(s, sorted(known - EVERYTHING), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else "; `tonecheck rules` lists them"
        problems.append(f"unknown rule or prefix '{s}'{hint}")
    return problems
