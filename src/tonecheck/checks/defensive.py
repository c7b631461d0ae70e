"""Defensive-tone checks that token patterns cannot express.

- `defensive.shouting`: an ordinary English word raised into capitals inside normal-case text. Deciding uses
  evidence, not a longer list: how common the word is in English (wordfreq; a rarer string of capitals is a name or
  initials), known codes (rules/acronyms.txt, or the rule's `acronyms` option), the case of the surrounding line
  and sentence (headings, banners, boilerplate and all-caps writers raise no single word), the run the word sits
  in (a run holding a name or code is a name), and its layout (field labels and values, datelines, quoted or
  bracketed mentions, sign-offs, forwarded header lines, terms the message defines or repeats). A subject line is
  judged too, unless it echoes someone else's subject or is itself in capitals.
- `defensive.non-apology-boilerplate`: "sorry for any inconvenience" when it is the only acknowledgement in the
  message.
- `defensive.punctuation`: stacked "!!", "?!", "!?!" (not in a reply's echoed subject line, nor a "!!" after thanks
  or good news).
- `defensive.it-was-in-writing`: the reader pointed at where it was written ("on page 2 of the agreement you
  signed", "right there on the booking screen"); the test is in analysis/in_writing.py, the words in the options.
- `defensive.self-protection` (beside the pack's patterns): "This is not a Latchkey issue" - the sender's own name
  (the brand guide's, or the From address's domain) disowning the problem; "not a hardware issue" is a diagnosis.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..analysis.capitals import (caps_run, defined_terms, in_caps_sentence, is_caps_line, is_common_word,
                                 is_dictionary_word, layout_role, line_at, names_something, segment_at,
                                 shouted_sentence, technical_or_paired, word_list)
from ..analysis.commitments import body_sentences
from ..analysis.complaint import answers_grievance
from ..analysis.in_writing import pointers, vocabulary
from ..literal import fold, might_match
from . import Hit, register

# acronyms that are also ordinary words: codes only in a code context
_AMBIGUOUS = {"IT", "US", "OR", "IN", "ME", "DO", "NO", "AM", "IS", "AS", "AT", "BE", "TO", "SO", "GO", "HI", "OK",
              "ON", "AN", "OF", "IF", "ID", "MY", "WE", "UP", "OH", "HE", "CAN", "MAN", "PER", "ARE", "ACT", "BAR",
              "MAP", "PIN", "PET", "TIN", "SEA", "REACH", "WHO", "DOT", "PAD", "ALL", "ONE"}
# ambiguous words that are codes wherever they appear
_ALWAYS_CODE = {"US", "OK", "ID", "AM", "ACT", "IT"}
# capitalised words that, just before an ambiguous word, do not make it a company-name suffix ("I DO", "Thanks SO")
_PRONOUNS = {"i", "we", "you", "they", "he", "she", "it", "please", "thanks", "and", "but", "so"}
_CAPS_TOKEN = re.compile(r"(?<![\w'’\-/@.$<{\[_#%&=:^])([A-Z][A-Z'’&]*[A-Z])(?![\w'’\-/@>}\]_#%&=])")
# a hyphenated compound in capitals ("NON-SMOKING", "LAST-MINUTE"); codes with digits or one-letter parts are not
_CAPS_COMPOUND = re.compile(r"(?<![\w'’\-/@.$<{\[_#%&=:^])([A-Z]{2,}(?:-[A-Z]{2,})+)(?![\w'’\-/@>}\]_#%&=])")
_CAPS_PREFIXES = {"NON", "ANTI", "PRE", "RE", "CO", "SELF", "SUB", "MULTI", "OVER", "UNDER", "POST", "NO"}
_IT_BEFORE = re.compile(r"\b(?:the|our|your|an|in|of|and|for|with)\s+$", re.I)
_IT_AFTER = re.compile(r"\s+(?:team|department|dept|support|admin|staff|desk|manager|services|helpdesk|help desk|"
                       r"contact|systems?)\b", re.I)

# words people shout; never taken for a document's own term however often they repeat
_EMPHASIS = {"PLEASE", "NOT", "NEVER", "MUST", "NOW", "ALL", "DO", "DON'T", "READ", "IMMEDIATELY", "URGENT",
             "AGAIN", "ONLY", "ANY", "NO", "STOP", "TODAY", "ALWAYS", "EVERY", "NOTHING", "WILL", "WON'T", "CANNOT",
             "CAN'T", "DID", "DIDN'T", "HAVE", "ALREADY", "YOUR", "YOU", "THIS", "WHAT", "WHY", "VERY", "REALLY"}


@lru_cache(maxsize=64)
def _resolve_list_path(name: str, source: str | None) -> str:
    """The word list a rule's option names (beside the rule's pack, else among the built-in packs), resolved once
    per process like the list itself is read once: resolving stats the file system, which cost more per message
    than the rest of the shouting check's set-up."""
    from ..rules import builtin_rules_dir
    p = Path(name)
    if not p.is_absolute():
        base = Path(source).parent if source else builtin_rules_dir()
        p = base / name
        if not p.exists():
            p = builtin_rules_dir() / name
    return str(p)


