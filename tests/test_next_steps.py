"""next-step.missing: one finding per message that never says what happens next."""
from __future__ import annotations

import pytest

from tonecheck.config import Config
from tonecheck.engine import Engine


@pytest.fixture(scope="module")
def engine():
    return Engine(Config(select=("next-step", "commitment")))


def missing(engine, text, kind=None):
    return [f for f in engine.check_text(text, kind=kind) if f.rule == "next-step.missing"]


def email(body, to="Ana Ruiz <ana@example.com>", sender="Sam Okafor <sam@shop.example>"):
    return (f"From: {sender}\nTo: {to}\nDate: Mon, 16 Nov 2026 10:00:00 -0700\nSubject: Your order\n"
            f"Content-Type: text/plain; charset=utf-8\n\n{body}\n")


@pytest.mark.parametrize("body", [
    "Hi Ana,\n\nYes, the tent comes with stakes.\n\nLet me know if you have any other questions.\n\nBest,\nSam",
    "Hi Ana,\n\nI'm sorry the zip broke. We take quality seriously.\n\nThanks for your patience.\n\nSam",
    "Hi Ana,\n\nI've passed this to the returns team. They'll sort it soon.\n\nKind regards,\nSam",
    "Hi Ana,\n\nWe're looking at your claim.\n\nFeel free to reach out if you need anything.\n\nCheers,\nSam",
    "Hi Ana,\n\nIf you'd like a different colour, let us know and we'll change it.\n\nRegards,\nSam",
    "Hi Ana,\n\nI'm sorry the class on Monday 16 November was cancelled.\n\nRegards,\nSam",
    "Hi Ana,\n\nWe're hoping to reopen the pool on Monday 30 November.\n\nRegards,\nSam",
    "Hi Ana,\n\nThe repair is £80. We should be able to get you booked in before Christmas.\n\nRegards,\nSam",
    # a call the sender only tries to arrange; a calendar full until a date
    "Hi Ana,\n\nOur evenings are fully booked until 15 December. I'll try to get Sam to give you a call next week."
    "\n\nCheers,\nSam",
])
def test_missing(engine, body):
    fs = missing(engine, email(body), "eml")
    assert len(fs) == 1, [f.excerpt for f in fs]


