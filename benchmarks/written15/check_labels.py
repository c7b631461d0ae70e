#!/usr/bin/env python3
"""Consistency checker for the written15 test set (stdlib only).

Modelled on written7/check_labels.py. For every items/*.json label file it checks that:
  * the JSON has the LABELS.md fields (id, file, brand, missing_next_step, spans) with the right types,
    `id` matches the file name, `file` names an existing item beside it and `brand` an existing guide at
    the set root;
  * every category is one of the hand-labelled categories (commitment, defensive, sarcasm, brand);
  * an .eml parses with the stdlib `email` package, has From/Date/Message-ID and a text part;
  * every span `text` is non-empty, contains no line break, occurs in the decoded body and occurs exactly
    once in the author's new text (the body cut at the first quote / forward / signature / disclaimer
    marker, see NEW_TEXT_END);
  * in multipart/alternative emails every span also lies inside one text node of the HTML part;
  * HTML-only emails are judged on their visible text nodes, one per line;
  * pages: spans lie in the visible text (outside <head>, <script>, <style>; after Markdown front matter),
    inside one text node or line, occur there exactly once and contain no Markdown syntax;
    `missing_next_step` is false on pages;
  * every item file has a label file.

`--lint` adds warnings (never errors) for items with no span of the category concerned, using the brand
guide named in the label: replaced terms, banned words, forbidden claims and `avoid` phrases, exclamation
marks and emoji over the voice limits, sentences over `max_sentence_words`, a rough Flesch-Kincaid grade
over `max_grade`, a promise keyword next to a differing duration, vague or hedged commitment words and
defensive formulas. The guides are read with a small reader for the YAML subset they use.

Exit status 0 when everything passes, 1 otherwise. The last line ends with "<n> errors".
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
NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|From: .+|-- $|Sent from my |"
    r"CONFIDENTIALITY|This email and any attachments)"
)


class TextNodes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nodes, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head", "title"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head", "title") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.nodes.append(data)


def html_nodes(markup):
    p = TextNodes()
    p.feed(markup)
    return p.nodes


def new_text(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if NEW_TEXT_END.match(line):
            break
        out.append(line)
    return "\n".join(out)


def text_parts(msg):
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
            raw = raw[raw.index("\n---\n", 4) + 5:]
        return raw, raw.split("\n")
    nodes = html_nodes(raw)
    return "\n\n".join(n.strip() for n in nodes if n.strip()), nodes


# ---------------------------------------------------------------- brand guide reader (YAML subset)
def _items(value):
    value = value.strip()
    if value.startswith("["):
        return [v.strip().strip("\"'") for v in value.strip("[]").split(",") if v.strip()]
    return [value.strip("\"'")] if value else []


def read_guide(path):
    g = {"use": [], "banned": [], "claims": [], "avoid": [], "promises": [], "voice": {}}
    section, pending = None, None
    for raw in path.read_text(encoding="utf-8").split("\n"):
        line = re.sub(r"\s+#.*$", "", raw) if "#" in raw and not raw.strip().startswith("#") else raw
        if not line.strip() or line.strip().startswith("#"):
            continue
        if not line.startswith(" "):
            section = line.split(":")[0]
            if section == "claims" and "forbidden" in line:
                g["claims"] += _items(line.split("forbidden:", 1)[1])
            continue
        s = line.strip()
        if section == "voice" and ":" in s:
            k, v = s.split(":", 1)
            g["voice"][k.strip()] = v.strip()
        elif section == "terminology":
            if s.startswith("- use:"):
                g["use"].append([s.split(":", 1)[1].strip(), []])
            elif s.startswith("instead_of:"):
                g["use"][-1][1] += _items(s.split(":", 1)[1])
        elif section == "banned" and s.startswith("- word:"):
            g["banned"].append(s.split(":", 1)[1].strip().strip("\"'"))
        elif section == "claims" and s.startswith("forbidden:"):
            g["claims"] += _items(s.split(":", 1)[1])
        elif section == "values":
            if s.startswith("avoid:"):
                rest = s.split(":", 1)[1].strip()
                if rest:
                    g["avoid"] += _items(rest)
                pending = "avoid"
            elif s.startswith("- name:") or s.startswith("description:"):
                pending = None
            elif s.startswith("- ") and pending == "avoid":
                g["avoid"].append(s[2:].strip().strip("\"'"))
        elif section == "promises":
            if s.startswith("- topic:"):
                g["promises"].append({"topic": s.split(":", 1)[1].strip()})
            elif s.startswith("keywords:"):
                g["promises"][-1]["keywords"] = _items(s.split(":", 1)[1])
            elif s.startswith("within:"):
                g["promises"][-1]["within"] = s.split(":", 1)[1].strip()
    return g


def phrase_re(phrase, case_sensitive):
    words = [re.escape(w) for w in re.split(r"\s+", phrase)]
    pat = r"\b" + r"\s+".join(words) + r"(?:s|es|ed|d|ing|est|er|ded|ding)?\b"
    return re.compile(pat, 0 if case_sensitive else re.I)


DURATION = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty)[- ](?:business |working |calendar )?"
                      r"(hours?|days?|weeks?|months?)\b", re.I)
NUMWORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "ten": "10",
            "fourteen": "14", "thirty": "30"}
VAGUE = re.compile(r"\b(soon|shortly|ASAP|as soon as|in due course|at some point|in the coming (?:days|weeks)|"
                   r"hopefully|try to|should be able to|aim to|do our best|if all goes well|when we can|"
                   r"will be (?:sent|processed|fixed|uploaded|done|sorted|arranged|issued|scheduled|converted|reviewed))\b", re.I)
DEFENSIVE = re.compile(r"\b(obviously|simply|as I (?:already|had)? ?(?:explained|mentioned)|per my last|friendly reminder|"
                       r"going forward, please|not our fault|as clearly|nothing we can do|policy is policy|"
                       r"if you feel|sorry, but|you always|you never)\b|!!|\?!", re.I)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")


def sentences(text):
    out = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)]) )", text):
        flat = re.sub(r"\s+", " ", block).strip()
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


def lint_text(where, new, lab, guide, warnings):
    new = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", new)          # Markdown images are not visible text
    new = "\n".join(l for l in new.split("\n") if not l.startswith("|"))  # Markdown tables: cells, not sentences
    cats = {s["category"] for s in lab["spans"]}
    v = guide["voice"]
    if "brand" not in cats:
        for use, instead in guide["use"]:
            for t in instead:
                for m in phrase_re(t, any(c.isupper() for c in use)).finditer(new):
                    warnings.append(f"{where}: '{m.group(0)}' where the guide uses '{use}'")
        for w in guide["banned"] + guide["claims"] + guide["avoid"]:
            for m in phrase_re(w, False).finditer(new):
                warnings.append(f"{where}: banned/claim/avoid phrase '{m.group(0)}'")
        if new.count("!") > int(v.get("max_exclamations", 99)):
            warnings.append(f"{where}: {new.count('!')} exclamation marks (limit {v.get('max_exclamations')})")
        if v.get("emoji") == "false" and EMOJI.search(new):
            warnings.append(f"{where}: emoji in a guide that allows none")
        for s in sentences(new):
            if len(s.split()) > int(v.get("max_sentence_words", 999)):
                warnings.append(f"{where}: sentence of {len(s.split())} words: {s[:60]}...")
            for p in guide["promises"]:
                if any(phrase_re(k, False).search(s) for k in p.get("keywords", [])):
                    for m in DURATION.finditer(s):
                        got = NUMWORDS.get(m.group(1).lower(), m.group(1)) + " " + m.group(2).rstrip("s")
                        want = p.get("within", "")
                        if got.split()[0] != want.split()[0] or m.group(2).rstrip("s") not in want:
                            warnings.append(f"{where}: '{m.group(0)}' near a '{p['topic']}' keyword (promise {want})")
        words = re.findall(r"[A-Za-z]+", new)
        sents = sentences(new)
        if words and sents:
            grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
            if grade > float(v.get("max_grade", 99)):
                warnings.append(f"{where}: rough Flesch-Kincaid grade {grade:.1f} (limit {v.get('max_grade')})")
    if "commitment" not in cats:
        for m in VAGUE.finditer(new):
            warnings.append(f"{where}: commitment watch-word '{m.group(0)}'")
    if "defensive" not in cats:
        for m in DEFENSIVE.finditer(new):
            warnings.append(f"{where}: defensive watch-word '{m.group(0)}'")
    if "defensive" not in cats:
        for m in re.finditer(r"\b[A-Z]{2,}\b", new):
            if m.group(0).lower() in {"not", "never", "must", "please", "urgent", "today", "again", "all", "now"}:
                warnings.append(f"{where}: capitals '{m.group(0)}'")


# ---------------------------------------------------------------- main
def check_spans(where, lab, new, body, nodes, errors, warnings, page=False):
    for sp in lab["spans"]:
        cat, text = sp.get("category"), sp.get("text")
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category {cat!r}")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty span text")
            continue
        if "\n" in text:
            errors.append(f"{where}: span contains a line break: {text!r}")
        if text not in body:
            errors.append(f"{where}: span not in the decoded text: {text!r}")
            continue
        n = new.count(text)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {text!r}")
        if body.count(text) > n and not page:
            warnings.append(f"{where}: span text also occurs in quoted or signature text: {text!r}")
        if nodes is not None and not any(text in node for node in nodes):
            errors.append(f"{where}: span not inside a single HTML text node / line: {text!r}")
        if page and re.search(r"[*_`#\[\]]", text):
            errors.append(f"{where}: span contains Markdown syntax: {text!r}")


def main(argv):
    lint = "--lint" in argv
    errors, warnings = [], []
    guides = {}
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    named = set()
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
        if any(not isinstance(s, dict) or set(s) != {"category", "text"} for s in lab["spans"]):
            errors.append(f"{where}: every span needs exactly 'category' and 'text'")
            continue
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match the file name")
        item = ITEMS / lab["file"]
        named.add(lab["file"])
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if Path(lab["file"]).stem != lp.stem:
            errors.append(f"{where}: file {lab['file']!r} does not match the label id")
        gpath = ROOT / lab["brand"]
        if not gpath.is_file():
            errors.append(f"{where}: brand guide {lab['brand']!r} does not exist")
            continue
        guide = guides.setdefault(lab["brand"], read_guide(gpath))
        if item.suffix in (".html", ".md"):
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on pages")
            text, nodes = page_text(item)
            check_spans(where, lab, text, text, nodes, errors, warnings, page=True)
            if lint:
                lint_text(where, text, lab, guide, warnings)
            continue
        if item.suffix != ".eml":
            errors.append(f"{where}: unknown item type {item.suffix}")
            continue
        msg = email.message_from_bytes(item.read_bytes(), policy=email.policy.default)
        for h in ("From", "Date", "Message-ID", "Subject"):
            if msg[h] is None:
                errors.append(f"{where}: .eml lacks {h}")
        plain, html = text_parts(msg)
        if not plain and not html:
            errors.append(f"{where}: no text/plain or text/html part")
            continue
        if plain:
            body = plain[0].replace("\r\n", "\n")
        else:
            body = "\n\n".join(n.strip() for n in html_nodes(html[0]) if n.strip())
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
    for f in sorted(ITEMS.iterdir()):
        if f.suffix in (".eml", ".html", ".md") and f.name not in named:
            errors.append(f"{f.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    n_eml = len(list(ITEMS.glob("*.eml")))
    n_pages = len(list(ITEMS.glob("*.html")) + list(ITEMS.glob("*.md")))
    print(f"{len(labels)} label files, {n_eml} emails, {n_pages} pages, {len(warnings)} warnings, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
