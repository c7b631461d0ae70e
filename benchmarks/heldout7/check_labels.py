#!/usr/bin/env python3
"""Consistency checker for the heldout7 set (stdlib only).

Usage:  python3 check_labels.py [--lint]

Checks (failures):
  * every brand-*.yml guide at the set root has a `name`, only the top-level fields of
    shared/spec/brand-schema.md, and every promise has `keywords` and `within`;
  * every items/<id>.json has exactly the LABELS.md fields (id, file, brand, missing_next_step, spans)
    with the right types; `id` matches the file name; `file` names an item beside it; `brand` names a
    guide at the set root; categories are the hand-labelled ones (commitment, defensive, sarcasm, brand);
  * every item (.eml, .html, .md) has a label file, and every label file has an item;
  * emails parse with the stdlib `email` package, have From / To / Date / Message-ID, a date no later
    than 2026-12-05, In-Reply-To on replies, and a text/plain or text/html part;
  * every span text is non-empty, has no line break, occurs exactly once in the author's new text
    (the decoded body cut at the first quote / forward / signature / disclaimer line, see END_OF_NEW),
    and, in multipart/alternative emails, also sits inside one text node of the HTML part;
  * pages: `missing_next_step` is false; every span occurs exactly once in the visible text (HTML text
    outside <head>/<script>/<style>, or Markdown after the front matter), inside one text node or line,
    and contains no Markdown syntax.

--lint adds warnings (never failures) that help keep clean items clean: exclamation marks and emoji
beyond the guide's voice limits, guide terms/banned words/claims/avoid phrases, and cue words for
the span categories (vague time, hedges, agentless futures, condescension, capitals) in items that
carry no span of that category. Each warning is for a human to judge; many are deliberate near-misses.

The last line of output always ends with "<n> errors".
"""
import email
import email.policy
import datetime
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent
ITEMS = ROOT / "items"
CATEGORIES = {"commitment", "defensive", "sarcasm", "brand"}
FIELDS = {"id": str, "file": str, "brand": str, "missing_next_step": bool, "spans": list}
GUIDE_KEYS = {"name", "values", "voice", "terminology", "banned", "claims", "promises"}
TODAY = datetime.datetime(2026, 12, 5, 23, 59, tzinfo=datetime.timezone(datetime.timedelta(hours=14)))

END_OF_NEW = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|From: .+|-- ?$|--$"
    r"|Sent from my |CONFIDENTIALITY|This email and any attachments)"
)


# ----------------------------------------------------------------------------- text extraction
class TextNodes(HTMLParser):
    SKIP = ("script", "style", "head", "title")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nodes, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skip:
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
        if END_OF_NEW.match(line):
            break
        out.append(line)
    return "\n".join(out)


def email_texts(msg):
    plain, html = [], []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        if part.get_content_type() == "text/plain":
            plain.append(part.get_content())
        elif part.get_content_type() == "text/html":
            html.append(part.get_content())
    return plain, html


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if raw.startswith("---\n"):
            end = raw.index("\n---\n", 4)
            raw = raw[end + 5:]
        return raw, raw.split("\n")
    nodes = [re.sub(r"\s+", " ", n) for n in html_nodes(raw)]
    return "\n".join(nodes), nodes


# ----------------------------------------------------------------------------- brand guides (mini reader)
def flow_list(s):
    s = s.strip()
    if not (s.startswith("[") and s.endswith("]")):
        return [s.strip("\"'")] if s else []
    return [x.strip().strip("\"'") for x in s[1:-1].split(",") if x.strip()]


