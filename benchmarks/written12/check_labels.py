#!/usr/bin/env python3
"""Consistency checker for the written12 development set (stdlib only).

Checks, for every items/*.json label file:
  * the LABELS.md fields (id, file, brand, missing_next_step, spans) with the right types; `id` matches
    the file name; `file` names an item beside it; `brand` names a guide at the set root;
  * ids run m001..m125 (emails, .eml) and q01..q25 (pages, .html or .md), one label file each;
  * every category is a hand-labelled one (commitment, defensive, sarcasm, brand);
  * emails parse with the stdlib `email` package, have From/Date/Message-ID, a Date no later than
    2026-12-06, and a text/plain or text/html part;
  * every span text is non-empty, has no line break, occurs in the decoded body and exactly once in
    the author's new text (body cut at the first quote / forward / signature / disclaimer marker);
    in multipart/alternative emails it also lies inside one text node of the HTML part;
  * pages: missing_next_step is false; spans occur exactly once in the visible text (HTML text nodes
    outside <script>/<style>/<head>; Markdown after the front matter), inside one node / line, and
    contain no Markdown syntax;
  * the brand guides have the fields brand-schema.md requires (name; voice.formality one of
    formal/friendly/casual; terminology entries with use + instead_of; banned entries with word;
    promises with topic, keywords and within).

`--lint` adds warnings (never errors) for items with no `brand` span whose new text breaks its guide in
an obvious way (exclamations over the limit, emoji, long sentences, a rough Flesch-Kincaid grade over
max_grade, a replaced term, banned word, forbidden claim or avoid phrase, a promise keyword next to a
different duration), and for items with no spans and missing_next_step false that contain common
vague-commitment or defensive markers. Use it to keep clean items clean.

Usage: python3 check_labels.py [--lint]      The last line printed is "<n> errors".
"""
import email
import email.policy
import json
import re
import sys
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent
ITEMS = ROOT / "items"
CATEGORIES = {"commitment", "defensive", "sarcasm", "brand"}
LAST_DATE = datetime(2026, 12, 6, 23, 59, 59, tzinfo=timezone.utc)
N_EMAILS, N_PAGES = 125, 25

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|"
    r"From: .+|-- $|Sent from my |CONFIDENTIALITY)"
)


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
        if not self._skip and data.strip():
            self.nodes.append(data)


def html_nodes(src):
    p = TextNodes()
    p.feed(src)
    return p.nodes


def new_text(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if NEW_TEXT_END.match(line):
            break
        out.append(line)
    return "\n".join(out)


# ---------------------------------------------------------------- brand guides (regex subset reader)
def flow_list(s):
    s = s.strip()
    if s.startswith("[") and s.endswith("]"):
        return [x.strip().strip("\"'") for x in s[1:-1].split(",") if x.strip()]
    return [s.strip("\"'")]


def read_guide(path, errors):
    text = path.read_text(encoding="utf-8")
    lines = [re.sub(r"\s+#.*$", "", l) for l in text.split("\n") if not l.lstrip().startswith("#")]
    g = {"terms": [], "banned": [], "claims": [], "avoid": [], "promises": [], "voice": {}}
    section, cur = None, None
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = re.match(r"^(\w+):\s*(.*)$", line)
        if m:
            section = m.group(1)
            if section == "name":
                g["name"] = m.group(2).strip()
            continue
        s = line.strip()
        if section == "voice":
            k, _, v = s.partition(":")
            g["voice"][k.strip()] = v.strip()
        elif section == "terminology":
            if s.startswith("- use:"):
                cur = {"use": s[6:].strip().strip("\"'")}
                g["terms"].append(cur)
            elif s.startswith("instead_of:") and cur is not None:
                cur["instead_of"] = flow_list(s[11:])
        elif section == "banned" and s.startswith("- word:"):
            g["banned"].append(s[7:].strip().strip("\"'"))
        elif section == "claims" and s.startswith("forbidden:"):
            g["claims"] = flow_list(s[10:])
        elif section == "values":
            if s.startswith("- ") and not s.startswith("- name:"):
                g["avoid"].append(s[2:].strip().strip("\"'"))
            elif s.startswith("avoid:") and s[6:].strip():
                g["avoid"].extend(flow_list(s[6:]))
        elif section == "promises":
            if s.startswith("- topic:"):
                cur = {"topic": s[8:].strip()}
                g["promises"].append(cur)
            elif s.startswith("keywords:"):
                cur["keywords"] = flow_list(s[9:])
            elif s.startswith("within:"):
                cur["within"] = s[7:].strip()
    where = path.name
    if not g.get("name"):
        errors.append(f"{where}: guide has no name")
    if g["voice"].get("formality") not in ("formal", "friendly", "casual"):
        errors.append(f"{where}: voice.formality must be formal, friendly or casual")
    for k in ("max_grade", "max_sentence_words", "max_exclamations"):
        if k in g["voice"] and not g["voice"][k].isdigit():
            errors.append(f"{where}: voice.{k} must be a whole number")
    if g["voice"].get("emoji", "false") not in ("true", "false"):
        errors.append(f"{where}: voice.emoji must be true or false")
    for t in g["terms"]:
        if not t.get("instead_of"):
            errors.append(f"{where}: terminology entry {t['use']!r} has no instead_of")
    for p in g["promises"]:
        if not p.get("keywords") or not p.get("within"):
            errors.append(f"{where}: promise {p.get('topic')!r} needs keywords and within")
    for sec in ("values", "terminology", "banned", "claims", "promises", "voice"):
        if not re.search(rf"^{sec}:", text, re.M):
            errors.append(f"{where}: section {sec!r} missing (this set wants every guide to have it)")
    return g


# ---------------------------------------------------------------- lint helpers
NUM = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty-four|forty-eight)"
DURATION = re.compile(NUM + r"\s+(working|business)?\s*(days?|hours?|weeks?)", re.I)
VAGUE = re.compile(r"\b(soon|shortly|asap|as soon as possible|in due course|at some point|when we can|"
                   r"try to|hopefully|should be able to|aim to|do our best|probably|might|we'll see|"
                   r"will be (sent|fixed|processed|corrected|signed))\b", re.I)
