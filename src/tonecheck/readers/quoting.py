"""Split a plain-text message body into the author's new text, the quoted thread and the signature.

Only the author's new words are judged (LABELS.md); quoted customer mail and signatures often contain exactly
the things the checks look for (shouting, "ASAP", taglines), so they must be cut away reliably. Works on lines
only, so the caller keeps each kept line's source mapping.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import QuotedBlock
from . import pasted

QUOTE_PREFIX = re.compile(r"^(?:[ \t]*>)+[ \t]?")
ORIGINAL = re.compile(r"^\s*-{2,}\s*(?:original message|original|message d'origine|ursprüngliche nachricht|"
                      # "----- Original enquiry (website form) -----", "--- Your original request ---"
                      r"(?:your\s+)?original\s+(?:enquiry|inquiry|request|query|question|email|e-mail|ticket|"
                      r"submission|booking)(?:\s*\([^)\n]{1,40}\))?)"
                      r"\s*-{2,}\s*$", re.I)
RULE = re.compile(r"^\s*_{8,}\s*$")
FORWARD = re.compile(r"^\s*(?:-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:|"
                     r"-{2,}\s*message transféré\s*-{2,})\s*$", re.I)
# Lotus Notes: "----- Forwarded by Jane Roe/HOU/ECT on 05/14/2001 09:12 AM -----", often wrapped by the mailer so
# the closing dashes (and the AM/PM) fall on the next line
NOTES_FORWARD = re.compile(r"^\s*-{3,}\s*forwarded\s+by\s+\S.*$", re.I)
DASHES_END = re.compile(r"-{3,}\s*$")
ATTRIB_ONE = re.compile(r"^\s*(?:On\s.+\swrote|Le\s.+\sa écrit)\s?:\s*$", re.I)
ATTRIB_START = re.compile(r"^\s*(?:On|Le)\s\S", re.I)
ATTRIB_END = re.compile(r"(?:(?:^|\s)wrote|a écrit)\s?:\s*$", re.I)
HEADER = re.compile(r"^\s*\*?(From|Sent|Date|To|Cc|Subject|De|Envoyé|Date|À|Objet)\*?\s?:\*?\s*(.*)$", re.I)
FROM_HDR = re.compile(r"^\s*\*?(?:From|De)\*?\s?:", re.I)
WHEN_HDR = re.compile(r"^\s*\*?(?:Sent|Date|Envoyé)\*?\s?:", re.I)
SIG_DASH = re.compile(r"^--[ \t]?$")
MOBILE = re.compile(r"^\s*(?:sent from my \w+|get outlook for \w+|sent from (?:mail|outlook|yahoo mail) for \w+)",
                    re.I)

SIGNOFFS = (
    "best", "best regards", "best wishes", "all the best", "kind regards", "kindest regards", "warm regards",
    "warmest regards", "warm wishes", "regards", "many regards", "with regards", "with kind regards",
    "with best regards", "with best wishes", "thanks", "thanks again", "thanks so much", "many thanks",
    "thank you", "thank you again", "thank you so much", "with thanks", "cheers", "sincerely", "yours sincerely",
    "sincerely yours", "yours truly", "yours faithfully", "faithfully", "respectfully", "take care",
    "talk soon", "speak soon", "best of luck", "thx", "ta", "love", "greetings", "kind wishes", "best to you",
    "cordially", "warmly", "yours", "vänliga hälsningar", "med vänliga hälsningar", "vanliga halsningar",
    "med vanliga halsningar",
)
SIGNOFF = re.compile(r"^\s*(?:[^/\n]{1,40}/\s*)?(?:%s)\s*[,!.]?\s*$" % "|".join(re.escape(s) for s in SIGNOFFS),
                     re.I)
ATTRIB_PARTS = [
    re.compile(r"^\s*On\s+(?P<date>.+?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?),?\s+(?P<author>.+?)\s+wrote\s?:\s*$",
               re.S),
    re.compile(r"^\s*On\s+(?P<date>.+?\d{4}),?\s+(?P<author>.+?)\s+wrote\s?:\s*$", re.S),
    re.compile(r"^\s*On\s+(?P<date>.+?),\s*(?P<author>[^,]+?)\s+wrote\s?:\s*$", re.S),
    re.compile(r"^\s*Le\s+(?P<date>.+?),?\s+(?P<author>[^,]+?)\s+a écrit\s?:\s*$", re.S),
]


@dataclass
class Split:
    judged: list[int] = field(default_factory=list)        # indices of lines that are the author's new text
    quoted: list[QuotedBlock] = field(default_factory=list)
    signature: str | None = None
    quote_start: int | None = None                          # first line of the quoted thread, if any


def _attribution(lines: list[str], i: int) -> int:
    """Number of lines (1 or 2) of an "On ... wrote:" attribution starting at i, else 0."""
    line = lines[i]
    if QUOTE_PREFIX.match(line):
        return 0
    if ATTRIB_ONE.match(line):
        return 1
    if (ATTRIB_START.match(line) and not ATTRIB_END.search(line) and i + 1 < len(lines)
            and not QUOTE_PREFIX.match(lines[i + 1]) and ATTRIB_END.search(lines[i + 1])
            and len(lines[i + 1]) < 120):
        return 2
    return 0


# the raw header of a message pasted or forwarded inline: "Content-Transfer-Encoding: ...", "Date: ...", "From: ..."
RAW_HEADER = re.compile(r"^(?:From|Date|Sent|To|Cc|Subject|Content-[\w-]+|Mime-Version|Message-ID|Return-Path|"
                        r"Received|Reply-To|X-[\w-]+):\s", re.I)


def _raw_headers(lines: list[str], i: int) -> bool:
    """A run of RFC 822 header lines opening at line i (a continuation line may sit between them) that names both
    the sender and the date: the start of an inlined earlier message."""
    if not RAW_HEADER.match(lines[i]) or FROM_HDR.match(lines[i]) and not lines[i].startswith("From:"):
        return False
    names, loose = set(), 0
    for j in range(i, min(i + 12, len(lines))):
        m = RAW_HEADER.match(lines[j])
        if m:
            names.add(lines[j].split(":", 1)[0].lower())
        elif not lines[j].strip() or loose >= 2:
            break
        else:
            loose += 1
    return len(names) >= 3 and "from" in names and bool(names & {"date", "sent"})


def _continued_address(lines: list[str], i: int) -> bool:
    """A header's second line: indented, or a list of addresses under a To:/Cc: line."""
    line = lines[i]
    return i > 0 and bool(line.strip()) and RAW_HEADER.match(lines[i - 1]) is not None and \
        (line[:1] in (" ", "\t") or ("@" in line and len(line.split()) <= 8))


