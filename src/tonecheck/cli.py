"""The `tonecheck` command: check files (the default), list and explain rules, write starter files.

    tonecheck draft.eml                       check one draft (also folders, several files, "-" for stdin)
    tonecheck --brand brand.yml --format json PATH...
    tonecheck rules                           every rule: id, category, severity, summary
    tonecheck explain RULE                    its rationale and its bad/good examples

Exit codes: 0 nothing at or above --fail-on; 1 findings; 2 an error (bad option, unreadable, malformed or too
large input, a file too complex to check within its time budget, invalid config or brand guide) — the other files
are still checked and reported.
"""
from __future__ import annotations

import os
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
    """Lint outgoing customer communication before it is sent.

    \b
    tonecheck PATH...        is short for  tonecheck check PATH...
    tonecheck check --help   lists the options for checking (--brand, --format, --select, --fix, ...)
    Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 a file or option could not be used."""


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
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Use this tonecheck.toml / pyproject.toml.")
@click.option("-q", "--quiet", is_flag=True, help="One line per finding, no source, no summary.")
@click.option("--statistics", is_flag=True, help="Show how often each rule fired.")
@click.option("--no-color", is_flag=True, help="No colour, even on a terminal.")
@click.option("--stdin-filename", help="The name to report for standard input (also picks its reader by extension).")
@click.option("--fix", is_flag=True, help="Apply terminology substitutions in .md, .html and .txt files.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for many files (default: the number of cores); output order never changes.")
@click.option("--model/--no-model", "use_model", default=None,
              help="Run the learned sentence model's rules too (rules/model.yml; the default, config: model = "
                   "false turns them off), or run the phrase rules alone (faster).")
@click.option("--time-budget", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="CPU seconds to read and check one file before it is skipped as too complex (default: 2; "
                   "0: no limit).")
def check_cmd(paths, brand, fmt, output, select, ignore, fail_on, config_file, quiet, statistics, no_color,
              stdin_filename, fix, jobs, use_model, time_budget):
    """Check drafts, web pages and folders of them."""
    from .config import ConfigError
    from .rules import RuleError
    from .runner import UsageProblem, collect_paths

    runner = _make_runner(config_file, brand, select, ignore, time_budget, use_model)
    files, missing = collect_paths(list(paths))
    color = wants_color(no_color, output, fmt, sys.stdout.isatty(), os.environ)
    report = _Report(fmt, output, dict(color=color, quiet=quiet, statistics=statistics), fix)
    report.recheck = runner.check_one
    try:
        for res in missing:
            report.take(res)
        results = _check_all(runner, files, stdin_filename, jobs, keep_document=fix or fmt in ("text", "html"))
        for res in _with_progress(results, len(files), output):
            report.take(res)
    except (UsageProblem, ConfigError, RuleError) as exc:
        _die(str(exc))
    report.finish(runner, files)
    _print_file_errors_and_notes(report.summaries)
    if any(s.error for s in report.summaries):
        sys.exit(EXIT_ERROR)
    threshold = fail_on or (runner.config_for(files[0]).fail_on if files else "warning")
    sys.exit(EXIT_FINDINGS if _fails(report.summaries, threshold) else EXIT_OK)


PROGRESS_MIN_FILES = 20


def _with_progress(results, n: int, output: str | None):
    """The results, with a progress bar on standard error when a person watches it and the report goes elsewhere
    (a file, a pipe): a long audit is otherwise silent. Never mixed into a report on the same terminal."""
    if n < PROGRESS_MIN_FILES or not sys.stderr.isatty() or (output is None and sys.stdout.isatty()):
        yield from results
        return
    with click.progressbar(results, length=n, label="checking", file=sys.stderr, show_pos=True) as bar:
        yield from bar


def wants_color(no_color: bool, output: str | None, fmt: str, is_tty: bool, env) -> bool:
    """Colour only for the text format on a terminal, and never with --no-color or NO_COLOR set (no-color.org:
    any non-empty value)."""
    return not no_color and not env.get("NO_COLOR") and output is None and is_tty and fmt == "text"


