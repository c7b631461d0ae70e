#!/usr/bin/env python3
"""Validate the heldout2 labelled corpus.

Errors (exit status 1):
  * a label file is malformed (keys, id/file, brand, category, types);
  * a span's text is empty, contains a line break, or does not occur exactly once in the item's
    decoded new text (emails: stdlib ``email`` package for transfer and charset decoding, then quoted
    replies, forwarded mail and signatures removed; pages: the visible text of the raw file);
  * in a multipart/alternative email, a span is not inside a single text node of the HTML part;
  * a page has ``missing_next_step: true``.

Warnings (printed, exit status unaffected unless --strict) check the labels against brand.yml:
unlabelled terminology/banned/claim/value phrases, exclamation and emoji limits, sentence length,
promise figures, reading grade, weekday/date mismatches and header dates outside the period.

Usage:  python3 validate.py [--strict] [--review] [--markdown]
  --review    print every sentence in the new text that talks about the future, for a human check
  --markdown  print the count tables in Markdown (used for README.md)
"""
import email
import email.policy
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date, datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ITEMS = HERE / "items"
CATEGORIES = {"commitment", "defensive", "sarcasm", "brand", "clarity"}
KEYS = {"id", "file", "brand", "missing_next_step", "spans"}

errors, warnings = [], []


def err(iid, msg):
    errors.append(f"ERROR {iid}: {msg}")


def warn(iid, msg):
    warnings.append(f"warn  {iid}: {msg}")


# ---------------------------------------------------------------- emails: new text
QUOTE_STARTS = [
    re.compile(r"^-{2,}\s*Original Message\s*-{2,}", re.I),
    re.compile(r"^_{10,}\s*$"),
    re.compile(r"^-{2,}\s*Forwarded message\s*-{2,}", re.I),
    re.compile(r"^Begin forwarded message:", re.I),
]


def cut_index(lines, quotes_only=False):
    for i, line in enumerate(lines):
        s = line.rstrip()
        if line in ("-- ", "--") and not quotes_only:
            return i, "signature"
        if s.startswith(">"):
            return i, "quote"
        if any(p.match(s) for p in QUOTE_STARTS):
            return i, "quote"
        if re.match(r"^On .*\d", s) and (s.endswith("wrote:") or
                                         (i + 1 < len(lines) and lines[i + 1].strip().endswith("wrote:"))):
            return i, "quote"
        if s.startswith("From: ") and any(l.startswith(("Sent: ", "Date: ")) for l in lines[i + 1:i + 4]):
            return i, "quote"
    return len(lines), None


def strip_closing_block(text):
    """Drop trailing paragraphs that look like a sign-off or a signature block."""
    paras = re.split(r"\n\s*\n", text.strip("\n"))
    while paras:
        lines = [l for l in paras[-1].split("\n") if l.strip()]
        if lines and len(lines) <= 7 and all(len(l) <= 60 and not re.search(r"[.?!:;]\s*$", l) for l in lines):
            paras.pop()
        else:
            break
    return "\n\n".join(paras)


def new_text_of_plain(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    i, _ = cut_index(lines)
    return strip_closing_block("\n".join(lines[:i]))


class Visible(HTMLParser):
    """Collects visible text nodes (no head, script, style, attribute values)."""
    SKIP = {"head", "script", "style", "title", "noscript", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nodes, self.skip, self.quote = [], 0, 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        if tag == "blockquote":
            self.quote += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag == "blockquote" and self.quote:
            self.quote -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.nodes.append((data, self.quote > 0))


def html_nodes(raw):
    p = Visible()
    p.feed(raw)
    p.close()
    return p.nodes


def load_email(path):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    plain = html = None
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain" and plain is None:
            plain = part.get_content()
        elif ctype == "text/html" and html is None:
            html = part.get_content()
    return msg, plain, html


# ---------------------------------------------------------------- pages: visible text
def md_visible(raw):
    raw = raw.replace("\r\n", "\n")
    if raw.startswith("---\n"):
        end = raw.index("\n---\n", 4)
        raw = raw[end + 5:]
    out = []
    for line in raw.split("\n"):
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)               # images (alt text is not visible)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)            # links
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)                   # headings
        line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)              # list markers
        line = re.sub(r"(\*\*|__|`)", "", line)                          # emphasis, code
        if re.match(r"^\s*\|?[\s:|-]+\|?\s*$", line) and "-" in line:   # table rule
            continue
        line = re.sub(r"\s*\|\s*", "\n", line).strip("\n")              # table cells
        out.append(line)
    return "\n".join(out)


