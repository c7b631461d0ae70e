#!/usr/bin/env python3
"""Consistency checker for the written10 development set (Python standard library only).

For every items/*.json label file it checks:
  * the LABELS.md fields (id, file, brand, missing_next_step, spans) exist with the right types, `id` equals the
    file stem, `file` names an item beside it and `brand` names a guide at the set root;
  * every span has a hand-labelled category (commitment, defensive, sarcasm, brand) and a non-empty text with
    no line break;
  * emails parse with the stdlib `email` package, have From/Date/Message-ID and a text part; every span occurs
    exactly once in the author's new text (decoded body cut at the first quote, forward, signature or
    disclaimer line) and, in multipart/alternative mail, inside one text node of the HTML part; HTML-only
    mail is read as its visible text nodes, one per line;
  * pages: .html visible text (outside head/script/style), .md text after the front matter; every span occurs
    once, inside one text node or line, and contains no Markdown syntax; missing_next_step is false;
  * every item file has a label file.

`--lint` adds warnings (never errors) to keep clean text clean: terms, banned words, claims and `avoid`
phrases from the item's brand guide that are not covered by a brand span, promise keywords next to a
different duration, exclamation marks and emoji over the guide's limits, long sentences, a rough reading grade,
and words that often signal an unclear commitment or a defensive tone.

Prints a summary line ending in "N errors"; exit status 0 when there are none.
Usage: python3 check_labels.py [--lint]
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
END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|From: .+|-- $|"
    r"Sent from my |CONFIDENTIALITY|This e-?mail and any)"
)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")


class Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nodes, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("head", "script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("head", "script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.nodes.append(data)


def visible(markup):
    p = Visible()
    p.feed(markup)
    p.close()
    return p.nodes


def cut_new(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if END.match(line):
            break
        out.append(line)
    return "\n".join(out)


def load_brand(path):
    """Tiny reader for the subset of YAML used by the guides (enough for linting; no PyYAML needed)."""
    text = path.read_text(encoding="utf-8")
    g = {"terms": [], "banned": [], "claims": [], "avoid": [], "promises": [], "voice": {}}
    section, cur = None, None
    for raw in text.split("\n"):
        line = re.sub(r"\s+#.*$", "", raw) if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        m = re.match(r"^(\w+):\s*(.*)$", line)
        if m:
            section = m.group(1)
            continue
        s = line.strip()
        lists = re.findall(r'"([^"]*)"|([^,\[\]]+)', s.split(":", 1)[1]) if ":" in s else []
        vals = [a or b.strip() for a, b in lists if (a or b.strip())]
        if section == "voice" and ":" in s:
            k, v = [x.strip() for x in s.split(":", 1)]
            g["voice"][k] = v
        elif section == "terminology":
            if s.startswith("- use:"):
                cur = {"use": s.split(":", 1)[1].strip(), "instead_of": []}
                g["terms"].append(cur)
            elif s.startswith("instead_of:"):
                cur["instead_of"] = vals
        elif section == "banned" and s.startswith("- word:"):
            g["banned"].append(s.split(":", 1)[1].strip())
        elif section == "claims" and s.startswith("forbidden:"):
            g["claims"] = vals
        elif section == "values":
            if s.startswith("avoid:") and "[" in s:
                g["avoid"] += vals
            elif s.startswith("- ") and not s.startswith("- name:"):
                g["avoid"].append(s[2:].strip().strip('"'))
        elif section == "promises":
            if s.startswith("- topic:"):
                cur = {"topic": s.split(":", 1)[1].strip()}
                g["promises"].append(cur)
            elif s.startswith("keywords:"):
                cur["keywords"] = vals
            elif s.startswith("within:"):
                cur["within"] = s.split(":", 1)[1].strip()
    return g


def sentences(text):
    text = re.sub(r"\n\s*\n|\n(?=\s*(?:[-*\u2022]|\d+[.)])\s)", "\x00", text)
    flat = re.sub(r"\s+", " ", text)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\x00", flat) if s.strip()]


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


DURATION = re.compile(r"\b(\d+|one|two|three|four|five|seven|ten|fourteen|thirty)\s+(working |business |calendar )?(hours?|days?|weeks?|months?|years?)\b", re.I)
COMMIT_HINTS = re.compile(r"\b(soon|shortly|ASAP|in due course|try to|hopefully|should be able|aim to|do our best|probably|at some point|when we can|will be (processed|fixed|sent|issued|reviewed))\b", re.I)
DEFENSIVE_HINTS = re.compile(r"(?i:\b(obviously|simply|clearly|as I (already )?(said|explained)|per my|friendly reminder|going forward|not our fault|you should have|policy is policy)\b)|!!|\?!|\b[A-Z]{2,}(?: [A-Z]{2,})+\b|\b[A-Z]{5,}\b")


def lint(where, new, lab, guide, warnings):
    spans = lab["spans"]
    brand_spans = [s["text"] for s in spans if s["category"] == "brand"]
    def covered(start, end):
        return any(new.find(t) != -1 and new.find(t) <= start < new.find(t) + len(t) for t in brand_spans)
    def find(phrase, case_sensitive):
        flags = 0 if case_sensitive else re.I
        for m in re.finditer(r"(?<![\w-])" + re.escape(phrase) + r"(s|es|ed|ing)?(?![\w-])", new, flags):
            if not covered(m.start(), m.end()):
                warnings.append(f"{where}: brand phrase {phrase!r} in new text without a brand span")
    for t in guide["terms"]:
        product = t["use"] != t["use"].lower()
        for w in t["instead_of"]:
            find(w, product)
    for w in guide["banned"] + guide["claims"] + guide["avoid"]:
        find(w, False)
    for s in sentences(new):
        for p in guide["promises"]:
            if any(re.search(r"\b" + re.escape(k), s, re.I) for k in p.get("keywords", [])):
                for m in DURATION.finditer(s):
                    if m.group(0).lower() not in p["within"].lower() and not any(m.group(0) in t for t in brand_spans):
                        warnings.append(f"{where}: promise '{p['topic']}' ({p['within']}) near duration {m.group(0)!r}: {s[:70]}")
        limit = int(guide["voice"].get("max_sentence_words", 40))
        if len(s.split()) > limit:
            warnings.append(f"{where}: sentence of {len(s.split())} words (limit {limit}): {s[:60]}...")
    n_exc = new.count("!")
    if n_exc > int(guide["voice"].get("max_exclamations", 1)) and not brand_spans:
        warnings.append(f"{where}: {n_exc} exclamation marks, guide allows {guide['voice'].get('max_exclamations')}")
    if guide["voice"].get("emoji") == "false" and EMOJI.search(new) and not brand_spans:
        warnings.append(f"{where}: emoji in new text but the guide forbids emoji")
    words = re.findall(r"[A-Za-z]+", new)
    sents = sentences(new)
    if words and sents:
        grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
        if grade > float(guide["voice"].get("max_grade", 12)):
            warnings.append(f"{where}: rough reading grade {grade:.1f} over {guide['voice'].get('max_grade')}")
    labelled = " ".join(s["text"] for s in spans)
    for m in COMMIT_HINTS.finditer(new):
        if m.group(0) not in labelled:
            warnings.append(f"{where}: review (commitment?) {m.group(0)!r}")
    for m in DEFENSIVE_HINTS.finditer(new):
        tok = m.group(0)
        if tok not in labelled:
            warnings.append(f"{where}: review (defensive?) {tok!r}")


def check_span_list(where, lab, errors):
    ok = []
    for sp in lab["spans"]:
        if not isinstance(sp, dict):
            errors.append(f"{where}: span is not an object")
            continue
        cat, text = sp.get("category"), sp.get("text")
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category {cat!r}")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty span text")
            continue
        if "\n" in text or "\r" in text:
            errors.append(f"{where}: span crosses a line break: {text!r}")
            continue
        if text != text.strip():
            errors.append(f"{where}: span has leading/trailing space: {text!r}")
        ok.append(sp)
    return ok


def check_email(where, path, lab, errors, warnings):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    for h in ("From", "To", "Date", "Message-ID", "Subject"):
        if msg[h] is None:
            errors.append(f"{where}: missing header {h}")
    plain, htmls = [], []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        if part.get_content_type() == "text/plain":
            plain.append(part.get_content())
        elif part.get_content_type() == "text/html":
            htmls.append(part.get_content())
    if not plain and not htmls:
        errors.append(f"{where}: no text part")
        return None
    if plain:
        body = plain[0].replace("\r\n", "\n")
    else:
        body = "\n".join(n.strip() for n in visible(htmls[0]) if n.strip())
    new = cut_new(body)
    alt_nodes = visible(htmls[0]) if plain and htmls else None
    if msg.get_content_type() == "multipart/alternative" and not htmls:
        errors.append(f"{where}: multipart/alternative without HTML")
    for sp in check_span_list(where, lab, errors):
        t = sp["text"]
        n = new.count(t)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {t!r}")
        elif body.count(t) > 1:
            warnings.append(f"{where}: span text also appears in quoted or signature text: {t!r}")
        if alt_nodes is not None and not any(t in node for node in alt_nodes):
            errors.append(f"{where}: span not inside one HTML text node: {t!r}")
    return new


def check_page(where, path, lab, errors):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if not raw.startswith("---\n") or "\n---\n" not in raw[4:]:
            errors.append(f"{where}: Markdown page without front matter")
            return None
        text = raw[raw.index("\n---\n", 4) + 5:]
        nodes = text.split("\n")
    else:
        nodes = visible(raw)
        text = "\n".join(nodes)
    if lab["missing_next_step"]:
        errors.append(f"{where}: missing_next_step must be false for a page")
    for sp in check_span_list(where, lab, errors):
        t = sp["text"]
        if text.count(t) != 1:
            errors.append(f"{where}: span occurs {text.count(t)} times in the visible text (want 1): {t!r}")
        if not any(t in n for n in nodes):
            errors.append(f"{where}: span not inside one text node or line: {t!r}")
        if path.suffix == ".md" and re.search(r"[*_`#\[\]]", t):
            errors.append(f"{where}: span contains Markdown syntax: {t!r}")
    return text


def main(argv):
    do_lint = "--lint" in argv
    errors, warnings = [], []
    guides = {}
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files")
    seen = set()
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except ValueError as exc:
            errors.append(f"{where}: invalid JSON ({exc})")
            continue
        bad = False
        for key, typ in (("id", str), ("file", str), ("brand", str), ("missing_next_step", bool), ("spans", list)):
            if not isinstance(lab.get(key), typ):
                errors.append(f"{where}: field {key!r} missing or not {typ.__name__}")
                bad = True
        extra = set(lab) - {"id", "file", "brand", "missing_next_step", "spans"}
        if extra:
            errors.append(f"{where}: unexpected fields {sorted(extra)}")
        if bad:
            continue
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match the file name")
        item = ITEMS / lab["file"]
        seen.add(lab["file"])
        if not item.is_file():
            errors.append(f"{where}: item {lab['file']!r} not found")
            continue
        if Path(lab["file"]).stem != lp.stem:
            errors.append(f"{where}: file {lab['file']!r} does not share the label's id")
        gp = ROOT / lab["brand"]
        if not gp.is_file():
            errors.append(f"{where}: brand guide {lab['brand']!r} not found at the set root")
            continue
        if item.suffix == ".eml":
            new = check_email(where, item, lab, errors, warnings)
        elif item.suffix in (".html", ".md"):
            new = check_page(where, item, lab, errors)
        else:
            errors.append(f"{where}: unsupported item type {item.suffix}")
            continue
        if do_lint and new is not None:
            if lab["brand"] not in guides:
                guides[lab["brand"]] = load_brand(gp)
            lint(where, new, lab, guides[lab["brand"]], warnings)
    for f in sorted(ITEMS.iterdir()):
        if f.suffix != ".json" and f.name not in seen:
            errors.append(f"{f.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(labels)} label files, {len(warnings)} warnings, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