def _make_runner(config_file, brand, select, ignore, time_budget=None, use_model=None):
    """The Runner for this invocation, with --select/--ignore/--model laid over the config; a bad config ends the
    run."""
    from .budget import DEFAULT_SECONDS
    from .config import ConfigError
    from .rules import RuleError
    from .runner import Runner

    overrides = {}
    if select:
        overrides["select"] = _split(select)
    if ignore:
        overrides["ignore"] = _split(ignore)
    if use_model is not None:
        overrides["model"] = use_model
    try:
        return Runner(config_file=config_file, brand=brand, overrides=overrides, warn=_warn,
                      time_budget=DEFAULT_SECONDS if time_budget is None else time_budget)
    except (ConfigError, RuleError) as exc:
        _die(str(exc))


def _warn(line: str) -> None:
    """A warning about the run's inputs (e.g. an unknown field in the brand guide), as it happens."""
    print(f"tonecheck: {line}", file=sys.stderr)


def _check_all(runner, files, stdin_filename, jobs, keep_document: bool):
    """Results for every file in order; standard input is read once and checked in its place."""
    if "-" in files:
        data = sys.stdin.buffer.read()
        return [runner.check_one(stdin_filename or "-", data=data, display=stdin_filename or "-")
                if p == "-" else runner.check_one(p) for p in files]
    return runner.check_files(files, jobs=jobs or os.cpu_count() or 1, keep_document=keep_document)


class _Report:
    """Writes results as they come. text, json and github are written file by file (a 100,000-draft audit keeps
    no findings in memory); sarif and html need the whole run, so their results are kept until `finish`."""

    def __init__(self, fmt: str, output: str | None, opts: dict, fix: bool):
        self.fmt, self.output, self.opts, self.fix = fmt, output, opts, fix
        self.stream = _stream(fmt, opts)
        try:
            self.sink = open(output, "w", encoding="utf-8") if output else sys.stdout
        except OSError as exc:
            _die(f"{output}: cannot write report: {exc.strerror}")
        self.results, self.summaries = [], []
        self.shown_problems: set[str] = set()
        self.recheck = None            # path -> FileResult: checks a file again after --fix changed it

    def take(self, res) -> None:
        """One file's result: its problems once each, its fixes applied, its findings written or kept."""
        from .report.text import summarise

        for line in res.problems:
            if line not in self.shown_problems:
                self.shown_problems.add(line)
                click.echo(f"tonecheck: {line}", err=True)
        if self.fix and res.document is not None:
            from .fix import apply_fixes
            lines = apply_fixes(res)
            for line in lines:
                click.echo(line, err=True)
            if self.recheck is not None and any(line.endswith("terminology fix(es)") for line in lines):
                res = self.recheck(res.path)        # report what remains after the fixes, and exit by that
        self.summaries.append(summarise(res))
        if self.stream is not None:
            self.sink.write(self.stream.result(res))
            self.sink.flush()
        else:
            self.results.append(res)

    def finish(self, runner, files) -> None:
        """The stream's closing part, or the whole sarif/html report; closes an output file."""
        if self.stream is not None:
            self.sink.write(self.stream.end(self.summaries))
        else:
            rules = list(runner.engine_for(runner.config_for(files[0] if files else ".")).all_rules.values()) \
                if self.fmt == "sarif" else ()
            self.sink.write(_render(self.fmt, self.results, rules=rules, **self.opts))
        if self.output:
            self.sink.close()


def _print_file_errors_and_notes(summaries) -> None:
    """After the report: one line per file that could not be checked, then the pipeline's notes."""
    from .nlp import NOTES

    for s in summaries:
        if s.error:
            click.echo(f"tonecheck: {s.path}: {s.error}", err=True)
    for note in dict.fromkeys(NOTES):
        click.echo(f"tonecheck: note: {note}", err=True)
    NOTES.clear()               # given for this run; a later run in the same process gets its own


