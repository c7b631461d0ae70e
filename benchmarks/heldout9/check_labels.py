#!/usr/bin/env python3
"""Consistency checker for the heldout9 labelled set (stdlib only).

For every items/*.json label file it checks that:
  * the JSON has exactly the LABELS.md fields (id, file, brand, missing_next_step, spans) with the right types,
    `id` matches the file name, `file` names an item beside it, `brand` names a guide at the set root;
  * every span has exactly the keys `category` and `text`, and the category is a hand-labelled one;
  * emails parse with the stdlib `email` package, carry From/To/Date/Message-ID/Subject, and have a text part;
    replies carry In-Reply-To;
  * every span text is non-empty, has no line break and no leading/trailing space, occurs in the decoded
    body and exactly once in the author's new text (the body cut at the first quote / forward / signature
    marker, see NEW_TEXT_END), and never in the quoted or signature context;
  * in multipart/alternative emails the span also occurs inside a single HTML text node;
  * pages: spans occur exactly once in the visible text, inside one text node / line, never in Markdown
    syntax, and `missing_next_step` is false;
  * every item file has a label file and there are no stray files;
  * each brand guide at the root has a `name:` line and the sections the brief asks for.

`--lint` adds warnings (never errors) that help keep clean items clean against their own brand guide:
exclamation marks over the guide's limit, emoji where the guide forbids them, sentences over the guide's
`max_sentence_words`, a rough Flesch-Kincaid grade over `max_grade`, terms / banned words / claims / avoid
phrases from the guide, and a promise keyword next to a duration in the same sentence.

Prints a summary ending in "<n> errors". Exit status 0 when there are no errors.
Usage: python3 check_labels.py [--lint]
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
LABEL_KEYS = {"id", "file", "brand", "missing_next_step", "spans"}

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|"
    r"From: .+|-- $|Sent from my |CONFIDENTIAL|This email and any attachments|This e-mail and any)"
)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")


# ---------------------------------------------------------------- brand guides (tiny YAML subset reader)
def read_guide(path):
    """Read the flat parts of our own guides: voice limits and every quoted/listed phrase per section."""
    g = {"voice": {}, "phrases": {"terminology": [], "banned": [], "claims": [], "avoid": []}, "promises": []}
    section = None
    text = path.read_text(encoding="utf-8")
    for raw in text.split("\n"):
        line = raw.split(" #")[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if not line.startswith(" "):
            section = line.split(":")[0]
            if section == "claims" or section == "banned":
                pass
            continue
        s = line.strip()
        if section == "voice":
            k, _, v = s.partition(":")
            g["voice"][k.strip()] = v.strip()
        elif section == "terminology" and s.startswith("- use:"):
            g["_use"] = s.split(":", 1)[1].strip().strip('"')
        elif section == "terminology" and s.startswith("instead_of:"):
            cased = g.get("_use", "") != g.get("_use", "").lower()
            g["phrases"]["terminology"] += [(x, cased) for x in listval(s)]
        elif section == "banned" and s.startswith("- word:"):
            g["phrases"]["banned"].append(s.split(":", 1)[1].strip().strip('"'))
        elif section == "claims" and s.startswith("forbidden:"):
            g["phrases"]["claims"] += listval(s)
        elif section == "values" and s.startswith("- \""):
            g["phrases"]["avoid"].append(s[2:].strip().strip('"'))
        elif section == "promises":
            if s.startswith("keywords:"):
                g["promises"].append({"keywords": listval(s)})
            elif s.startswith("within:") and g["promises"]:
                g["promises"][-1]["within"] = s.split(":", 1)[1].strip()
    return g


def listval(s):
    inner = s.split(":", 1)[1].strip()
    if not (inner.startswith("[") and inner.endswith("]")):
        return []
    return [x.strip().strip('"') for x in inner[1:-1].split(",") if x.strip()]


def check_guide(path, errors):
    text = path.read_text(encoding="utf-8")
    if not re.search(r"^name: \S", text, re.M):
        errors.append(f"{path.name}: no name")
    for sec in ("values", "voice", "terminology", "banned", "claims", "promises"):
        if not re.search(rf"^{sec}:", text, re.M):
            errors.append(f"{path.name}: missing section {sec}")
    for line_no, line in enumerate(text.split("\n"), 1):
        if "\t" in line:
            errors.append(f"{path.name}:{line_no}: tab character")
    g = read_guide(path)
    for p in g["promises"]:
        if not re.match(r"^\d+ (working |business )?(hours?|days?)$", p.get("within", "")):
            errors.append(f"{path.name}: promise {p} has no 'within' duration")


# ---------------------------------------------------------------- item text
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


def split_new(body):
    body = body.replace("\r\n", "\n")
    lines = body.split("\n")
    for i, line in enumerate(lines):
        if NEW_TEXT_END.match(line):
            return "\n".join(lines[:i]), "\n".join(lines[i:])
    return body, ""


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


def html_nodes(html):
    p = TextNodes()
    p.feed(html)
    return p.nodes


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if raw.startswith("---\n"):
            raw = raw[raw.index("\n---\n", 4) + 5:]
        return raw, raw.split("\n")
    nodes = html_nodes(raw)
    return "\n".join(nodes), nodes


# ---------------------------------------------------------------- checks
def check_spans(where, lab, new, context, nodes, errors, warnings, page=False):
    seen = set()
    for sp in lab["spans"]:
        if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
            errors.append(f"{where}: span must have exactly 'category' and 'text': {sp!r}")
            continue
        cat, text = sp["category"], sp["text"]
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category {cat!r}")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty span text")
            continue
        if (cat, text) in seen:
            errors.append(f"{where}: duplicate span {cat}/{text!r}")
        seen.add((cat, text))
        if "\n" in text or "\r" in text:
            errors.append(f"{where}: span contains a line break: {text!r}")
        if text != text.strip():
            errors.append(f"{where}: span has leading/trailing whitespace: {text!r}")
        n = new.count(text)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {text!r}")
        if context and text in context:
            errors.append(f"{where}: span text also occurs in quoted/signature context: {text!r}")
        if nodes is not None and not any(text in node for node in nodes):
            errors.append(f"{where}: span not inside a single HTML text node / line: {text!r}")
        if page and re.search(r"[*_`#\[\]]", text):
            errors.append(f"{where}: span contains Markdown syntax: {text!r}")


def main(argv):
    lint = "--lint" in argv
    errors, warnings = [], []
    guides = {p.name: p for p in ROOT.glob("brand-*.yml")}
    if not guides:
        errors.append("no brand guides at the set root")
    for p in guides.values():
        check_guide(p, errors)
    parsed = {name: read_guide(p) for name, p in guides.items()}

    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    labelled = set()
    stats = {"emails": 0, "pages": 0, "clean": 0}
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        if not isinstance(lab, dict) or set(lab) != LABEL_KEYS:
            errors.append(f"{where}: keys must be exactly {sorted(LABEL_KEYS)}")
            continue
        bad = False
        for key, typ in (("id", str), ("file", str), ("brand", str), ("missing_next_step", bool), ("spans", list)):
            if not isinstance(lab[key], typ):
                errors.append(f"{where}: field {key!r} is not {typ.__name__}")
                bad = True
        if bad:
            continue
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match file name")
        if Path(lab["file"]).stem != lp.stem:
            errors.append(f"{where}: file {lab['file']!r} does not share the label's stem")
        if lab["brand"] not in guides:
            errors.append(f"{where}: brand guide {lab['brand']!r} does not exist at the set root")
        item = ITEMS / lab["file"]
        labelled.add(lab["file"])
        if not item.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if not lab["spans"] and not lab["missing_next_step"]:
            stats["clean"] += 1
        guide = parsed.get(lab["brand"])

        if item.suffix in (".html", ".md"):
            stats["pages"] += 1
            if lab["missing_next_step"]:
                errors.append(f"{where}: missing_next_step must be false on pages")
            text, nodes = page_text(item)
            if item.suffix == ".md" and not item.read_text(encoding="utf-8").startswith("---\n"):
                errors.append(f"{where}: Markdown page without YAML front matter")
            check_spans(where, lab, text, "", nodes, errors, warnings, page=True)
            if lint and guide:
                lint_text(where, text, lab, guide, warnings, per_line=item.suffix == ".html")
            continue
        if item.suffix != ".eml":
            errors.append(f"{where}: unknown item type {item.suffix}")
            continue
        stats["emails"] += 1
        raw = item.read_bytes()
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        for h in ("From", "To", "Date", "Message-ID", "Subject"):
            if msg[h] is None:
                errors.append(f"{where}: missing header {h}")
        subj = str(msg["Subject"] or "")
        if re.match(r"(?i)re:", subj) and msg["In-Reply-To"] is None:
            errors.append(f"{where}: reply without In-Reply-To")
        plain, html = decoded_parts(msg)
        if not plain and not html:
            errors.append(f"{where}: no text/plain or text/html part")
            continue
        html_only = not plain
        if plain:
            body = plain[0].replace("\r\n", "\n")
        else:
            body = "\n".join(n.strip() for n in html_nodes(html[0]) if n.strip())
        new, context = split_new(body)
        nodes = None
        if msg.get_content_type() == "multipart/alternative" or (
                msg.get_content_type() == "multipart/mixed" and plain and html):
            if not html:
                errors.append(f"{where}: multipart/alternative without an HTML part")
            else:
                nodes = html_nodes(html[0])
        check_spans(where, lab, new, context, nodes, errors, warnings)
        if lint and guide:
            lint_text(where, new, lab, guide, warnings, per_line=html_only)

    for f in ITEMS.iterdir():
        if f.suffix == ".json":
            continue
        if f.name not in labelled:
            errors.append(f"{f.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    total = stats["emails"] + stats["pages"]
    share = f"{100 * stats['clean'] / total:.1f}%" if total else "n/a"
    print(f"{len(labels)} label files, {stats['emails']} emails, {stats['pages']} pages, "
          f"{stats['clean']} clean ({share}), {len(warnings)} warnings, {len(errors)} errors")
    return 1 if errors else 0


# ---------------------------------------------------------------- lint (warnings only)
def sentences(text, per_line=False):
    """Sentences inside blocks: a block is a paragraph or a list item (or, for HTML pages, one text node)."""
    blocks = text.split("\n") if per_line else re.split(r"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.)\s)", text)
    out = []
    for b in blocks:
        flat = re.sub(r"\s+", " ", b).strip()
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


DURATION = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty)[- ](working |business )?"
                      r"(hours?|days?|weeks?|months?|minutes?)\b", re.I)


def lint_text(where, new, lab, guide, warnings, per_line=False):
    new = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", new)  # Markdown images are not visible text
    has_brand = any(s.get("category") == "brand" for s in lab["spans"])
    voice = guide["voice"]
    if has_brand:
        return
    max_exc = int(voice.get("max_exclamations", "99") or 99)
    if new.count("!") > max_exc:
        warnings.append(f"{where}: {new.count('!')} exclamation marks (guide allows {max_exc})")
    if voice.get("emoji") == "false" and EMOJI.search(new):
        warnings.append(f"{where}: emoji but the guide forbids them")
    max_words = int(voice.get("max_sentence_words", "99") or 99)
    prose = new
    for s in sentences(prose, per_line):
        if len(s.split()) > max_words:
            warnings.append(f"{where}: sentence of {len(s.split())} words (limit {max_words}): {s[:70]}...")
    words = re.findall(r"[A-Za-z]+", prose)
    sents = sentences(prose, per_line)
    if len(words) > 30 and sents:
        grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
        if grade > float(voice.get("max_grade", "99") or 99):
            warnings.append(f"{where}: rough grade {grade:.1f} over {voice.get('max_grade')}")
    low = new.lower()
    for kind, phrases in guide["phrases"].items():
        for ph in phrases:
            cased = False
            if isinstance(ph, tuple):
                ph, cased = ph
            hay = new if cased else low
            needle = ph if cased else ph.lower()
            if re.search(r"(?<![A-Za-z])" + re.escape(needle) + r"(?![a-z])", hay):
                warnings.append(f"{where}: {kind} phrase {ph!r} in new text but no brand span")
    for s in sentences(new, per_line):
        m = DURATION.search(s)
        if not m:
            continue
        for p in guide["promises"]:
            for kw in p["keywords"]:
                if re.search(r"(?i)\b" + re.escape(kw[:-1] if kw.endswith("e") else kw), s):
                    if m.group(0).lower() not in p.get("within", "").lower():
                        warnings.append(f"{where}: promise keyword {kw!r} with {m.group(0)!r} "
                                        f"(guide: {p.get('within')}): {s[:70]}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
