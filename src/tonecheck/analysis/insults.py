"""Insults and swearing aimed at the reader: "Grow up and read the manual, you clown", "are you an idiot?",
"what the hell is wrong with you people", "read the damn instructions".

Which words: a maintained lexicon, the English pack of the `safetype` package (rule-based moderation data, no
download, no dependencies). Its `profanity` rules are swear words, its `hate` slurs are insults, and the insult
slot of its `harassment` rule ("you are such an idiot/moron/loser/clown...") gives the words that label a person;
its `sexual` rules are left out (anatomy and "sex" are not insults). A rule pack may add words the lexicon lacks
(`labels`, `swear_words`). Words are looked up by token, case-insensitively, through safetype's own matcher
(leetspeak "d@mn", stretched "fuuuck"), so "assess", "Scunthorpe", "cocktail", "Dickens" and "hello" never match.

Who is targeted: a word counts only in a construction aimed at the reader, read from the sentence's tokens:
- a label said of the reader: "you clown", "you stupid idiots", "you're a complete moron", "are you an idiot?",
  "how stupid are you", "what an idiot you are", "don't be an idiot", "calling you an idiot", "idiots like you",
  "your stupid question", "your idea is dumb" (not when the clause denies it: "nobody thinks you're stupid");
- a swear word said to the reader: "damn you", "go fuck yourself", "what the hell is wrong with you", "you're so
  damn slow", "are you fucking kidding me", "your damn form", or in an order or a question about what the reader
  did: "read the damn instructions", "did you even read the damn email?" (not praise: "a damn good job");
- an insulting order at the start of a clause: "grow up", "get a clue", "shut up" (the pack's list; not "grow up
  to 30% faster").
A swear word about a thing or a situation ("the damn printer jammed again", "hell of a week", "I'm telling you,
the damn printer jammed") is aimed at no one and is not reported; nor is a capitalised word inside a sentence (a
name: "Senator Crapo"), nor an everyday sense of a listed word ("your garbage collection", "a freak accident").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .mention import denied
from .sentiment import valence
from .tokens import low

INSULT_RULE = "en.harassment.insult"     # safetype's rule whose last slot lists the words that label a person

LABEL, SWEAR, SLUR = "label", "swear", "slur"
_KINDS = {"profanity": SWEAR, "hate": SLUR, "harassment": LABEL}

NAME_CALLING, SWEARING, PUT_DOWN = "name-calling", "profanity", "put-down"

# everyday nouns in the lexicon's insult slot: "your garbage collection", "the failure report", "a freak accident",
# and adjectives whose everyday sense is no insult: "your ugly sweater party", "your worthless shares"
_EVERYDAY = frozenset({"trash", "garbage", "failure", "failures", "freak", "freaks", "scum", "ugly", "worthless"})
_GROUP = frozenset({"guys", "people", "lot", "all", "two", "both", "folks", "lads", "bunch"})
_BE = frozenset({"are", "'re", "were", "was", "r"})
_COPULA = frozenset({"look", "looks", "looked", "sound", "sounds", "sounded", "seem", "seemed", "act", "acting",
                     "acted", "behave", "behaving", "being"})
_NEG = frozenset({"not", "n't", "never", "no", "hardly", "nt"})
_MODS = frozenset({
    "a", "an", "such", "so", "really", "very", "just", "pretty", "quite", "too", "that", "truly", "totally",
    "completely", "utterly", "absolutely", "simply", "clearly", "obviously", "plainly", "downright", "the", "biggest",
    "complete", "total", "absolute", "utter", "real", "right", "proper", "little", "big", "old", "bunch", "of",
    "bloody", "being", "like"})
# words after which "you" is the subject of its clause ("did you ...", "why are you ...", "if you ...")
_SUBJECT_BEFORE = frozenset({
    "if", "when", "why", "what", "how", "where", "who", "that", "because", "since", "and", "but", "so", "or", "as",
    "unless", "until", "once", "now", "then", "did", "do", "does", "have", "has", "had", "are", "were", "can",
    "could", "will", "would", "should", "must", "seriously", "honestly", "well", "oh", "still", "even"})
# steps between a subject "you" and a swear word that intensifies what they are or do
_AUX = frozenset({
    "are", "'re", "were", "was", "do", "did", "does", "have", "'ve", "had", "'d", "can", "could", "will", "'ll",
    "would", "should", "must", "might", "may", "be", "been", "being", "just", "really", "so", "too", "all", "even",
    "still", "always", "never", "not", "n't", "actually", "seriously", "obviously", "clearly", "a", "an"})
# steps between a subject "you" and the verb of what they did ("did you even read ...")
_ADV = frozenset({"even", "ever", "actually", "just", "really", "bother", "bothered", "to", "at", "all", "once",
                  "not", "n't", "never", "honestly", "seriously"})
_DETS = frozenset({"the", "your", "this", "that", "these", "those", "a", "an", "any", "my", "our", "some", "every",
                   "all"})
_STATE = frozenset({"be", "been", "being", "are", "'re", "were", "was", "is", "'s", "feel", "felt", "feeling",
                    "get", "got", "getting", "look", "looked", "sound", "sounded"})
_WH = frozenset({"what", "why", "how", "who", "where", "when", "which"})
# words that may open a clause before its verb: "Just read ...", "So grow up", "Please, ..."
_OPENERS = frozenset({"just", "please", "now", "so", "then", "kindly", "simply", "oh", "well", "seriously",
                      "honestly", "ok", "okay", "and", "first", "also", "again", "go", "but"})
_CONJ = frozenset({"and", "but", "or", "then", "so", "because", "while", "although", "though"})
# what may follow a name said to the reader ("you idiot, ...", "you idiots are ...", "you clown and ...")
_AFTER = frozenset({
    "and", "or", "but", "who", "that", "are", "'re", "were", "have", "'ve", "can", "could", "will", "'ll", "would",
    "'d", "should", "do", "did", "does", "never", "always", "just", "again", "really", "need", "must", "is", "was",
    "keep", "kept", "still", "like", "out", "there", "here", "all", "ever", "for", "about", "as", "at", "in", "with",
    "if", "when", "because", "since", "to", "on", "by", "of"})
_AFTER_ORDER = frozenset({"and", "already", "or", "then", "you", "please", "now", "will", "for", "seriously", "ok",
                          "okay", "mate", "man", "buddy", "pal", "right"})
_CLITICS = frozenset({"'s", "'re", "'ve", "'ll", "'d", "n't", "'m"})
# words a writer may capitalise inside a sentence without making them a name ("Thank You", "Are You An Idiot")
_FUNCTION = frozenset({"you", "your", "yourself", "yourselves", "are", "a", "an", "the", "and", "be", "being",
                       "so", "such", "what", "how", "why", "up"})
# adjective endings: a label that may stand before the reader's noun ("your stupid question", "your clueless
# team"), unlike a noun ("your jerk chicken", "your fool's errand")
_ADJECTIVE_ENDINGS = ("id", "less", "ic", "ous", "ent", "ful", "ish", "mb", "ing", "ed", "ble")


@dataclass(frozen=True)
class Word:
    """One token of a sentence: its lower-case text (apostrophes straightened) and its span in the judged text."""
    w: str
    start: int
    end: int
    punct: bool
    attached: bool          # the next token follows without a space ("Ass" in "Ass't", "idiot" in "idiot-proof")


@dataclass(frozen=True)
class Aimed:
    start: int
    end: int
    kind: str               # NAME_CALLING, SWEARING or PUT_DOWN


# -- the lexicon ---------------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _lexicon_rules() -> tuple[list, dict]:
    """The rules taken from safetype's English pack, and the pack: its swear words and slurs (single words), and
    the words of its insult rule's last slot as labels; ([], {}) when safetype is not installed."""
    try:
        from safetype import load_pack
    except ImportError:  # pragma: no cover - a dependency; without it only the rule pack's own words count
        return [], {}
    pack = load_pack("en")
    rules = []
    for rule in pack.get("rules", []):
        parts = str(rule.get("pattern", "")).split()
        if rule.get("category") in ("profanity", "hate") and len(parts) == 1:
            rules.append(dict(rule))
        elif rule.get("id") == INSULT_RULE and parts:
            rules.append({"id": "tonecheck.label", "pattern": parts[-1], "category": "harassment",
                          "severity": "medium"})
    return rules, pack


