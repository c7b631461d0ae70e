#!/usr/bin/env python3
"""Consistency checker for the written21 set (stdlib only).

Modelled on written7/check_labels.py. For every items/*.json label file it checks that:
  * the JSON has exactly the LABELS.md fields (id, file, brand, missing_next_step, spans) with the right types,
    `id` matches the file name, `file` names an item beside it with the same stem, and `brand` names a guide at
    the set root that has the sections brand-schema.md describes (name, values with avoid, voice limits,
    terminology, banned, claims, promises with a duration in `within`);
  * every span has exactly `category` and `text`, the category is hand-labelled (commitment, defensive, sarcasm,
    brand), the text is non-empty, has no line break and no leading/trailing space;
  * emails parse with the stdlib `email` package, have From/Date/Message-ID and a text part; every span occurs
    exactly once in the author's new text (the body cut at the first quote / forward / signature marker, see
    NEW_TEXT_END); in multipart/alternative emails it also sits inside a single HTML text node;
  * pages (.html: visible text outside <script>/<style>/<head>; .md: text after the front matter) contain every
    span exactly once inside one text node / line, without Markdown syntax, and have missing_next_step false;
  * every item has a label file.

`--lint` adds warnings (never errors) that help keep clean items clean: words from the guide's terminology,
banned, claims and avoid lists, promise figures that differ from the guide, exclamation marks, emoji and
sentence lengths over the voice limits, a rough reading grade, and vague-commitment words. `--counts` prints the
counts table used in README.md.

Usage:  python3 check_labels.py [--lint] [--counts]     (exit status 1 when there are errors)
"""
import email
import email.policy
import json
import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent
ITEMS = ROOT / "items"
CATEGORIES = ("commitment", "defensive", "sarcasm", "brand")
LABEL_KEYS = {"id", "file", "brand", "missing_next_step", "spans"}

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|From: .+|-- $|Sent from my )"
)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
DURATION = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|ten|thirty)[ -](working day|business day|day|hour|week|month|year)s?\b",
    re.I,
)
NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "ten": "10",
           "thirty": "30"}
VAGUE = re.compile(
    r"\b(soon|shortly|asap|as soon as possible|in due course|at some point|try to|hopefully|aim to|"
    r"at the earliest|do our best|do my best|should be able to|someone will|will be (processed|scheduled|fixed))\b",
    re.I,
)


# ---------------------------------------------------------------- brand guides (a small reader for our YAML)

def _inline_list(value):
    value = value.strip()
    if not (value.startswith("[") and value.endswith("]")):
        return None
    return [v.strip().strip("\"'") for v in value[1:-1].split(",") if v.strip()]


def read_guide(path, errors):
    guide = {"name": None, "voice": {}, "terms": [], "banned": [], "claims": [], "avoid": [], "promises": []}
    section, term, promise, block = None, None, None, None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = re.sub(r"\s+#.*$", "", raw) if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        top = re.match(r"^(\w+):\s*(.*)$", line)
        if top:
            section, block = top.group(1), None
            if section == "name":
                guide["name"] = top.group(2).strip() or None
            continue
        item = re.match(r"^\s*-\s+(\w+):\s*(.*)$", line)
        field = re.match(r"^\s+(\w+):\s*(.*)$", line)
        bullet = re.match(r"^\s+-\s+[\"']?(.+?)[\"']?\s*$", line)
        if section == "voice" and field:
            guide["voice"][field.group(1)] = field.group(2).strip()
        elif section == "terminology" and item and item.group(1) == "use":
            term = item.group(2).strip()
        elif section == "terminology" and field and field.group(1) == "instead_of":
            alts = _inline_list(field.group(2))
            if term is None or alts is None:
                errors.append(f"{path.name}:{n}: terminology entry needs `use` and an inline `instead_of` list")
            else:
                guide["terms"].extend((term, a) for a in alts)
        elif section == "banned" and item and item.group(1) == "word":
            guide["banned"].append(item.group(2).strip())
        elif section == "claims" and field and field.group(1) == "forbidden":
            guide["claims"].extend(_inline_list(field.group(2)) or [])
        elif section == "values" and field and field.group(1) == "avoid":
            inline = _inline_list(field.group(2))
            block = "avoid" if inline is None else None
            guide["avoid"].extend(inline or [])
        elif section == "values" and block == "avoid" and bullet and not item:
            guide["avoid"].append(bullet.group(1))
        elif section == "promises" and item and item.group(1) == "topic":
            promise = {"topic": item.group(2).strip()}
            guide["promises"].append(promise)
        elif section == "promises" and field and promise is not None:
            if field.group(1) == "keywords":
                promise["keywords"] = _inline_list(field.group(2)) or []
            elif field.group(1) == "within":
                promise["within"] = field.group(2).strip()
    where = path.name
    if not guide["name"]:
        errors.append(f"{where}: `name` is required")
    for key in ("formality", "max_grade", "max_sentence_words", "max_exclamations", "emoji"):
        if key not in guide["voice"]:
            errors.append(f"{where}: voice.{key} missing")
    if guide["voice"].get("formality") not in (None, "formal", "friendly", "casual"):
        errors.append(f"{where}: voice.formality must be formal, friendly or casual")
    for key in ("terms", "banned", "claims", "avoid", "promises"):
        if not guide[key]:
            errors.append(f"{where}: no {key} entries")
    for p in guide["promises"]:
        if not p.get("keywords") or not DURATION.fullmatch(p.get("within", "")):
            errors.append(f"{where}: promise {p['topic']!r} needs keywords and a duration in `within`")
    return guide


