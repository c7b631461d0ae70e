"""Clarity has no Python check.

Its rules (rules/clarity.yml: `clarity.long-sentence`, `clarity.reading-grade`) are `metric` rules: the engine
runs them itself (engine._metric_hits), measuring each sentence or the whole text with
tonecheck.analysis.readability and filling the rule's `{value}` and `{max}` slots. A new clarity rule that a
measure and a maximum can express needs no code; one that cannot would be registered here under its id.
"""
