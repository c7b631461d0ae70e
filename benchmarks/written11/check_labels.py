#!/usr/bin/env python3
"""Consistency checker for the written11 development set (stdlib only).

Modelled on written7/check_labels.py. For every items/*.json label file it checks that:
  * the JSON has exactly the LABELS.md fields (id, file, brand, missing_next_step, spans) with sane types,
    `id` matches the file name, `file` names an existing item beside it and `brand` an existing guide at
    the set root (and that guide parses and has a `name`);
  * every span has a known hand-labelled category and a non-empty `text` without a line break;
  * emails parse with the stdlib `email` package, carry From/Date/Message-ID and a text part;
  * every span text occurs exactly once in the author's new text (body cut at the first quote / forward /
    signature / disclaimer marker) and, in multipart/alternative items, inside one HTML text node;
  * pages (.html visible text outside <script>/<style>/<head>; .md text after the front matter) contain every
    span exactly once, inside one text node / line, without Markdown syntax; pages never set missing_next_step;
  * every item file has a label file.

`--lint` adds warnings (never errors) that help keep clean items clean: it applies the item's brand guide
(terminology, banned words, claims, avoid phrases, exclamations, emoji, sentence length, promise figures) and a
list of commitment / defensive trigger words to the new text, and reports hits that no span covers.

The last line of output ends with "<n> errors". Exit status 0 when there are no errors.
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
FIELDS = {"id": str, "file": str, "brand": str, "missing_next_step": bool, "spans": list}

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|From: .+|-- $|"
    r"Sent from my |CONFIDENTIALITY)"
)


# ---------------------------------------------------------------- tiny YAML subset reader (for the guides)
def parse_yaml(text):
    """Reads the subset used by the brand guides: mappings, block lists, flow lists [a, b], scalars."""
    lines = []
    for raw in text.split("\n"):
        stripped = re.sub(r"\s+#.*$", "", raw) if not raw.lstrip().startswith("#") else ""
        if stripped.strip():
            lines.append((len(stripped) - len(stripped.lstrip()), stripped.strip()))

    def scalar(v):
        v = v.strip()
        if v.startswith("[") and v.endswith("]"):
            return [scalar(x) for x in re.findall(r'"[^"]*"|[^,\[\]]+', v[1:-1]) if x.strip()]
        if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
            return v[1:-1]
        if re.fullmatch(r"-?\d+", v):
            return int(v)
        if v in ("true", "false"):
            return v == "true"
        return v

    def block(i, ind):
        if i < len(lines) and lines[i][1].startswith("- "):
            out = []
            while i < len(lines) and lines[i][0] == ind and lines[i][1].startswith("- "):
                body = lines[i][1][2:]
                m = re.match(r"([A-Za-z_]+):\s*(.*)$", body)
                if m:  # list of mappings
                    sub = {}
                    key, val = m.group(1), m.group(2)
                    i += 1
                    if val:
                        sub[key] = scalar(val)
                    else:
                        sub[key], i = block(i, lines[i][0])
                    inner = ind + 2
                    while i < len(lines) and lines[i][0] == inner and not lines[i][1].startswith("- "):
                        k, v = lines[i][1].split(":", 1)
                        i += 1
                        if v.strip():
                            sub[k] = scalar(v)
                        else:
                            sub[k], i = block(i, lines[i][0])
                    out.append(sub)
                else:
                    out.append(scalar(body))
                    i += 1
            return out, i
        out = {}
        while i < len(lines) and lines[i][0] == ind:
            if ":" not in lines[i][1]:
                raise ValueError(f"cannot parse line: {lines[i][1]!r}")
            k, v = lines[i][1].split(":", 1)
            i += 1
            if v.strip():
                out[k.strip()] = scalar(v)
            elif i < len(lines) and lines[i][0] >= ind:
                out[k.strip()], i = block(i, lines[i][0])
            else:
                out[k.strip()] = None
        return out, i

    data, i = block(0, 0)
    if i != len(lines):
        raise ValueError(f"unparsed content near {lines[i][1]!r}")
    return data


# ---------------------------------------------------------------- text extraction
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
        if NEW_TEXT_END.match(line):
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
    return "\n".join(nodes), nodes


# ---------------------------------------------------------------- lint
COMMIT_TRIGGERS = r"\b(soon|shortly|asap|as soon as possible|in due course|at some point|later on|hopefully|try to|try and|should be able to|aim to|do (?:my|our) best|probably|we'll see|endeavou?r|in the coming)\b"
DEFENSIVE_TRIGGERS = r"(\bobviously\b|\bsimply\b|\bclearly\b|\bas I (?:said|explained|mentioned)\b|\bper my\b|\bfriendly reminder\b|\bgoing forward\b|\byou always\b|\byou never\b|\bunreasonable\b|\bdifficult\b|\bnothing (?:we|more|further)\b|\bsorry, but\b|\bif you feel\b|!!|\?!)"
NUM = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty)"
DURATION = re.compile(NUM + r"[ -](?:working |business )?(hour|day|week|month)s?\b", re.I)


def sentences(text, page=False):
    """Sentences of a text. Blank lines, and for pages every line / text node, end a sentence; so does a short
    line (list item, header field) in an email, while hard-wrapped lines of about 72 columns are joined."""
    chunks, cur = [], []
    for line in text.split("\n"):
        if not line.strip():
            chunks.append(" ".join(cur))
            cur = []
            continue
        cur.append(line.strip())
        if page or len(line) < 50:
            chunks.append(" ".join(cur))
            cur = []
    chunks.append(" ".join(cur))
    out = []
    for c in chunks:
        c = re.sub(r"^[-#|*\d.\s]+", "", c)
        out += [s for s in re.split(r"(?<=[.!?])\s+", c) if s.strip()]
    return out


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


def term_re(term):
    if any(c.isupper() for c in term):
        return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])")
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?:s|es|ed|ing)?(?![\w-])", re.I)


def norm_duration(s):
    m = DURATION.search(s)
    if not m:
        return None
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "twelve": 12, "fourteen": 14, "thirty": 30}
    n = m.group(1).lower()
    return (int(n) if n.isdigit() else words[n], m.group(2).lower())


def lint_text(where, text, lab, guide, warnings, page=False):
    spans = [s["text"] for s in lab["spans"]]
    flat = re.sub(r"\s+", " ", text)

    def covered(hit):
        return any(hit in s or s in hit for s in spans)

    def warn(kind, hit):
        if not covered(hit):
            warnings.append(f"{where}: {kind}: {hit!r}")

    for t in guide.get("terminology") or []:
        for bad in t.get("instead_of") or []:
            for m in term_re(bad).finditer(flat):
                warn(f"term (use {t['use']!r})", m.group(0))
    for b in guide.get("banned") or []:
        for m in term_re(b["word"]).finditer(flat):
            warn("banned word", m.group(0))
    for c in (guide.get("claims") or {}).get("forbidden") or []:
        for m in re.finditer(re.escape(c), flat, re.I):
            warn("forbidden claim", m.group(0))
    for v in guide.get("values") or []:
        for a in v.get("avoid") or []:
            for m in re.finditer(re.escape(a), flat, re.I):
                warn(f"avoid phrase ({v['name']})", m.group(0))
    voice = guide.get("voice") or {}
    has_brand = any(s["category"] == "brand" for s in lab["spans"])
    n_exc = len(re.findall(r"!(?!\[)", flat))
    if "max_exclamations" in voice and n_exc > voice["max_exclamations"] and not has_brand:
        warnings.append(f"{where}: {n_exc} exclamation marks (guide allows {voice['max_exclamations']})")
    sents = sentences(text, page)
    words = [w for s in sents for w in re.findall(r"[A-Za-z]+", s)]
    if "max_grade" in voice and words and sents:
        grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
        if grade > voice["max_grade"] and not has_brand:
            warnings.append(f"{where}: rough Flesch-Kincaid grade {grade:.1f} (guide allows {voice['max_grade']})")
    if voice.get("emoji") is False and re.search("[\U0001F300-\U0001FAFF\u2600-\u27BF]", flat) and not has_brand:
        warnings.append(f"{where}: emoji in a guide that forbids them")
    for s in sents:
        n = len(s.split())
        if "max_sentence_words" in voice and n > voice["max_sentence_words"]:
            warn(f"sentence of {n} words", s)
        for pr in guide.get("promises") or []:
            if any(re.search(r"\b" + re.escape(k), s, re.I) for k in pr.get("keywords") or []):
                d = norm_duration(s)
                if d and d != norm_duration(pr["within"]):
                    warn(f"promise figure ({pr['topic']}: {pr['within']})", s)
    if not lab["spans"]:
        for rx, kind in ((COMMIT_TRIGGERS, "commitment trigger"), (DEFENSIVE_TRIGGERS, "defensive trigger")):
            for m in re.finditer(rx, flat, re.I):
                warn(f"{kind} in a clean item", m.group(0))


# ---------------------------------------------------------------- main
def check_spans(where, lab, text, nodes, errors, warnings, page):
    for sp in lab["spans"]:
        if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
            errors.append(f"{where}: span must have exactly category and text: {sp!r}")
            continue
        cat, t = sp["category"], sp["text"]
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category {cat!r}")
        if not isinstance(t, str) or not t.strip():
            errors.append(f"{where}: empty span text")
            continue
        if "\n" in t or "\r" in t:
            errors.append(f"{where}: span contains a line break: {t!r}")
        if t != t.strip():
            errors.append(f"{where}: span has leading/trailing whitespace: {t!r}")
        n = text.count(t)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new/visible text (want 1): {t!r}")
        if nodes is not None and not any(t in node for node in nodes):
            errors.append(f"{where}: span not inside a single text node / line: {t!r}")
        if page and lab["file"].endswith(".md") and re.search(r"[*_`#\[\]]", t):
            errors.append(f"{where}: span contains Markdown syntax: {t!r}")
    seen = [(s.get("category"), s.get("text")) for s in lab["spans"] if isinstance(s, dict)]
    if len(seen) != len(set(seen)):
        errors.append(f"{where}: duplicate span")


def main(argv):
    lint = "--lint" in argv
    errors, warnings = [], []
    guides = {}
    for g in sorted(ROOT.glob("brand-*.yml")):
        try:
            guides[g.name] = parse_yaml(g.read_text(encoding="utf-8"))
            if not isinstance(guides[g.name], dict) or not guides[g.name].get("name"):
                errors.append(f"{g.name}: guide has no name")
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{g.name}: cannot parse: {exc}")
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    labelled = set()
    counts = {"emails": 0, "pages": 0}
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        bad = [k for k, typ in FIELDS.items() if not isinstance(lab.get(k), typ)]
        if bad or set(lab) != set(FIELDS):
            errors.append(f"{where}: fields must be exactly {sorted(FIELDS)} with the right types (problem: {bad or sorted(set(lab) ^ set(FIELDS))})")
            continue
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match file name")
        if Path(lab["file"]).stem != lp.stem:
            errors.append(f"{where}: file {lab['file']!r} does not match the label's id")
        if lab["brand"] not in guides:
            errors.append(f"{where}: brand guide {lab['brand']!r} does not exist at the set root")
        item = ITEMS / lab["file"]
        labelled.add(lab["file"])
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if item.suffix in (".html", ".md"):
            counts["pages"] += 1
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on pages")
            text, nodes = page_text(item)
            check_spans(where, lab, text, nodes, errors, warnings, True)
            if lint and lab["brand"] in guides:
                lint_text(where, text, lab, guides[lab["brand"]], warnings, page=True)
            continue
        if item.suffix != ".eml":
            errors.append(f"{where}: unknown item type {item.suffix}")
            continue
        counts["emails"] += 1
        try:
            msg, plain, html = email_texts(item)
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{where}: cannot parse email: {exc}")
            continue
        for h in ("From", "To", "Date", "Message-ID", "Subject"):
            if msg[h] is None:
                errors.append(f"{where}: missing {h} header")
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
        check_spans(where, lab, new, None, errors, warnings, False)
        if nodes is not None:
            for sp in lab["spans"]:
                if isinstance(sp, dict) and isinstance(sp.get("text"), str) and not any(sp["text"] in n for n in nodes):
                    errors.append(f"{where}: span not inside a single HTML text node: {sp['text']!r}")
        for sp in lab["spans"]:
            if isinstance(sp, dict) and isinstance(sp.get("text"), str) and body.count(sp["text"]) > new.count(sp["text"]):
                warnings.append(f"{where}: span text also occurs in quoted/context text: {sp['text']!r}")
        if lint and lab["brand"] in guides:
            lint_text(where, new, lab, guides[lab["brand"]], warnings)
    for f in sorted(ITEMS.iterdir()):
        if f.suffix in (".eml", ".html", ".md") and f.name not in labelled:
            errors.append(f"{f.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(labels)} label files, {counts['emails']} emails, {counts['pages']} pages, "
          f"{len(warnings)} warnings, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
