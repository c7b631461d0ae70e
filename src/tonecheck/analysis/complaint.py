"""Is a text a complaint? A contested charge or job, problem reports ("never arrived", "broke", "wrong size",
"refund") and, when they alone do not settle it, the text's VADER sentiment. Does a reply answer a grievance? Its
quoted message is a complaint, or its own words apologise for what happened."""
from __future__ import annotations

import re

from .sentiment import compound

PROBLEM = re.compile(
    r"\b(?:(?:never|still not|still hasn'?t|hasn'?t|has not|haven'?t|have not|didn'?t|did not|not yet)\s+"
    r"(?:arrived|received|come|turned up|shown up|been (?:delivered|refunded|shipped))|"
    r"still waiting|no (?:reply|response|answer|update)|nobody (?:answers|replied|got back)|"
    r"broke(?:n)?|damaged|faulty|defective|cracked|torn|ripped|leak(?:s|ed|ing|y)?|stopped working|"
    r"doesn'?t work|does not work|won'?t (?:work|close|open|zip|charge)|fell apart|falling apart|"
    r"wrong (?:size|item|colou?r|order|address|product|one)|missing|lost|late|delayed|overdue|"
    # "23 of our staff were paid the wrong overtime", "there's an error on the invoice"
    r"(?:paid|charged|sent|given|billed|told|fitted|delivered|installed|quoted)\s+(?:us\s+|me\s+)?the\s+wrong\s+[\w-]+|"
    r"(?:an?|the)\s+(?:error|mistake)\s+(?:on|in|with)\b|incorrect(?:ly)?\b|"
    r"charged (?:twice|two times|me again)|double[- ]charged|overcharged|refund|money back|"
    r"disappoint(?:ed|ing)|frustrat(?:ed|ing)|annoy(?:ed|ing)|angry|furious|upset|unhappy|not happy|"
    r"unacceptable|ridiculous|terrible|awful|appalling|worst|useless|rubbish|garbage|poor (?:quality|service)|"
    r"complain(?:t|ts|ed|ing|s)?|fed up|sick of|had enough|let down|joke|rude|unprofessional|impolite|condescending|"
    r"patroni[sz]ing|not impressed|"
    # the work or the service judged: "it has failed our internal check", "raises serious questions about your
    # competence", "your helpdesk is a black hole", "slow and expensive", "your so-called finding is a non-issue"
    r"(?:has|have|had|it|they)\s+failed|keeps?\s+failing|(?:serious\s+)?(?:questions|concerns)\s+about\s+"
    r"(?:the|your)\s+(?:competence|professionalism|service|work|standards?)|incompeten\w*|negligen\w*|careless|"
    r"sloppy|shoddy|botched|unreliable|black\s+hole|nothing\s+(?:ever\s+)?(?:happens|comes\s+(?:back|out)|gets\s+done)|"
    r"(?:too\s+)?slow\s+and\s+(?:expensive|unhelpful)|overpriced|so-called|non-issue|not\s+good\s+enough|"
    r"shocking|disgrace\w*|pathetic|"
    # what went wrong, said plainly: "Nobody came.", "52 minutes on hold and then cut off", "Vase in pieces",
    # "still clicking", "not a word of warning", "Where are my flowers"
    r"nobody (?:came|rang|called|phoned|turned up|showed up|knocked|told (?:me|us)|asked (?:me|us)|got back)|"
    r"no ?one (?:came|rang|called|turned up|showed up|told (?:me|us)|got back)|"
    r"(?:didn'?t|did not|never) (?:turn|show) up|"
    r"still (?:nothing|no|not|broken|clicking|leaking|dead|charging|charged|the same|happening)|"
    r"on hold for|(?:was|got) cut off|hung up on|in pieces|smashed|shattered|scratch(?:ed|es)?|dent(?:ed|s)?|"
    r"soaked|ruined|wilted|drooping|dead on arrival|stained|mou?ldy?|rotten|left (?:unlocked|open|outside)|"
    r"not a (?:word|call|single)|no (?:warning|notice|explanation|apology|show)|"
    r"where (?:is|are) (?:my|our|the)|(?:pay|paying|paid) (?:for (?:this|it) )?twice|"
    r"laughed at (?:me|us)|misspel\w*|ripped off|rip-?off|on hold|(?:and|then|was|got|been) cut off|"
    r"nobody (?:ever|said)|no ?one (?:ever|said)|expected better|expect better|a con\b|scam|not paying|won'?t pay|"
    r"refuse to pay|(?:I'?m|I am|I will|I'll) cancel\w*|gouged?|broke down|breakdown|doesn'?t match|"
    r"same (?:noise|problem|fault|issue|thing) (?:as before|again)|"
    # a demand for an account: "What is the point of this plan?", "What kind of garage does that?"
    r"what (?:is|was) the point|what kind of|why should (?:I|we)|what are you going to do|how (?:do|did|could|can) you)"
    r"\b", re.I)
