"""Rule packs: YAML files of rules, validated against a JSON schema and compiled once per pipeline.

A pack is a YAML file with `pack: NAME` and `rules: [...]`. Each rule has an id (`category.slug`), a category, a
severity, a message, a suggestion, a one-paragraph rationale and `examples: {bad: [...], good: [...]}`, and uses
one or more extension points (as in Vale):

- `phrases`: a phrase list matched by lemma and case-insensitively ("per my last email" also finds "Per my last
  emails"). Matching runs on each token's NORM, which tonecheck sets to its lower-case lemma.
- `patterns`: spaCy Matcher token patterns (use NORM for lemma-aware, LOWER for exact forms).
- `regex`: regular expressions on the raw judged text (case-insensitive unless `case_sensitive: true`).
- `substitutions`: `{wrong: right}`; the finding's suggestion names the replacement.
- `metric`: a textstat measure over each sentence or the whole text, with a maximum.
- `check`: the name of a Python check (tonecheck.checks) for what patterns cannot express; `options` go to it.
- `model`: a label of the learned sentence model (tonecheck.learned) and a threshold: sentences the model scores
  at or over it that no other rule of the category has flagged (excerpt: the sentence); `grievance_threshold`, when
  given, is the threshold in a reply to a grievance.
- `model_veto`: the same model as a verifier for a rule of another extension point: a hit whose sentence the model
  scores under `below` for `label` is dropped (tonecheck.learned.veto).

Filters shared by the first four: `unless` (phrases that, in the same sentence, cancel a match), `excerpt`
(`match` — the default — or `sentence`).
`in_disputes: true` keeps a rule's hits only where the message answers a grievance or another rule has found
defensive or sarcastic words in it.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import SEVERITIES

CATEGORIES = ("commitment", "next-step", "brand", "defensive", "sarcasm", "clarity", "empathy")

RULE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "category", "severity", "message", "rationale", "examples"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z][a-z-]*\.[a-z0-9][a-z0-9.-]*$"},
        # the built-in categories (CATEGORIES), or a team's own in its own packs ("legal", "accessibility")
        "category": {"type": "string", "pattern": r"^[a-z][a-z-]*$"},
        "severity": {"enum": list(SEVERITIES)},
        "message": {"type": "string", "minLength": 1},
        "suggestion": {"type": "string"},
        "rationale": {"type": "string", "minLength": 20},
        "summary": {"type": "string"},
        "variants": {
            "type": "object",
            "additionalProperties": {
                "type": "object", "additionalProperties": False,
                "properties": {"message": {"type": "string", "minLength": 1}, "suggestion": {"type": "string"}},
            },
        },
        "phrases": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "patterns": {"type": "array", "items": {"type": "array", "items": {"type": "object"}}},
        "regex": {"type": "array", "items": {"type": "string"}},
        "case_sensitive": {"type": "boolean"},
        "substitutions": {"type": "object", "additionalProperties": {"type": "string"}},
        "metric": {
            "type": "object", "required": ["measure", "max"], "additionalProperties": False,
            "properties": {"measure": {"enum": ["grade", "sentence_words", "reading_ease"]},
                           "max": {"type": "number"}, "scope": {"enum": ["sentence", "text"]}},
        },
        "check": {"type": "string"},
        # the learned sentence model (tonecheck.learned): a label it predicts and, optionally, the probability a
        # sentence must reach (default: the threshold chosen at training time on the calibration split)
        "model": {
            "type": "object", "required": ["label"], "additionalProperties": False,
            "properties": {"label": {"enum": ["commitment", "defensive", "sarcasm"]},
                           "threshold": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
                           # the probability that suffices in a reply to a grievance (analysis/complaint.py), where
                           # the label is far likelier than in business mail at large
                           "grievance_threshold": {"type": "number", "exclusiveMinimum": 0, "maximum": 1}},
        },
        # the learned model as a verifier of this rule's hits: dropped when their sentence scores under `below`
        "model_veto": {
            "type": "object", "required": ["label", "below"], "additionalProperties": False,
            "properties": {"label": {"enum": ["commitment", "defensive", "sarcasm"]},
                           "below": {"type": "number", "exclusiveMinimum": 0, "maximum": 1}},
        },
        "options": {"type": "object"},
        "unless": {"type": "array", "items": {"type": "string"}},
        "excerpt": {"enum": ["match", "sentence"]},
        "regions": {"type": "array", "items": {"type": "string"}},
        # hits kept only in a dispute: the message answers a grievance, or another rule finds defensive or sarcastic
        # words in it (words that are a plain description elsewhere: "We are a bakery, not a warehouse")
        "in_disputes": {"type": "boolean"},
        # rules that say the same thing more precisely: a finding of one of them on the same text replaces this one
        "superseded_by": {"type": "array", "items": {"type": "string"}},
        "examples": {
            "type": "object", "required": ["bad", "good"], "additionalProperties": False,
            "properties": {
                "bad": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/example"}},
                "good": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/example"}},
            },
        },
    },
    "$defs": {
        "example": {
            "oneOf": [
                {"type": "string", "minLength": 1},
                {"type": "object", "required": ["text"], "additionalProperties": False,
                 "properties": {"text": {"type": "string"}, "kind": {"enum": ["txt", "eml", "md", "html"]},
                                "brand": {"type": "object"}, "note": {"type": "string"}}},
            ]
        }
    },
}

PACK_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["rules"],
    "additionalProperties": False,
    "properties": {
        "pack": {"type": "string"},
        "description": {"type": "string"},
        "rules": {"type": "array", "items": RULE_SCHEMA},
    },
    "$defs": RULE_SCHEMA["$defs"],
}


# the schema's text keys the cache too: a changed schema re-validates every cached pack
_SCHEMA_KEY = repr(PACK_SCHEMA) + "|rules-v2"


class RuleError(Exception):
    """A rule pack that cannot be loaded; the message names the file and what is wrong."""


@dataclass
class Rule:
    id: str
    category: str
    severity: str
    message: str
    rationale: str
    examples: dict[str, list]
    suggestion: str = ""
    summary: str = ""
    phrases: list[str] = field(default_factory=list)
    patterns: list[list[dict]] = field(default_factory=list)
    regex: list[str] = field(default_factory=list)
    case_sensitive: bool = False
    substitutions: dict[str, str] = field(default_factory=dict)
    metric: dict | None = None
    check: str | None = None
    options: dict = field(default_factory=dict)
    model: dict | None = None
    model_veto: dict | None = None
    unless: list[str] = field(default_factory=list)
    excerpt: str = "match"
    regions: list[str] = field(default_factory=list)
    in_disputes: bool = False
    superseded_by: list[str] = field(default_factory=list)
    variants: dict[str, dict[str, str]] = field(default_factory=dict)
    pack: str = ""
    source: str = ""

    @property
    def one_line(self) -> str:
        if self.summary:
            return self.summary
        return self.rationale.strip().split(". ")[0].rstrip(".") + "."

    def wording(self, variant: str | None = None) -> tuple[str, str]:
        """(message, suggestion) templates for a hit: the variant's own text where it has one, else the rule's."""
        v = self.variants.get(variant, {}) if variant else {}
        return v.get("message", self.message), v.get("suggestion", self.suggestion)

    def compiled_regex(self) -> list[re.Pattern]:
        flags = 0 if self.case_sensitive else re.IGNORECASE
        return [re.compile(r, flags) for r in self.regex]


def builtin_rules_dir() -> Path:
    """rules/ shipped inside the wheel, or the top-level rules/ of a source checkout."""
    here = Path(__file__).resolve().parent
    inside = here / "rules"
    if inside.is_dir():
        return inside
    return here.parent.parent / "rules"


def load_pack(path: Path) -> list[Rule]:
    """The rules of one pack. A pack that validated before (same bytes, same schema) comes from the on-disk cache
    (tonecheck.cache): no YAML parsing, no JSON-schema validation — together most of a cold start's pack work."""
    from . import cache

    try:
        raw_bytes = Path(path).read_bytes()
    except OSError as exc:
        raise RuleError(f"{path}: cannot read rule pack: {str(exc).splitlines()[0]}") from None
    k = cache.key("rule-pack", _SCHEMA_KEY, raw_bytes)
    data = cache.load("pack", k)
    if isinstance(data, dict) and isinstance(data.get("rules"), list):
        return _build(path, data)
    data = _validated(path, raw_bytes)
    rules = _build(path, data)
    _check_regexes(path, rules)             # only packs that load without a RuleError are cached
    cache.store("pack", k, data)
    return rules