# Lotus Notes reply headers: "Jane Roe <jr@x.com> on 05/15/2001 06:05:38 PM", or "Jane Roe@ECT" over "05/10/2001
# 03:22 PM", then "To: ...", "cc: ...", "Subject: ..."
_NOTES_WHEN = r"\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AP]M"
NOTES_ATTRIBUTION = re.compile(r"\S.*\bon\s+" + _NOTES_WHEN + r"\s*$")
NOTES_DATE_LINE = re.compile(r"^\s*" + _NOTES_WHEN + r"\s*$")
_TO = re.compile(r"^\s*To:\s", re.I)
_CC = re.compile(r"^\s*cc:", re.I)
_SUBJ = re.compile(r"^\s*Subject:", re.I)


def _notes_addresses(lines: list[str], j: int) -> bool:
    """Line j opens a Notes header: To: (perhaps over several lines), then cc: and Subject: close after."""
    if j >= len(lines) or not _TO.match(lines[j]):
        return False
    cc = next((k for k in range(j + 1, min(j + 10, len(lines))) if _CC.match(lines[k])), None)
    if cc is None:
        return False
    # a long cc: list runs over many wrapped lines (and sometimes a blank one) before Subject:
    for k in range(cc + 1, min(cc + 25, len(lines))):
        if _SUBJ.match(lines[k]):
            return True
        if lines[k].strip() and "@" not in lines[k] and "/" not in lines[k]:
            return False            # prose: the header has ended without a Subject:
    return False


