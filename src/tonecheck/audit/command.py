"""The `tonecheck audit` command: check every message of mbox files and Maildir folders sent by the team, write
one report (text, json or html), and exit 0 (nothing at or above --fail-on), 1 (findings) or 2 (an archive or a
message could not be read, or there was nothing to audit). Archives are only ever read."""
from __future__ import annotations

import functools
import os
import sys
import tempfile

import click

from ..archive import ArchiveError, count_messages, read_archive
from .record import AuditOptions, check_entry
from .summary import Summary
from .team import TeamFilter

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
CHUNK = 16                  # messages handed to a worker at a time
RECYCLE = 2_000             # messages a worker checks before a fresh fork replaces it
DETAIL = 2_000              # html: messages shown in full (the worst), so the page stays one a browser opens


@click.command("audit")
@click.argument("archives", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True,
              help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--from", "team", multiple=True, metavar="ADDRESS|@DOMAIN",
              help="Only messages From these addresses or domains (repeatable, comma-separated; default: the config's "
                   "[audit] from, else every message).")
@click.option("--brand", type=click.Path(dir_okay=False), help="Brand guide for every message (default: by sender).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this tonecheck.toml / "
                                                                               "pyproject.toml.")
@click.option("--select", multiple=True, help="Only these rules (ids or prefixes, comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules (ids or prefixes, comma-separated).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Lowest severity that makes the exit code 1 (default: the config's, else warning).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--model/--no-model", "use_model", default=None,
              help="Run the learned sentence model's rules too (the default) or the phrase rules alone (several "
                   "times faster on large archives).")
@click.option("--time-budget", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="CPU seconds per message before it is skipped as too complex (default: 2; 0: no limit).")
@click.option("--detail", type=click.IntRange(min=0), default=DETAIL, show_default=True, metavar="N",
              help="html: show the N worst messages in full (0: every message with findings).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on standard error (default: when it is a terminal and the report goes elsewhere).")
def audit_cmd(archives, fmt, output, team, brand, config_file, select, ignore, fail_on, jobs, use_model,
              time_budget, detail, progress):
    """Audit mail archives (mbox files, Maildir folders): figures per sender, category and week, the worst
    messages, and every message's findings.

    \b
    tonecheck audit Sent.mbox --format html -o audit.html
    tonecheck audit ~/Maildir/.Sent --from @contoso.example --format json -o audit.json
    Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 an archive or message could not be read (it is
    named on standard error; every other message is still audited) or nothing to audit."""
    runner = _make_runner(config_file, brand, select, ignore, time_budget, use_model)
    cfg = _base_config(runner, archives[0])
    _refuse_output_in_archive(output, archives)
    team_filter = TeamFilter.parse(_split(team) or _config_team(cfg))
    summary = Summary(list(archives), team_filter.describe())
    options = AuditOptions(team=team_filter, html=fmt == "html")
    _prepare_engine(runner, cfg)
    with _ReportSink(output) as sink:
        report = _report(fmt, sink, detail)
        records = _records(runner, cfg, _entries(archives, summary), jobs or os.cpu_count() or 1, options)
        try:
            for rec in _with_progress(records, archives, progress, output):
                summary.add(rec)
                report.add(rec)
        except _usage_problems() as exc:           # e.g. a rule pack that fails to load: the whole run stops
            _die(str(exc))
        report.finish(summary)
    sys.exit(_exit_code(summary, fail_on or cfg.fail_on))


