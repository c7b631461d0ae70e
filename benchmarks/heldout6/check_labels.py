#!/usr/bin/env python3
"""Consistency checker for the heldout6 set (stdlib only).

Modelled on benchmarks/written7/check_labels.py. For every items/*.json label file it checks that:
  * the JSON has the LABELS.md fields (id, file, brand, missing_next_step, spans) with the right types,
    `id` matches the file name, `file` names an existing item beside it and `brand` an existing guide
    at the set root;
  * every span category is a hand-labelled one (commitment, defensive, sarcasm, brand) and every span
    text is non-empty and has no line break;
  * emails (.eml) parse with the stdlib `email` package, have From/Date/Message-ID and a text part;
    every span occurs in the decoded body and exactly once in the author's new text (the body cut at
    the first quote / forward / signature / disclaimer marker, see NEW_TEXT_END); in
    multipart/alternative emails the span also sits inside one text node of the HTML part;
    HTML-only emails use their visible text nodes, one per line, as the body;
  * pages (.html: visible text outside <script>/<style>/<head>; .md: text after the front matter)
    contain each span exactly once, inside one text node / line, with no Markdown syntax, and have
    missing_next_step false;
  * every item file has a label file.

`--lint` adds warnings (never errors) that help keep clean items clean: brand-guide terms, banned
words, claims and avoid phrases found in the new text without a brand span; promise keywords next to a
duration that differs from the guide; more exclamation marks than the guide allows; emoji; sentences
over the guide's word limit; a rough Flesch-Kincaid grade over the guide's limit; and common hedges,
defensive cues and capitalised words in items without a span of that category.

Prints a summary line ending in "N errors"; exit status 0 when there are no errors.
Usage:  python3 check_labels.py [--lint]
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

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|"
    r"From: .+|-- ?$|Sent from my |This email and any attachments)"
)


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


def html_nodes(src):
    p = TextNodes()
    p.feed(src)
    return p.nodes


def text_parts(msg):
    plain, html = [], []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        if part.get_content_type() == "text/plain":
            plain.append(part.get_content())
        elif part.get_content_type() == "text/html":
            html.append(part.get_content())
    return plain, html


def new_text(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if NEW_TEXT_END.match(line):
            break
        out.append(line)
    return "\n".join(out)


# ---------------------------------------------------------------- minimal brand-guide reader (lint only)
def read_guide(path):
    g = {"terms": [], "banned": [], "claims": [], "avoid": [], "promises": [], "limits": {}}
    section, promise = None, None
    for raw in path.read_text(encoding="utf-8").split("\n"):
        line = raw.split(" #")[0].rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            section = line.split(":")[0]
            if section == "claims" or line.startswith("claims:"):
                pass
        m = re.match(r"\s*(max_exclamations|max_sentence_words|max_grade):\s*(\d+)", line)
        if m:
            g["limits"][m.group(1)] = int(m.group(2))
        m = re.match(r"\s*emoji:\s*(\w+)", line)
        if m:
            g["limits"]["emoji"] = m.group(1) == "true"
        flow = re.search(r"\[(.*)\]", line)
        items = [x.strip().strip('"') for x in flow.group(1).split(",")] if flow else []
        if "instead_of:" in line:
            g["terms"] += items
        elif "forbidden:" in line:
            g["claims"] += items
        elif re.match(r"\s*avoid:", line) and items:
            g["avoid"] += items
        elif section == "values" and re.match(r"\s+- \"", line):
            g["avoid"].append(line.strip()[2:].strip('"'))
        elif re.match(r"\s*- word:", line):
            g["banned"].append(line.split(":", 1)[1].strip())
        elif section == "promises":
            if "keywords:" in line:
                promise = {"keywords": items}
            m = re.match(r"\s*within:\s*(.+)", line)
            if m and promise is not None:
                promise["within"] = m.group(1).strip()
                g["promises"].append(promise)
                promise = None
    return g


def sentences(text):
    """Sentences for the lint: a line break also ends one (list items, table cells, headings)."""
    out = []
    for line in re.split(r"\n", text):
        line = re.sub(r"\s+", " ", line).strip()
        out += [s for s in re.split(r"(?<=[.!?])\s+", line) if s.strip()]
    return out


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


DURATION = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|half an)[- ]"
                      r"(working |business )?(minutes?|hours?|days?|weeks?|months?)\b", re.I)
HEDGES = re.compile(r"\b(soon|shortly|ASAP|as soon as possible|in due course|at some point|when we can|try to|"
                    r"hopefully|should be able|aim to|do our best|probably|in the coming)\b", re.I)
DEFENSIVE = re.compile(r"\b(simply|obviously|clearly|per my|as I (already )?(said|explained|mentioned)|friendly reminder|"
                       r"going forward|sorry,? but|apologi[sz]e if|sorry if|not our fault|nothing (more )?we can do|"
                       r"policy is policy|you should have|you always|you never)\b|!!|\?!", re.I)
ACRONYMS = {"CO", "HETAS", "LOLER", "VAT", "CSV", "PDF", "HEPA", "UK", "CV", "LEIA", "SAFE", "OK", "NHS", "HMRC",
            "A46", "IS2", "SD", "CW", "RS9", "DR", "CN", "CLS", "CMP", "NMH", "CC", "SQ", "SF", "INV", "CQO", "I"}


def lint(where, text, lab, guide, warnings):
    cats = {s["category"] for s in lab["spans"]}
    spans = " ".join(s["text"] for s in lab["spans"])
    low = text.lower()
    if "brand" not in cats:
        for kind in ("terms", "banned", "claims", "avoid"):
            for w in guide[kind]:
                # entries with capitals (product names) match case-sensitively, the rest in any case
                hay, stem = (text, w) if w != w.lower() else (low, w.lower().rstrip("s"))
                if stem and re.search(r"(?<![\w.])" + re.escape(stem) + r"\w{0,3}(?![\w])", hay):
                    warnings.append(f"{where}: guide {kind} entry {w!r} in new text, no brand span")
    for s in sentences(text):
        for p in guide["promises"]:
            if any(re.search(r"\b" + re.escape(k) + r"\w*", s, re.I) for k in p["keywords"]):
                for m in DURATION.finditer(s):
                    if m.group(0).lower() != p["within"].lower() and s not in spans and "brand" not in cats:
                        warnings.append(f"{where}: promise {p['keywords'][0]!r} with {m.group(0)!r} "
                                        f"(guide: {p['within']}): {s[:70]}")
        if len(s.split()) > guide["limits"].get("max_sentence_words", 99) and "brand" not in cats:
            warnings.append(f"{where}: sentence of {len(s.split())} words: {s[:60]}...")
    if "brand" not in cats:
        n = text.count("!") - text.count("![")
        if n > guide["limits"].get("max_exclamations", 99):
            warnings.append(f"{where}: {n} exclamation marks")
        if re.search("[\U0001F300-\U0001FAFF\u2600-\u27BF]", text) and not guide["limits"].get("emoji", True):
            warnings.append(f"{where}: emoji in new text")
    if "commitment" not in cats:
        for m in HEDGES.finditer(text):
            warnings.append(f"{where}: hedge/vague word {m.group(0)!r}, no commitment span")
    if "defensive" not in cats:
        for m in DEFENSIVE.finditer(text):
            warnings.append(f"{where}: defensive cue {m.group(0)!r}, no defensive span")
        for w in re.findall(r"\b[A-Z]{2,}\b", text):
            if w not in ACRONYMS and not re.search(r"\d", w):
                warnings.append(f"{where}: capitalised word {w!r}")
    words = re.findall(r"[A-Za-z]+", text)
    sents = sentences(text)
    if words and sents and "brand" not in cats:
        grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
        if grade > guide["limits"].get("max_grade", 99):
            warnings.append(f"{where}: rough Flesch-Kincaid grade {grade:.1f}")


# ---------------------------------------------------------------- checks
def check_spans(where, lab, new, errors, body=None, nodes=None, page=False):
    for sp in lab["spans"]:
        cat, text = sp.get("category"), sp.get("text")
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category {cat!r}")
        if not isinstance(text, str) or not text:
            errors.append(f"{where}: empty span text")
            continue
        if "\n" in text or "\r" in text:
            errors.append(f"{where}: span contains a line break: {text!r}")
        if body is not None and text not in body:
            errors.append(f"{where}: span not in decoded body: {text!r}")
            continue
        n = new.count(text)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {text!r}")
        if nodes is not None and not any(text in nd for nd in nodes):
            errors.append(f"{where}: span not inside a single HTML text node / line: {text!r}")
        if page and re.search(r"[*_`#\[\]]", text):
            errors.append(f"{where}: span contains Markdown syntax: {text!r}")


def main(argv):
    do_lint = "--lint" in argv
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
        extra = set(lab) - {"id", "file", "brand", "missing_next_step", "spans"}
        if extra:
            errors.append(f"{where}: unexpected fields {sorted(extra)}")
        for sp in lab["spans"]:
            if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
                errors.append(f"{where}: malformed span {sp!r}")
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match file name")
        item = ITEMS / lab["file"]
        labelled.add(lab["file"])
        if Path(lab["file"]).stem != lp.stem:
            errors.append(f"{where}: file {lab['file']!r} does not match the label's id")
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        guide_path = ROOT / lab["brand"]
        if not guide_path.is_file():
            errors.append(f"{where}: brand guide {lab['brand']!r} does not exist")
            continue
        guide = guides.setdefault(lab["brand"], read_guide(guide_path))

        if item.suffix in (".html", ".md"):
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on pages")
            raw = item.read_text(encoding="utf-8")
            if item.suffix == ".md":
                if not raw.startswith("---\n") or "\n---\n" not in raw[4:]:
                    errors.append(f"{where}: Markdown page without YAML front matter")
                    continue
                text = raw[raw.index("\n---\n", 4) + 5:]
                nodes = text.split("\n")
            else:
                nodes = html_nodes(raw)
                text = "\n".join(nodes)
            check_spans(where, lab, text, errors, nodes=nodes, page=True)
            if do_lint:
                lint(where, text, lab, guide, warnings)
            continue

        if item.suffix != ".eml":
            errors.append(f"{where}: unknown item type {item.suffix}")
            continue
        msg = email.message_from_bytes(item.read_bytes(), policy=email.policy.default)
        for h in ("From", "To", "Date", "Message-ID", "Subject"):
            if msg[h] is None:
                errors.append(f"{where}: .eml lacks {h}")
        plain, html = text_parts(msg)
        if not plain and not html:
            errors.append(f"{where}: no text/plain or text/html part")
            continue
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
        check_spans(where, lab, new, errors, body=body, nodes=nodes)
        for sp in lab["spans"]:
            t = sp.get("text") or ""
            if t and body.count(t) > new.count(t):
                warnings.append(f"{where}: span text also occurs in quoted/context text: {t!r}")
        if do_lint:
            lint(where, new, lab, guide, warnings)

    for f in sorted(ITEMS.iterdir()):
        if f.suffix in (".eml", ".html", ".md") and f.name not in labelled:
            errors.append(f"{f.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    n_eml = len(list(ITEMS.glob("*.eml")))
    n_pages = len(list(ITEMS.glob("*.html"))) + len(list(ITEMS.glob("*.md")))
    print(f"{len(labels)} label files, {n_eml} emails, {n_pages} pages, {len(warnings)} warnings, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
