"""defensive.it-was-in-writing: the reader pointed at where it was written - accepted documents, pointed places,
located facts with stress; helpful pointers, denials, apologies, questions: clean."""
from __future__ import annotations

import pytest

from tonecheck.engine import Engine
from tonecheck.rules import load_rules

RULE = "defensive.it-was-in-writing"


@pytest.fixture(scope="module")
def engine():
    return Engine(rules=[r for r in load_rules() if r.id == RULE])


def excerpts(engine, text, kind="txt"):
    return [f.excerpt for f in engine.check_text(text, kind=kind) if f.rule == RULE]


@pytest.mark.parametrize("text,words", [
    ("The weekend rate is in section 3 of the hire agreement your office manager signed.", "agreement your office"),
    ("The collection days are printed on the bin lid itself.", "printed on the bin lid"),
    ("You'll see it right there on the order screen, next to the total.", "right there on"),
    ("Every event page says doors open an hour before the show.", "Every event page says"),
    ("That's been in the welcome pack since you joined in 2024.", "in the welcome pack"),
    ("The late fee was clearly listed in the payment schedule we sent you in May.", "listed in the payment schedule"),
    ("The parking rules are in the tenancy agreement, which you\nsigned in August.", "tenancy agreement"),
    ("The quote you accepted is perfectly clear about the extra visit.", "quote you accepted"),
    ("The overtime rate is on page 4 of the contract you signed.", "contract"),
    ("The late fee is $20 a day, as printed right above the signature you gave us.", "right"),
])
def test_a_pointer_at_where_it_was_written_is_found(engine, text, words):
    found = excerpts(engine, f"Hi Sam,\n\n{text}\n\nThanks,\nAna\n")
    assert len(found) == 1 and words.split()[0] in found[0]


@pytest.mark.parametrize("text", [
    "You'll find the form on page 2 of the guide.",
    "This wasn't made clear on the booking screen, and I have changed the wording today.",
    "It has never been shown on the receipt, which is our oversight, and I've added it.",
    "Sorry, the fee should have been listed on the quote you signed; I have refunded it.",
    "If the fee isn't listed on your invoice, tell me and I'll send a corrected one.",
    "Is the fee shown on the invoice you received?",
    "Please sign the agreement and return it by Friday 11 December.",
    "Your quote is attached, and it includes delivery to the third floor.",
    "The new prices are shown on our website from Monday 7 December.",
    # the deal the reader made, stated without pointing: no place in it, nothing pressed
    "The resurfacing is covered by the £120 quote you accepted in March.",
    "The bill matches the written quote you signed on 3 May, line for line.",
    "I got your note about the warning card you were given on Tuesday night.",
])
def test_helpful_pointers_denials_apologies_and_questions_are_clean(engine, text):
    assert excerpts(engine, f"Hi Sam,\n\n{text}\n\nThanks,\nAna\n") == []


def test_a_plain_locating_sentence_is_a_neutral_fact_even_in_a_reply_to_a_grievance(engine):
    line = "Late joiners pay the full fee, as set out in the course handbook."
    grievance = f"Hi Jo,\n\nI'm sorry to hear the class was full when you arrived. {line}\n\nAna\n"
    assert excerpts(engine, grievance) == []
    stressed = grievance.replace("as set out", "as clearly set out")
    assert excerpts(engine, stressed) == ["set out in the course handbook"]


def test_a_quoted_customer_pointer_is_context(engine):
    text = ("Hi Sam,\n\nThanks for your note. I have refunded the fee today.\n\nAna\n\n"
            "> It's right there on the booking screen that the fee is optional.\n")
    assert excerpts(engine, text) == []
