"""Who a promise is by: the subject left of a commitment's anchor, and whose side it is on (its *owner*).

Owners: `first` ("I", "we"), `team` (a team, role or colleague on the sender's side: "our finance team", "she",
"our upholsterer"), `named` (a person or company by name: "Tom's team", "UPS"), `someone` (nobody in particular),
`reader` ("you"), `they`, and `thing` ("your refund", "it"). With a trained parser (tonecheck.nlp.has_parser) the
subject comes from the dependency parse; on the blank pipeline a small noun-phrase scan finds it: a pronoun, or
the words back to a clause boundary or a determiner.
"""
from __future__ import annotations

import re

from .tokens import BE, FIRST, SKIP_ADV, low

THIRD_PERSON = frozenset({"he", "she"})
THEY = frozenset({"they"})
SOMEONE = frozenset({"someone", "somebody", "anyone", "anybody", "one"})
TEAM_NOUNS = frozenset({
    "team", "teams", "department", "staff", "colleague", "colleagues", "manager", "rep", "representative", "agent",
    "agents", "technician", "technicians", "engineer", "engineers", "specialist", "specialists", "warehouse",
    "workshop", "office", "desk", "lead", "supervisor", "advisor", "adviser", "courier", "driver", "partner", "person",
    "coordinator", "crew", "store", "branch", "company", "support", "service", "accounts", "finance", "billing",
    "dispatch", "logistics", "carrier", "factory", "lab", "unit", "group", "member", "members", "contact", "owner",
    "director", "head", "expert", "experts",
    # people by trade whose names do not end like an agent noun ("our vets", "my assistant")
    "vet", "vets", "nurse", "nurses", "doctor", "doctors", "surgeon", "surgeons", "clerk", "clerks", "consultant",
    "consultants", "accountant", "accountants", "assistant", "assistants", "attendant", "attendants", "people",
    "chef", "chefs", "guide", "guides", "volunteer", "volunteers", "helper", "helpers"})
# "your accountant", "your bank": people and bodies on the reader's side, never ours
READER_SIDE = frozenset({"accountant", "buyer", "buyers", "bank", "customers", "customer", "family", "store", "staff",
                         "employer", "landlord", "neighbour", "neighbor", "insurer"})
# a pronoun subject's owner
_PRONOUN_OWNER = {**{w: "first" for w in FIRST}, **{w: "team" for w in THIRD_PERSON}, **{w: "they" for w in THEY},
                  **{w: "someone" for w in SOMEONE}, "it": "thing", "this": "thing", "everything": "thing"}
# words that end a noun phrase scanned leftwards (the phrase starts after them)
_NP_STOP = frozenset({
    "and", "but", "or", "so", "if", "when", "how", "why", "once", "as", "because", "since", "while", "until", "that",
    "then", "please", "which", "who", "where", "though", "although", "unless", "before", "after", "hopefully",
    "probably", "meanwhile", "also", "now", "we", "i", "you", "they", "he", "she", "it", "let", "know", "yes", "sure",
    "ok", "okay", "thanks", "thank", "sorry", "unfortunately", "luckily", "fortunately", "good", "great", "news",
    "is", "are", "was", "were", "has", "have", "had", "be", "been", "today", "tomorrow", "soon", "later", "again",
    "will", "'ll", "can", "could", "should", "would"})
# a noun phrase scanned leftwards starts at (and includes) one of these
_NP_FIRST = frozenset({"someone", "somebody", "the", "a", "an", "your", "our", "my", "their", "his", "her"})
# people by role that "a"/"an" puts on the sender's side: "an engineer will call you", "a courier will collect it"
_PEOPLE_OF_OURS = frozenset({
    "engineer", "technician", "courier", "driver", "specialist", "advisor", "adviser", "agent", "representative",
    "colleague", "member", "fitter", "installer", "surveyor", "inspector", "nurse", "vet", "consultant", "manager",
    "coordinator", "plumber", "electrician", "mechanic"})
_YOUR_CONTACT = frozenset({"manager", "rep", "representative", "contact", "agent", "advisor", "adviser", "technician",
                           "engineer", "specialist", "coordinator", "teacher", "tutor", "coach", "trainer",
                           "instructor", "consultant", "caseworker", "therapist", "stylist"})
