"""Hedges: the words that make a promise one the reader cannot count on ("try to", "hopefully", "should be able
to", "might", "do our best", "we'll see", "fingers crossed"); "we'll see you on the day" is a meeting, not a
hedge."""
from __future__ import annotations

import re

HEDGES = re.compile(
    r"\b(?:try(?:ing)?\s+(?:to|and)(?=\s+[a-z])|tries\s+to|hopefully|ought\s+to|hope\s+to|hoping\s+to|hope\s+(?:we|i)\b|should\s+be\s+able\s+to|"
    # "May" with a capital inside a sentence is the month ("on Monday 10 May", "by May 3", also wrapped:
    # "Monday 10\nMay"), not the modal
    r"may\s+be\s+able\s+to|might|(?-i:may)|(?-i:(?<![\w,;:]\s)May(?!\s+\d))|should|probably|possibly|perhaps|maybe|"
    r"(?:do(?:ing)?|try(?:ing)?)\s+(?:our|my)\s+(?:very\s+|level\s+|utmost\s+)?best|aim(?:ing)?\s+to|if\s+all\s+goes\s+(?:well|to\s+plan)|"
    r"all\s+being\s+well|(?:we|i)\s*(?:'ll|’ll|\s+will)\s+see(?!\s+(?:you|him|her|them|everyone|the\s+\w+\s+on))|with\s+(?:any|a\s+bit\s+of)\s+luck|fingers\s+crossed|"
    r"if\s+(?:at\s+all\s+)?possible|where\s+possible|if\s+we\s+can|ideally|likely|all\s+things\s+being\s+equal|"
    r"touch\s+wood|god\s+willing|attempt\s+to|endeavou?r\s+to|see\s+what\s+(?:we|i)\s+can\s+do|"
    r"do\s+what\s+(?:we|i)\s+can)\b", re.I)
# adverbs that hedge a clause without any modal: "Hopefully we can ...", "The legs are probably arriving ..."
HEDGE_ADV = re.compile(r"\b(?:hopefully|probably|with\s+(?:any|a\s+bit\s+of)\s+luck|fingers\s+crossed|"
                       r"all\s+being\s+well|if\s+all\s+goes\s+(?:well|to\s+plan)|touch\s+wood|"
                       r"all\s+things\s+being\s+equal)\b", re.I)
# a hedge adverb right before a subject belongs to the clause: "Hopefully the pallet will ..."
HEDGE_BEFORE_SUBJECT = frozenset({"hopefully", "probably", "maybe", "perhaps", "ideally", "possibly"})
