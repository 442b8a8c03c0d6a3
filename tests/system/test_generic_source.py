"""An operator adds a site by configuration alone: a `generic` source with link patterns and a
selector, crawled over the replay server with the same spiders and pipeline as every source."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ReplaySite, replay_env

CONFIG = """
[[sources]]
key = "mfa-by-config"
kind = "generic"
name = "A ministry added by configuration"
start_urls = ["https://mfa.gov.mn/en/category/news/"]
# News posts, not the site's menu pages (about, contact).
follow = ['^https://mfa\\.gov\\.mn/en/(?!about/|contact/)[a-z0-9-]+/$']
fields = { title = "h1.entry-title::text" }
every = "12h"
"""


def test_a_generic_source_follows_its_patterns_and_finds_the_conference(
    tmp_path: Path, home: Path, replay_site: ReplaySite
) -> None:
    config = tmp_path / "sites.toml"
    config.write_text(CONFIG, "utf-8")
    env = replay_env(home, config, replay_site.url)
    sources = subprocess.run(
        [sys.executable, "-m", "confwatch.scheduler", "sources", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert [s["key"] for s in json.loads(sources.stdout)] == ["mfa-by-config"]
    crawl = subprocess.run(
        [sys.executable, "-m", "confwatch.scheduler", "crawl", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert crawl.returncode == 0, crawl.stderr[-2000:]
    (run,) = json.loads(crawl.stdout)["runs"]
    assert run["status"] == "ok" and run["pages"] >= 4  # the listing and the three posts it links
    events = json.loads(
        subprocess.run(
            [sys.executable, "-m", "confwatch.scheduler", "events", "--json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
    )
    (event,) = events  # the two posts about other things are skipped
    # The conference's own name, not the post's headline about a minister attending it (§5.12).
    assert event["title"] == (
        "Inter-Regional Conference on Preventing and Countering Violent Extremism and "
        "Radicalization that lead to Terrorism"
    )
    assert (event["start_date"], event["end_date"], event["city"], event["country"]) == (
        "2018-04-19",
        "2018-04-20",
        "Seoul",
        "KR",
    )
    asked = {str(r["path"]) for r in replay_site.requests()}
    assert (
        "/mfa.gov.mn/en/29995/" in asked
    )  # followed by the pattern, then skipped as no conference
    skipped = [ln for ln in crawl.stderr.splitlines() if "item.skipped" in ln and "29995" in ln]
    assert skipped and "reason=" in skipped[0]