@pytest.mark.parametrize("body", [
    "Hi Ana,\n\nI'll call you tomorrow at 10 to go through the options.\n\nBest,\nSam",
    # the sender's plan in the present with a date; advice on what to do; an imperative after "so"; a dated class
    # that "your teacher will run"
    "Hi Ana,\n\nI'm moving your class to Room 2 from Monday 23 November.\n\nBest,\nSam",
    "Hi Ana,\n\nOur billing system emails the corrected invoice at 5pm today.\n\nBest,\nSam",
    "Hi Ana,\n\nIt's best to contact the landlord directly about the boiler.\n\nBest,\nSam",
    "Hi Ana,\n\nA larger unit opened up. I can move you over any day this week. Which day works?\n\nBest,\nSam",
    "Hi Ana,\n\nI can measure up on Monday 7 December at 9am or Tuesday 8 December at 2pm. Which suits?\n\nBest,\nSam",
    "Hi Ana,\n\nYour spare key is ready, so you can pick it up any weekday from 9am to 5pm.\n\nBest,\nSam",
    "Hi Ana,\n\nThe boiler is running again. Everything is done on our side, and the job is now closed.\n\nBest,\nSam",
    "Hi Ana,\n\nTo quote, I need a photo of the meter. Once I have it, you'll have the quote from me within 2 working "
    "days.\n\nBest,\nSam",
    "Hi Ana,\n\nPlaces are limited, so book in the app by Friday 27 November.\n\nBest,\nSam",
    "Hi Ana,\n\nWe've added a free class on Saturday 21 November at 10:00. Your usual teacher will run it."
    "\n\nBest,\nSam",
    "Hi Ana,\n\nPlease reply with your order number so I can find the parcel.\n\nBest,\nSam",
    "Hi Ana,\n\nTo swap the size, click Exchange in your account by Friday.\n\nBest,\nSam",
    "Hi Ana,\n\nI've refunded the shipping fee. Nothing else is needed from you.\n\nBest,\nSam",
    "Hi Ana,\n\nI've cancelled the order as you asked, and this request is now closed.\n\nSam",
    "Hi Ana,\n\nLet's go through the range on a video call on Tuesday at 2pm.\n\nBest,\nSam",
    "Hi Ana,\n\nLost parcels are handled by the carrier, so you'll need to file a claim with them.\n\nSam",
    "Hi Ana,\n\nCould you send me a photo of the damaged seam?\n\nThanks,\nSam",
    "Hi Ana,\n\nTanvir called you this morning, and he will reinstall the driver at 10 am on Tuesday.\n\nBest,\nSam",
    "Hi Ana,\n\nWe booked you in at 10 am on Tuesday for the driver.\n\nBest,\nSam",
    "Hi Ana,\n\nOur crew was there at 7:55 a.m. If you would like a slot before 7:30 a.m., I will send you a price "
    "by Friday 27 November.\n\nBest,\nSam",
    "Hi Ana,\n\nThe plan may cost more than paying as you go. I'd suggest booking a first check in the app and "
    "deciding after that.\n\nBest,\nSam",
    "Hi Ana,\n\nLet me know by Friday which colour you'd prefer.\n\nBest,\nSam",
    "Hi Ana,\n\nGreat choice! Pitch it once in the garden before your trip.\n\nSam",
    # a closed call; a sum due by a date still ahead
    "Hi Ana,\n\nWith the door closed the room holds 4C. I've closed the call.\n\nSam",
    "Hi Ana,\n\nThe trip charge stands. It's on invoice INV-26-2044, due by 1 December.\n\nSam",
])
def test_present(engine, body):
    assert missing(engine, email(body), "eml") == []


def test_finding_sits_on_the_sign_off_and_adapts_its_suggestion(engine):
    body = "Hi Ana,\n\nYour refund will be processed in due course.\n\nKind regards,\nSam"
    fs = missing(engine, email(body), "eml")
    assert len(fs) == 1
    assert fs[0].excerpt == "Kind regards,"
    assert "dated promise" in fs[0].suggestion
    body = "Hi Ana,\n\nYes, it has pit zips.\n\nLet me know if you have any questions.\n\nBest,\nSam"
    fs = missing(engine, email(body), "eml")
    assert "Let me know if you have any questions" not in fs[0].suggestion or "specific" in fs[0].suggestion


def test_internal_mail_is_not_judged(engine):
    body = "Thanks, got it."
    assert missing(engine, email(body, to="Dev <dev@shop.example>"), "eml") == []
    assert len(missing(engine, email(body, to="Ana <ana@example.com>"), "eml")) == 1


def test_mail_addressed_to_nobody_is_not_judged(engine):
    body = "Hi Ana,\n\nThanks, got it.\n\nSam"
    no_to = email(body).replace("To: Ana Ruiz <ana@example.com>\n", "")
    assert "To:" not in no_to
    assert missing(engine, no_to, "eml") == []
    cc_only = email(body).replace("To: Ana Ruiz <ana@example.com>", "Cc: Ana Ruiz <ana@example.com>")
    assert len(missing(engine, cc_only, "eml")) == 1
    assert len(missing(engine, body)) == 1          # a plain-text draft has no headers: still judged


def test_configured_internal_domains():
    eng = Engine(Config(select=("next-step",), internal_domains=("warehouse.example",)))
    text = email("Thanks, got it.", to="Dev <dev@warehouse.example>")
    assert [f for f in eng.check_text(text, kind="eml") if f.rule == "next-step.missing"] == []


