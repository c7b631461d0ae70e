"""`tonecheck serve`: the HTTP API's command line. cli.py only adds this command to the group.

Everything that can be wrong with the settings (config, [serve] table, brand guides, API key, a network address
without a key) is found here before the server listens, and ends the command with one line and exit code 2.
"""
from __future__ import annotations

import logging
import os
import sys

import click

EXIT_ERROR = 2


def _die(message: str):
    click.echo(f"tonecheck: serve: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.command("serve")
@click.option("--host", default=None, help="Address to listen on (default 127.0.0.1: this machine only). Any other "
                                           "address needs an API key.")
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="Port (default 8081, LanguageTool's; 0: any free port, printed at start).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Checking processes, each one draft at a time (default: the number of cores).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Use this tonecheck.toml / pyproject.toml (its [serve] table too).")
@click.option("--api-key-file", type=click.Path(dir_okay=False),
              help="File whose first line is the API key clients must send (else $TONECHECK_API_KEY).")
@click.option("--time-budget", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="CPU seconds to read and check one draft before it is refused as too complex (default: 2).")
def serve_cmd(host, port, workers, config_file, api_key_file, time_budget):
    """HTTP API for webmail and editors: LanguageTool's /v2/check, and tonecheck's /v1/check (JSON findings).

    Point the LanguageTool browser extension or LTeX at http://127.0.0.1:8081 and drafts are checked as they are
    typed. Not the same as `tonecheck server`, which is a resident process that only makes later `tonecheck`
    command lines start warm; `serve` answers HTTP requests and runs until stopped (Ctrl-C, SIGTERM).
    """
    try:
        import flask  # noqa: F401
        import gunicorn  # noqa: F401
    except ImportError as exc:
        _die(f"the HTTP API needs Flask and Gunicorn: pip install 'tonecheck[serve]' ({exc})")
    from . import auth
    from .server import Listen, run

    logging.basicConfig(level=logging.INFO, format="%(asctime)s tonecheck serve: %(levelname)s %(message)s")
    cfg, settings = _settings(config_file)
    host = host or settings.host or "127.0.0.1"
    try:
        key = auth.load_key(api_key_file or settings.api_key_file)
        auth.require_key_for(host, key)
    except auth.AuthSetupError as exc:
        _die(str(exc))
    port = port if port is not None else settings.port if settings.port is not None else 8081
    _check_address(host, port)
    app = _build_app(cfg, settings, key, time_budget)
    run(lambda: app, Listen(host=host, port=port, workers=workers or settings.workers or os.cpu_count() or 1))


def _check_address(host: str, port: int) -> None:
    """One line and exit 2 for an address that cannot be listened on (a port in use, a host that is not this
    machine's), before the warm-up, instead of Gunicorn's retries and its own exit code."""
    import socket

    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        _die(f"cannot listen on {host} port {port}: {exc.strerror or exc}")


def _settings(config_file):
    from ..config import ConfigError, config_for, load_config_file
    from .settings import read_settings

    try:
        cfg = load_config_file(config_file) if config_file else config_for(os.getcwd())
        return cfg, read_settings(cfg)
    except ConfigError as exc:
        _die(str(exc))


def _warm_modules(warm_up) -> None:
    """The resident server's warm-up (every module imported, every rule run once): an optimisation, so a module
    that cannot be imported here (an optional extra not installed) costs speed, never the start."""
    import gc

    try:
        warm_up()
    except ImportError as exc:
        logging.getLogger("tonecheck.serve").warning("warm-up incomplete: %s", exc)
    gc.unfreeze()               # warm_up froze what it built; frozen again once the server's own part is built


def _build_app(cfg, settings, key, time_budget):
    """The warm app: the pipeline, default engine and every named brand guide built here, in the process the
    workers fork from (a broken rule pack or brand guide stops the start with its reason)."""
    import gc

    from ..brandguide.validate import BrandError
    from ..budget import DEFAULT_SECONDS
    from ..resident.warm import warm_up
    from ..rules import RuleError
    from .app import create_app
    from .checking import Checker

    try:
        _warm_modules(warm_up)
        checker = Checker(cfg, settings.brands, time_budget=DEFAULT_SECONDS if time_budget is None else time_budget)
        checker.warm()
    except BrandError as exc:
        problems = list(getattr(exc, "problems", None) or [str(exc)])
        _die("a brand guide is invalid: " + "; ".join(problems))
    except RuleError as exc:
        _die(str(exc))
    gc.collect()
    gc.freeze()
    return create_app(checker, api_key=key, max_request_bytes=settings.max_request_bytes,
                      allow_origin=settings.allow_origin, issue_types=settings.issue_types)