def _notes_header(lines: list[str], i: int) -> int | None:
    """Lines of attribution (0-2) before the To: line when a Notes reply header starts at line i, else None."""
    line = lines[i]
    if _TO.match(line):
        return 0 if _notes_addresses(lines, i) else None
    if NOTES_ATTRIBUTION.match(line):
        used = 1
    elif len(line.split()) <= 8 and i + 1 < len(lines) and NOTES_DATE_LINE.match(lines[i + 1]) and line.strip():
        used = 2                                        # "Jane Roe@ECT" over "05/10/2001 03:22 PM"
    else:
        return None
    j = i + used
    while j < len(lines) and j <= i + used + 2 and not lines[j].strip():
        j += 1
    return j - i if _notes_addresses(lines, j) else None


def _header_block(lines: list[str], i: int) -> bool:
    """A bare Outlook header block: From: followed within a few lines by Sent:/Date:."""
    if not FROM_HDR.match(lines[i]):
        return False
    seen = 0
    for j in range(i + 1, min(i + 10, len(lines))):
        if not lines[j].strip():  # HTML mail turned into text has blank lines between header lines
            continue
        if WHEN_HDR.match(lines[j]):
            return True
        seen += 1
        if not HEADER.match(lines[j]) or seen > 3:
            return False
    return False


def marker_at(lines: list[str], i: int) -> tuple[str, int] | None:
    """(kind, lines the marker itself takes) when a quoted or forwarded thread starts at line i."""
    line = lines[i]
    if FORWARD.match(line):
        return "forward", 1
    if NOTES_FORWARD.match(line):
        wrapped = not DASHES_END.search(line) and i + 1 < len(lines) and DASHES_END.search(lines[i + 1])
        return "forward", 2 if wrapped else 1
    if ORIGINAL.match(line) or RULE.match(line):
        return "outlook", 1
    n = _attribution(lines, i)
    if n:
        return "quote", n
    if _header_block(lines, i) or _raw_headers(lines, i):
        return "outlook", 0
    notes = _notes_header(lines, i)
    if notes is not None:
        return "outlook", notes
    if QUOTE_PREFIX.match(line):
        return "quote", 0
    return None


def _parse_attribution(text: str) -> tuple[str | None, str | None]:
    text = " ".join(text.split())
    for rx in ATTRIB_PARTS:
        m = rx.match(text)
        if m:
            return m.group("author").strip(), m.group("date").strip()
    return None, None


def _read_headers(lines: list[str], i: int, block: QuotedBlock) -> int:
    """Read the header lines of an earlier message (From:, Sent:, ...) from line i into the block's author and
    date; returns the first line after them. A forward may have blank lines before its headers."""
    n = len(lines)
    while i < n and not lines[i].strip() and block.kind == "forward":
        i += 1
    while i < n:
        h = HEADER.match(lines[i])
        if not h:
            if not lines[i].strip() and i + 1 < n and HEADER.match(lines[i + 1]):
                i += 1
                continue
            if RAW_HEADER.match(lines[i]) or _continued_address(lines, i):
                i += 1            # "Mime-Version: 1.0", or the second line of a long To: list
                continue
            break
        name, value = h.group(1).lower(), h.group(2).strip()
        if name in ("from", "de") and block.author is None:
            block.author = value
        elif name in ("sent", "date", "envoyé") and block.date is None:
            block.date = value
        i += 1
    return i