def test_web_pages_and_plain_prose_are_never_flagged(engine):
    page = "# Returns\n\nOur return window is 60 days. Let us know if you have any questions.\n"
    assert missing(engine, page, "md") == []
    assert missing(engine, "<html><body><p>Our return window is 60 days.</p></body></html>", "html") == []
    assert missing(engine, "Our return window is 60 days.") == []      # no greeting or sign-off: not a message


def test_plain_text_draft_that_looks_like_a_message(engine):
    assert len(missing(engine, "Hi Ana,\n\nThanks for your note.\n\nBest,\nSam")) == 1


def test_quoted_requests_do_not_count(engine):
    body = ("Hi Ana,\n\nThanks for the photos.\n\nBest,\nSam\n\n"
            "On Sun, Nov 15, 2026 at 7:48 PM Ana Ruiz <ana@example.com> wrote:\n"
            "> Please send me a replacement by Friday.\n")
    assert len(missing(engine, email(body), "eml")) == 1


def email_dated(body, date="Tue, 29 Dec 2026 10:00:00 +0000"):
    return (f"From: Jo <jo@homeco.example>\nTo: Nell <nell@example.com>\nDate: {date}\nSubject: Your order\n"
            f"Content-Type: text/plain; charset=utf-8\n\nHi Nell,\n\n{body}\n\nKind regards,\nJo\n")


@pytest.mark.parametrize("body", [
    "Your delivery slot is Saturday 9 January, 8am to noon.",
    "I've booked you in with our fitters for Tuesday 5 January.",
    "Your survey appointment is confirmed for 6 January between 1pm and 5pm.",
    "Your collection window is Monday 4 January, 7am to 11am. Thanks for bearing with us.",
    "The refund for the broken lamp is back on your card. That's all from our side, and we have closed the ticket.",
    "I've completed the exchange, and nothing else is needed.",
    "I've marked the case as resolved.",
])
def test_events_and_closures_are_next_steps(engine, body):
    assert missing(engine, email_dated(body), "eml") == []


@pytest.mark.parametrize("body", [
    "Your wardrobe was delivered on 22 December. Let me know if you have any questions.",
    "Deliveries run Mondays to Fridays, 8am to 6pm. Let me know if you have any questions.",
    "I've processed your refund. Let me know if you need anything else.",
    "Thanks for your patience. Let me know if you have any questions.",
    "Your delivery on Monday 21 December went well, I hope.",
    # work already done today, a meeting just held, and our own vague promise with "and keep you informed"
    "Hi Ana,\n\nTomasz finished the service on your boiler this afternoon. It passed every test.\n\nRegards,\nSam",
    "Hi Ana,\n\nLovely to meet you at the open day on Sunday. Any questions, just give me a shout.\n\nBest,\nSam",
    "Hi Ana,\n\nThe rain stopped work today. We will rebook the crew and keep you informed.\n\nRegards,\nSam",
    "Hi Ana,\n\nOur van broke down on the\nmotorway this morning, so the crew could not reach you.\n\nRegards,\nSam",
    "Hi Ana,\n\nThank you for meeting Priya at the site on Monday. Her notes are attached.\n\nRegards,\nSam",
    # a day named by a past act; a name before its past verb (not the imperative "Mark ..."); some Sunday, not a date
    "Hi Ana,\n\nThe photos our fitter took on Wednesday show the seal is fine. We'll look at the tap once the part is "
    "in.\n\nRegards,\nSam",
    "Hi Ana,\n\nMark gave us the right serial number at the counter on Friday. We'll update the warranty once the "
    "system is back.\n\nRegards,\nSam",
    "Hi Ana,\n\nOf course, we could send an engineer out on a Sunday night to watch the pool fill.\n\nRegards,\nSam",
    # done by a named person at a time; the formal open offer
    "Hi Ana,\n\nTanvir reinstalled the driver at 10.05 am on Tuesday, and the test page printed.\n\nRegards,\nSam",
    "Hi Ana,\n\nThe filter was replaced. Should you have any further enquiries, please feel free to contact the "
    "undersigned.\n\nRegards,\nSam",
    # the standing out-of-hours line asks nothing of this case
    "Hi Ana,\n\nThe clinic closes at 9pm. For emergencies after 9pm, please contact the 24-hour animal hospital."
    "\n\nRegards,\nSam",
])
def test_past_events_policies_and_bare_past_actions_are_not(engine, body):
    assert len(missing(engine, email_dated(body), "eml")) == 1


