"""``confwatch subscribers`` and ``confwatch digest``: exit codes, JSON on stdout, clear errors."""

from __future__ import annotations

import email
import email.policy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from confwatch.scheduler.cli import main


@pytest.fixture
def runner(home: Path) -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(
    "command",
    [
        "subscribers",
        "subscribers add",
        "subscribers list",
        "subscribers remove",
        "digest",
        "digest preview",
        "digest send",
    ],
)
def test_every_digest_command_has_help_with_examples(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [*command.split(), "--help"])
    assert result.exit_code == 0 and "Examples:" in result.output


def test_an_invalid_address_is_refused_with_a_clear_message(runner: CliRunner) -> None:
    result = runner.invoke(main, ["subscribers", "add", "analyst.example.org"])
    assert result.exit_code == 2
    assert "'analyst.example.org' is not a valid email address" in result.stderr
    assert "@" in result.stderr  # says what is missing


def test_add_list_and_remove_a_subscriber(runner: CliRunner) -> None:
    added = runner.invoke(
        main,
        [
            "subscribers",
            "add",
            "ana@example.org",
            "--name",
            "Ana",
            "--country",
            "mn",
            "--organiser",
            "OSCE",
            "--frequency",
            "daily",
        ],
    )
    assert added.exit_code == 0, added.output
    listed = runner.invoke(main, ["subscribers", "list", "--json"])
    (sub,) = json.loads(listed.stdout)
    assert sub["email"] == "ana@example.org" and sub["frequency"] == "daily"
    assert sub["filters"]["countries"] == ["MN"] and sub["filters"]["organisers"] == ["OSCE"]
    assert runner.invoke(main, ["subscribers", "remove", "ana@example.org"]).exit_code == 0
    assert json.loads(runner.invoke(main, ["subscribers", "list", "--json"]).stdout) == []
    again = runner.invoke(main, ["subscribers", "remove", "ana@example.org"])
    assert again.exit_code == 2 and "no active subscriber" in again.stderr


def test_a_bad_subscriber_in_the_configuration_names_file_and_field(
    runner: CliRunner, tmp_path: Path
) -> None:
    config = tmp_path / "confwatch.toml"
    config.write_text('[[subscribers]]\nemail = "ana@"\n', "utf-8")
    result = runner.invoke(main, ["--config", str(config), "subscribers", "list"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: confwatch.toml: subscribers[ana@].email: 'ana@' is not")


def test_configured_subscribers_are_listed_and_changed_only_in_the_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    config = tmp_path / "confwatch.toml"
    config.write_text('[[subscribers]]\nemail = "desk@example.org"\ntopics = ["P/CVE"]\n', "utf-8")
    listed = runner.invoke(main, ["--config", str(config), "subscribers", "list", "--json"])
    (sub,) = json.loads(listed.stdout)
    assert (sub["email"], sub["origin"], sub["filters"]["topics"]) == (
        "desk@example.org",
        "config",
        ["P/CVE"],
    )
    removed = runner.invoke(
        main, ["--config", str(config), "subscribers", "remove", "desk@example.org"]
    )
    assert removed.exit_code == 2 and "configuration file" in removed.stderr


def test_digest_send_json_is_one_document(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner.invoke(main, ["subscribers", "add", "ana@example.org"])
    result = runner.invoke(main, ["digest", "send", "--dry-run", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["dry_run"] is True
    assert [d["recipient"] for d in doc["digests"]] == ["ana@example.org"]
    assert doc["digests"][0]["status"] in ("would_send", "would_skip")


def test_digest_preview_writes_the_message_and_its_html(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "preview" / "digest.eml"
    result = runner.invoke(main, ["digest", "preview", "--out", str(out)])
    assert result.exit_code == 0, result.output
    msg = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    assert out.with_suffix(".html").read_text("utf-8").startswith("<!doctype html>")
