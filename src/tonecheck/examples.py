"""A rule's examples, run: each bad example must trigger the rule, each good one must not.

The same code serves the test suite (every built-in rule), `tonecheck check-rules` (a team's own packs, whose
examples would otherwise never run) and `tonecheck explain` (the finding a rule's first example gives).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ExampleFailure:
    rule_id: str
    kind: str          # "bad" (not flagged) or "good" (flagged)
    text: str
    excerpts: list[str]

    def __str__(self) -> str:
        shown = " ".join(self.text.split())
        shown = shown if len(shown) <= 100 else shown[:99] + "…"
        if self.kind == "bad":
            return f"{self.rule_id}: bad example not flagged: {shown!r}"
        return f"{self.rule_id}: good example flagged ({', '.join(map(repr, self.excerpts))}): {shown!r}"


def example_text(example) -> str:
    """The text of an example, written as a string or as {text, kind, brand}."""
    return example if isinstance(example, str) else example["text"]


def _engine_for(engine, rule_id: str):
    """The engine to run a rule's examples on: a rule on (or verified by) the learned model runs them with the model
    switched on, even where the configuration leaves it off (the examples say what the rule does when it runs)."""
    rule = engine.all_rules.get(rule_id)
    if rule is None or not (rule.model or rule.model_veto) or engine.config.model:
        return engine
    cached = getattr(engine, "_examples_with_model", None)
    if cached is None:
        from dataclasses import replace

        from .engine import Engine
        cached = Engine(replace(engine.config, model=True), rules=list(engine.all_rules.values()))
        engine._examples_with_model = cached
    return cached


def findings_of(engine, rule_id: str, example) -> list:
    """The findings `rule_id` gives on one example (its own kind and brand guide, when it names them)."""
    engine = _engine_for(engine, rule_id)
    kind = None if isinstance(example, str) else example.get("kind")
    brand = None
    if isinstance(example, dict) and example.get("brand"):
        from .brandguide.compile import compile_brand
        brand = compile_brand(example["brand"], engine, path="<example brand>")
    return [f for f in engine.check_text(example_text(example), kind=kind, brand=brand) if f.rule == rule_id]


def run_examples(engine, rules) -> list[ExampleFailure]:
    """Every example of `rules` that does not behave as its list says."""
    failures = []
    for rule in rules:
        for example in rule.examples.get("bad") or ():
            if not findings_of(engine, rule.id, example):
                failures.append(ExampleFailure(rule.id, "bad", example_text(example), []))
        for example in rule.examples.get("good") or ():
            found = findings_of(engine, rule.id, example)
            if found:
                failures.append(ExampleFailure(rule.id, "good", example_text(example), [f.excerpt for f in found]))
    return failures
