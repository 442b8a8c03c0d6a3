"""Secrets come from the environment and never come back out: not in logs, errors, status output
or tracebacks (even with --debug, where the database URL is shown redacted)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.reliability.conftest import confwatch

SMTP_PASSWORD = "smtp-Pa55-word-xyz"
DB_PASSWORD = "db-Pa55-word-xyz"


@pytest.fixture
def secret_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONFWATCH_", "DATABASE_URL"))}
    return env | {
        "CONFWATCH_HOME": str(home),
        "CONFWATCH_SMTP_HOST": "127.0.0.1",
        "CONFWATCH_SMTP_PASSWORD": SMTP_PASSWORD,
        # Nothing listens on port 9: every command that opens the store fails.
        "DATABASE_URL": f"postgresql+psycopg://confwatch:{DB_PASSWORD}@127.0.0.1:9/confwatch",
    }


@pytest.mark.parametrize("debug", [[], ["--debug"]])
@pytest.mark.parametrize("command", [["status", "--json"], ["crawl", "gia-mn"], ["events"]])
def test_failing_commands_never_print_a_secret(
    secret_env: dict[str, str], home: Path, command: list[str], debug: list[str]
) -> None:
    done = confwatch(secret_env, *debug, *command, timeout=60)
    assert done.returncode != 0
    assert "127.0.0.1:9" in done.stderr  # the error names the database ...
    logs = (
        "".join(p.read_text("utf-8") for p in (home / "logs").glob("*"))
        if (home / "logs").is_dir()
        else ""
    )
    for secret in (SMTP_PASSWORD, DB_PASSWORD):
        for text in (done.stdout, done.stderr, logs):
            assert secret not in text  # ... but never its password
