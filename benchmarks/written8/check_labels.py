#!/usr/bin/env python3
"""Consistency checker for the written8 development set (Python standard library only).

Checks, for every items/*.json label file:
  * the LABELS.md fields (id, file, brand, missing_next_step, spans) exist with the right types; `id` equals the
    file stem and has the form wNNN (email) or pNN (page); `file` names an item beside it; `brand` names a guide
    at the set root; categories are the hand-labelled ones; no span is listed twice;
  * emails parse with the stdlib `email` package, carry From/To/Date/Message-ID/Subject and a text part;
  * every span text is non-empty, holds no line break, occurs in the decoded body and exactly once in the
    author's new text (the plain body cut at the first quoted / forwarded / signature / disclaimer line; for
    HTML-only mail the visible text nodes, one per line, stand in for the body);
  * in multipart/alternative mail the span also sits inside one text node of the HTML part;
  * pages: missing_next_step is false; each span occurs once in the visible text (HTML text nodes outside
    <script>/<style>/<head>; Markdown after the front matter), inside one node or line, without Markdown syntax;
  * each brand guide has the fields the brief asks for (name, values with avoid, voice limits, terminology,
    banned, claims, promises with `within`);
  * every item file has a label file.

`--lint` adds warnings (never errors) that help keep clean items clean: guide terms, banned words, claims and
avoid phrases in the new text of an item that has no brand span for them, promise figures that differ from the
guide, exclamation marks / emoji / long sentences over the guide's voice limits, capitalised words that are not
known acronyms, and vague or hedged commitment words in items with no commitment span.

Exit status 0 when there are no errors. The last line printed is "<n> errors".
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
CUT = re.compile(
    r"^(>|On .+wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|From: .+|-- $|"
    r"Sent from my |CONFIDENTIALITY|This email and any attachments)"
)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
ACRONYMS = {"API", "AWS", "CSV", "PDF", "HTML", "HTTP", "SSO", "SAML", "XML", "IST", "UTC", "GMT", "CT", "ICU",
            "HR", "IT", "ID", "QR", "HIIT", "PO", "PT", "IELTS", "CELTA", "DELTA", "NHS", "QLD", "MSA", "HAR",
            "SPF", "DKIM", "SOC", "HIPAA", "FAQ", "CNO", "RN", "TX", "VP", "AM", "PM", "OK", "HCM", "SOAP", "IOS",
            "CEFR", "EU", "UK", "USA", "US", "ABN", "BSB", "GST", "RMC", "CPR", "AED", "NSW", "CVV", "IBAN", "BIC",
            "PPS", "IRP", "ISD", "GNIB", "EEA", "QA", "SLA", "CRM", "URL", "EK", "RX", "IE", "LFI", "CN", "INV",
            "CORP", "FR", "CS", "CV", "IB", "LF", "RF", "WIFI", "TV", "DJ", "BPAY", "EFT", "ATM", "PIN", "HIV",
            "B1", "B2", "C1", "C2", "A1", "A2", "P1", "P2", "W-9", "ISO", "GDPR", "DPA", "TLS", "MFA", "SMS",
            "PDT", "CST", "AEST", "EST", "KG", "KM", "NB", "NZ", "DOB", "HQ", "CEO", "CFO", "CTO", "OT", "ED",
            "ADP", "EHR", "UTF", "CET", "TFA", "SSL", "RSVP", "FYI", "UKG", "AES", "REST", "GET",
            "POST", "URL", "JSON", "IELTS", "DSPT"}
VAGUE = re.compile(r"\b(soon|shortly|ASAP|as soon as (?:possible|we can)|in due course|at some point|in the coming "
                   r"(?:days|weeks)|try to|hopefully|should be able to|aim to|do our best|probably|we'll see|"
                   r"look into it|be in touch)\b", re.I)
DEFENSIVE = re.compile(r"\b(simply|obviously|clearly|as (?:I|we) (?:already )?(?:explained|mentioned|said)|"
                       r"per my last|friendly reminder|going forward|as stated|policy is policy|"
                       r"you should have|sorry,? but|if you feel|nothing (?:more|further) we can do)\b", re.I)
DURATION = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty)[- ]"
                      r"(business days?|working days?|days?|hours?|weeks?|minutes?|months?)\b", re.I)


# --------------------------------------------------------------------------- brand guides (tiny YAML subset)
def _items(val):
    val = val.strip()
    if val.startswith("["):
        return [v.strip().strip('"\'') for v in val.strip("[]").split(",") if v.strip()]
    return [val.strip('"\'')] if val else []


def read_guide(path):
    """Read the subset of YAML the guides use: top-level keys, lists of maps, inline lists."""
    g = {"name": None, "avoid": [], "instead_of": [], "banned": [], "claims": [], "promises": [], "voice": {},
         "has": set()}
    section = None
    prom = None
    in_avoid = False
    for n, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        line = re.sub(r"\s+#.*$", "", raw) if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        if "\t" in raw:
            raise ValueError(f"{path.name}:{n}: tab character")
        m = re.match(r"^([a-z_]+):\s*(.*)$", line)
        if m:
            section, rest = m.group(1), m.group(2)
            g["has"].add(section)
            if section == "name":
                g["name"] = rest.strip().strip('"')
            in_avoid = False
            continue
        body = line.strip()
        if section == "voice":
            k, _, v = body.partition(":")
            g["voice"][k.strip()] = v.strip()
        elif section == "values":
            if body.startswith("avoid:"):
                in_avoid = True
                g["avoid"] += _items(body[6:])
            elif in_avoid and body.startswith("- ") and not body.startswith("- name:"):
                g["avoid"] += _items(body[2:])
            else:
                in_avoid = False
        elif section == "terminology":
            if "instead_of:" in body:
                g["instead_of"] += _items(body.split("instead_of:", 1)[1])
        elif section == "banned":
            if body.lstrip("- ").startswith("word:"):
                g["banned"] += _items(body.split("word:", 1)[1])
        elif section == "claims":
            if body.startswith("forbidden:"):
                g["claims"] += _items(body[10:])
        elif section == "promises":
            if body.startswith("- topic:"):
                prom = {"topic": body.split(":", 1)[1].strip(), "keywords": [], "within": None}
                g["promises"].append(prom)
            elif body.startswith("keywords:") and prom is not None:
                prom["keywords"] = _items(body[9:])
            elif body.startswith("within:") and prom is not None:
                prom["within"] = body[7:].strip()
    return g


def check_guide(path, errors):
    try:
        g = read_guide(path)
    except ValueError as exc:
        errors.append(str(exc))
        return None
    for key in ("name", "values", "voice", "terminology", "banned", "claims", "promises"):
        if key not in g["has"]:
            errors.append(f"{path.name}: missing top-level field {key!r}")
    if not g["name"]:
        errors.append(f"{path.name}: empty name")
    for key in ("avoid", "instead_of", "banned", "claims", "promises"):
        if not g[key]:
            errors.append(f"{path.name}: no {key} entries")
    for p in g["promises"]:
        if not p["keywords"] or not p["within"] or not DURATION.search(p["within"]):
            errors.append(f"{path.name}: promise {p['topic']!r} needs keywords and a duration in `within`")
    for k in ("formality", "max_grade", "max_sentence_words", "max_exclamations", "emoji"):
        if k not in g["voice"]:
            errors.append(f"{path.name}: voice.{k} missing")
    if g["voice"].get("formality") not in (None, "formal", "friendly", "casual"):
        errors.append(f"{path.name}: voice.formality must be formal, friendly or casual")
    return g


# --------------------------------------------------------------------------- text extraction
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


def html_nodes(src):
    p = TextNodes()
    p.feed(src)
    return p.nodes


def new_text(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if CUT.match(line):
            break
        out.append(line)
    return "\n".join(out)


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if not raw.startswith("---\n"):
            return None, None
        raw = raw[raw.index("\n---\n", 4) + 5:]
        return raw, raw.split("\n")
    nodes = html_nodes(raw)
    return "\n".join(nodes), nodes


# --------------------------------------------------------------------------- lint
def sentences(text):
    """Sentences, treating blank lines, list items and lines ending in a colon as boundaries."""
    blocks, cur = [], []
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip() or re.match(r"^\s*(?:[-*\u2022]|\d+\.)\s", line):
            blocks.append(" ".join(cur))
            cur = []
        if line.strip():
            cur.append(line.strip())
        if line.rstrip().endswith(":"):
            blocks.append(" ".join(cur))
            cur = []
    blocks.append(" ".join(cur))
    out = []
    for b in blocks:
        out += [x for x in re.split(r"(?<=[.!?])\s+", b) if x.strip()]
    return out


def lint(where, text, lab, guide, warnings):
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)          # Markdown images are not prose
    text = re.sub(r"(?m)^\|.*\|\s*$", "", text)                 # nor are Markdown table rows
    cats = {s["category"] for s in lab["spans"]}
    spans = " | ".join(s["text"] for s in lab["spans"])
    low = text.lower()
    if guide:
        for word in guide["instead_of"] + guide["banned"] + guide["claims"] + guide["avoid"]:
            cs = word != word.lower()  # entries with capitals are product names: match them case-sensitively
            pat = re.escape(word) if cs else re.escape(word.lower())
            hay = text if cs else low
            if re.search(r"(?<![\w-])" + pat + r"(?:s|es|ed|ing)?(?![\w-])", hay) and word.lower() not in spans.lower():
                warnings.append(f"{where}: guide phrase {word!r} in new text without a brand span")
        for sent in sentences(text):
            sl = sent.lower()
            for p in guide["promises"]:
                if any(re.search(r"\b" + re.escape(k.lower()), sl) for k in p["keywords"]):
                    for m in DURATION.finditer(sent):
                        if m.group(0).lower() != p["within"].lower() and m.group(0) not in spans:
                            warnings.append(f"{where}: promise {p['topic']!r}: {m.group(0)!r} vs {p['within']!r}: {sent[:70]}")
        if "brand" not in cats:
            v = guide["voice"]
            if text.count("!") > int(v.get("max_exclamations", "99")):
                warnings.append(f"{where}: {text.count('!')} exclamation marks")
            if v.get("emoji") == "false" and EMOJI.search(text):
                warnings.append(f"{where}: emoji in a guide without emoji")
            for s in sentences(text):
                if len(s.split()) > int(v.get("max_sentence_words", "99")):
                    warnings.append(f"{where}: {len(s.split())}-word sentence: {s[:60]}...")
    if "defensive" not in cats:
        for m in re.finditer(r"\b[A-Z]{3,}\b", text):
            if m.group(0) not in ACRONYMS and not re.search(r"\d", m.group(0)):
                warnings.append(f"{where}: capitals {m.group(0)!r}")
        for m in DEFENSIVE.finditer(text):
            warnings.append(f"{where}: defensive-looking {m.group(0)!r}")
    if "commitment" not in cats:
        for m in VAGUE.finditer(text):
            warnings.append(f"{where}: vague-looking {m.group(0)!r}")


# --------------------------------------------------------------------------- main
def check_spans(where, lab, hay_all, new, nodes, errors, warnings, page=False):
    seen = set()
    for sp in lab["spans"]:
        if not isinstance(sp, dict):
            errors.append(f"{where}: span is not an object")
            continue
        cat, text = sp.get("category"), sp.get("text")
        if set(sp) - {"category", "text"}:
            errors.append(f"{where}: unexpected span keys {sorted(set(sp) - {'category', 'text'})}")
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category {cat!r}")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty span text")
            continue
        if (cat, text) in seen:
            errors.append(f"{where}: duplicate span {cat}/{text!r}")
        seen.add((cat, text))
        if "\n" in text or "\r" in text:
            errors.append(f"{where}: span contains a line break: {text!r}")
        if text != text.strip():
            errors.append(f"{where}: span has leading/trailing space: {text!r}")
        if text not in hay_all:
            errors.append(f"{where}: span not in the decoded text: {text!r}")
            continue
        n = new.count(text)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {text!r}")
        if hay_all.count(text) > n:
            warnings.append(f"{where}: span text also occurs in quoted/context text: {text!r}")
        if nodes is not None and not any(text in node for node in nodes):
            errors.append(f"{where}: span not inside a single HTML text node / line: {text!r}")
        if page and re.search(r"[*_`#\[\]]", text):
            errors.append(f"{where}: span contains Markdown syntax: {text!r}")


def main(argv):
    do_lint = "--lint" in argv
    errors, warnings = [], []
    guides = {}
    for gp in sorted(ROOT.glob("brand-*.yml")):
        guides[gp.name] = check_guide(gp, errors)
    if not guides:
        errors.append("no brand-*.yml guides at the set root")
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files")
    named = set()
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
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match the file name")
        if not re.fullmatch(r"w\d{3}|p\d{2}", lab["id"]):
            errors.append(f"{where}: id {lab['id']!r} is not wNNN or pNN")
        if Path(lab["file"]).stem != lab["id"]:
            errors.append(f"{where}: file {lab['file']!r} does not match id")
        if lab["brand"] not in guides:
            errors.append(f"{where}: brand guide {lab['brand']!r} not found at the set root")
        guide = guides.get(lab["brand"])
        path = ITEMS / lab["file"]
        named.add(lab["file"])
        if not path.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if path.suffix in (".html", ".md"):
            if not lab["id"].startswith("p"):
                errors.append(f"{where}: pages use pNN ids")
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on pages")
            text, nodes = page_text(path)
            if text is None:
                errors.append(f"{where}: Markdown page without YAML front matter")
                continue
            check_spans(where, lab, text, text, nodes, errors, warnings, page=True)
            if do_lint:
                lint(where, text, lab, guide, warnings)
            continue
        if path.suffix != ".eml" or not lab["id"].startswith("w"):
            errors.append(f"{where}: emails must be wNNN.eml")
            continue
        try:
            msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{where}: .eml does not parse: {exc}")
            continue
        for h in ("From", "To", "Date", "Message-ID", "Subject"):
            if msg[h] is None:
                errors.append(f"{where}: header {h} missing")
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
            continue
        if plain:
            body = plain[0].replace("\r\n", "\n")
        else:
            body = "\n".join(n.strip() for n in html_nodes(html[0]) if n.strip())
        new = new_text(body)
        alt = any(p.get_content_type() == "multipart/alternative" for p in msg.walk())
        nodes = None
        if alt:
            if not html:
                errors.append(f"{where}: multipart/alternative without an HTML part")
            else:
                nodes = html_nodes(html[0])
        check_spans(where, lab, body, new, nodes, errors, warnings)
        if do_lint:  # in HTML-only mail every text node is its own block
            lint(where, new if plain else new.replace("\n", "\n\n"), lab, guide, warnings)
    for f in sorted(ITEMS.iterdir()):
        if f.suffix in (".eml", ".html", ".md") and f.name not in named:
            errors.append(f"{f.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    n_emails = len(list(ITEMS.glob("*.eml")))
    n_pages = len(list(ITEMS.glob("*.html")) + list(ITEMS.glob("*.md")))
    print(f"{len(labels)} label files, {n_emails} emails, {n_pages} pages, {len(warnings)} warnings")
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
