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
    # ironic welcome or thanks about repeated, late or excessive contact
    ("sarcasm.positive-negative-contrast", "What a treat to see your name in our inbox for the third time today."),
    ("sarcasm.positive-negative-contrast", "Nice of you to get in touch after two months of silence."),
    ("sarcasm.positive-negative-contrast", "Thanks for the fourteen calls to the shop yesterday."),
    ("sarcasm.positive-negative-contrast", "Many thanks for the barrage of emails overnight."),
    ("sarcasm.positive-negative-contrast", "Wonderful, so the courier has lost it again."),
    ("sarcasm.positive-negative-contrast", "Really pleased you left it until the morning of the wedding."),
    ("sarcasm.insinuation", "Odd how the scratches only showed up once the refund was refused."),
    ("sarcasm.mock-sympathy", "I bet a weekend without the spare remote was torture."),
    ("sarcasm.mock-compliance", "Of course we will halt every delivery in the region just for you."),
    ("sarcasm.mock-praise", "Hold the front page: the invoice has been paid."),
    ("sarcasm.mock-praise", "Oh goody, another chargeback."),
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
    "Lovely to hear from you again, and thanks for the photos.",
    "Thank you for your patience over the last six weeks.",
    "Thanks for your three emails; I'm sorry we were slow, and all three are answered below.",
    "Thank you for the two photos of the label.",
    "Great, so the engineer will come on Friday at nine.",
    "Perfect, so the refund goes back to your card by Tuesday.",
    "It's funny how much the kids love the new tent!",
    "I'm sure the new router will feel much faster.",
    "We've set aside a discount just for you.",
    "Please stop the press release until Monday.",
    "I'm so glad you got the boiler working again!",
    "How kind of you to write such a lovely review.",
])
def test_sincere_text_stays_clean(engine, text):
    assert not hits(engine, text), text


def test_sarcasm_in_quoted_thread_is_not_flagged(engine):
    txt = ("Hi Ana,\n\nThe refund went out today.\n\nSam\n\n"
           "> Great, another week without my money. Thanks so much for ignoring me 🙄\n")
    assert not hits(engine, txt, kind="txt")


def test_vader_lexicon_available():
    from tonecheck.analysis.sentiment import valence
    assert valence("ignoring") < 0 < valence("love")


@pytest.mark.parametrize("text", [
    'The regulator said the tariff is "deeply unfair" to small suppliers.',
    'Ms. Osei says the rollout is "a disaster" for rural branches.',
    'Our markets have not been "badly managed" as alleged by some.',
    'We bill during so-called "off-peak" hours at the lower rate.',
    # a term in quotes before a function word, and a label of other people's
    'I look forward to your talk on the "pricing threat" at the next meeting.',
    'We should not be one of the "bad guy" generators this summer.',
    'The study finds what he called "weak evidence" of price rises.',
])
def test_quotations_of_third_parties_and_terms_are_not_scare_quotes(engine, text):
    assert "sarcasm.scare-quotes" not in hits(engine, text)


@pytest.mark.parametrize("text", [
    'You called it a "broken" zip, but it works fine.',
    'Your so-called "faulty" charger passed every test.',
    'We looked at your "urgent" request this morning.',
    'We have now read this "terrible" review of yours.',
    # thanks beside the quotation are the sneer, not an apology (issue 14, item 6: the bundled draft's own line)
    'Thanks so much for your patience with our "slow" workshop.',
])
def test_the_readers_words_in_quotes_still_are(engine, text):
    assert "sarcasm.scare-quotes" in hits(engine, text)


@pytest.mark.parametrize("text,flagged", [
    ("Good weather for once, wind under 8 m/s all day.", False),
    ("A quiet week in the workshop for once, so the backlog is cleared.", False),
    ("Nice to get the timesheets on time for once.", True),
    ("Lovely to see your payment arrive before the reminder for a change.", True),
])
def test_for_once_mocks_someone_not_the_weather(text, flagged):
    from tonecheck.config import Config
    from tonecheck.engine import Engine
    found = [f for f in Engine(Config(select=("sarcasm",), model=False)).check_text(text)]
    assert bool(found) is flagged, found


@pytest.mark.parametrize("text", [
    "Send your corrections by Friday 11 March, even if the answer is \"no changes\".",
    "To stop these texts, reply with \"no more\" at any time.",
])
def test_quoted_words_to_say_or_expect_are_not_scare_quotes(engine, text):
    assert "sarcasm.scare-quotes" not in hits(engine, text)


def test_a_modest_word_in_quotation_marks_after_another_is_sarcasm(engine):
    assert "sarcasm.scare-quotes" in hits(engine, "And now another \"small\" change to the drawing from the client.")


