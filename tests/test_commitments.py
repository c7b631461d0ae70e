"""Commitment detection and classification: labelled-style cases in new wording, near misses, dated emails."""
from __future__ import annotations

import pytest

from tonecheck.config import Config
from tonecheck.engine import Engine


@pytest.fixture(scope="module")
def engine():
    # the analysis of clauses and times alone: the model's verification of its hits is tested in test_learned.py
    return Engine(Config(select=("commitment",), model=False))


def found(engine, text, kind=None):
    return [(f.rule, f.excerpt, f.message) for f in engine.check_text(text, kind=kind)
            if f.category == "commitment" and f.severity != "info"]


def email(body, date="Mon, 16 Nov 2026 10:00:00 -0700", subject="Your order", quoted="",
          sender="Sam Okafor <sam@shop.example>", to="Ana Ruiz <ana@example.com>"):
    return (f"From: {sender}\nTo: {to}\nDate: {date}\nSubject: {subject}\n"
            f"Content-Type: text/plain; charset=utf-8\n\nHi Ana,\n\n{body}\n\nBest,\nSam\n{quoted}")


@pytest.mark.parametrize("text,rule", [
    ("We'll get back to you soon.", "commitment.vague-time"),
    ("I will have an answer for you in the next few days.", "commitment.vague-time"),
    ("Our billing team will issue the credit when things calm down.", "commitment.vague-time"),
    ("The engineer is going to call you at some point.", "commitment.vague-time"),
    ("We're hoping to restock the blue ones in early spring.", "commitment.hedged"),
    ("I'll do my best to get this over to you by Friday.", "commitment.hedged"),
    ("We might be able to offer a partial refund.", "commitment.hedged"),
    ("Hopefully your parcel will be with you by the weekend.", "commitment.hedged"),
    ("Your replacement card will be mailed out.", "commitment.no-owner"),
    ("Somebody will contact you about the collection.", "commitment.no-owner"),
    ("Someone will call you tomorrow.", "commitment.no-owner"),
    ("We expect things to be back to normal later on.", "commitment.vague-time"),
    ("The credit might be reviewed next year.", "commitment.hedged"),
    ("The cap on your account will be lifted.", "commitment.no-owner"),
    ("A decision will be made in due course.", "commitment.no-owner"),
    # the subject shared across "and", past an object pronoun ("working on it", "called you")
    ("Our developers are working on it and should have a fix in place soon.", "commitment.hedged"),
    ("I called you and will try again later.", "commitment.vague-time"),
    ("I'll chase the courier.", "commitment.no-time"),
    ("We'll investigate and come back to you.", "commitment.no-time"),
    # "Please send us the photos and we'll review your claim." is clear now: the reader acts first (test_promise_frame)
    ("Please bear with us and we'll review your claim.", "commitment.no-time"),
    ("If the size is wrong, let us know and we'll fix it.", "commitment.no-time"),
])
def test_unclear_commitments(engine, text, rule):
    got = found(engine, text)
    assert [r for r, _, _ in got] == [rule], got


@pytest.mark.parametrize("text", [
    "I'll call you tomorrow at 10.",
    "We will reply within 24 hours.",
    "Will you be home on Friday?",
    "Shall I send the smaller size instead?",
    "If it hasn't arrived by Friday, I'll send a replacement.",
    "Please send me a photo of the label.",
    "I have issued the refund to your card.",
    "You'll need to sign for the parcel.",
    "Pricing may change next year.",
    "I'll be your contact for this order.",
    "Our courier will collect it on Tuesday, 24 November between 9am and noon.",
    "If you'd like a copy as soon as it's ready, please reply with your address.",
    "Sure, we'll just drop everything for you.",
    "This guide will help you choose a tent.",
    "It won't happen again.",
    "Your order will ship on Monday.",
    "Your refund will be issued on Friday.",
    "It will be collected by Direct Debit on 29 December.",
    "While the dispute is open, no late fee will be added.",
    "Your router will update itself overnight.",
    "On the morning of the visit, you will receive a text with the engineer's name.",
    "I've booked your engineer for Thursday 17 December. The engineer will fit the router and test the line.",
    "I'll email you the tracking number by end of day.",
    "We'll refund you within 3 to 5 business days.",
    "Reply with your size and I'll send the new pair the same day.",
    "Tell me a time that suits you and I'll call you then.",
    "You're going to love it.",
    "We could also send a replacement instead.",
    "I can offer you store credit.",
    "We should discuss the contract terms.",
    "I'll call you first thing tomorrow morning.",
    "We'll send it over later today.",
    # a right the sender keeps is not a promise the reader waits on
    "We may pause an order when a card check fails, and we may ask you for a photo ID.",
    # what someone recommends is not the sender's promise
    "Our auditor recommended that the fee should be reviewed every six months until it reaches 2%.",
    # a standing offer over "any" such thing, kept whenever one arises
    "I will answer any questions the site team passes on to me.",
    # a relative clause with no "that" describes a noun: "the documents they will ask you for"
    "I've attached each council's contact page and the documents they will ask you for.",
    "We'll cover any costs of the second visit.",
    # a named month is a window like "next week": no labelled set marks a plain promise with one (every month in a
    # labelled commitment came with a hedge or "at some point"), and two writers left such promises clean
    "We'll send the new catalogue in January.",
    "We'll come back for the second coat in early October.",
])
def test_clear_or_not_a_commitment(engine, text):
    assert found(engine, text) == []


def test_one_finding_per_clause_and_clause_excerpt(engine):
    got = found(engine, "Thanks for your patience. We'll look into it, and I'll call you on Friday at 3pm.")
    assert [(r, e) for r, e, _ in got] == [("commitment.no-time", "We'll look into it")]
    got = found(engine, "We'll try to send it soon.")
    assert len(got) == 1 and got[0][0] == "commitment.hedged"


def test_two_clauses_two_findings(engine):
    got = found(engine, "We hope to have them in stock by mid-January, and we'll ship your order as soon as they land.")
    assert [r for r, _, _ in got] == ["commitment.hedged", "commitment.vague-time"]
    assert got[1][1].startswith("we'll ship your order")


def test_suggestion_names_a_day_from_the_date_header(engine):
    fs = [f for f in engine.check_text(email("We'll look into it soon."), kind="eml") if f.category == "commitment"]
    assert len(fs) == 1
    assert "Wednesday 18 November" in fs[0].suggestion   # two business days after Mon 16 Nov


