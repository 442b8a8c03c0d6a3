"""``confwatch try``: a source crawled as a crawl would, with nothing stored.

The trials run the real command in a child process (which runs the real spider in its own child)
against the replay server's small generic site ``conf.test`` (tests/system/conftest.py),
with a real SQLite store beside them that must not change.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from confwatch.errors import ConfigError
from confwatch.scheduler.config import load_settings
from confwatch.scheduler.crawl.trial import TrialSpec, trial_source
from tests.conftest import ReplaySite
from tests.system.conftest import CONFIG, HOST, LISTING, SOURCE, confwatch, write_site

CONTACT = "ops@ministry.example"
# A page the listing links that is no conference: a trial must say it skipped it, and why.
NEWS = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>
<body><main><h1>Minister meets the Ambassador of Japan</h1>
<p>The Minister received the Ambassador of Japan on 2 March 2030 to discuss trade.</p>
</main></body></html>"""
FOLLOW = "/events/[a-z0-9]+$"


@pytest.fixture
def site(replay_site: ReplaySite) -> ReplaySite:
    write_site(replay_site.root)
    (replay_site.root / HOST / "events" / "gamma").mkdir()
    (replay_site.root / HOST / "events" / "gamma" / "index.html").write_text(NEWS, "utf-8")
    listing = replay_site.root / HOST / "events" / "index.html"
    html = listing.read_text("utf-8")
    links = '<li><a href="/events/gamma">gamma</a></li><li><a href="/about">About us</a></li>'
    listing.write_text(html.replace("</ul>", links + "</ul>"), "utf-8")
    return replay_site


@pytest.fixture
def env(tmp_path: Path, home: Path, site: ReplaySite) -> dict[str, str]:
    config = tmp_path / "confwatch.toml"
    config.write_text(CONFIG.replace("[crawl]\n", f'[crawl]\ncontact = "{CONTACT}"\n'), "utf-8")
    return dict(
        os.environ,
        CONFWATCH_HOME=str(home),
        CONFWATCH_CONFIG=str(config),
        CONFWATCH_REPLAY_URL=site.url,
        CONFWATCH_DOWNLOAD_DELAY="0",
    )


def _snapshot(db: Path) -> dict[str, Any]:
    """Every table's row count, and every page state as stored."""
    with sqlite3.connect(db) as conn:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        states = conn.execute("SELECT * FROM page_state ORDER BY url").fetchall()
    return {"counts": counts, "page_state": states}


def _try(env: dict[str, str], *args: str, code: int = 0) -> Any:
    done = confwatch(env, "try", *args, "--json")
    assert done.returncode == code, done.stderr[-3000:]
    assert "a trial has no store" not in done.stderr  # nothing even reached for one
    return json.loads(done.stdout)


def test_try_a_replayed_generic_source_prints_the_right_fields_and_leaves_the_store_untouched(
    env: dict[str, str], home: Path, site: ReplaySite
) -> None:
    crawled = confwatch(env, "crawl", SOURCE, "--no-feeds")
    assert crawled.returncode == 0, crawled.stderr[-3000:]
    # The site moves a conference: a crawl would store the new dates, a trial only shows them.
    alpha = site.root / HOST / "events" / "alpha" / "index.html"
    alpha.write_text(alpha.read_text("utf-8").replace("12-13 November", "14-15 November"), "utf-8")
    before = _snapshot(home / "confwatch.db")
    site.requests(clear=True)

    report = _try(env, SOURCE)

    assert _snapshot(home / "confwatch.db") == before
    assert (report["source"], report["status"], report["stored"]) == (SOURCE, "ok", False)
    by_url = {e["url"]: e for e in report["events"]}
    assert set(by_url) == {f"https://{HOST}/events/alpha", f"https://{HOST}/events/beta"}
    first = by_url[f"https://{HOST}/events/alpha"]
    assert (first["title"], first["start_date"], first["end_date"]) == (
        "Regional Conference on Countering Terrorism",
        "2030-11-14",
        "2030-11-15",
    )
    assert (first["city"], first["country"]) == ("Vienna", "AT")
    dates = next(f for f in first["explain"] if f["field"] == "dates")
    assert "14-15 November 2030" in dates["chosen"]["evidence"]
    assert [s["url"] for s in report["skipped"]] == [f"https://{HOST}/events/gamma"]
    assert report["skipped"][0]["reason"].startswith("not a conference page")
    assert report["not_followed"] == [f"https://{HOST}/about"]
    # Every page fetched in full: the trial knows no validators (and saves none).
    asked = [r for r in site.requests() if not str(r["path"]).endswith("robots.txt")]
    assert {r["path"] for r in asked} == {
        f"/{HOST}/events",
        f"/{HOST}/events/alpha",
        f"/{HOST}/events/beta",
        f"/{HOST}/events/gamma",
    }
    assert all(r["if_none_match"] is None and r["if_modified_since"] is None for r in asked)


def test_try_a_source_not_in_the_configuration_prints_each_field_with_its_evidence(
    env: dict[str, str], home: Path
) -> None:
    done = confwatch(
        env,
        "try",
        "new-ministry",
        "--kind",
        "generic",
        "--start-url",
        LISTING,
        "--follow",
        FOLLOW,
    )

    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert out.startswith("try new-ministry (generic): ok, 4 pages fetched, 2 conference(s)")
    assert "nothing was stored" in out.splitlines()[0]
    assert "Interregional Conference on Preventing Violent Extremism" in out
    assert "start_date:            2031-03-03" in out
    assert "city:                  Ulaanbaatar" in out
    assert "from: 3-4 March 2031" in out  # the evidence of the dates
    assert f"skipped (not stored):\n  https://{HOST}/events/gamma: not a conference page" in out
    assert not (home / "confwatch.db").exists()  # no store was even opened


