#!/usr/bin/env python3
"""Consistency checker for the written13 development set (stdlib only).

Modelled on written7/check_labels.py. For every items/*.json label file it checks that:
  * the JSON has the LABELS.md fields (id, file, brand, missing_next_step, spans) with the right types,
    `id` matches the file name and the set's id scheme (n001-n125 emails, r01-r25 pages), `file` names an
    existing item beside it and `brand` an existing guide at the set root that has a `name:` field;
  * every span category is one of the hand-labelled categories and no span is listed twice;
  * emails parse with the stdlib `email` package, carry From/Date/Message-ID, are dated no later than
    2026-12-06 and have a text/plain or text/html part;
  * every span `text` occurs in the decoded body, contains no line break, and occurs exactly once in the
    author's new text (the body cut at the first quote / forward / signature / disclaimer marker);
  * in multipart/alternative emails the span also occurs inside a single text node of the HTML part;
  * pages: `missing_next_step` is false, spans occur exactly once in the visible text (HTML text nodes
    outside <script>/<style>/<head>; Markdown after the front matter), inside one text node or line, and
    contain no Markdown syntax.

`--lint` adds warnings (never errors) that help keep clean items clean: in items without a `brand` span,
terms, banned words, claims and `avoid` phrases from the guide in force, exclamation marks over the guide's
limit, emoji where the guide forbids them, sentences over the guide's word limit and a rough reading grade.

Exit status 0 when everything passes. The last line ends with "<n> errors".
Usage:  python3 check_labels.py [--lint]
"""
import datetime
import email
import email.policy
import email.utils
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent
ITEMS = ROOT / "items"
CATEGORIES = {"commitment", "defensive", "sarcasm", "brand"}
LAST_DATE = datetime.date(2026, 12, 6)
NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|"
    r"From: .+|-- $|Sent from my |CONFIDENTIALITY|This email and any attachments)"
)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")


def decoded_parts(msg):
    plain, html = [], []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain":
            plain.append(part.get_content())
        elif ctype == "text/html":
            html.append(part.get_content())
    return plain, html


