"""A phrase wrapped across a line break is found in every plain-text layout (issue 12, kind 7): hard-wrapped
.txt, .eml (also format=flowed) and .md. Sentences are invented."""
import pytest

from tonecheck.analysis.layout import unwrapped
from tonecheck.config import Config
from tonecheck.engine import Engine
from tonecheck.readers import read_document

WRAPPED = "You should\nhave read the terms. That is not our\nfault.\n"


@pytest.fixture(scope="module")
def engine():
    return Engine(Config(select=("defensive",)))


def _eml(body: str, flowed: bool = False) -> bytes:
    ctype = "text/plain; charset=utf-8" + ("; format=flowed" if flowed else "")
    return (f"From: Sam <sam@shop.example>\nTo: Ana <ana@example.com>\nSubject: Your order\n"
            f"Content-Type: {ctype}\n\n{body}").encode()


@pytest.mark.parametrize("name, data", [
    ("note.txt", WRAPPED.encode()),
    ("note.md", WRAPPED.encode()),
    ("note.eml", _eml(WRAPPED)),
    ("flowed.eml", _eml(WRAPPED.replace("should\n", "should \n").replace("our\n", "our \n"), flowed=True)),
])
def test_a_wrapped_phrase_is_found_where_it_starts(engine, name, data):
    findings = engine.check(read_document(name, data=data))
    assert any(f.rule == "defensive.blame" and f.excerpt.split() == "You should have read".split() for f in findings)
    fault = [f for f in findings if f.rule == "defensive.self-protection"]
    assert fault and fault[0].excerpt.split() == ["not", "our", "fault"]


def test_format_flowed_is_read_as_its_paragraphs():
    body = "We are sorry the parcel is \nlate; it is on its way.\n-- \nSam\n"
    doc = read_document("f.eml", data=_eml(body, flowed=True))
    assert "We are sorry the parcel is late; it is on its way." in doc.text
    assert "Sam" not in doc.text                       # "-- " still starts the signature
    delsp = _eml("Call us on Mon\nday.\n".replace("Mon\n", "Mon \n"), flowed=True).replace(
        b"format=flowed", b"format=flowed; delsp=yes")
    assert "Call us on Monday." in read_document("d.eml", data=delsp).text


def test_unwrapped_keeps_length_and_the_breaks_that_stand_alone():
    text = "Hi Ana,\nthanks for writing. The parts are\nhere.\n- first\n- second\nBest regards,\nSam"
    flat = unwrapped(text)
    assert len(flat) == len(text)
    assert "parts are here." in flat                 # a soft break inside a sentence
    assert flat.startswith("Hi Ana,\nthanks")         # a greeting line keeps its break
    assert "here.\n- first\n- second" in flat         # after a full stop, and before a bullet
    assert unwrapped("one line") == "one line"


def test_the_blame_finding_points_at_the_first_line(engine):
    findings = engine.check(read_document("note.txt", data=WRAPPED.encode()))
    blame = [f for f in findings if f.rule == "defensive.blame"]
    assert [(f.line, f.column) for f in blame] == [(1, 1)]


def _sentences(text: str) -> list[str]:
    from tonecheck.nlp import get_nlp
    return [s.text for s in get_nlp()(unwrapped(text)).sents]


def test_lines_the_writer_ended_are_sentences_of_their_own():
    status = ("Queue for the week:\n\nIn production: 14 jobs, 3,920 pages\nExpedited: 4 jobs, due Tue to Thu\n"
              "Standard: 10 jobs, all on track for the usual date\nAwaiting audio: job 26-1187, not yet received")
    assert [s.strip() for s in _sentences(status)][1:] == [
        "In production: 14 jobs, 3,920 pages", "Expedited: 4 jobs, due Tue to Thu",
        "Standard: 10 jobs, all on track for the usual date", "Awaiting audio: job 26-1187, not yet received"]
    # lines of equal length still end where the writer ended them when each opens with a label
    route = ("Mon 21: Upper House, Knighton (30t wheat, dress with Vantrex)\n"
             "Tue 22: Beddoes, Bishop's Castle (18t wheat, no dressing)")
    assert len(_sentences(route)) == 2
    # a fixed-width table: each row is read on its own, and so is the prose after it
    table = ("BIN    PART NO       DESCRIPTION             ON HAND   MIN   MAX     STATUS\n"
             "A-09   TF-10440-Z    M6 x 1.0 x 16 SHCS        1,150   400   1,600   OK\n"
             "A-14   TF-10452-Z    M8 x 1.25 x 20 SHCS         210   400   1,600   REORDER\n"
             "Two bins are at reorder and our driver will refill them on Thursday.")
    assert [s.split()[0] for s in _sentences(table)] == ["BIN", "A-09", "A-14", "Two"]
    # two spaces after a full stop are no column gap: a hard-wrapped paragraph stays one sentence per sentence
    prose = ("We checked the unit on site.  The seal was worn, so we replaced it and\n"
             "tested the pump for an hour.  It held pressure the whole time.")
    assert len(_sentences(prose)) == 3
    # nor are the two spaces a re-joined wrap leaves (a trailing space and the joining one)
    from tonecheck.nlp import table_row
    assert not table_row("our team support all the units but many are  specifically dedicated to  certain ones")
    assert table_row("A-14\tTF-10452-Z\t210")