# nouns ending like an agent noun ("-er", "-or", "-ist", "-ian") that are not people
_NOT_AGENTS = frozenset({
    "order", "orders", "number", "letter", "newsletter", "paper", "folder", "counter", "cover", "corner", "water",
    "power", "offer", "voucher", "sticker", "poster", "filter", "timer", "container", "trailer", "door", "floor",
    "colour", "color", "error", "mirror", "interior", "exterior", "indicator", "monitor", "radiator", "motor",
    "sensor", "behaviour", "behavior", "favour", "flavour", "labour", "border", "register", "chapter", "quarter",
    "winter", "summer", "december", "november", "september", "october", "calendar", "banner", "charger", "adapter",
    "adaptor", "router", "printer", "computer", "dryer", "washer", "heater", "cooler", "freezer", "speaker", "drawer",
    "holder", "marker", "other", "either", "further", "matter", "member", "christian", "median", "list", "playlist",
    "checklist", "wishlist"})


def find_subject(toks, i: int, kind: str, use_parser: bool) -> tuple[int, int, str] | None:
    """(start, end, owner) of the subject of the anchor at toks[i] (an anchor of `kind`), or None."""
    if use_parser:
        r = _subject_from_parse(toks, i)
        if r is not None:
            return r
    j = i - 1
    if kind in ("intent", "best", "going", "expect-obj"):      # "we are planning to": step over "are"
        # ... and over a conditional: "I would hope to", "we'd aim to"
        while j >= 0 and (low(toks[j]) in BE or low(toks[j]) in SKIP_ADV or
                          low(toks[j]) in ("will", "'ll", "would", "'d", "do")):
            j -= 1
    while j >= 0 and low(toks[j]) in SKIP_ADV and low(toks[j]) not in ("all", "both", "that", "this"):
        j -= 1
    if j < 0:
        return _dropped_subject(toks, i, kind)
    if kind in ("will", "modal") and low(toks[j]) in ("and", "but"):
        return _shared_subject(toks, j)     # "... and will handle it", "... and should have a fix by Friday"
    return _subject_ending_at(toks, i, j)


# words after a sentence-opening "Will" that make it a question or a name, not a note with "I" left out
_NOT_A_NOTE = frozenset({"you", "i", "we", "he", "she", "they", "it", "there", "this", "that", "these", "those",
                         "the", "your", "our", "my", "a", "an", "anyone", "someone", "everyone"})


def _dropped_subject(toks, i: int, kind: str) -> tuple[int, int, str] | None:
    """"Will check on that angle.", "Will send it over.", a hurried "will let you know", "Should have it back by
    Friday": a note that leaves out its "I" or "we" (questions never get here); the subject is empty and the owner
    is the writer."""
    if i != 0 or i + 1 >= len(toks):
        return None
    nxt = toks[i + 1]
    if kind == "modal" and toks[0].text in ("Should", "should") and low(nxt) in ("have", "be", "get"):
        return i, i, "first"        # "Should have it back to you in a week or two": a hedged note, "we" left out
    if kind != "will" or toks[0].text not in ("Will", "Shall", "will", "shall"):
        return None
    if not nxt.is_alpha or low(nxt) in _NOT_A_NOTE or nxt.text[0].isupper():
        return None
    return i, i, "first"


_NEW_CLAUSE = frozenset({"you", "that", "which", "who", "whether", "if", "because", "when", "while", "since",
                         "although", "though", "whom", "whose"})


# the first verb of a clause whose subject opens the sentence: "Your complaint has been passed ..."
_FIRST_VERB = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "'ll", "'s", "'ve"})


def _shared_subject(toks, j: int) -> tuple[int, int, str] | None:
    """"I got the message and will handle it", "Your complaint has been passed to the team and will be dealt with
    in due course": the "will" shares the subject the sentence opens with - I/we, or a noun phrase led by a
    determiner - when no other subject stands between."""
    k = 0
    while k < j and (low(toks[k]) in SKIP_ADV or toks[k].is_punct):
        k += 1
    if k >= j or any(_opens_a_clause(toks, m) for m in range(k + 1, j)):
        return None                 # "I have learned that Calpine ... and will try": another subject in between
    if low(toks[k]) in ("i", "we"):
        return k, k + 1, "first"
    if low(toks[k]) not in _NP_FIRST:
        return None
    verb = next((v for v in range(k + 1, min(k + 9, j)) if low(toks[v]) in _FIRST_VERB), None)
    if verb is None or verb == k + 1:
        return None
    found = _phrase(toks, verb - 1, verb)
    return found if found is not None and found[0] == k else None


# pronouns that are objects after a verb or a preposition ("working on it", "called you"), never subjects there
_OBJECT_CASE = frozenset({"it", "you", "them", "him", "her", "us", "me"})