def test_quoted_customer_text_is_never_judged(engine):
    quoted = ("\nOn Sun, Nov 15, 2026 at 7:48 PM Ana Ruiz <ana@example.com> wrote:\n"
              "> You'll sort it out ASAP or I'm leaving!!! Someone will be in touch, they said.\n"
              "> We'll see what happens.\n")
    assert found(engine, email("I'll call you tomorrow at 10 to arrange a replacement.", quoted=quoted), "eml") == []


def test_subject_line_is_not_judged(engine):
    assert found(engine, email("I'll call you tomorrow at 10.", subject="We'll sort it soon"), "eml") == []


# ---- past deadlines

def test_past_date_is_flagged_with_the_resolved_date(engine):
    got = found(engine, email("We'll ship your replacement on Wednesday, 18 November.",
                              date="Fri, 20 Nov 2026 10:00:00 -0700"), "eml")
    assert [r for r, _, _ in got] == ["commitment.past-deadline"]
    assert "Wednesday 18 November" in got[0][2] and "Friday 20 November" in got[0][2]


def test_clock_time_already_past_today(engine):
    got = found(engine, email("I'll email you the tracking number by noon today.",
                              date="Mon, 16 Nov 2026 16:30:00 -0700"), "eml")
    assert [r for r, _, _ in got] == ["commitment.past-deadline"]
    assert found(engine, email("I'll email you the tracking number by noon today.",
                               date="Mon, 16 Nov 2026 09:30:00 -0700"), "eml") == []


def test_year_end_resolution(engine):
    # Thu 31 Dec 2026: "by Monday" is Mon 4 Jan 2027, "5 January" is next year: both ahead, both clear
    assert found(engine, email("We'll ship it by Monday, and I'll email you the invoice on 5 January.",
                               date="Thu, 31 Dec 2026 10:00:00 -0700"), "eml") == []
    got = found(engine, email("We'll ship it by 20 December.", date="Thu, 31 Dec 2026 10:00:00 -0700"), "eml")
    assert [r for r, _, _ in got] == ["commitment.past-deadline"]


def test_past_actions_with_past_dates_are_fine(engine):
    assert found(engine, email("Your parcel left our warehouse on 13 November, and I'll call you tomorrow.",
                               date="Fri, 20 Nov 2026 10:00:00 -0700"), "eml") == []


# ---- moved deadlines

GMAIL_EARLIER = ("\nOn Mon, Nov 16, 2026 at 9:00 AM Sam Okafor <sam@shop.example> wrote:\n"
                 "> Hi Ana, we'll ship your replacement jacket on Thursday, 19 November.\n")
OUTLOOK_EARLIER = ("\n-----Original Message-----\nFrom: Ridgeline Care <care@shop.example>\n"
                   "Sent: Monday, November 9, 2026 9:00 AM\nTo: Ana Ruiz <ana@example.com>\nSubject: Refund\n\n"
                   "Hello Ana, I'll issue your refund within 2 business days.\n")


def test_moved_deadline_quotes_the_earlier_promise(engine):
    got = found(engine, email("We'll ship your replacement jacket on Tuesday, 24 November.",
                              date="Wed, 18 Nov 2026 10:00:00 -0700", quoted=GMAIL_EARLIER), "eml")
    assert [r for r, _, _ in got] == ["commitment.moved-deadline"]
    assert "Thursday 19 November" in got[0][2] and "ship your replacement jacket" in got[0][2]


def test_moved_duration_in_outlook_thread(engine):
    got = found(engine, email("I'll issue your refund within 5 business days.",
                              date="Thu, 12 Nov 2026 10:00:00 -0700", quoted=OUTLOOK_EARLIER), "eml")
    assert [r for r, _, _ in got] == ["commitment.moved-deadline"]


def test_acknowledged_move_is_fine(engine):
    body = ("I'm sorry, the supplier was late and this has moved: "
            "we'll ship your replacement jacket on Tuesday, 24 November.")
    assert found(engine, email(body, date="Wed, 18 Nov 2026 10:00:00 -0700", quoted=GMAIL_EARLIER), "eml") == []


def test_an_event_dated_beside_last_nights_news_still_dates_the_promise(engine):
    # "filed last night" does not make today's hearing a past event
    body = ("Attached is Jim's statement, filed last night for today's subcommittee hearing on siting. Jim will give "
            "a five minute summary. We will provide a report following the hearing.")
    assert found(engine, email(body, date="Tue, 17 Nov 2026 06:14:08 -0700"), "eml") == []


def test_a_different_promise_in_the_thread_is_not_moved(engine):
    # both say "I'll" and a day, but the earlier one promised a letter and this one an update to the plan
    quoted = ("\nOn Mon, Nov 16, 2026 at 9:00 AM Sam Okafor <sam@shop.example> wrote:\n"
              "> Hi Ana, I'll write to you about the fitting on Thursday, 19 November.\n")
    body = "Reply by Tuesday 24 November and I'll add the hem to your order the same day."
    assert found(engine, email(body, date="Wed, 18 Nov 2026 10:00:00 -0700", quoted=quoted), "eml") == []


def test_customer_dates_in_the_thread_are_not_our_promises(engine):
    quoted = ("\nOn Mon, Nov 16, 2026 at 9:00 AM Ana Ruiz <ana@example.com> wrote:\n"
              "> Will you ship my replacement jacket by Thursday, 19 November?\n")
    assert found(engine, email("We'll ship your replacement jacket on Tuesday, 24 November.",
                               date="Wed, 18 Nov 2026 10:00:00 -0700", quoted=quoted), "eml") == []


def test_same_date_again_is_fine(engine):
    assert found(engine, email("We'll ship your replacement jacket on Thursday, 19 November, as planned.",
                               date="Wed, 18 Nov 2026 10:00:00 -0700", quoted=GMAIL_EARLIER), "eml") == []


# ---- the trained-parser path (a hand-built parse stands in for a trained pipeline)

def test_parser_path_finds_subject_and_passive():
    from spacy.tokens import Doc

    from tonecheck.analysis.commitments import find_commitments
    from tonecheck.nlp import get_nlp

    nlp = get_nlp()
    words = ["Your", "refund", "will", "be", "processed", "soon", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 5 + [False, False],
              heads=[1, 4, 4, 4, 4, 4, 4], deps=["poss", "nsubjpass", "aux", "auxpass", "ROOT", "advmod", "punct"])
    cs = find_commitments(doc, doc.text, use_parser=True)
    assert len(cs) == 1
    c = cs[0]
    assert c.subject == "Your refund" and c.passive and not c.has_owner
    assert [t.text for t in c.vague] == ["soon"]


# ---- families found on an independently written corpus (new wording; near misses beside each)

