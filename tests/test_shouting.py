"""defensive.shouting: an ordinary word raised into capitals is shouting; capitals that name, label or lay out
something are not (place names and datelines, headings and section labels, boilerplate and all-caps writers,
form fields and their values, names of products, papers and agreements, acronyms no list knows, initials
signing off). All sentences here are invented for these tests."""
from __future__ import annotations

import pytest

from tonecheck.analysis.capitals import is_common_word, layout_role
from tonecheck.engine import Engine
from tonecheck.rules import load_rules


@pytest.fixture(scope="module")
def engine():
    return Engine(rules=[r for r in load_rules() if r.id == "defensive.shouting"])


def shouted(engine, text, kind=None):
    return [f.excerpt for f in engine.check_text(text, kind=kind)]


@pytest.mark.parametrize("text,word", [
    ("This is URGENT.", "URGENT"),
    ("Our vans are strictly NON-SMOKING.", "NON-SMOKING"),
    ("This is a LAST-MINUTE change to your booking.", "LAST-MINUTE"),
    ("I have NOT received your payment yet.", "NOT"),
    ("We DO read every email that reaches the help desk.", "DO"),
    ("You MUST bring the receipt to the store.", "MUST"),
    ("We will NEVER share your details with anyone.", "NEVER"),
    ("As I said, the warranty does NOT cover water damage.", "NOT"),
    ("Your account is ALREADY closed, so there is no fee to pay.", "ALREADY"),
    ("The parcel was delivered YESTERDAY, so please ask your neighbours.", "YESTERDAY"),
    ("Please read the instructions CAREFULLY before you call us.", "CAREFULLY"),
    ("We cannot refund opened items, NO exceptions.", "NO"),
    ("This is the LAST time we can move the deadline.", "LAST"),
    ("You need to call the depot IMMEDIATELY about the missing crate.", "IMMEDIATELY"),
    ("It is YOUR responsibility to check the delivery address.", "YOUR"),
    ("We really DID send the invoice on time.", "DID"),
    ("Thanks SO much for waiting while we sorted this out.", "SO"),
    ("Send the signed RMA form back TODAY and we will collect the kettle.", "TODAY"),
    ("The sofa was OBVIOUSLY damaged before it left our warehouse.", "OBVIOUSLY"),
    # a connective raised in prose is emphasis like any other word (LABELS.md: capitals that are not acronyms)
    ("We could require forward contracts OR raise the incentives.", "OR"),
    ("The board confirmed a vote is very unlikely AND it will not sit in March.", "AND"),
    ("This is a HUGE MISTAKE on your part.", "HUGE MISTAKE"),
    ("Reply NOW or we will give the slot to someone else.", "NOW"),
    ("Hi Priya,\n\nThanks for your note about the boiler service. The engineer\nwill NOT be able to come on "
     "Thursday, so we have booked\nFriday morning instead.\n\nBest wishes,\nOwen", "NOT"),
])
def test_raised_word_is_flagged(engine, text, word):
    assert word in " ".join(shouted(engine, text)), shouted(engine, text)


def test_a_run_of_raised_words_is_one_excerpt(engine):
    assert shouted(engine, "PLEASE do NOT return it without a label.") == ["PLEASE", "NOT"]
    assert shouted(engine, "PLEASE DO NOT open the sealed pack.") == ["PLEASE DO NOT"]


def test_a_whole_sentence_raised_inside_ordinary_prose_is_shouting(engine):
    text = ("Can we use the survey in the rate case? My answer - ask the consultants to model it?  THIS NEEDS\n"
            "TO BE SETTLED INTERNALLY - HARBOURCO MAY NOT BE THAT FRIENDLY.\n")
    assert shouted(engine, text, "txt") == ["THIS NEEDS TO BE SETTLED INTERNALLY - HARBOURCO MAY NOT BE THAT FRIENDLY"]
    text = "Hi Ana, the figures look fine to me. PLEASE DO NOT SHARE THEM OUTSIDE THE TEAM. Thanks for this."
    assert shouted(engine, text, "txt") == ["PLEASE DO NOT SHARE THEM OUTSIDE THE TEAM"]


