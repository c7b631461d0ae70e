"""Every rule's examples run as tests: each bad example must trigger the rule, each good one must not."""
from __future__ import annotations

import pytest

from tonecheck.engine import Engine
from tonecheck.examples import findings_of
from tonecheck.rules import CATEGORIES, load_rules

RULES = load_rules()


@pytest.fixture(scope="module")
def engine():
    return Engine()


def _cases(kind):
    for rule in RULES:
        for i, ex in enumerate(rule.examples[kind]):
            yield pytest.param(rule.id, ex, id=f"{rule.id}-{kind}{i}")


def _findings(engine, rule_id, ex):
    return findings_of(engine, rule_id, ex)


@pytest.mark.parametrize("rule_id,example", list(_cases("bad")))
def test_bad_example_is_flagged(engine, rule_id, example):
    assert _findings(engine, rule_id, example), f"{rule_id} did not flag: {example!r}"


@pytest.mark.parametrize("rule_id,example", list(_cases("good")))
def test_good_example_is_clean(engine, rule_id, example):
    found = _findings(engine, rule_id, example)
    assert not found, f"{rule_id} flagged a good example: {[f.excerpt for f in found]}"


def test_every_rule_has_examples_and_rationale():
    assert RULES
    for r in RULES:
        assert r.examples["bad"] and r.examples["good"], r.id
        assert len(r.rationale.split()) >= 12, f"{r.id}: rationale too short"
        assert r.id.startswith(r.category + "."), r.id
        assert r.category in CATEGORIES, r.id            # the built-in packs keep to LABELS.md's categories
        assert r.summary and len(r.summary) <= 100, f"{r.id}: one-line summary of what it flags"