@lru_cache(maxsize=1)
def _moderation_engine():
    """safetype's matcher over those rules (leetspeak, stretched letters); None when safetype is not installed."""
    rules, pack = _lexicon_rules()
    if not rules:
        return None
    from safetype import create_moderation_engine
    policy = {c: {"min_severity": "low", "min_confidence": 0} for c in ("profanity", "hate", "harassment")}
    return create_moderation_engine(
        packs=[{"boundary": pack.get("boundary", "word"), "rules": rules, "allowList": pack.get("allowList", [])}],
        policy=policy, detect_spaced_letters=False)


def _squeeze(word: str) -> str:
    """The word with runs of one letter squeezed to one ("fuuuck" -> "fuck"), as safetype matches them."""
    return re.sub(r"(.)\1+", r"\1", word)


@lru_cache(maxsize=1)
def _openings() -> frozenset:
    """The first two letters (squeezed) of every word and prefix the lexicon's rules name: a plain word that
    starts otherwise is not in the lexicon, and safetype need not be asked about it."""
    out = set()
    for rule in _lexicon_rules()[0]:
        for alt in rule["pattern"].strip("()").split("|"):
            out.add(_squeeze(alt.rstrip("*").lower())[:2])
    return frozenset(out)


@lru_cache(maxsize=65536)
def lexicon_kind(word: str) -> str | None:
    """LABEL, SWEAR or SLUR when the lexicon has the whole word (lower case), else None."""
    if not word or not any(c.isalpha() for c in word):
        return None
    if word.isascii() and word.isalpha() and _squeeze(word)[:2] not in _openings():
        return None
    engine = _moderation_engine()
    if engine is None:
        return None
    kinds = [_KINDS.get(m.category) for m in engine.moderate(word).matches if m.start == 0 and m.end == len(word)]
    for kind in (SLUR, SWEAR, LABEL):
        if kind in kinds:
            return kind
    if word.endswith("s") and len(word) > 3:     # the insult slot lists singulars: "clown" -> "clowns"
        return LABEL if lexicon_kind(word[:-1]) == LABEL else None
    return None