def _brand_errors() -> tuple:
    from .brandguide.validate import BrandError
    return (BrandError,)


def _render(fmt, results, **opts) -> str:
    import importlib

    module = {"json": "json_format"}.get(fmt, fmt)
    mod = importlib.import_module(f"tonecheck.report.{module}")
    return mod.render(results, **opts)


def _stream(fmt, opts):
    import importlib

    if fmt not in ("text", "json", "github"):
        return None
    module = {"json": "json_format"}.get(fmt, fmt)
    return importlib.import_module(f"tonecheck.report.{module}").Stream(**opts)


def _fails(summaries, threshold: str) -> bool:
    from .model import SEVERITY_RANK

    if threshold == "never":
        return False
    level = SEVERITY_RANK[threshold]
    return any(SEVERITY_RANK[sev] >= level for s in summaries for (_, sev) in s.counts)


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


@main.command("check-rules")
@click.argument("dirs", nargs=-1, type=click.Path(file_okay=False))
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Check the rule_dirs of this tonecheck.toml / pyproject.toml (default: the one found from here).")
def check_rules_cmd(dirs, config_file):
    """Load rule packs and run their examples: every bad example must be flagged by its rule, every good one not.

    DIRS are pack folders (default: the configured rule_dirs; with none configured, the built-in packs). Exit 0
    when every example behaves, 1 when one does not, 2 when a pack cannot be loaded."""
    from pathlib import Path

    from .config import Config, ConfigError, config_for, load_config_file
    from .engine import Engine
    from .examples import run_examples
    from .rules import RuleError, builtin_rules_dir, load_rules

    try:
        cfg = load_config_file(config_file) if config_file else config_for(".")
        extra = [str(Path(d).resolve()) for d in dirs] or list(cfg.rule_dirs)
        rules = load_rules(extra)
        engine = Engine(Config(rule_dirs=tuple(extra)), rules=rules)
    except (ConfigError, RuleError) as exc:
        _die(str(exc))
    roots = [Path(d) for d in extra] or [builtin_rules_dir()]
    mine = [r for r in rules if any(Path(r.source).resolve().is_relative_to(root.resolve()) for root in roots)]
    failures = run_examples(engine, mine)
    for failure in failures:
        click.echo(str(failure))
    n = sum(len(r.examples["bad"]) + len(r.examples["good"]) for r in mine)
    click.echo(f"{len(mine)} rules, {n} examples: " + (f"{len(failures)} misbehave" if failures else "all behave"),
               err=True)
    sys.exit(EXIT_FINDINGS if failures else EXIT_OK)


@main.command("explain")
@click.argument("rule_id")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Also know the rules of this config's rule_dirs (default: the config found from here).")
def explain_cmd(rule_id, config_file):
    """Explain a rule: why it matters, and examples of what it flags and what it lets pass."""
    import textwrap

    from .config import ConfigError, config_for, load_config_file
    from .rules import RuleError, load_rules

    try:
        cfg = load_config_file(config_file) if config_file else config_for(".")
        rules = {r.id: r for r in load_rules(cfg.rule_dirs)}
    except (ConfigError, RuleError) as exc:
        _die(str(exc))
    rule = rules.get(rule_id)
    if rule is None:
        close = [r for r in rules if r.startswith(rule_id)]
        hint = f" Did you mean: {', '.join(close[:5])}?" if close else " Run `tonecheck rules` to list them."
        _die(f"unknown rule '{rule_id}'.{hint}")
    click.echo(f"{rule.id}  ({rule.category}, {rule.severity})\n")
    click.echo(textwrap.fill(" ".join(rule.rationale.split()), 88) + "\n")
    for line in _how_it_decides(rule):
        click.echo(textwrap.fill(line, 88))
    _echo_wording(rule, cfg)
    for label, key in (("Flagged", "bad"), ("Fine", "good")):
        click.echo(f"{label}:")
        for ex in rule.examples[key]:
            text = (ex if isinstance(ex, str) else ex["text"]).strip("\n")
            # as written: an email example keeps its lines, indented under the mark
            lines = text.split("\n")
            click.echo(f"  {'✗' if key == 'bad' else '✓'} {lines[0]}")
            for line in lines[1:]:
                click.echo(f"    {line}".rstrip())
        click.echo("")


