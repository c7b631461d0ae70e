#!/usr/bin/env python3
"""Consistency checker for the written14 test set (stdlib only).

Modelled on written7/check_labels.py. For every items/*.json label file it checks that:
  * the JSON has exactly the LABELS.md fields (id, file, brand, missing_next_step, spans) with the right types,
    `id` matches the file name, `file` names an existing item beside it and `brand` an existing guide at the set root;
  * every span has exactly the keys category and text, the category is a hand-labelled one, and the text is a
    non-empty string without a line break and without leading/trailing whitespace;
  * emails parse with the stdlib `email` package, carry From/To/Date/Message-ID/Subject, and have a text part;
  * every span occurs exactly once in the author's new text (the body cut at the first quote, forward, signature
    or disclaimer marker, see NEW_TEXT_END) and, in multipart/alternative mail, inside one HTML text node;
  * pages: spans occur exactly once in the visible text, inside one text node or line, never in front matter,
    <script>, <style> or <head>, and contain no Markdown syntax; missing_next_step is false on pages;
  * every item has a label file and the brand guides have a `name` and only known top-level fields.

`--lint` adds warnings (never errors) that help keep clean items clean: voice limits from the brand guide
(exclamations, emoji, sentence length, rough reading grade) and guide words (replaced terms, banned words,
forbidden claims, `avoid` phrases) found in new text where no brand span is labelled.

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
GUIDE_KEYS = {"name", "values", "voice", "terminology", "banned", "claims", "promises"}

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|From: .+|-- $|"
    r"Sent from my |This email and any attachments)"
)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")


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


def html_nodes(raw):
    p = TextNodes()
    p.feed(raw)
    return p.nodes


def new_text(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if NEW_TEXT_END.match(line):
            break
        out.append(line)
    return "\n".join(out)


def load_guide(path, errors):
    """Tiny reader for the guide shapes used here: returns the fields the lint needs."""
    g = {"voice": {}, "bad": [], "promises": []}
    top, cur_use, cur_prom = None, None, None
    text = path.read_text(encoding="utf-8")
    if not re.search(r"^name:\s*\S", text, re.M):
        errors.append(f"{path.name}: guide has no name")
    for line in text.split("\n"):
        code = re.sub(r"\s+#.*$", "", line)
        if not code.strip() or code.lstrip().startswith("#"):
            continue
        m = re.match(r"^([a-z_]+):", code)
        if m:
            top = m.group(1)
            if top not in GUIDE_KEYS:
                errors.append(f"{path.name}: unknown top-level field {top!r}")
            continue
        strings = re.findall(r'"([^"]+)"', code) or []
        if top == "voice":
            m = re.match(r"\s+(\w+):\s*(\S+)", code)
            if m:
                g["voice"][m.group(1)] = m.group(2)
        elif top == "terminology":
            m = re.match(r"\s*- use:\s*(.+)", code)
            if m:
                cur_use = m.group(1).strip()
            m = re.match(r"\s+instead_of:\s*\[(.*)\]", code)
            if m:
                for w in m.group(1).split(","):
                    g["bad"].append((w.strip(), any(c.isupper() for c in cur_use or "")))
        elif top == "banned":
            m = re.match(r"\s*- word:\s*(.+)", code)
            if m:
                g["bad"].append((m.group(1).strip(), False))
        elif top in ("claims", "values"):
            for s in strings:
                if top == "claims" or "avoid" in code or code.strip().startswith("- \""):
                    g["bad"].append((s, False))
        elif top == "promises":
            m = re.match(r"\s+keywords:\s*\[(.*)\]", code)
            if m:
                cur_prom = {"keywords": [k.strip() for k in m.group(1).split(",")]}
                g["promises"].append(cur_prom)
            m = re.match(r"\s+within:\s*(.+)", code)
            if m and cur_prom is not None:
                cur_prom["within"] = m.group(1).strip()
    return g


def sentences(text):
    """Sentences; a line that is a list item, table row, heading or label line counts as its own unit."""
    units, para = [], []
    for line in text.split("\n") + [""]:
        if not line.strip() or re.match(r"^\s*([-*|#]|\d+\.\s)", line) or re.search(r"[:,]\s*$", line):
            if para:
                units.append(" ".join(para))
                para = []
            if line.strip():
                units.append(line.strip())
        else:
            para.append(line.strip())
    return [s for u in units for s in re.split(r"(?<=[.!?])\s+", u) if s.strip()]


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


DURATION = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty)[- ](working |business )?"
                      r"(hours?|days?|weeks?|months?)\b", re.I)


def lint_text(where, new, guide, lab, warnings):
    has_brand = any(s["category"] == "brand" for s in lab["spans"])
    v = guide["voice"]
    if not has_brand:
        n_exc = len(re.findall(r"!(?!\[)", new))
        if n_exc > int(v.get("max_exclamations", 99)):
            warnings.append(f"{where}: {n_exc} exclamation marks (limit {v.get('max_exclamations')})")
        if v.get("emoji") == "false" and EMOJI.search(new):
            warnings.append(f"{where}: emoji in a guide that forbids them")
        limit = int(v.get("max_sentence_words", 99))
        for s in sentences(new):
            if len(s.split()) > limit:
                warnings.append(f"{where}: sentence of {len(s.split())} words (limit {limit}): {s[:60]}...")
        low = new.lower()
        for w, case in guide["bad"]:
            hit = (w in new) if case else re.search(r"\b" + re.escape(w.lower()), low)
            if hit:
                warnings.append(f"{where}: guide word/phrase {w!r} in new text")
        for s in sentences(new):
            for p in guide["promises"]:
                if any(re.search(r"\b" + re.escape(k.lower()), s.lower()) for k in p["keywords"]):
                    for d in DURATION.finditer(s):
                        def norm(x):
                            return re.sub(r"s\b", "", x.lower().replace("-", " "))
                        if norm(d.group(0)) != norm(p.get("within", "")):
                            warnings.append(f"{where}: promise {p['keywords'][0]!r} with duration {d.group(0)!r}: {s[:70]}")
    words = re.findall(r"[A-Za-z]+", new)
    sents = sentences(new)
    if words and sents and not has_brand:
        grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
        if grade > float(v.get("max_grade", 99)):
            warnings.append(f"{where}: rough Flesch-Kincaid grade {grade:.1f} (limit {v.get('max_grade')})")


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if not raw.startswith("---\n") or "\n---\n" not in raw[4:]:
            return None, None
        body = raw[raw.index("\n---\n", 4) + 5:]
        return body, body.split("\n")
    nodes = html_nodes(raw)
    return "\n".join(nodes), nodes


def check_spans(where, lab, errors):
    ok = []
    for sp in lab["spans"]:
        if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
            errors.append(f"{where}: span must have exactly category and text: {sp!r}")
            continue
        if sp["category"] not in CATEGORIES:
            errors.append(f"{where}: unknown category {sp['category']!r}")
        t = sp["text"]
        if not isinstance(t, str) or not t.strip():
            errors.append(f"{where}: empty span text")
            continue
        if "\n" in t or "\r" in t:
            errors.append(f"{where}: span contains a line break: {t!r}")
        if t != t.strip():
            errors.append(f"{where}: span has leading/trailing whitespace: {t!r}")
        ok.append(sp)
    pairs = [(s["category"], s["text"]) for s in ok]
    if len(pairs) != len(set(pairs)):
        errors.append(f"{where}: duplicate span")
    return ok


def main(argv):
    lint = "--lint" in argv
    errors, warnings = [], []
    guides = {}
    for gp in sorted(ROOT.glob("brand-*.yml")):
        guides[gp.name] = load_guide(gp, errors)
    if not guides:
        errors.append("no brand-*.yml guides at the set root")
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    named = set()
    n_mail = n_page = 0
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
        if Path(lab["file"]).stem != lab["id"]:
            errors.append(f"{where}: file {lab['file']!r} does not match id")
        if lab["brand"] not in guides:
            errors.append(f"{where}: brand guide {lab['brand']!r} is not a guide at the set root")
            continue
        guide = guides[lab["brand"]]
        path = ITEMS / lab["file"]
        named.add(lab["file"])
        if not path.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        spans = check_spans(where, lab, errors)
        if path.suffix in (".html", ".md"):
            n_page += 1
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on pages")
            text, nodes = page_text(path)
            if text is None:
                errors.append(f"{where}: Markdown page without YAML front matter")
                continue
            for sp in spans:
                t = sp["text"]
                if text.count(t) != 1:
                    errors.append(f"{where}: span occurs {text.count(t)} times in the visible text (want 1): {t!r}")
                if not any(t in n for n in nodes):
                    errors.append(f"{where}: span not inside one text node / line: {t!r}")
                if path.suffix == ".md" and re.search(r"[*_`#\[\]]", t):
                    errors.append(f"{where}: span contains Markdown syntax: {t!r}")
            if lint:
                lint_text(where, text, guide, lab, warnings)
            continue
        if path.suffix != ".eml":
            errors.append(f"{where}: item must be .eml, .html or .md")
            continue
        n_mail += 1
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        for h in ("From", "To", "Date", "Message-ID", "Subject"):
            if msg[h] is None:
                errors.append(f"{where}: .eml lacks {h}")
        if str(msg["Subject"] or "").lower().startswith("re:") and msg["In-Reply-To"] is None:
            errors.append(f"{where}: reply without In-Reply-To")
        plain, htmls = [], []
        for part in msg.walk():
            if part.is_multipart() or part.get_content_disposition() == "attachment":
                continue
            if part.get_content_type() == "text/plain":
                plain.append(part.get_content())
            elif part.get_content_type() == "text/html":
                htmls.append(part.get_content())
        if not plain and not htmls:
            errors.append(f"{where}: no text/plain or text/html part")
            continue
        if plain:
            body = plain[0].replace("\r\n", "\n")
        else:
            body = "\n".join(n.strip() for n in html_nodes(htmls[0]) if n.strip())
        new = new_text(body)
        nodes = html_nodes(htmls[0]) if (plain and htmls) else []
        if plain and htmls:
            flat = " ".join(re.sub(r"\s+", " ", n) for n in nodes)
        for sp in spans:
            t = sp["text"]
            n = new.count(t)
            if n != 1:
                errors.append(f"{where}: span occurs {n} times in the new text (want 1): {t!r}")
            elif body.count(t) > 1:
                warnings.append(f"{where}: span text also occurs in quoted/context text: {t!r}")
            if nodes and not any(t in nd for nd in nodes):
                errors.append(f"{where}: span not inside a single HTML text node: {t!r}")
        if lab["missing_next_step"] is True and not new.strip():
            errors.append(f"{where}: empty new text")
        if lint:
            if not plain:  # HTML-only: each text node is its own block for the voice lint
                new = "\n\n".join(n.strip() for n in html_nodes(htmls[0]) if n.strip())
            lint_text(where, new, guide, lab, warnings)
    for f in sorted(ITEMS.iterdir()):
        if f.suffix in (".eml", ".html", ".md") and f.name not in named:
            errors.append(f"{f.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(labels)} label files, {n_mail} emails, {n_page} pages, {len(warnings)} warnings, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
