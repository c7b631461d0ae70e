"""Sarcasm: mock praise, feigned surprise, mock compliance, positive/negative contrast, scare quotes, eye-rolls."""
from __future__ import annotations

import pytest

from tonecheck.engine import Engine
from tonecheck.rules import load_rules


@pytest.fixture(scope="module")
def engine():
    return Engine(rules=[r for r in load_rules() if r.category == "sarcasm"])


def hits(engine, text, kind=None):
    return {f.rule for f in engine.check_text(text, kind=kind)}


@pytest.mark.parametrize("rule,text", [
    ("sarcasm.mock-praise", "Perfect, another order with no address."),
    ("sarcasm.mock-praise", "Oh great, the wrong colour again."),
    ("sarcasm.mock-praise", "Congrats on actually reading the manual."),
    ("sarcasm.mock-praise", "I'm sure you are extremely busy."),
    ("sarcasm.feigned-surprise", "The payment is late again; what a shock."),
    ("sarcasm.mock-compliance", "Of course, we'll just ship it by teleport."),
    ("sarcasm.positive-negative-contrast", "Thank you so much for ignoring the last three invoices."),
    ("sarcasm.positive-negative-contrast", "Thanks for finally replying to our emails."),
    ("sarcasm.positive-negative-contrast", "Thanks for wasting an afternoon of our time."),
    ("sarcasm.positive-negative-contrast", "Great to hear from you on time for once."),
    ("sarcasm.positive-negative-contrast", "We really love being told our tents are rubbish."),
    ("sarcasm.positive-negative-contrast", "We just love it when returns arrive without a label."),
    ("sarcasm.scare-quotes", "We looked into your 'emergency' request."),
    ("sarcasm.scare-quotes", "Your so-called \u201cfaulty\u201d zip works fine."),
    ("sarcasm.eye-roll", "Sure 🙄"),
    ("sarcasm.eye-roll", "We'll check again *eye roll*"),
])
def test_sarcasm_flags(engine, rule, text):
    assert rule in hits(engine, text), text


@pytest.mark.parametrize("text", [
    "Thanks so much for your patience.",
    "Thank you for letting us know the zip broke.",
    "Thanks for sending photos of the damaged box.",
    "Thank you for waiting while we checked the warehouse.",
    "Great news: your order shipped today.",
    "Congratulations on your new store!",
    "What a great photo from the summit!",
    "I'm sure you'll love the new pack.",
    "Sure, we'll send the replacement today.",
    "We love hearing how you use our gear.",
    "We love it when customers share photos from the trail.",
    "Click \u201cConfirm\u201d on the \u201cReturns\u201d page.",
    "The label says 'hand wash only'.",
    "Your order is on its way 🙂",
    "The wind was 10 m/s at the summit.",
    "Oh, and one more thing: the poles are in the side pocket.",
])
def test_sincere_text_stays_clean(engine, text):
    assert not hits(engine, text), text


def test_sarcasm_in_quoted_thread_is_not_flagged(engine):
    txt = ("Hi Ana,\n\nThe refund went out today.\n\nSam\n\n"
           "> Great, another week without my money. Thanks so much for ignoring me 🙄\n")
    assert not hits(engine, txt, kind="txt")


def test_vader_lexicon_available():
    from tonecheck.checks.sarcasm import valence
    assert valence("ignoring") < 0 < valence("love")
