"""defensive.insult: insults, swearing and put-downs aimed at the reader (issue 12, kind 8); a swear word about a
thing, a quoted mention and a word that merely contains a swear word are not findings. Every sentence here is
invented for these tests."""
from __future__ import annotations

import pytest

from tonecheck.analysis.insults import LABEL, SLUR, SWEAR, lexicon, lexicon_kind
from tonecheck.config import Config
from tonecheck.engine import Engine
from tonecheck.rules import load_rules

RULE = next(r for r in load_rules() if r.id == "defensive.insult")


@pytest.fixture(scope="module")
def engine():
    return Engine(Config(select=("defensive.insult",)))


def excerpts(engine, text, kind=None):
    return [f.excerpt for f in engine.check_text(text, kind=kind)]


def test_words_come_from_the_lexicon_by_whole_token():
    assert lexicon_kind("damn") == SWEAR and lexicon_kind("d@mn") == SWEAR and lexicon_kind("fuuuck") == SWEAR
    assert lexicon_kind("idiot") == LABEL and lexicon_kind("clowns") == LABEL
    assert lexicon_kind("kike") == SLUR
    for word in ("assess", "scunthorpe", "cocktail", "dickens", "hello", "class", "shiitake", "sex", "weed", "knob"):
        assert lexicon_kind(word) is None, word
    lex = lexicon(tuple(RULE.options["labels"]), tuple(RULE.options["swear_words"]))
    assert lex.kind("hell") == SWEAR and lex.kind("fools") == LABEL and lex.kind("hello") is None


@pytest.mark.parametrize("text, excerpt", [
    ("Grow up and read the manual, you clown.", "you clown"),
    ("You idiot, the switch is on the back.", "You idiot"),
    ("You stupid people broke the latch again.", "You stupid people"),
    ("You clowns sent the wrong part twice.", "You clowns"),
    ("Honestly, you're a complete moron.", "you're a complete moron"),
    ("You guys are being idiots about the refund.", "You guys are being idiots"),
    ("You sound like a fool on the phone.", "You sound like a fool"),
    ("Are you an idiot? The switch is on the back.", "Are you an idiot"),
    ("How stupid are you?", "How stupid are you"),
    ("What an idiot you are.", "What an idiot you are"),
    ("Don't be an idiot, the form is on page two.", "Don't be an idiot"),
    ("Stop being so clueless about the settings.", "Stop being so clueless"),
    ("Idiots like you never read the label.", "Idiots like you"),
    ("That was your stupid question, not mine.", "your stupid question"),
    ("Your idea is dumb.", "Your idea is dumb"),
    ("Your clueless team lost the file.", "Your clueless team"),
    ("Are You An Idiot?", "Are You An Idiot"),
])
def test_labels_said_of_the_reader(engine, text, excerpt):
    assert excerpt in excerpts(engine, text)


@pytest.mark.parametrize("text, excerpt", [
    ("Read the damn instructions before you ring us again.", "damn"),
    ("Just fill in the bloody form.", "bloody"),
    ("If the valve leaks, take the damn thing back to the shop.", "damn"),
    ("Stop sending me this crap.", "crap"),
    ("What the hell is wrong with you people?", "What the hell"),
    ("Why the hell didn't you call the depot?", "Why the hell"),
    ("Did you even read the d@mn email?", "d@mn"),
    ("Are you fucking kidding me?", "fucking"),
    ("You are so damn slow with the paperwork.", "damn"),
    ("Damn you and your late invoices.", "Damn you"),
    ("I can't find your damn order anywhere.", "your damn order"),
])
def test_swearing_at_the_reader(engine, text, excerpt):
    assert excerpt in excerpts(engine, text)


@pytest.mark.parametrize("text, excerpt", [
    ("Grow up.", "Grow up"),
    ("So just get a clue, please.", "get a clue"),
    ("Shut up and listen to the engineer.", "Shut up"),
    ("Go to hell.", "Go to hell"),
    ("RTFM.", "RTFM"),
])
def test_put_downs(engine, text, excerpt):
    assert excerpts(engine, text) == [excerpt]