@dataclass(frozen=True)
class Lexicon:
    """The lexicon plus a rule pack's own additions."""
    labels: frozenset = frozenset()
    swears: frozenset = frozenset()

    def kind(self, word: str) -> str | None:
        if word in self.labels or (word.endswith("s") and word[:-1] in self.labels):
            return LABEL
        if word in self.swears:
            return SWEAR
        return lexicon_kind(word)


@lru_cache(maxsize=16)
def lexicon(labels: tuple = (), swears: tuple = ()) -> Lexicon:
    return Lexicon(frozenset(w.lower() for w in labels), frozenset(w.lower() for w in swears))


def _noun_form(word: str) -> bool:
    """A swear word that names ("bastard", "ass") rather than intensifies ("damn", "fucking", "bloody", "shitty")."""
    return not word.endswith(("ing", "in", "ed", "y")) and word not in ("damn", "goddamn", "hell", "bloody")


def _is_head(lex: Lexicon, word: str) -> bool:
    """A word that can name the reader: a label, a slur, a swear word used as a noun ("you bastard")."""
    kind = lex.kind(word)
    return kind in (LABEL, SLUR) or (kind == SWEAR and _noun_form(word))


def _is_mod(lex: Lexicon, word: str) -> bool:
    """A word that may stand between "you" and the name it calls them: "a complete", "stupid", "lazy", "bloody"."""
    return word in _MODS or lex.kind(word) is not None or valence(word) <= -1.0


# -- the sentence -------------------------------------------------------------------------------------------------

