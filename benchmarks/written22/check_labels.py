#!/usr/bin/env python3
"""Consistency checker for the written22 set (stdlib only).

Modelled on written7/check_labels.py. For every items/*.json label file it checks that:
  * the JSON has the LABELS.md fields (id, file, brand, missing_next_step, spans) with the right types,
    `id` matches the file name, `file` names an item beside it and `brand` a guide at the set root;
  * every span category is one of the hand-labelled span categories and every span text is non-empty;
  * emails parse with the stdlib `email` package, carry From/Date/Message-ID and a text part;
  * every span text occurs in the decoded body, contains no line break and occurs exactly once in the
    author's new text (the body cut at the first quote / forward / signature marker, see NEW_TEXT_END);
  * in multipart/alternative emails each span also lies inside one text node of the HTML part;
  * pages (.html visible text outside <head>/<script>/<style>; .md text after the front matter) contain
    each span exactly once, inside one node or line, without Markdown syntax; pages never set
    missing_next_step;
  * every item file has a label file.

`--lint` adds warnings (never errors) for items with no brand span: exclamation marks or emoji beyond the
guide's limits, sentences longer than the guide's max_sentence_words, and any banned word, replaced term,
forbidden claim or `avoid` phrase of the guide found in the new text (plain case-insensitive match).

Usage: python3 check_labels.py [--lint]. Prints "<n> errors" last; exit status 1 when there are errors.
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
SPAN_CATEGORIES = {"commitment", "defensive", "sarcasm", "brand"}
FIELDS = (("id", str), ("file", str), ("brand", str), ("missing_next_step", bool), ("spans", list))

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|On .+\d{4}.*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|"
    r"From: .+|-- $|Sent from my )"
)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")


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


def new_text(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if NEW_TEXT_END.match(line):
            break
        out.append(line)
    return "\n".join(out)


def guide_lists(path):
    """Reads the few guide fields the lint needs from our own simply formatted guides.

    Returns (phrases, limits); each phrase is (text, case_sensitive). Replaced forms of a product name
    (a `use` term with capitals) match case-sensitively, as brand-schema.md says.
    """
    phrases, use = [], ""
    for line in path.read_text(encoding="utf-8").split("\n"):
        line = line.split(" #")[0]
        m = re.match(r"^\s*- use:\s*(.+)$", line)
        if m:
            use = m.group(1).strip()
        m = re.match(r"^\s*(instead_of|avoid|forbidden):\s*\[(.*)\]", line)
        if m:
            exact = m.group(1) == "instead_of" and use != use.lower()
            phrases += [(p.strip().strip("\"'"), exact) for p in m.group(2).split(",") if p.strip()]
        m = re.match(r"^\s*- word:\s*(.+)$", line)
        if m:
            phrases.append((m.group(1).strip(), False))
    limits = {k: int(v) for k, v in re.findall(r"^\s*(max_\w+):\s*(\d+)", path.read_text(encoding="utf-8"), re.M)}
    return phrases, limits


def sentences(text):
    """Sentences, with blank lines, list items, headings and table rows also ending a sentence."""
    blocks, cur = [], []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped or re.match(r"^([-*#|]|\d+\.\s)", stripped):
            blocks.append(" ".join(cur))
            cur = []
        if stripped:
            cur.append(stripped)
        if stripped.endswith(":"):
            blocks.append(" ".join(cur))
            cur = []
    blocks.append(" ".join(cur))
    out = []
    for block in blocks:
        out += [s for s in re.split(r"(?<=[.!?])\s+", block) if s.strip()]
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
    phrases, limits = guide
    n_exc = text.count("!")
    if n_exc > limits.get("max_exclamations", 1):
        warnings.append(f"{where}: {n_exc} exclamation marks")
    if EMOJI.search(text):
        warnings.append(f"{where}: emoji in new text")
    max_words = limits.get("max_sentence_words", 30)
    for s in sentences(text):
        if len(s.split()) > max_words:
            warnings.append(f"{where}: sentence of {len(s.split())} words: {s[:70]}...")
    for p, exact in phrases:
        if re.search(r"\b" + re.escape(p) + r"\b", text, 0 if exact else re.I):
            warnings.append(f"{where}: guide phrase {p!r} in an item with no brand span")
    words = re.findall(r"[A-Za-z]+", text)
    sents = sentences(text)
    if words and sents:
        grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
        if grade > limits.get("max_grade", 99):
            warnings.append(f"{where}: rough Flesch-Kincaid grade {grade:.1f} over the guide's {limits['max_grade']}")


def check_span_shape(where, sp, errors):
    cat, text = sp.get("category"), sp.get("text")
    if cat not in SPAN_CATEGORIES:
        errors.append(f"{where}: unknown span category {cat!r}")
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{where}: empty span text")
        return None
    if "\n" in text or "\r" in text:
        errors.append(f"{where}: span contains a line break: {text!r}")
    if text != text.strip():
        errors.append(f"{where}: span has leading or trailing whitespace: {text!r}")
    return text


def check_email(where, path, lab, errors, warnings):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    for header in ("From", "Date", "Message-ID", "Subject"):
        if msg[header] is None:
            errors.append(f"{where}: missing {header} header")
    plain, html = [], []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        if part.get_content_type() == "text/plain":
            plain.append(part.get_content())
        elif part.get_content_type() == "text/html":
            html.append(part.get_content())
    if not plain and not html:
        errors.append(f"{where}: no text/plain or text/html body part")
        return None
    if plain:
        body = plain[0].replace("\r\n", "\n")
    else:
        body = "\n\n".join(n.strip() for n in html_nodes(html[0]))
    new = new_text(body)
    alt_nodes = html_nodes(html[0]) if plain and html else None
    for sp in lab["spans"]:
        text = check_span_shape(where, sp, errors)
        if text is None:
            continue
        if text not in body:
            errors.append(f"{where}: span not in decoded body: {text!r}")
            continue
        n = new.count(text)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {text!r}")
        if body.count(text) > n:
            warnings.append(f"{where}: span text also occurs in quoted or signature text: {text!r}")
        if alt_nodes is not None and not any(text in node for node in alt_nodes):
            errors.append(f"{where}: span not inside a single HTML text node: {text!r}")
    return new


def check_page(where, path, lab, errors):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if not raw.startswith("---\n") or "\n---\n" not in raw[4:]:
            errors.append(f"{where}: Markdown page without YAML front matter")
            return None
        text = raw[raw.index("\n---\n", 4) + 5:]
        nodes = text.split("\n")
    else:
        nodes = html_nodes(raw)
        text = "\n\n".join(nodes)
    if lab["missing_next_step"]:
        errors.append(f"{where}: missing_next_step must be false on pages")
    for sp in lab["spans"]:
        t = check_span_shape(where, sp, errors)
        if t is None:
            continue
        if text.count(t) != 1:
            errors.append(f"{where}: span occurs {text.count(t)} times in the visible text (want 1): {t!r}")
        if not any(t in n for n in nodes):
            errors.append(f"{where}: span not inside a single text node or line: {t!r}")
        if re.search(r"[*_`#\[\]|]", t):
            errors.append(f"{where}: span contains Markdown syntax: {t!r}")
    return text


def main(argv):
    lint = "--lint" in argv
    errors, warnings = [], []
    guides = {}
    labelled = set()
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        bad = [key for key, typ in FIELDS if not isinstance(lab.get(key), typ)]
        for key in bad:
            errors.append(f"{where}: field {key!r} missing or of the wrong type")
        extra = set(lab) - {key for key, _ in FIELDS}
        if extra:
            errors.append(f"{where}: unexpected fields {sorted(extra)}")
        if bad:
            continue
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match the file name")
        if Path(lab["file"]).stem != lp.stem:
            errors.append(f"{where}: file {lab['file']!r} does not match the label's name")
        guide_path = ROOT / lab["brand"]
        if not guide_path.is_file() or not lab["brand"].startswith("brand-"):
            errors.append(f"{where}: brand guide {lab['brand']!r} not found at the set root")
            continue
        guide = guides.setdefault(lab["brand"], guide_lists(guide_path))
        item = ITEMS / lab["file"]
        labelled.add(lab["file"])
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if item.suffix == ".eml":
            text = check_email(where, item, lab, errors, warnings)
        elif item.suffix in (".html", ".md"):
            text = check_page(where, item, lab, errors)
        else:
            errors.append(f"{where}: unsupported item type {item.suffix!r}")
            continue
        if lint and text is not None and not any(s.get("category") == "brand" for s in lab["spans"]):
            lint_text(where, text, guide, warnings)
    for item in sorted(ITEMS.iterdir()):
        if item.suffix in (".eml", ".html", ".md") and item.name not in labelled:
            errors.append(f"{item.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    n_emails = len(list(ITEMS.glob("*.eml")))
    n_pages = len(list(ITEMS.glob("*.html"))) + len(list(ITEMS.glob("*.md")))
    print(f"{len(labels)} label files, {n_emails} emails, {n_pages} pages, {len(warnings)} warnings")
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
