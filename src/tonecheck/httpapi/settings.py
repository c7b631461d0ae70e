"""The [serve] table of tonecheck.toml (or [tool.tonecheck.serve] in pyproject.toml), checked once at start.

    [serve]
    host = "127.0.0.1"                # a non-loopback host needs an API key (see auth.py)
    port = 8081
    workers = 2                       # checking processes (default: the number of cores)
    max_request_bytes = 8000000       # larger requests are refused with 413
    api_key_file = "/etc/tonecheck/api-key"
    allow_origin = "*"                # CORS: which web pages may read answers ("" for none)
    [serve.brands]                    # brand guides a request may name: "brand": "acme" (v1) or brand=acme (v2)
    acme = "brands/acme.yml"
    [serve.issue_types]               # severity -> LanguageTool issueType (the colour a client underlines with)
    info = "style"

Why apart from the app: a bad table must stop `tonecheck serve` before it listens, with one line naming the key,
as every other config problem does (exit 2).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config, ConfigError
from ..model import SEVERITIES
from .ltshape import ISSUE_TYPES

KEYS = {"host", "port", "workers", "max_request_bytes", "api_key_file", "allow_origin", "brands", "issue_types"}
DEFAULT_MAX_REQUEST = 8_000_000


@dataclass(frozen=True)
class ServeSettings:
    host: str | None = None
    port: int | None = None
    workers: int | None = None
    max_request_bytes: int = DEFAULT_MAX_REQUEST
    api_key_file: str | None = None
    allow_origin: str = "*"
    brands: dict = field(default_factory=dict)          # name -> absolute path of the guide
    issue_types: dict = field(default_factory=dict)     # severity -> issueType


def read_settings(cfg: Config) -> ServeSettings:
    """The [serve] table of `cfg`, paths made absolute against the config file; ConfigError names a bad key."""
    table = dict(cfg.serve)
    where = f"{cfg.path or 'config'}: serve"
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s): {', '.join(unknown)}")
    base = Path(cfg.path).parent if cfg.path else Path(os.getcwd())

    def number(key: str, low: int):
        v = table.get(key)
        if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < low):
            raise ConfigError(f"{where}: {key}: expected a whole number of at least {low}")
        return v

    def text(key: str):
        v = table.get(key)
        if v is not None and not isinstance(v, str):
            raise ConfigError(f"{where}: {key}: expected a string")
        return v

    brands = _pairs(table.get("brands", ()), f"{where}.brands", "\"name\" = \"path/to/brand.yml\"")
    types = _pairs(table.get("issue_types", ()), f"{where}.issue_types", "severity = \"issue type\"")
    for sev, kind in types.items():
        if sev not in SEVERITIES or kind not in ISSUE_TYPES:
            raise ConfigError(f"{where}.issue_types: {sev} = {kind!r}: expected one of {', '.join(SEVERITIES)} = "
                              f"a LanguageTool issue type ({', '.join(ISSUE_TYPES[:4])}, ...)")
    key_file = text("api_key_file")
    return ServeSettings(
        host=text("host"), port=number("port", 0), workers=number("workers", 1),
        max_request_bytes=number("max_request_bytes", 1024) or DEFAULT_MAX_REQUEST,
        api_key_file=str((base / key_file).resolve()) if key_file else None,
        allow_origin=text("allow_origin") if "allow_origin" in table else "*",
        brands={name: str((base / path).resolve()) for name, path in brands.items()},
        issue_types=types,
    )


def _pairs(value, where: str, shape: str) -> dict:
    """A TOML table as kept in a Config (pairs), each value a string."""
    try:
        pairs = dict(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: expected a table of {shape}") from None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in pairs.items()):
        raise ConfigError(f"{where}: expected a table of {shape}")
    return pairs