@pytest.mark.parametrize("body", [
    "hi Brendan,\n\nchangeover done at 4 Harbour View this morning, all good.\n\n"
    "nothing needed from you on this one.\n\nSean",
])
def test_nothing_needed_from_you_is_a_closure(engine, body):
    assert missing(engine, email_dated(body), "eml") == []


@pytest.mark.parametrize("body", [
    "Fosse told me this morning that they can visit on Tuesday 12 January. I'll pass on your number.",
    "If you would like to talk it over, my direct line is 0114 496 0733, and I am in the office until 5pm each day.",
    # a dated call whose second half is the reader's choice is still a dated promise
    "I will ring you at 10am on Wednesday 30 December to go through the options and, if you wish, to speak to your "
    "broker with you.",
])
def test_a_visit_arranged_this_morning_and_an_open_line_with_hours_are_next_steps(engine, body):
    assert missing(engine, email_dated(body), "eml") == []


def test_the_senders_dated_visit_is_a_next_step(engine):
    body = "Hi Pauline,\n\nI'll be at the yard on Friday 8 January at 8am and sweep the arena first.\n\nCallum"
    assert missing(engine, email_dated(body), "eml") == []




@pytest.mark.parametrize("body", [
    "Would it be possible to send me a photo of the label?",
    "Thanks for the photos. If you get a moment, could you check the serial number under the seat?",
    "Which delivery day would suit you best?",
    "Can we go through the quote on a call on Thursday at 11?",
    "I'd appreciate it if you could confirm the colour.",
    # a question put to readers by name, and times offered for them to pick
    "Ana and Tomas, what do you make of the new layout?",
    "Ana, does the warehouse have a view on the pallet size?",
    "I'd be glad to go through it with you. Tuesday or Wednesday next week would work for me.",
    # a meeting both sides know of, met with a time or the reader's return; how to reach the writer with what is needed
    "Thanks for the slides. See you next Tuesday.",
    "Confirmed 8:30, Thursday.",
    "Let's meet when you are back from Leeds.",
    "Look forward to meeting you at the depot.",
    "You can email me with the address and a time that suits.",
    "Tuesday works for me.",
    # the reader's form due with us by a date
    "If you'd like an exemption, the form is on the portal, and it needs to be in by Friday 30 July.",
])
def test_polite_asks_questions_and_joint_plans_are_requests(engine, body):
    assert missing(engine, email_dated(body), "eml") == []


@pytest.mark.parametrize("body", [
    "Did you know we now offer gift wrapping? Let me know if you have any questions.",
    "Let's see how the new cushions settle in. Thanks again for your order.",
    "How are you finding the new sofa? Let me know if you have any questions.",
])
def test_near_miss_questions_are_not_requests(engine, body):
    assert len(missing(engine, email_dated(body), "eml")) == 1


@pytest.mark.parametrize("body", [
    "FYI\n\nSam\n\n-----Original Message-----\nFrom: Ola <ola@example.org>\nSent: Monday\nTo: Sam\nSubject: stock\n\n"
    "The Leeds depot is out of the blue tents.",
    "Hi Ana,\n\nHere it is - the price list you asked about.\n\nSam",
    "Attached are the signed minutes.\n\nSam",
    "Hi Ana,\n\nhttps://shop.example/guides/tent-care\n\nSam",
    "Worth a read.\n\nSam\n\n---------- Forwarded message ---------\nFrom: Ola <ola@example.org>\nDate: Mon\n"
    "Subject: stock\nTo: Sam\n\nThe Leeds depot is out of the blue tents.",
])
def test_a_cover_note_that_hands_material_on_needs_no_next_step(engine, body):
    assert missing(engine, email(body), "eml") == []


