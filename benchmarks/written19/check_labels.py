#!/usr/bin/env python3
"""Consistency checker for the written19 test set (Python standard library only).

Modelled on written7/check_labels.py. For every items/*.json label file it checks that:
  * the JSON has exactly the LABELS.md fields (id, file, brand, missing_next_step, spans) with the right types,
    `id` matches the file name, `file` names an existing item beside it and `brand` a guide at the set root
    that has a top-level `name:` line;
  * every span has a hand-labelled category and a non-empty `text` without line breaks or edge whitespace,
    and no (category, text) pair is repeated;
  * emails parse with the stdlib `email` package, carry From/To/Date/Message-ID/Subject, and have a
    text/plain or text/html part;
  * every span `text` occurs exactly once in the author's new text: the decoded plain-text body (or, for
    HTML-only mail, its visible text nodes one per line) cut at the first quote, forward, signature or
    disclaimer marker (NEW_TEXT_END);
  * in multipart/alternative mail the span also lies inside one text node of the HTML part;
  * pages (.html visible text outside <head>/<script>/<style>; .md text after the front matter) contain each
    span exactly once inside one text node / line, never with Markdown syntax, and have missing_next_step false;
  * every item file has exactly one label file.

`--lint` adds warnings (never errors) for clean items (`--lint --all`: every item): words the item's brand guide replaces or bans, forbidden
claims, avoid phrases, too many exclamation marks, emoji where the guide forbids them, sentences over the guide's
max_sentence_words, a rough reading grade over max_grade, and a short list of hedges and defensive formulas from LABELS.md.

The last line printed is "<n> errors". Exit status 0 when there are none. Usage: python3 check_labels.py [--lint]
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
FIELDS = {"id": str, "file": str, "brand": str, "missing_next_step": bool, "spans": list}

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|.+ wrote:\s*$|-----\s*Original Message\s*-----|_{10,}\s*$|-{5,} ?Forwarded|"
    r"Begin forwarded message:|From: .+|-- ?$|Sent from my |CONFIDENTIAL|DISCLAIMER|This e-?mail and any )"
)
WATCH = ["soon", "shortly", "asap", "try to", "hopefully", "should be able to", "in due course", "at some point",
         "in the coming days", "as soon as possible", "simply", "obviously", "per my last", "as i already",
         "friendly reminder", "going forward", "sorry, but", "if you feel", "nothing we can do", "!!!", "?!"]


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


def html_nodes(html):
    p = TextNodes()
    p.feed(html)
    p.close()
    return p.nodes


def cut_new_text(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if NEW_TEXT_END.match(line):
            break
        out.append(line)
    return "\n".join(out)


def read_guide(path):
    """Very small reader for the guide fields the lint needs (inline lists and `- word:` entries)."""
    text = path.read_text(encoding="utf-8")
    words, exact = [], []
    for m in re.finditer(r"use:\s*([^#\n]+?)\s*(?:#.*)?\n\s*instead_of:\s*\[(.*?)\]", text):
        alts = [w.strip().strip("\"'") for w in m.group(2).split(",")]
        (exact if m.group(1) != m.group(1).lower() else words).extend(alts)
    words += [m.group(1).strip().strip("\"'") for m in re.finditer(r"-\s*word:\s*(.+)", text)]
    for m in re.finditer(r"(?:forbidden|avoid):\s*\[(.*?)\]", text):
        words += [w.strip().strip("\"'") for w in m.group(1).split(",")]
    words += [m.group(1) for m in re.finditer(r"^\s+-\s*\"(.+?)\"\s*$", text, re.M)]
    limits = {k: int(v) for k, v in re.findall(r"(max_sentence_words|max_exclamations|max_grade):\s*(\d+)", text)}
    emoji = re.search(r"emoji:\s*true", text) is not None
    return {"name": re.search(r"^name:\s*\S", text, re.M) is not None, "words": [w for w in words if w],
            "exact": [w for w in exact if w],
            "limits": limits, "emoji": emoji}


def lint(where, new, guide, warnings):
    low = new.lower()
    for w in guide["words"]:
        if re.search(r"(?<![A-Za-z])" + re.escape(w.lower()), low):
            warnings.append(f"{where}: clean item contains guide word {w!r}")
    for w in guide["exact"]:
        if re.search(r"(?<![A-Za-z])" + re.escape(w) + r"(?![a-z])", new):
            warnings.append(f"{where}: clean item contains replaced product name {w!r}")
    for w in WATCH:
        if re.search(r"(?<![a-z])" + re.escape(w), low):
            warnings.append(f"{where}: clean item contains watch phrase {w!r}")
    lim = guide["limits"]
    if new.count("!") > lim.get("max_exclamations", 99):
        warnings.append(f"{where}: {new.count('!')} exclamation marks")
    if not guide["emoji"] and re.search("[\U0001F300-\U0001FAFF\u2600-\u27BF]", new):
        warnings.append(f"{where}: emoji in a guide that forbids them")
    sents = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*\u2022]|\d+\.)\s)", new):
        flat = re.sub(r"\s+", " ", block).strip()
        sents += [x for x in re.split(r"(?<=[.!?:])\s+", flat) if x]
    for s in sents:
        if len(s.split()) > lim.get("max_sentence_words", 99):
            warnings.append(f"{where}: sentence of {len(s.split())} words: {s[:70]}...")
    words = re.findall(r"[A-Za-z]+", new)
    if words and sents:
        syl = sum(max(1, len(re.findall(r"[aeiouy]+", w.lower())) - (w.lower().endswith("e") and len(w) > 3)) for w in words)
        grade = 0.39 * len(words) / len(sents) + 11.8 * syl / len(words) - 15.59
        if grade > lim.get("max_grade", 99):
            warnings.append(f"{where}: rough reading grade {grade:.1f} over {lim['max_grade']}")


def check_span_list(where, spans, errors):
    seen = set()
    good = []
    for sp in spans:
        if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
            errors.append(f"{where}: span must be an object with exactly category and text: {sp!r}")
            continue
        cat, text = sp["category"], sp["text"]
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category {cat!r}")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty span text")
            continue
        if "\n" in text or "\r" in text:
            errors.append(f"{where}: span crosses a line break: {text!r}")
        if text != text.strip():
            errors.append(f"{where}: span has edge whitespace: {text!r}")
        if (cat, text) in seen:
            errors.append(f"{where}: duplicate span {cat}/{text!r}")
        seen.add((cat, text))
        good.append((cat, text))
    return good


def check_email(where, path, lab, errors, warnings, guide, do_lint):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    for h in ("From", "To", "Date", "Message-ID", "Subject"):
        if msg[h] is None:
            errors.append(f"{where}: email lacks {h}")
    plain, html = [], []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        if part.get_content_type() == "text/plain":
            plain.append(part.get_content())
        elif part.get_content_type() == "text/html":
            html.append(part.get_content())
    if not plain and not html:
        errors.append(f"{where}: no text/plain or text/html body")
        return
    if plain:
        body = plain[0].replace("\r\n", "\n")
    else:
        body = "\n".join(n.strip() for n in html_nodes(html[0]) if n.strip())
    new = cut_new_text(body)
    alt_nodes = None
    if any(p.get_content_type() == "multipart/alternative" for p in msg.walk()):
        if not html:
            errors.append(f"{where}: multipart/alternative without an HTML part")
        else:
            alt_nodes = html_nodes(html[0])
    for cat, text in check_span_list(where, lab["spans"], errors):
        if text not in body:
            errors.append(f"{where}: span not in decoded body: {text!r}")
            continue
        n = new.count(text)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {text!r}")
        if alt_nodes is not None and not any(text in node for node in alt_nodes):
            errors.append(f"{where}: span not inside one HTML text node: {text!r}")
    if do_lint and (not lab["spans"] or "--all" in sys.argv):
        lint(where, new, guide, warnings)


def check_page(where, path, lab, errors, warnings, guide, do_lint):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if not raw.startswith("---\n") or "\n---\n" not in raw[4:]:
            errors.append(f"{where}: Markdown page without YAML front matter")
            return
        text = raw[raw.index("\n---\n", 4) + 5:]
        nodes = text.split("\n")
    else:
        nodes = html_nodes(raw)
        text = "\n".join(nodes)
    if lab["missing_next_step"]:
        errors.append(f"{where}: missing_next_step must be false on pages")
    for cat, t in check_span_list(where, lab["spans"], errors):
        if text.count(t) != 1:
            errors.append(f"{where}: span occurs {text.count(t)} times in the visible text (want 1): {t!r}")
        if not any(t in n for n in nodes):
            errors.append(f"{where}: span not inside one text node / line: {t!r}")
        if path.suffix == ".md" and re.search(r"[*_`#\[\]]", t):
            errors.append(f"{where}: span contains Markdown syntax: {t!r}")
    if do_lint and (not lab["spans"] or "--all" in sys.argv):
        lint(where, text, guide, warnings)


def main(argv):
    do_lint = "--lint" in argv
    errors, warnings = [], []
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files in items/")
    named = {}
    guides = {}
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        if not isinstance(lab, dict):
            errors.append(f"{where}: top level is not an object")
            continue
        bad = [k for k, t in FIELDS.items() if not isinstance(lab.get(k), t)]
        extra = set(lab) - set(FIELDS)
        if bad or extra:
            errors.append(f"{where}: bad or missing fields {bad}, unexpected fields {sorted(extra)}")
            continue
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match the file name")
        if Path(lab["file"]).stem != lp.stem:
            errors.append(f"{where}: file {lab['file']!r} does not match the label name")
        named[lab["file"]] = named.get(lab["file"], 0) + 1
        gpath = ROOT / lab["brand"]
        if "/" in lab["brand"] or not gpath.is_file():
            errors.append(f"{where}: brand guide {lab['brand']!r} is not a file at the set root")
            continue
        if lab["brand"] not in guides:
            guides[lab["brand"]] = read_guide(gpath)
            if not guides[lab["brand"]]["name"]:
                errors.append(f"{lab['brand']}: guide has no top-level name")
        item = ITEMS / lab["file"]
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if item.suffix == ".eml":
            check_email(where, item, lab, errors, warnings, guides[lab["brand"]], do_lint)
        elif item.suffix in (".html", ".md"):
            check_page(where, item, lab, errors, warnings, guides[lab["brand"]], do_lint)
        else:
            errors.append(f"{where}: unknown item type {item.suffix!r}")
    for f in sorted(ITEMS.iterdir()):
        if f.suffix in (".eml", ".html", ".md") and named.get(f.name, 0) != 1:
            errors.append(f"{f.name}: named by {named.get(f.name, 0)} label files (want 1)")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    kinds = [f.suffix for f in ITEMS.iterdir()]
    print(f"{len(labels)} label files, {kinds.count('.eml')} emails, "
          f"{kinds.count('.html') + kinds.count('.md')} pages, {len(warnings)} warnings")
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
