"""Which sentences the model is asked about, and the hits its answers give.

Asked: in messages (never a web page, see asked_inputs), the body sentences (never the subject line, the quoted
thread or the signature) with at least three words that might carry a label and that the first stage (screen.py)
passes, each with the sentence before it and the
customer's message it answers (analysis.thread.customer_text), once per document. A rule with
`model: {label, threshold}` gets a hit on every sentence whose probability for its label reaches the threshold (the
pack's, else the one chosen at training time on the calibration split); the engine keeps it only where no other
rule of the category has already flagged the sentence, so the model adds what the rules miss and never doubles a
finding.
"""
from __future__ import annotations

import re

from ..analysis.complaint import answers_grievance
from ..analysis.thread import customer_text
from ..budget import remaining
from ..checks import Hit
from ..checks.empathy import ACK, NON_APOLOGY
from .inputs import model_input
from .screen import load_screen

MIN_WORDS = 3
# at most this many sentences a document are asked (~10 ms each), those with the strongest cues first (_cue_rank):
# a long draft or page costs at most ~0.12 s of model time
MAX_ASKED = 12
# ... and none once less than this much of the document's CPU budget (tonecheck.budget) is left
BUDGET_RESERVE = 0.75
MAX_WORDS = 60             # sarcasm is said in short sentences; a 200-word run-on is not asked
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


# Only sentences that might carry a label are asked (the model costs milliseconds a sentence; a draft has dozens):
# sarcasm says something good about something bad, so it needs a word VADER rates positive, a quotation mark, an
# exclamation or an emoji, and is the writer's own voice, not a quotation or dialogue; a commitment needs a word
# that looks ahead. Labels without a pre-test here are asked about every sentence.
_QUOTE_OR_MARK = re.compile(r"[\"“”‘’'!]|[\U0001F300-\U0001FAFF\u2600-\u27BF]")


# defensiveness is said to the reader or in answer to a complaint: the label scores plain statements of fact or
# position in business mail ("The list is nonbinding, however.", "There are still some typos in it.") as high as
# real self-protection, so elsewhere only a sentence that speaks to the reader is asked. Which of those could score
# high is the first stage's call (screen.py, trained for the label): a list of denial words had let through 181 of
# the 265 defensive sentences of the development sets ("The fix is trivial.", "It's printed on your lease in bold.")
_TO_THE_READER = re.compile(r"\b(?:you|your|yours|yourself|yourselves|you['’](?:re|ve|ll|d))\b", re.I)
# ... but not a request for clarification: "I'm not sure what you're asking", "It's not clear which order you mean"
# (the label scores them high; on 2,740 polite requests they were most of its findings). A clarification asks what
# the reader meant, so "you" follows the question word; "I'm not sure what else we could have done" is no question
_CLARIFYING = re.compile(r"\b(?:not\s+(?:\w+\s+)?(?:sure|clear|certain)|unclear|"
                         r"don['’]t\s+(?:quite\s+)?(?:understand|follow|see))\s+"
                         r"(?:\w+\s+){0,3}?(?:what|which|how|why|where|whether|if)\b"
                         r"(?:\s+[\w'’-]+){0,5}?\s+(?:you|your|you['’](?:re|ve|d|ll))\b", re.I)
# a concession turned against the reader is said to them even without "you": "I appreciate kitchens are busy, but
# that's three nights our team has sat in the car park"
_CONCEDES_THEN_TURNS = re.compile(r"\b(?:I|we)\s+(?:do\s+|fully\s+|completely\s+)?(?:understand|appreciate|realise|"
                                  r"realize|accept|know|get|see|hear)\b[^.!?]{3,120}?[,;]\s*(?:but|however|yet)\b",
                                  re.I)


# ... nor an acknowledgement of what the reader went through, with no turn against them: "You must have been worried
# when the tracking stopped.", "I can imagine how frustrating that was." (the label scores such sympathetic
# restatements high; the empathy checks' own lexicon says what acknowledges)
_TURNS = re.compile(r"\b(?:but|however|although|though|yet|still)\b", re.I)


