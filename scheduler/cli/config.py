"""``confwatch config check [FILE]``: every problem of a configuration at once, before use."""

from __future__ import annotations

import os

import click

from confwatch.errors import ConfigError
from confwatch.scheduler.cli.context import Ctx
from confwatch.scheduler.cli.output import echo, emit_json
from confwatch.scheduler.config import check_config, config_path

pass_ctx = click.make_pass_decorator(Ctx)


@click.group()
def config() -> None:
    """Check the configuration file.

    \b
    Examples:
      confwatch config check /etc/confwatch/confwatch.toml
      confwatch --config mine.toml config check --json
    """


@config.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the problems as one JSON document.")
@pass_ctx
def check(ctx: Ctx, file: str | None, as_json: bool) -> None:
    """Check a configuration file and list every problem in it at once.

    FILE defaults to --config / CONFWATCH_CONFIG, else the packaged configuration. Checked as
    every command reads it, with the environment's overrides (CONFWATCH_REPLAY_URL, ...): unknown
    keys and sections (with the nearest known name), types, bounds that keep crawling polite and
    bounded, URLs, regexes, CSS and XPath selectors, cron schedules, conflicting settings and
    private addresses nobody allowed. One line per problem on stdout, naming file, source and
    field; exit status 2 when there is any, 0 when there is none. Nothing is crawled or stored.

    \b
    Examples:
      confwatch config check confwatch.toml
      confwatch config check                  # the file --config or CONFWATCH_CONFIG names
      confwatch config check mine.toml --json
    """
    path = config_path(file or ctx.config, os.environ)
    checked = check_config(path, os.environ)
    if as_json:
        emit_json(
            {
                "file": str(path) if path else None,
                "ok": not checked.problems,
                "problems": [p.to_json() for p in checked.problems],
            }
        )
    elif checked.settings is not None:
        sources = checked.settings.sources
        enabled = sum(1 for s in sources if s.enabled)
        noun = "source" if len(sources) == 1 else "sources"
        echo(f"{checked.where}: no problems ({len(sources)} {noun}, {enabled} enabled)")
    else:
        for problem in checked.problems:
            echo(str(problem))
    if checked.problems:
        count = len(checked.problems)
        listed = "" if as_json else " (listed above)"
        raise ConfigError(f"{checked.where}: {count} problem{'s' if count > 1 else ''}{listed}")


COMMANDS = [config]