def _slots_shown(template: str) -> str:
    """A wording template as a reader of `explain` should see it: each `{slot}` as ‹slot›."""
    import re

    return re.sub(r"\{([a-z_]+)\}", lambda m: "…" if m[1] == "match" else f"‹{m[1].replace('_', ' ')}›",
                  " ".join(template.split()))


def _how_it_decides(rule) -> list[str]:
    """Where the learned model or the dispute gate takes part in a rule's findings: what `--no-model` changes, and
    why a finding can come and go with the rest of the message."""
    lines = []
    if rule.model:
        m = rule.model
        where = f" ({m['grievance_threshold']} in a reply to a grievance)" if "grievance_threshold" in m else ""
        at = m.get("threshold", "at its trained threshold")
        lines.append(f"Decided by the learned model: a sentence it scores {at} or more for '{m['label']}'{where}, "
                     "where no other rule of the category has flagged it. "
                     "`--no-model` leaves the rule out.")
    if rule.model_veto:
        v = rule.model_veto
        lines.append(f"Checked by the learned model: a hit whose sentence it scores under {v['below']} for "
                     f"'{v['label']}' is dropped. `--no-model` keeps every hit.")
    if rule.in_disputes:
        lines.append("Only in a dispute: a reply to a grievance, or a message where another rule found defensive or "
                     "sarcastic words.")
    return [*lines, ""] if lines else []


def _echo_wording(rule, cfg) -> None:
    """What the rule says and advises (from its pack, the only source of wording), then what a user sees on the
    rule's first flagged example, so `explain` shows exactly the words of a real finding."""
    import textwrap

    def block(title: str, text: str) -> None:
        click.echo(title)
        click.echo(textwrap.indent(textwrap.fill(text, 84), "    ") + "\n")

    block("What it says:", _slots_shown(rule.message))
    if rule.suggestion:
        block("What to do instead:", _slots_shown(rule.suggestion))
    for name in rule.variants:
        message, suggestion = rule.wording(name)
        block(f"When {name.replace('-', ' ')}:", _slots_shown(message) + ("  " + _slots_shown(suggestion)
                                                                           if suggestion else ""))
    finding = _first_example_finding(rule, cfg)
    if finding is not None:
        block("On the first flagged example it says:", f"{finding.message}  {finding.suggestion}".strip())


def _first_example_finding(rule, cfg):
    """The finding the rule gives on its first bad example (None when it gives none)."""
    from .config import Config
    from .engine import Engine
    from .examples import findings_of

    engine = Engine(Config(select=(rule.id,), rule_dirs=cfg.rule_dirs))
    found = findings_of(engine, rule.id, rule.examples["bad"][0])
    return found[0] if found else None


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
    from .brandguide.starter import write_starter_files

    written, refused = write_starter_files(".")
    for name in written:
        click.echo(f"wrote {name}")
    for name in refused:
        click.echo(f"tonecheck: {name} already exists; not overwritten", err=True)
    if refused:
        sys.exit(EXIT_ERROR)


def _entry(argv: list[str] | None = None):
    """Run one command line (default: sys.argv[1:]) in standalone mode. tonecheck.entry calls it in-process, and
    `server start` hands it to the daemon, whose forked children call it with each client's argv."""
    main(args=argv, prog_name="tonecheck")


_KIND_NAMES = {bool: "true or false", (list, tuple): "a list", (int, float): "a number of seconds"}
WATCH_KEYS = {"url", "folders", "report_folder", "cafile", "starttls", "allow_plaintext", "password_command",
              "outbox", "pass_to", "fail_to", "idle_timeout", "poll_interval", "idle", "oauth2_token_command",
              "oauth2_token_timeout"}