# ... nor the reader's own report restated ("As you mentioned, his left hearing aid has started whistling."): the
# writer listening, not answering back - unlike "As I mentioned, ..." (the passive-aggressive pack's)
_RESTATES = re.compile(r"^\W*as\s+you(?:['’]ve|\s+have)?\s+(?:already\s+)?(?:mentioned|said|explained|described|noted|"
                       r"pointed\s+out|told\s+(?:us|me)|reported|put\s+it|wrote|flagged|raised|highlighted)\b", re.I)


def _acknowledges(text: str) -> bool:
    return (ACK.search(text) is not None or _RESTATES.search(text) is not None) and \
        not NON_APOLOGY.search(text) and not _TURNS.search(text)


# a promise about the future needs a word that looks ahead, a hedge or a vague time
_LOOKS_AHEAD = re.compile(r"\b(?:will|shall|wo|going|gonna|should|may|might|try|trying|hope|hopefully|plan|aim|"
                          r"intend|expect|promise|soon|shortly|asap|later|eventually|once|when|until|follow|chase|"
                          r"touch|back)\b|['’]ll\b", re.I)


# dialogue and quoted text: someone's words, not the writer's tone - a quotation of three words or more, a line that
# opens with a quotation mark ('"Why didn't you ask for 300?" I wondered.'), a name or title in quotation marks
# ('with "Senior Accountant" spelled correctly') or a term used as a modifier ('the "show cause" order'). Scare
# quotes around one or two of the reader's words ('your "urgent" request') are still asked about.
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{1,300})[\"”]")
_OPENS_WITH_QUOTE = re.compile(r"^\W{0,3}[\"“]")
_TITLE_WORDS = re.compile(r"(?:[A-Z][\w'’&-]*\s?){1,4}")
_NAMING_LEAD = re.compile(r"\b(?:under|in|on|at|from|of|as|called|named|marked|titled|labell?ed|headed|tab|field|"
                          r"button|option|box|column|section)\s$")


# before a quoted name used as a modifier ('our "Gentle nudge" email template'); not "your": 'your "urgent" request'
# is the reader's word in scare quotes
_NAME_DETERMINER = re.compile(r"(?:^|\W)(?:the|our|my|a|an|their|this|that)\s$")


# ... the word after such a name is the noun it modifies, not a determiner, pronoun or verb: 'the "fix" your
# accounting people promised' is the reader's word in scare quotes
_MODIFIED_NOUN = re.compile(r"\s+(?!(?:your|our|my|their|his|her|its|the|a|an|that|which|who|you|we|I|they|he|she|it|"
                            r"is|was|were|are|has|had|have|will|would|did|does|do)\b)[a-z]")


def _quotation(text: str) -> bool:
    if _OPENS_WITH_QUOTE.match(text):
        return True
    for m in _QUOTED.finditer(text):
        inner = m.group(1).strip()
        if len(_WORD.findall(inner)) >= 3 or _TITLE_WORDS.fullmatch(inner):
            return True
        lead = text[max(0, m.start() - 12):m.start()].lower()
        if _NAME_DETERMINER.search(lead) and _MODIFIED_NOUN.match(text, m.end()) or _NAMING_LEAD.search(lead):
            return True         # 'the "show cause" order', 'our "Gentle nudge" template', 'marked "urgent"'
    return False


# a salutation, or a short courtesy formula with nothing after it ("Thank you for your email.", "Dear Ms Lee,")
_FORMULA = re.compile(r"^\W*(?:(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\b[^.!?]{0,40}$|"
                      r"(?:thanks|thank\s+you|many\s+thanks)(?:\s+(?:so|very)\s+much)?\s+for\s+(?:your|the)\s+"
                      r"(?:e-?mail|message|patience|question|enquiry|inquiry|reply|call|order|note|feedback|time)\W*$)",
                      re.I)


