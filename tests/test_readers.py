"""Reader tests: corpus spans survive reading, quoted/signature text stays out, mapping is exact, bad input is tame."""
from __future__ import annotations

import base64
import bisect
import json
import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from tonecheck.model import Document, InputError
from tonecheck.readers import read_document, sniff_kind

# the repo is /work/main and the corpus /work/shared/corpus: try the brief's path and the sibling-of-repo path
_CANDIDATES = [Path(__file__).parents[2] / ".." / "shared" / "corpus",
               Path(__file__).parents[1] / ".." / "shared" / "corpus"]
CORPUS = next((c for c in _CANDIDATES if (c / "items").is_dir()), _CANDIDATES[0])
ITEMS = CORPUS / "items"


def corpus_labels() -> list[dict]:
    if not ITEMS.is_dir():
        return []
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(ITEMS.glob("*.json"))]


LABELS = corpus_labels()
needs_corpus = pytest.mark.skipif(not LABELS, reason="shared corpus not present")


def src_lines(doc: Document) -> list[str]:
    return [ln[:-1] if ln.endswith("\r") else ln for ln in (doc.source_text or "").split("\n")]


def verbatim_status(doc: Document, start: int, end: int) -> str:
    """'exact' when every char in [start, end) is in a verbatim piece and maps onto that same char in the source,
    'approx' when some char is in a non-verbatim piece (or an unmapped gap), 'wrong' when a verbatim char mismatches."""
    lines = src_lines(doc)
    sm = doc.source_map
    starts = [p.start for p in sm.pieces]
    status = "exact"
    for off in range(start, end):
        i = bisect.bisect_right(starts, off) - 1
        p = sm.pieces[i] if i >= 0 else None
        if p is None or not (p.start <= off < p.end) or not p.verbatim:
            status = "approx"
            continue
        line, col = sm.position(off)
        if lines[line - 1][col - 1:col] != doc.text[off]:
            return "wrong"
    return status


def read_item(label: dict) -> Document:
    return read_document(str(ITEMS / label["file"]))


# ---------------------------------------------------------------------------------------------- corpus ------------

@needs_corpus
@pytest.mark.parametrize("label", LABELS, ids=[lb["id"] for lb in LABELS])
def test_corpus_spans_are_in_judged_text(label):
    doc = read_item(label)
    for span in label["spans"]:
        assert span["text"] in doc.text, span


@needs_corpus
@pytest.mark.parametrize("label", LABELS, ids=[lb["id"] for lb in LABELS])
def test_corpus_verbatim_pieces_point_at_their_text(label):
    doc = read_item(label)
    lines = src_lines(doc)
    for p in doc.source_map.pieces:
        if p.verbatim:
            assert lines[p.line - 1][p.column - 1:p.column - 1 + p.end - p.start] == doc.text[p.start:p.end], p
    for span in label["spans"]:
        a = doc.text.index(span["text"])
        assert verbatim_status(doc, a, a + len(span["text"])) != "wrong", span


@needs_corpus
def test_corpus_span_mapping_precision():
    """Spans in 7bit/8bit plain parts, .md and .html map exactly; decoded (QP/base64/HTML mail) parts approximately."""
    counts = {"exact": 0, "approx": 0, "wrong": 0}
    for label in LABELS:
        doc = read_item(label)
        for span in label["spans"]:
            a = doc.text.index(span["text"])
            counts[verbatim_status(doc, a, a + len(span["text"]))] += 1
    assert counts["wrong"] == 0
    assert counts["exact"] >= 50, counts


@needs_corpus
@pytest.mark.parametrize("label", [lb for lb in LABELS if lb["file"].endswith(".eml")],
                         ids=[lb["id"] for lb in LABELS if lb["file"].endswith(".eml")])
def test_corpus_context_never_judged(label):
    doc = read_item(label)
    assert doc.context.is_email
    body = doc.text
    ctx_lines = []
    for q in doc.context.quoted:
        ctx_lines += q.text.split("\n")
    ctx_lines += (doc.context.signature or "").split("\n")
    judged_lines = {ln.strip() for ln in body.split("\n")}
    for line in ctx_lines:
        line = line.strip()
        # short lines ("Thanks,", a first name, a domain) may legitimately occur in new text too
        if len(line) >= 12:
            assert line not in judged_lines, line
        if len(line) >= 30:
            assert line not in body, line
    assert "\n>" not in body and not body.startswith(">")
    assert "wrote:" not in body
    assert "-----Original Message-----" not in body
    assert "\n-- \n" not in body