@main.command("watch")
@click.argument("url", required=False)
@click.option("--folder", "folders", multiple=True, help="Folder to watch (repeatable; default: Drafts).")
@click.option("--report-folder", help="Folder the reports are appended to (default: Tonecheck).")
@click.option("--cafile", type=click.Path(dir_okay=False), help="Trust this CA (PEM) for the server's certificate.")
@click.option("--starttls", is_flag=True, default=None, help="imap://: upgrade the connection with STARTTLS.")
@click.option("--allow-plaintext", is_flag=True, default=None, help="imap:// without TLS (the password in clear).")
@click.option("--password-command", help="A command that prints the password (else $TONECHECK_IMAP_PASSWORD or "
                                         "~/.netrc).")
@click.option("--oauth2-token-command", help="OAuth2 instead of a password: a command that prints an access token "
                                             "(e.g. 'tonecheck auth microsoft ...'); run again when it is refused.")
@click.option("--oauth2-token-timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds the token command may take (default 30).")
@click.option("--brand", type=click.Path(dir_okay=False), help="Brand guide for every draft (default: by From).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this tonecheck.toml / "
                                                                               "pyproject.toml.")
@click.option("--outbox", help="Review workflow: the folder agents put drafts in to be checked.")
@click.option("--pass-to", help="Review workflow: where drafts that pass go.")
@click.option("--fail-to", help="Review workflow: where drafts that fail go.")
@click.option("--once", is_flag=True, help="Process what is waiting, then exit (for cron or a systemd timer).")
@click.option("--poll-interval", type=float, default=None, help="Seconds between polls without IDLE (default 30).")
@click.option("--no-idle", is_flag=True, default=None, help="Poll even where the server has IDLE.")
@click.option("-v", "--verbose", is_flag=True, help="Debug logging.")
def watch_cmd(url, folders, report_folder, cafile, starttls, allow_plaintext, password_command, oauth2_token_command,
              oauth2_token_timeout, brand, config_file, outbox, pass_to, fail_to, once, poll_interval, no_idle,
              verbose):
    """Check drafts in a shared IMAP mailbox as they are saved: a verdict keyword on each draft and a report
    message in the report folder.

    URL: imaps://user@host[:993], imap://user@host with --starttls, or plain imap:// with --allow-plaintext.
    The password comes from $TONECHECK_IMAP_PASSWORD, --password-command or ~/.netrc, never from the command line.
    Settings can also live in the config: the [watch] table of tonecheck.toml, or [tool.tonecheck.watch] in
    pyproject.toml (README: "A pre-send hook on a shared mailbox" lists the keys).
    """
    import logging

    from .config import ConfigError, config_for, load_config_file

    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, format="%(levelname)s %(message)s")
    for noisy in ("imaplib2",):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        cfg = load_config_file(config_file) if config_file else config_for(os.getcwd())
    except ConfigError as exc:
        _die(str(exc))
    spec, user, password, options = _watch_options(
        cfg, url=url, folders=folders, report_folder=report_folder, cafile=cafile, starttls=starttls,
        allow_plaintext=allow_plaintext, password_command=password_command, outbox=outbox, pass_to=pass_to,
        fail_to=fail_to, once=once, poll_interval=poll_interval, no_idle=no_idle,
        oauth2=(oauth2_token_command, oauth2_token_timeout))
    _run_watcher(cfg, brand, spec, user, password, options)
    sys.exit(EXIT_OK)