def norm_duration(m):
    num = NUMBERS.get(m.group(1).lower(), m.group(1))
    return f"{num} {m.group(2).lower()}"


def term_regex(entry, case_sensitive):
    pat = r"(?<![\w-])" + re.escape(entry) + r"(s|es|ed|d|ing)?(?![\w-])"
    return re.compile(pat, 0 if case_sensitive else re.I)


def guide_hits(guide, text):
    """(kind, phrase) for every guide word or phrase found in text."""
    hits = []
    for use, alt in guide["terms"]:
        product = use != use.lower()
        if term_regex(alt, product).search(text):
            hits.append(("term", alt))
    for kind in ("banned", "claims", "avoid"):
        for phrase in guide[kind]:
            if term_regex(phrase, False).search(text):
                hits.append((kind, phrase))
    for sent in sentences(text):
        for p in guide["promises"]:
            if not any(term_regex(k, False).search(sent) for k in p["keywords"]):
                continue
            want = norm_duration(DURATION.fullmatch(p["within"]))
            for m in DURATION.finditer(sent):
                if norm_duration(m) != want:
                    hits.append(("promise", f"{p['topic']}: {m.group(0)!r} vs {p['within']!r}"))
    return hits


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


def html_nodes(markup):
    p = TextNodes()
    p.feed(markup)
    p.close()
    return p.nodes


def new_text(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if NEW_TEXT_END.match(line):
            break
        out.append(line)
    return "\n".join(out)


def sentences(text):
    units = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
        if lines and max(len(ln) for ln in lines) < 60:
            units.extend(lines)
        elif lines:
            units.append(" ".join(lines))
    out = []
    for u in units:
        out.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'(£$])", u) if s.strip())
    return out


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


def grade(text):
    words = re.findall(r"[A-Za-z]+", text)
    sents = sentences(text)
    if not words or not sents:
        return 0.0
    return 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if raw.startswith("---\n"):
            raw = raw[raw.index("\n---\n", 4) + 5:]
        return raw, raw.split("\n")
    nodes = html_nodes(raw)
    return "\n".join(nodes), nodes


def email_text(path, where, errors):
    """(whole decoded body, new text, HTML text nodes or None) of an email."""
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    for h in ("From", "To", "Date", "Message-ID", "Subject"):
        if msg[h] is None:
            errors.append(f"{where}: .eml lacks {h}")
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
        return "", "", None
    if plain:
        body = plain[0].replace("\r\n", "\n")
    else:
        body = "\n".join(n.strip() for n in html_nodes(html[0]))
    nodes = None
    if msg.get_content_type() == "multipart/alternative":
        if not html:
            errors.append(f"{where}: multipart/alternative without an HTML part")
        else:
            nodes = html_nodes(html[0])
    return body, new_text(body), nodes


# ---------------------------------------------------------------- checks

def check_label(lp, guides, errors, warnings, lint, stats):
    where = lp.name
    try:
        lab = json.loads(lp.read_text(encoding="utf-8"))
    except ValueError as exc:
        errors.append(f"{where}: invalid JSON: {exc}")
        return None
    if not isinstance(lab, dict) or set(lab) != LABEL_KEYS:
        errors.append(f"{where}: keys must be exactly {sorted(LABEL_KEYS)}")
        return None
    for key, typ in (("id", str), ("file", str), ("brand", str), ("missing_next_step", bool), ("spans", list)):
        if not isinstance(lab[key], typ):
            errors.append(f"{where}: field {key!r} is not {typ.__name__}")
            return None
    if lab["id"] != lp.stem:
        errors.append(f"{where}: id {lab['id']!r} does not match the file name")
    item = ITEMS / lab["file"]
    if Path(lab["file"]).stem != lp.stem or not item.is_file():
        errors.append(f"{where}: file {lab['file']!r} missing or not named after the label")
        return None
    if lab["brand"] not in guides:
        errors.append(f"{where}: brand guide {lab['brand']!r} does not exist at the set root")
        return None
    is_page = item.suffix in (".html", ".md")
    if is_page:
        if lab["missing_next_step"]:
            errors.append(f"{where}: missing_next_step must be false on pages")
        body, nodes = page_text(item)
        new = body
    elif item.suffix == ".eml":
        body, new, nodes = email_text(item, where, errors)
    else:
        errors.append(f"{where}: unknown item type {item.suffix!r}")
        return None
    for sp in lab["spans"]:
        if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
            errors.append(f"{where}: a span must have exactly `category` and `text`: {sp!r}")
            continue
        cat, text = sp["category"], sp["text"]
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown or unlabelled category {cat!r}")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty span text")
            continue
        if "\n" in text or "\r" in text:
            errors.append(f"{where}: span contains a line break: {text!r}")
        if text != text.strip():
            errors.append(f"{where}: span has leading or trailing whitespace: {text!r}")
        n = new.count(text)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {text!r}")
        elif body.count(text) > 1:
            warnings.append(f"{where}: span text also occurs in quoted or context text: {text!r}")
        if nodes is not None and not any(text in node for node in nodes):
            errors.append(f"{where}: span not inside a single text node: {text!r}")
        if is_page and re.search(r"[*_`#\[\]]", text):
            errors.append(f"{where}: span contains Markdown syntax: {text!r}")
    if lint:
        lint_item(where, new, lab, guides[lab["brand"]], warnings)
    stats.append((lab, "page" if is_page else "email"))
    return lab


