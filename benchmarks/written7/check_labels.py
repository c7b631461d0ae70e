#!/usr/bin/env python3
"""Consistency checker for the written7 development set (stdlib only).

Adapted from heldout4/check_labels.py: also handles HTML-only emails (the visible text nodes,
one per line, stand in for the plain-text body) and web pages (.html: visible text nodes outside
<script>/<style>/<head>; .md: the text after the YAML front matter).

For every items/*.json label file it checks that:
  * the JSON has the LABELS.md fields (id, file, brand, missing_next_step, spans) with sane types,
    `id` matches the file name, `file` names an existing .eml beside it and `brand` an existing guide
    at the set root;
  * every category is one of the hand-labelled categories;
  * the .eml parses with the stdlib `email` package and has a text/plain or text/html part;
  * every span `text` occurs in the decoded plain-text body, does not contain a line break, and occurs
    exactly once in the author's new text (the body cut at the first quote / forward / signature /
    disclaimer marker, see NEW_TEXT_END);
  * in multipart/alternative items the span also occurs inside a single text node of the HTML part.

Optional `--lint` prints warnings (never failures) that help the author keep clean items clean:
exclamation marks, emoji and long sentences in the new text of items with no brand span.

Exit status 0 when everything passes, 1 otherwise. Usage:  python3 check_labels.py [--lint]
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

# Lines that end the author's new text (quoted replies, forwards, signatures, disclaimers, pasted text).
NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|\s*-{5,} Forwarded by |"
    r"From: .+|-- $|Sent from my |-{10}\s*$|CONFIDENTIALITY|This email and any attachments)"
)


def decoded_parts(msg):
    plain, html = [], []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain":
            plain.append(part.get_content())
        elif ctype == "text/html":
            html.append(part.get_content())
    return plain, html


def new_text(body):
    body = body.replace("\r\n", "\n")
    out = []
    for line in body.split("\n"):
        if NEW_TEXT_END.match(line):
            break
        out.append(line)
    return "\n".join(out)


class TextNodes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nodes = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.nodes.append(data)


def sentences(text):
    flat = re.sub(r"\s+", " ", text)
    return [s for s in re.split(r"(?<=[.!?])\s+", flat) if s.strip()]


def main(argv):
    lint = "--lint" in argv
    errors, warnings = [], []
    labels = sorted(ITEMS.glob("*.json"))
    emls = sorted(ITEMS.glob("*.eml"))
    if not labels:
        errors.append("no label files found")
    labelled_files = set()
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        for key, typ in (("id", str), ("file", str), ("brand", str), ("missing_next_step", bool), ("spans", list)):
            if not isinstance(lab.get(key), typ):
                errors.append(f"{where}: field {key!r} missing or not {typ.__name__}")
        if errors and errors[-1].startswith(where):
            continue
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match file name")
        eml = ITEMS / lab["file"]
        if lab["file"].endswith((".html", ".md")):
            labelled_files.add(lab["file"])
            if not eml.is_file():
                errors.append(f"{where}: file {lab['file']!r} does not exist")
                continue
            if not (ROOT / lab["brand"]).is_file():
                errors.append(f"{where}: brand guide {lab['brand']!r} does not exist")
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on pages")
            check_page(where, eml, lab, errors, warnings, lint)
            continue
        labelled_files.add(lab["file"])
        if not eml.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if not (ROOT / lab["brand"]).is_file():
            errors.append(f"{where}: brand guide {lab['brand']!r} does not exist")
        msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
        if msg["From"] is None or msg["Date"] is None or msg["Message-ID"] is None:
            errors.append(f"{where}: .eml lacks From/Date/Message-ID")
        plain, html = decoded_parts(msg)
        if not plain and not html:
            errors.append(f"{where}: no text/plain or text/html part")
            continue
        if plain:
            body = plain[0].replace("\r\n", "\n")
        else:  # HTML-only email: visible text nodes, one per line
            p = TextNodes()
            p.feed(html[0])
            body = "\n".join(n.strip() for n in p.nodes if n.strip())
        new = new_text(body)
        is_alt = msg.get_content_type() == "multipart/alternative"
        nodes = []
        if is_alt:
            if not html:
                errors.append(f"{where}: multipart/alternative without an HTML part")
            else:
                p = TextNodes()
                p.feed(html[0])
                nodes = p.nodes
        for sp in lab["spans"]:
            cat, text = sp.get("category"), sp.get("text")
            if cat not in CATEGORIES:
                errors.append(f"{where}: unknown category {cat!r}")
            if not isinstance(text, str) or not text:
                errors.append(f"{where}: empty span text")
                continue
            if "\n" in text:
                errors.append(f"{where}: span contains a line break: {text!r}")
            if text not in body:
                errors.append(f"{where}: span not in decoded body: {text!r}")
                continue
            n = new.count(text)
            if n != 1:
                errors.append(f"{where}: span occurs {n} times in the new text (want 1): {text!r}")
            if body.count(text) > n:
                warnings.append(f"{where}: span text also occurs in quoted/context text: {text!r}")
            if is_alt and nodes and not any(text in node for node in nodes):
                errors.append(f"{where}: span not inside a single HTML text node: {text!r}")
        if lint and not any(s.get("category") == "brand" for s in lab["spans"]):
            lint_text(where, new, lab, warnings)
    for e in list(ITEMS.glob("*.html")) + list(ITEMS.glob("*.md")):
        if e.name not in labelled_files:
            errors.append(f"{e.name}: no label file names it")
    for e in emls:
        if e.name not in labelled_files:
            errors.append(f"{e.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    n_pages = len(list(ITEMS.glob("*.html")) + list(ITEMS.glob("*.md")))
    print(f"{len(labels)} label files, {len(emls)} emails, {n_pages} pages, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


def lint_text(where, new, lab, warnings):
    if True:
        if True:
            n_exc = new.count("!")
            if n_exc > 1:
                warnings.append(f"{where}: {n_exc} exclamation marks in new text but no brand span")
            if re.search("[\U0001F300-\U0001FAFF\u2600-\u27BF]", new):
                warnings.append(f"{where}: emoji in new text but no brand span")
            for s in sentences(new):
                if len(s.split()) > 35:
                    warnings.append(f"{where}: long sentence ({len(s.split())} words): {s[:60]}...")
    words = re.findall(r"[A-Za-z]+", new)
    sents = sentences(new)
    if words and sents:
        grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
        if grade > 9:
            warnings.append(f"{where}: rough Flesch-Kincaid grade {grade:.1f}")


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if raw.startswith("---\n"):
            raw = raw[raw.index("\n---\n", 4) + 5:]
        return raw, raw.split("\n")
    p = TextNodes()
    p.feed(raw)
    return "\n".join(p.nodes), p.nodes


def check_page(where, path, lab, errors, warnings, lint):
    text, nodes = page_text(path)
    for sp in lab["spans"]:
        cat, t = sp.get("category"), sp.get("text")
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category {cat!r}")
        if not isinstance(t, str) or not t:
            errors.append(f"{where}: empty span text")
            continue
        if text.count(t) != 1:
            errors.append(f"{where}: span occurs {text.count(t)} times in the visible text (want 1): {t!r}")
        if not any(t in n for n in nodes):
            errors.append(f"{where}: span not inside a single text node / line: {t!r}")
        if re.search(r"[*_`#\[\]]", t):
            errors.append(f"{where}: span contains Markdown syntax: {t!r}")
    if lint and not any(s.get("category") == "brand" for s in lab["spans"]):
        lint_text(where, text, lab, warnings)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
