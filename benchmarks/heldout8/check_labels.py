#!/usr/bin/env python3
"""Consistency checker for the heldout8 set (stdlib only). Modelled on written7/check_labels.py.

For every items/*.json label file it checks that:
  * the JSON has the LABELS.md fields (id, file, brand, missing_next_step, spans) with sane types, `id` matches
    the file name, `file` names an existing item beside it and `brand` an existing guide at the set root;
  * every span category is one of the hand-labelled span categories and every span text is non-empty,
    has no line break and occurs exactly once in the author's new text (emails: the decoded text/plain body,
    or the visible text nodes of an HTML-only body, cut at the first quote / forward / signature / disclaimer
    marker; pages: visible text outside <script>/<style>/<head>, or Markdown after the front matter);
  * in multipart/alternative emails every span also lies inside a single text node of the HTML part;
  * page spans lie inside one text node / line and carry no Markdown syntax; pages never set missing_next_step;
  * every .eml parses, has From/Date/Message-ID and a Date not after 2026-12-06, and no item mentions a later
    date (a year after 2026, or a weekday that does not match its 2026 calendar date);
  * brand consistency against the item's guide (a small reader for the YAML subset our guides use):
      - every `instead_of` term, `banned` word, forbidden claim and value `avoid` phrase found in the new text
        (case-insensitive with simple inflections; product names case-sensitive) is covered by a `brand` span;
      - a sentence naming a promise keyword together with a duration that differs from `within` is covered
        by a `brand` span;
      - exclamation marks over `max_exclamations`, emoji where `emoji: false`, and sentences over
        `max_sentence_words` are covered by a `brand` span; a rough Flesch-Kincaid grade over `max_grade`
        is an error too (we keep a margin, since tonecheck's own estimate may differ).
The brand guides themselves are checked for the required `name` and known top-level fields.

`--lint` also prints warnings (never failures) for words that often signal an unclear commitment or a
defensive tone in items that carry no span of that category, so the author can re-read them.

Prints a summary line ending in "N errors"; exit status 0 when there are no errors.
Usage:  python3 check_labels.py [--lint]
"""
import datetime
import email
import email.policy
import email.utils
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent
ITEMS = ROOT / "items"
CATEGORIES = {"commitment", "defensive", "sarcasm", "brand"}
LAST_DATE = datetime.date(2026, 12, 6)
GUIDE_KEYS = {"name", "values", "voice", "terminology", "banned", "claims", "promises"}

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|"
    r"From: .+|-- $|Sent from my |CONFIDENTIALITY|This email and any attachments|You're receiving this|"
    r"You’re receiving this|You are receiving this)"
)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2728]")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


# ---------------------------------------------------------------- brand guide reader (YAML subset)
def _scalar(v):
    v = v.strip()
    if not v:
        return None
    if v.startswith("[") and v.endswith("]"):
        return [_scalar(x) for x in _split_flow(v[1:-1]) if x.strip()]
    if v[0] in "\"'" and v[-1] == v[0]:
        return v[1:-1]
    if v in ("true", "false"):
        return v == "true"
    if re.fullmatch(r"-?\d+", v):
        return int(v)
    return v