DEC29 = "Tue, 29 Dec 2026 10:00:00 +0000"


@pytest.mark.parametrize("text,rule", [
    # modal hedges with no "will"
    ("We ought to get the spare legs to you by Thursday.", "commitment.hedged"),
    ("Our workshop should have the chair repaired after the holidays.", "commitment.hedged"),
    ("Hopefully we can swap the cushion covers on Monday.", "commitment.hedged"),
    ("Hopefully the new shade reaches you this week.", "commitment.hedged"),
    ("With any luck we can have the armchair re-covered in time for the party.", "commitment.hedged"),
    ("All being well, we will fit the blinds on Friday.", "commitment.hedged"),
    ("The mirror is probably shipping at some point in February.", "commitment.hedged"),
    ("We're sending the fabric swatches soon.", "commitment.vague-time"),
    # indefinite times stay vague next to a month or a week
    ("Our upholsterer will redo the seam sometime next week.", "commitment.vague-time"),
    ("We'll re-varnish the top at some point in January.", "commitment.vague-time"),
    ("We will restock the stools once things quieten down in February.", "commitment.vague-time"),
    # agentless passives with money and goods verbs
    ("The deposit will be paid back into your account.", "commitment.no-owner"),
    ("The difference will be credited to your card.", "commitment.no-owner"),
    ("Don't worry, it'll all be sorted.", "commitment.no-owner"),
])
def test_independent_families(engine, text, rule):
    got = found(engine, email(text, date=DEC29), "eml")
    assert [r for r, _, _ in got] == [rule], got


@pytest.mark.parametrize("text", [
    # near misses of the hedge families
    "You ought to keep the receipt.",
    "We should talk about the fabric options.",
    "Hopefully you get a chance to try the recliner.",
    "Things are probably getting busier after New Year.",
    "We can swap the cushion covers on Monday.",
    "We are looking into the order now.",
    "We'll redo the seam on Friday 8 January.",
    "We'll redo the seam sometime on Friday 8 January.",
    # times relative to a dated event
    "Your delivery is booked for Thursday 7 January. Our crew will assemble the wardrobe on the day.",
    "Your delivery is on Thursday 7 January. We'll take the old sofa away when the van arrives.",
    "Our technician will bleed the radiators at the start of the visit. Your visit is on Wednesday 6 January at 9am.",
    "Your delivery is on Thursday 7 January. The courier will text you on the morning of delivery.",
    "We can do either of these dates:\n- Tuesday 12 January, 8am to 4pm\n- Thursday 14 January, 8am to 4pm\n\n"
    "On the day we will rekey all twelve doors.",
    # what a dated booking includes
    "Your fitting visit is on Monday 11 January. Our two fitters will lay the flooring and take the offcuts away.",
    "Your rug arrives on Friday 8 January. It WILL be there.",
    # offers on the reader's own choice
    "If you upgrade to the walnut finish, our crew will build it for you.",
    "If you'd prefer the larger size, we will swap it at no charge.",
    # a choice, then the reader's own reply: the reader sets the time (issue 12, item 3)
    "If you'd like us to swap it, just reply and we'll swap it.",
    # someone else's decision and a forecast are not the sender's promises
    "The council will make a decision on the licence in due course.",
    "The market should be ready for a correction by then.",
    "The survey was done in March and will be repeated next spring by the landlord.",
    # acts of this message and ownership from now on are no promise to wait for
    "Priya and I will be handling your claim from here.",
    "I'll go through it once more, step by step.",
    "I'll explain below.",
])
def test_independent_near_misses_are_clear(engine, text):
    assert found(engine, email(text, date=DEC29), "eml") == []


@pytest.mark.parametrize("text,rule", [
    # a dated event does not excuse promises that are not part of it
    ("Your delivery is on Friday 8 January. We'll refund the delivery charge.", "commitment.no-time"),
    # a past event anchors nothing
    ("Your sofa was delivered on 22 December. Our crew will take the packaging away.", "commitment.no-time"),
    ("Our crew will build it when the van arrives.", "commitment.vague-time"),
    # a time set in a past sentence is not inherited
    ("We collected the chair on Monday 28 December. The payment will be put back on your card.",
     "commitment.no-owner"),
    ("We WILL sort this out.", "commitment.no-time"),
])
def test_independent_near_misses_still_flagged(engine, text, rule):
    got = found(engine, email(text, date=DEC29), "eml")
    assert [r for r, _, _ in got] == [rule], got


@pytest.mark.parametrize("text,rule", [
    ("We should be able to match the oak finish on the new desks.", "commitment.hedged"),  # any verb after "able to"
    ("We'll probably have another slot free at some point in March.", "commitment.hedged"),
    ("The payment of £329.00 will be put back on your card.", "commitment.no-owner"),     # amount inside the subject
    ("Your refund will be\nprocessed in due course.", "commitment.no-owner"),             # hard-wrapped line
    # a subject shared by "and": "has been passed ... and will be dealt with"
    ("Your claim has been passed to our assessors and will be dealt with in due course.", "commitment.no-owner"),
    # a hope said with "would", a possibility said as "in a position to", an adverb inside "will ... add"
    ("I would hope to have the new rota sorted by the end of the week.", "commitment.hedged"),
    ("We may be in a position to offer a partial refund.", "commitment.hedged"),
    ("I'll probably also add the spare filters to your next box.", "commitment.hedged"),
    # a decision the reader waits on, a visit to do the work, a thing of ours that should be ready
    ("We'll make a decision on the extension in due course.", "commitment.vague-time"),
    ("Hopefully I can swing by Thursday afternoon to swap the pump.", "commitment.hedged"),
    ("Our revised quote should be ready in the next day or two.", "commitment.vague-time"),
])
def test_generalised_families(text, rule):
    from tonecheck.engine import Engine
    found = [f.rule for f in Engine().check_text(text) if f.category == "commitment"]
    assert found == [rule], found


def test_web_pages_flag_only_vague_or_hedged_promises(tmp_path):
    from tonecheck.engine import Engine
    page = tmp_path / "p.md"
    page.write_text("# Service\n\nBook a service and our workshop will check your bike from tyres to firmware.\n\n"
                    "We'll look into every request soon.\n\nYour refund will be processed in full.\n\n"
                    "Send the form, and someone from our team will be in touch.\n")
    from tonecheck.readers import read_document
    found = [f.rule for f in Engine().check(read_document(str(page))) if f.category == "commitment"]
    # a service described, a vague time, a policy in the passive, and "someone" after a form (no owner at all)
    assert found == ["commitment.vague-time", "commitment.no-owner"]


