"""Facts about words written in capitals: how common a word is in English (wordfreq), the terms a message defines
itself ("Customer Account Team (CAT)"), lines and sentences written in capitals (headings, banners, boilerplate,
all-caps writers), and the layouts in which capitals name or label something instead of raising the voice:
field labels and values, datelines, multi-word names, quoted or bracketed mentions, sign-offs, header lines."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_WORD = re.compile(r"[A-Za-z][A-Za-z'’&.]*[A-Za-z]|[A-Za-z]")
_ENDS_SENTENCE = re.compile(r"[.!?]\s*$")

# the English words of two letters: any other pair of capitals is a code ("DA", "EP", "LA")
_TWO_LETTER_WORDS = frozenset("am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we"
                              .split())
# how common a word in capitals must be to be read as that word (wordfreq's Zipf scale: 6 = once per thousand
# words, 3 = once per million): a short string of capitals is more likely initials, so the shorter, the more common
_MIN_ZIPF_3_LETTERS = 5.0      # "NOT", "ALL", "DUE" pass; "DOE", "ARM", "SEC", "CAT" are codes
_MIN_ZIPF_LONGER = 3.6         # "URGENT" (4.2), "REFUND" (3.9) pass; "OASIS" (3.56), "OPEC", "FERC" do not


@lru_cache(maxsize=8)
def word_list(path: str, upper: bool = True) -> frozenset:
    """The words of a list file (separated by spaces or lines; '#' starts a comment), upper-cased unless
    `upper` is False; empty when the file cannot be read."""
    words = set()
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0]
            words.update((w.strip().upper() if upper else w.strip()) for w in line.split() if w.strip())
    except OSError:
        pass
    return frozenset(words)


@lru_cache(maxsize=1)
def _lexicon_tables() -> tuple:
    """The raw bytes of spacy-lookups-data's English lemma index and lookup table (empty when it is missing)."""
    import importlib.util
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.origin:
        return ()
    data = Path(spec.origin).parent / "data"
    try:
        return tuple((data / name).read_bytes() for name in ("en_lemma_index.json.gz", "en_lemma_lookup.json.gz"))
    except OSError:
        return ()


@lru_cache(maxsize=1)
def _lexicon() -> frozenset:
    """English dictionary words: WordNet's lemmas of every part of speech and their inflected forms (both from
    spacy-lookups-data) and spaCy's closed-class words. Frequency alone cannot tell a word from a name: wordfreq
    counts 'diego', 'espn' and 'hsbc' as often as real words. Empty when the package is missing."""
    import gzip
    import json

    from spacy.lang.en.stop_words import STOP_WORDS
    raw = _lexicon_tables()
    if not raw:
        return frozenset()
    index, lookup = (json.loads(gzip.decompress(r)) for r in raw)
    found = {w.lower() for w in STOP_WORDS}
    for lemmas in index.values():
        found.update(w.lower() for w in lemmas)
    for form, lemma in lookup.items():
        found.update((form.lower(), lemma.lower()))
    return frozenset(found)


@lru_cache(maxsize=1)
def _common_words() -> frozenset:
    """The words common enough in English to be read as themselves when written in capitals: dictionary words
    (or contractions) whose frequency in wordfreq's English table (Zipf scale) clears the bar for their length.
    Computed once and kept in tonecheck's on-disk cache, so a start pays a set lookup, not wordfreq's ~0.25 s."""
    import math
    from importlib.metadata import PackageNotFoundError, version

    from .. import cache
    try:
        k = cache.key("common-words", version("wordfreq"), _MIN_ZIPF_3_LETTERS, _MIN_ZIPF_LONGER,
                      *_lexicon_tables())
    except PackageNotFoundError:
        return frozenset()
    words = cache.load("common-words", k)
    if isinstance(words, frozenset):
        return words
    from wordfreq import get_frequency_dict
    lexicon = _lexicon()
    found = set()
    for w, freq in get_frequency_dict("en").items():
        letters = len(w.replace("'", ""))
        if letters < 3 or not _PLAIN_WORD.fullmatch(w) or ("'" not in w and lexicon and w not in lexicon):
            continue
        if math.log10(freq) + 9 >= (_MIN_ZIPF_3_LETTERS if letters == 3 else _MIN_ZIPF_LONGER):
            found.add(w)
    words = frozenset(found)
    cache.store("common-words", k, words)
    return words