def _die(message: str):
    """One line on standard error and exit 2 (as the check command does; not imported from cli, which imports
    this module to register the command)."""
    click.echo(f"tonecheck: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _split(values) -> tuple[str, ...]:
    """Repeated and comma-separated option values as one tuple."""
    return tuple(x.strip() for v in values or () for x in v.split(",") if x.strip())


def _make_runner(config_file, brand, select, ignore, time_budget, use_model):
    """The Runner with --select/--ignore/--model laid over the config, as for `tonecheck check`."""
    from ..budget import DEFAULT_SECONDS
    from ..runner import Runner

    overrides = {k: v for k, v in (("select", _split(select)), ("ignore", _split(ignore)), ("model", use_model))
                 if v not in ((), None)}
    try:
        return Runner(config_file=config_file, brand=brand, overrides=overrides,
                      warn=lambda line: click.echo(f"tonecheck: {line}", err=True),
                      time_budget=DEFAULT_SECONDS if time_budget is None else time_budget)
    except _usage_problems() as exc:
        _die(str(exc))


def _usage_problems() -> tuple:
    from ..config import ConfigError
    from ..rules import RuleError
    from ..runner import UsageProblem

    return (UsageProblem, ConfigError, RuleError)


def _prepare_engine(runner, cfg) -> None:
    """Build the engine and load the brand guide (--brand or the config's) here, before the workers fork: they
    share both, a guide's warnings are shown once, and an invalid guide stops the run at once instead of failing
    every message."""
    from ..brandguide.validate import BrandError

    try:
        engine = runner.engine_for(cfg)
    except _usage_problems() as exc:
        _die(str(exc))
    path = runner.brand_override or cfg.brand
    if not path:
        return
    try:
        guide = engine.brand_guide(path)
    except BrandError as exc:
        runner._tell(exc.warnings)
        for line in exc.problems:
            click.echo(f"tonecheck: {line}", err=True)
        _die(f"{path}: the brand guide is invalid (see above)")
    if guide is not None:
        runner._tell(guide.warnings)


def _base_config(runner, first_archive: str):
    """The configuration every message is checked with: --config, else the one found from the first archive
    (looked up once, not once per message)."""
    from ..config import ConfigError

    if runner.fixed_config is None:
        try:
            runner.base = runner.config_for(first_archive)
        except ConfigError as exc:
            _die(str(exc))
    return runner.config_for(first_archive)


def _config_team(cfg) -> tuple[str, ...]:
    table = dict(cfg.audit)
    unknown = sorted(set(table) - {"from"})
    if unknown:
        _die(f"{cfg.path}: audit: unknown key(s): {', '.join(unknown)}")
    value = table.get("from", ())
    value = (value,) if isinstance(value, str) else value
    if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
        _die(f"{cfg.path}: audit: from: expected a list of addresses or @domains")
    return value


def _refuse_output_in_archive(output: str | None, archives) -> None:
    """The report may not replace an mbox or land inside a Maildir: an audit never writes to an archive."""
    if not output:
        return
    out = os.path.realpath(output)
    for a in archives:
        real = os.path.realpath(a)
        if out == real or (os.path.isdir(real) and out.startswith(real.rstrip(os.sep) + os.sep)):
            _die(f"{output}: refusing to write the report over or inside the archive {a}")


class _ReportSink:
    """Standard output, or a temporary file beside --output renamed over it once the report is complete (an
    interrupted audit leaves no half-written report)."""

    def __init__(self, output: str | None):
        self.output, self.tmp = output, None

    def __enter__(self):
        if not self.output:
            return sys.stdout
        folder = os.path.dirname(os.path.abspath(self.output))
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=".tonecheck-audit-", suffix=".part", dir=folder)
        except OSError as exc:
            _die(f"{self.output}: cannot write report: {exc.strerror}")
        self.fh = os.fdopen(fd, "w", encoding="utf-8")
        return self.fh

    def __exit__(self, exc_type, exc, tb):
        if not self.tmp:
            return False
        self.fh.close()
        if exc_type is None or (issubclass(exc_type, SystemExit) and not exc.code):
            os.chmod(self.tmp, 0o666 & ~_umask())
            os.replace(self.tmp, self.output)
        else:
            os.unlink(self.tmp)
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _report(fmt: str, sink, detail: int):
    from .output import JsonReport, TextReport

    if fmt == "json":
        return JsonReport(sink)
    if fmt == "html":
        from .html import HtmlReport
        return HtmlReport(sink, detail)
    return TextReport(sink)


def _entries(archives, summary: Summary):
    """Every entry of every archive in turn; an archive that cannot be read (or stops being readable half-way)
    is recorded in the summary and the next one is read."""
    for path in archives:
        try:
            yield from read_archive(path)
        except ArchiveError as exc:
            summary.archive_errors.append({"path": path, "error": str(exc)})
        except OSError as exc:
            summary.archive_errors.append({"path": path, "error": f"read error: {exc.strerror or exc}"})


def _records(runner, cfg, entries, jobs: int, options: AuditOptions):
    """The MessageRecord of every entry, in archive order, from `jobs` worker processes forked after the engine
    is built here (they share it). Even --jobs 1 checks in a worker: each worker is replaced every RECYCLE
    messages, because a process that checks grows with every new word it meets (spaCy's vocabulary keeps each
    one: about 1.5 MB per 1,000 messages of order numbers and names), and an archive can be any length."""
    check = functools.partial(check_entry, options=options)
    return runner.map_forked(check, entries, jobs, CHUNK, recycle_after=RECYCLE // CHUNK)


def _with_progress(records, archives, progress: bool | None, output: str | None):
    """The records, with a tqdm bar (count, rate, time left) on standard error when a person watches it and the
    report does not go to the same terminal. tqdm, not a bar of our own: spaCy depends on it already."""
    if progress is None:
        progress = sys.stderr.isatty() and not (output is None and sys.stdout.isatty())
    if not progress:
        yield from records
        return
    from tqdm import tqdm

    total = 0
    for a in archives:
        try:
            total += count_messages(a)
        except (ArchiveError, OSError):
            pass
    try:
        known = min(os.get_terminal_size(sys.stderr.fileno())) > 0
    except OSError:
        known = False
    # tqdm draws nothing on a terminal that reports no size (a fresh pseudo-terminal): assume 100 x 20 there
    size = {"dynamic_ncols": True} if known else {"ncols": 100, "nrows": 20}
    with tqdm(records, total=total or None, unit="msg", desc="auditing", file=sys.stderr, mininterval=0.5,
              **size) as bar:
        yield from bar


def _exit_code(summary: Summary, fail_on: str) -> int:
    """One line per archive or message that could not be read, a note when nothing was audited, then the code."""
    from ..model import SEVERITY_RANK

    for e in summary.archive_errors:
        click.echo(f"tonecheck: {e['path']}: {e['error']}", err=True)
    for e in summary.errors:
        click.echo(f"tonecheck: {e['path']}: {e['position']}: {e['error']}; skipped", err=True)
    if summary.archive_errors or summary.errors:
        return EXIT_ERROR
    if summary.seen == 0:
        click.echo(f"tonecheck: {', '.join(summary.archives)}: no messages to audit (empty archive)", err=True)
        return EXIT_ERROR
    if summary.checked.messages == 0:
        click.echo(f"tonecheck: no message is from the team ({summary.team}); nothing audited", err=True)
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_OK
    level = SEVERITY_RANK[fail_on]
    return EXIT_FINDINGS if any(SEVERITY_RANK[s] >= level for s, n in summary.by_severity.items() if n) \
        else EXIT_OK
