"""Defensive tone: each family, near misses that must stay clean, acronyms vs shouting, quoted text never flagged."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from tonecheck.engine import Engine
from tonecheck.rules import load_rules


@pytest.fixture(scope="module")
def engine():
    return Engine(rules=[r for r in load_rules() if r.category in ("defensive", "sarcasm", "empathy")])


def rules_hit(engine, text, kind=None, category="defensive"):
    return {f.rule for f in engine.check_text(text, kind=kind) if f.category == category}


def excerpts(engine, text, rule):
    return [f.excerpt for f in engine.check_text(text) if f.rule == rule]


@pytest.mark.parametrize("rule,text", [
    ("defensive.passive-aggressive", "As I have already explained twice, the warranty ends after two years."),
    ("defensive.passive-aggressive", "Like I said before, the parcel left on Monday."),
    ("defensive.passive-aggressive", "As mentioned in my previous message, returns need a label."),
    ("defensive.passive-aggressive", "As we previously stated, the price includes tax."),
    ("defensive.passive-aggressive", "Moving forward, please send orders through the portal."),
    ("defensive.passive-aggressive", "Per my previous emails, the invoice is overdue."),
    ("defensive.blame", "You failed to attach the receipt."),
    ("defensive.blame", "You didn't read the sizing guide."),
    ("defensive.blame", "You should have washed it on a cold cycle."),
    ("defensive.blame", "The fault was your own mistake."),
    ("defensive.blame", "You should have seam-sealed the fly first."),
    ("defensive.self-protection", "That is not our responsibility."),
    ("defensive.self-protection", "As stated in our terms and conditions, shipping is non-refundable."),
    ("defensive.self-protection", "The delay is outside our control."),
    ("defensive.condescension", "Obviously the stove needs gas."),
    ("defensive.condescension", "Sorry to hear the reset failed. Simply click the link in the new email."),
    ("defensive.condescension", "It's really easy to set up."),
    ("defensive.condescension", "As anyone can see, the seam is intact."),
    ("defensive.absolute", "You never read our emails."),
    ("defensive.absolute", "You always wait until the last minute."),
    ("defensive.labelling", "You're being unreasonable about this."),
    ("defensive.labelling", "Your expectations are unrealistic."),
    ("defensive.dismissive", "There's nothing more we can do."),
    ("defensive.dismissive", "Rules are rules."),
    ("defensive.non-apology", "We apologise if you felt let down."),
    ("defensive.non-apology", "I'm sorry but the sale is over."),
    ("defensive.non-apology-boilerplate",
     "Your refund was issued today. Sorry for any inconvenience this may have caused."),
    ("defensive.shouting", "Please do NOT wash the down jacket."),
    ("defensive.shouting", "You MUST reply by Friday."),
    ("defensive.punctuation", "Why would you do that?!"),
    ("defensive.punctuation", "Stop!!!"),
    # reminders of having said it before, through any channel
    ("defensive.passive-aggressive", "As we explained over the phone on Thursday, the dish needs a clear view south."),
    ("defensive.passive-aggressive", "As I told you in my text, the meter reader comes on the 4th."),
    ("defensive.passive-aggressive", "We did tell you the voucher expired in March."),
    ("defensive.passive-aggressive", "I had already mentioned this in my reply last week."),
    ("defensive.passive-aggressive", "I warned you twice about the storage fee."),
    # counterfactual blame
    ("defensive.blame", "Had you opened the box on arrival, the claim would still be in time."),
    ("defensive.blame", "If you’d registered the boiler, the warranty would have covered the valve."),
    ("defensive.blame", "The postcode you entered at checkout was incorrect."),
    ("defensive.blame", "You gave us the wrong flat number."),
    # condescension
    ("defensive.condescension", "With the greatest respect, the form asks for the serial number."),
    ("defensive.condescension", "It honestly isn't difficult to change the filter."),
    ("defensive.condescension", "It's merely a matter of logging in and pressing Pause."),
    ("defensive.condescension", "That isn't how direct debits work."),
    ("defensive.condescension", "To be frank, your booking was never confirmed."),
    # self-protection
    ("defensive.self-protection", "We didn't cause the leak; it came from the flat above."),
    ("defensive.self-protection", "This is down to the carrier, not us."),
    ("defensive.self-protection", "How were we supposed to know the gate was locked?"),
    ("defensive.self-protection", "As the booking confirmation clearly states, check-in closes at 9."),
])
def test_family_flags(engine, rule, text):
    assert rule in rules_hit(engine, text), text


@pytest.mark.parametrize("text", [
    "Simply put, the router restarts itself.",
    "Just to confirm, your order shipped today.",
    "You never received the parcel, so we refunded it.",
    "You should have received an email with the label.",
    "You must have been worried when the tracking stopped.",
    "This is not your fault; we will replace it today.",
    "Your order shipped today!",
    "Your RMA number is RL-104883 and the SKU is on the PDF.",
    "We charge VAT on orders to the UK and ship with UPS, DHL and USPS.",
    "The parcel goes to 14 Birch Lane, Bend, OR 97701.",
    "Our IT team has reset your password.",
    "Thanks so much for your patience.",
    "I'm sorry your boots arrived late. We've sent a new pair today.",
    "As we discussed, the collection is booked for Tuesday.",
    "Going forward, we will text you when the parcel leaves.",
    "You are difficult to reach by phone, so I am writing instead.",
    "The return window is 30 days, but we can offer store credit.",
    "To set it up, attach the poles and clip the inner tent.",
    # negation: sincere reassurance is never blame
    "None of this is your fault; the fibre was cut by roadworks.",
    "It's in no way your fault, and the refund is on its way.",
    "This wasn't your fault at all.",
    # acronyms in capitals are codes, not shouting
    "Check the ONT: if the LOS light is red, the fibre is down.",
    "The POD from DPD shows 10:14; the ETA was 11:00.",
    "Please send your EORI number and the SKU for the VAT invoice.",
    "Your SSID and password are on the back of the hub.",
    "The CPE (customer premises equipment) is the box by the door; the CPE needs power.",
    # channel reminders that are collaborative, or actions on the reader's behalf
    "As we agreed on the phone, the engineer comes on Tuesday.",
    "As you said in your email, the handle is loose, so we are sending a new one.",
    "I've already flagged the fault to our network team.",
    "As I said I would, I've called the courier.",
    "I did mention your case to the manager, and she approved the refund.",
    # near misses of counterfactual blame and condescension
    "If you'd like to switch plans, we could do it today.",
    "Had you received the code when you called?",
    "With respect to delivery, the parcel goes out on Monday.",
    "It's only a matter of days now.",
    "That's not how we want any customer to feel, and I'm sorry.",
    "Frankly, we should have caught this, and I'm sorry.",
    "That's on us; the replacement ships today.",
    "We can hardly wait to hear how the trip goes!",
    # a breakdown is not a breakage; sorrow about a situation is not a non-apology
    "If you break down, our roadside team reaches you within the hour.",
    "I am sorry that you are still in pain after three visits.",
])
def test_near_misses_stay_clean(engine, text):
    assert not rules_hit(engine, text), text


def test_shouting_merges_a_run_and_keeps_acronyms():
    engine = Engine(rules=[r for r in load_rules() if r.id == "defensive.shouting"])
    found = [f.excerpt for f in engine.check_text("PLEASE DO NOT send the RMA form to our UPS depot.")]
    assert found == ["PLEASE DO NOT"]


def test_shouting_ignores_caps_headings():
    engine = Engine(rules=[r for r in load_rules() if r.id == "defensive.shouting"])
    assert not engine.check_text("WINTER SALE TERMS\n\nThe sale ends on 3 March.")


def test_blame_needs_the_subject(engine):
    assert "defensive.absolute" not in rules_hit(engine, "If you never got the code, reply and I'll resend it.")
    assert "defensive.absolute" in rules_hit(engine, "You never include the order number.")


def test_excerpts_are_short(engine):
    text = ("Thanks for writing. As I already explained in my previous email, the boots are final sale, "
            "and we have no way to reverse that now that the season is over.")
    ex = excerpts(engine, text, "defensive.passive-aggressive")
    assert ex and all(len(e) <= 60 for e in ex)


def test_quoted_thread_is_never_flagged(engine):
    eml = ("From: Sam <sam@shop.example>\nTo: Jo <jo@example.com>\nSubject: Re: WHERE IS MY ORDER?!\n\n"
           "Hi Jo,\n\nI'm sorry your order is late. It ships today, or we can refund you now.\n\nSam\n\n"
           "On Mon, 2 Nov 2026 at 09:00, Jo <jo@example.com> wrote:\n"
           "> You NEVER answer!! Per my last email, this is your fault. Obviously you are useless.\n"
           "> Thanks so much for ignoring me 🙄\n")
    found = [f for f in engine.check_text(eml, kind="eml") if f.category in ("defensive", "sarcasm")]
    assert not found, [(f.rule, f.excerpt) for f in found]


def test_a_first_person_question_on_its_own_line_is_the_readers_faq(engine):
    page = "FAQ\n\nWhat if the damage isn't my fault?\n\nIf another driver caused it, we claim from their insurer.\n"
    assert rules_hit(engine, page, kind="md") == set()
    # the writer's own question inside a paragraph is still the writer's
    mail = "Hi Ana,\n\nWhat if I told you it is not our fault? We checked the logs.\n"
    assert "defensive.self-protection" in rules_hit(engine, mail)


def test_the_senders_own_name_disowning_the_problem_is_self_protection(engine):
    def mail(body):
        return ("From: Sam <support@latchkey.example>\nTo: ana@example.com\nSubject: Your lock\n"
                "Date: Mon, 16 Nov 2026 10:00:00 -0700\n\nHi Ana,\n\n" + body + "\n\nSam\n")
    fs = [f for f in engine.check_text(mail("This is not a Latchkey issue. Your router drops the lock."), kind="eml")
          if f.rule == "defensive.self-protection"]
    assert [f.excerpt for f in fs] == ["This is not a Latchkey issue"]
    # a diagnosis, or another firm's name, is not the sender disowning anything
    for body in ("It is not a hardware issue: your router drops the lock.", "That's not a Netgear issue either."):
        assert "defensive.self-protection" not in rules_hit(engine, mail(body), kind="eml")
    # any subject, and the name after "and not from"
    for body, excerpt in (("Locks fitted to a rotten frame aren't a Latchkey problem.", "aren't a Latchkey problem"),
                          ("The delay came from the courier and not from Latchkey.", "and not from Latchkey")):
        fs = [f for f in engine.check_text(mail(body), kind="eml") if f.rule == "defensive.self-protection"]
        assert [f.excerpt for f in fs] == [excerpt]
    assert "defensive.self-protection" not in rules_hit(engine, mail("The parts came from Leeds and not from Hull."),
                                                        kind="eml")


@pytest.mark.parametrize("text", [
    "Please make sure someone is actually home next time!!",
    "Kindly reply to the reminder this time!!",
])
def test_doubled_exclamation_on_a_request_is_a_raised_voice(engine, text):
    assert "defensive.punctuation" in rules_hit(engine, text)


def test_doubled_exclamation_on_thanks_is_warmth(engine):
    assert "defensive.punctuation" not in rules_hit(engine, "Thanks so much!! Please enjoy the cake!!")


def test_a_mock_promise_is_sarcasm_not_an_unclear_commitment():
    from tonecheck.config import Config
    from tonecheck.engine import Engine
    eng = Engine(Config(model=False))
    text = "Of course, I'll tell the nine patients booked before you that your appointment matters more."
    cats = {f.category for f in eng.check_text(text)}
    assert "sarcasm" in cats and "commitment" not in cats
    # the mockery may sit beside the promise in the same sentence rather than on it
    text = "I'll pass on to Sam that he's useless, I'm sure it'll make his week."
    cats = {f.category for f in eng.check_text(text)}
    assert "sarcasm" in cats and "commitment" not in cats
    # ... but not a promise joined to it by a word
    text = "Thanks so much for ignoring our reminders, and we'll send the statement soon."
    cats = {f.category for f in eng.check_text(text)}
    assert "sarcasm" in cats and "commitment" in cats


def test_a_promise_in_the_sentence_after_a_sarcastic_one_is_still_a_promise():
    """A sarcasm hit that takes in its full stop (the model's findings are whole sentences) ends the mockery there:
    the next sentence's vague promise is the sender's own and is kept."""
    from tonecheck.checks import Hit
    from tonecheck.config import Config
    from tonecheck.engine import Engine, _without_mock_promises
    eng = Engine(Config(model=False))
    sarcasm, vague = eng._by_id["sarcasm.model-tone"], eng._by_id["commitment.vague-time"]
    mock = "Wow, three weeks to answer, truly world-class."
    promise = "I'll look at it when I can."
    for sep, kept in ((" ", True), ("\n", True), (", and ", True)):
        text = f"{mock}{sep}{promise}"
        raw = [(sarcasm, Hit(0, len(mock))), (vague, Hit(len(mock) + len(sep), len(text)))]
        ctx = SimpleNamespace(text=text)        # the check reads only the text
        assert (vague.id in {r.id for r, _ in _without_mock_promises(raw, ctx)}) is kept, sep
    # without the full stop the promise runs into the mockery: "..., truly world-class, I'll look at it when I can"
    text = "Truly world-class, I'll look at it when I can."
    raw = [(sarcasm, Hit(0, 17)), (vague, Hit(19, len(text)))]
    ctx = SimpleNamespace(text=text)
    assert vague.id not in {r.id for r, _ in _without_mock_promises(raw, ctx)}


def test_a_dispute_only_rule_is_kept_in_a_dispute_and_dropped_elsewhere():
    from tonecheck.config import Config
    from tonecheck.engine import Engine
    eng = Engine(Config(model=False))
    line = "We are a framing studio, not a storage facility."
    page = f"Hi Ana,\n\n{line} Frames are cut to order in Galway.\n\nSee you on Friday 3 May at 10am.\n"
    dispute = f"Hi Ana,\n\nI'm sorry the storage fee came as a surprise. {line}\n\nSee you on Friday 3 May at 10am.\n"
    reproach = f"Hi Ana,\n\nAs I said in my last email, the fee stands. {line}\n\nSee you on Friday 3 May at 10am.\n"
    rule = "defensive.what-we-are-not"
    assert rule not in {f.rule for f in eng.check_text(page, kind="txt")}
    assert rule in {f.rule for f in eng.check_text(dispute, kind="txt")}
    assert rule in {f.rule for f in eng.check_text(reproach, kind="txt")}


def test_the_model_is_not_kept_off_a_sentence_by_a_dispute_only_hit_the_gate_drops(monkeypatch):
    from tonecheck.config import Config
    from tonecheck.engine import Engine
    eng = Engine(Config(model=False))
    seen = []

    def spy(ctx, raw):
        seen.append([r.id for r, _ in raw])
        return []
    monkeypatch.setattr(eng, "_model_findings", spy)
    calm = "Hi Ana,\n\nAs you will recall, the showroom reopens on Monday 3 May at 9am.\n\nSam\n"
    assert "defensive.pointing-back" not in {f.rule for f in eng.check_text(calm, kind="txt")}
    assert seen and "defensive.pointing-back" not in seen[0]
    dispute = "Hi Ana,\n\nI'm sorry you're upset, but as you will recall, the dates were fixed.\n\nSam\n"
    assert "defensive.pointing-back" in {f.rule for f in eng.check_text(dispute, kind="txt")}
    assert "defensive.pointing-back" in seen[1]
