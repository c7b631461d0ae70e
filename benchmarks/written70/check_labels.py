#!/usr/bin/env python3
"""Consistency checker for the written70 test set (stdlib only; adapted from heldout36's checker).

For every items/*.json label file it checks that:
  * the JSON has the LABELS.md fields (id, file, brand, missing_next_step, spans) with sane types, `id` matches
    the file name, `file` names an existing item beside it and `brand` an existing guide at the set root;
  * every category is one of the hand-labelled categories (commitment, defensive, sarcasm, brand);
  * the .eml parses with the stdlib `email` package, has From/Date/Message-ID and a text/plain or text/html part;
  * every span `text` is written on one line with single spaces, occurs in the decoded body, and occurs exactly
    once in the author's new text (the body cut at the first quote / forward / signature / legal-footer marker,
    see NEW_TEXT_END). Matching normalises whitespace: hard-wrapped plain text may break a labelled phrase across
    lines, and the span then has a single space where the line break is (see norm());
  * in multipart/alternative items the span also occurs inside a single text node of the HTML part;
  * the weekday in the Date header agrees with the date;
  * pages (.html / .md): spans occur exactly once in the visible text, inside one text node or line, without
    Markdown syntax, and `missing_next_step` is false;
  * every brand guide has a `name` line, and every item has a label file.

`--lint` adds warnings (never failures) that help keep clean items clean, using the brand guide named by each
label: terms the guide replaces, banned words, forbidden claims and `avoid` phrases in the new text without a
`brand` span; exclamation marks over `max_exclamations`; sentences over `max_sentence_words`; a rough
Flesch-Kincaid grade over `max_grade`; a promise keyword next to a duration that differs from `within`; and
hedges, vague times, agentless futures and defensive markers in items with no span of that category.
It also lists the spans that wrap across a line break in the plain-text body (information only).

Exit status 0 when everything passes, 1 otherwise. Usage:  python3 check_labels.py [--lint]
"""
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

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|From: .+|-- ?$|"
    r"Sent from my |CONFIDENTIALITY|This email and any attachments|This message and any attachments|Disclaimer:|"
    r"DISCLAIMER|You're receiving this email because|This is an automated message|"
    r"Tussac Tours Ltd is registered|Kachemak Catch Processing, LLC \|)"
)

VAGUE = re.compile(r"\b(soon|shortly|ASAP|as soon as possible|in due course|in the coming|at some point|when we can|"
                   r"over the next while|try to|hopefully|should be able to|aim to|do our best|probably|"
                   r"will be (sent|issued|processed|fixed|raised|done|looked|updated|sorted)|look into)\b", re.I)
DEFENSIVE = re.compile(r"\b(obviously|simply|clearly stated|as I (already|have|said)|per my|friendly reminder|"
                       r"going forward, please|sorry, but|apologi[sz]e if you feel|policy is policy|your fault|"
                       r"not our fault|nothing we can do|you should have|you never|you always)\b|!!|\?!", re.I)
SARCASM = re.compile(r"\b(I'm sure you|what a surprise|my favourite|congratulations on finally|whole two days|"
                     r"great to hear|thanks for finally)\b", re.I)
# Capitals that are acronyms, codes or units in this set's items; any other word in capitals is reported by --lint.
ACRONYMS = {"ADF", "AK", "AVR", "EU", "FIGAS", "FL", "GPS", "HP", "IPHC", "LATAM", "LD", "LOS", "MPA", "NGO", "OK",
            "PDF", "SL", "US", "LLC"}
DURATION = re.compile(r"\b(\d+|one|two|three|four|five|ten)[ -](business |working )?(day|hour|week|month)s?\b", re.I)
NUMWORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}


def norm(text):
    """Collapse every run of whitespace (spaces, tabs, line breaks) to one space."""
    return re.sub(r"\s+", " ", text)


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


def html_nodes(markup):
    p = TextNodes()
    p.feed(markup)
    return p.nodes


