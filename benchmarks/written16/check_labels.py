#!/usr/bin/env python3
"""Consistency checker for the written16 test set (stdlib only).

Modelled on written7/check_labels.py. For every items/*.json label file it checks that:
  * the JSON has the LABELS.md fields (id, file, brand, missing_next_step, spans) with the right types,
    `id` matches the file name, `file` names an item beside it, and `brand` names a guide at the set root;
  * the brand guides themselves look valid per brand-schema.md (a small YAML-subset reader: `name` present,
    known top-level keys, voice limits of the right type, promises with topic/keywords/within);
  * every span category is a hand-labelled one (commitment, defensive, sarcasm, brand) and no span is empty;
  * emails parse with the stdlib `email` package, carry From/Date/Message-ID and a text part;
  * every span `text` occurs in the decoded body, contains no line break, and occurs exactly once in the
    author's new text (the body cut at the first quote / forward / signature / disclaimer line);
  * in multipart/alternative emails the span also sits inside one text node of the HTML part;
  * pages: spans occur exactly once in the visible text (HTML outside <head>/<script>/<style>; Markdown after
    the front matter), inside one text node or line, with no Markdown syntax; `missing_next_step` is false;
  * every item file has a label file.

`--lint` adds warnings (never errors) that help keep clean items clean: for items with no span of a category,
it looks for the brand guide's banned words, replaced terms and forbidden claims, voice-limit breaches
(exclamations, emoji, sentence length, a rough Flesch-Kincaid grade) and common trigger words.

Usage: python3 check_labels.py [--lint]. Exit status 0 when there are no errors. The last line ends in
"N errors".
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
GUIDE_KEYS = {"name", "values", "voice", "terminology", "banned", "claims", "promises"}
VOICE_TYPES = {"formality": str, "max_grade": int, "max_sentence_words": int, "max_exclamations": int, "emoji": bool}

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|From: .+|-- $|"
    r"Sent from my |Corran Ferries Teoranta, registered)"
)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")


# ---------------------------------------------------------------- brand guides (YAML subset)
def _scalar(v):
    v = v.split(" #")[0].strip()
    if v.startswith("[") and v.endswith("]"):
        return [_scalar(x) for x in re.findall(r'"[^"]*"|[^,\[\]]+', v[1:-1]) if x.strip()]
    if len(v) >= 2 and v[0] == v[-1] == '"':
        return v[1:-1]
    if v in ("true", "false"):
        return v == "true"
    if re.fullmatch(r"-?\d+", v):
        return int(v)
    return v


def read_guide(path, errors):
    """Read the subset of YAML the guides use. Returns a dict or None."""
    guide, key, item, subkey = {}, None, None, None
    for n, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        ind = len(line) - len(line.lstrip())
        body = line.strip()
        if ind == 0:
            m = re.match(r"([a-z_]+):\s*(.*)$", body)
            if not m:
                errors.append(f"{path.name}:{n}: cannot read top-level line")
                return None
            key, val = m.group(1), m.group(2)
            if key not in GUIDE_KEYS:
                errors.append(f"{path.name}:{n}: unknown field {key!r}")
            guide[key] = _scalar(val) if val.split(" #")[0].strip() else None
            item, subkey = None, None
            continue
        if key is None:
            errors.append(f"{path.name}:{n}: indented line before any field")
            return None
        if body.startswith("- ") and ind == 2:
            if guide[key] is None:
                guide[key] = []
            rest = body[2:]
            m = re.match(r"([a-z_]+):\s*(.*)$", rest)
            if m:
                item = {m.group(1): _scalar(m.group(2)) if m.group(2) else []}
                subkey = m.group(1)
            else:
                item = _scalar(rest)
            guide[key].append(item)
            continue
        if body.startswith("- ") and isinstance(item, dict) and subkey:
            item.setdefault(subkey, [])
            if not isinstance(item[subkey], list):
                item[subkey] = []
            item[subkey].append(_scalar(body[2:]))
            continue
        m = re.match(r"([a-z_]+):\s*(.*)$", body)
        if not m:
            errors.append(f"{path.name}:{n}: cannot read line")
            continue
        k, v = m.group(1), m.group(2)
        target = item if (isinstance(item, dict) and ind >= 4) else None
        if target is None:
            if guide[key] is None:
                guide[key] = {}
            if not isinstance(guide[key], dict):
                errors.append(f"{path.name}:{n}: field {key!r} mixes a list and a mapping")
                continue
            target = guide[key]
        target[k] = _scalar(v) if v.split(" #")[0].strip() else []
        subkey = k
    return guide


def check_guide(path, errors):
    g = read_guide(path, errors)
    if g is None:
        return None
    if not isinstance(g.get("name"), str) or not g["name"]:
        errors.append(f"{path.name}: field 'name' missing")
    for k, typ in VOICE_TYPES.items():
        if k in (g.get("voice") or {}) and not isinstance(g["voice"][k], typ):
            errors.append(f"{path.name}: voice.{k} should be {typ.__name__}")
    if (g.get("voice") or {}).get("formality") not in (None, "formal", "friendly", "casual"):
        errors.append(f"{path.name}: voice.formality must be formal, friendly or casual")
    for t in g.get("terminology") or []:
        if not isinstance(t, dict) or "use" not in t or not isinstance(t.get("instead_of"), list):
            errors.append(f"{path.name}: terminology entry needs use and instead_of: {t!r}")
    for b in g.get("banned") or []:
        if not isinstance(b, dict) or "word" not in b:
            errors.append(f"{path.name}: banned entry needs word: {b!r}")
    for p in g.get("promises") or []:
        if not isinstance(p, dict) or not {"topic", "keywords", "within"} <= set(p):
            errors.append(f"{path.name}: promise needs topic, keywords, within: {p!r}")
    for v in g.get("values") or []:
        if not isinstance(v, dict) or "name" not in v:
            errors.append(f"{path.name}: value needs name: {v!r}")
    return g


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


# ---------------------------------------------------------------- lint helpers
def sentences(text, lines=False):
    """Sentences, split at . ! ? and at blank lines (at every line break when `lines`, for HTML nodes)."""
    out = []
    for block in re.split(r"\n\s*\n" if not lines else r"\n", text):
        flat = re.sub(r"\s+", " ", block)
        out += [s for s in re.split(r"(?<=[.!?])\s+", flat) if s.strip()]
    return out


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


TRIGGERS = {
    "commitment": [r"\bsoon\b", r"\bshortly\b", r"\bASAP\b", r"as soon as possible", r"\btry to\b", r"\bhopefully\b",
                   r"should be able to", r"in due course", r"\beventually\b", r"at some point", r"\baim to\b",
                   r"will be (processed|sent|fixed|looked)"],
    "defensive": [r"\bsimply\b", r"\bobviously\b", r"sorry,? but", r"if you feel", r"as I (already )?explained",
                  r"per my last", r"clearly stated", r"friendly reminder", r"\bnot our fault\b", r"!!!|\?!",
                  r"nothing we can do", r"\byou never\b", r"\byou always\b"],
    "sarcasm": [r"\U0001F644", r"I'm sure you're very busy", r"what a surprise", r"[Gg]reat job", r"delighted to receive"],
}


def guide_words(g):
    """(label, pattern, case_sensitive) triples for terms, banned words and claims."""
    out = []
    for t in g.get("terminology") or []:
        use = str(t.get("use", ""))
        product = any(c.isupper() for c in use)
        for w in t.get("instead_of") or []:
            out.append((f"term {w!r} (use {use!r})", str(w), product))
    for b in g.get("banned") or []:
        out.append((f"banned {b['word']!r}", str(b["word"]), False))
    for c in ((g.get("claims") or {}).get("forbidden") or []):
        out.append((f"claim {c!r}", str(c), False))
    for v in g.get("values") or []:
        for a in v.get("avoid") or []:
            out.append((f"avoid {a!r}", str(a), False))
    return out


def lint(where, new, lab, g, warnings, lines=False):
    cats = {s["category"] for s in lab["spans"]}
    if "brand" not in cats and g:
        voice = g.get("voice") or {}
        n_exc = new.count("!")
        if n_exc > voice.get("max_exclamations", 99):
            warnings.append(f"{where}: {n_exc} exclamation marks, guide allows {voice['max_exclamations']}")
        if voice.get("emoji") is False and EMOJI.search(new):
            warnings.append(f"{where}: emoji in a no-emoji voice")
        lim = voice.get("max_sentence_words", 99)
        for s in sentences(new, lines):
            if len(s.split()) > lim:
                warnings.append(f"{where}: sentence of {len(s.split())} words (limit {lim}): {s[:60]}...")
        words, sents = re.findall(r"[A-Za-z]+", new), sentences(new, lines)
        if words and sents:
            grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
            if grade > voice.get("max_grade", 99):
                warnings.append(f"{where}: rough grade {grade:.1f} over {voice['max_grade']}")
        for label, w, cs in guide_words(g):
            pat = r"(?<![\w-])" + re.escape(w) + r"(s|es|ed|d)?(?![\w-])"
            if re.search(pat, new, 0 if cs else re.I):
                warnings.append(f"{where}: {label} appears but no brand span")
    for cat, pats in TRIGGERS.items():
        if cat in cats:
            continue
        for p in pats:
            m = re.search(p, new)
            if m:
                warnings.append(f"{where}: possible {cat} trigger {m.group(0)!r} with no {cat} span")


# ---------------------------------------------------------------- main
def main(argv):
    do_lint = "--lint" in argv
    errors, warnings = [], []
    guides = {}
    for gp in sorted(ROOT.glob("brand-*.yml")):
        guides[gp.name] = check_guide(gp, errors)
    if not guides:
        errors.append("no brand-*.yml guide at the set root")
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    labelled = set()
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
        if lab["brand"] not in guides:
            errors.append(f"{where}: brand guide {lab['brand']!r} is not at the set root")
        item = ITEMS / lab["file"]
        labelled.add(lab["file"])
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if Path(lab["file"]).stem != lab["id"]:
            errors.append(f"{where}: file {lab['file']!r} does not match id")
        for sp in lab["spans"]:
            if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
                errors.append(f"{where}: span must have exactly category and text: {sp!r}")
                continue
            if sp["category"] not in CATEGORIES:
                errors.append(f"{where}: unknown category {sp['category']!r}")
            if not isinstance(sp["text"], str) or not sp["text"].strip():
                errors.append(f"{where}: empty span text")
            elif sp["text"] != sp["text"].strip():
                errors.append(f"{where}: span has leading/trailing space: {sp['text']!r}")
        pairs = [(s.get("category"), s.get("text")) for s in lab["spans"] if isinstance(s, dict)]
        if len(pairs) != len(set(pairs)):
            errors.append(f"{where}: duplicate span")
        spans = [s for s in lab["spans"] if isinstance(s, dict) and isinstance(s.get("text"), str) and s["text"].strip()]
        g = guides.get(lab["brand"])

        if item.suffix in (".html", ".md"):
            n_pages += 1
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on pages")
            text, nodes = page_text(item)
            for sp in spans:
                t = sp["text"]
                if "\n" in t:
                    errors.append(f"{where}: span contains a line break: {t!r}")
                if text.count(t) != 1:
                    errors.append(f"{where}: span occurs {text.count(t)} times in the visible text (want 1): {t!r}")
                if not any(t in n for n in nodes):
                    errors.append(f"{where}: span not inside one text node / line: {t!r}")
                if item.suffix == ".md" and re.search(r"[*_`#\[\]]", t):
                    errors.append(f"{where}: span contains Markdown syntax: {t!r}")
            if do_lint:
                lint(where, text.replace("![", "[") if item.suffix == ".md" else text, lab, g, warnings,
                     lines=item.suffix == ".html")
            continue

        if item.suffix != ".eml":
            errors.append(f"{where}: unknown item type {item.suffix}")
            continue
        n_emails += 1
        msg, plain, html = email_texts(item)
        for h in ("From", "To", "Date", "Message-ID", "Subject"):
            if msg[h] is None:
                errors.append(f"{where}: header {h} missing")
        if not plain and not html:
            errors.append(f"{where}: no text/plain or text/html part")
            continue
        if plain:
            body = plain[0].replace("\r\n", "\n")
        else:
            body = "\n".join(n.strip() for n in html_nodes(html[0]) if n.strip())
        new = new_text(body)
        alt_nodes = None
        if any(p.get_content_type() == "multipart/alternative" for p in msg.walk()):
            if not html:
                errors.append(f"{where}: multipart/alternative without an HTML part")
            else:
                alt_nodes = html_nodes(html[0])
        for sp in spans:
            t = sp["text"]
            if "\n" in t:
                errors.append(f"{where}: span contains a line break: {t!r}")
                continue
            if t not in body:
                errors.append(f"{where}: span not in the decoded body: {t!r}")
                continue
            n = new.count(t)
            if n != 1:
                errors.append(f"{where}: span occurs {n} times in the new text (want 1): {t!r}")
            if alt_nodes is not None and not any(t in node for node in alt_nodes):
                errors.append(f"{where}: span not inside a single HTML text node: {t!r}")
        if do_lint:
            lint(where, new, lab, g, warnings, lines=not plain)

    for f in sorted(ITEMS.iterdir()):
        if f.suffix in (".eml", ".html", ".md") and f.name not in labelled:
            errors.append(f"{f.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(labels)} label files, {n_emails} emails, {n_pages} pages, {len(warnings)} warnings, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
