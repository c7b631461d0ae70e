"""What the server builds once, before it forks, and what each child forgets again.

Why apart from the daemon: this is the part that knows tonecheck's modules (pipeline, engine, readers, reports,
per-process lookup caches); the daemon only knows processes and the protocol.
"""
from __future__ import annotations

SAMPLES = {
    "eml": b"From: Care Team <care@example.com>\nTo: alex@example.net\nSubject: Re: your order\n"
           b"Date: Tue, 24 Nov 2026 10:05:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n"
           b"Hi Alex,\n\nPer my last email, we will get back to you soon. Obviously this is not our fault!!\n"
           b"Unfortunately the refund could take a while, but we'll look into it ASAP and keep you posted.\n\n"
           b"Best,\nRiley\n\nOn Mon, Alex wrote:\n> Where is my refund?\n",
    "txt": b"Hi Sam,\n\nThanks for writing. I understand how frustrating this is. I will call you by Friday at 3pm "
           b"to confirm the new delivery date, which should hopefully be next week or so.\n\nBest,\nRiley\n",
    "md": b"---\ntitle: Pricing\n---\n# Pricing\n\nOur revolutionary, best-in-class platform is simply the "
          b"easiest way to do it. Just sign up!\n\n- Fast\n- Easy\n",
    "html": b"<!doctype html><html><body><h1>Support</h1><p>We guarantee a reply within 2 hours. "
            b"<img alt='Click here' src='x.png'></p></body></html>",
}

# not imported by the warm-up: optional extras, server mode itself, and the front ends (the module of the entry
# function handed to the daemon is loaded already; the others are never run by a child)
SKIPPED = ("tonecheck.lsp", "tonecheck.mailbox", "tonecheck.resident", "tonecheck.__main__", "tonecheck.cli",
           "tonecheck.entry", "tonecheck.httpapi")


def warm_up() -> None:
    """Import everything a run uses and build the pipeline and the default Engine, and run each reader, check and
    report once (their lazily built tables), so children inherit all of it. Nothing here depends on a user's
    files: only the default Config, no config file lookups, no brand guide files."""
    import gc

    _import_modules()
    from ..brandguide.compile import compile_brand
    from ..brandguide.validate import schema_validator
    from ..config import Config
    from ..nlp import get_nlp
    from ..runner import Runner

    get_nlp()
    runner = Runner(base=Config())
    engine = runner.engine_for(Config())
    schema_validator()
    guide = compile_brand({"name": "Warm-up", "terminology": [{"use": "sign in", "instead_of": ["login"]}],
                           "banned": ["revolutionary"]}, engine)
    # every rule's bad examples: each rule's code path runs once, and builds what it builds on first use
    for rule in engine.rules:
        for ex in rule.examples.get("bad", ()):
            try:
                text = ex if isinstance(ex, str) else ex["text"]
                brand = compile_brand(ex["brand"], engine) if isinstance(ex, dict) and ex.get("brand") else guide
                engine.check_text(text, kind=None if isinstance(ex, str) else ex.get("kind"), brand=brand)
            except Exception:       # a warm-up miss costs a little speed, never the start
                pass
    _render_samples(engine, guide)
    gc.collect()
    gc.freeze()                 # children never scan (and so never copy) what the parent built


def _import_modules() -> None:
    """Every tonecheck module a run may import, and the optional libraries they use."""
    import importlib
    import pkgutil

    import tonecheck

    for mod in pkgutil.walk_packages(tonecheck.__path__, "tonecheck."):
        if not mod.name.startswith(SKIPPED):
            importlib.import_module(mod.name)
    for optional in ("charset_normalizer", "yaml", "jsonschema"):
        try:
            importlib.import_module(optional)
        except ImportError:
            pass


def _render_samples(engine, guide) -> None:
    """Read each sample kind and render it in each report format once: readers and reports build tables lazily."""
    import importlib
    import io

    from ..readers import read_document
    from ..report.text import summarise
    from ..runner import FileResult

    results = []
    for kind, data in SAMPLES.items():
        doc = read_document(f"warm-up.{kind}", data=data)
        results.append(FileResult(path=doc.path, findings=engine.check(doc, brand=guide), document=doc))
    for fmt in ("text", "json_format", "github", "sarif", "html"):
        mod = importlib.import_module(f"tonecheck.report.{fmt}")
        try:
            if hasattr(mod, "Stream"):
                s = mod.Stream(color=False, quiet=False, statistics=True)
                io.StringIO().write("".join(s.result(r) for r in results) + s.end([summarise(r) for r in results]))
            else:
                mod.render(results, rules=list(engine.all_rules.values()), color=False, quiet=False,
                           statistics=False)
        except Exception:       # a report's warm-up is an optimisation, never a reason not to start
            pass


def forget_lookups() -> None:
    """Per-process caches of lookups in the user's files: a child answers from the files as they are now."""
    from .. import config

    for fn in (config.find_config_file, config._cached_load, config.find_brand_file):
        fn.cache_clear()
