"""Is a text a complaint? A contested charge or job, problem reports ("never arrived", "broke", "wrong size",
"refund") and, when they alone do not settle it, the text's VADER sentiment."""
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
    r"charged (?:twice|two times|me again)|double[- ]charged|overcharged|refund|money back|"
    r"disappoint(?:ed|ing)|frustrat(?:ed|ing)|annoy(?:ed|ing)|angry|furious|upset|unhappy|not happy|"
    r"unacceptable|ridiculous|terrible|awful|appalling|worst|useless|rubbish|garbage|poor (?:quality|service)|"
    r"complain(?:t)?|fed up|sick of|had enough|let down|joke)\b", re.I)
# a charge or a job contested - "We didn't ask for the fan to be cleaned.", "I never agreed to a second visit." - is
# a complaint however politely it is put ("Please remove the £240 from the invoice.")
CONTESTED = re.compile(
    r"\b(?:(?:I|we)\s+(?:didn['’]?t|did\s+not|never)\s+(?:ask|order|agree|sign\s+up|request|authori[sz]e|book|"
    r"approve|consent)(?:e?d)?\s+(?:for|to)\b|(?:I|we)\s+(?:am|are|['’]m|['’]re)\s+disputing|(?:I|we)\s+dispute\b|"
    r"(?:shouldn['’]?t|should\s+not)\s+have\s+been\s+(?:charged|billed|invoiced)|"
    r"(?:I|we)\s+(?:wasn['’]?t|was\s+not|weren['’]?t|were\s+not)\s+(?:told|warned|informed)\b)", re.I)


def is_complaint(text: str) -> bool:
    """Two different problem reports make a complaint whatever the tone; one needs a text that is not positive
    (compound < 0.3), none a clearly negative one (<= -0.5). Only the first 4,000 characters are scored."""
    if not text.strip():
        return False
    if CONTESTED.search(text):
        return True
    problems = {m.group(0).lower() for m in PROBLEM.finditer(text)}
    if len(problems) >= 2:
        return True                 # VADER (the slow part) is not needed
    score = compound(text[:4000])
    return (len(problems) == 1 and score < 0.3) or score <= -0.5


def answers_complaint(ctx) -> bool:
    """The quoted message the judged text answers is a complaint: once per document (the empathy checks and the
    sentence model's defensive pre-test both ask)."""
    from .thread import customer_text
    return ctx.memo("answers-complaint", lambda: is_complaint(customer_text(ctx.context)))