DEFENSIVE = re.compile(r"\b(obviously|simply|clearly|per my|as I (already )?(said|explained|mentioned)|"
                       r"friendly reminder|going forward|you should have|not our fault|policy is policy|"
                       r"sorry,? but|apologi[sz]e if)\b|!!|\?!", re.I)


def word_re(phrase, case_sensitive):
    body = re.escape(phrase).replace(r"\ ", r"[\s-]+")
    return re.compile(r"(?<![\w-])" + body + r"(s|es|ed|ing|d)?(?![\w])", 0 if case_sensitive else re.I)


def sentences(text):
    """Rough sentences: split at . ! ? and at line ends, except that a long line (hard-wrapped prose)
    continues on the next one."""
    lines, buf = [], ""
    for line in text.split("\n"):
        buf = (buf + " " + line.strip()) if buf else line.strip()
        if len(line) < 60 or not line.strip():
            lines.append(buf)
            buf = ""
    lines.append(buf)
    out = []
    for ln in lines:
        out.extend(s for s in re.split(r"(?<=[.!?])\s+", ln) if s.strip())
    return out


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


def lint(where, text, lab, g, warnings):
    has_brand = any(s["category"] == "brand" for s in lab["spans"])
    if not has_brand:
        v = g["voice"]
        if text.count("!") > int(v.get("max_exclamations", "99")):
            warnings.append(f"{where}: {text.count('!')} exclamation marks, guide allows {v.get('max_exclamations')}")
        if v.get("emoji") == "false" and re.search("[\U0001F300-\U0001FAFF\u2600-\u27BF]", text):
            warnings.append(f"{where}: emoji")
        flat = text
        for s in sentences(flat):
            if len(s.split()) > int(v.get("max_sentence_words", "999")):
                warnings.append(f"{where}: sentence of {len(s.split())} words: {s[:50]!r}")
        words, sents = re.findall(r"[A-Za-z]+", flat), sentences(flat)
        if len(words) > 30 and sents:
            grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
            if grade > float(v.get("max_grade", "99")) - 1:
                warnings.append(f"{where}: rough grade {grade:.1f} (limit {v.get('max_grade')})")
        for t in g["terms"]:
            cs = t["use"] != t["use"].lower()
            for alt in t.get("instead_of", []):
                if word_re(alt, cs).search(text):
                    warnings.append(f"{where}: replaced term {alt!r} (use {t['use']!r})")
        for w in g["banned"] + g["claims"] + g["avoid"]:
            if word_re(w, False).search(text):
                warnings.append(f"{where}: banned word / claim / avoid phrase {w!r}")
        for p in g["promises"]:
            for s in sentences(text):
                if any(word_re(k, k != k.lower()).search(s) for k in p["keywords"]):
                    for m in DURATION.finditer(s):
                        if m.group(0).lower() != p["within"].lower():
                            warnings.append(f"{where}: {p['topic']!r} keyword with {m.group(0)!r} (guide: {p['within']})")
    if not lab["spans"] and not lab["missing_next_step"]:
        for rx, what in ((VAGUE, "vague/hedged/agentless"), (DEFENSIVE, "defensive")):
            for m in rx.finditer(text):
                warnings.append(f"{where}: clean item has {what} marker {m.group(0)!r}")
        for m in re.finditer(r"\b[A-Z]{2,}\b", text):
            if m.group(0) not in ACRONYMS:
                warnings.append(f"{where}: capitals {m.group(0)!r} (acronym?)")


ACRONYMS = set("""TGW TSS SC SL RD ZT PO BACS VAT CT CSR RPR IST CST ISBA PDF CSV SCADA BOM GST BSB IRATA LEP EPX PPK
WTG OEM LE OK SRA INV ID URL UK US IL DC NB CV AM PM Q3 EOD LIMS FLAG Mbps ASCII ABN NSW SA NZ LLP TAN FYI QA""".split())