def test_a_replys_or_forwards_subject_is_context_and_the_writers_own_is_judged(tmp_path):
    head = "From: a@example.com\nTo: b@example.com\nDate: Tue, 10 Nov 2026 09:00:00 +0000\nSubject: {}\n\n"
    for subject, judged in (("RE: Need this RUSHED", False), ("Fwd: Your stenographer", False),
                            ("AW: Rechnung", False), ("RV: Factura", False),
                            ("Your visit is booked: Tuesday 8 December", True)):
        path = tmp_path / "m.eml"
        path.write_text(head.format(subject) + "Hi Bea,\n\nThe transcript is attached.\n\nDenise\n")
        doc = read_document(str(path))
        assert (subject.split(": ", 1)[-1] in doc.text) is judged
        assert doc.context.subject == subject
        assert [r.name for r in doc.regions][:1] == (["subject"] if judged else ["body"])


@needs_corpus
def test_d001_quote_and_signature_split():
    doc = read_document(str(ITEMS / "d001.eml"))
    assert "This is ridiculous" not in doc.text
    assert "+1 (303)" not in doc.text
    # the reply's subject ("Re: Where is my order?!") is the customer's wording: context, not judged
    assert doc.text.startswith("Hi Daniel,")
    assert "Where is my order" in doc.context.subject
    assert doc.text.endswith("Best,\nMaya")
    assert "+1 (303) 555-0142" in doc.context.signature
    [q] = doc.context.quoted
    assert q.author == "Daniel Reyes <dan.reyes@example.com>"
    assert q.date == "Tue, Nov 10, 2026 at 8:51 PM"
    assert "This is ridiculous" in q.text
    assert doc.context.sender == "maya.torres@ridgelineoutfitters.com"
    assert doc.context.recipients == ["dan.reyes@example.com"]
    assert doc.context.date is not None and doc.context.date.utcoffset() is not None
    assert doc.context.subject == "Re: Where is my order?!"
    assert [r.name for r in doc.regions] == ["body"]
    # QP body: every body offset maps to the line where the body starts
    assert doc.source_map.position(doc.text.index("Hi Daniel")) == (12, 1)


@needs_corpus
def test_d004_closing_block_keeps_signoff_and_name():
    doc = read_document(str(ITEMS / "d004.eml"))
    assert doc.text.endswith("Regards,\n\nPriya Nair")
    assert "Free returns within 60 days on every order" not in doc.text
    assert "Free returns within 60 days on every order" in doc.context.signature
    assert "I want my money today" not in doc.text
    [q] = doc.context.quoted
    assert q.kind == "outlook" and q.author.startswith("Raj Patel") and q.date.startswith("Friday")


@needs_corpus
def test_d004_crlf_7bit_exact_positions():
    doc = read_document(str(ITEMS / "d004.eml"))
    raw = (ITEMS / "d004.eml").read_bytes().decode("utf-8").split("\r\n")
    for span in ("As I already explained in my previous email", "That is not our fault"):
        line, col = doc.source_map.position(doc.text.index(span))
        assert raw[line - 1][col - 1:col - 1 + len(span)] == span
    assert "\r" not in doc.text


@needs_corpus
@pytest.mark.parametrize("name,span", [("p07.md", "RidgeLine Trail Club"), ("p07.md", "clients"),
                                       ("p09.md", "carbon neutral"), ("p01.html", "grab yours before it's gone"),
                                       ("p04.html", "Ridgefit calculator"), ("p12.html", "🔥"),
                                       ("p06.html", "We dispatch every order within 3 to 5 working days")])
def test_pages_map_exactly(name, span):
    doc = read_document(str(ITEMS / name))
    raw = (ITEMS / name).read_text(encoding="utf-8").split("\n")
    line, col = doc.source_map.position(doc.text.index(span))
    assert raw[line - 1][col - 1:col - 1 + len(span)] == span