def _watch_options(cfg, *, url, folders, report_folder, cafile, starttls, allow_plaintext, password_command,
                   outbox, pass_to, fail_to, once, poll_interval, no_idle, oauth2=(None, None)):
    """(server spec, user, password, WatchOptions) from the command line over the config's watch table; any
    inconsistent or missing setting ends the run with a one-line error."""
    from pathlib import Path

    from .mailbox.connection import WatchUsageError, parse_url
    from .mailbox.oauth2 import resolve_login
    from .mailbox.watcher import WatchOptions

    table = dict(cfg.watch)
    unknown = sorted(set(table) - WATCH_KEYS)
    if unknown:
        _die(f"{cfg.path}: watch: unknown key(s): {', '.join(unknown)}")
    base = Path(cfg.path).parent if cfg.path else Path(".")

    def setting(value, key, kind=str):
        if value is not None and value != ():
            return value
        v = table.get(key)
        if v is not None and (not isinstance(v, kind) or (kind is not bool and isinstance(v, bool))):
            _die(f"{cfg.path}: watch: {key}: expected {_KIND_NAMES.get(kind, 'a string')}")
        return v

    url = setting(url, "url")
    if not url:
        _die("watch: no server: give a URL (imaps://user@host) or set url in the config's [watch] table")
    folder_list = tuple(folders) or tuple(setting(None, "folders", (list, tuple)) or ())
    if not all(isinstance(f, str) for f in folder_list):
        _die(f"{cfg.path}: watch: folders: expected a list of folder names")
    cafile = cafile or (str(base / table["cafile"]) if isinstance(table.get("cafile"), str) else None)
    outbox, pass_to, fail_to = (setting(outbox, "outbox"), setting(pass_to, "pass_to"),
                                setting(fail_to, "fail_to"))
    _check_review_folders(outbox, pass_to, fail_to)
    idle = setting(None, "idle", bool)
    poll = setting(poll_interval, "poll_interval", (int, float))
    idle_timeout = setting(None, "idle_timeout", (int, float))
    try:
        spec = parse_url(url, starttls=bool(setting(starttls or None, "starttls", bool)),
                         allow_plaintext=bool(setting(allow_plaintext or None, "allow_plaintext", bool)),
                         cafile=cafile)
        user, password = resolve_login(spec, setting(password_command, "password_command"),
                                       setting(oauth2[0], "oauth2_token_command"),
                                       setting(oauth2[1], "oauth2_token_timeout", (int, float)))
    except WatchUsageError as exc:
        _die(f"watch: {exc}")
    options = WatchOptions(
        folders=folder_list or (() if outbox else ("Drafts",)),
        report_folder=setting(report_folder, "report_folder") or "Tonecheck",
        outbox=outbox, pass_to=pass_to, fail_to=fail_to, once=once,
        use_idle=not no_idle and idle is not False,
        **({"poll_interval": float(poll)} if poll else {}),
        **({"idle_timeout": float(idle_timeout)} if idle_timeout else {}),
    )
    if options.report_folder in options.watched:
        _die("watch: the report folder cannot be a watched folder")
    return spec, user, password, options


def _check_review_folders(outbox, pass_to, fail_to) -> None:
    """The review workflow needs an outbox and at least one destination, or neither."""
    if (pass_to or fail_to) and not outbox:
        _die("watch: --pass-to/--fail-to need --outbox (the folder drafts are moved from)")
    if outbox and not (pass_to or fail_to):
        _die("watch: --outbox needs --pass-to and/or --fail-to")