def _collect_quoted(lines: list[str], q: int) -> list[QuotedBlock]:
    """The quoted thread from line q on, as blocks: each marker (attribution, Original Message, forward, header
    block) starts a block, and its header lines give the block's author and date."""
    blocks: list[QuotedBlock] = []
    body: list[str] = []
    cur: QuotedBlock | None = None

    def close() -> None:
        if cur is not None:
            while body and not body[-1].strip():
                body.pop()
            while body and not body[0].strip():
                body.pop(0)
            cur.text = "\n".join(body)
            blocks.append(cur)

    i, n = q, len(lines)
    while i < n:
        m = marker_at(lines, i)
        if m and not (m[0] == "quote" and m[1] == 0 and cur is not None):
            close()
            start = i
            kind, used = m
            cur, body = QuotedBlock(text="", kind=kind), []
            if kind == "quote" and used:
                cur.author, cur.date = _parse_attribution(" ".join(lines[i:i + used]))
            i += used
            if kind in ("outlook", "forward"):
                i = _read_headers(lines, i, cur)
                if i == start:
                    i += 1            # a header run _read_headers cannot read must still move on
            continue
        if cur is None:
            cur, body = QuotedBlock(text="", kind="quote"), []
        body.append(QUOTE_PREFIX.sub("", lines[i]).rstrip())
        i += 1
    close()
    return blocks


