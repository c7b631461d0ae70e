#!/usr/bin/env python3
"""Consistency checker for the written6 development set (stdlib only; PyYAML used for --lint if installed).

For every items/*.json label file it checks that:
  * the JSON parses and has the LABELS.md fields (id, file, brand, missing_next_step, spans) with sane types,
    `id` matches the file name, `file` names an existing item beside it and `brand` (a string or null) an
    existing guide at the set root;
  * every category is one of the hand-labelled span categories (commitment, defensive, sarcasm, brand);
  * emails (.eml) parse with the stdlib `email` package and have a text/plain or text/html part; pages are
    .html or .md;
  * every span `text` occurs in the author's new text after whitespace normalisation (runs of whitespace
    collapsed to one space), exactly once. For emails the new text is the decoded body (transfer and charset
    decoding) cut at the first quote / forward / signature / disclaimer marker (see NEW_TEXT_END). For HTML
    pages it is the visible text (no <head>, <script>, <style>, no alt text), and a span must sit inside one
    text node. For Markdown pages it is the text after the front matter, and a span must not contain
    Markdown syntax;
  * in multipart/alternative emails the span also occurs inside a single text node of the HTML part;
  * `missing_next_step` is false on every page.

Warnings (never failures): a span that crosses a line break, a span text that also occurs in quoted/context text.
`--lint` adds warnings that help the author keep clean items clean: in items with no brand span, any
exclamation marks over the guide's max_exclamations, emoji where the guide forbids them, sentences longer than
max_sentence_words, and any `instead_of`, `banned`, `claims.forbidden` or `avoid` phrase found in the new text.

Exit status 0 when there are no errors. Usage:  python3 check_labels.py [--lint]
"""
import email
import email.policy
import json
import re
import sys
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent
ITEMS = ROOT / "items"
CATEGORIES = ("commitment", "defensive", "sarcasm", "brand")

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|\s*-{5,} Forwarded by |"
    r"From: .+|-- $|Sent from my |-{10}\s*$|CONFIDENTIALITY|This email and any attachments|Begin forwarded message)"
)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


