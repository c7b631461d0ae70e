"""Real-world reply and forward layouts: what the author wrote is judged, what they forwarded is context.
Messages are invented, in the layouts mail clients produce."""
import pytest

from tonecheck.readers import read_document

HEAD = "From: Dana Whitfield <dana@corp.example>\nTo: Lee Park <lee@corp.example>\nSubject: FW: rates\n\n"

NOTES_ONE_LINE = (
    "Lee - see below; can you check the figures by Friday?\n\nDana\n\n"
    "---------------------- Forwarded by Dana Whitfield/HOU/CORP on 03/02/2001 10:14 AM ---------------------------\n"
    "\n\nRory Banks@EXTERNAL\n03/01/2001 04:40 PM\nTo: Dana Whitfield/HOU/CORP@CORP\ncc:\nSubject: rates\n\n"
    "Per my last email, the rates WILL go up soon and that is not our fault.\n")
# the mailer wrapped the separator: the time's AM/PM and the closing dashes fall on the next line
NOTES_WRAPPED = NOTES_ONE_LINE.replace("on 03/02/2001 10:14 AM ---------------------------\n",
                                       "on 03/02/2001 10:14 \nAM ---------------------------\n")


@pytest.mark.parametrize("raw", [NOTES_ONE_LINE, NOTES_WRAPPED], ids=["one-line", "wrapped"])
def test_lotus_notes_forward_is_context(raw):
    doc = read_document("fw.eml", data=(HEAD + raw).encode())
    assert "check the figures by Friday" in doc.text
    assert "Per my last email" not in doc.text and "Forwarded by" not in doc.text and "AM ---" not in doc.text
    assert any("Per my last email" in b.text for b in doc.context.quoted)
    assert doc.context.quoted[0].kind == "forward"


def test_prose_about_forwarding_stays_judged():
    raw = "Lee - I forwarded by hand the three contracts you asked for.\n\n-- \nDana\n"
    doc = read_document("n.eml", data=(HEAD + raw).encode())
    assert "I forwarded by hand the three contracts" in doc.text
    assert not doc.context.quoted


NOTE = "Lee - worth a read before Tuesday's call.\n\nDana\n\n"
WIRE_ARTICLE = (
    "Harbour Tariff Ruling Delayed Again\n\n"
    "By Mira Castellanos\n\n"
    "PORTSMOUTH, June 4 (Reuters) - The regional regulator will publish its tariff ruling\n"
    "next month at the earliest, officials said on Monday, and rates will climb soon.\n\n"
    "\"We will get to it when we can,\" a spokesman said. This is NOT our FAULT!!!\n\n"
    "Copyright 2001 Reuters Limited. All rights reserved.\n")
DATELINE_BYLINE = (
    "Council Weighs Grid Levy\n"
    "By Tomas Eriksen and Ada Obi\n\n"
    "LEEDS -- The council will consider the levy at some point, members said, obviously\n"
    "without a firm date.\n")

# a byline and a staff credit on a line of its own, no wire tag, no copyright line
STAFF_CREDIT = (
    "Harbour Levy Leaves Ferry Operators Exposed\n\n"
    "By MIRA CASTELLANOS and TOMAS ERIKSEN\n"
    "Staff Reporters of THE HARBOUR GAZETTE\n\n"
    "It is a market that will tempt the operators, and sure enough the fares will climb soon.\n")

WEB_PAGE = (
    "Home | News | Opinion | Subscribe | Help\n\n"
    "Grid Levy Plan Stalls\n\n"
    "Members will return to the levy at some point, and rates will climb soon.\n\n"
    "For information about reprinting this article, go to the rights page.\n"
    "a d v e r t i s i n g  Subscribe NOW and SAVE on home delivery!!!\n")

@pytest.mark.parametrize("article", [WIRE_ARTICLE, DATELINE_BYLINE, WEB_PAGE, STAFF_CREDIT],
                         ids=["wire-copyright", "dateline-byline", "news-site-page", "byline-staff-credit"])
def test_a_pasted_news_article_is_context(article):
    doc = read_document("fw.eml", data=(HEAD + NOTE + article).encode())
    assert "worth a read before Tuesday's call" in doc.text
    assert "will" not in doc.text and "Council Weighs" not in doc.text and "Harbour Tariff" not in doc.text
    assert doc.context.quoted[0].kind == "pasted"


def test_an_article_pasted_without_a_note_is_all_context():
    doc = read_document("fw.eml", data=(HEAD + WIRE_ARTICLE).encode())
    assert "will" not in doc.text


