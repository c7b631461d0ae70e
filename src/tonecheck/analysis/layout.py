"""Hard-wrapped text read as the sentences it holds.

Most plain-text mail is wrapped at about 72 columns, so a phrase can break across lines ("That is not our\\nfault.").
The parser and the pattern rules read a copy of the judged text in which each such soft line break is a space: the
same length, so every offset still points into the judged text, while the checks that read line layout (sign-offs,
lists, headings, capitals) keep reading the text itself.
"""
from __future__ import annotations

import re

# a line break inside a sentence: the line before ends in a word or a comma (not . ! ? : ;), the next starts in
# lower case (a bullet, a heading or a new paragraph starts otherwise)
_SOFT_BREAK = re.compile(r"(?<=[^\s.!?:;])[ \t]*\n(?=[ \t]*[a-z(])")
# ... or a capitalised word after a line that ends in a word no sentence or heading ends with ("I shall telephone
# you on\nThursday 11 March", "a copy to\nMaureen"): the wrapper broke before a name, a day or a month
_BEFORE_A_NAME = re.compile(r"(?<=[ \t])(?:on|at|by|to|of|for|from|with|the|a|an|and|or|your|our|my|their|this|that|"
                            r"until|till|before|after|between|next|via|per|dear)[ \t]*\n(?=[ \t]*[A-Z0-9])")


def unwrapped(text: str) -> str:
    """`text` with its soft line breaks as spaces (same length); a short line ending in a comma ("Hi Ana,",
    "Best regards,") keeps its break, since it stands alone."""
    if "\n" not in text:
        return text
    out = list(text)
    changed = False
    breaks = sorted(list(_SOFT_BREAK.finditer(text)) + list(_BEFORE_A_NAME.finditer(text)), key=lambda m: m.end())
    for m in breaks:
        nl = m.end() - 1
        line = text[text.rfind("\n", 0, nl) + 1:nl]
        if line.rstrip().endswith(",") and len(line.split()) <= 4:
            continue
        out[nl] = " "
        changed = True
    return "".join(out) if changed else text