@needs_corpus
def test_pages_skip_non_prose():
    md = read_document(str(ITEMS / "p03.md"))
    assert "hero_cta" not in md.text and "NOW!!!" not in md.text  # front matter
    assert "**" not in md.text and "mailto:" not in md.text
    assert "Sign in to your account and open Orders." in md.text
    assert "support@ridgelineoutfitters.com" in md.text  # link text stays, target goes
    p05 = read_document(str(ITEMS / "p05.md"))
    assert "A tent pitched in deep snow below a pine forest" in p05.text  # image alt
    assert "/assets/img" not in p05.text and "/fit" not in p05.text
    html = read_document(str(ITEMS / "p01.html"))
    assert "HOT DEAL" not in html.text and "dataLayer" not in html.text and "Buy now" not in html.text
    assert "Ridgeline Outfitters | Outdoor gear for every trail" in html.text  # <title> as its own block
    assert "Two hikers crossing a snowy ridge at sunrise" in html.text       # alt text
    assert "© 2026 Ridgeline Outfitters, Reno, Nevada" in html.text          # entity decoded
    assert "\n\nWarm layers, tough packs and tents that stand up to the wind.\n\n" in html.text
    p04 = read_document(str(ITEMS / "p04.html"))
    assert "Basically bulletproof" not in p04.text  # ld+json script


# ---------------------------------------------------------------------------------------------- fixtures ----------

def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(p)


PLAIN = """From: Ann Agent <Ann@Shop.example>
To: Bob <bob@example.com>, "Carl" <carl@example.com>
Cc: dee@example.com
Subject: RE: Fwd: Your order
Date: Mon, 16 Nov 2026 10:00:00 +0100
X-Tonecheck-Ignore: defensive.shouting, sarcasm
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Hi Bob,

We’ll ship it soon. That is not our fault.

Kind regards,
Ann Agent
Team Lead, Shop
+1 555 0100
www.shop.example

-----Original Message-----
From: Bob <bob@example.com>
Sent: Sunday, November 15, 2026 9:00 PM
Subject: Your order

WHERE IS IT???
"""


def test_plain_email_context_and_split(tmp_path):
    doc = read_document(write(tmp_path, "m.eml", PLAIN))
    assert doc.kind == "eml"
    # "RE: Fwd: Your order" is the customer's subject: context, not judged
    assert doc.text == "Hi Bob,\n\nWe’ll ship it soon. That is not our fault.\n\nKind regards,\nAnn Agent"
    assert doc.context.subject == "RE: Fwd: Your order"
    assert doc.context.sender == "ann@shop.example"
    assert doc.context.recipients == ["bob@example.com", "carl@example.com", "dee@example.com"]
    assert doc.context.signature == "Team Lead, Shop\n+1 555 0100\nwww.shop.example"
    assert doc.context.quoted[0].text == "WHERE IS IT???"
    assert doc.suppressions[0].selectors == ("defensive.shouting", "sarcasm") and doc.suppressions[0].start is None
    assert doc.context.headers["x-tonecheck-ignore"] == "defensive.shouting, sarcasm"
    assert doc.source_map.position(0) == (10, 1)
    off = doc.text.index("That is not")
    assert doc.source_map.position(off) == (12, 21)  # "We’ll" is 5 characters, not 7 bytes


def test_crlf_email_maps_verbatim(tmp_path):
    path = write(tmp_path, "crlf.eml", PLAIN.replace("\n", "\r\n"))
    doc = read_document(path)
    assert "\r" not in doc.text
    assert doc.source_map.position(doc.text.index("That is not")) == (12, 21)
    assert [r.name for r in doc.regions] == ["body"]


def test_quoted_printable_maps_to_the_line_it_starts_on(tmp_path):
    msg = EmailMessage()
    msg["From"] = "a@example.com"
    msg["Subject"] = "=?utf-8?q?Caf=C3=A9_order?="
    msg.set_content("Hi,\n\nWe will look into it soon. " + "x" * 90 + "\n\nThanks,\nAnn\n", cte="quoted-printable")
    raw = msg.as_bytes()
    doc = read_document(write(tmp_path, "qp.eml", raw))
    assert "We will look into it soon." in doc.text
    assert doc.text.startswith("Café order\n\n")
    lines = raw.decode().split("\n")
    we_line = next(i for i, ln in enumerate(lines, 1) if ln.startswith("We will"))   # its own line
    assert doc.source_map.position(doc.text.index("We will")) == (we_line, 1)
    subj_line = next(i for i, ln in enumerate(lines, 1) if ln.startswith("Subject:"))
    assert doc.source_map.position(0)[0] == subj_line