def _name_like(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 70 or len(s.split()) > 8:
        return False
    if s.endswith((".", "?", "!", ":", ";")):
        return bool(re.search(r"(?:^|\s)\w\.$", s))  # "Ann B." is a name, "Shipped today." is not
    return True


# a contact line: a phone number, an address, a web site, a "Title | Company" line
_CONTACT = re.compile(r"(?:\+?\d[\d ()./-]{6,}\d|@[\w-]+\.|https?://|www\.|\w\.(?:com|org|net|co\.uk|io)\b|\s[|•·]\s)",
                      re.I)
_PS = re.compile(r"^\s*(?:p\.?\s?s\.?|n\.?b\.?)[\s:]", re.I)


def _tagline_end(lines: list[str], first: int, k: int, end: int) -> int:
    """Where the signature block ends: after its title/contact lines (first..k), a few short lines more - a
    tagline, a slogan, a legal one-liner - still belong to it when the block has a contact line; a P.S. does not."""
    if not any(_CONTACT.search(lines[x]) for x in range(first, k)):
        return k
    rest = [x for x in range(k, end) if lines[x].strip()]
    if not rest or len(rest) > 4 or any(len(lines[x]) > 120 or _PS.match(lines[x]) for x in rest):
        return k
    return end


def _sig_like(line: str) -> bool:
    s = line.strip()
    if not s:
        return True
    if re.match(r"^(?:p\.?\s?s\.?|n\.?b\.?)[\s:]", s, re.I):
        return False
    words = s.split()
    if len(s) > 90 or len(words) > 12:
        return False
    if s.endswith((".", "?", "!")) and len(words) >= 4 and not re.search(r"\w\.\w", words[-1]):
        return False
    return True


def _pasted(lines: list[str], q: int, result: Split) -> int:
    """A pasted article or a legal footer in the lines before the quoted thread (q) is context: it goes first in
    result.quoted (kind "pasted" or "footer") and the new text ends where it starts."""
    article, footer = pasted.article_start(lines[:q]), pasted.footer_start(lines[:q])
    starts = [s for s in (article, footer) if s is not None]
    if not starts:
        return q
    p = min(starts)
    text = "\n".join(ln.rstrip() for ln in lines[p:q]).strip("\n")
    kind = "pasted" if p == article else "footer"       # a footer under a reply does not make it a cover note
    result.quoted = [QuotedBlock(text=text, kind=kind)] + result.quoted
    if result.quote_start is None or p < result.quote_start:
        result.quote_start = p
    return p


def split_lines(lines: list[str]) -> Split:
    """Decide which lines are new text; everything from the first quote marker on is the quoted thread."""
    lines = [ln.rstrip("\r") for ln in lines]
    n = len(lines)
    q = n
    for i in range(n):
        if marker_at(lines, i):
            q = i
            break
    result = Split(quote_start=q if q < n else None)
    if q < n:
        result.quoted = _collect_quoted(lines, q)
    q = _pasted(lines, q, result)

    # signature after a "-- " line (or a mobile footer)
    sig_start = q
    for i in range(q):
        if SIG_DASH.match(lines[i]) or MOBILE.match(lines[i]):
            sig_start = i
            break
    sig_parts: list[str] = []
    dash_sig = [ln for ln in lines[sig_start + (1 if sig_start < q and SIG_DASH.match(lines[sig_start]) else 0):q]]

    # closing block: sign-off line, then a name line (both kept), then title/company/phone/URL/tagline lines
    judged_end = sig_start
    cut: tuple[int, int] | None = None
    for i in range(sig_start - 1, -1, -1):
        if not SIGNOFF.match(lines[i]):
            continue
        j = i + 1
        while j < sig_start and not lines[j].strip():
            j += 1
        if j >= sig_start or not _name_like(lines[j]):
            continue
        k = j + 1
        while k < sig_start and _sig_like(lines[k]):
            k += 1
        if any(lines[x].strip() for x in range(j + 1, k)):
            cut = (j + 1, _tagline_end(lines, j + 1, k, sig_start))
        break
    if cut:
        sig_parts.extend(ln for ln in lines[cut[0]:cut[1]])
        result.judged = [x for x in range(judged_end) if not (cut[0] <= x < cut[1])]
    else:
        result.judged = list(range(judged_end))
    sig_parts.extend(dash_sig)
    sig = "\n".join(s.rstrip() for s in sig_parts).strip("\n")
    result.signature = sig or None
    return result


def assemble(lines: list, judged: list[int], flowed: str | None = None):
    """Join the judged lines (MText) with "\\n", a gap in the indices with "\\n\\n"; trim blank edges.

    `flowed` ("yes"/"no": the part's DelSp) reads format=flowed text (RFC 3676): a line ending in a space goes on
    in the next line (with DelSp=yes that space goes too), and a space-stuffed line loses its first space."""
    from .mapped import Builder, MText
    soft = [bool(flowed) and _soft_break(ln.text) for ln in lines]
    if flowed:
        lines = _deflowed(lines, soft, flowed == "yes")
    idx = [i for i in judged if 0 <= i < len(lines)]
    while idx and not lines[idx[0]].text.strip():
        idx.pop(0)
    while idx and not lines[idx[-1]].text.strip():
        idx.pop()
    b = Builder()
    prev = None
    for i in idx:
        if prev is not None:
            b.add("" if i == prev + 1 and soft[prev] else "\n" if i == prev + 1 else "\n\n")
        ln = lines[i]
        t = ln.text
        if t.endswith("\r"):
            ln = ln.slice(0, len(t) - 1)
        b.add(ln)
        prev = i
    return MText(b.text, b.pieces)


def _soft_break(line: str) -> bool:
    """A format=flowed line that goes on in the next one: it ends in a space and is not the "-- " separator."""
    line = line.rstrip("\r")
    return line.endswith(" ") and line != "-- "


def _deflowed(lines: list, soft: list[bool], del_sp: bool) -> list:
    """The lines with space-stuffing undone and, under DelSp=yes, a soft break's own space removed."""
    out = []
    for ln, is_soft in zip(lines, soft, strict=True):
        if ln.text.startswith(" "):
            ln = ln.slice(1, len(ln.text))
        if del_sp and is_soft:
            ln = ln.slice(0, len(ln.text.rstrip("\r")) - 1)
        out.append(ln)
    return out


def nested_messages(block: QuotedBlock) -> list[QuotedBlock]:
    """The messages of a quoted block that holds a whole nested thread (a reply quoting a reply), split at the same
    markers as the new text's own thread; the first keeps the block's author and date."""
    lines = (block.text or "").split("\n")
    inner = _collect_quoted(lines, 0)
    if inner and not marker_at(lines, 0):
        inner[0].author, inner[0].date = block.author, block.date
    return inner
