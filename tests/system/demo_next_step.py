"""The demo's printed next step, run as a new operator runs it: ``confwatch demo`` into a fresh
CONFWATCH_HOME, then exactly the command it printed, in a new shell that has neither confwatch
on its PATH nor CONFWATCH_HOME set, from the repository folder.

``python -m tests.system.demo_next_step HOME`` prints one JSON report of what happened; the test
runs it inside a network namespace that has only a loopback interface (``unshare -rn``), so any
request for a real site fails as it would on a machine with no network.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CONFWATCH = ".venv/bin/confwatch"  # as `make demo` runs it, relative to the repository
# What a new shell on a fresh machine has: confwatch is not on it.
PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
_SCRUBBED = (
    "CONFWATCH_HOME",
    "CONFWATCH_CONFIG",
    "CONFWATCH_REPLAY_URL",
    "CONFWATCH_DOWNLOAD_DELAY",
    "DATABASE_URL",
    "VIRTUAL_ENV",
)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
    env["PATH"] = PATH
    env.update(extra)
    return env


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except (urllib.error.URLError, OSError):
        return 0, b""


def _runs(home: Path) -> dict[str, dict[str, Any]]:
    """Each source's last run as ``confwatch status --json`` reports it."""
    done = subprocess.run(
        [CONFWATCH, "status", "--json"],
        cwd=REPO,
        env=_env(CONFWATCH_HOME=str(home)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    return {s["source"]: s for s in json.loads(done.stdout)["sources"]}


def run(home: Path, *, timeout: float = 240.0) -> dict[str, Any]:
    report: dict[str, Any] = {}
    demo = subprocess.run(
        [CONFWATCH, "demo"],
        cwd=REPO,
        env=_env(CONFWATCH_HOME=str(home)),
        capture_output=True,
        text=True,
        timeout=600,
    )
    report["demo_exit"] = demo.returncode
    report["demo_stdout"] = demo.stdout
    lines = demo.stdout.splitlines()
    command = next((ln.removeprefix("next: ") for ln in lines if ln.startswith("next: ")), None)
    if command is None:  # the older wording: "look at it: COMMAND, then open URL"
        said = next((ln for ln in lines if ln.startswith("look at it: ")), "")
        command = said.removeprefix("look at it: ").split(", then open")[0] or None
    opened = next((ln for ln in lines if "then open http" in ln), "")
    report["command"] = command
    if demo.returncode != 0 or command is None:
        return report
    base = "http" + opened.split("then open http", 1)[1].split()[0].rstrip("/")
    report["url"] = base
    before = _runs(home)
    report["runs_before"] = {k: s["last_run"] for k, s in before.items()}
    log = (home.parent / "serve.log").open("w")
    serve = subprocess.Popen(
        ["bash", "-c", command],
        cwd=REPO,
        env=_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + timeout
        status = 0
        while time.monotonic() < deadline and serve.poll() is None:
            status, _ = _get(base + "/")
            if status:
                break
            time.sleep(0.5)
        report["page_status"] = status
        report["feed_status"] = _get(base + "/feeds/feed.atom")[0]
        # A scheduled crawl of every source, through the recorded sites.
        after = before
        while time.monotonic() < deadline and serve.poll() is None:
            after = _runs(home)
            fresh = [
                s
                for k, s in after.items()
                if s["last_run"] != before[k]["last_run"] and s["last_status"] != "running"
            ]
            if len(fresh) == len(after):
                break
            time.sleep(2)
        report["runs_after"] = {
            k: {"run": s["last_run"], "status": s["last_status"], "items": s["items"]}
            for k, s in after.items()
        }
        code, body = _get(base + "/healthz")
        report["healthz_status"] = code
        report["healthz"] = json.loads(body) if body.startswith(b"{") else body.decode()
    finally:
        if serve.poll() is None:
            serve.send_signal(signal.SIGTERM)
        try:
            report["serve_exit"] = serve.wait(timeout=90)
        except subprocess.TimeoutExpired:
            report["serve_exit"] = "did not stop within 90 s of SIGTERM"
        with contextlib.suppress(ProcessLookupError):
            os.killpg(serve.pid, signal.SIGKILL)  # anything it left behind
        log.close()
        report["serve_log"] = (home.parent / "serve.log").read_text("utf-8")[-4000:]
    return report


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]))))
