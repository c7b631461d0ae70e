"""Empathy coaching: only for replies to complaints in the quoted thread; always severity info."""
from __future__ import annotations

import pytest

from tonecheck.engine import Engine
from tonecheck.rules import load_rules

COMPLAINT = ("On Mon, 2 Nov 2026 at 09:00, Jo Park <jo@example.com> wrote:\n"
             "> My tent arrived with a torn fly and the poles are missing. I'm really disappointed,\n"
             "> I leave on a trip on Friday.\n")
QUESTION = ("On Mon, 2 Nov 2026 at 09:00, Jo Park <jo@example.com> wrote:\n"
            "> Hi, do you have the Talus boot in a size 10? Thanks!\n")


@pytest.fixture(scope="module")
def engine():
    return Engine(rules=[r for r in load_rules() if r.category == "empathy"])


def found(engine, reply, quoted):
    return {f.rule: f for f in engine.check_text(f"Hi Jo,\n\n{reply}\n\nSam\n\n{quoted}", kind="txt")}


def test_curt_reply_to_complaint_gets_all_three(engine):
    f = found(engine, "A replacement will ship on Monday.", COMPLAINT)
    assert set(f) == {"empathy.no-acknowledgement", "empathy.no-apology", "empathy.one-way-forward"}
    assert all(x.severity == "info" and x.category == "empathy" for x in f.values())
    assert all(x.excerpt == "A replacement will ship on Monday." for x in f.values())


def test_good_reply_is_clean(engine):
    reply = ("I'm so sorry your tent arrived torn and without poles; that's our packing error. "
             "We can send a complete replacement by Thursday, or refund you in full today. Which suits you?")
    assert not found(engine, reply, COMPLAINT)


def test_non_apology_does_not_count(engine):
    f = found(engine, "We apologise for any inconvenience. A replacement ships Monday, or we can refund you.",
              COMPLAINT)
    assert "empathy.no-apology" in f and "empathy.one-way-forward" not in f


def test_acknowledgement_without_apology(engine):
    f = found(engine, "I can see how frustrating that is before a trip. Here are two options: a replacement "
                      "on Thursday, or a refund today.", COMPLAINT)
    assert set(f) == {"empathy.no-apology"}


def test_no_complaint_no_coaching(engine):
    assert not found(engine, "Yes, it ships today.", QUESTION)
    assert not engine.check_text("Hi Jo,\n\nYes, it ships today.\n\nSam")


def test_own_quoted_reply_is_not_the_complaint(engine):
    eml = ("From: Sam <sam@shop.example>\nTo: Jo <jo@example.com>\nSubject: Re: order\n\n"
           "Hi Jo,\n\nYour order ships today.\n\nSam\n\n"
           "On Mon, 2 Nov 2026 at 09:00, Sam <sam@shop.example> wrote:\n"
           "> I'm sorry the parcel was late and damaged; we know how frustrating that is.\n")
    assert not engine.check_text(eml, kind="eml")


def test_a_fallback_on_a_condition_is_a_second_way_forward(engine):
    reply = ("I'm sorry the tent arrived torn; that must be frustrating. A replacement ships on Thursday 5 November. "
             "If Thursday is not convenient, reply with another weekday and I will rebook it.")
    assert "empathy.one-way-forward" not in found(engine, reply, COMPLAINT)


def test_one_way_forward_says_none_when_there_is_none(engine):
    f = found(engine, "I'm sorry the tent arrived torn; that must be frustrating.", COMPLAINT)
    assert f["empathy.one-way-forward"].message == "The reply to this complaint offers no way forward at all."
    f = found(engine, "I'm sorry the tent arrived torn; that must be frustrating. A replacement will ship on Monday.",
              COMPLAINT)
    assert f["empathy.one-way-forward"].message == "The reply to this complaint offers only one way forward."