# a code written in mixed case or with digits ("RoHS", "ISO 9001", "GDPR2"), listed beside the word: the word is one too
_CODE_LIKE = r"(?:[A-Z]+[a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[\s-]?\d[\w.-]*)"
_COORDINATED_BEFORE = re.compile(rf"\b{_CODE_LIKE}\s*(?:,|/|&|\band\b|\bor\b)\s*$")
_COORDINATED_AFTER = re.compile(rf"\s*(?:,|/|&|\band\b|\bor\b)\s*{_CODE_LIKE}\b")


def _code_context(text: str, s: int, e: int, word: str) -> bool:
    """An ambiguous word used as a code here: "OR 97201", "Portland, OR", "Nordlys Guiding AS", "our IT team"."""
    after = text[e:e + 12]
    before = text[max(0, s - 20):s]
    if re.match(r"\s*\d", after):                       # "OR 97201", "NO 5"
        return True
    if re.search(r"[A-Z][a-z]+,\s*$", before):          # "Portland, OR"
        return True
    m = re.search(r"(\S?)\s*\b([A-Z][\w&]*)\s+$", before)
    if m and m.group(1) not in (".", "!", "?", ":", "") and m.group(2).lower() not in _PRONOUNS:
        return True                                     # "Nordlys Guiding AS": a company-name suffix
    if _COORDINATED_BEFORE.search(text[max(0, s - 24):s]) or _COORDINATED_AFTER.match(text, e):
        return True                                     # "RoHS and REACH declarations": listed with another code
    if word in _NOUN_CODES and (_DETERMINER_BEFORE.search(before) or _JOINED_BEFORE.search(before)):
        return True                                     # "the PIN we gave you", "card number and PIN": a thing named
    return word == "IT" and (_IT_BEFORE.search(before) is not None or _IT_AFTER.match(after) is not None)


# ambiguous words that are nouns as codes: after a determiner they name the thing ("the PIN we gave you", "your
# PET scan"); a shouted word after "the" is an adjective or adverb ("the ONE thing", "ALL of it")
_NOUN_CODES = frozenset({"PIN", "MAP", "PET", "TIN", "BAR", "PAD", "DOT"})
# ... also with a modifier between ("a four-digit PIN", "your new card PIN") or after a verb of using one ("enter PIN")
_DETERMINER_BEFORE = re.compile(r"\b(?:(?:the|your|our|a|an|my|their|his|her|new|this|that|same)\s+"
                                r"(?:(?:[a-z0-9]+-)?[a-z0-9]+\s+){0,2}|(?:enter|choose|set|change|reset|type|use|"
                                r"forgot|forgotten|confirm|remember)\s+)$", re.I)
_JOINED_BEFORE = re.compile(r"\b[a-z]{3,}\s+(?:and|or|&|/|plus)\s+$")
# a word in capitals before the kind of thing it names: "a STEP file", "the SAVE button" (not a raised adjective:
# "the WRONG file", "the FULL plan")
_KIND_AFTER = re.compile(r"\s+(?:files?|formats?|exports?|drawings?|buttons?|keys?|tabs?|fields?|menus?|commands?|"
                         r"templates?|tiers?|packages?|bundles?|modes?|editions?|codes?)\b")