def test_base64_and_html_fallback(tmp_path):
    msg = EmailMessage()
    msg["From"] = "a@example.com"
    msg["Subject"] = "Hello"
    msg.set_content("<html><body><p>Thanks so much for ignoring our emails.</p>"
                    "<div class='gmail_signature'>-- <br>Ann<br>+1 555 0100</div>"
                    "<div class='gmail_quote'><div class='gmail_attr'>On Mon, Nov 16, 2026 at 9:00 AM Bob "
                    "&lt;bob@example.com&gt; wrote:<br></div><blockquote>YOU NEVER ANSWER</blockquote></div>"
                    "</body></html>", subtype="html", cte="base64")
    doc = read_document(write(tmp_path, "h.eml", msg.as_bytes()))
    assert doc.text == "Hello\n\nThanks so much for ignoring our emails."
    assert "YOU NEVER ANSWER" in doc.context.quoted_text
    assert doc.context.quoted[0].author == "Bob <bob@example.com>"
    assert "+1 555 0100" in doc.context.signature


def test_forwarded_rfc822_is_context(tmp_path):
    inner = EmailMessage()
    inner["From"] = "Warehouse <wh@example.com>"
    inner["Date"] = "Mon, 16 Nov 2026 09:12:00 -0800"
    inner.set_content("Sorry!! Our mistake.")
    outer = EmailMessage()
    outer["From"] = "a@example.com"
    outer["Subject"] = "Fwd: picking error"
    outer.set_content("See the note below.\n")
    outer.add_attachment(inner)
    doc = read_document(write(tmp_path, "f.eml", outer.as_bytes()))
    assert doc.text == "See the note below."          # "Fwd: picking error" is the forwarded message's subject
    [q] = doc.context.quoted
    assert q.kind == "forward" and q.author == "Warehouse <wh@example.com>" and "Our mistake" in q.text


def test_html_entities_and_positions(tmp_path):
    src = ("<html><head><title>T&amp;C</title><style>p{}</style></head>\n<body>\n"
           "<p>Caf&eacute; is   open\n   daily &mdash; <b>really</b>!</p>\n"
           "<img src=x.png alt=\"A tent\">\n<pre>code here</pre><script>var x='no';</script>\n"
           "<!-- tonecheck: ignore brand.terms -->\n<p>client area</p>\n"
           "<!-- tonecheck: ignore-file sarcasm -->\n</body></html>\n")
    doc = read_document(write(tmp_path, "x.html", src))
    assert doc.text == "T&C\n\nCafé is open daily — really!\n\nA tent\n\nclient area"
    lines = src.split("\n")
    sm = doc.source_map
    assert sm.position(doc.text.index("is open")) == (3, 16)
    assert sm.position(doc.text.index("é")) == (3, 7)            # the entity's '&'
    assert sm.position(doc.text.index("daily")) == (4, 4)
    assert sm.position(doc.text.index("A tent")) == (5, 21)
    assert lines[4][20:26] == "A tent"
    s1, s2 = doc.suppressions
    assert s1.selectors == ("brand.terms",) and doc.text[s1.start:s1.end] == "client area"
    assert s2.selectors == ("sarcasm",) and s2.start is None


def test_markdown_structure_and_columns(tmp_path):
    src = ("---\ntitle: \"Hi NOW!!!\"\n---\n\n# Our *great* offer\n\nSome **bold** text with `code` and a\n"
           "[link text](https://x.example/a) and https://bare.example/x.\n\n"
           "- item one\n- item _two_\n\nA para.\n\n    indented code\n\n```\nfenced code\n```\n\n"
           "| Col A | Col B |\n|---|---|\n| cell one | cell two |\n\n"
           "<!-- tonecheck: ignore brand -->\nOur clients matter.\n\n![Alt words](/img.png)\n")
    doc = read_document(write(tmp_path, "x.md", src))
    assert doc.text == ("Our great offer\n\nSome bold text with  and a\nlink text and .\n\nitem one\n\nitem two\n\n"
                        "A para.\n\nCol A\n\nCol B\n\ncell one\n\ncell two\n\nOur clients matter.\n\nAlt words")
    lines = src.split("\n")
    for word in ("great", "bold", "link text", "two", "cell two", "clients", "Alt words", "Our"):
        line, col = doc.source_map.position(doc.text.index(word))
        assert lines[line - 1][col - 1:col - 1 + len(word)] == word, word
    [s] = doc.suppressions
    assert doc.text[s.start:s.end] == "Our clients matter."


