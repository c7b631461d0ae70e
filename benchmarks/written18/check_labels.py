#!/usr/bin/env python3
"""Consistency checker for the written18 labelled set (Python standard library only).

Checks, for every items/*.json label file:
  * the LABELS.md fields (id, file, brand, missing_next_step, spans) are present with the right types,
    `id` matches the file name, `file` names an existing item beside it and `brand` a guide at the set root;
  * every span has a hand-labelled category (commitment, defensive, sarcasm, brand) and non-empty text;
  * emails parse with the stdlib `email` package and carry From, Date and Message-ID plus a text/plain
    or text/html part; HTML-only emails are read as their visible text nodes, one per line;
  * every span occurs in the decoded body, never contains a line break, and occurs exactly once in the
    author's new text (the body up to the first quote, forward, signature, "Sent from my ..." line or
    confidentiality footer, see END_OF_NEW_TEXT);
  * in multipart/alternative emails each span also sits inside one text node of the HTML part;
  * pages: .html spans are in one visible text node (outside <head>, <script>, <style>), .md spans are
    on one line after the front matter and contain no Markdown syntax; missing_next_step is false;
  * every item has a label file, and each brand guide parses and has the fields brand-schema.md describes.

`--lint` adds warnings (never errors) that help keep the clean items clean: guide terms, banned words,
forbidden claims, `avoid` phrases and contradicting promise figures in the new text that no `brand` span
covers; exclamation marks, emoji and sentence lengths over the guide's voice limits; a rough reading grade;
and words that often signal a vague commitment or defensive tone in items without such a span.

Usage: python3 check_labels.py [--lint]      Exit status 0 when there are no errors.
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

END_OF_NEW_TEXT = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|Begin forwarded message:|"
    r"From: .+|-- $|Sent from my |CONFIDENTIALITY|This email and any attachments|You're receiving this)"
)


# ----------------------------------------------------------------------------- tiny YAML subset reader
def _strip_comment(line):
    out, quote = [], None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            if i == 0 or line[i - 1] in " [,:":
                quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] == " "):
            break
        out.append(ch)
    return "".join(out).rstrip()


def _scalar(text):
    t = text.strip()
    if t.startswith("[") and t.endswith("]"):
        parts, cur, quote = [], "", None
        for ch in t[1:-1]:
            if quote:
                cur += ch
                if ch == quote:
                    quote = None
            elif ch in "\"'":
                quote = ch
                cur += ch
            elif ch == ",":
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        if cur.strip():
            parts.append(cur)
        return [_scalar(p) for p in parts]
    if len(t) >= 2 and t[0] == t[-1] and t[0] in "\"'":
        return t[1:-1]
    if re.fullmatch(r"-?\d+", t):
        return int(t)
    if t in ("true", "false"):
        return t == "true"
    return t


def parse_yaml(text):
    lines = []
    for no, raw in enumerate(text.splitlines(), 1):
        line = _strip_comment(raw)
        if line.strip():
            lines.append([len(line) - len(line.lstrip(" ")), line.strip(), no])

    def block(i, indent):
        if lines[i][1].startswith("- ") or lines[i][1] == "-":
            return seq(i, indent)
        return mapping(i, indent)

    def mapping(i, indent):
        out = {}
        while i < len(lines) and lines[i][0] == indent and not lines[i][1].startswith("- "):
            content, no = lines[i][1], lines[i][2]
            if ":" not in content:
                raise ValueError(f"line {no}: expected 'key: value'")
            key, rest = content.split(":", 1)
            key = key.strip()
            if rest.strip():
                out[key] = _scalar(rest)
                i += 1
            elif i + 1 < len(lines) and (lines[i + 1][0] > indent or
                                          (lines[i + 1][0] == indent and lines[i + 1][1].startswith("- "))):
                out[key], i = block(i + 1, lines[i + 1][0])
            else:
                out[key] = None
                i += 1
        if i < len(lines) and lines[i][0] > indent:
            raise ValueError(f"line {lines[i][2]}: unexpected indentation")
        return out, i

    def seq(i, indent):
        out = []
        while i < len(lines) and lines[i][0] == indent and lines[i][1].startswith("-"):
            item = lines[i][1][1:].strip()
            if re.match(r"^[A-Za-z_][\w ]*:(\s|$)", item):
                lines[i] = [indent + 2, item, lines[i][2]]
                val, i = mapping(i, indent + 2)
                out.append(val)
            else:
                out.append(_scalar(item))
                i += 1
        return out, i

    if not lines:
        return {}
    val, i = block(0, lines[0][0])
    if i != len(lines):
        raise ValueError(f"line {lines[i][2]}: could not parse")
    return val


def check_guide(path, errors):
    try:
        g = parse_yaml(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        errors.append(f"{path.name}: {exc}")
        return None
    where = path.name
    if not isinstance(g, dict) or not isinstance(g.get("name"), str):
        errors.append(f"{where}: field 'name' missing")
        return None
    known = {"name", "values", "voice", "terminology", "banned", "claims", "promises"}
    for k in g:
        if k not in known:
            errors.append(f"{where}: unknown top-level field {k!r}")
    for v in g.get("values") or []:
        if not isinstance(v, dict) or "name" not in v or not isinstance(v.get("avoid", []), list):
            errors.append(f"{where}: malformed entry in 'values': {v!r}")
    voice = g.get("voice") or {}
    if voice.get("formality") not in (None, "formal", "friendly", "casual"):
        errors.append(f"{where}: voice.formality must be formal, friendly or casual")
    for k in ("max_grade", "max_sentence_words", "max_exclamations"):
        if k in voice and not isinstance(voice[k], int):
            errors.append(f"{where}: voice.{k} must be a number")
    if "emoji" in voice and not isinstance(voice["emoji"], bool):
        errors.append(f"{where}: voice.emoji must be true or false")
    for t in g.get("terminology") or []:
        if not isinstance(t, dict) or not isinstance(t.get("use"), str) or not isinstance(t.get("instead_of"), list):
            errors.append(f"{where}: malformed entry in 'terminology': {t!r}")
    for b in g.get("banned") or []:
        if not isinstance(b, dict) or not isinstance(b.get("word"), str):
            errors.append(f"{where}: malformed entry in 'banned': {b!r}")
    claims = g.get("claims") or {}
    if not isinstance(claims.get("forbidden", []), list):
        errors.append(f"{where}: claims.forbidden must be a list")
    for p in g.get("promises") or []:
        if not (isinstance(p, dict) and isinstance(p.get("keywords"), list) and isinstance(p.get("within"), str)
                and re.fullmatch(r"\d+ [a-z ]+", p["within"])):
            errors.append(f"{where}: malformed entry in 'promises': {p!r}")
    return g


# ----------------------------------------------------------------------------- text extraction
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


def html_nodes(markup):
    p = TextNodes()
    p.feed(markup)
    p.close()
    return p.nodes


def new_text(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if END_OF_NEW_TEXT.match(line):
            break
        out.append(line)
    return "\n".join(out)


def email_texts(path):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    plain, html = [], []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        if part.get_content_type() == "text/plain":
            plain.append(part.get_content())
        elif part.get_content_type() == "text/html":
            html.append(part.get_content())
    return msg, plain, html


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if raw.startswith("---\n"):
            raw = raw[raw.index("\n---\n", 4) + 5:]
        return raw, raw.split("\n")
    nodes = html_nodes(raw)
    return "\n".join(n.strip() for n in nodes), [n.strip() for n in nodes]


# ----------------------------------------------------------------------------- lint helpers
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
HINTS = {
    "commitment": r"\b(soon|shortly|ASAP|as soon as possible|in due course|at some point|later|when we can|"
                  r"hopefully|hoping|try to|should be able|might|may|probably|aim to|do our best|if all goes well|"
                  r"look into|let you know|get back to you|come back to you|will be (?:sent|issued|processed|fixed|done|"
                  r"arranged|refunded|answered|reviewed))\b",
    "defensive": r"\b(simply|obviously|clearly|as I (?:said|mentioned|explained)|per my|reminder|going forward|"
                 r"sorry,? but|if you feel|you feel|nothing (?:further )?we can do|policy is policy|your fault|"
                 r"not our fault|you should have|you always|you never|unreasonable|difficult)\b|!!|\?!",
    "sarcasm": r"\b(lovely touch|love a|what a surprise|I'm sure you|thanks so much for|highlight|congratulations|"
               r"good to see|great,)\b|[\u201c\"'](quick|urgent)[\u201d\"']",
}
ACRONYM_OK = re.compile(r"^[A-Z]{2,}$")


def sentences(text):
    """Rough sentence units: hard-wrapped lines are joined, list items and short field lines stand alone."""
    units = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
        buf = ""
        for i, ln in enumerate(lines):
            buf = (buf + " " + ln).strip()
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if len(ln) < 60 or re.match(r"^([-*\u2022]|\d+[.)])\s", nxt):
                units.append(buf)
                buf = ""
        if buf:
            units.append(buf)
    return [s for u in units for s in re.split(r"(?<=[.!?])\s+", u) if s.strip()]


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


def term_regex(term, case_sensitive):
    pat = r"(?<![\w-])" + re.escape(term) + r"(?:s|es|d|ed|ing|er|est)?(?![\w-])"
    return re.compile(pat, 0 if case_sensitive else re.IGNORECASE)


def lint(where, text, lab, guide, warnings):
    spans = lab["spans"]
    brand_spans = [s["text"] for s in spans if s["category"] == "brand"]
    cats = {s["category"] for s in spans}

    def covered(a, b):
        return any(not (b <= text.find(s) or a >= text.find(s) + len(s)) for s in brand_spans if s in text)

    checks = []
    for t in guide.get("terminology") or []:
        cs = t["use"] != t["use"].lower()
        checks += [(v, cs, "term") for v in t["instead_of"]]
    checks += [(b["word"], False, "banned") for b in guide.get("banned") or []]
    checks += [(c, False, "claim") for c in (guide.get("claims") or {}).get("forbidden", [])]
    for v in guide.get("values") or []:
        checks += [(a, False, "avoid") for a in v.get("avoid", [])]
    for term, cs, kind in checks:
        for m in term_regex(term, cs).finditer(text):
            if not covered(m.start(), m.end()):
                warnings.append(f"{where}: {kind} {term!r} in new text without a brand span: {m.group(0)!r}")
    for p in guide.get("promises") or []:
        want = p["within"].split()[0]
        for s in sentences(text):
            if any(term_regex(k, False).search(s) for k in p["keywords"]):
                for m in re.finditer(r"\b(\d+)[- ](?:working |business )?(day|hour|week|month)s?\b", s):
                    if m.group(1) != want and not any(b in s for b in brand_spans):
                        warnings.append(f"{where}: promise {p['topic']!r} figure {m.group(0)!r} vs {p['within']!r}: {s[:70]}")
    voice = guide.get("voice") or {}
    if "brand" not in cats:
        n_exc = text.count("!")
        if n_exc > voice.get("max_exclamations", 99):
            warnings.append(f"{where}: {n_exc} exclamation marks, guide allows {voice.get('max_exclamations')}")
        if voice.get("emoji") is False and EMOJI.search(text):
            warnings.append(f"{where}: emoji in new text, guide forbids them")
        limit = voice.get("max_sentence_words", 99)
        for s in sentences(text):
            if len(s.split()) > limit:
                warnings.append(f"{where}: sentence of {len(s.split())} words (limit {limit}): {s[:60]}...")
        words = re.findall(r"[A-Za-z]+", text)
        sents = sentences(text)
        if words and sents:
            grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
            if grade > voice.get("max_grade", 99):
                warnings.append(f"{where}: rough reading grade {grade:.1f} (limit {voice.get('max_grade')})")
    for cat, pat in HINTS.items():
        if cat not in cats:
            for m in re.finditer(pat, text, re.IGNORECASE if cat != "commitment" else 0):
                warnings.append(f"{where}: possible {cat} wording without a span: {m.group(0)!r}")
    if "defensive" not in cats:
        for w in re.findall(r"\b[A-Z][A-Z]{2,}\b", text):
            if w in {"NOT", "NEVER", "UNACCEPTABLE", "URGENT", "PLEASE", "MUST", "ALL", "ANY", "ASAP"}:
                warnings.append(f"{where}: capitalised word {w!r} without a defensive span")


# ----------------------------------------------------------------------------- main
def main(argv):
    do_lint = "--lint" in argv
    errors, warnings = [], []
    guides = {}
    for gp in sorted(ROOT.glob("brand-*.yml")):
        guides[gp.name] = check_guide(gp, errors)
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    seen = set()
    n_emails = n_pages = 0
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except ValueError as exc:
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
        item = ITEMS / lab["file"]
        seen.add(lab["file"])
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if Path(lab["file"]).stem != lab["id"]:
            errors.append(f"{where}: file {lab['file']!r} does not match id")
        if lab["brand"] not in guides:
            errors.append(f"{where}: brand guide {lab['brand']!r} is not at the set root")
        for sp in lab["spans"]:
            if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
                errors.append(f"{where}: span must have exactly 'category' and 'text': {sp!r}")
                continue
            if sp["category"] not in CATEGORIES:
                errors.append(f"{where}: unknown category {sp['category']!r}")
            if not isinstance(sp["text"], str) or not sp["text"].strip():
                errors.append(f"{where}: empty span text")
            elif "\n" in sp["text"] or "\r" in sp["text"]:
                errors.append(f"{where}: span contains a line break: {sp['text']!r}")
        spans = [sp for sp in lab["spans"] if isinstance(sp, dict) and isinstance(sp.get("text"), str) and sp["text"]]
        if item.suffix in (".html", ".md"):
            n_pages += 1
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on pages")
            text, units = page_text(item)
            for sp in spans:
                t = sp["text"]
                if text.count(t) != 1:
                    errors.append(f"{where}: span occurs {text.count(t)} times in the visible text (want 1): {t!r}")
                if not any(t in u for u in units):
                    errors.append(f"{where}: span not inside one text node / line: {t!r}")
                if item.suffix == ".md" and re.search(r"[*_`#\[\]]", t):
                    errors.append(f"{where}: span contains Markdown syntax: {t!r}")
            if do_lint and guides.get(lab["brand"]):
                lint(where, text, lab, guides[lab["brand"]], warnings)
            continue
        if item.suffix != ".eml":
            errors.append(f"{where}: unknown item type {item.suffix}")
            continue
        n_emails += 1
        msg, plain, html = email_texts(item)
        for h in ("From", "To", "Date", "Message-ID", "Subject"):
            if msg[h] is None:
                errors.append(f"{where}: email lacks a {h} header")
        if not plain and not html:
            errors.append(f"{where}: no text/plain or text/html body part")
            continue
        if plain:
            body = plain[0].replace("\r\n", "\n")
        else:
            body = "\n".join(n.strip() for n in html_nodes(html[0]))
        new = new_text(body)
        if not new.strip():
            errors.append(f"{where}: the new text is empty")
        nodes = html_nodes(html[0]) if (msg.get_content_type() == "multipart/alternative" and html) else []
        if msg.get_content_type() == "multipart/alternative" and not html:
            errors.append(f"{where}: multipart/alternative without an HTML part")
        for sp in spans:
            t = sp["text"]
            if t not in body:
                errors.append(f"{where}: span not in the decoded body: {t!r}")
                continue
            n = new.count(t)
            if n != 1:
                errors.append(f"{where}: span occurs {n} times in the new text (want 1): {t!r}")
            if nodes and not any(t in node for node in nodes):
                errors.append(f"{where}: span not inside a single HTML text node: {t!r}")
        if do_lint and guides.get(lab["brand"]):
            lint(where, new, lab, guides[lab["brand"]], warnings)
    for f in sorted(ITEMS.iterdir()):
        if f.suffix in (".eml", ".html", ".md") and f.name not in seen:
            errors.append(f"{f.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(labels)} label files, {n_emails} emails, {n_pages} pages, {len(warnings)} warnings")
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