_RAISED_ADJECTIVES = frozenset({"WRONG", "RIGHT", "CORRECT", "SAME", "FULL", "WHOLE", "ENTIRE", "FINAL", "LATEST",
                                "NEW", "OLD", "ORIGINAL", "SIGNED", "BIG", "HUGE", "SMALL", "FREE", "EXTRA", "OTHER",
                                "FIRST", "LAST", "SECOND", "CURRENT", "PROPER", "ACTUAL", "REAL", "VALID", "EXACT",
                                "CLEAN", "EMPTY", "BLANK", "MISSING", "UPDATED", "RED", "GREEN", "DIFFERENT", "ONE",
                                "TWO", "THREE", "OWN", "SINGLE", "ONLY", "VERY", "MAIN", "SPECIFIC"})
# a word in capitals listed beside another that names or codes something ("for the MAT and for STEP", "SAT or ACT
# scores"): a list of names, however ordinary the words
_LISTED = r"\s*(?:,|/|&|\band\b|\bor\b)\s*(?:(?:for|the|to|with|in|on|a|an|of)\s+){0,2}"
_LISTED_AFTER_NAME = re.compile(rf"\b([A-Z][A-Z'’&]*[A-Z]){_LISTED}$")
_LISTED_BEFORE_NAME = re.compile(rf"{_LISTED}([A-Z][A-Z'’&]*[A-Z])\b")


_TYPED_BEFORE = re.compile(r"\b(?:reply|replies|replying|text|texting|type|typing|enter|send|answer|press|tap|click|"
                           r"select|choose|tick|write)(?:\s+(?:with|us|me|back))?\s+[\"“'‘]?$", re.I)


# a word in capitals that heads its phrase - after a determiner or a preposition, and before a preposition, a verb,
# a conjunction or the end of the clause - names a thing: "the RAMS for the carnival", "submit it to NEST before the
# deadline", "on ICE at the same time". A raised word is an adverb, a negation, a modal or a modifier ("we do NOT",
# "the WRONG address", "at ALL"), never such a head; pronouns and amounts raised ("to ME", "THREE times") are kept
_HEAD_WORDS = ("the", "a", "an", "our", "your", "their", "its", "this", "that", "these", "those", "to", "on", "at",
               "via", "from", "into", "onto", "through", "with", "under")
# ... in ordinary prose: the word before is in lower case or capitalised, not itself raised ("OUTSIDE THE TEAM.")
_HEAD_BEFORE = re.compile(r"(?:^|\s)(?:" + "|".join(w + "|" + w.capitalize() for w in _HEAD_WORDS) + r")\s+$")
_HEAD_AFTER = re.compile(r"\s*[,.;:)](?:\s|$)|\s+(?:for|of|on|at|in|to|from|and|or|is|are|was|were|has|have|will|"
                         r"before|after|by|with|which|that)\b")
_NOT_NAMES_RAISED = frozenset({"ME", "HIM", "HER", "THEM", "US", "IT", "EVERYTHING", "EVERYONE", "ANYTHING", "ANYONE",
                               "NOBODY", "TIME", "TIMES", "LAW", "TRUTH", "POINT", "END", "DAY", "DAYS", "WEEK",
                               "WEEKS", "MONTH", "MONTHS", "HOURS", "MINUTES", "YEARS"})


def _named_thing(text: str, s: int, e: int) -> bool:
    """The word in capitals at s:e heads a noun phrase, so it names something (see _HEAD_BEFORE)."""
    word = text[s:e]
    return word not in _NOT_NAMES_RAISED and not word.endswith("LY") and \
        _HEAD_BEFORE.search(text[max(0, s - 12):s]) is not None and _HEAD_AFTER.match(text, e) is not None


# words people are asked to type, even where they are also words people shout ("reply NO", but "Reply NOW")
_KEYWORDS = frozenset({"YES", "NO", "STOP", "START", "HELP", "OK", "CONFIRM", "CANCEL", "UNSUBSCRIBE"})
_OR_BEFORE = re.compile(r"\b[A-Z]{2,}\b[^.!?\n]{0,30}?\bor\s+$")


