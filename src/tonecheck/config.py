"""Configuration: `tonecheck.toml`, or `[tool.tonecheck]` in `pyproject.toml`, found by walking up from a file.

Keys (all optional):

    select = ["commitment", "defensive"]     # rule ids or prefixes; default: every rule
    ignore = ["defensive.shouting"]
    fail_on = "warning"                      # error | warning | info | never
    rule_dirs = ["style/rules"]              # extra rule pack folders, relative to this file
    brand = "brand.yml"                      # the brand guide, relative to this file
    internal_domains = ["example.com"]       # mail between these domains is internal (next-step rule)
    model = false                            # the rules alone, without the learned sentence model (on by default)
    [severity]                               # per-rule (or prefix) severity override
    "commitment.no-time" = "info"
    [brands]                                 # shared mailbox: sender address or domain -> brand guide
    "support@brightwater.example" = "brands/brightwater.yml"
    [nlp]
    model = "en_core_web_sm"                 # a trained spaCy pipeline, used when installed
    attribute_severity = "info"              # findings in HTML alt/title text (default: advice, not warnings)
    [watch]                                  # `tonecheck watch` settings (see the watch command)
    [audit]                                  # `tonecheck audit`: from = ["@contoso.example"] (the team's mail)
    [milter]                                 # `tonecheck milter` settings (tonecheck.milter.settings)
    [serve]                                  # `tonecheck serve` settings (tonecheck.httpapi.settings)
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import SEVERITIES

FAIL_ON = ("error", "warning", "info", "never")
KNOWN_KEYS = {"select", "extend_select", "ignore", "fail_on", "rule_dirs", "brand", "internal_domains",
              "severity", "brands", "nlp", "watch", "audit", "jobs", "attribute_severity", "model", "milter",
              "serve"}


class ConfigError(Exception):
    """An invalid configuration; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    path: str | None = None                   # the file it came from
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    rule_dirs: tuple[str, ...] = ()
    brand: str | None = None
    brands: tuple[tuple[str, str], ...] = ()
    internal_domains: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    nlp_model: str | None = None
    watch: tuple[tuple[str, Any], ...] = ()
    audit: tuple[tuple[str, Any], ...] = ()   # the [audit] table (tonecheck.audit reads it)
    milter: tuple[tuple[str, Any], ...] = ()  # the [milter] table, read by tonecheck.milter.settings
    serve: tuple[tuple[str, Any], ...] = ()   # the [serve] table, read by tonecheck.httpapi.settings
    attribute_severity: str = "info"          # findings in HTML alt/title text: advice unless raised
    model: bool = True                        # the learned sentence model's rules (tonecheck.learned); --no-model


    def with_overrides(self, **kw) -> "Config":
        kw = {k: v for k, v in kw.items() if v is not None}
        return replace(self, **kw)

    def severity_for(self, rule_id: str, default: str) -> str:
        from .selectors import most_specific
        return most_specific(rule_id, self.severity, default)

    def brand_for_sender(self, sender: str | None) -> str | None:
        """The brand guide for a From address: exact address first, then its domain, then the default."""
        if sender:
            sender = sender.lower()
            domain = sender.rpartition("@")[2]
            table = {k.lower(): v for k, v in self.brands}
            if sender in table:
                return table[sender]
            if domain in table:
                return table[domain]
            if "@" + domain in table:
                return table["@" + domain]
        return self.brand


def _str_list(data: dict, key: str, where: str) -> tuple[str, ...]:
    v = data.get(key, [])
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ConfigError(f"{where}: {key}: expected a list of strings")
    return tuple(v)


