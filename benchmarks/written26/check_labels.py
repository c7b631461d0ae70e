#!/usr/bin/env python3
"""Consistency checker for the written26 labelled set (stdlib only).

For every items/*.json label file it checks that:
  * the JSON has exactly the LABELS.md fields (id, file, brand, missing_next_step, spans) with the right types,
    `id` matches the file name, `file` names an item beside it and `brand` a guide at the set root that has a
    `name:` line;
  * every span has exactly the keys `category` and `text`, a hand-labelled category and a non-empty text;
  * emails (.eml) parse with the stdlib `email` package, carry From/To/Date/Message-ID/Subject and a text part;
  * every span text occurs in the decoded body, never contains a line break, and occurs exactly once in the
    author's new text (the body cut at the first quote / forward / signature / disclaimer marker);
  * in multipart/alternative emails the span also occurs inside a single text node of the HTML part;
  * pages (.html visible text outside <script>/<style>/<head>; .md text after the front matter) hold each span
    exactly once, inside one text node or line, without Markdown syntax, and have missing_next_step false;
  * no item breaks the voice limits of its brand guide (exclamations, emoji, sentence length), because no span in
    this set labels a voice limit, so a breach would be an unlabelled brand finding; a rough reading grade over
    the guide's limit is only a warning;
  * the new text holds no term the guide replaces, banned word, forbidden claim or `avoid` phrase, and no promise
    keyword next to a duration other than the guide's `within`, unless a `brand` span covers it (warnings: a
    near-miss can be deliberate, so read each one).

Prints warnings and errors, then one summary line:
  N label files, N items, N clean, W warnings, E errors
Exit status 0 when there are no errors.
Usage:  python3 check_labels.py
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
HEADERS = ("From", "To", "Date", "Message-ID", "Subject")

# A line that ends the author's new text: quoted mail, forwards, signatures, disclaimers.
END_OF_NEW_TEXT = re.compile(
    r"^(>|On .+wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded message|Begin forwarded message:|"
    r"From: .+(<.+@.+>|\[mailto:.+\])\s*$|-- $|Sent from my |This email and any attachments|CONFIDENTIAL|"
    r"Registered office:|Pelliton Data Services DAC is registered)"
)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
LIST_START = re.compile(r"^\s*([-*\u2022]|\d+[.)])\s+")


class TextNodes(HTMLParser):
    """Visible text nodes of an HTML document (entities decoded)."""

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
            self.nodes.append(data.strip())


def html_nodes(html):
    parser = TextNodes()
    parser.feed(html)
    return parser.nodes


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


def cut_new_text(body):
    out = []
    for line in body.split("\n"):
        if END_OF_NEW_TEXT.match(line):
            break
        out.append(line)
    return "\n".join(out)


def read_voice(guide_path):
    """The voice limits of a guide (a tiny reader for the flat `voice:` block; no YAML library)."""
    voice, inside = {}, False
    for line in guide_path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^voice:\s*$", line):
            inside = True
            continue
        if inside:
            m = re.match(r"^\s+(\w+):\s*([^#\s]+)", line)
            if not m:
                break
            voice[m.group(1)] = m.group(2)
    return voice


def read_guide(guide_path):
    """Terms, banned words, claims, avoid phrases and promises of a guide (flat reader for the brand-schema shape)."""
    g = {"terms": [], "banned": [], "claims": [], "avoid": [], "promises": []}
    section, use, promise = None, "", None
    for raw in guide_path.read_text(encoding="utf-8").splitlines():
        line = "" if raw.lstrip().startswith("#") else re.sub(r"\s+#.*$", "", raw).rstrip()
        if not line.strip():
            continue
        top = re.match(r"^(\w+):", line)
        if top:
            section = top.group(1)
            continue
        inline = re.search(r"(instead_of|avoid|forbidden|keywords):\s*\[(.*)\]", line)
        items = [x.strip().strip("\"'") for x in inline.group(2).split(",") if x.strip()] if inline else []
        if section == "terminology" and "use:" in line:
            use = line.split("use:", 1)[1].strip()
        elif section == "terminology" and inline:
            g["terms"] += [(x, use != use.lower()) for x in items]
        elif section == "values" and inline:
            g["avoid"] += items
        elif section == "values" and re.match(r"^\s{6}- ", line):
            g["avoid"].append(line.strip()[2:].strip("\"'"))
        elif section == "claims" and inline:
            g["claims"] += items
        elif section == "banned" and "word:" in line:
            g["banned"].append(line.split("word:", 1)[1].strip())
        elif section == "promises" and inline:
            promise = {"keywords": items}
        elif section == "promises" and "within:" in line and promise is not None:
            promise["within"] = line.split("within:", 1)[1].strip()
            g["promises"].append(promise)
            promise = None
    return g


DURATION = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty|sixty)[ -]"
                      r"((?:business|working|calendar) )?(minute|hour|day|week|month)s?\b", re.I)
NUMWORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10,
            "fourteen": 14, "thirty": 30, "sixty": 60}


def duration_value(m):
    n = m.group(1).lower()
    return (NUMWORDS[n] if n in NUMWORDS else int(n), (m.group(2) or "").strip().lower(), m.group(3).lower())


def guide_lint(where, new, spans, guide, warnings, by_line=False):
    """Warn about guide words and promise figures in the new text that no `brand` span covers.

    Sentences end at . ! ? and at blank lines (every line break for pages, whose lines are separate nodes)."""
    covered = [sp["text"] for sp in spans if sp.get("category") == "brand"]
    flat = re.sub(r"\s+", " ", new)
    blocks = new.split("\n") if by_line else re.split(r"\n\s*\n", new)

    def uncovered(hit):
        return not any(hit.lower() in c.lower() or c.lower() in hit.lower() for c in covered)

    words = guide["terms"] + [(w, False) for w in guide["banned"] + guide["claims"] + guide["avoid"]]
    for word, exact in words:
        pattern = r"(?<![\w-])" + re.escape(word) + r"(?:s|es|ed|er|ing)?(?![\w-])"
        for m in re.finditer(pattern, flat, 0 if exact else re.I):
            if uncovered(m.group(0)):
                warnings.append(f"{where}: guide word {word!r} in the new text without a brand span")
    sents = [s for b in blocks for s in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", b)) if s.strip()]
    for sent in sents:
        for pr in guide["promises"]:
            if not any(re.search(r"\b" + re.escape(k), sent, re.I) for k in pr["keywords"]):
                continue
            want = DURATION.search(pr.get("within", ""))
            for m in DURATION.finditer(sent):
                if want and duration_value(m) != duration_value(want) and uncovered(m.group(0)):
                    warnings.append(f"{where}: promise {pr['keywords'][0]!r} next to {m.group(0)!r} "
                                    f"(guide: {pr['within']}): {sent[:70]}")


def units(text, by_line=False):
    """Sentences, treating blank lines, list items and lines ending in ':' as boundaries (every line on pages)."""
    chunks, cur = [], []
    if by_line:
        chunks = [line.strip() for line in text.split("\n") if line.strip()]
    for line in ([] if by_line else text.split("\n")):
        if not line.strip() or LIST_START.match(line):
            if cur:
                chunks.append(" ".join(cur))
            cur = [line.strip()] if line.strip() else []
            continue
        cur.append(line.strip())
        if line.rstrip().endswith(":"):
            chunks.append(" ".join(cur))
            cur = []
    if cur:
        chunks.append(" ".join(cur))
    out = []
    for chunk in chunks:
        out.extend(s for s in re.split(r"(?<=[.!?])\s+", chunk) if s.strip())
    return out


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


def voice_check(where, text, voice, errors, warnings, by_line=False):
    if by_line:  # Markdown image syntax is not an exclamation mark
        text = re.sub(r"!\[", "[", text)
    max_exc = int(voice.get("max_exclamations", "99"))
    if text.count("!") > max_exc:
        errors.append(f"{where}: {text.count('!')} exclamation marks (guide allows {max_exc})")
    if voice.get("emoji") == "false" and EMOJI.search(text):
        errors.append(f"{where}: an emoji, but the guide forbids them")
    max_words = int(voice.get("max_sentence_words", "999"))
    sents = units(text, by_line)
    for s in sents:
        n = len(re.findall(r"[A-Za-z0-9\u00C0-\u024F'\u2019.,/-]+", s))
        if n > max_words:
            errors.append(f"{where}: a {n}-word sentence (guide allows {max_words}): {s[:60]}...")
    words = re.findall(r"[A-Za-z]+", text)
    if words and sents:
        grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
        if grade > float(voice.get("max_grade", "99")):
            warnings.append(f"{where}: rough reading grade {grade:.1f} over the guide's {voice['max_grade']}")


def check_spans(where, spans, errors):
    good = []
    for i, sp in enumerate(spans):
        if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
            errors.append(f"{where}: span {i} must have exactly the keys category and text")
            continue
        if sp["category"] not in CATEGORIES:
            errors.append(f"{where}: span {i} has unknown category {sp['category']!r}")
        if not isinstance(sp["text"], str) or not sp["text"].strip():
            errors.append(f"{where}: span {i} has an empty text")
            continue
        if sp["text"] != sp["text"].strip():
            errors.append(f"{where}: span {i} has leading or trailing spaces: {sp['text']!r}")
        if "\n" in sp["text"] or "\r" in sp["text"]:
            errors.append(f"{where}: span {i} contains a line break: {sp['text']!r}")
            continue
        good.append(sp["text"])
    return good


def check_email(where, path, lab, texts, errors, warnings, voice):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    for h in HEADERS:
        if msg[h] is None:
            errors.append(f"{where}: email lacks the {h} header")
    plain, html = text_parts(msg)
    if not plain and not html:
        errors.append(f"{where}: no text/plain or text/html part")
        return
    if plain:
        body = plain[0].replace("\r\n", "\n")
    else:
        body = "\n".join(html_nodes(html[0]))
    new = cut_new_text(body)
    if not new.strip():
        errors.append(f"{where}: empty new text")
    nodes = html_nodes(html[0]) if (msg.get_content_type() == "multipart/alternative" and html) else []
    if msg.get_content_type() == "multipart/alternative" and not html:
        errors.append(f"{where}: multipart/alternative without an HTML part")
    for t in texts:
        if t not in body:
            errors.append(f"{where}: span not in the decoded body: {t!r}")
            continue
        n = new.count(t)
        if n != 1:
            errors.append(f"{where}: span occurs {n} times in the new text (want 1): {t!r}")
        if body.count(t) > n:
            warnings.append(f"{where}: span text also occurs in quoted or signature text: {t!r}")
        if nodes and not any(t in node for node in nodes):
            errors.append(f"{where}: span not inside a single HTML text node: {t!r}")
    voice_check(where, new, voice, errors, warnings)
    guide_lint(where, new, lab["spans"], voice["_guide"], warnings)


def check_page(where, path, lab, texts, errors, warnings, voice):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if not raw.startswith("---\n") or "\n---\n" not in raw[4:]:
            errors.append(f"{where}: Markdown page lacks YAML front matter")
            return
        text = raw[raw.index("\n---\n", 4) + 5:]
        nodes = text.split("\n")
    else:
        nodes = html_nodes(raw)
        text = "\n".join(nodes)
    if lab["missing_next_step"]:
        errors.append(f"{where}: missing_next_step must be false on pages")
    for t in texts:
        if text.count(t) != 1:
            errors.append(f"{where}: span occurs {text.count(t)} times in the visible text (want 1): {t!r}")
        if not any(t in n for n in nodes):
            errors.append(f"{where}: span not inside a single text node or line: {t!r}")
        if path.suffix == ".md" and re.search(r"[*_`#\[\]]", t):
            errors.append(f"{where}: span contains Markdown syntax: {t!r}")
    voice_check(where, text, voice, errors, warnings, by_line=True)
    guide_lint(where, text, lab["spans"], voice["_guide"], warnings, by_line=True)


def main():
    errors, warnings = [], []
    labels = sorted(ITEMS.glob("*.json"))
    items = sorted(p for p in ITEMS.iterdir() if p.suffix in (".eml", ".html", ".md")) if ITEMS.is_dir() else []
    if not labels:
        errors.append("no label files found")
    named = set()
    clean = 0
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        if not isinstance(lab, dict) or set(lab) != LABEL_KEYS:
            errors.append(f"{where}: keys must be exactly {sorted(LABEL_KEYS)}")
            continue
        types = {"id": str, "file": str, "brand": str, "missing_next_step": bool, "spans": list}
        bad = [k for k, typ in types.items() if not isinstance(lab[k], typ)]
        if bad:
            errors.append(f"{where}: wrong type for {', '.join(bad)}")
            continue
        if not lab["spans"] and not lab["missing_next_step"]:
            clean += 1
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match the file name")
        path = ITEMS / lab["file"]
        named.add(lab["file"])
        if Path(lab["file"]).stem != lp.stem:
            errors.append(f"{where}: file {lab['file']!r} does not share the label's id")
        if not path.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        guide = ROOT / lab["brand"]
        if "/" in lab["brand"] or not guide.is_file():
            errors.append(f"{where}: brand guide {lab['brand']!r} is not a file at the set root")
            continue
        if not re.search(r"^name: \S", guide.read_text(encoding="utf-8"), re.M):
            errors.append(f"{where}: brand guide {lab['brand']!r} has no name")
        voice = read_voice(guide)
        voice["_guide"] = read_guide(guide)
        texts = check_spans(where, lab["spans"], errors)
        if path.suffix == ".eml":
            check_email(where, path, lab, texts, errors, warnings, voice)
        elif path.suffix in (".html", ".md"):
            check_page(where, path, lab, texts, errors, warnings, voice)
        else:
            errors.append(f"{where}: unsupported item type {path.suffix!r}")
    for p in items:
        if p.name not in named:
            errors.append(f"{p.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(labels)} label files, {len(items)} items, {clean} clean, "
          f"{len(warnings)} warnings, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
