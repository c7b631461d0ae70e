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
