"""The objects that cross module boundaries: Document (what readers produce) and Finding (what the engine emits).

A reader turns a file into a Document: the *judged text* (the author's new words only, as one string) plus a
SourceMap that maps every character offset of that string back to a line and column of the source file, and a
Context with everything rules may look at but never flag (headers, the quoted thread, the signature).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


# "Re:", "Fwd:", "AW:", "SV:", "RV:" ... (repeated, with a "[2]" count): a subject that echoes someone else's.
# The e-mail reader leaves such a subject out of the judged text; analyses that date events strip it to read it.
REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|fw|aw|sv|wg|tr|vs|rv)\s*(?:\[\d+\])?\s*:\s*)+", re.I)


@dataclass(frozen=True)
class Piece:
    """A run of judged text [start, end) that came from one place in the source file.

    verbatim: the characters stand unchanged in the source starting at (line, column), on one source line, so any
    offset inside maps to column + delta. Otherwise (decoded quoted-printable, base64, entities) every offset in
    the run maps to (line, column), the start of the part it came from.
    """
    start: int
    end: int
    line: int
    column: int
    verbatim: bool = True


class SourceMap:
    """Maps offsets in the judged text to 1-based (line, column) positions in the source file."""

    def __init__(self, pieces: list[Piece] | None = None, default_line: int = 1):
        self.pieces = sorted(pieces or [], key=lambda p: p.start)
        self._starts = [p.start for p in self.pieces]
        self.default_line = default_line

    def position(self, offset: int) -> tuple[int, int]:
        if not self.pieces:
            return self.default_line, 1
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            p = self.pieces[0]
            return p.line, p.column
        p = self.pieces[i]
        if offset >= p.end:
            # between pieces (a separator the reader inserted): the end of the previous piece
            if p.verbatim:
                return p.line, p.column + (p.end - p.start)
            return p.line, p.column
        if p.verbatim:
            return p.line, p.column + (offset - p.start)
        return p.line, p.column


@dataclass
class QuotedBlock:
    """A block of earlier mail quoted under the new text: who wrote it (as the attribution says), when, and what."""
    text: str
    author: str | None = None
    date: str | None = None
    kind: str = "quote"  # quote | outlook | forward | pasted (an article) | footer (a legal footer): readers/pasted.py


@dataclass
class Context:
    """Everything around the judged text that rules may read but never flag."""
    headers: dict[str, str] = field(default_factory=dict)   # lower-case header name -> decoded value
    date: datetime | None = None                             # parsed Date header (timezone-aware when given)
    sender: str | None = None                                # From address, lower-case
    recipients: list[str] = field(default_factory=list)      # To/Cc addresses, lower-case
    subject: str | None = None
    quoted: list[QuotedBlock] = field(default_factory=list)
    signature: str | None = None
    is_email: bool = False

    @property
    def quoted_text(self) -> str:
        return "\n\n".join(b.text for b in self.quoted)


@dataclass
class Suppression:
    """Rules switched off for a range of judged text (or the whole document when start is None)."""
    selectors: tuple[str, ...]
    start: int | None = None
    end: int | None = None

    def covers(self, rule_id: str, start: int, end: int) -> bool:
        from .selectors import matches
        if not matches(rule_id, self.selectors):
            return False
        if self.start is None:
            return True
        return start < (self.end or 0) and end > self.start


@dataclass
class Region:
    """A labelled stretch of the judged text, e.g. the subject line, so checks can treat it differently."""
    name: str
    start: int
    end: int


@dataclass
class Document:
    path: str
    kind: str                      # eml | txt | md | html
    text: str                      # judged text: the author's new words only
    source_map: SourceMap
    context: Context = field(default_factory=Context)
    suppressions: list[Suppression] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # reader notes (e.g. "charset detected as cp1252")
    source_text: str | None = None                     # the file as text, for showing source lines

    @property
    def is_page(self) -> bool:
        """Website copy (Markdown or HTML), not a message: no reader is being answered."""
        return self.kind in ("md", "html") and not self.context.is_email

    def region_at(self, offset: int) -> str | None:
        """The innermost region holding offset ("subject", "attribute" inside "body"…), or None."""
        best = None
        for r in self.regions:
            if r.start <= offset < r.end and (best is None or r.end - r.start < best.end - best.start):
                best = r
        return best.name if best else None


@dataclass(frozen=True)
class Edit:
    """Replace judged text [start, end) with `replacement` (offsets in Document.text)."""
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """A safe rewrite carried on a finding (as ruff's Fix): `--fix` and the editor's quick fix apply its edits."""
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Finding:
    path: str
    rule: str
    category: str
    severity: str
    message: str
    suggestion: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    sentence: str
    start: int = 0   # offsets in the judged text (not part of the JSON contract)
    end: int = 0
    fix: Fix | None = field(default=None, compare=False)   # not part of the JSON contract either

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path, "rule": self.rule, "category": self.category, "severity": self.severity,
            "message": self.message, "suggestion": self.suggestion, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column, "excerpt": self.excerpt,
            "sentence": self.sentence,
        }


class InputError(Exception):
    """A file that cannot be read or parsed. str(exc) is the one-line reason shown to the user."""