def lint_item(where, new, lab, guide, warnings):
    brand_spans = [s["text"] for s in lab["spans"] if s.get("category") == "brand"]
    for kind, phrase in guide_hits(guide, new):
        covered = any(phrase.lower() in s.lower() for s in brand_spans) or (kind == "promise" and brand_spans)
        if not covered:
            warnings.append(f"{where}: guide {kind} hit not labelled: {phrase}")
    v = guide["voice"]
    if not brand_spans:
        n_exc = new.count("!")
        if n_exc > int(v.get("max_exclamations", 99)):
            warnings.append(f"{where}: {n_exc} exclamation marks (guide allows {v['max_exclamations']})")
        if v.get("emoji") == "false" and EMOJI.search(new):
            warnings.append(f"{where}: emoji in a guide that forbids them")
        limit = int(v.get("max_sentence_words", 99))
        for s in sentences(new):
            if len(s.split()) > limit:
                warnings.append(f"{where}: sentence of {len(s.split())} words (limit {limit}): {s[:50]}...")
        g = grade(new)
        if g > float(v.get("max_grade", 99)):
            warnings.append(f"{where}: rough reading grade {g:.1f} (limit {v['max_grade']})")
    if not any(s.get("category") == "commitment" for s in lab["spans"]):
        for m in VAGUE.finditer(new):
            warnings.append(f"{where}: vague-commitment word with no commitment span: {m.group(0)!r}")


def print_counts(stats):
    span_count, items_with = Counter(), Counter()
    by_brand = Counter()
    clean = Counter()
    for lab, kind in stats:
        cats = Counter(s["category"] for s in lab["spans"])
        span_count.update({(c, kind): n for c, n in cats.items()})
        items_with.update(cats.keys())
        if lab["missing_next_step"]:
            items_with["next-step"] += 1
        by_brand[(lab["brand"], kind)] += 1
        if not lab["spans"] and not lab["missing_next_step"]:
            clean[kind] += 1
            clean[lab["brand"]] += 1
    print("| category | spans in emails | spans in pages | items with at least one |")
    print("|---|---:|---:|---:|")
    for c in CATEGORIES:
        print(f"| `{c}` | {span_count[(c, 'email')]} | {span_count[(c, 'page')]} | {items_with[c]} |")
    print(f"| `next-step` | - | - | {items_with['next-step']} |")
    total = len(stats)
    n_clean = clean["email"] + clean["page"]
    print(f"items {total}, clean {n_clean} ({100 * n_clean / max(total, 1):.0f}%): "
          f"emails {clean['email']}, pages {clean['page']}")
    for (brand, kind), n in sorted(by_brand.items()):
        print(f"  {brand} {kind}s: {n}")
    for brand in sorted({b for b, _ in by_brand}):
        print(f"  {brand} clean: {clean[brand]}")


def main(argv):
    lint, counts = "--lint" in argv, "--counts" in argv
    errors, warnings, stats = [], [], []
    guides = {p.name: read_guide(p, errors) for p in sorted(ROOT.glob("brand-*.yml"))}
    if not guides:
        errors.append("no brand-*.yml guide at the set root")
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    seen = set()
    for lp in labels:
        lab = check_label(lp, guides, errors, warnings, lint, stats)
        if lab:
            seen.add(lab["file"])
    for path in sorted(ITEMS.iterdir()):
        if path.suffix in (".eml", ".html", ".md") and path.name not in seen:
            errors.append(f"{path.name}: no label file names it")
        elif path.suffix not in (".eml", ".html", ".md", ".json"):
            errors.append(f"{path.name}: unexpected file in items/")
    if counts:
        print_counts(stats)
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    n_pages = sum(1 for _, kind in stats if kind == "page")
    print(f"{len(labels)} label files, {len(stats) - n_pages} emails, {n_pages} pages, "
          f"{len(warnings)} warnings, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
