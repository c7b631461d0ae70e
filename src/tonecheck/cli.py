"""The `tonecheck` command: check files (the default), list and explain rules, write starter files.

    tonecheck draft.eml                       check one draft (also folders, several files, "-" for stdin)
    tonecheck --brand brand.yml --format json PATH...
    tonecheck rules                           every rule: id, category, severity, summary
    tonecheck explain RULE                    its rationale and its bad/good examples

Exit codes: 0 nothing at or above --fail-on; 1 findings; 2 an error (bad option, unreadable or malformed input,
invalid config or brand guide) — the other files are still checked and reported.
"""
from __future__ import annotations

import sys

import click

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class DefaultGroup(click.Group):
    """`tonecheck PATH...` means `tonecheck check PATH...`, as `ruff PATH` once meant `ruff check PATH`."""

    def parse_args(self, ctx, args):
        if not args:
            args = ["check", "--help"] if sys.stdin.isatty() else ["check", "-"]
        elif args[0] in ("--help", "-h", "--version"):
            pass
        elif args[0] not in self.commands:
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="tonecheck", message="%(prog)s %(version)s")
def main():
    """Lint outgoing customer communication before it is sent."""


def _split(values) -> tuple[str, ...]:
    out = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


@main.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option("--brand", "brand", type=click.Path(dir_okay=False), help="Brand guide (brand.yml) to check against.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "html"]), default="text",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--select", multiple=True, help="Only these rules (ids or prefixes, comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules (ids or prefixes, comma-separated).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Lowest severity that makes the exit code 1 (default: warning).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this tonecheck.toml / pyproject.toml.")
@click.option("-q", "--quiet", is_flag=True, help="One line per finding, no source, no summary.")
@click.option("--statistics", is_flag=True, help="Show how often each rule fired.")
@click.option("--no-color", is_flag=True, help="No colour, even on a terminal.")
@click.option("--stdin-filename", help="The name to report for standard input (also picks its reader by extension).")
@click.option("--fix", is_flag=True, help="Apply terminology substitutions in .md, .html and .txt files.")
def check_cmd(paths, brand, fmt, output, select, ignore, fail_on, config_file, quiet, statistics, no_color,
              stdin_filename, fix):
    """Check drafts, web pages and folders of them."""
    from .config import ConfigError
    from .rules import RuleError
    from .runner import FileResult, Runner, UsageProblem, collect_paths

    overrides = {}
    if select:
        overrides["select"] = _split(select)
    if ignore:
        overrides["ignore"] = _split(ignore)
    try:
        runner = Runner(config_file=config_file, brand=brand, overrides=overrides)
    except (ConfigError, RuleError) as exc:
        _die(str(exc))
    files, results = collect_paths(list(paths))
    brand_errors_shown: set[str] = set()
    for path in files:
        try:
            if path == "-":
                data = sys.stdin.buffer.read()
                res = runner.check_path(stdin_filename or "-", data=data, display=stdin_filename or "-")
            else:
                res = runner.check_path(path)
        except (UsageProblem, ConfigError, RuleError) as exc:
            _die(str(exc))
        except _brand_error() as exc:
            key = str(exc)
            if key not in brand_errors_shown:
                brand_errors_shown.add(key)
                for line in getattr(exc, "problems", None) or [key]:
                    click.echo(f"tonecheck: {line}", err=True)
            res = FileResult(path=path, error="brand guide is invalid (see above)")
        results.append(res)
        if fix and res.document is not None:
            from .fix import apply_fixes
            for line in apply_fixes(res):
                click.echo(line, err=True)

    for r in results:
        if r.error:
            click.echo(f"tonecheck: {r.path}: {r.error}", err=True)

    rules = list(runner.engine_for(runner.config_for(files[0] if files else ".")).all_rules.values()) \
        if fmt == "sarif" else ()
    color = (not no_color) and output is None and sys.stdout.isatty() and fmt == "text"
    text = _render(fmt, results, rules=rules, color=color, quiet=quiet, statistics=statistics)
    if output:
        try:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            _die(f"{output}: cannot write report: {exc.strerror}")
    else:
        click.echo(text, nl=False)

    if any(r.error for r in results):
        sys.exit(EXIT_ERROR)
    threshold = fail_on or (runner.config_for(files[0]).fail_on if files else "warning")
    sys.exit(EXIT_FINDINGS if _fails(results, threshold) else EXIT_OK)