def test_txt_draft_split(tmp_path):
    src = ("Hi Jo,\n\nWe'll try to fix it.\n\nCheers,\nSam\nSupport Lead\n\n"
           "On Mon, Nov 16, 2026, Jo <j@x.example>\nwrote:\n> BROKEN\n")
    doc = read_document(write(tmp_path, "d.txt", src))
    assert doc.text == "Hi Jo,\n\nWe'll try to fix it.\n\nCheers,\nSam"
    assert doc.context.signature == "Support Lead"
    assert doc.context.quoted[0].text == "BROKEN"
    assert doc.source_map.position(doc.text.index("try")) == (3, 7)


def test_signoff_needs_a_name_line(tmp_path):
    src = "Hi,\n\nThanks!\n\nShipped today.\n\nSam\nSupport\n"
    doc = read_document(write(tmp_path, "d.txt", src))
    assert doc.text == src.strip() and doc.context.signature is None
    src = "Hi,\n\nDone.\n\nThanks,\nSam\nSupport Lead\n\nP.S. The store opens at 9am tomorrow.\n"
    doc = read_document(write(tmp_path, "e.txt", src))
    assert doc.text == "Hi,\n\nDone.\n\nThanks,\nSam\n\nP.S. The store opens at 9am tomorrow."
    assert doc.context.signature == "Support Lead"


def test_multiple_ignore_headers(tmp_path):
    raw = b"From: a@b.example\nSubject: x\nX-Tonecheck-Ignore: sarcasm\nX-Tonecheck-Ignore: brand\n\nHello.\n"
    doc = read_document(write(tmp_path, "s.eml", raw))
    assert [s.selectors for s in doc.suppressions] == [("sarcasm",), ("brand",)]


def test_dash_signature_and_ps(tmp_path):
    src = "Hello,\n\nAll done.\n\nBest,\nKim\n-- \nKim Lee\nhttps://x.example\n"
    doc = read_document(write(tmp_path, "d.txt", src))
    assert doc.text == "Hello,\n\nAll done.\n\nBest,\nKim"
    assert doc.context.signature == "Kim Lee\nhttps://x.example"


def test_sniffing():
    assert sniff_kind(b"From: a@b.c\nSubject: x\n\nbody") == "eml"
    assert sniff_kind(b"<!DOCTYPE html><html><p>x</p>") == "html"
    assert sniff_kind(b"Subject matters: a lot\nof things\n") == "txt"
    assert sniff_kind(b"Hello there\n") == "txt"
    doc = read_document("-", data=b"From: a@b.c\nSubject: Hi\n\nHello.\n")
    assert doc.kind == "eml" and doc.text == "Hi\n\nHello."
    assert read_document("-", data=b"<p>Hello <i>you</i></p>").text == "Hello you"
    assert read_document("notes.weird", data=b"plain words").kind == "txt"
    assert read_document("x.eml", data=b"Hello.\n", kind="txt").text == "Hello."
    headerless = read_document("x.eml", data=b"Hello.\n")
    assert headerless.text == "Hello." and "no email headers" in headerless.warnings[0]
    utf16 = read_document("x.txt", data="Hi there.".encode("utf-16"))
    assert utf16.text == "Hi there."


# ---------------------------------------------------------------------------------------------- bad input ---------

def expect_error(path: str, data: bytes | None = None, match: str | None = None) -> InputError:
    with pytest.raises(InputError) as ei:
        read_document(path, data)
    msg = str(ei.value)
    assert msg and "\n" not in msg and path not in msg
    if match:
        assert match in msg
    return ei.value


def test_empty_binary_missing_directory(tmp_path):
    expect_error(write(tmp_path, "e.eml", b""), match="file is empty")
    expect_error(write(tmp_path, "e.md", b"\n\n  \n"))
    expect_error(write(tmp_path, "b.txt", bytes(range(256)) * 20), match="binary")
    expect_error(write(tmp_path, "b.eml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x01\x02" * 500), match="binary")
    expect_error(str(tmp_path / "missing.eml"), match="no such file")
    expect_error(str(tmp_path), match="directory")
    with pytest.raises(InputError):
        read_document("x.txt", b"hi", kind="pdf")