def _typed_word(text: str, s: int) -> bool:
    """The word in capitals at s is one to type or pick: after "reply", "text", "type" ..., or the other choice of
    such a word ("reply YES to confirm, or NO if ...")."""
    if _TYPED_BEFORE.search(text[max(0, s - 30):s]):
        return True
    window = max(0, s - 60)
    m = _OR_BEFORE.search(text[window:s])
    return m is not None and _TYPED_BEFORE.search(text[max(0, window + m.start() - 30):window + m.start()]) is not None


def _listed_with_a_name(text: str, s: int, e: int, names) -> bool:
    """The word sits in a list (and, or, a comma) beside a word in capitals that the document uses as a name or
    code (names(word) is true)."""
    m = _LISTED_AFTER_NAME.search(text[max(0, s - 40):s])
    if m is not None and names(m.group(1)):
        return True
    m = _LISTED_BEFORE_NAME.match(text, e)
    return m is not None and m.end() - e <= 40 and names(m.group(1))


_BRAND_TERMS: dict[int, tuple] = {}


def _brand_terms(brand) -> frozenset:
    """Words in capitals in the brand guide's terminology: read once per guide (a guide does not change once
    loaded; a reloaded one is a new object)."""
    cached = _BRAND_TERMS.get(id(brand))
    if cached is not None and cached[0] is brand:
        return cached[1]
    terms = frozenset(w for t in getattr(brand, "terms", None) or () for w in re.findall(r"[A-Z]{2,}", str(t)))
    if len(_BRAND_TERMS) >= 16:
        _BRAND_TERMS.clear()
    _BRAND_TERMS[id(brand)] = (brand, terms)   # holding the guide keeps its id from being reused
    return terms


def _own_terms(text: str, words: list[str], quoted: str = "") -> set:
    """Terms the document makes its own: defined in it, written in capitals three times or more, or written in
    capitals by the other side of the thread too ("my daughter's RACE application" quoted, "the RACE deadline" in
    the reply): a name both parties use. Never the words people shout."""
    from spacy.lang.en.stop_words import STOP_WORDS
    repeated = {w for w in set(words) if words.count(w) >= 3 and w not in _EMPHASIS}
    if quoted:
        theirs = {m.group(1).replace("’", "'") for m in _CAPS_TOKEN.finditer(quoted)}
        repeated |= {w for w in set(words) & theirs if w not in _EMPHASIS and w.lower() not in STOP_WORDS}
    return repeated | defined_terms(text)


def _is_word_not_code(plain: str, text: str, s: int, e: int, acronyms: frozenset) -> bool:
    """The capitalised token is an ordinary English word, not an acronym, code or name."""
    if "-" in plain:            # a compound is raised English when its parts are words ("NON-SMOKING")
        parts = plain.split("-")
        # ... and a prefix makes a word of a rarer one ("NON-REFUNDABLE", "NON-TRANSFERABLE")
        prefixed = parts[0] in _CAPS_PREFIXES and len(parts) == 2 and len(parts[1]) > 5 and \
            is_dictionary_word(parts[1])
        return prefixed or all(p in _CAPS_PREFIXES or p in acronyms or is_common_word(p) for p in parts) and \
            not any(p in acronyms for p in parts) and any(len(p) > 3 and is_common_word(p) for p in parts)
    base = plain.split("'")[0]
    if base in _AMBIGUOUS:
        return base not in _ALWAYS_CODE and not _code_context(text, s, e, base)
    if base in acronyms or plain in acronyms:
        return False
    return is_common_word(plain)     # else a name or initials, not a raised voice


def _in_capitals_context(ctx, s: int, e: int, is_code) -> bool:
    """The word's surroundings say its capitals name or label something, or are how the whole line or sentence is
    written, rather than one word raised: see analysis.capitals."""
    text = ctx.text
    if shouted_sentence(text, s):
        return False                 # a whole sentence raised in the middle of ordinary prose
    if is_caps_line(line_at(text, s)) or is_caps_line(segment_at(text, s)) or in_caps_sentence(text, s):
        return True
    rs, re_ = caps_run(text, s, e)
    return names_something(text[rs:re_], text[s:e], is_code) or layout_role(text, rs, re_) is not None or \
        technical_or_paired(text, rs, re_)


