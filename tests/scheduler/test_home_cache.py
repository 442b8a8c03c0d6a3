"""The offline commands (extract, eval, reextract) read the gazetteer and the compiled patterns
from the home's cache folder when there is a home to keep it in, and never create a home for
it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from confwatch.scheduler.config import load_settings
from confwatch.scheduler.home_cache import use_home_cache
from confwatch.spiders.normalise import pattern_cache, places
from tests.conftest import REPO

PAGE = (
    REPO
    / "tests/fixtures/sites/mfa.gov.mn/en"
    / "deputy-foreign-minister-attends-inter-regional-conference-on-counter-terrorism-2/index.html"
)


@pytest.fixture
def no_cache_dir() -> Iterator[None]:
    places.use_cache_dir(None)
    pattern_cache.use_cache_dir(None)
    yield
    places.use_cache_dir(None)
    pattern_cache.use_cache_dir(None)


def test_an_existing_home_lends_its_cache_folder(home: Path, no_cache_dir: None) -> None:
    home.mkdir()
    use_home_cache(load_settings(None))
    path = places._cache_file()
    assert path is not None and path.parent == home / "cache"
    assert pattern_cache._folder == home / "cache" and pattern_cache._write


def test_a_missing_home_is_not_created_for_a_cache(home: Path, no_cache_dir: None) -> None:
    use_home_cache(load_settings(None))
    assert places._cache_file() is None
    assert pattern_cache._folder is None
    assert not home.exists()


def test_extract_saves_the_gazetteer_and_patterns_once_and_reads_them_back(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONFWATCH_", "DATABASE_URL"))}
    command = [sys.executable, "-m", "confwatch.scheduler", "extract", str(PAGE), "--json"]

    def extract() -> object:
        done = subprocess.run(
            command, env=env | {"CONFWATCH_HOME": str(home)}, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return json.loads(done.stdout)

    first = extract()
    (saved,) = (home / "cache").glob("gazetteer-*.marshal")
    (patterns,) = (home / "cache").glob("patterns.*.marshal")
    written = saved.stat().st_mtime_ns, patterns.stat().st_mtime_ns
    assert extract() == first
    # read, not built and written again
    assert (saved.stat().st_mtime_ns, patterns.stat().st_mtime_ns) == written
    assert first and first[0]["city"] == "Seoul"  # type: ignore[index]