def _opens_a_clause(toks, m: int) -> bool:
    """toks[m] starts another clause: a clause word, a subject pronoun, or "it"/"you" after a comma or a conjunction
    (not the object of "working on it", "called you")."""
    word = low(toks[m])
    if word in _NEW_CLAUSE and word != "you":
        return True
    if word not in _PRONOUN_OWNER:
        return False
    return word not in _OBJECT_CASE or toks[m - 1].is_punct or low(toks[m - 1]) in ("and", "but", "so", "or")


def _subject_ending_at(toks, i: int, j: int) -> tuple[int, int, str] | None:
    """The subject whose last word is toks[j] (the anchor is toks[i])."""
    t = toks[j]
    word = low(t)
    if word == ",":
        return _appositive_subject(toks, i, j)
    if word in _PRONOUN_OWNER:
        return j, j + 1, _PRONOUN_OWNER[word]
    if word == "you":
        if j > 0 and low(toks[j - 1]) in ("if", "unless", "when", "once", "whether"):
            return None
        return j, j + 1, "reader"
    if word in ("that", "which", "who"):
        # relative clause: "the parcel that will arrive", "the rep who will call you": look at the noun before
        if j == 0:
            return None
        return _phrase(toks, j - 1, j)
    if word == "there":
        return None
    if (t.like_num or t.is_currency) and j >= 2:
        amount = _amount_subject(toks, j)
        if amount is not False:
            return amount
    if word == ")":
        # "Your refund (ref CF-D-90114) will ...", "We (the Leeds team) will ...": the subject is before the bracket
        k = next((k for k in range(j - 1, max(j - 12, 0), -1) if toks[k].text == "("), None)
        return _subject_ending_at(toks, i, k - 1) if k is not None and k >= 1 else None
    if not t.is_alpha and not word.endswith("'s"):
        return None
    return _phrase(toks, j, j + 1)


def _phrase(toks, head: int, end: int) -> tuple[int, int, str] | None:
    """The noun phrase ending at toks[head] as a subject that ends at `end`, when it has an owner."""
    s, owner = noun_phrase_left(toks, head)
    return (s, end, owner) if owner else None


def _appositive_subject(toks, i: int, j: int) -> tuple[int, int, str] | None:
    """"Elena Rossi, who looks after new accounts, will call you" / "Our sales rep, Alicia, will ...": the noun
    before the first comma."""
    k = j - 1
    while k >= 0 and toks[k].text not in (",", ".", ";", ":") and i - k < 25:
        k -= 1
    if k <= 0 or toks[k].text != ",":
        return None
    head = k - 1
    if head < 0 or not toks[head].is_alpha:
        return None
    return _phrase(toks, head, head + 1)


def _amount_subject(toks, j: int):
    """"The payment of £329.00 will …": an amount after "of"/"for" belongs to the noun before it. False when the
    amount does not follow such a noun."""
    k = j
    while k > 0 and (toks[k].like_num or toks[k].is_currency or low(toks[k]) in ("£", "$", "€")):
        k -= 1
    if k > 0 and re.fullmatch(r"[A-Z]{1,3}[$£€]", toks[k].text):
        k -= 1                  # a currency with its country's letters, one token: "US$1,690", "NZ$40", "A$90"
    if low(toks[k]) in ("of", "for") and k >= 1 and toks[k - 1].is_alpha:
        return _phrase(toks, k - 1, j + 1)
    return False


def noun_phrase_left(toks, head: int) -> tuple[int, str | None]:
    """The noun phrase ending at toks[head]: where it starts, and whose side it is on (None: not a subject)."""
    s, words = _np_span(toks, head)
    if not words:
        return head, None
    # a prepositional post-modifier: "Someone from our finance team", "A member of the returns team", "A quote for
    # the 50 barrels with freight to Saint-Georges" (the quote, not the town, is the subject)
    if s >= 2 and low(toks[s - 1]) in ("from", "of", "in", "at", "on", "for", "with", "to") and toks[s - 2].is_alpha \
            and low(toks[s - 2]) not in _NP_STOP:
        s2, owner2 = noun_phrase_left(toks, s - 2)
        if owner2 is not None:
            # "a member of the returns team", "one of our vets": a part of our side is our side
            if owner2 not in ("team", "named") and _np_owner(words, toks, head) in ("team", "named") \
                    and low(toks[s - 2]) in ("member", "members", "one", "head", "some", "all", "each", "rest"):
                return s2, "team"
            return s2, owner2
    return s, _np_owner(words, toks, head)


