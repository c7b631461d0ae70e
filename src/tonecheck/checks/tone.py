"""Checks for defensive tone that token patterns cannot express.

- `shouting`: words written in capitals that are not acronyms. Deciding uses a word list (rules/acronyms.txt, or
  the rule's `acronyms` option), the spaCy lexeme-frequency table as the list of ordinary English words, and
  structural cues (letter+digit codes, hyphenated caps codes, headings and subject lines written in capitals,
  "Portland, OR 97201"-style postal codes); it never decides by word length.
- `boilerplate-apology`: "sorry for any inconvenience" when it is the only acknowledgement in the message.
"""
from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from pathlib import Path

from . import Hit, register

# acronyms that are also ordinary words: codes only in a code context
_AMBIGUOUS = {"IT", "US", "OR", "IN", "ME", "DO", "NO", "AM", "IS", "AS", "AT", "BE", "TO", "SO", "GO", "HI", "OK",
              "ON", "AN", "OF", "IF", "ID", "MY", "WE", "UP", "OH", "HE", "CAN", "MAN", "PER", "ARE", "ACT", "BAR",
              "MAP", "PIN", "PET", "TIN", "SEA", "REACH", "WHO", "DOT", "PAD", "PA", "MA", "LA", "AD", "ALL", "ONE"}
_PRONOUNS = {"i", "we", "you", "they", "he", "she", "it", "please", "thanks", "and", "but", "so"}
_ALWAYS_CODE = {"US", "OK", "ID", "AM", "PM", "UK", "EU", "USA", "PO", "ACT"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&.]*[A-Za-z]|[A-Za-z]")
_CAPS_TOKEN = re.compile(r"(?<![\w'’\-/@.$<{\[_#%&=:])([A-Z][A-Z'’&]*[A-Z])(?![\w'’\-/@>}\]_#%&=])")


@lru_cache(maxsize=8)
def load_acronyms(path: str) -> frozenset:
    words = set()
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0]
            words.update(w.strip().upper() for w in line.split() if w.strip())
    except OSError:
        pass
    return frozenset(words)


@lru_cache(maxsize=1)
def english_words() -> dict:
    """Lower-case word -> log probability, from spacy-lookups-data (offline); {} when unavailable."""
    try:
        from importlib.resources import files
        raw = files("spacy_lookups_data").joinpath("data/en_lexeme_prob.json.gz").read_bytes()
        table = json.loads(gzip.decompress(raw))
        return {k: v for k, v in table.items() if k.isalpha() and k == k.lower() and v > -13.5}
    except (ImportError, OSError, ValueError):
        return {}


def _acronym_path(rule) -> str:
    from ..rules import builtin_rules_dir
    name = (rule.options or {}).get("acronyms", "acronyms.txt")
    p = Path(name)
    if not p.is_absolute():
        base = Path(rule.source).parent if rule.source else builtin_rules_dir()
        p = base / name
        if not p.exists():
            p = builtin_rules_dir() / name
    return str(p)


def _line_bounds(text: str, i: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, i) + 1
    e = text.find("\n", i)
    return s, (len(text) if e < 0 else e)


def _is_caps_line(line: str) -> bool:
    """A heading or banner written in capitals: most of its letters-words are upper case."""
    words = _WORD.findall(line)
    letters = [w for w in words if len(w) > 1]
    if not letters:
        return False
    caps = sum(1 for w in letters if w.isupper())
    return caps >= 2 and caps / len(letters) >= 0.6 and not re.search(r"[.!?]\s*$", line.strip()) \
        or caps / len(letters) >= 0.8 and len(letters) <= 8 and not re.search(r"[.?!]\s*$", line.strip())


def _code_context(text: str, s: int, e: int, word: str) -> bool:
    after = text[e:e + 12]
    before = text[max(0, s - 20):s]
    if re.match(r"\s*\d", after):                       # "OR 97201", "NO 5"
        return True
    if re.search(r"[A-Z][a-z]+,\s*$", before):          # "Portland, OR"
        return True
    m = re.search(r"(\S?)\s*\b([A-Z][\w&]*)\s+$", before)
    if m and m.group(1) not in (".", "!", "?", ":", "") and m.group(2).lower() not in _PRONOUNS:
        return True                                     # "Nordlys Guiding AS": a company-name suffix
    if word == "IT" and (re.search(r"\b(?:the|our|your|an|in|of|and|for|with)\s+$", before, re.I)
                         or re.match(r"\s+(?:team|department|dept|support|admin|staff|desk|manager|services|"
                                     r"helpdesk|help desk|contact|systems?)\b", after, re.I)):
        return True
    return False


