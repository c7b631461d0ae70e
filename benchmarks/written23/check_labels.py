#!/usr/bin/env python3
"""Consistency checker for the written23 labelled set (stdlib only).

Checks every items/<id>.json label file against LABELS.md and the item beside it:

  * fields id, file, brand, missing_next_step, spans with the right types; id equals the file stem;
    `file` exists in items/; `brand` names a guide at the set root that has a `name:` line;
  * categories are the hand-labelled ones (commitment, defensive, sarcasm, brand); next-step is the
    document-level flag, and it must be false on pages;
  * emails parse with the stdlib `email` package and carry From, To, Date, Message-ID and a text part;
  * each span text is non-empty, has no line break, and occurs exactly once in the author's new text:
      - emails: the decoded text/plain body (or, for HTML-only mail, its visible text nodes one per line)
        cut at the first quote / forward / signature marker (NEW_TEXT_END);
      - multipart/alternative emails: the span must also sit inside one text node of the HTML part;
      - .html pages: visible text nodes outside <head>, <script>, <style>; .md pages: text after the
        front matter, and a span may not contain Markdown syntax characters;
  * every .eml/.html/.md item has exactly one label file.

`--lint` adds warnings (never errors) that help keep clean items clean: exclamation marks, emoji and
sentence length over the guide's voice limits, and guide phrases (banned words, replaced terms,
forbidden claims, value `avoid` phrases, promise figures) in items that carry no brand span, plus
vague-commitment and condescension words in items that carry no span at all.

Usage: python3 check_labels.py [--lint]. Exit status 0 when there are no errors. The last line is
"<n> errors".
"""
import email
import email.policy
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent
ITEMS = ROOT / "items"
CATEGORIES = {"commitment", "defensive", "sarcasm", "brand"}
FIELDS = (("id", str), ("file", str), ("brand", str), ("missing_next_step", bool), ("spans", list))

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|From: .+|-- $|Sent from my )"
)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
VAGUE = re.compile(
    r"\b(soon|shortly|asap|in due course|hopefully|try to|should be able|at some point|when we can|"
    r"obviously|simply|clearly stated|per my last)\b",
    re.IGNORECASE,
)
DURATION = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|ten)\s+(working |business )?(day|week|hour|month)s?\b",
                      re.IGNORECASE)