@pytest.mark.parametrize("text,kind", [
    ("Subject: Your refund has NOT been approved yet\n\nHi Sam,\n\nWe are still checking the receipt.", "txt"),
    ("From: Ana <ana@shop.example>\nTo: Sam <sam@example.com>\nSubject: Please do NOT post the parcel again\n\n"
     "Hi Sam,\n\nWe have your first parcel and will refund you today.\n\nAna\n", "eml"),
])
def test_raised_word_in_a_normal_subject_is_flagged(engine, text, kind):
    assert shouted(engine, text, kind) == ["NOT"]


@pytest.mark.parametrize("text", [
    # one of a pair of codes, a keyword before a path
    "Our teachers hold a CELTA or DELTA.",
    "Call the endpoint with GET /v2/orders?since=2026-11-01.",
    # hyphenated codes: digits, one-letter parts, initials
    "Please quote part HS-TB-200 when you order.",
    "Your X-RAY appointment is on Friday.",
    "The HR-IT handover is on Monday.",
    # place names and datelines
    "LAKE MERRIN, Ont. (Reuters) - Shares of the ferry operator rose on Tuesday.",
    "PORT ALDER (AP) - The council voted to extend the harbour car park.",
    "EAST VALE -- The water board said the new pipe will open next month.",
    "Our new depot in SAN MARCOS opens next week.",
    "MONDAY, March 3 - the service desk opens at nine.",
    # headings, section labels, title lines
    "QUARTERLY SERVICE REVIEW\n\nThe review is attached for your records.",
    "SUMMARY: the outage lasted two hours and affected the east region.",
    "NEXT STEPS: we will call you on Monday with the new schedule.",
    "PHOTO: A technician checks the meter outside the plant.",
    "Weekly notes from the editors of THE HARBOUR GAZETTE",
    "[IMAGE]   TOP STORIES   Local News   Weather   Sport",
    "Minutes of the board meeting -- DRAFT",
    # boilerplate and all-caps writers
    "Thanks for the update.\n\nTHIS MESSAGE AND ANY ATTACHMENTS ARE CONFIDENTIAL AND MAY BE PRIVILEGED. IF YOU "
    "RECEIVED IT IN ERROR, PLEASE DELETE IT.",
    "I WILL BE IN THE OFFICE ON MONDAY AND CAN MEET YOU THEN.",
    # form fields, status values, form answers
    "FROM: Dana Price\nDATE: 4 March\nRE: the delivery window",
    "Ticket status: RESOLVED",
    "Will you attend the dinner? YES\nAny dietary needs? NO",
    "Vendor: HARBOUR SUPPLY Fax: 555 0101",
    # names of products, papers and agreements; mentions
    "Please sign the MASTER SUPPLY AGREEMENT and return it by Friday.",
    "We were featured in the MORNING LEDGER last week.",
    "I read about it in the DAILY Courier this morning.",
    'Click "CONFIRM ORDER" to finish your purchase.',
    'Our slogan this year is "SERVICE IS IMPROVING\nAND WILL KEEP IMPROVING" on every van.',
    "Acme Widgets (BOLT) rose three percent after the results.",
    "Our partner ZELTRAX LOGISTICS will collect the pallet on Friday.",
    "See SECTION 4 of the guide for the wiring diagram.",
    "Every May the institute runs a GRID RISK conference in Leeds.",
    # words the reader is asked to type, send or press; acronyms without a vowel
    "If you'd like the spare router, reply YES and I'll post it today.",
    "To switch plans, send us the word UPGRADE from your account email.",
    "To cancel, reply to this email with the word CANCEL in the subject line.",
    "Check the switch in the fuse board marked PUMP and reset it if it has tripped.",
    "Please don't press the recessed **RESET** button on the back.",
    "Both generator sets were left in AUTO mode at the end of the test.",
    "If the STANDBY light flashes, switch it off at the wall.",
    "Static addresses suit people who run a CCTV system at home.",
    # a rarer word in capitals is more often a name or a term than a raised voice
    "Half of the price rise can be blamed on OPEC.",
    "Please raise the tariff issues in the OASIS filing.",
    "The change deletes the last sentence of the BOLD language in Section 2.2.",
    # acronyms no list can know
    "Bids for the DA auction close at noon.",
    "The grant for the pilot comes from DOE and the state energy office.",
    "Several ARM members asked for the slides from the meeting.",
    "The form has to go to the SEC before the end of the quarter.",
    "Depots QXR, MAIN, BLT and ZNW ship on Mondays.",
    # initials signing off, forwarded header lines
    "I have attached the signed copy.\n\nThanks, MK",
    "Here are the figures you asked for.\n\nBest wishes, JRT.",
    "See below.\n\nFrom: Lee Chan\nSent: Monday\nTo: Sam Price\nSubject: Rota for the BANK HOLIDAY weekend\n\nHi all",
    # an agent's initials glued to a symbol, as care teams sign short replies
    "Happy to help with the refund! ^AS",
    # operators of legal and technical writing
    "The buyer AND/OR its agent may inspect the goods.",
    "The hearing in Harbour Board VS. Dunmore is set for May.",
    # a sentence in capitals on lines of its own (a notice), or an all-caps writer
    "Thanks for the figures, they look right to me.\nPLEASE DO NOT REPLY TO THIS AUTOMATED MESSAGE.\nThe desk",
])
def test_capitals_that_name_or_label_are_not_shouting(engine, text):
    assert shouted(engine, text) == []


