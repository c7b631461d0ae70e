#!/usr/bin/env python3
"""Consistency checker for the written20 test set (stdlib only).

Modelled on written7/check_labels.py. For every items/*.json label file it checks that:
  * the JSON has exactly the LABELS.md fields (id, file, brand, missing_next_step, spans) with the right
    types, `id` matches the file name, `file` names an item beside it and `brand` a guide at the set root;
  * every span has exactly `category` and `text`, the category is a hand-labelled one, and the text is
    non-empty, has no line break and no leading/trailing space;
  * emails parse with the stdlib `email` package, carry From/To/Date/Message-ID/Subject, and have a
    text/plain or text/html part; replies (subject "Re:"/"RE:") carry In-Reply-To and References;
  * every span occurs exactly once in the author's new text (body cut at the first quote / forward /
    signature / disclaimer marker, see NEW_TEXT_END) and never in the quoted or signature part only;
  * in multipart/alternative items each span also occurs inside a single text node of the HTML part;
  * pages (.html visible text outside script/style/head; .md text after the front matter) contain each span
    exactly once, inside one text node or line, without Markdown syntax; pages never set missing_next_step;
  * every brand guide has a `name` and only the top-level fields of brand-schema.md;
  * every item in items/ has a label file.

`--lint` adds warnings (never errors) that help keep clean items clean: for items with no brand span,
terms/banned words/claims/avoid phrases of the guide, sentences over the guide's max_sentence_words, more
exclamation marks than allowed, and a rough Flesch-Kincaid grade over max_grade; for items with no
commitment span, vague-time and hedge words near "will".

Prints a summary ending in "N errors"; exit status 0 when there are none. Usage: python3 check_labels.py [--lint]
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
GUIDE_KEYS = {"name", "values", "voice", "terminology", "banned", "claims", "promises"}

NEW_TEXT_END = re.compile(
    r"^(>|On .+ wrote:\s*$|-----Original Message-----|_{10,}\s*$|-{5,} ?Forwarded|From: .+|-- $|"
    r"Sent from my |This email and any attachments|You're receiving this|You are receiving this)"
)
VAGUE = re.compile(
    r"\b(soon|shortly|asap|as soon as possible|in due course|when we can|at some point|later|try to|hopefully|"
    r"should be able|might|aim to|do our best|probably|in the coming)\b", re.I)


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
    return p.nodes


def new_text(body):
    out = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if NEW_TEXT_END.match(line):
            break
        out.append(line)
    return "\n".join(out)


def read_guide(path, errors):
    """A small reader for the flat YAML the guides use: enough for the checks and the lint."""
    text = path.read_text(encoding="utf-8")
    top = {m.group(1) for m in re.finditer(r"^([a-z_]+):", text, re.M)}
    if "name" not in top:
        errors.append(f"{path.name}: guide has no name")
    for key in sorted(top - GUIDE_KEYS):
        errors.append(f"{path.name}: unknown top-level field {key!r}")
    guide = {"phrases": [], "limits": {}}
    for key in ("max_grade", "max_sentence_words", "max_exclamations"):
        m = re.search(rf"^\s+{key}:\s*(\d+)", text, re.M)
        if m:
            guide["limits"][key] = int(m.group(1))
    for m in re.finditer(r"(?:instead_of|avoid|forbidden):\s*\[(.*?)\]", text):
        guide["phrases"] += [p.strip().strip("\"'") for p in m.group(1).split(",") if p.strip()]
    for m in re.finditer(r"^\s+- (?:word: )?\"([^\"]+)\"\s*$|^\s+- word: (.+)$", text, re.M):
        guide["phrases"].append((m.group(1) or m.group(2)).strip())
    return guide


def sentences(text):
    flat = re.sub(r"\s+", " ", text)
    return [s for s in re.split(r"(?<=[.!?:])\s+", flat) if s.strip()]


def block_sentences(text):
    """Sentences, taking list items, table rows and short unpunctuated lines as sentences of their own."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        listy = any(re.match(r"^\s*(- |\d+\. |\S.* \| )", ln) for ln in lines)
        if listy or all(len(ln) < 60 for ln in lines):
            for ln in lines:
                out += sentences(ln)
        else:
            out += sentences(" ".join(lines))
    return out


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(1, n)


def lint(where, new, lab, guide, warnings):
    cats = {s.get("category") for s in lab["spans"]}
    if "brand" not in cats:
        for ph in guide["phrases"]:
            flags = 0 if re.search("[A-Z]", ph) else re.I  # product names match case-sensitively
            if re.search(r"(?<![\w-])" + re.escape(ph), new, flags):
                warnings.append(f"{where}: guide phrase {ph!r} in new text but no brand span")
        lim = guide["limits"]
        n_exc = len(re.findall(r"!(?!\[)", new))  # "![" starts a Markdown image
        if n_exc > lim.get("max_exclamations", 99):
            warnings.append(f"{where}: {n_exc} exclamation marks")
        for s in block_sentences(new):
            if len(s.split()) > lim.get("max_sentence_words", 99):
                warnings.append(f"{where}: {len(s.split())}-word sentence: {s[:70]}...")
        words = re.findall(r"[A-Za-z]+", new)
        sents = block_sentences(new)
        if words and sents:
            grade = 0.39 * len(words) / len(sents) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
            if grade > lim.get("max_grade", 99):
                warnings.append(f"{where}: rough Flesch-Kincaid grade {grade:.1f}")
    if "commitment" not in cats and not lab.get("missing_next_step"):
        for s in sentences(new):
            if VAGUE.search(s) and re.search(r"\b(will|'ll|’ll|we|I)\b", s):
                warnings.append(f"{where}: possible vague commitment: {s[:80]}")