def _validated(path: Path, raw_bytes: bytes) -> dict:
    import yaml
    from jsonschema import Draft202012Validator

    from .yamlsafe import load_bounded

    try:
        data = load_bounded(raw_bytes.decode("utf-8"))     # refuses an alias bomb (yamlsafe.py)
    except (UnicodeDecodeError, yaml.YAMLError, ValueError) as exc:
        raise RuleError(f"{path}: cannot read rule pack: {str(exc).splitlines()[0]}") from None
    validator = Draft202012Validator(PACK_SCHEMA)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        where = "/".join(str(p) for p in e.absolute_path) or "(top level)"
        raise RuleError(f"{path}: {where}: {e.message}")
    return data


# the wording an extension point gives a rule that leaves its suggestion out
DEFAULT_SUGGESTION = {"substitutions": "Write '{replacement}'."}


def _build(path: Path, data: dict) -> list[Rule]:
    pack = data.get("pack") or Path(path).stem
    rules = []
    for raw in data["rules"]:
        rule = Rule(**raw, pack=pack, source=str(path))
        if not rule.suggestion and rule.substitutions:
            rule.suggestion = DEFAULT_SUGGESTION["substitutions"]
        if not (rule.phrases or rule.patterns or rule.regex or rule.substitutions or rule.metric or rule.check or
                rule.model):
            raise RuleError(f"{path}: {rule.id}: a rule needs phrases, patterns, regex, substitutions, metric, check "
                            "or model")
        if rule.id.split(".")[0] != rule.category:
            raise RuleError(f"{path}: {rule.id}: id must start with its category '{rule.category}.'")
        rules.append(rule)
    return rules


def _check_regexes(path: Path, rules: list[Rule]) -> None:
    for rule in rules:
        for r in rule.regex:
            try:
                re.compile(r, 0 if rule.case_sensitive else re.IGNORECASE)  # as compiled_regex: re's cache hits
            except re.error as exc:
                raise RuleError(f"{path}: {rule.id}: bad regex {r!r}: {exc}") from None


def load_rules(extra_dirs: list[str | os.PathLike] = ()) -> list[Rule]:
    """Every rule of the built-in packs and of the extra pack folders; later packs may not reuse an id."""
    dirs = [builtin_rules_dir(), *[Path(d) for d in extra_dirs]]
    seen: dict[str, Rule] = {}
    for d in dirs:
        if not d.is_dir():
            raise RuleError(f"{d}: rule pack folder not found")
        for path in sorted(d.glob("*.y*ml")):
            for rule in load_pack(path):
                if rule.id in seen:
                    raise RuleError(f"{path}: {rule.id}: already defined in {seen[rule.id].source}")
                seen[rule.id] = rule
    return sorted(seen.values(), key=lambda r: r.id)