_PLAIN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# endings of nouns made from verbs and adjectives: an event or a state, never a person's name
_NOMINAL_ENDING = re.compile(r"(?:tion|sion|ment|ance|ence|ery|ity|ness|ure|al)$")


def is_event_noun(word: str) -> bool:
    """A dictionary noun made from a verb or an adjective ('Production', 'Delivery', 'Payment', 'Installation'):
    at the head of a sentence it is a thing, not a name."""
    w = word.lower()
    return len(w) > 5 and _NOMINAL_ENDING.search(w) is not None and w in _lexicon()


def is_common_word(word: str) -> bool:
    """An ordinary English word, common enough that written in capitals it is that word raised, not a name or
    initials: a dictionary word (or a contraction) whose frequency in English clears a bar that is higher for
    short strings, which are more often initials ('DIEGO', 'ESPN', 'DOE', 'ARM' are not; 'NOT', 'URGENT' are)."""
    w = word.lower().replace("’", "'").strip(".")
    if len(w.replace("'", "")) <= 2:
        return w in _TWO_LETTER_WORDS
    if not re.search(r"[aeiouy]", w):
        return False                    # 'CCTV', 'HTML', 'NTSB': no English word is written without a vowel
    return w in _common_words()


def is_dictionary_word(word: str) -> bool:
    """In the English dictionary (WordNet's lemmas and their forms), however rare: 'REFUNDABLE' after 'NON-' is a
    word made in English, not initials."""
    w = word.lower().replace("’", "'")
    if w in _lexicon():
        return True
    # an -able word made from a dictionary verb ("refundable", "bookable"), which WordNet may not list
    stem = w[:-4] if w.endswith(("able", "ible")) else ""
    return len(stem) > 2 and (stem in _lexicon() or stem + "e" in _lexicon())


def line_at(text: str, i: int) -> str:
    """The line of `text` that holds offset i (without its newline)."""
    s = text.rfind("\n", 0, i) + 1
    e = text.find("\n", i)
    return text[s:len(text) if e < 0 else e]


# small words a title or heading leaves in lower case
_TITLE_SMALL = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "at", "by", "from", "with", "or", "&"}


_PAIRED_BEFORE = re.compile(r"\b([A-Z][A-Z0-9&]+)\s*(?:or|and|&|/|,)\s*$")
_PAIRED_AFTER = re.compile(r"^\s*(?:or|and|&|/|,)\s*([A-Z][A-Z0-9&]+)\b")
_PATH_AFTER = re.compile(r"^\s+(?:/[\w{}:/.?=&%-]|https?://)")


def technical_or_paired(text: str, s: int, e: int) -> bool:
    """A word in capitals that sits beside a code is one of a pair of codes ("a CELTA or DELTA", "SKU and EAN") or a
    technical keyword before a path ("GET /v2/staff"): a name, not a raised voice."""
    if _PATH_AFTER.match(text[e:e + 12]):
        return True
    for m in (_PAIRED_BEFORE.search(text[max(0, s - 20):s]), _PAIRED_AFTER.match(text[e:e + 20])):
        if m is not None and not is_common_word(m.group(1)):
            return True
    return False


def is_caps_line(line: str) -> bool:
    """A line (or a stretch of one, see segment_at) written in capitals, not one raised word in it: nearly all
    capitals whatever its ending (an all-caps writer, a banner, a one-word line), a heading or banner mostly in
    capitals, or a title or byline in which every word but the small ones is capitalised ("Staff Writer of THE
    DAILY POST", a subject in title case)."""
    words = [w for w in _WORD.findall(line) if len(w) > 1]
    caps = sum(1 for w in words if w.isupper())
    if not caps:
        return False
    share = caps / len(words)
    if share >= 0.8:
        return True
    if _ENDS_SENTENCE.search(line.strip()):
        return False
    if caps >= 2 and share >= 0.6:
        return True
    return len(words) >= 3 and all(w[0].isupper() for w in words if w.lower() not in _TITLE_SMALL)


# what splits a line into stretches laid out side by side: menus and banners ('[IMAGE] TOP STORIES   Politics'),
# tags after a dash or semicolon ('Draft -- CONFIDENTIAL'), columns set apart by runs of spaces or tabs
_SEGMENT_SEP = re.compile(r"\[[^\]\n]{0,40}\]|[ \t][|*•·][ \t]|\*|[ \t]--?[ \t]|--|;|\t| {3,}")