def _run_watcher(cfg, brand, spec, user, password, options) -> None:
    """Run the watcher once or until a signal; a connection, login or configuration problem ends the run with a
    one-line error after the watcher has shut down."""
    import dataclasses
    import logging
    import signal
    import threading

    from .config import ConfigError
    from .mailbox.connection import AuthError, CertificateError, ConnectError, ImapError
    from .mailbox.watcher import Watcher
    from .rules import RuleError
    from .runner import Runner, UsageProblem

    def build_runner():
        # the watch table may hold lists (unhashable); the engines are keyed by Config, and do not need it
        runner = Runner(base=dataclasses.replace(cfg, watch=()), brand=brand, warn=_warn)
        # build the rule engine once, before the first draft: it should not wait for it
        runner.check_path("warm-up.eml", data=b"From: a@example.com\nSubject: warm-up\n\nHello.\n")
        return runner

    once = options.once
    stop = threading.Event()
    watcher = Watcher(spec, user, password, build_runner, options, stop=stop)
    del password
    log = logging.getLogger("tonecheck.watch")
    if not once:
        def _graceful(signum, _frame):
            log.info("stopping (signal %d)", signum)
            stop.set()
        signal.signal(signal.SIGTERM, _graceful)
        signal.signal(signal.SIGINT, _graceful)
    log.info("watching %s on %s (reports to %s)%s", ", ".join(options.watched), spec, options.report_folder,
             "; once" if once else "")
    try:
        if once:
            s = watcher.run_once()
            log.info("done: %d checked (%d OK, %d warn, %d fail), %d report%s, %d moved, %d skipped", s.checked,
                     s.verdicts["ok"], s.verdicts["warn"], s.verdicts["fail"], s.reports,
                     "" if s.reports == 1 else "s", s.moved, s.skipped)
        else:
            watcher.run_forever()
    except (AuthError, CertificateError, ImapError, ConnectError) as exc:
        watcher.shutdown()
        _die(f"watch: {exc}")
    except (UsageProblem, ConfigError, RuleError, *_brand_errors()) as exc:
        watcher.shutdown()
        _die(str(exc))


@main.group("server")
def server_group():
    """A resident process that makes later runs start warm (opt-in; output and exit codes are unchanged).

    Every `tonecheck` run then hands its work to the server, which forks a warm child with the run's files,
    terminal, working directory and environment. TONECHECK_NO_SERVER=1 runs in-process anyway. The socket is
    $TONECHECK_SERVER_SOCKET, else $XDG_RUNTIME_DIR/tonecheck/server-<install>.sock, else
    /tmp/tonecheck-<uid>/server-<install>.sock (<install>: a short hash of where this tonecheck is installed).
    """


@server_group.command("start")
@click.option("--idle-timeout", type=click.FloatRange(min=0), default=60, show_default=True, metavar="MINUTES",
              help="Exit after this many minutes without a request (0: never).")
def server_start_cmd(idle_timeout):
    """Start the server in the background; return once it accepts connections."""
    from .resident.daemon import ServerError, start

    try:
        click.echo(start(idle_timeout, entry=_entry))
    except ServerError as exc:
        _die(f"server: {exc}")


@server_group.command("stop")
def server_stop_cmd():
    """Ask the server to exit, and wait until it has."""
    from .resident.daemon import ServerError, stop
    from .resident.protocol import socket_path

    try:
        line = stop()
    except ServerError as exc:
        _die(f"server: {exc}")
    click.echo(line or f"no tonecheck server running on {socket_path()}")


@server_group.command("status")
def server_status_cmd():
    """Show the server's pid, socket, version, uptime and requests served (exit 1: none running)."""
    from .resident.daemon import ServerError, status
    from .resident.protocol import socket_path

    try:
        st = status()
    except ServerError as exc:
        _die(f"server: {exc}")
    if not st:
        click.echo(f"no tonecheck server running on {socket_path()}")
        sys.exit(EXIT_FINDINGS)
    up = int(st.get("uptime", 0))
    click.echo(f"pid       {st['pid']}\nsocket    {st['socket']}\nversion   {st['version']}\n"
               f"uptime    {up // 3600}h {up % 3600 // 60:02d}m {up % 60:02d}s\nrequests  {st['requests']}\n"
               f"active    {len(st.get('active') or ())}")


from .audit.command import audit_cmd  # noqa: E402  (its own module: tonecheck audit, mbox and Maildir archives)

main.add_command(audit_cmd)

from .milter.command import milter_cmd  # noqa: E402  (its own package: tonecheck milter, the send gate for Postfix)

main.add_command(milter_cmd)

from .httpapi.command import serve_cmd  # noqa: E402  (its own package: tonecheck serve, the HTTP API)

main.add_command(serve_cmd)

from .mailbox.signin import auth_group  # noqa: E402  (tonecheck auth: OAuth2 sign-in for watch --oauth2-token-command)

main.add_command(auth_group)
