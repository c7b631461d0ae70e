"""tonecheck's findings in the shape of LanguageTool's HTTP API (v2): the answer to /v2/check and /v2/languages.

Why a module of its own: this is the one place that knows LanguageTool's field names. The browser extension,
LTeX and language_tool_python read `matches[]` with `offset`/`length` (UTF-16 units of the text they sent, markup
included), `message`, `shortMessage`, `replacements[{value}]`, `context{text, offset, length}`, `sentence` and
`rule{id, description, issueType, category{id, name}}`; `issueType` picks the colour a client underlines with
(misspelling red, grammar yellow, style blue in the browser extension).

The wording comes from the finding (and so from rules/*.yml): `message` is the finding's message and suggestion,
`shortMessage` its message, `rule.description` the rule's one-line summary.
"""
from __future__ import annotations

from .. import __version__
from ..model import SEVERITY_RANK, Finding
from .offsets import Annotated, Utf16Index, line_starts, offset_at

# LanguageTool's issue types (ITS 2.0 localization quality issue types, as LanguageTool names them)
ISSUE_TYPES = ("misspelling", "grammar", "style", "typographical", "uncategorized", "duplication", "whitespace",
               "inconsistency", "register", "locale-violation", "terminology", "mistranslation", "omission",
               "untranslated", "addition", "characters", "formatting", "internationalization", "legal",
               "length", "non-conformance", "numbers", "other", "pattern-problem", "markup")
# default: errors red, warnings yellow, advice blue (the browser extension's colours for these types)
DEFAULT_ISSUE_TYPES = {"error": "misspelling", "warning": "grammar", "info": "style"}
CONTEXT_CHARS = 40          # characters of context on each side, as LanguageTool gives

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "English (New Zealand)", "code": "en", "longCode": "en-NZ"},
    {"name": "English (South African)", "code": "en", "longCode": "en-ZA"},
]
_NAMES = {lang["longCode"].lower(): lang["name"] for lang in LANGUAGES}


def software() -> dict:
    return {"name": "tonecheck", "version": __version__, "buildDate": None, "apiVersion": 1, "premium": False,
            "premiumHint": None, "status": ""}


def is_english(code: str) -> bool:
    """Whether tonecheck judges text in this language ("auto" counts: tonecheck reads English)."""
    code = code.strip().lower()
    return code in ("auto", "en") or code.startswith("en-")


def language_block(code: str) -> dict:
    """The `language` object of an answer: what was asked, and English as the language detected."""
    asked = "en-US" if code.lower() in ("auto", "") else code
    name = _NAMES.get(asked.lower(), "English" if is_english(asked) else asked)
    detected = {"name": "English (US)", "code": "en-US", "confidence": 1.0, "source": "tonecheck"}
    return {"name": name, "code": asked, "detectedLanguage": detected}


def issue_types(fail_on: str | None = None, table: dict | None = None) -> dict:
    """Severity -> issueType. `fail_on` (like the CLI's --fail-on): at or above it red (misspelling), below it
    blue (style); `table` then overrides single severities."""
    mapping = dict(DEFAULT_ISSUE_TYPES)
    if fail_on:
        level = SEVERITY_RANK.get(fail_on, 99)
        mapping = {sev: "misspelling" if rank >= level else "style" for sev, rank in SEVERITY_RANK.items()}
    mapping.update(table or {})
    return mapping


class MatchBuilder:
    """Turns the findings on one checked text into LanguageTool matches."""

    def __init__(self, annotated: Annotated, judged_text: str | None, rules: dict, types: dict):
        self.annotated = annotated
        self.plain = annotated.plain
        self.judged = judged_text or ""
        self.rules = rules
        self.types = types
        self._starts = line_starts(self.plain)
        self._units = Utf16Index(annotated.original)

    def span(self, f: Finding) -> tuple[int, int]:
        """(start, end) of a finding in code points of the plain text."""
        start = offset_at(self._starts, len(self.plain), f.line, f.column)
        end = offset_at(self._starts, len(self.plain), f.end_line, f.end_column)
        if end <= start:        # a run the reader mapped to one point: the excerpt's length from there
            end = min(len(self.plain), start + max(1, len(f.excerpt)))
        return start, end

    def match(self, f: Finding) -> dict:
        start, end = self.span(f)
        o_start = self._units.units(self.annotated.to_original(start))
        o_end = self._units.units(self.annotated.to_original(end, is_end=True))
        rule = self.rules.get(f.rule)
        category = f.category or f.rule.split(".")[0]
        return {
            "message": f"{f.message} {f.suggestion}".strip(),
            "shortMessage": f.message,
            "replacements": [{"value": v} for v in self.replacements(f)],
            "offset": o_start,
            "length": max(o_end - o_start, 0),
            "context": self.context(start, end),
            "sentence": f.sentence,
            "type": {"typeName": "Other"},
            "rule": {
                "id": f.rule,
                "description": rule.one_line if rule is not None else f.message,
                "issueType": self.types.get(f.severity, "style"),
                "category": {"id": category.upper().replace("-", "_").replace(".", "_"),
                             "name": category.replace("-", " ").capitalize()},
                "isPremium": False,
            },
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        }

    def context(self, start: int, end: int) -> dict:
        """The text around a match on one line (LanguageTool shows line breaks as spaces), with '...' where cut."""
        left = max(0, start - CONTEXT_CHARS)
        right = min(len(self.plain), end + CONTEXT_CHARS)
        before = ("..." if left > 0 else "") + self.plain[left:start]
        hit = self.plain[start:end]
        text = before + hit + self.plain[end:right] + ("..." if right < len(self.plain) else "")
        text = text.replace("\r", " ").replace("\n", " ")
        return {"text": text, "offset": Utf16Index(before).units(len(before)),
                "length": Utf16Index(hit).units(len(hit))}

    def replacements(self, f: Finding) -> list[str]:
        """What the finding's fix (brand terminology, a rule's substitutions) would write over the match."""
        if f.fix is None or not self.judged or not (0 <= f.start < f.end <= len(self.judged)):
            return []
        value, pos = [], f.start
        for edit in sorted(f.fix.edits, key=lambda e: e.start):
            if edit.start < pos or edit.end > f.end:
                return []       # an edit outside the match cannot be offered as its replacement
            value.append(self.judged[pos:edit.start] + edit.replacement)
            pos = edit.end
        return ["".join(value) + self.judged[pos:f.end]]


def check_answer(matches: list[dict], language: str) -> dict:
    return {"software": software(), "warnings": {"incompleteResults": False},
            "language": language_block(language), "matches": matches}
