"""``make bench`` right after ``make demo``: the benchmarks run with the runtime dependencies only
(``make demo`` installs no test extra), so no benchmark may import pytest or its friends."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from tests.conftest import REPO


def extra_modules() -> list[str]:
    extra = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"
    ]["test"]
    names = [req.split(">")[0].split("<")[0].split("=")[0].split("[")[0] for req in extra]
    return [name.strip().replace("-", "_") for name in names]


def test_bench_dates_measures_without_the_test_extra_installed() -> None:
    blocked = extra_modules()
    assert "pytest" in blocked and "hypothesis" in blocked
    # A module set to None in sys.modules cannot be imported: as if it were not installed.
    script = (
        "import sys\n"
        f"for name in {blocked!r}: sys.modules[name] = None\n"
        "import bench.run\n"
        "from bench import bench_dates\n"
        "print(bench_dates.measure()['strings'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip().splitlines()[-1]) > 50