@pytest.mark.parametrize("text,complaint", [
    ("We didn't ask for the gutters to be cleaned. Please take the £90 off the invoice.", True),
    ("I never agreed to a second visit, so I won't be paying for it.", True),
    ("We weren't told the van would come before 8.", True),
    ("Could you book the boiler service for next Tuesday? Thanks!", False),
    ("We'd like to add a second visit in March, please.", False),
    ("Our apprentice has been taxed £120 more than we expected this month. Is Brightledger wrong?", True),
    ("The fitter you sent was rude and left the hall in a mess.", True),
    ("Wow, great job. Really nailed it. Vase in pieces and the lilies bent in half.", True),   # sarcastic
    ("Brilliant service as always. 40 minutes on hold and then cut off.", True),
    ("Nobody came on Wednesday and nobody rang.", True),
    ("The council expects the new rates to be published on Friday.", False),
    ("Is the Leeds depot open on Saturday?", False),
    ("Could you check whether the March invoice is right? Thanks!", False),
    # the work or the service judged, without the usual problem words
    ("The scale you serviced has failed our own check. This raises serious questions about your competence.", True),
    ("Parents have complained to me that your coaches are slow and expensive.", True),
    ("Honestly, your support inbox is a black hole. Nothing ever comes back.", True),
    ("Your so-called urgent finding is a non-issue. Please downgrade it.", True),
    ("The pump passed its pressure test and the report is attached.", False),
    ("Could you tell us whether the slow cooker comes in red?", False),
])
def test_a_contested_charge_or_job_is_a_complaint_however_polite(text, complaint):
    from tonecheck.analysis.complaint import is_complaint
    assert is_complaint(text) is complaint


@pytest.mark.parametrize("text,regrets", [
    ("Sorry to hear the tiles arrived cracked.", True),
    ("We apologise if our fitter's manner came across as abrupt.", True),
    ("I'm sorry you were left with that impression of the visit.", True),
    ("We regret that the parcel was lost in transit.", True),
    ("I'm so sorry the cot wasn't in the room when you arrived.", True),
    ("Sorry, the desk is shut on Sundays; the keys are in the lockbox.", False),
    ("Sorry for the late reply, I was away last week.", False),
    ("Apologies for the short notice, but can we meet at 3pm?", False),
    ("Sorry to bother you again about the March figures.", False),
    ("Sorry for the delay in getting back to you on the quote.", False),
    ("The figures are attached; the quote stands until Friday.", False),
])
def test_a_reply_that_regrets_something_answers_a_grievance(text, regrets):
    from tonecheck.analysis.complaint import regrets_something
    assert regrets_something(text) is regrets


def test_the_defensive_model_asks_every_sentence_of_a_reply_that_apologises(monkeypatch):
    """No quoted complaint and no "you": the reply's own apology shows it answers a grievance."""
    from tonecheck.config import Config
    from tonecheck.engine import Engine
    from tonecheck.learned import classifier
    model = classifier.get_model()
    asked = []
    real_predict = model.predict
    monkeypatch.setattr(model, "predict", lambda pairs, batch=32: asked.extend(pairs) or real_predict(pairs, batch))
    denial = "To be clear, this is standard payroll behaviour and not a Brightledger issue."
    Engine(Config(model=True)).check_text(f"Hi Kelly,\n\nSorry to hear about the March payslips. {denial}\n\nSam\n",
                                          kind="txt")
    asked_first = [first for first, _ in asked]
    asked.clear()
    Engine(Config(model=True)).check_text(f"Hi Kelly,\n\nSorry for the late reply. {denial}\n\nSam\n", kind="txt")
    assert any("Brightledger" in first for first in asked_first)
    assert not any("Brightledger" in first for first, _ in asked)


@pytest.mark.parametrize("text", [
    "Felix, 23 of our site staff were paid the wrong overtime in October. Can you fix the run please?",
    "There's an error on the March invoice: the VAT has been added twice.",
])
def test_a_plain_report_of_a_wrong_charge_is_a_complaint(text):
    from tonecheck.analysis.complaint import is_complaint
    assert is_complaint(text)
