"""``docs/cli.md`` is generated from the commands' own ``--help`` texts, so it cannot drift.

Regenerate with ``python -m confwatch.scheduler.cli.docs > docs/cli.md``; a test fails when the
file differs from what the code says.
"""

from __future__ import annotations

import click

from confwatch.scheduler.cli import main


def _walk(command: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    out = [(path, command)]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            out += _walk(command.commands[name], [*path, name])
    return out


def render() -> str:
    parts = [
        "# confwatch command line",
        "",
        "Generated from `--help` by `python -m confwatch.scheduler.cli.docs`; do not edit.",
        "",
    ]
    for path, command in _walk(main, ["confwatch"]):
        ctx = click.Context(
            command,
            info_name=" ".join(path),
            terminal_width=100,
            help_option_names=["-h", "--help"],
        )
        parts += [f"## {' '.join(path)}", "", "```", command.get_help(ctx).rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
