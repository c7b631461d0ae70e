"""Reading a brand guide file: `load_brand("brand.yml", engine)` reads, validates and compiles it.

A guide that validated before (same text, same name shown, same schema) comes from tonecheck's cache and skips the
YAML parse and the JSON schema. Warnings (unknown fields, duplicate keys) never stop a guide loading: they are on
`BrandGuide.warnings` (or `BrandError.warnings`), and handed to the `warn` callback when the caller gives one;
printing them is the front end's business.
"""
from __future__ import annotations

import os
from typing import Callable

from .compile import BrandGuide
from .validate import BrandError, duplicate_keys, validate

_CACHE_VERSION = "brand-v1"

# A guide is compiled into matchers before the first file is checked, at ~0.2 ms a phrase, and a YAML file takes
# ~3 s a MB to read: these bound both to well under a second (issue 17: 20,000 terms took 9 s and 547 MB). Real
# guides hold tens to hundreds of phrases.
MAX_GUIDE_BYTES = 262_144
MAX_PHRASES = 5_000
MAX_PHRASE_CHARS = 200


def display_path(path: str) -> str:
    """The guide's path as problems name it: relative to the working folder when it is inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def _read(path: str, display: str) -> str:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_GUIDE_BYTES:
                raise BrandError([f"{display}:1: (file): {size / 1024:,.0f} KB is too large for a brand guide (the "
                                  f"limit is {MAX_GUIDE_BYTES // 1024} KB)"])
            return fh.read()
    except FileNotFoundError:
        raise BrandError([f"{display}: brand guide not found"]) from None
    except UnicodeDecodeError:
        raise BrandError([f"{display}:1: (file): not UTF-8 text"]) from None
    except OSError as exc:
        raise BrandError([f"{display}: cannot read brand guide: {exc.strerror or exc}"]) from None


def _parse(text: str, display: str):
    """(data, composed node tree) of the YAML text; BrandError naming the line of a syntax error."""
    import yaml

    from ..yamlsafe import AliasError, compose_and_load

    try:
        return compose_and_load(text)
    except AliasError as exc:       # an alias bomb would expand in every later walk of the data
        raise BrandError([f"{display}:{exc.line}: (YAML): {exc.what}: anchors and aliases (&name, *name) are "
                          "not allowed in a brand guide"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise BrandError([f"{display}:{line}: (YAML): {what}"]) from None


def _phrases(data) -> list[str]:
    """Every phrase the compiler turns into a matcher pattern: terms and their variants, banned words, claims,
    phrases to avoid, promise keywords (what is not text is left to validation)."""
    if not isinstance(data, dict):
        return []

    def listed(v) -> list:
        return v if isinstance(v, list) else [v] if isinstance(v, str) else []

    out: list = []
    for t in listed(data.get("terminology")):
        if isinstance(t, dict):
            out += [t.get("use"), *listed(t.get("instead_of"))]
    for b in listed(data.get("banned")):
        out.append(b.get("word") if isinstance(b, dict) else b)
    claims = data.get("claims")
    out += listed(claims.get("forbidden")) if isinstance(claims, dict) else []
    for group, key in (("values", "avoid"), ("promises", "keywords")):
        out += [p for x in listed(data.get(group)) if isinstance(x, dict) for p in listed(x.get(key))]
    return [p for p in out if isinstance(p, str)]


def _check_size(data, display: str) -> None:
    """BrandError when the guide holds more phrases, or longer ones, than the compiler takes (see above)."""
    phrases = _phrases(data)
    if len(phrases) > MAX_PHRASES:
        raise BrandError([f"{display}:1: (top level): {len(phrases):,} phrases (terms, variants, banned words, claims, "
                          f"phrases to avoid, keywords); the limit is {MAX_PHRASES:,}"])
    longest = max(phrases, key=len, default="")
    if len(longest) > MAX_PHRASE_CHARS:
        raise BrandError([f"{display}:1: (top level): a phrase of {len(longest):,} characters ('{longest[:30]}…'); "
                          f"the limit is {MAX_PHRASE_CHARS}"])


def _cache_key(display: str, text: str) -> str:
    from importlib.resources import files

    from .. import cache

    schema = files("tonecheck").joinpath("schemas/brand.schema.json").read_bytes()
    return cache.key("brand-guide", display, text, schema, _CACHE_VERSION)


def load_brand(path: str, engine, warn: Callable[[str], None] | None = None) -> BrandGuide:
    """Read, validate and compile the brand guide at `path`. Raises BrandError listing every problem.

    `warn`, when given, receives each warning as `warning: FILE:LINE: field: what`, before a BrandError is
    raised."""
    from .. import cache

    display = display_path(str(path))
    text = _read(path, display)
    k = _cache_key(display, text)
    hit = cache.load("brand", k)
    if isinstance(hit, tuple) and len(hit) == 2 and isinstance(hit[0], dict):
        data, warnings = hit
        _tell(warn, warnings)
        return BrandGuide(data, engine, path=str(path), warnings=list(warnings))
    data, root = _parse(text, display)
    _check_size(data, display)
    problems, warnings = validate(data, root, display)
    if root is not None:
        warnings += duplicate_keys(root, display)
    _tell(warn, warnings)
    if problems:
        raise BrandError(problems, warnings)
    guide = BrandGuide(data, engine, path=str(path), warnings=warnings)
    cache.store("brand", k, (data, list(warnings)))     # after compiling: a guide that fails to compile is not kept
    return guide


def _tell(warn: Callable[[str], None] | None, warnings: list[str]) -> None:
    if warn:
        for w in warnings:
            warn(f"warning: {w}")
