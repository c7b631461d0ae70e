"""The public Python API: check a string or a raw email and get the findings `tonecheck --format json` gives.

    import tonecheck
    findings = tonecheck.check_text("We will get back to you ASAP.")            # list[tonecheck.Finding]
    findings = tonecheck.check_message(raw_bytes, brand="brand.yml")           # an RFC 5322 message (.eml)
    [f.to_json() for f in findings]                                            # the CLI's JSON objects

Both run the CLI's own path (tonecheck.runner.Runner: the same reader, engine, brand guide and per-message CPU
budget), so the findings are equal to the CLI's for the same input, configuration and brand guide. `config` is a
path to a tonecheck.toml / pyproject.toml or a tonecheck.config.Config; None means the built-in defaults (unlike
the CLI, nothing is looked up from the working directory). Input that cannot be checked raises
tonecheck.InputError with the one-line reason the CLI prints; a bad config or brand guide raises
tonecheck.UsageError. For parallel work use processes (Dask's process workers, multiprocessing), not threads: the
engine is not made for concurrent calls; each process builds its own once, on first use.
"""
from __future__ import annotations

import os
import threading

from .model import Finding, InputError

__all__ = ["check_text", "check_message", "InputError", "UsageError"]

_RUNNERS: dict[tuple, object] = {}
_LOCK = threading.Lock()


class UsageError(Exception):
    """The configuration or brand guide given cannot be used (the CLI's exit code 2 before any file)."""


def check_text(text: str, *, kind: str = "txt", brand: str | os.PathLike | None = None, config=None,
               name: str = "-") -> list[Finding]:
    """The findings for `text` read as `kind` ("txt", "md", "html" or "eml"); `name` is the path they carry."""
    if not isinstance(text, str):
        raise TypeError("check_text takes a str; use check_message for raw bytes")
    return _check(text.encode("utf-8"), kind, brand, config, name)


def check_message(raw: bytes, *, brand: str | os.PathLike | None = None, config=None,
                  name: str = "-") -> list[Finding]:
    """The findings for one raw RFC 5322 message (as read from a .eml file, an mbox or a Maildir)."""
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise TypeError("check_message takes bytes (the raw message)")
    return _check(bytes(raw), "eml", brand, config, name)


def _check(data: bytes, kind: str, brand, config, name: str) -> list[Finding]:
    from .runner import UsageProblem

    runner = _runner(config, brand)
    try:
        result = runner.check_one(name, data=data, display=name, kind=kind)
    except UsageProblem as exc:
        raise UsageError(str(exc)) from None
    if result.error:
        problems = "; ".join(result.problems)
        raise InputError(result.error + (f": {problems}" if problems else ""))
    return list(result.findings)


def _runner(config, brand):
    """One Runner per (config, brand guide and its modification time) in this process: the engine and the compiled
    brand guide are built once, and an edited guide is read again."""
    from .config import Config, ConfigError, load_config_file
    from .runner import Runner

    brand_path = os.path.abspath(os.fspath(brand)) if brand is not None else None
    try:
        stamp = os.stat(brand_path).st_mtime_ns if brand_path else None
    except OSError:
        stamp = None
    if config is not None and not isinstance(config, Config):
        config = os.path.abspath(os.fspath(config))
    key = (config, brand_path, stamp)
    with _LOCK:
        runner = _RUNNERS.get(key)
        if runner is None:
            try:
                base = load_config_file(config) if isinstance(config, str) else (config or Config())
            except ConfigError as exc:
                raise UsageError(str(exc)) from None
            runner = Runner(base=base, brand=brand_path)
            _RUNNERS[key] = runner
    return runner