def test_the_suggested_date_goes_where_it_reads_right():
    # issue 14 friction: "... why the first payment was taken by Thursday" dates the wrong verb
    from tonecheck.analysis.commitment_issues import dated
    assert dated("We'll look into it", "Friday 4 December") == "We'll look into it by Friday 4 December"
    assert dated("I'll look into why the first payment was taken", "Friday 4 December") == \
        "By Friday 4 December, I'll look into why the first payment was taken"
    assert dated("We'll check whether the part fits", "Friday 4 December").startswith("By Friday 4 December, we'll")


# ---- session 8: times written the way crews write them, events the message dates, and a condition's date

@pytest.mark.parametrize("body", [
    "I'll text you a go or no-go at 0530.",
    "I'll ring you by 1200 with what the inspector finds.",
    "The crew will be on site from 0700 hrs.",
])
def test_four_digit_24_hour_times_are_concrete(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body", [
    "We printed 1200 copies and I'll send the rest soon.",
    "Our prices rose in 2025 and we'll review them at some point.",
])
def test_four_digit_numbers_that_are_not_times_do_not_date_a_promise(engine, body):
    assert [r for r, _, _ in found(engine, email(body), "eml")] == ["commitment.vague-time"]


def test_an_event_the_message_dates_times_what_is_brought_to_it(engine):
    dated = ("Can we meet at your office on Thursday 19 November at 10am to go through the plan? "
             "I'll bring the inspection figures to the meeting.")
    assert found(engine, email(dated), "eml") == []
    undated = "We should catch up some time. I'll bring the inspection figures to the meeting."
    assert "commitment.vague-time" in [r for r, _, _ in found(engine, email(undated), "eml")]


def test_a_label_line_is_dated_by_the_line_under_it(engine):
    body = ("Details for the growers' evening meeting:\n\nThursday 26 November, 7.30pm\nBromfield Village Hall\n\n"
            "The supplier expects prices to rise in January. I'll bring their letter on the night.")
    assert found(engine, email(body), "eml") == []


def test_a_past_date_the_reader_asks_about_is_not_the_promises_deadline(engine):
    body = ("If you would like the caption page changed to November 4, please send an amended notice and we will "
            "reissue the page the same day.")
    assert found(engine, email(body, date="Tue, 10 Nov 2026 14:05:00 -0600"), "eml") == []
    # the promise's own past date still is
    late = found(engine, email("We will reissue the page on November 4.", date="Tue, 10 Nov 2026 14:05:00 -0600"),
                 "eml")
    assert [r for r, _, _ in late] == ["commitment.past-deadline"]


def test_a_replys_subject_still_dates_the_event_the_thread_is_about(engine):
    body = "Thanks for confirming. Our engineer will bring the spare valve on the day."
    assert found(engine, email(body, subject="Re: Your engineer visit on Tuesday 24 November"), "eml") == []
    assert found(engine, email(body, subject="Re: Your engineer visit"), "eml") != []


@pytest.mark.parametrize("body", [
    "We're in the area every Wednesday. Reply with your Eircode and I'll book you in.",
    "You can pay by bank transfer. Or ring me on 057 932 4412 and I'll take a card payment over the phone.",
    "Could you send me two dates that suit? I'll confirm one of them the day I hear from you.",
    "Please send a corrected invoice. We will pay it within our usual 30 days once it arrives.",
    "Your fee is fine, and we will pay on receipt of your invoice as usual.",
    "Could we collect the flasks on Thursday 19 November, around 10? I'll bring the insulated crates.",
    "Thanks for the assessment; you'll have the quote within 2 working days.",
    # a fixed offset from an act is a schedule; the reader's own call is the time
    "The deposit is set up. We will send every statement 10 days before we collect the money.",
    "Our crew will text you an hour before they arrive.",
    "We'll email a reminder 3 working days before your renewal date.",
    "We'll unlock the account while you're on the phone with us and take you through the new PIN.",
    "The part leaves our Leeds depot on Thursday 10 December. I'll text you the tracking code the day it leaves.",
    "Your draft goes to you at 9am on Tuesday 8 December; I will send the index by the same time.",
    "The night guard will walk the loading bay every 40 minutes.",
    "The price list is attached. Jess will call you on Monday 10\nMay at 9:30 am to go through your quotes.",
    "I'm on the stand all day on Thursday 10 December. Come and find me there and I'll walk you through the new till.",
])
def test_times_the_reader_sets_or_the_message_gives(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body,rule", [
    ("Or we could wait and I'll call the courier.", "commitment.no-time"),
    ("We collect feedback from every customer. I'll bring the crates.", "commitment.no-time"),
    ("My colleague Dave and I will sort it soon.", "commitment.vague-time"),
])
def test_near_misses_of_those_times_stay_open(engine, body, rule):
    assert [r for r, _, _ in found(engine, email(body), "eml")] == [rule]


@pytest.mark.parametrize("body", [
    "Reply to this email and one of us will get back to you within 1 business day.",
    "Sign the renewal form and send it back by 17 December. I'll book the first visit when I receive it.",
    "The extra hour is $60, which I'll add to your final invoice.",
    "If the freezer goes above -15C, call dispatch on 614-555-0190 and we'll treat it as an emergency.",
    "I've put 30 minutes in your calendar for Thursday 3 December at 10 AM. We'll go through the draft contract "
    "with you.",
    "Your demo is booked for Friday 4 December at 2pm. I'll show you the reporting screens.",
])
def test_owners_triggers_and_meetings_that_make_a_promise_clear(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body,rule", [
    ("One of them will call you.", "commitment.no-owner"),
    ("We'll ship the pump as soon as we receive it from the factory.", "commitment.vague-time"),
    ("Our call is on Tuesday 24 November at 3pm. We'll look into the refund.", "commitment.no-time"),
    ("Our call is on Tuesday 24 November at 3pm. We'll take care of the refund.", "commitment.no-time"),
    ("Call the helpline and we'll look into it.", "commitment.no-time"),
])
def test_near_misses_of_owners_triggers_and_meetings(engine, body, rule):
    assert [r for r, _, _ in found(engine, email(body), "eml")] == [rule]


def test_a_report_after_a_hearing_the_message_dates_is_timed_by_it(engine):
    dated = "The subcommittee hearing is on Tuesday 24 November. We will send you a report following the hearing."
    assert found(engine, email(dated), "eml") == []
    undated = "I'll send the notes after the conference."
    assert [r for r, _, _ in found(engine, email(undated), "eml")] == ["commitment.vague-time"]