def segment_at(text: str, i: int) -> str:
    """The stretch of the line holding offset i between layout separators (see _SEGMENT_SEP)."""
    ls = text.rfind("\n", 0, i) + 1
    le = text.find("\n", i)
    le = len(text) if le < 0 else le
    start, end = ls, le
    for m in _SEGMENT_SEP.finditer(text, ls, le):
        if m.end() <= i:
            start = m.end()
        elif m.start() >= i:
            end = m.start()
            break
    return text[start:end]


_SENTENCE_END = re.compile(r"[.!?]+[\"'’”)]*\s+|\n[ \t]*\n")


def in_caps_sentence(text: str, i: int) -> bool:
    """Offset i lies in a sentence of five words or more written mostly in capitals: boilerplate, a notice or an
    all-caps writer, whose capitals say nothing about one word."""
    start = max(0, i - 400)
    for m in _SENTENCE_END.finditer(text, start, i):
        start = m.end()
    m = _SENTENCE_END.search(text, i, i + 400)
    words = [w for w in _WORD.findall(text[start:m.start() if m else i + 400]) if len(w) > 1]
    return len(words) >= 5 and sum(1 for w in words if w.isupper()) / len(words) >= 0.6


def shouted_sentence(text: str, i: int) -> bool:
    """Offset i lies in a whole sentence written in capitals that the writer drops into a paragraph of ordinary
    prose, on the same line as it ('... what would have happened?  THIS NEEDS TO BE SETTLED FIRST.'): raised
    voice, unlike a banner, heading or disclaimer on lines of its own, or a writer who types everything in
    capitals."""
    start = max(0, i - 400)
    for m in _SENTENCE_END.finditer(text, start, i):
        start = m.end()
    m = _SENTENCE_END.search(text, i, i + 400)
    end = m.start() if m else min(len(text), i + 400)
    if not re.search(r"[.!?][\"'’”)]*\s*$", text[start:end + 1 if m else end]):
        return False                        # no sentence ending: a heading or banner
    words = [w for w in _WORD.findall(text[start:end]) if len(w) > 1]
    if len(words) < 3 or sum(1 for w in words if w.isupper()) / len(words) < 0.8:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not re.search(r"[a-z]", text[line_start:start]):
        # it opens its line: a notice or banner set on lines of its own - unless it is a short sentence said to the
        # reader between paragraphs of ordinary prose ("PLEASE NOTE THAT WE DO NOT TAKE BACK LIVE BIRDS.")
        return _said_between_paragraphs(text, start, end, words)
    para_start = max(text.rfind("\n\n", 0, start), 0)
    para_end = text.find("\n\n", end)
    para = text[para_start:start] + " " + text[end:len(text) if para_end < 0 else para_end]
    return sum(1 for w in _WORD.findall(para) if any(c.islower() for c in w)) >= 6


_TO_THE_READER = frozenset({"YOU", "YOUR", "WE", "I", "OUR", "PLEASE"})


def _said_between_paragraphs(text: str, start: int, end: int, words: list[str]) -> bool:
    """A sentence in capitals on a line of its own is raised voice when it is short, speaks to the reader ("PLEASE
    ...", "WE DO NOT ...", "YOU MUST ...") and has ordinary prose right before and after it."""
    if len(words) > 20 or not _TO_THE_READER & {w.upper() for w in words} or "\n" in text[start:end].strip() or \
            not re.search(r"[.!]\W*$", text[start:end + 1]):
        return False                # a heading over a list ("YOUR FIRST STEPS\n1. ...") is no sentence of its own
    before = _WORD.findall(text[max(0, start - 300):start])
    after = _WORD.findall(text[end:end + 300])
    return sum(1 for w in before if w.islower()) >= 6 and sum(1 for w in after if w.islower()) >= 6


# words in a run are joined by spaces, '&' or one line break (mail is wrapped: '"COMPETITION IS WORKING\nAND ...')
_RUN_JOIN = r"(?:[ \t]*\n[ \t]*|[ \t]+|[ \t]*&[ \t]*)"
_RUN_BEFORE = re.compile(r"([A-Z][A-Z0-9'’&./-]*)" + _RUN_JOIN + "$")
_RUN_AFTER = re.compile(_RUN_JOIN + r"([A-Z][A-Z0-9'’&./-]*)(?![a-z])")