def test_subject_in_capitals_or_echoed_is_not_shouting(engine):
    assert shouted(engine, "Subject: RETURN LABEL ATTACHED\n\nHi Ana,\n\nThe label is attached.", "txt") == []
    eml = ("From: Sam <sam@shop.example>\nTo: Jo <jo@example.com>\nSubject: Re: my order has NOT arrived\n\n"
           "Hi Jo,\n\nYour order left the depot today and arrives tomorrow.\n\nSam\n")
    assert shouted(engine, eml, "eml") == []


def test_word_evidence_comes_from_frequency_and_the_dictionary():
    assert is_common_word("URGENT") and is_common_word("NOT") and is_common_word("DON'T")
    # a short string of capitals must be a very common word to be read as one; names are not dictionary words
    assert not is_common_word("DOE") and not is_common_word("DA") and not is_common_word("DIEGO")
    assert not is_common_word("PG&E")


def test_layout_role_names_the_reason():
    text = "SUMMARY: all good.\nStatus: CLOSED\nPORT ALDER (AP) - Calm seas."
    assert layout_role(text, 0, 7) == "label"
    s = text.index("CLOSED")
    assert layout_role(text, s, s + 6) == "field_value"
    s = text.index("PORT")
    assert layout_role(text, s, s + 10) == "dateline"
    text = "The buyer AND/OR its agent. I have NOT had it."
    s = text.index("AND/OR")
    assert layout_role(text, s, s + 6) == "logic"
    s = text.index("NOT")
    assert layout_role(text, s, s + 3) is None


@pytest.mark.parametrize("text,flagged", [
    ("We DO NOT climb above 12 m/s, whatever the schedule says.", True),
    ("We DO NOT climb above 12 m/s, no matter what the schedule says.", True),
    ("The chairman says the plan is DEEPLY flawed.", False),       # a third party's words, reported
])
def test_brushing_a_source_aside_is_still_the_writers_voice(engine, text, flagged):
    assert bool(shouted(engine, text)) is flagged


def test_capitals_the_other_side_also_writes_are_a_name_both_use(engine):
    quoted = ("\n\nOn Thu 4 Mar 2027, Eoin <eoin@example.ie> wrote:\n> My daughter's RACE application closes soon.\n"
              "> I have NOT heard back.\n")
    eml = ("From: Sam <sam@assess.example>\nTo: Eoin <eoin@example.ie>\nSubject: Re: waiting list\n\n"
           "Hi Eoin,\n\nFor RACE, the school can apply using its own evidence. I have NOT forgotten you.\n\nSam"
           + quoted)
    found = [f.excerpt for f in engine.check_text(eml, kind="eml") if f.rule == "defensive.shouting"]
    assert found == ["NOT"]


@pytest.mark.parametrize("text", [
    "Results of today's test:\n- Valve 1: opened on time, PASS\n- Valve 2: stuck half open, FAIL\n",
    "Your answers:\nParking on site - YES\nStep-free access - NO\n",
])
def test_values_in_a_column_are_answers_not_a_raised_voice(engine, text):
    assert shouted(engine, text) == []


def test_initials_signing_off_do_not_make_a_column(engine):
    assert shouted(engine, "I asked for a refund, not a voucher, URGENT.\nThanks, JB\n") == ["URGENT"]


@pytest.mark.parametrize("text", [
    "Please reply with YES or NO by Tuesday so we can book the room.",
    "Open the dashboard and fix anything marked AMBER or RED before the audit.",
])
def test_a_pair_of_words_to_type_or_look_for_is_a_label(engine, text):
    assert shouted(engine, text) == []