@pytest.mark.parametrize("body", [
    "Royal Mail aims to deliver Tracked 48 parcels within two working days.",
    "Acme Logistics hopes to deliver the pallet by Friday 27 November.",
    "Our fitting partner will fit them at your home on the date you choose.",
])
def test_a_firms_own_hedge_and_a_date_the_reader_picks(engine, body):
    assert found(engine, email(body), "eml") == []


def test_a_colleagues_hedge_is_still_the_senders(engine):
    body = "Leah will try to send the quote by Friday 27 November."
    assert [r for r, _, _ in found(engine, email(body), "eml")] == ["commitment.hedged"]


@pytest.mark.parametrize("body", [
    "I will send the group boarding pass by email on Monday 7 December.",
    "I will post the certificate by May 3.",
    "I'll email you the day it's ready.",
    "I'll refund the full $249.00 the day UPS scans it.",
    "I'll email you myself the day \"Ned Kelly's Country\" comes back in.",
    "Australia Post will email you the tracking link.",
    "When you arrive, we'll send a one-time unlock code while you stand at the door.",
])
def test_months_same_day_events_and_firms_are_no_unclear_promise(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body,rule", [
    ("We may send it on Friday 27 November.", "commitment.hedged"),
    ("We'll let you know when we can.", "commitment.vague-time"),
    ("Your refund for the second booking (CF-D-90114) will be processed in due course.", "commitment.no-owner"),
    ("We (the Leeds team) will call you soon.", "commitment.vague-time"),
    ("The remaining 14 reels will be converted in due course.", "commitment.no-owner"),
    ("Hopefully we can lock in the interpreters by Friday 27 November.", "commitment.hedged"),
])
def test_hedges_brackets_and_trade_services_still_count(engine, body, rule):
    assert [r for r, _, _ in found(engine, email(body), "eml")] == [rule]


def test_a_permission_and_its_terms_is_no_promise(engine):
    assert found(engine, email("Under the agreement we may do so only if we give 30 days' notice."), "eml") == []
    # a limit on what we are allowed to do
    assert found(engine, email("The footage is private: we may only release it to the police."), "eml") == []
    assert [r for r, _, _ in found(engine, email("We may refund it on Friday 27 November."), "eml")] == \
        ["commitment.hedged"]


def test_a_programme_item_someone_else_gives_is_no_promise(engine):
    body = "At the dinner we'll have the usual economic update from Lara Lindqvist and Gavin Dee."
    assert found(engine, email(body), "eml") == []
    assert [r for r, _, _ in found(engine, email("We'll have the quote ready for you soon."), "eml")] == \
        ["commitment.vague-time"]


@pytest.mark.parametrize("body", [
    "We will replace the 12 kits at no charge. Chris will dispatch them from Durham on Monday 30 November.",
    "I'll book the crew for the first weekday after we receive it.",
    "We will pay the rest of the invoice on our normal 30-day terms.",
    "We will credit the shipping charge against your December invoice.",
    "We will hold the samples until your investigation is complete.",
    "Could we meet on Tuesday 24 November at 2pm? I'll bring Jess from our marketing team.",
])
def test_the_next_sentence_terms_bills_and_the_readers_own_events_give_the_time(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body,rule", [
    ("We'll replace the kettle. Our courier collects parcels on Fridays.", "commitment.no-time"),
    ("still chasing the workshop about the wig. will let you know", "commitment.no-time"),
    ("We will hold the samples until the lab is ready.", "commitment.no-time"),
])
def test_near_misses_of_the_next_sentence_and_a_hurried_note(engine, body, rule):
    assert [r for r, _, _ in found(engine, email(body), "eml")] == [rule]


@pytest.mark.parametrize("body", [
    "We will delete the scans in January 2035, when the eight years are up.",
    "I will share both reports through our portal on the same business day.",
    "Brodie will check the plaster has dried and tell you when it's ready for paint.",
    "Go to the results page, type the email address you booked with, and we'll send a code to your mobile.",
    "I'll email the results to the insurer this afternoon. I'll copy you in so you can see what was sent.",
    "We'll arrive at 8:30am on Tuesday 24 November. We'll lift a few boards on the landing and spray the timbers.",
    "We'll arrive at 8:30am on Tuesday 24 November. I'll text you when we're packing up.",
    "We'll send the report to you, as the landlord's agent, within 5 working days of the survey.",
    "We will post an update on our status page at each step of the timetable above.",
    # a step of a plan the message dates is part of that plan (session 13: 13 of 30 clean-item false alarms on the
    # development sets were such steps; none of the 61 right findings was)
    "We'll arrive at 8:30am on Tuesday 24 November. We'll send the invoice.",
    "Your refund of £40 went back to your card today. I'll call you at 10am on Friday 27 November, and I'll email "
    "you a receipt.",
])
def test_years_same_day_notices_readers_steps_and_a_dated_arrival(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body,rule", [
    ("We'll send the new catalogue sometime in January.", "commitment.vague-time"),
    ("We'll let you know when it's back in stock.", "commitment.vague-time"),
    ("I'll call you at 10am on Tuesday 24 November. We'll replace the part.", "commitment.no-time"),
    ("I'll call you at 10am on Tuesday 24 November. We'll look into the charge.", "commitment.no-time"),
    ("We'll send the invoice.", "commitment.no-time"),
    ("Please reply with two mornings next week that suit you, and we'll fit you in as soon as we can.",
     "commitment.vague-time"),
    ("Hopefully we'll have it out to you early next week.", "commitment.hedged"),
])
def test_near_misses_of_years_notices_and_arrivals(engine, body, rule):
    assert [r for r, _, _ in found(engine, email(body), "eml")] == [rule]


@pytest.mark.parametrize("body", [
    "Our insurer handles those claims, and I will send you their form the day you ask for it.",
    "Here's the plan:\n- About 8:15pm: over the castle, Shane will hand you the ring box.",
    "Here's the plan:\n- 6:00-8:00pm: families try instruments. We'll bring about 120 instruments.",
    "Stop by our store any day this week, 10am-6pm, and we'll swap it at the counter.",
    "1. I'll meet you both at the field at 4:30pm on Saturday 28 November.\n"
    "2. With the basket on the ground, we'll practise getting in through the door.",
])
def test_a_time_labelled_line_a_dated_meeting_and_the_readers_ask(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body", [
    "Your order is packed. You will receive another email when it ships.",
    "We'll email you once your parcel has been dispatched.",
    "I'll text you as soon as the frames are on their way.",
])
def test_a_notice_when_the_order_ships_is_timed_by_the_shipment(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body,rule", [
    ("We'll email you when the supplier gets back to us.", "commitment.vague-time"),
    ("You will receive another email.", "commitment.no-time"),
])
def test_near_misses_of_a_notice_at_shipment(engine, body, rule):
    assert [r for r, _, _ in found(engine, email(body), "eml")] == [rule]