def caps_run(text: str, s: int, e: int) -> tuple[int, int]:
    """The run of words in capitals, side by side, that holds text[s:e] ("SALT LAKE CITY",
    "ENRON CORP", "PLEASE DO NOT"); also after an address's '@' ("jo@ACME WIDGETS")."""
    while (m := _RUN_BEFORE.search(text, max(0, s - 40), s)) is not None:
        s = m.start(1)
    while (m := _RUN_AFTER.match(text, e)) is not None:
        e = m.end(1)
    return s, e


def names_something(run: str, token: str, is_code) -> bool:
    """A run of capitals is a name (a place, firm, product or person) when another word in it is neither a common
    English word nor a known code before which it could stand: 'SAN DIEGO', 'ZORBEX WIDGETS', 'CORP LAN' and
    'JOHN J. SMITH' are names; 'COB TODAY' is not (a raised word may follow a code)."""
    words = run.split()
    at = next((k for k, w in enumerate(words) if w.rstrip(".,'’") == token), 0)
    for k, raw in enumerate(words):
        w = re.sub(r"['’]S$", "", raw.rstrip(".,"))
        if k == at or not w:
            continue
        if len(w) == 1:
            if raw.endswith("."):
                return True            # an initial
        elif is_common_word(w):
            continue
        elif not is_code(w) or k > at:
            return True                # a name, or the word qualifies a code: 'FINAL PRC', 'CORP LAN'
    return False


_DATELINE = re.compile(r"(?P<places>(?:,[ \t]*[A-Z][A-Za-z]*\.?(?:[ \t]+\d{1,4}[a-z]{0,2})?)*)[ \t]*"
                       r"(?P<mark>\(|--|—|-[ \t(]|/)?")
_LABEL_BEFORE = re.compile(r"(?:[:?>|]|&gt;)[ \t]*$")
_VALUE_AFTER = re.compile(r"[ \t]*(?:[.!?]+(?:\s|$)|[,;)]*[ \t]*(?:$|[A-Z][\w .#/-]{0,25}:))")
_SIGN_OFF = re.compile(r"\b(?:thanks|thank you|regards|wishes|cheers|sincerely|yours|best)[ \t]*[,!.]?[ \t]*$", re.I)
_HEADER = re.compile(r"[ \t>]*(?:from|to|cc|bcc|sent|date|subject|received|reply-to)[ \t]*:", re.I)
_PROPER_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")
_PREV_WORDS = re.compile(r"(?:(\S+)[ \t]+)?(\S+)[ \t]+$")
# capitalised words before a raised word that do not make it part of a name ('Please NOTE', 'Thanks SO much')
_NOT_NAMES = {"i", "we", "you", "they", "he", "she", "it", "please", "thanks", "and", "but", "so", "hi", "dear"}


# operators of legal and technical writing ("the buyer AND/OR its agent", "Acme VS. Harbour"): a convention, not a
# raised voice. A plain connective raised in prose ("very unlikely AND he said ...") is emphasis like any other word.
STRESSED_CONNECTIVES = frozenset({"VERSUS", "VS", "VS.", "AND/OR"})


def _label(before: str, after: str) -> bool:
    """'ANALYSIS:', 'PHOTO:', 'ACTION ITEM:', 'EDITOR'S NOTE:': a field or section name, not a raised word."""
    return re.match(r"[ \t]*:(?!//)", after) is not None


def _dateline(before: str, after: str) -> bool:
    """A run opening a line and followed by a dateline mark: 'SAN DIEGO - ', 'OAK CITY, Nev. (AP)',
    'NEW YORK, March 7 (Reuters)', 'MONDAY, April 23rd'."""
    if before.strip():
        return False
    m = _DATELINE.match(after)
    return bool(m.group("mark") or re.search(r"\d", m.group("places")))


def _field_value(before: str, after: str) -> bool:
    """The whole value of a field or menu item: 'Attending: YES', 'Status: CLOSED', 'Vendor: ACME DIRECT Fax:',
    'Settings > SECURITY'."""
    return _LABEL_BEFORE.search(before) is not None and _VALUE_AFTER.match(after) is not None


