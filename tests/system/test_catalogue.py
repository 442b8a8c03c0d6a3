"""deploy/catalogue.toml: a catalogue of real sources an operator uses whole or picks from. It
loads and validates as a configuration, enables only what the packaged default enables, and says
for every entry which real pages show its addresses. Nothing here fetches anything."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from confwatch.scheduler.cli import main
from confwatch.scheduler.config import Settings, load_settings
from tests.conftest import REPO

CATALOGUE = REPO / "deploy" / "catalogue.toml"


@pytest.fixture
def catalogue(home: Path) -> Settings:
    return load_settings(CATALOGUE)


@pytest.fixture
def default(home: Path) -> Settings:
    return load_settings(None)


def entry_blocks() -> list[tuple[str, dict[str, object]]]:
    """Each ``[[sources]]`` table with the comment lines right above it."""
    text = CATALOGUE.read_text("utf-8")
    tables = tomllib.loads(text)["sources"]
    chunks = re.split(r"^\[\[sources\]\]$", text, flags=re.M)
    comments = []
    for chunk in chunks[:-1]:
        above = []
        for line in reversed(chunk.rstrip("\n").splitlines()):
            if not line.startswith("#"):
                break
            above.append(line)
        comments.append("\n".join(reversed(above)))
    assert len(comments) == len(tables)
    return list(zip(comments, tables, strict=True))


def test_catalogue_loads_and_validates_as_a_configuration(catalogue: Settings) -> None:
    assert len(catalogue.sources) >= 12


def test_config_check_finds_no_problem_in_the_catalogue(home: Path) -> None:
    result = CliRunner().invoke(main, ["config", "check", str(CATALOGUE), "--json"])
    assert result.exit_code == 0, result.output


def test_catalogue_enables_only_the_packaged_defaults_sources_unchanged(
    catalogue: Settings, default: Settings
) -> None:
    enabled = {s.key: s for s in catalogue.sources if s.enabled}
    assert set(enabled) == {s.key for s in default.sources if s.enabled}
    for source in default.sources:
        assert enabled[source.key] == source


def test_catalogue_entries_are_generic_unless_the_default_gives_them_a_spider(
    catalogue: Settings, default: Settings
) -> None:
    coded = {s.key for s in default.sources if s.kind != "generic"}
    assert all(s.kind == "generic" for s in catalogue.sources if s.key not in coded)


def test_every_new_catalogue_entry_follows_links_within_its_own_site(
    catalogue: Settings, default: Settings
) -> None:
    known = {s.key for s in default.sources}
    for source in catalogue.sources:
        if source.key in known:
            continue
        assert source.follow, source.key
        for url in source.start_urls:
            host = url.split("/")[2]
            assert any(host == d or host.endswith("." + d) for d in source.allowed_domains), url


def test_every_catalogue_entry_cites_the_pages_that_show_its_addresses() -> None:
    for comment, table in entry_blocks():
        seen = re.findall(r"^# seen: (\S+)", comment, flags=re.M)
        assert seen, f"{table['key']}: no '# seen:' line above it"
        assert all(s.startswith(("http://", "https://", "/")) for s in seen), table["key"]


def test_sources_lists_which_catalogue_entries_are_enabled(home: Path, catalogue: Settings) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["--config", str(CATALOGUE), "sources", "--json"])
    assert result.exit_code == 0, result.output
    listed = {s["key"]: s["enabled"] for s in json.loads(result.stdout)}
    assert listed == {s.key: s.enabled for s in catalogue.sources}
    text = runner.invoke(main, ["--config", str(CATALOGUE), "sources"]).stdout
    enabled = sum(listed.values())
    assert f"{enabled} of {len(listed)} sources enabled" in text
