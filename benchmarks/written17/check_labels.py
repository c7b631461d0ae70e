#!/usr/bin/env python3
"""Consistency checker for the written17 labelled set (stdlib only).

Modelled on written7/check_labels.py. For every items/*.json label file it checks that:
  * the JSON has exactly the LABELS.md fields (id, file, brand, missing_next_step, spans) with sane types,
    `id` matches the file name, `file` names an existing item beside it and `brand` an existing guide at the
    set root (brand-*.yml), which itself has a `name:` line;
  * every span has only `category` and `text`, the category is a hand-labelled one and the text is non-empty,
    has no leading/trailing space and no line break;
  * emails parse with the stdlib `email` package, carry From/To/Date/Message-ID/Subject, and have a text/plain
    or text/html part; replies (Subject "Re:") carry In-Reply-To and References;
  * every span occurs exactly once in the author's new text (the decoded body cut at the first quote / forward /
    signature / disclaimer marker, see NEW_TEXT_END) and never only in quoted or signature text;
  * in multipart/alternative emails each span also occurs inside a single text node of the HTML part;
  * pages (.html visible text outside <script>/<style>/<head>; .md text after the YAML front matter) contain
    each span exactly once, inside one text node / line, with no Markdown syntax; pages never set
    missing_next_step;
  * every item file has a label file and no label file is orphaned.

`--lint` adds warnings (never errors) that help keep clean items clean: for items without a brand span it
checks the guide's voice limits (exclamations, emoji, sentence length, a rough Flesch-Kincaid grade) and looks
for the guide's replaced terms, banned words, forbidden claims and `avoid` phrases; for items without a
commitment span it looks for vague-time and hedge words; for items without a defensive span, for a few
classic defensive words. Warnings are prompts to re-read an item, not verdicts.

Prints "N errors" on the last line; exit status 0 when there are no errors.
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
FIELDS = {"id", "file", "brand", "missing_next_step", "spans"}

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|Begin forwarded message|"
    r"From: .+|-- ?$|Sent from my |CONFIDENTIALITY|DISCLAIMER|This email and any attachments|"
    r"This message is confidential)"
)


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


def html_nodes(raw):
    p = TextNodes()
    p.feed(raw)
    p.close()
    return p.nodes


def check_spans(where, spans, errors):
    ok = []
    for sp in spans:
        if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
            errors.append(f"{where}: span must have exactly 'category' and 'text': {sp!r}")
            continue
        cat, text = sp["category"], sp["text"]
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category {cat!r}")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty span text")
            continue
        if text != text.strip():
            errors.append(f"{where}: span has leading/trailing whitespace: {text!r}")
        if "\n" in text or "\r" in text:
            errors.append(f"{where}: span contains a line break: {text!r}")
            continue
        ok.append((cat, text))
    seen = set()
    for cat, text in ok:
        if (cat, text) in seen:
            errors.append(f"{where}: duplicate span {cat}/{text!r}")
        seen.add((cat, text))
    return ok


def check_email(where, path, lab, errors, warnings, lint, guides):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    for h in ("From", "To", "Date", "Message-ID", "Subject"):
        if msg[h] is None:
            errors.append(f"{where}: .eml lacks {h}")
    if str(msg.get("Subject", "")).lower().startswith("re:"):
        if msg["In-Reply-To"] is None or msg["References"] is None:
            errors.append(f"{where}: reply lacks In-Reply-To/References")
    plain, html = decoded_parts(msg)
    if not plain and not html:
        errors.append(f"{where}: no text/plain or text/html part")
        return
    if plain:
        body = plain[0].replace("\r\n", "\n")
    else:  # HTML-only email: visible text nodes, one per line
        body = "\n".join(n.strip() for n in html_nodes(html[0]) if n.strip())
    new = new_text(body)
    if not new.strip():
        errors.append(f"{where}: empty new text")
    nodes = []
    if msg.get_content_type() == "multipart/alternative":
        if not html:
            errors.append(f"{where}: multipart/alternative without an HTML part")
        else:
            nodes = html_nodes(html[0])
    for cat, text in check_spans(where, lab["spans"], errors):
        if text not in body:
            errors.append(f"{where}: span not in decoded body: {text!r}")
            continue
        n = new.count(text)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {text!r}")
        elif body.count(text) > 1:
            warnings.append(f"{where}: span text also occurs in quoted/context text: {text!r}")
        if nodes and not any(text in node for node in nodes):
            errors.append(f"{where}: span not inside a single HTML text node: {text!r}")
    if lint:
        lint_text(where, new, lab, warnings, guides.get(lab["brand"]))


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if not raw.startswith("---\n") or "\n---\n" not in raw[4:]:
            return None, None
        raw = raw[raw.index("\n---\n", 4) + 5:]
        return raw, raw.split("\n")
    nodes = html_nodes(raw)
    return "\n".join(nodes), nodes


def check_page(where, path, lab, errors, warnings, lint, guides):
    text, nodes = page_text(path)
    if text is None:
        errors.append(f"{where}: Markdown page without YAML front matter")
        return
    if lab["missing_next_step"]:
        errors.append(f"{where}: missing_next_step must be false on pages")
    for cat, t in check_spans(where, lab["spans"], errors):
        if text.count(t) != 1:
            errors.append(f"{where}: span occurs {text.count(t)} times in the visible text (want 1): {t!r}")
        if not any(t in n for n in nodes):
            errors.append(f"{where}: span not inside a single text node / line: {t!r}")
        if re.search(r"[*_`#\[\]]", t):
            errors.append(f"{where}: span contains Markdown syntax: {t!r}")
    if lint:
        lint_text(where, text, lab, warnings, guides.get(lab["brand"]))


# ---------------------------------------------------------------- brand guides (just enough YAML for lint)

def load_guide(path, errors):
    raw = path.read_text(encoding="utf-8")
    g = {"voice": {}, "phrases": [], "cased": [], "promises": []}
    if not re.search(r"^name: \S", raw, re.M):
        errors.append(f"{path.name}: brand guide has no name")
    for key in ("max_grade", "max_sentence_words", "max_exclamations"):
        m = re.search(rf"^\s+{key}: (\d+)", raw, re.M)
        if m:
            g["voice"][key] = int(m.group(1))
    m = re.search(r"^\s+emoji: (\w+)", raw, re.M)
    g["voice"]["emoji"] = bool(m and m.group(1) == "true")
    for use, block in re.findall(r"- use: ([^#\n]+?)\s*(?:#.*)?\n\s+instead_of: \[(.*?)\]", raw):
        cased = any(c.isupper() for c in use)  # product names match case-sensitively (brand-schema.md)
        for item in block.split(","):
            item = item.strip().strip('"')
            (g["cased"] if cased else g["phrases"]).append(item)
    for m in re.finditer(r"^\s+- word: (.+)$", raw, re.M):
        g["phrases"].append(m.group(1).strip())
    for block in re.findall(r"(?:forbidden|avoid): \[(.*?)\]", raw):
        g["phrases"] += [s.strip().strip('"') for s in block.split('",')]
    for m in re.finditer(r"^\s+- \"([^\"]+)\"$", raw, re.M):
        g["phrases"].append(m.group(1))
    for m in re.finditer(r"keywords: \[(.*?)\]\n\s+within: (.+)", raw):
        g["promises"].append(([k.strip() for k in m.group(1).split(",")], m.group(2).strip()))
    return g


def sentences(text):
    flat = re.sub(r"\s+", " ", text)
    return [s for s in re.split(r"(?<=[.!?])\s+", flat) if s.strip()]


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


VAGUE = re.compile(r"\b(soon|shortly|asap|as soon as possible|in due course|at some point|in the coming (days|weeks)|"
                   r"try to|hopefully|should be able to|aim to|do our best|probably|when we can|we'll see)\b", re.I)
DEFENSIVE = re.compile(r"\b(obviously|simply|clearly|as I already|per my|friendly reminder|going forward|"
                       r"sorry, but|if you feel|nothing we can do)\b|!!|\?!|\b[A-Z]{4,}\b", re.I)
DURATION = re.compile(r"\b(\d+|one|two|three|four|five|ten|thirty|fourteen)[ -](working |business )?"
                      r"(minutes?|hours?|days?|weeks?|months?|years?)\b", re.I)
ACRONYMS = {"HTTPS", "ACME", "NHS", "OCSP", "SCEP", "HSM", "SAML", "PKCS", "FIPS", "DNS", "TLS", "CSR", "RSA",
            "ECDSA", "API", "SHA", "RCA", "SLA", "PEM", "CRL", "IBAN", "BIC", "VAT", "INR", "GMT", "IST", "PST",
            "PDT", "AEDT", "UTC", "HTML", "URL", "FBC", "LFT", "TSH", "HBA1C", "INR", "PIV", "DPC", "SEAI", "BER",
            "EDTA", "ECG", "CQC", "GDPR", "PDF", "CSV", "JSON", "YAML", "HTTP", "LDAP", "SSO", "SCIM", "MFA",
            "EKU", "SAN", "PSA", "CRP", "LDL", "HDL", "VPN", "TODO", "ESB", "PDT", "EST", "CMP", "KMS", "AWS",
            "GCP", "ROI", "REST", "RHEL", "SOC", "AES", "IIS", "SNI", "CNG", "USD", "CET", "PST", "NDA", "XML", "VPC", "FAQ", "CEO", "CTO", "RRP", "CAPS", "NOTE", "MPRN", "GMB", "HSE", "NUMBER"}


def lint_text(where, new, lab, warnings, guide):
    cats = {s["category"] for s in lab["spans"]}
    low = new.lower()
    if guide and "brand" not in cats:
        v = guide["voice"]
        n_exc = new.count("!")
        if n_exc > v.get("max_exclamations", 99):
            warnings.append(f"{where}: {n_exc} exclamation marks, guide allows {v['max_exclamations']}")
        if not v.get("emoji") and re.search("[\U0001F300-\U0001FAFF\u2600-\u27BF]", new):
            warnings.append(f"{where}: emoji in new text")
        for s in sentences(new):
            if len(s.split()) > v.get("max_sentence_words", 99):
                warnings.append(f"{where}: long sentence ({len(s.split())} words): {s[:60]}...")
        words = re.findall(r"[A-Za-z]+", new)
        sents = sentences(new)
        if words and sents:
            grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
            if grade > v.get("max_grade", 99):
                warnings.append(f"{where}: rough grade {grade:.1f} > {v['max_grade']}")
        for ph in guide["phrases"]:
            if re.search(r"\b" + re.escape(ph.lower()) + r"(s|es|ed|d|ing|ly)?\b", low):
                warnings.append(f"{where}: guide phrase {ph!r} in new text")
        for ph in guide["cased"]:
            if re.search(r"\b" + re.escape(ph) + r"\b", new):
                warnings.append(f"{where}: replaced product spelling {ph!r} in new text")
        for s in sentences(new):
            for kws, within in guide["promises"]:
                if any(re.search(r"\b" + re.escape(k.lower()), s.lower()) for k in kws):
                    for d in DURATION.finditer(s):
                        norm = re.sub(r"[ -]+", " ", d.group(0).lower()).rstrip("s")
                        if norm != within.lower().rstrip("s"):
                            warnings.append(f"{where}: promise {kws[0]!r} ({within}) next to {d.group(0)!r}: {s[:70]}")
    if "commitment" not in cats:
        for m in VAGUE.finditer(new):
            warnings.append(f"{where}: vague/hedge word {m.group(0)!r} but no commitment span")
    if "defensive" not in cats:
        for m in DEFENSIVE.finditer(new):
            if m.group(0).upper() in ACRONYMS or re.search(r"\d", m.group(0)):
                continue
            if m.group(0).isupper() or not m.group(0).isalpha() or m.group(0).lower() in (
                    "obviously", "simply", "clearly", "as i already", "per my", "friendly reminder",
                    "going forward", "sorry, but", "if you feel", "nothing we can do"):
                warnings.append(f"{where}: possible defensive marker {m.group(0)!r}")


def main(argv):
    lint = "--lint" in argv
    errors, warnings = [], []
    guides = {p.name: load_guide(p, errors) for p in sorted(ROOT.glob("brand-*.yml"))}
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    labelled = set()
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        if not isinstance(lab, dict):
            errors.append(f"{where}: not a JSON object")
            continue
        if set(lab) != FIELDS:
            errors.append(f"{where}: fields {sorted(lab)} differ from {sorted(FIELDS)}")
        bad = False
        for key, typ in (("id", str), ("file", str), ("brand", str), ("missing_next_step", bool), ("spans", list)):
            if not isinstance(lab.get(key), typ):
                errors.append(f"{where}: field {key!r} missing or not {typ.__name__}")
                bad = True
        if bad:
            continue
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match file name")
        if Path(lab["file"]).stem != lp.stem:
            errors.append(f"{where}: file {lab['file']!r} does not match the label's name")
        if lab["brand"] not in guides:
            errors.append(f"{where}: brand guide {lab['brand']!r} is not a brand-*.yml at the set root")
        item = ITEMS / lab["file"]
        labelled.add(lab["file"])
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if item.suffix in (".html", ".md"):
            check_page(where, item, lab, errors, warnings, lint, guides)
        elif item.suffix == ".eml":
            check_email(where, item, lab, errors, warnings, lint, guides)
        else:
            errors.append(f"{where}: unknown item type {item.suffix}")
    items = [p for p in ITEMS.iterdir() if p.suffix in (".eml", ".html", ".md")]
    for p in sorted(items):
        if p.name not in labelled:
            errors.append(f"{p.name}: no label file names it")
    for p in sorted(ITEMS.iterdir()):
        if p.suffix not in (".eml", ".html", ".md", ".json"):
            errors.append(f"{p.name}: unexpected file in items/")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    n_emails = sum(1 for p in items if p.suffix == ".eml")
    print(f"{len(labels)} label files, {n_emails} emails, {len(items) - n_emails} pages, {len(warnings)} warnings")
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