def _mention(before: str, after: str) -> bool:
    """Capitals that fill quotes or brackets: a button, a status or a word being talked about ('click "SUBMIT"',
    'voted "NO"'), a ticker or code ('(ACME)'), an aside in capitals."""
    opened = before[-1:]
    closes = re.match(r"[.,!?]*([\"”)])", after)
    return bool(closes) and (opened, closes.group(1)) in {('"', '"'), ("“", "”"), ("(", ")")}


_LIST_PREV = re.compile(r"([A-Z][A-Z0-9&]+),[ \t]*$")
_LIST_NEXT = re.compile(r",?[ \t]*(?:,|or|and)[ \t]+([A-Z][A-Z0-9&]+)\b|,[ \t]*([A-Z][A-Z0-9&]+)\b")


def _listed(before: str, after: str) -> bool:
    """An item of a list of codes: 'SPP, MAIN, MAPP or WECC' (its neighbours in the list are not words)."""
    prev, nxt = _LIST_PREV.search(before), _LIST_NEXT.match(after)
    return bool(prev and nxt) and not is_common_word(prev.group(1)) and not is_common_word(nxt.group(nxt.lastindex))


# what the reader is asked to type, send or press: "reply YES", "send us the word UPGRADE", "press **RESET**", or
# the label on a thing: "the switch marked PUMP"
_KEYWORD_BEFORE = re.compile(r"\b(?:reply|replying|text|texting|send(?:\s+(?:us|me))?|type|typing|enter|press|tap|"
                             r"click|select|choose|hit|write|say|key\s+in)(?:\s+(?:with|using))?"
                             r"(?:\s+(?:the\s+)?(?:word|keyword|code))?"
                             r"[ \t]*[\"'“‘*_]*[ \t]*$|"
                             # "reply to this email with the word CANCEL in the subject line"
                             r"\b(?:the|a)\s+(?:word|keyword|code\s+word)[ \t]*[\"'“‘*_]*[ \t]*$|"
                             # what a switch, box or screen is labelled: "the switch marked PUMP"
                             r"\b(?:marked|labell?ed|titled|headed|stamped|printed)[ \t]+[\"'“‘*_]*[ \t]*$", re.I)
_KEYWORD_AFTER = re.compile(r"[\"'”’*_]*[ \t]+(?:button|key|option|tab|link|menu|icon|switch|command|keyword|mode|"
                            r"setting|position|status|light|lamp|indicator|screen|display|field)s?\b",
                            re.I)


def _keyword(before: str, after: str) -> bool:
    """A word the reader is asked to type, send or press, or the name of a button, mode or light: 'reply YES',
    'the RESET button', 'left in AUTO mode' - a label to copy, not a raised voice."""
    return _KEYWORD_BEFORE.search(before) is not None or _KEYWORD_AFTER.match(after) is not None


def _numbered(before: str, after: str) -> bool:
    """Followed by a number: a label, code or date ('UPDATE 2', 'REPORT No. 19', 'MARCH 2001', 'ROOM 447')."""
    return re.match(r"[ \t]*(?:No\.?|#)?[ \t]*\d", after) is not None


# words stressed before a time or an amount, never a label's name: "at 10:00, NOT 10:30", "ONLY 2 left"
_STRESSED_BEFORE_NUMBERS = frozenset({"NOT", "NEVER", "ONLY", "BEFORE", "AFTER", "UNTIL", "EXACTLY"})


def _signed(before: str, after: str) -> bool:
    """Initials or a name signing off: 'Thanks, JB', 'Best wishes, SAM.'"""
    return _SIGN_OFF.search(before) is not None and re.match(r"[ \t]*[.!]?[ \t]*$", after) is not None


def _proper_name(before: str, after: str) -> bool:
    """The capitals sit in a mixed-case name: 'the ACME Times', 'DOE Secretary Lee', 'Springfield ACME WIDGETS'
    (a capitalised word before them that does not open the sentence). Not inside a title-case stretch, where every
    word is capitalised anyway."""
    prev = _PREV_WORDS.search(before)
    prev_word = prev.group(2).strip("\"'“‘([") if prev else ""
    prev_title = prev_word[:1].isupper() and not prev_word.isupper() and prev_word.lower() not in _NOT_NAMES
    if _PROPER_NEXT.match(after) is not None:
        return not prev_title
    opens_sentence = prev is None or not prev.group(1) or prev.group(1)[-1] in ".!?:"
    return prev_title and not opens_sentence and not prev_word.endswith((",", ".", ";", ":"))