def _np_span(toks, head: int) -> tuple[int, list[str]]:
    """Where the noun phrase ending at toks[head] starts, and its low() words (at most 7, back to a determiner or
    a stop word); no words when toks[head] cannot end one."""
    k = head
    words = []
    while k >= 0 and head - k < 7:
        t = toks[k]
        word = low(t)
        if (t.is_punct and word not in ("'s", "-", "&")) or t.is_space:
            break
        if word in _NP_STOP or word in ("with", "to") and k != head:
            if k != head:
                break       # ... "with"/"to" open a post-modifier that noun_phrase_left reads on its own
            if word != "news":
                return head, []
        words.append(word)
        k -= 1
        if word in _NP_FIRST:
            break
    words.reverse()
    return k + 1, words


def _np_owner(words: list[str], toks, head: int) -> str | None:
    first, hd = words[0], words[-1]
    if first == "one" and words[1:3] in (["of", "us"], ["of", "our"]):
        return "team"               # "one of us will get back to you", "one of our engineers": a member of ours
    if first in SOMEONE:
        return "someone"
    if first == "your":
        return _your_owner(hd)
    if first in ("our", "my") and (hd in TEAM_NOUNS or any(w in TEAM_NOUNS for w in words[1:]) or _agent_noun(hd)):
        return "team"
    if first in ("the",) and hd in TEAM_NOUNS and hd not in ("store", "company", "service", "support", "member"):
        return "team"
    if first in ("a", "an") and len(words) <= 3 and hd in _PEOPLE_OF_OURS:
        return "team"               # "an engineer will call you", "a courier ought to ring you": one of ours
    if "'s" in words and hd in TEAM_NOUNS:
        return "named"
    if len(words) <= 3 and _COUNT.match(first) and (hd in TEAM_NOUNS or hd in _PEOPLE_OF_OURS or _agent_noun(hd)):
        return "team"               # "Iain and two volunteers will cut it back", "three engineers will be on site"

    return "named" if _proper_name(words, toks[head]) else "thing"


_COUNT = re.compile(r"^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|both|several)$")


def _your_owner(hd: str) -> str | None:
    """"your account manager" is on our side; "your bank", "your team" are the reader's; "your refund" a thing."""
    if hd in _YOUR_CONTACT:
        return "team"
    if hd in READER_SIDE or hd in ("team", "staff", "colleagues", "colleague"):
        return None
    return "thing"


def _proper_name(words: list[str], t) -> bool:
    """Capitalised words that are not the sentence's first word, or acronyms (UPS, DHL); a lone capitalised first
    word that is not a common word ("Tom will ...")."""
    if t.text[:1].isupper() and (t.i != t.sent.start or t.text.isupper() and len(t.text) > 1) and words[0] not in (
            "the", "a", "an", "our", "my", "their", "this", "that"):
        return True
    return t.text[:1].isupper() and t.i == t.sent.start and len(words) == 1 and not _common_word(t)


def _agent_noun(word: str) -> bool:
    """A person by trade on our side: "our upholsterer", "my supervisor", "our electrician", "our florist"."""
    return len(word) > 4 and word not in _NOT_AGENTS and word.endswith(("er", "or", "ist", "ian", "ers", "ors",
                                                                        "ists", "ians"))


def _common_word(tok) -> bool:
    from ..nlp import lemma_table
    from .capitals import is_event_noun
    return tok.lower_ in lemma_table() or tok.lower_ in ("refund", "order", "parcel", "package", "replacement") or \
        is_event_noun(tok.text)


def _subject_from_parse(toks, i: int) -> tuple[int, int, str] | None:
    """With a trained parser: the nsubj/nsubjpass of the verb the anchor belongs to."""
    tok = toks[i]
    head = tok.head if tok.dep_ in ("aux", "auxpass", "xcomp") or tok.dep_.startswith("aux") else tok
    if tok.dep_ == "ROOT" or tok.pos_ == "VERB":
        head = tok
    subj = next((ch for ch in head.children if ch.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None or subj.dep_ == "expl":
        return None
    sent_start = toks[0].i
    s = subj.left_edge.i - sent_start
    e = subj.right_edge.i - sent_start + 1
    if s < 0 or e > len(toks) or e > i:
        return None
    owner = _parsed_owner(subj, toks, sent_start)
    return (s, e, owner) if owner is not None else None


def _parsed_owner(subj, toks, sent_start: int) -> str | None:
    word = subj.lower_
    if word in FIRST:
        return "first"
    if word in THEY:
        return "they"
    if word == "you":
        return "reader"
    if word in SOMEONE:
        return "someone"
    if word in THIRD_PERSON:
        return "team"
    if subj.ent_type_ in ("PERSON", "ORG") or subj.pos_ == "PROPN":
        return "named"
    return noun_phrase_left(toks, subj.i - sent_start)[1]
