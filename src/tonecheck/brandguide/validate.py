"""Is a brand guide usable? The JSON schema (schemas/brand.schema.json), then what the schema cannot say; every
problem is worded for the guide's author and placed on a line: `brand.yml:LINE: field: what is wrong`.

Unknown fields and duplicate keys are warnings (the guide still loads), never errors. After the schema: a
promise's `within` must read as a duration, a term may not be listed as its own wrong variant, a wrong variant may
not be claimed by two terms, and a banned word may not be a term the guide tells writers to use.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Callable

from ..analysis.durations import parse_duration


class BrandError(Exception):
    """A brand guide that cannot be used. `.problems`: one line per problem, `FILE:LINE: field: what is wrong`;
    `.warnings`: what was found besides (unknown fields…), for the caller to show."""

    def __init__(self, problems: list[str], warnings: list[str] | tuple = ()):
        self.problems = list(problems)
        self.warnings = list(warnings)
        super().__init__("\n".join(self.problems))


def is_product(use: str) -> bool:
    """A term written with capitals is a product name: spelled and capitalised exactly as the guide has it."""
    return any(c.isupper() for c in use)


@lru_cache(maxsize=1)
def brand_schema() -> dict:
    """The JSON schema (schemas/brand.schema.json) as shipped, `$ref`s and all (editors can use the file)."""
    from importlib.resources import files

    return json.loads(files("tonecheck").joinpath("schemas/brand.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def schema_validator():
    """A validator for the schema with its local `$ref`s inlined: resolving a reference per list item made a
    5,000-term guide take seconds to validate."""
    from jsonschema import Draft202012Validator

    schema = brand_schema()
    defs = schema.get("$defs", {})

    def inline(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
                return inline(defs[ref.split("/")[-1]])
            return {k: inline(v) for k, v in node.items() if k != "$defs"}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    return Draft202012Validator(inline(schema))


# -- where a problem is: data paths, YAML nodes, lines ------------------------------------------------------------

def _field(path) -> str:
    """A data path as the author reads it: `terminology[0].instead_of[1]`."""
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


def _node_at(root, path):
    """The YAML node at a data path (keys and indexes), or the deepest one found on the way."""
    import yaml

    node = root
    for p in path:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == p), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(p, int) and p < len(node.value):
            nxt = node.value[p]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
    return node


def _key_node(root, path, key):
    """The YAML node of the key `key` in the mapping at `path` (the mapping itself when it has no such key)."""
    import yaml

    node = _node_at(root, path)
    if isinstance(node, yaml.MappingNode):
        for k, _ in node.value:
            if k.value == key:
                return k
    return node


def _line(node) -> int | None:
    return node.start_mark.line + 1 if node is not None and getattr(node, "start_mark", None) else None


class _Report:
    """Problems (sorted by line, each once) and warnings, each placed as `FILE:LINE`."""

    def __init__(self, root, display: str):
        self.root, self.display = root, display
        self.problems: list[tuple[int, str]] = []
        self.warnings: list[str] = []

    def where(self, path, key=None) -> str:
        node = _key_node(self.root, path, key) if key is not None else _node_at(self.root, path)
        line = _line(node) if self.root is not None else None
        return f"{self.display}:{line}" if line else self.display

    def add(self, path, msg: str, key=None) -> None:
        loc = self.where(path, key)
        fpath = list(path) + ([key] if key is not None else [])
        line = int(loc.rsplit(":", 1)[1]) if loc.rsplit(":", 1)[-1].isdigit() else 0
        self.problems.append((line, f"{loc}: {_field(fpath)}: {msg}"))

    def warn(self, path, key, msg: str) -> None:
        self.warnings.append(f"{self.where(path, key)}: {_field(list(path) + [key])}: {msg}")

    def sorted_problems(self) -> list[str]:
        return list(dict.fromkeys(p for _, p in sorted(self.problems, key=lambda p: p[0])))


# -- the schema's errors in the author's words --------------------------------------------------------------------

def _type_name(v) -> str:
    if v is None:
        return "nothing"
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "a mapping"}.get(type(v), type(v).__name__)


_SCHEMA_TYPE_NAMES = {"string": "text", "array": "a list", "object": "a mapping", "integer": "a whole number",
                      "number": "a number", "boolean": "true or false"}


def _describe(err) -> str:
    v = err.validator
    if v == "type":
        want = err.validator_value
        want = want if isinstance(want, list) else [want]
        return f"expected {' or '.join(_SCHEMA_TYPE_NAMES.get(w, w) for w in want)}, got {_type_name(err.instance)}"
    if v == "enum":
        return f"must be one of {', '.join(map(str, err.validator_value))}, not {err.instance!r}"
    if v in ("minLength", "pattern"):
        return "must not be empty"
    if v == "minItems":
        return "must list at least one item"
    if v == "minimum":
        return f"must be at least {err.validator_value}, not {err.instance!r}"
    if v == "anyOf":
        return _describe_anyof(err)
    return err.message


def _describe_anyof(err) -> str:
    inst = err.instance
    if isinstance(inst, dict):
        sub = [e for e in err.context if e.validator not in ("type",)]
        if sub:
            best = min(sub, key=lambda e: len(e.relative_path))
            return _describe(best)
    if isinstance(inst, str):
        return "must not be empty"
    if isinstance(inst, list):
        if not inst:
            return "must list at least one item"
        bad = [x for x in inst if not isinstance(x, str) or not x.strip()]
        if bad:
            return f"expected a list of non-empty text, found {_type_name(bad[0])}"
    return f"expected text or a list of text, got {_type_name(inst)}"


def _narrowed(err):
    """An object where text or an object is allowed (anyOf): the error inside the object, which says what to fix."""
    if err.validator == "anyOf" and isinstance(err.instance, dict):
        inner = [e for e in err.context if e.validator != "type" or list(e.relative_path)]
        if inner:
            return min(inner, key=lambda e: -len(e.absolute_path))
    return err


def _schema_errors(data: dict, report: _Report) -> None:
    """The schema's errors as problems, and its unknown fields as warnings."""
    for err in map(_narrowed, schema_validator().iter_errors(data)):
        path = list(err.absolute_path)
        if err.validator == "additionalProperties":
            known = set(err.schema.get("properties", {}))
            for key in sorted(k for k in err.instance if k not in known):
                report.warn(path, key, f"unknown field (ignored); known fields here: {', '.join(sorted(known))}")
        elif err.validator == "required":
            for k in err.validator_value:
                if k not in err.instance:
                    report.add(path + [k], "missing (required)")
        else:
            report.add(path, _describe(err))