# an agreeing opener before a plain answer or promise - "Sure, we can do that.", "Perfect, so the refund goes back to
# your card by Tuesday." - is sincere unless something mocks it ("Sure, we'll just drop everything", "Great, another
# ..."); the phrase rules judge the mock forms, and the model is not asked about the sincere ones
_AGREEING_OPENER = re.compile(r"^\W*(?:sure|perfect|great|of\s+course|no\s+problem|absolutely|certainly|ok(?:ay)?|"
                              r"fine(?:\s+by\s+(?:me|us))?|lovely|brilliant|excellent|right|(?:sounds|that['’]s)\s+"
                              r"(?:good|great|fine))\b\s*[,!.:;-]", re.I)
_PLAIN_ANSWER = re.compile(r"\b(?:we|I)(?:['’]ll|\s+will|\s+can|['’]ve|\s+have)\b|\bso\s+(?:the|your|we|I)\b|"
                           r"\bthat\s+(?:works|suits|is\s+fine)\b|\b(?:works?|suits?)\s+(?:well|fine|perfectly|"
                           r"for\s+(?:us|me))\b|\bgo\s+ahead\b|\bkind\s+of\s+you\b", re.I)
_MOCKING = re.compile(r"\b(?:just|simply|drop\s+everything|right\s+on|whole|entire|again|another|finally|of\s+course|"
                      r"for\s+you|yet|second|third|fourth|fifth|umpteenth|\d+(?:st|nd|rd|th))\b", re.I)


# ... nor a warm statement of what the sender enjoys hearing from customers, with nothing negative in it: "We love
# hearing how you use our gear", "We love it when customers share photos from the trail" (the rules' _love_it_when
# still judges "I love it when customers ignore the manual")
_WARMTH = re.compile(r"^\W*(?:we|I)\s+(?:really\s+|just\s+|always\s+|do\s+)?(?:love|enjoy|like)\s+(?:it\s+when|hearing|"
                     r"seeing|getting|reading)\b", re.I)


# ... nor thanks for a report that end on praise for spotting it: "thanks for the heads up on the spinning jug on the
# slab wall, good catch."
_THANKS_FOR_SPOTTING = re.compile(r"^\W*(?:thanks|thank\s+you|cheers|many\s+thanks)\b[^.!?]{0,120}?[,;:—–-]\s*"
                                  r"(?:(?:really\s+)?(?:good|great|nice)\s+(?:catch|spot(?:ting)?|eye)|well\s+spotted)"
                                  r"\W*$", re.I)


_LATE = re.compile(r"\b(?:late|after|finally|eventually|days|weeks|months)\b", re.I)


def _sincere_warmth(text: str) -> bool:
    if not (_WARMTH.match(text) or _THANKS_FOR_SPOTTING.match(text)) or _MOCKING.search(text):
        return False
    if _THANKS_FOR_SPOTTING.match(text):
        return not _LATE.search(text)   # what was spotted is bad news by nature ("a loose hold"): only lateness mocks
    from ..analysis.sentiment import valence
    return not any(valence(w) < 0 for w in _WORD.findall(text.lower()))


def _sincere_agreement(text: str) -> bool:
    opener = _AGREEING_OPENER.match(text)
    if opener is None or not _PLAIN_ANSWER.search(text) or _MOCKING.search(text, opener.end()):
        return False
    from ..analysis.sentiment import valence
    return not any(valence(w) < 0 for w in _WORD.findall(text.lower()))


# mock certainty carries sarcasm without a positive word: "No doubt our four reminders were lost somewhere in your
# inbox.", "Funnily enough, stoves draw better with the damper open."
_IRONIC_CERTAINTY = re.compile(r"\b(?:no\s+doubt|doubtless|I['’]m\s+sure|I\s+am\s+sure|surely|of\s+course|"
                               r"funnily\s+enough|needless\s+to\s+say|no\s+trouble\s+at\s+all|who\s+knew)\b", re.I)


