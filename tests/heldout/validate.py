#!/usr/bin/env python3
"""Validate the held-out corpus labels (stdlib only).

For every label file in items/:
  * the label has the LABELS.md shape and names an existing item;
  * every span text is non-empty, has no line break, and occurs exactly once in the
    item's decoded body (emails: text/plain part after transfer and charset decoding;
    pages: the raw file);
  * for emails the occurrence lies in the author's new text (before any signature,
    sign-off block or quoted reply), and, in multipart/alternative mails, the text also
    occurs exactly once inside a single text node of the HTML part;
  * for pages the occurrence is in visible text (not in front matter, <head>, <script>
    or <style>).
Exit status 0 when everything passes; prints a per-category summary.
"""
import collections
import email
import email.policy
import html.parser
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ITEMS = HERE / "items"
CATEGORIES = {"commitment", "defensive", "sarcasm", "brand"}

QUOTE_OR_SIG = [
    re.compile(r"^-- ?$"),
    re.compile(r"^On .+ wrote:$"),
    re.compile(r"^-+ ?Original Message ?-+$"),
    re.compile(r"^_{10,}$"),
    re.compile(r"^-+ ?Forwarded message ?-+$"),
    re.compile(r"^>"),
    re.compile(r"^(Kind regards|Regards|Best regards|Best wishes|Best|Thanks|Many thanks|"
               r"Yours sincerely|Yours faithfully|Warm regards),?$"),
]


def new_text(body: str) -> str:
    lines = body.splitlines()
    for i, line in enumerate(lines):
        if any(p.match(line) for p in QUOTE_OR_SIG):
            return "\n".join(lines[:i])
        if line.startswith("From: ") and any(l.startswith("Sent: ") for l in lines[i + 1:i + 3]):
            return "\n".join(lines[:i])
    return "\n".join(lines)


class TextNodes(html.parser.HTMLParser):
    SKIP = {"script", "style", "head", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.nodes = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.nodes.append(data)


def html_nodes(src: str):
    p = TextNodes()
    p.feed(src)
    p.close()
    return p.nodes


def parts(msg, ctype):
    return [p for p in msg.walk() if p.get_content_type() == ctype and not p.is_multipart()]


def check_email(path, label, errors):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    plains = parts(msg, "text/plain")
    htmls = parts(msg, "text/html")
    if not plains:
        errors.append(f"{path.name}: no text/plain part")
        return
    body = plains[0].get_content()
    new = new_text(body.replace("\r\n", "\n"))
    nodes = html_nodes(htmls[0].get_content()) if (htmls and msg.get_content_type() == "multipart/alternative") else None
    for s in label["spans"]:
        t = s["text"]
        n = body.count(t)
        if n != 1:
            errors.append(f"{path.name}: span {t!r} occurs {n} times in decoded body")
        elif t not in new:
            errors.append(f"{path.name}: span {t!r} is not in the new text (quote/signature?)")
        if nodes is not None:
            joined = "".join(nodes)
            if joined.count(t) != 1 or not any(t in nd for nd in nodes):
                errors.append(f"{path.name}: span {t!r} not exactly once in a single HTML text node")


def check_page(path, label, errors):
    raw = path.read_text(encoding="utf-8")
    if label["missing_next_step"] is not False:
        errors.append(f"{path.name}: pages must have missing_next_step false")
    if path.suffix == ".md":
        m = re.match(r"^---\n.*?\n---\n", raw, re.S)
        visible = raw[m.end():] if m else raw
    else:
        visible = "\n".join(html_nodes(raw))
    for s in label["spans"]:
        t = s["text"]
        n = raw.count(t)
        if n != 1:
            errors.append(f"{path.name}: span {t!r} occurs {n} times in raw file")
        elif t not in visible:
            errors.append(f"{path.name}: span {t!r} is not in visible text")
        if path.suffix == ".md" and re.search(r"[*_#`\[\]]", t):
            errors.append(f"{path.name}: span {t!r} includes Markdown syntax")


def main():
    errors = []
    counts = collections.Counter()
    items_with = collections.Counter()
    n_items = n_clean = n_missing = 0
    labels = sorted(ITEMS.glob("*.json"))
    if not labels:
        errors.append("no label files found")
    for lp in labels:
        try:
            label = json.loads(lp.read_text(encoding="utf-8"))
        except ValueError as e:
            errors.append(f"{lp.name}: invalid JSON: {e}")
            continue
        keys = {"id", "file", "brand", "missing_next_step", "spans"}
        if set(label) != keys:
            errors.append(f"{lp.name}: keys {sorted(label)} != {sorted(keys)}")
            continue
        if label["id"] != lp.stem or not label["file"].startswith(lp.stem + "."):
            errors.append(f"{lp.name}: id/file mismatch")
        if label["brand"] != "brand.yml":
            errors.append(f"{lp.name}: brand must be 'brand.yml'")
        if not isinstance(label["missing_next_step"], bool):
            errors.append(f"{lp.name}: missing_next_step must be a boolean")
        item = ITEMS / label["file"]
        if not item.exists():
            errors.append(f"{lp.name}: {label['file']} does not exist")
            continue
        seen = set()
        for s in label["spans"]:
            if set(s) != {"category", "text"}:
                errors.append(f"{lp.name}: span keys {sorted(s)}")
                continue
            if s["category"] not in CATEGORIES:
                errors.append(f"{lp.name}: unknown category {s['category']!r}")
            if not s["text"] or "\n" in s["text"] or "\r" in s["text"]:
                errors.append(f"{lp.name}: empty span or span crossing a line break: {s['text']!r}")
            if (s["category"], s["text"]) in seen:
                errors.append(f"{lp.name}: duplicate span {s}")
            seen.add((s["category"], s["text"]))
            counts[s["category"]] += 1
        for c in {s["category"] for s in label["spans"]}:
            items_with[c] += 1
        if item.suffix == ".eml":
            check_email(item, label, errors)
        else:
            check_page(item, label, errors)
        n_items += 1
        n_missing += label["missing_next_step"]
        n_clean += (not label["spans"] and not label["missing_next_step"])
    brand = HERE / "brand.yml"
    if not brand.exists():
        errors.append("brand.yml missing")
    for e in errors:
        print("FAIL", e)
    print(f"{n_items} items, {n_clean} clean, {n_missing} missing_next_step")
    for c in sorted(counts):
        print(f"  {c:11s} {counts[c]:3d} spans in {items_with[c]} items")
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