@pytest.mark.parametrize("body", [
    "We'll send you a usage report every week.",
    "Your technician will inspect the bait boxes at every quarterly visit.",
    "We will check the traps at your annual service.",
    "We'll review your rates quarterly.",
    "I'll call you on Monday 7 December with their result, and I'll tell you then when Tom can refit it.",
])
def test_a_cadence_and_then_after_the_object_give_the_time(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body,rule", [
    ("We'll send you a usage report.", "commitment.no-time"),
    ("We'll fix it then you can ride it.", "commitment.no-time"),
    ("We will check the traps every so often.", "commitment.no-time"),
])
def test_near_misses_of_a_cadence(engine, body, rule):
    assert [r for r, _, _ in found(engine, email(body), "eml")] == [rule]


@pytest.mark.parametrize("body", [
    "I've sent an invite for Thursday 11 March, 3pm. On the call we'll walk you through three layouts. "
    "Afterwards Aoife will turn your favourite into a first design.",
    "Aoife will turn your favourite into a first design, and we'll send it to you by Friday 19 March.",
    "Thursday 18 March at 14:00 suits. I'll come to you at Little Island with the trend report.",
])
def test_afterwards_a_step_the_dated_promise_picks_up_and_coming_to_an_accepted_time(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body,rule", [
    ("We'll repair the hinge, and we'll post the invoice on Friday 19 March.", "commitment.no-time"),
    ("Thanks for the update. I'll come to you at Little Island with the trend report.", "commitment.no-time"),
    ("The new portal works from Friday 19 March. I'll come to you with the trend report.", "commitment.no-time"),
])
def test_near_misses_of_a_picked_up_step_and_an_accepted_time(engine, body, rule):
    assert [r for r, _, _ in found(engine, email(body), "eml")] == [rule]


@pytest.mark.parametrize("body", [
    "Ryan will dose and test the pool every morning at 7am until the controller is fixed.",
    "We suggest doing the work in the school holidays, from Monday 5 April. For those days we will place a hire "
    "set at the school at no extra charge.",
    "Our crew will start on Wednesday 14 April at 8am. Marcus will text you when they arrive and again when "
    "they're finished.",
])
def test_a_daily_round_those_days_and_the_crews_own_arrival(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body,rule", [
    ("The cartridge is clogged, so I'll give it a proper clean at some point.", "commitment.vague-time"),
    ("We will place a hire set at the school.", "commitment.no-time"),
])
def test_a_service_said_with_give_and_those_days_without_dates(engine, body, rule):
    assert [r for r, _, _ in found(engine, email(body), "eml")] == [rule]


@pytest.mark.parametrize("body", [
    "I've removed that surcharge, and I'll send you the corrected invoice (USD 360.00 in surcharges instead of "
    "USD 405.00) by Friday 5 March.",
    "We will ask for a new deposit if you request an upgrade.",
    "You will receive no further marketing messages from us.",
    "A licence may be transferred once, to a company that takes over the project.",
    "I'll fix the status by 3pm today. You'll get the automatic email when I do.",
])
def test_asides_offers_stops_rules_and_the_moment_of_a_dated_act(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body,rule", [
    # an aside with a verb of its own is a clause: what follows it is outside the promise
    ("We'll fix the hinge (the courier said it was damaged when it arrived at the depot) on Friday.",
     "commitment.no-time"),
    ("We will ask for a new deposit.", "commitment.no-time"),
    ("You will receive a further message from us.", "commitment.no-time"),
    ("Your licence will be transferred.", "commitment.no-owner"),
])
def test_near_misses_of_asides_offers_stops_and_rules(engine, body, rule):
    assert [r for r, _, _ in found(engine, email(body), "eml")] == [rule]


@pytest.mark.parametrize("body,rule", [
    # a bare "so" before "hoping to" is a result, and "have it out to everyone" is a sending
    ("The Term 2 timetable is still being finalised, so we're hoping to have it out to everyone pretty soon.",
     "commitment.hedged"),
    ("The part is on back order, so we're going to get it over to you soon.", "commitment.vague-time"),
])
def test_a_result_after_so_and_a_sending_said_with_have(engine, body, rule):
    assert rule in [r for r, _, _ in found(engine, email(body), "eml")]


def test_a_purpose_after_so_is_still_no_promise(engine):
    body = "Please send the serial number so we can order the right part. I'll check stock by Friday 5 March."
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body", [
    "I'll call your main number at 7pm tonight to check the message plays. I'll email you the result straight after.",
    "I'll check eBay's status at 2pm and again at 5pm today. I'll switch the listings back on at the first check "
    "where eBay is working.",
    "I'll fit the pane myself on Monday 15 March between 9 and 11am, and I'll check the other windows while I'm there.",
    # the next promise takes up the same work and dates it
    "That's our doing, so we'll replace the pane at no cost to you. I'll fit it myself on Monday 15 March at 9am.",
])
def test_times_set_by_the_act_before_or_after(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body,rule", [
    ("We'll replace the pane at no cost to you. I'll call you on Monday 15 March about the invoice.",
     "commitment.no-time"),
    ("I'll switch the listings back on at the first chance.", "commitment.no-time"),
    ("A corrected invoice may be issued once the accounts team has reviewed the layout.", "commitment.hedged"),
])
def test_near_misses_of_times_set_nearby(engine, body, rule):
    assert rule in [r for r, _, _ in found(engine, email(body), "eml")]


@pytest.mark.parametrize("body", [
    # a hard-wrapped line that ends in a preposition runs on into the date
    "I would be glad to talk it through with you. I shall telephone you on\nThursday 11 March at 2pm, the time you "
    "suggested.",
    "Mick is booked for Wednesday 10 March at 8am. Mick will text you when he's on his way, and I'll text you when "
    "he's ten minutes out.",
    "We can book the hedge for Thursday 2 September, and I'll hold that date for you at this year's price.",
    "Fees may be paid annually or in four quarterly instalments at no extra cost.",
    # a slot weighed is no deadline, and a phone number's last group is no clock time
    "Ciarán will do the visit on Friday 12 March at 07:00. If that doesn't work, ring me on 086 555 0127 before "
    "17:00 today and we'll pick another morning.",
])
def test_wrapped_dates_notices_kept_dates_rules_and_slots_weighed(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body,rule", [
    ("I'll send the new price list this year.", "commitment.vague-time"),
    ("Your refund may be sent later.", "commitment.hedged"),
])
def test_near_misses_of_possessive_years_and_rules(engine, body, rule):
    assert rule in [r for r, _, _ in found(engine, email(body), "eml")]