def test_no_text_part(tmp_path):
    msg = EmailMessage()
    msg["From"] = "a@example.com"
    msg["Subject"] = "x"
    msg.set_content(b"\x00\x01binary", maintype="application", subtype="octet-stream")
    expect_error(write(tmp_path, "n.eml", msg.as_bytes()), match="no text part")


def test_truncated_mime_reads_what_is_there(tmp_path):
    raw = (b"From: a@example.com\nSubject: cut\nMIME-Version: 1.0\n"
           b"Content-Type: multipart/alternative; boundary=\"BB\"\n\n--BB\n"
           b"Content-Type: text/plain; charset=utf-8\n\nWe will reply soon.\nAnd then the file end")
    doc = read_document(write(tmp_path, "t.eml", raw))
    assert "We will reply soon." in doc.text
    assert any("truncated" in w for w in doc.warnings)
    assert doc.source_map.position(doc.text.index("We will")) == (9, 1)


def test_unknown_charset_detected(tmp_path):
    raw = ("From: a@example.com\nSubject: x\nContent-Type: text/plain; charset=\"x-unknown-123\"\n"
           "Content-Transfer-Encoding: 8bit\n\nNous vous rembourserons très bientôt, désolé.\n").encode("latin-1")
    doc = read_document(write(tmp_path, "u.eml", raw))
    assert "Nous vous rembourserons" in doc.text
    assert any("x-unknown-123" in w for w in doc.warnings)


def test_invalid_utf8_body_replaced(tmp_path):
    raw = (b"From: a@example.com\nSubject: x\nContent-Type: text/plain; charset=utf-8\n"
           b"Content-Transfer-Encoding: 8bit\n\nGood text \xff\xfe bad bytes here.\n")
    doc = read_document(write(tmp_path, "i.eml", raw))
    assert "Good text" in doc.text and "bad bytes here." in doc.text
    assert doc.warnings


def test_windows_1252_body(tmp_path):
    raw = (b"From: a@example.com\nSubject: x\nContent-Type: text/plain; charset=windows-1252\n"
           b"Content-Transfer-Encoding: 8bit\n\nWe\x92ll call you on Friday.\n")
    doc = read_document(write(tmp_path, "w.eml", raw))
    assert "We’ll call you on Friday." in doc.text
    line, col = doc.source_map.position(doc.text.index("call"))
    assert (line, col) == (6, 7)
    assert src_lines(doc)[5][6:10] == "call"


def test_huge_attachment_is_fast(tmp_path):
    msg = EmailMessage()
    msg["From"] = "a@example.com"
    msg["Subject"] = "big"
    msg.set_content("See attached.\n")
    msg.add_attachment(b"\x00" * (50 * 1024 * 1024), maintype="application", subtype="octet-stream",
                       filename="big.bin")
    path = write(tmp_path, "big.eml", msg.as_bytes())
    t = time.monotonic()
    doc = read_document(path)
    assert time.monotonic() - t < 10
    assert doc.text == "big\n\nSee attached."


def test_deeply_nested_multiparts(tmp_path):
    depth = 200
    parts = [b"From: a@example.com\nSubject: deep\nMIME-Version: 1.0\n"]
    for i in range(depth):
        parts.append(b"Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n" % (i, i))
    parts.append(b"Content-Type: text/plain\n\nHello from the bottom.\n")
    for i in reversed(range(depth)):
        parts.append(b"--b%d--\n" % i)
    path = write(tmp_path, "deep.eml", b"".join(parts))
    doc = read_document(path)
    assert doc.text == "deep\n\nHello from the bottom."
    # far deeper than any real mail: the stdlib parser recurses, which must surface as InputError only
    deeper = [parts[0]] + [b"Content-Type: multipart/mixed; boundary=\"c%d\"\n\n--c%d\n" % (i, i)
                           for i in range(3000)] + [b"Content-Type: text/plain\n\nx\n"]
    try:
        read_document(write(tmp_path, "deeper.eml", b"".join(deeper)))
    except InputError as exc:
        assert "\n" not in str(exc)


