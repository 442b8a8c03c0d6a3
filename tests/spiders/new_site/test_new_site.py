"""``python -m confwatch.spiders.new_site``: a new site's module, folder and failing test.

The generator runs for real in a copy of the packages in ``tmp_path`` (a checkout of its own, so
the new kind is found there and nowhere else), and the test it writes runs under pytest there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from confwatch.spiders.new_site import NewSiteError, plan, recorded_path
from confwatch.spiders.replay.server import resolve

REPO = Path(__file__).resolve().parents[3]
LISTING = "https://www.mfa.example/en/events/"
EVENT = "https://www.mfa.example/en/events/ct-conference-2026"
LISTING_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Events</title></head><body>
<nav><a href="/en/about">About the ministry</a></nav>
<ul class="event-list"><li><a href="/en/events/ct-conference-2026">Regional Conference on
Countering Terrorism</a></li></ul>
</body></html>
"""
EVENT_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Regional Conference on Countering Terrorism</title></head><body>
<article><h1>Regional Conference on Countering Terrorism</h1>
<p>The Regional Conference on Countering Terrorism and Violent Extremism will be held on
14-15 September 2026 in Vienna, Austria. The conference brings together experts on preventing
and countering violent extremism and terrorism from the region.</p></article>
</body></html>
"""


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The four packages and confwatch/ with its links, and an empty tests/ tree."""
    for name in ("confwatch", "spiders", "store", "feeds", "scheduler"):
        shutil.copytree(
            REPO / name,
            tmp_path / name,
            symlinks=True,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    (tmp_path / "tests" / "spiders").mkdir(parents=True)
    (tmp_path / "tests" / "fixtures" / "sites").mkdir(parents=True)
    (tmp_path / "tests" / "__init__.py").write_text("")
    (tmp_path / "tests" / "spiders" / "__init__.py").write_text("")
    return tmp_path


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A command under the checkout's packages (PYTHONPATH wins over the editable install)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, *args], cwd=root, env=env, capture_output=True, text=True, timeout=240
    )


def generate(root: Path) -> None:
    done = run(
        root, "-m", "confwatch.spiders.new_site", "mfa-example", "--start-url", LISTING,
        "--event-url", EVENT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def generated_test(root: Path) -> subprocess.CompletedProcess[str]:
    return run(
        root, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
        "tests/spiders/sites/test_mfa_example.py",
    )  # fmt: skip


def record(root: Path) -> None:
    for url, html in ((LISTING, LISTING_HTML), (EVENT, EVENT_HTML)):
        page = root / "tests" / "fixtures" / "sites" / recorded_path(url)
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(html, "utf-8")


def test_generator_writes_the_module_the_folder_and_the_test(checkout: Path) -> None:
    generate(checkout)
    assert (checkout / "spiders" / "sites" / "mfa_example.py").is_file()
    assert (checkout / "tests" / "fixtures" / "sites" / "www.mfa.example" / "robots.txt").is_file()
    assert (checkout / "tests" / "spiders" / "sites" / "__init__.py").is_file()
    kinds = run(checkout, "-c", "from confwatch.spiders.registry import SPIDERS; print(*SPIDERS)")
    assert kinds.stdout.split() == ["mfa-example", "mfa-mn", "osce", "unoct", "generic"]


def test_generated_test_fails_asking_for_the_recorded_pages(checkout: Path) -> None:
    generate(checkout)
    done = generated_test(checkout)
    assert done.returncode == 1
    assert (
        f"record the page first: save {EVENT} as "
        "tests/fixtures/sites/www.mfa.example/en/events/ct-conference-2026/index.html"
    ) in done.stdout
    assert f"record the page first: save {LISTING} as " in done.stdout


def test_generated_test_on_recorded_pages_asks_for_links_and_the_expected_fields(
    checkout: Path,
) -> None:
    generate(checkout)
    record(checkout)
    done = generated_test(checkout)
    assert done.returncode == 1
    assert f"the listing does not lead to {EVENT}: set listing_links" in done.stdout
    assert (
        f"fill in EXPECTED in test_mfa_example.py with what {EVENT} must yield; it now yields:"
        in done.stdout
    )
    assert "'start_date': '2026-09-14'" in done.stdout


def test_generated_test_passes_once_the_spider_and_expected_are_filled_in(
    checkout: Path,
) -> None:
    generate(checkout)
    record(checkout)
    spider = checkout / "spiders" / "sites" / "mfa_example.py"
    spider.write_text(
        spider.read_text().replace(
            "listing_links: ClassVar[tuple[str, ...]] = ()",
            'listing_links: ClassVar[tuple[str, ...]] = (".event-list a",)',
        )
    )
    test = checkout / "tests" / "spiders" / "sites" / "test_mfa_example.py"
    expected = '[{"start_date": "2026-09-14", "end_date": "2026-09-15", "city": "Vienna"}]'
    test.write_text(re.sub(r"(?m)^(EXPECTED: .*) = None$", rf"\1 = {expected}", test.read_text()))
    done = generated_test(checkout)
    assert done.returncode == 0, done.stdout
    assert "2 passed" in done.stdout


def test_a_kind_that_exists_is_refused() -> None:
    with pytest.raises(NewSiteError, match=r"spiders/sites/osce.py exists already"):
        plan("osce", start_url=LISTING, event_url=EVENT, root=REPO)


@pytest.mark.parametrize("kind", ["generic", "MFA", "mfa_example", "mfa--x", "2mfa", "-mfa"])
def test_a_kind_that_cannot_be_a_module_or_is_generic_is_refused(kind: str) -> None:
    with pytest.raises(NewSiteError, match=re.escape(repr(kind))):
        plan(kind, start_url=LISTING, event_url=EVENT, root=REPO)


def test_outside_a_checkout_nothing_is_planned(tmp_path: Path) -> None:
    with pytest.raises(NewSiteError, match="run from a confwatch checkout's root"):
        plan("mfa-example", start_url=LISTING, event_url=EVENT, root=tmp_path)


@pytest.mark.parametrize(
    ("url", "path", "query"),
    [
        ("https://www.osce.org/events", "/events", ""),
        ("https://www.osce.org/events?page=1", "/events", "page=1"),
        ("https://mfa.gov.mn/en/29995/", "/en/29995/", ""),
        ("https://www.un.org/files/statement.pdf", "/files/statement.pdf", ""),
    ],
)
def test_a_page_recorded_where_the_generator_says_is_what_the_replay_server_serves(
    tmp_path: Path, url: str, path: str, query: str
) -> None:
    page = tmp_path / recorded_path(url)
    page.parent.mkdir(parents=True)
    page.write_text("<html></html>")
    host = url.split("/")[2]
    assert resolve(tmp_path, f"/{host}{path}", query) == page.resolve()