def test_a_long_message_with_an_attachment_is_still_judged(engine):
    body = ("Hi Ana,\n\nAttached is the invoice. I'm sorry the tent arrived with a broken pole; we take quality "
            "seriously and our workshop has had a lot of these this season, which is frustrating for everyone, "
            "and we are reviewing the supplier's process with them at the moment.\n\nBest,\nSam")
    assert len(missing(engine, email(body), "eml")) == 1


def test_a_circular_to_a_list_is_not_judged(engine):
    to = ", ".join(f"p{i} <p{i}@example.org>" for i in range(12))
    body = "Hi all,\n\nThe spring catalogue is out, with the new tents on page four.\n\nSam"
    assert missing(engine, email(body, to=to), "eml") == []
    assert len(missing(engine, email(body), "eml")) == 1


def test_a_hedged_promise_is_named_as_hedged_not_as_undated(engine):
    fs = missing(engine, email("Hi Ana,\n\nWe should be able to fix it by Friday.\n\nBest,\nSam"), "eml")
    assert len(fs) == 1 and "is hedged" in fs[0].message and "should be able to" in fs[0].message
    assert "owner or date" not in fs[0].message


def test_mail_written_to_the_brand_owes_no_next_step():
    # a customer's or supplier's own message to the company is not one of the company's drafts
    from tonecheck.brandguide.compile import compile_brand
    eng = Engine(Config(select=("next-step", "commitment")))
    guide = compile_brand({"name": "Harbor Lane Coffee"}, eng, path="<t>")
    inbound = email("Hi,\n\nMy grinder arrived broken.\n\nAna", to="Help <help@harborlane.example>",
                    sender="Ana Ruiz <ana@example.com>")
    outbound = email("Hi Ana,\n\nThanks, got it.\n\nSam", to="Ana Ruiz <ana@example.com>",
                     sender="Sam <sam@harbor-lane.example>")
    assert [f for f in eng.check_text(inbound, kind="eml", brand=guide) if f.rule == "next-step.missing"] == []
    assert len([f for f in eng.check_text(outbound, kind="eml", brand=guide) if f.rule == "next-step.missing"]) == 1


@pytest.mark.parametrize("body", [
    "Yes, Phillippe left to join a firm in New York and I do not know which one.",
    "I think we should proceed the way Lee suggests, though I had another idea at first.\n\nDana",
])
def test_a_turn_in_a_running_conversation_is_not_a_letter_to_a_customer(engine, body):
    assert missing(engine, email(body), "eml") == []
    assert len(missing(engine, email("Hi Ana,\n\n" + body), "eml")) == 1      # addressed to them: judged
    # a salutation without a comma, as many write it
    assert len(missing(engine, email("Morning Ana\n\n" + body), "eml")) == 1
    assert len(missing(engine, email("Afternoon all,\n\n" + body), "eml")) == 1
    assert missing(engine, email("Morning deliveries are full this week.\n\n" + body), "eml") == []


def test_the_subject_can_date_the_event_a_reply_answers(engine):
    text = ("From: Sam Okafor <sam@shop.example>\nTo: Ana Ruiz <ana@example.com>\n"
            "Date: Fri, 4 Dec 2026 10:00:00 +0000\nSubject: Your site visit - Monday 14 December\n\n"
            "Hi Ana,\n\nThanks, I will attend.\n\nSam\n")
    assert missing(engine, text, "eml") == []
    assert len(missing(engine, text.replace("Monday 14 December", "our showroom"), "eml")) == 1


