"""`tonecheck milter`: the enforcing send gate, as a command (cli.py only adds it to the group).

Exit codes: 0 stopped by a signal, 2 a setting, the config, the brand guide or the socket cannot be used (one line
on standard error, before anything is listened on).
"""
from __future__ import annotations

import logging
import os
import sys

import click

EXIT_ERROR = 2


def _die(message: str):
    click.echo(f"tonecheck: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.command("milter")
@click.option("--listen", help="unix:/run/tonecheck/milter.sock or inet:127.0.0.1:PORT (config: listen).")
@click.option("--action", type=click.Choice(["reject", "hold", "tag"]), default=None,
              help="What to do with mail that fails: reject it (5xx), hold it (Postfix's hold queue) or tag it "
                   "(X-Tonecheck headers). Default: reject.")
@click.option("--on-error", type=click.Choice(["continue", "tempfail"]), default=None,
              help="When the gate itself fails (timeout, overload, internal error): let the message through "
                   "(default) or tempfail it (4xx, the client retries).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Lowest severity that fails a message (default: the config's fail_on, else warning).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
              help="Wall-clock limit for one message, waiting for a free checker included (default 10).")
@click.option("--time-budget", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
              help="CPU seconds to read and check one message (default 2).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Checker processes (default: the number of cores).")
@click.option("--exempt-sender", "exempt_senders", multiple=True,
              help="Never check mail from this address or domain (repeatable).")
@click.option("--exempt-recipient", "exempt_recipients", multiple=True,
              help="Never check mail whose every recipient is this address or domain (repeatable).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this tonecheck.toml.")
@click.option("--brand", type=click.Path(dir_okay=False), help="Brand guide for every message (default: by sender).")
@click.option("-v", "--verbose", is_flag=True, help="Also log each message that passes.")
def milter_cmd(listen, action, on_error, fail_on, timeout, time_budget, jobs, exempt_senders, exempt_recipients,
               config_file, brand, verbose):
    """Check mail as it is submitted, in Postfix or Sendmail (a milter): reject, hold or tag mail with findings at
    or above fail_on. Settings also come from the [milter] table of tonecheck.toml (README: "A send gate in
    Postfix"). Any failure of the gate lets the message through untouched (or tempfails it with --on-error
    tempfail), with one log line."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="tonecheck milter: %(levelname)s %(message)s")
    logging.getLogger("tonecheck.milter").setLevel(logging.INFO if verbose else logging.WARNING)
    cfg = _load_config(config_file)
    settings = _settings(cfg, listen=listen, action=action, on_error=on_error, timeout=timeout,
                         time_budget=time_budget, jobs=jobs, exempt_senders=tuple(exempt_senders),
                         exempt_recipients=tuple(exempt_recipients))
    if brand and not os.path.isfile(brand):
        _die(f"--brand {brand}: no such file")
    try:
        from . import gate
    except ImportError as exc:
        _die(f"milter: pymilter is not installed ({exc}): pip install 'tonecheck[milter]' (needs Debian's "
             "libmilter-dev to build)")
    _run(gate, cfg, settings, brand, fail_on or cfg.fail_on)


def _load_config(config_file):
    from ..config import ConfigError, config_for, load_config_file

    try:
        return load_config_file(config_file) if config_file else config_for(os.getcwd())
    except ConfigError as exc:
        _die(str(exc))


def _settings(cfg, **cli):
    from .settings import SettingsError, build_settings, probe_listen

    try:
        settings = build_settings(dict(cfg.milter), cfg.path or "config", **cli)
        probe_listen(settings.listen)
        return settings
    except SettingsError as exc:
        _die(str(exc))


def _run(gate, cfg, settings, brand, fail_on) -> None:
    """Start the checkers, then serve until a signal; a checker or socket that cannot start ends with exit 2."""
    from .checker import CheckerSpec
    from .pool import CheckerPool, StartError

    base_dir = os.path.dirname(cfg.path) if cfg.path else os.getcwd()
    spec = CheckerSpec(config=cfg, brand=os.path.abspath(brand) if brand else None,
                       time_budget=settings.time_budget, internal_ignore=settings.internal_ignore, base_dir=base_dir)
    pool = CheckerPool(spec, settings.jobs)
    log = logging.getLogger("tonecheck.milter")
    try:
        pool.start()
        click.echo(f"tonecheck milter: listening on {settings.listen} (action {settings.action}, fail_on "
                   f"{fail_on}, on_error {settings.on_error}, {settings.jobs} checker"
                   f"{'s' if settings.jobs != 1 else ''})", err=True)
        gate.serve(gate.GateRuntime(settings, pool, fail_on=fail_on, internal_domains=cfg.internal_domains),
                   settings.listen, settings.socket_mode)
    except StartError as exc:
        _die(f"milter: {exc}")
    except gate.Milter.milter.error as exc:
        _die(f"milter: cannot listen on {settings.listen}: {exc}")
    finally:
        pool.close()
    log.info("stopped")