def test_bad_headers_do_not_crash(tmp_path):
    raw = (b"From: <<<@@@>>>\nTo: ,,,;;;\"\nDate: not a date\nSubject: =?bogus?x?zzz?=\n"
           b"Content-Type: text/plain; charset=\"\"\n\nHello there.\n")
    doc = read_document(write(tmp_path, "h.eml", raw))
    assert "Hello there." in doc.text and doc.context.date is None


def test_base64_garbage_body(tmp_path):
    raw = (b"From: a@example.com\nSubject: x\nContent-Type: text/plain; charset=utf-8\n"
           b"Content-Transfer-Encoding: base64\n\n" + base64.b64encode("Hi there, all good.".encode())[:-3] + b"!!\n")
    try:
        doc = read_document(write(tmp_path, "g.eml", raw))
    except InputError:
        return
    assert isinstance(doc, Document)


QP_HEAD = ("From: Sam <sam@shop.example>\nTo: Ana <ana@example.com>\nSubject: parts\n"
           "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: {cte}\n\n")


def test_quoted_printable_lines_map_to_their_source_lines():
    # issue 14, item 9: a soft line break ("=" at the end) joins source lines; plain lines map column by column
    body = ("Hi Ana,\n\nThat isn=E2=80=99t ideal, and the parts ar=\ne late.\n\nWe will look into it soon.\n\nSam\n")
    doc = read_document("qp.eml", data=(QP_HEAD.format(cte="quoted-printable") + body).encode())
    assert "That isn\u2019t ideal, and the parts are late." in doc.text
    assert doc.source_map.position(doc.text.index("That")) == (9, 1)         # the line the sentence starts on
    assert doc.source_map.position(doc.text.index("soon")) == (12, 22)       # an unencoded line: exact column


def test_a_base64_body_says_where_its_findings_point():
    import base64
    body = base64.encodebytes(b"Hi Ana,\n\nWe will look into it soon.\n\nSam\n").decode()
    doc = read_document("b64.eml", data=(QP_HEAD.format(cte="base64") + body).encode())
    assert "We will look into it soon." in doc.text
    assert any("base64" in w and "(7)" in w for w in doc.warnings)


def test_a_page_title_and_an_image_alone_on_its_line_are_attribute_text():
    """Text a reader does not meet in the page's body - the <title> (a tab, a search result) and the alt text of an
    image on a line of its own - is an "attribute" region, judged as advice like HTML alt text; prose around it,
    and an image inside a sentence, stay body text."""
    html = (b"<html><head><title>Cheap trips | Larkway</title></head>"
            b"<body><p>Book a cheap trip today.</p></body></html>")
    doc = read_document("p.html", data=html)
    assert doc.region_at(doc.text.index("Cheap trips")) == "attribute"
    assert doc.region_at(doc.text.index("Book a cheap")) == "body"
    md = (b"# Trips\n\n![A family on a cheap trip](/img/a.jpg)\n\nBook a trip with ![icon](/i.png) today.\n")
    doc = read_document("p.md", data=md)
    assert doc.region_at(doc.text.index("A family")) == "attribute"
    assert doc.region_at(doc.text.index("Book a trip")) == "body"


def test_a_subject_kept_from_the_forwarded_message_is_context(tmp_path):
    raw = ("From: a@example.com\nTo: b@example.com\nDate: Fri, 22 Sep 2000 10:15:00 -0500\n"
           "Subject: Urgent!!! Rules change on Monday\n\n"
           "Joe - could you get in touch with Michelle?  Thanks\n\n"
           "---------------------- Forwarded by Ann Lee/HOU on 09/22/2000 09:00 AM ---------------------------\n\n"
           "Drew Lynch\n09/21/2000 10:24 AM\nTo: Ann Lee/HOU\ncc:\nSubject: Urgent!!! Rules change on Monday\n\n"
           "I would take this as good news!!\n")
    path = tmp_path / "fw.eml"
    path.write_text(raw)
    doc = read_document(str(path))
    assert "Urgent" not in doc.text and doc.text.startswith("Joe - could you")
    own = raw.replace("Subject: Urgent!!! Rules change on Monday\n\nJoe", "Subject: Rules for Monday\n\nJoe", 1)
    path.write_text(own)
    assert read_document(str(path)).text.startswith("Rules for Monday")
