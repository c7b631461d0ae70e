"""defensive.insult: insults and swear words aimed at the reader (issue 12, kind 8). Sentences are invented."""
import pytest

from tonecheck.analysis.insults import swear_words
from tonecheck.config import Config
from tonecheck.engine import Engine


@pytest.fixture(scope="module")
def engine():
    return Engine(Config(select=("defensive.insult",)))


def hits(engine, text):
    return [(f.excerpt, f.message.split("'")[2].strip()) for f in engine.check_text(text)]


def test_the_swear_words_come_from_the_maintained_lexicon():
    assert len(swear_words()) > 500 and "damn" in swear_words()
    assert "assess" not in swear_words() and "scunthorpe" not in swear_words()


@pytest.mark.parametrize("text, excerpt", [
    ("Grow up and read the manual, you clown.", "you clown"),
    ("Honestly, are you a complete moron?", "you a complete moron"),
    ("Idiots like you never read the label.", "Idiots"),
    ("Read the damn instructions before you ring us again.", "damn"),
    ("What the hell is wrong with you people?", "hell"),
    ("Just fill in the fucking form.", "fucking"),
    ("Shut up and wait for the engineer.", "Shut up"),
])
def test_aimed_at_the_reader(engine, text, excerpt):
    assert excerpt in [e for e, _ in hits(engine, text)]


@pytest.mark.parametrize("text", [
    "The damn printer jammed again, so the labels go out tomorrow.",
    "Thank you, that was a hell of a week for the depot team.",
    "I felt like an idiot when I saw my own typo; the corrected invoice is attached.",
    "Our assessment of the cocktail cabinet from the Scunthorpe depot is attached.",
    "We've renamed the 'useless idiot' filter in the app.",
    "The Dickens display in the shop window needs new bulbs.",
    "@xx_inde could you tell us which platform you use?",       # a handle, not a word
])
def test_not_aimed_at_the_reader_or_only_mentioned(engine, text):
    assert hits(engine, text) == []


def test_finding_place_and_wording(engine):
    f = engine.check_text("Hi Ana,\n\nGrow up and read the manual, you clown.\n")[-1]
    assert (f.line, f.column, f.excerpt, f.severity) == (3, 30, "you clown", "error")
    assert f.message.startswith("'you clown' insults the reader")
    assert f.suggestion.startswith("Describe the problem, not the person")