# ---------------------------------------------------------------- main
def main(argv):
    do_lint = "--lint" in argv
    errors, warnings = [], []
    guides = {}
    for gp in sorted(ROOT.glob("brand-*.yml")):
        guides[gp.name] = read_guide(gp, errors)
    if not guides:
        errors.append("no brand-*.yml guides at the set root")
    labels = sorted(ITEMS.glob("*.json"))
    want = {f"m{i:03d}" for i in range(1, N_EMAILS + 1)} | {f"q{i:02d}" for i in range(1, N_PAGES + 1)}
    have = {p.stem for p in labels}
    for missing in sorted(want - have):
        errors.append(f"{missing}: no label file")
    for extra in sorted(have - want):
        errors.append(f"{extra}.json: id outside m001..m{N_EMAILS:03d} / q01..q{N_PAGES:02d}")
    labelled = set()
    n_mail = n_page = 0
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
        extra_keys = set(lab) - {"id", "file", "brand", "missing_next_step", "spans"}
        if extra_keys:
            errors.append(f"{where}: unexpected fields {sorted(extra_keys)}")
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match the file name")
        if Path(lab["file"]).stem != lp.stem:
            errors.append(f"{where}: file {lab['file']!r} does not match the id")
        item = ITEMS / lab["file"]
        labelled.add(lab["file"])
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if lab["brand"] not in guides:
            errors.append(f"{where}: brand guide {lab['brand']!r} not found at the set root")
            continue
        g = guides[lab["brand"]]
        for sp in lab["spans"]:
            if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
                errors.append(f"{where}: span must be an object with exactly category and text: {sp!r}")
                continue
            if sp["category"] not in CATEGORIES:
                errors.append(f"{where}: unknown category {sp['category']!r}")
            if not isinstance(sp["text"], str) or not sp["text"].strip():
                errors.append(f"{where}: empty span text")
            elif "\n" in sp["text"] or "\r" in sp["text"]:
                errors.append(f"{where}: span contains a line break: {sp['text']!r}")
        spans = [sp for sp in lab["spans"] if isinstance(sp, dict) and isinstance(sp.get("text"), str) and sp["text"].strip()]
        if lab["file"].endswith((".html", ".md")):
            n_page += 1
            if not lp.stem.startswith("q"):
                errors.append(f"{where}: pages must have q ids")
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on pages")
            text, nodes = page_text(item, errors)
            for sp in spans:
                t = sp["text"]
                if text.count(t) != 1:
                    errors.append(f"{where}: span occurs {text.count(t)} times in the visible text (want 1): {t!r}")
                if not any(t in nd for nd in nodes):
                    errors.append(f"{where}: span not inside a single text node / line: {t!r}")
                if re.search(r"[*_`#\[\]|]", t):
                    errors.append(f"{where}: span contains Markdown syntax: {t!r}")
            if do_lint:
                lint(where, text, lab, g, warnings)
            continue
        n_mail += 1
        if not lab["file"].endswith(".eml") or not lp.stem.startswith("m"):
            errors.append(f"{where}: emails must be m-ids with a .eml file")
        msg = email.message_from_bytes(item.read_bytes(), policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            if msg[h] is None:
                errors.append(f"{where}: missing {h} header")
        try:
            if parsedate_to_datetime(str(msg["Date"])) > LAST_DATE:
                errors.append(f"{where}: Date after 2026-12-06")
        except Exception:  # noqa: BLE001
            errors.append(f"{where}: unparseable Date")
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
            continue
        body = plain[0].replace("\r\n", "\n") if plain else "\n".join(n.strip() for n in html_nodes(html[0]))
        new = new_text(body)
        alt = any(p.get_content_type() == "multipart/alternative" for p in msg.walk())
        nodes = html_nodes(html[0]) if (alt and html) else []
        if alt and not html:
            errors.append(f"{where}: multipart/alternative without an HTML part")
        for sp in spans:
            t = sp["text"]
            if t not in body:
                errors.append(f"{where}: span not in the decoded body: {t!r}")
                continue
            c = new.count(t)
            if c != 1:
                errors.append(f"{where}: span occurs {c} times in the new text (want 1): {t!r}")
            if body.count(t) > c:
                warnings.append(f"{where}: span text also occurs in quoted or signature text: {t!r}")
            if alt and nodes and not any(t in nd for nd in nodes):
                errors.append(f"{where}: span not inside a single HTML text node: {t!r}")
        if do_lint:
            lint(where, new, lab, g, warnings)
    for f in sorted(ITEMS.iterdir()):
        if f.suffix in (".eml", ".html", ".md") and f.name not in labelled:
            errors.append(f"{f.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(labels)} label files ({n_mail} emails, {n_page} pages), {len(guides)} brand guides, {len(warnings)} warnings")
    print(f"{len(errors)} errors")
    return 1 if errors else 0


def page_text(path, errors):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if not raw.startswith("---\n") or "\n---\n" not in raw[4:]:
            errors.append(f"{path.name}: Markdown page without YAML front matter")
            return raw, raw.split("\n")
        body = raw[raw.index("\n---\n", 4) + 5:]
        return body, body.split("\n")
    nodes = html_nodes(raw)
    return "\n".join(nodes), nodes


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
