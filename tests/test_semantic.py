"""Semantic back-off (tonecheck.checks.semantic): model loading, determinism, near misses, paraphrases, and a clean
skip when wordllama is missing."""
from __future__ import annotations

import json

import pytest

from tonecheck.checks import semantic
from tonecheck.engine import Engine
from tonecheck.rules import load_rules

needs_wordllama = pytest.mark.skipif(semantic._package_dir() is None, reason="wordllama not installed")


@pytest.fixture(scope="module")
def engine():
    return Engine(rules=[r for r in load_rules() if r.id in ("sarcasm.semantic", "defensive.semantic")])


def rules_hit(engine, text):
    return {f.rule for f in engine.check_text(text)}


def test_model_is_plain_json_with_both_categories():
    data = json.loads(semantic.model_path().read_text(encoding="utf-8"))
    assert set(data["categories"]) == {"sarcasm", "defensive"}
    for m in data["categories"].values():
        assert len(m["weights"]) == len(data["features"]) == 256 + len(semantic.FEATURES)
        assert all(isinstance(v, float) for v in m["weights"])
        assert 0.0 < m["threshold"] < 1.0


@needs_wordllama
def test_scores_are_deterministic():
    texts = ["Always a pleasure to be shouted at before breakfast.", "Your refund was issued today."]
    a = semantic.score_texts(texts, "sarcasm")
    b = semantic.score_texts(list(reversed(texts)), "sarcasm")
    assert a is not None
    assert a.tolist() == list(reversed(b.tolist()))
    assert a[0] > a[1]


@needs_wordllama
@pytest.mark.parametrize("text", [
    "Thanks for the reminder; I've paid the invoice this morning.",
    "Thank you for sending the photos, they show the crack very clearly.",
    "Great news: your refund was issued today.",
    "I'm sure you'll love the new sofa.",
    "Just to confirm, the engineer comes on Monday between 8 and 12.",
    "Please note that refunds take five working days to reach your card.",
    "You're right, and I'm sorry we got the delivery date wrong.",
    "Our returns window is 30 days from delivery.",
    "Wow, thank you for such a generous review of the tent.",
    "As we discussed on the phone, I've cancelled the second order.",
])
def test_near_misses_stay_clean(engine, text):
    assert not rules_hit(engine, text)


@needs_wordllama
@pytest.mark.parametrize("rule,text", [
    # not in data/semantic/*.tsv nor in the dev corpus
    ("defensive.semantic", "It's not our fault you didn't read the delivery terms."),
    ("defensive.semantic", "You shouldn't have to be told this again."),
    ("sarcasm.semantic", "Glad to know our invoices make such lovely bedtime reading for your accounts team."),
])
def test_unseen_paraphrases_are_caught(engine, rule, text):
    assert rule in rules_hit(engine, text)


@needs_wordllama
def test_excerpt_is_the_clause_not_the_paragraph(engine):
    text = ("Hello Sam. The parcel went out on Monday with DPD and should reach you soon. "
            "It's not our fault you didn't read the delivery terms; they are on every page.")
    found = [f for f in engine.check_text(text) if f.rule == "defensive.semantic"]
    assert found
    assert all("Hello Sam" not in f.excerpt and "they are on every page" not in f.excerpt for f in found)


def test_skipped_cleanly_without_wordllama(monkeypatch, engine, capsys):
    saved = dict(semantic._state)
    semantic._state.pop("embedder", None)
    monkeypatch.setattr(semantic, "_package_dir", lambda: None)
    try:
        text = "It's not our fault you didn't read the delivery terms."
        assert not rules_hit(engine, text)
        assert not rules_hit(engine, text)          # still no crash, and the note is printed once
        err = capsys.readouterr().err
        assert err.count("semantic rules skipped") == 1
        assert len(err.strip().splitlines()) == 1
    finally:
        semantic._state.clear()
        semantic._state.update(saved)
