"""Whose promise, and to whom: future clauses that are not the sender's promise to the reader are not
commitments (reported speech, named third parties, purpose clauses, needs), and a promise whose time the reader
sets by acting first is clear. Sentences are invented; each family has near misses that must still be flagged."""
import pytest

from tonecheck.analysis.promise_frame import (obligation, purpose_clause, reader_acts_first, reader_waits,
                                              reported_speech)
from tonecheck.engine import Engine


@pytest.fixture(scope="module")
def engine():
    from tonecheck.config import Config
    # the promise frame alone: the model's verification of the hits is tested in test_learned.py
    return Engine(Config(select=("commitment",), model=False))


def rules(engine, text):
    return [f.rule for f in engine.check_text(text)]


@pytest.mark.parametrize("text", [
    '"We will sort the backlog out eventually," the mayor said on Tuesday.',
    "The council will review the scheme soon, according to a spokesperson.",
    "Prices will settle later this year, Okafor told reporters.",
    "``We'll try to keep the depot open,'' a union official said.",
    "Northgate Rail will add two carriages at some point next year.",
    "The planning committee will look at the application soon.",
    "Marguerite will attend the board dinner.",
    "Please open a ticket so we can help you further.",
    "Send us the meter reading so that we may correct the bill.",
    "We'll need to read the lease first.",
    "Someone will have to sign off the budget.",
    "We may need to check your identity.",
    "Send me a photo of the label and I'll order the part.",
    "Once you've returned the signed form, I'll release the deposit.",
    "As soon as the contract is signed, we'll transfer the funds.",
    "Upload the receipt here and our team will process the claim.",
    # plans and activities nobody waits on: no reader in the clause, no act of service
    "I am going to copy Dariusz on the thread.",
    "I will attend.",
    "We are going to meet with the steering group.",
    "We may step up our efforts in the northern region.",
    "I'll give Ken a heads up.",
    # an act of service that goes to someone else
    "We'll show the draft to Priya.",
    "I'll call him about the lease.",
    # a thing's future with a general verb or a mere state, and a relative clause
    "The new entity will be called Harbourline.",
    "A spare projector will be available for the speakers.",
    "Please read the memo that will be circulated.",
    "This is a draft of the note that will be sent to all depot managers.",
    # he/she/they with nobody on our side named before: news, or somebody else's plan
    "Once the utilities own the lines, they will look for ways to invest in them.",
    "He'll be handing out an outline of his view.",
    # something done to us, doing nothing, a need after "going to"
    "We will likely be asked to comment on the draft.",
    "We will do nothing but waste time if this turns into a negotiation.",
    "We are probably going to have to discuss what's next.",
    # "recover" is not "re-cover"
    "The amount will be recovered from customers.",
    # a time the parser now reads
    "I will clean up the notes and send you a draft in the morning.",
    "We will be following up with the remaining sites the week of the 23rd.",
    "We are going through the figures in a few minutes.",
    # the reader's own act or event sets the time
    "I'll hand over the spare set when you pick up the keys.",
    "We'll confirm the slot two days ahead of your appointment.",
    "The refund will reach your account the following business day.",
    "The credit will appear on your next statement.",
    # "should" for a thing without a time: a recommendation
    "The cap should be escalated on a regular basis.",
    # the sender waiting for the reader, or simply being there, is not a promise the reader waits on
    "We'll be waiting for your response.",
    "We'll wait for your reply.",
    "We'll be here for anything else.",
    # ... but not an intention, a progressive, an adverb read as the verb, or "the best chance we'll ever see"
    "We expect to pursue our traditional position this year.",
    "We will be facing efforts by the other side.",
    "I will strongly encourage him to settle.",
    "It is the best chance we'll ever see for reform.",
    "We'll be here when you're ready to share the details.",
    "We will look dimly on any firm that undercuts us.",            # an attitude, not a look into anything
    # being somewhere or with someone, even with the reader in the clause
    "Rick will meet you there.",
    "I shall join you.",
    # a quotation closed with a single quote, and the tail of a quotation opened in an earlier sentence
    "'We'll pay whatever it takes to keep the lights on,' and that is what the governor said.",
    "The chairman went on. We expect a strong order in December, and the public needs it.\"",
    # a clause the sentence weighs or waits for, not one it promises
    "We are checking the old agreements before deciding whether or not we will bid on the lots.",
    "The depot has stopped hiring till we shall find a bigger yard.",
    # a question put to the reader about our visit
    "Please let me know a weekday morning next week when we may visit.",
    "Tell me which day we should bring the ladder round.",
    # the time set by the reader's act in the sentence before, or by a date earlier in the same sentence
    "When you come back, ask for me at the desk. I'll fit the boots myself.",
    "Send me a photo of the label. I'll order the part.",
    "Your next invoice goes out on Friday 1 October, and I'll check it myself before it's sent.",
    "Tonight I'm regrading the three routes, and I'll change their tags before we close.",
    # a return the message dates; the week before a booked visit; a bare hour after "at"
    "I'm back in the office on Monday 14 December. I'll do the survey myself when I'm back.",
    "Your trim is booked for Wednesday 20 January at 11am. You'll get a text the week before.",
    "You said you're at the yard from 4 today, so I'll come to you at 4 and refit it myself.",
    # an offset, not "later"; our driver's dated visit carries his call
    "We'll post the letter on Monday 7 December, and our crew will do the work no sooner than 14 days later.",
    "Your costumes left this morning with our driver, Kev. He'll be at the stage door tomorrow between 2pm and 4pm, "
    "and he'll ring you from the car park.",
    # someone else's words in quotation marks
    "Their finance manager's reply is below: \"we'll pay when we're ready\".",
    "He said “we will sort it out soon.”",
    # a state kept up until an event ends it
    "I'll keep the bike in the workshop until you collect it.",
    "We'll hold the second invoice until the credit note comes through.",
    # a passive whose named agent is someone else, even with a date in the clause
    "Papers sent under the order will be treated by the Harbour Board in line with its letter of 3 March.",
    # the future frames a statement, or accepts the reader's offer
    "I can't say how the visit went, but I will tell you that the team is frustrated.",
    "I may take you up on it.",
    # a possibility weighed, not an effort offered
    "We may be able to sidestep most of these questions by changing the survey.",
    # our own whereabouts; a call or message to someone else; another subject before "and will"
    "We will be out looking for new suppliers in the spring.",
    "We will contact the Ports Authority since they asked for a witness.",
    "Will send him the revised clauses.",
    "I have heard that Marlow Freight got an extension and will try to delay the filing.",
    # a note that leaves out its "I", with a clear time ("this am")
    "I won't join the call but will fax my notes to you this am.",
    # a named carrier works to its own timetable, which the event names
    "Parcelink will text you on the morning of delivery.",
    # an opinion about what should happen; a third party placed beside the reader; something a third party sends
    "I think the value of the credit should be adjusted downward if the funds paid on 30 September are refunded.",
    "Minister Okafor will speak just before you.",
    # a firm by name acts for the reader, but it is not the sender
    "QPD will collect the router we sent you and will email you a collection date.",
    "ParcelLink will text you a delivery slot.",
    "HMRC will write to you about the refund.",
    # the reader's own act sets the time; an aside in brackets does not end the clause; a time every day
    "If it isn't better by Friday, please bring Mochi in and one of our vets will check it at no charge.",
    "Once I have your confirmation, I will send the names of the fitters for your security desk.",
    "I will send you the bill of lading (B/L) on 15 December, the day after loading.",
    "Our team will remove all packaging from site at the end of each day.",
    "We'll add a £5 credit to the next bill of everyone affected.",
    # passing feedback on, saying who can help, and a policy for any case are not promises the reader waits on
    "We will pass this along to our product team for you.",
    "We'll forward it as a suggestion to the design team.",
    "We'll pass on your thoughts.",
    "Our billing specialists will be able to help you with that.",
    "The change fee will be waived for any date change.",
    # a consequence of a negative condition; the reader's arrival; "two days before" an event just dated; "they"
    # after the reader's own insurer; seeing the reader is a meeting, not "we'll see"
    "If we don't hear from you by Friday 11 December, we will offer the slot to the next client on the list.",
    "Our team will fit the child seat before you arrive.",
    "Your appointment is on Friday 11 December at 15:00. We will send a reminder text two days before.",
    "Please send both forms to your insurer, Westbrook Health. They will decide on the claim and write to you.",
    "If the crown comes loose, please call us and we will see you the same day.",
    "You will receive an invitation from the Institute of Freight to speak at the spring forum.",
    # an outside body named in lower case sends it, or leads the sentence its passive belongs to; a control's "will"
    "You will receive a letter from the local council about the parking permit.",
    "The licensing committee meets this week on the venue hours (other matters will be taken up later, "
    "including noise).",
    "The Harbour Trust has the plans, and a decision will be made soon.",
    "This option will go back to the settings you saved last.",
    "The reset button will clear every field on the form.",
    # an outside body's work named as a noun, a market's move, a dated visit by one of ours, a discussion
    "Work on the new bypass will begin next spring, the council said.",
    "Prices will move in the spring based on the forecasts.",
    "An engineer will call you on Tuesday 8 December.",
    "We should discuss the layout at the meeting.",
    "The Senate Energy Committee is starting its work this week on an energy package (other issues will be "
    "taken up later, including water).",
    # the reader's own act or day sets the time; an anaphor to a date just given; a dated maintenance window
    "Write to me when you're ready and I'll book you back in.",
    "Tell me in the same reply and I'll move the sessions to Saturdays instead.",
    "If Thursday doesn't suit, reply with a time that does and I'll fit around you.",
    "Bring your receipt to the counter and we'll stamp it for free parking.",
    "Our driver will be there when you land.",
    "Please update your card before Monday 9 November. That's when we'll retry the payment.",
    "We will carry out planned maintenance on Saturday 21 November from 02:00 to 04:00. We will post updates on "
    "the status page throughout the window.",
    # an embedded question, a colleague's whereabouts, how a session runs, who can take a request further
    "It's natural to want to know how Ji-ho will be looked after.",
    "The survey lets us tell you, before we drill, how deep we expect to go and what it is likely to cost.",
    "Once the scan is in, I'll know which crew we should send.",
    "Ravi hopes to be back on Monday, and I'll confirm by 17:00 on Sunday.",
    "Coach Dan will start with a short chat about your goals.",
    "If you submit it as a feature request, our product team will be able to review it.",
    "We might be able to resolve the issue by cleaning the print head and running an alignment.",
    # any act of the reader's starts the work; times relative to an arrival the message dates or to what the reader
    # sends; a team member at an event just dated; each of a series just scheduled
    "Finish your lease online before you arrive and we'll text you your gate code.",
    "Kindly reply with the time you prefer and I will confirm the booking by return.",
    "If it still doesn't work, call me on 0161 555 0100 and I'll come out and open the gate for you.",
    "Come by the office with your ID and I'll take the lock off for you.",
    "Send me a photo by Friday and I'll come back and sort it.",
    "If you would like to go ahead, please reply and I will ask the branch to call you.",
    "Please send a photo of your ID. I'll add the discount the day I receive it.",
    "We'll be with you at 8 tomorrow. I'll ring when we're 15 minutes out.",
    "Your glasses will be ready for collection on Friday 11 December. I will text you the morning they arrive.",
    "We'll charge your card on the 1st of each month, starting 1 December. You'll get an email receipt each time.",
    "I have booked a home visit for Tuesday 8 December at 10:30. Our optometrist will bring portable equipment.",
    "We touched it up, but if it still shows, send me a photo by Friday and I'll come back and sort it.",
    "I've booked a joiner to repair the banister on Thursday 10 December. We'll pay him directly.",
    "To cancel, reply CANCEL and we will offer your slot to a patient on our waiting list.",
    "If you have already paid, please reply to tell me, and I will reconcile it against the new invoice.",
    "Collection: Leeds station, Saturday 12 December at 09:30\n\nAt the desk we will place a hold on your card.",
    # the last of several steps asked of the reader hands over; the request follows a "when you're ready,"
    'Please check the names and the venue, then reply "approved" and I\'ll send the order to the printer.',
    "When you're ready to go ahead, sign the estimate online and we'll book your fitting.",
    # a condition of the world or of someone else: the promise waits on the event, not on a date
    "If anyone drops out of the course, I'll let you know.",
    "- If the survey finds any damage from our work, we'll pay for the repair.",
    # a time that labels the line, a compound subject, a step in a dated sequence
    "Here is the plan:\n- Today: I will email the contract for signature.\n- 9 March: we will order the parts.",
    "Tomorrow (Sunday) at 9am, Priya and I will come and fit the new pump.",
    "Please return the signed form by 4 March; we will then order the frames.",
    # an event the message has dated, or that follows a dated promise
    "The fitting is on Tuesday 3 March at 11:00. We'll adjust the straps while you're here.",
    "Fitting: Tuesday 3 March, 8am. Handover: Tom will show you the controls before he leaves.",
    "We'll print the menus on Monday and post them the same day. We'll text you the tracking number when we "
    "hand the box to the courier.",
    # joined to a dated promise, or pointing back at a dated thing
    "Anna will send the quote on Friday, and I'll add the survey notes to it.",
    "On 2 March I will run the test and send you the results by 4pm. In that report I will list every fault.",
    "I'll send the draft by Friday 6 March, and once you approve it, we will file it with the registry.",
    # a detail handed over; dates just given; within the day; slots offered right after
    "If the code doesn't arrive, tell me your number and I'll send it by text.",
    "Your classes are on 3, 10 and 17 March. I will text you a reminder on each of those dates.",
    "We'll swap the unit within the day.",
    "Our surveyor will measure the room herself. She is available on Tuesday 3 March at 9am.",
    # a named holiday is a date
    "We'll deliver the cake before Christmas Eve.",
    "I'll send the revised plan after the bank holiday.",
])
def test_not_an_open_promise_of_the_sender(engine, text):
    assert rules(engine, text) == []