def test_the_subject_can_date_the_booking_the_work_belongs_to(engine):
    text = ("From: Sam Okafor <sam@shop.example>\nTo: Ana Ruiz <ana@example.com>\n"
            "Date: Fri, 4 Dec 2026 10:00:00 +0000\nSubject: Your installation is booked: Tuesday 8 December\n\n"
            "Hi Ana,\n\nYour installation is booked. Gareth will call you about 30 minutes before he arrives. "
            "He'll run the cable to the socket you chose.\n\nSam\n")
    assert [f.rule for f in engine.check_text(text, kind="eml")] == []


def test_without_a_brand_guide_only_a_customer_matter_owes_a_next_step(engine):
    """No brand guide in force: a personal note or thanks to a colleague names no order, booking, bill or fault,
    and owes no next step; the same note about an order does."""
    note = "Hi Ana,\n\nThanks for the photos from the conference. I am in Lisbon next week.\n\nSam"
    assert missing(engine, email(note).replace("Subject: Your order", "Subject: Lisbon"), "eml") == []
    about_an_order = "Hi Ana,\n\nThanks for the photos of the broken lamp. I am in Lisbon next week.\n\nSam"
    assert len(missing(engine, email(about_an_order).replace("Subject: Your order", "Subject: Lisbon"), "eml")) == 1


# ---- session 8: how crews and site staff write, and a legal footer under a short reply

@pytest.mark.parametrize("body", [
    "Crew on site 0630 Thu. Induction 0700.",
    "Tomorrow: WTG-05, on site 0630.",
    "Need 2 parking spots near the loading dock.",
    "Need from you by Friday:\n- permits for all six turbines\n- an induction slot for four people",
    "We'll need the signed permit from you before the crew can climb.",
])
def test_site_mail_times_and_terse_needs_are_next_steps(engine, body):
    assert missing(engine, email_dated(body, date="Mon, 4 Jan 2027 10:00:00 +0000"), "eml") == []


@pytest.mark.parametrize("body", [
    "The sample came back at 88% germination.\n\nAny questions, give me a shout.",
    "The sample came back at 88% germination.\n\nAny problems - just call us.",
    "Need a few more days on the report, sorry.",
    "Our engineers are on site every Monday.",
])
def test_a_shortened_generic_offer_or_the_senders_own_need_is_not(engine, body):
    assert len(missing(engine, email_dated(body), "eml")) == 1


def test_a_legal_footer_under_a_short_reply_does_not_make_it_a_cover_note(engine):
    body = ("Hi Ana,\n\nThank you for letting us know. A corrected invoice will be sent.\n\nTom\n\n"
            "CONFIDENTIALITY NOTICE: This message and any attachments may contain\ninformation that is privileged "
            "or confidential. If you are not the intended\nrecipient, please delete it and notify the sender.\n\n"
            "-----Original Message-----\nFrom: Ana Ruiz\nSent: Tuesday, November 17, 2026 10:20 AM\n"
            "To: Billing\nSubject: Invoice\n\nThis should be billed to my firm, not to me.\n")
    from tonecheck.readers import read_document
    doc = read_document("r.eml", data=email(body).encode())
    assert [q.kind for q in doc.context.quoted] == ["footer", "outlook"]
    assert len(missing(engine, email(body), "eml")) == 1


def test_saying_nothing_needs_sending_back_closes_a_refund(engine):
    body = ("I've refunded the full $22.50 to your card this afternoon; it can take 3 to 5 business days to show. "
            "You don't need to send the plant back.")
    assert missing(engine, email_dated(body), "eml") == []
    assert len(missing(engine, email_dated(body.replace(" You don't need to send the plant back.", "")), "eml")) == 1


def test_a_sum_due_by_a_past_date_is_not(engine):
    body = "Hi Ana,\n\nThe trip charge stands. It was on invoice INV-26-2044, due by 1 November.\n\nSam"
    assert len(missing(engine, email(body), "eml")) == 1