# ... nor, in a reply to a complaint, the sender's own fix said without "you": "Going forward, a dedicated crew will
# switch the siding every Monday before 10am" (the label reads "going forward" as a rule laid down for the reader)
_OWN_FIX = re.compile(r"^\W*(?:(?:(?:going|moving)\s+forward|from\s+now\s+on|in\s+(?:the\s+)?future|"
                      r"from\s+[\w ]{3,25}?),?\s+)?"
                      r"(?:we|I|our\s+[\w-]+(?:\s+[\w-]+)?|an?\s+(?:[\w-]+\s+){0,2}?[\w-]+|the\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:crew|team|driver|engineer|technician|manager|supervisor)s?)\s+(?:will|['’]ll|(?:is|are|am)\s+"
                      r"going\s+to)\s+(?!not\b|never\b|no\s+longer\b|need|have\s+to|require)", re.I)
_DENIES = re.compile(r"\b(?:not|never|no|nothing)\b|n['’]t\b", re.I)


def _own_fix(text: str) -> bool:
    return _OWN_FIX.match(text) is not None and not _DENIES.search(text) and not _TURNS.search(text)


# ... nor, in a reply to a complaint, a general explanation of how a fault usually goes, about things and not people:
# "It is very common after a cold spell.", "Skipped stitches after a service are nearly always the needle." (the label
# scores such diagnoses high; a comparison with other people, a denial or a minimiser keeps the sentence asked:
# "Most owners manage it fine", "we see this a lot where the owner isn't on site", "it's usually just user error")
_HOW_IT_USUALLY_GOES = re.compile(r"\b(?:usually|normally|typically|generally|commonly|(?:nearly|almost)\s+always|"
                                  r"most\s+of\s+the\s+time|in\s+most\s+cases|more\s+often\s+than\s+not|"
                                  r"(?:very|quite|really|fairly|pretty)\s+common|common\s+(?:after|in|with|when|on|for))\b",
                                  re.I)
_PEOPLE_OR_EDGE = re.compile(r"\b(?:people|customers?|clients?|users?|owners?|everyone|everybody|nobody|anyone|"
                             r"someone|folk|guests?|tenants?|parents?|drivers?|human|error|mistake|misuse|just|simply|"
                             r"only|obviously|clearly|honestly|frankly|really)\b", re.I)


def _general_explanation(text: str) -> bool:
    return _HOW_IT_USUALLY_GOES.search(text) is not None and _PEOPLE_OR_EDGE.search(text) is None and \
        _DENIES.search(text) is None and _TURNS.search(text) is None


def _might_carry(label: str, text: str, answers_complaint: bool = False) -> bool:
    if label == "commitment":
        return _LOOKS_AHEAD.search(text) is not None
    if label == "defensive":
        to_reader = _TO_THE_READER.search(text) is not None
        return (to_reader or (answers_complaint and not _own_fix(text) and not _general_explanation(text)) or
                _CONCEDES_THEN_TURNS.search(text) is not None) and \
            not _quotation(text) and not _CLARIFYING.search(text) and not _acknowledges(text)
    if label != "sarcasm":
        return True
    if _quotation(text) or _FORMULA.match(text.strip()) or len(_WORD.findall(text)) > MAX_WORDS or \
            _sincere_agreement(text.strip()) or _sincere_warmth(text.strip()):
        return False
    if _QUOTE_OR_MARK.search(text) or _IRONIC_CERTAINTY.search(text):
        return True
    from ..analysis.sentiment import valence
    return any(valence(w) > 0 for w in _WORD.findall(text.lower()))


# what makes a sentence likelier to be sarcastic than another that also passed the pre-test: marks, intensifiers,
# thanks and delight words, a turn ("again", "finally")
_CUES = re.compile(r"\b(?:so|such|really|truly|absolutely|totally|simply|just|again|another|finally|ever|always|never|"
                   r"only|all|every|whole|entire|sure|course|thanks|thank|love|loved|appreciate|admire|"
                   r"congratulations|delighted|thrilled|glad|pleasure|favourite|favorite|wonderful|marvellous|"
                   r"brilliant|amazing|fantastic|lovely|great|perfect|nice|kind|generous|shock|surprise)\b", re.I)


def _cue_rank(text: str) -> int:
    return 2 * bool(_QUOTE_OR_MARK.search(text)) + len(_CUES.findall(text))