def words_of(tokens) -> list[Word]:
    """The sentence's tokens as Words (whitespace tokens left out). A capitalised word inside the sentence after
    another word is a name ("the cigars for Moron", "Senator Crapo"): its text is left blank, so it never counts."""
    toks = [t for t in tokens if not t.is_space]
    alpha = [t for t in toks if t.is_alpha]
    title_case = len(alpha) > 1 and sum(t.text[:1].isupper() for t in alpha) * 2 > len(alpha)   # "Are You An Idiot?"
    out = []
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        attached = (nxt is not None and not t.whitespace_ and not nxt.is_punct and low(nxt) not in _CLITICS)
        punct = t.is_punct or (not t.is_alpha and not any(c.isalnum() for c in t.text))
        w = low(t)
        if i and not title_case and t.text[:1].isupper() and t.text[1:].islower() and toks[i - 1].is_alpha \
                and w not in _FUNCTION:
            w = ""
        out.append(Word(w, t.idx, t.idx + len(t.text), punct,
                        attached or (nxt is not None and not t.whitespace_ and nxt.text in ("-", "'", "’"))))
    return out


def _w(ws: list[Word], i: int) -> str | None:
    return ws[i].w if 0 <= i < len(ws) else None


def _boundary(ws: list[Word], i: int) -> bool:
    """Position i is outside the sentence or a punctuation mark."""
    return not 0 <= i < len(ws) or ws[i].punct


def _clause_start(ws: list[Word], i: int) -> bool:
    """Word i opens a clause: the sentence's first word, after punctuation or a conjunction, after openers."""
    j = i - 1
    while j >= 0 and ws[j].w in _OPENERS and ws[j].w not in _CONJ and not ws[j].punct:
        j -= 1
    return j < 0 or ws[j].punct or ws[j].w in _CONJ


def _clause_end(ws: list[Word], i: int) -> int:
    """Index just past the clause that holds word i (the next punctuation mark or joining conjunction)."""
    j = i + 1
    while j < len(ws) and not ws[j].punct and ws[j].w not in ("and", "but", "or", "because", "so", "if"):
        j += 1
    return j


def _walk(ws: list[Word], i: int, lex: Lexicon, limit: int = 5) -> int | None:
    """From word i, over modifiers, to the last word that names a person ("a complete moron" -> "moron")."""
    head = None
    for j in range(i, min(len(ws), i + limit)):
        if ws[j].punct or ws[j].attached:
            break
        if _is_head(lex, ws[j].w):
            head = j
        elif not _is_mod(lex, ws[j].w):
            break
    return head


def _name_fits(ws: list[Word], h: int, strict: bool) -> bool:
    """What follows the name h lets it be a name ("you idiot, ...", "you idiots never ..."), not the first word of
    a compound ("you garbage bags")."""
    nxt = _w(ws, h + 1)
    if _boundary(ws, h + 1):
        return True
    if ws[h].w in _EVERYDAY:
        return nxt in _AFTER
    if strict and not ws[h].w.endswith("s"):
        return nxt in _AFTER or nxt in _GROUP
    return True


# -- name-calling ---------------------------------------------------------------------------------------------------

def _after_subject(ws: list[Word], j: int) -> int:
    """Skip "guys", "people" after "you"."""
    return j + 1 if _w(ws, j) in _GROUP else j


def _called_you(ws: list[Word], i: int, lex: Lexicon):
    """Name-calling that starts at "you" (index i)."""
    j = _after_subject(ws, i + 1)
    # "you're a complete moron", "you look like an idiot", "you guys are being idiots"
    if _w(ws, j) in _BE or _w(ws, j) in _COPULA:
        k = j + 1
        while _w(ws, k) in ("being", "like", "acting", "just", "such"):
            k += 1
        if any(_w(ws, x) in _NEG for x in range(j, k + 1)):
            return None
        h = _walk(ws, k, lex)
        if h is not None and _name_fits(ws, h, strict=False):
            return ws[i].start, ws[h].end
        return None
    # "you clown", "you stupid idiots", "you lazy bastard"
    h = _walk(ws, i + 1, lex)
    if h is not None and _name_fits(ws, h, strict=True):
        end = h + 1 if _w(ws, h + 1) in _GROUP else h
        return ws[i].start, ws[end].end
    return None