def test_a_raised_pair_in_prose_is_still_shouting(engine):
    assert shouted(engine, "We will NOT and CANNOT refund opened items.") == ["NOT", "CANNOT"]


@pytest.mark.parametrize("text", [
    "Cable sets ship with RoHS and REACH declarations.",
    "Both the REACH/RoHS statements and the ISO 9001 certificate are attached.",
])
def test_an_ambiguous_word_listed_beside_another_code_is_a_code(engine, text):
    assert shouted(engine, text) == []


def test_words_listed_beside_shouted_words_are_still_shouting(engine):
    assert shouted(engine, "We DO and DID read every email you send us.")


@pytest.mark.parametrize("text", [
    "Sign in with your member number and the PIN we gave you at the desk.",
    "Your PIN is on the back of the welcome letter.",
    # listed beside a name the message uses: the exams are names, however ordinary the words
    "We prepare pupils for the Oxford MAT and for STEP; the MAT is in October and MAT papers are online.",
])
def test_a_code_word_after_a_determiner_or_listed_beside_a_name_is_not_shouting(engine, text):
    assert shouted(engine, text) == []


def test_a_raised_word_near_a_name_is_still_shouting(engine):
    assert shouted(engine, "I have NOT received the MAT papers, and the PIN does not work.") == ["NOT"]


def test_a_short_sentence_in_capitals_said_to_the_reader_between_paragraphs_is_shouting(engine):
    text = ("Dear Ama,\n\nWe have received your message about the cockerels you collected from the depot.\n\n"
            "PLEASE NOTE THAT WE DO NOT TAKE BACK LIVE BIRDS AFTER 72 HOURS.\n\n"
            "If some of the birds are sick, our advisor can check them this week.\n")
    assert shouted(engine, text) == ["PLEASE NOTE THAT WE DO NOT TAKE BACK LIVE BIRDS AFTER 72 HOURS"]


def test_a_notice_in_capitals_on_its_own_lines_is_not_shouting(engine):
    text = ("Hi Ama,\n\nThe invoice is attached.\n\nTHIS EMAIL AND ANY FILES TRANSMITTED WITH IT ARE CONFIDENTIAL "
            "AND INTENDED SOLELY FOR THE USE OF THE INDIVIDUAL TO WHOM THEY ARE ADDRESSED.\n")
    assert shouted(engine, text) == []


def test_words_to_type_are_labels_and_the_papers_stressed_are_the_writers_voice(engine):
    typed = "Kindly reply YES to confirm, or NO if you need a new time. If you reply NO, I'll call."
    assert shouted(engine, typed) == []
    assert shouted(engine, "The agreement says plowing starts ONCE the snow stops, not during it.") == ["ONCE"]


def test_a_heading_in_capitals_over_a_numbered_list_is_not_shouting(engine):
    text = ("Dear Dr Okoye,\n\nThank you for choosing us. I will look after the practice until your first pay run "
            "is complete.\n\nYOUR FIRST STEPS\n1. Accept the invitation that was sent to you this morning.\n"
            "2. Upload your employee list using the template in the settings.\n")
    assert shouted(engine, text) == []


def test_a_format_or_button_named_in_capitals_and_a_joined_pin_are_names(engine):
    assert shouted(engine, "Please send a STEP file for folded parts, or press the SAVE button.") == []
    assert shouted(engine, "Book online with your library card number and PIN.") == []
    assert shouted(engine, "Use the WRONG file again and the job stops.") == ["WRONG"]


@pytest.mark.parametrize("text", [
    "The SWMS for the loading bay is on page 4 of the pack.",
    "Please upload the form to PAYE before the cut-off.",
    "Our bids go live on NYMEX at the same time.",
])
def test_a_word_in_capitals_heading_its_phrase_names_a_thing(engine, text):
    assert shouted(engine, text) == []


@pytest.mark.parametrize("text,word", [
    ("You sent it to the WRONG address.", "WRONG"),
    ("That is not acceptable at ALL.", "ALL"),
    ("Send it to ME, not to the office.", "ME"),
    ("This is the LAW, and it applies to everyone.", "LAW"),
    ("We do NOT take returns after 30 days.", "NOT"),
])
def test_a_raised_modifier_pronoun_or_word_of_stress_after_a_preposition_is_still_shouting(engine, text, word):
    assert shouted(engine, text) == [word]