def _shouted_spans(ctx, rule) -> list[tuple[int, int]]:
    text = ctx.text
    acronyms = word_list(_resolve_list_path((rule.options or {}).get("acronyms", "acronyms.txt"), rule.source))
    known = _brand_terms(ctx.brand)
    matches = list(_CAPS_TOKEN.finditer(text))     # one scan: the pattern's look-behind makes it slow
    if "-" in text:
        matches = sorted(matches + list(_CAPS_COMPOUND.finditer(text)), key=lambda m: m.start(1))
    own = _own_terms(text, [m.group(1).replace("’", "'") for m in matches], ctx.context.quoted_text)

    def is_code(word: str) -> bool:
        return word in acronyms    # a generic code, after which a raised word may stand ('by EOD TODAY')

    def is_name(word: str) -> bool:
        word = word.replace("’", "'")
        return word not in _EMPHASIS and (word in acronyms or word in known or word in own or
                                          not is_common_word(word))

    spans = []
    for m in matches:
        s, e = m.span(1)
        plain = m.group(1).replace("’", "'")
        if plain in ("I", "A") or len(plain.replace("'", "")) < 2 or plain in known or plain in own:
            continue  # the document's own term or code ("the ONT", written the same way every time)
        if not _is_word_not_code(plain, text, s, e, acronyms) or re.search(r"\d", text[max(0, s - 1):e + 1]):
            continue
        if plain not in _EMPHASIS and _listed_with_a_name(text, s, e, is_name):
            continue
        if (plain not in _EMPHASIS or plain in _KEYWORDS) and _typed_word(text, s):
            continue  # a word to type or pick: "Kindly reply YES to confirm, or NO if you need a new time"
        if plain not in _EMPHASIS and plain not in _RAISED_ADJECTIVES and _KIND_AFTER.match(text, e):
            continue  # the name of a format, button or plan: "a STEP file", "the SAVE button"
        if plain not in _EMPHASIS and plain not in _RAISED_ADJECTIVES and _named_thing(text, s, e):
            continue  # "the RAMS for the carnival", "submit it to NEST before the deadline"
        if not _in_capitals_context(ctx, s, e, is_code):
            spans.append((s, e))
    return spans


@register("defensive.shouting")
def shouting(ctx, rule):
    """Words in capitals that read as a raised voice; a run of them ("PLEASE DO NOT"), or a whole sentence raised
    in ordinary prose, is one excerpt."""
    text = ctx.text
    merged: list[list[int]] = []
    for s, e in _shouted_spans(ctx, rule):
        # joined by spaces, commas or other words in capitals ("THIS NEEDS TO BE SETTLED - ACME MAY NOT ..."), not
        # across lower-case words or the end of a sentence
        if merged and re.fullmatch(r"[\sA-Z0-9,&'’/-]*", text[merged[-1][1]:s]):
            merged[-1][1] = e
        else:
            merged.append([s, e])
    return [Hit(s, e) for s, e in merged]


_BOILER = re.compile(
    r"\b(?:(?:we|i)(?:'re| are| am|'m)?\s+)?(?:(?:very|truly|so)\s+)?(?:sorry|apologi[sz]e|apologies|regret)\s+"
    r"(?:for\s+)?any\s+(?:inconvenience|trouble|disruption|frustration)(?:\s+(?:this|that|it)"
    r"(?:\s+(?:may|might))?(?:\s+have)?\s+(?:caused|causes?)(?:\s+you)?|\s+caused)?"
    r"|\b(?:we|i)\s+(?:regret|apologi[sz]e for)\s+any\s+inconvenience\b", re.I)
_SINCERE = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|our (?:mistake|error|fault)|my (?:mistake|error|fault)|that's on (?:us|me)|"
    r"we got (?:this|that|it) wrong|i understand|we understand|i can (?:see|imagine|understand)|"
    r"frustrating|disappointing|you're right|you are right)\b", re.I)