def read_guide(path, errors):
    """Reads the subset of YAML the guides use; returns a dict of the fields --lint needs."""
    g = {"name": None, "instead_of": [], "product_names": [], "banned": [], "forbidden": [], "avoid": [], "promises": [],
         "max_exclamations": None, "emoji": None}
    top = None
    promise = None
    use = ""
    in_avoid = False
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        body = re.sub(r"\s+#.*$", "", line).rstrip()
        if not body.strip() or body.lstrip().startswith("#"):
            continue
        m = re.match(r"^([a-z_]+):\s*(.*)$", body)
        if m:
            top = m.group(1)
            if top not in GUIDE_KEYS:
                errors.append(f"{path.name}:{n}: unknown top-level field {top!r}")
            if top == "name":
                g["name"] = m.group(2).strip()
            continue
        s = body.strip()
        in_avoid = in_avoid and s.startswith("- ") and not s.startswith("- name:")
        if top == "values":
            if s.startswith("avoid:"):
                rest = s[6:].strip()
                g["avoid"] += flow_list(rest)
                in_avoid = not rest
            elif in_avoid:
                g["avoid"].append(s[2:].strip().strip("\"'"))
        elif top == "voice":
            k, _, v = s.partition(":")
            if k.strip() == "max_exclamations":
                g["max_exclamations"] = int(v)
            elif k.strip() == "emoji":
                g["emoji"] = v.strip() == "true"
        elif top == "terminology" and re.match(r"^-?\s*use:", s):
            use = s.split(":", 1)[1].strip().strip("\"'")
        elif top == "terminology" and s.startswith("instead_of:"):
            target = "product_names" if use != use.lower() else "instead_of"
            g[target] += flow_list(s[11:])
        elif top == "banned" and re.match(r"^-?\s*word:", s):
            g["banned"].append(s.split(":", 1)[1].strip().strip("\"'"))
        elif top == "claims" and s.startswith("forbidden:"):
            g["forbidden"] += flow_list(s[10:])
        elif top == "promises":
            if s.startswith("- topic:"):
                promise = {"topic": s.split(":", 1)[1].strip(), "keywords": None, "within": None}
                g["promises"].append(promise)
            elif s.startswith("keywords:") and promise is not None:
                promise["keywords"] = flow_list(s[9:])
            elif s.startswith("within:") and promise is not None:
                promise["within"] = s.split(":", 1)[1].strip()
    if not g["name"]:
        errors.append(f"{path.name}: missing required field 'name'")
    for p in g["promises"]:
        if not p["keywords"] or not p["within"]:
            errors.append(f"{path.name}: promise {p['topic']!r} needs keywords and within")
    return g


# ----------------------------------------------------------------------------- lint
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
CUES = {
    "commitment": r"\b(soon|shortly|ASAP|as soon as|in due course|at some point|in the coming|later|when we can|"
                  r"try to|hopefully|should be able|might|may|aim to|do our best|probably|we'll see|"
                  r"will be (processed|fixed|sent|issued|done|sorted|handled|reviewed)|someone will|"
                  r"look into)\b",
    "defensive": r"\b(obviously|simply|clearly|as (I|we) (already|said|explained|mentioned)|per my|"
                 r"friendly reminder|going forward|not our fault|your (mistake|fault)|you should have|"
                 r"you always|you never|unreasonable|difficult|nothing (more |further )?we can do|"
                 r"policy is policy|apologi[sz]e if|sorry,? but)\b|!!|\?!|\b[A-Z]{3,}\b",
    "sarcasm": r"\b(thanks so much for|what a surprise|I'm sure you|congratulations on finally|my favourite|"
               r"wonderful|great to see|lovely to finally)\b|\U0001F644",
}
ACRONYM_OK = {"PDF", "VAT", "DPD", "CMYK", "RGB", "GSM", "PRSI", "USC", "PAYE", "RPN", "RPNs", "BIK", "PPS", "IBAN",
              "SEPA", "AIB", "IST", "UK", "EU", "BT", "CEO", "USB", "YES", "TLS", "AES", "ISO", "GDPR", "FSC",
              "CBD", "ABN", "RSVP", "JPG", "PNG", "VRT", "PRSA", "UV", "CSV", "FAQ", "RFQ", "INV", "QLD", "BACS", "LED", "DL", "PO",
              "HTML", "CO2", "UTC", "ID", "DHL", "UPS", "MF", "PP", "WB", "SB", "CP"}


def lint_text(where, text, lab, guide, warnings):
    cats = {s["category"] for s in lab["spans"]}
    low = text.lower()
    if "brand" not in cats:
        n_exc = re.sub(r"!\[[^\]]*\]\(", "", text).count("!")
        if guide["max_exclamations"] is not None and n_exc > guide["max_exclamations"]:
            warnings.append(f"{where}: {n_exc} exclamation marks, guide allows {guide['max_exclamations']}")
        if guide["emoji"] is False and EMOJI.search(text):
            warnings.append(f"{where}: emoji, guide disallows")
        for word in guide["instead_of"] + guide["banned"] + guide["forbidden"] + guide["avoid"]:
            if re.search(r"(?<![\w-])" + re.escape(word.lower()), low):
                warnings.append(f"{where}: guide phrase {word!r} in text with no brand span")
        for word in guide["product_names"]:
            if re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text):
                warnings.append(f"{where}: product name written as {word!r} in text with no brand span")
        for p in guide["promises"]:
            for sent in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", text)):
                if any(k.lower() in sent.lower() for k in p["keywords"] or []) and re.search(
                        r"\b(within|in) (\d+|one|two|three|a few)\b", sent) and p["within"] not in sent:
                    warnings.append(f"{where}: promise {p['topic']!r} keyword with a duration: {sent[:90]!r}")
    for cat, pat in CUES.items():
        if cat in cats:
            continue
        for m in re.finditer(pat, text, flags=0 if cat == "defensive" else re.I):
            if cat == "defensive" and m.group(0) in ACRONYM_OK:
                continue
            warnings.append(f"{where}: {cat} cue {m.group(0)!r} in an item with no {cat} span")