def read_guide(path):
    """A small reader for the fields this checker uses; the guides are plain YAML in the brand-schema.md shape."""
    guide = {"name": None, "terms": [], "banned": [], "claims": [], "avoid": [], "promises": [], "voice": {}}
    section, promise, use = None, None, ""
    for raw in path.read_text(encoding="utf-8").split("\n"):
        line = raw.split(" #")[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        top = re.match(r"^(\w+):\s*(.*)$", line)
        if top:
            section = top.group(1)
            if section == "name":
                guide["name"] = top.group(2).strip() or None
            continue
        inline = re.search(r"(instead_of|avoid|forbidden|keywords):\s*\[(.*)\]", line)
        items = [x.strip().strip("\"'") for x in inline.group(2).split(",")] if inline else []
        if section == "terminology" and "use:" in line:
            use = line.split("use:")[1].strip()
        elif section == "terminology" and inline:
            guide["terms"] += [(x, use != use.lower()) for x in items]
        elif section == "values" and inline:
            guide["avoid"] += items
        elif section == "values" and re.match(r"^\s{6}- ", line):
            guide["avoid"].append(line.strip()[2:].strip("\"'"))
        elif section == "claims" and inline:
            guide["claims"] += items
        elif section == "banned" and "word:" in line:
            guide["banned"].append(line.split("word:")[1].strip())
        elif section == "voice":
            k, _, v = line.strip().partition(":")
            guide["voice"][k] = v.strip()
        elif section == "promises":
            if inline:
                promise = {"keywords": items}
            elif "within:" in line and promise is not None:
                promise["within"] = line.split("within:")[1].strip()
                guide["promises"].append(promise)
    return guide


def sentences(text):
    flat = re.sub(r"\s+", " ", text)
    return [s for s in re.split(r"(?<=[.!?])\s+|\n", text if False else flat) if s.strip()]


def blocks(text, by_line=False):
    out = []
    for para in re.split(r"\n" if by_line else r"\n\s*\n|\n(?=[-*\d•|] |\d\. )", text):
        out += sentences(para)
    return out


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


def duration_value(m):
    n = m.group(1).lower()
    return (NUMWORDS.get(n) or int(n), (m.group(2) or "").strip(), m.group(3).lower())


def lint_text(where, new, lab, guide, warnings, by_line=False):
    cats = {s["category"] for s in lab["spans"]}
    low = new.lower()
    if "brand" not in cats:
        words = guide["terms"] + [(w, False) for w in guide["banned"] + guide["claims"] + guide["avoid"]]
        for word, exact in words:
            hit, key = (new, word) if exact else (low, word.lower())
            if re.search(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", hit):
                warnings.append(f"{where}: guide word {word!r} in new text but no brand span")
        try:
            max_exc = int(guide["voice"].get("max_exclamations", "99"))
        except ValueError:
            max_exc = 99
        if new.count("!") > max_exc:
            warnings.append(f"{where}: {new.count('!')} exclamation marks (limit {max_exc}) but no brand span")
        limit = int(guide["voice"].get("max_sentence_words", "99"))
        for s in blocks(new, by_line):
            if len(s.split()) > limit:
                warnings.append(f"{where}: sentence of {len(s.split())} words (limit {limit}): {s[:60]}...")
        words = re.findall(r"[A-Za-z]+", new)
        sents = blocks(new, by_line)
        if words and sents:
            grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
            if grade > float(guide["voice"].get("max_grade", "99")):
                warnings.append(f"{where}: rough Flesch-Kincaid grade {grade:.1f}")
        for s in blocks(new, by_line):
            for pr in guide["promises"]:
                if not any(re.search(r"\b" + re.escape(k.lower()), s.lower()) for k in pr["keywords"]):
                    continue
                want = DURATION.search(pr["within"])
                for m in DURATION.finditer(s):
                    if want and duration_value(m) != duration_value(want):
                        warnings.append(f"{where}: promise {pr['keywords'][0]!r} with {m.group(0)!r}: {s[:70]}")
    if "commitment" not in cats:
        for m in VAGUE.finditer(new):
            warnings.append(f"{where}: possible unclear commitment {m.group(0)!r} but no commitment span")
    if "defensive" not in cats:
        for m in DEFENSIVE.finditer(new):
            warnings.append(f"{where}: possible defensive marker {m.group(0)!r} but no defensive span")
        for w in re.findall(r"\b[A-Z]{2,}\b", new):
            if w not in ACRONYMS:
                warnings.append(f"{where}: capitals {w!r} (not in ACRONYMS)")
    if "sarcasm" not in cats:
        for m in SARCASM.finditer(new):
            warnings.append(f"{where}: possible sarcasm {m.group(0)!r} but no sarcasm span")


def check_email(where, path, lab, errors, warnings, wrapped):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    if msg["From"] is None or msg["Date"] is None or msg["Message-ID"] is None:
        errors.append(f"{where}: .eml lacks From/Date/Message-ID")
    else:
        date = str(msg["Date"])
        when = email.utils.parsedate_to_datetime(date)
        if not date.startswith(when.strftime("%a")):
            errors.append(f"{where}: Date header weekday does not match the date: {date}")
    plain, html = decoded_parts(msg)
    if not plain and not html:
        errors.append(f"{where}: no text/plain or text/html part")
        return None, False
    if plain:
        body = plain[0].replace("\r\n", "\n")
    else:
        body = "\n".join(n.strip() for n in html_nodes(html[0]) if n.strip())
    new = new_text(body)
    nodes = []
    if msg.get_content_type() == "multipart/alternative" or (plain and html):
        nodes = html_nodes(html[0]) if html else []
    for sp in lab["spans"]:
        text = sp.get("text")
        if not isinstance(text, str) or not text:
            errors.append(f"{where}: empty span text")
            continue
        if text != norm(text).strip():
            errors.append(f"{where}: span must be one line with single spaces: {text!r}")
        if norm(text) not in norm(body):
            errors.append(f"{where}: span not in decoded body: {text!r}")
            continue
        n = norm(new).count(norm(text))
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {text!r}")
        if norm(body).count(norm(text)) > n:
            warnings.append(f"{where}: span text also occurs in quoted/context text: {text!r}")
        if nodes and not any(norm(text) in norm(node) for node in nodes):
            errors.append(f"{where}: span not inside a single HTML text node: {text!r}")
        if text not in body:
            wrapped.append(f"{where}: {text!r}")
    if lab["missing_next_step"] is not True and not new.strip():
        errors.append(f"{where}: empty new text")
    if not plain:  # lint the HTML text one node per line
        new = new_text("\n".join(" ".join(n.split()) for n in html_nodes(html[0]) if n.strip()))
    return new, not plain


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if raw.startswith("---\n"):
            raw = raw[raw.index("\n---\n", 4) + 5:]
        return raw, raw.split("\n")
    nodes = html_nodes(raw)
    return "\n".join(nodes), nodes


def check_page(where, path, lab, errors):
    text, nodes = page_text(path)
    if lab["missing_next_step"]:
        errors.append(f"{where}: missing_next_step must be false on pages")
    for sp in lab["spans"]:
        t = sp.get("text")
        if not isinstance(t, str) or not t:
            errors.append(f"{where}: empty span text")
            continue
        if norm(text).count(norm(t)) != 1:
            errors.append(f"{where}: span occurs {norm(text).count(norm(t))} times in the visible text (want 1): {t!r}")
        if not any(norm(t) in norm(n) for n in nodes):
            errors.append(f"{where}: span not inside a single text node / line: {t!r}")
        if re.search(r"[*_`#\[\]]", t):
            errors.append(f"{where}: span contains Markdown syntax: {t!r}")
    if path.suffix == ".html":
        return "\n".join(" ".join(n.split()) for n in nodes if n.strip())
    return text


def main(argv):
    lint = "--lint" in argv
    errors, warnings, wrapped = [], [], []
    guides = {}
    for g in sorted(ROOT.glob("brand-*.yml")):
        guides[g.name] = read_guide(g)
        if not guides[g.name]["name"]:
            errors.append(f"{g.name}: brand guide has no name")
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    labelled = set()
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except ValueError as exc:
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        bad = [k for k, t in (("id", str), ("file", str), ("brand", str), ("missing_next_step", bool),
                              ("spans", list)) if not isinstance(lab.get(k), t)]
        if bad:
            errors.append(f"{where}: fields missing or of the wrong type: {', '.join(bad)}")
            continue
        if set(lab) - {"id", "file", "brand", "missing_next_step", "spans"}:
            errors.append(f"{where}: unexpected fields {sorted(set(lab) - set(['id', 'file', 'brand']))}")
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match file name")
        if lab["brand"] not in guides:
            errors.append(f"{where}: brand guide {lab['brand']!r} does not exist at the set root")
        for sp in lab["spans"]:
            if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
                errors.append(f"{where}: span must have exactly 'category' and 'text': {sp!r}")
            elif sp["category"] not in CATEGORIES:
                errors.append(f"{where}: unknown category {sp['category']!r}")
        item = ITEMS / lab["file"]
        labelled.add(lab["file"])
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if item.suffix in (".html", ".md"):
            new, by_line = check_page(where, item, lab, errors), item.suffix == ".html"
        elif item.suffix == ".eml":
            new, by_line = check_email(where, item, lab, errors, warnings, wrapped)
        else:
            errors.append(f"{where}: unknown item type {item.suffix}")
            continue
        if lint and new is not None and lab["brand"] in guides:
            lint_text(where, new, lab, guides[lab["brand"]], warnings, by_line)
    for e in sorted(ITEMS.iterdir()):
        if e.suffix in (".eml", ".html", ".md") and e.name not in labelled:
            errors.append(f"{e.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    if lint:
        for w in wrapped:
            print("INFO  span wraps across a line break:", w)
    for e in errors:
        print("ERROR", e)
    n_eml = len(list(ITEMS.glob("*.eml")))
    n_pages = len(list(ITEMS.glob("*.html"))) + len(list(ITEMS.glob("*.md")))
    print(f"{len(labels)} label files, {n_eml} emails, {n_pages} pages, {len(warnings)} warnings")
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