@register("defensive.non-apology-boilerplate")
def non_apology_boilerplate(ctx, rule):
    """"Sorry for any inconvenience" when no other, specific acknowledgement is in the message."""
    text = ctx.text
    if not might_match(_BOILER, fold(text)):
        return []
    boiler = list(_BOILER.finditer(text))
    if not boiler:
        return []
    covered = [(m.start(), m.end()) for m in boiler]
    for m in _SINCERE.finditer(text):
        if not any(s <= m.start() < e for s, e in covered):
            return []  # there is another, specific acknowledgement
    return [Hit(m.start(), m.end()) for m in boiler]


_STACKED = re.compile(r"(?<![!?])(?:[!?]*\?![!?]*|[!?]*!\?[!?]*|!{2,})")


@register("defensive.punctuation")
def punctuation(ctx, rule):
    """"!!", "?!", "!?!": stacked marks read as a raised voice (a reply's echoed subject line is never judged:
    readers/eml.py)."""
    text = ctx.text
    # every match holds one of these pairs; tonecheck.literal takes no literal shorter than three characters
    if "!!" not in text and "?!" not in text and "!?" not in text:
        return []
    return [Hit(m.start(), m.end()) for m in _STACKED.finditer(text)
            if not _delight(ctx, m)]


# words of asking that the sentiment lexicon rates warm: "Please make sure someone is home next time!!" asks, with
# a raised voice; it is not delight
_ASKING = frozenset({"please", "kindly", "sure", "ok", "okay"})


def _delight(ctx, m: re.Match) -> bool:
    """Two exclamation marks after thanks or good news ("Thanks so much!!", "this is fantastic!!") are warmth,
    not a raised voice; three, or a "?!", always read as one."""
    from ..analysis.sentences import sentence_of
    from ..analysis.sentiment import valence

    if m.group(0) != "!!":
        return False
    sent = sentence_of(ctx.doc, m.start(), m.end())
    stext = ctx.text[sent.start_char:m.start()] if sent is not None else ctx.text[max(0, m.start() - 80):m.start()]
    words = [w for w in re.findall(r"[a-z']+", stext.lower()) if w not in _ASKING]
    scores = [valence(w) for w in words]
    return any(v > 0 for v in scores) and not any(v < 0 for v in scores)


@register("defensive.insult")
def insult(ctx, rule):
    """An insult, a swear word or a put-down aimed at the reader ("you clown", "read the damn manual", "grow up"):
    the lexicon and who is targeted are analysis.insults; a swear word about a thing ("the damn printer jammed") is
    not a finding, and a word in quotation marks is a mention the engine drops. Not in a reply's echoed subject."""
    from ..analysis.insults import PUT_DOWN, SWEARING, aimed, lexicon
    from ..analysis.sentences import sentences

    options = rule.options or {}
    lex = lexicon(tuple(options.get("labels", ())), tuple(options.get("swear_words", ())))
    verbs = frozenset(w.lower() for w in options.get("order_verbs", ()))
    put_downs = tuple(tuple(p.lower().split()) for p in options.get("put_downs", ()))
    variants = {SWEARING: "profanity", PUT_DOWN: "put-down"}
    for sent in sentences(ctx.doc):
        for a in aimed(sent, ctx.text, lex, verbs, put_downs):
            yield Hit(a.start, a.end, variant=variants.get(a.kind))


# "This is not a Latchkey issue", "Flowers left without water aren't a Petalpost problem", "the delay is coming from
# the supplier and not from Stanwick"
_NOT_OUR_ISSUE = re.compile(r"(?:\b(?i:this|that|it|they|these|those|which))?"
                            r"(?:['’]s\s+not|\s+(?:is|are|was|were)\s+not|\s+(?:isn|aren|wasn|weren)['’]t)\s+"
                            r"(?:an?\s+)?"
                            r"(?:(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?)|(?P<role>[a-z]+(?:er|or|ist|ant|agent)))\s+"
                            r"(?:issue|problem|fault|error|bug|matter)\b|"
                            r"\b(?i:and|but)\s+not\s+(?i:from|with|on|at|by)\s+(?P<from>[A-Z][\w&'’-]*)\b")