def _asked_you(ws: list[Word], i: int, lex: Lexicon):
    """"are you an idiot?", "are you guys stupid or something" (i at "are")."""
    if _w(ws, i + 1) != "you":
        return None
    h = _walk(ws, _after_subject(ws, i + 2), lex)
    if h is not None and _name_fits(ws, h, strict=False):
        return ws[i].start, ws[h].end
    return None


def _told_not_to_be(ws: list[Word], i: int, lex: Lexicon):
    """"don't be an idiot", "stop being so stupid", "quit acting like a clown" (i at "do"/"stop"/"quit")."""
    w = ws[i].w
    if w == "do" and _w(ws, i + 1) in ("n't", "not") and _w(ws, i + 2) in ("be", "act"):
        k = i + 3
    elif w in ("stop", "quit") and _w(ws, i + 1) in ("being", "acting"):
        k = i + 2
    else:
        return None
    h = _walk(ws, k, lex)
    if h is not None and _name_fits(ws, h, strict=False):
        return ws[i].start, ws[h].end
    return None


def _how_what(ws: list[Word], i: int, lex: Lexicon):
    """"how stupid are you", "what an idiot you are" (i at "how"/"what")."""
    h = _walk(ws, i + 1, lex, limit=4)
    if h is None:
        return None
    nxt, after = _w(ws, h + 1), _w(ws, h + 2)
    if ws[i].w == "how" and nxt in ("are", "were", "can", "could", "must", "is") and after == "you":
        return ws[i].start, ws[h + 2].end
    if ws[i].w == "what" and nxt == "you" and after in ("are", "'re", "were", "look", "sound"):
        return ws[i].start, ws[h + 2].end
    return None


def _yours(ws: list[Word], i: int, lex: Lexicon):
    """"your stupid question", "your damn form", "your idea is dumb" (i at "your")."""
    h = None
    for j in range(i + 1, min(len(ws), i + 4)):
        if ws[j].punct or ws[j].attached:
            break
        kind = lex.kind(ws[j].w)
        if kind is not None and ws[j].w not in _EVERYDAY:
            h = j
            break
        if not _is_mod(lex, ws[j].w) or ws[j].w in ("a", "an", "the"):
            break
    if h is not None:
        end = h + 1 if not _boundary(ws, h + 1) and not ws[h + 1].attached else h
        kind = SWEARING if lex.kind(ws[h].w) == SWEAR else NAME_CALLING
        if kind == NAME_CALLING and end > h and not ws[h].w.endswith(_ADJECTIVE_ENDINGS):
            return None
        return ws[i].start, ws[end].end, kind
    # "your idea is dumb", "your people are idiots"
    for j in range(i + 2, min(len(ws), i + 4)):
        if ws[j].punct:
            return None
        if ws[j].w in ("is", "'s", "was", "are", "were", "seems", "sounds", "looks"):
            if _w(ws, j + 1) in _NEG:
                return None
            h = _walk(ws, j + 1, lex, limit=4)
            if h is not None and _name_fits(ws, h, strict=False):
                return ws[i].start, ws[h].end, NAME_CALLING
            return None
    return None


def _name_calling(ws: list[Word], text: str, lex: Lexicon) -> list[Aimed]:
    out = []
    for i, word in enumerate(ws):
        w = word.w
        span = None
        kind = NAME_CALLING
        if w == "you":
            span = _called_you(ws, i, lex)
        elif w in ("are", "were"):
            span = _asked_you(ws, i, lex)
        elif w in ("do", "stop", "quit"):
            span = _told_not_to_be(ws, i, lex)
        elif w in ("how", "what"):
            span = _how_what(ws, i, lex)
        elif w in ("call", "calling", "called") and _w(ws, i + 1) == "you":
            h = _walk(ws, i + 2, lex)
            span = (ws[i].start, ws[h].end) if h is not None and _name_fits(ws, h, strict=False) else None
        elif w == "your":
            found = _yours(ws, i, lex)
            if found:
                span, kind = found[:2], found[2]
        elif _w(ws, i + 1) == "like" and _w(ws, i + 2) in ("you", "yourself", "yourselves") and _is_head(lex, w):
            span = (ws[i].start, ws[i + 2].end)         # "idiots like you"
        if span and not (kind == NAME_CALLING and _denied(ws, i, text, span[0])):
            out.append(Aimed(span[0], span[1], kind))
    return out