def _candidates(ctx, labels: frozenset) -> list[tuple[int, int, str, str | None, tuple[str, ...]]]:
    """(start, end, text, the sentence before it, the labels whose pre-test it passes) of the sentences that pass
    the pre-test for any of `labels`, in order; the sentence before is the text's own, asked or not, as in
    training."""
    from ..analysis.commitments import body_sentences
    out, before = [], None
    complaint = "defensive" in labels and answers_grievance(ctx)
    for s in body_sentences(ctx):
        text = ctx.text[s.start_char:s.end_char]
        if len(_WORD.findall(text)) >= MIN_WORDS:
            passed = tuple(lab for lab in sorted(labels) if _might_carry(lab, text, complaint))
            if passed:
                out.append((s.start_char, s.end_char, text, before, passed))
        before = text
    return out


def asked_inputs(ctx, labels: frozenset) -> list[tuple[int, int, tuple[str, str]]]:
    """(start, end, model input) of the sentences the encoder is asked about: candidates the first stage
    (screen.py) passes for one of the labels whose pre-test they passed, at most MAX_ASKED of them (the strongest
    cues first), in order."""
    if ctx.document.is_page:
        # the model learned tone from messages to a reader; on site copy it read playful marketing ("Small pieces
        # love to hide in the fold") as irony: 4 false alarms and no true finding on the 227 pages of the labelled
        # development sets. The phrase rules still judge pages.
        return []
    customer = customer_text(ctx.document.context) or None
    first_stage = load_screen()
    out = []
    for start, end, text, before, passed in _candidates(ctx, labels):
        pair = model_input(text, before, customer)
        if any(first_stage is None or first_stage.passes(lab, *pair) for lab in passed):
            out.append((start, end, pair))
    if len(out) > MAX_ASKED:
        keep = set(sorted(range(len(out)), key=lambda k: (-_cue_rank(out[k][2][0]), k))[:MAX_ASKED])
        out = [x for k, x in enumerate(out) if k in keep]
    return out


def sentence_probabilities(ctx, labels: frozenset):
    """[(start, end, {label: probability})] for the document's sentences that might carry one of `labels`, once
    per document."""
    def run():
        from .classifier import get_model
        asked = asked_inputs(ctx, labels)
        if not asked:
            return []
        model = get_model()
        # one sentence a run: int8 activations are scaled per run, so a sentence's score must not depend on the
        # other sentences of the draft (the pre-test and the first stage leave few to ask)
        out = []
        for start, end, pair in asked:
            left = remaining()
            if left is not None and left < BUDGET_RESERVE:
                break           # the rules' findings must not be lost to the model's time on a huge document
            out.append((start, end, sentence_scores(ctx, start, end, pair, model)))
        return out

    return ctx.memo("model-probabilities:" + ",".join(sorted(labels)), run)


def sentence_scores(ctx, start: int, end: int, pair: tuple[str, str], model=None) -> dict:
    """The model's probabilities for the sentence at start:end, once per document whoever asks (the model rules'
    groups, the verifier): the model reads all its labels in one run."""
    def run():
        nonlocal model
        if model is None:
            from .classifier import get_model
            model = get_model()
        row = model.predict([pair], batch=1)[0]
        return dict(zip(model.labels, map(float, row), strict=True))

    return ctx.memo(f"model-sentence:{start}:{end}", run)


def model_hits(ctx, rule, labels: frozenset) -> list[Hit]:
    """Hits for one rule with a `model` key (`labels`: every label of the rule's group - the rules that run everywhere,
    or the dispute-only ones - so one pass over the document's sentences serves the group)."""
    from .classifier import model_info
    label = rule.model["label"]
    threshold = rule.model.get("threshold") or model_info().meta.get("thresholds", {}).get(label, 0.9)
    grievance = answers_grievance(ctx) if label == "defensive" or "grievance_threshold" in rule.model else False
    if grievance and "grievance_threshold" in rule.model:
        threshold = min(threshold, rule.model["grievance_threshold"])
    complaint = label == "defensive" and grievance
    return [Hit(s, e) for s, e, p in sentence_probabilities(ctx, labels)
            if p.get(label, 0.0) >= threshold and _might_carry(label, ctx.text[s:e], complaint)]