def _split_flow(s):
    out, cur, q = [], "", None
    for ch in s:
        if q:
            cur += ch
            if ch == q:
                q = None
        elif ch in "\"'":
            q = ch
            cur += ch
        elif ch == ",":
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def _strip_comment(line):
    q = None
    for i, ch in enumerate(line):
        if q:
            if ch == q:
                q = None
        elif ch in "\"'":
            q = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def load_guide(path, errors):
    """Parse the block-style YAML subset used by our guides into dicts and lists."""
    lines = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        line = _strip_comment(raw)
        if line.strip():
            lines.append((n, len(line) - len(line.lstrip(" ")), line.strip()))

    def block(i, indent):
        if i < len(lines) and lines[i][2].startswith("- "):
            out = []
            while i < len(lines) and lines[i][1] == indent and lines[i][2].startswith("- "):
                n, ind, text = lines[i]
                rest = text[2:]
                if re.match(r"^[A-Za-z_]+:( |$)", rest):
                    # a mapping inside a list item: re-read it as a block at the deeper indent
                    sub_indent = ind + 2
                    lines[i] = (n, sub_indent, rest)
                    val, i = block(i, sub_indent)
                    out.append(val)
                else:
                    out.append(_scalar(rest))
                    i += 1
            return out, i
        out = {}
        while i < len(lines) and lines[i][1] == indent:
            n, ind, text = lines[i]
            m = re.match(r"^([A-Za-z_]+):(.*)$", text)
            if not m:
                errors.append(f"{path.name}:{n}: cannot read line {text!r}")
                return out, len(lines)
            key, val = m.group(1), m.group(2)
            i += 1
            if val.strip():
                out[key] = _scalar(val)
            elif i < len(lines) and lines[i][1] > indent:
                out[key], i = block(i, lines[i][1])
            elif i < len(lines) and lines[i][1] == indent and lines[i][2].startswith("- "):
                out[key], i = block(i, indent)
            else:
                out[key] = None
        return out, i

    guide, _ = block(0, 0)
    if not isinstance(guide, dict) or not guide.get("name"):
        errors.append(f"{path.name}: guide has no `name`")
        return {}
    for key in guide:
        if key not in GUIDE_KEYS:
            errors.append(f"{path.name}: unknown top-level field {key!r}")
    for t in guide.get("terminology") or []:
        if not isinstance(t, dict) or "use" not in t or not isinstance(t.get("instead_of"), list):
            errors.append(f"{path.name}: terminology entry needs `use` and a list `instead_of`: {t!r}")
    for p in guide.get("promises") or []:
        if not isinstance(p, dict) or not p.get("keywords") or not p.get("within"):
            errors.append(f"{path.name}: promise needs `keywords` and `within`: {p!r}")
    return guide


def term_pattern(term, case_sensitive):
    words = [re.escape(w) for w in term.split()]
    body = r"[\s-]+".join(words)
    pat = r"(?<![\w-])" + body + r"(?:s|es|ed|d|ing)?(?![\w])"
    return re.compile(pat, 0 if case_sensitive else re.IGNORECASE)


def guide_terms(guide):
    """(kind, term, compiled pattern) for everything the guide forbids."""
    out = []
    for t in guide.get("terminology") or []:
        use = t["use"]
        product = any(c.isupper() for c in use)
        for bad in t["instead_of"]:
            out.append(("term", bad, term_pattern(bad, product)))
    for b in guide.get("banned") or []:
        out.append(("banned", b["word"], term_pattern(b["word"], False)))
    for c in (guide.get("claims") or {}).get("forbidden") or []:
        out.append(("claim", c, term_pattern(c, False)))
    for v in guide.get("values") or []:
        for a in v.get("avoid") or []:
            out.append(("avoid", a, term_pattern(a, False)))
    return out


NUMWORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "a": 1, "an": 1}
DURATION = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|a|an)"
                      r"[\s-]+((?:business|working)[\s-]+)?(minute|hour|day|week|month|year)s?\b", re.IGNORECASE)


def norm_duration(m):
    n = m.group(1).lower()
    n = NUMWORDS.get(n, None) if not n.isdigit() else int(n)
    return (n, (m.group(2) or "").strip().lower().replace("working", "business"), m.group(3).lower())


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
        if not self._skip:
            self.nodes.append(data)


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


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if raw.startswith("---\n"):
            raw = raw[raw.index("\n---\n", 4) + 5:]
        return raw, raw.split("\n")
    p = TextNodes()
    p.feed(raw)
    return "\n".join(p.nodes), p.nodes


def sentences(text):
    """Sentences: split at . ! ? and at line breaks that end a short line or a block."""
    blocks = re.split(r"\n\s*\n", text)
    out = []
    for b in blocks:
        lines = b.split("\n")
        cur = ""
        for i, ln in enumerate(lines):
            cur = (cur + " " + ln.strip()).strip()
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
            wrapped = len(ln.strip()) >= 60 and not re.search(r"[.!?:]$", ln.strip())
            if not wrapped or re.match(r"^([-*•]|\d+[.)])\s", nxt):
                out.append(cur)
                cur = ""
        if cur:
            out.append(cur)
    sents = []
    for chunk in out:
        sents += [s for s in re.split(r"(?<=[.!?])\s+", chunk) if re.search(r"[A-Za-z]", s)]
    return sents


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


def fk_grade(text):
    sents = sentences(text)
    words = re.findall(r"[A-Za-z]+(?:['’][a-z]+)?", text)
    if not words or not sents:
        return 0.0
    return 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59


# ---------------------------------------------------------------- checks
def covered(text, start, end, spans, cat="brand"):
    for sp in spans:
        if sp.get("category") != cat:
            continue
        i = text.find(sp["text"])
        if i != -1 and i < end and start < i + len(sp["text"]):
            return True
    return False