def _noun_follows(after: str) -> bool:
    """A lower-case content word follows ('... conference'), not a function word ('... on your part')."""
    from spacy.lang.en.stop_words import STOP_WORDS
    m = re.match(r"[ \t]+([a-z][a-z-]+)", after)
    return m is not None and m.group(1) not in STOP_WORDS


def _titled(before: str, run: str, after: str = "") -> bool:
    """A run of content words in capitals is a title or defined name, not a raised voice: three or more ('SALT
    LAKE CITY', 'MASTER SUPPLY AGREEMENT'), or two after a determiner ('the HARBOUR GAZETTE', 'THE WALL
    STREET JOURNAL', 'a POWER RISK conference'). Raised phrases carry function words ('DO NOT', 'THIS IS', 'AT
    ALL', 'VERY'); 'your' points at the reader, so 'your FINAL NOTICE' is not read as a name."""
    from spacy.lang.en.stop_words import STOP_WORDS
    words = re.findall(r"[A-Z][A-Z'’]*", run)
    after_the = bool(re.search(r"\bthe[ \t]+$", before, re.I)) or (
        # "a POWER RISK conference": after another determiner, only as the name before a noun
        bool(re.search(r"\b(?:a|an|our|their|its|this|that|his|her)[ \t]+$", before, re.I)) and
        _noun_follows(after))
    if words and words[0] == "THE":
        words, after_the = words[1:], True
    if any(w.lower() in STOP_WORDS for w in words):
        return False
    return len(words) >= 3 or (after_the and len(words) == 2)


_LAYOUTS = (_label, _dateline, _field_value, _mention, _listed, _numbered, _signed)
# a reference to how a document is set ("the BOLD language", "the UNDERLINED words"), not a raised voice
_TYPOGRAPHY = frozenset({"BOLD", "ITALIC", "ITALICS", "UNDERLINED", "HIGHLIGHTED", "STRUCK", "STRIKETHROUGH"})
_TYPE_NOUN = re.compile(r"[ \t]+(?:language|text|type|print|font|words?|sections?|clauses?|letters|lettering|"
                        r"paragraphs?|lines?|parts?)\b", re.I)
# adverbs that raise the voice even right after "reply" or "press": "Reply NOW", "press it AGAIN"
_NOT_KEYWORDS = frozenset({"NOW", "TODAY", "ASAP", "IMMEDIATELY", "AGAIN", "ALWAYS", "NEVER", "ONLY", "PLEASE",
                           "CAREFULLY", "URGENTLY", "PROMPTLY", "TONIGHT", "TOMORROW"})


def _unwrapped(piece: str, keep_end: bool) -> str:
    """Text beside a word within its paragraph, its line breaks read as spaces (mail is wrapped at ~72 columns,
    so a name can start on one line and end on the next)."""
    cut = piece.rfind("\n\n") if keep_end else piece.find("\n\n")
    if cut >= 0:
        piece = piece[cut + 2:] if keep_end else piece[:cut]
    return piece.replace("\r", " ").replace("\n", " ")


# a value closing a line after a separator: "- FD-03 at level 2: did not close, link seized, FAIL"
_ENDS_IN_VALUE = re.compile(r"(?:[,:|\t]|\s[-–—]|\s{2})[ \t]*[\"'“‘*_(]*[A-Z][A-Z0-9/'’-]*[A-Z0-9]"
                            r"[\"'”’*_)]*[.;]?[ \t]*$", re.M)


def _column_value(text: str, ls: int, le: int, after: str) -> bool:
    """A status or answer in a column: the run closes its line after a separator, and another line of the text
    ends the same way ('..., PASS' / '..., FAIL'; 'Parking - YES' / 'Lift - NO'), as in a checklist or a form."""
    if not re.fullmatch(r"[\"'”’*_)]*[.;]?[ \t]*", after) or not _ENDS_IN_VALUE.search(text, ls, le):
        return False
    return any((m.start() < ls or m.start() > le) and not _SIGN_OFF.search(text[text.rfind("\n", 0, m.start()) + 1:
                                                                                m.start() + 1])
               for m in _ENDS_IN_VALUE.finditer(text))      # not initials signing off: "Thanks, JB"


