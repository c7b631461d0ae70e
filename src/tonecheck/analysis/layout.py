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


WRAP_MARGIN = 3     # a wrapper may leave a line a few characters short of the paragraph's longest
# a line break before a capital or a digit that the wrapper made: the line before is full ("... by Friday, 24\n
# September?"), ends in a word, a number or a comma, and the next word would not have fitted on it
_BEFORE_A_CAPITAL = re.compile(r"(?<=[\w,])[ \t]*\n(?=[ \t]*(?P<word>[A-Z0-9][\w'’-]*))")
FULL_LINE = 40


def _wrapped_before_a_capital(text: str, soft: list[re.Match]) -> list[re.Match]:
    """The breaks of _BEFORE_A_CAPITAL that a greedy wrapper made: the paragraph is hard-wrapped prose (it has a
    `soft` break, a line continued in lower case), the line before is full, and the next word would not have fitted
    on it (the width is the paragraph's longest line as written). A list, a status report or an address block, whose
    lines never continue in lower case, keeps its breaks."""
    widths, out = None, []
    for m in _BEFORE_A_CAPITAL.finditer(text):
        nl = m.end() - 1
        line = text[text.rfind("\n", 0, nl) + 1:nl].rstrip()
        if len(line) < FULL_LINE:
            continue
        if widths is None:
            widths = paragraph_widths(text)
        start, width = next(((s, w) for s, w in reversed(widths) if s <= nl), (0, len(line)))
        end = text.find("\n\n", nl)
        if len(line) + 1 + len(m.group("word")) > width - WRAP_MARGIN and \
                any(start <= b.end() - 1 < (end if end >= 0 else len(text)) for b in soft):
            out.append(m)
    return out


def unwrapped(text: str) -> str:
    """`text` with its soft line breaks as spaces (same length); a short line ending in a comma ("Hi Ana,",
    "Best regards,") keeps its break, since it stands alone."""
    if "\n" not in text:
        return text
    out = list(text)
    changed = False
    soft = list(_SOFT_BREAK.finditer(text))
    breaks = sorted(soft + list(_BEFORE_A_NAME.finditer(text)) + _wrapped_before_a_capital(text, soft),
                    key=lambda m: m.end())
    for m in breaks:
        nl = m.end() - 1
        line = text[text.rfind("\n", 0, nl) + 1:nl]
        if line.rstrip().endswith(",") and len(line.split()) <= 4:
            continue
        out[nl] = " "
        changed = True
    return "".join(out) if changed else text


def paragraph_widths(text: str) -> list[tuple[int, int]]:
    """(start offset, longest line) of each blank-line-separated paragraph, in order: one pass over the text."""
    out, start, longest, pos = [], 0, 0, 0
    for line in text.split("\n"):
        if not line.strip():
            if longest:
                out.append((start, longest))
            start, longest = pos + len(line) + 1, 0
        else:
            longest = max(longest, len(line.rstrip()))
        pos += len(line) + 1
    if longest:
        out.append((start, longest))
    return out