class TextNodes(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "section",
             "header", "footer", "nav", "main", "article", "form", "label", "button", "dt", "dd", "figcaption"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nodes = []
        self.lines = [""]
        self._skip = 0
        self._quote = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head", "title"):
            self._skip += 1
        if tag == "blockquote":
            self._quote += 1
        if tag in self.BLOCK:
            self.lines.append("")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head", "title") and self._skip:
            self._skip -= 1
        if tag == "blockquote" and self._quote:
            self._quote -= 1
        if tag in self.BLOCK:
            self.lines.append("")

    def handle_data(self, data):
        if self._skip:
            return
        self.nodes.append(data)
        for i, piece in enumerate(data.split("\n")):
            if i:
                self.lines.append("")
            if self._quote and piece.strip():
                piece = "> " + piece
            self.lines[-1] += piece

    def text(self):
        return "\n".join(l.strip() if not l.startswith(">") else l for l in self.lines)


def new_text(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if NEW_TEXT_END.match(line):
            break
        out.append(line)
    return "\n".join(out)


def load_eml(path):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    plain, htmls = [], []
    for part in msg.walk():
        if part.is_multipart() or part.get_filename():
            continue
        ct = part.get_content_type()
        if ct == "text/plain":
            plain.append(part.get_content())
        elif ct == "text/html":
            htmls.append(part.get_content())
    return msg, plain, htmls


def strip_front_matter(md):
    if md.startswith("---\n"):
        end = md.find("\n---\n", 4)
        if end != -1:
            return md[end + 5:]
    return md


def load_guide(path):
    try:
        import yaml  # optional, lint only
    except ImportError:
        return None
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def lint_item(where, new, guide, warnings):
    if not guide:
        return
    voice = guide.get("voice", {}) or {}
    mx = voice.get("max_exclamations")
    if mx is not None and new.count("!") > mx:
        warnings.append(f"{where}: {new.count('!')} exclamation marks (max {mx}) but no brand span")
    if voice.get("emoji") is False and re.search("[\U0001F300-\U0001FAFF\u2600-\u27BF]", new):
        warnings.append(f"{where}: emoji but no brand span")
    ms = voice.get("max_sentence_words")
    if ms:
        for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", new):
            n = len(norm(s).split())
            if n > ms:
                warnings.append(f"{where}: sentence of {n} words (max {ms}): {norm(s)[:60]}...")
    phrases = []
    for t in guide.get("terminology", []) or []:
        phrases += [(p, True) for p in t.get("instead_of", [])]
    phrases += [(b["word"], False) for b in guide.get("banned", []) or []]
    phrases += [(c, False) for c in (guide.get("claims", {}) or {}).get("forbidden", [])]
    for v in guide.get("values", []) or []:
        phrases += [(a, False) for a in v.get("avoid", [])]
    low = norm(new)
    for p, case in phrases:
        pat = r"(?<![\w-])" + re.escape(p) + r"(?:s|es|ed|ing)?(?![\w-])"
        hit = re.search(pat, low) if case and p != p.lower() else re.search(pat, low, re.I)
        if hit:
            warnings.append(f"{where}: guide phrase {p!r} in new text but no brand span")


def main(argv):
    lint = "--lint" in argv
    errors, warnings = [], []
    labels = sorted(ITEMS.glob("*.json"))
    items = sorted(p for p in ITEMS.iterdir() if p.suffix in (".eml", ".html", ".md"))
    labelled = set()
    spans_by = Counter()
    items_by = defaultdict(set)
    kind_count = Counter()
    clean = Counter()
    mns = Counter()
    per_brand = Counter()
    per_brand_clean = Counter()
    guides = {}
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        bad = False
        for key, typ in (("id", str), ("file", str), ("missing_next_step", bool), ("spans", list)):
            if not isinstance(lab.get(key), typ):
                errors.append(f"{where}: field {key!r} missing or not {typ.__name__}")
                bad = True
        if "brand" not in lab or not (lab["brand"] is None or isinstance(lab["brand"], str)):
            errors.append(f"{where}: field 'brand' missing or not a string/null")
            bad = True
        if bad:
            continue
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match file name")
        path = ITEMS / lab["file"]
        labelled.add(lab["file"])
        if not path.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        guide = None
        if lab["brand"] is not None:
            gp = ROOT / lab["brand"]
            if not gp.is_file():
                errors.append(f"{where}: brand guide {lab['brand']!r} does not exist")
            elif lint:
                guide = guides.setdefault(lab["brand"], load_guide(gp))
        kind = path.suffix[1:]
        kind_count[kind] += 1
        nodes, context = None, ""
        if kind == "eml":
            msg, plain, htmls = load_eml(path)
            if msg["From"] is None or msg["Date"] is None or msg["Message-ID"] is None:
                errors.append(f"{where}: .eml lacks From/Date/Message-ID")
            if plain:
                body = plain[0].replace("\r\n", "\n")
            elif htmls:
                p = TextNodes()
                p.feed(htmls[0])
                body = p.text()
                nodes = p.nodes
            else:
                errors.append(f"{where}: no text/plain or text/html part")
                continue
            new = new_text(body)
            context = body[len(new):]
            if msg.get_content_type() == "multipart/alternative":
                if not htmls:
                    errors.append(f"{where}: multipart/alternative without an HTML part")
                else:
                    p = TextNodes()
                    p.feed(htmls[0])
                    nodes = p.nodes
        elif kind == "html":
            p = TextNodes()
            p.feed(path.read_text(encoding="utf-8"))
            new = p.text()
            nodes = p.nodes
        else:
            new = strip_front_matter(path.read_text(encoding="utf-8"))
        if kind != "eml" and lab["missing_next_step"]:
            errors.append(f"{where}: missing_next_step must be false on a page")
        nnew = norm(new)
        for sp in lab["spans"]:
            cat, text = sp.get("category"), sp.get("text")
            if cat not in CATEGORIES:
                errors.append(f"{where}: unknown category {cat!r}")
            if not isinstance(text, str) or not text.strip():
                errors.append(f"{where}: empty span text")
                continue
            t = norm(text)
            n = nnew.count(t)
            if n != 1:
                errors.append(f"{where}: span occurs {n} times in the normalised new text (want 1): {text!r}")
                continue
            if text not in new:
                warnings.append(f"{where}: span found only after whitespace normalisation: {text!r}")
            if t in norm(context):
                warnings.append(f"{where}: span text also occurs in quoted/context text: {text!r}")
            if nodes is not None and not any(t in norm(node) for node in nodes):
                errors.append(f"{where}: span not inside a single HTML text node: {text!r}")
            if kind == "md" and re.search(r"[*`#\[\]]|\]\(", text):
                errors.append(f"{where}: span contains Markdown syntax: {text!r}")
            spans_by[cat] += 1
            items_by[cat].add(lab["id"])
        b = lab["brand"] or "(none)"
        per_brand[b] += 1
        if lab["missing_next_step"]:
            mns[kind] += 1
            items_by["next-step"].add(lab["id"])
        if not lab["spans"] and not lab["missing_next_step"]:
            clean[kind] += 1
            per_brand_clean[b] += 1
        if lint and not any(s.get("category") == "brand" for s in lab["spans"]):
            lint_item(where, new, guide, warnings)
    for p in items:
        if p.name not in labelled:
            errors.append(f"{p.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    total = sum(kind_count.values())
    nclean = sum(clean.values())
    print()
    print(f"items: {total} ({', '.join(f'{k} {v}' for k, v in sorted(kind_count.items()))})")
    print(f"clean (no spans, missing_next_step false): {nclean} ({100 * nclean / max(total, 1):.0f}%)")
    for b in sorted(per_brand):
        print(f"  {b}: {per_brand[b]} items, {per_brand_clean[b]} clean")
    print("category     spans  items")
    for c in CATEGORIES:
        print(f"  {c:<11}{spans_by[c]:>6}{len(items_by[c]):>7}")
    print(f"  {'next-step':<11}{'-':>6}{len(items_by['next-step']):>7}")
    print(f"{len(labels)} label files, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
