#!/usr/bin/env python3
"""Consistency checker for the written25 labelled set (stdlib only).

Modelled on written7/check_labels.py. For every items/*.json label file it checks that:
  * the JSON has exactly the LABELS.md fields (id, file, brand, missing_next_step, spans) with sane types,
    `id` matches the file name, `file` names an item beside it and `brand` a guide at the set root;
  * every span has exactly the keys `category` and `text`, the category is hand-labelled
    (commitment, defensive, sarcasm, brand) and the text is non-empty, has no line break and no
    leading or trailing whitespace;
  * emails parse with the stdlib `email` package, carry From/To/Date/Message-ID/Subject, and have a
    text/plain or text/html part; every span occurs exactly once in the author's new text (the body cut
    at the first quote / forward / signature / disclaimer marker, see NEW_TEXT_END) and, in
    multipart/alternative emails, inside a single text node of the HTML part;
  * pages (.html, .md with YAML front matter) have every span exactly once in the visible text, inside a
    single text node or line, with no Markdown syntax, and `missing_next_step` is false;
  * every item has a label file, and every brand guide has the fields brand-schema.md describes (a light,
    line-based check: this script reads no YAML library).

`--lint` adds warnings (never errors) that help keep clean items clean: terms, banned words, `avoid`
phrases and forbidden claims of the item's guide, exclamations and emoji beyond the voice limits, long
sentences and a rough reading grade, all in items that carry no `brand` span.

The last line printed ends with "N errors". Exit status 0 when there are none. Usage:
    python3 check_labels.py [--lint]
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
LABEL_KEYS = {"id", "file", "brand", "missing_next_step", "spans"}
GUIDE_KEYS = {"name", "values", "voice", "terminology", "banned", "claims", "promises"}

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|From: .+|-- $|"
    r"Sent from my |CONFIDENTIALITY)"
)
LIST_ITEM = re.compile(r"^\s*(- |\* |\d+\. |#|\|)")
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")


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


def html_nodes(markup):
    p = TextNodes()
    p.feed(markup)
    return p.nodes


def new_text(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if NEW_TEXT_END.match(line):
            break
        out.append(line)
    return "\n".join(out)


def load_guide(path):
    """Line-based reader for the parts of a brand guide that the checks need."""
    text = path.read_text(encoding="utf-8")
    top = set(re.findall(r"^([a-z_]+):", text, flags=re.M))
    guide = {"top": top, "text": text, "terms": [], "phrases": []}
    for m in re.finditer(r"- use: (.+?)\s*(#.*)?\n\s+instead_of: \[(.*)\]", text):
        use = m.group(1)
        for alt in split_list(m.group(3)):
            guide["terms"].append((alt, use != use.lower()))
    for m in re.finditer(r"- word: (.+)", text):
        guide["phrases"].append(m.group(1).strip())
    for m in re.finditer(r"(?:avoid|forbidden): \[(.*)\]", text):
        guide["phrases"].extend(split_list(m.group(1)))
    for m in re.finditer(r"avoid:\n((?:\s+- \".*\"\n)+)", text):
        guide["phrases"].extend(re.findall(r"- \"(.*)\"", m.group(1)))
    for key in ("max_grade", "max_sentence_words", "max_exclamations"):
        m = re.search(rf"^\s+{key}: (\d+)", text, flags=re.M)
        guide[key] = int(m.group(1)) if m else None
    m = re.search(r"^\s+emoji: (true|false)", text, flags=re.M)
    guide["emoji"] = m is not None and m.group(1) == "true"
    return guide


def split_list(inner):
    return [x.strip().strip('"') for x in inner.split(",") if x.strip()]


def check_guide(path, errors):
    g = load_guide(path)
    where = path.name
    if "name" not in g["top"]:
        errors.append(f"{where}: brand guide lacks `name`")
    for key in sorted(GUIDE_KEYS - g["top"]):
        errors.append(f"{where}: brand guide lacks `{key}` (this set gives every guide every field)")
    for key in sorted(g["top"] - GUIDE_KEYS):
        errors.append(f"{where}: unexpected top-level field `{key}`")
    form = re.search(r"^\s+formality: (\S+)", g["text"], flags=re.M)
    if not form or form.group(1) not in ("formal", "friendly", "casual"):
        errors.append(f"{where}: voice.formality must be formal, friendly or casual")
    for within in re.findall(r"^\s+within: (.+)$", g["text"], flags=re.M):
        if not re.fullmatch(r"\d+ (business days?|working days?|days|hours|weeks?)", within.strip()):
            errors.append(f"{where}: promise `within: {within}` is not a duration")
    if not re.search(r"keywords: \[", g["text"]):
        errors.append(f"{where}: promises without keywords")
    if "\t" in g["text"]:
        errors.append(f"{where}: tab character in YAML")
    return g


def check_spans(where, lab, text_for_count, nodes, errors, what):
    for sp in lab["spans"]:
        if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
            errors.append(f"{where}: span must have exactly the keys category and text: {sp!r}")
            continue
        cat, text = sp["category"], sp["text"]
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown or non-hand-labelled category {cat!r}")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty span text")
            continue
        if text != text.strip():
            errors.append(f"{where}: span has leading/trailing whitespace: {text!r}")
        if "\n" in text or "\r" in text:
            errors.append(f"{where}: span contains a line break: {text!r}")
        n = text_for_count.count(text)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the {what} (want 1): {text!r}")
        if nodes is not None and not any(text in node for node in nodes):
            errors.append(f"{where}: span not inside a single HTML text node / line: {text!r}")


def check_email(where, path, lab, errors):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    for h in ("From", "To", "Date", "Message-ID", "Subject"):
        if msg[h] is None:
            errors.append(f"{where}: .eml lacks {h}")
    if msg.defects:
        errors.append(f"{where}: MIME defects: {msg.defects}")
    plain, html = [], []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        if part.get_content_type() == "text/plain":
            plain.append(part.get_content())
        elif part.get_content_type() == "text/html":
            html.append(part.get_content())
    if not plain and not html:
        errors.append(f"{where}: no text/plain or text/html part")
        return None
    if plain:
        body = plain[0].replace("\r\n", "\n")
    else:
        body = "\n".join(n.strip() for n in html_nodes(html[0]) if n.strip())
    new = new_text(body)
    nodes = None
    if msg.get_content_type() == "multipart/alternative" or (plain and html):
        if not html:
            errors.append(f"{where}: multipart/alternative without an HTML part")
        else:
            nodes = html_nodes(html[0])
    check_spans(where, lab, new, nodes, errors, "new text")
    for sp in lab["spans"]:
        if isinstance(sp, dict) and isinstance(sp.get("text"), str) and body.count(sp["text"]) > 1:
            errors.append(f"{where}: span text also occurs in quoted/context text: {sp['text']!r}")
    return new


def page_text(path, errors, where):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if not raw.startswith("---\n") or "\n---\n" not in raw[4:]:
            errors.append(f"{where}: Markdown page without YAML front matter")
            return raw, raw.split("\n")
        raw = raw[raw.index("\n---\n", 4) + 5:]
        return raw, raw.split("\n")
    nodes = html_nodes(raw)
    return "\n".join(nodes), nodes


def check_page(where, path, lab, errors):
    text, nodes = page_text(path, errors, where)
    check_spans(where, lab, text, nodes, errors, "visible text")
    for sp in lab["spans"]:
        if isinstance(sp, dict) and re.search(r"[*_`#\[\]]", str(sp.get("text", ""))):
            errors.append(f"{where}: span contains Markdown syntax: {sp['text']!r}")
    if lab["missing_next_step"]:
        errors.append(f"{where}: missing_next_step must be false on pages")
    return text


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


def sentences(text):
    """Rough sentences: a line break ends one unless the line above is a long, hard-wrapped line."""
    text = re.sub(r"\b(Dr|Mr|Mrs|Ms|a\.m|p\.m|e\.g|no)\.", r"\1", text)
    chunks, prev = [], ""
    for line in text.split("\n"):
        joins = len(prev) >= 50 and not prev.rstrip().endswith(":") and not LIST_ITEM.match(line)
        if chunks and joins and line.strip():
            chunks[-1] += " " + line.strip()
        else:
            chunks.append(line.strip())
        prev = line
    return [s for c in chunks for s in re.split(r"(?<=[.!?])\s+", c) if s.strip()]


def lint(where, text, guide, warnings):
    for alt, case_sensitive in guide["terms"]:
        flags = 0 if case_sensitive else re.I
        if re.search(rf"(?<![\w-]){re.escape(alt)}s?(?![\w-])", text, flags):
            warnings.append(f"{where}: replaced term {alt!r} in new text")
    for ph in guide["phrases"]:
        if re.search(rf"(?<!\w){re.escape(ph)}", text, re.I):
            warnings.append(f"{where}: guide phrase {ph!r} in new text")
    n_exc = text.count("!")
    if guide["max_exclamations"] is not None and n_exc > guide["max_exclamations"]:
        warnings.append(f"{where}: {n_exc} exclamation marks (limit {guide['max_exclamations']})")
    if not guide["emoji"] and EMOJI.search(text):
        warnings.append(f"{where}: emoji in a guide that does not allow them")
    sents = sentences(text)
    for s in sents:
        if guide["max_sentence_words"] and len(s.split()) > guide["max_sentence_words"]:
            warnings.append(f"{where}: long sentence ({len(s.split())} words): {s[:60]}...")
    words = re.findall(r"[A-Za-z]+", text)
    if words and sents and guide["max_grade"]:
        grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
        if grade > guide["max_grade"]:
            warnings.append(f"{where}: rough Flesch-Kincaid grade {grade:.1f} (limit {guide['max_grade']})")


def main(argv):
    do_lint = "--lint" in argv
    errors, warnings = [], []
    guides = {p.name: check_guide(p, errors) for p in sorted(ROOT.glob("brand-*.yml"))}
    if not guides:
        errors.append("no brand-*.yml guides at the set root")
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    labelled = set()
    clean = 0
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        if not isinstance(lab, dict) or set(lab) != LABEL_KEYS:
            errors.append(f"{where}: label must have exactly the keys {sorted(LABEL_KEYS)}")
            continue
        bad = [k for k, t in (("id", str), ("file", str), ("brand", str), ("missing_next_step", bool),
                              ("spans", list)) if not isinstance(lab[k], t)]
        if bad:
            errors.append(f"{where}: fields of the wrong type: {bad}")
            continue
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match the file name")
        item = ITEMS / lab["file"]
        labelled.add(lab["file"])
        if Path(lab["file"]).stem != lab["id"]:
            errors.append(f"{where}: file {lab['file']!r} is not named after the id")
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if lab["brand"] not in guides:
            errors.append(f"{where}: brand guide {lab['brand']!r} does not exist at the set root")
        if item.suffix in (".html", ".md"):
            text = check_page(where, item, lab, errors)
        elif item.suffix == ".eml":
            text = check_email(where, item, lab, errors)
        else:
            errors.append(f"{where}: unknown item type {item.suffix}")
            continue
        if not lab["spans"] and not lab["missing_next_step"]:
            clean += 1
        if do_lint and text is not None and lab["brand"] in guides:
            if not any(isinstance(s, dict) and s.get("category") == "brand" for s in lab["spans"]):
                lint(where, text, guides[lab["brand"]], warnings)
    for p in sorted(ITEMS.iterdir()):
        if p.suffix in (".eml", ".html", ".md") and p.name not in labelled:
            errors.append(f"{p.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    n_items = len(labelled)
    print(f"{len(labels)} label files, {n_items} items, {clean} clean, {len(warnings)} warnings, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