def shouting_hits(ctx, rule):
    text = ctx.text
    acronyms = load_acronyms(_acronym_path(rule))
    common = english_words()
    brand_terms = set()
    brand = getattr(ctx, "brand", None)
    for attr in ("products", "product_names", "names", "terms"):
        for t in getattr(brand, attr, None) or ():
            for w in re.findall(r"[A-Z]{2,}", str(t)):
                brand_terms.add(w)
    spans = []
    for m in _CAPS_TOKEN.finditer(text):
        word = m.group(1)
        s, e = m.span(1)
        plain = word.replace("’", "'")
        if plain in ("I", "A") or len(plain.replace("'", "")) < 2:
            continue
        base = plain.split("'")[0]
        if ctx.document.region_at(s) == "subject":
            continue
        if plain in brand_terms:
            continue
        if base in _AMBIGUOUS:
            if base in _ALWAYS_CODE or _code_context(text, s, e, base):
                continue
        elif base in acronyms or plain in acronyms:
            continue
        elif base.lower() not in common:
            continue  # not an ordinary English word: a name or a code, not a raised voice
        if re.search(r"\d", text[max(0, s - 1):e + 1]):
            continue
        ls, le = _line_bounds(text, s)
        if _is_caps_line(text[ls:le]):
            continue
        spans.append((s, e))
    # merge a run of shouted words ("PLEASE DO NOT") into one excerpt
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and re.fullmatch(r"[\s,]*", text[merged[-1][1]:s]):
            merged[-1][1] = e
        else:
            merged.append([s, e])
    return [Hit(s, e) for s, e in merged]


@register("shouting")
def shouting(ctx, rule):
    return ctx.memo("tone.shouting:" + rule.id, lambda: shouting_hits(ctx, rule))


_BOILER = re.compile(
    r"\b(?:(?:we|i)(?:'re| are| am|'m)?\s+)?(?:(?:very|truly|so)\s+)?(?:sorry|apologi[sz]e|apologies|regret)\s+"
    r"(?:for\s+)?any\s+(?:inconvenience|trouble|disruption|frustration)(?:\s+(?:this|that|it)"
    r"(?:\s+(?:may|might))?(?:\s+have)?\s+(?:caused|causes?)(?:\s+you)?|\s+caused)?"
    r"|\b(?:we|i)\s+(?:regret|apologi[sz]e for)\s+any\s+inconvenience\b", re.I)
_SINCERE = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|our (?:mistake|error|fault)|my (?:mistake|error|fault)|that's on (?:us|me)|"
    r"we got (?:this|that|it) wrong|i understand|we understand|i can (?:see|imagine|understand)|"
    r"frustrating|disappointing|you're right|you are right)\b", re.I)


def boilerplate_hits(ctx, rule):
    text = ctx.text
    boiler = list(_BOILER.finditer(text))
    if not boiler:
        return []
    covered = [(m.start(), m.end()) for m in boiler]
    for m in _SINCERE.finditer(text):
        if not any(s <= m.start() < e for s, e in covered):
            return []  # there is another, specific acknowledgement
    return [Hit(m.start(), m.end()) for m in boiler]


@register("boilerplate-apology")
def boilerplate_apology(ctx, rule):
    return boilerplate_hits(ctx, rule)


_STACKED = re.compile(r"(?<![!?])(?:[!?]*\?![!?]*|[!?]*!\?[!?]*|!{2,})")
_REPLY_PREFIX = re.compile(r"^\s*(?:re|fw|fwd|aw|wg|sv|vs|tr|rv)\s*(?:\[\d+\])?\s*:", re.I)


def is_reply_subject(ctx, offset: int) -> bool:
    """True when offset lies in a subject line that echoes someone else's subject ("Re: Where is my order?!")."""
    if ctx.document.region_at(offset) != "subject":
        return False
    context = ctx.context
    raw = (getattr(context, "headers", None) or {}).get("subject") or getattr(context, "subject", None) or ""
    return bool(_REPLY_PREFIX.match(raw))


@register("stacked-punctuation")
def stacked_punctuation(ctx, rule):
    """"!!", "?!", "!?!": stacked marks read as a raised voice; not in a reply's echoed subject line."""
    return [Hit(m.start(), m.end()) for m in _STACKED.finditer(ctx.text) if not is_reply_subject(ctx, m.start())]