def _denied(ws: list[Word], i: int, text: str, start: int) -> bool:
    """The clause leading up to word i denies the label: "I'm not saying you're an idiot", "nobody thinks you're
    stupid", "no one here is calling you a fool"."""
    if denied(text, start):
        return True
    j = i - 1
    while j >= 0 and not ws[j].punct:
        if ws[j].w in ("nobody", "noone", "no-one") or (ws[j].w == "no" and _w(ws, j + 1) == "one"):
            return True
        j -= 1
    return False


# -- swearing ------------------------------------------------------------------------------------------------------

def _subject_you(ws: list[Word], i: int) -> bool:
    """"you" at i is the subject of its clause, not an object ("I'm telling you", "thank you")."""
    prev = _w(ws, i - 1)
    return prev is None or ws[i - 1].punct or prev in _SUBJECT_BEFORE


def _praise_next(ws: list[Word], i: int) -> bool:
    """The swear word at i intensifies praise or agreement ("a damn good job", "bloody brilliant", "you're damn
    right") or is "hell of a"; "you bloody well know" is not praise."""
    nxt = _w(ws, i + 1)
    return nxt is not None and nxt != "well" and (nxt in ("of", "right", "sure") or valence(nxt) > 0.5)


def _swear_in_clause(ws: list[Word], start: int, end: int, lex: Lexicon) -> int | None:
    """The first swear word in ws[start:end] after a determiner ("the damn manual", "this crap"), or right after
    the verb as "the hell" ("get the hell out")."""
    for j in range(start, end):
        if ws[j].w in _DETS and j + 1 < end and lex.kind(ws[j + 1].w) == SWEAR and not ws[j + 1].attached \
                and not _praise_next(ws, j + 1) and (ws[j + 1].w != "hell" or j == start):
            return j + 1
    return None


def _ordered(ws: list[Word], i: int, lex: Lexicon, verbs: frozenset) -> int | None:
    """A swear word in an order to the reader: "read the damn instructions", "just fill in the bloody form"."""
    if ws[i].w not in verbs or not _clause_start(ws, i) or _w(ws, i + 1) in ("out", "at"):
        return None                      # "check out this crap from the regulator" shares it
    return _swear_in_clause(ws, i + 1, _clause_end(ws, i), lex)


def _asked_about_you(ws: list[Word], i: int, lex: Lexicon, verbs: frozenset) -> int | None:
    """A swear word in a question or statement about what the reader did: "did you even read the damn email?"."""
    if not _subject_you(ws, i):
        return None
    j = i + 1
    while _w(ws, j) in _ADV:
        j += 1
    if _w(ws, j) not in verbs:
        return None
    return _swear_in_clause(ws, j + 1, _clause_end(ws, j), lex)


