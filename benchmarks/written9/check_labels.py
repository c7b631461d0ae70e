#!/usr/bin/env python3
"""Consistency checker for the written9 development set (stdlib only).

Modelled on written7/check_labels.py. For every items/*.json label file it checks that:
  * the JSON has exactly the LABELS.md fields (id, file, brand, missing_next_step, spans) with the right types,
    `id` matches the file name, `file` names an item beside it and `brand` a guide at the set root;
  * every span has exactly the keys category and text, a hand-labelled category and a non-empty text
    without a line break and without leading/trailing whitespace;
  * emails (.eml) parse with the stdlib `email` package, have From/To/Subject/Date/Message-ID, and every span
    occurs exactly once in the author's new text (the decoded body cut at the first quote / forward /
    signature / disclaimer marker, see NEW_TEXT_END); HTML-only emails use their visible text nodes;
  * in multipart/alternative emails every span also lies inside one text node of the HTML part;
  * pages (.html: visible text outside <script>/<style>/<head>; .md: the text after the front matter) contain
    each span exactly once, inside one text node / line, without Markdown syntax; pages never set
    missing_next_step;
  * every item in items/ has a label file, and every brand guide has `name:` and only known top-level keys.

`--lint` adds warnings (never errors) for items without a brand span whose new text looks like it breaks
the guide: too many exclamation marks, emoji, sentences over max_sentence_words, or a term from
instead_of / banned / claims / avoid. Usage:  python3 check_labels.py [--lint]
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
GUIDE_KEYS = {"name", "values", "voice", "terminology", "banned", "claims", "promises"}
NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|From: .+|-- $|"
    r"Sent from my |CONFIDENTIALITY|This email and any attachments|Larkfield Removals Ltd is registered)"
)


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
        if not self._skip and data.strip():
            self.nodes.append(data)


def html_nodes(markup):
    p = TextNodes()
    p.feed(markup)
    p.close()
    return p.nodes


def new_text(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if NEW_TEXT_END.match(line):
            break
        out.append(line)
    return "\n".join(out)


def read_guide(path, errors):
    """Minimal reading of a brand guide: top-level keys, voice limits and the phrases to lint for."""
    text = path.read_text(encoding="utf-8")
    keys = re.findall(r"^([A-Za-z_]+):", text, re.M)
    if "name" not in keys:
        errors.append(f"{path.name}: guide has no name")
    for k in keys:
        if k not in GUIDE_KEYS:
            errors.append(f"{path.name}: unknown top-level key {k!r}")
    g = {"max_excl": 99, "max_words": 999, "emoji": True, "phrases": [], "names": []}
    m = re.search(r"max_exclamations:\s*(\d+)", text)
    if m:
        g["max_excl"] = int(m.group(1))
    m = re.search(r"max_sentence_words:\s*(\d+)", text)
    if m:
        g["max_words"] = int(m.group(1))
    m = re.search(r"emoji:\s*(true|false)", text)
    if m:
        g["emoji"] = m.group(1) == "true"
    for m in re.finditer(r"(instead_of|forbidden|avoid):\s*\[(.*?)\]", text):
        words = [x.strip().strip('"') for x in m.group(2).split(",") if x.strip()]
        # instead_of entries are matched case-sensitively (product names); the rest ignore case
        g["names" if m.group(1) == "instead_of" else "phrases"] += words
    for block in re.finditer(r"avoid:\s*\n((?:\s+- .*\n)+)", text):
        g["phrases"] += [x.strip()[2:].strip('"') for x in block.group(1).splitlines()]
    g["phrases"] += re.findall(r"- word:\s*(.+)", text)
    return g


def sentences(text):
    flat = re.sub(r"\s+", " ", text)
    return [s for s in re.split(r"(?<=[.!?])\s+", flat) if s.strip()]


def sentences_by_line(text):
    out = []
    for line in text.split("\n"):
        if line.strip()[-1:] in (".", "!", "?"):
            out += sentences(line)
    return out


def lint(where, text, guide, warnings, page=False):
    n = text.count("!")
    if n > guide["max_excl"]:
        warnings.append(f"{where}: {n} exclamation marks (guide allows {guide['max_excl']})")
    if not guide["emoji"] and re.search("[\U0001F300-\U0001FAFF\u2600-\u27BF]", text):
        warnings.append(f"{where}: emoji")
    # pages: only text nodes / lines that end like sentences are measured (headings and table cells are not)
    for s in (sentences_by_line(text) if page else sentences(text)):
        if len(s.split()) > guide["max_words"]:
            warnings.append(f"{where}: {len(s.split())}-word sentence: {s[:60]}...")
    for ph in guide["phrases"]:
        if re.search(r"\b" + re.escape(ph) + r"(?![A-Za-z])", text, re.I):
            warnings.append(f"{where}: guide phrase {ph!r} appears")
    for ph in guide["names"]:
        if re.search(r"\b" + re.escape(ph) + r"(?:s|es)?(?![A-Za-z])", text):
            warnings.append(f"{where}: replaced term {ph!r} appears")


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if raw.startswith("---\n"):
            raw = raw[raw.index("\n---\n", 4) + 5:]
        return raw, raw.split("\n")
    nodes = html_nodes(raw)
    return "\n".join(nodes), nodes


def main(argv):
    do_lint = "--lint" in argv
    errors, warnings = [], []
    guides = {}
    for gp in sorted(ROOT.glob("brand-*.yml")):
        guides[gp.name] = read_guide(gp, errors)
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    labelled = set()
    n_emails = n_pages = 0
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except ValueError as exc:
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        if set(lab) != {"id", "file", "brand", "missing_next_step", "spans"}:
            errors.append(f"{where}: fields are {sorted(lab)}")
            continue
        bad = [k for k, t in (("id", str), ("file", str), ("brand", str), ("missing_next_step", bool), ("spans", list))
               if not isinstance(lab[k], t)]
        if bad:
            errors.append(f"{where}: wrong type for {bad}")
            continue
        if lab["id"] != lp.stem or Path(lab["file"]).stem != lp.stem:
            errors.append(f"{where}: id/file do not match the label file name")
        item = ITEMS / lab["file"]
        labelled.add(lab["file"])
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if lab["brand"] not in guides:
            errors.append(f"{where}: brand guide {lab['brand']!r} not at the set root")
            continue
        spans = []
        for sp in lab["spans"]:
            if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
                errors.append(f"{where}: malformed span {sp!r}")
                continue
            if sp["category"] not in CATEGORIES:
                errors.append(f"{where}: unknown category {sp['category']!r}")
            t = sp["text"]
            if not isinstance(t, str) or not t.strip():
                errors.append(f"{where}: empty span text")
                continue
            if "\n" in t or "\r" in t:
                errors.append(f"{where}: span crosses a line break: {t!r}")
            if t != t.strip():
                errors.append(f"{where}: span has leading/trailing whitespace: {t!r}")
            spans.append(t)
        if item.suffix in (".html", ".md"):
            n_pages += 1
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on a page")
            text, nodes = page_text(item)
            for t in spans:
                if text.count(t) != 1:
                    errors.append(f"{where}: span occurs {text.count(t)} times in the visible text: {t!r}")
                if not any(t in n for n in nodes):
                    errors.append(f"{where}: span not inside one text node / line: {t!r}")
                if re.search(r"[*_`#\[\]]", t):
                    errors.append(f"{where}: span contains Markdown syntax: {t!r}")
            if do_lint and not any(s["category"] == "brand" for s in lab["spans"]):
                lint(where, text, guides[lab["brand"]], warnings, page=True)
            continue
        if item.suffix != ".eml":
            errors.append(f"{where}: unknown item type {item.suffix}")
            continue
        n_emails += 1
        msg = email.message_from_bytes(item.read_bytes(), policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            if msg[h] is None:
                errors.append(f"{where}: header {h} missing")
        plain = html = None
        for part in msg.walk():
            if part.is_multipart() or part.get_content_disposition() == "attachment":
                continue
            if part.get_content_type() == "text/plain" and plain is None:
                plain = part.get_content()
            elif part.get_content_type() == "text/html" and html is None:
                html = part.get_content()
        if plain is None and html is None:
            errors.append(f"{where}: no text/plain or text/html body")
            continue
        body = plain.replace("\r\n", "\n") if plain is not None else "\n".join(n.strip() for n in html_nodes(html))
        new = new_text(body)
        nodes = html_nodes(html) if (html is not None and msg.get_content_type() == "multipart/alternative") else None
        if msg.get_content_type() == "multipart/alternative" and html is None:
            errors.append(f"{where}: multipart/alternative without HTML")
        for t in spans:
            n = new.count(t)
            if n != 1:
                errors.append(f"{where}: span occurs {n} times in the new text (want 1): {t!r}")
            elif body.count(t) > 1:
                warnings.append(f"{where}: span also occurs in quoted or signature text: {t!r}")
            if nodes is not None and not any(t in node for node in nodes):
                errors.append(f"{where}: span not inside one HTML text node: {t!r}")
        if do_lint and not any(s["category"] == "brand" for s in lab["spans"]):
            lint(where, new, guides[lab["brand"]], warnings)
    for f in sorted(ITEMS.iterdir()):
        if f.suffix in (".eml", ".html", ".md") and f.name not in labelled:
            errors.append(f"{f.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(labels)} label files, {n_emails} emails, {n_pages} pages, {len(warnings)} warnings, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
