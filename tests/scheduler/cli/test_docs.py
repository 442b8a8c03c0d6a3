"""The documentation that is derived from code must match the code."""

from __future__ import annotations

from confwatch.scheduler.cli import docs as cli_docs
from tests.conftest import REPO

DOCS = REPO / "docs"


def test_cli_reference_is_generated_from_the_current_help_texts() -> None:
    assert (DOCS / "cli.md").read_text("utf-8") == cli_docs.render(), (
        "docs/cli.md is stale: python -m confwatch.scheduler.cli.docs > docs/cli.md"
    )


# docs/configuration.md: generated from the configuration schema, checked in
# tests/scheduler/test_config_docs.py.