@pytest.mark.parametrize("body", [
    "I'll text you when I'm 15 minutes away.",
    "I'll ring you as soon as the marquee is up.",
    "We'll call you the moment the van leaves the yard.",
    "We'll email you the tracking number when it leaves.",
    "Your delivery is booked for Thursday 10 December. The driver will text you an hour before arrival.",
    "The driver will text you an hour before arrival.",
])
def test_a_notice_at_an_event_is_timed_by_the_event(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("body", [
    "I'll let you know when we can fit you in.",
    "I'll email you when it's back in stock.",
    "We'll update you once we know more.",
    "We'll email you the invoice once we can.",
])
def test_a_notice_that_waits_on_the_sender_or_on_news_is_still_unclear(engine, body):
    assert found(engine, email(body), "eml") != []


@pytest.mark.parametrize("body,rule", [
    ("Kylie will be in touch in the coming days about the refund.", "commitment.vague-time"),
    ("Your revised offer will be ready in the next day or two.", "commitment.vague-time"),
])
def test_a_colleague_in_touch_and_a_day_or_two_are_unclear(engine, body, rule):
    assert [r for r, _, _ in found(engine, email(body), "eml")] == [rule]


@pytest.mark.parametrize("body", [
    "Kylie will be in touch with the supplier in the coming days.",
    "Tom will be in on Monday.",
])
def test_a_colleague_in_touch_with_someone_else_or_in_the_office_is_no_promise(engine, body):
    assert found(engine, email(body), "eml") == []


@pytest.mark.parametrize("promise", [
    "We'll hopefully get Ella back in the car next week with her usual instructor.",
    "I'll try to ring him at some point tomorrow.",
])
def test_what_the_sender_hopes_or_tries_to_do_about_a_grievance_is_waited_on(engine, promise):
    grievance = f"Hi Sam,\n\nI'm sorry to hear the lesson was cancelled again.\n\n{promise}\n\nThanks,\nAna\n"
    routine = f"Hi Sam,\n\nThe rota for March is attached.\n\n{promise}\n\nThanks,\nAna\n"
    assert found(engine, grievance, kind="txt")
    assert not found(engine, routine, kind="txt")


@pytest.mark.parametrize("text", [
    "We'll have the hotel options for you before long.",
    "We'll hopefully have the survey report to you by Thursday 10 December.",
])
def test_having_something_for_or_to_the_reader_is_a_delivery_promise(engine, text):
    assert found(engine, f"Hi Sam,\n\n{text}\n\nThanks,\nAna\n", kind="txt")


def test_a_hedged_arrival_of_what_the_reader_is_owed_is_a_promise(engine):
    text = "Hi Sam,\n\nReplacement units should be ready sometime next week.\n\nThanks,\nAna\n"
    assert [r for r, _, _ in found(engine, text, kind="txt")] == ["commitment.vague-time"]


@pytest.mark.parametrize("text,rule", [
    # "we" left out before a hedged modal
    ("Should have it back to you in a week or two.", "commitment.hedged"),
    # a result promised for part of the order
    ("We should have most of them finished by the end of next week, hopefully.", "commitment.hedged"),
    # a notice that waits on the sender's own planning
    ("We'll let you know once we've worked out the new rota.", "commitment.vague-time"),
])
def test_dropped_subject_partial_result_and_own_planning_are_unclear(engine, text, rule):
    assert rule in [r for r, _, _ in found(engine, text)]


@pytest.mark.parametrize("body", [
    # "on that date" / "After that": the date the text has just given
    "You have until Monday 3 May to clear the beds. I will walk the bed with you on that date.",
    "We need your final design by Wednesday 18 November at 5pm. After that we will bake the design we have.",
    # the reader's act asked as a question sets the time of what follows
    "Could you please send me a list of the missing tools by Friday 16 April? I will add it to our report.",
    # our own arrival on a day the message dates
    "I will deliver the cake on Saturday 21 November between 10am and 11am. When I arrive, I will set it up.",
    # a colleague with helpers, dated
    "Iain and two volunteers will cut the hedge back on Saturday 1 May at 10am.",
])
def test_times_given_by_the_text_around_the_promise(engine, body):
    assert found(engine, email(body, date="Mon, 12 Apr 2027 10:00:00 +0100")) == []


def test_a_promise_made_again_with_a_date_is_dated(engine):
    body = ("This was our operator's error, and Harbour Snow will pay for the repair.\n\nHere is what happens next:\n\n"
            "1. Please email me the estimate when you have it.\n2. We will pay the shop directly within 10 business "
            "days of receiving its invoice.")
    assert found(engine, email(body)) == []


def test_an_open_look_is_not_dated_by_a_later_dated_look(engine):
    body = "I'll look into the charge. I'll look at your booking on Monday 23 November at 10am."
    assert [r for r, _, _ in found(engine, email(body))] == ["commitment.no-time"]


@pytest.mark.parametrize("text,rule", [
    ("We will try our best to send a technician by this Saturday.", "commitment.hedged"),
    ("Will update you once I get the delivery date.", "commitment.no-time"),
])
def test_trying_our_best_and_a_notice_waiting_on_news(engine, text, rule):
    assert rule in [r for r, _, _ in found(engine, text)]


def test_a_lead_to_a_list_is_not_the_promise_and_a_colleagues_undated_step_is_no_time(engine):
    lead = "Here is how we will work together:\n\n- We reply to every email within 1 business day."
    assert found(engine, email(lead)) == []
    waits = "I'll send the new timetable out once Orla has confirmed the hall for the extra Saturday class."
    assert [r for r, _, _ in found(engine, email(waits))] == ["commitment.vague-time"]


@pytest.mark.parametrize("body", [
    "Learners get a certificate, which Ofsted will expect to see on your staff files.",
    "It's great the team enjoyed it, and I'll pass your message on to Fiona.",
    "If anything got wet, we'll pay for anything that was damaged.",
])
def test_an_expectation_a_thanks_relayed_and_a_standing_offer_are_no_promises(engine, body):
    assert found(engine, email(body)) == []


def test_a_date_of_the_readers_own_past_act_does_not_date_the_promise(engine):
    body = "I will refund the £720.00 you paid on 15 February in full."
    assert [r for r, _, _ in found(engine, email(body, date="Mon, 1 Mar 2027 10:00:00 +0000"))] == \
        ["commitment.no-time"]


def test_someone_sent_out_is_a_promise_and_work_on_site_is_dated_by_the_visit(engine):
    hedged = "We should have the gate vendor out sometime this week to look at the latch."
    assert [r for r, _, _ in found(engine, email(hedged))] == ["commitment.hedged"]
    visit = ("You're booked for Thursday 19 November, arrival between 8 and 10am. Marc will recalibrate the camera "
             "on site and give you a printed report. You'll get a text when he's on his way.")
    assert found(engine, email(visit)) == []


def test_a_policy_stated_for_a_general_case_is_no_promise(engine):
    policy = "If the fare is less, the residual value will be issued as an electronic credit."
    assert found(engine, email(policy)) == []
    specific = "If the part is in stock, it will be sent soon."
    assert [r for r, _, _ in found(engine, email(specific))] == ["commitment.no-owner"]


def test_care_taken_a_habit_and_whoever_arrives_first(engine):
    assert found(engine, email("I'll take extra care there. We will always ring you before we leave.")) == []
    meeting = "See you at the cafe on Friday 20 November at 10am. I'll grab a table if I get there first."
    assert found(engine, email(meeting)) == []
    assert [r for r, _, _ in found(engine, email("I'll take care of the refund."))] == ["commitment.no-time"]


def test_a_remedy_in_the_passive_is_a_promise_in_a_reply_to_a_grievance(engine):
    sorry = "I'm sorry about the double charge. The duplicate charge will be reversed once it's been reviewed."
    assert [r for r, _, _ in found(engine, email(sorry))] == ["commitment.no-owner"]
    plain = "The duplicate charge will be reversed once it's been reviewed."
    assert found(engine, email(plain)) == []
    kit = "I'm sorry the frame arrived without its fixings. The hardware kit should ship out sometime next week."
    assert [r for r, _, _ in found(engine, email(kit))] == ["commitment.vague-time"]


def test_at_a_dated_home_visit_the_senders_acts_are_the_visit_but_follow_ups_are_not(engine):
    visit = ("I've booked you in for a trim at your flat on Wednesday 26 May at 6pm. I'll knock at the back door, "
             "and I'll sweep up after myself. Your hair will be washed first.")
    assert found(engine, email(visit, date="Mon, 24 May 2027 10:00:00 +0100")) == []
    follow_up = ("I've booked you in for a trim at your flat on Wednesday 26 May at 6pm. I'll send you the price list "
                 "for colours.")
    assert [r for r, _, _ in found(engine, email(follow_up, date="Mon, 24 May 2027 10:00:00 +0100"))] == \
        ["commitment.no-time"]
    refund = ("I've booked you in for a trim at your flat on Wednesday 26 May at 6pm. Your deposit will be refunded "
              "to your card.")
    assert [r for r, _, _ in found(engine, email(refund, date="Mon, 24 May 2027 10:00:00 +0100"))] == \
        ["commitment.no-owner"]


def test_a_release_to_come_is_vague_and_a_plan_for_a_period_is_not_a_time(engine):
    fix = "I'm sorry the app keeps crashing. The fix should be out in the next update."
    assert [r for r, _, _ in found(engine, email(fix))] == ["commitment.vague-time"]
    plan = "I will bring a draft budget for the coming year to our meeting on Tuesday 17 November at 10am."
    assert found(engine, email(plan)) == []
    period = "I will send a draft budget in the coming year."
    assert [r for r, _, _ in found(engine, email(period))] == ["commitment.vague-time"]


def test_something_the_reader_is_owed_arriving_and_a_report_of_its_prospect(engine):
    sorry = "I'm sorry about the mix-up. The credit will go on your next invoice, hopefully."
    assert [r for r, _, _ in found(engine, email(sorry))] == ["commitment.hedged"]
    report = "Under the new order, the prospect of refunds will be available from January."
    assert found(engine, email(report)) == []


def test_a_team_reverting_in_due_course_and_the_day_of_a_thing_sent_later(engine):
    assert [r for r, _, _ in found(engine, email("Our accounts team will revert in due course."))] == \
        ["commitment.vague-time"]
    notes = "I will send you the notes from today's meeting soon."
    assert [r for r, _, _ in found(engine, email(notes))] == ["commitment.vague-time"]


def test_what_was_down_coming_back_soon_is_awaited_only_in_a_reply_to_a_grievance(engine):
    sorry = "I'm sorry the booking site went down this morning. The booking site will be live again soon."
    assert [r for r, _, _ in found(engine, email(sorry))] == ["commitment.vague-time"]
    news = "The new booking site will be live soon."
    assert found(engine, email(news)) == []


def test_steps_taken_on_a_grievance_in_the_passive_are_promises(engine):
    sorry = ("I'm sorry the calibration is late. The certificates will be shared after final approval.")
    assert [r for r, _, _ in found(engine, email(sorry))] == ["commitment.no-owner"]
    plain = "The certificates will be shared after final approval."
    assert found(engine, email(plain)) == []


def test_a_call_just_before_the_dated_visit_is_dated_by_it(engine):
    body = ("Your two tonnes are on tomorrow's run, Tuesday 17 November, on our own lorry. Callum will phone you "
            "before he comes up the road.")
    assert found(engine, email(body)) == []


def test_texts_at_the_stages_of_a_dated_job_are_dated_by_it(engine):
    body = ("Hemi has your header booked in for Thursday 19 November at 7am and will have it finished by 5pm that day. "
            "You'll get JobTrack texts when work starts and when it's done.")
    assert found(engine, email(body)) == []


def test_a_promise_that_waits_on_the_readers_say_so_is_an_offer(engine):
    assert found(engine, email("We will share your records with the locum only if you agree.")) == []
    assert found(engine, email("With your permission, we'll pass your number to the installer.")) == []
    assert [r for r, _, _ in found(engine, email("We will share your records with the locum."))] == \
        ["commitment.no-time"]


@pytest.mark.parametrize("text,rule", [
    ("Once you send the signed form, our team will be in touch shortly.", "commitment.vague-time"),
    ("As soon as the photos arrive, I'll book the engineer soon.", "commitment.vague-time"),
    ("As soon as you reply, I'll release the funds.", None),
    ("Once the part arrives, we'll fit it the same day.", None),
])
def test_a_vague_delay_after_the_readers_trigger_is_still_vague(engine, text, rule):
    """The reader's act starts the clock; "shortly" after it still leaves them unable to plan."""
    rules = {r for r, _, _ in found(engine, email(text))}
    assert (rule in rules) if rule else not rules, rules
