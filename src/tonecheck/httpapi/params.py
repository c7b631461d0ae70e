"""What a request asks for, validated: the draft to read, the brand guide, the rules, how to colour findings.

Why apart from the app: every way a request can be wrong is decided here, each as a BadRequest with the HTTP
status and a one-line reason, so the app only turns them into JSON errors. /v2/check takes LanguageTool's
parameters (form fields, or a JSON object); /v1/check takes tonecheck's own JSON object.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ..model import SEVERITIES
from ..readers import limits
from .ltshape import ISSUE_TYPES, is_english, issue_types
from .offsets import Annotated, AnnotationError

_HEADER_NAME = re.compile(r"^[!-9;-~]+$")       # RFC 5322 field name: printable ASCII except ':'


class BadRequest(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Draft:
    """One draft to check: the bytes a reader reads, as which kind, and how to answer."""
    data: bytes
    kind: str                                   # txt | eml
    annotated: Annotated                        # what the client sent, for LanguageTool offsets
    brand: str | None = None
    rules: dict = field(default_factory=dict)   # keyword arguments of Checker.selection
    language: str = "auto"
    types: dict = field(default_factory=dict)   # severity -> issueType
    body_line: int = 1                          # /v1 with headers: the line of the message where `text` starts


def _ids(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        value = ",".join(str(v) for v in value)
    return tuple(x.strip() for x in str(value).split(",") if x.strip())


def _truthy(value) -> bool:
    return str(value).strip().lower() in ("true", "1", "yes", "on")


def _text_bytes(text: str) -> bytes:
    """UTF-8 for the reader, within the readers' size limit (413 past it). A lone surrogate (JSON allows "\\ud83d"
    alone) becomes '?': one code point for one, so offsets stay put."""
    data = text.encode("utf-8", "replace")
    if len(data) > limits.MAX_BYTES:
        raise BadRequest(413, f"text too large to check: {len(data) / 1e6:.1f} MB "
                              f"(the limit is {limits.MAX_BYTES / 1e6:g} MB)")
    return data


def _annotated(values) -> Annotated:
    text, data = values.get("text"), values.get("data")
    if text is not None and data is not None:
        raise BadRequest(400, "give either 'text' or 'data', not both")
    if data is not None:
        try:
            parsed = json.loads(data) if isinstance(data, str) else data
        except ValueError as exc:
            raise BadRequest(400, f"'data' is not valid JSON: {exc}") from None
        if not isinstance(parsed, dict) or not isinstance(parsed.get("annotation"), list):
            raise BadRequest(400, "'data' must be an object with an 'annotation' list")
        try:
            return Annotated.from_parts(parsed["annotation"])
        except AnnotationError as exc:
            raise BadRequest(400, f"'data': {exc}") from None
    if text is None:
        raise BadRequest(400, "missing 'text' or 'data'")
    if not isinstance(text, str):
        raise BadRequest(400, "'text' must be a string")
    return Annotated.from_text(text)


def _types(values, default_fail_on: str | None, server_types: dict) -> dict:
    """Severity -> issueType for this request: failOn (like --fail-on), then issueTypes (severity:type,...)."""
    fail_on = values.get("failOn") or None
    if fail_on is not None and fail_on not in SEVERITIES:
        raise BadRequest(400, f"failOn must be one of {', '.join(SEVERITIES)}, not {fail_on!r}")
    table = dict(server_types)
    for pair in _ids(values.get("issueTypes")):
        sev, _, kind = pair.partition(":")
        if sev not in SEVERITIES or kind not in ISSUE_TYPES:
            raise BadRequest(400, f"issueTypes: {pair!r}: expected severity:type, e.g. info:style "
                                  f"(severities {', '.join(SEVERITIES)})")
        table[sev] = kind
    return issue_types(fail_on or default_fail_on, table)


def lt_draft(values, default_fail_on: str | None = None, server_types: dict | None = None) -> Draft:
    """A /v2/check request (LanguageTool's parameters) as a Draft."""
    annotated = _annotated(values)
    if not annotated.plain:
        raise BadRequest(400, "the text is empty")
    language = str(values.get("language") or "auto")
    enabled_only = _truthy(values.get("enabledOnly", "false"))
    rules = dict(enabled=_ids(values.get("enabledRules")), disabled=_ids(values.get("disabledRules")),
                 enabled_categories=_ids(values.get("enabledCategories")),
                 disabled_categories=_ids(values.get("disabledCategories")), enabled_only=enabled_only)
    if enabled_only and not (rules["enabled"] or rules["enabled_categories"]):
        raise BadRequest(400, "enabledOnly needs enabledRules or enabledCategories")
    return Draft(data=_text_bytes(annotated.plain), kind="txt", annotated=annotated,
                 brand=values.get("brand") or None, rules=rules, language=language,
                 types=_types(values, default_fail_on, server_types or {}))


def tonecheck_draft(obj) -> Draft:
    """A /v1/check request: {"text" and optional "headers"} or {"eml"}, optional "brand", "select", "ignore"."""
    if not isinstance(obj, dict):
        raise BadRequest(400, "the request body must be a JSON object")
    text, eml, headers = obj.get("text"), obj.get("eml"), obj.get("headers")
    if (text is None) == (eml is None):
        raise BadRequest(400, "give either 'text' (with optional 'headers') or 'eml' (a whole message)")
    brand = obj.get("brand")
    if brand is not None and not isinstance(brand, str):
        raise BadRequest(400, "'brand' must be the name of a brand guide")
    rules = dict(enabled=_ids(obj.get("select")), disabled=_ids(obj.get("ignore")),
                 enabled_only=bool(obj.get("select")))
    body = eml if eml is not None else text
    if not isinstance(body, str):
        raise BadRequest(400, f"'{'eml' if eml is not None else 'text'}' must be a string")
    if not body:
        raise BadRequest(400, "the text is empty")
    if eml is not None:
        if headers is not None:
            raise BadRequest(400, "'headers' go with 'text'; an 'eml' carries its own")
        return Draft(data=_text_bytes(eml), kind="eml", annotated=Annotated.from_text(eml), brand=brand,
                     rules=rules)
    if headers is None:
        return Draft(data=_text_bytes(text), kind="txt", annotated=Annotated.from_text(text), brand=brand,
                     rules=rules)
    head = _header_block(headers)
    message = head + "\n" + text
    return Draft(data=_text_bytes(message), kind="eml", annotated=Annotated.from_text(message), brand=brand,
                 rules=rules, body_line=head.count("\n") + 2)


def _header_block(headers) -> str:
    """Headers as the lines of a message (one per line, in the order given), with a UTF-8 text body declared."""
    if not isinstance(headers, dict) or not headers:
        raise BadRequest(400, "'headers' must be an object of header name -> value")
    lines = []
    for name, value in headers.items():
        if not isinstance(value, str) or not _HEADER_NAME.match(name) or "\n" in value or "\r" in value:
            raise BadRequest(400, f"header {name!r}: expected a field name and a one-line string value")
        if name.lower() not in ("content-type", "content-transfer-encoding", "mime-version"):
            lines.append(f"{name}: {value}\n")
    lines += ["MIME-Version: 1.0\n", "Content-Type: text/plain; charset=utf-8\n",
              "Content-Transfer-Encoding: 8bit\n"]
    return "".join(lines)


def check_language(language: str) -> bool:
    """Whether tonecheck has anything to say about text in `language` (only English)."""
    return is_english(language)