# a charge or a job contested - "We didn't ask for the fan to be cleaned.", "I never agreed to a second visit." - is
# a complaint however politely it is put ("Please remove the £240 from the invoice.")
CONTESTED = re.compile(
    r"\b(?:(?:I|we)\s+(?:didn['’]?t|did\s+not|never)\s+(?:ask|order|agree|sign\s+up|request|authori[sz]e|book|"
    r"approve|consent)(?:e?d)?\s+(?:for|to)\b|(?:I|we)\s+(?:am|are|['’]m|['’]re)\s+disputing|(?:I|we)\s+dispute\b|"
    r"(?:shouldn['’]?t|should\s+not)\s+have\s+been\s+(?:charged|billed|invoiced)|"
    r"(?:I|we)\s+(?:wasn['’]?t|was\s+not|weren['’]?t|were\s+not)\s+(?:told|warned|informed)\b|"
    # "You charged me $38 for petrol??", "you still charged us": the charge itself contested
    r"\byou\s+(?:still\s+|then\s+|also\s+)?(?:charged|billed|debited|took)\s+(?:me|us)\b|"
    # "Is Paybridge wrong?", "we've been charged £180 more than we expected"
    r"\b(?:is|are|was|were)\s+(?:you|your\s+[\w-]+|(?-i:[A-Z][\w&-]+)(?:\s+(?-i:[A-Z][\w&-]+)){0,2})\s+"
    r"(?:wrong|mistaken|in\s+error)\s*\?|"
    r"\b(?:charged|billed|taxed|invoiced|deducted)\b[^.!?]{0,40}?\bmore\s+than\s+(?:I|we)\s+(?:expected|agreed|"
    r"were\s+quoted|was\s+quoted|were\s+told|was\s+told))", re.I)


# problems no business note mentions in passing: one alone makes a complaint, however sunny the words around it
# ("Wow, great job. Vase in pieces.", "Your engineer laughed at me.")
STRONG = re.compile(r"\b(?:in pieces|smashed|shattered|dead on arrival|ruined|soaked|wilted|drooping|"
                    r"laughed at (?:me|us)|ripped off|rip-?off|scam|nobody (?:came|turned up|showed up|knocked)|"
                    r"(?:didn'?t|did not|never) "
                    r"(?:turn|show) up|double[- ]charged|charged (?:me )?twice|misspel\w*|rude)\b", re.I)


def is_complaint(text: str) -> bool:
    """A contested charge or one strong problem report (STRONG) makes a complaint, and so do two different problem
    reports, whatever the tone; one needs a text that is not positive (compound < 0.3), none a clearly negative one
    (<= -0.5). Only the first 4,000 characters are scored."""
    if not text.strip():
        return False
    if CONTESTED.search(text) or STRONG.search(text):
        return True
    problems = {m.group(0).lower() for m in PROBLEM.finditer(text)}
    if len(problems) >= 2:
        return True                 # VADER (the slow part) is not needed
    score = compound(text[:4000])
    return (len(problems) == 1 and score < 0.3) or score <= -0.5


# the reply's own words show that it answers a grievance, quoted or not: it apologises for, or regrets, what happened
# to the reader ("Sorry to hear about the bags.", "We apologise if our engineer's manner came across as abrupt.",
# "I'm sorry you were left with that impression of him.") - not the courtesies of correspondence ("sorry for the
# late reply", "apologies for the short notice", "sorry to bother you", "sorry I missed your call")
REGRET = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies)\s+(?:to\s+hear|(?:that|if)\b|about\b|for\b|you\b)|"
    # "I'm sorry the parcel arrived damaged", "so sorry your first night was cold" (not "Sorry, the desk is shut")
    r"\b(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+(?:so\s+|very\s+|really\s+|truly\s+|terribly\s+)?sorry\s+"
    r"(?:the|your|it|this|our|we|I)\b|"
    r"\b(?:I|we)\s+(?:sincerely\s+|truly\s+|do\s+)?regret\s+(?:that|the|any)\b", re.I)
_COURTESY = re.compile(
    r"\s*[,.;:!-]?\s*(?:(?:for|about)\s+)?(?:the\s+|my\s+|our\s+|any\s+|this\s+|a\s+)?(?:(?:late|slow|delayed|belated|tardy)\s+"
    r"(?:reply|response|answer)|delay\s+in\s+(?:replying|responding|getting\s+back|answering|coming\s+back)|"
    r"(?:short|late)\s+notice|long\s+(?:e-?mail|message|note)|(?:cross-?posting|duplicat\w+|typos?)\b|"
    r"(?:to\s+)?(?:bother|trouble|chase|interrupt|nag|pester)\w*|I\s+missed|missing\s+your\s+call|"
    r"not\s+(?:getting\s+back|replying|responding)\s+sooner|(?:the\s+)?radio\s+silence)", re.I)


def regrets_something(text: str) -> bool:
    """The text apologises for or regrets what happened to its reader, beyond the courtesies of correspondence."""
    for m in REGRET.finditer(text):
        lead = re.match(r"(?:sorry|apologi[sz]e|apologies)", m.group(0), re.I)
        if lead and _COURTESY.match(text, m.start() + lead.end()):
            continue
        return True
    return False


def answers_grievance(ctx) -> bool:
    """The text answers a grievance: its quoted message is a complaint (answers_complaint) or its own words apologise
    for or regret what happened (regrets_something). The sentence model's defensive pre-test asks every sentence of
    such a reply, "you" or not ("To be clear, this is standard behaviour and not a Paybridge issue.")."""
    def run():
        if answers_complaint(ctx):
            return True
        from .commitments import body_sentences
        return regrets_something(" ".join(ctx.text[s.start_char:s.end_char] for s in body_sentences(ctx)))
    return ctx.memo("answers-grievance", run)


def answers_complaint(ctx) -> bool:
    """The quoted message the judged text answers is a complaint: once per document (the empathy checks and the
    sentence model's defensive pre-test both ask)."""
    from .thread import customer_text
    return ctx.memo("answers-complaint", lambda: is_complaint(customer_text(ctx.context)))

