#!/usr/bin/env python3
"""Validate the heldout3 corpus (Quayside Travel).

Checks, for every label file in items/:
  * the label format of shared/spec/LABELS.md (id, file, brand, missing_next_step, spans[category, text]);
  * every span's `text` occurs exactly once in the item's decoded new text (emails: after transfer and
    charset decoding, without quoted mail, forwarded mail or `-- ` signatures; pages: visible text only),
    never crosses a line break, and, in multipart/alternative mail, also sits inside one HTML text node;
  * self-consistency against brand.yml: any guide term, banned word, forbidden claim, avoided phrase,
    contradicted promise figure, over-long sentence, extra exclamation or emoji in unlabelled new text
    is reported, as are shouted capitals and "!!!"/"?!" that no span covers.

Usage: python3 validate.py [--verbose]      exit status 0 when everything passes.
"""
import email
import html
import json
import re
import sys
from email import policy
from html.parser import HTMLParser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent
ITEMS = ROOT / 'items'
CATEGORIES = {'commitment', 'defensive', 'sarcasm', 'brand', 'next-step', 'clarity', 'empathy'}
ACRONYMS = {'ATOL', 'ABTA', 'PNR', 'ETA', 'GBP', 'EHIC', 'GHIC', 'PIR', 'RE', 'FW', 'FWD', 'UK', 'PDF', 'QT'}
VALEDICTIONS = re.compile(r'^(best wishes|kind regards|regards|best|thanks|thank you|cheers|warm wishes|'
                          r'all the best|yours sincerely|have a good trip|have a lovely trip)[,!.]?$', re.I)
