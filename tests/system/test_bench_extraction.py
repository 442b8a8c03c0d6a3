"""The extraction benchmarks of issue 15: cost per page read once, and failure counts per class
(numbers only), run as the note's commands run them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

LABELLED = REPO / "tests" / "fixtures" / "labelled"


def _folder(tmp_path: Path, count: int) -> Path:
    """The first ``count`` dev cases with their pages."""
    folder = tmp_path / "labelled"
    folder.mkdir()
    taken = 0
    for meta in sorted(LABELLED.glob("*.json")):
        case = json.loads(meta.read_text("utf-8"))
        if case.get("split") != "dev" or taken == count:
            continue
        shutil.copy(meta, folder)
        shutil.copy(LABELLED / case["page"], folder)
        taken += 1
    return folder


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=300
    )


def test_cost_times_each_page_after_the_warm_up_once(tmp_path: Path) -> None:
    done = _run("bench.extraction_cost", str(_folder(tmp_path, 25)))
    assert done.returncode == 0, done.stderr[-2000:]
    m = re.fullmatch(r"pages (\d+)  median ([\d.]+) ms  p90 ([\d.]+) ms\n", done.stdout)
    assert m is not None, done.stdout
    assert int(m.group(1)) == 5  # 25 cases, 20 of them read to warm up
    assert 0 < float(m.group(2)) <= float(m.group(3))


def test_class_counts_add_up_and_name_no_case(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 12)
    done = _run("bench.extraction_classes", str(folder), "dev")
    assert done.returncode == 0, done.stderr[-2000:]
    counts = json.loads(done.stdout)
    assert counts["cases"] == 12
    assert counts["found"] + counts["missed"] == counts["events"]
    assert counts["multi_found"] <= counts["multi_events"] <= counts["events"]
    assert not [name for name in (p.stem for p in folder.glob("*.json")) if name in done.stdout]
    assert _run("bench.extraction_classes", str(folder), "both").returncode == 2


def test_make_bench_reports_extraction_cost_per_page_and_per_paragraph(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = _run("bench.run", "--only", "extraction", "--out", str(out))
    assert done.returncode == 0, done.stderr[-2000:]
    got = json.loads(out.read_text("utf-8"))["extraction"]
    pages = sum(1 for _ in LABELLED.glob("*.json")) - 20  # all labelled pages but the warm-up
    assert got["pages"] == pages
    assert 0 < got["median_ms"] <= got["p90_ms"]
    assert got["find_place_ms"] > 0 and got["find_organisers_ms"] > 0
    assert "extraction per labelled page <= 5 ms median CPU" in done.stdout