def _brand_error():
    try:
        from .brand import BrandError
        return BrandError
    except ImportError:  # pragma: no cover - brand module always ships
        return ()


def _render(fmt, results, **opts) -> str:
    import importlib

    module = {"json": "json_format"}.get(fmt, fmt)
    mod = importlib.import_module(f"tonecheck.report.{module}")
    return mod.render(results, **opts)


def _fails(results, threshold: str) -> bool:
    from .model import SEVERITY_RANK

    if threshold == "never":
        return False
    level = SEVERITY_RANK[threshold]
    return any(SEVERITY_RANK[f.severity] >= level for r in results for f in r.findings)


def _die(message: str):
    click.echo(f"tonecheck: {message}", err=True)
    sys.exit(EXIT_ERROR)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False))
def rules_cmd(fmt, config_file):
    """List every rule: id, category, default severity, summary."""
    import json

    from .config import ConfigError, config_for, load_config_file
    from .rules import RuleError, load_rules

    try:
        cfg = load_config_file(config_file) if config_file else config_for(".")
        rules = load_rules(cfg.rule_dirs)
    except (ConfigError, RuleError) as exc:
        _die(str(exc))
    if fmt == "json":
        click.echo(json.dumps([{"id": r.id, "category": r.category, "severity": r.severity,
                                "summary": r.one_line} for r in rules], indent=2))
        return
    width = max(len(r.id) for r in rules)
    for r in rules:
        click.echo(f"{r.id:<{width}}  {r.category:<10}  {r.severity:<7}  {r.one_line}")


@main.command("explain")
@click.argument("rule_id")
def explain_cmd(rule_id):
    """Explain a rule: why it matters, and examples of what it flags and what it lets pass."""
    import textwrap

    from .rules import RuleError, load_rules

    try:
        rules = {r.id: r for r in load_rules()}
    except RuleError as exc:
        _die(str(exc))
    rule = rules.get(rule_id)
    if rule is None:
        close = [r for r in rules if r.startswith(rule_id)]
        hint = f" Did you mean: {', '.join(close[:5])}?" if close else " Run `tonecheck rules` to list them."
        _die(f"unknown rule '{rule_id}'.{hint}")
    click.echo(f"{rule.id}  ({rule.category}, {rule.severity})\n")
    click.echo(textwrap.fill(" ".join(rule.rationale.split()), 88) + "\n")
    if rule.suggestion:
        click.echo("What to do instead:")
        click.echo(textwrap.indent(textwrap.fill(" ".join(rule.suggestion.replace("{match}", "…").split()), 84), "    ") + "\n")
    for label, key in (("Flagged", "bad"), ("Fine", "good")):
        click.echo(f"{label}:")
        for ex in rule.examples[key]:
            text = ex if isinstance(ex, str) else ex["text"]
            first = " ".join(text.split())
            click.echo(f"  {'✗' if key == 'bad' else '✓'} {first[:200]}")
        click.echo("")


@main.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over standard input/output (the default and only transport).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Use this tonecheck.toml / pyproject.toml for every document.")
@click.option("--brand", "brand", type=click.Path(dir_okay=False), help="Brand guide to check every document against.")
def lsp_cmd(stdio, config_file, brand):
    """Language Server for editors: diagnostics as you type, quick fixes for terminology (stdio)."""
    try:
        from .lsp import serve
    except ImportError as exc:
        _die(f"the language server needs pygls: pip install 'tonecheck[lsp]' ({exc})")
    serve(config_file=config_file, brand=brand)


@main.command("init")
def init_cmd():
    """Write a commented starter brand.yml and tonecheck.toml here (never overwrites)."""
    from .brand import write_starter_files

    written, refused = write_starter_files(".")
    for name in written:
        click.echo(f"wrote {name}")
    for name in refused:
        click.echo(f"tonecheck: {name} already exists; not overwritten", err=True)
    if refused:
        sys.exit(EXIT_ERROR)


def _entry():  # python -m tonecheck
    main(prog_name="tonecheck")