@pytest.mark.parametrize("text", [
    # swearing about a thing or a situation, aimed at no one
    "The damn printer jammed again, so the labels go out tomorrow.",
    "Hell of a week, but the depot is back to normal.",
    "I know you had a hell of a week, so the report can wait.",
    "I'm telling you, the damn printer jammed again.",
    "You know, it was a bloody nightmare for the traders.",
    "What the hell happened to the server on Friday?",
    "Check out this crap from the regulator.",
    "You did a damn good job on the audit.",
    "You're damn right about the freight costs.",
    "You must be pissed off about the delay, and I'm sorry.",
    # a label, but not of the reader, or denied
    "I felt like an idiot when I saw my own typo.",
    "Thanks for putting up with my dumb mistake.",
    "It would be wrong to call the auditors stupid.",
    "Don't forget the cigars for Moron at the party.",
    "Nobody thinks you are stupid for asking.",
    "I'm not saying you're an idiot.",
    "Don't be silly, it's no trouble at all.",
    # everyday words in the lexicon's insult list, and words no insult lexicon should hold
    "We'll send you the garbage collection schedule.",
    "Your failure notice arrived on Monday.",
    "You can screw the bracket to the wall.",
    "Will you be at the pride parade on Sunday?",
    "You can pick up the knob for the door from the depot.",
    "Your ass't will call you tomorrow.",
    "Wear your ugly sweater to the party on Friday.",
    "Sorry about your freak accident at the depot.",
    "Try your jerk chicken recipe on the team.",
    # a capitalised word inside a sentence is a name
    "Please set up your Crapo meeting for Tuesday.",
    # an order that is no put-down
    "Grow up to 30% more tomatoes with the new feed.",
    "Get lost in a good book this summer.",
    # Scunthorpe: a swear word inside another word
    "Please assess the Scunthorpe cocktail menu before Friday.",
    "Hello Ana, the Dickens box set and the bass class start on Monday.",
    "Our Middlesex office passed the compass assessment.",
])
def test_not_aimed_at_the_reader(engine, text):
    assert excerpts(engine, text) == []


@pytest.mark.parametrize("text", [
    "The warning lamp some drivers call the 'idiot light' means the oil is low.",
    'Avoid phrases like "read the damn manual" or "you clown" in replies.',
    "Words we never write to customers: 'idiot', 'moron', 'stupid'.",
])
def test_a_quoted_word_is_a_mention(engine, text):
    assert excerpts(engine, text) == []


def test_quoted_thread_and_signature_are_not_judged(engine):
    text = ("Subject: Re: part\n\nHi Sam,\n\nThe part ships today.\n\n"
            "On Mon, 2 Mar 2026, Sam wrote:\n> Read the damn manual, you clown.\n")
    assert excerpts(engine, text, kind="eml") == []


def test_an_echoed_reply_subject_is_someone_elses_words(engine):
    head = "From: ana@shop.example\nTo: sam@home.example\nSubject: "
    text = head + "Re: you idiots lost my parcel\n\nHi Sam,\n\nI'm sorry; the parcel ships again today.\n"
    assert excerpts(engine, text, kind="eml") == []
    own = head + "you idiots\n\nHi Sam,\n\nThe parcel ships today.\n"
    assert excerpts(engine, own, kind="eml") == ["you idiots"]


def test_place_excerpt_and_wording_of_each_kind(engine):
    text = "Hi Ana,\n\nGrow up and read the damn manual,\nyou clown.\n"
    found = engine.check_text(text)
    got = [(f.line, f.column, f.end_line, f.end_column, f.excerpt, f.severity) for f in found]
    assert got == [(3, 1, 3, 8, "Grow up", "error"), (3, 22, 3, 26, "damn", "error"),
                   (4, 1, 4, 10, "you clown", "error")]     # end_column is one past the excerpt
    variants = RULE.variants
    messages = {f.excerpt: (f.message, f.suggestion) for f in found}
    assert messages["you clown"][0].startswith("'you clown' calls the reader names")
    assert messages["you clown"][1] == RULE.suggestion
    assert messages["damn"][0] == variants["profanity"]["message"].replace("{match}", "damn")
    assert messages["Grow up"][0] == variants["put-down"]["message"].replace("{match}", "Grow up")
    assert messages["Grow up"][1] == variants["put-down"]["suggestion"]