@pytest.mark.parametrize("text, rule", [
    ("We'll look into it soon.", "commitment.vague-time"),
    ("We should also be able to send you the survey report.", "commitment.hedged"),
    ("Send us the photos. We'll look into it.", "commitment.no-time"),
    ("Tomasz is on a job in Hobart this week. He will call in to you once he is back.", "commitment.vague-time"),
    ("I'll come back to you once the supplier gives us a firm date.", "commitment.vague-time"),
    ("I'll do the survey myself when I'm back.", "commitment.vague-time"),
    ("I'll check it before it's sent.", "commitment.vague-time"),
    ("I'll try to call you back.", "commitment.hedged"),
    ("Your refund will be processed.", "commitment.no-owner"),
    ("Tomasz from our billing team will get back to you soon.", "commitment.vague-time"),
    ("Ines will call you at some point.", "commitment.vague-time"),
    ("Let us know and we'll sort it.", "commitment.no-time"),
    ("When the part comes in, we'll fit it soon.", "commitment.vague-time"),
    ("We said we'll check the meter soon.", "commitment.vague-time"),
    # the reader named in the clause, an act of service, an effort, an outcome, finding out
    ("I'll forward the spreadsheet to you.", "commitment.no-time"),
    ("We will keep you posted.", "commitment.no-time"),
    ("We'll investigate.", "commitment.no-time"),
    ("This will be fixed.", "commitment.no-owner"),
    ("We should be able to match the oak finish.", "commitment.hedged"),
    ("Hopefully the desks will be ready in time.", "commitment.hedged"),
    ("We'll see what the workshop says.", "commitment.hedged"),
    ("We'll re-varnish the table top soon.", "commitment.vague-time"),
    # a he/she/they that the message has put on our side
    ("Your claim has been passed to the right people, and they'll pick it up soon.", "commitment.vague-time"),
    ("I've handed this to our billing team. They'll sort it out eventually.", "commitment.vague-time"),
    ("She will call you at some point.", "commitment.vague-time"),
    # a trigger that is not the reader's act
    ("We'll call when you least expect it.", "commitment.no-time"),
    # a thing's hedged outcome (issue 14, item 5)
    ("This should be sorted in the coming days.", "commitment.hedged"),
    ("We'll be working on it.", "commitment.no-time"),
    # the sender's own plain "will" + a verb no list names is still work the reader waits on
    ("I will fax this language shortly.", "commitment.vague-time"),
    ("I will analyse both versions and share some thoughts.", "commitment.no-time"),
    ("I'll look over the contract.", "commitment.no-time"),
    # ... a possible act of service, a passive whose agent is on our side, a subordinate clause that is a promise
    ("We may be able to re-glue the sole.", "commitment.hedged"),
    ("We may be able to refund you.", "commitment.hedged"),
    ("We might be able to fix the hinge soon.", "commitment.hedged"),
    ("The claim will be reviewed by Maria in our team.", "commitment.no-owner"),
    ("Because the part is late, we will call you soon.", "commitment.vague-time"),
    # a note that leaves out its "I", or shares it with the clause before; having the work done
    ("Will check on that point.", "commitment.no-time"),
    ("I got your note and will handle it.", "commitment.no-time"),
    ("I will have the contract re-checked by our lawyers.", "commitment.no-time"),
    ("We'll be out to fix the boiler soon.", "commitment.vague-time"),
    ("You will receive an email from our courier.", "commitment.no-time"),
    ("You will receive a letter from the team soon.", "commitment.vague-time"),
    ("The courier has your parcel, and it will be delivered soon.", "commitment.no-owner"),
    ("The link will be sent soon.", "commitment.no-owner"),
    # the sender's work named as a noun; one of ours by role ("an engineer"); the reader back up and running
    ("Production will begin in due course.", "commitment.vague-time"),
    ("Installation will start at some point next month.", "commitment.vague-time"),
    ("An engineer will call you soon.", "commitment.vague-time"),
    ("A courier ought to ring you eventually to fix a day.", "commitment.hedged"),
    ("Our fitter should call you to book a slot.", "commitment.hedged"),
    ("Hopefully we'll have you back online by the weekend.", "commitment.hedged"),
    ("We'll have you up and running again soon.", "commitment.vague-time"),
    # a trigger the reader controls does not end open-ended work; a bare soft ask hands nothing over
    ("If it still leaks, please send us photos and we'll look at a claim.", "commitment.no-time"),
    ("If you need another format, let us know and we'll sort it.", "commitment.no-time"),
    ("Let us know, and we will take it from there.", "commitment.no-time"),
    ("Sign up for the waiting list and we'll notify you when it's available in your area.", "commitment.vague-time"),
    ("Our courier QPD will collect it soon.", "commitment.vague-time"),
    ("One of our vets will check it soon.", "commitment.vague-time"),
    ("We'll pass your claim to the returns team and they will refund you soon.", "commitment.vague-time"),
    ("I have passed this to our claims team. They will write to you soon.", "commitment.vague-time"),
    # open-ended work stays open after a condition or beside a dated promise; our own capacity is a hedge
    ("If it happens again, we'll look into it.", "commitment.no-time"),
    ("We'll refund you on Monday and we'll look into the fault.", "commitment.no-time"),
    ("If we can, we'll fix it.", "commitment.no-time"),
    ("Tell me and I'll sort it.", "commitment.no-time"),
    ("We should be able to fit it before Christmas.", "commitment.hedged"),
    ("We'll try and get it to you this week.", "commitment.hedged"),
    ("We'll be in touch in the new year.", "commitment.vague-time"),
    ("Our engineer will fix it. He is very good.", "commitment.no-time"),
    # a hedge with a weekday in it ("in time for Thursday" is a time, not a person); what the reader is owed, in
    # the passive; a visit to do the work
    ("We will try to get the order packed in time for Friday.", "commitment.hedged"),
    ("The corrected invoice will be emailed to the finance team.", "commitment.no-owner"),
    ("Hopefully the refund will be included in the next payment run.", "commitment.hedged"),
    ("Someone will pop round to look at the boiler.", "commitment.no-owner"),
    # "after the hearing" says what comes first, not when: still open
    ("We will provide a report following the hearing.", "commitment.vague-time"),
    # "have it all fitted": the result promised, not a past "should have fitted"
    ("We should have it all fitted by the end of the month.", "commitment.hedged"),
    ("We'll have them both back to you soon.", "commitment.vague-time"),
])
def test_the_senders_unclear_promise_still_flagged(engine, text, rule):
    assert rule in rules(engine, text)


