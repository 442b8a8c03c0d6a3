"""What ``confwatch crawl`` tells people about a failed source: the table, the log and --json agree
on its errors, and no log line shows a Python object's repr."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, ReplaySite

FAILING = """
[[sources]]
key = "broken"
kind = "generic"
start_urls = ["https://www.osce.org/_fault/500"]
allowed_domains = ["www.osce.org"]
follow = ['/event/']
"""


def crawl(
    config: Path, home: Path, site: ReplaySite, *args: str
) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "CONFWATCH_HOME": str(home),
        "CONFWATCH_REPLAY_URL": site.url,
        "CONFWATCH_DOWNLOAD_DELAY": "0",
    }
    return subprocess.run(
        [str(REPO / ".venv/bin/confwatch"), "--config", str(config), "crawl", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def failed_crawl(tmp_path: Path, replay_site: ReplaySite) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "broken.toml"
    config.write_text(FAILING, "utf-8")
    return crawl(config, tmp_path / "home", replay_site)


def test_crawl_table_counts_the_errors_the_log_reports(
    failed_crawl: subprocess.CompletedProcess[str],
) -> None:
    assert failed_crawl.returncode == 1, failed_crawl.stderr
    header, row = failed_crawl.stdout.splitlines()[:2]
    table_errors = int(row.split()[header.split().index("errors")])
    logged = re.search(r"crawl\.finish source=broken .*?errors=(\d+)", failed_crawl.stderr)
    assert logged, failed_crawl.stderr
    assert table_errors == int(logged.group(1))
    listed = [ln for ln in failed_crawl.stderr.splitlines() if ln.startswith("  broken: ")]
    assert len(listed) == table_errors


def test_crawl_json_counts_the_errors_the_log_reports(
    tmp_path: Path, replay_site: ReplaySite
) -> None:
    config = tmp_path / "broken.toml"
    config.write_text(FAILING, "utf-8")
    done = crawl(config, tmp_path / "home", replay_site, "--json")
    (run,) = json.loads(done.stdout)["runs"]
    logged = re.search(r"crawl\.finish source=broken .*?errors=(\d+)", done.stderr)
    assert logged, done.stderr
    assert len(run["errors"]) == int(logged.group(1))


def test_scrapy_log_lines_name_the_spider_not_its_repr(
    failed_crawl: subprocess.CompletedProcess[str],
) -> None:
    scrapy_lines = [ln for ln in failed_crawl.stderr.splitlines() if "Gave up retrying" in ln]
    assert scrapy_lines, failed_crawl.stderr  # the line the issue saw is there...
    assert " at 0x" not in failed_crawl.stderr and "<GenericSpider" not in failed_crawl.stderr
    assert all("spider=broken" in ln for ln in scrapy_lines)  # ...and names the spider