def check_label(lp, errors, warnings, do_lint, guides):
    where = lp.name
    try:
        lab = json.loads(lp.read_text(encoding="utf-8"))
    except ValueError as exc:
        errors.append(f"{where}: invalid JSON: {exc}")
        return None
    if not isinstance(lab, dict) or set(lab) != LABEL_KEYS:
        errors.append(f"{where}: fields must be exactly {sorted(LABEL_KEYS)}")
        return None
    for key, typ in (("id", str), ("file", str), ("brand", str), ("missing_next_step", bool), ("spans", list)):
        if not isinstance(lab[key], typ):
            errors.append(f"{where}: field {key!r} is not {typ.__name__}")
            return None
    if lab["id"] != lp.stem:
        errors.append(f"{where}: id {lab['id']!r} does not match the file name")
    if Path(lab["file"]).stem != lp.stem:
        errors.append(f"{where}: file {lab['file']!r} does not match the label's name")
    item = ITEMS / lab["file"]
    if not item.is_file():
        errors.append(f"{where}: file {lab['file']!r} does not exist")
        return None
    if lab["brand"] not in guides:
        errors.append(f"{where}: brand guide {lab['brand']!r} is not a guide at the set root")
        return None
    for sp in lab["spans"]:
        if not isinstance(sp, dict) or set(sp) != {"category", "text"}:
            errors.append(f"{where}: a span must have exactly category and text: {sp!r}")
            continue
        if sp["category"] not in CATEGORIES:
            errors.append(f"{where}: unknown category {sp['category']!r}")
        t = sp["text"]
        if not isinstance(t, str) or not t.strip():
            errors.append(f"{where}: empty span text")
        elif "\n" in t or "\r" in t:
            errors.append(f"{where}: span contains a line break: {t!r}")
        elif t != t.strip():
            errors.append(f"{where}: span has leading or trailing space: {t!r}")
    if item.suffix == ".eml":
        new = check_email(where, item, lab, errors, warnings)
    else:
        new = check_page(where, item, lab, errors)
    if do_lint and new is not None:
        lint(where, new, lab, guides[lab["brand"]], warnings)
    return lab


def check_email(where, item, lab, errors, warnings):
    msg = email.message_from_bytes(item.read_bytes(), policy=email.policy.default)
    for h in ("From", "To", "Date", "Message-ID", "Subject"):
        if msg[h] is None:
            errors.append(f"{where}: missing {h} header")
    subj = str(msg["Subject"] or "")
    if re.match(r"(?i)re:", subj) and (msg["In-Reply-To"] is None or msg["References"] is None):
        errors.append(f"{where}: reply without In-Reply-To/References")
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
        return None
    if plain:
        body = plain[0].replace("\r\n", "\n")
    else:
        body = "\n\n".join(n.strip() for n in html_nodes(htmls[0]))  # one paragraph per text node
    new = new_text(body)
    alt_nodes = None
    if any(p.get_content_type() == "multipart/alternative" for p in msg.walk()):
        if not htmls:
            errors.append(f"{where}: multipart/alternative without an HTML part")
        else:
            alt_nodes = html_nodes(htmls[0])
    if lab["missing_next_step"] and item.suffix != ".eml":
        errors.append(f"{where}: missing_next_step set on a page")
    for sp in lab["spans"]:
        t = sp.get("text")
        if not isinstance(t, str) or not t:
            continue
        n = new.count(t)
        if n != 1:
            where_else = " (only in quoted/signature text)" if n == 0 and t in body else ""
            errors.append(f"{where}: span occurs {n} times in the new text{where_else}: {t!r}")
        if alt_nodes is not None and not any(t in node for node in alt_nodes):
            errors.append(f"{where}: span not inside a single HTML text node: {t!r}")
    return new


def page_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if not raw.startswith("---\n") or "\n---\n" not in raw[4:]:
            return None, None
        text = raw[raw.index("\n---\n", 4) + 5:]
        return text, text.split("\n")
    nodes = html_nodes(raw)
    return "\n\n".join(nodes), nodes


def check_page(where, path, lab, errors):
    if lab["missing_next_step"]:
        errors.append(f"{where}: missing_next_step must be false on pages")
    text, nodes = page_text(path)
    if text is None:
        errors.append(f"{where}: Markdown page without YAML front matter")
        return None
    for sp in lab["spans"]:
        t = sp.get("text")
        if not isinstance(t, str) or not t:
            continue
        if text.count(t) != 1:
            errors.append(f"{where}: span occurs {text.count(t)} times in the visible text: {t!r}")
        if not any(t in n for n in nodes):
            errors.append(f"{where}: span not inside a single text node or line: {t!r}")
        if re.search(r"[*_`#\[\]<>]", t):
            errors.append(f"{where}: span contains markup: {t!r}")
    return text


def main(argv):
    do_lint = "--lint" in argv
    errors, warnings = [], []
    guides = {p.name: read_guide(p, errors) for p in sorted(ROOT.glob("brand-*.yml"))}
    if not guides:
        errors.append("no brand-*.yml guide at the set root")
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files in items/")
    named = set()
    for lp in labels:
        lab = check_label(lp, errors, warnings, do_lint, guides)
        if lab:
            named.add(lab["file"])
    for p in sorted(ITEMS.iterdir()):
        if p.suffix in (".eml", ".html", ".md") and p.name not in named:
            errors.append(f"{p.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    n_eml = len(list(ITEMS.glob("*.eml")))
    n_pages = len(list(ITEMS.glob("*.html"))) + len(list(ITEMS.glob("*.md")))
    print(f"{len(labels)} label files, {n_eml} emails, {n_pages} pages, {len(warnings)} warnings")
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