def test_this_closes_the_job_is_a_closure(engine):
    body = "Hi Ana,\n\nThe certificates are attached. All three scales passed. This closes job QL-J-22817.\n\nSam"
    assert missing(engine, email(body), "eml") == []


@pytest.mark.parametrize("sentence,asks", [
    ("Don't pay the $2,450 invoice.", True),
    ("Do not return the kit until we send a label.", True),
    ("Don't forget to bring the keys.", True),
    ("Don't worry about it.", False),
    ("Don't hesitate to call us.", False),
])
def test_a_negative_instruction_asks_the_reader_but_comfort_does_not(sentence, asks):
    from tonecheck.analysis.requests import is_request
    assert is_request(sentence) is asks


@pytest.mark.parametrize("sentence,asks", [
    ("Let us know if any questions come up.", False),
    ("Let me know if any further problems.", False),
    ("Please let us know if any other flats have the same leak, so we can add them.", True),
    ("Let me know if any of the three dates suit.", True),
    ("We will reschedule the crew and keep you informed.", False),
    ("Check the fuse and call me if it trips again.", True),
    ("That means our fitters can't adjust, test or refit them.", False),
    ("Head Fitter, Granite Pass Ski & Board", False),
    ("Kindly let me know should you require any further information.", False),
    ("Please check, sign and return the form.", True),
    ("To confirm, reply with the final number and pay the deposit.", True),
    ("Reply if you want one and Mel will invoice it.", True),
    ("Would Tuesday, October 20, at 2:00 p.m. work for you?", True),
    ("Would that work for you?", False),
    ("I can mark up the plan and send it back tomorrow if you send me the drawing.", True),
    ("If you sent it last week, it should be with us soon.", False),
])
def test_a_specific_let_me_know_asks_and_our_own_and_clause_does_not(sentence, asks):
    from tonecheck.analysis.requests import is_request
    assert is_request(sentence) is asks


@pytest.mark.parametrize("sentence,asks", [
    ("Please feel free to reach out for any further clarification.", False),
    ("Please do not hesitate to contact us if you have any questions.", False),
    ("Please feel free to call me on 555 0181 to book the repeat night.", True),
    ("Please, feel free to contact me again in September.", True),
])
def test_an_open_offer_with_please_is_no_request_but_a_specific_one_is(sentence, asks):
    from tonecheck.analysis.requests import is_request
    assert is_request(sentence) is asks


@pytest.mark.parametrize("sentence,asks", [
    ("Please remember there's a person at the other end of this email.", False),
    ("Please calm down and let our engineers do their work.", False),
    ("Please remember to bring your ID on the day.", True),
    ("Look, mate, I get that you're frustrated.", False),
    ("Listen, I hear you.", False),
    ("Look, Sam, send me the photos by Friday.", True),
    ("Look at the label on the back and send me the code.", True),
])
def test_a_reproach_or_a_discourse_marker_is_no_request(sentence, asks):
    from tonecheck.analysis.requests import is_request
    assert is_request(sentence) is asks


def test_a_name_signing_off_is_no_request_and_a_colleague_on_the_way_is_a_plan(engine):
    vague = "Hi Ana,\n\nThe damaged curb will be repaired in the spring.\n\nRegards,\nMark"
    assert missing(engine, email(vague), kind="eml")
    dated = "Hi Ana,\n\nDafydd is bringing the other four boxes tomorrow, Wednesday 20 January, before 11am."
    assert not missing(engine, email(dated), kind="eml")


def test_a_condition_then_an_instruction_is_a_request(engine):
    body = ("Hi Ana,\n\nThe dust is cleaned up. If that time doesn't work, text me a better one at the number "
            "below.\n\nTravis")
    assert not missing(engine, email(body), kind="eml")