class TextNodes(HTMLParser):
    """Collects visible text nodes, skipping <head>, <script> and <style>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nodes = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("head", "script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("head", "script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.nodes.append(data)


def html_nodes(markup):
    parser = TextNodes()
    parser.feed(markup)
    return parser.nodes


def cut_new_text(body):
    kept = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if NEW_TEXT_END.match(line):
            break
        kept.append(line)
    return "\n".join(kept)


def read_guide(path):
    """A small reader for the fields the lint needs; the guides keep lists inline, one entry per line."""
    guide = {"name": None, "phrases": [], "promises": [], "max_words": 40, "max_excl": 3, "emoji": False}
    keywords = None
    use = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split(" #")[0].rstrip()
        if m := re.match(r"^name:\s*(.+)", line):
            guide["name"] = m.group(1)
        elif m := re.match(r"^\s*- use:\s*(.+)", line):
            use = m.group(1).strip()
        elif m := re.match(r"^\s*(instead_of|avoid|forbidden):\s*\[(.*)\]", line):
            # product names (a `use` with capitals) match case-sensitively, everything else ignores case
            exact = m.group(1) == "instead_of" and use != use.lower()
            guide["phrases"] += [(p.strip().strip("\"'"), exact) for p in m.group(2).split(",") if p.strip()]
        elif m := re.match(r"^\s*- word:\s*(.+)", line):
            guide["phrases"].append((m.group(1).strip(), False))
        elif m := re.match(r"^\s*keywords:\s*\[(.*)\]", line):
            keywords = [k.strip() for k in m.group(1).split(",")]
        elif (m := re.match(r"^\s*within:\s*(.+)", line)) and keywords:
            guide["promises"].append((keywords, m.group(1).strip()))
            keywords = None
        elif m := re.match(r"^\s*max_sentence_words:\s*(\d+)", line):
            guide["max_words"] = int(m.group(1))
        elif m := re.match(r"^\s*max_exclamations:\s*(\d+)", line):
            guide["max_excl"] = int(m.group(1))
        elif m := re.match(r"^\s*emoji:\s*(\w+)", line):
            guide["emoji"] = m.group(1) == "true"
    return guide


def sentences(text):
    """Sentences, treating blank lines, short lines (headings, list items, table rows) and URLs' ends as breaks."""
    blocks, current = [], []
    for line in text.split("\n"):
        current.append(line)
        if len(line.strip()) < 60:  # a heading, list item, table row or the last line of a paragraph
            blocks.append(" ".join(current))
            current = []
    blocks.append(" ".join(current))
    out = []
    for block in blocks:
        out += [s for s in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", block)) if s.strip()]
    return out


def lint(where, text, lab, guide, warnings):
    cats = {s.get("category") for s in lab["spans"]}
    if "brand" not in cats:
        if text.count("!") > guide["max_excl"]:
            warnings.append(f"{where}: {text.count('!')} exclamation marks, guide allows {guide['max_excl']}")
        if EMOJI.search(text) and not guide["emoji"]:
            warnings.append(f"{where}: emoji in new text")
        for s in sentences(text):
            if len(s.split()) > guide["max_words"]:
                warnings.append(f"{where}: {len(s.split())}-word sentence: {s[:70]}...")
        for phrase, exact in guide["phrases"]:
            if re.search(r"\b" + re.escape(phrase) + r"\b", text, 0 if exact else re.IGNORECASE):
                warnings.append(f"{where}: guide phrase {phrase!r} in new text")
        for s in sentences(text):
            low = s.lower()
            for keywords, within in guide["promises"]:
                if any(re.search(r"\b" + re.escape(k.lower()), low) for k in keywords):
                    for d in DURATION.finditer(s):
                        if d.group(0).lower() not in within.lower():
                            warnings.append(f"{where}: promise keyword with {d.group(0)!r} (guide: {within}): {s[:70]}")
    if not lab["spans"] and (m := VAGUE.search(text)):
        warnings.append(f"{where}: clean item contains {m.group(0)!r}")


def check_spans(where, lab, text, nodes, errors, page):
    for sp in lab["spans"]:
        cat, t = sp.get("category"), sp.get("text")
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category {cat!r}")
        if set(sp) - {"category", "text"}:
            errors.append(f"{where}: unexpected span keys {sorted(set(sp) - {'category', 'text'})}")
        if not isinstance(t, str) or not t.strip():
            errors.append(f"{where}: empty span text")
            continue
        if "\n" in t or "\r" in t:
            errors.append(f"{where}: span crosses a line break: {t!r}")
        if t != t.strip():
            errors.append(f"{where}: span has leading or trailing space: {t!r}")
        n = text.count(t)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {t!r}")
        if nodes is not None and not any(t in node for node in nodes):
            errors.append(f"{where}: span not inside a single HTML text node: {t!r}")
        if page and re.search(r"[*_`#\[\]|]", t):
            errors.append(f"{where}: span contains Markdown syntax: {t!r}")


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if not raw.startswith("---\n"):
            return None, None
        body = raw[raw.index("\n---\n", 4) + 5:]
        return body, body.split("\n")
    nodes = html_nodes(raw)
    return "\n".join(nodes), nodes


def check_email(where, path, lab, errors):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    for header in ("From", "To", "Date", "Message-ID", "Subject"):
        if msg[header] is None:
            errors.append(f"{where}: {path.name} lacks a {header} header")
    plain, html = [], []
    for part in msg.walk():
        if part.is_multipart() or part.is_attachment():
            continue
        if part.get_content_type() == "text/plain":
            plain.append(part.get_content())
        elif part.get_content_type() == "text/html":
            html.append(part.get_content())
    if not plain and not html:
        errors.append(f"{where}: no text/plain or text/html part")
        return None
    body = plain[0] if plain else "\n".join(n.strip() for n in html_nodes(html[0]))
    text = cut_new_text(body)
    alternative = any(p.get_content_type() == "multipart/alternative" for p in msg.walk())
    nodes = None
    if alternative:
        if not (plain and html):
            errors.append(f"{where}: multipart/alternative without both a plain and an HTML part")
        else:
            nodes = html_nodes(html[0])
    check_spans(where, lab, text, nodes, errors, page=False)
    return text


def main(argv):
    want_lint = "--lint" in argv
    errors, warnings = [], []
    guides = {}
    for g in sorted(ROOT.glob("brand-*.yml")):
        guides[g.name] = read_guide(g)
        if not guides[g.name]["name"]:
            errors.append(f"{g.name}: no name field")
    labelled = {}
    counts = {"eml": 0, "page": 0}
    if not list(ITEMS.glob("*.json")):
        errors.append("no label files in items/")
    for lp in sorted(ITEMS.glob("*.json")):
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except ValueError as exc:
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        bad = [k for k, typ in FIELDS if not isinstance(lab.get(k), typ)]
        if bad:
            errors.append(f"{where}: fields missing or of the wrong type: {bad}")
            continue
        if set(lab) - {k for k, _ in FIELDS}:
            errors.append(f"{where}: unexpected fields {sorted(set(lab) - {k for k, _ in FIELDS})}")
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match the file name")
        if lab["brand"] not in guides:
            errors.append(f"{where}: brand guide {lab['brand']!r} not found at the set root")
            continue
        path = ITEMS / lab["file"]
        if not path.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if Path(lab["file"]).stem != lp.stem:
            errors.append(f"{where}: file {lab['file']!r} is not named after the label")
        labelled.setdefault(lab["file"], []).append(where)
        if path.suffix == ".eml":
            counts["eml"] += 1
            text = check_email(where, path, lab, errors)
        elif path.suffix in (".html", ".md"):
            counts["page"] += 1
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on pages")
            text, nodes = page_text(path)
            if text is None:
                errors.append(f"{where}: Markdown page without front matter")
                continue
            check_spans(where, lab, text, nodes, errors, page=True)
        else:
            errors.append(f"{where}: unknown item type {path.suffix!r}")
            continue
        if want_lint and text is not None:
            lint(where, text, lab, guides[lab["brand"]], warnings)
    for item in sorted(list(ITEMS.glob("*.eml")) + list(ITEMS.glob("*.html")) + list(ITEMS.glob("*.md"))):
        n = len(labelled.get(item.name, []))
        if n != 1:
            errors.append(f"{item.name}: named by {n} label files (want 1)")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{sum(counts.values())} label files checked: {counts['eml']} emails, {counts['page']} pages, "
          f"{len(warnings)} warnings")
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
