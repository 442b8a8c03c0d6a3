"""The demo's configuration: the packaged sources plus the demo's fictional site, unless the
operator gave a configuration of their own (the site's pages: tests/spiders/replay/test_server.py).
"""

from __future__ import annotations

from pathlib import Path

from confwatch.scheduler.config import load_settings
from confwatch.scheduler.demo import demo_settings


def test_demo_configuration_is_the_default_plus_the_demo_site(home: Path) -> None:
    default = load_settings()
    settings = demo_settings(default, None)
    assert settings.config_path == home / "demo.toml"
    keys = [s.key for s in settings.sources]
    assert keys == [*(s.key for s in default.sources), "demo-rctc"]
    assert "demo-rctc" not in {s.key for s in default.sources}  # production never crawls it


def test_demo_keeps_a_configuration_it_is_given(home: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[[sources]]\nkey = "osce"\nkind = "osce"\nstart_urls = ["https://www.osce.org/events"]\n'
    )
    settings = load_settings(mine)
    assert demo_settings(settings, str(mine)) is settings
    assert not (home / "demo.toml").exists()