def layout_role(text: str, s: int, e: int) -> str | None:
    """Why the run of capitals text[s:e] labels or names something instead of raising the voice, judged by the
    layout of its line (the name of the reason, for tests and debugging), or None."""
    if text[e - 1] == "." and e - s > 2 and text[e - 3] != ".":
        e -= 1                           # the run ends a sentence: 'I STILL NEED HELP.' (not 'JOHN J.', 'U.S.')
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    before, after = text[ls:s], text[e:le]
    if is_header_line(text, ls):
        return "header"
    if text[s:e].upper() in STRESSED_CONNECTIVES:
        return "logic"
    role = next((f.__name__.lstrip("_") for f in _LAYOUTS if f(before, after)
                 and not (f is _numbered and text[s:e] in _STRESSED_BEFORE_NUMBERS)), None)
    if role is None and text[s:e] not in _NOT_KEYWORDS and _column_value(text, ls, le, after):
        role = "column"
    if role is None and text[s:e] not in _NOT_KEYWORDS and _keyword(before, after):
        role = "keyword"
    pair = _PAIRED_BEFORE.search(before)
    if role is None and pair and text[s:e] not in _NOT_KEYWORDS and _keyword(before[:pair.start()], ""):
        role = "keyword"                # the second of a pair to type or look for: "reply YES or NO", "AMBER or RED"
    if role is None and text[s:e] in _TYPOGRAPHY and _TYPE_NOUN.match(after):
        role = "typography"             # "the last sentence of the BOLD language in Section 2.2"
    if role is None and _titled(before, text[s:e], after):
        role = "title"
    if role is None and _proper_name(_unwrapped(text[max(0, s - 80):s], True), _unwrapped(text[e:e + 40], False)):
        role = "proper_name"
    return role


def is_header_line(text: str, ls: int) -> bool:
    """The line starting at ls is a header of a quoted or forwarded message ('From: ...', 'cc: ...', a 'Subject:'
    under them): another message's words. A 'Subject:' line that opens the text is the author's own."""
    if _HEADER.match(text, ls) is None:
        return False
    if not re.match(r"[ \t>]*subject", text[ls:ls + 12], re.I):
        return True
    return any(_HEADER.match(line) for line in text[max(0, ls - 600):ls].splitlines()[-6:])


_SMALL = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "&"}
_PAREN_AFTER = re.compile(r"\b([A-Z]{2,}[A-Z0-9]*)s?\s*\(([^()\n]{3,80})\)")
_PAREN_ONLY = re.compile(r"([A-Za-z][A-Za-z \n-]{3,80}?)\s*\(([A-Z]{2,}[A-Z0-9]*)s?\)")
# what every _PAREN_ONLY match holds: a cheap search that spares its slow scan of almost every text
_ACRONYM_IN_PARENS = re.compile(r"\([A-Z]{2,}[A-Z0-9]*s?\)")


def _initials_match(acronym: str, phrase: str) -> bool:
    """'ONT' ~ 'optical network terminal', 'POD' ~ 'proof of delivery' (small words may be skipped)."""
    words = [w for w in re.split(r"[\s-]+", phrase.strip()) if w]
    letters = acronym.lower()

    def walk(i: int, j: int) -> bool:
        if i == len(letters):
            return True
        if j >= len(words):
            return False
        w = words[j].lower()
        if w[0] == letters[i] and walk(i + 1, j + 1):
            return True
        return w in _SMALL and walk(i, j + 1)
    return len(words) >= 2 and walk(0, 0)


def defined_terms(text: str) -> set:
    """Capitalised terms the message defines itself: 'ONT (optical network terminal)' or 'proof of delivery (POD)'.
    A defined term is a code wherever it appears in the message, not a raised voice."""
    found = set()
    if "(" not in text:
        return found
    for m in _PAREN_AFTER.finditer(text):
        if _initials_match(m.group(1), m.group(2)):
            found.add(m.group(1))
    for m in _PAREN_ONLY.finditer(text) if _ACRONYM_IN_PARENS.search(text) else ():
        acr = m.group(2)
        words = re.split(r"[\s-]+", m.group(1).strip())
        for k in range(2, min(len(words), len(acr) + 3) + 1):
            if _initials_match(acr, " ".join(words[-k:])):
                found.add(acr)
                break
    return found
