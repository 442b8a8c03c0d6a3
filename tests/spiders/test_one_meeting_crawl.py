"""A crawl reads a page as ``confwatch extract`` does (decision 0015): a news post whose
sections name one forum twice is stored as one conference, not two, and ``confwatch try`` shows
that one conference."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import ReplaySite, replay_env
from tests.system.conftest import confwatch

POST = (
    "https://mfa.gov.mn/en/"
    "deputy-foreign-minister-attends-inter-regional-conference-on-counter-terrorism-2/"
)

CONFIG = f"""
[[sources]]
key = "mfa-post"
kind = "generic"
start_urls = ["{POST}"]
every = "12h"
"""

# Invented text in the recorded post's own markup: a headline naming no meeting, a lead naming
# the forum with its first day, then a paragraph with its organisers and all three days.
HEADLINE = "Riga to host regional forum on countering extremism"
BODY = (
    "<p>Minister Jane Doe will on Tuesday, March 10, open the Baltic Counter-Extremism Forum in "
    "Riga.</p>\n"
    "<p>Latvia, with the support of the Organization for Security and Co-operation in Europe "
    "(OSCE), is hosting a regional counter-extremism forum under the theme 'Resilient "
    "Communities', in Riga, from March 10 to March 12.</p>\n"
    "<p>The forum will bring together officials, researchers and civil society to compare how "
    "online radicalisation is met across the region.</p>\n"
)


def _rewrite(page: Path) -> None:
    html = page.read_text("utf-8")
    html = re.sub(r'(<h1 class="entry-title">).*?(</h1>)', rf"\g<1>{HEADLINE}\g<2>", html)
    html = re.sub(
        r'(<div class="entry-content">\n).*?(</div>)',
        lambda m: m.group(1) + BODY + m.group(2),
        html,
        count=1,
        flags=re.S,
    )
    html = html.replace("2018-04-20T00:00:00", "2031-03-02T00:00:00")
    html = html.replace(">April 20, 2018<", ">March 2, 2031<")
    page.write_text(html, "utf-8")


def test_crawl_stores_a_post_naming_one_forum_twice_as_one_conference(
    tmp_path: Path, home: Path, replay_site: ReplaySite
) -> None:
    _rewrite(replay_site.page(POST))
    config = tmp_path / "sites.toml"
    config.write_text(CONFIG, "utf-8")
    env = replay_env(home, config, replay_site.url)
    crawl = confwatch(env, "crawl", "--json")
    assert crawl.returncode == 0, crawl.stderr[-2000:]
    (event,) = json.loads(confwatch(env, "events", "--json").stdout)
    assert (
        event["title"],
        event["start_date"],
        event["end_date"],
        event["city"],
        event["country"],
    ) == ("Baltic Counter-Extremism Forum", "2031-03-10", "2031-03-12", "Riga", "LV")
    assert event["organisers"] == ["Government of Latvia", "OSCE"]


def test_try_shows_the_one_conference_a_crawl_of_the_post_stores(
    tmp_path: Path, home: Path, replay_site: ReplaySite
) -> None:
    _rewrite(replay_site.page(POST))
    config = tmp_path / "sites.toml"
    config.write_text(CONFIG, "utf-8")
    env = replay_env(home, config, replay_site.url)
    tried = confwatch(env, "try", "mfa-post", "--json")
    assert tried.returncode == 0, tried.stderr[-2000:]
    (shown,) = json.loads(tried.stdout)["events"]
    assert confwatch(env, "crawl", "--json").returncode == 0
    (stored,) = json.loads(confwatch(env, "events", "--json").stdout)
    fields = ("title", "start_date", "end_date", "city", "country", "organisers")
    assert {f: shown[f] for f in fields} == {f: stored[f] for f in fields}
    # The reasons shown are those of the mention that gave each value.
    why = {c["field"]: c["chosen"] for c in shown["explain"]}
    assert why["dates"]["value"] == "2031-03-10 – 2031-03-12"
    assert why["organisers"]["value"] == "Government of Latvia; OSCE"