def test_a_break_the_wrapper_made_before_a_capital_stays_inside_the_sentence():
    para = ("Could you send us the signed variation for the Harbour Road job by Thursday, 17\n"
            "December? If it is going to be later than that, I would like to talk about\n"
            "moving the pour so the crane booking still works.")
    assert [s.strip().replace("\n", " ")[:60] for s in _sentences(para)] == [
        "Could you send us the signed variation for the Harbour Road ",
        "If it is going to be later than that, I would like to talk a"]
    # a line the writer ended on purpose keeps its break, even before a capital
    listing = ("Crew for the Harbour Road pour on Thursday morning, all on site by 7\n"
               "Mick Doyle, pump operator and banksman for the whole of the pour\n"
               "Sian Price, finisher")
    assert unwrapped(listing) == listing


def test_a_hard_wrapped_paragraph_stays_one_sentence():
    para = ("Thanks for sending the signed form back so quickly. The refund for the\n"
            "Brisbane order goes back to your Visa card today, and Maria from our\n"
            "Accounts team will email you the credit note once it has cleared.")
    assert len(_sentences(para)) == 2


@pytest.mark.parametrize("text,count", [
    ("We'll take the room from 8 a.m. to 6 p.m. Please add a wired line for the feed.", 2),
    ("One day was lost to wind over 12 m/s. The inspection report went out on 16 October.", 2),
    ("Dr. Patel will call you at 9 a.m. Monday about the results.", 1),
    ("J. The Builder Ltd sent the quote.", 1),
])
def test_a_full_stop_the_tokenizer_kept_still_ends_a_sentence_before_an_opener(text, count):
    assert len(_sentences(text)) == count


@pytest.mark.parametrize("text,count", [
    ("Recharged with 6 lb of R-404A. Box was at 36F when I left.", 2),
    ("It's on invoice INV-2044. Payment is due Friday.", 2),
    # a floor written "17/F": the letter is glued to digits, no initial
    ("She would face one flight of stairs to 17/F. Starting at noon, a guard will wait in the lobby.", 2),
    ("Thanks heaps for the notice 🙃 We can stretch to 110 guests.", 2),
    ("Party time 🎉🎉 The van leaves at 5.", 2),
    ("Hi 👋 Sam here.", 1),
])
def test_a_code_or_an_emoji_can_end_a_sentence(text, count):
    assert len(_sentences(text)) == count


def test_a_line_ending_in_a_preposition_runs_on_before_a_capital():
    from tonecheck.analysis.layout import unwrapped
    text = "I shall telephone you on\nThursday 11 March at 2pm.\nRegards\nJulian"
    flat = unwrapped(text)
    assert len(flat) == len(text)
    assert "you on Thursday" in flat
    assert "2pm.\nRegards\nJulian" in flat          # a line that ends a sentence or a name keeps its break


def test_a_clock_time_ends_a_sentence_before_a_capitalised_word():
    from tonecheck.config import Config
    from tonecheck.engine import Engine
    doc = Engine(Config(model=False, select=("clarity",))).parse(
        "It snowed from 6:00 p.m. to 4:00 a.m. Under your agreement, the crews clear the aisles. Call at 9 a.m. "
        "Eastern on Monday.")
    assert [s.text for s in doc.sents] == ["It snowed from 6:00 p.m. to 4:00 a.m.",
                                           "Under your agreement, the crews clear the aisles.",
                                           "Call at 9 a.m. Eastern on Monday."]


def test_a_regex_rule_whose_literal_wraps_is_still_run(engine, tmp_path):
    """The regex rules' "might this match" pre-test reads the unwrapped text too: a literal with a space ("find
    something") that the wrapper broke across lines must not make the rule skip the text."""
    path = tmp_path / "note.txt"
    path.write_text("Hi Ann,\n\nThe bars left here in an insulated box with a gel pack and a cold\n"
                    "pack, the same as every order to Europe. Honestly, you always find\n"
                    "something wrong with an order, and we pack yours like anyone else's.\n\nJo\n")
    found = [f for f in engine.check(read_document(str(path))) if f.rule == "defensive.absolute"]
    assert [f.line for f in found] == [4]
