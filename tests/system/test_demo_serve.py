"""The demo's next step works offline: after ``confwatch demo``, the command it prints serves the
page, the feeds and /healthz, and its scheduled crawls read the recorded sites, on a machine with
no network (a network namespace with only loopback)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.system.demo_next_step import REPO


def _offline_namespace() -> str | None:
    """None when ``unshare -rn`` can give a process a network of its own, else why not."""
    if not shutil.which("unshare") or not shutil.which("ip"):
        return "needs unshare and ip (util-linux, iproute2) for a network namespace"
    probe = subprocess.run(
        ["unshare", "-rn", "sh", "-c", "ip link set lo up"], capture_output=True, text=True
    )
    if probe.returncode != 0:
        return f"cannot create a network namespace here: {probe.stderr.strip()[:200]}"
    return None


def run_offline(home: Path) -> dict[str, Any]:
    script = f"ip link set lo up && exec {sys.executable} -m tests.system.demo_next_step {home}"
    done = subprocess.run(
        ["unshare", "-rn", "sh", "-c", script],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.timeout(900)
def test_demo_printed_next_step_serves_and_crawls_the_recorded_sites_without_network(
    tmp_path: Path,
) -> None:
    reason = _offline_namespace()
    if reason:
        pytest.skip(reason)
    report = run_offline(tmp_path / "home")
    assert report["demo_exit"] == 0, report.get("demo_stdout")
    assert report["command"], report["demo_stdout"]
    tail = report.get("serve_log", "")
    assert report["page_status"] == 200, tail
    assert report["feed_status"] == 200, tail
    statuses = {k: r["status"] for k, r in report["runs_after"].items()}
    fresh = {k for k, r in report["runs_after"].items() if r["run"] != report["runs_before"][k]}
    assert fresh == set(statuses), (report["runs_before"], report["runs_after"], tail)
    assert set(statuses.values()) == {"ok"}, (statuses, tail)
    assert report["healthz_status"] == 200, (report["healthz"], tail)
    assert report["serve_exit"] == 0, tail
