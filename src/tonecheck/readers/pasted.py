"""Text the sender pasted rather than wrote: news articles and press releases under a one-line note, and legal or
confidentiality footers.

LABELS.md judges only the author's new words. A forwarded article ("FYI - see below", then a headline, a byline,
"LONDON, May 3 (Reuters) - ...") is full of predictions, quotations, capitals and third parties' plans; a
disclaimer ("If you are not the intended recipient ...") is boilerplate. Both are context. Works on lines, like
quoting.py, which calls it on the lines before the quoted thread.

An article is recognised by its furniture, never by its topic: a wire-service tag, a copyright line, a "Staff
Writer" credit, a press release's "FOR IMMEDIATE RELEASE" under the sender's note (each enough
alone), or two of a byline and datelines. It starts at the paragraph of its first
piece of furniture, taking in a short headline paragraph just above, and runs to the end of the new text.
"""
from __future__ import annotations

import re

# "(Reuters)", "(AP)", "-(Dow Jones)-", "(Bloomberg) --": a wire service's tag in a dateline
_WIRE = r"(?:Reuters|AP|AFP|UPI|Bloomberg|Dow\s+Jones|PR\s+Newswire|Business\s+Wire|Canada\s+NewsWire|" \
        r"Associated\s+Press|Knight\s+Ridder|KRTBN|M2\s+Communications|PRNewswire)"
WIRE_TAG = re.compile(r"\(\s*" + _WIRE + r"\s*\)|-\s*\(\s*" + _WIRE + r"\s*\)\s*-")
COPYRIGHT = re.compile(r"^\W{0,3}(?:\(\s*)?(?:copyright|\(c\)|©)\s*(?:\(c\)\s*)?,?\s*(?:\d{4}|[A-Z][\w&.,' -]+\d{4})",
                       re.I)
# the furniture of a news site's page pasted as text: "For information about reprinting this article", a spaced-out
# "a d v e r t i s i n g" label, "E-mail this story", "Print this article", "Return to top"
PAGE_FURNITURE = re.compile(r"\b(?:for\s+information\s+about\s+reprinting\s+this\s+article|"
                            r"reprints?\s+and\s+permissions|e-?mail\s+this\s+(?:story|article)|print\s+this\s+(?:story|article)|return\s+to\s+top|"
                            r"a\s+d\s+v\s+e\s+r\s+t\s+i\s+s\s+(?:i\s+n\s+g|e\s+m\s+e\s+n\s+t))\b", re.I)
# ", Staff Writer" closing a byline, or a credit line of its own: "Staff Reporters of THE WALL STREET JOURNAL"
STAFF_WRITER = re.compile(r",\s*(?:[\w.-]+\s+){0,3}(?:staff\s+writer|correspondent|staff\s+reporter)s?\s*$|"
                          r"^\s*(?:(?:senior|special|chief|political|business|foreign)\s+)?(?:staff\s+writers?|"
                          r"staff\s+reporters?|correspondents?)\s+(?:of|for|at)\s+(?:the\s+)?[A-Z]", re.I)
# a press release's header, alone on its line: "FOR IMMEDIATE RELEASE", "NEWS RELEASE", "Embargoed until 00:01 ...".
# Only under a note of the sender's: a release that opens the text is the writer's own draft, which is judged
RELEASE_HEADER = re.compile(r"^\s*(?:for\s+immediate\s+release|(?:news|press|media)\s+release|"
                            r"embargoed?\s+(?:until|till|to)\b.{0,40}|for\s+release\s+(?:on|at)\b.{0,40})\s*:?\s*$",
                            re.I)
# "London, 28 October 2027 - Castellan today announced", "DULUTH, Minn., Sept. 23, 2027 -- The railway": a place, a
# full date and a dash opening a paragraph (one weak sign, like a byline)
RELEASE_DATELINE = re.compile(r"^\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,2}(?:,\s*[A-Z][\w.]*){0,2},\s*"
                              r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}),?\s+\d{4}\s*(?:--|-|—|–)\s*\S")
# "By Jane Roe" / "By JANE ROE and JOHN DOE" alone on a line
_NAME = r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3}"
BYLINE = re.compile(r"^\s*by\s+" + _NAME + r"(?:\s+(?:and|&)\s+" + _NAME + r")?\s*(?:,\s*[\w .]{2,40})?$", re.I)
# "SAN DIEGO - At a hearing today", "BANGALORE, India, May 22 - ": a place in capitals, then a dash and prose
DATELINE = re.compile(r"^\s*[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?){0,2}"
                      r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:--|-|—|–)\s*[A-Z\"]\w*(?:\s+\S+){4}")