EMOJI = re.compile('[\U0001F300-\U0001FAFF\u2600-\u27BF]')
NUMWORDS = {'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, 'seven': 7, 'a': 1, 'an': 1}

errors, warnings = [], []


def err(item, msg):
    errors.append(f'{item}: {msg}')


def warn(item, msg):
    warnings.append(f'{item}: {msg}')


# ----------------------------------------------------------------------------- text extraction
class VisibleText(HTMLParser):
    """Text nodes outside <head>, <script> and <style>; attribute values (alt, title) are never text."""

    def __init__(self, skip_quotes=False):
        super().__init__(convert_charrefs=True)
        self.nodes, self.skip, self.skip_quotes = [], 0, skip_quotes

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        quoted = self.skip_quotes and (tag == 'blockquote' or a.get('class') in ('gmail_quote', 'signature',
                                                                                  'AppleOriginalContents')
                                       or a.get('id') == 'divRplyFwdMsg' or tag == 'hr')
        if tag in ('head', 'script', 'style') or quoted or self.skip:
            if tag not in ('br', 'hr', 'img', 'meta', 'input'):
                self.skip += 1
            elif tag == 'hr' and self.skip_quotes:
                self.skip += 10 ** 6   # everything after an Outlook rule is quoted

    def handle_endtag(self, tag):
        if self.skip and self.skip < 10 ** 6:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.nodes.append(data)


def html_nodes(markup, skip_quotes=False):
    p = VisibleText(skip_quotes)
    p.feed(markup)
    return p.nodes


QUOTE_START = [re.compile(p) for p in (
    r'^-- ?$', r'^On .+ wrote:\s*$', r'^-{5}\s*Original Message\s*-{5}', r'^_{10,}\s*$',
    r'^From: .+', r'^-{5,} ?Forwarded message ?-{5,}', r'^Begin forwarded message:')]


def new_text_of(body):
    """Author's new text: cut at the first quote/forward/`-- ` signature marker; drop `>` lines."""
    out = []
    for line in body.replace('\r\n', '\n').split('\n'):
        if any(p.match(line) for p in QUOTE_START):
            break
        if line.startswith('>'):
            continue
        out.append(line)
    return '\n'.join(out).strip('\n')


def strip_closing_block(text):
    """Drop a closing sign-off block (valediction and the name/title/phone lines after it)."""
    lines = text.split('\n')
    for i, line in enumerate(lines):
        if VALEDICTIONS.match(line.strip()) and i >= len(lines) - 9:
            return '\n'.join(lines[:i])
    return text


def email_texts(path):
    msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    plain = htmlpart = None
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == 'attachment':
            continue
        ctype = part.get_content_type()
        if ctype == 'text/plain' and plain is None:
            plain = part.get_content()
        elif ctype == 'text/html' and htmlpart is None:
            htmlpart = part.get_content()
    if plain is not None:
        new = new_text_of(plain)
    elif htmlpart is not None:
        new = new_text_of('\n'.join(n.strip('\n') for n in html_nodes(htmlpart, skip_quotes=True)))
    else:
        raise ValueError('no text part')
    return new, htmlpart, msg


def page_text(path):
    raw = path.read_text(encoding='utf-8')
    if path.suffix == '.md':
        raw = re.sub(r'\A---\n.*?\n---\n', '', raw, flags=re.S)          # front matter
        raw = re.sub(r'!\[[^\]]*\]\([^)]*\)', '', raw)                     # images incl. alt text
        raw = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', raw)                 # links -> link text
        raw = re.sub(r'(\*\*|__|`)', '', raw)
        raw = re.sub(r'^\s*(#+|[-*]|\d+\.)\s+', '', raw, flags=re.M)
        raw = re.sub(r'^\|?[-:| ]+\|?$', '', raw, flags=re.M)
        raw = raw.replace('|', '\n')
        return '\n\n'.join(l.strip() for l in raw.split('\n') if l.strip())
    return '\n\n'.join(n.strip() for n in html_nodes(raw))


# ----------------------------------------------------------------------------- brand lint
def term_regex(term, case_sensitive):
    words = [re.escape(w) for w in term.split()]
    pat = r'[\s-]+'.join(words) if not case_sensitive else r'\s+'.join(words)
    if not case_sensitive:
        pat += r'(?:s|es|ed|d|ing|er|est|ly)?'
    return re.compile(r'(?<![\w-])' + pat + r'(?![\w-])', 0 if case_sensitive else re.I)


def brand_patterns(guide):
    pats = []
    for t in guide.get('terminology', []):
        product = any(c.isupper() for c in t['use'])
        for w in t.get('instead_of', []):
            pats.append((f'terminology {w!r} -> {t["use"]!r}', term_regex(w, product)))
    for b in guide.get('banned', []):
        pats.append((f'banned {b["word"]!r}', term_regex(b['word'], False)))
    for c in guide.get('claims', {}).get('forbidden', []):
        pats.append((f'claim {c!r}', term_regex(c, False)))
    for v in guide.get('values', []):
        for a in v.get('avoid', []):
            pats.append((f'value {v["name"]} avoid {a!r}', term_regex(a, False)))
    return pats


DURATION = re.compile(r'\b(\d+|one|two|three|four|five|six|seven|a|an)\s+(working\s+|business\s+)?'
                      r'(hours?|days?|weeks?|months?)\b', re.I)


def norm_duration(m):
    n = m.group(1).lower()
    n = NUMWORDS.get(n, None) if not n.isdigit() else int(n)
    return (n, bool(m.group(2)), m.group(3).lower().rstrip('s'))


def sentences(text):
    text = re.sub(r'(?<!\n)\n(?!\n)', ' ', text)                # join hard-wrapped lines
    out = []
    for para in re.split(r'\n\s*\n', text):
        for s in re.split(r'(?<=[.!?])\s+(?=\S)', para.strip()):
            if s.strip():
                out.append(s.strip())
    return out


def syllables(word):
    w = re.sub(r'[^a-z]', '', word.lower())
    if not w:
        return 0
    groups = re.findall(r'[aeiouy]+', w)
    n = len(groups)
    if w.endswith('e') and not w.endswith(('le', 'ee', 'ye')) and n > 1:
        n -= 1
    return max(1, n)


def fk_grade(text):
    sents = sentences(text)
    words = [w for w in re.findall(r"[A-Za-z0-9’'£€:.,-]+", text) if re.search(r'[A-Za-z0-9]', w)]
    if not sents or not words:
        return 0.0
    syl = sum(syllables(w) if re.search('[A-Za-z]', w) else 1 for w in words)
    return 0.39 * len(words) / len(sents) + 11.8 * syl / len(words) - 15.59


def covered(start, end, span_pos, cats=None):
    return any(s < end and start < e for (s, e, c) in span_pos if cats is None or c in cats)


def lint(iid, text, spans, guide, pats, is_page):
    span_pos = []
    for sp in spans:
        i = text.find(sp['text'])
        if i >= 0:
            span_pos.append((i, i + len(sp['text']), sp['category']))
    body = strip_closing_block(text) if not is_page else text
    for label, rx in pats:
        for m in rx.finditer(body):
            if not covered(m.start(), m.end(), span_pos, {'brand'}):
                err(iid, f'unlabelled {label} at {m.group(0)!r}')
    for m in EMOJI.finditer(body):
        if not covered(m.start(), m.end(), span_pos, {'brand'}):
            err(iid, f'unlabelled emoji {m.group(0)!r}')
    voice = guide.get('voice', {})
    excl = [m for m in re.finditer(r'!', body)]
    if len(excl) > voice.get('max_exclamations', 99):
        if not any(covered(m.start(), m.end(), span_pos, {'brand', 'defensive'}) for m in excl):
            err(iid, f'{len(excl)} exclamation marks and no span covers any')
    for m in re.finditer(r'!!+|\?!|!\?', body):
        if not covered(m.start(), m.end(), span_pos, {'defensive'}):
            err(iid, f'unlabelled shouting punctuation {m.group(0)!r}')
    for m in re.finditer(r'(?<![\w-])[A-Z]{2,}(?![\w-])', body):
        if m.group(0) not in ACRONYMS and not covered(m.start(), m.end(), span_pos, {'defensive'}):
            err(iid, f'capitals not covered by a defensive span: {m.group(0)!r}')
    limit = voice.get('max_sentence_words', 999)
    for s in sentences(body):
        n = len(s.split())
        if n > limit:
            i = body.find(s[:40])
            if not covered(i, i + len(s), span_pos, {'brand'}):
                err(iid, f'sentence of {n} words (> {limit}) unlabelled: {s[:60]!r}')
    for s in sentences(body):
        for p in guide.get('promises', []):
            if not any(term_regex(k, False).search(s) for k in p['keywords']):
                continue
            want = norm_duration(DURATION.search(p['within']))
            for m in DURATION.finditer(s):
                if norm_duration(m) != want:
                    flat = re.sub(r'\s+', ' ', body)
                    i = flat.find(re.sub(r'\s+', ' ', s))
                    hit = any(sp['category'] == 'brand' and sp['text'] in s for sp in spans)
                    if not hit:
                        err(iid, f'promise {p["topic"]!r}: {m.group(0)!r} differs from {p["within"]!r} '
                                 f'and no brand span: {s[:70]!r}')
    g = fk_grade(body)
    if g > guide.get('voice', {}).get('max_grade', 99):
        err(iid, f'Flesch-Kincaid grade {g:.1f} over max_grade and unlabelled')
    elif g > 8.0:
        warn(iid, f'Flesch-Kincaid grade {g:.1f} is close to the limit')
    return g


# ----------------------------------------------------------------------------- main
def main():
    verbose = '--verbose' in sys.argv
    guide_path = ROOT / 'brand.yml'
    try:
        guide = yaml.safe_load(guide_path.read_text(encoding='utf-8'))
    except yaml.YAMLError as e:
        print(f'brand.yml: {e}')
        return 1
    if not isinstance(guide, dict) or not guide.get('name'):
        err('brand.yml', 'missing required field name')
    pats = brand_patterns(guide)

    counts = {c: 0 for c in ('commitment', 'defensive', 'sarcasm', 'brand')}
    items_with = {c: 0 for c in counts}
    page_spans = 0
    n_mail = n_page = clean_mail = clean_page = mns = 0
    labels = sorted(ITEMS.glob('*.json'))
    for lp in labels:
        iid = lp.stem
        try:
            lab = json.loads(lp.read_text(encoding='utf-8'))
        except json.JSONDecodeError as e:
            err(iid, f'bad JSON: {e}')
            continue
        if set(lab) != {'id', 'file', 'brand', 'missing_next_step', 'spans'}:
            err(iid, f'keys {sorted(lab)}')
        if lab.get('id') != iid:
            err(iid, f'id {lab.get("id")!r} does not match file name')
        if lab.get('brand') != 'brand.yml':
            err(iid, 'brand must be "brand.yml"')
        if not isinstance(lab.get('missing_next_step'), bool):
            err(iid, 'missing_next_step must be a boolean')
        item = ITEMS / lab.get('file', '')
        if not item.is_file() or item.stem != iid:
            err(iid, f'file {lab.get("file")!r} missing or misnamed')
            continue
        spans = lab.get('spans', [])
        is_page = item.suffix in ('.md', '.html')
        htmlpart = None
        try:
            if is_page:
                text = page_text(item)
            else:
                text, htmlpart, msg = email_texts(item)
        except Exception as e:  # noqa: BLE001
            err(iid, f'cannot decode: {e}')
            continue
        seen = set()
        for sp in spans:
            if set(sp) != {'category', 'text'}:
                err(iid, f'span keys {sorted(sp)}')
                continue
            c, t = sp['category'], sp['text']
            if c not in CATEGORIES or c in ('next-step', 'clarity', 'empathy'):
                err(iid, f'bad span category {c!r}')
            if (c, t) in seen:
                err(iid, f'duplicate span {c}:{t!r}')
            seen.add((c, t))
            if not t or t != t.strip():
                err(iid, f'empty or untrimmed span {t!r}')
            if '\n' in t or '\r' in t:
                err(iid, f'span crosses a line break: {t!r}')
            n = text.count(t)
            if n != 1:
                err(iid, f'span {c}:{t!r} occurs {n} times in the new text')
            if htmlpart is not None and not is_page:
                nodes = html_nodes(htmlpart, skip_quotes=True)
                if sum(node.count(t) for node in nodes) != 1:
                    err(iid, f'span {t!r} not exactly once inside a single HTML text node')
            if c in counts:
                counts[c] += 1
                if is_page:
                    page_spans += 1
        for c in counts:
            if any(sp.get('category') == c for sp in spans):
                items_with[c] += 1
        if is_page:
            n_page += 1
            if lab.get('missing_next_step'):
                err(iid, 'pages never have missing_next_step true')
            clean_page += not spans
        else:
            n_mail += 1
            mns += bool(lab.get('missing_next_step'))
            clean_mail += (not spans and not lab.get('missing_next_step'))
            if not 1 <= len(spans) <= 4 and spans:
                err(iid, f'{len(spans)} spans (expected 1-4)')
        g = lint(iid, text, spans, guide, pats, is_page)
        if verbose:
            print(f'{iid}: grade {g:4.1f}  spans {len(spans)}  mns {lab.get("missing_next_step")}')

    for f in sorted(ITEMS.iterdir()):
        if f.suffix in ('.eml', '.md', '.html') and not (ITEMS / (f.stem + '.json')).exists():
            err(f.name, 'no label file')

    for w in warnings:
        print('warning:', w)
    for e in errors:
        print('ERROR:', e)
    print(f'\nemails {n_mail} (clean {clean_mail}, missing_next_step {mns}); pages {n_page} (clean {clean_page})')
    for c in counts:
        print(f'  {c:11s} {counts[c]:3d} spans ({page_spans if c == "brand" else 0} in pages), '
              f'{items_with[c]} items')
    print('PASS' if not errors else f'FAIL ({len(errors)} errors)')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