def test_frame_facts():
    assert reported_speech('"It will be fine," she said.')
    assert reported_speech("It will be fine, Abebe said.")
    assert not reported_speech("We will call you on Friday, as we said.")
    assert purpose_clause("Please create a ticket so ")
    assert not purpose_clause("We are sorry, and ")
    assert obligation(["need", "to", "check"]) and obligation(["have", "to", "own"])
    assert not obligation(["send", "it", "today"])
    assert reader_acts_first("request", "Send me a photo and ")
    assert not reader_acts_first("request", "Let us know and ")
    assert reader_acts_first("if", "If you send the form, ")
    assert not reader_acts_first("if", "If the part arrives, ")
    assert reader_waits("fax", "I'll fax it to you", outcome=False)
    assert not reader_waits("meet", "Rick will meet you there", outcome=False, owner="named")
    assert reader_waits("look", "We'll look into it", outcome=False)
    assert not reader_waits("attend", "I will attend", outcome=False)
    assert not reader_waits("show", "we'll show it to Mark", outcome=False)
    assert not reader_waits("call", "The company will be called Harbourline", outcome=False, owner="thing")


def test_so_reads_as_a_result_before_a_plan_and_as_a_purpose_before_can():
    assert not purpose_clause("It is still being finalised, so ", "intent")
    assert not purpose_clause("It is still being finalised, so ", "going")
    assert purpose_clause("Send the photo so ", "modal")
    assert purpose_clause("Send the photo so that ", "intent")
