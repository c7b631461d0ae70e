"""Check files: find them, pick each one's configuration and brand guide, read, run the engine, collect errors.

One bad file never stops the run: its error is recorded as a FileResult with `error` set (one line, naming the
reason) and the other files are still checked.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import budget
from .config import Config, ConfigError, config_for, find_brand_file
from .model import Document, Finding, InputError
from .readers.kinds import EXTENSIONS

READ_EXTENSIONS = tuple(EXTENSIONS)     # what a folder walk picks up: every extension a reader reads



@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    document: Document | None = None
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)   # lines to show once (e.g. every problem of a brand guide)


class UsageProblem(Exception):
    """A whole-run problem (bad config, bad brand guide, unknown rule): exit 2 before checking."""


def collect_paths(paths: list[str]) -> tuple[list[str], list[FileResult]]:
    """Expand folders recursively to the files tonecheck reads; a missing path becomes an error result."""
    out: list[str] = []
    errors: list[FileResult] = []
    for p in paths:
        if p == "-":
            out.append(p)
        elif os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
                for f in sorted(files):
                    if f.lower().endswith(READ_EXTENSIONS):
                        out.append(os.path.join(root, f))
        elif os.path.exists(p):
            out.append(p)
        else:
            errors.append(FileResult(path=p, error="no such file or directory"))
    # a file named twice (itself and inside a folder) is checked once, where it first appears
    seen: set[str] = set()
    unique = []
    for p in out:
        key = p if p == "-" else os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique, errors


class Runner:
    """Holds one Engine per distinct configuration, so a run over many files builds each once.

    Each file gets `time_budget` seconds of CPU time to be read and checked (tonecheck.budget; None or 0: no
    limit); one that needs more is this file's error, "too complex to check in N s; skipped". Building an engine
    or loading a brand guide is not counted: they serve every file."""

    def __init__(self, base: Config | None = None, *, config_file: str | None = None, brand: str | None = None,
                 overrides: dict | None = None, warn: Callable[[str], None] | None = None,
                 time_budget: float | None = budget.DEFAULT_SECONDS):
        from .config import load_config_file

        self.fixed_config = load_config_file(config_file) if config_file else None
        self.base = base
        self.brand_override = str(Path(brand).resolve()) if brand else None
        self.overrides = overrides or {}
        self._engines: dict[Config, object] = {}
        self.warn = warn                  # receives each brand guide warning ("warning: FILE:LINE: …") once
        self._warned: set[str] = set()
        self.time_budget = time_budget

    def config_for(self, path: str) -> Config:
        cfg = self.fixed_config or self.base or config_for(path)
        return cfg.with_overrides(**self.overrides) if self.overrides else cfg

    def engine_for(self, cfg: Config):
        eng = self._engines.get(cfg)
        if eng is None:
            eng = _shared_engine(cfg)
            _warm(eng)
            self._engines[cfg] = eng
            from .nlp import pipeline_used
            pipeline_used(cfg.nlp_model)    # an engine shared from an earlier run still owes this run its notes
        return eng

    def brand_path(self, cfg: Config, document: Document) -> str | None:
        if self.brand_override:
            return self.brand_override
        chosen = cfg.brand_for_sender(document.context.sender)
        if chosen:
            return chosen
        if document.path != "-":
            return find_brand_file(document.path)
        return None

    def check_path(self, path: str, data: bytes | None = None, display: str | None = None,
                   kind: str | None = None) -> FileResult:
        """One file (or `data` read for it) checked within its budget; `kind` forces a reader (eml, txt, md, html)
        where the name cannot tell, e.g. a message taken out of an mbox archive."""
        from .readers import read_document

        shown = display or path
        try:
            cfg = self.config_for(path)
        except ConfigError as exc:
            raise UsageProblem(str(exc)) from None
        start = budget.cpu_now()
        try:
            with budget.limit(self.time_budget):
                document = read_document(path, data=data, kind=kind)
        except budget.TooComplex as exc:
            return FileResult(path=shown, error=str(exc))
        except InputError as exc:
            return FileResult(path=shown, error=str(exc))
        except OSError as exc:
            return FileResult(path=shown, error=exc.strerror or str(exc))
        document.path = shown
        return self.check_document(document, cfg, spent=budget.cpu_now() - start)

    def check_one(self, path: str, data: bytes | None = None, display: str | None = None,
                  kind: str | None = None) -> FileResult:
        """check_path that never raises for one file's sake: a broken brand guide or a failing check becomes
        this file's error. Whole-run problems (an invalid config) still raise UsageProblem."""
        from .brandguide.validate import BrandError
        from .rules import RuleError

        shown = display or path
        try:
            return self.check_path(path, data=data, display=display, kind=kind)
        except UsageProblem:
            raise
        except RuleError as exc:
            raise UsageProblem(str(exc)) from None
        except BrandError as exc:
            return FileResult(path=shown, error="the brand guide is invalid (see above)",
                              problems=list(getattr(exc, "problems", None) or [str(exc)]))
        except RecursionError:
            return FileResult(path=shown, error="too deeply nested to check")
        except Exception as exc:  # a bug in a check must not cost the user the other files or show a traceback
            return FileResult(path=shown, error=f"internal error while checking ({type(exc).__name__}: {exc}); "
                                                 "please report it")

    def check_files(self, files: list[str], jobs: int = 1, keep_document: bool = True):
        """Results for `files` in their order; with jobs > 1, worker processes forked after the engine is built.

        keep_document=False drops each result's Document (its text, source map and source text) once the file is
        checked, for reports that only need the findings (json, sarif, github): less to send back from a worker
        and less to hold for a run over many files."""
        jobs = max(1, min(jobs, len(files)))
        if jobs == 1 or len(files) < 2 * jobs or "-" in files:
            for path in files:
                yield _slim(self.check_one(path), keep_document)
            return
        global _WORKER_KEEP
        # the first file is checked here, before the fork: the engine, the brand guide, the check modules and
        # every lazily built table then exist once, shared copy-on-write by the workers
        yield _slim(self.check_one(files[0]), keep_document)
        _WORKER_KEEP = keep_document
        rest = files[1:]
        chunk = max(1, min(64, len(rest) // (jobs * 8)))
        yield from self.map_forked(_check_in_worker, rest, jobs, chunk)

    def map_forked(self, func: Callable[["Runner", object], object], items, jobs: int, chunksize: int = 1,
                   recycle_after: int | None = None):
        """func(self, item) for each of `items` (any iterable, read as the workers need more), results in order,
        in `jobs` worker processes forked from this one. Build the engine first (engine_for, or check one item
        here): the workers then share it copy-on-write. Memory stays flat over a long stream: the pool reads
        ahead only as far as its pipe to the workers holds, and with `recycle_after` each worker is replaced by a
        fresh fork after that many chunks (what a check leaves behind, e.g. every new word in spaCy's vocabulary,
        goes with it)."""
        import multiprocessing

        global _WORKER_CALL
        _WORKER_CALL = (self, func)
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs, maxtasksperchild=recycle_after) as pool:
            yield from pool.imap(_call_in_worker, items, chunksize=chunksize)

    def check_document(self, document: Document, cfg: Config | None = None, spent: float = 0.0) -> FileResult:
        """The findings for a Document read already (`spent`: CPU seconds of its budget that reading took)."""
        cfg = cfg or self.config_for(document.path)
        engine = self.engine_for(cfg)
        brand = self._brand_guide(engine, cfg, document)
        try:
            with budget.limit(self.time_budget, spent):
                findings = engine.check(document, brand=brand)
        except budget.TooComplex as exc:
            return FileResult(path=document.path, error=str(exc))
        except RecursionError:          # e.g. the stdlib's address parser on a thousand nested comments
            return FileResult(path=document.path, error="too deeply nested to check")
        except InputError as exc:       # e.g. a suppression naming no rule: this file's error, the others go on
            return FileResult(path=document.path, error=str(exc))
        return FileResult(path=document.path, findings=findings, document=document, notes=list(document.warnings))

    def _brand_guide(self, engine, cfg: Config, document: Document):
        """The document's compiled brand guide (or None); its warnings go to `warn`, each once per Runner (a
        guide serves many files)."""
        from .brandguide.validate import BrandError

        try:
            guide = engine.brand_guide(self.brand_path(cfg, document))
        except BrandError as exc:
            self._tell(exc.warnings)
            raise
        if guide is not None:
            self._tell(guide.warnings)
        return guide

    def _tell(self, warnings: list[str]) -> None:
        for w in warnings:
            line = f"warning: {w}"
            if self.warn is not None and line not in self._warned:
                self._warned.add(line)
                self.warn(line)


# Engines built in this process, shared by every Runner: `tonecheck server` builds the default one before it forks,
# so each request's Runner starts with it. Keyed by the Config and the bytes of its extra rule packs (an equal
# Config over an edited pack is another engine); a few at most, the least recently used dropped.
_ENGINES: dict[tuple, object] = {}
_ENGINES_MAX = 8


def _shared_engine(cfg: Config):
    """An Engine for `cfg`: a shallow copy of the shared one, with brand guides of its own (the Engine caches them
    by path, and a guide may be edited between two Runners), so sharing changes nothing a Runner can observe."""
    import copy
    import hashlib

    from .engine import Engine

    try:
        h = hashlib.sha256()
        for d in cfg.rule_dirs:
            for pack in sorted(Path(d).glob("*.y*ml")):
                h.update(str(pack).encode("utf-8", "surrogateescape") + b"\0" + pack.read_bytes() + b"\0")
        key = (cfg, h.hexdigest())
    except OSError:                     # an unreadable pack: not shared; Engine() reports it
        return Engine(cfg)
    base = _ENGINES.pop(key, None)
    if base is None:
        base = Engine(cfg)
        while len(_ENGINES) >= _ENGINES_MAX:
            _ENGINES.pop(next(iter(_ENGINES)))
    _ENGINES[key] = base
    eng = copy.copy(base)
    eng._brands = {}
    return eng


_WARMED = False


def _warm(engine) -> None:
    """Check a short draft once per process, outside any budget: the first check builds lazy word lists and
    tables (module-wide), and a budget that stopped it half-way would leave them half-built for the files after
    it. A process forked from a warm one (the server's children, --jobs workers) is warm already."""
    global _WARMED
    if _WARMED:
        return
    try:
        engine.check_text("Hi Sam,\n\nThanks for your order. We will reply by Friday.\n\nBest,\nAnn\n")
    except Exception:  # noqa: BLE001 - a broken check is reported on the first real file
        pass
    _WARMED = True


_WORKER_CALL: tuple | None = None     # (runner, func) for map_forked's workers, set just before the fork
_WORKER_KEEP = True


def _slim(res: FileResult, keep_document: bool) -> FileResult:
    if not keep_document:
        res.document = None
    return res


def _call_in_worker(item):
    runner, func = _WORKER_CALL
    return func(runner, item)


def _check_in_worker(runner: Runner, path: str) -> FileResult:
    return _slim(runner.check_one(path), _WORKER_KEEP)
