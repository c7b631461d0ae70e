"""Pointing the reader at where it was written: "on page 2 of the agreement you signed", "right there on the booking
screen", "as the signs at every entrance state", "that's been on the event page since tickets went on sale".

Said to a customer who is unhappy, it means "you should have read it", whatever the words. The phenomenon has a
shape rather than a phrase list, so the test is structural: a sentence locates a fact in a document or place the
reader had (a pack, an agreement, a page, a screen, a sign; the nouns come from the rule's options) and stresses that
they had it:
- the reader accepted it: the document is one "you signed", "you accepted", "your CFO signed", with a place in it or
  the point pressed ("on page 2 of the agreement you signed", "The agreement you signed is perfectly clear"); alone it
  is the record of the deal ("The repair is covered by the estimate you accepted");
- the place is pointed at: "right there on", "right above the button", "every product page says", "as printed on
  every delivery note", "the notice at the desk says clearly" (always enough);
- a fact located in a document the reader is reminded they received ("as set out in the guidelines you received",
  "in the notice that every member received");
- otherwise, a locating verb ("set out in", "printed on", "as ... states", "as per", "it's on") counts only with
  stress ("clearly", "itself", "as well as", "since", "before you booked", "you were sent"). Without it, citing the
  terms is a neutral fact, even in a reply to a complaint ("Late joiners pay the full fee, as set out in the course
  handbook"): a frozen set's writers left such refusals clean.
Not a pointer: a question, a condition or request ("If ...", "Please ..."), a denial or apology before it ("This
wasn't made clear on the booking screen", "Sorry, ..."), and the future ("You'll find the form on page 2" has no
stress; "You'll find that right there on the booking screen" has).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_QUALIFIED = r"(?:(?:section|clause|page|paragraph|item|point|part)\s+[\d.]+[a-z]?\s+of\s+)?"
_OPENS_AS_CONDITION = re.compile(r"\W*(?:if|when|once|whenever|please|could|can|would|should|do|does|did|is|are)\b",
                                 re.I)
# a denial right before the pointer ("wasn't made clear on", "has never been shown on"), not one earlier in the
# sentence ("Postponed shows aren't refundable - that's been on the event page")
_DENIED_BEFORE = re.compile(r"(?:\bnot|n['’]t|\bnever|\bno\s+longer|\bnowhere)(?:\s+(?:been|be|ever|always|really|"
                            r"actually|clearly))*\s*$", re.I)
_APOLOGY = re.compile(r"\b(?:sorry|apologi[sz]e|apologies|(?:our|my)\s+(?:mistake|error|fault))\b", re.I)


@dataclass(frozen=True)
class Vocabulary:
    """The words of the rule's options, compiled once: document nouns, locating verbs, acceptance and receipt
    verbs, stress words."""
    located: re.Pattern
    says: re.Pattern
    document_saying: re.Pattern     # ... a document as the subject of `says`, just before it
    as_said: re.Pattern
    it_is_there: re.Pattern
    pointed: re.Pattern
    accepted: re.Pattern            # the reader's act of accepting ...
    received: re.Pattern            # ... or receiving; a pointer when document_before ends just before it
    document_before: re.Pattern
    every: re.Pattern
    stress: re.Pattern
    any_document: re.Pattern        # the "might this match at all" pre-test: no document noun, no pointer


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8)
def vocabulary(documents: tuple, locating: tuple, accepting: tuple, receiving: tuple, stress: tuple) -> Vocabulary:
    noun = rf"(?:{_alternation(documents)}|page\s+\d+|section\s+[\d.]+|clause\s+[\d.]+)"
    doc = rf"(?:(?:the|your|our|every|each|both|that|this|its|their)\s+)?(?:[\w’'&-]+\s+){{0,3}}?{noun}\b"
    verb = rf"(?:{_alternation(locating)})"
    # the reader, or everyone the reader is one of: "the AGM notice that every member received"
    reader = (r"(?:you|your\s+[\w-]+(?:\s+[\w-]+)?|(?:every|each|all)\s+(?:member|customer|client|guest|tenant|"
              r"resident|owner|parent|subscriber|patient|student|passenger|household|account\s+holder|policyholder)s?)")
    states = (r"(?:(?:quite|very|perfectly)\s+)?(?:clearly\s+)?(?:says|say|states|state|explains|explain|shows|show|"
              r"makes\s+clear|make\s+clear|sets\s+out|set\s+out|notes|confirms|stipulates|instructs|asks|ask|covers|"
              r"spells\s+out|warns|mentions)(?:\s+(?:clearly|plainly|in\s+black\s+and\s+white))?")
    return Vocabulary(
        located=re.compile(rf"\b{verb}\s+(?:(?:clearly|plainly|very\s+clearly|prominently|also|both|again|right|"
                           rf"in\s+full|in\s+detail)\s+)?"
                           rf"(?:on|in|at|within|under|above|below|to)\s+{_QUALIFIED}{doc}", re.I),
        # "The notice at the returns desk says clearly that ...": the document as the subject of its saying, pressed
        # with "clearly" (not "Our October statement shows the invoice twice"); the verb is found first and the
        # document looked for just before it, as for the reader's acts below
        says=re.compile(r"\b(?:(?:clearly|plainly)\s+(?:says|states|shows|explains|sets\s+out|spells\s+out)|"
                        r"(?:says|states|shows|explains|sets\s+out|spells\s+out)\s+(?:clearly|plainly|in\s+black\s+and"
                        r"\s+white))\b", re.I),
        document_saying=re.compile(rf"\b{doc}(?:\s+(?:at|on|in|by|above|beside|inside|next\s+to)\s+"
                                   rf"(?:the|your|our|each|every)\s+(?:[\w-]+\s+){{0,2}}?[\w-]+)?\s+$", re.I),
        as_said=re.compile(rf"\bas\s+(?:(?:per|{verb}\s+(?:in|on|at|by))\s+{_QUALIFIED}{doc}|"
                           rf"{_QUALIFIED}{doc}(?:\s+[\w’'-]+){{0,6}}?\s+{states})\b", re.I),
        it_is_there=re.compile(rf"\b(?:that|it|this|which|they)(?:['’]s|\s+is|\s+was|\s+are|\s+were|['’]re|\s+has|"
                               rf"\s+have)(?:\s+been)?(?:\s+(?:right|clearly|all|always|also))*(?:\s+there)?\s+"
                               rf"(?:on|in)\s+{_QUALIFIED}{doc}", re.I),
        pointed=re.compile(r"\bright\s+there\s+(?:on|in|at)\b|\bright\s+(?:above|below|under|beside|next\s+to)\s+the\b",
                           re.I),
        # the reader's act is found first and the document then looked for just before it: a document pattern that
        # opens the regex would be tried at every word of a long line
        accepted=re.compile(rf"\b{reader}\s+(?:(?:had|have|has)\s+)?(?:{_alternation(accepting)})\b", re.I),
        received=re.compile(rf"\b{reader}\s+(?:(?:had|have|has)\s+)?(?:{_alternation(receiving)})\b", re.I),
        document_before=re.compile(rf"{doc},?\s+(?:that\s+|which\s+)?$", re.I),
        every=re.compile(rf"\b(?:every|each)\s+(?:[\w-]+\s+){{0,2}}?{noun}\s+(?:says|states|shows|explains|mentions|"
                         rf"lists|warns)\b|"
                         # "as printed on every delivery note": the fact was in front of the reader each time (not
                         # "pay to the account printed on each invoice", which says where to look)
                         rf"\bas\s+(?:(?:is|was)\s+)?{verb}\s+(?:(?:clearly|plainly|also)\s+)?(?:on|in|at)\s+(?:every|each)\s+"
                         rf"(?:[\w-]+\s+){{0,2}}?{noun}\b", re.I),
        stress=re.compile(rf"\b(?:{_alternation(stress)})\b", re.I),
        any_document=re.compile(rf"\b{noun}\b|\bright\s+(?:there|above|below|under|beside|next\s+to)\b", re.I),
    )


def pointers(sentence: str, vocab: Vocabulary) -> list[tuple[int, int]]:
    """(start, end) in `sentence` of the words that point the reader at where it was written; [] when the sentence
    does not (module doc)."""
    text = sentence.rstrip()
    if text.endswith("?") or _OPENS_AS_CONDITION.match(text) or _APOLOGY.search(text):
        return []

    def said(patterns) -> list[tuple[int, int]]:
        # "This wasn't made clear on the booking screen": a denial just before the pointer is the writer's admission
        return [m.span() for rx in patterns for m in rx.finditer(text)
                if not _DENIED_BEFORE.search(text[max(0, m.start() - 40):m.start()])]

    def of_a_document(pattern, before=vocab.document_before) -> list[tuple[int, int]]:
        # "the agreement your CFO signed": the act, and the document named just before it
        out = []
        for m in pattern.finditer(text):
            window = text[max(0, m.start() - 80):m.start()]
            d = before.search(window)
            if d and not _DENIED_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
                out.append((m.start() - len(window) + d.start(), m.end()))
        return out

    strong = said((vocab.pointed, vocab.every)) + of_a_document(vocab.says, vocab.document_saying)
    located = said((vocab.located, vocab.as_said, vocab.it_is_there))
    accepted, received = of_a_document(vocab.accepted), of_a_document(vocab.received)
    weak = located + received
    # the reader's own act is no stress on itself: "the warning card you were given" stresses nothing
    stressed = _stressed(text, vocab, accepted + received)
    # a document the reader accepted, pointed at with anything more - a location in it, stress, a reproach ("The
    # agreement you signed is perfectly clear", "on page 2 of the agreement you signed"); alone it is the record of
    # the deal ("The repair is covered by the estimate you accepted", "The account matches the estimate you signed")
    if accepted and (located or stressed or _POINTED_AT.search(text)):
        strong += accepted
    # a fact located in a document the reader is reminded they received ("as set out in the guidelines you received
    # with your contract") is stressed by the reminder itself
    located_and_received = bool(received) and bool(located)
    if not strong and not (weak and (located_and_received or stressed)):
        return []
    spans = strong + weak
    return [(min(s for s, _ in spans), max(e for _, e in spans))]


# "before you" / "when you" stress that the reader had it only with the reader's past act ("shown on the summary
# screen before you confirmed"); in the present it describes how things work ("Fees are shown in the app before you
# confirm a transfer")
_READERS_ACT = re.compile(r"(?:before|when)\s+you$", re.I)
_PAST_ACT = re.compile(r"\s+(?:\w+ed|had|did|were|paid|bought|made|took|sent|chose|gave|got|came|left|saw|put|set|"
                       r"read|wrote|signed|kept|found|brought|spent|went|rang|won|hit|let)\b", re.I)


# what makes a document the reader accepted a pointer: a place in it, or the point pressed ("is perfectly clear", "As
# I set out on Monday", "there is nothing we can do")
_POINTED_AT = re.compile(r"\b(?:page|clause|section|paragraph|part)\s+\d|\b(?:clear|clearly|explicit|explicitly)\b|"
                         r"\b(?:is|are|was|were)\s+(?:all\s+)?(?:in|on)\s+(?:the|your)\b|"
                         r"\bas\s+(?:I|we)\s+(?:have\s+|had\s+)?(?:set\s+out|said|explained|mentioned|pointed\s+out|"
                         r"told\s+you|wrote)\b|\bnothing\s+(?:more\s+|else\s+)?(?:we|I)\s+can\s+do\b", re.I)


def _stressed(text: str, vocab: Vocabulary, acts: list[tuple[int, int]] = ()) -> bool:
    """Some stress that the reader had it (module doc), outside the spans of the reader's own act (`acts`)."""
    for m in vocab.stress.finditer(text):
        if any(s <= m.start() < e for s, e in acts):
            continue
        if not _READERS_ACT.search(m.group(0)) or _PAST_ACT.match(text, m.end()):
            return True
    return False

