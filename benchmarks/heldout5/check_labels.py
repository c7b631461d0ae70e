#!/usr/bin/env python3
"""Consistency checker for the heldout5 test set (stdlib only).

For every items/*.json label file it checks that:
  * the JSON has the LABELS.md fields (id, file, brand, missing_next_step, spans) with sane types,
    `id` matches the file name, `file` names an existing .eml beside it and `brand` an existing guide
    at the set root (brand.yml);
  * every category is one of the hand-labelled span categories (commitment, defensive, sarcasm, brand);
  * the .eml parses with the stdlib `email` package and has a text/plain part;
  * every span `text` occurs in the decoded plain-text body, and occurs exactly once in the author's
    new text (the body cut at the first quote / forward / Notes header / pasted article / signature
    marker / disclaimer, see new_text()). Matching is whitespace-normalised: runs of spaces and line
    breaks count as one space, because in hard-wrapped bodies a span may cross a line break (the
    label's text then has a single space where the body has the line break). Spans that cross a line
    break are counted and reported.

Optional `--lint` prints warnings (never failures) that help keep clean items clean: more than one
exclamation mark, emoji, sentences over the guide's 45-word limit, and brand-guide words in the new
text of items with no brand span.

Exit status 0 when everything passes, 1 otherwise.  Usage:  python3 check_labels.py [--lint]
"""
import email
import email.policy
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
ITEMS = ROOT / "items"
CATEGORIES = {"commitment", "defensive", "sarcasm", "brand"}

# A line that ends the author's new text.
CUT = re.compile(
    r"^(>"
    r"|.*\bwrote:\s*$"
    r"|On (Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*,? .*\d{4}"
    r"|-{3,} ?Original Message ?-{3,}"
    r"|_{10,}\s*$"
    r"|-{5,} ?Forwarded"
    r"|From: .+"
    r"|Sent: .+"
    r"|-- $"
    r"|Sent from my "
    r"|-{10,}\s*$"
    r"|\*{10,}\s*$"
    r"|CONFIDENTIALITY NOTICE"
    r"|PRIVILEGED & CONFIDENTIAL"
    r"|CAUTION: This email originated"
    r"|FOR IMMEDIATE RELEASE"
    r")"
)
NOTES_DATE = re.compile(r"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}(:\d{2})? (AM|PM)\s*$")
NOTES_INET = re.compile(r" on \d{2}/\d{2}/\d{4} \d{2}:\d{2}(:\d{2})? (AM|PM)\s*$")
# "HOUSTON, May 3 (Reuters) -" / "AUSTIN, Texas, March 18, 2025 -" / "HOUSTON, June 12, 2001 /Wire/ --"
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}, [^\n]{0,40}?(\([^)]+\)|/[^/]+/|\d{4}) +(-{1,2}|\u2013|\u2014) ")


def decoded_plain(msg):
    for part in msg.walk():
        if not part.is_multipart() and part.get_content_type() == "text/plain":
            return part.get_content()
    return None


def new_text(body):
    lines = body.replace("\r\n", "\n").split("\n")
    end = len(lines)
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if (CUT.match(line) or NOTES_INET.search(line) or (line.strip() and NOTES_DATE.match(nxt))):
            end = i
            break
        if DATELINE.match(line):
            # a pasted article: also drop the headline / byline blocks just above the dateline
            j = i
            for _ in range(1):  # the one headline (+ byline) block right above the dateline
                k = j - 1
                while k >= 0 and not lines[k].strip():
                    k -= 1
                start = k
                while start > 0 and lines[start - 1].strip():
                    start -= 1
                block = [l for l in lines[start:k + 1] if l.strip()]
                if j > 0 and block and len(block) <= 3 and not re.search(r"[.:?!;]\s*$", block[-1]):
                    j = start
            end = j
            break
    return "\n".join(lines[:end])


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def sentences(text):
    """Prose units: hard-wrapped lines are re-joined, short lines (lists, tables, headings) stand alone."""
    units, cur = [], ""
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            if cur:
                units.append(cur)
            cur = ""
            continue
        if cur and len(prev) >= 55 and not re.match(r"^([-*]|\d+[.)]) ", s) and "   " not in s:
            cur += " " + s
        else:
            if cur:
                units.append(cur)
            cur = s
        prev = line
    if cur:
        units.append(cur)
    out = []
    for u in units:
        out.extend(x for x in re.split(r"(?<=[.!?])\s+(?=[A-Z\"\u201c(])", u) if x.strip())
    return out


def brand_terms():
    """Tiny ad-hoc reader for the word lists in brand.yml (no YAML dependency)."""
    text = (ROOT / "brand.yml").read_text(encoding="utf-8")
    terms = []
    for m in re.finditer(r"instead_of: \[([^\]]*)\]", text):
        terms += [t.strip().strip("\"'") for t in m.group(1).split(",")]
    terms += re.findall(r"- word: (\S+)", text)
    m = re.search(r"forbidden: \[([^\]]*)\]", text)
    if m:
        terms += [t.strip().strip("\"'") for t in m.group(1).split(",")]
    for block in re.findall(r"avoid:\n((?:\s+- .+\n)+)", text):
        terms += [t.strip().lstrip("- ").strip("\"'") for t in block.strip().split("\n")]
    return [t for t in terms if t]


