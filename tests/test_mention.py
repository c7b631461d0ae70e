"""Mention is not use (issue 12, kind 5): a phrase in quotation marks is named, not said. Sentences are invented."""
import pytest

from tonecheck.analysis.mention import denied, is_mention, quotation_around
from tonecheck.config import Config
from tonecheck.engine import Engine


@pytest.fixture(scope="module")
def engine():
    return Engine(Config(select=("defensive", "sarcasm")))


def rules(engine, text):
    return [f.rule for f in engine.check_text(text)]


@pytest.mark.parametrize("text", [
    "Avoid openers like 'per my last email' or \"as I already explained\".",
    "We retired the \u201cfriendly reminder\u201d template last spring.",
    "Our style guide lists 'obviously' among the words to cut.",
])
def test_a_quoted_phrase_is_a_mention(engine, text):
    assert rules(engine, text) == []


@pytest.mark.parametrize("text, rule", [
    ("Per my last email, the form is attached.", "defensive.passive-aggressive"),
    # apostrophes are not quotation marks
    ("That's not our fault, and it isn't yours either.", "defensive.self-protection"),
])
def test_use_is_still_flagged(engine, text, rule):
    assert rule in rules(engine, text)


def test_a_long_quotation_is_not_a_mention():
    text = "You wrote: 'per my last email, nothing has changed and I am still waiting for the refund you promised'."
    s = text.index("per")
    assert quotation_around(text, s, s + 17) is not None
    assert not is_mention(text, s, s + 17)


def test_quotation_layout():
    text = "Say 'per my last email' once. Don't say it's 'fine'."
    s = text.index("per")
    assert quotation_around(text, s, s + 17) == (s, s + len("per my last email"))
    s = text.index("once")
    assert quotation_around(text, s, s + 4) is None
    assert is_mention(text, text.index("fine"), text.index("fine") + 4)
    assert not is_mention("It's not our fault, isn't it?", 9, 22)


def test_denied():
    assert denied("We don't claim to be ", len("We don't claim to be "))
    assert not denied("It isn't just fresh, it is ", len("It isn't just fresh, it is "))
    assert not denied("The lid isn't loose, and the blend is ", len("The lid isn't loose, and the blend is "))


@pytest.mark.parametrize("text", [
    '"It\'s not rocket science, but the rules need enforcing," said Dana Ruiz, an economist.',
    "The chairman says that is not our fault and never was.",
])
def test_reported_words_carry_someone_elses_tone(engine, text):
    assert rules(engine, text) == []


def test_the_writers_own_words_beside_a_report_are_judged(engine):
    assert "defensive.condescension" in rules(engine, "It's not rocket science: restart the router.")


def test_marks_outside_a_reported_quotation_are_the_writers(engine):
    assert "defensive.punctuation" in rules(engine, "He said we could lay our own cables if we wanted to!!!")
    assert rules(engine, '"Get out of my depot!!!" the foreman said to the drivers.') == []


def test_the_readers_own_question_told_back_is_not_the_writers_tone(engine):
    asked = "You asked whether you should have brought him in sooner. The lump only appeared last week."
    assert rules(engine, asked) == []
    # the same words said by the writer are blame, and so is the writer's own "I wonder whether"
    assert "defensive.blame" in rules(engine, "You should have brought him in sooner.")
    assert "defensive.blame" in rules(engine, "I do wonder whether you should have brought him in sooner.")