@pytest.mark.parametrize("raw", [
    # a single dash after capitals is not a dateline without more of an article's furniture
    "URGENT - the meter readings for the Leeds depot have to be in by Friday, please.\n\nDana\n",
    # "By" and a name in prose, one weak sign alone
    "By Friday Morning the files will be with you, as promised.\n\nDana\n",
    "The copyright on the logo is ours; I'll send the licence today.\n\nDana\n",
    # a staff credit needs to open its line and name whom the staff work for
    "Our staff reporters will cover the launch, and I'll send you their notes by Friday.\n\nDana\n",
])
def test_prose_that_looks_a_little_like_an_article_stays_judged(raw):
    doc = read_document("n.eml", data=(HEAD + raw).encode())
    assert raw.split("\n")[0] in doc.text
    assert not doc.context.quoted


def test_a_confidentiality_footer_is_context():
    raw = ("Lee, the signed copy is attached; I'll chase the rest soon.\n\nDana\n\n"
           "The information in this e-mail is confidential and may be privileged. If you are not the\n"
           "intended recipient, please delete it; any copying or use of it is prohibited.\n")
    doc = read_document("n.eml", data=(HEAD + raw).encode())
    assert "I'll chase the rest soon" in doc.text
    assert "prohibited" not in doc.text and "confidential" not in doc.text


def test_a_footer_that_says_received_it_in_error_is_context():
    raw = ("Your certificates are attached.\n\nChloe\n\n"
           "CONFIDENTIALITY: This email and any attachments are intended only for the named recipient and may contain "
           "confidential information. If you have received it in error, please tell the sender and delete it.\n")
    doc = read_document("n.eml", data=(HEAD + raw).encode())
    assert "certificates are attached" in doc.text
    assert "please tell the sender" not in doc.text


@pytest.mark.parametrize("footer", [
    # a notice heading, "for the exclusive use of", "confidential or proprietary", "received ... in error" without
    # "have", hard-wrapped at odd places as a mail client leaves it
    "CONFIDENTIALITY NOTICE: This message and its attachments are for the exclusive use of the\nintended "
    "addressee and may contain confidential or proprietary material. If you\nreceived this message by mistake, "
    "please tell the sender and delete it.",
    "LEGAL NOTICE: Hollin Ltd is registered in England, 0000000. Please consider the environment before printing.",
    "This message and any files sent with it are meant solely for the person it is addressed to. Hollin Ltd, "
    "Unit 4, Marsh Lane.",
    "This e-mail is intended for the recipient only. Registered in Scotland, SC000000.",
])
def test_a_one_line_footer_that_says_whom_the_message_is_for_is_context(footer):
    raw = f"Your certificates are attached.\n\nChloe\nAccounts\n\n{footer}\n"
    doc = read_document("n.eml", data=(HEAD + raw).encode())
    assert "certificates are attached" in doc.text
    assert "Registered" not in doc.text and "Marsh Lane" not in doc.text and "please" not in doc.text.lower()


def test_a_sentence_about_whom_a_message_is_for_stays_judged():
    raw = "This email is for the whole team, so please pass it on.\n\nDana\n"
    doc = read_document("n.eml", data=(HEAD + raw).encode())
    assert "pass it on" in doc.text


def test_a_notice_in_the_senders_own_words_stays_judged():
    raw = ("Hi Sam,\n\nPrivacy notice: we have changed how we store card details, so please review the new terms "
           "by Friday.\n\nDana\n")
    doc = read_document("n.eml", data=(HEAD + raw).encode())
    assert "please review the new terms" in doc.text


RELEASE = ("FOR IMMEDIATE RELEASE\n\nHarlow Ferries Names New Fleet Director\n\n"
           "PLYMOUTH, Dec. 2, 2026 -- Harlow Ferries today named Ruth Adeyemi fleet director. \"She is the best in "
           "the business and we are thrilled!\" said chair Tom Ellis.\n\nMedia contact: press@harlow.example\n")


def test_a_press_release_under_the_senders_note_is_context():
    raw = "Team - the release below went out this morning. I'll brief you all on Monday at 10.\n\nKim\n\n" + RELEASE
    doc = read_document("n.eml", data=(HEAD + raw).encode())
    assert "I'll brief you all" in doc.text
    assert "thrilled" not in doc.text and "Fleet Director" not in doc.text


