"""One warm checker per server process: the Runners (and through them the shared Engines) that answer requests.

Why: a request names a brand guide and rules to add or leave out; each combination is a Runner over the server's
config (tonecheck.runner), kept for the next request like it, so its engine and compiled brand guide are built
once. Engines themselves are shared by every Runner of the process (runner._shared_engine), and the server builds
the default one before it forks its workers, so every worker starts warm. Each check runs through
Runner.check_one: the same readers (a draft's quoted thread and signature are context, not judged), the same
per-file CPU time budget, the same one-line errors as the command line.
"""
from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass, replace

from .. import budget
from ..config import Config
from ..runner import FileResult, Runner
from ..selectors import known_selectors

log = logging.getLogger("tonecheck.serve")
MAX_RUNNERS = 16


class UnknownBrand(LookupError):
    """A request named a brand guide the server's config does not list."""


@dataclass(frozen=True)
class Selection:
    """Rules a request adds to the config's (`extend`), leaves out (`ignore`), or only wants (`only`)."""
    only: tuple[str, ...] | None = None
    extend: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


class Checker:
    def __init__(self, config: Config, brands: dict[str, str], time_budget: float | None = budget.DEFAULT_SECONDS):
        # the [serve], [watch] and [milter] tables may hold lists; engines are keyed by Config and need none of them
        self.config = replace(config, serve=(), watch=(), milter=())
        self.brands = dict(brands)
        self.time_budget = time_budget
        self._runners: OrderedDict[tuple, Runner] = OrderedDict()
        engine = self.runner(None, Selection()).engine_for(self.config)
        self.rules = dict(engine.all_rules)
        self._known = known_selectors(self.rules)
        self._categories = {r.category.upper().replace("-", "_"): r.category for r in self.rules.values()}

    def warm(self) -> None:
        """Build the default engine and compile every named brand guide now (BrandError: the guide is invalid)."""
        for name in [None, *self.brands]:
            runner = self.runner(name, Selection())
            engine = runner.engine_for(self.config)
            engine.brand_guide(runner.brand_override)

    def brand_path(self, name: str | None) -> str | None:
        if not name:
            return None
        try:
            return self.brands[name]
        except KeyError:
            known = ", ".join(sorted(self.brands)) or "none are configured"
            raise UnknownBrand(f"unknown brand {name!r} (the server knows: {known})") from None

    def selection(self, enabled=(), disabled=(), enabled_categories=(), disabled_categories=(),
                  enabled_only: bool = False) -> Selection:
        """tonecheck selectors from LanguageTool's rule and category lists; ids tonecheck does not have (a
        client's own LanguageTool rules, e.g. WHITESPACE_RULE) are ignored, as LanguageTool ignores unknown ids."""
        def known(ids, cats):
            sels = [i for i in ids if i in self._known]
            sels += [self._categories[c.upper()] for c in cats if c.upper() in self._categories]
            return tuple(dict.fromkeys(sels))

        on, off = known(enabled, enabled_categories), known(disabled, disabled_categories)
        if enabled_only:
            return Selection(only=on, ignore=off)
        return Selection(extend=on, ignore=off)

    def runner(self, brand: str | None, sel: Selection) -> Runner:
        path = self.brand_path(brand)
        key = (path, sel)
        found = self._runners.pop(key, None)
        if found is None:
            cfg = self.config
            overrides = {"extend_select": cfg.extend_select + sel.extend, "ignore": cfg.ignore + sel.ignore}
            if sel.only is not None:
                overrides["select"] = sel.only
            found = Runner(base=cfg, brand=path, overrides=overrides, warn=log.warning,
                           time_budget=self.time_budget)
            while len(self._runners) >= MAX_RUNNERS:
                self._runners.popitem(last=False)
        self._runners[key] = found
        return found

    def check(self, data: bytes, kind: str, brand: str | None = None, sel: Selection = Selection()) -> FileResult:
        """Check one draft. The path "-" keeps the Runner from looking for a brand.yml near the server's folder:
        the guide is the one named, else the config's (by sender, then its default)."""
        if sel.only == ():
            return FileResult(path="-")         # only rules tonecheck does not have: nothing to find
        return self.runner(brand, sel).check_one("-", data=data, display="-", kind=kind)