def validate(data: Any, root=None, display: str = "brand.yml") -> tuple[list[str], list[str]]:
    """(problems, warnings) for loaded brand guide data; `root` is the composed YAML node tree for line numbers."""
    report = _Report(root, display)
    if data is None:
        return [f"{display}:1: (top level): the brand guide is empty (it needs at least `name:`)"], []
    if not isinstance(data, dict):
        return [f"{report.where([])}: (top level): expected a mapping of fields (name:, voice:, terminology: …), "
                f"got {_type_name(data)}"], []
    _schema_errors(data, report)
    _semantic_checks(data, report.add)
    return report.sorted_problems(), report.warnings


# -- what the schema cannot say ----------------------------------------------------------------------------------

def _key(s: str) -> str:
    """A phrase as ordinary terms compare it: lower case, single spaces."""
    return " ".join(s.lower().split())


def _is_text(x) -> bool:
    return isinstance(x, str) and bool(x.strip())


def _items(data: dict, name: str) -> list[tuple[int, dict]]:
    v = data.get(name)
    return [(i, x) for i, x in enumerate(v) if isinstance(x, dict)] if isinstance(v, list) else []


def _variants(term: dict) -> list[tuple[int | None, str]]:
    """A term's `instead_of` entries that are text: (index, or None for a single string; the text)."""
    v = term.get("instead_of")
    if isinstance(v, str):
        return [(None, v)] if v.strip() else []
    if isinstance(v, list):
        return [(j, x) for j, x in enumerate(v) if _is_text(x)]
    return []


def _semantic_checks(data: dict, add: Callable) -> None:
    """What the schema cannot say. Runs on malformed data too, skipping the parts that are not well-typed."""
    for i, p in _items(data, "promises"):
        w = p.get("within")
        if _is_text(w) and parse_duration(w) is None:
            add(["promises", i, "within"], f"cannot read {w!r} as a duration "
                f"(write e.g. '24 hours', '1 business day', '2 working days', '30 days', '2 weeks')")
    terms = [(i, t) for i, t in _items(data, "terminology") if _is_text(t.get("use"))]
    uses = {_key(t["use"]): i for i, t in terms}
    _check_variants(data, terms, uses, add)
    _check_banned(data, uses, add)


def _check_variants(data: dict, terms: list[tuple[int, dict]], uses: dict[str, int], add: Callable) -> None:
    """A wrong variant is not the term itself, not claimed by two terms, not a term another entry tells writers
    to use."""
    owner: dict[str, tuple[int, str]] = {}
    for i, t in terms:
        use = t["use"]
        for j, v in _variants(t):
            vpath = ["terminology", i, "instead_of"] + ([j] if j is not None else [])
            if v.strip() == use.strip():
                add(vpath, f"'{v}' is the term to use itself; remove it from instead_of")
                continue
            if not is_product(use) and _key(v) == _key(use):
                add(vpath, f"'{v}' differs from '{use}' only in capitals, which ordinary terms ignore")
                continue
            k = v if is_product(use) else _key(v)
            if k in owner and owner[k][1] != use:
                add(vpath, f"'{v}' is already listed under terminology[{owner[k][0]}] (use: {owner[k][1]})")
            owner.setdefault(k, (i, use))
            other = uses.get(_key(v))
            if other is not None and other != i and not is_product(data["terminology"][other]["use"]):
                add(vpath, f"'{v}' is the term terminology[{other}] tells writers to use")


def _check_banned(data: dict, uses: dict[str, int], add: Callable) -> None:
    """A banned word is not a term the guide tells writers to use."""
    banned = data.get("banned") if isinstance(data.get("banned"), list) else []
    for i, b in enumerate(banned):
        word = b if isinstance(b, str) else (b.get("word") if isinstance(b, dict) else None)
        if _is_text(word) and _key(word) in uses:
            add(["banned", i] + ([] if isinstance(b, str) else ["word"]),
                f"'{word}' is banned but terminology[{uses[_key(word)]}] tells writers to use it")


def duplicate_keys(root, display: str) -> list[str]:
    """Warnings for keys given twice in one mapping (YAML keeps the last one silently)."""
    import yaml

    out = []

    def walk(node, path):
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for k, v in node.value:
                if k.value in seen:
                    out.append(f"{display}:{_line(k)}: {_field(path + [k.value])}: duplicate key; "
                               f"only the last one is used")
                seen.add(k.value)
                walk(v, path + [k.value])
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, path + [i])

    walk(root, [])
    return out