def brand_checks(where, text, guide, spans, errors):
    if not guide:
        return
    for kind, term, pat in guide_terms(guide):
        for m in pat.finditer(text):
            if not covered(text, m.start(), m.end(), spans):
                errors.append(f"{where}: {kind} {term!r} in new text without a brand span: {m.group(0)!r}")
    for s in sentences(text):
        low = s.lower()
        for p in guide.get("promises") or []:
            if not any(re.search(r"(?<!\w)" + re.escape(k.lower()), low) for k in p["keywords"]):
                continue
            want = DURATION.search(str(p["within"]))
            for m in DURATION.finditer(s):
                if want and norm_duration(m) != norm_duration(want):
                    pos = text.find(m.group(0))
                    if not any(sp.get("category") == "brand" and (m.group(0) in sp["text"] or sp["text"] in s)
                               for sp in spans):
                        errors.append(f"{where}: promise {p['topic']!r} ({p['within']}) vs {m.group(0)!r} in: {s[:90]!r}")
    voice = guide.get("voice") or {}
    n_exc = text.count("!")
    if n_exc > int(voice.get("max_exclamations", 99)):
        if not any(sp.get("category") == "brand" and "!" in sp["text"] for sp in spans):
            errors.append(f"{where}: {n_exc} exclamation marks over the guide's limit without a brand span")
    if voice.get("emoji") is False:
        for m in EMOJI.finditer(text):
            if not covered(text, m.start(), m.end(), spans):
                errors.append(f"{where}: emoji {m.group(0)!r} in a no-emoji voice without a brand span")
    maxw = voice.get("max_sentence_words")
    if maxw:
        for s in sentences(text):
            n = len(s.split())
            if n > maxw and not any(sp.get("category") == "brand" and sp["text"] in s
                                    and len(sp["text"]) * 2 >= len(s) for sp in spans):
                errors.append(f"{where}: sentence of {n} words (limit {maxw}): {s[:70]!r}")
    maxg = voice.get("max_grade")
    if maxg:
        g = fk_grade(text)
        if g > maxg - 0.5:
            errors.append(f"{where}: rough Flesch-Kincaid grade {g:.1f} too close to the limit {maxg}")