def new_text(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if NEW_TEXT_END.match(line):
            break
        out.append(line)
    return "\n".join(out)


class TextNodes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nodes, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.nodes.append(data)


def html_nodes(src):
    p = TextNodes()
    p.feed(src)
    return p.nodes


def read_guide(path):
    """Tiny reader for the parts of a brand guide that --lint needs (flow and block lists of strings)."""
    g = {"name": None, "phrases": [], "max_exclamations": None, "emoji": None, "max_sentence_words": None, "max_grade": None}
    key, use = None, ""
    for raw in path.read_text(encoding="utf-8").split("\n"):
        line = re.sub(r"\s+#.*$", "", raw) if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        m = re.match(r"^name:\s*(.+)$", line)
        if m:
            g["name"] = m.group(1).strip()
        m = re.match(r"^\s*(max_exclamations|max_sentence_words|max_grade):\s*(\d+)", line)
        if m:
            g[m.group(1)] = int(m.group(2))
        m = re.match(r"^\s*emoji:\s*(true|false)", line)
        if m:
            g["emoji"] = m.group(1) == "true"
        m = re.match(r"^\s*-\s*use:\s*(.*)$", line)
        if m:
            use = m.group(1).strip()
        m = re.match(r"^\s*-?\s*(instead_of|forbidden|avoid|word):\s*(.*)$", line)
        if m:
            key, val = m.group(1), m.group(2).strip()
            exact = key == "instead_of" and use != use.lower()  # product names match case-sensitively
            if val.startswith("["):
                g["phrases"] += [(v.strip().strip("\"'"), exact) for v in val.strip("[]").split(",") if v.strip()]
                key = None
            elif val:
                g["phrases"].append((val.strip("\"'"), exact))
                key = None
            continue
        m = re.match(r"^\s+-\s+(\"[^\"]*\"|'[^']*')\s*$", line)
        if m and key == "avoid":
            g["phrases"].append((m.group(1).strip("\"'"), False))
            continue
        if not re.match(r"^\s+-\s", line):
            key = None
    return g


def sentences(text):
    """Sentences; a blank line, a list item, a table row, a heading or an unpunctuated line ends one."""
    chunks, cur = [], []
    for line in text.split("\n"):
        st = line.strip()
        if not st or re.match(r"^([-*|#]|\d+\.\s)", st):
            chunks.append(" ".join(cur))
            cur = []
            if st:
                chunks.append(st)
            continue
        cur.append(st)
        if (not re.search(r"[.!?,;:]$", st) and len(st) < 45) or st.endswith(":"):
            chunks.append(" ".join(cur))
            cur = []
    chunks.append(" ".join(cur))
    out = []
    for c in chunks:
        out += [x for x in re.split(r"(?<=[.!?])\s+", c) if x.strip()]
    return out


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


def lint_text(where, text, guide, warnings):
    for ph, exact in guide["phrases"]:
        pat = r"(?<![\w-])" + re.escape(ph) + r"(s|es)?(?![\w-])"
        if re.search(pat, text, 0 if exact else re.IGNORECASE):
            warnings.append(f"{where}: guide phrase {ph!r} in an item without a brand span")
    lim = guide["max_exclamations"]
    if lim is not None and text.count("!") > lim:
        warnings.append(f"{where}: {text.count('!')} exclamation marks (guide allows {lim})")
    if guide["emoji"] is False and EMOJI.search(text):
        warnings.append(f"{where}: emoji but the guide forbids them")
    mx = guide["max_sentence_words"] or 35
    for s in sentences(text):
        if len(s.split()) > mx:
            warnings.append(f"{where}: sentence of {len(s.split())} words (limit {mx}): {s[:50]}...")
    words, sents = re.findall(r"[A-Za-z]+", text), sentences(text)
    if words and sents:
        grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
        if grade > (guide["max_grade"] or 11):
            warnings.append(f"{where}: rough Flesch-Kincaid grade {grade:.1f} (guide allows {guide['max_grade']})")


def check_span_list(where, spans, errors):
    seen = set()
    for sp in spans:
        if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
            errors.append(f"{where}: span must have exactly 'category' and 'text': {sp!r}")
            continue
        if sp["category"] not in CATEGORIES:
            errors.append(f"{where}: unknown category {sp['category']!r}")
        if not isinstance(sp["text"], str) or not sp["text"].strip():
            errors.append(f"{where}: empty span text")
        if (sp["category"], sp["text"]) in seen:
            errors.append(f"{where}: duplicate span {sp!r}")
        seen.add((sp["category"], sp["text"]))


def check_email(where, path, lab, errors, warnings, guide, lint):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    for h in ("From", "Date", "Message-ID", "Subject"):
        if msg[h] is None:
            errors.append(f"{where}: .eml lacks {h}")
    try:
        if email.utils.parsedate_to_datetime(str(msg["Date"])).date() > LAST_DATE:
            errors.append(f"{where}: dated after {LAST_DATE}")
    except Exception:  # noqa: BLE001
        errors.append(f"{where}: unparseable Date header")
    plain, html = decoded_parts(msg)
    if not plain and not html:
        errors.append(f"{where}: no text/plain or text/html part")
        return
    if plain:
        body = plain[0].replace("\r\n", "\n")
    else:
        body = "\n".join(n.strip() for n in html_nodes(html[0]) if n.strip())
    new = new_text(body)
    nodes = []
    if msg.get_content_type() == "multipart/alternative" or (plain and html):
        if not html:
            errors.append(f"{where}: multipart/alternative without an HTML part")
        else:
            nodes = html_nodes(html[0])
    for sp in lab["spans"]:
        text = sp.get("text")
        if not isinstance(text, str) or not text:
            continue
        if "\n" in text:
            errors.append(f"{where}: span contains a line break: {text!r}")
        if text not in body:
            errors.append(f"{where}: span not in decoded body: {text!r}")
            continue
        n = new.count(text)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {text!r}")
        if nodes and not any(text in node for node in nodes):
            errors.append(f"{where}: span not inside a single HTML text node: {text!r}")
    if lint and guide and not any(s.get("category") == "brand" for s in lab["spans"]):
        lint_text(where, new, guide, warnings)


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if raw.startswith("---\n"):
            raw = raw[raw.index("\n---\n", 4) + 5:]
        return raw, raw.split("\n")
    nodes = html_nodes(raw)
    return "\n".join(nodes), nodes


def check_page(where, path, lab, errors, warnings, guide, lint):
    if lab["missing_next_step"]:
        errors.append(f"{where}: missing_next_step must be false on pages")
    text, nodes = page_text(path)
    for sp in lab["spans"]:
        t = sp.get("text")
        if not isinstance(t, str) or not t:
            continue
        if text.count(t) != 1:
            errors.append(f"{where}: span occurs {text.count(t)} times in the visible text (want 1): {t!r}")
        if not any(t in n for n in nodes):
            errors.append(f"{where}: span not inside a single text node / line: {t!r}")
        if re.search(r"[*_`#\[\]]", t):
            errors.append(f"{where}: span contains Markdown syntax: {t!r}")
    if lint and guide and not any(s.get("category") == "brand" for s in lab["spans"]):
        lint_text(where, text, guide, warnings)


def main(argv):
    lint = "--lint" in argv
    errors, warnings, guides = [], [], {}
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    named = set()
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        bad = False
        for key, typ in (("id", str), ("file", str), ("brand", str), ("missing_next_step", bool), ("spans", list)):
            if not isinstance(lab.get(key), typ):
                errors.append(f"{where}: field {key!r} missing or not {typ.__name__}")
                bad = True
        if bad:
            continue
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match file name")
        if not re.fullmatch(r"n(0\d\d|1[01]\d|12[0-5])|r(0\d|1\d|2[0-5])", lab["id"]) or lab["id"] in ("n000", "r00"):
            errors.append(f"{where}: id {lab['id']!r} outside n001-n125 / r01-r25")
        if Path(lab["file"]).stem != lab["id"]:
            errors.append(f"{where}: file {lab['file']!r} does not match id")
        gpath = ROOT / lab["brand"]
        guide = None
        if not gpath.is_file():
            errors.append(f"{where}: brand guide {lab['brand']!r} does not exist")
        else:
            guide = guides.setdefault(lab["brand"], read_guide(gpath))
            if not guide["name"]:
                errors.append(f"{where}: brand guide {lab['brand']!r} has no name")
        check_span_list(where, lab["spans"], errors)
        item = ITEMS / lab["file"]
        named.add(lab["file"])
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if item.suffix in (".html", ".md"):
            check_page(where, item, lab, errors, warnings, guide, lint)
        elif item.suffix == ".eml":
            check_email(where, item, lab, errors, warnings, guide, lint)
        else:
            errors.append(f"{where}: unexpected item type {item.suffix}")
    items = [p for p in ITEMS.iterdir() if p.suffix in (".eml", ".html", ".md")]
    for p in items:
        if p.name not in named:
            errors.append(f"{p.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    n_eml = sum(p.suffix == ".eml" for p in items)
    print(f"{len(labels)} label files, {n_eml} emails, {len(items) - n_eml} pages, {len(warnings)} warnings, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