# ----------------------------------------------------------------------------- main
def check_spans(where, lab, new, body, nodes, errors, warnings, page=False):
    for sp in lab["spans"]:
        if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
            errors.append(f"{where}: span must have exactly 'category' and 'text': {sp!r}")
            continue
        cat, text = sp["category"], sp["text"]
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category {cat!r}")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty span text")
            continue
        if "\n" in text or "\r" in text:
            errors.append(f"{where}: span crosses a line break: {text!r}")
        n = new.count(text)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {text!r}")
        elif body.count(text) > 1:
            warnings.append(f"{where}: span text also occurs in quoted/context text: {text!r}")
        if nodes is not None and not any(text in node for node in nodes):
            errors.append(f"{where}: span not inside a single HTML text node / line: {text!r}")
        if page and re.search(r"[*_`#\[\]]", text):
            errors.append(f"{where}: span contains Markdown syntax: {text!r}")


def main(argv):
    lint = "--lint" in argv
    errors, warnings = [], []
    guides = {p.name: read_guide(p, errors) for p in sorted(ROOT.glob("brand-*.yml"))}
    if not guides:
        errors.append("no brand-*.yml guide at the set root")
    labels = sorted(ITEMS.glob("*.json"))
    items = sorted(p for p in ITEMS.iterdir() if p.suffix in (".eml", ".html", ".md"))
    named = set()
    counts = {c: 0 for c in CATEGORIES}
    n_mns = n_clean = 0
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
        bad = [k for k, t in FIELDS.items() if not isinstance(lab.get(k), t)]
        extra = set(lab) - set(FIELDS)
        if bad or extra:
            errors.append(f"{where}: fields missing/mistyped {bad} or unexpected {sorted(extra)}")
            continue
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match the file name")
        if lab["brand"] not in guides:
            errors.append(f"{where}: brand guide {lab['brand']!r} not found at the set root")
            continue
        guide = guides[lab["brand"]]
        path = ITEMS / lab["file"]
        named.add(lab["file"])
        if Path(lab["file"]).stem != lab["id"] or not path.is_file():
            errors.append(f"{where}: file {lab['file']!r} missing or not named after the id")
            continue
        for sp in lab["spans"]:
            if isinstance(sp, dict) and sp.get("category") in counts:
                counts[sp["category"]] += 1
        n_mns += lab["missing_next_step"]
        n_clean += not lab["spans"] and not lab["missing_next_step"]
        if path.suffix in (".html", ".md"):
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on pages")
            text, nodes = page_text(path)
            check_spans(where, lab, text, text, nodes, errors, warnings, page=True)
            if lint:
                lint_text(where, text, lab, guide, warnings)
            continue
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        for h in ("From", "To", "Date", "Message-ID", "Subject"):
            if msg[h] is None:
                errors.append(f"{where}: .eml lacks {h}")
        try:
            if msg["Date"].datetime > TODAY:
                errors.append(f"{where}: dated after 2026-12-05: {msg['Date']}")
        except Exception:  # noqa: BLE001
            errors.append(f"{where}: unparseable Date")
        if re.match(r"(?i)re:", str(msg["Subject"] or "")) and msg["In-Reply-To"] is None:
            errors.append(f"{where}: reply without In-Reply-To")
        plain, html = email_texts(msg)
        if not plain and not html:
            errors.append(f"{where}: no text/plain or text/html part")
            continue
        if plain:
            body = plain[0].replace("\r\n", "\n")
        else:
            body = "\n".join(n.strip() for n in html_nodes(html[0]))
        new = new_text(body)
        nodes = None
        if msg.get_content_type() == "multipart/alternative" or (plain and html):
            if not html:
                errors.append(f"{where}: multipart/alternative without an HTML part")
            else:
                nodes = html_nodes(html[0])
        check_spans(where, lab, new, body, nodes, errors, warnings)
        if lint:
            lint_text(where, new, lab, guide, warnings)
    for p in items:
        if p.name not in named:
            errors.append(f"{p.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    n_pages = sum(p.suffix != ".eml" for p in items)
    print(f"{len(labels)} label files, {len(items) - n_pages} emails, {n_pages} pages, clean {n_clean}, "
          f"missing_next_step {n_mns}, spans " + ", ".join(f"{c} {counts[c]}" for c in sorted(counts)))
    print(f"{len(warnings)} warnings, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
