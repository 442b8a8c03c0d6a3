"""The ``confwatch`` command line (click). Commands are thin: parse, call one function, print.

Exit status: 0 done; 1 the work ran but something failed; 2 bad usage or configuration, with one
line on stderr naming the problem. ``--json`` prints one JSON document on stdout and nothing else
there; logs and progress go to stderr. Tracebacks only with ``--debug``.
"""

from __future__ import annotations

import logging
from typing import Any

import click

from confwatch import __version__
from confwatch.scheduler import failures
from confwatch.scheduler.cli.context import Ctx
from confwatch.scheduler.logs import mask
from confwatch.scheduler.terminal import terminal_text

log = logging.getLogger("confwatch")


class ConfwatchGroup(click.Group):
    """Turns what escapes a command into one line on stderr and the right exit status
    (``failures.explain``); with ``--debug`` the traceback comes first. Secrets are masked."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (
            click.exceptions.Exit,
            click.ClickException,
            click.Abort,
            SystemExit,
            KeyboardInterrupt,
        ):
            raise
        except Exception as exc:
            settings = ctx.obj._settings if isinstance(ctx.obj, Ctx) else None
            secrets = failures.masker(settings)
            known = failures.explain(exc, settings)
            if ctx.obj is not None and getattr(ctx.obj, "debug", False):
                click.echo(failures.traceback_text(exc, secrets), err=True)
            if known is None:
                log.error("command.error", extra={"error": f"{type(exc).__name__}: {exc}"})
                line, code = failures.unexpected_line(exc), 1
            else:
                line, code = str(known), known.exit_code
            click.echo(terminal_text(mask(f"Error: {line}", secrets)), err=True)
            ctx.exit(code)


@click.group(cls=ConfwatchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config",
    type=click.Path(dir_okay=False),
    envvar="CONFWATCH_CONFIG",
    help="Configuration file (TOML). Default: the packaged configuration (the real sites).",
)
@click.option(
    "--log-format",
    type=click.Choice(["text", "json"]),
    default=None,
    help="Log lines on stderr as text (default) or JSON; also CONFWATCH_LOG_FORMAT.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logs.")
@click.version_option(__version__, prog_name="confwatch")
@click.pass_context
def main(ctx: click.Context, config: str | None, log_format: str | None, debug: bool) -> None:
    """Watch the sites that announce counter-terrorism and P/CVE conferences.

    confwatch crawls the configured sources (OSCE, UNOCT, ministries), stores each conference
    with its history, and publishes what is new or changed as RSS/Atom/iCalendar feeds.
    Data lives in CONFWATCH_HOME (default ./var); DATABASE_URL selects another database.
    Commands that only read (sources, status, events, subscribers list, digest preview) never
    create the home: where it holds no store yet they list what an empty store holds, and say so.

    \b
    Examples:
      confwatch crawl                 # crawl every source, then rebuild the feeds
      confwatch events --upcoming
      confwatch status; echo $?       # 1 when a source is failing or overdue
    """
    ctx.obj = Ctx(config=config, log_format=log_format, debug=debug)