@pytest.mark.parametrize("body,has_step", [
    ("Your 3 holds are on the hold shelf under your last name. Pickup window is 5 days.", True),
    ("Your parcel is ready to collect at the Harlan branch. We hold it for 7 days.", True),
    ("Your order is ready for pickup. You have 5 days to collect it.", True),
    ("Your order is ready for pickup.", False),
    ("I removed the charge today. You don’t need to do anything else.", True),          # a curly apostrophe
    ("If you upload the drawing by 10am tomorrow, I can have the panels cut for Tuesday.", True),
    ("If you want to dispute the fee, talk to your carrier.", True),
    ("Regarding your calls on Monday, our reception was busy.", False),                 # the reader's past calls
    ("We'll look at the tooling. Any questions in the meantime, please let me know.", False),
])
def test_a_readers_window_a_dated_condition_and_what_is_no_step(engine, body, has_step):
    assert missing(engine, email(body), kind="eml") is not has_step


def test_a_past_check_and_a_cancelled_subject_date_nothing(engine):
    past = ("Hi Ana,\n\nThose wheels were tasted and checked on Tuesday morning before they went on the van. "
            "I'll go back through the records when I get a chance.\n\nSam")
    assert missing(engine, email(past), kind="eml")
    cancelled = email("Hi Ana,\n\nSorry, have to cancel today. We'll try to get you back in later this week."
                      "\n\nMarc").replace("Subject: Your order", "Subject: Today's appointment", 1)
    assert missing(engine, cancelled, kind="eml")


@pytest.mark.parametrize("body,has_step", [
    ("Hi Tony,\n\nThe leak is at the brass fitting. Best to call the plumber.\n\nJess", True),
    ("Hi Ravi,\n\nWhat you can do is set rounding to 6 minutes for the whole firm.\n\nArjun", True),
    ("Hi Trev,\n\nI've reset the valve. Run zone 3 from the app tonight to check.\n\nMick", True),
    ("Hi Anna,\n\nThe wall needs a going over. In the meantime give the pots a good drink.\n\nJarrod", True),
    ("Hi Ann,\n\nI'll have your copies at the front desk by 4 pm today.\n\nDevin", True),
    ("Hi Sam,\n\nIf there's anything else Sinead needs, just let me know.\n\nLee", False),
    ("Hi Sam,\n\n- Mark raised the idea of moving the meeting.\n\nLee", False),
    ("Hi Sam,\n\nKindly note that the compressor was ordered on Wednesday.\n\nLee", False),
    ("Hi Sam,\n\nCanopy, filters and the fan are all done.\n\nLee", False),
    ("Hi Sam,\n\nOn Monday all the bays were full by 07:50 because of the conference.\n\nLee", False),
    ("Hi Sam,\n\nOur workshop is fully committed until the end of May.\n\nLee", False),
])
def test_advice_a_run_instruction_and_what_gives_no_step(engine, body, has_step):
    assert missing(engine, email(body), kind="eml") is not has_step


def test_a_same_day_subject_is_the_messages_topic(engine):
    body = email("Hi Sam,\n\nThe engineer found a worn belt and fitted a new one.\n\nLee").replace(
        "Subject: Your order", "Subject: FLT-0350 visit today", 1)
    assert missing(engine, body, kind="eml")


def test_a_hands_on_instruction_after_a_condition_is_a_next_step_and_a_write_up_dates_nothing(engine):
    from tonecheck.analysis.requests import is_request
    assert is_request("If it happens again, press Source twice and it'll come back.")
    assert not is_request("Press coverage was good.")
    assert not is_request("Wear and tear is not covered.")
    write_up = ("Quick round-up from today's visit to the school:\n\n- Swapped the toner in the office printer.\n"
                "- Updated all 30 laptops.\n\nAny questions, just give us a shout.")
    assert len(missing(engine, email_dated(write_up), "eml")) == 1
    with_step = write_up.replace("Any questions", "If the printer jams again, press the green button twice. Any "
                                                  "questions")
    assert missing(engine, email_dated(with_step), "eml") == []
