"""What of deploy/ can be checked without a Docker engine: the example configuration loads and
sets every documented key; the systemd units pass ``systemd-analyze verify``."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from confwatch.scheduler.config import load_settings

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "deploy" / "confwatch.example.toml"


def test_example_configuration_loads_with_distributed_mode_from_the_environment() -> None:
    settings = load_settings(EXAMPLE, {"CONFWATCH_REDIS_URL": "redis://:s3cret@redis:6379/0"})
    assert settings.crawl.redis_url == "redis://:s3cret@redis:6379/0"
    assert "s3cret" in settings.secrets()
    assert settings.crawl.contact == "mailto:ops@example.org"
    assert [s.key for s in settings.sources] == ["osce", "unoct", "mfa-mn", "mfa-example"]
    assert settings.subscribers and settings.feeds.filters


def test_example_configuration_shows_every_documented_key() -> None:
    doc = (REPO / "docs" / "configuration.md").read_text("utf-8")
    text = EXAMPLE.read_text("utf-8")
    sections = re.split(r"^## ", doc, flags=re.M)
    missing = []
    for section in sections:
        if section.startswith("Environment"):
            continue
        for key in re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.M):
            pattern = rf"^#?\s*{key}\s*=|[{{,]\s*{key}\s*=|^\[\[[a-z.]*{key}\]\]"
            if not re.search(pattern, text, flags=re.M):
                missing.append(key)
    assert not missing, f"deploy/confwatch.example.toml does not show: {missing}"
    tomllib.loads(text)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_systemd_units_verify(tmp_path: Path) -> None:
    # The units point at /opt/confwatch; verify copies pointing at this checkout's executable.
    exe = shutil.which("confwatch") or str(REPO / ".venv" / "bin" / "confwatch")
    for unit in (REPO / "deploy" / "systemd").glob("*.service"):
        name = unit.name.replace("@.service", "@1.service")
        (tmp_path / name).write_text(
            unit.read_text("utf-8").replace("/opt/confwatch/bin/confwatch", exe)
        )
    units = sorted(str(p) for p in tmp_path.glob("*.service"))
    done = subprocess.run(
        ["systemd-analyze", "verify", *units], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == ""