DISCLAIMER = re.compile(
    r"\bif\s+you\s+(?:are\s+not\s+the\s+(?:intended|named|designated)\s+(?:recipient|addressee)|(?:have\s+)?received\s+this\s+(?:e-?mail|message|communication|transmission)\s+(?:in\s+error|by\s+mistake))|"
    r"\bintended\s+(?:only\s+|solely\s+)?for\s+the\s+(?:sole\s+|exclusive\s+)?use\s+of\b|"
    # "This e-mail and any attachments are for the exclusive use of the intended recipient(s)"
    r"\bfor\s+the\s+(?:sole|exclusive)\s+use\s+of\s+(?:the\s+)?(?:intended|named|addressee|individual|person|entity|"
    r"recipient)|"
    # a notice headed in capitals, as footers are: "CONFIDENTIALITY NOTICE:", "DISCLAIMER:" ("Privacy notice:" in
    # a newsletter's body is the sender's own text)
    r"(?-i:^\W*(?:CONFIDENTIALITY|PRIVACY|LEGAL|E-?MAIL)\s+(?:NOTICE|STATEMENT|DISCLAIMER|WARNING)\s*:|^\W*DISCLAIMER\s*:)|"
    r"\bintended\s+to\s+be\s+reviewed\s+by\s+only\b|"
    # "This email and any attachments are intended for the addressee only", "This message is meant solely for"
    r"\b(?:e-?mail|message|transmission|communication)s?\s+(?:\(?(?:and|including|together\s+with)\s+any\s+"
    r"(?:attachments?|files?|documents?)[^.]{0,30}?\)?\s+)?(?:is|are)\s+(?:intended|meant)\s+(?:only\s+|solely\s+|"
    r"exclusively\s+)?for\s+(?:the\s+)?(?:use\s+of\s+)?(?:the\s+)?(?:named\s+|intended\s+|above\s+)?"
    r"(?:addressee|recipient|individual|person|entity|people|persons)|"
    # "CONFIDENTIALITY: This email and any attachments are intended only for the named recipient and may contain
    # confidential information. If you have received it in error, please tell the sender"
    r"\bhave\s+received\s+(?:it|this|this\s+(?:e-?mail|message|communication|transmission))\s+in\s+error\b|"
    r"\bintended\s+(?:only|solely|exclusively)\s+for\s+the\s+(?:named|intended|individual|person|addressee|recipient)|"
    r"\bmay\s+contain\s+(?:legally\s+)?(?:confidential|privileged)\s+(?:(?:and|or|and/or)\s+[\w-]+\s+)?(?:information|material)\b|"
    r"\b(?:this|the)\s+(?:information\s+(?:contained\s+)?in\s+this\s+)?(?:e-?mail|message|transmission|communication)"
    r"\s+(?:and\s+any\s+attachments?\s+)?(?:is|are|may\s+be|may\s+contain)\s+(?:\w+\s+)?(?:confidential|privileged)",
    re.I)


# the cheap pre-test
_FOOTER_WORDS = re.compile(r"intended|meant|confidential|privileged|(?:notice|statement|disclaimer|warning)\s*:", re.I)


def _paragraph_start(lines: list[str], i: int) -> int:
    while i > 0 and lines[i - 1].strip():
        i -= 1
    return i


def _headline_above(lines: list[str], start: int) -> int:
    """A short headline paragraph (one to three short lines, no full stop at the end) right above the article's
    first paragraph belongs to it; the sender's note above that does not."""
    j = start - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    if j < 0:
        return start
    top = _paragraph_start(lines, j)
    block = [ln.strip() for ln in lines[top:j + 1]]
    if top == 0 or len(block) > 3 or any(len(b) > 90 for b in block) or block[-1].endswith((".", ":", "?", "!")):
        return start
    return top


# a news site's navigation bar or image placeholders: where a pasted page begins
_NAV_LINE = re.compile(r"(?:[^|\n]+\|){3,}|\[IMAGE\]", re.I)


def _page_top(lines: list[str], furniture: int) -> int:
    """A pasted web page begins at its first navigation bar or image placeholder above its furniture (a reprint
    notice often comes last), else at the furniture itself."""
    for i in range(furniture):
        if _NAV_LINE.search(lines[i]):
            return i
    return furniture


def article_start(lines: list[str]) -> int | None:
    """The first line of a pasted news article or press release in `lines`, or None."""
    strong: list[int] = []
    weak: list[int] = []
    for i, line in enumerate(lines):
        if WIRE_TAG.search(line) or COPYRIGHT.match(line) or STAFF_WRITER.search(line.rstrip()) or \
                PAGE_FURNITURE.search(line):
            strong.append(i)
        elif RELEASE_HEADER.match(line) and any(ln.strip() for ln in lines[:i]):
            strong.append(i)
        elif BYLINE.match(line) or DATELINE.match(line) or RELEASE_DATELINE.match(line):
            weak.append(i)
    if not strong and len(weak) < 2:
        return None
    first = min(strong[:1] + weak[:1])
    if PAGE_FURNITURE.search(lines[first]):
        first = _page_top(lines, first)
    if first == 0:
        return 0
    start = _paragraph_start(lines, first)
    if start == 0:
        return 0
    return _headline_above(lines, start)


def footer_start(lines: list[str]) -> int | None:
    """The first line of a legal or confidentiality footer paragraph in `lines`, or None."""
    if not _FOOTER_WORDS.search("\n".join(lines)):
        return None
    for i in range(len(lines)):
        joined = " ".join(ln.strip() for ln in lines[i:i + 3])
        if DISCLAIMER.search(joined):
            k = _paragraph_start(lines, i)
            return k if k > 0 else None       # a message that is all disclaimer is judged as written
    return None
