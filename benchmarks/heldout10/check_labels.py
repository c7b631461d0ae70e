#!/usr/bin/env python3
"""Consistency checker for the heldout10 evaluation set (stdlib only).

Modelled on benchmarks/written7/check_labels.py, with extra checks against the three brand guides.

For every items/*.json label file it checks that:
  * the JSON has the LABELS.md fields (id, file, brand, missing_next_step, spans) with the right types,
    `id` matches the file name, `file` names an item beside it and `brand` a guide at the set root;
  * every category is one of the hand-labelled span categories; pages have missing_next_step false;
  * emails parse with the stdlib `email` package, carry From/Date/Message-ID and a text part;
  * every span text is non-empty, has no line break, occurs in the decoded body and exactly once in
    the author's new text (the body cut at the first quote / forward / signature marker, NEW_TEXT_END);
    in multipart/alternative emails it also lies inside one text node of the HTML part;
  * page spans occur exactly once in the visible text, inside one text node (HTML) or one line
    (Markdown after the front matter), and contain no Markdown syntax;
  * every brand guide parses (a small YAML subset: the layout of brand-schema.md) and has a name;
  * brand consistency: a replaced term, banned word, forbidden claim or `avoid` phrase of the item's
    guide that occurs in the new text lies inside a labelled span; more exclamation marks than the
    guide allows, or emoji where the guide forbids them, need a `brand` span containing them.

With --lint it also prints warnings to review by hand (never failures): sentences over the guide's
max_sentence_words, a rough Flesch-Kincaid grade over max_grade, a sentence that names a promise
keyword with a different duration, common commitment / defensive / sarcasm cues and all-capital words
outside spans.

Usage:  python3 check_labels.py [--lint]      Exit status 0 when there are no errors.
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
TOP_KEYS = {"name", "values", "voice", "terminology", "banned", "claims", "promises"}

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|From: .+|-- $|Sent from my )"
)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
CUES = re.compile(
    r"\b(soon|shortly|asap|in due course|at some point|hopefully|try to|should be able|aim to|do our best|"
    r"endeavour|simply|obviously|as i said|as mentioned|per my|friendly reminder|going forward|"
    r"not our fault|nothing we can do|sorry, but|if you feel|what a surprise|i'm sure you're)\b",
    re.IGNORECASE,
)
ACRONYM_OK = {"VAT", "GST", "BS", "PE", "PN", "QP", "DAC", "PCC", "BOM", "AEST", "IPAF", "LOLER", "ESB", "EUR", "GBP",
              "PDF", "RIBA", "MSc", "ABN", "QLD", "QBCC", "TCP", "CC", "BTC", "CO", "CN", "PO", "TI", "RF", "HX",
              "IR", "LCR", "MO", "TR", "A", "I", "U", "N11", "R761", "GB", "NS", "QA", "UK", "UTF"}


# ---------------------------------------------------------------- brand guides


def flow_list(text):
    """Parse a YAML flow sequence such as [a, "b, c", 'd']."""
    text = text.strip()
    if not (text.startswith("[") and text.endswith("]")):
        return None
    items = re.findall(r'"([^"]*)"|\'([^\']*)\'|([^,\[\]]+)', text[1:-1])
    return [(a or b or c).strip() for a, b, c in items if (a or b or c).strip()]


def scalar(text):
    text = re.sub(r"\s+#.*$", "", text).strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def parse_guide(path, errors):
    guide = {"terms": [], "banned": [], "claims": [], "avoid": [], "promises": [], "voice": {}}
    section = None
    in_avoid = False
    for n, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        top = re.match(r"^([A-Za-z_]+):\s*(.*)$", line)
        if top:
            section, in_avoid = top.group(1), False
            if section not in TOP_KEYS:
                errors.append(f"{path.name}:{n}: unknown top-level field {section!r}")
            if section == "name":
                guide["name"] = scalar(top.group(2))
            continue
        body = line.strip()
        if section == "voice":
            m = re.match(r"(\w+):\s*(.+)$", body)
            if m:
                guide["voice"][m.group(1)] = scalar(m.group(2))
        elif section == "terminology":
            m = re.match(r"-\s*use:\s*(.+)$", body)
            if m:
                guide["terms"].append({"use": scalar(m.group(1)), "instead_of": []})
            m = re.match(r"instead_of:\s*(.+)$", body)
            if m:
                vals = flow_list(m.group(1))
                if vals is None or not guide["terms"]:
                    errors.append(f"{path.name}:{n}: malformed instead_of")
                else:
                    guide["terms"][-1]["instead_of"] = vals
        elif section == "banned":
            m = re.match(r"-\s*word:\s*(.+)$", body)
            if m:
                guide["banned"].append(scalar(m.group(1)))
        elif section == "claims":
            m = re.match(r"forbidden:\s*(.+)$", body)
            if m:
                vals = flow_list(m.group(1))
                if vals is None:
                    errors.append(f"{path.name}:{n}: malformed claims.forbidden")
                else:
                    guide["claims"] = vals
        elif section == "values":
            m = re.match(r"avoid:\s*(.*)$", body)
            if m:
                vals = flow_list(m.group(1)) if m.group(1) else []
                guide["avoid"].extend(vals or [])
                in_avoid = not m.group(1)
            elif body.startswith("- name:"):
                in_avoid = False
            elif in_avoid and body.startswith("- "):
                guide["avoid"].append(scalar(body[2:]))
        elif section == "promises":
            m = re.match(r"-?\s*(topic|keywords|within):\s*(.+)$", body)
            if m:
                key, val = m.groups()
                if key == "topic":
                    guide["promises"].append({"topic": scalar(val), "keywords": [], "within": ""})
                elif key == "keywords":
                    guide["promises"][-1]["keywords"] = flow_list(val) or []
                else:
                    guide["promises"][-1]["within"] = scalar(val)
    if not guide.get("name"):
        errors.append(f"{path.name}: field 'name' missing")
    return guide


def phrase_regex(phrase, case_sensitive):
    words = phrase.split()
    pat = r"\s+".join(re.escape(w) for w in words[:-1])
    last = re.escape(words[-1]) + r"\w{0,4}" if words[-1][-1].isalpha() else re.escape(words[-1])
    pat = (pat + r"\s+" if pat else "") + last
    return re.compile(r"(?<![\w-])" + pat + r"(?![\w-])", 0 if case_sensitive else re.IGNORECASE)


def guide_phrases(guide):
    out = []
    for term in guide["terms"]:
        product = any(ch.isupper() for ch in term["use"])
        for alt in term["instead_of"]:
            out.append((f"term {alt!r} (use {term['use']!r})", phrase_regex(alt, product)))
    out += [(f"banned {w!r}", phrase_regex(w, False)) for w in guide["banned"]]
    out += [(f"claim {c!r}", phrase_regex(c, False)) for c in guide["claims"]]
    out += [(f"avoid {a!r}", phrase_regex(a, False)) for a in guide["avoid"]]
    return out


# ---------------------------------------------------------------- text extraction


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
        if not self._skip and data.strip():
            self.nodes.append(data)


def html_nodes(text):
    p = TextNodes()
    p.feed(text)
    return p.nodes


def decoded_parts(msg):
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


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if raw.startswith("---\n"):
            raw = raw[raw.index("\n---\n", 4) + 5:]
        return raw, raw.split("\n")
    nodes = html_nodes(raw)
    return "\n".join(nodes), nodes


# ---------------------------------------------------------------- checks


def check_spans(where, lab, text, errors, warnings, nodes=None, full=None, page=False):
    for sp in lab["spans"]:
        if not isinstance(sp, dict):
            errors.append(f"{where}: span is not an object")
            continue
        cat, t = sp.get("category"), sp.get("text")
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category {cat!r}")
        if not isinstance(t, str) or not t.strip():
            errors.append(f"{where}: empty span text")
            continue
        if "\n" in t or "\r" in t:
            errors.append(f"{where}: span contains a line break: {t!r}")
        if full is not None and t not in full:
            errors.append(f"{where}: span not in the decoded body: {t!r}")
            continue
        n = text.count(t)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {t!r}")
        if full is not None and full.count(t) > n:
            warnings.append(f"{where}: span text also occurs in quoted or signature text: {t!r}")
        if nodes is not None and not any(t in node for node in nodes):
            errors.append(f"{where}: span not inside a single HTML text node / line: {t!r}")
        if page and re.search(r"[*_`#\[\]]", t):
            errors.append(f"{where}: span contains Markdown syntax: {t!r}")


def covered(start, end, text, spans):
    for sp in spans:
        t = sp.get("text") or ""
        i = text.find(t)
        if i >= 0 and i <= start and end <= i + len(t):
            return True
    return False


def check_brand(where, text, lab, guide, errors):
    spans = [s for s in lab["spans"] if isinstance(s, dict)]
    for label, rx in guide_phrases(guide):
        for m in rx.finditer(text):
            if not covered(m.start(), m.end(), text, spans):
                errors.append(f"{where}: unlabelled {label} in new text: {m.group(0)!r}")
    brand_texts = [s.get("text") or "" for s in spans if s.get("category") == "brand"]
    limit = guide["voice"].get("max_exclamations")
    if limit is not None and text.count("!") > int(limit) and not any("!" in t for t in brand_texts):
        errors.append(f"{where}: {text.count('!')} exclamation marks (guide allows {limit}) and no brand span")
    if guide["voice"].get("emoji") == "false" and EMOJI.search(text) and not any(EMOJI.search(t) for t in brand_texts):
        errors.append(f"{where}: emoji in new text but the guide forbids them and no brand span has one")


def units(text, nodes=None):
    """Paragraphs, list items and headings of the new text (HTML: one per text node)."""
    if nodes is not None:
        return [n.strip() for n in nodes if n.strip()]
    out = []
    for para in re.split(r"\n\s*\n", text):
        start = True
        for ln in para.split("\n"):
            s = ln.strip()
            if not s:
                continue
            if start or re.match(r"^([-*]|\d+[.)]|#+)\s", s):
                out.append(s)
            else:
                out[-1] += " " + s
            start = bool(re.match(r"^#+\s", s))
    return out


def sentences(unit_list):
    out = []
    for u in unit_list:
        flat = re.sub(r"\s+", " ", u)
        out += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'\u2018\u201c])", flat) if s.strip()]
    return out


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


DURATION = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)[- ](working |business )?"
    r"(hours?|days?|weeks?|months?|fortnight)\b", re.IGNORECASE)


def lint_text(where, text, lab, guide, warnings, nodes=None):
    spans = [s.get("text") or "" for s in lab["spans"] if isinstance(s, dict)]
    labelled = " ".join(spans)
    voice = guide["voice"]
    max_words = int(voice.get("max_sentence_words", 0) or 0)
    sents = sentences(units(text, nodes))
    prose = " ".join(s for s in sents if len(s.split()) > 3 or s.endswith((".", "?", "!")))
    for s in sents:
        if max_words and len(s.split()) > max_words and s.strip() not in labelled:
            warnings.append(f"{where}: sentence of {len(s.split())} words (limit {max_words}): {s[:70]}...")
        for p in guide["promises"]:
            kws = p["keywords"]
            if any(re.search(r"\b" + re.escape(k), s, re.IGNORECASE) for k in kws):
                for m in DURATION.finditer(s):
                    if m.group(0).lower() not in p["within"].lower() and s.strip() not in labelled:
                        warnings.append(f"{where}: promise {p['topic']!r} ({p['within']}) vs {m.group(0)!r}: {s[:80]}")
    words = re.findall(r"[A-Za-z]+", prose)
    if words and sents and voice.get("max_grade"):
        grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
        if grade > float(voice["max_grade"]) - 1:
            warnings.append(f"{where}: rough Flesch-Kincaid grade {grade:.1f} (limit {voice['max_grade']})")
    for m in CUES.finditer(text):
        if not any(m.group(0) in t for t in spans):
            warnings.append(f"{where}: cue {m.group(0)!r} outside spans")
    for m in re.finditer(r"\b[A-Z]{2,}\b", text):
        if m.group(0) not in ACRONYM_OK and not any(m.group(0) in t for t in spans):
            warnings.append(f"{where}: capitals {m.group(0)!r} outside spans")


def main(argv):
    lint = "--lint" in argv
    errors, warnings = [], []
    guides = {}
    for gp in sorted(ROOT.glob("brand-*.yml")):
        guides[gp.name] = parse_guide(gp, errors)
    if not guides:
        errors.append("no brand-*.yml guides at the set root")
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    named = set()
    n_clean = 0
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            errors.append(f"{where}: invalid JSON: {exc}")
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
        if Path(lab["file"]).stem != lp.stem:
            errors.append(f"{where}: file {lab['file']!r} does not match the id")
        guide = guides.get(lab["brand"])
        if guide is None:
            errors.append(f"{where}: brand guide {lab['brand']!r} not found at the set root")
        item = ITEMS / lab["file"]
        named.add(lab["file"])
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if not lab["spans"] and not lab["missing_next_step"]:
            n_clean += 1
        if item.suffix in (".html", ".md"):
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on pages")
            text, nodes = page_text(item)
            check_spans(where, lab, text, errors, warnings, nodes=nodes, page=True)
            lint_nodes = nodes if item.suffix == ".html" else None
            text = text.replace("![", "[")  # Markdown image syntax is not an exclamation mark
        elif item.suffix == ".eml":
            msg = email.message_from_bytes(item.read_bytes(), policy=email.policy.default)
            for h in ("From", "To", "Date", "Message-ID", "Subject"):
                if msg[h] is None:
                    errors.append(f"{where}: .eml lacks a {h} header")
            plain, html = decoded_parts(msg)
            if not plain and not html:
                errors.append(f"{where}: no text/plain or text/html part")
                continue
            full = plain[0].replace("\r\n", "\n") if plain else "\n".join(n.strip() for n in html_nodes(html[0]))
            text = new_text(full)
            lint_nodes = None if plain else html_nodes(html[0])
            nodes = None
            if msg.get_content_type() == "multipart/alternative" or (plain and html):
                if not html:
                    errors.append(f"{where}: multipart/alternative without an HTML part")
                else:
                    nodes = html_nodes(html[0])
            check_spans(where, lab, text, errors, warnings, nodes=nodes, full=full)
        else:
            errors.append(f"{where}: unsupported item type {item.suffix!r}")
            continue
        if guide is not None:
            check_brand(where, text, lab, guide, errors)
            if lint:
                lint_text(where, text, lab, guide, warnings, lint_nodes)
    for item in sorted(ITEMS.iterdir()):
        if item.suffix in (".eml", ".html", ".md") and item.name not in named:
            errors.append(f"{item.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    n_eml = len(list(ITEMS.glob("*.eml")))
    n_pages = len(list(ITEMS.glob("*.html"))) + len(list(ITEMS.glob("*.md")))
    print(f"{len(labels)} label files: {n_eml} emails, {n_pages} pages; {n_clean} clean; {len(warnings)} warnings")
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
