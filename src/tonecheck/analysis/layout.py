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


def unwrapped(text: str) -> str:
    """`text` with its soft line breaks as spaces (same length); a short line ending in a comma ("Hi Ana,",
    "Best regards,") keeps its break, since it stands alone."""
    if "\n" not in text:
        return text
    out = list(text)
    changed = False
    for m in _SOFT_BREAK.finditer(text):
        nl = m.end() - 1
        line = text[text.rfind("\n", 0, nl) + 1:nl]
        if line.rstrip().endswith(",") and len(line.split()) <= 4:
            continue
        out[nl] = " "
        changed = True
    return "".join(out) if changed else text