def _sworn_at(ws: list[Word], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """"you're so damn slow", "are you fucking kidding me", "you bloody well know" (i at a subject "you")."""
    if not _subject_you(ws, i):
        return None
    j = i + 1
    while _w(ws, j) in _AUX and j < i + 5:
        j += 1
    w = _w(ws, j)
    if w is None or ws[j].punct or ws[j].attached or lex.kind(w) != SWEAR or _noun_form(w) or w == "hell":
        return None
    if _praise_next(ws, j) or (w.endswith("ed") and _w(ws, j - 1) in _STATE):
        return None                      # "a damn good job"; "you must be pissed off" says how they feel
    return ws[j].start, ws[j].end


def _wh_the_hell(ws: list[Word], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """"what the hell is wrong with you", "why the hell didn't you call" (i at the wh-word): said to the reader
    when "you" or "your" is in the same clause."""
    if _w(ws, i + 1) != "the" or lex.kind(_w(ws, i + 2) or "") != SWEAR:
        return None
    for j in range(i + 3, _clause_end(ws, i + 2)):
        if ws[j].w in ("you", "your", "yourself", "yourselves"):
            return ws[i].start, ws[i + 2].end
    return None


def _damn_you(ws: list[Word], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """"damn you", "screw your refund policy", "go fuck yourself" (i at the swear word, a verb here)."""
    w = ws[i].w
    if _w(ws, i + 1) not in ("you", "your", "yourself", "yourselves") or lex.kind(w) != SWEAR:
        return None
    if w.endswith(("ed", "ing", "y")) or not (_clause_start(ws, i) or _w(ws, i - 1) == "go"):
        return None
    return ws[i].start, ws[i + 1].end


def _swearing(ws: list[Word], lex: Lexicon, verbs: frozenset) -> list[Aimed]:
    out = []
    for i, word in enumerate(ws):
        w = word.w
        span = None
        if w in _WH:
            span = _wh_the_hell(ws, i, lex)
        elif w == "you":
            span = _sworn_at(ws, i, lex)
            if span is None:
                k = _asked_about_you(ws, i, lex, verbs)
                span = (ws[k].start, ws[k].end) if k is not None else None
        elif w in verbs:
            k = _ordered(ws, i, lex, verbs)
            span = (ws[k].start, ws[k].end) if k is not None else None
        if span is None and not word.punct:
            span = _damn_you(ws, i, lex)
        if span:
            out.append(Aimed(span[0], span[1], SWEARING))
    return out


# -- put-downs ----------------------------------------------------------------------------------------------------

@lru_cache(maxsize=16)
def _by_first_word(phrases: tuple) -> dict:
    """The put-down phrases grouped by their first word, longest first."""
    index: dict[str, list] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    return index


def _put_downs(ws: list[Word], phrases: tuple) -> list[Aimed]:
    """An insulting order opening a clause ("Grow up and ...", "Just get a clue."), followed by the clause's end."""
    index = _by_first_word(phrases)
    out = []
    for i in range(len(ws)):
        candidates = index.get(ws[i].w)
        if not candidates or ws[i].punct or not _clause_start(ws, i):
            continue
        for phrase in candidates:
            n = len(phrase)
            if tuple(x.w for x in ws[i:i + n]) != phrase:
                continue
            nxt = _w(ws, i + n)
            if _boundary(ws, i + n) or nxt in _AFTER_ORDER:
                out.append(Aimed(ws[i].start, ws[i + n - 1].end, PUT_DOWN))
                break
    return out


_WORD = re.compile(r"[\w@$*'’]+")


def _worth_reading(sentence: str, lex: Lexicon, put_downs: tuple) -> bool:
    """A quick pre-test: the sentence holds a word of the lexicon or a put-down phrase (the words read apart)."""
    words = [w.replace("’", "'") for w in _WORD.findall(sentence.lower())]
    if any(lex.kind(w) for w in words):
        return True
    joined = " " + " ".join(words) + " "
    return any(" " + " ".join(p) + " " in joined for p in put_downs)


def aimed(tokens, text: str, lex: Lexicon, order_verbs: frozenset, put_downs: tuple) -> list[Aimed]:
    """Every insult, swear word or put-down aimed at the reader in one sentence's tokens; `text` is the judged
    text the tokens' offsets point into. `put_downs` are tuples of lower-case words ("get", "a", "clue")."""
    if not _worth_reading(text[tokens.start_char:tokens.end_char], lex, put_downs):
        return []
    ws = words_of(tokens)
    if not ws:
        return []
    found = _name_calling(ws, text, lex) + _put_downs(ws, put_downs)
    taken = [(a.start, a.end) for a in found]
    for a in _swearing(ws, lex, order_verbs):
        if not any(s <= a.start < e for s, e in taken):
            found.append(a)
    return sorted(found, key=lambda a: (a.start, -a.end))
