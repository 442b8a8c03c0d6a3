"""A crawl reads a page as ``confwatch extract`` does (decision 0015): a news post whose
sections name one forum twice is stored as one conference, not two, and ``confwatch try`` shows
that one conference."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from confwatch.scheduler.config import load_settings
from confwatch.scheduler.database import open_store
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


def _rewrite(page: Path, headline: str = HEADLINE, body: str = BODY) -> None:
    html = page.read_text("utf-8")
    html = re.sub(r'(<h1 class="entry-title">).*?(</h1>)', rf"\g<1>{headline}\g<2>", html)
    html = re.sub(
        r'(<div class="entry-content">\n).*?(</div>)',
        lambda m: m.group(1) + body + m.group(2),
        html,
        count=1,
        flags=re.S,
    )
    html = html.replace("2018-04-20T00:00:00", "2031-03-02T00:00:00")
    html = html.replace(">April 20, 2018<", ">March 2, 2031<")
    page.write_text(html, "utf-8")


def _post_env(
    tmp_path: Path, home: Path, replay_site: ReplaySite, headline: str = HEADLINE, body: str = BODY
) -> dict[str, str]:
    """The recorded post rewritten to name the forum twice, and a crawl's environment for it."""
    _rewrite(replay_site.page(POST), headline, body)
    config = tmp_path / "sites.toml"
    config.write_text(CONFIG, "utf-8")
    return replay_env(home, config, replay_site.url)


def test_crawl_stores_a_post_naming_one_forum_twice_as_one_conference(
    tmp_path: Path, home: Path, replay_site: ReplaySite
) -> None:
    env = _post_env(tmp_path, home, replay_site)
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
    env = _post_env(tmp_path, home, replay_site)
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


# Invented: the lead names the forum without a city; a later paragraph gives it (Tallinn).
NO_CITY_HEADLINE = "Estonia to host forum on online radicalisation"
NO_CITY_BODY = (
    "<p>State Secretary John Roe will on Monday, May 5, open the Nordic-Baltic Forum on "
    "Preventing Violent Extremism, organised by the Council of the Baltic Sea States.</p>\n"
    "<p>Estonia, in co-operation with the United Nations Office of Counter-Terrorism (UNOCT), is "
    "hosting the forum on violent extremism in Tallinn, from May 5 to May 7.</p>\n"
    "<p>The forum will bring together police, teachers and platform staff to compare how online "
    "radicalisation is met in the region.</p>\n"
)
NO_CITY = "city: no place found"


def _forum_env(
    tmp_path: Path, home: Path, replay_site: ReplaySite, *, city: bool
) -> dict[str, str]:
    """The post with the forum placed by its second mention only (or, not ``city``, by none)."""
    body = NO_CITY_BODY if city else NO_CITY_BODY.replace(" in Tallinn", "")
    return _post_env(tmp_path, home, replay_site, NO_CITY_HEADLINE, body)


def _run_warnings(env: dict[str, str]) -> int:
    store = open_store(load_settings(env=env), sync_sources=False)
    try:
        return int(store.last_runs()["mfa-post"].stats["warnings"])
    finally:
        store.close()


@pytest.mark.parametrize(("city", "said"), [(True, 0), (False, 1)])
def test_crawl_warns_of_no_city_only_when_the_stored_forum_has_none(
    tmp_path: Path, home: Path, replay_site: ReplaySite, city: bool, said: int
) -> None:
    env = _forum_env(tmp_path, home, replay_site, city=city)
    crawl = confwatch(env, "crawl", "--json")
    assert crawl.returncode == 0, crawl.stderr[-2000:]
    (event,) = json.loads(confwatch(env, "events", "--json").stdout)
    assert event["city"] == ("Tallinn" if city else None)
    assert crawl.stderr.count(NO_CITY) == said  # the item.warning log lines
    assert _run_warnings(env) == said  # and the run's count of them


@pytest.mark.parametrize(("city", "said"), [(True, 0), (False, 1)])
def test_try_warns_of_no_city_only_when_the_forum_it_shows_has_none(
    tmp_path: Path, home: Path, replay_site: ReplaySite, city: bool, said: int
) -> None:
    env = _forum_env(tmp_path, home, replay_site, city=city)
    tried = confwatch(env, "try", "mfa-post", "--json")
    assert tried.returncode == 0, tried.stderr[-2000:]
    report = json.loads(tried.stdout)
    (shown,) = report["events"]
    assert shown["city"] == ("Tallinn" if city else None)
    assert sum(NO_CITY in w["problem"] for w in report["warnings"]) == said