def date_checks(where, text, errors):
    for m in re.finditer(r"\b(20[2-9]\d)\b", text):
        if int(m.group(1)) > 2026:
            errors.append(f"{where}: mentions the year {m.group(1)}")
    for m in re.finditer(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+(\d{1,2})(?:st|nd|rd|th)?\s+"
                         r"(?:(?:and|to|-|–)\s+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\s+)?\d{1,2}\s+)?"
                         r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*", text):
        day = int(m.group(2))
        month = [x[:3] for x in MONTHS].index(m.group(3).lower()) + 1
        try:
            d = datetime.date(2026, month, day)
        except ValueError:
            errors.append(f"{where}: impossible date {m.group(0)!r}")
            continue
        if DAYS[d.weekday()][:3] != m.group(1).lower()[:3]:
            errors.append(f"{where}: {m.group(0)!r} is a {DAYS[d.weekday()].title()} in 2026")
        if d > LAST_DATE:
            errors.append(f"{where}: date after {LAST_DATE}: {m.group(0)!r}")
    for m in re.finditer(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(December)\b", text):
        if int(m.group(1)) > 6:
            errors.append(f"{where}: date after {LAST_DATE}: {m.group(0)!r}")


CUES = {
    "commitment": r"\b(soon|shortly|asap|as soon as possible|in due course|try to|hopefully|should be able|"
                  r"endeavour|at some point|when we can|in the coming|be in touch|look into|we'll see|aim to|"
                  r"will be (sent|processed|fixed|refunded|arranged)|nearer the time)\b",
    "defensive": r"\b(obviously|simply|clearly|as I (already|have already)|per my|going forward|friendly reminder|"
                 r"not our fault|nothing we can do|policy is policy|sorry,? but|if you feel|you should have|"
                 r"you always|you never|unreasonable|difficult)\b",
    "sarcasm": r"(thanks (so much|ever so|heaps) for|what a surprise|i'm sure you're|\U0001F644|congratulations on finally)",
}


def lint_cues(where, text, spans, warnings):
    cats = {sp.get("category") for sp in spans}
    for cat, pat in CUES.items():
        if cat in cats:
            continue
        for m in re.finditer(pat, text, re.IGNORECASE):
            line = text[max(0, m.start() - 50): m.end() + 40].replace("\n", " ")
            warnings.append(f"{where}: {cat} cue {m.group(0)!r} in: ...{line}...")


def check_spans(where, text, spans, errors, nodes=None, page=False):
    for sp in spans:
        cat, t = sp.get("category"), sp.get("text")
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category {cat!r}")
        if not isinstance(t, str) or not t:
            errors.append(f"{where}: empty span text")
            continue
        if "\n" in t:
            errors.append(f"{where}: span contains a line break: {t!r}")
        n = text.count(t)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {t!r}")
        if nodes is not None and not any(t in node for node in nodes):
            errors.append(f"{where}: span not inside a single {'text node / line' if page else 'HTML text node'}: {t!r}")
        if page and re.search(r"[*_`#\[\]]", t):
            errors.append(f"{where}: span contains Markdown syntax: {t!r}")
        if t != t.strip():
            errors.append(f"{where}: span has leading/trailing whitespace: {t!r}")


def main(argv):
    lint = "--lint" in argv
    errors, warnings = [], []
    guides = {}
    for g in sorted(ROOT.glob("brand-*.yml")):
        guides[g.name] = load_guide(g, errors)
    if not guides:
        errors.append("no brand-*.yml guides at the set root")
    labels = sorted(ITEMS.glob("*.json"))
    emls = sorted(ITEMS.glob("*.eml"))
    pages = sorted(list(ITEMS.glob("*.html")) + list(ITEMS.glob("*.md")))
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
            errors.append(f"{where}: id {lab['id']!r} does not match file name")
        if not all(isinstance(s, dict) and set(s) == {"category", "text"} for s in lab["spans"]):
            errors.append(f"{where}: every span needs exactly `category` and `text`")
            continue
        item = ITEMS / lab["file"]
        labelled.add(lab["file"])
        if Path(lab["file"]).stem != lab["id"]:
            errors.append(f"{where}: file {lab['file']!r} does not carry the id")
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if lab["brand"] not in guides:
            errors.append(f"{where}: brand guide {lab['brand']!r} does not exist at the set root")
        guide = guides.get(lab["brand"], {})
        if item.suffix in (".html", ".md"):
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on pages")
            text, nodes = page_text(item)
            check_spans(where, text, lab["spans"], errors, nodes=nodes, page=True)
            brand_checks(where, text, guide, lab["spans"], errors)
            date_checks(where, item.read_text(encoding="utf-8"), errors)
            if lint:
                lint_cues(where, text, lab["spans"], warnings)
            continue
        if item.suffix != ".eml":
            errors.append(f"{where}: unknown item type {item.suffix}")
            continue
        msg = email.message_from_bytes(item.read_bytes(), policy=email.policy.default)
        if msg["From"] is None or msg["Date"] is None or msg["Message-ID"] is None:
            errors.append(f"{where}: .eml lacks From/Date/Message-ID")
        else:
            d = email.utils.parsedate_to_datetime(str(msg["Date"]))
            if d.date() > LAST_DATE:
                errors.append(f"{where}: Date header after {LAST_DATE}")
        plain, html = decoded_parts(msg)
        if not plain and not html:
            errors.append(f"{where}: no text/plain or text/html part")
            continue
        if plain:
            body = plain[0].replace("\r\n", "\n")
        else:
            p = TextNodes()
            p.feed(html[0])
            body = "\n".join(n.strip() for n in p.nodes if n.strip())
        new = new_text(body)
        nodes = None
        if msg.get_content_type() == "multipart/alternative" or (plain and html):
            if not html:
                errors.append(f"{where}: multipart/alternative without an HTML part")
            else:
                p = TextNodes()
                p.feed(html[0])
                nodes = p.nodes
        check_spans(where, new, lab["spans"], errors, nodes=nodes)
        for sp in lab["spans"]:
            if isinstance(sp.get("text"), str) and body.count(sp["text"]) > new.count(sp["text"]):
                warnings.append(f"{where}: span text also occurs in quoted/context text: {sp['text']!r}")
        brand_checks(where, new, guide, lab["spans"], errors)
        date_checks(where, body + "\n" + str(msg["Subject"]), errors)
        if lint:
            lint_cues(where, new, lab["spans"], warnings)
    for f in emls + pages:
        if f.name not in labelled:
            errors.append(f"{f.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(labels)} label files, {len(emls)} emails, {len(pages)} pages, {len(guides)} guides, "
          f"{len(warnings)} warnings, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