def test_a_praising_tag_is_sarcastic_only_after_a_sarcastic_sentence():
    from tonecheck.engine import Engine
    engine = Engine()
    jab = "Thanks so much for ignoring our three reminders about the timesheets."
    sincere = "Thanks for getting the timesheets in early."

    def tags(body):
        return [f.excerpt for f in engine.check_text(f"Hi Hannah,\n\n{body}\n\nSam\n", kind="txt")
                if f.rule == "sarcasm.follow-up"]
    assert tags(f"{jab} Really made my weekend.") == ["Really made my weekend."]
    assert tags(f"{sincere} Really made my weekend.") == []
    assert tags(f"{jab} The next run is on 14 December.") == []        # a fact, not a tag
    assert tags(f"{jab}\n\nVery helpful.") == []                         # a new paragraph


def test_a_courtesy_is_returned_only_when_the_customer_never_offered_one(engine):
    def reply(opening, customer):
        return (f"{opening}\n\nThe samples were booked after the van left.\n\nThabo\n\n"
                f"On Mon, 24 May 2027 at 07:31, Riaan <riaan@farm.example> wrote:\n> {customer}\n")
    rude = "My samples sat in your depot all weekend. Your fault."
    polite = "Hi Thabo, hope you're well. My samples sat in your depot all weekend."
    assert "sarcasm.returned-courtesy" in hits(engine, reply("Lovely to hear from you too, Riaan.", rude), "txt")
    assert "sarcasm.returned-courtesy" not in hits(engine, reply("Lovely to hear from you too, Riaan.", polite), "txt")
    assert "sarcasm.returned-courtesy" in hits(engine, reply("You're welcome.", rude), "txt")
    assert "sarcasm.returned-courtesy" not in hits(engine, "Lovely to hear from you too.\n\nSee you Friday.\n", "txt")


@pytest.mark.parametrize("text,rule", [
    ("Yes, believe it or not, all four of us are working.", "sarcasm.mock-compliance"),
    ("We'll work on our magic.", "sarcasm.mock-compliance"),
    ("Thanks for keeping count.", "sarcasm.positive-negative-contrast"),
])
def test_an_absurd_question_answered_magic_promised_and_a_tally_thanked(engine, text, rule):
    assert rule in hits(engine, text)
    assert not {"sarcasm.mock-compliance", "sarcasm.positive-negative-contrast"} & hits(
        engine, "Believe it or not, the first kilns were wood-fired. Thanks for keeping us posted.")


def test_the_customers_own_words_held_up_in_quotation_marks_and_kind_words_never_said(engine):
    def reply(body, customer):
        return (f"Hi Jo,\n\n{body}\n\nDee\n\nOn Tue, 2 Mar 2027 at 09:10, Jo <jo@home.example> wrote:\n"
                f"> {customer}\n")
    quoted = reply('The "small drip" was a split pipe under the house.', "There's a small drip under the sink.")
    assert "sarcasm.scare-quotes" in hits(engine, quoted, "txt")
    other = reply('The "small drip" was a split pipe under the house.', "Something is leaking under the sink.")
    assert "sarcasm.scare-quotes" not in hits(engine, other, "txt")
    # the customer's verdict on the product held up the same way; their word quoted without it being theirs is not
    verdict = reply('The "faulty" hinges were fitted upside down by the joiner.', "The hinges you sold me are faulty.")
    assert "sarcasm.scare-quotes" in hits(engine, verdict, "txt")
    unsaid = reply('The "faulty" hinges were fitted upside down by the joiner.', "The cupboard door won't close.")
    assert "sarcasm.scare-quotes" not in hits(engine, unsaid, "txt")
    # one such word pinned on their thing sneers even inside an apology; a longer quote there is sympathy
    assert "sarcasm.scare-quotes" in hits(engine, "We are sorry to hear about your 'disappointing' stay.")
    assert "sarcasm.scare-quotes" not in hits(engine, "I'm sorry your \"whole weekend was ruined\" by the outage.")
    # "that last Tuesday" holds no "at last": thanks for a report stay sincere
    assert not {r for r in hits(engine, "Thank you for letting us know that last Tuesday's invoices are missing.")
                if r.startswith("sarcasm")}
    assert "sarcasm.positive-negative-contrast" in hits(engine, "Thanks for replying at last.")
    rude = reply("I'll be sure to pass your kind words on to Marisol.", "Marisol was rude on the phone.")
    assert "sarcasm.returned-courtesy" in hits(engine, rude, "txt")
    assert "sarcasm.positive-negative-contrast" in hits(engine, "Good to hear from you at last.")
    assert not {r for r in hits(engine, "Lovely to meet you at last!") if r.startswith("sarcasm")}