def main(argv):
    lint = "--lint" in argv
    errors, warnings = [], []
    labels = sorted(ITEMS.glob("*.json"))
    emls = sorted(ITEMS.glob("*.eml"))
    if not labels:
        errors.append("no label files found")
    if not (ROOT / "brand.yml").is_file():
        errors.append("brand.yml missing at the set root")
    terms = brand_terms() if (ROOT / "brand.yml").is_file() else []
    labelled_files = set()
    spans_by_cat, items_by_cat = Counter(), Counter()
    n_clean = n_mns = n_mns_only = n_cross = 0
    for lp in labels:
        where = lp.name
        try:
            lab = json.loads(lp.read_text(encoding="utf-8"))
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        bad = False
        for key, typ in (("id", str), ("file", str), ("brand", str), ("missing_next_step", bool), ("spans", list)):
            if not isinstance(lab.get(key), typ):
                errors.append(f"{where}: field {key!r} missing or not {typ.__name__}")
                bad = True
        if bad:
            continue
        extra = set(lab) - {"id", "file", "brand", "missing_next_step", "spans"}
        if extra:
            errors.append(f"{where}: unexpected fields {sorted(extra)}")
        if lab["id"] != lp.stem:
            errors.append(f"{where}: id {lab['id']!r} does not match file name")
        eml = ITEMS / lab["file"]
        labelled_files.add(lab["file"])
        if not eml.is_file():
            errors.append(f"{where}: file {lab['file']!r} does not exist")
            continue
        if lab["brand"] != "brand.yml" or not (ROOT / lab["brand"]).is_file():
            errors.append(f"{where}: brand guide {lab['brand']!r} is not the set's brand.yml")
        msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
        if msg["From"] is None or msg["Date"] is None or msg["Message-ID"] is None:
            errors.append(f"{where}: .eml lacks From/Date/Message-ID")
        plain = decoded_plain(msg)
        if plain is None:
            errors.append(f"{where}: no text/plain part")
            continue
        body = plain.replace("\r\n", "\n")
        new = new_text(body)
        nbody, nnew = norm(body), norm(new)
        cats = set()
        for sp in lab["spans"]:
            if set(sp) != {"category", "text"}:
                errors.append(f"{where}: span has fields {sorted(sp)}")
            cat, text = sp.get("category"), sp.get("text")
            if cat not in CATEGORIES:
                errors.append(f"{where}: unknown category {cat!r}")
                continue
            if not isinstance(text, str) or not text.strip():
                errors.append(f"{where}: empty span text")
                continue
            if "\n" in text or text != text.strip():
                errors.append(f"{where}: span text must be one line without outer spaces: {text!r}")
            nt = norm(text)
            if nt not in nbody:
                errors.append(f"{where}: span not in decoded body: {text!r}")
                continue
            n = nnew.count(nt)
            if n != 1:
                errors.append(f"{where}: span occurs {n} times in the new text (want 1): {text!r}")
            if nbody.count(nt) > n:
                warnings.append(f"{where}: span text also occurs in quoted/context text: {text!r}")
            if text not in new:
                n_cross += 1
            spans_by_cat[cat] += 1
            cats.add(cat)
        for c in cats:
            items_by_cat[c] += 1
        if lab["missing_next_step"]:
            n_mns += 1
            items_by_cat["next-step"] += 1
            if not lab["spans"]:
                n_mns_only += 1
        if not lab["spans"] and not lab["missing_next_step"]:
            n_clean += 1
        if lint and "brand" not in cats:
            n_exc = new.count("!")
            if n_exc > 1:
                warnings.append(f"{where}: {n_exc} exclamation marks in new text but no brand span")
            if re.search("[\U0001F300-\U0001FAFF\u2600-\u27BF]", new):
                warnings.append(f"{where}: emoji in new text but no brand span")
            for s in sentences(new):
                if len(s.split()) > 45:
                    warnings.append(f"{where}: long sentence ({len(s.split())} words): {s[:60]}...")
            for t in terms:
                flags = 0 if re.search(r"[A-Z]", t) else re.I  # product names match case-sensitively
                if re.search(r"(?<![\w-])" + re.escape(t), nnew, flags):
                    warnings.append(f"{where}: brand-guide term {t!r} in new text but no brand span")
    for e in emls:
        if e.name not in labelled_files:
            errors.append(f"{e.name}: no label file names it")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    total = len(labels)
    print()
    print(f"{total} label files, {len(emls)} emails, {len(errors)} errors, {len(warnings)} warnings")
    if total:
        print(f"clean items (no spans, missing_next_step false): {n_clean} ({100 * n_clean / total:.0f}%)")
        print(f"items with at least one finding: {total - n_clean}")
        print(f"missing_next_step true: {n_mns} (next step the only finding: {n_mns_only})")
        for c in ("commitment", "defensive", "sarcasm", "brand"):
            print(f"  {c:<11} {spans_by_cat[c]:>3} spans in {items_by_cat[c]:>3} items")
        print(f"  {'next-step':<11} {n_mns:>3} items")
        print(f"spans crossing a line break (whitespace-normalised match): {n_cross}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