def own_names(ctx) -> frozenset[str]:
    """Lower-case names the sender goes by: the brand guide's name words and the From address's domain label
    ("support@latchkey.example" -> "latchkey")."""
    names = set()
    if ctx.brand is not None and getattr(ctx.brand, "name", None):
        names.update(w.lower() for w in re.findall(r"[A-Za-z][\w&'’-]{2,}", ctx.brand.name))
    sender = ctx.document.context.sender or ""
    if "@" in sender:
        labels = sender.rsplit("@", 1)[1].split(".")
        names.update(x for x in labels[:-1] if len(x) > 2 and x not in ("mail", "email", "support", "co", "com"))
    return frozenset(names)


@register("defensive.self-protection")
def not_our_issue(ctx, rule):
    """"This is not a Latchkey issue", "... and not from Latchkey", "that's not a broker issue" from a firm of
    brokers: the sender's own name or trade disowning the reader's problem."""
    if not might_match(_NOT_OUR_ISSUE, fold(ctx.text)):
        return []
    names = None
    out = []
    for m in _NOT_OUR_ISSUE.finditer(ctx.text):
        names = own_names(ctx) if names is None else names
        role = m.group("role")
        if role:    # "not a broker issue" from Boundary Bay Customs Brokers: the sender's own trade disowning it
            if not {role, role + "s"} & names:
                continue
        elif not any(w.lower() in names for w in (m.group("name") or m.group("from")).split()):
            continue
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        out.append(Hit(start, m.end()))
    return out


@register("defensive.it-was-in-writing")
def it_was_in_writing(ctx, rule):
    """"As set out in the inventory you signed on arrival": the reader pointed at where it was written
    (analysis/in_writing.py), in the author's own sentences."""
    options = rule.options or {}
    vocab = vocabulary(*(tuple(options.get(key, ())) for key in
                         ("documents", "locating_verbs", "accepting_verbs", "receiving_verbs", "stress")))
    if not vocab.any_document.search(ctx.flat_text):
        return []
    out = []
    for sent in body_sentences(ctx):
        start = sent.start_char
        text = ctx.flat_text[start:sent.end_char]
        if not vocab.any_document.search(text):
            continue
        out += [Hit(start + s, start + e) for s, e in pointers(text, vocab)]
    return out


@lru_cache(maxsize=8)
def _simply_instruction(verbs: tuple[str, ...]) -> re.Pattern:
    """'Simply apply ...', ', simply reply ...', 'please simply ...', 'you simply need to ...', 'you need to simply
    ...' before one of the rule's instruction verbs."""
    v = "(?:" + "|".join(re.escape(w) for w in verbs) + ")"
    return re.compile(rf"(?<![\w'’])you\s+simply\s+(?:need|have|must)\s+(?:to\s+)?{v}\b|"
                      rf"(?<![\w'’])you\s+(?:need|have|must)\s+(?:to\s+)?simply\s+{v}\b|"
                      rf"(?:(?<=^)|(?<=[.!?:;,\n*])\s*|(?<=\bplease\s))simply\s+{v}\b", re.I | re.M)


@register("defensive.condescension", second_pass=True)
def simply_before_an_instruction(ctx, rule):
    """"Simply apply the sealant to the seams" tells a reader with a problem that the fix was obvious; the same words
    in a welcome or a how-to ("To confirm, simply reply YES", a list of friendly pointers) are only help. So the
    instruction is read only where the message answers a grievance (analysis.complaint) or already carries a defensive
    or sarcastic finding (a reproach beside it: "As I've said more than once ... Simply pull the report")."""
    if not (any(cat in ("defensive", "sarcasm") for cat, _, _ in ctx.flagged) or answers_grievance(ctx)):
        return []
    verbs = tuple(w.lower() for w in (rule.options or {}).get("instruction_verbs", ()))
    if not verbs:
        return []
    return [Hit(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end())
            for m in _simply_instruction(verbs).finditer(ctx.flat_text)]
