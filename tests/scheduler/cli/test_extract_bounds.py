"""Pages ``confwatch extract`` cannot trust: pages that never end or are larger than a crawl would
accept. Each gives one line naming the problem and exit 2 (event ids: test_events_bounds.py)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from confwatch.scheduler.cli import main

PAGE = (
    "<html><body><main><h1>Regional Conference on Countering Terrorism</h1>"
    "<p>Date: 5-6 October 2031</p><p>Venue: Vienna, Austria</p>"
    "<p>The OSCE Secretariat organizes a regional conference on countering terrorism.</p>"
    "</main></body></html>"
)


def _small_config(tmp_path: Path, max_bytes: int) -> Path:
    config = tmp_path / "small.toml"
    config.write_text(f"[crawl]\nmax_page_bytes = {max_bytes}\n", "utf-8")
    return config


def _limit_memory() -> None:
    # Reading /dev/zero without bound would take the machine's memory; 2 GB turns it into a
    # MemoryError in the child instead.
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def test_extract_of_a_device_that_never_ends_exits_2_naming_it(home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "confwatch.scheduler", "extract", "/dev/zero", "--json"],
        env=dict(os.environ, CONFWATCH_HOME=str(home)),
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_memory,
    )
    assert done.returncode == 2, done.stderr[-500:]
    assert done.stdout == ""
    assert done.stderr == "Error: /dev/zero: not a regular file\n"


def test_extract_of_a_page_larger_than_the_crawl_accepts_exits_2_naming_it(
    home: Path, tmp_path: Path
) -> None:
    page = tmp_path / "big.html"
    page.write_text(PAGE + " " * 2000, "utf-8")
    config = _small_config(tmp_path, 1000)
    result = CliRunner().invoke(main, ["--config", str(config), "extract", str(page), "--json"])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {page}: {page.stat().st_size} bytes is more than crawl.max_page_bytes (1000)\n"
    )


def test_extract_of_a_page_within_the_limit_still_reads_it(home: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, "utf-8")
    config = _small_config(tmp_path, 1000)
    result = CliRunner().invoke(main, ["--config", str(config), "extract", str(page), "--json"])
    assert result.exit_code == 0, result.output
    assert "Regional Conference on Countering Terrorism" in result.stdout


def test_extract_of_standard_input_larger_than_the_crawl_accepts_exits_2(
    home: Path, tmp_path: Path
) -> None:
    config = _small_config(tmp_path, 1000)
    result = CliRunner().invoke(
        main, ["--config", str(config), "extract", "-", "--json"], input=PAGE + " " * 2000
    )
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == (
        "Error: -: standard input is more than crawl.max_page_bytes (1000 bytes)\n"
    )
