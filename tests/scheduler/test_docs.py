"""The documentation that is derived from code must match the code."""

from __future__ import annotations

import re
from pathlib import Path

from confwatch.scheduler import cli_docs

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCHEDULER = Path(__file__).resolve().parents[2] / "scheduler"


def test_cli_reference_is_generated_from_the_current_help_texts() -> None:
    assert (DOCS / "cli.md").read_text("utf-8") == cli_docs.render(), (
        "docs/cli.md is stale: python -m confwatch.scheduler.cli_docs > docs/cli.md"
    )


def test_configuration_reference_names_every_setting_the_reader_accepts() -> None:
    code = (SCHEDULER / "config.py").read_text("utf-8")
    keys = set(re.findall(r'r\.(?:get|duration|url_list)\("([a-z_]+)"', code))
    env = set(re.findall(r'env\.get\("([A-Z_]+)"', code))
    doc = (DOCS / "configuration.md").read_text("utf-8")
    missing = sorted(k for k in keys | env if f"`{k}`" not in doc)
    assert keys and env and not missing, f"docs/configuration.md does not explain: {missing}"
