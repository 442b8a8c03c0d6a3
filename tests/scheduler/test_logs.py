"""Log lines: the dotted message name is never overwritten by a field, secrets are masked in
every spelling, and the recipes in docs/operations.md select what they promise from the JSON log
of a real crawl."""

from __future__ import annotations

import base64
import json
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from confwatch.scheduler.logs import JsonFormatter, SecretFilter, TextFormatter
from tests.conftest import REPO, ReplaySite, replay_env

CONFIG = """
[[sources]]
key = "gia-mn"
kind = "generic"
start_urls = ["https://gia.gov.mn/en/12/item/514"]
"""


def record(msg: str, **fields: object) -> logging.LogRecord:
    rec = logging.LogRecord("confwatch.test", logging.INFO, __file__, 1, msg, None, None)
    for key, value in fields.items():
        setattr(rec, key, value)
    return rec


@pytest.mark.parametrize("reserved", ["event", "time", "level", "logger"])
def test_a_field_named_like_a_reserved_json_key_never_replaces_it(reserved: str) -> None:
    line = json.loads(JsonFormatter().format(record("item.new", **{reserved: 42}, source="x")))
    assert line["event"] == "item.new"
    assert line["logger"] == "confwatch.test" and line["level"] == "info"
    assert re.match(r"\d{4}-\d\d-\d\dT", line["time"])
    assert line[f"{reserved}_field"] == 42  # kept, under another name
    assert line["source"] == "x"


def test_text_lines_start_with_the_message_name() -> None:
    line = TextFormatter().format(record("item.new", event_id=7, source="osce"))
    assert line.split()[2:] == ["item.new", "event_id=7", "source=osce"]


@pytest.mark.parametrize("secret", ["p@ss/w rd&x=1", "plain-secret-123"])
def test_secret_filter_masks_every_spelling_of_a_secret(secret: str) -> None:
    spellings = [
        secret,
        quote(secret, safe=""),
        quote_plus(secret),
        base64.b64encode(secret.encode()).decode(),
    ]
    secret_filter = SecretFilter([quote(secret, safe="")])  # as it stands in DATABASE_URL
    for spelled in spellings:
        rec = record(f"db.error url=x://u:{spelled}@h", error=f"said {spelled}")
        secret_filter.filter(rec)
        text = JsonFormatter().format(rec)
        assert spelled not in text and "***" in text, spelled


@pytest.fixture
def crawl_log(tmp_path: Path, home: Path, replay_site: ReplaySite) -> tuple[Path, str]:
    """A real crawl of one source (JSON logs); the log file and the command's stderr."""
    config = tmp_path / "confwatch.toml"
    config.write_text(CONFIG, "utf-8")
    env = replay_env(home, config, replay_site.url)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "confwatch.scheduler",
            "--log-format",
            "json",
            "crawl",
            "--no-feeds",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return home / "logs" / "confwatch.log", done.stderr


def json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_json_log_of_a_crawl_names_each_stored_event_by_message_and_id(
    crawl_log: tuple[Path, str],
) -> None:
    log_file, _ = crawl_log
    lines = json_lines(log_file.read_text("utf-8"))
    new = [line for line in lines if line["event"] == "item.new"]
    assert new, [line["event"] for line in lines]
    assert all(isinstance(line["event_id"], int) for line in new)
    assert all(
        line["source"] == "gia-mn" and str(line["url"]).startswith("https://") for line in new
    )
    assert not [line for line in lines if not isinstance(line["event"], str)]


def test_log_format_json_makes_every_stderr_line_json(crawl_log: tuple[Path, str]) -> None:
    _, stderr = crawl_log
    names = [line["event"] for line in json_lines(stderr)]  # raises on a line that is not JSON
    assert "crawl.finish" in names and "item.new" in names


def documented_jq_recipes() -> list[str]:
    text = (REPO / "docs" / "operations.md").read_text("utf-8")
    recipes = re.findall(r"\| jq (?:-c )?'([^']+)'", text)
    assert recipes, "docs/operations.md shows no jq recipe"
    return recipes


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_documented_jq_recipes_select_fields_from_a_real_crawl_log(
    crawl_log: tuple[Path, str],
) -> None:
    log_file, _ = crawl_log
    for recipe in documented_jq_recipes():
        done = subprocess.run(
            ["jq", "-c", recipe, str(log_file)], capture_output=True, text=True, timeout=30
        )
        assert done.returncode == 0, (recipe, done.stderr)
        out = json_lines(done.stdout)
        assert out, f"{recipe!r} selects nothing from a crawl's log"
        for obj in out:
            assert None not in obj.values(), (recipe, obj)  # every key it names exists