# ---------------------------------------------------------------- brand-guide lint
def load_brand():
    try:
        import yaml
    except ImportError:
        print("note: PyYAML not installed; brand-guide warnings skipped")
        return None
    return yaml.safe_load((HERE / "brand.yml").read_text(encoding="utf-8"))


def term_re(term, case_sensitive):
    pat = r"(?<![\w+])" + re.escape(term) + r"(?:s|es|'s|\u2019s|ed|ing)?(?![\w+])"
    return re.compile(pat, 0 if case_sensitive else re.I)


NUMWORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
DURATION = re.compile(r"\b(\d+|" + "|".join(NUMWORDS) + r"|a|an)(?:\s*(?:to|-|–)\s*\d+)?\s+"
                      r"((?:working |business |calendar )?)(minutes?|hours?|days?|weeks?|months?)\b", re.I)
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\U0001F000-\U0001F2FF]")


def norm_duration(m):
    n = m.group(1).lower()
    n = NUMWORDS.get(n, 1 if n in ("a", "an") else n)
    unit = m.group(3).lower().rstrip("s")
    return (str(n), (m.group(2) or "").strip().lower(), unit)


def sentences(text):
    out = []
    for para in re.split(r"\n\s*\n", text):
        lines = para.split("\n")
        if len(lines) > 1 and all(re.match(r"^\s*[-*]\s", l) for l in lines):
            chunks = lines
        else:
            chunks = [" ".join(l.strip() for l in lines)]
        for c in chunks:
            out += [s for s in re.split(r"(?<=[.!?])\s+", c) if s.strip()]
    return out


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", w)))


def fk_grade(text):
    sents = [s for s in sentences(text) if re.search(r"[A-Za-z]", s)]
    words = re.findall(r"[A-Za-z][A-Za-z'\u2019-]*", text)
    if not sents or not words:
        return 0.0
    syl = sum(syllables(w) for w in words)
    return 0.39 * len(words) / len(sents) + 11.8 * syl / len(words) - 15.59


def overlaps(a, b, text):
    """True when span a (a string) overlaps any occurrence range b=(start,end) in text."""
    i = text.find(a)
    return i >= 0 and i < b[1] and b[0] < i + len(a)


def brand_lint(iid, text, spans, brand):
    if not brand:
        return
    bspans = [s["text"] for s in spans if s["category"] == "brand"]

    def labelled(start, end):
        return any(overlaps(t, (start, end), text) for t in bspans)

    checks = []
    for t in brand.get("terminology", []):
        cs = any(c.isupper() for c in t["use"])
        for w in t.get("instead_of", []):
            checks.append((f"terminology '{w}' (use '{t['use']}')", term_re(w, cs)))
    for b in brand.get("banned", []):
        checks.append((f"banned '{b['word']}'", term_re(b["word"], False)))
    for c in (brand.get("claims") or {}).get("forbidden", []):
        checks.append((f"claim '{c}'", term_re(c, False)))
    for v in brand.get("values", []):
        for a in v.get("avoid", []):
            checks.append((f"value {v['name']}: '{a}'", term_re(a, False)))
    for what, rx in checks:
        for m in rx.finditer(text):
            if not labelled(m.start(), m.end()):
                warn(iid, f"unlabelled {what}: {m.group(0)!r}")

    voice = brand.get("voice", {})
    mx = voice.get("max_exclamations")
    if mx is not None and text.count("!") > mx and not any("!" in t for t in bspans):
        warn(iid, f"{text.count('!')} exclamation marks > {mx} and no brand span holds one")
    if voice.get("emoji") is False:
        for m in EMOJI.finditer(text):
            if not labelled(m.start(), m.end()):
                warn(iid, f"unlabelled emoji {m.group(0)!r}")
    msw = voice.get("max_sentence_words")
    for s in sentences(text):
        n = len(s.split())
        if msw and n > msw:
            st = text.find(s[:40])
            if st < 0 or not labelled(st, st + len(s)):
                warn(iid, f"sentence of {n} words > {msw} not labelled: {s[:60]!r}")
        for p in brand.get("promises", []):
            kws = [term_re(k, False) for k in p.get("keywords", [])]
            if not any(k.search(s) for k in kws):
                continue
            want = DURATION.search(p["within"])
            for m in DURATION.finditer(s):
                if want and norm_duration(m) != norm_duration(want):
                    st = text.find(m.group(0))
                    if not labelled(st, st + len(m.group(0))):
                        warn(iid, f"promise '{p['topic']}' ({p['within']}) vs {m.group(0)!r} not labelled: {s[:70]!r}")
    mg = voice.get("max_grade")
    if mg is not None:
        g = fk_grade(text)
        if g > mg:
            warn(iid, f"reading grade {g:.1f} > {mg}")


WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? (\d{1,2}) "
                     r"(December|January|February|March)\b")
MONTHS = {"December": (2026, 12), "January": (2027, 1), "February": (2027, 2), "March": (2027, 3)}


def date_lint(iid, text):
    for m in WEEKDAY.finditer(text):
        y, mo = MONTHS[m.group(3)]
        real = date(y, mo, int(m.group(2))).strftime("%A")
        if real != m.group(1):
            warn(iid, f"{m.group(0)!r} is a {real}")


FUTURE = re.compile(r"\b(will|won't|shall|going to|aim|try|hopefully|should|might|may|soon|later)\b|['\u2019]ll\b", re.I)


# ---------------------------------------------------------------- main
def main():
    strict = "--strict" in sys.argv
    review = "--review" in sys.argv
    markdown = "--markdown" in sys.argv
    brand = load_brand()
    stats = defaultdict(Counter)
    span_counts = defaultdict(Counter)      # category -> {"email": n, "page": n}
    items_with = defaultdict(Counter)
    mns_items, clean = Counter(), Counter()
    labels = sorted(ITEMS.glob("*.json"))
    for lp in labels:
        iid = lp.stem
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except Exception as e:  # noqa: BLE001
            err(iid, f"bad JSON: {e}")
            continue
        if set(lab) != KEYS:
            err(iid, f"keys {sorted(lab)} != {sorted(KEYS)}")
            continue
        if lab["id"] != iid:
            err(iid, f"id {lab['id']!r} does not match file name")
        if lab["brand"] != "brand.yml":
            err(iid, "brand must be 'brand.yml'")
        if not isinstance(lab["missing_next_step"], bool):
            err(iid, "missing_next_step must be a boolean")
        path = ITEMS / lab["file"]
        if not path.exists() or path.stem != iid:
            err(iid, f"file {lab['file']!r} missing or misnamed")
            continue
        kind = "email" if path.suffix == ".eml" else "page"
        html_node_list = None
        if kind == "email":
            msg, plain, html = load_email(path)
            raw = path.read_bytes()
            stats["content-type"][msg.get_content_type()] += 1
            ctes = {str(p.get("Content-Transfer-Encoding", "7bit")).lower() for p in msg.walk() if not p.is_multipart()}
            for c in ctes:
                stats["transfer-encoding (items using it)"][c] += 1
            stats["line endings"]["CRLF" if b"\r\n" in raw else "LF"] += 1
            if plain is None and html is None:
                err(iid, "no text part")
                continue
            if plain is None:
                plain = "\n".join(t for t, q in html_nodes(html) if not q)
            full = plain.replace("\r\n", "\n")
            lines = full.split("\n")
            if cut_index(lines, quotes_only=True)[1] == "quote":
                stats["replies quoting earlier mail"]["yes"] += 1
            text = new_text_of_plain(full)
            if html is not None:
                html_node_list = [(t, q) for t, q in html_nodes(html)]
            d = msg["Date"].datetime
            if not (datetime(2026, 12, 20, tzinfo=timezone.utc) <= d <= datetime(2027, 1, 11, tzinfo=timezone.utc)):
                warn(iid, f"header date {msg['Date']} outside late Dec 2026 / early Jan 2027")
        else:
            raw = path.read_text(encoding="utf-8")
            if path.suffix == ".md":
                text = md_visible(raw).replace("\n", "\n\n")   # each line is its own block
            else:
                html_node_list = html_nodes(raw)
                text = "\n\n".join(t.strip() for t, _ in html_node_list)
            if lab["missing_next_step"]:
                err(iid, "pages must have missing_next_step false")
        spans = lab["spans"]
        if not isinstance(spans, list):
            err(iid, "spans must be a list")
            continue
        seen = set()
        for s in spans:
            if set(s) != {"category", "text"}:
                err(iid, f"span keys {sorted(s)}")
                continue
            c, t = s["category"], s["text"]
            if c not in CATEGORIES:
                err(iid, f"unknown span category {c!r}")
            if (c, t) in seen:
                err(iid, f"duplicate span {c}:{t!r}")
            seen.add((c, t))
            if not t or "\n" in t or "\r" in t:
                err(iid, f"span {t!r} is empty or crosses a line break")
                continue
            n = text.count(t)
            if n != 1:
                err(iid, f"{c} span {t!r} occurs {n} times in the new/visible text (must be exactly 1)")
            if html_node_list is not None:
                hits = [q for node, q in html_node_list if t in node]
                if kind == "email" and not any(not q for q in hits):
                    err(iid, f"{c} span {t!r} not inside a single text node of the HTML part")
                if kind == "page" and len(hits) != 1:
                    err(iid, f"{c} span {t!r} found in {len(hits)} HTML text nodes (must be exactly 1)")
            span_counts[c][kind] += 1
        for c in {s["category"] for s in spans}:
            items_with[c][kind] += 1
        if lab["missing_next_step"]:
            mns_items[kind] += 1
        if not spans and not lab["missing_next_step"]:
            clean[kind] += 1
        stats["items"][kind] += 1
        brand_lint(iid, text, spans, brand)
        date_lint(iid, text)
        if review:
            print(f"--- {iid} mns={lab['missing_next_step']} spans={[(s['category'], s['text']) for s in spans]}")
            for s in sentences(text):
                if FUTURE.search(s):
                    print("      ", s)

    for line in errors + warnings:
        print(line)
    n_e, n_p = stats["items"]["email"], stats["items"]["page"]
    print(f"\n{len(labels)} label files: {n_e} emails, {n_p} pages; {len(errors)} errors, {len(warnings)} warnings")
    rows = []
    for c in ["commitment", "defensive", "sarcasm", "brand"]:
        e, p = span_counts[c]["email"], span_counts[c]["page"]
        rows.append((f"`{c}`", "span", e, p, e + p, items_with[c]["email"], items_with[c]["page"]))
    if markdown:
        print("\n| category | level | spans in emails | spans in pages | total spans | emails with at least one | pages with at least one |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for r in rows:
            print("| " + " | ".join(str(x) for x in r) + " |")
        print(f"| `next-step` | document | — | — | {mns_items['email']} emails with `missing_next_step: true` | {mns_items['email']} | 0 |")
        print("\n| items | total | clean (no spans, `missing_next_step: false`) | with at least one finding |")
        print("|---|---:|---:|---:|")
        print(f"| emails | {n_e} | {clean['email']} | {n_e - clean['email']} |")
        print(f"| pages | {n_p} | {clean['page']} | {n_p - clean['page']} |")
    else:
        for r in rows:
            print(f"  {r[0]:<14} emails {r[2]:>3}  pages {r[3]:>2}  total {r[4]:>3}  (items: {r[5]} emails, {r[6]} pages)")
        print(f"  next-step      {mns_items['email']} emails with missing_next_step true")
        print(f"  clean          {clean['email']} emails, {clean['page']} pages")
    for k in ["content-type", "transfer-encoding (items using it)", "line endings", "replies quoting earlier mail"]:
        print(f"  {k}: " + ", ".join(f"{a}={b}" for a, b in sorted(stats[k].items())))
    if errors or (strict and warnings):
        sys.exit(1)


if __name__ == "__main__":
    main()