def parse_config(data: dict, path: Path) -> Config:
    where = str(path)
    base = path.parent
    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s): {', '.join(unknown)}")
    fail_on = data.get("fail_on", "warning")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{where}: fail_on: must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    sev = data.get("severity", {})
    if not isinstance(sev, dict) or any(v not in SEVERITIES for v in sev.values()):
        raise ConfigError(f"{where}: severity: expected a table of rule = \"error\"|\"warning\"|\"info\"")
    brands = data.get("brands", {})
    if not isinstance(brands, dict) or not all(isinstance(v, str) for v in brands.values()):
        raise ConfigError(f"{where}: brands: expected a table of \"sender or domain\" = \"path/to/brand.yml\"")
    nlp = data.get("nlp", {})
    if not isinstance(nlp, dict) or not isinstance(nlp.get("model", ""), str):
        raise ConfigError(f"{where}: nlp: expected a table with model = \"pipeline name\"")
    brand = data.get("brand")
    if brand is not None and not isinstance(brand, str):
        raise ConfigError(f"{where}: brand: expected a path")
    watch = data.get("watch", {})
    if not isinstance(watch, dict):
        raise ConfigError(f"{where}: watch: expected a table")
    audit = data.get("audit", {})
    if not isinstance(audit, dict):
        raise ConfigError(f"{where}: audit: expected a table")
    milter = data.get("milter", {})
    if not isinstance(milter, dict):
        raise ConfigError(f"{where}: milter: expected a table")
    serve = data.get("serve", {})
    if not isinstance(serve, dict):
        raise ConfigError(f"{where}: serve: expected a table")
    attribute_severity = data.get("attribute_severity", "info")
    if attribute_severity not in SEVERITIES:
        raise ConfigError(f"{where}: attribute_severity: must be one of {', '.join(SEVERITIES)}")
    model = data.get("model", True)
    if not isinstance(model, bool):
        raise ConfigError(f"{where}: model: expected true or false")
    select = _str_list(data, "select", where) if "select" in data else None
    return Config(
        path=where,
        select=select,
        extend_select=_str_list(data, "extend_select", where),
        ignore=_str_list(data, "ignore", where),
        fail_on=fail_on,
        rule_dirs=tuple(str((base / d).resolve()) for d in _str_list(data, "rule_dirs", where)),
        brand=str((base / brand).resolve()) if brand else None,
        brands=tuple((k, str((base / v).resolve())) for k, v in brands.items()),
        internal_domains=tuple(d.lower().lstrip("@") for d in _str_list(data, "internal_domains", where)),
        severity=tuple(sev.items()),
        nlp_model=nlp.get("model") or None,
        watch=tuple((k, _frozen(v)) for k, v in watch.items()),
        audit=tuple((k, _frozen(v)) for k, v in audit.items()),
        milter=tuple((k, _frozen(v)) for k, v in milter.items()),
        serve=tuple((k, _frozen(v)) for k, v in serve.items()),
        attribute_severity=attribute_severity,
        model=model,
    )


def _frozen(value):
    """Lists and tables from TOML as tuples, so a Config stays hashable (engines are cached per Config)."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _frozen(v)) for k, v in value.items())
    return value


def load_config_file(path: str | Path) -> Config:
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("tonecheck", {})
    return parse_config(data, path.resolve())


@lru_cache(maxsize=256)
def find_config_file(start: str) -> str | None:
    """The nearest tonecheck.toml, or pyproject.toml with a [tool.tonecheck] table, from `start` upwards."""
    d = Path(start).resolve()
    if not d.is_dir():
        d = d.parent
    for folder in (d, *d.parents):
        cand = folder / "tonecheck.toml"
        if cand.is_file():
            return str(cand)
        cand = folder / "pyproject.toml"
        if cand.is_file():
            try:
                with open(cand, "rb") as fh:
                    if "tonecheck" in tomllib.load(fh).get("tool", {}):
                        return str(cand)
            except (OSError, tomllib.TOMLDecodeError):
                continue
    return None


@lru_cache(maxsize=64)
def _cached_load(path: str) -> Config:
    return load_config_file(path)


def config_for(path: str) -> Config:
    """The configuration that governs `path` (a default Config when none is found)."""
    found = find_config_file(os.path.abspath(path if path != "-" else "."))
    return _cached_load(found) if found else Config()


@lru_cache(maxsize=64)
def find_brand_file(start: str) -> str | None:  # callers pass absolute paths (cached by string)
    """A brand.yml beside the file or in a folder above it."""
    d = Path(start).resolve()
    if not d.is_dir():
        d = d.parent
    for folder in (d, *d.parents):
        for name in ("brand.yml", "brand.yaml"):
            cand = folder / name
            if cand.is_file():
                return str(cand)
    return None