def test_try_leaves_a_missing_home_uncreated(env: dict[str, str], home: Path) -> None:
    report = _try(env, SOURCE)

    assert len(report["events"]) == 2
    assert not home.exists()  # neither logs nor a cache: a trial writes nothing


def test_try_writes_no_log_into_an_existing_home(env: dict[str, str], home: Path) -> None:
    home.mkdir()

    _try(env, SOURCE)

    # The gazetteer may be cached there, as extract does (home_cache.py); nothing else.
    assert {p.name for p in home.iterdir()} <= {"cache"}


def test_try_says_which_selector_found_nothing_on_a_conference_page(env: dict[str, str]) -> None:
    report = _try(
        env,
        SOURCE,
        "--field",
        "date_text=p.when::text",
        "--field",
        "place_text=//main/p[2]/text()",
    )

    alpha = f"https://{HOST}/events/alpha"
    dates = next(e for e in report["events"] if e["url"] == alpha)
    assert dates["start_date"] == "2030-11-12"  # still read, from the page's text
    assert sorted(w["url"] for w in report["warnings"]) == [alpha, f"https://{HOST}/events/beta"]
    assert {w["problem"] for w in report["warnings"]} == {
        "fields.date_text: 'p.when::text' found nothing on this page"
        " (the value, if any, was read without it)"
    }  # the XPath that matched is not mentioned


def test_try_obeys_robots_txt_and_identifies_itself(env: dict[str, str], site: ReplaySite) -> None:
    (site.root / HOST / "robots.txt").write_text("User-agent: *\nDisallow: /events/beta\n")
    site.requests(clear=True)

    report = _try(env, LISTING, code=1)

    asked = site.requests()
    assert f"/{HOST}/events/beta" not in {r["path"] for r in asked}
    assert [e["url"] for e in report["events"]] == [f"https://{HOST}/events/alpha"]
    (error,) = report["errors"]
    assert error["url"] == f"https://{HOST}/events/beta" and "robots.txt" in error["message"]
    assert asked and all(CONTACT in str(r["user_agent"]) for r in asked)


def test_try_refuses_a_private_address_as_a_crawl_does(
    env: dict[str, str], site: ReplaySite
) -> None:
    env = {k: v for k, v in env.items() if k != "CONFWATCH_REPLAY_URL"}
    site.requests(clear=True)

    report = _try(env, f"{site.url}/{HOST}/events", code=1)

    (error,) = report["errors"]
    assert error["message"].startswith("refused: 127.0.0.1 is loopback")
    assert "allow_private" in error["message"]  # and says how to allow it
    assert report["pages"] == 0 and site.requests() == []


@pytest.fixture
def settings(tmp_path: Path, home: Path) -> Any:
    config = tmp_path / "confwatch.toml"
    config.write_text(CONFIG, "utf-8")
    return load_settings(config, env={"CONFWATCH_HOME": str(home)})


def test_a_configured_source_is_tried_with_the_settings_given_for_the_trial(settings: Any) -> None:
    source = trial_source(
        settings, TrialSpec(SOURCE, fields={"date_text": "p.when::text"}, max_pages=5)
    )
    configured = settings.source(SOURCE)
    assert (source.key, source.start_urls, source.follow) == (
        SOURCE,
        configured.start_urls,
        configured.follow,
    )
    assert (dict(source.fields), source.max_pages) == ({"date_text": "p.when::text"}, 5)


def test_a_url_is_tried_as_a_start_page_of_the_source_of_its_site_or_of_a_new_one(
    settings: Any,
) -> None:
    known = trial_source(settings, TrialSpec(f"https://{HOST}/events/alpha"))
    assert (known.key, known.start_urls) == (SOURCE, (f"https://{HOST}/events/alpha",))
    assert known.follow == settings.source(SOURCE).follow

    new = trial_source(settings, TrialSpec("https://www.mfa.example/en/news/"))
    assert (new.key, new.kind, new.allowed_domains, new.follow) == (
        "www-mfa-example",
        "generic",
        ("www.mfa.example",),
        (),
    )


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (TrialSpec("new-ministry"), "unknown source 'new-ministry'"),
        (
            TrialSpec("new-ministry", start_urls=("ftp://mfa.example/",)),
            "new-ministry: --start-url: 'ftp://mfa.example/':",
        ),
        (
            TrialSpec("new-ministry", start_urls=(LISTING,), follow=("/events/(",)),
            "new-ministry: --follow: '/events/(':",
        ),
        (
            TrialSpec(SOURCE, fields={"date_text": "span.when[::text"}),
            f"{SOURCE}: --field date_text: 'span.when[::text':",
        ),
    ],
)
def test_a_trial_that_cannot_be_tried_is_a_usage_error_naming_the_option(
    settings: Any, spec: TrialSpec, message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        trial_source(settings, spec)
    assert str(caught.value).startswith(message), str(caught.value)
    assert caught.value.exit_code == 2