def test_a_release_the_writer_drafts_is_judged():
    doc = read_document("n.eml", data=(HEAD + RELEASE).encode())
    assert "thrilled" in doc.text


def test_a_sentence_about_a_mistake_received_stays_judged():
    raw = "If you have received the wrong size, please send it back with the label attached.\n\nDana\n"
    doc = read_document("n.eml", data=(HEAD + raw).encode())
    assert "please send it back" in doc.text


def test_a_sentence_about_the_wrong_recipient_stays_judged():
    raw = "If you are not the right person for invoices, please pass this on to your accounts team.\n\nDana\n"
    doc = read_document("n.eml", data=(HEAD + raw).encode())
    assert "please pass this on" in doc.text


def test_an_inlined_raw_header_starts_the_earlier_message():
    raw = ("FYI\n"
           "Content-Transfer-Encoding: quoted-printable\n"
           "Date: Tue, 6 Mar 2001 08:53:16 -0500\n"
           "From: \"Rory Banks\" <rory@ext.example>\n"
           "To: \"Dana Whitfield\" <dana@corp.example>, \"Ola Nowak\" <ola@corp.example>,\n"
           "\"Lee Park\" <lee@corp.example>\n"
           "Subject: rates\n\n"
           "Per my last email, that is not our fault.\n")
    doc = read_document("n.eml", data=(HEAD + raw).encode())
    assert doc.text.strip().endswith("FYI")
    assert "Per my last email" not in doc.text and "Content-Transfer" not in doc.text


@pytest.mark.parametrize("attribution", [
    "Rory Banks <rory@ext.example> on 03/01/2001 04:40:12 PM\n\n",
    "Rory Banks@EXTERNAL\n03/01/2001 04:40 PM\n",
])
def test_a_notes_reply_header_starts_the_earlier_message(attribution):
    raw = ("Agreed - I'll take it to the committee on Monday.\n\n\n" + attribution +
           "To:\tDana Whitfield/HOU/CORP@CORP, Lee Park/HOU/CORP@CORP\ncc:\t\nSubject:\trates\n\n"
           "Per my last email, that is not our fault.\n")
    doc = read_document("n.eml", data=(HEAD + raw).encode())
    assert "take it to the committee" in doc.text
    assert "Per my last email" not in doc.text and "Rory" not in doc.text and "Subject" not in doc.text


def test_a_notes_reply_header_with_a_long_wrapped_cc_list_starts_the_earlier_message():
    cc = ", ".join(f"Person {n} Surname/HOU/CORP@CORP" for n in range(14))
    wrapped = "\n".join(cc[k:k + 70] for k in range(0, len(cc), 70))
    raw = ("Was this expected?\n\n\n\nRory Banks@EXTERNAL\n03/01/2001 04:40 PM\nTo: Dana Whitfield/HOU/CORP@CORP\n"
           "cc: " + wrapped + "\n\nSubject: rates\n\nWe'll keep you posted.\n\nRory\n")
    doc = read_document("n.eml", data=(HEAD + raw).encode())
    assert "Was this expected?" in doc.text and "keep you posted" not in doc.text and "Person 9" not in doc.text


SIGNED = ("Hi Lee,\n\nThe contract is attached.\n\nBest regards,\nDana Whitfield\n"
          "Account Manager | Corp Example Ltd\nTel: +44 161 555 0100\n")


def test_a_tagline_under_a_signature_is_context():
    raw = SIGNED + "Obviously the best rates you will ever get.\nSimply great service, guaranteed!\n"
    doc = read_document("n.eml", data=(HEAD + raw).encode())
    assert "The contract is attached." in doc.text
    assert "Obviously" not in doc.text and "Simply" not in doc.text
    assert "Simply great service" in doc.context.signature


def test_a_ps_under_a_signature_is_still_judged():
    doc = read_document("n.eml", data=(HEAD + SIGNED + "\nP.S. I'll call you tomorrow about the rates.\n").encode())
    assert "P.S. I'll call you tomorrow" in doc.text


def test_a_website_forms_original_enquiry_under_the_reply_is_context():
    raw = ("Dear Euan,\n\nThe course costs GBP 2,280 for twelve learners.\n\nHelen\n\n"
           "----- Original enquiry (website form) -----\nFrom: Euan S\nMessage: What do you need from us?\n")
    doc = read_document("r.eml", data=(HEAD + raw).encode())
    assert "What do you need from us?" not in doc.text
    assert any("What do you need from us?" in b.text for b in doc.context.quoted)
